#!/bin/sh
# SPDX-License-Identifier: ISC
# SPDX-FileCopyrightText: 2026 the gloss authors
# tmux-config.sh — the config file in the reader: a setting (the reading
# column), a key bound for the pager and one unbound, and a bad line said
# on the status line with its file and line while everything else works.
. "${top_srcdir:-.}/tests/lib/lib.sh"
need_tmux

D="$TEST_TMP/doc.txt"
i=1
while [ $i -le 40 ]; do
	printf 'Абзац %d: слова, которые идут одно за другим, чтобы строка была длинной.\n\n' $i
	i=$((i + 1))
done >"$D"
mkdir -p "$XDG_CONFIG_HOME/gloss"
printf 'set column 40\nset colum 50\nbind pager J bottom\nunbind all G\n' >"$XDG_CONFIG_HOME/gloss/config"

tm_start 100 12 xterm-256color "$GLOSS $D"
tm_wait "Абзац 1"; tm_settle
contains "$(tm_row 12)" "config: $XDG_CONFIG_HOME/gloss/config:2: set colum 50: no such setting" "a bad line: said on the status line with its file and line"
is "$(tm_row 1 | sed "s/^ *//")" "Абзац 1: слова, которые идут одно" "set column 40: lines of 40 columns at most (centred; за goes with the next word)"
tm_keys G; tm_settle
contains "$(tm_capture)" "Абзац 1:" "unbind all G: G does nothing"
tm_keys J; tm_wait "Абзац 40"; ok $? "bind pager J bottom: J goes to the end"
tm_kill

"$GLOSS" --print-config >"$TEST_TMP/print" 2>"$TEST_TMP/err"
contains "$(cat "$TEST_TMP/print")" "set column 40" "--print-config: the config file's column"
contains "$(cat "$TEST_TMP/print")" "bind pager J bottom
unbind all G" "--print-config: the user's bindings"
is "$(cat "$TEST_TMP/err")" "gloss: config: $XDG_CONFIG_HOME/gloss/config:2: set colum 50: no such setting (column, color, hyperlinks, mouse, fold, incsearch, ascii, keyboard-layout, db, corpus)" "the bad line on standard error, never fatal"
contains "$("$GLOSS" --column 60 --print-config 2>/dev/null)" "set column 60" "an option overrides the config file"
contains "$(GLOSS_CONFIG= "$GLOSS" --print-config)" "set column 100" "GLOSS_CONFIG empty: no config file"

done_testing
