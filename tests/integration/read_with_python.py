#!/usr/bin/env python3
"""Reads every *.eml in a folder with Python's email package and prints what it found as JSON.

Used by tst_MessageWriterPython to check that a second, independent reader sees the same
subject, addresses, body and attachments as Poplar wrote.
"""
import email
import email.policy
import hashlib
import json
import pathlib
import sys


def unflow(text, delsp):
    """RFC 3676 format=flowed to plain lines; quote depth kept as '>' prefixes."""
    out = []
    paragraph = None
    depth_of_paragraph = -1
    for line in text.split("\n"):
        depth = len(line) - len(line.lstrip(">"))
        line = line[depth:]
        if line.startswith(" "):
            line = line[1:]
        flowed = line.endswith(" ") and line != "-- "
        if flowed and delsp:
            line = line[:-1]
        if paragraph is not None and depth == depth_of_paragraph:
            paragraph += line
        else:
            if paragraph is not None:
                out.append(paragraph)
            paragraph = (">" * depth + " " if depth else "") + line
            depth_of_paragraph = depth
        if not flowed:
            out.append(paragraph)
            paragraph = None
    if paragraph is not None:
        out.append(paragraph)
    return "\n".join(out)


def addresses(message, name):
    header = message[name]
    if header is None:
        return []
    return [[a.display_name, a.addr_spec] for a in header.addresses]


def read(path):
    message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    body = message.get_body(preferencelist=("plain",))
    text = ""
    if body is not None:
        text = body.get_content().replace("\r\n", "\n")
        if body.get_param("format", "").lower() == "flowed":
            text = unflow(text, body.get_param("delsp", "").lower() == "yes")
    attachments = []
    for part in message.iter_attachments():
        data = part.get_payload(decode=True)
        attachments.append({
            "filename": part.get_filename(),
            "type": part.get_content_type(),
            "sha256": hashlib.sha256(data).hexdigest() if data is not None else None,
        })
    return {
        "file": path.name,
        "defects": [type(d).__name__ for d in message.defects],
        "subject": str(message["subject"] or ""),
        "from": addresses(message, "from"),
        "to": addresses(message, "to"),
        "cc": addresses(message, "cc"),
        "replyTo": addresses(message, "reply-to"),
        "bcc": message["bcc"] is not None,
        "messageId": str(message["message-id"] or ""),
        "body": text,
        "attachments": attachments,
    }


def main():
    folder = pathlib.Path(sys.argv[1])
    results = [read(p) for p in sorted(folder.glob("*.eml"))]
    json.dump(results, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
