#pragma once

#include "Commands.h"

namespace Poplar::App {

// `poplar export --mbox FILE [--account NAME]`: the stored mail, oldest first, as an mboxrd
// file other mail programs read. `poplar import --mbox FILE --account NAME`: the messages of
// an mbox file into an account's Inbox; importing the same file again adds nothing.
int runExportCommand(const CommandContext &context);
int runImportCommand(const CommandContext &context);

} // namespace Poplar::App
