#include "SyncCommand.h"

#include "CommandSupport.h"
#include "Profile.h"

#include "accounts/AccountRepository.h"
#include "accounts/AccountSettings.h"
#include "accounts/CredentialStore.h"
#include "store/StoreWriter.h"
#include "sync/AccountFeed.h"
#include "sync/SyncManager.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QHash>
#include <QLocale>
#include <QSslError>

namespace Poplar::App {

namespace {
constexpr qint64 ProgressIntervalMs = 1000;
} // namespace

int runSyncCommand(const CommandContext &context)
{
    QCommandLineParser parser;
    const QCommandLineOption accountOption(QStringLiteral("account"), QString(),
                                           QStringLiteral("name"));
    const QCommandLineOption passwordStdin(QStringLiteral("password-stdin"));
    parser.addOptions({accountOption, passwordStdin});
    if (!parseArguments(parser, QStringLiteral("sync"), context))
        return 2;
    if (parser.isSet(passwordStdin) && !parser.isSet(accountOption)) {
        printError(QCoreApplication::translate("Poplar::App::SyncCommand",
                                               "poplar sync: --password-stdin needs --account."));
        return 2;
    }

    auto profile = openProfile(context);
    if (!profile)
        return 1;
    Accounts::AccountRepository repository(profile->settingsPath());
    QStringList wanted;
    for (const Accounts::AccountSettings &account : repository.accounts())
        wanted << account.id;
    if (parser.isSet(accountOption)) {
        const auto account =
            findAccount(repository, parser.value(accountOption), QStringLiteral("sync"));
        if (!account)
            return 1;
        wanted = {account->id};
    }
    if (wanted.isEmpty()) {
        printError(QCoreApplication::translate(
            "Poplar::App::SyncCommand",
            "poplar sync: no account yet. Add one with: poplar account add"));
        return 1;
    }

    Store::StoreWriter writer(profile->databasePath());
    Accounts::CredentialStore credentials;
    Sync::SyncManager manager(&writer, profile->databasePath());
    Sync::AccountFeed feed(&repository, &credentials, &manager);

    int failures = 0;
    int running = 0;
    QEventLoop loop;
    QObject::connect(&feed, &Sync::AccountFeed::passwordNeeded, &loop,
                     [&](const QString &id, const QString &reason) {
                         if (!wanted.contains(id) || parser.isSet(passwordStdin))
                             return;
                         const auto account = repository.findById(id);
                         printError(QCoreApplication::translate(
                                        "Poplar::App::SyncCommand",
                                        "%1: no password (%2). Give it with --account %1 "
                                        "--password-stdin.")
                                        .arg(account ? account->name() : id, reason));
                         ++failures;
                     });
    // A line per account about once a second, and when its last message is in: a line per
    // message would flood the terminal (a progress signal comes several times per message).
    struct Printed
    {
        QElapsedTimer at;
        int messagesDone = -1;
    };
    QHash<QString, Printed> printed;
    QObject::connect(&manager, &Sync::SyncManager::progressChanged, &loop,
                     [&](const QString &id, const Sync::SyncProgress &progress) {
                         Printed &last = printed[id];
                         const bool due =
                             !last.at.isValid() || last.at.elapsed() >= ProgressIntervalMs;
                         const bool lastMessage = progress.messagesTotal > 0 &&
                                                  progress.messagesDone == progress.messagesTotal &&
                                                  last.messagesDone != progress.messagesDone;
                         if (!due && !lastMessage)
                             return;
                         last.at.start();
                         last.messagesDone = progress.messagesDone;
                         const auto account = manager.account(id);
                         const QLocale locale;
                         printError(QCoreApplication::translate("Poplar::App::SyncCommand",
                                                                "%1: %2/%3 messages, %4 of %5")
                                        .arg(account ? account->name : id)
                                        .arg(progress.messagesDone)
                                        .arg(progress.messagesTotal)
                                        .arg(locale.formattedDataSize(progress.bytesDone),
                                             locale.formattedDataSize(progress.bytesTotal)));
                     });
    // The window shows such a certificate and lets the user trust it; here the user is told
    // how to do the same after checking the fingerprint.
    QObject::connect(
        &manager, &Sync::SyncManager::certificateRejected, &loop,
        [&](const QString &id, const Net::CertificateProblem &problem) {
            const auto account = manager.account(id);
            QStringList reasons;
            for (const QSslError &error : problem.errors)
                reasons << error.errorString();
            const QString fingerprint =
                Accounts::AccountSettings::fingerprintToText(QByteArray::fromHex(problem.sha256));
            printError(QCoreApplication::translate(
                           "Poplar::App::SyncCommand",
                           "%1: the server's certificate has the SHA-256 fingerprint %2 (%3). "
                           "If you have checked that it is your mail server's, trust it with: "
                           "poplar account trust \"%1\" %2")
                           .arg(account ? account->name : id, fingerprint,
                                reasons.isEmpty() ? QCoreApplication::translate(
                                                        "Poplar::App::SyncCommand",
                                                        "not the certificate trusted before")
                                                  : reasons.join(QStringLiteral("; "))));
        });
    QObject::connect(
        &manager, &Sync::SyncManager::finished, &loop,
        [&](const QString &id, const Sync::SyncResult &result) {
            const auto account = manager.account(id);
            const QString name = account ? account->name : id;
            if (result.ok) {
                printError(QCoreApplication::translate("Poplar::App::SyncCommand",
                                                       "%1: %2 new, %3 deleted on the server.")
                               .arg(name)
                               .arg(result.downloaded)
                               .arg(result.deletedOnServer));
            } else {
                ++failures;
                printError(QStringLiteral("%1: %2").arg(name, result.error));
            }
            for (const QString &warning : result.warnings)
                printError(QStringLiteral("%1: %2").arg(name, warning));
            if (--running == 0)
                loop.quit();
        });
    QObject::connect(&feed, &Sync::AccountFeed::ready, &loop, [&] {
        if (running > 0)
            return; // a later refresh while syncing
        for (const QString &id : std::as_const(wanted)) {
            if (manager.account(id)) {
                ++running;
                manager.sync(id);
            }
        }
        if (running == 0)
            loop.quit();
    });

    const QString password = parser.isSet(passwordStdin) ? readPasswordFromStdin() : QString();
    // Started from the loop, so that an answer that comes at once still finds it running.
    QMetaObject::invokeMethod(
        &loop,
        [&] {
            if (parser.isSet(passwordStdin))
                feed.usePassword(wanted.constFirst(), password);
            else
                feed.refresh();
        },
        Qt::QueuedConnection);
    loop.exec();
    return failures == 0 ? 0 : 1;
}

} // namespace Poplar::App
