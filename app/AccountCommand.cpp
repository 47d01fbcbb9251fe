#include "AccountCommand.h"

#include "CommandSupport.h"
#include "Profile.h"

#include "accounts/AccountRepository.h"
#include "accounts/CredentialJob.h"
#include "accounts/CredentialStore.h"
#include "store/StoreWriter.h"
#include "store/WriteBatch.h"

#include <QCoreApplication>
#include <QEventLoop>

namespace Poplar::App {

namespace {

using Accounts::AccountSettings;

struct JobOutcome
{
    Accounts::CredentialStatus status = Accounts::CredentialStatus::Failed;
    QString error;
    bool inMemoryOnly = false;
};

// Waits for a keychain job: the command line may wait, the window never does.
JobOutcome waitFor(Accounts::CredentialJob *job)
{
    QEventLoop loop;
    JobOutcome outcome;
    QObject::connect(job, &Accounts::CredentialJob::finished, &loop,
                     [&](Accounts::CredentialJob *done) {
                         outcome = {done->status(), done->errorString(), done->inMemoryOnly()};
                         loop.quit();
                     });
    loop.exec();
    return outcome;
}

bool applyLeavePolicy(const QString &text, AccountSettings &account)
{
    if (text == QStringLiteral("keep")) {
        account.leavePolicy = Accounts::LeavePolicy::Keep;
    } else if (text == QStringLiteral("on-trash")) {
        account.leavePolicy = Accounts::LeavePolicy::DeleteWhenTrashed;
    } else if (text == QStringLiteral("delete")) {
        account.leavePolicy = Accounts::LeavePolicy::DeleteAfterDownload;
    } else if (text.startsWith(QStringLiteral("days:"))) {
        bool ok = false;
        account.deleteAfterDays = text.mid(5).toInt(&ok);
        account.leavePolicy = Accounts::LeavePolicy::DeleteAfterDays;
        return ok;
    } else {
        return false;
    }
    return true;
}

// The --smtp-* options, shared by `account add` and `account outgoing`.
struct OutgoingOptions
{
    QCommandLineOption host{QStringLiteral("smtp-host"), QString(), QStringLiteral("host")};
    QCommandLineOption port{QStringLiteral("smtp-port"), QString(), QStringLiteral("port")};
    QCommandLineOption security{QStringLiteral("smtp-security"), QString(),
                                QStringLiteral("tls|starttls|none"), QStringLiteral("tls")};
    QCommandLineOption user{QStringLiteral("smtp-user"), QString(), QStringLiteral("name")};
    QCommandLineOption auth{QStringLiteral("smtp-auth"), QString(), QStringLiteral("method"),
                            QStringLiteral("auto")};
    QCommandLineOption fingerprint{QStringLiteral("smtp-trust-fingerprint"), QString(),
                                   QStringLiteral("sha256")};
    QCommandLineOption passwordStdin{QStringLiteral("smtp-password-stdin")};

    void addTo(QCommandLineParser &parser) const
    {
        parser.addOptions({host, port, security, user, auth, fingerprint, passwordStdin});
    }

    // The options into account.outgoing. Returns 0, or the exit code after printing the
    // problem (prefixed with `command`).
    int apply(const QCommandLineParser &parser, const QString &command,
              AccountSettings &account) const
    {
        if (!parser.isSet(host)) {
            for (const QCommandLineOption *option :
                 {&port, &security, &user, &auth, &fingerprint, &passwordStdin}) {
                if (parser.isSet(*option)) {
                    printError(QCoreApplication::translate("Poplar::App::AccountCommand",
                                                           "poplar %1: --%2 needs --smtp-host.")
                                   .arg(command, option->names().constFirst()));
                    return 2;
                }
            }
            return 0;
        }
        Accounts::OutgoingServer outgoing;
        outgoing.host = parser.value(host);
        const auto securityValue = Accounts::securityFromName(parser.value(security));
        const auto authValue = Accounts::outgoingAuthenticationFromName(parser.value(auth));
        if (!securityValue || !authValue) {
            printError(QCoreApplication::translate(
                           "Poplar::App::AccountCommand",
                           "poplar %1: --smtp-security takes tls, starttls or none; --smtp-auth "
                           "auto, plain, login, cram-md5 or none.")
                           .arg(command));
            return 2;
        }
        outgoing.security = *securityValue;
        outgoing.authentication = *authValue;
        outgoing.port = parser.isSet(port) ? parser.value(port).toInt()
                                           : Accounts::OutgoingServer::defaultPort(*securityValue);
        // Empty: the incoming user name, and it follows that one when it changes.
        if (const QString name = parser.value(user); name != account.username)
            outgoing.username = name;
        if (parser.isSet(fingerprint)) {
            outgoing.pinnedCertificateSha256 =
                AccountSettings::fingerprintFromText(parser.value(fingerprint));
            if (outgoing.pinnedCertificateSha256.isEmpty()) {
                printError(QCoreApplication::translate(
                               "Poplar::App::AccountCommand",
                               "poplar %1: --smtp-trust-fingerprint needs a SHA-256 fingerprint "
                               "(64 hexadecimal digits).")
                               .arg(command));
                return 2;
            }
        }
        outgoing.samePassword = !parser.isSet(passwordStdin);
        if (outgoing.security == Accounts::Security::None)
            printError(QCoreApplication::translate(
                "Poplar::App::AccountCommand",
                "Warning: with --smtp-security none your password and the mail you send travel "
                "unencrypted."));
        account.outgoing = outgoing;
        return 0;
    }
};

// Saves a password in the keychain; says so when it could not.
void savePassword(Accounts::CredentialStore &credentials, const QString &key,
                  const QString &password, const QString &failure)
{
    const JobOutcome saved = waitFor(credentials.writePassword(key, password));
    if (saved.status != Accounts::CredentialStatus::Ok || saved.inMemoryOnly)
        printError(
            failure.arg(saved.error.isEmpty() ? credentials.keychainProblem() : saved.error));
}

QString outgoingPasswordNotSaved()
{
    return QCoreApplication::translate(
        "Poplar::App::AccountCommand",
        "The outgoing server's password could not be saved in the keychain (%1). "
        "Poplar will ask for it when it sends.");
}

// "smtp.example.org:465 tls", or that there is none.
QString describeOutgoing(const AccountSettings &account)
{
    if (!account.outgoing.isConfigured())
        return QCoreApplication::translate("Poplar::App::AccountCommand", "outgoing: not set");
    return QStringLiteral("%1:%2 %3")
        .arg(account.outgoing.host)
        .arg(account.outgoing.port)
        .arg(Accounts::toName(account.outgoing.security));
}

int add(const CommandContext &context)
{
    QCommandLineParser parser;
    const QCommandLineOption name(QStringLiteral("name"), QString(), QStringLiteral("name"));
    const QCommandLineOption email(QStringLiteral("email"), QString(), QStringLiteral("address"));
    const QCommandLineOption host(QStringLiteral("host"), QString(), QStringLiteral("host"));
    const QCommandLineOption port(QStringLiteral("port"), QString(), QStringLiteral("port"));
    const QCommandLineOption security(QStringLiteral("security"), QString(),
                                      QStringLiteral("tls|starttls|none"), QStringLiteral("tls"));
    const QCommandLineOption user(QStringLiteral("user"), QString(), QStringLiteral("name"));
    const QCommandLineOption auth(QStringLiteral("auth"), QString(), QStringLiteral("method"),
                                  QStringLiteral("auto"));
    const QCommandLineOption leave(QStringLiteral("leave"), QString(), QStringLiteral("policy"),
                                   QStringLiteral("keep"));
    const QCommandLineOption fingerprint(QStringLiteral("trust-fingerprint"), QString(),
                                         QStringLiteral("sha256"));
    const QCommandLineOption headersOnly(QStringLiteral("headers-only-kib"), QString(),
                                         QStringLiteral("KiB"));
    const QCommandLineOption interval(QStringLiteral("check-every"), QString(),
                                      QStringLiteral("minutes"));
    const QCommandLineOption passwordStdin(QStringLiteral("password-stdin"));
    const QCommandLineOption senderName(QStringLiteral("sender-name"), QString(),
                                        QStringLiteral("name"));
    const OutgoingOptions outgoing;
    parser.addOptions({name, email, host, port, security, user, auth, leave, fingerprint,
                       headersOnly, interval, passwordStdin, senderName});
    outgoing.addTo(parser);
    if (!parseArguments(parser, QStringLiteral("account add"), context))
        return 2;

    AccountSettings account = AccountSettings::create();
    account.displayName = parser.value(name);
    account.emailAddress = parser.value(email);
    account.senderName = parser.value(senderName);
    account.host = parser.value(host);
    account.username = parser.isSet(user) ? parser.value(user) : account.emailAddress;
    const auto securityValue = Accounts::securityFromName(parser.value(security));
    const auto authValue = Accounts::authenticationFromName(parser.value(auth));
    if (!securityValue || !authValue || !applyLeavePolicy(parser.value(leave), account)) {
        printError(QCoreApplication::translate(
            "Poplar::App::AccountCommand",
            "poplar account add: --security takes tls, starttls or none; --auth auto, plain, "
            "login, cram-md5, apop or user; --leave keep, days:N, on-trash or delete."));
        return 2;
    }
    account.security = *securityValue;
    account.authentication = *authValue;
    account.port = parser.isSet(port) ? parser.value(port).toInt()
                                      : AccountSettings::defaultPort(account.security);
    if (parser.isSet(fingerprint)) {
        account.pinnedCertificateSha256 =
            AccountSettings::fingerprintFromText(parser.value(fingerprint));
        if (account.pinnedCertificateSha256.isEmpty()) {
            printError(QCoreApplication::translate(
                "Poplar::App::AccountCommand",
                "poplar account add: --trust-fingerprint needs a SHA-256 fingerprint "
                "(64 hexadecimal digits)."));
            return 2;
        }
    }
    if (parser.isSet(headersOnly))
        account.headersOnlyLimitKiB = parser.value(headersOnly).toInt();
    if (parser.isSet(interval))
        account.checkIntervalMinutes = parser.value(interval).toInt();
    if (account.security == Accounts::Security::None)
        printError(QCoreApplication::translate(
            "Poplar::App::AccountCommand",
            "Warning: with --security none your password and mail travel unencrypted."));
    if (const int status = outgoing.apply(parser, QStringLiteral("account add"), account);
        status != 0)
        return status;

    // One line per password, in this order: the incoming one, then the outgoing one.
    const int passwordLines =
        (parser.isSet(passwordStdin) ? 1 : 0) + (parser.isSet(outgoing.passwordStdin) ? 1 : 0);
    const QStringList passwords = readPasswordsFromStdin(passwordLines);
    if (parser.isSet(outgoing.passwordStdin) && passwords.size() < passwordLines) {
        printError(QCoreApplication::translate(
            "Poplar::App::AccountCommand",
            "poplar account add: --smtp-password-stdin needs the outgoing server's password "
            "on standard input, on the line after the incoming password if --password-stdin "
            "is given too."));
        return 2;
    }

    auto profile = openProfile(context);
    if (!profile)
        return 1;
    Accounts::AccountRepository repository(profile->settingsPath());
    if (const auto result = repository.add(account); !result) {
        printError(QStringLiteral("poplar account add: ") + result.message);
        return 1;
    }
    printLine(QCoreApplication::translate("Poplar::App::AccountCommand", "Added account %1 (%2).")
                  .arg(account.name(), account.id));

    Accounts::CredentialStore credentials;
    if (parser.isSet(passwordStdin)) {
        savePassword(credentials, account.id, passwords.value(0),
                     QCoreApplication::translate(
                         "Poplar::App::AccountCommand",
                         "The password could not be saved in the keychain (%1). Poplar will "
                         "ask for it, or give it with: poplar sync --password-stdin"));
    }
    if (parser.isSet(outgoing.passwordStdin)) {
        savePassword(credentials, AccountSettings::outgoingCredentialId(account.id),
                     passwords.constLast(), outgoingPasswordNotSaved());
    }
    return 0;
}

// Sets (or replaces) the outgoing server of an existing account.
int setOutgoing(const CommandContext &context)
{
    QCommandLineParser parser;
    const QCommandLineOption senderName(QStringLiteral("sender-name"), QString(),
                                        QStringLiteral("name"));
    const OutgoingOptions outgoing;
    parser.addOption(senderName);
    outgoing.addTo(parser);
    parser.addPositionalArgument(QStringLiteral("account"), QString());
    if (!parseArguments(parser, QStringLiteral("account outgoing"), context))
        return 2;
    if (parser.positionalArguments().size() != 1 ||
        (!parser.isSet(outgoing.host) && !parser.isSet(senderName))) {
        printError(QCoreApplication::translate(
            "Poplar::App::AccountCommand",
            "Usage: poplar account outgoing NAME|ID [--sender-name NAME] --smtp-host H "
            "[--smtp-port P] [--smtp-security tls|starttls|none] [--smtp-user U] "
            "[--smtp-auth auto|plain|login|cram-md5|none] [--smtp-trust-fingerprint SHA256] "
            "[--smtp-password-stdin]"));
        return 2;
    }
    auto profile = openProfile(context);
    if (!profile)
        return 1;
    Accounts::AccountRepository repository(profile->settingsPath());
    auto account = findAccount(repository, parser.positionalArguments().constFirst(),
                               QStringLiteral("account outgoing"));
    if (!account)
        return 1;
    if (parser.isSet(senderName))
        account->senderName = parser.value(senderName);
    if (const int status = outgoing.apply(parser, QStringLiteral("account outgoing"), *account);
        status != 0)
        return status;
    QString password;
    if (parser.isSet(outgoing.passwordStdin)) {
        const QStringList lines = readPasswordsFromStdin(1);
        if (lines.isEmpty()) {
            printError(QCoreApplication::translate(
                "Poplar::App::AccountCommand",
                "poplar account outgoing: --smtp-password-stdin needs the outgoing server's "
                "password on standard input."));
            return 2;
        }
        password = lines.constFirst();
    }
    if (const auto result = repository.update(*account); !result) {
        printError(QStringLiteral("poplar account outgoing: ") + result.message);
        return 1;
    }
    Accounts::CredentialStore credentials;
    const QString key = AccountSettings::outgoingCredentialId(account->id);
    if (parser.isSet(outgoing.passwordStdin))
        savePassword(credentials, key, password, outgoingPasswordNotSaved());
    else if (parser.isSet(outgoing.host))
        waitFor(credentials.deletePassword(key)); // the incoming password serves again
    printLine(QCoreApplication::translate("Poplar::App::AccountCommand", "%1 sends through %2.")
                  .arg(account->name(), describeOutgoing(*account)));
    return 0;
}

int list(const CommandContext &context)
{
    auto profile = openProfile(context);
    if (!profile)
        return 1;
    Accounts::AccountRepository repository(profile->settingsPath());
    for (const AccountSettings &account : repository.accounts()) {
        printLine(
            QStringLiteral("%1\t%2\t%3:%4\t%5\t%6\t%7")
                .arg(account.name(), account.emailAddress, account.host)
                .arg(account.port)
                .arg(Accounts::toName(account.security), account.id, describeOutgoing(account)));
    }
    return 0;
}

int remove(const CommandContext &context)
{
    QCommandLineParser parser;
    const QCommandLineOption deleteMail(QStringLiteral("delete-mail"));
    parser.addOption(deleteMail);
    parser.addPositionalArgument(QStringLiteral("account"), QString());
    if (!parseArguments(parser, QStringLiteral("account remove"), context))
        return 2;
    if (parser.positionalArguments().size() != 1) {
        printError(QCoreApplication::translate(
            "Poplar::App::AccountCommand", "Usage: poplar account remove NAME|ID [--delete-mail]"));
        return 2;
    }
    auto profile = openProfile(context);
    if (!profile)
        return 1;
    Accounts::AccountRepository repository(profile->settingsPath());
    const QString wanted = parser.positionalArguments().constFirst();
    const auto account = findAccount(repository, wanted, QStringLiteral("account remove"));
    if (!account)
        return 1;
    if (const auto result = repository.remove(account->id); !result) {
        printError(QStringLiteral("poplar account remove: ") + result.message);
        return 1;
    }
    Accounts::CredentialStore credentials;
    waitFor(credentials.deletePassword(account->id));
    // NotFound (no separate outgoing password) is the usual answer: nothing to report.
    waitFor(credentials.deletePassword(AccountSettings::outgoingCredentialId(account->id)));
    if (parser.isSet(deleteMail)) {
        Store::StoreWriter writer(profile->databasePath());
        Store::WriteBatch batch;
        batch.removeAccount(account->id);
        QEventLoop loop;
        bool committed = false;
        QObject::connect(&writer, &Store::StoreWriter::batchFinished, &loop,
                         [&](const Store::BatchResult &result) {
                             committed = result.committed();
                             if (!committed)
                                 printError(result.error.message());
                             loop.quit();
                         });
        writer.submit(std::move(batch));
        loop.exec();
        if (!committed)
            return 1;
    }
    printLine(QCoreApplication::translate("Poplar::App::AccountCommand", "Removed account %1.")
                  .arg(account->name()));
    return 0;
}

// Pins the server certificate with this fingerprint for the account: what a user does after
// checking the fingerprint `poplar sync` printed for a certificate it did not trust.
int trust(const CommandContext &context)
{
    QCommandLineParser parser;
    const QCommandLineOption smtp(QStringLiteral("smtp"));
    parser.addOption(smtp);
    parser.addPositionalArgument(QStringLiteral("account"), QString());
    parser.addPositionalArgument(QStringLiteral("fingerprint"), QString());
    if (!parseArguments(parser, QStringLiteral("account trust"), context))
        return 2;
    const QByteArray sha256 =
        AccountSettings::fingerprintFromText(parser.positionalArguments().value(1));
    if (parser.positionalArguments().size() != 2 || sha256.isEmpty()) {
        printError(QCoreApplication::translate(
            "Poplar::App::AccountCommand",
            "Usage: poplar account trust NAME|ID SHA256 [--smtp] (the certificate's SHA-256 "
            "fingerprint, 64 hexadecimal digits, as poplar sync prints it; with --smtp the "
            "outgoing server's, as poplar send prints it)"));
        return 2;
    }
    auto profile = openProfile(context);
    if (!profile)
        return 1;
    Accounts::AccountRepository repository(profile->settingsPath());
    auto account = findAccount(repository, parser.positionalArguments().constFirst(),
                               QStringLiteral("account trust"));
    if (!account)
        return 1;
    if (parser.isSet(smtp)) {
        if (!account->outgoing.isConfigured()) {
            printError(QCoreApplication::translate("Poplar::App::AccountCommand",
                                                   "poplar account trust: %1 has no outgoing "
                                                   "server.")
                           .arg(account->name()));
            return 1;
        }
        account->outgoing.pinnedCertificateSha256 = sha256;
    } else {
        account->pinnedCertificateSha256 = sha256;
    }
    if (const auto result = repository.update(*account); !result) {
        printError(QStringLiteral("poplar account trust: ") + result.message);
        return 1;
    }
    printLine(
        (parser.isSet(smtp)
             ? QCoreApplication::translate("Poplar::App::AccountCommand",
                                           "%1 now trusts the outgoing server's certificate %2.")
             : QCoreApplication::translate("Poplar::App::AccountCommand",
                                           "%1 now trusts the certificate %2."))
            .arg(account->name(), AccountSettings::fingerprintToText(sha256)));
    return 0;
}

} // namespace

int runAccountCommand(const CommandContext &context)
{
    const QString action = context.arguments.value(0);
    CommandContext rest = context;
    rest.arguments = context.arguments.mid(1);
    if (action == QStringLiteral("add"))
        return add(rest);
    if (action == QStringLiteral("list"))
        return list(rest);
    if (action == QStringLiteral("remove"))
        return remove(rest);
    if (action == QStringLiteral("trust"))
        return trust(rest);
    if (action == QStringLiteral("outgoing"))
        return setOutgoing(rest);
    printError(QCoreApplication::translate(
        "Poplar::App::AccountCommand",
        "Usage: poplar account add --name N --email E --host H [--port P] "
        "[--security tls|starttls|none] [--user U] [--password-stdin] "
        "[--auth auto|plain|login|cram-md5|apop|user] [--leave keep|days:N|on-trash|delete] "
        "[--trust-fingerprint SHA256] [--headers-only-kib K] [--check-every MIN]\n"
        "         [--sender-name NAME] [--smtp-host H [--smtp-port P] [--smtp-security "
        "tls|starttls|none] "
        "[--smtp-user U] [--smtp-auth auto|plain|login|cram-md5|none] "
        "[--smtp-trust-fingerprint SHA256] [--smtp-password-stdin]]\n"
        "         The outgoing server uses the incoming password unless --smtp-password-stdin "
        "is given: then standard input holds one password a line, the incoming one first "
        "(with --password-stdin), then the outgoing one.\n"
        "       poplar account outgoing NAME|ID [--sender-name NAME] --smtp-host H [--smtp-...]\n"
        "       poplar account list\n"
        "       poplar account remove NAME|ID [--delete-mail]\n"
        "       poplar account trust NAME|ID SHA256 [--smtp]"));
    return 2;
}

} // namespace Poplar::App
