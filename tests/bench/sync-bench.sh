#!/usr/bin/env bash
# End-to-end sync benchmark: `poplar sync` (the command line on a new profile: download, parse,
# store) against fetchmail on the same private Dovecot and the same generated mailbox, in the
# same run, several rounds. Builds the Release preset; extra arguments go to the program
# (e.g. --messages 2000 --rounds 3; see poplar-bench-pop3 --help).
set -euo pipefail
cd "$(dirname "$0")/../.."
cmake --preset release >/dev/null
cmake --build build/release --target poplar poplar-bench-pop3
exec build/release/tests/bench/poplar-bench-pop3 --poplar build/release/bin/poplar --e2e-only "$@"
