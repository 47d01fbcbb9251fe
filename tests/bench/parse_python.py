#!/usr/bin/env python3
"""The same work as bench_parse, done with Python's standard `email` package: parse each file,
decode the headers the list shows, pick the body (HTML over plain), decode it to text, and list
the attachments with their decoded names. Prints one line of JSON like bench_parse."""
import email
import email.policy
import json
import pathlib
import sys
import time


def work(raw):
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    size = 0
    for name in ('subject', 'from', 'to', 'cc', 'date', 'message-id'):
        try:
            size += len(str(msg.get(name, '')))
        except Exception:
            pass
    try:
        body = msg.get_body(preferencelist=('html', 'plain'))
        if body is not None:
            size += len(body.get_content())
    except Exception:
        pass
    try:
        for part in msg.iter_attachments():
            size += len(part.get_filename() or '')
            payload = part.get_payload(decode=True)
            size += len(payload or b'')
    except Exception:
        pass
    return size


def main():
    files = []
    for folder in sys.argv[1:]:
        files += sorted(pathlib.Path(folder).rglob('*.eml'))
    messages = [f.read_bytes() for f in files]
    if not messages:
        print('usage: parse_python.py FOLDER...', file=sys.stderr)
        return 2
    total = sum(len(m) for m in messages)
    checksum = 0
    rounds = 0
    start = time.perf_counter()
    while True:
        for raw in messages:
            checksum += work(raw)
        rounds += 1
        if time.perf_counter() - start >= 2.0:
            break
    seconds = time.perf_counter() - start
    print(json.dumps({'parser': 'python-email', 'files': len(messages), 'bytes': total,
                      'rounds': rounds, 'seconds': seconds,
                      'mbPerSecond': total * rounds / seconds / 1e6,
                      'messagesPerSecond': len(messages) * rounds / seconds,
                      'checksum': checksum}))
    return 0


if __name__ == '__main__':
    sys.exit(main())
