#!/bin/sh
# SPDX-License-Identifier: ISC
# SPDX-FileCopyrightText: 2026 the gloss authors
# notes-cli.sh — `gloss notes`: text and --json output on the corpus endnote
# article (golden files), escaping of hostile note text, exit codes.
. "${top_srcdir:-.}/tests/lib/lib.sh"

ARTICLE=belarusian-ukrainian-relations-brink-of-war.md

(cd "$CORPUS" && "$GLOSS" notes "$ARTICLE") >"$TEST_TMP/out" 2>"$TEST_TMP/err"
ok $? "notes $ARTICLE exits 0"
same_file "$TEST_TMP/out" "$GOLDEN/notes-brink-of-war.txt" "notes text output matches the golden file"
is "$(cat "$TEST_TMP/err")" "" "notes prints nothing on stderr"

(cd "$CORPUS" && "$GLOSS" notes --json "$ARTICLE") >"$TEST_TMP/out"
ok $? "notes --json $ARTICLE exits 0"
same_file "$TEST_TMP/out" "$GOLDEN/notes-brink-of-war.json" "notes --json output matches the golden file"

(cd "$CORPUS" && "$GLOSS" notes --json belarus-weekly-2023-09-22.txt) >"$TEST_TMP/out"
printf '%s\n' '{"file": "belarus-weekly-2023-09-22.txt",' '"notes": [],' '"unmatched_markers": [],' \
	'"links": [],' '"cross_document": []}' >"$TEST_TMP/want"
same_file "$TEST_TMP/out" "$TEST_TMP/want" "a plain article without notes gives empty lists"

# Control characters and quotes in a note: escaped in JSON, made visible in
# text (the tab is expanded by the loader, as everywhere).
printf 'Text<sup>1</sup> and<sup>9</sup>.\n\n## Notes\n\n1. A "quoted" \\\\ note\033[31m red\ttab.\n' >"$TEST_TMP/hostile.md"
"$GLOSS" notes --json "$TEST_TMP/hostile.md" | sed -n 3p >"$TEST_TMP/out"
printf '%s\n' '  {"label": "1", "text": "A \"quoted\" \\ note\u001b[31m red      tab.", "start": 20, "end": 56, "cited_at": [{"start": 4, "end": 5, "paragraph": 1, "percent": 7}], "ibid_of": null, "page": null}' >"$TEST_TMP/want"
same_file "$TEST_TMP/out" "$TEST_TMP/want" "JSON escapes quotes, backslashes and controls"
"$GLOSS" notes "$TEST_TMP/hostile.md" >"$TEST_TMP/out"
if grep -q "$(printf '\033')" "$TEST_TMP/out"; then ok 1 "no escape character reaches the terminal"; else ok 0 "no escape character reaches the terminal"; fi
printf '%s\n' 'Notes (1)' '1	cited at ¶1, 7%	A "quoted" \ note␛[31m red      tab.' '' 'Markers without a note (1)' \
	'9	¶1, 16%	sup' '' 'Links (0)' '' 'Cross-document (0)' >"$TEST_TMP/want"
same_file "$TEST_TMP/out" "$TEST_TMP/want" "text output: controls visible, unmatched marker listed"

"$GLOSS" notes >/dev/null 2>"$TEST_TMP/err"; is $? 2 "notes without FILE exits 2"
contains "$(cat "$TEST_TMP/err")" "gloss: notes: missing FILE" "notes without FILE says so"
"$GLOSS" notes a b >/dev/null 2>&1; is $? 2 "notes with two files exits 2"
"$GLOSS" notes --bogus x >/dev/null 2>&1; is $? 2 "notes with an unknown option exits 2"
"$GLOSS" notes "$TEST_TMP/missing.md" >/dev/null 2>"$TEST_TMP/err"; is $? 1 "notes on a missing file exits 1"
is "$(cat "$TEST_TMP/err")" "gloss: notes: $TEST_TMP/missing.md: No such file or directory" "missing file message"
head -c 2000 "$GLOSS" >"$TEST_TMP/binary"
"$GLOSS" notes "$TEST_TMP/binary" >/dev/null 2>"$TEST_TMP/err"; is $? 1 "notes on a binary file exits 1"
contains "$(cat "$TEST_TMP/err")" "binary file" "binary file message"
out=$("$GLOSS" notes --help); ok $? "notes --help exits 0"
contains "$out" "Usage: gloss notes FILE [--json]" "notes --help prints the usage"
contains "$("$GLOSS" --help)" "notes FILE [--json]" "gloss --help lists notes"

# Cross-document: the two articles that share passages (paths are canonical).
(cd "$CORPUS" && "$GLOSS" notes lukashenko-occupied-territories-latushka.txt) >"$TEST_TMP/out"
coop="$(cd "$CORPUS" && pwd -P)/lukashenko-occupied-territories-cooperation.txt"
is "$(sed -n '/^Cross-document/,$p' "$TEST_TMP/out")" "Cross-document (4)
near	228-821	$coop	289-1401	0.77
near	824-933	$coop	3847-3956	0.53
near	1304-1952	$coop	12189-12863	0.84
near	1957-2196	$coop	13602-13869	0.62" "the passages shared with the longer article, with both ranges"
(cd "$CORPUS" && "$GLOSS" notes --json lukashenko-occupied-territories-latushka.txt) >"$TEST_TMP/out"
contains "$(cat "$TEST_TMP/out")" '"cross_document": [
  {"kind": "near", "start": 228, "end": 821, "other_path": ' "the same in JSON"

done_testing
