/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * pager_marks — marks, as less and vim have them: m then a letter marks
 * the place on screen (and the caret, when shown), ' then the letter goes
 * back to it, '' goes back to where the reader was before the last jump.
 *
 * A mark is two offsets of the document text (the first character on
 * screen, the caret), so it survives a re-layout at any width; marks are
 * kept per document in the store (annot_mark_set: the one write path,
 * queued while another program holds the lock, so a key never waits).
 * The document's marks are read when first needed and kept here; when the
 * file changed, re-anchoring moves them with their text (annot.c), and
 * they are read again.
 */
#include "gloss/gloss.h"

#include "pager_int.h"
#include "gloss/error.h"
#include "gloss/keymap.h"
#include "gloss/prompt.h"
#include "gloss/strbuf.h"
#include "gloss/xmalloc.h"

struct pager_marks {
	bool loaded;		/* read from the store for this document */
	bool reanchored;	/* after the changed file's marks were moved to their text */
	struct store_mark m[STORE_MARKS];
};

/* The document's marks, read again once a changed file's marks followed their text. */
static struct pager_marks *
marks(struct pager *p)
{
	struct pager_marks *ms;
	struct annot_doc *ad = pager_annot_doc(p);

	if (p->marks == NULL)
		p->marks = xcalloc(1, sizeof *p->marks);
	ms = p->marks;
	if (ad != NULL && (!ms->loaded || (!ms->reanchored && annot_reanchored(ad)))) {
		ms->reanchored = annot_reanchored(ad);
		ms->loaded = annot_marks_get(ad, ms->m) == GLOSS_OK;
	}
	return ms;
}

void
pager_marks_reset(struct pager *p)
{
	if (p->marks)
		memset(p->marks, 0, sizeof *p->marks);
}

void
pager_marks_free(struct pager *p)
{
	free(p->marks);
	p->marks = NULL;
}

/*
 * Asks for the mark's letter; the letter ('a'..'z'), '\'' if allowed, or 0
 * (cancelled, or not a letter: said so).  A Cyrillic letter is the one at
 * its place on a US keyboard (keymap_us_key), as for every other key.
 */
static char
read_name(const char *question, bool quote)
{
	struct key k;
	uint32_t c;

	prompt_key(question, &k);
	c = k.code;
	if (!k.fn && c >= 0x400 && !keymap_us_key(c, &c))
		c = k.code;
	if (k.fn || c == 0x1B || c == 0x03 || c == 0x07)
		return 0;	/* Esc, ^C, ^G: cancelled */
	if ((c >= 'a' && c <= 'z') || (quote && c == '\''))
		return (char)c;
	view_message("Marks are the letters a to z");
	return 0;
}

/* m{a-z}: the first character on screen, and the caret when it is shown. */
static void
set_mark(struct pager *p, struct view *v)
{
	struct store_mark m = { .set = true };
	uint64_t z;
	struct caret c;
	enum gloss_status rc;
	char name = read_name("Mark: a-z", false);

	if (name == 0)
		return;
	if (!pager_screen_range(p, v, &m.position, &z)) {
		view_message("Nothing to mark yet (the document is still being measured)");
		return;
	}
	m.has_caret = pager_caret_shown(p, &c) && pager_caret_offset(p, c, &m.caret);
	if (!pager_annot_store_ready(p)) {
		view_message("Mark %c is kept until gloss quits (no database to keep it in)", name);
		marks(p)->m[name - 'a'] = m;
		return;
	}
	marks(p)->m[name - 'a'] = m;
	rc = annot_mark_set(pager_annot_doc(p), name, &m);
	if (rc == GLOSS_OK)
		view_message("Mark %c set", name);
	else
		view_message("%s", error_last(rc));
}

/* Goes to mark m: its place at the top, the caret where it was. */
static void
go_mark(struct pager *p, struct view *v, const struct store_mark *m)
{
	struct doc_loc loc;
	uint32_t in;

	pager_side_jump_push(p);
	if (!pager_go_offset(p, v, m->position, false)) {
		pager_annot_go_later(p, m->position);	/* once the document is measured that far */
		return;
	}
	if (m->has_caret && doc_locate(p->doc, m->caret, &loc, &in)) {
		pager_fold_reveal(p, v, loc);
		pager_caret_set(p, (struct caret){ loc, in });
	}
	pager_caret_follow(p, v);
}

/* '': the place before the last jump (which becomes a jump itself, so '' '' comes back). */
static void
go_back(struct pager *p, struct view *v)
{
	struct place pl;

	if (!pager_side_jump_last(p, &pl)) {
		view_message("No jump to go back to yet");
		return;
	}
	pager_side_jump_push(p);
	if (!pager_go_place(p, v, pl))
		view_message("That place is gone");
}

/* '{a-z}: "Go to mark: a b f (' back)", the set marks listed. */
static void
goto_mark(struct pager *p, struct view *v)
{
	struct pager_marks *ms = marks(p);
	struct strbuf q = STRBUF_INIT;
	size_t n = 0;
	char name;

	strbuf_adds(&q, "Go to mark:");
	for (int i = 0; i < STORE_MARKS; i++)
		if (ms->m[i].set && ++n)
			strbuf_addf(&q, " %c", 'a' + i);
	strbuf_adds(&q, n ? " (' back)" : " none set yet (' back)");
	name = read_name(strbuf_str(&q), true);
	strbuf_done(&q);
	if (name == '\'')
		go_back(p, v);
	else if (name != 0 && !ms->m[name - 'a'].set)
		view_message("Mark %c is not set (m%c sets it)", name, name);
	else if (name != 0)
		go_mark(p, v, &ms->m[name - 'a']);
}

static enum view_result
set_request(struct pager *p, struct view *v, enum action a, int count)
{
	set_mark(p, v);
	return VIEW_HANDLED;
}

static enum view_result
go_request(struct pager *p, struct view *v, enum action a, int count)
{
	goto_mark(p, v);
	return VIEW_HANDLED;
}

static const struct pager_request rows[] = {
	{ ACTION_MARK_SET, set_request },
	{ ACTION_MARK_GO, go_request },
};

const struct pager_requests pager_marks_requests = { rows, GLOSS_ARRAY_SIZE(rows) };
