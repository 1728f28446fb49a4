#!/bin/sh
# SPDX-License-Identifier: ISC
# SPDX-FileCopyrightText: 2026 the gloss authors
# exit-status.sh — the man page and the code agree on every exit status:
# the EXIT STATUS section of docs/gloss.1 is read (each command's entry and
# the statuses it names, and 2 for a usage error of every command); each
# documented status of each command is produced here by a real case, and
# every case's status is one the man page documents for its command.
. "${top_srcdir:-.}/tests/lib/lib.sh"

MAN="$top_srcdir/docs/gloss.1"
D="$TEST_TMP/docs"
mkdir -p "$D"
printf 'A Title\n\nSome text about sanctions and the war, and the sanctions again.\n' >"$D/a.txt"
printf 'Another\n\nNever annotated.\n' >"$D/fresh.txt"
printf 'bin\000ary\001' >"$D/binary.dat"
printf '[{"type": "Annotation", "target": {"source": "file://%s", "selector": {"type": "TextQuoteSelector", "exact": "about"}}}, {"type": "Annotation"}]\n' "$D/a.txt" >"$D/mixed.json"
printf '[{"type": "Annotation", "target": {"source": "file://%s", "selector": {"type": "TextQuoteSelector", "exact": "Some text"}}}]\n' "$D/a.txt" >"$D/good.json"
mkdir -p "$D/lib"
cp "$D/a.txt" "$D/lib/"

# documented: "COMMAND STATUS" lines from the man page
documented=$(awk '/^\.SH EXIT STATUS/ { on = 1; next } /^\.SH/ { on = 0 } on' "$MAN" | awk '
	/^\.TP/ { getline; names = $0; sub(/^\.BR? /, "", names); gsub(/"[^"]*"/, " ", names); next }
	names != "" {
		line = $0
		while (match(line, /[0-9]: /)) {
			st = substr(line, RSTART, 1)
			n = split(names, w, " ")
			for (i = 1; i <= n; i++) print w[i], st
			line = substr(line, RSTART + 2)
		}
	}' | sort -u)
commands=$(printf '%s\n' "$documented" | cut -d' ' -f1 | sort -u)
documented=$(printf '%s\n%s\n' "$documented" "$(printf '%s\n' "$commands" | sed 's/$/ 2/')" | sort -u)
ok "$([ "$(printf '%s\n' "$commands" | wc -l)" -ge 12 ] && echo 0 || echo 1)" \
	"the man page documents the statuses of every command ($(printf '%s' "$commands" | tr '\n' ' '))"

tested=""
# check COMMAND STATUS WHY -- ARGS...: runs gloss ARGS (no terminal), expects STATUS
check() {
	cmd=$1 want=$2 why=$3
	shift 4
	"$GLOSS" "$@" </dev/null >"$TEST_TMP/out" 2>"$TEST_TMP/err"
	got=$?
	is "$got" "$want" "$cmd exits $want: $why"
	tested="$tested
$cmd $want"
}

check gloss 0 "the file is shown (dumped: no terminal)" -- "$D/a.txt"
check gloss 1 "a missing file" -- "$D/missing.txt"
check gloss 2 "an unknown option" -- --no-such-option
check dump 0 "printed" -- dump "$D/a.txt"
check dump 1 "a binary file" -- dump "$D/binary.dat"
check dump 2 "no FILE" -- dump
check annotate 0 "highlighted" -- annotate "$D/a.txt" --quote "Some text"
check annotate 1 "the quote occurs twice" -- annotate "$D/a.txt" --quote sanctions
check annotate 2 "no --quote" -- annotate "$D/a.txt"
check annotations 0 "none for a new file" -- annotations "$D/fresh.txt"
check annotations 1 "a missing FILE" -- annotations "$D/missing.txt"
check annotations 2 "an unknown option" -- annotations --no-such-option
id=$("$GLOSS" annotations "$D/a.txt" | cut -f1 | head -n 1)
check tag 0 "tagged" -- tag "$id" war
check tag 1 "an unknown ID" -- tag 999 war
check tag 2 "no TAG" -- tag "$id"
check untag 0 "untagged" -- untag "$id" war
check untag 1 "a tag it does not have" -- untag "$id" war
check untag 2 "no TAG" -- untag "$id"
check note 0 "a note" -- note "$id" "A note."
check note 1 "an unknown ID" -- note 999 "A note."
check note 2 "no ID" -- note
check export 0 "written" -- export "$D/a.txt"
check export 0 "an empty export: a FILE with no highlights" -- export "$D/fresh.txt"
check export 1 "a missing FILE" -- export "$D/missing.txt"
check export 2 "an unknown --format" -- export --format yaml
check import 0 "imported" -- import "$D/good.json"
check import 1 "one annotation rejected" -- import "$D/mixed.json"
check import 2 "no FILE" -- import
check notes 0 "none" -- notes "$D/a.txt"
check notes 1 "a missing file" -- notes "$D/missing.txt"
check notes 2 "no FILE" -- notes
check library 0 "listed" -- library "$D/lib"
check library 1 "a missing DIR" -- library "$D/no-such-dir"
check library 2 "an unknown option" -- library --no-such-option
check search 0 "a hit" -- search --corpus "$D/lib" sanctions
check search 1 "no hits" -- search --corpus "$D/lib" zzyzx
check search 2 "no QUERY" -- search
check recover 0 "copied" -- recover "$TEST_TMP/copy.db"
check recover 1 "NEW.db exists" -- recover "$D/a.txt"
check recover 2 "no NEW.db" -- recover
check delete 0 "deleted" -- delete "$id"
check delete 1 "an unknown ID" -- delete "$id"
check delete 2 "no ID" -- delete

tested=$(printf '%s\n' "$tested" | sed '/^$/d' | sort -u)
is "$(printf '%s\n' "$documented" | comm -23 - "$(printf '%s\n' "$tested" >"$TEST_TMP/t"; echo "$TEST_TMP/t")" | tr '\n' ';')" "" \
	"every documented status of every command was produced"
is "$(printf '%s\n' "$documented" >"$TEST_TMP/d"; printf '%s\n' "$tested" | comm -23 - "$TEST_TMP/d" | tr '\n' ';')" "" \
	"every status produced is documented for its command"

done_testing
