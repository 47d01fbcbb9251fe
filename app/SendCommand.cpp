#include "SendCommand.h"

#include "CommandSupport.h"
#include "Profile.h"

#include "accounts/AccountRepository.h"
#include "accounts/AccountSettings.h"
#include "accounts/CredentialJob.h"
#include "accounts/CredentialStore.h"
#include "compose/ComposedMessage.h"
#include "mime/Address.h"
#include "send/OutboxSender.h"
#include "store/StoreReader.h"
#include "store/StoreWriter.h"
#include "store/WriteBatch.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QStringDecoder>

namespace Poplar::App {

namespace {

// Waits for the writer to open the store (creating or upgrading it); prints why not.
bool waitOpened(Store::StoreWriter &writer)
{
    if (!writer.isOpen()) {
        QEventLoop loop;
        QObject::connect(&writer, &Store::StoreWriter::opened, &loop, &QEventLoop::quit);
        loop.exec();
    }
    if (writer.openError()) {
        printError(writer.openError().message());
        return false;
    }
    return true;
}

// Commits one batch and waits for it; the operations' ids in *ids. Prints why not.
bool commit(Store::StoreWriter &writer, Store::WriteBatch batch, QList<qint64> *ids = nullptr)
{
    QEventLoop loop;
    Store::BatchResult outcome;
    const quint64 ticket = writer.submit(std::move(batch));
    QObject::connect(&writer, &Store::StoreWriter::batchFinished, &loop,
                     [&](const Store::BatchResult &result) {
                         if (result.ticket != ticket)
                             return;
                         outcome = result;
                         loop.quit();
                     });
    loop.exec();
    if (!outcome.committed()) {
        printError(outcome.error.message());
        return false;
    }
    if (ids) {
        for (const auto &op : outcome.operations)
            ids->append(op.id);
    }
    return true;
}

// A keychain read, waited for. Prints why not and returns nothing when there is no password.
std::optional<QString> readPassword(Accounts::CredentialStore &credentials, const QString &key,
                                    const QString &accountName)
{
    QEventLoop loop;
    std::optional<QString> password;
    Accounts::CredentialJob *job = credentials.readPassword(key);
    QObject::connect(
        job, &Accounts::CredentialJob::finished, &loop, [&](Accounts::CredentialJob *finished) {
            if (finished->status() == Accounts::CredentialStatus::Ok)
                password = finished->password();
            else
                printError(
                    QCoreApplication::translate("Poplar::App::SendCommand",
                                                "%1: no password for the outgoing server (%2).")
                        .arg(accountName, finished->errorString()));
            loop.quit();
        });
    loop.exec();
    return password;
}

QString stateName(Store::OutgoingRecord::State state)
{
    switch (state) {
    case Store::OutgoingRecord::State::Queued:
        return QCoreApplication::translate("Poplar::App::SendCommand", "queued");
    case Store::OutgoingRecord::State::Sending:
        return QCoreApplication::translate("Poplar::App::SendCommand", "sending");
    case Store::OutgoingRecord::State::Failed:
        return QCoreApplication::translate("Poplar::App::SendCommand", "failed");
    case Store::OutgoingRecord::State::Unknown:
        return QCoreApplication::translate("Poplar::App::SendCommand", "unknown");
    }
    return QString();
}

// Sends the queued messages of each account in `accounts`; prints what happened to each
// message. Returns the number of messages that were not sent or that a recipient refused, or
// -1 when a run failed.
int sendQueues(Store::StoreWriter &writer, const QString &databasePath,
               const QList<Accounts::AccountSettings> &accounts, bool ignoreSchedule)
{
    Accounts::CredentialStore credentials;
    int notSent = 0;
    bool runFailed = false;
    for (const Accounts::AccountSettings &account : accounts) {
        if (!account.outgoing.isConfigured()) {
            printError(QCoreApplication::translate(
                           "Poplar::App::SendCommand",
                           "%1: the account has no outgoing server yet; its messages stay in the "
                           "Outbox. Add one with: poplar account outgoing \"%1\" --smtp-host HOST")
                           .arg(account.name()));
            runFailed = true;
            continue;
        }
        const std::optional<QString> password =
            readPassword(credentials,
                         account.outgoing.samePassword
                             ? account.id
                             : Accounts::AccountSettings::outgoingCredentialId(account.id),
                         account.name());
        if (!password) {
            runFailed = true;
            continue;
        }
        Send::OutboxSender sender(&writer, databasePath, account.id,
                                  account.outgoingSettings(*password));
        QEventLoop loop;
        Send::OutboxRun run;
        QObject::connect(&sender, &Send::OutboxSender::sendingMessage, &loop,
                         [&](qint64 id, int index, int total) {
                             printError(
                                 QCoreApplication::translate("Poplar::App::SendCommand",
                                                             "%1: sending message #%2 (%3 of %4)…")
                                     .arg(account.name())
                                     .arg(id)
                                     .arg(index)
                                     .arg(total));
                         });
        QObject::connect(
            &sender, &Send::OutboxSender::messageSent, &loop,
            [&](qint64 id, const QList<Smtp::RecipientResult> &refused) {
                printLine(
                    QCoreApplication::translate("Poplar::App::SendCommand", "#%1 sent.").arg(id));
                if (!refused.isEmpty())
                    ++notSent;
                for (const Smtp::RecipientResult &r : refused) {
                    printLine(QCoreApplication::translate("Poplar::App::SendCommand",
                                                          "#%1: %2 did not get it: %3")
                                  .arg(id)
                                  .arg(r.address, Smtp::describeReply(r.reply)));
                }
            });
        QObject::connect(&sender, &Send::OutboxSender::messageNotSent, &loop,
                         [&](qint64 id, Store::OutgoingRecord::State state, const QString &why) {
                             printLine(QCoreApplication::translate("Poplar::App::SendCommand",
                                                                   "#%1 not sent (%2): %3")
                                           .arg(id)
                                           .arg(stateName(state), why));
                         });
        QObject::connect(&sender, &Send::OutboxSender::certificateRejected, &loop,
                         [&](const Net::CertificateProblem &problem) {
                             printError(QCoreApplication::translate(
                                            "Poplar::App::SendCommand",
                                            "%1: the outgoing server's certificate has the "
                                            "SHA-256 fingerprint %2 (%3). If you have checked it, "
                                            "trust it with: poplar account trust \"%1\" %2 --smtp")
                                            .arg(account.name(),
                                                 Accounts::AccountSettings::fingerprintToText(
                                                     QByteArray::fromHex(problem.sha256)),
                                                 problem.reasons()));
                         });
        QObject::connect(&sender, &Send::OutboxSender::finished, &loop,
                         [&](const Send::OutboxRun &result) {
                             run = result;
                             loop.quit();
                         });
        sender.start(ignoreSchedule);
        loop.exec();
        if (!run.error.isEmpty()) {
            printError(QStringLiteral("%1: %2").arg(account.name(), run.error));
            runFailed = true;
        }
        notSent += run.failed + run.unknown + run.postponed;
    }
    return runFailed ? -1 : notSent;
}

// Messages Poplar stopped sending in the middle of (a crash) become Unknown before anything
// else is sent.
bool recover(Store::StoreWriter &writer)
{
    Store::WriteBatch batch;
    batch.recoverInterruptedSends();
    return commit(writer, std::move(batch));
}

QList<Mime::Address> addresses(const QStringList &values, bool *ok)
{
    QList<Mime::Address> out;
    for (const QString &value : values) {
        const QList<Mime::Address> parsed = Mime::Address::parseList(value.toUtf8());
        for (const Mime::Address &a : parsed) {
            if (!a.email.contains(u'@') || a.email.startsWith(u'@') || a.email.endsWith(u'@')) {
                printError(
                    QCoreApplication::translate("Poplar::App::SendCommand",
                                                "poplar send: \"%1\" is not an email address.")
                        .arg(a.email));
                *ok = false;
            }
            out.append(a);
        }
        if (parsed.isEmpty()) {
            printError(QCoreApplication::translate("Poplar::App::SendCommand",
                                                   "poplar send: \"%1\" is not an email address.")
                           .arg(value));
            *ok = false;
        }
    }
    return out;
}

} // namespace

int runSendCommand(const CommandContext &context)
{
    QCommandLineParser parser;
    const QCommandLineOption accountOption(QStringLiteral("account"), QString(),
                                           QStringLiteral("name"));
    const QCommandLineOption toOption(QStringLiteral("to"), QString(), QStringLiteral("address"));
    const QCommandLineOption ccOption(QStringLiteral("cc"), QString(), QStringLiteral("address"));
    const QCommandLineOption bccOption(QStringLiteral("bcc"), QString(), QStringLiteral("address"));
    const QCommandLineOption subjectOption(QStringLiteral("subject"), QString(),
                                           QStringLiteral("text"));
    const QCommandLineOption attachOption(QStringLiteral("attach"), QString(),
                                          QStringLiteral("file"));
    const QCommandLineOption inReplyToOption(QStringLiteral("in-reply-to"), QString(),
                                             QStringLiteral("message-id"));
    parser.addOptions({accountOption, toOption, ccOption, bccOption, subjectOption, attachOption,
                       inReplyToOption});
    if (!parseArguments(parser, QStringLiteral("send"), context))
        return 2;
    if (!parser.isSet(accountOption) || !parser.isSet(subjectOption) ||
        (!parser.isSet(toOption) && !parser.isSet(ccOption) && !parser.isSet(bccOption))) {
        printError(QCoreApplication::translate(
            "Poplar::App::SendCommand",
            "poplar send: give --account, --subject and at least one of --to, --cc, "
            "--bcc; the text comes on standard input."));
        return 2;
    }
    bool ok = true;
    Mime::OutgoingMessage message;
    message.to = addresses(parser.values(toOption), &ok);
    message.cc = addresses(parser.values(ccOption), &ok);
    message.bcc = addresses(parser.values(bccOption), &ok);
    message.subject = parser.value(subjectOption);
    for (const QString &path : parser.values(attachOption)) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            printError(QCoreApplication::translate("Poplar::App::SendCommand",
                                                   "poplar send: cannot read %1: %2")
                           .arg(path, file.errorString()));
            ok = false;
            continue;
        }
        message.attachments.append(
            {QFileInfo(path).fileName(), QByteArray(), file.readAll(), false});
    }
    if (!ok)
        return 2;

    QFile input;
    if (!input.open(stdin, QIODevice::ReadOnly)) {
        printError(QCoreApplication::translate("Poplar::App::SendCommand",
                                               "poplar send: cannot read standard input."));
        return 1;
    }
    QStringDecoder utf8(QStringDecoder::Utf8);
    message.text = utf8.decode(input.readAll());
    if (utf8.hasError()) {
        printError(QCoreApplication::translate(
            "Poplar::App::SendCommand",
            "poplar send: the text on standard input is not UTF-8; nothing was sent."));
        return 2;
    }

    auto profile = openProfile(context);
    if (!profile)
        return 1;
    Accounts::AccountRepository repository(profile->settingsPath());
    const auto account =
        findAccount(repository, parser.value(accountOption), QStringLiteral("send"));
    if (!account)
        return 1;
    message.from = Mime::Address{account->senderName, account->emailAddress, QString()};

    Store::StoreWriter writer(profile->databasePath());
    if (!waitOpened(writer))
        return 1;
    if (parser.isSet(inReplyToOption)) {
        // The answered message's references and its id, so the reply joins its thread.
        QString id = parser.value(inReplyToOption).trimmed();
        if (id.startsWith(u'<') && id.endsWith(u'>'))
            id = id.mid(1, id.size() - 2);
        message.inReplyTo = id;
        Store::StoreReader reader;
        if (!reader.open(profile->databasePath())) {
            const auto original = reader.messagesWithMessageId(account->id, id).valueOr({});
            if (!original.isEmpty())
                message.references = original.first().references;
        }
        message.references.removeAll(id);
        message.references.append(id);
    }

    const Store::OutgoingRecord record =
        Compose::ComposedMessage::outboxEntry(message, account->id);
    QList<qint64> ids;
    Store::WriteBatch queue;
    queue.queueOutgoing(record);
    if (!recover(writer) || !commit(writer, std::move(queue), &ids))
        return 1;
    printError(
        QCoreApplication::translate("Poplar::App::SendCommand", "Message #%1 is in the Outbox.")
            .arg(ids.value(0)));

    const int notSent =
        sendQueues(writer, profile->databasePath(), {*account}, /*ignoreSchedule=*/false);
    Store::StoreReader reader;
    if (!reader.open(profile->databasePath())) {
        const auto still = reader.outgoing(ids.value(0));
        if (still)
            return 1; // not sent: the reason was printed; it stays in the Outbox
    }
    return notSent == 0 ? 0 : 1;
}

int runOutboxCommand(const CommandContext &context)
{
    QCommandLineParser parser;
    const QCommandLineOption accountOption(QStringLiteral("account"), QString(),
                                           QStringLiteral("name"));
    parser.addOption(accountOption);
    parser.addPositionalArgument(QStringLiteral("action"), QString());
    if (!parseArguments(parser, QStringLiteral("outbox"), context))
        return 2;
    const QStringList args = parser.positionalArguments();
    const QString action = args.value(0);
    const bool needsId = action == u"retry" || action == u"mark-sent" || action == u"delete";
    if ((!action.isEmpty() && action != u"send" && !needsId) || (needsId && args.size() != 2) ||
        (!needsId && args.size() > 1)) {
        printError(QCoreApplication::translate(
            "Poplar::App::SendCommand",
            "Usage: poplar outbox [send [--account NAME] | retry ID | mark-sent ID | "
            "delete ID]"));
        return 2;
    }
    auto profile = openProfile(context);
    if (!profile)
        return 1;
    Accounts::AccountRepository repository(profile->settingsPath());
    QList<Accounts::AccountSettings> accounts = repository.accounts();
    if (parser.isSet(accountOption)) {
        const auto account =
            findAccount(repository, parser.value(accountOption), QStringLiteral("outbox"));
        if (!account)
            return 1;
        accounts = {*account};
    }
    Store::StoreWriter writer(profile->databasePath());
    if (!waitOpened(writer) || !recover(writer))
        return 1;
    Store::StoreReader reader;
    if (const Store::StoreError error = reader.open(profile->databasePath())) {
        printError(error.message());
        return 1;
    }

    if (action.isEmpty()) {
        const auto outbox = reader.outbox();
        if (!outbox) {
            printError(outbox.error().message());
            return 1;
        }
        const QLocale locale;
        for (const Store::OutgoingRecord &r : outbox.value()) {
            const auto account = repository.findById(r.account);
            QString line =
                QStringLiteral("#%1\t%2\t%3\t%4\t%5\t%6")
                    .arg(r.id)
                    .arg(stateName(r.state),
                         locale.toString(r.createdAt.toLocalTime(), QLocale::ShortFormat),
                         account ? account->name() : r.account, r.to, r.subject);
            if (!r.lastError.isEmpty())
                line += u'\n' + QStringLiteral("\t") + QString(r.lastError).replace(u'\n', u' ');
            printLine(line);
        }
        return 0;
    }
    if (action == u"send") {
        const int notSent = sendQueues(writer, profile->databasePath(), accounts, true);
        return notSent == 0 ? 0 : 1;
    }

    bool numeric = false;
    const qint64 id = QString(args.at(1)).remove(u'#').toLongLong(&numeric);
    const auto record = numeric ? reader.outgoing(id)
                                : Store::Result<Store::OutgoingRecord>(Store::StoreError(
                                      Store::StoreError::Kind::NotFound, QString()));
    if (!record) {
        printError(QCoreApplication::translate("Poplar::App::SendCommand",
                                               "poplar outbox: no message #%1 in the Outbox.")
                       .arg(args.at(1)));
        return 1;
    }
    Store::WriteBatch batch;
    if (action == u"retry") {
        // The user's decision for an Unknown or Failed message: send it (again).
        batch.setOutgoingState(id, Store::OutgoingRecord::State::Queued);
    } else if (action == u"mark-sent") {
        batch.completeOutgoing(
            id, Send::OutboxSender::sentCopy(record.value(), QDateTime::currentDateTimeUtc()));
    } else {
        batch.deleteOutgoing(id);
    }
    if (!commit(writer, std::move(batch)))
        return 1;
    printLine(action == u"retry" ? QCoreApplication::translate(
                                       "Poplar::App::SendCommand",
                                       "#%1 is queued again; send it with: poplar outbox send")
                                       .arg(id)
              : action == u"mark-sent"
                  ? QCoreApplication::translate("Poplar::App::SendCommand",
                                                "#%1 is marked as sent and moved to Sent.")
                        .arg(id)
                  : QCoreApplication::translate("Poplar::App::SendCommand",
                                                "#%1 is deleted from the Outbox.")
                        .arg(id));
    return 0;
}

} // namespace Poplar::App
