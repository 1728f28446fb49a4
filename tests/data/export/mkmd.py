#!/usr/bin/env python3
# SPDX-License-Identifier: ISC
# SPDX-FileCopyrightText: 2026 the gloss authors
"""mkmd.py - a Markdown file whose document text is exactly the paragraphs of
a text file (its first paragraph a heading): every ASCII punctuation
character backslash-escaped, runs of spaces and tabs as references, line
breaks as hard breaks.  For tests/export-pandoc.sh."""
import sys, re
paras = open(sys.argv[1], encoding="utf-8").read().strip("\n").split("\n\n")
def esc(line):
    out = []
    for i, ch in enumerate(line):
        if ch == " " and (i + 1 < len(line) and line[i+1] in " \t" or i > 0 and line[i-1] in " \t"):
            out.append("&#32;")
        elif ch == "\t":
            out.append("&#9;")
        elif ord(ch) < 128 and not ch.isalnum() and ch not in " ":
            out.append("\\" + ch)
        else:
            out.append(ch)
    return "".join(out)
out = ["# " + esc(paras[0])]
for p in paras[1:]:
    out.append("\\\n".join(esc(l) for l in p.split("\n")))
print("\n\n".join(out))
