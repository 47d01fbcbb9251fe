#pragma once

#include "Commands.h"

namespace Poplar::App {

// `poplar parse FILE.eml [--json] [--html]`: prints what Poplar understood of a message —
// decoded headers, the part tree, the attachments and the chosen body as text (or, with
// --json, the same as JSON; with --html, the sanitized HTML the viewer would show).
int runParseCommand(const CommandContext &context);

} // namespace Poplar::App
