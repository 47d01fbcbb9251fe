// What a mailbox of a million messages costs the sync before the first download: the
// listings (UIDL, LIST), the plan, and the first-seen records of every new UIDL.
//
//   bench_announce serve COUNT [nouidl]
//                                a ManyMessagesServer (without UIDL: Poplar then keys each
//                                message by its header, TOP n 0); prints "port N", serves
//                                until killed
//   bench_announce plan PORT     one sync of a new account on a new store against it, stopped
//                                as soon as the plan is made and its bookkeeping committed
//
// Run the two as separate processes (announce-bench.sh does) so that /usr/bin/time -v on
// "plan" measures Poplar's side only.

#include "ManyMessagesServer.h"

#include "store/StoreWriter.h"
#include "sync/AccountSync.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>

using namespace Poplar;

namespace {

int serve(int count, bool uidl)
{
    TestSupport::ManyMessagesServer server(count);
    server.setUidlOffered(uidl);
    if (!server.start()) {
        std::fprintf(stderr, "cannot listen: %s\n", qPrintable(server.errorString()));
        return 1;
    }
    std::printf("port %d\n", int(server.port()));
    std::fflush(stdout);
    return QCoreApplication::exec();
}

int plan(quint16 port)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("mail.sqlite"));
    Store::StoreWriter writer(path);

    Sync::SyncAccount account;
    account.id = QStringLiteral("bench");
    account.name = QStringLiteral("Bench");
    account.server.host = QStringLiteral("127.0.0.1");
    account.server.port = port;
    account.server.security = Net::Security::None;
    account.server.username = QStringLiteral("bench");
    account.server.password = QStringLiteral("bench");
    account.server.responseTimeoutMs = 600000;

    Sync::AccountSync run(account, &writer, path);
    QElapsedTimer clock;
    qint64 listingAt = -1;
    qint64 plannedAt = -1;
    int total = 0;
    QObject::connect(&run, &Sync::AccountSync::stateChanged, &run,
                     [&](Sync::AccountSync::State state) {
                         if (state == Sync::AccountSync::State::Listing)
                             listingAt = clock.elapsed();
                     });
    QObject::connect(&run, &Sync::AccountSync::progressChanged, &run,
                     [&](const Sync::SyncProgress &progress) {
                         if (plannedAt < 0) {
                             plannedAt = clock.elapsed();
                             total = progress.messagesTotal;
                             run.cancel();
                         }
                     });
    int status = 1;
    QObject::connect(&run, &Sync::AccountSync::finished, &run, [&](const Sync::SyncResult &result) {
        if (plannedAt < 0)
            std::fprintf(stderr, "the run ended before a plan: %s\n", qPrintable(result.error));
        else
            status = 0;
        QCoreApplication::quit();
    });
    clock.start();
    QTimer::singleShot(0, &run, [&run] { run.start(); });
    QCoreApplication::exec();
    if (status == 0) {
        std::printf("%d messages to download; logged in after %.2f s, listed and planned "
                    "%.2f s later\n",
                    total, double(listingAt) / 1000, double(plannedAt - listingAt) / 1000);
    }
    return status;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() >= 3 && args.at(1) == QLatin1StringView("serve"))
        return serve(args.at(2).toInt(), args.value(3) != QLatin1StringView("nouidl"));
    if (args.size() == 3 && args.at(1) == QLatin1StringView("plan")) {
        QElapsedTimer total;
        total.start();
        const int status = plan(quint16(args.at(2).toUInt()));
        // The store writer has finished its batches (the first-seen records) by now.
        std::printf("%.2f s in all, with the store's bookkeeping\n",
                    double(total.elapsed()) / 1000);
        return status;
    }
    std::fprintf(stderr, "usage: bench_announce serve COUNT [nouidl] | plan PORT\n");
    return 2;
}
