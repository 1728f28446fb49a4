#!/usr/bin/env python3
# SPDX-License-Identifier: ISC
# SPDX-FileCopyrightText: 2026 the gloss authors
"""sgr_runs.py - the screen of `tmux capture-pane -p -e` as runs of text with
the attributes they are drawn in, one run a line: "TEXT<TAB>ATTRS", ATTRS
being a sorted comma list of bold, dim, italic, underline, blink, reverse,
fg=N, bg=N (empty for plain text).  Usage: sgr_runs.py [ROW] < capture
(ROW is 1-based; without it, every row, rows separated by a line "--").
Runs of spaces in plain text are dropped, so that tests name only what is
drawn.
"""
import re
import sys

NAMES = {1: "bold", 2: "dim", 3: "italic", 4: "underline", 5: "blink", 7: "reverse"}
OFF = {22: ("bold", "dim"), 23: ("italic",), 24: ("underline",), 25: ("blink",), 27: ("reverse",)}


def apply(state, params):
    ps = [int(p) if p else 0 for p in params.split(";")] if params else [0]
    i = 0
    while i < len(ps):
        p = ps[i]
        if p == 0:
            state.clear()
        elif p in NAMES:
            state.add(NAMES[p])
        elif p in OFF:
            for n in OFF[p]:
                state.discard(n)
        elif p in (38, 48) and i + 2 < len(ps) and ps[i + 1] == 5:
            key = "fg" if p == 38 else "bg"
            state.difference_update({s for s in state if s.startswith(key + "=")})
            state.add("%s=%d" % (key, ps[i + 2]))
            i += 2
        elif 30 <= p <= 37 or 90 <= p <= 97:
            state.difference_update({s for s in state if s.startswith("fg=")})
            state.add("fg=%d" % (p - 30 if p < 90 else p - 82))
        elif 40 <= p <= 47 or 100 <= p <= 107:
            state.difference_update({s for s in state if s.startswith("bg=")})
            state.add("bg=%d" % (p - 40 if p < 100 else p - 92))
        elif p == 39:
            state.difference_update({s for s in state if s.startswith("fg=")})
        elif p == 49:
            state.difference_update({s for s in state if s.startswith("bg=")})
        i += 1


def runs(line):
    state, out, cur, text = set(), [], None, ""
    for m in re.finditer(r"\x1b\[([0-9;]*)m|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|(.)", line, re.S):
        if m.group(2) is None:
            if m.group(0).startswith("\x1b["):
                apply(state, m.group(1))
            continue
        attrs = ",".join(sorted(state))
        if attrs != cur and text:
            out.append((text, cur))
            text = ""
        cur = attrs
        text += m.group(2)
    if text:
        out.append((text, cur))
    return [(t, a) for t, a in out if a or t.strip()]


def main():
    rows = sys.stdin.read().split("\n")
    want = [int(sys.argv[1])] if len(sys.argv) > 1 else range(1, len(rows) + 1)
    for n, r in enumerate(want):
        if n:
            print("--")
        if r <= len(rows):
            for t, a in runs(rows[r - 1]):
                print("%s\t%s" % (t if a else t.strip(), a))


main()
