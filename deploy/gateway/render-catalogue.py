#!/usr/bin/env python3
"""Renders the error catalogue (docs/errors.md) into the pages the gateway serves.

Usage: render-catalogue.py CATALOGUE.md OUT-DIR

Writes OUT-DIR/{code}.html for every row of the catalogue's table and OUT-DIR/index.html with all
of them; the gateway answers GET /problems/{code} and GET /problems/ from these files. A problem
document's `type` is https://patriotforge.dev/problems/{code}: its path is one of these pages.
"""
import html
import os
import re
import sys

ROW = re.compile(r"^\|\s*`([a-z][a-z0-9_]{0,63})`\s*\|\s*(\d{3})\s*\|(.*)\|(.*)\|\s*$")
TYPE_BASE = "https://patriotforge.dev/problems/"


def fail(message):
    print(f"render-catalogue: {message}", file=sys.stderr)
    sys.exit(1)


def inline(text):
    """Markdown `code` spans as <code>; everything else escaped."""
    parts = text.strip().split("`")
    return "".join(
        f"<code>{html.escape(part)}</code>" if i % 2 else html.escape(part)
        for i, part in enumerate(parts)
    )


def title_of(code):
    words = code.replace("_", " ")
    return words[:1].upper() + words[1:]


def page(title, body):
    return (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        f"<title>{html.escape(title)} · PatriotForge API errors</title>\n</head>\n<body>\n"
        f"{body}\n</body>\n</html>\n"
    )


def entry_page(code, status, happened, todo):
    return page(
        title_of(code),
        f"<p><a href=\"./\">PatriotForge API errors</a></p>\n"
        f"<h1 id=\"{code}\">{html.escape(title_of(code))}</h1>\n<dl>\n"
        f"<dt>code</dt><dd><code>{code}</code></dd>\n"
        f"<dt>status</dt><dd>{status}</dd>\n"
        f"<dt>type</dt><dd><code>{TYPE_BASE}{code}</code></dd>\n</dl>\n"
        f"<h2>What happened</h2>\n<p>{inline(happened)}</p>\n"
        f"<h2>What the client should do</h2>\n<p>{inline(todo)}</p>",
    )


def parse(path):
    entries = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            match = ROW.match(line.rstrip("\n"))
            if match:
                code, status, happened, todo = match.groups()
                entries.append((code, int(status), happened, todo))
    codes = [code for code, *_ in entries]
    duplicates = sorted({code for code in codes if codes.count(code) > 1})
    if duplicates:
        fail(f"codes listed twice in {path}: {', '.join(duplicates)}")
    if not entries:
        fail(f"no catalogue rows in {path}")
    return entries


def main(argv):
    if len(argv) != 3:
        fail("usage: render-catalogue.py CATALOGUE.md OUT-DIR")
    entries = parse(argv[1])
    os.makedirs(argv[2], exist_ok=True)
    for code, status, happened, todo in entries:
        with open(os.path.join(argv[2], f"{code}.html"), "w", encoding="utf-8") as f:
            f.write(entry_page(code, status, happened, todo))
    rows = "\n".join(
        f"<tr><td><a href=\"{code}\"><code>{code}</code></a></td><td>{status}</td>"
        f"<td>{inline(todo)}</td></tr>"
        for code, status, _, todo in entries
    )
    index = page(
        "Errors",
        "<h1>PatriotForge API errors</h1>\n<p>Every error is a problem document "
        "(<code>application/problem+json</code>) whose <code>code</code> is one of these.</p>\n"
        f"<table>\n<tr><th>code</th><th>status</th><th>what to do</th></tr>\n{rows}\n</table>",
    )
    with open(os.path.join(argv[2], "index.html"), "w", encoding="utf-8") as f:
        f.write(index)


if __name__ == "__main__":
    main(sys.argv)
