#!/usr/bin/env bash
# A server announcing COUNT messages (default 1,000,000): peak memory and time of Poplar's
# listing and plan phase, measured with /usr/bin/time -v. Builds the Release preset unless a
# build folder is given. With "nouidl" the server offers no UIDL (Poplar keys messages by
# their headers, one TOP each). Usage: tests/bench/announce-bench.sh [BUILD_DIR] [COUNT] [nouidl]
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-}
count=${2:-1000000}
mode=${3:-}
if [ -z "$build" ]; then
    build=build/release
    cmake --preset release >/dev/null
    cmake --build "$build" --target bench_announce
fi
bench="$build/tests/bench/bench_announce"

scratch=$(mktemp -d "${TMPDIR:-/tmp}/poplar-announce-XXXXXX")
server_pid=
cleanup() {
    [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
    rm -rf "$scratch"
}
trap cleanup EXIT

"$bench" serve "$count" $mode >"$scratch/server.out" &
server_pid=$!
for _ in $(seq 100); do
    grep -q '^port ' "$scratch/server.out" 2>/dev/null && break
    sleep 0.1
done
port=$(sed -n 's/^port //p' "$scratch/server.out")
[ -n "$port" ] || { echo "the server did not start" >&2; exit 1; }

/usr/bin/time -v "$bench" plan "$port" 2>"$scratch/time.txt"
grep -E 'Maximum resident set size|Elapsed \(wall clock\)|User time|System time' "$scratch/time.txt"
