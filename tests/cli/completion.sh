#!/bin/sh
# SPDX-License-Identifier: ISC
# SPDX-FileCopyrightText: 2026 the gloss authors
# completion.sh — the shell completions: bash's completes commands, options,
# the values an option's usage lists and the tags in the database (run in
# bash itself); zsh's and fish's are checked by their shells when present.
. "${top_srcdir:-.}/tests/lib/lib.sh"

skip() {	# WHY N
	i=0
	while [ $i -lt "$2" ]; do
		tap_n=$((tap_n + 1)); echo "ok $tap_n # SKIP $1"; i=$((i + 1))
	done
}

# The tests below change directory: absolute paths (make distcheck gives relative ones).
case $GLOSS in /*) ;; *) GLOSS=$(pwd)/$GLOSS ;; esac
C=$(cd "$top_srcdir/completions" && pwd)
D="$TEST_TMP/doc.txt"
printf 'Первое предложение. Второе предложение.\n' >"$D"
"$GLOSS" annotate "$D" --quote "Первое" --tag "EU sanctions" --tag история >/dev/null
mkdir -p "$TEST_TMP/empty"

# Completes the words $@ (the last one is completed) with bash; prints COMPREPLY a line each.
complete_bash() {
	(cd "$TEST_TMP/empty" && bash -c '. "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _gloss; printf "%s\n" "${COMPREPLY[@]}"' sh "$C/gloss.bash" "$GLOSS" "$@" | sort)
}

if command -v bash >/dev/null 2>&1; then
	is "$(complete_bash ex)" "export" "bash: a command"
	is "$(complete_bash a)" "annotate
annotations" "bash: the commands that begin so"
	contains "$(complete_bash --)" "--print-config" "bash: the global options"
	is "$(complete_bash export --fo)" "--force
--format" "bash: a command's options, from its usage"
	is "$(complete_bash export --format '')" "json
markdown" "bash: the values an option's usage lists"
	is "$(complete_bash annotations --status o)" "orphaned" "bash: a value begun"
	is "$(complete_bash annotations --tag '')" "EU sanctions
история" "bash: the tags in the database, spaces and all"
	is "$(complete_bash annotate --tag ис)" "история" "bash: a Cyrillic tag begun"
else
	skip "bash is not installed" 8
fi
if command -v zsh >/dev/null 2>&1; then
	zsh -n "$C/_gloss"; ok $? "zsh: the completion parses"
else
	skip "zsh is not installed" 1
fi
if command -v fish >/dev/null 2>&1; then
	fish -n "$C/gloss.fish"; ok $? "fish: the completion parses"
	mkdir -p "$TEST_TMP/bin" && ln -sf "$GLOSS" "$TEST_TMP/bin/gloss"
	complete_fish() {
		(cd "$TEST_TMP/empty" && PATH="$TEST_TMP/bin:$PATH" fish -c "source '$C/gloss.fish'; complete -C '$1'" | sort)
	}
	is "$(complete_fish 'gloss ex')" "export" "fish: a command"
	is "$(complete_fish 'gloss export --format ')" "json
markdown" "fish: the values an option's usage lists"
	is "$(complete_fish 'gloss annotations --tag ')" "EU sanctions
история" "fish: the tags in the database"
else
	skip "fish is not installed" 4
fi
is "$("$GLOSS" --list-tags)" "EU sanctions
история" "--list-tags: the tags in use"

done_testing
