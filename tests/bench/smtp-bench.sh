#!/usr/bin/env bash
# Sending benchmark: `poplar outbox send` against msmtp through the same private Exim (TLS,
# AUTH PLAIN, delivery into a private Dovecot), locally and through a relay that adds latency,
# in the same run. Builds the Release preset; extra arguments go to the program (e.g.
# --messages 500 --small 500 --rounds 3 --delay-ms 25; see poplar-bench-smtp --help).
# Poplar reads the password from the keychain: the run gets a private session bus and keyring.
set -euo pipefail
cd "$(dirname "$0")/../.."
cmake --preset release >/dev/null
cmake --build build/release --target poplar poplar-bench-smtp
scratch=$(mktemp -d "${TMPDIR:-/tmp}/poplar-bench-XXXXXX")
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$scratch/home" "$scratch/runtime"
chmod 700 "$scratch/runtime"
export HOME="$scratch/home" XDG_RUNTIME_DIR="$scratch/runtime"
dbus-run-session -- sh -c '
    printf "poplar-bench" | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1 || true
    exec build/release/tests/bench/poplar-bench-smtp --poplar build/release/bin/poplar "$@"' sh "$@"
