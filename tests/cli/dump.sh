#!/bin/sh
# SPDX-License-Identifier: ISC
# SPDX-FileCopyrightText: 2026 the gloss authors
# dump.sh — `gloss dump` on the corpus: golden files at widths 40 and 72,
# the output contract at several widths, and the words of plain-text
# articles unchanged and in order.
. "${top_srcdir:-.}/tests/lib/lib.sh"

CHECK="${top_builddir:-.}/tests/lib/check_dump"

for f in "$CORPUS"/*.txt "$CORPUS"/*.md; do
	name=$(basename "$f")
	for w in 40 72; do
		"$GLOSS" dump -w $w "$f" >"$TEST_TMP/out" 2>"$TEST_TMP/err"
		ok $? "dump -w $w $name exits 0"
		same_file "$TEST_TMP/out" "$GOLDEN/${name%.*}.w$w.txt" "dump -w $w $name matches the golden file"
	done
	for w in 20 33 57 80 100 133; do
		"$GLOSS" dump -w $w "$f" >"$TEST_TMP/out"
		msg=$("$CHECK" $w <"$TEST_TMP/out")
		ok $? "dump -w $w $name keeps the contract${msg:+: $msg}"
	done
	case "$name" in
	*.txt)
		# Nothing added, removed or reordered but white space (line breaks
		# may fall after a hyphen, so compare the characters, not the words).
		tr -d ' \n\r\t' <"$f" >"$TEST_TMP/chars.src"
		"$GLOSS" dump -w 37 "$f" | tr -d ' \n' >"$TEST_TMP/chars.out"
		same_file "$TEST_TMP/chars.out" "$TEST_TMP/chars.src" "dump of $name keeps every character in order"
		;;
	esac
done

# Piped, gloss FILE is gloss dump -w 80 FILE.
f="$CORPUS/lukashenko-occupied-territories-latushka.txt"
"$GLOSS" "$f" | cat >"$TEST_TMP/piped"
"$GLOSS" dump -w 80 "$f" >"$TEST_TMP/dumped"
same_file "$TEST_TMP/piped" "$TEST_TMP/dumped" "gloss FILE | cat is dump -w 80"

# A large file is dumped by parallel workers; the output is the serial one.
i=0
while [ $i -lt 300 ]; do cat "$CORPUS"/*.txt; i=$((i + 1)); done >"$TEST_TMP/big.txt"
GLOSS_THREADS=0 "$GLOSS" dump -w 61 "$TEST_TMP/big.txt" >"$TEST_TMP/serial"
GLOSS_THREADS=3 "$GLOSS" dump -w 61 "$TEST_TMP/big.txt" >"$TEST_TMP/parallel"
same_file "$TEST_TMP/parallel" "$TEST_TMP/serial" "parallel dump of $(wc -c <"$TEST_TMP/big.txt") bytes equals the serial one"
"$top_builddir/tests/lib/check_dump" 61 <"$TEST_TMP/parallel"; ok $? "parallel dump keeps the contract"

# Standard input.
printf 'Hello from standard input.\n' | "$GLOSS" dump -w 30 - >"$TEST_TMP/out"
is "$(cat "$TEST_TMP/out")" "Hello from standard input." "dump - reads standard input"

# A soft hyphen shows as '-' only where the line breaks at it.
printf 'aaaa bbbb\302\255cccc\n' | "$GLOSS" dump -w 10 - >"$TEST_TMP/out"
is "$(cat "$TEST_TMP/out")" "aaaa bbbb-
cccc" "soft hyphen drawn at a break"
printf 'bbbb\302\255cccc\n' | "$GLOSS" dump -w 20 - >"$TEST_TMP/out"
is "$(cat "$TEST_TMP/out")" "bbbbcccc" "soft hyphen invisible inside a line"

# Tables: columns aligned as the delimiter row says, a rule under the header,
# cells wrapped in their columns when the table is wider than the page,
# Cyrillic counted by its display width, ASCII borders with --ascii.
tbl="$TEST_TMP/table.md"
printf '| Имя | Описание | N |\n|:---|:---:|--:|\n| Василий | Длинное описание, которое не помещается | 27 |\n| Ян | Коротко | 3 |\n\nпосле\n' >"$tbl"
"$GLOSS" dump -w 80 "$tbl" >"$TEST_TMP/out"
is "$(cat "$TEST_TMP/out")" "Имя     │                Описание                 │  N
────────┼─────────────────────────────────────────┼───
Василий │ Длинное описание, которое не помещается │ 27
Ян      │                 Коротко                 │  3

после" "a table at 80 columns: natural widths, centre and right alignment"
"$GLOSS" dump -w 36 "$tbl" >"$TEST_TMP/out"
is "$(cat "$TEST_TMP/out")" "Имя     │       Описание        │  N
────────┼───────────────────────┼───
Василий │   Длинное описание,   │ 27
        │ которое не помещается │
Ян      │        Коротко        │  3

после" "a table at 36 columns: the wide column wrapped inside itself"
"$GLOSS" dump --ascii -w 80 "$tbl" >"$TEST_TMP/out"
is "$(sed -n 1,2p "$TEST_TMP/out")" "Imya    |                Opisanie                 |  N
--------+-----------------------------------------+---" "--ascii: ASCII borders"
"$GLOSS" dump -w 12 "$tbl" >"$TEST_TMP/out"
is "$(sed -n 1,2p "$TEST_TMP/out")" "Имя │
Описание │ N" "a table too wide to wrap: each row as text"

done_testing
