#!/bin/sh
# SPDX-License-Identifier: ISC
# SPDX-FileCopyrightText: 2026 the gloss authors
# cli-table.sh — every command's help and errors come from the command
# table: `gloss CMD --help` starts with the table's usage, an unknown
# option is "gloss: CMD: unrecognized option '--x'" with the usage and exit
# 2, `gloss --help` lists every command, and errors name their command.
. "${top_srcdir:-.}/tests/lib/lib.sh"

LIST="$top_builddir/tests/lib/cmd_list"
"$LIST" >"$TEST_TMP/table"
ncmd=$(wc -l <"$TEST_TMP/table")
is "$ncmd" 13 "the table lists 13 commands"
"$GLOSS" --help >"$TEST_TMP/help"
is "$?" 0 "gloss --help exits 0"

tab=$(printf '\t')
while IFS="$tab" read -r name usage; do
	out=$("$GLOSS" "$name" --help)
	rc=$?
	is "$rc/$(printf '%s\n' "$out" | head -n 1)" "0/Usage: gloss $name $usage" "gloss $name --help: the table's usage"
	contains "$out" "  -h, --help" "gloss $name --help lists its options"
	err=$("$GLOSS" "$name" --x 2>&1 >/dev/null)
	rc=$?
	is "$rc/$err" "2/gloss: $name: unrecognized option '--x'
Usage: gloss $name $usage" "gloss $name --x: one message, the usage, exit 2"
	err=$("$GLOSS" "$name" -Q 2>&1 >/dev/null)
	is "$?/$(printf '%s\n' "$err" | head -n 1)" "2/gloss: $name: unrecognized option '-Q'" "gloss $name -Q: unknown short option"
	grep -q "^  $name " "$TEST_TMP/help"
	ok $? "gloss --help lists $name"
done <"$TEST_TMP/table"

# The options the issue found missing or disagreeing (annotations --color,
# the reader's --color and --incsearch, export --creator, import --strict/--map).
contains "$("$GLOSS" annotations --help)" "--color=NAME" "annotations --help shows --color"
contains "$(cat "$TEST_TMP/help")" "[--color NAME] [--json]" "gloss --help shows annotations --color"
contains "$(cat "$TEST_TMP/help")" "--incsearch" "gloss --help shows --incsearch"
contains "$(cat "$TEST_TMP/help")" "--color[=WHEN]" "gloss --help shows --color"
contains "$("$GLOSS" export --help)" "--creator=NAME" "export --help shows --creator"
contains "$("$GLOSS" import --help)" "--map=URL=PATH" "import --help shows --map"
lacks "$(cat "$TEST_TMP/help")" "--colour" "aliases are not listed"
is "$(awk 'length > 79' "$TEST_TMP/help")" "" "gloss --help fits 79 columns"

# The program's own options.
err=$("$GLOSS" --x 2>&1 >/dev/null)
is "$?/$err" "2/gloss: unrecognized option '--x'
Usage: gloss [OPTION]... [FILE|DIR]..." "gloss --x: no command name, the usage, exit 2"
err=$("$GLOSS" --column 2>&1 >/dev/null)
is "$?/$(printf '%s\n' "$err" | head -n 1)" "2/gloss: option '--column' requires an argument" "a missing argument"
err=$("$GLOSS" --column=5 x 2>&1 >/dev/null)
is "$?/$(printf '%s\n' "$err" | head -n 1)" "2/gloss: invalid column width '5' (20 to 1000)" "a bad value"
err=$("$GLOSS" --no-mouse=1 x 2>&1 >/dev/null)
is "$?/$(printf '%s\n' "$err" | head -n 1)" "2/gloss: option '--no-mouse' takes no argument" "an unwanted argument"
err=$("$GLOSS" --no 2>&1 >/dev/null)
is "$?/$(printf '%s\n' "$err" | head -n 1)" "2/gloss: option '--no' is ambiguous" "an ambiguous abbreviation"
"$GLOSS" --incs --colour=never --help >/dev/null
is "$?" 0 "abbreviations and aliases are accepted"

# Errors name their command, the reader's none.
N="$TEST_TMP/no-such-file.txt"
err=$("$GLOSS" dump "$N" 2>&1 >/dev/null)
is "$?/$err" "1/gloss: dump: $N: No such file or directory" "dump: gloss: dump: FILE: ..."
err=$("$GLOSS" annotations "$N" 2>&1 >/dev/null)
is "$?/$err" "1/gloss: annotations: $N: No such file or directory" "annotations: gloss: annotations: FILE: ..."
err=$("$GLOSS" notes "$N" 2>&1 >/dev/null)
is "$?/$err" "1/gloss: notes: $N: No such file or directory" "notes: gloss: notes: FILE: ..."
err=$("$GLOSS" "$N" 2>&1 >/dev/null </dev/null)
is "$?/$err" "1/gloss: $N: No such file or directory" "gloss FILE (dumped): gloss: FILE: ..."
err=$("$GLOSS" note 1 2>&1 >/dev/null)
is "$?/$err" "2/gloss: note: missing arguments
Usage: gloss note ID TEXT|-" "note without TEXT: usage error"
err=$("$GLOSS" tag 1 -weird 2>&1 >/dev/null)
is "$?/$err" "1/gloss: tag: no annotation with id 1" "tag ID -TAG: a tag may start with '-' (options only before the ID)"

done_testing
