#!/bin/sh
# `poplar mailto:…` (how a browser opens a mail link) while Poplar runs on the profile: the
# second start hands the link to the first over its local socket and exits at once, instead
# of failing on the profile lock, and the first opens a composer for it. A request that is
# not Poplar's is dropped without harm. Run with the poplar binary.
set -u
poplar=$1
work=$(mktemp -d)
first=
cleanup() {
    [ -n "$first" ] && kill "$first" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT
export QT_QPA_PLATFORM=offscreen QT_LOGGING_RULES="poplar.ui.info=true"
runtime=${XDG_RUNTIME_DIR:-}
if [ -z "$runtime" ]; then
    runtime="$work/runtime"
    mkdir -m 700 "$runtime"
    export XDG_RUNTIME_DIR="$runtime"
fi
mkdir -p "$work/profile"

"$poplar" --profile "$work/profile" >"$work/first.log" 2>&1 &
first=$!
socket="$runtime/poplar-$(printf '%s' "$(cd "$work/profile" && pwd -P)" | sha256sum | cut -c1-24).socket"
tries=0
until [ -S "$socket" ]; do
    tries=$((tries + 1))
    [ $tries -gt 100 ] && { cat "$work/first.log"; echo "the first Poplar never listened"; exit 1; }
    sleep 0.1
done

# Garbage on the socket: the running Poplar drops it and goes on.
python3 -c '
import socket, sys
s = socket.socket(socket.AF_UNIX)
s.connect(sys.argv[1])
s.sendall(b"GET / HTTP/1.0\r\n\r\n" + b"x" * 100000)
s.close()' "$socket"

timeout 10 "$poplar" --profile "$work/profile" \
    'mailto:wang@example.cn?subject=%E4%BC%9A%E8%AE%AE&body=Hi%0D%0ABcc:%20evil@example.org' \
    >"$work/second.log" 2>&1
rc=$?
cat "$work/second.log"
[ $rc -eq 0 ] || { echo "the second start did not hand the link over (exit code $rc)"; exit 1; }
kill -0 "$first" 2>/dev/null || { cat "$work/first.log"; echo "the first Poplar is gone"; exit 1; }
tries=0
until grep -q "composing a message for a mail link" "$work/first.log"; do
    tries=$((tries + 1))
    [ $tries -gt 50 ] && { cat "$work/first.log"; echo "no composer opened"; exit 1; }
    sleep 0.1
done
grep -q "ignoring a malformed request" "$work/first.log" ||
    { cat "$work/first.log"; echo "the garbage request was not refused"; exit 1; }
echo "ok"
