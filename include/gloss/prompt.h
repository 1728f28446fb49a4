/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * prompt — a one-line editor on the status line, for search patterns and
 * other short input.  Input is read with get_wch, so Cyrillic typed on any
 * keyboard layout arrives as characters; editing moves and deletes whole
 * grapheme clusters (a letter with its stress mark is one step).
 *
 * Keys: Left/Right, Home/^A, End/^E, BS/^H, Del/^D, ^U (to start), ^K (to
 * end), ^W (word), Tab (completion, when offered), Enter accepts, Esc/^C/^G
 * cancel.
 */
#ifndef GLOSS_PROMPT_H
#define GLOSS_PROMPT_H

#include "gloss/gloss.h"
#include "gloss/strbuf.h"

/*
 * Completion: given the text before the cursor, appends to `out` the text
 * that should replace it (nothing to leave it), and to `hint` what to show
 * on the row above the prompt (the candidates when there are several).
 */
typedef void (*prompt_complete_fn)(void *arg, const char *text, struct strbuf *out, struct strbuf *hint);

struct prompt_opts {
	const char *label;		/* shown before the text, e.g. "/" */
	const char *initial;		/* initial text, or NULL */
	prompt_complete_fn complete;	/* or NULL */
	/* Called with the text after an edit, once no more keys are waiting (incremental search); or NULL. */
	void (*changed)(void *arg, const char *text);
	void *arg;			/* for complete and changed */
};

/* Reads a line into out (replacing its contents); false if cancelled. */
bool prompt_read(const struct prompt_opts *o, struct strbuf *out);
/*
 * Asks a yes/no question on the status line and reads one key: true for
 * y or Y (or н/Н, the same key on a Cyrillic layout); any other key is no.
 */
bool prompt_yes(const char *question);
struct key;
/* Shows question on the status line and reads one key into k (m and ' read their letter so). */
void prompt_key(const char *question, struct key *k);
/* path with a leading ~ or ~/, $HOME or ${HOME} made the home directory (a new string). */
char *prompt_expand_path(const char *path);

#endif
