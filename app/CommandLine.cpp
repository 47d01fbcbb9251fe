#include "CommandLine.h"

#include "Commands.h"
#include "Profile.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QUrl>

namespace Poplar::App {

namespace {
const QStringList kOptionsWithValue = {QStringLiteral("--profile"), QStringLiteral("--lang")};
const QStringList kNonGuiOptions = {QStringLiteral("-h"), QStringLiteral("--help"),
                                    QStringLiteral("--help-all"), QStringLiteral("-v"),
                                    QStringLiteral("--version")};
bool isCommandName(const QString &word)
{
    for (const Command &command : commands())
        if (word == QLatin1StringView(command.name))
            return true;
    return false;
}

// `poplar mailto:…` (a browser's mail link) opens a composer.
bool isMailtoLink(const QString &word)
{
    return word.startsWith(QStringLiteral("mailto:"), Qt::CaseInsensitive);
}

// `poplar mail.eml` opens the message (the file manager starts Poplar this way); a word that
// is neither a command nor a path is an unknown command, so a typo is not taken for a file.
bool namesMessageFile(const QString &word)
{
    if (isCommandName(word) || isMailtoLink(word))
        return false;
    return word.contains(u'/') || word.contains(u'\\') || word.contains(u'.') ||
           word.startsWith(QStringLiteral("file:")) || QFileInfo::exists(word);
}

QString localPath(const QString &argument)
{
    if (argument.startsWith(QStringLiteral("file:")))
        return QUrl(argument).toLocalFile();
    return argument;
}

} // namespace

bool CommandLine::startsGui(const QStringList &arguments)
{
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &arg = arguments.at(i);
        if (kNonGuiOptions.contains(arg))
            return false;
        if (kOptionsWithValue.contains(arg)) {
            ++i;
            continue;
        }
        if (!arg.startsWith(u'-'))
            return isMailtoLink(arg) || namesMessageFile(arg); // else a sub-command
    }
    return true;
}

QString CommandLine::languageIn(const QStringList &arguments)
{
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &arg = arguments.at(i);
        if (arg == QStringLiteral("--lang") && i + 1 < arguments.size())
            return arguments.at(i + 1);
        if (arg.startsWith(QStringLiteral("--lang=")))
            return arg.mid(7);
        if (!arg.startsWith(u'-') && !kOptionsWithValue.contains(arguments.at(i - 1)))
            break; // options after the command belong to the command
    }
    return {};
}

CommandLine::CommandLine()
    : m_profile(QStringLiteral("profile"),
                QCoreApplication::translate("Poplar::App::CommandLine",
                                            "Keep all of Poplar's state in <dir> (default: %1).")
                    .arg(Profile::defaultDirectory()),
                QStringLiteral("dir"))
    , m_lang(QStringLiteral("lang"),
             QCoreApplication::translate("Poplar::App::CommandLine",
                                         "Use the language <lang>, e.g. en, zh_CN or zh_TW."),
             QStringLiteral("lang"))
{
    m_parser.setApplicationDescription(
        QCoreApplication::translate("Poplar::App::CommandLine",
                                    "Poplar reads your mail offline: it fetches it over POP3 "
                                    "and keeps it on this computer.\n\nCommands:\n%1")
            .arg(commandSummaries()));
    m_parser.addHelpOption();
    m_parser.addVersionOption();
    m_parser.addOption(m_profile);
    m_parser.addOption(m_lang);
    m_parser.addPositionalArgument(
        QStringLiteral("command"),
        QCoreApplication::translate("Poplar::App::CommandLine",
                                    "A command to run without the window (see above), message "
                                    "files (.eml) to show, or mailto: links to write to."),
        QStringLiteral("[command [arguments...] | FILE.eml... | mailto:ADDRESS...]"));
    // Everything after the command belongs to the command.
    m_parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
}

void CommandLine::process(const QCoreApplication &app)
{
    m_parser.process(app);
}

QString CommandLine::profileDirectory() const
{
    return m_parser.isSet(m_profile) ? m_parser.value(m_profile) : Profile::defaultDirectory();
}

QString CommandLine::command() const
{
    const QStringList positional = m_parser.positionalArguments();
    return positional.isEmpty() ? QString() : positional.first();
}

QStringList CommandLine::messageFiles() const
{
    const QStringList positional = m_parser.positionalArguments();
    if (positional.isEmpty() || !namesMessageFile(positional.first()))
        return {};
    QStringList paths;
    for (const QString &argument : positional)
        paths.append(localPath(argument));
    return paths;
}

QStringList CommandLine::mailtoLinks() const
{
    QStringList links;
    const QStringList positional = m_parser.positionalArguments();
    if (positional.isEmpty() || !isMailtoLink(positional.first()))
        return links;
    for (const QString &argument : positional)
        if (isMailtoLink(argument))
            links.append(argument);
    return links;
}

QStringList CommandLine::commandArguments() const
{
    return m_parser.positionalArguments().mid(1);
}

} // namespace Poplar::App
