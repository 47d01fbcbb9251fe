#!/bin/sh
# A composer's autosave survives `kill -9` of Poplar: what was typed before the last autosave
# is in Drafts afterwards, and the next start opens the profile as if nothing happened. Types
# into a real composer window on a private X server. Run with the poplar binary.
set -u
poplar=$1
command -v xvfb-run >/dev/null && command -v xdotool >/dev/null ||
    { echo "SKIP: needs xvfb-run and xdotool (./test.sh installs them)"; exit 77; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
profile="$work/profile"
mkdir -p "$profile"
printf '[Composer]\nautosaveSeconds=1\n' >"$profile/poplar.ini"
# An account whose server is nowhere (port 1), so that the composer has a From.
printf 'unused\n' | "$poplar" --profile "$profile" account add --name Test \
    --email me@example.org --host 127.0.0.1 --port 1 --check-every 0 --password-stdin \
    >"$work/add.log" 2>&1 || { cat "$work/add.log"; exit 1; }

export POPLAR=$poplar PROFILE=$profile WORK=$work
# A real X window this time. libxkbcommon-x11 (which the xcb platform loads) passes strndup a
# buffer without a final NUL, which ASan's strict_string_checks reports as an overflow of the
# system library; every other check stays on.
xvfb-run -a -s "-screen 0 1280x900x24" env QT_QPA_PLATFORM=xcb \
    ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}strict_string_checks=0" sh -c '
    "$POPLAR" --profile "$PROFILE" "mailto:wang@example.cn?subject=Autosave%20check" \
        >"$WORK/gui.log" 2>&1 &
    pid=$!
    window=$(timeout 30 xdotool search --sync --name "Autosave check")
    [ -n "$window" ] || { echo "no composer window"; kill -9 $pid; exit 1; }
    xdotool windowfocus --sync $window
    sleep 1
    xdotool type --delay 20 "written just before the crash"
    sleep 4 # autosave runs every second
    kill -9 $pid
    wait $pid 2>/dev/null
    exit 0' || { cat "$work/gui.log"; exit 1; }

"$poplar" --profile "$profile" search crash >"$work/search.log" 2>&1
rc=$?
cat "$work/search.log"
[ $rc -eq 0 ] || { echo "the profile did not open after the kill (exit code $rc)"; exit 1; }
grep -q "Autosave check" "$work/search.log" ||
    { cat "$work/gui.log"; echo "the draft typed before the kill is gone"; exit 1; }
echo "ok"
