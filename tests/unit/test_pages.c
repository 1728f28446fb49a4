/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * test_pages — titles and furniture on scraped news pages in English,
 * Russian, Ukrainian and Belarusian (tests/data/pages/NAME.txt, written in the
 * shape such pages have: menus, breadcrumbs, share bars, tag clouds,
 * subscribe, comment, copyright and error-report lines, related lists).
 * Each page has tests/data/pages/NAME.expect: its title (meta_title, what the
 * library and the status line show), author and date, then one line a block: "F" if it is
 * furniture, whether the pager shows it or folds it (a furniture block
 * alone shows), its kind, its text.
 *   tests/unit/test_pages          compares
 *   tests/unit/test_pages -w NAME  prints the classification of tests/data/pages/NAME.txt
 */
#include "gloss/gloss.h"

#include "gloss/boiler.h"
#include "gloss/doc.h"
#include "gloss/meta.h"
#include "gloss/strbuf.h"
#include "gloss/xmalloc.h"
#include "../lib/tap.h"

static const char *const pages[] = {
	"ru-news", "uk-news", "be-news", "en-news", "ru-tags-first", "uk-title-pipe", "en-wordpress",
	"ru-negative", "be-negative",
};

static char *
page_path(const char *name, const char *ext)
{
	return xasprintf("%s/tests/data/pages/%s.%s", getenv("top_srcdir") ? getenv("top_srcdir") : ".",
	    name, ext);
}

/* The title, then "M S | text" a block: M is T, F or space; S is the pager's state. */
static void
classify(struct doc *d, struct strbuf *out)
{
	struct boiler *bo = boiler_new(d, true);
	char *title = meta_title(d);
	struct meta m;
	struct doc_loc loc;

	meta_read(d, &m);
	if (strcmp(title, m.title) != 0)
		strbuf_addf(out, "meta_title (%s) is not meta_read's title\n", title);
	strbuf_addf(out, "title: %s\nauthor: %s\ndate: %s\n", m.title, m.author ? m.author : "-",
	    m.date ? m.date : "-");
	free(title);
	meta_done(&m);
	for (bool more = doc_first(d, &loc); more; more = doc_next(d, &loc)) {
		const struct doc_block *b = doc_block(d, loc);
		enum boiler_state st = boiler_state(bo, loc);

		strbuf_addf(out, "%c %s %-7s | %.*s\n", (b->flags & DOC_BLOCK_FURNITURE) ? 'F' : ' ',
		    st == BOILER_SHOWN ? "show" : "fold", doc_kind_label(b->kind), (int)b->len,
		    b->text);
	}
	boiler_free(bo);
}

static void
check_page(const char *name, bool write)
{
	char *path = page_path(name, "txt"), *want_path = page_path(name, "expect"), *want;
	struct strbuf got = STRBUF_INIT;
	struct doc *d = NULL;

	if (doc_open(path, NULL, &d) != GLOSS_OK) {
		ok(0, "%s opens", path);
		goto out;
	}
	classify(d, &got);
	doc_free(d);
	if (write) {
		fputs(strbuf_str(&got), stdout);
		goto out;
	}
	want = tap_slurp(want_path, NULL);
	is_str(strbuf_str(&got), want ? want : "(no .expect)", "%s: title and furniture", name);
	free(want);
out:
	strbuf_done(&got);
	free(path);
	free(want_path);
}

int
main(int argc, char **argv)
{
	if (argc == 3 && strcmp(argv[1], "-w") == 0) {
		check_page(argv[2], true);
		return 0;
	}
	for (size_t i = 0; i < GLOSS_ARRAY_SIZE(pages); i++)
		check_page(pages[i], false);
	return tap_done();
}
