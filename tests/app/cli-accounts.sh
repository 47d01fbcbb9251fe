#!/bin/sh
# `poplar account` with an outgoing (SMTP) server, as a user runs it, in a private profile:
# add with the --smtp-* options and two passwords on standard input, list, trust --smtp,
# the refusals, remove. The passwords must reach no file of the profile and none of the
# output; with a secret service (./test.sh provides one) the outgoing password is in the
# keychain under its own entry, and remove deletes both entries.
# usage: cli-accounts.sh POPLAR WORK_DIR
set -eu
poplar=$1
work=$2
fail() { echo "FAIL: $*" >&2; exit 1; }

rm -rf "$work" && mkdir -p "$work"
profile="$work/profile"
run() { "$poplar" --profile "$profile" "$@"; }
incoming="in-$(date +%s)-$$-secret"
outgoing="out-$(date +%s)-$$-secret"
fingerprint=$(printf 'ab%.0s' $(seq 32))

# Two passwords: the incoming one first, then the outgoing one.
printf '%s\n%s\n' "$incoming" "$outgoing" | run account add --name Work --email li@example.test \
    --host pop.example.test --password-stdin --smtp-host smtp.example.test \
    --smtp-security starttls --smtp-user li-send --smtp-auth cram-md5 \
    --smtp-password-stdin >"$work/add.out" 2>&1 || fail "account add: $(cat "$work/add.out")"
keychain=yes
grep -q "could not be saved in the keychain" "$work/add.out" && keychain=no

# Only the host: TLS on 465, the incoming user name and password.
run account add --name Home --email home@example.test --host pop.example.test \
    --smtp-host smtp.home.test >"$work/add2.out" 2>&1 || fail "account add Home: $(cat "$work/add2.out")"
run account add --name Old --email old@example.test --host pop.example.test >/dev/null 2>&1 ||
    fail "account add Old"
# No encryption is allowed when asked for, with a warning.
run account add --name Clear --email clear@example.test --host pop.example.test \
    --smtp-host smtp.clear.test --smtp-security none --smtp-auth none >"$work/add3.out" 2>&1 ||
    fail "account add Clear: $(cat "$work/add3.out")"
grep -q "smtp-security none" "$work/add3.out" || fail "no warning: $(cat "$work/add3.out")"

run account list >"$work/list.out" || fail "account list"
grep -q "^Work	li@example.test	pop.example.test:995	tls	[^	]*	smtp.example.test:587 starttls$" \
    "$work/list.out" || fail "list Work: $(cat "$work/list.out")"
grep -q "^Home	.*	smtp.home.test:465 tls$" "$work/list.out" || fail "list Home: $(cat "$work/list.out")"
grep -q "^Old	.*	outgoing: not set$" "$work/list.out" || fail "list Old: $(cat "$work/list.out")"
grep -q "^Clear	.*	smtp.clear.test:587 none$" "$work/list.out" || fail "list Clear: $(cat "$work/list.out")"

ini=$(find "$profile" -name '*.ini' | head -n 1)
[ -n "$ini" ] || fail "no settings file in the profile"
grep -q "outgoingAuthentication=cram-md5" "$ini" || fail "settings: $(cat "$ini")"
grep -q "outgoingUsername=li-send" "$ini" || fail "settings: $(cat "$ini")"
grep -q "outgoingSameCredential=false" "$ini" || fail "settings: $(cat "$ini")"

# Refusals: exit code 2 and the reason, nothing added.
run account add --name Bad --email bad@example.test --host pop.example.test --smtp-port 25 \
    >"$work/bad1.out" 2>&1 && fail "--smtp-port without --smtp-host was taken"
grep -q -- "--smtp-port needs --smtp-host" "$work/bad1.out" || fail "bad1: $(cat "$work/bad1.out")"
run account add --name Bad --email bad@example.test --host pop.example.test \
    --smtp-host smtp.example.test --smtp-auth apop >"$work/bad2.out" 2>&1 &&
    fail "--smtp-auth apop was taken"
run account add --name Bad --email bad@example.test --host pop.example.test \
    --smtp-host smtp.example.test --smtp-trust-fingerprint 12:34 >/dev/null 2>&1 &&
    fail "a short --smtp-trust-fingerprint was taken"
printf '%s\n' "$incoming" | run account add --name Bad --email bad@example.test \
    --host pop.example.test --password-stdin --smtp-host smtp.example.test \
    --smtp-password-stdin >"$work/bad3.out" 2>&1 && fail "a missing outgoing password was taken"
grep -q "on the line after" "$work/bad3.out" || fail "bad3: $(cat "$work/bad3.out")"
run account list | grep -q "^Bad	" && fail "a refused account was added"

# Trust the outgoing server's certificate; the incoming pin stays as it was.
run account trust Work "$fingerprint" --smtp >"$work/trust.out" || fail "trust --smtp: $(cat "$work/trust.out")"
grep -q "outgoing server's certificate" "$work/trust.out" || fail "trust: $(cat "$work/trust.out")"
grep -q "outgoingPinnedCertificateSha256=AB:AB:" "$ini" || fail "no outgoing pin: $(cat "$ini")"
grep -q "^[^=]*\\\\pinnedCertificateSha256=AB" "$ini" && fail "the incoming pin changed"
run account trust Old "$fingerprint" --smtp >"$work/trust2.out" 2>&1 &&
    fail "trust --smtp of an account without an outgoing server"
grep -q "no outgoing server" "$work/trust2.out" || fail "trust2: $(cat "$work/trust2.out")"

# Nothing of either password on disk or in what Poplar printed.
if grep -rlF -e "$incoming" -e "$outgoing" "$profile" "$work"/*.out 2>/dev/null; then
    fail "a password was written"
fi

id=$(sed -n 's/^Work	[^	]*	[^	]*	[^	]*	\([^	]*\)	.*/\1/p' "$work/list.out")
[ -n "$id" ] || fail "no id for Work"
# Where the secret service can be read directly: the outgoing password is an entry of its own.
lookup() { secret-tool lookup user "$1" 2>/dev/null || true; }
direct=no
if [ $keychain = yes ] && command -v secret-tool >/dev/null 2>&1 &&
    [ "$(lookup "$id")" = "$incoming" ]; then
    direct=yes
    [ "$(lookup "$id/smtp")" = "$outgoing" ] || fail "the outgoing password is not in the keychain"
fi

run account remove Work >/dev/null || fail "remove"
run account list | grep -q "^Work	" && fail "account still listed"
if [ $direct = yes ]; then
    [ -z "$(lookup "$id")" ] || fail "the incoming password is still in the keychain"
    [ -z "$(lookup "$id/smtp")" ] || fail "the outgoing password is still in the keychain"
fi
if [ $keychain = no ]; then
    echo "SKIP: no secret service in this session (./test.sh provides one)"; exit 77
fi
echo "PASS"
