#include "CommandSupport.h"

#include "Profile.h"

#include "accounts/AccountRepository.h"

#include <QCoreApplication>
#include <QFile>

#include <cstdio>

namespace Poplar::App {

void printError(const QString &text)
{
    std::fprintf(stderr, "%s\n", text.toLocal8Bit().constData());
    std::fflush(stderr);
}

void printLine(const QString &text)
{
    std::fprintf(stdout, "%s\n", text.toLocal8Bit().constData());
    std::fflush(stdout);
}

std::unique_ptr<Profile> openProfile(const CommandContext &context)
{
    auto profile = std::make_unique<Profile>(context.profileDirectory);
    if (profile->open() != Profile::OpenResult::Ok) {
        printError(QStringLiteral("poplar: ") + profile->errorString());
        return nullptr;
    }
    return profile;
}

bool parseArguments(QCommandLineParser &parser, const QString &command,
                    const CommandContext &context)
{
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    if (!parser.parse(QStringList{QStringLiteral("poplar ") + command} + context.arguments)) {
        printError(QStringLiteral("poplar %1: %2").arg(command, parser.errorText()));
        return false;
    }
    return true;
}

std::optional<Accounts::AccountSettings> findAccount(const Accounts::AccountRepository &accounts,
                                                     const QString &wanted, const QString &command)
{
    auto account = accounts.findByName(wanted);
    if (!account)
        account = accounts.findById(wanted);
    if (!account)
        printError(QCoreApplication::translate("Poplar::App::CommandSupport",
                                               "poplar %1: no account '%2'.")
                       .arg(command, wanted));
    return account;
}

QString readPasswordFromStdin()
{
    return readPasswordsFromStdin(1).value(0);
}

QStringList readPasswordsFromStdin(int count)
{
    QStringList lines;
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly))
        return lines;
    while (lines.size() < count) {
        QByteArray line = in.readLine(64 * 1024);
        if (line.isEmpty())
            break; // the end of the input (an empty line still holds its '\n')
        while (line.endsWith('\n') || line.endsWith('\r'))
            line.chop(1);
        lines << QString::fromUtf8(line);
    }
    return lines;
}

} // namespace Poplar::App
