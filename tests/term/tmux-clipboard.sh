#!/bin/sh
# SPDX-License-Identifier: ISC
# SPDX-FileCopyrightText: 2026 the gloss authors
# tmux-clipboard.sh — y inside tmux with tmux's default settings (no
# allow-passthrough): the text reaches tmux's paste buffer through
# `tmux load-buffer -w -`, and the status line says so.
. "${top_srcdir:-.}/tests/lib/lib.sh"
need_tmux

D="$TEST_TMP/doc.txt"
printf 'Alpha beta gamma.\n\nНовы абзац па-беларуску.\n' >"$D"
tm_start 100 8 xterm-256color "$GLOSS $D"
tm_wait "абзац"
tm_keys w; tm_settle; tm_keys v e; tm_settle; tm_keys y
tm_wait "Copied"
contains "$(tm_row 8)" "Copied the passage with its source to tmux's buffer and clipboard" "y inside tmux: the status line says where the text went"
is "$(tm show-buffer)" "“beta” — Alpha beta gamma. ($D)" "tmux's buffer holds the passage and its source"
tm_keys Escape; tm_settle; tm_keys /абзац Enter; tm_settle; tm_keys v e; tm_settle; tm_keys y
tm_wait "Copied the passage"; tm_settle
is "$(tm show-buffer)" "“абзац” — Alpha beta gamma. ($D)" "a Cyrillic passage, the newest buffer"
tm_kill

done_testing
