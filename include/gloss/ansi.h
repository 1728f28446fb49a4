/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * ansi — the loader of terminal output: text that a program formatted for a
 * terminal, as man(1) sends it to its pager (nroff's backspace overstrike)
 * or as `ls`, `grep`, `git` write it with --color (SGR escape sequences).
 *
 * It claims standard input ("-": what a program pipes in) when its first
 * 64 KiB hold an overstrike (a character, a backspace, a character) or an
 * SGR sequence (ESC [ digits ; ... m); a file on disk is never claimed and
 * shows its escapes as visible symbols, as every document does.  So
 * that `man ls` with MANPAGER=gloss and `git log --color | gloss` read as
 * they would in less -R, and never reach the terminal as escapes:
 *
 *   - "c BS c" is c in bold, "_ BS c" (or "c BS _") c underlined, any other
 *     "a BS b" is b (what a typewriter's second stroke leaves);
 *   - SGR bold (1), italic (3) and underline (4) become strong, emphasis and
 *     underline spans, a foreground colour (30-37, 90-97, 38;5;N, 38;2;R;G;B) a colour
 *     span of the nearest of the eight basic colours (DOC_SPAN_FG + 0..7),
 *     and 0, 22, 23, 24, 39 end them (overstrike gives strong and underline); background colours and the other
 *     attributes are dropped, as is EL (ESC [ K), which grep and gcc send
 *     after each colour;
 *   - every other control byte and escape sequence is kept as text, and the
 *     pager shows it as a visible symbol, as for any document.
 *
 * Lines are kept as the program laid them out (a man page's indented
 * options, a table): each line is a block without a blank row after it
 * (DOC_BLOCK_TIGHT), blank lines become one blank row, and a line wider
 * than the screen is wrapped.  Chunks end after a blank line (else after a
 * line), so every chunk can be parsed first; the SGR state starts afresh at
 * each chunk.
 */
#ifndef GLOSS_ANSI_H
#define GLOSS_ANSI_H

#include "gloss/gloss.h"
#include "gloss/doc_build.h"

extern const struct doc_loader ansi_loader;

/* Whether src[0..n) looks like terminal output (see above); looks at most 64 KiB. */
bool ansi_claims(const char *path, const char *src, uint64_t n);

#endif
