#pragma once

#include "Commands.h"

namespace Poplar::App {

// `poplar search QUERY [--account NAME]`: full-text search of the offline store, newest
// first, one message per line (date, sender, subject).
int runSearchCommand(const CommandContext &context);

} // namespace Poplar::App
