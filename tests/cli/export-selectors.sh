#!/bin/sh
# SPDX-License-Identifier: ISC
# SPDX-FileCopyrightText: 2026 the gloss authors
# export-selectors.sh — the W3C selectors of an export hold on the raw files
# (tests/lib/check_selectors.py): plain text with a BOM, CR LF, re-flowed lines,
# a tab, NFD and an invalid byte; Markdown with emphasis, a link, an entity,
# escapes, a note marker in <sup>, a table, code and a list.  Then the JSON
# goes into a new database: every highlight anchored again, the same JSON out.
. "${top_srcdir:-.}/tests/lib/lib.sh"

PY=$(command -v python3 || true)
[ -n "$PY" ] || skip_all "python3 not installed"
D="$TEST_TMP/docs"
mkdir -p "$D"
printf '\357\273\277A Title Line\r\n\r\nThis paragraph has CR LF line ends and was wrapped at about sixty\r\ncolumns so that its lines are joined again when it is read in the\r\npager, with a Tab\tinside one of them and a cafe\314\201 in NFD.\r\n\r\n> A quoted line that is long enough to be re-flowed by the loader,\r\n> and the rest of it on the second line of the quote with a bad\377 byte.\r\n' >"$D/nasty.txt"
cat >"$D/nasty.md" <<'MD'
---
title: "Nasty Markdown"
lang: ru
---

# Nasty Markdown

Some **bold** words, a [link](https://example.org/x "title") and `code` here; Tom &amp; Jerry &#8212; an \*escaped\* star.

Lukashenka announced<sup>i</sup> large-scale exercises, dubbed “Union Resolve”.

| cell one | cell two |
|---|---|
| Лукашенко | ёлка |

```python
print("hi")
```

- an item with *emphasis*
- another item
MD
export GLOSS_DB="$TEST_TMP/a.db"
made=0
for q in "A Title Line" "CR LF line ends" "sixty columns so that" "Tab inside" "café in NFD" \
    "loader, and the rest" "bad� byte" "This paragraph"; do
	"$GLOSS" annotate "$D/nasty.txt" --quote "$q" >/dev/null && made=$((made + 1))
done
for q in "bold words" "a link and" "code here" "Tom & Jerry —" "*escaped* star" "announcedi large-scale" \
    "“Union Resolve”" "Лукашенко │ ёлка" 'print("hi")' "item with emphasis" "emphasis another"; do
	"$GLOSS" annotate "$D/nasty.md" --quote "$q" >/dev/null && made=$((made + 1))
done
is "$made" 19 "nineteen nasty highlights made"
"$GLOSS" export --format json >"$TEST_TMP/a.json"
is "$("$PY" "$top_srcdir/tests/lib/check_selectors.py" "$TEST_TMP/a.json")" "19 checked, 0 failed" \
	"every TextPositionSelector and plain-text quote holds on the raw file (CR LF, BOM, tab, NFD, invalid byte, markup)"
contains "$(cat "$TEST_TMP/a.json")" '"exact": "Tab\tinside", "prefix": "t is read in the\r\npager, with a "' \
	"plain text: the quote is the file's own characters (the tab, not the spaces it shows as)"
contains "$(cat "$TEST_TMP/a.json")" '"format": "text/markdown", "language": "ru"' \
	"the target's format and its language from the front matter"

export GLOSS_DB="$TEST_TMP/b.db"
run_out=$("$GLOSS" import "$TEST_TMP/a.json" 2>&1)
is "$run_out" "19 imported: 19 anchored, 0 moved, 0 orphaned; 0 skipped as duplicates; 0 rejected" \
	"imported into a new database: every highlight anchored from the file's positions"
"$GLOSS" export --format json >"$TEST_TMP/b.json"
same_file "$TEST_TMP/b.json" "$TEST_TMP/a.json" "and exported again: the same JSON"

done_testing
