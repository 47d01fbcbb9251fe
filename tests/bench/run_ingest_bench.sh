#!/bin/sh
# Ingest benchmark (parse + store into a fresh SQLite file): small generated mail and the mixed
# mailbox of make_mailbox.py. Usage: tests/bench/run_ingest_bench.sh BUILD_DIR [COUNT] [ARGS...]
# (BUILD_DIR is a Release build, e.g. build/release after
# `cmake --build build/release --target bench_ingest`; ARGS go to bench_ingest.)
set -eu
build=${1:?usage: run_ingest_bench.sh BUILD_DIR [COUNT] [ARGS...]}
count=${2:-1000}
shift $(( $# >= 2 ? 2 : 1 ))
here=$(cd "$(dirname "$0")" && pwd)
mailbox=$(mktemp -d)
trap 'rm -rf "$mailbox"' EXIT
python3 "$here/make_mailbox.py" "$mailbox" "$count" >/dev/null
"$build/tests/bench/bench_ingest" "$@" "$mailbox"
