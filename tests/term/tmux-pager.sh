#!/bin/sh
# SPDX-License-Identifier: ISC
# SPDX-FileCopyrightText: 2026 the gloss authors
# tmux-pager.sh — the real binary in a terminal (tmux): open, scroll,
# search a Cyrillic word in another case with ё/е swapped, resize, quit, at
# 80x24 and 120x40, with TERM=xterm-256color, screen and vt100.
. "${top_srcdir:-.}/tests/lib/lib.sh"
need_tmux

doc="$TEST_TMP/ёлка.txt"
cat >"$doc" <<'EOF'
Новогодняя ёлка

Первый абзац о празднике. В нём нет ничего особенного, кроме того, что он достаточно длинный, чтобы занять несколько строк на экране шириной в восемьдесят колонок.

Второй абзац: в лесу родилась Ёлочка, в лесу она росла. Зимой и летом стройная, зелёная была.
EOF
for i in $(seq 1 40); do
	printf 'Paragraph %d of the filler text, long enough to wrap once or twice on a narrow screen of the tests.\n\n' "$i" >>"$doc"
done
printf 'Последний абзац упоминает ЁЛКУ ещё раз.\n' >>"$doc"

run() {	# COLS ROWS TERM ARGS...
	c=$1 r=$2 t=$3
	shift 3
	tm_start "$c" "$r" "$t" "$GLOSS $*; echo EXITED \$?"
}

# ---------------------------------------------------------------- 80x24
run 80 24 xterm-256color "'$doc'"
tm_wait "Новогодняя ёлка"; ok $? "80x24: the document opens"
is "$(tm_row 1)" " Новогодняя ёлка" "80x24: the title on the first row, after a 1-column margin"
is "$(tm_row 3)" " Первый абзац о празднике. В нём нет ничего особенного, кроме того, что он" "80x24: a line of 78 columns at most"
is "$(tm_row 4)" " достаточно длинный, чтобы занять несколько строк на экране шириной" "80x24: wrapped Cyrillic, no hanging preposition"
is "$(tm_row 5)" " в восемьдесят колонок." "80x24: the preposition went to the next line"
contains "$(tm_row 24)" "Новогодняя ёлка" "80x24: the status line shows the title"
contains "$(tm_row 24)" "%" "80x24: the status line shows the position"

tm_keys j; tm_settle
is "$(tm_row 1)" "" "j scrolls one row (the blank row under the title)"
is "$(tm_row 2)" " Первый абзац о празднике. В нём нет ничего особенного, кроме того, что он" "j: the paragraph moved up one row"
tm_keys k; tm_settle
is "$(tm_row 1)" " Новогодняя ёлка" "k scrolls back"
# A Russian layout: о is the key of j, л of k (the layout's places, as vim's langmap).
tm_keys -l о; tm_settle
is "$(tm_row 2)" " Первый абзац о празднике. В нём нет ничего особенного, кроме того, что он" "о (j on a Russian layout) scrolls down"
tm_keys -l л; tm_settle
is "$(tm_row 1)" " Новогодняя ёлка" "л (k on a Russian layout) scrolls back"
tm_keys Enter; tm_settle
is "$(tm_row 1)" "" "Enter scrolls one row too (the pager leaves ENTER to a line down)"
tm_keys k; tm_settle
tm_keys Space; tm_settle
lacks "$(tm_capture)" "Новогодняя ёлка
" "Space scrolls a screen"
tm_keys g; tm_settle
is "$(tm_row 1)" " Новогодняя ёлка" "g goes to the top"
tm_keys G; tm_settle
contains "$(tm_row 23)" "Последний абзац упоминает ЁЛКУ ещё раз." "G: the last line at the bottom"
contains "$(tm_row 24)" "END" "G: the status line says END"
tm_keys g; tm_settle

# Search: upper case, е for ё; finds "Ёлочка" (second paragraph) first.
tm_keys / ; tm_wait "/" 20
tm_keys "ЕЛОЧКА" Enter; tm_settle
contains "$(tm_capture)" "Ёлочка" "search ЕЛОЧКА finds Ёлочка"
contains "$(tm_row 24)" "/ЕЛОЧКА" "the status line shows the search"
tm_keys / ; tm_wait "/" 20
tm_keys "елку" Enter; tm_settle
is "$(tm_row 23)" " Последний абзац упоминает ЁЛКУ ещё раз." "search елку goes to ЁЛКУ at the end (last row, the end is clamped)"
tm_keys n; tm_settle
contains "$(tm_row 24)" "wrapped" "n wraps around with a message"
tm_keys / ; tm_wait "/" 20
tm_keys "несуществующее" Enter; tm_settle
contains "$(tm_row 24)" "Pattern not found: несуществующее" "a search that fails says so"

# Resize: the first visible word stays on the first row.
tm_keys g 4 j; tm_settle
first=$(tm_row 1 | awk '{print $1}')
tm_resize 50 20; tm_settle
contains "$(tm_row 1)" "$first" "resize to 50x20 keeps the first visible word ($first) on screen"
msg=$(tm_capture | "$top_builddir/tests/lib/check_dump" -s 50); ok $? "after resize every row fits 50 columns $msg"
tm_resize 80 24; tm_settle
contains "$(tm_row 1)" "$first" "resize back keeps it too"

tm_keys h; tm_settle
contains "$(tm_capture)" "search forward" "h shows the help (from the action table)"
tm_keys q; tm_settle
lacks "$(tm_capture)" "search forward" "q closes the help"
tm_keys q; tm_wait "EXITED 0"; ok $? "q quits with status 0"
lacks "$(tm_capture)" "Новогодняя" "the screen is restored after quitting"

# ---------------------------------------------------------------- 120x40
run 120 40 screen "'$doc'"
tm_wait "$first"; ok $? "120x40 (TERM=screen): the document opens where the reader left it"
contains "$(tm_row 1)" "$first" "the reading position was restored (first word: $first)"
tm_keys g; tm_settle
is "$(tm_row 1)" "          Новогодняя ёлка" "120x40: a 100-column reading column with 10-column margins"
msg=$(tm_capture | head -n 39 | "$top_builddir/tests/lib/check_dump" -s 110); ok $? "120x40: text rows end by column 110 $msg"
tm_keys / ; tm_wait "/" 20
tm_keys "ЁЛОЧКА" Enter; tm_settle
contains "$(tm_capture)" "Ёлочка" "120x40: search ЁЛОЧКА"
tm_keys q; tm_wait "EXITED 0"; ok $? "120x40: quits"

# ---------------------------------------------------------------- vt100
run 80 24 vt100 "'$doc'"
tm_wait "Новогодняя ёлка"; ok $? "TERM=vt100: the document opens (attributes only)"
tm_keys 5 0 %; tm_settle
lacks "$(tm_row 1)" "Новогодняя" "50% jumps into the middle"
tm_keys / ; tm_wait "/" 20
tm_keys "ёлочка" Enter; tm_settle
contains "$(tm_capture)" "Ёлочка" "vt100: search"
tm_keys q; tm_wait "EXITED 0"; ok $? "vt100: quits"

# ---------------------------------------------------------------- files
# A directory opens its library (tests/term/tmux-library.sh); Enter opens the
# first article, the others are the pager's files.
run 80 24 xterm-256color "'$CORPUS'"
tm_wait "Belarus Weekly"; tm_keys Enter
tm_wait "[1/5]"; ok $? "a directory opens its articles, the first of five"
tm_keys "]"; tm_wait "[2/5]"; ok $? "] opens the next file"
tm_keys "["; tm_wait "[1/5]"; ok $? "[ goes back"
tm_keys q; tm_wait "Library"; tm_keys q
tm_wait "EXITED 0"; ok $? "quits"

# Locale over SSH: no LANG/LC_ALL at all still shows Cyrillic.
tm_new_server
tm -u new-session -d -x 80 -y 24 -s t -n pane "env -u LC_ALL -u LANG TERM=xterm-256color HOME='$HOME' GLOSS_DB='$GLOSS_DB' $GLOSS '$doc'; echo EXITED \$?; sleep 30"
tm_wait "Новогодняя ёлка"; ok $? "with LANG and LC_ALL unset, Cyrillic is shown"
tm_keys q; tm_wait "EXITED 0"
tm_new_server
tm -u new-session -d -x 80 -y 24 -s t -n pane "env LC_ALL=C TERM=xterm-256color HOME='$HOME' GLOSS_DB='$GLOSS_DB' $GLOSS --ascii '$doc'; echo EXITED \$?; sleep 30"
tm_wait "Novogodnyaya yolka"; ok $? "--ascii transliterates"
tm_keys q; tm_wait "EXITED 0"

# The help wraps a description wider than the screen under its own column.
tm_start 100 50 xterm-256color "$GLOSS '$doc'"
tm_wait "Novogodn" 1 || tm_settle
tm_keys h; tm_settle
tm_keys G; tm_settle
contains "$(tm_capture)" "   y                      copy to the clipboard (OSC 52, or tmux's): the selection, or the link,
                          highlight or note at the caret" "a long description continues on the next row, aligned"
# / searches the help (case ignored), n goes on, wrapping around.
tm_keys g; tm_settle
lacks "$(tm_capture)" "export this document" "the export key is below the first screen of the help"
tm_keys /; tm_wait "/"; tm_keys -l "EXPORT THIS"; tm_keys Enter; tm_settle
contains "$(tm_capture)" "export this document's highlights to a Markdown file" "/ in the help scrolls to the line that matches"
tm_keys /; tm_keys -l "зззз"; tm_keys Enter; tm_settle
contains "$(tm_row 50)" "Not in the help: зззз" "a pattern the help lacks is said"
tm_kill

# Front matter: a header in its place (no document text), `i` shows it as written.
fm="$TEST_TMP/front.md"
printf -- "---\ndate: '2025-03-11T20:49:43Z'\ndraft: true\ntitle: 'Разметка Markdown'\nauthor: Иван Петров\ntags: [markdown, заметки]\n---\n\nТекст статьи.\n" >"$fm"
tm_start 80 12 xterm-256color "$GLOSS '$fm'"
tm_wait "Текст статьи"; ok $? "a file with front matter opens"
is "$(tm_row 1)" " Разметка Markdown" "front matter: the title first"
is "$(tm_row 2)" " Иван Петров · 2025-03-11" "front matter: author and date"
is "$(tm_row 3)" " #markdown #заметки" "front matter: the tags"
is "$(tm_row 5)" " Текст статьи." "front matter: then the text, not the raw block"
lacks "$(tm_capture)" "draft" "front matter: no raw key in the header"
tm_keys i; tm_wait "draft: true"; ok $? "i shows the front matter as written"
is "$(tm_row 1)" " ---" "i: the opening fence"
is "$(tm_row 4)" " title: 'Разметка Markdown'" "i: a line as written"
is "$(tm_row 9)" " Текст статьи." "i: the text after it"
tm_keys i; tm_settle
is "$(tm_row 2)" " Иван Петров · 2025-03-11" "i again: the header"
tm_kill

# Messages: never cut inside a word, = as less shows it, ^T shows them in full.
BW="$CORPUS/belarusian-ukrainian-relations-brink-of-war.md"
tm_start 60 20 xterm-256color "$GLOSS '$BW'"
tm_wait "Belarus"; tm_settle
tm_keys =; tm_settle
is "$(tm_row 20)" " …ns-brink-of-war.md  lines 5-22/105  byte 421/17669  2% 2%" \
	"= at 60 columns: the path shortened from the left, lines, byte offset and percent"
tm_keys v; tm_settle
is "$(tm_row 20)" " Selection: move with w b e h l j k ( ) { }, s…  SELECT  2%" \
	"a long message at 60 columns is cut between words"
tm_keys Escape C-t; tm_wait "Messages (the newest last)"
ok $? "^T opens the messages"
contains "$(tm_capture | tr -d '│' | tr '\n' ' ' | tr -s ' ')" "lines 5-22/105 byte 421/17669 2%" "^T shows the = message in full"
contains "$(tm_capture | tr -d '│' | tr '\n' ' ' | tr -s ' ')" "H highlights, Esc cancels" \
	"and the selection hint in full, after it"
tm_keys q; tm_settle
lacks "$(tm_capture)" "Messages (the newest last)" "q closes them"
tm_kill
tm_start 100 20 xterm-256color "$GLOSS '$BW'"
tm_wait "Belarus"; tm_settle
tm_keys =; tm_settle
row=$(tm_row 20)
shown=${row# …/}
shown=${shown%%  lines*}
case "/$BW" in	# the path as it fits: whole, or whole directories left off
*/"${shown# }") ok 0 "= at 100 columns: whole directories left off the path (${shown# })" ;;
*) ok 1 "= at 100 columns: whole directories left off the path"; echo "#   got: $row" ;;
esac
contains "$row" "belarusian-ukrainian-relations-brink-of-war.md  lines 5-22/105  byte 590/17669  3%" \
	"= at 100 columns: the file, the lines on screen, the byte and the percent"
tm_kill

# A table: columns, the header's rule, a wide cell wrapped in its column, ASCII on vt100.
tb="$TEST_TMP/table.md"
printf 'Intro.\n\n| Имя | Описание | N |\n|:---|:---|--:|\n| Василий | Длинное описание, которое не помещается в одну строку на узком экране | 27 |\n| Ян | Коротко | 3 |\n\nafter\n' >"$tb"
tm_start 50 14 xterm-256color "$GLOSS '$tb'"
tm_wait "after"; ok $? "a table opens"
is "$(tm_capture | sed -n 3,8p)" " Имя     │ Описание                          │  N
 ────────┼───────────────────────────────────┼───
 Василий │ Длинное описание, которое         │ 27
         │ не помещается в одну строку       │
         │ на узком экране                   │
 Ян      │ Коротко                           │  3" "table: aligned columns, rule, wrapped cell"
tm_keys / ; tm_wait "/" 20
tm_keys "помещается" Enter; tm_settle
is "$(tm_row 6)" "         │ не помещается в одну строку       │" "table: a search in a wrapped cell keeps the grid"
tm_kill
tm_start 50 14 vt100 "$GLOSS --ascii '$tb'"
tm_wait "after"; ok $? "a table opens with --ascii"
is "$(tm_capture | sed -n 3,4p)" " Imya    | Opisanie                          |  N
 --------+-----------------------------------+---" "table with --ascii: ASCII borders"
tm_kill

done_testing
