/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * draft — note and tag edits that were not saved yet, kept in small files
 * apart from the annotation database, so that a database that cannot be
 * written (locked, full, damaged, read-only) never loses what was typed.
 *
 * Where.  One file per annotation and kind, named after the database
 * (a hash of its path) and the annotation id, in the first of these
 * directories where it can be written: $XDG_STATE_HOME/gloss/drafts
 * (else ~/.local/state/gloss/drafts), $XDG_RUNTIME_DIR/gloss/drafts,
 * ${TMPDIR:-/tmp}/gloss-drafts-UID (the last two are usually in memory, so
 * they hold a draft when the disk is full, until the next reboot).  A
 * draft is written whole to a temporary file and renamed, so a crash
 * leaves the old draft or the new one.  Reading looks in every directory.
 *
 * Memory: draft_get() returns a new string (caller frees).
 */
#ifndef GLOSS_DRAFT_H
#define GLOSS_DRAFT_H

#include "gloss/gloss.h"
#include "gloss/error.h"

enum draft_kind {
	DRAFT_NOTE,	/* the text of the note editor */
	DRAFT_TAGS,	/* the tags prompt's line */
};

/* Keeps text as the draft; *where (if not NULL) gets the directory used (static storage). */
enum gloss_status draft_save(const char *db_path, int64_t id, enum draft_kind kind, const char *text,
    const char **where);
/* The draft, or NULL if there is none. */
char *draft_get(const char *db_path, int64_t id, enum draft_kind kind);
/* Forgets the draft (in every directory). */
void draft_drop(const char *db_path, int64_t id, enum draft_kind kind);

#endif
