#!/bin/sh
# SPDX-License-Identifier: ISC
# SPDX-FileCopyrightText: 2026 the gloss authors
# typography.sh — `gloss dump` at every width from 17 to 100 of the corpus,
# the ru/uk/be pages and a text full of numbers, units, initials and short
# words, checked from outside against the typographic rules
# (tests/lib/typography.py: one-letter words, particles, numbers and their
# units, names after abbreviations and initials, a sentence's short last
# word, closing punctuation); the same rules must catch a plain greedy wrap.
. "${top_srcdir:-.}/tests/lib/lib.sh"

command -v python3 >/dev/null 2>&1 || skip_all "python3 not found"
python3 "$top_srcdir/tests/lib/typography.py" "$GLOSS" 17 100 \
	"$top_srcdir"/tests/data/typography/*.txt "$CORPUS"/*.txt "$CORPUS"/*.md \
	"$top_srcdir"/tests/data/pages/be-*.txt "$top_srcdir"/tests/data/pages/ru-*.txt \
	"$top_srcdir"/tests/data/pages/uk-*.txt
