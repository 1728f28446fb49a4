#!/bin/sh
# SPDX-License-Identifier: ISC
# SPDX-FileCopyrightText: 2026 the gloss authors
# tmux-config.sh — the config file in the reader: a setting (the reading
# column), a key bound for the pager and one unbound, and a bad line said
# on the status line with its file and line while everything else works;
# the help screen (h) shows the keys as bound (not the defaults), those of
# the view it was opened from: the reader's, or the library's.
. "${top_srcdir:-.}/tests/lib/lib.sh"
need_tmux

D="$TEST_TMP/doc.txt"
i=1
while [ $i -le 40 ]; do
	printf 'Абзац %d: слова, которые идут одно за другим, чтобы строка была длинной.\n\n' $i
	i=$((i + 1))
done >"$D"
mkdir -p "$XDG_CONFIG_HOME/gloss"
printf 'set column 40\nset colum 50\nbind pager J bottom\nunbind all G\nbind list K top\nunbind pager m\nbind pager M mark-set\n' >"$XDG_CONFIG_HOME/gloss/config"

tm_start 100 12 xterm-256color "$GLOSS $D"
tm_wait "Абзац 1"; tm_settle
contains "$(tm_row 12)" "config: …/config:2: set colum 50: no such setting" "a bad line: said on the status line with its file and line (the path shortened from the left to fit)"
is "$(tm_row 1 | sed "s/^ *//")" "Абзац 1: слова, которые идут одно" "set column 40: lines of 40 columns at most (centred; за goes with the next word)"
tm_keys G; tm_settle
contains "$(tm_capture)" "Абзац 1:" "unbind all G: G does nothing"
tm_keys J; tm_wait "Абзац 40"; ok $? "bind pager J bottom: J goes to the end"
tm_kill

# The help shows the bindings in effect, for the view it was opened from.
tm_start 100 50 xterm-256color "$GLOSS $D"
tm_wait "Абзац 1"; tm_keys h; tm_wait "gloss keys"
is "$(tm_row 1)" " gloss keys in the reader — q closes this help; a number before a key is a count" \
	"h in the reader: the reader's keys"
is "$(tm_row 11)" "   End > J                go to the end" "help: G unbound, J bound (bind pager J bottom)"
is "$(tm_row 10)" "   g Home <               go to the beginning" "help: K is bound in lists only"
is "$(tm_row 13)" "   M                      then a letter a-z: mark this place and the caret (kept across sessions)" \
	"help: m unbound, M bound to mark-set"
lacks "$(tm_capture)" "list the annotations of every document" "help: M's old action has no key left: not shown"
lacks "$(tm_capture)" "library: sort" "help in the reader: not the library's S"
tm_keys /; tm_keys "In a selection" Enter; tm_settle
contains "$(tm_capture)" " In a selection (after v; other keys work as above)" "help in the reader: the selection's keys"
tm_keys G; tm_settle
is "$(tm_row 49)" " Other views list their own keys with h; every key: man gloss, gloss --list-keys" \
	"help: the last line says where the other keys are"
tm_keys q; tm_settle
tm_keys q; tm_kill

mkdir -p "$TEST_TMP/lib"
cp "$D" "$TEST_TMP/lib/"
tm_start 100 50 xterm-256color "$GLOSS --corpus '$TEST_TMP/lib'"
tm_wait "Абзац 1"; tm_keys h; tm_wait "gloss keys"
is "$(tm_row 1)" " gloss keys in lists (the library, A, M, F's results) — q closes this help" \
	"h in the library: the lists' keys"
is "$(tm_row 10)" "   g Home < K             go to the beginning" "library help: bind list K top"
is "$(tm_row 11)" "   End >                  go to the end" "library help: G unbound, J is the pager's"
contains "$(tm_capture)" "   S                      library: sort by title" "library help: S sorts"
lacks "$(tm_capture)" "The caret" "library help: no caret keys"
lacks "$(tm_capture)" "In a selection" "library help: no selection keys"
lacks "$(tm_capture)" "mark this place" "library help: no marks"
tm_keys q; tm_wait "Абзац 1"; ok $? "q closes the help: the library again"
tm_kill

"$GLOSS" --print-config >"$TEST_TMP/print" 2>"$TEST_TMP/err"
contains "$(cat "$TEST_TMP/print")" "set column 40" "--print-config: the config file's column"
contains "$(cat "$TEST_TMP/print")" "bind pager J bottom
unbind all G
bind list K top
unbind pager m
bind pager M mark-set" "--print-config: the user's bindings"
is "$(cat "$TEST_TMP/err")" "gloss: config: $XDG_CONFIG_HOME/gloss/config:2: set colum 50: no such setting (column, color, hyperlinks, mouse, fold, incsearch, hyphenate, ascii, keyboard-layout, db, corpus)" "the bad line on standard error, never fatal"
contains "$("$GLOSS" --column 60 --print-config 2>/dev/null)" "set column 60" "an option overrides the config file"
contains "$(GLOSS_CONFIG= "$GLOSS" --print-config)" "set column 100" "GLOSS_CONFIG empty: no config file"

done_testing
