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
port=$(sed -n 's/^tls_port=//p' "$demo_dir/server.info")
fingerprint=$(openssl x509 -in "$(sed -n 's/^cert=//p' "$demo_dir/server.info")" -noout \
    -fingerprint -sha256 | cut -d= -f2)
echo "poplar: demo POP3 server on 127.0.0.1:$port (user demo, password demo);" \
    "profile in $demo_dir/profile"
# With Exim installed the demo also sends: to demo@poplar.test (back into the demo mailbox).
smtp_port=$(sed -n 's/^smtp_tls_port=//p' "$demo_dir/server.info")
email=demo@poplar.invalid
smtp_options=""
if [ -n "$smtp_port" ]; then
    email=$(sed -n 's/^email=//p' "$demo_dir/server.info")
    smtp_fingerprint=$(openssl x509 -in "$(sed -n 's/^smtp_cert=//p' "$demo_dir/server.info")" \
        -noout -fingerprint -sha256 | cut -d= -f2)
    smtp_options="--smtp-host 127.0.0.1 --smtp-port $smtp_port --smtp-security tls"
    smtp_options="$smtp_options --smtp-trust-fingerprint $smtp_fingerprint"
    echo "poplar: demo SMTP server on 127.0.0.1:$smtp_port; mail to $email comes back"
fi

# The demo runs on its own session bus with its own keyring (under $demo_dir/data), so its
# password never reaches your keychain. The account trusts the demo server's self-signed
# certificate by its fingerprint, as a user would after checking it.
mkdir -p "$demo_dir/data"
export POPLAR_DEMO_BIN="$bin/poplar" POPLAR_DEMO_PROFILE="$demo_dir/profile" \
    POPLAR_DEMO_PORT="$port" POPLAR_DEMO_FINGERPRINT="$fingerprint" POPLAR_DEMO_EMAIL="$email" \
    POPLAR_DEMO_SMTP="$smtp_options"
XDG_DATA_HOME="$demo_dir/data" dbus-run-session -- sh -c '
    printf demo-keyring | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1
    printf "demo\n" | "$POPLAR_DEMO_BIN" --profile "$POPLAR_DEMO_PROFILE" account add \
        --name "Poplar demo" --email "$POPLAR_DEMO_EMAIL" --sender-name "Demo User" \
        --host 127.0.0.1 --port "$POPLAR_DEMO_PORT" --security tls --user demo \
        --trust-fingerprint "$POPLAR_DEMO_FINGERPRINT" --password-stdin $POPLAR_DEMO_SMTP \
        >/dev/null
    exec "$POPLAR_DEMO_BIN" --profile "$POPLAR_DEMO_PROFILE" "$@"' sh "$@"
