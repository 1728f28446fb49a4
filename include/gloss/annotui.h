/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * annotui — editing one annotation from any view: its note in the note
 * editor (with drafts kept in the store, so a dropped SSH connection loses
 * nothing), its tags through a prompt with completion, its colour.  Each
 * change is one store call; results and errors go to the status line.
 */
#ifndef GLOSS_ANNOTUI_H
#define GLOSS_ANNOTUI_H

#include "gloss/gloss.h"
#include "gloss/store.h"

/* Opens the note editor on annotation id (restoring an unsaved draft if there is one). */
void annotui_edit_note(struct store *st, int64_t id);
/* Edits the tags of annotation id (comma-separated; Tab completes from the tags in use). */
void annotui_edit_tags(struct store *st, int64_t id);
/* Sets the colour of annotation id: colour N for a count 1..7, else the next colour. */
void annotui_recolor(struct store *st, int64_t id, int count);
/* The first line of s, at most max bytes (on a character boundary), newlines as spaces. */
void annotui_excerpt(const char *s, size_t max, struct strbuf *out);

#endif
