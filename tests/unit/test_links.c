/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * test_links — the links module: Markdown links and autolinks, bare URLs
 * with punctuation, brackets and Cyrillic text around them, links inside
 * notes, hosts.
 */
#include "gloss/gloss.h"

#include "gloss/doc.h"
#include "gloss/links.h"
#include "gloss/notes.h"
#include "gloss/strbuf.h"
#include "gloss/xmalloc.h"
#include "../lib/tap.h"

/* "[start,end) url host note kind" for every link, one a line (caller frees). */
static char *
summary(struct doc *doc, const struct links *l, const struct notes *n)
{
	struct strbuf sb = STRBUF_INIT, text = STRBUF_INIT;

	for (size_t i = 0; i < links_count(l); i++) {
		const struct links_link *k = links_get(l, i);

		strbuf_reset(&text);
		doc_text_range(doc, k->start, k->end, &text);
		strbuf_addf(&sb, "%s|%s|%s|%s|%s\n", strbuf_str(&text), k->url, k->host,
		    k->note >= 0 ? notes_note(n, (size_t)k->note)->label : "-",
		    k->kind == LINKS_BARE ? "bare" : "markup");
	}
	strbuf_done(&text);
	return strbuf_detach(&sb, NULL);
}

static void
check(const char *name, const char *src, const char *want)
{
	struct doc_options opt = { .format = -1 };
	struct doc *doc;
	struct notes *n;
	struct links *l;
	char *got;

	if (!ok(doc_open_mem(name, src, strlen(src), &opt, &doc) == GLOSS_OK, "%s opens", name))
		return;
	notes_scan(doc, &n);
	ok(links_scan(doc, n, &l) == GLOSS_OK, "%s: scans", name);
	got = summary(doc, l, n);
	is_str(got, want, "%s: links", name);
	free(got);
	links_free(l);
	notes_free(n);
	doc_free(doc);
}

static void
test_markdown(void)
{
	check("md.md",
	    "A [link](https://Example.org/a \"t\") and <https://www.auto.example/x?y=1> and "
	    "[rel](docs/notes.md) and <mailto:me@Mail.example> and bare https://bare.example/p.\n",
	    "link|https://Example.org/a|example.org|-|markup\n"
	    "https://www.auto.example/x?y=1|https://www.auto.example/x?y=1|auto.example|-|markup\n"
	    "rel|docs/notes.md||-|markup\n"
	    "mailto:me@Mail.example|mailto:me@Mail.example|mail.example|-|markup\n"
	    "https://bare.example/p|https://bare.example/p|bare.example|-|markup\n");
}

static void
test_bare(void)
{
	check("bare.txt",
	    "См. https://example.org/путь, а также (https://en.wikipedia.org/wiki/Foo_(bar)). "
	    "Ещё «www.Example.COM/x»; и http://user@Host.ru:8080/a?b=1#c! "
	    "Сайт: https://президент.рф. [https://sq.example/a] “https://q.example/”. "
	    "Не ссылки: www. и http:// и https:///x и wwwexample.com.\n",
	    "https://example.org/путь|https://example.org/путь|example.org|-|bare\n"
	    "https://en.wikipedia.org/wiki/Foo_(bar)|https://en.wikipedia.org/wiki/Foo_(bar)|en.wikipedia.org|-|bare\n"
	    "www.Example.COM/x|www.Example.COM/x|example.com|-|bare\n"
	    "http://user@Host.ru:8080/a?b=1#c|http://user@Host.ru:8080/a?b=1#c|host.ru|-|bare\n"
	    "https://президент.рф|https://президент.рф|президент.рф|-|bare\n"
	    "https://sq.example/a|https://sq.example/a|sq.example|-|bare\n"
	    "https://q.example/|https://q.example/|q.example|-|bare\n");
	check("repeat.txt", "Twice: https://a.example/ and https://a.example/ again...\n",
	    "https://a.example/|https://a.example/|a.example|-|bare\n"
	    "https://a.example/|https://a.example/|a.example|-|bare\n");
}

static void
test_in_notes(void)
{
	check("notes.md",
	    "Body<sup>1</sup> with [a link](https://body.example/) and<sup>2</sup>.\n\n## Notes\n\n"
	    "1. Source. <https://one.example/doc>.\n\n2. Другой источник: https://два.example/путь).\n\n"
	    "Continued at www.cont.example.\n\n## After\n\nhttps://after.example\n",
	    "a link|https://body.example/|body.example|-|markup\n"
	    "https://one.example/doc|https://one.example/doc|one.example|1|markup\n"
	    "https://два.example/путь|https://два.example/путь|два.example|2|markup\n"
	    "www.cont.example|http://www.cont.example|cont.example|2|markup\n"
	    "https://after.example|https://after.example|after.example|-|markup\n");
	check("notes.txt",
	    "A plain article\n\nBody text [1] and more text here with https://body.example/x.\n\n"
	    "Notes\n\n1. Source: https://one.example/doc.\n",
	    "https://body.example/x|https://body.example/x|body.example|-|bare\n"
	    "https://one.example/doc|https://one.example/doc|one.example|1|bare\n");
}

static void
test_lower(void)
{
	struct doc_options opt = { .format = -1 };
	const char *src = "x https://a.example/ y https://b.example/ z\n";
	struct doc *doc;
	struct links *l;
	char *host;

	if (!ok(doc_open_mem("lower.txt", src, strlen(src), &opt, &doc) == GLOSS_OK, "lower.txt opens"))
		return;
	links_scan(doc, NULL, &l);
	is_int((long long)links_count(l), 2, "two links");
	is_int((long long)links_lower(l, 0), 0, "lower(0)");
	is_int((long long)links_lower(l, 19), 0, "lower inside the first");
	is_int((long long)links_lower(l, 20), 1, "lower at the end of the first");
	is_int((long long)links_lower(l, 100), 2, "lower past the end");
	is_int(links_get(l, 0)->note, -1, "no notes: note -1");
	ok(links_get(l, 2) == NULL, "links_get out of range");
	links_free(l);
	doc_free(doc);
	host = links_host("HTTPS://WWW.Пример.РФ:443/x");
	is_str(host, "пример.рф", "host: lower case, no www., no port");
	free(host);
	host = links_host("#top");
	is_str(host, "", "host of a fragment");
	free(host);
}

int
main(void)
{
	test_markdown();
	test_bare();
	test_in_notes();
	test_lower();
	return tap_done();
}
