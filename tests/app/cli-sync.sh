#!/bin/sh
# The command line as a user runs it, against a private Dovecot with sample mail and the
# real keychain of the test session: account add (password to the keychain), sync (password
# from the keychain), search (Latin and a two-character Chinese word), list, remove. Then the
# password must appear in no file of the profile and in none of the output. Last, a server
# certificate trusted by its fingerprint after a sync printed it.
# usage: cli-sync.sh POPLAR DEMO_SERVER WORK_DIR
set -eu
poplar=$1
demo_server=$2
work=$3
fail() { echo "FAIL: $*" >&2; exit 1; }

rm -rf "$work" && mkdir -p "$work"
password="pw-$(date +%s)-$$-secret"
"$demo_server" --dir "$work/server" --info "$work/server.info" --messages 25 \
    --password "$password" >"$work/server.out" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT
for _ in $(seq 200); do [ -s "$work/server.info" ] && break; sleep 0.1; done
[ -s "$work/server.info" ] || fail "demo server did not start: $(cat "$work/server.out")"
port=$(sed -n 's/^tls_port=//p' "$work/server.info")
fingerprint=$(openssl x509 -in "$(sed -n 's/^cert=//p' "$work/server.info")" -noout -fingerprint -sha256 | cut -d= -f2)

profile="$work/profile"
printf '%s\n' "$password" | "$poplar" --profile "$profile" account add --name Demo \
    --email demo@example.test --host 127.0.0.1 --port "$port" --security tls --user demo \
    --trust-fingerprint "$fingerprint" --password-stdin >"$work/add.out" 2>&1 ||
    fail "account add: $(cat "$work/add.out")"
if grep -q "could not be saved in the keychain" "$work/add.out"; then
    echo "SKIP: no secret service in this session (./test.sh provides one)"; exit 77
fi

"$poplar" --profile "$profile" account list >"$work/list.out" || fail "account list"
grep -q "^Demo	demo@example.test	127.0.0.1:$port	tls	" "$work/list.out" || fail "list: $(cat "$work/list.out")"

"$poplar" --profile "$profile" sync >"$work/sync.out" 2>&1 || fail "sync: $(cat "$work/sync.out")"
grep -q "Demo: 26 new" "$work/sync.out" || fail "sync did not fetch the 26 messages: $(cat "$work/sync.out")"
# Progress comes about once a second and when the last message is in, not for every message.
grep -q "^Demo: 26/26 messages" "$work/sync.out" || fail "no final progress line: $(cat "$work/sync.out")"
[ "$(grep -c "^Demo: [0-9]*/26 messages" "$work/sync.out")" -lt 26 ] ||
    fail "a progress line per message: $(cat "$work/sync.out")"
"$poplar" --profile "$profile" sync >"$work/sync2.out" 2>&1 || fail "second sync"
grep -q "Demo: 0 new" "$work/sync2.out" || fail "second sync fetched again: $(cat "$work/sync2.out")"

"$poplar" --profile "$profile" search Welcome >"$work/search.out" || fail "search"
grep -q "Welcome to the Poplar demo" "$work/search.out" || fail "search Welcome: $(cat "$work/search.out")"

# Export to mbox and import back: into the same account nothing is added twice; into another
# account every message arrives once, and a second import adds nothing.
"$poplar" --profile "$profile" export --mbox "$work/all.mbox" >"$work/export.out" || fail "export"
[ "$(grep -c '^From ' "$work/all.mbox")" -eq 26 ] || fail "export wrote $(grep -c '^From ' "$work/all.mbox") messages"
"$poplar" --profile "$profile" import --mbox "$work/all.mbox" --account Demo >"$work/import1.out" || fail "import"
grep -q "Imported 0 message(s); 26 were already there" "$work/import1.out" || fail "import into Demo: $(cat "$work/import1.out")"
"$poplar" --profile "$profile" account add --name Archive --email archive@example.test \
    --host 127.0.0.1 >/dev/null || fail "account add Archive"
"$poplar" --profile "$profile" import --mbox "$work/all.mbox" --account Archive >"$work/import2.out" || fail "import"
grep -q "Imported 26 message(s); 0 were already there" "$work/import2.out" || fail "import into Archive: $(cat "$work/import2.out")"
"$poplar" --profile "$profile" import --mbox "$work/all.mbox" --account Archive >"$work/import3.out" || fail "import"
grep -q "Imported 0 message(s); 26 were already there" "$work/import3.out" || fail "second import: $(cat "$work/import3.out")"
[ "$("$poplar" --profile "$profile" search Welcome | wc -l)" -eq 2 ] || fail "search after import"

# Nothing of the password on disk or in what Poplar printed.
if grep -rlF "$password" "$profile" "$work"/*.out 2>/dev/null; then fail "the password was written"; fi

"$poplar" --profile "$profile" account remove Demo >"$work/remove.out" || fail "remove"
"$poplar" --profile "$profile" account remove Archive --delete-mail >/dev/null || fail "remove Archive"
"$poplar" --profile "$profile" account list | grep -q Demo && fail "account still listed"

# A certificate nobody trusted yet: sync fails and prints its fingerprint and how to trust it;
# after `account trust` the mail comes.
printf '%s\n' "$password" | "$poplar" --profile "$profile" account add --name Untrusted \
    --email demo@example.test --host 127.0.0.1 --port "$port" --security tls --user demo \
    --password-stdin >/dev/null 2>&1 || fail "account add Untrusted"
"$poplar" --profile "$profile" sync >"$work/untrusted.out" 2>&1 &&
    fail "sync with an untrusted certificate succeeded"
grep -qF "$fingerprint" "$work/untrusted.out" || fail "no fingerprint: $(cat "$work/untrusted.out")"
grep -qF "poplar account trust \"Untrusted\" $fingerprint" "$work/untrusted.out" ||
    fail "no way to trust it: $(cat "$work/untrusted.out")"
"$poplar" --profile "$profile" account trust Untrusted "$fingerprint" >"$work/trust.out" ||
    fail "account trust: $(cat "$work/trust.out")"
"$poplar" --profile "$profile" sync >"$work/trusted.out" 2>&1 || fail "sync after trust: $(cat "$work/trusted.out")"
grep -q "Untrusted: 26 new" "$work/trusted.out" || fail "after trust: $(cat "$work/trusted.out")"
"$poplar" --profile "$profile" account trust Untrusted 12:34 >/dev/null 2>&1 &&
    fail "a fingerprint that is not SHA-256 was taken"
echo "PASS"
