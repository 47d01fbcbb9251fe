#pragma once

#include "Commands.h"

namespace Poplar::App {

// poplar send --account NAME --to A [--cc A] [--bcc A] --subject S [--attach FILE]...
//             [--in-reply-to ID]   (the text on standard input, UTF-8)
int runSendCommand(const CommandContext &context);
// poplar outbox [send [--account NAME] | retry ID | mark-sent ID | delete ID]
int runOutboxCommand(const CommandContext &context);

} // namespace Poplar::App
