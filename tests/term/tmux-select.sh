#!/bin/sh
# SPDX-License-Identifier: ISC
# SPDX-FileCopyrightText: 2026 the gloss authors
# tmux-select.sh — selections snap as in Hypothesis and Kindle: made with
# word, sentence and paragraph motions, with P, or with the mouse, on
# English, Cyrillic, mixed and CJK/emoji text, the stored quote is whole
# words (whole grapheme clusters), never a letter of the next word, never
# white space at either end; ) and ( stop at the sentence's end; h and l
# can still select inside a word.  After / (and n) the caret is at the
# match, so v e H highlights exactly the word found; right after H, the
# keys a, t, c and x act on the highlight just made.
. "${top_srcdir:-.}/tests/lib/lib.sh"
need_tmux
[ -n "${SQLITE3_CLI:-}" ] || skip_all "sqlite3 not found"

doc="$TEST_TMP/select.txt"
cat >"$doc" <<'EOF'
Selections

Belarus left the Soviet Union. Relations with Kyiv grew warm. Then came 2014.

Протесты против Лукашенко. Аресты продолжались всё лето.

Mixed text: Минск and Kyiv signed the договор in 1997. End of it.

東京と大阪 😀👍🏽 emoji and CJK: 日本語のテキスト。
EOF
sql() {
	"$SQLITE3_CLI" -batch "$GLOSS_DB" "$1"
}
last() {
	sql 'select quote from annotations order by id desc limit 1'
}
count() {
	sql 'select count(*) from annotations' 2>/dev/null || echo 0
}
# Presses KEYS (tmux key names) and then H; waits for the new row.
hl() {	# KEYS...
	keys "$@" H
}
# Presses KEYS after Esc (the last makes a highlight); waits for the new row.
keys() {	# KEYS...
	before=$(count)
	tm_keys Escape; tm_settle
	for key in "$@"; do tm_keys "$key"; done
	i=0
	while [ "$(count)" = "$before" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
}
# A mouse drag from column X1 to X2 (1-based terminal cells) on row Y, then H.
drag() {	# Y X1 X2
	before=$(count) try=0
	# A report split by a loaded tmux reaches gloss as Esc and text: drag again.
	while [ $try -lt 3 ]; do
		tm_keys Escape; tm_settle
		tm_keys -l "$(printf '\033[<0;%d;%dM' "$2" "$1")"
		tm_keys -l "$(printf '\033[<0;%d;%dm' "$3" "$1")"
		tm_wait "Selected with the mouse" 50 && break
		try=$((try + 1))
	done
	tm_keys H
	i=0
	while [ "$(count)" = "$before" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
}
search() {	# TEXT
	tm_keys /; tm_wait "/" 50
	tm_keys -l "$1"; tm_keys Enter; tm_settle
}

tm_start 100 20 xterm-256color "$GLOSS '$doc'; echo EXITED \$?"
tm_wait "Selections" 100; ok $? "the document opens"

# Keyboard motions (Esc hides the caret; the next caret key shows it on the first line).
hl "}" v ")"
is "$(last)" "Belarus left the Soviet Union." "v ) stops at the sentence's end (no letter of the next one)"
hl "}" v w w
is "$(last)" "Belarus left" "v w w: two words, no space, no letter of the third"
hl "}" v e
is "$(last)" "Belarus" "v e: one word"
hl "}" ")" v "}"
is "$(last)" "Relations with Kyiv grew warm. Then came 2014." "v }: to the paragraph's end, no paragraph break"
hl "}" ")" ")" v "("
is "$(last)" "Relations with Kyiv grew warm. Then" "v (: back to the sentence's start, the word under the mark whole"
hl "}" ")" ")" v "{"
is "$(last)" "Belarus left the Soviet Union. Relations with Kyiv grew warm. Then" "v {: back to the paragraph's start"
hl "}" ")" w w w v b
is "$(last)" "Kyiv grew" "v b: the previous word and the one under the mark"
hl "}" "}" v ")"
is "$(last)" "Протесты против Лукашенко." "Cyrillic: v ) stops at the sentence's end"
hl "}" "}" v w w
is "$(last)" "Протесты против" "Cyrillic: v w w"
hl "}" "}" ")" v "}" w
is "$(last)" "Аресты продолжались всё лето.

Mixed" "across a paragraph end: whole words, no stray letter"
hl "}" "}" "}" v w w w
is "$(last)" "Mixed text: Минск" "mixed text: v w w w"
hl "}" "}" "}" w w v e e
is "$(last)" "Минск and" "mixed text: v e e"
hl "}" v l l
is "$(last)" "Bel" "v l l: inside one word on purpose"
hl "}" "}" "}" "}" v l l
is "$(last)" "東京と" "CJK: each ideograph is a whole character"
keys "}" "}" P
is "$(last)" "Протесты против Лукашенко. Аресты продолжались всё лето." "P: the paragraph, no white space"
hl "}" H
is "$(last)" "Belarus left the Soviet Union." "H with nothing selected: the sentence"

# The mouse (SGR reports; row 3 is the first paragraph, the text starts at column 2).
drag 3 21 35
is "$(last)" "Soviet Union. Relations" "a drag from inside a word to inside another: whole words"
drag 3 43 52
is "$(last)" "with Kyiv" "a drag ending on a space: no trailing space"
drag 5 3 6
is "$(last)" "Протесты" "Cyrillic: a drag inside one word takes the word"
drag 7 10 16
is "$(last)" "text: Минск" "mixed text: a drag"
drag 9 4 15
is "$(last)" "京と大阪 😀👍🏽" "CJK and emoji: whole clusters (the thumb keeps its skin tone)"
drag 9 13 16
is "$(last)" "😀👍🏽" "a drag ending on the right half of a wide emoji"

# The caret goes to the match: / then v e H is the word found; n, N and ? too.
search "Kyiv"
tm_keys v e H; tm_settle
is "$(last)" "Kyiv" "/Kyiv then v e H: exactly the word found"
tm_keys n v e H; tm_settle
is "$(sql "select quote || '|' || (prefix like '%Минск and ') from annotations order by id desc limit 1")" \
	"Kyiv|1" \
	"n: the caret at the next match (the second Kyiv)"
search "аресты"
tm_keys v e H; tm_settle
is "$(last)" "Аресты" "/аресты (any case) then v e H"
tm_keys Escape; tm_keys ?; tm_wait "?" 50; tm_keys -l "soviet"; tm_keys Enter; tm_settle
tm_keys v e H; tm_settle
is "$(last)" "Soviet" "?soviet then v e H"

# Right after H: a, t, c and x act on the highlight just made.
search "grew"
tm_keys H; tm_wait "Highlighted" 50
id=$(sql 'select max(id) from annotations')
is "$(last)" "grew" "H on the match highlights it"
tm_keys a; tm_wait "Note on “grew”" 50; ok $? "a right after H opens the note of the new highlight"
tm_keys -l "why it grew"; tm_keys Escape; tm_wait "Note saved" 50
is "$(sql "select note from annotations where id = $id")" "why it grew" "the note is on it"
tm_keys t; tm_wait "Tags" 50
tm_keys -l "relations"; tm_keys Enter; tm_wait "Tags saved" 50
is "$(sql "select group_concat(t.name) from annotation_tags x join tags t on t.id = x.tag_id where x.annotation_id = $id")" \
	"relations" "t right after H tags the new highlight"
tm_keys 4 c; tm_settle
is "$(sql "select color from annotations where id = $id")" "pink" "4c right after H colours it"
tm_keys P; tm_wait "Highlighted" 50
para=$(sql 'select max(id) from annotations')
tm_keys 3 c; tm_settle
is "$(sql "select color from annotations where id = $para")" "blue" \
	"after P over a smaller highlight, c acts on the paragraph just made"
is "$(sql "select color from annotations where id = $id")" "pink" "and not on the smaller one under the caret"
tm_keys x; tm_settle
is "$(sql "select count(*) from annotations where id = $para")" "0" "x right after P deletes the paragraph"
tm_keys x; tm_settle
is "$(sql "select count(*) from annotations where id = $id")" "0" \
	"then x deletes the highlight under the caret (the innermost)"
lacks "$(tm_row 20)" "database" "no error on the status line"
tm_keys q; tm_wait "EXITED 0" 50; ok $? "quit"

done_testing
