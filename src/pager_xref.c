/*
 * pager_xref — cross-document references in the pager: keeping the index
 * of the pager's files up to date in idle time (never before the first
 * paint) and filling the sidebar's Cross-doc tab from it.
 */
#include "gloss/gloss.h"


#include "gloss/cachedb.h"
#include "gloss/links.h"
#include "gloss/xref_cmd.h"
#include "gloss/sidebar.h"
#include "gloss/xmalloc.h"
#include "gloss/xref.h"
#include "pager_int.h"

struct pager_xref {
	struct cachedb *cache;
	struct xref *x;
	char **paths;		/* canonical paths of the pager's files */
	size_t n;
	struct xref_update u;
	bool updating, failed;
	/* the URLs of the document being indexed (xref_links_fn) */
	struct links *links;
	const char **urls;
	uint64_t *starts, *ends;
};

static void
doc_links(struct doc *doc, void *arg, size_t *n, const char *const **urls, const uint64_t **start,
    const uint64_t **end)
{
	struct pager_xref *px = arg;
	size_t k;

	links_free(px->links);
	px->links = NULL;
	*n = 0;
	if (links_scan(doc, NULL, &px->links) != GLOSS_OK)
		return;
	k = links_count(px->links);
	px->urls = xreallocarray(px->urls, k + 1, sizeof *px->urls);
	px->starts = xreallocarray(px->starts, k + 1, sizeof *px->starts);
	px->ends = xreallocarray(px->ends, k + 1, sizeof *px->ends);
	for (size_t i = 0; i < k; i++) {
		const struct links_link *l = links_get(px->links, i);

		px->urls[i] = l->url;
		px->starts[i] = l->start;
		px->ends[i] = l->end;
	}
	*n = k;
	*urls = px->urls;
	*start = px->starts;
	*end = px->ends;
}

static bool
start(struct pager *p)
{
	struct pager_xref *px;

	if (p->xref)
		return !p->xref->failed;
	px = p->xref = xcalloc(1, sizeof *px);
	if (cachedb_open(NULL, &px->cache) != GLOSS_OK || xref_open(px->cache, &px->x) != GLOSS_OK) {
		px->failed = true;	/* no index: reading goes on without cross-references */
		return false;
	}
	px->n = xref_cmd_paths((const char *const *)p->paths, p->npaths, &px->paths);
	px->u.paths = (const char *const *)px->paths;
	px->u.n = px->n;
	px->u.links = doc_links;
	px->u.arg = px;
	px->updating = true;
	return true;
}

bool
pager_xref_idle(struct pager *p, unsigned budget_us)
{
	struct pager_xref *px;

	if (p->empty || !start(p))
		return false;
	px = p->xref;
	if (!px->updating)
		return false;
	if (xref_update_step(px->x, &px->u, budget_us))
		return true;
	px->updating = false;
	if (p->side_open && p->side_filled) {
		pager_side_fill_xref(p);
		view_invalidate();
	}
	return false;
}

static void
add_entry(struct pager *p, const char *self, const struct xref_entry *e)
{
	bool here = strcmp(e->other_path, self) == 0;
	struct strbuf detail = STRBUF_INIT;
	char pct[16];
	char *text;

	snprintf(pct, sizeof pct, "%d%%", (int)(e->similarity * 100.0 + 0.5));
	if (e->url)
		text = xasprintf("same URL in %s: %s", here ? "this document" : e->other_title, e->url);
	else
		text = xasprintf("%s in %s", e->verbatim ? "verbatim" : pct,
		    here ? "this document" : e->other_title);
	/* the popup (o) shows the passage as it reads here */
	doc_text_range(p->doc, e->start, GLOSS_MIN(e->end, e->start + 4000), &detail);
	strbuf_addf(&detail, "\n\n— also in %s", here ? "this document" : e->other_title);
	sidebar_add(p->sb, SIDEBAR_XREF, &(struct sidebar_entry){
	    .label = e->url ? "URL" : e->verbatim ? "=" : "≈", .text = text, .url = e->url,
	    .detail = strbuf_str(&detail), .places = &e->start, .nplaces = 1,
	    .target = here ? e->other_start : SIDEBAR_NO_TARGET,
	    .other_path = here ? NULL : e->other_path, .other_off = e->other_start });
	strbuf_done(&detail);
	free(text);
}

void
pager_side_fill_xref(struct pager *p)
{
	struct pager_xref *px = p->xref;
	struct xref_entry *v = NULL;
	size_t n = 0;
	char *self;

	sidebar_clear(p->sb, SIDEBAR_XREF);
	if (px == NULL || px->failed) {
		sidebar_set_empty_text(p->sb, SIDEBAR_XREF, px ? "(no index: cross-references unavailable)"
		    : "(indexing the corpus…)");
		return;
	}
	self = xref_cmd_canonical(p->paths[p->cur]);
	if (px->updating && xref_stale(px->x, self)) {
		sidebar_set_empty_text(p->sb, SIDEBAR_XREF, "(indexing the corpus…)");
	} else if (xref_query(px->x, self, &v, &n) == GLOSS_OK) {
		sidebar_set_empty_text(p->sb, SIDEBAR_XREF, "(nothing shared with the other documents)");
		for (size_t i = 0; i < n; i++)
			add_entry(p, self, &v[i]);
		xref_entries_free(v, n);
	}
	free(self);
}

void
pager_xref_free(struct pager *p)
{
	struct pager_xref *px = p->xref;

	if (px == NULL)
		return;
	xref_close(px->x);
	cachedb_close(px->cache);
	for (size_t i = 0; i < px->n; i++)
		free(px->paths[i]);
	free(px->paths);
	links_free(px->links);
	free(px->urls);
	free(px->starts);
	free(px->ends);
	free(px);
	p->xref = NULL;
}
