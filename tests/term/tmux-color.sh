#!/bin/sh
# SPDX-License-Identifier: ISC
# SPDX-FileCopyrightText: 2026 the gloss authors
# tmux-color.sh — colour conventions: NO_COLOR and --color=auto|always|never
# (no colours, attributes kept), and on a terminal without colours (vt100)
# a search match, the current match, the caret, a selection and a highlight
# each drawn in attributes of their own.
. "${top_srcdir:-.}/tests/lib/lib.sh"
need_tmux

RUNS="python3 $top_srcdir/tests/lib/sgr_runs.py"
D="$TEST_TMP/doc.txt"
printf 'alpha beta gamma delta alpha epsilon zeta eta alpha theta.\n\nSecond paragraph with words.\n' >"$D"
"$GLOSS" annotate "$D" --quote gamma >/dev/null
ok $? "a highlight on 'gamma'"

# vt100: matches, the current match and the caret on it, the highlight.
tm_start 60 8 vt100 "$GLOSS $D"
tm_wait "Second paragraph"
tm_keys /alpha Enter; tm_wait "1/3"; tm_keys n; tm_wait "2/3"; tm_settle
tm capture-pane -p -e -t t | $RUNS 1 >"$TEST_TMP/got"
printf '%s\t%s\n' alpha reverse beta '' gamma underline delta '' a blink,bold,reverse,underline \
	lpha bold,reverse,underline 'epsilon zeta eta' '' alpha reverse theta. '' >"$TEST_TMP/want"
same_file "$TEST_TMP/got" "$TEST_TMP/want" "vt100: match reverse, current match bold+underline+reverse, caret blinks, highlight underlined"
# A selection (from the top: v, two words) and the caret after it.
tm_keys Escape; tm_settle; tm_keys v w w; tm_settle
tm capture-pane -p -e -t t | $RUNS 1 | head -n 3 >"$TEST_TMP/got"
printf '%s\t%s\n' 'alpha beta' bold,reverse g blink,reverse,underline amma underline >"$TEST_TMP/want"
same_file "$TEST_TMP/got" "$TEST_TMP/want" "vt100: the selection bold+reverse, the caret blinking on the highlight"

colours() {	# the colour attributes of the whole screen, one a line
	tm capture-pane -p -e -t t | $RUNS | cut -f 2 | tr ',' '\n' | grep -E '^(fg|bg)=' | sort -u
}
attrs() {	# the other attributes of the whole screen
	tm capture-pane -p -e -t t | $RUNS | cut -f 2 | tr ',' '\n' | grep -v -E '^(fg|bg)=|^--$' | sed '/^$/d' | sort -u | tr '\n' ' '
}

tm_start 60 8 xterm-256color "$GLOSS $D"
tm_wait "Second paragraph"; tm_settle
contains "$(colours)" "bg=228" "xterm-256color: the highlight is yellow"
tm_start 60 8 xterm-256color "NO_COLOR=1 $GLOSS $D"
tm_wait "Second paragraph"; tm_settle
is "$(colours)" "" "NO_COLOR=1: no colour at all"
is "$(attrs)" "reverse underline " "NO_COLOR=1: the highlight underlined, the status line reverse"
tm_start 60 8 xterm-256color "NO_COLOR= $GLOSS $D"
tm_wait "Second paragraph"; tm_settle
contains "$(colours)" "bg=228" "NO_COLOR empty: colours (no-color.org)"
tm_start 60 8 xterm-256color "$GLOSS --color=never $D"
tm_wait "Second paragraph"; tm_settle
is "$(colours)" "" "--color=never: no colour"
tm_start 60 8 xterm-256color "NO_COLOR=1 $GLOSS --color=always $D"
tm_wait "Second paragraph"; tm_settle
contains "$(colours)" "bg=228" "--color=always wins over NO_COLOR"
tm_start 60 8 xterm-256color "NO_COLOR=1 $GLOSS --color=auto $D"
tm_wait "Second paragraph"; tm_settle
is "$(colours)" "" "--color=auto follows NO_COLOR"
tm_kill

"$GLOSS" --color=sometimes "$D" >/dev/null 2>"$TEST_TMP/err"
is $? 2 "--color=sometimes is a usage error"
contains "$(cat "$TEST_TMP/err")" "'sometimes' is not auto, always or never" "--color: the message names the choices"

done_testing
