#include "Commands.h"

#include "ParseCommand.h"

#include <QCoreApplication>

#include <array>
#include <cstdio>

namespace Poplar::App {

namespace {
// Commands register here, in the order `poplar --help` lists them.
constexpr std::array kCommands{
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
    if (text.isEmpty())
        text = QCoreApplication::translate("Poplar::App::Commands", "  (none yet)\n");
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
