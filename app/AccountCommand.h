#pragma once

#include "Commands.h"

namespace Poplar::App {

// `poplar account add|list|remove ...`: the profile's POP3 accounts from the command line.
// Passwords go to the OS keychain (or, without one, nowhere: `poplar sync --password-stdin`
// then gives it for one run); never to a file.
int runAccountCommand(const CommandContext &context);

} // namespace Poplar::App
