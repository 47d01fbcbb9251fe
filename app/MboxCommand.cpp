#include "MboxCommand.h"

#include "CommandSupport.h"
#include "Profile.h"

#include "accounts/AccountRepository.h"
#include "mime/Mbox.h"
#include "store/StoreReader.h"
#include "store/StoreWriter.h"
#include "sync/MessageIngest.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QEventLoop>
#include <QFile>
#include <QSaveFile>

namespace Poplar::App {

namespace {

// The address of "Name <addr>", for the mbox separator line (which allows no spaces).
QByteArray envelopeSender(const QString &from)
{
    QString address = from;
    const qsizetype open = from.lastIndexOf(u'<');
    if (open >= 0)
        address = from.mid(open + 1).section(u'>', 0, 0);
    address = address.trimmed();
    return address.contains(u' ') || address.isEmpty() ? QByteArray() : address.toUtf8();
}

} // namespace

int runExportCommand(const CommandContext &context)
{
    QCommandLineParser parser;
    const QCommandLineOption mboxOption(QStringLiteral("mbox"), QString(), QStringLiteral("file"));
    const QCommandLineOption accountOption(QStringLiteral("account"), QString(),
                                           QStringLiteral("name"));
    parser.addOptions({mboxOption, accountOption});
    if (!parseArguments(parser, QStringLiteral("export"), context))
        return 2;
    if (!parser.isSet(mboxOption)) {
        printError(QCoreApplication::translate(
            "Poplar::App::MboxCommand", "Usage: poplar export --mbox FILE [--account NAME]"));
        return 2;
    }
    auto profile = openProfile(context);
    if (!profile)
        return 1;
    QString account;
    if (parser.isSet(accountOption)) {
        const auto found = findAccount(Accounts::AccountRepository(profile->settingsPath()),
                                       parser.value(accountOption), QStringLiteral("export"));
        if (!found)
            return 1;
        account = found->id;
    }
    Store::StoreReader reader;
    if (const Store::StoreError error = reader.open(profile->databasePath())) {
        printError(QStringLiteral("poplar export: ") + error.message());
        return 1;
    }

    QSaveFile out(parser.value(mboxOption));
    if (!out.open(QIODevice::WriteOnly)) {
        printError(QStringLiteral("poplar export: %1: %2")
                       .arg(parser.value(mboxOption), out.errorString()));
        return 1;
    }
    int exported = 0;
    for (const Store::Folder folder : {Store::Folder::Inbox, Store::Folder::Trash}) {
        Store::PageQuery query;
        query.account = account;
        query.folder = folder;
        query.sortKey = Store::SortKey::Date;
        query.order = Qt::AscendingOrder;
        query.limit = 500;
        for (;;) {
            const auto page = reader.page(query);
            if (!page) {
                printError(QStringLiteral("poplar export: ") + page.error().message());
                return 1;
            }
            for (const Store::MessageSummary &row : page.value()) {
                const auto raw = reader.rawMessage(row.id);
                if (!raw) {
                    printError(QStringLiteral("poplar export: ") + raw.error().message());
                    return 1;
                }
                out.write(Mime::Mbox::entry(raw.value(), envelopeSender(row.from), row.date));
                ++exported;
            }
            if (page.value().size() < query.limit)
                break;
            query.after = Store::StoreReader::cursorAfter(page.value().constLast(), query.sortKey);
        }
    }
    if (!out.commit()) {
        printError(QStringLiteral("poplar export: %1: %2")
                       .arg(parser.value(mboxOption), out.errorString()));
        return 1;
    }
    printLine(
        QCoreApplication::translate("Poplar::App::MboxCommand", "Exported %1 message(s) to %2.")
            .arg(exported)
            .arg(parser.value(mboxOption)));
    return 0;
}

int runImportCommand(const CommandContext &context)
{
    QCommandLineParser parser;
    const QCommandLineOption mboxOption(QStringLiteral("mbox"), QString(), QStringLiteral("file"));
    const QCommandLineOption accountOption(QStringLiteral("account"), QString(),
                                           QStringLiteral("name"));
    parser.addOptions({mboxOption, accountOption});
    if (!parseArguments(parser, QStringLiteral("import"), context))
        return 2;
    if (!parser.isSet(mboxOption) || !parser.isSet(accountOption)) {
        printError(QCoreApplication::translate("Poplar::App::MboxCommand",
                                               "Usage: poplar import --mbox FILE --account NAME"));
        return 2;
    }
    auto profile = openProfile(context);
    if (!profile)
        return 1;
    const auto found = findAccount(Accounts::AccountRepository(profile->settingsPath()),
                                   parser.value(accountOption), QStringLiteral("import"));
    if (!found)
        return 1;
    const QString account = found->id;
    QFile in(parser.value(mboxOption));
    if (!in.open(QIODevice::ReadOnly)) {
        printError(QStringLiteral("poplar import: %1: %2")
                       .arg(parser.value(mboxOption), in.errorString()));
        return 1;
    }
    const QList<QByteArray> messages = Mime::Mbox::split(in.readAll());

    Store::StoreWriter writer(profile->databasePath());
    QEventLoop loop;
    int waiting = 0;
    int added = 0;
    int present = 0;
    QString failure;
    QObject::connect(&writer, &Store::StoreWriter::batchFinished, &loop,
                     [&](const Store::BatchResult &result) {
                         if (!result.committed())
                             failure = result.error.message();
                         for (const auto &operation : result.operations) {
                             if (operation.insert == Store::BatchResult::InsertOutcome::Inserted)
                                 ++added;
                             else
                                 ++present;
                         }
                         if (--waiting == 0)
                             loop.quit();
                     });
    // Messages the account already has (same Message-ID and content, e.g. downloaded from the
    // server before) are not added twice.
    Store::StoreReader reader;
    const bool canCompare = !reader.open(profile->databasePath());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    Store::WriteBatch batch;
    for (qsizetype i = 0; i < messages.size(); ++i) {
        // The same message always gets the same key, so importing twice adds nothing.
        const QString key =
            QStringLiteral("mbox:") +
            QString::fromLatin1(
                QCryptographicHash::hash(messages.at(i), QCryptographicHash::Sha256).toHex());
        Store::NewMessage message =
            Sync::MessageIngest::prepare(account, key, messages.at(i), -1, false, now);
        bool known = false;
        if (canCompare && !message.messageId.isEmpty()) {
            for (const auto &stored :
                 reader.messagesWithMessageId(account, message.messageId).valueOr({}))
                known = known || stored.contentHash == message.contentHash;
        }
        if (known)
            ++present;
        else
            batch.insertMessage(std::move(message));
        if (!batch.isEmpty() && (batch.size() == 200 || i == messages.size() - 1)) {
            ++waiting;
            writer.submit(std::exchange(batch, {}));
        }
    }
    if (waiting > 0)
        loop.exec();
    if (!failure.isEmpty()) {
        printError(QStringLiteral("poplar import: ") + failure);
        return 1;
    }
    printLine(QCoreApplication::translate("Poplar::App::MboxCommand",
                                          "Imported %1 message(s); %2 were already there.")
                  .arg(added)
                  .arg(present));
    return 0;
}

} // namespace Poplar::App
