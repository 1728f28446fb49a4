#!/bin/sh
# SPDX-License-Identifier: ISC
# SPDX-FileCopyrightText: 2026 the gloss authors
# tmux-tags.sh — Tab in the tags prompt: several candidates extend the tag
# as far as they agree and are listed above the prompt; one completes it.
. "${top_srcdir:-.}/tests/lib/lib.sh"
need_tmux

D="$TEST_TMP/doc.txt"
printf 'Первое предложение. Второе предложение.\n\nТретий абзац.\n' >"$D"
"$GLOSS" annotate "$D" --quote "Третий" --tag история --tag истина --tag дети >/dev/null
ok $? "three tags in use"
sql() { sqlite3 "$GLOSS_DB" "$1"; }

tm_start 80 10 xterm-256color "$GLOSS $D"
tm_wait "Третий"; tm_settle
tm_keys v e H; tm_wait "Highlighted"
tm_keys t; tm_wait "Tags" 20
tm_keys -l "ис"; tm_keys Tab; tm_settle
is "$(tm_row 9)" "2 tags: истина, история" "two candidates: listed on the row above the prompt"
contains "$(tm_row 10)" "ист" "and the tag extended as far as they agree"
tm_keys -l "о"; tm_keys Tab; tm_settle
contains "$(tm_row 10)" "Tab completes): история," "one candidate: completed (with the comma for the next)"
tm_keys -l "жу"; tm_keys Tab; tm_settle
is "$(tm_row 9)" "No tag begins so" "none: said"
tm_keys -l "рнал"; tm_keys Enter; tm_settle
is "$(sql "select group_concat(t.name, ',') from annotation_tags x join tags t on t.id = x.tag_id where x.annotation_id = 2 order by t.name")" "история,журнал" "the tags as completed and typed are stored"
tm_kill

done_testing
