#!/usr/bin/env python3
# SPDX-License-Identifier: ISC
# SPDX-FileCopyrightText: 2026 the gloss authors
"""export_quotes.py - the block quotes of a Markdown file as a CommonMark
parser reads them, one JSON string a line, for tests/cli/export-cli.sh.

  export_quotes.py CMARK FILE.md     quotes as cmark parses them
  export_quotes.py --stored FILE.json   the "quote" of each annotation of
                                        `gloss annotations --json`

The mapping is the one of docs/export.md: a block quote's paragraphs joined
by a blank line ("\\n\\n"), each hard line break read as "\\n".  Anything
else inside a quote (a soft break, emphasis, a link, raw HTML, another
block) is written as a visible <MARK> so that it cannot compare equal.
"""
import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

NS = "{http://commonmark.org/xml/1.0}"
BAD_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def inline(el):
    tag = el.tag.replace(NS, "")
    if tag == "text":
        return el.text or ""
    if tag == "linebreak":
        return "\n"
    return "<%s:%s>" % (tag.upper(), "".join(inline(c) for c in el) or (el.text or ""))


def quote_text(bq):
    paras = []
    for child in bq:
        if child.tag != NS + "paragraph":
            paras.append("<BLOCK:%s>" % child.tag.replace(NS, ""))
            continue
        paras.append("".join(inline(c) for c in child))
    return "\n\n".join(paras)


def from_markdown(cmark, path):
    xml = subprocess.run([cmark, "--to", "xml", path], check=True, capture_output=True).stdout
    text = xml.decode("utf-8")
    # characters XML 1.0 forbids go through a private-use stand-in and back
    text = BAD_XML.sub(lambda m: "\U000F0000" + m.group(0).encode("unicode_escape").decode(), text)
    text = re.sub(r"<!DOCTYPE[^>]*>", "", text)
    root = ET.fromstring(text.encode("utf-8"))
    for bq in root.findall(NS + "block_quote"):
        print(json.dumps(quote_text(bq), ensure_ascii=False))


def stored(path):
    with open(path, encoding="utf-8") as f:
        for a in json.load(f):
            print(json.dumps(a["quote"], ensure_ascii=False))


if __name__ == "__main__":
    if sys.argv[1] == "--stored":
        stored(sys.argv[2])
    else:
        from_markdown(sys.argv[1], sys.argv[2])
