#include "Commands.h"

#include "AccountCommand.h"
#include "MboxCommand.h"
#include "ParseCommand.h"
#include "SearchCommand.h"
#include "SendCommand.h"
#include "SyncCommand.h"

#include <QCoreApplication>

#include <array>
#include <cstdio>

namespace Poplar::App {

namespace {
// Commands register here, in the order `poplar --help` lists them.
constexpr std::array kCommands{
    Command{
        "account",
        QT_TRANSLATE_NOOP(
            "Poplar::App::Commands",
            "add, list or remove accounts, set their outgoing server, or trust a server's "
            "certificate (run 'poplar account' for the options)"),
        &runAccountCommand},
    Command{"sync",
            QT_TRANSLATE_NOOP("Poplar::App::Commands",
                              "fetch new mail now (--account NAME, --password-stdin)"),
            &runSyncCommand},
    Command{"send",
            QT_TRANSLATE_NOOP("Poplar::App::Commands",
                              "send a message (--account NAME --to A --subject S, the text on "
                              "standard input; --cc, --bcc, --attach FILE, --in-reply-to ID)"),
            &runSendCommand},
    Command{"outbox",
            QT_TRANSLATE_NOOP("Poplar::App::Commands",
                              "list the messages waiting to be sent; send, retry ID, mark-sent "
                              "ID or delete ID"),
            &runOutboxCommand},
    Command{"search", QT_TRANSLATE_NOOP("Poplar::App::Commands", "search the offline mail (QUERY)"),
            &runSearchCommand},
    Command{
        "export",
        QT_TRANSLATE_NOOP("Poplar::App::Commands",
                          "write the stored mail to an mbox file (--mbox FILE, --account NAME)"),
        &runExportCommand},
    Command{"import",
            QT_TRANSLATE_NOOP("Poplar::App::Commands",
                              "add the messages of an mbox file (--mbox FILE --account NAME)"),
            &runImportCommand},
    Command{"parse",
            QT_TRANSLATE_NOOP("Poplar::App::Commands",
                              "show what Poplar reads in a message file (--json, --html)"),
            &runParseCommand},
};
} // namespace

std::span<const Command> commands()
{
    return kCommands;
}

QString commandSummaries()
{
    QString text;
    for (const Command &command : commands()) {
        text += QStringLiteral("  %1  %2\n")
                    .arg(QLatin1StringView(command.name), -10)
                    .arg(QCoreApplication::translate("Poplar::App::Commands", command.summary));
    }
    return text;
}

int runCommand(const QString &name, const CommandContext &context)
{
    for (const Command &command : commands()) {
        if (name == QLatin1StringView(command.name))
            return command.run(context);
    }
    const QString message =
        QCoreApplication::translate("Poplar::App::Commands",
                                    "poplar: unknown command '%1'. Run 'poplar --help' to see "
                                    "the commands.")
            .arg(name);
    std::fprintf(stderr, "%s\n", qPrintable(message));
    return 2;
}

} // namespace Poplar::App
