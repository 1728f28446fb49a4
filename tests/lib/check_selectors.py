#!/usr/bin/env python3
# SPDX-License-Identifier: ISC
# SPDX-FileCopyrightText: 2026 the gloss authors
"""check_selectors.py - the selectors of a `gloss export --format json` held to
the raw files they name, as another tool would use them (docs/export.md):

  * TextPositionSelector: code points of the file (decoded as UTF-8, one
    U+FFFD per invalid sequence, a BOM not counted, CR counted);
  * plain text: the TextQuoteSelector's exact, prefix and suffix are the
    file's characters at, before and after that range;
  * Markdown: the quote is the text as read, so its characters appear in
    order in the file's range, which starts at its first and ends at its
    last (an escape or an entity standing for one).

Prints one line per annotation that fails, then "N checked, M failed".
"""
import html
import json
import sys
import unicodedata
import urllib.parse


def file_text(iri):
    path = urllib.parse.unquote(urllib.parse.urlparse(iri).path)
    data = open(path, "rb").read()
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    return data.decode("utf-8", errors="replace")


def subsequence(needle, hay):
    i = 0
    for ch in hay:
        if i < len(needle) and ch == needle[i]:
            i += 1
    return i == len(needle)


def squeeze(s):
    return "".join(ch for ch in unicodedata.normalize("NFC", s) if not ch.isspace())


def check(a):
    t = a["target"]
    quote = next(s for s in t["selector"] if s["type"] == "TextQuoteSelector")
    pos = next((s for s in t["selector"] if s["type"] == "TextPositionSelector"), None)
    if pos is None:
        return "no TextPositionSelector"
    text = file_text(t["source"])
    got = text[pos["start"]:pos["end"]]
    if t.get("format") == "text/plain":
        before = text[max(0, pos["start"] - len(quote["prefix"])):pos["start"]]
        after = text[pos["end"]:pos["end"] + len(quote["suffix"])]
        if (got, before, after) != (quote["exact"], quote["prefix"], quote["suffix"]):
            return "file has %r %r %r, selector %r %r %r" % (before, got, after, quote["prefix"],
                                                             quote["exact"], quote["suffix"])
        return None
    exact = squeeze(quote["exact"]).replace("\u2502", "")  # a table's cell separator
    if not subsequence(exact, squeeze(html.unescape(got))):
        return "the quote %r is not in the file's %r" % (quote["exact"], got)
    first_ok = squeeze(got)[:1] == exact[:1] or got[:1] in "\\&"
    last_ok = squeeze(got)[-1:] == exact[-1:] or got[-1:] == ";"
    if not (first_ok and last_ok):
        return "the file's range %r does not start and end with the quote %r" % (got, quote["exact"])
    return None


def main():
    doc = json.load(open(sys.argv[1], encoding="utf-8"))
    failed = 0
    for a in doc:
        why = check(a)
        if why:
            failed += 1
            print("%s: %s" % (a["id"], why))
    print("%d checked, %d failed" % (len(doc), failed))


if __name__ == "__main__":
    main()
