#pragma once

#include "Commands.h"

#include <QCommandLineParser>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace Poplar {
class Profile;
}

namespace Poplar::Accounts {
class AccountRepository;
class AccountSettings;
} // namespace Poplar::Accounts

namespace Poplar::App {

// Prints one line to stderr (errors and progress) or stdout (results).
void printError(const QString &text);
void printLine(const QString &text);

// Opens the profile the command was given; prints why not and returns null on failure.
std::unique_ptr<Profile> openProfile(const CommandContext &context);

// Parses a command's own arguments ("poplar sync --account X" → parser sees "--account X").
// Prints the problem and returns false when they cannot be understood.
bool parseArguments(QCommandLineParser &parser, const QString &command,
                    const CommandContext &context);

// The account with that name or id; when there is none, prints
// "poplar COMMAND: no account 'WANTED'." and returns nothing.
std::optional<Accounts::AccountSettings> findAccount(const Accounts::AccountRepository &accounts,
                                                     const QString &wanted, const QString &command);

// The password given on standard input (one line; the final newline is not part of it).
QString readPasswordFromStdin();
// The first `count` lines of standard input, without their line ends; fewer when the input
// ends sooner. Read in one go: several passwords, one a line.
QStringList readPasswordsFromStdin(int count);

} // namespace Poplar::App
