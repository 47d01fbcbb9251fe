#pragma once

#include <QString>
#include <QStringList>

#include <span>

namespace Poplar::App {

// What a command gets: its own arguments (after its name) and the profile folder chosen with
// --profile. It runs on a QCoreApplication and returns the process exit code.
struct CommandContext
{
    QStringList arguments;
    QString profileDirectory;
};

// A sub-command of `poplar`, such as `parse` or `sync`, run without the window.
struct Command
{
    const char *name;
    const char *summary; // one line for `poplar --help`, translated at run time
    int (*run)(const CommandContext &context);
};

std::span<const Command> commands();
// "  name  summary" lines for the help text.
QString commandSummaries();
// Runs the named command; an unknown name prints an error and returns 2.
int runCommand(const QString &name, const CommandContext &context);

} // namespace Poplar::App
