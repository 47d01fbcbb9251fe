#!/usr/bin/env bash
# End-to-end sync benchmark: `poplar sync` (the command line on a new profile: download, parse,
# store) against fetchmail on the same private Dovecot and the same generated mailbox, in the
# same run, several rounds. Builds the Release preset; extra arguments go to the program
# (e.g. --messages 2000 --rounds 3; see poplar-bench-pop3 --help).
#
# With the reference clients (pipeline.py, the limit, and delayproxy.py, the latency relay) in
# the folder named by --tools DIR or by the environment variable POPLAR_BENCH_TOOLS, every
# round also runs the limit beside them, and all three run again through the relay on a
# mailbox of small messages (--small 500, --delay-ms 25 each way). The tools are run where
# they are, never copied.
set -euo pipefail
cd "$(dirname "$0")/../.."
args=("$@")
if [[ -n "${POPLAR_BENCH_TOOLS:-}" && " $* " != *" --tools "* ]]; then
    args+=(--tools "$POPLAR_BENCH_TOOLS")
fi
cmake --preset release >/dev/null
cmake --build build/release --target poplar poplar-bench-pop3
exec build/release/tests/bench/poplar-bench-pop3 --poplar build/release/bin/poplar --e2e-only \
    "${args[@]}"
