#!/usr/bin/env python3
# SPDX-License-Identifier: ISC
# SPDX-FileCopyrightText: 2026 the gloss authors
"""export_read.py - a Markdown export as another tool reads it, for
tests/cli/export-pandoc.sh.

  export_read.py READER FILE.md   one line per highlight, as READER reads it
  export_read.py --want FILE.json the same lines from `gloss annotations --json`

READER is a pandoc input format (markdown, commonmark_x, gfm, commonmark)
or "cmark" (the cmark program).  A highlight is a block quote, the block id
paragraph after it (^gloss-ID), the place line (its tags last) and the
note's blocks up to the next quote or heading.  Each line is JSON:
[id, quote, tags, note], where the quote is the block quote's paragraphs
joined by "\\n\\n" with hard breaks as "\\n" (pandoc's Quoted as the curly
quotes it stands for; anything else shows as a <MARK>), the tags are the place line's words that start with '#', and the
note is the reader's blocks for it, written back as CommonMark by pandoc
(cmark: its XML).  With --want the note is the
same reader's blocks for the note alone, read as CommonMark (pandoc -f
commonmark), so equal lines mean the reader sees each note as CommonMark
does, each quote and tag as gloss stored it.
"""
import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

NS = "{http://commonmark.org/xml/1.0}"
TAG = re.compile(r"^#[^\s#]+$")


# ---------------------------------------------------------------------------
# pandoc

def pandoc(fmt, text):
    out = subprocess.run(["pandoc", "-f", fmt, "-t", "json"], input=text.encode("utf-8"),
                         check=True, capture_output=True).stdout
    return json.loads(out)["blocks"]


def inline_text(xs):
    out = []
    for x in xs:
        t, c = x["t"], x.get("c")
        if t == "Str":
            out.append(c)
        elif t == "Space":
            out.append(" ")
        elif t == "LineBreak":
            out.append("\n")
        elif t == "Quoted":  # pandoc reads curly quotes as quotes: the same text
            q = "\u201c\u201d" if c[0]["t"] == "DoubleQuote" else "\u2018\u2019"
            out.append(q[0] + inline_text(c[1]) + q[1])
        else:
            out.append("<%s:%s>" % (t.upper(), json.dumps(c, ensure_ascii=False)))
    return "".join(out)


def flat(xs):
    """Text of inlines, markup dropped (for the place line)."""
    out = []
    for x in xs:
        t, c = x["t"], x.get("c")
        if t == "Str":
            out.append(c)
        elif t in ("Space", "SoftBreak", "LineBreak"):
            out.append(" ")
        elif t in ("Emph", "Strong"):
            out.append(flat(c))
        elif t == "Note":
            out.append("[note]")
    return "".join(out)


def pandoc_quote(b):
    paras = []
    for p in b["c"]:
        paras.append(inline_text(p["c"]) if p["t"] == "Para" else "<BLOCK:%s>" % p["t"])
    return "\n\n".join(paras)


def tags_of(place):
    return " ".join(w for w in place.split(" ") if TAG.match(w))


def pandoc_starts(blocks, i):
    """A highlight: a block quote followed by its block id (a note may hold quotes too)."""
    return (blocks[i]["t"] == "BlockQuote" and i + 1 < len(blocks) and blocks[i + 1]["t"] == "Para"
            and re.match(r"^\^gloss-\d+$", flat(blocks[i + 1]["c"])))


def pandoc_highlights(blocks):
    out = []
    i = 0
    while i < len(blocks):
        if not pandoc_starts(blocks, i):
            i += 1
            continue
        quote = pandoc_quote(blocks[i])
        ident = flat(blocks[i + 1]["c"]) if i + 1 < len(blocks) and blocks[i + 1]["t"] == "Para" else ""
        place = flat(blocks[i + 2]["c"]) if i + 2 < len(blocks) and blocks[i + 2]["t"] == "Para" else ""
        j = i + 3
        while j < len(blocks) and blocks[j]["t"] != "Header" and not pandoc_starts(blocks, j):
            j += 1
        out.append([ident, quote, tags_of(place), blocks[i + 3:j]])
        i = j
    return out


# ---------------------------------------------------------------------------
# cmark

def cmark_xml(text):
    out = subprocess.run(["cmark", "--to", "xml"], input=text.encode("utf-8"), check=True,
                         capture_output=True).stdout.decode("utf-8")
    out = re.sub(r"<!DOCTYPE[^>]*>", "", out)
    out = re.sub("[\x00-\x08\x0b\x0c\x0e-\x1f]", "\ufffd", out)
    return list(ET.fromstring(out.encode("utf-8")))


def cm_inline(el, flat_mode=False):
    tag = el.tag.replace(NS, "")
    if tag == "text":
        return el.text or ""
    if tag in ("linebreak", "softbreak") and flat_mode:
        return " "
    if tag == "linebreak":
        return "\n"
    if flat_mode:
        return "".join(cm_inline(c, True) for c in el)
    return "<%s:%s>" % (tag.upper(), "".join(cm_inline(c) for c in el) or (el.text or ""))


def cm_block(el):
    el.tail = None
    return ET.tostring(el, encoding="unicode")


def cmark_starts(blocks, i):
    return (blocks[i].tag == NS + "block_quote" and i + 1 < len(blocks) and
            re.match(r"^\^gloss-\d+$", "".join(cm_inline(c, True) for c in blocks[i + 1])))


def cmark_highlights(blocks):
    out = []
    i = 0
    while i < len(blocks):
        if not cmark_starts(blocks, i):
            i += 1
            continue
        paras = ["".join(cm_inline(c) for c in p) if p.tag == NS + "paragraph" else "<BLOCK>"
                 for p in blocks[i]]
        ident = "".join(cm_inline(c, True) for c in blocks[i + 1]) if i + 1 < len(blocks) else ""
        place = "".join(cm_inline(c, True) for c in blocks[i + 2]) if i + 2 < len(blocks) else ""
        j = i + 3
        while j < len(blocks) and blocks[j].tag != NS + "heading" and not cmark_starts(blocks, j):
            j += 1
        out.append([ident, "\n\n".join(paras), tags_of(place), [cm_block(b) for b in blocks[i + 3:j]]])
        i = j
    return out


# ---------------------------------------------------------------------------

SEP = "NOTE-SEPARATOR-7f3a"


def pandoc_render(notes):
    """Each note's blocks written back as CommonMark by pandoc (one run for all):
    what the reader understood, in one spelling."""
    blocks = []
    for n in notes:
        blocks += n + [{"t": "Para", "c": [{"t": "Str", "c": SEP}]}]
    doc = {"pandoc-api-version": PANDOC_API, "meta": {}, "blocks": blocks}
    out = subprocess.run(["pandoc", "-f", "json", "-t", "commonmark"], input=json.dumps(doc).encode("utf-8"),
                         check=True, capture_output=True).stdout.decode("utf-8")
    parts = out.split(SEP + "\n")
    return [p.strip("\n") for p in parts[:len(notes)]]


def api_version():
    out = subprocess.run(["pandoc", "-f", "markdown", "-t", "json"], input=b"x", check=True,
                         capture_output=True).stdout
    return json.loads(out)["pandoc-api-version"]


PANDOC_API = None


def rendered(reader, rows):
    global PANDOC_API
    if reader == "cmark":
        return rows
    PANDOC_API = PANDOC_API or api_version()
    texts = pandoc_render([r[3] for r in rows])
    return [r[:3] + [t] for r, t in zip(rows, texts)]


def read(reader, path):
    text = open(path, encoding="utf-8").read()
    if reader == "cmark":
        return cmark_highlights(cmark_xml(text))
    return pandoc_highlights(pandoc(reader, text))


def want(reader, path, tagforms):
    rows = sorted(json.load(open(path, encoding="utf-8")), key=lambda a: (a["start"], a["id"]))
    forms = dict(line.split("\t", 1) for line in open(tagforms, encoding="utf-8").read().splitlines())
    out = []
    for a in rows:
        note = a.get("note") or ""
        if reader == "cmark":
            blocks = [cm_block(b) for b in cmark_xml(note)] if note else []
        else:
            blocks = pandoc("commonmark", note) if note else []
        tags = " ".join("#" + forms[t] for t in a["tags"])
        out.append(["^gloss-%d" % a["id"], a["quote"], tags, blocks])
    return out


OBSIDIAN = [
    (re.compile(r"(?<!\\)\[\["), "[[link]]"),
    (re.compile(r"(?<!\\)=="), "==mark=="),
    (re.compile(r"(?<!\\)%%"), "%%comment%%"),
    (re.compile(r"(?<!\\)\$"), "$math$"),
    (re.compile(r"(?<![\\\w&])#[^\s#\\]"), "#tag"),
    (re.compile(r"(?<!\\)\^[A-Za-z0-9-]+\s*$"), "^block-id"),
]


def obsidian(path):
    """Lines outside the front matter, block ids and place lines where Obsidian would see its syntax."""
    lines = open(path, encoding="utf-8").read().split("\n")
    bad = 0
    body = lines.index("---", 1) + 1
    for n, line in enumerate(lines[body:], body + 1):
        if re.match(r"^\^gloss-\d+$", line) or (n >= 3 and re.match(r"^\^gloss-\d+$", lines[n - 3])):
            continue  # the block id, and the place line two lines after it (its tags are meant)
        if line.startswith("#") and not line.startswith("#\\"):
            continue  # a document heading
        for rx, what in OBSIDIAN:
            if rx.search(line):
                print("line %d: %s: %s" % (n, what, line))
                bad += 1
    print("%d Obsidian marks" % bad)


def main():
    if sys.argv[1] == "--obsidian":
        obsidian(sys.argv[2])
        return
    if sys.argv[1] == "--want":
        rows = rendered(sys.argv[2], want(sys.argv[2], sys.argv[3], sys.argv[4]))
    else:
        rows = rendered(sys.argv[1], read(sys.argv[1], sys.argv[2]))
    for r in rows:
        print(json.dumps(r, ensure_ascii=False, sort_keys=True))


if __name__ == "__main__":
    main()
