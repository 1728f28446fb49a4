#!/bin/sh
# SPDX-License-Identifier: ISC
# SPDX-FileCopyrightText: 2026 the gloss authors
# tmux-search.sh — the pager's search in a terminal: the match counter
# ("3/17", filled in idle time) through n, N and the wrap, forward and
# backward, in a plain file of several chunks and in Markdown; an
# interrupted count restarting with a new pattern; --incsearch (each edit
# shows the first match, Esc goes back, Enter keeps it, Backspace moves back).
. "${top_srcdir:-.}/tests/lib/lib.sh"
need_tmux

doc="$TEST_TMP/big.txt"
{
	printf 'Заголовок\n\nПервый абзац: Ёлка, ёлочка, ЕЛКА и елка.\n\n'
	i=1
	while [ $i -le 3000 ]; do
		printf 'Filler paragraph %d, long enough to make several chunks of text over the file.\n\n' "$i"
		i=$((i + 1))
	done
	printf 'Последний абзац: ещё одна ёлка, и зелёная.\n'
} >"$doc"
md="$TEST_TMP/article.md"
printf '# Статья\n\nОдна *ёлка* и **ЕЛКА**.\n\n- пункт про ёлку\n\n> цитата: елка\n' >"$md"

tm_start 100 24 xterm-256color "$GLOSS '$doc'"
tm_wait "Заголовок"; ok $? "the document opens"
tm_keys / ; tm_wait "/" 20
tm_keys "елка" Enter
tm_wait "1/4"; ok $? "the counter: 1 of 4 (ё/е and case folded; ёлочка is not ёлка)"
contains "$(tm_row 24)" "/елка  1/4" "the status line shows the pattern and 1/4"
tm_keys n; tm_wait "2/4"; ok $? "n: 2/4"
tm_keys n; tm_wait "3/4"; ok $? "n: 3/4"
tm_keys n; tm_wait "4/4"; ok $? "n: 4/4 (the last paragraph, far beyond the first chunk)"
contains "$(tm_capture)" "ещё одна ёлка" "the fourth match is shown"
tm_keys n; tm_wait "1/4"; ok $? "n wraps to 1/4"
tm_keys N; tm_wait "4/4"; ok $? "N wraps back to 4/4"
tm_keys g ? ; tm_wait "?" 20
tm_keys "ЗЕЛЕНАЯ" Enter
tm_wait "?ЗЕЛЕНАЯ  1/1"; ok $? "a backward search from the top wraps to the end: 1/1"
contains "$(tm_capture)" "и зелёная" "the match at the end is shown"
tm_keys / ; tm_wait "/" 20
tm_keys "несуществующее" Enter
tm_wait "Pattern not found"; ok $? "no match: Pattern not found"
tm_wait "/несуществующее  0"; ok $? "and the count says 0"
tm_kill

# ---------------------------------------------------------------- Markdown
tm_start 80 24 xterm-256color "$GLOSS '$md'"
tm_wait "Статья"; ok $? "Markdown opens"
tm_keys / ; tm_wait "/" 20
tm_keys "ЁЛК" Enter
tm_wait "1/4"; ok $? "Markdown: the counter walks the blocks (1/4)"
tm_keys N; tm_wait "4/4"; ok $? "Markdown: N wraps to 4/4"
tm_kill

# ---------------------------------------------------------------- --incsearch
GLOSS_DB="$TEST_TMP/data/inc.db"	# a first open again (no reading position to restore)
tm_start 100 24 xterm-256color "$GLOSS --incsearch '$doc'"
tm_wait "Заголовок"; ok $? "--incsearch: the document opens"
tm_keys / ; tm_wait "/" 20
tm_keys "зелё"
tm_wait "и зелёная"; ok $? "--incsearch: typing shows the match at the end"
is "$(tm_row 24)" "/зелё" "the prompt is still open"
tm_keys BSpace BSpace BSpace BSpace "filler paragraph 2999"
tm_wait "Filler paragraph 2999, long"; ok $? "--incsearch: editing the pattern moves to its match"
tm_keys Escape; tm_settle
is "$(tm_row 1)" " Заголовок" "Esc goes back to where the search started"
lacks "$(tm_row 24)" "filler" "and forgets the pattern"
tm_keys / ; tm_wait "/" 20
tm_keys "paragraph 1500," Enter
tm_wait "Filler paragraph 1500,"; ok $? "Enter keeps the match"
tm_wait "1/1"; ok $? "and counts it: 1/1"
tm_kill

done_testing
