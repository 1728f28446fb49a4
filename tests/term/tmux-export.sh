#!/bin/sh
# SPDX-License-Identifier: ISC
# SPDX-FileCopyrightText: 2026 the gloss authors
# tmux-export.sh — the reader's export key: E proposes
# $GLOSS_EXPORT_DIR/<stem>-notes.md, writes the document's highlights as
# Markdown (the same as gloss export FILE) and reports the path; an existing
# file is replaced only after y.
. "${top_srcdir:-.}/tests/lib/lib.sh"
need_tmux

doc="$TEST_TMP/article.txt"
printf '%s\n\n' "Title of the article" "The border runs through forests and marshes." \
	"Лукашенко заявил, что всё решится ещё до осени." >"$doc"
"$GLOSS" annotate "$doc" --quote "forests and marshes" --tag geography >/dev/null
"$GLOSS" annotate "$doc" --quote "всё решится" --note "Прогноз." >/dev/null
X="$TEST_TMP/exports"
mkdir -p "$X"

tm_start 100 20 xterm-256color "GLOSS_EXPORT_DIR='$X' $GLOSS '$doc'; echo EXITED \$?"
tm_wait "Title of the article"; ok $? "the document opens"
tm_keys E; tm_wait "Export to: $X/article-notes.md"; ok $? "E proposes GLOSS_EXPORT_DIR/<stem>-notes.md"
tm_keys Enter; tm_wait "Exported 2 highlights to $X/article-notes.md"
ok $? "Enter exports and the status line names the file"
"$GLOSS" export "$doc" --no-timestamp >"$TEST_TMP/cli.md"
grep -v '^exported: ' "$X/article-notes.md" >"$TEST_TMP/key.md"
same_file "$TEST_TMP/key.md" "$TEST_TMP/cli.md" "the file is gloss export FILE (apart from the timestamp)"
grep -q '^exported: "' "$X/article-notes.md"; ok $? "the reader's export carries its timestamp"

printf 'mine\n' >"$X/article-notes.md"
tm_keys E; tm_wait "Export to:"; tm_keys Enter
tm_wait "Replace $X/article-notes.md? (y/n)"; ok $? "an existing file: the reader asks before replacing it"
tm_keys n; tm_wait "Not exported"; ok $? "n keeps it (one key, no Enter)"
is "$(cat "$X/article-notes.md")" "mine" "the file is untouched"
tm_keys E; tm_wait "Export to:"; tm_keys Enter; tm_wait "(y/n)"; tm_keys y
tm_wait "Exported 2 highlights"; ok $? "y replaces it (one key)"
grep -v '^exported: ' "$X/article-notes.md" >"$TEST_TMP/key.md"
same_file "$TEST_TMP/key.md" "$TEST_TMP/cli.md" "the replaced file is the export"
# A path typed with ~ is under the home directory; н (the y key on a Russian layout) is yes.
tm_keys E; tm_wait "Export to:"; tm_keys C-u; tm_keys -l "~/mine.md"; tm_keys Enter
tm_wait "Exported 2 highlights to $HOME/mine.md"; ok $? "~/ is the home directory"
test -f "$HOME/mine.md"; ok $? "the file is there"
tm_keys E; tm_wait "Export to:"; tm_keys C-u; tm_keys -l '$HOME/mine.md'; tm_keys Enter
tm_wait "Replace $HOME/mine.md? (y/n)"; ok $? "\$HOME/ too, and the file exists"
tm_keys -l "н"; tm_wait "Exported 2 highlights to $HOME/mine.md"; ok $? "н is y on a Russian layout"
tm_keys q; tm_wait "EXITED 0"; ok $? "gloss quits cleanly"
is "$(ls "$X")" "article-notes.md" "nothing else is left in the directory"

done_testing
