#!/bin/sh
# SPDX-License-Identifier: ISC
# SPDX-FileCopyrightText: 2026 the gloss authors
# commonmark.sh — the CommonMark and GFM spec examples (tests/lib/commonmark.py).
exec python3 "${top_srcdir:-.}/tests/lib/commonmark.py" "${top_builddir:-.}/tests/lib/md_spec" "${top_srcdir:-.}"
