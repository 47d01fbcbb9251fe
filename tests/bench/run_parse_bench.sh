#!/bin/sh
# Parse benchmark: Poplar's parser against Python's email package on the same generated mailbox,
# in the same run. Usage: tests/bench/run_parse_bench.sh BUILD_DIR [COUNT]
# (BUILD_DIR is a Release build, e.g. build/release after `cmake --build build/release --target bench_parse`.)
set -eu
build=${1:?usage: run_parse_bench.sh BUILD_DIR [COUNT]}
count=${2:-1000}
here=$(cd "$(dirname "$0")" && pwd)
mailbox=$(mktemp -d)
trap 'rm -rf "$mailbox"' EXIT
python3 "$here/make_mailbox.py" "$mailbox" "$count"
poplar=$("$build/tests/bench/bench_parse" "$mailbox")
python=$(python3 "$here/parse_python.py" "$mailbox")
echo "$poplar"
echo "$python"
python3 - "$poplar" "$python" <<'PY'
import json, sys
p, q = json.loads(sys.argv[1]), json.loads(sys.argv[2])
print('poplar %.1f MB/s %.0f msg/s; python %.2f MB/s %.0f msg/s; ratio %.1fx'
      % (p['mbPerSecond'], p['messagesPerSecond'], q['mbPerSecond'], q['messagesPerSecond'],
         p['mbPerSecond'] / q['mbPerSecond']))
PY
