#!/usr/bin/env python3
"""Generates a mixed mailbox for the parse benchmark: plain letters, HTML newsletters with a
plain alternative, messages with base64 attachments, Chinese, Japanese and Korean mail in legacy
charsets, forwarded messages and replies. Deterministic (fixed seed).

usage: make_mailbox.py OUTPUT_FOLDER [COUNT]"""
import base64
import os
import random
import sys

WORDS = ('the report meeting schedule budget review draft please find attached thanks regards '
         'project team update next week quarter numbers client proposal deadline agenda notes '
         'follow up question answer invoice payment travel office holiday').split()
ZH = '我们的会议在明天下午三点开始请大家准时参加项目进度报告已经完成谢谢'
JA = '明日の会議は午後三時から始まりますよろしくお願いします資料を添付しました'
KO = '내일 회의는 오후 세 시에 시작합니다 참석 부탁드립니다 자료를 첨부했습니다'


def para(rng, n):
    return ' '.join(rng.choice(WORDS) for _ in range(n)).capitalize() + '.'


def wrap(text, width=72):
    out, line = [], ''
    for word in text.split(' '):
        if len(line) + len(word) + 1 > width:
            out.append(line)
            line = word
        else:
            line = (line + ' ' + word).strip()
    out.append(line)
    return '\n'.join(out)


def b64(data):
    text = base64.b64encode(data).decode()
    return '\n'.join(text[i:i + 76] for i in range(0, len(text), 76))


def ew(text, charset):
    return '=?%s?B?%s?=' % (charset, base64.b64encode(text.encode(charset)).decode())


def headers(rng, i, subject, extra=''):
    return ('From: Sender %d <sender%d@example.org>\nTo: Reader <reader@example.net>\n'
            'Subject: %s\nDate: Mon, %d Jan 2024 %02d:%02d:00 +0000\n'
            'Message-ID: <bench-%d@example.org>\nMIME-Version: 1.0\n%s'
            % (i % 50, i % 50, subject, 1 + i % 28, i % 24, i % 60, i, extra))


def plain(rng, i):
    body = '\n\n'.join(wrap(para(rng, rng.randint(20, 80))) for _ in range(rng.randint(2, 8)))
    quote = '\n'.join('> ' + l for l in wrap(para(rng, 40)).split('\n'))
    return (headers(rng, i, 'Re: ' + para(rng, 4)) +
            'Content-Type: text/plain; charset=utf-8\n\n' + body + '\n\n' + quote + '\n').encode()


def newsletter(rng, i):
    text = [para(rng, rng.randint(20, 60)) for _ in range(rng.randint(4, 12))]
    html = ''.join('<tr><td style="padding: 8px; font-family: Arial"><p>%s</p>'
                   '<img src="https://img.example.com/%d.png" width="600"></td></tr>' % (t, k)
                   for k, t in enumerate(text))
    html = ('<html><head><style>td { color: #333 }</style></head><body><table width="100%%">'
            '%s</table><a href="https://example.com/unsubscribe">Unsubscribe</a></body></html>' % html)
    qp_html = html.replace('=', '=3D')
    qp_html = '=\n'.join(qp_html[k:k + 75] for k in range(0, len(qp_html), 75))
    return (headers(rng, i, 'Newsletter ' + para(rng, 3),
                    'Content-Type: multipart/alternative; boundary="alt%d"\n' % i) +
            '\n--alt%d\nContent-Type: text/plain; charset=utf-8\n\n%s\n'
            '--alt%d\nContent-Type: text/html; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n'
            '%s\n--alt%d--\n' % (i, '\n\n'.join(wrap(t) for t in text), i, qp_html, i)).encode()


def attachment(rng, i):
    data = bytes(rng.getrandbits(8) for _ in range(rng.randint(20000, 200000)))
    return (headers(rng, i, 'Files: ' + para(rng, 3), 'Content-Type: multipart/mixed; boundary="mx%d"\n' % i) +
            '\n--mx%d\nContent-Type: text/plain; charset=utf-8\n\n%s\n'
            '--mx%d\nContent-Type: application/pdf; name="report-%d.pdf"\nContent-Transfer-Encoding: base64\n'
            'Content-Disposition: attachment; filename="report-%d.pdf"\n\n%s\n--mx%d--\n'
            % (i, wrap(para(rng, 50)), i, i, i, b64(data), i)).encode()


def cjk(rng, i):
    kind = i % 3
    text, charset = [(ZH, 'gbk'), (JA, 'iso-2022-jp'), (KO, 'euc-kr')][kind]
    body = '\n'.join(''.join(rng.sample(text, min(len(text), 30))) for _ in range(rng.randint(5, 30)))
    return (headers(rng, i, ew(text[:12], charset),
                    'Content-Type: text/plain; charset=%s\nContent-Transfer-Encoding: base64\n' % charset) +
            '\n' + b64(body.encode(charset)) + '\n').encode()


def forwarded(rng, i):
    inner = plain(rng, i + 100000).decode()
    return (headers(rng, i, 'Fwd: ' + para(rng, 3), 'Content-Type: multipart/mixed; boundary="fw%d"\n' % i) +
            '\n--fw%d\nContent-Type: text/plain\n\nSee below.\n--fw%d\nContent-Type: message/rfc822\n\n%s\n--fw%d--\n'
            % (i, i, inner, i)).encode()


def main():
    out = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
    os.makedirs(out, exist_ok=True)
    rng = random.Random(20240115)
    kinds = [plain] * 4 + [newsletter] * 3 + [cjk] * 2 + [attachment, forwarded]
    for i in range(count):
        with open(os.path.join(out, '%05d.eml' % i), 'wb') as f:
            f.write(rng.choice(kinds)(rng, i))


if __name__ == '__main__':
    main()
