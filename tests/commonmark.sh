#!/bin/sh
# commonmark.sh — the CommonMark and GFM spec examples (tests/commonmark.py).
exec python3 "${top_srcdir:-.}/tests/commonmark.py" "${top_builddir:-.}/tests/md_spec" "${top_srcdir:-.}"
