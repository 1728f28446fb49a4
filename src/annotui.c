/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * annotui — the note, tags and colour of one annotation, edited from the
 * pager or a list (see include/gloss/annotui.h).
 */
#include "gloss/gloss.h"

#include "gloss/annot.h"
#include "gloss/annotui.h"
#include "gloss/draft.h"
#include "gloss/editor.h"
#include "gloss/fold.h"
#include "gloss/glyph.h"
#include "gloss/options.h"
#include "gloss/prompt.h"
#include "gloss/text.h"
#include "gloss/view.h"
#include "gloss/xmalloc.h"

#define NOTE_EDITOR_ROWS 10

/* ------------------------------------------------------------------ */
/* Notes */

struct draft_ctx {
	struct store *st;
	int64_t id;
	const char *where;	/* the directory of the last draft, or NULL if none could be written */
	bool queued;		/* saved into the queue: the draft stays until it is stored */
};

/*
 * Keeps what is being typed in a draft file, apart from the database (so
 * that a locked, full or damaged database loses nothing); NULL: the note
 * was saved or dropped.
 */
static void
keep_draft(void *arg, const char *text)
{
	struct draft_ctx *d = arg;

	if (text == NULL && d->queued)
		return;		/* annot_queue drops it once the note is stored */
	if (text == NULL) {
		draft_drop(store_path(d->st), d->id, DRAFT_NOTE);
		store_draft_drop(d->st, d->id);		/* one kept by an older gloss */
	} else if (draft_save(store_path(d->st), d->id, DRAFT_NOTE, text, &d->where) != GLOSS_OK) {
		d->where = NULL;
	}
}

/* A short reason for the editor's border, from a store error. */
static const char *
short_reason(struct store *st, enum gloss_status rc)
{
	switch (rc) {
	case GLOSS_EREADONLY:
		return store_readonly_reason(st) ? store_readonly_reason(st) : "the database is read-only";
	case GLOSS_EFULL: return "the disk is full";
	case GLOSS_EBUSY: return "the database is locked by another program";
	case GLOSS_ECORRUPT: return "the database is damaged";
	default: return "the database cannot be written";
	}
}

/* The editor's save: the note is stored, or stays in the editor with the reason. */
static bool
save_note(void *arg, const char *text, char *why, size_t n)
{
	struct draft_ctx *d = arg;
	enum gloss_status rc = annot_set_note(d->st, d->id, text);

	if (rc == GLOSS_OK)
		return true;
	if (rc == GLOSS_EQUEUED) {	/* locked: it waits in order, and as a draft */
		keep_draft(d, text);
		d->queued = true;
		return true;
	}
	view_message("%s", error_last(rc));	/* the whole message, once the editor is closed */
	keep_draft(d, text);
	snprintf(why, n, "Not saved: %s. Kept %s; Esc tries again, ^C drops it", short_reason(d->st, rc),
	    d->where ? "here and as a draft" : "here only (no draft could be written)");
	return false;
}

void
annotui_excerpt(const char *s, size_t max, struct strbuf *out)
{
	size_t n = strlen(s), i = 0;

	while (i < n && i < max) {
		int len = text_cplen(s + i, n - i);

		if (i + (size_t)len > max)
			break;
		if (s[i] == '\n')
			strbuf_addc(out, ' ');
		else
			strbuf_add(out, s + i, (size_t)len);
		i += (size_t)len;
	}
	if (i < n)
		strbuf_adds(out, "…");
}

/* A draft of the note typed before (a file, else one an older gloss kept in the store). */
static char *
note_draft(struct store *st, int64_t id)
{
	char *draft = draft_get(store_path(st), id, DRAFT_NOTE);

	if (draft == NULL && store_draft_get(st, id, &draft) != GLOSS_OK)
		draft = NULL;
	return draft;
}

void
annotui_edit_note(struct store *st, int64_t id)
{
	struct store_annotation a;
	struct draft_ctx ctx = { .st = st, .id = id };
	struct editor_opts o = { .draft = keep_draft, .save = save_note, .arg = &ctx,
	    .rows = NOTE_EDITOR_ROWS };
	struct strbuf title = STRBUF_INIT, text = STRBUF_INIT;
	char *draft;
	enum gloss_status rc;

	if (store_readonly(st) && !store_readonly_transient(st)) {
		view_message("Notes cannot be written: %s", store_readonly_reason(st));
		return;
	}
	if ((rc = store_get(st, id, &a)) != GLOSS_OK) {
		view_message("%s", error_last(rc));
		return;
	}
	strbuf_adds(&title, "Note on “");
	annotui_excerpt(a.quote, 40, &title);
	strbuf_adds(&title, "” — Esc saves, ^C cancels, ^O opens $EDITOR");
	o.title = strbuf_str(&title);
	o.initial = a.note;
	if ((draft = note_draft(st, id)) != NULL && strcmp(draft, a.note) != 0)
		o.initial = draft;	/* typed before a disconnection or a failed save: not lost */
	switch (editor_run(&o, &text)) {
	case EDITOR_SAVED:
		view_message("%s", ctx.queued ? "Note kept: the database is locked by another program; "
		    "it is saved as soon as it is free" : "Note saved");
		break;
	case EDITOR_CANCELLED:
		view_message("Note unchanged");
		break;
	case EDITOR_HANGUP:
		break;		/* the draft is kept */
	}
	free(draft);
	strbuf_done(&title);
	strbuf_done(&text);
	store_annotation_done(&a);
}

/* ------------------------------------------------------------------ */
/* Tags */

/* The length of the longest common prefix of a and b, in whole UTF-8 characters. */
static size_t
common_prefix(const char *a, const char *b)
{
	size_t n = 0;

	while (a[n] && a[n] == b[n])
		n++;
	while (n > 0 && ((unsigned char)a[n] & 0xC0) == 0x80)
		n--;	/* not inside a character */
	return n;
}

/* "3 tags: a, b, c" for the candidates, each shown safely. */
static void
say_candidates(struct strbuf *sb, struct store_tag *tags, const bool *match, size_t n, size_t found)
{
	size_t listed = 0;

	strbuf_addf(sb, "%zu tags: ", found);
	for (size_t i = 0; i < n; i++) {
		if (!match[i])
			continue;
		if (listed++)
			strbuf_adds(sb, ", ");
		glyph_append_safe(sb, tags[i].name, strlen(tags[i].name), opt_glyphs);
	}
}

/*
 * Tab completion of the last comma-separated tag against the tags in use:
 * one candidate completes it; several extend it as far as they agree (when
 * they agree past what is typed) and are listed on the status line.
 */
static void
complete_tag(void *arg, const char *text, struct strbuf *out, struct strbuf *hint)
{
	struct store *st = arg;
	const char *frag = strrchr(text, ',');
	struct strbuf key = STRBUF_INIT, tk = STRBUF_INIT;
	struct store_tag *tags;
	size_t n, found = 0, common = 0;
	const char *first = NULL;
	bool *match;

	frag = frag ? frag + 1 : text;
	while (*frag == ' ')
		frag++;
	if (*frag == '\0' || store_tags(st, &tags, &n) != GLOSS_OK)
		return;
	match = xcalloc(n + 1, sizeof *match);
	fold_key(frag, strlen(frag), &key);
	for (size_t i = 0; i < n; i++) {
		strbuf_reset(&tk);
		fold_key(tags[i].name, strlen(tags[i].name), &tk);
		if (tk.len >= key.len && memcmp(strbuf_str(&tk), strbuf_str(&key), key.len) == 0) {
			match[i] = true;
			size_t c = first ? common_prefix(first, tags[i].name) : strlen(tags[i].name);

			common = first == NULL || c < common ? c : common;
			first = first ? first : tags[i].name;
			found++;
		}
	}
	if (found == 1) {		/* the whole line with the fragment completed */
		strbuf_add(out, text, (size_t)(frag - text));
		strbuf_adds(out, first);
		strbuf_adds(out, ", ");
	} else if (found == 0) {
		strbuf_adds(hint, "No tag begins so");
	} else {
		if (common > strlen(frag)) {	/* as far as the candidates agree */
			strbuf_add(out, text, (size_t)(frag - text));
			strbuf_add(out, first, common);
		}
		say_candidates(hint, tags, match, n, found);
	}
	free(match);
	strbuf_done(&key);
	strbuf_done(&tk);
	store_tags_free(tags, n);
}

/* Splits "a, b ,c" into tags (new strings in *v). */
static size_t
split_tags(const char *s, char ***v)
{
	size_t n = 0;

	*v = NULL;
	while (*s) {
		size_t len = strcspn(s, ",");
		size_t a = 0, z = len;

		while (a < z && s[a] == ' ')
			a++;
		while (z > a && s[z - 1] == ' ')
			z--;
		if (z > a) {
			*v = xreallocarray(*v, n + 1, sizeof **v);
			(*v)[n++] = xstrndup(s + a, z - a);
		}
		s += len + (s[len] == ',');
	}
	return n;
}

static bool
same_tag(const char *x, const char *y)
{
	char *xn, *xk, *yn, *yk;
	bool same = false;

	if (store_tag_normalize(x, &xn, &xk) != GLOSS_OK)
		return false;
	if (store_tag_normalize(y, &yn, &yk) == GLOSS_OK) {
		same = strcmp(xk, yk) == 0;
		free(yn);
		free(yk);
	}
	free(xn);
	free(xk);
	return same;
}

/* Tags of `have` missing from `want` (compared by the store's normal form); *out is new. */
static size_t
missing(char **have, size_t nh, char **want, size_t nw, const char ***out)
{
	size_t n = 0;

	*out = xcalloc(nh ? nh : 1, sizeof **out);
	for (size_t i = 0; i < nh; i++) {
		bool found = false;

		for (size_t j = 0; j < nw && !found; j++)
			found = same_tag(have[i], want[j]);
		if (!found)
			(*out)[n++] = have[i];
	}
	return n;
}

static enum gloss_status
apply_tags(struct store *st, int64_t id, const struct store_annotation *a, const char *input)
{
	char **want;
	const char **add, **del;
	size_t nw = split_tags(input, &want);
	size_t na = missing(want, nw, a->tags, a->ntags, &add);
	size_t nd = missing(a->tags, a->ntags, want, nw, &del);
	enum gloss_status rc = na || nd ? annot_set_tags(st, id, add, na, del, nd) : GLOSS_OK;

	for (size_t i = 0; i < nw; i++)
		free(want[i]);
	free(want);
	free(add);
	free(del);
	return rc;
}

void
annotui_edit_tags(struct store *st, int64_t id)
{
	struct store_annotation a;
	struct prompt_opts o = { .label = "Tags (comma-separated, Tab completes): ",
	    .complete = complete_tag, .arg = st };
	struct strbuf text = STRBUF_INIT, init = STRBUF_INIT;
	char *draft;
	enum gloss_status rc;

	if ((rc = store_get(st, id, &a)) != GLOSS_OK) {
		view_message("%s", error_last(rc));
		return;
	}
	for (size_t i = 0; i < a.ntags; i++)
		strbuf_addf(&init, "%s%s", i ? ", " : "", a.tags[i]);
	o.initial = strbuf_str(&init);
	if ((draft = draft_get(store_path(st), id, DRAFT_TAGS)) != NULL)
		o.initial = draft;	/* typed before but not saved */
	if (prompt_read(&o, &text)) {
		rc = apply_tags(st, id, &a, strbuf_str(&text));
		if (rc == GLOSS_OK)
			draft_drop(store_path(st), id, DRAFT_TAGS);
		else if (rc != GLOSS_EUSAGE && draft_save(store_path(st), id, DRAFT_TAGS,
		    strbuf_str(&text), NULL) == GLOSS_OK)
			rc = error_set(rc, "Tags not saved (%s); t brings them back", short_reason(st, rc));
		view_message("%s", rc == GLOSS_OK ? "Tags saved" : error_last(rc));
	}
	free(draft);
	strbuf_done(&text);
	strbuf_done(&init);
	store_annotation_done(&a);
}

/* ------------------------------------------------------------------ */
/* Colours */

void
annotui_recolor(struct store *st, int64_t id, int count)
{
	struct store_annotation a;
	enum gloss_status rc;
	int c;

	if ((rc = store_get(st, id, &a)) != GLOSS_OK) {
		view_message("%s", error_last(rc));
		return;
	}
	c = count >= 1 && count <= STORE_COLOR_COUNT ? count - 1 :
	    ((int)a.color + 1) % STORE_COLOR_COUNT;
	rc = annot_set_color(st, id, (enum store_color)c);
	view_message("%s", rc == GLOSS_OK ? store_color_name((enum store_color)c) : error_last(rc));
	store_annotation_done(&a);
}
