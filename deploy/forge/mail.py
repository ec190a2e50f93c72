#!/usr/bin/env python3
"""Reads the Maildir the local SMTP server writes (./forge mail).

Without --json: the latest messages, one block each (received, to, subject, links).
With --json: a JSON array, newest first, of {to, subject, received_at, text, links}, for scripts
and for the tests (test-support's Mailbox reads mail through this).
"""
import argparse
import datetime
import email
import email.policy
import html
import json
import os
import re
import sys

LINK = re.compile(r"""https?://[^\s<>"'\]\)]+""")


def received_at(path):
    stamp = datetime.datetime.fromtimestamp(os.stat(path).st_mtime_ns / 1e9, datetime.timezone.utc)
    return stamp.strftime("%Y-%m-%dT%H:%M:%S.") + f"{stamp.microsecond // 1000:03d}Z"


def body_text(message, subtype):
    part = message.get_body(preferencelist=(subtype,))
    return part.get_content() if part is not None else None


def links_in(text, html_body):
    found = LINK.findall(text or "")
    if html_body:
        found += LINK.findall(html.unescape(html_body))
    unique = []
    for link in found:
        link = link.rstrip(".,;:")
        if link not in unique:
            unique.append(link)
    return unique


def read(path):
    with open(path, "rb") as f:
        message = email.message_from_binary_file(f, policy=email.policy.default)
    text = body_text(message, "plain")
    html_body = body_text(message, "html")
    if text is None and html_body is not None:
        text = html.unescape(re.sub(r"<[^>]+>", "", html_body))
    recipients = message.get("X-RcptTo") or message.get("To") or ""
    return {
        "to": str(recipients),
        "subject": str(message.get("Subject") or ""),
        "received_at": received_at(path),
        "text": text or "",
        "links": links_in(text, html_body),
    }


def message_files(maildir):
    files = []
    for sub in ("new", "cur"):
        folder = os.path.join(maildir, sub)
        if os.path.isdir(folder):
            files += [os.path.join(folder, name) for name in os.listdir(folder) if not name.startswith(".")]
    # Newest first: by the time the server stored the file, then by its unique Maildir name.
    return sorted(files, key=lambda p: (os.stat(p).st_mtime_ns, os.path.basename(p)), reverse=True)


def addressed_to(message, address):
    wanted = address.strip().lower()
    return any(part.strip().lower() == wanted for part in re.split(r"[,\s]+", message["to"]) if part)


def main():
    parser = argparse.ArgumentParser(prog="./forge mail", description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print a JSON array, newest first")
    parser.add_argument("--to", metavar="ADDRESS", help="only messages to this address")
    parser.add_argument("--limit", type=int, default=None, help="at most this many (default: 20, all with --json)")
    parser.add_argument("--dir", default=os.environ.get("FORGE_MAIL_DIR"), help="the Maildir")
    args = parser.parse_args()
    if not args.dir:
        parser.error("no mail directory: start the suite with ./forge up, or pass --dir")
    limit = args.limit if args.limit is not None else (None if args.json else 20)
    messages = []
    for path in message_files(args.dir):
        try:
            message = read(path)
        except (OSError, ValueError, LookupError) as failure:
            print(f"skipping {os.path.basename(path)}: {failure}", file=sys.stderr)
            continue
        if args.to and not addressed_to(message, args.to):
            continue
        messages.append(message)
        if limit is not None and len(messages) >= limit:
            break
    if args.json:
        json.dump(messages, sys.stdout, ensure_ascii=False)
        sys.stdout.write("\n")
        return
    if not messages:
        print(f"no mail in {args.dir}")
    for message in messages:
        print(f"{message['received_at']}  to {message['to']}\n  {message['subject']}")
        for link in message["links"]:
            print(f"  {link}")
        print()


if __name__ == "__main__":
    main()
