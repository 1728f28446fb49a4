#!/bin/sh
# SPDX-License-Identifier: ISC
# SPDX-FileCopyrightText: 2026 the gloss authors
# export-cli.sh — gloss export and gloss import: the Markdown of nasty
# highlights read back by cmark exactly, a golden export of the corpus, the
# W3C JSON's required fields and its round trip, filters, -o atomicity and
# overwrite refusal, and bad input.
. "${top_srcdir:-.}/tests/lib/lib.sh"

: "${CMARK_CLI:=}"
PY=$(command -v python3 || true)
QUOTES="$top_srcdir/tests/lib/export_quotes.py"
have_cmark() { [ -n "$CMARK_CLI" ] && command -v "$CMARK_CLI" >/dev/null 2>&1 && [ -n "$PY" ]; }
skip() { tap_n=$((tap_n + 1)); echo "ok $tap_n # SKIP $1"; }

run() {	# CMD...: sets $out, $err and $rc
	"$GLOSS" "$@" >"$TEST_TMP/out" 2>"$TEST_TMP/err"
	rc=$?
	out=$(cat "$TEST_TMP/out")
	err=$(cat "$TEST_TMP/err")
}
count_annotations() { "$GLOSS" annotations | wc -l | tr -d ' '; }

D="$TEST_TMP/docs"
mkdir -p "$D"

# ---------------------------------------------------------------------------
# Nasty highlights, read back by a CommonMark parser

N="$D/nasty.md"
cat >"$N" <<'MD'
# Nasty fixture

Stars \*and\* \_underscores\_ with \`code\` and \# hash, \> angle, \[link\](http://x) \<b>html\</b> \&amp; entity \| pipe \\ backslash \~\~strike\~\~ \$x\$ \=\=mark\=\= %%comment%% !\[img\](y) \[^1\] \[\[wiki\]\] ^block.

1986\. A year at the start; 2) another thing.

\- dash at the start

\+ plus at the start

\= equals at the start

\# not a heading at all, just hash

\> not a quote either

Кириллица: «Лукашенко» и ёлка — emoji 👩‍👩‍👧 and flags 🇧🇾 done, spaces&#32;&#32; three&#x202E;rtl&#x202C;.

Second paragraph of a pair.

Third paragraph follows.

```
code line one
    indented two
1. listish three
```

Line with hard\
break inside it.
MD
export GLOSS_DB="$TEST_TMP/nasty.db"
q1='Stars *and* _underscores_ with `code` and # hash, > angle, [link](http://x) <b>html</b> &amp; entity | pipe \ backslash ~~strike~~ $x$ ==mark== %%comment%% ![img](y) [^1] [[wiki]] ^block.'
"$GLOSS" annotate "$N" --quote "$q1" --tag "Кириллица-тег" --tag "two words" --note '**Bold** note with a [link](http://example.org) and
- a list' >/dev/null
"$GLOSS" annotate "$N" --quote '1986. A year at the start; 2) another thing.' --tag 1986 >/dev/null
"$GLOSS" annotate "$N" --quote '- dash at the start + plus at the start = equals at the start # not a heading at all, just hash > not a quote either' >/dev/null
"$GLOSS" annotate "$N" --quote 'Кириллица: «Лукашенко» и ёлка — emoji 👩‍👩‍👧 and flags 🇧🇾 done, spaces   three‮rtl‬.' --color pink >/dev/null
"$GLOSS" annotate "$N" --quote 'Second paragraph of a pair. Third paragraph follows.' >/dev/null
"$GLOSS" annotate "$N" --quote 'code line one indented two 1. listish three' >/dev/null
"$GLOSS" annotate "$N" --quote 'Line with hard break inside it.' >/dev/null
is "$(count_annotations)" 7 "seven nasty highlights made"

run export --no-timestamp "$N"
printf '%s\n' "$out" >"$TEST_TMP/nasty.out.md"
is "$rc/$err" "0/" "export of the nasty highlights: exit 0, nothing on stderr"
if have_cmark; then
	"$PY" "$QUOTES" "$CMARK_CLI" "$TEST_TMP/nasty.out.md" >"$TEST_TMP/got"
	"$GLOSS" annotations --json "$N" >"$TEST_TMP/stored.json"
	"$PY" "$QUOTES" --stored "$TEST_TMP/stored.json" >"$TEST_TMP/want"
	is "$(wc -l <"$TEST_TMP/want" | tr -d ' ')" 7 "seven stored quotes"
	same_file "$TEST_TMP/got" "$TEST_TMP/want" "cmark reads every block quote back as exactly the stored quote"
else
	skip "cmark or python3 not installed"
	skip "cmark or python3 not installed"
fi
contains "$out" '> \- dash at the start
>
> \+ plus at the start' "a quote over paragraphs: one quote paragraph each, line-start markers escaped"
contains "$out" '> code line one\
> &#32;&#32;&#32;&#32;indented two\
> 1\. listish three' "line breaks inside a paragraph are hard breaks, leading spaces references"
contains "$out" '**Bold** note with a [link](http://example.org) and

  - a list' "the note's Markdown is kept (written again by cmark's renderer)"
contains "$out" '#two_words #Кириллица-тег' "tags as hashtags (a space becomes _)"
contains "$out" '#_1986' "an all-digit tag gets a leading _"
contains "$out" 'Кириллица: «Лукашенко» и ёлка — emoji 👩‍👩‍👧 and flags 🇧🇾 done, spaces&#32;&#32;&#32;three&#8238;rtl&#8236;.' \
	"Cyrillic and emoji as they are, a run of spaces and bidi controls as references"
contains "$out" '---
title: "Nasty fixture"' "front matter opens the file"

# ---------------------------------------------------------------------------
# A golden export of the corpus

export GLOSS_DB="$TEST_TMP/corpus.db"
TODAY=$(date -u +%Y-%m-%d)	# the highlights' created date, on their place lines
C="$TEST_TMP/corpus"
mkdir -p "$C"
cp "$CORPUS"/*.txt "$CORPUS"/*.md "$C"/
a() { "$GLOSS" annotate "$@" >/dev/null || echo "# annotate failed: $*"; }
a "$C/belarus-ukraine-relations-2020-2025.txt" --quote "strategically important materials" --tag economy
a "$C/belarus-ukraine-relations-2020-2025.txt" --quote "allowed Russian forces to use Belarusian territory" --nth 2 --note "The start of it."
a "$C/belarus-weekly-2023-09-22.txt" --quote "Lukashenko seeks closer ties with Russia, North Korea" --tag "North Korea" --color blue
a "$C/lukashenko-occupied-territories-cooperation.txt" --quote "We supply chocolate, chocolate sweets" --tag economy --tag торговля
a "$C/lukashenko-occupied-territories-latushka.txt" --quote "signed an agreement on trade" --note 'See *also* the Crimean deal.'
a "$C/belarusian-ukrainian-relations-brink-of-war.md" --quote "Relations started to deteriorate in 2014" --tag history
a "$C/belarusian-ukrainian-relations-brink-of-war.md" --quote "the Ukrainian oligarch Medvedchuk" --color green
a "$C/belarusian-ukrainian-relations-brink-of-war.md" --quote "In January 2022, Lukashenka announcedi large-scale joint military exercises" --tag war
is "$(count_annotations)" 8 "eight corpus highlights made"

GLOSS_EXPORT_TIME=2024-05-01T10:00:00Z "$GLOSS" export >"$TEST_TMP/corpus.md" 2>"$TEST_TMP/err"
ok $? "export of the corpus: exit 0"
sed -e "s|$C|CORPUS|g" -e "s| · $TODAY| · TODAY|" "$TEST_TMP/corpus.md" >"$TEST_TMP/corpus.norm.md"
[ -z "${GLOSS_REGOLD:-}" ] || cp "$TEST_TMP/corpus.norm.md" "$GLOSS_REGOLD"
same_file "$TEST_TMP/corpus.norm.md" "$GOLDEN/export-corpus.md" "the corpus export matches the golden file"
run export --no-timestamp
lacks "$out" "exported:" "--no-timestamp: no exported line"
GLOSS_EXPORT_TIME=2024-05-01T10:00:00Z "$GLOSS" export >"$TEST_TMP/again.md"
same_file "$TEST_TMP/again.md" "$TEST_TMP/corpus.md" "the same database exports the same bytes"

run export --tag economy --no-timestamp
is "$(printf '%s\n' "$out" | grep -c '^> ')" 2 "--tag: only the two highlights tagged economy"
run export --color green --no-timestamp
is "$(printf '%s\n' "$out" | grep '^> ')" "> the Ukrainian oligarch Medvedchuk" "--color green: the green highlight only"
run export --since 2999-01-01 --no-timestamp
is "$rc/$err" "0/gloss: export: no annotations match; the export is empty" "--since in the future: empty export, message, exit 0"
run export --by tag --no-timestamp "$C/belarusian-ukrainian-relations-brink-of-war.md"
is "$(printf '%s\n' "$out" | grep '^#')" "# #history
## Belarusian-Ukrainian Relations: On the Brink of War
# #war
## Belarusian-Ukrainian Relations: On the Brink of War
# Untagged
## Belarusian-Ukrainian Relations: On the Brink of War" "--by tag: a heading per tag, the document inside"

# ---------------------------------------------------------------------------
# W3C Web Annotation JSON and import

run export --format json
printf '%s\n' "$out" >"$TEST_TMP/a.json"
is "$rc" 0 "JSON export: exit 0"
if [ -n "$PY" ]; then
	"$PY" - "$TEST_TMP/a.json" >"$TEST_TMP/w3c" <<'PYEOF'
import json, sys
doc = json.load(open(sys.argv[1], encoding="utf-8"))
problems = []
for a in doc:
    ctx = a.get("@context")
    if not (ctx == "http://www.w3.org/ns/anno.jsonld" or (isinstance(ctx, list) and ctx[0] == "http://www.w3.org/ns/anno.jsonld")):
        problems.append("@context")
    if not isinstance(a.get("id"), str) or ":" not in a["id"]: problems.append("id")
    if a.get("type") != "Annotation": problems.append("type")
    t = a.get("target", {})
    if not isinstance(t.get("source"), str): problems.append("target.source")
    kinds = [s.get("type") for s in t.get("selector", [])]
    if kinds != ["TextQuoteSelector", "TextPositionSelector"]: problems.append("selectors %r" % kinds)
    for b in a.get("body", []):
        if b.get("type") != "TextualBody" or b.get("purpose") not in ("commenting", "tagging") or not isinstance(b.get("value"), str):
            problems.append("body")
print(len(doc), len(set(a["id"] for a in doc)), sorted(set(problems)))
PYEOF
	is "$(cat "$TEST_TMP/w3c")" "8 8 []" "JSON: 8 annotations with unique ids and every required W3C field"
else
	skip "python3 not installed"
fi
contains "$out" '{"type": "TextPositionSelector", "start": 678, "end": 718}' "positions count code points of the file"
contains "$out" '{"type": "TextualBody", "purpose": "tagging", "value": "торговля", "format": "text/plain"}' "tags are tagging bodies"
if [ -n "$PY" ]; then
	is "$("$PY" "$top_srcdir/tests/lib/check_selectors.py" "$TEST_TMP/a.json")" "8 checked, 0 failed" \
		"the corpus export's selectors hold on the raw files"
else
	skip "python3 not installed"
fi

export GLOSS_DB="$TEST_TMP/imported.db"
run import "$TEST_TMP/a.json"
is "$rc/$out/$err" "0/8 imported: 8 anchored, 0 moved, 0 orphaned; 0 skipped as duplicates; 0 rejected/" \
	"import into an empty database"
run export --format json
printf '%s\n' "$out" >"$TEST_TMP/b.json"
same_file "$TEST_TMP/b.json" "$TEST_TMP/a.json" "export, import, export gives the same JSON"
run import "$TEST_TMP/a.json"
is "$rc/$out" "0/0 imported: 0 anchored, 0 moved, 0 orphaned; 8 skipped as duplicates; 0 rejected" \
	"importing again adds nothing"

printf '[{"type": "Annotation", "target": {"source": "file:///x",\n  "selector": [{"type": "TextQuoteSelector", "exact": "a"}]}},\n {"type": "Annotation", "body": tru}]\n' >"$TEST_TMP/bad.json"
export GLOSS_DB="$TEST_TMP/bad.db"
run import "$TEST_TMP/bad.json"
is "$rc/$err" "1/gloss: import: $TEST_TMP/bad.json: line 3, column 33: unexpected character 't'; nothing was imported" \
	"malformed JSON: exit 1 naming line and column"
is "$(count_annotations)" 0 "malformed JSON: nothing imported"
printf '{"type": "Note"}\n' >"$TEST_TMP/bad2.json"
run import "$TEST_TMP/bad2.json"
is "$rc/$err" "1/gloss: import: $TEST_TMP/bad2.json: line 1, column 1: not an annotation, an array of them, an AnnotationPage or an AnnotationCollection; nothing was imported" \
	"a file that holds no annotation: exit 1, its place named"
is "$(count_annotations)" 0 "nothing is imported from it"

# ---------------------------------------------------------------------------
# -o, overwriting, bad input

export GLOSS_DB="$TEST_TMP/corpus.db"
O="$TEST_TMP/outdir"
mkdir -p "$O"
run export --no-timestamp -o "$O/notes.md"
is "$rc/$out/$err" "0//" "-o: exit 0, nothing on stdout"
"$GLOSS" export --no-timestamp >"$TEST_TMP/stdout.md"
same_file "$O/notes.md" "$TEST_TMP/stdout.md" "-o writes what stdout gets"
printf 'keep me\n' >"$O/keep.md"
run export -o "$O/keep.md"
is "$rc/$err" "1/gloss: export: $O/keep.md exists (use --force to replace it)" "-o refuses to overwrite"
is "$(cat "$O/keep.md")" "keep me" "the existing file is untouched"
run export --no-timestamp -o "$O/keep.md" --force
same_file "$O/keep.md" "$TEST_TMP/stdout.md" "--force replaces it"
run export -o "$O/missing/dir/notes.md"
is "$rc/$err" "1/gloss: export: cannot write $O/missing/dir/notes.md: No such file or directory" "an unwritable -o path: exit 1"
if [ "$(id -u)" != 0 ]; then
	chmod 555 "$O"
	run export -o "$O/ro.md"
	is "$rc" 1 "a read-only directory: exit 1"
	chmod 755 "$O"
else
	skip "running as root: directory permissions are not enforced"
fi
is "$(ls "$O")" "keep.md
notes.md" "no temporary or partial file is left behind"

run export "$D/no-such-file.md"
is "$rc/$err" "1/gloss: export: $D/no-such-file.md: No such file or directory" "an unknown FILE: exit 1"
printf 'Never annotated.\n' >"$D/fresh.txt"
run export "$D/fresh.txt"
is "$rc/$err" "0/gloss: export: no annotations match; the export is empty" \
	"a FILE the database does not know has no highlights: an empty export, exit 0 (as for a known one)"
run export --tag nothing-like-it --no-timestamp
is "$rc/$err" "0/gloss: export: no annotations match; the export is empty" "an unknown tag: empty export, exit 0"
is "$out" '---
title: "Annotations"
sources: []
tags: []
---' "the empty export is front matter only"
run export --format yaml
is "$rc/$(printf '%s\n' "$err" | head -n 1)" "2/gloss: export: --format takes markdown or json, not 'yaml'" \
	"a bad --format: usage error"

# ---------------------------------------------------------------------------
# A moved highlight carries the text it covers now; the quote it was made with stays

export GLOSS_DB="$TEST_TMP/moved.db"
M="$D/moved.txt"
printf 'Ночью двери склада выломали неизвестные люди, и никто не пришёл на помощь.\n' >"$M"
"$GLOSS" annotate "$M" --quote "двери склада выломали неизвестные" >/dev/null
printf 'Ночью двери склада выбили неизвестные люди, и никто не пришёл на помощь.\n' >"$M"
run annotations "$M"
is "$(printf '%s\n' "$out" | cut -f 4,7)" "moved	двери склада выбили неизвестные" \
	"moved: annotations lists the text it covers now"
run export --no-timestamp "$M"
contains "$out" "> двери склада выбили неизвестные" "moved: the Markdown quote is the text it covers now"
contains "$out" "**moved** (first highlighted as “двери склада выломали неизвестные”)" \
	"moved: and the place line keeps the quote it was made with"
run export --format json "$M"
printf '%s\n' "$out" >"$TEST_TMP/moved.json"
is "$("$PY" - "$TEST_TMP/moved.json" <<'PYEOF'
import json, sys
a = json.load(open(sys.argv[1], encoding="utf-8"))[0]
for s in a["target"]["selector"]:
    print(s["type"], s.get("exact", ""), s.get("prefix", "") + "|" + s.get("suffix", ""), s.get("gloss:state", "-"))
print(a["gloss:status"])
PYEOF
)" "TextQuoteSelector двери склада выбили неизвестные Ночью | люди, и никто не пришёл на помо -
TextPositionSelector  | -
TextQuoteSelector двери склада выломали неизвестные Ночью | люди, и никто не пришёл на помо first
moved" "moved: JSON: the text covered now first, with its context; the quote as made last, marked gloss:state first"
export GLOSS_DB="$TEST_TMP/moved-again.db"
run import "$TEST_TMP/moved.json"
is "$rc" 0 "moved: imported into an empty database"
run annotations --json
is "$(printf '%s\n' "$out" | "$PY" -c 'import json,sys; a=json.load(sys.stdin)[0]; print(a["quote"], "/", a["first_quote"])')" \
	"двери склада выбили неизвестные / двери склада выломали неизвестные" \
	"moved: the import keeps both (the text covered now, the quote as made)"
run export --format json "$M"
is "$out" "$(cat "$TEST_TMP/moved.json")" "moved: and exports the same JSON again"

done_testing
