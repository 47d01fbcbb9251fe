#pragma once

#include "Commands.h"

namespace Poplar::App {

// `poplar sync [--account NAME] [--password-stdin]`: fetches new mail of every account (or
// one) into the profile's store, with progress on stderr. Exits 0 when every account
// succeeded, 1 otherwise.
int runSyncCommand(const CommandContext &context);

} // namespace Poplar::App
