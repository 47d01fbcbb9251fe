#!/usr/bin/env bash
# Builds Poplar with -Werror and ASan + UBSan and runs every test (unit, integration, gui,
# fuzz, package). Extra arguments go to ctest, e.g. ./test.sh -R tst_Profile or -L unit.
set -euo pipefail
cd "$(dirname "$0")"
source installer/dependencies.sh
poplar_install_packages "${POPLAR_BUILD_PACKAGES[@]}" "${POPLAR_TEST_PACKAGES[@]}"

# clang gives libFuzzer next to the sanitizers; g++ builds everything else just as well.
compiler=g++
command -v clang++-14 >/dev/null 2>&1 && compiler=clang++-14
cmake --preset test -DCMAKE_CXX_COMPILER="$compiler" >/dev/null
cmake --build build/test

# A private HOME, session bus and unlocked keyring: tests never see the user's own.
scratch=$(mktemp -d "${TMPDIR:-/tmp}/poplar-test-XXXXXX")
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$scratch/home/.cache" "$scratch/runtime"
chmod 700 "$scratch/runtime"
export HOME="$scratch/home" XDG_RUNTIME_DIR="$scratch/runtime"
export QT_QPA_PLATFORM=offscreen
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:strict_string_checks=1:detect_stack_use_after_return=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"

dbus-run-session -- sh -c '
    printf "poplar-test" | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1 || true
    exec ctest --test-dir build/test --output-on-failure --timeout 900 -j2 "$@"' sh "$@"
