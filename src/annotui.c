/*
 * annotui — the note, tags and colour of one annotation, edited from the
 * pager or a list (see include/gloss/annotui.h).
 */
#include "gloss/gloss.h"

#include "gloss/annot.h"
#include "gloss/annotui.h"
#include "gloss/editor.h"
#include "gloss/fold.h"
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
};

/* Keeps what is being typed in the store (NULL: the note was saved or dropped). */
static void
keep_draft(void *arg, const char *text)
{
	struct draft_ctx *d = arg;

	if (text)
		store_draft_save(d->st, d->id, text);
	else
		store_draft_drop(d->st, d->id);
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

void
annotui_edit_note(struct store *st, int64_t id)
{
	struct store_annotation a;
	struct draft_ctx ctx = { st, id };
	struct editor_opts o = { .draft = keep_draft, .arg = &ctx, .rows = NOTE_EDITOR_ROWS };
	struct strbuf title = STRBUF_INIT, text = STRBUF_INIT;
	char *draft = NULL;
	enum gloss_status rc;

	if (store_readonly(st)) {
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
	if (store_draft_get(st, id, &draft) == GLOSS_OK && draft && strcmp(draft, a.note) != 0)
		o.initial = draft;	/* typed before a disconnection: not lost */
	switch (editor_run(&o, &text)) {
	case EDITOR_SAVED:
		rc = annot_set_note(st, id, strbuf_str(&text));
		view_message("%s", rc == GLOSS_OK ? "Note saved" : error_last(rc));
		break;
	case EDITOR_CANCELLED:
		view_message("Note unchanged");
		break;
	case EDITOR_HANGUP:
		break;		/* the draft is in the store */
	}
	free(draft);
	strbuf_done(&title);
	strbuf_done(&text);
	store_annotation_done(&a);
}

/* ------------------------------------------------------------------ */
/* Tags */

/* Tab completion of the last comma-separated tag against the tags in use. */
static void
complete_tag(void *arg, const char *text, struct strbuf *out)
{
	struct store *st = arg;
	const char *frag = strrchr(text, ',');
	struct strbuf key = STRBUF_INIT, tk = STRBUF_INIT;
	struct store_tag *tags;
	size_t n, found = 0;
	const char *only = NULL;

	frag = frag ? frag + 1 : text;
	while (*frag == ' ')
		frag++;
	if (*frag == '\0' || store_tags(st, &tags, &n) != GLOSS_OK)
		return;
	fold_key(frag, strlen(frag), &key);
	for (size_t i = 0; i < n; i++) {
		strbuf_reset(&tk);
		fold_key(tags[i].name, strlen(tags[i].name), &tk);
		if (tk.len >= key.len && memcmp(strbuf_str(&tk), strbuf_str(&key), key.len) == 0) {
			only = tags[i].name;
			found++;
		}
	}
	if (found == 1) {		/* the whole line with the fragment completed */
		strbuf_add(out, text, (size_t)(frag - text));
		strbuf_adds(out, only);
		strbuf_adds(out, ", ");
	} else {
		view_message("%zu tags begin so", found);
	}
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
	enum gloss_status rc;

	if ((rc = store_get(st, id, &a)) != GLOSS_OK) {
		view_message("%s", error_last(rc));
		return;
	}
	for (size_t i = 0; i < a.ntags; i++)
		strbuf_addf(&init, "%s%s", i ? ", " : "", a.tags[i]);
	o.initial = strbuf_str(&init);
	if (prompt_read(&o, &text)) {
		rc = apply_tags(st, id, &a, strbuf_str(&text));
		view_message("%s", rc == GLOSS_OK ? "Tags saved" : error_last(rc));
	}
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
