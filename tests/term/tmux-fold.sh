#!/bin/sh
# SPDX-License-Identifier: ISC
# SPDX-FileCopyrightText: 2026 the gloss authors
# tmux-fold.sh — folding site furniture in the real pager (tmux): the fold
# row and its count, z opens and closes a fold, Z turns folding off and on,
# a search inside a fold opens it, a caption given twice is shown once,
# --no-fold, and Markdown is never folded.
. "${top_srcdir:-.}/tests/lib/lib.sh"
need_tmux

weekly="$CORPUS/belarus-weekly-2023-09-22.txt"
coop="$CORPUS/lukashenko-occupied-territories-cooperation.txt"
title=" Belarus Weekly: Lukashenko seeks closer ties with Russia, North Korea"
appeal=" Three years of reporting, funded by our readers — become a member now and help"

run() {	# ARGS...
	tm_start 80 24 xterm-256color "$GLOSS $*; echo EXITED \$?"
}

# ---------------------------------------------------------------- the fold row
run "'$weekly'"
tm_wait "lines folded"; ok $? "the document opens with a fold row"
is "$(tm_row 1)" " ⋯ 5 lines folded" "five furniture lines before the title fold into one row"
is "$(tm_row 3)" "$title" "the title follows the fold row"
is "$(tm_row 5)" " by Maria Yeryoma and Teah Pelechaty September 22, 2023 12:53 PM 8 min read" \
	"the byline is not folded"
is "$(tm_row 11)" " This audio is created with AI assistance" \
	"the audio note alone is shown: a fold row would save no row"
contains "$(tm -u capture-pane -e -p -t t | sed -n 11p)" "$(printf '\033[2mThis audio')" \
	"shown dim, as furniture"
is "$(tm_row 22)" " Subscribe to the Newsletter" "so is the newsletter line"
lacks "$(tm_capture)" "1 line folded" "no fold row of one line"
lacks "$(tm_capture)" "Skip to content" "the furniture is not on screen"

tm_keys z; tm_settle
is "$(tm_row 1)" "$appeal" "z opens the first fold on screen"
is "$(tm_row 9)" " Skip to content" "its lines are shown"
contains "$(tm_row 24)" "Opened 5 lines" "z says what it opened"
tm_keys z; tm_settle
is "$(tm_row 1)" " ⋯ 5 lines folded" "z again closes it"
contains "$(tm_row 24)" "Folded 5 lines" "and says so"

tm_keys j; tm_settle
is "$(tm_row 1)" "" "j scrolls past the fold row (one row)"
is "$(tm_row 2)" "$title" "j: the title moved up one row"
tm_keys k; tm_settle
is "$(tm_row 1)" " ⋯ 5 lines folded" "k scrolls back onto the fold row"

tm_resize 50 20; tm_settle
is "$(tm_row 1)" " ⋯ 5 lines folded" "resize to 50x20: the fold row stays on the first row"
is "$(tm_row 3)" " Belarus Weekly: Lukashenko seeks closer ties" "resize: the title rewraps under it"
tm_resize 80 24; tm_settle

tm_keys G; tm_settle
is "$(tm_row 23)" " ⋯ 29 lines folded" "G: the forms at the end are one fold row on the last row"
is "$(tm_row 21)" " Three years. Millions of readers. All thanks to 12,000 supporters." \
	"G: a sentence between two appeals is shown"
is "$(tm_row 19)" " ⋯ 2 lines folded" "G: the appeals before it fold"
contains "$(tm_row 24)" "END" "G: the status line says END"

tm_keys Z; tm_settle
contains "$(tm_row 24)" "Folding off" "Z turns folding off"
lacks "$(tm_capture)" "lines folded" "no fold row is left on screen"
tm_keys g; tm_settle
is "$(tm_row 1)" "$appeal" "off: the document starts with the appeal"
tm_keys Z; tm_settle
is "$(tm_row 1)" " ⋯ 5 lines folded" "Z turns folding on again"

# A search for a word that is only inside folds opens the fold holding the match.
tm_keys / ; tm_wait "/" 20
tm_keys "skip" Enter; tm_settle
contains "$(tm_capture)" " Skip to content" "a search inside a fold opens it"
is "$(tm_row 1)" "$appeal" "the opened fold shows all its lines"
tm_keys Escape; tm_settle
tm_keys q; tm_wait "EXITED 0"; ok $? "quits"

# ---------------------------------------------------------------- captions, --no-fold
run "'$coop'"
tm_wait "Cooperation"; ok $? "the second article opens"
is "$(tm_row 1)" " top of page" "top of page alone does not fold"
is "$(tm_row 6)" " Lukashenko meets with the head of the so-called Donetsk People's Republic" \
	"the caption follows the title"
is "$(tm_row 7)" " Denis Pushilin. Source:" "it is the copy with the credit"
is "$(tm_row 9)" " The Lukashenko regime, fearing new sanctions, does not always want to" \
	"and is shown once: the body follows"
tm_keys q; tm_wait "EXITED 0"

run "--no-fold '$coop'"
tm_wait "Cooperation"; ok $? "--no-fold opens"
is "$(tm_row 1)" " top of page" "--no-fold: top of page is shown"
is "$(tm_row 6)" " Lukashenko meets with the head of the so-called Donetsk People's Republic" \
	"--no-fold: the caption's first copy"
is "$(tm_row 9)" " Lukashenko meets with the head of the so-called Donetsk People's Republic" \
	"--no-fold: and its second copy"
tm_keys z; tm_settle
contains "$(tm_row 24)" "Folding is off" "--no-fold: z says folding is off"
tm_keys q; tm_wait "EXITED 0"

# ---------------------------------------------------------------- Markdown
md="$TEST_TMP/page.md"
printf '# A page\n\nSubscribe\n\nSkip to content\n\nBody text.\n' >"$md"
run "'$md'"
tm_wait "A page"; ok $? "a Markdown file opens"
is "$(tm_row 3)" " Subscribe" "Markdown: furniture words are the author's text"
tm_keys Z; tm_settle
contains "$(tm_row 24)" "Only plain-text files are folded" "Markdown: Z says so"
tm_keys q; tm_wait "EXITED 0"

done_testing
