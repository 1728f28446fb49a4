#!/bin/sh
# SPDX-License-Identifier: ISC
# SPDX-FileCopyrightText: 2026 the gloss authors
# tmux-pipe.sh — pipes and pagers: with no operand and standard input not a
# terminal gloss reads it (as less does); as PAGER and MANPAGER, nroff's
# backspace overstrike shows as bold and underline and SGR colour sequences
# as styles, never passed through; other controls stay visible.
. "${top_srcdir:-.}/tests/lib/lib.sh"
need_tmux

RUNS="python3 $top_srcdir/tests/lib/sgr_runs.py"
T="$TEST_TMP/term.txt"
printf 'N\bNA\bAM\bME\bE\n       ls - list _\bd_\bi_\br_\be_\bc_\bt_\bo_\br_\by contents\n       _\b_x\b_ +\bo\n\n\033[01;34mbin\033[0m  \033[31mred\033[m\033[K \033[3mit\033[23m \033[38;5;46mgreen\033[0m \033[5Hz\n' >"$T"

# Not a terminal on either side: the laid-out text of standard input.
printf 'Piped \342\200\224 text.\n\nSecond paragraph.\n' | "$GLOSS" >"$TEST_TMP/out"
is "$(cat "$TEST_TMP/out")" "$(printf 'Piped \342\200\224 text.\n\nSecond paragraph.')" "stdin and stdout not terminals: gloss dumps standard input"
"$GLOSS" dump -w 60 - <"$T" >"$TEST_TMP/out"
cat >"$TEST_TMP/want" <<'X'
NAME
       ls - list directory contents
       _x o

bin  red it green ␛[5Hz
X
same_file "$TEST_TMP/out" "$TEST_TMP/want" "terminal output: overstrike and SGR read as text, lines kept, other escapes visible"
"$GLOSS" dump -w 60 - <"$T" | LC_ALL=C grep -c "$(printf '[\b\033]')" >"$TEST_TMP/n"
is "$(cat "$TEST_TMP/n")" 0 "no backspace or ESC byte reaches the output"
# The same bytes in a file are a document like any other: every control visible.
contains "$("$GLOSS" dump -w 60 "$T")" "N␈NA␈AM␈ME␈E" "a file on disk shows its backspaces as symbols"
contains "$("$GLOSS" dump -w 60 "$T")" "␛[01;34mbin" "a file on disk shows its SGR sequences as symbols"

# The pager on a pipe: styles, not escapes.
tm_start 60 10 xterm-256color "sh -c 'cat $T | $GLOSS'"
tm_wait "directory"; tm_settle
tm capture-pane -p -e -t t | $RUNS | sed -n '1,/^\[5Hz/p' >"$TEST_TMP/got"
printf '%s\t%s\n' NAME bold -- '' 'ls - list' '' directory underline contents '' -- '' _ bold x underline o '' \
	-- '' -- '' bin bold,fg=4 red fg=1 it italic green fg=2 '␛' reverse '[5Hz' '' | sed 's/^--\t$/--/' >"$TEST_TMP/want"
same_file "$TEST_TMP/got" "$TEST_TMP/want" "pipe: overstrike bold/underline, SGR bold, colours and italic as styles; other escapes visible"
lacks "$(tm capture-pane -p -t t)" "$(printf '\010')" "pipe: no backspace shown"
# Keys come from the terminal: q quits although standard input is the pipe.
tm_keys q; sleep 0.5
lacks "$(tm capture-pane -p -t t)" "directory" "pipe: q quits"

# man with MANPAGER=gloss (and with PAGER=gloss): the manual of gloss itself.
if command -v man >/dev/null 2>&1 && man -l "$top_srcdir/docs/gloss.1" >/dev/null 2>&1; then
	tm_start 80 12 xterm-256color "MANPAGER=$GLOSS man -l $top_srcdir/docs/gloss.1"
	tm_wait "SYNOPSIS"; tm_settle
	tm capture-pane -p -e -t t | $RUNS >"$TEST_TMP/got"
	contains "$(cat "$TEST_TMP/got")" "$(printf 'NAME\tbold')" "MANPAGER=gloss man: section headings bold"
	contains "$(cat "$TEST_TMP/got")" "$(printf 'SYNOPSIS\tbold')" "MANPAGER=gloss man: SYNOPSIS bold"
	contains "$(tm_row 4)" "  gloss - read and annotate articles in the terminal" "MANPAGER=gloss man: lines as man laid them out"
	lacks "$(tm capture-pane -p -t t)" "␈" "MANPAGER=gloss man: no overstrike shown as controls"
	contains "$(tm_row 12)" "gloss" "MANPAGER=gloss man: the status line names the page (MAN_PN)"
	tm_keys G; tm_wait "END"; ok $? "MANPAGER=gloss man: G goes to the end"
	tm_keys q; sleep 0.5
	tm_start 80 12 xterm-256color "env -u MANPAGER PAGER=$GLOSS man -l $top_srcdir/docs/gloss.1"
	tm_wait "SYNOPSIS"; tm_settle
	contains "$(tm capture-pane -p -e -t t | $RUNS)" "$(printf 'SYNOPSIS\tbold')" "PAGER=gloss man: the same, from the top again (standard input keeps no position)"
	tm_kill
else
	ok 1 "man (man-db) is installed (.ci/run installs it)"
fi

done_testing
