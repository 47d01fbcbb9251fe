#!/usr/bin/env bash
# Builds Poplar (Release) and starts it.
#   ./run.sh            the demo: a private POP3 server on this computer with sample mail,
#                       and Poplar on a separate demo profile (your own profile is untouched)
#   ./run.sh --no-demo  Poplar on your real profile
# Further arguments go to poplar, e.g. ./run.sh --no-demo --lang zh_CN
set -euo pipefail
cd "$(dirname "$0")"
source installer/dependencies.sh

demo=1
if [ "${1:-}" = "--no-demo" ]; then
    demo=0
    shift
fi
if [ $demo -eq 1 ]; then
    poplar_install_packages "${POPLAR_BUILD_PACKAGES[@]}" "${POPLAR_DEMO_PACKAGES[@]}"
else
    poplar_install_packages "${POPLAR_BUILD_PACKAGES[@]}"
fi

cmake --preset release >/dev/null
cmake --build build/release --target poplar poplar-demo-server
bin=build/release/bin

if [ $demo -eq 0 ]; then
    exec "$bin/poplar" "$@"
fi

# Everything of the demo lives under build/release/demo and starts afresh on every run.
demo_dir="$PWD/build/release/demo"
rm -rf "$demo_dir"
mkdir -p "$demo_dir"
"$bin/poplar-demo-server" --dir "$demo_dir/server" --info "$demo_dir/server.info" \
    >"$demo_dir/server.out" 2>&1 &
server_pid=$!
trap 'kill $server_pid 2>/dev/null; wait $server_pid 2>/dev/null || true' EXIT
for _ in $(seq 100); do
    [ -s "$demo_dir/server.info" ] && break
    if ! kill -0 $server_pid 2>/dev/null; then
        echo "poplar: the demo POP3 server did not start:" >&2
        cat "$demo_dir/server.out" >&2
        exit 1
    fi
    sleep 0.1
done
echo "poplar: demo POP3 server on $(grep -E '^(host|tls_port)=' "$demo_dir/server.info" | cut -d= -f2 | paste -sd:)" \
    "(user demo, password demo); profile in $demo_dir/profile"

"$bin/poplar" --profile "$demo_dir/profile" "$@"
