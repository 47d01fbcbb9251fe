#pragma once

#include <QCommandLineParser>
#include <QStringList>

namespace Poplar::App {

// The options every way of running Poplar shares (`--profile`, `--lang`), and the sub-command
// with its own arguments, e.g. `poplar --profile DIR parse mail.eml --json`.
class CommandLine
{
public:
    // Whether these arguments start the window (no sub-command, no --help or --version; message
    // files and mailto: links to open count as the window). Decided
    // before any QCoreApplication exists, because the answer chooses which application to make.
    static bool startsGui(const QStringList &arguments);
    // The value of --lang, read before parsing so the help text itself is translated.
    static QString languageIn(const QStringList &arguments);

    CommandLine();
    // Parses QCoreApplication::arguments(); prints help, version or errors and exits as
    // QCommandLineParser::process() does.
    void process(const QCoreApplication &app);

    QString profileDirectory() const;
    // The message files to show, e.g. `poplar mail.eml` from a file manager; empty when the
    // arguments name a command or nothing.
    QStringList messageFiles() const;
    // The mailto: links to open composers for, e.g. `poplar mailto:a@example.org` from a
    // browser; empty when the arguments name something else.
    QStringList mailtoLinks() const;
    QString command() const;
    QStringList commandArguments() const;

private:
    QCommandLineParser m_parser;
    QCommandLineOption m_profile;
    QCommandLineOption m_lang;
};

} // namespace Poplar::App
