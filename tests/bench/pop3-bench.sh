#!/usr/bin/env bash
# POP3 download benchmark: Poplar (pipelined and not) against fetchmail on the same private
# Dovecot and mailbox in the same run, locally and through a latency relay.
# Builds the Release preset; extra arguments go to the program (see --help).
set -euo pipefail
cd "$(dirname "$0")/../.."
cmake --preset release >/dev/null
cmake --build build/release --target poplar-bench-pop3
exec build/release/tests/bench/poplar-bench-pop3 "$@"
