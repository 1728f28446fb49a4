#!/bin/sh
# SPDX-License-Identifier: ISC
# SPDX-FileCopyrightText: 2026 the gloss authors
# export-pandoc.sh — the Markdown export read back by every common reader:
# pandoc -f markdown (Zettlr, Obsidian's pandoc plugins), -f commonmark_x,
# -f gfm, -f commonmark and cmark.  Every quote of a nasty document
# (tests/data/export/nasty.txt: smart punctuation, superscripts, fancy and
# definition lists, emoji, URLs, Obsidian's syntax, HTML, runs of spaces,
# Cyrillic), a nasty note and the tags must come back exactly (the note
# as CommonMark reads it alone); notes that try to reach beyond themselves
# (tests/data/export/attack-notes.txt) must stay in place; and Obsidian must find
# none of its syntax outside the block ids and tags.
. "${top_srcdir:-.}/tests/lib/lib.sh"

PY=$(command -v python3 || true)
PANDOC=$(command -v pandoc || true)
: "${CMARK_CLI:=cmark}"
[ -n "$PY" ] || skip_all "python3 not installed"
[ -n "$PANDOC" ] || skip_all "pandoc not installed"
command -v "$CMARK_CLI" >/dev/null 2>&1 || skip_all "cmark not installed"
READ="$top_srcdir/tests/lib/export_read.py"
X="$top_srcdir/tests/data/export"
D="$TEST_TMP/docs"
mkdir -p "$D"
export GLOSS_DB="$TEST_TMP/nasty.db"

"$PY" "$X/mkmd.py" "$X/nasty.txt" >"$D/nasty.md"
"$PY" - "$X/nasty.txt" "$D/nasty.md" "$GLOSS" <<'PYEOF' >"$TEST_TMP/made"
import subprocess, sys
paras = open(sys.argv[1], encoding="utf-8").read().strip("\n").split("\n\n")
made = 0
for p in paras[1:]:
    r = subprocess.run([sys.argv[3], "annotate", sys.argv[2], "--quote", p], capture_output=True, text=True)
    made += r.returncode == 0
print(made)
PYEOF
is "$(cat "$TEST_TMP/made")" 28 "28 nasty paragraphs highlighted whole"
"$GLOSS" note 1 '"smart" -- quotes... 2^10^ and H~2~O :smile: a. b
Term
: def https://x.org www.y.org me@z.org @cite [[wiki]] ==hl== %%c%% $m$ #tag ^id {.a} ‘curly’ “double”
  two  spaces
- item *one*
- item `two` and [a link](http://example.org "t")

1. first
2. second

```sh
echo "code with ``` inside"
```' >/dev/null
"$GLOSS" tag 2 "EU sanctions" 1986 "#hash" "a- b" "C++" "Война и мир" "topic/sub" "x_" >/dev/null
printf '%s\n' "EU sanctions	EU_sanctions" "1986	_1986" "#hash	hash" "a- b	a-b" "C++	C" \
	"Война и мир	Война_и_мир" "topic/sub	topic/sub" "x_	x" >"$TEST_TMP/forms"
"$GLOSS" annotations --json >"$TEST_TMP/stored.json"
"$GLOSS" export --no-timestamp "$D/nasty.md" >"$TEST_TMP/nasty.out.md"
for r in markdown commonmark_x gfm commonmark cmark; do
	"$PY" "$READ" "$r" "$TEST_TMP/nasty.out.md" >"$TEST_TMP/got.$r"
	"$PY" "$READ" --want "$r" "$TEST_TMP/stored.json" "$TEST_TMP/forms" >"$TEST_TMP/want.$r"
	is "$(wc -l <"$TEST_TMP/want.$r" | tr -d ' ')" 28 "$r: 28 highlights expected"
	same_file "$TEST_TMP/got.$r" "$TEST_TMP/want.$r" \
		"$r reads every quote, the note and the tags exactly (the note as CommonMark reads it)"
done
is "$("$PY" "$READ" --obsidian "$TEST_TMP/nasty.out.md")" "0 Obsidian marks" \
	"Obsidian: no [[link]], ==mark==, %%comment%%, \$math\$, #tag or ^id outside block ids and tags"
contains "$(cat "$TEST_TMP/nasty.out.md")" 'tags:
  - "hash"
  - "_1986"
  - "a-b"
  - "C"
  - "EU_sanctions"
  - "topic/sub"
  - "x"
  - "Война_и_мир"' "front matter: the tags in the one Obsidian form the place lines use"
contains "$(cat "$TEST_TMP/nasty.out.md")" '^gloss-2

¶3, 6% ·' "each highlight: its block id, then the place line with the created date"

# ---------------------------------------------------------------------------
# Notes that try to leave their place

export GLOSS_DB="$TEST_TMP/attack.db"
"$PY" - "$X/attack-notes.txt" "$D/attack.md" "$GLOSS" <<'PYEOF' >"$TEST_TMP/made"
import subprocess, sys
notes = open(sys.argv[1], encoding="utf-8").read().strip("\n").split("\n\n\n")
with open(sys.argv[2], "w", encoding="utf-8") as f:
    f.write("# Attack\n\n" + "\n\n".join("Paragraph number %d of the attack file." % i for i in range(len(notes) + 1)) + "\n")
made = 0
for i, note in enumerate(notes):
    r = subprocess.run([sys.argv[3], "annotate", sys.argv[2], "--quote", "Paragraph number %d of" % i,
                        "--note", note, "--tag", "t%d" % i], capture_output=True, text=True)
    made += r.returncode == 0
r = subprocess.run([sys.argv[3], "annotate", sys.argv[2], "--quote", "Paragraph number %d of" % len(notes),
                    "--tag", "last"], capture_output=True, text=True)
print(made, len(notes), r.returncode)
PYEOF
is "$(cat "$TEST_TMP/made")" "14 14 0" "fourteen hostile notes, and a highlight after them"
"$GLOSS" export --no-timestamp "$D/attack.md" >"$TEST_TMP/attack.out.md"
for r in markdown commonmark_x gfm commonmark cmark; do
	"$PY" "$READ" "$r" "$TEST_TMP/attack.out.md" | "$PY" -c '
import json, sys
rows = [json.loads(l) for l in sys.stdin]
ok = len(rows) == 15
for i, (ident, quote, tags, note) in enumerate(rows):
    ok = ok and quote == "Paragraph number %d of" % i and tags == ("#t%d" % i if i < 14 else "#last")
    ok = ok and all(w not in str(note) for w in ("Header", "RawBlock", "Div", "<ns0:heading", "html_block"))
print("ok" if ok else "broken: %r" % rows)' >"$TEST_TMP/contained"
	is "$(cat "$TEST_TMP/contained")" ok \
		"$r: every hostile note stays in its place (no heading, raw HTML or div), every quote and tag after it exact"
done
contains "$(cat "$TEST_TMP/attack.out.md")" '```python
an unclosed fence
# not a heading
```' "an unclosed fence is closed"
is "$("$PY" "$READ" --obsidian "$TEST_TMP/attack.out.md")" "0 Obsidian marks" \
	"Obsidian: an unclosed %% or \$\$ in a note is text"

done_testing
