/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * test_annot — the pager's side of annotations: attaching documents
 * (unchanged, renamed, copied, edited, in memory, large), background work
 * in slices, selections, re-attaching orphans, undo, the reading position,
 * and re-anchoring on a read-only store.
 */
#include "gloss/gloss.h"

#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "gloss/annot.h"
#include "gloss/strbuf.h"
#include "gloss/xmalloc.h"
#include "../lib/tap.h"

static char tmpdir[] = "/tmp/gloss-annot.XXXXXX";
static struct store *st;

static char *
tmp_path(const char *name)
{
	return xasprintf("%s/%s", tmpdir, name);
}

static void
write_file(const char *path, const char *s, size_t n)
{
	FILE *f = fopen(path, "wb");

	fwrite(s, 1, n, f);
	fclose(f);
}

static struct doc *
open_doc(const char *path)
{
	struct doc_options o = { .force = false, .format = -1, .tab_width = 8 };
	struct doc *d = NULL;

	doc_open(path, &o, &d);
	return d;
}

/* The document text offset of the nth occurrence of s. */
static uint64_t
find(struct doc *d, const char *s, int nth)
{
	struct strbuf t = STRBUF_INIT;
	const char *p;
	uint64_t at = UINT64_MAX;

	doc_measure_all(d);
	doc_text_range(d, 0, doc_text_length(d), &t);
	p = strbuf_str(&t);
	while ((p = strstr(p, s)) != NULL) {
		if (--nth == 0) {
			at = (uint64_t)(p - t.buf);
			break;
		}
		p++;
	}
	strbuf_done(&t);
	return at;
}

/* "start-end:status" of each visible highlight in [0, big). */
static char *
visible(struct annot_doc *ad)
{
	struct strbuf sb = STRBUF_INIT;
	struct store_list l;

	annot_visible(ad, 0, UINT32_MAX, &l);
	for (size_t i = 0; i < l.n; i++)
		strbuf_addf(&sb, "%s%llu-%llu:%s", i ? " " : "", (unsigned long long)l.v[i].start,
		    (unsigned long long)l.v[i].end, anchor_status_name(l.v[i].status));
	store_list_free(&l);
	return strbuf_detach(&sb, NULL);
}

#define ART "Minsk and Kyiv\n\nThe protests in Minsk changed the relationship.\n\n" \
	"Лукашенко заявил, что всё решится ещё до осени.\n\nThe end.\n"

/* ------------------------------------------------------------------ */

static void
test_selections(void)
{
	char *path = tmp_path("art.txt"), *got;
	struct doc *d;
	struct annot_doc *ad;
	struct store_annotation a;
	int64_t id = 0, id2 = 0;
	uint64_t at, cyr;

	write_file(path, ART, strlen(ART));
	d = open_doc(path);
	is_int(annot_attach(st, d, 0, &ad), GLOSS_OK, "attach: a new file");
	is_int(annot_doc_id(ad), 0, "attach: not in the store until annotated");
	got = visible(ad);
	is_str(got, "", "attach: nothing visible");
	free(got);
	at = find(d, "protests in Minsk", 1);
	cyr = find(d, "всё", 1);
	is_int(annot_add(ad, at, at, STORE_YELLOW, NULL, NULL, 0, &id), GLOSS_EUSAGE, "add: an empty selection");
	is_str(error_last(GLOSS_EUSAGE), "empty selection: nothing to highlight", "add: says so");
	is_int(annot_add(ad, cyr + 1, cyr + 4, STORE_YELLOW, NULL, NULL, 0, &id), GLOSS_EUSAGE,
	    "add: inside a character");
	is_int(annot_add(ad, at, 100000, STORE_YELLOW, NULL, NULL, 0, &id), GLOSS_EUSAGE, "add: beyond the end");
	is_int(annot_doc_id(ad), 0, "add: failures leave no document behind");
	is_int(annot_add(ad, at, at + 17, STORE_GREEN, "why", NULL, 0, &id), GLOSS_OK, "add: a highlight");
	ok(annot_doc_id(ad) > 0, "add: the document is recorded");
	store_get(st, id, &a);
	is_str(a.quote, "protests in Minsk", "add: the quote");
	is_str(a.prefix, "Minsk and Kyiv\n\nThe ", "add: the prefix (to the start of the text)");
	is_str(a.suffix, " changed the relationship.\n\nЛука", "add: the suffix (32 code points)");
	is_str(a.path, path, "add: the path");
	store_annotation_done(&a);
	at = find(d, "relationship.", 1);
	is_int(annot_add(ad, at, cyr + 6, STORE_BLUE, NULL, NULL, 0, &id2), GLOSS_OK, "add: across paragraphs");
	store_get(st, id2, &a);
	is_str(a.quote, "relationship.\n\nЛукашенко заявил, что всё", "add: the quote holds the paragraph break");
	store_annotation_done(&a);
	got = visible(ad);
	is_str(got, "20-37:anchored 50-111:anchored", "visible: both, by start");
	free(got);
	{
		struct store_list l;

		annot_visible(ad, 37, 50, &l);
		is_int((long long)l.n, 0, "visible: a window between them is empty");
		store_list_free(&l);
		annot_visible(ad, 36, 51, &l);
		is_int((long long)l.n, 2, "visible: a window touching both");
		store_list_free(&l);
	}
	is_int(annot_position_set(ad, cyr, cyr + 10), GLOSS_OK, "position: set");
	{
		struct store_mark ma = { .set = true, .position = at, .has_caret = true, .caret = at + 4 };
		struct store_mark mb = { .set = true, .position = cyr };

		is_int(annot_mark_set(ad, 'a', &ma), GLOSS_OK, "mark a: set, with a caret");
		is_int(annot_mark_set(ad, 'b', &mb), GLOSS_OK, "mark b: set, without");
	}
	annot_detach(ad);
	doc_free(d);
	free(path);
}

static void
test_reopen(void)
{
	char *path = tmp_path("art.txt"), *moved = tmp_path("moved.txt"), *got;
	struct doc *d = open_doc(path);
	struct annot_doc *ad;
	uint64_t pos = 0, furthest = 0;
	int64_t doc_id;

	is_int(annot_attach(st, d, 0, &ad), GLOSS_OK, "reopen: attach");
	ok(!annot_idle(ad, 1000), "reopen: unchanged: no work left");
	ok(!annot_reanchored(ad), "reopen: unchanged: nothing re-anchored");
	doc_id = annot_doc_id(ad);
	annot_position_get(ad, &pos, &furthest);
	is_int((long long)pos, (long long)find(d, "всё", 1), "reopen: the reading position is restored");
	is_int((long long)furthest, (long long)pos + 10, "reopen: and the furthest point read");
	{
		struct store_mark m[STORE_MARKS];
		uint64_t at = find(d, "relationship.", 1);

		is_int(annot_marks_get(ad, m), GLOSS_OK, "reopen: the marks");
		ok(m[0].set && m[0].position == at && m[0].has_caret && m[0].caret == at + 4,
		    "reopen: mark a where it was, with its caret");
		ok(m[1].set && m[1].position == find(d, "всё", 1) && !m[1].has_caret, "reopen: mark b");
		ok(!m[2].set, "reopen: c was never set");
	}
	annot_detach(ad);
	doc_free(d);

	rename(path, moved);
	d = open_doc(moved);
	annot_attach(st, d, 0, &ad);
	is_int(annot_doc_id(ad), doc_id, "renamed: the same document");
	got = visible(ad);
	is_str(got, "20-37:anchored 50-111:anchored", "renamed: its highlights");
	free(got);
	annot_detach(ad);
	doc_free(d);

	write_file(path, "Preface.\n\n" ART, strlen(ART) + 10);	/* the old path, edited */
	rename(path, moved);
	d = open_doc(moved);
	annot_attach(st, d, 0, &ad);
	is_int(annot_doc_id(ad), doc_id, "edited: the same document");
	{
		int slices = 1;
		uint64_t gen = annot_generation();

		while (annot_idle(ad, 1000))
			slices++;
		ok(slices >= 2 && annot_generation() > gen, "edited: re-anchored in idle time (%d slices), "
		    "the generation stepped", slices);
	}
	ok(annot_reanchored(ad), "edited: reported as re-anchored");
	got = visible(ad);
	is_str(got, "30-47:anchored 60-121:anchored",
	    "edited: shifted by the preface (the first one's context was the start of the text, but it "
	    "occurs once)");
	free(got);
	annot_position_get(ad, &pos, &furthest);
	is_int((long long)pos, (long long)find(d, "всё", 1), "edited: the reading position follows its text");
	{
		struct store_mark m[STORE_MARKS];
		uint64_t at = find(d, "relationship.", 1);

		annot_marks_get(ad, m);
		ok(m[0].position == at && m[0].caret == at + 4, "edited: mark a follows its text (%llu, %llu; "
		    "want %llu)", (unsigned long long)m[0].position, (unsigned long long)m[0].caret,
		    (unsigned long long)at);
		is_int((long long)m[1].position, (long long)find(d, "всё", 1), "edited: so does mark b");
	}
	annot_detach(ad);
	doc_free(d);
	free(path);
	free(moved);
}

static void
test_orphans_and_undo(void)
{
	char *path = tmp_path("moved.txt"), *got;
	static const char edited[] = "Minsk and Kyiv\n\nLater that year everything was different.\n\nThe end.\n";
	struct doc *d;
	struct annot_doc *ad;
	struct store_list l;
	int64_t orphan = 0, back = 0;

	write_file(path, edited, sizeof edited - 1);
	d = open_doc(path);
	annot_attach(st, d, ANNOT_NOW, &ad);
	got = visible(ad);
	is_str(got, "", "orphans: nothing visible once the text is gone");
	free(got);
	annot_all(ad, &l);
	ok(l.n == 2 && l.v[0].status == ANCHOR_ORPHANED && l.v[1].status == ANCHOR_ORPHANED,
	    "orphans: both kept as orphans");
	orphan = l.n ? l.v[0].id : 0;
	store_list_free(&l);
	is_int(annot_reattach(ad, orphan, 16, 21), GLOSS_OK, "reattach: to a new range");
	got = visible(ad);
	is_str(got, "16-21:anchored", "reattach: anchored there");
	free(got);
	is_int(store_delete(st, orphan), GLOSS_OK, "undo: deleted");
	is_int(annot_undo_delete(ad, &back), GLOSS_OK, "undo: restored");
	is_int(back, orphan, "undo: with its id");
	got = visible(ad);
	is_str(got, "16-21:anchored", "undo: visible again");
	free(got);
	annot_detach(ad);
	doc_free(d);
	free(path);
}

/* A highlight over a footnote marker: allowed; the quote holds the marker's text. */
static void
test_note_marker(void)
{
	static const char md[] = "# Title\n\nLukashenko said so.[^1] Then he left.\n\n[^1]: Interview, 2023.\n";
	char *path = tmp_path("note.md");
	struct doc *d;
	struct annot_doc *ad;
	struct store_annotation a;
	int64_t id = 0;
	uint64_t at;

	write_file(path, md, sizeof md - 1);
	d = open_doc(path);
	annot_attach(st, d, 0, &ad);
	at = find(d, "said so.1 Then", 1);
	ok(at != UINT64_MAX, "note marker: the marker is in the document text");
	is_int(annot_add(ad, at, at + 14, STORE_YELLOW, NULL, NULL, 0, &id), GLOSS_OK,
	    "note marker: a highlight over it is allowed");
	store_get(st, id, &a);
	is_str(a.quote, "said so.1 Then", "note marker: the quote holds the marker");
	store_annotation_done(&a);
	annot_detach(ad);
	doc_free(d);
	free(path);
}

static void
test_memory_docs(void)
{
	struct doc_options o = { .force = false, .format = DOC_FORMAT_TEXT, .tab_width = 8 };
	struct doc *d1, *d2;
	struct annot_doc *a1, *a2;
	int64_t id;

	static const char text[] = "Text read from standard input.\n";

	doc_open_mem("-", text, sizeof text - 1, &o, &d1);
	doc_open_mem("-", text, sizeof text - 1, &o, &d2);
	annot_attach(st, d1, 0, &a1);
	is_int(annot_add(a1, 0, 5, STORE_RED, NULL, NULL, 0, &id), GLOSS_OK, "memory: a highlight on standard input");
	annot_attach(st, d2, 0, &a2);
	ok(annot_doc_id(a2) == annot_doc_id(a1) && annot_doc_id(a1) != 0, "memory: recognised by content");
	annot_detach(a1);
	annot_detach(a2);
	doc_free(d1);
	doc_free(d2);
}

/* A text of about n bytes in long paragraphs, paragraph i starting "Paragraph i ". */
static char *
big_text(size_t n, const char *top, size_t *len)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_adds(&sb, top);
	for (int i = 0; sb.len < n; i++) {
		strbuf_addf(&sb, "Paragraph %d ", i);
		for (int k = 0; k < 20; k++)
			strbuf_adds(&sb, "of a long article, with enough words to be a real one, about the border. ");
		strbuf_adds(&sb, "\n\n");
	}
	return strbuf_detach(&sb, len);
}

static void
test_large(void)
{
	char *path = tmp_path("big.txt"), *copy = tmp_path("big-copy.txt"), *text, *got;
	size_t n;
	struct doc *d;
	struct annot_doc *ad;
	int64_t id = 0, id2 = 0, doc_id;
	uint64_t at;
	int slices = 0;

	text = big_text(6u << 20, "", &n);
	write_file(path, text, n);
	free(text);
	d = open_doc(path);
	annot_attach(st, d, 0, &ad);
	at = find(d, "Paragraph 3000 ", 1);
	is_int(annot_add(ad, at, at + 15, STORE_YELLOW, NULL, NULL, 0, &id), GLOSS_OK,
	    "large: a highlight before the hash is ready");
	doc_id = annot_doc_id(ad);
	while (annot_idle(ad, 100))
		slices++;
	ok(slices >= 2, "large: a 6 MiB file is hashed in slices (%d)", slices);
	ok(annot_doc_id(ad) == doc_id, "large: the same document once hashed");
	annot_detach(ad);
	doc_free(d);

	text = big_text(6u << 20, "A new first paragraph.\n\n", &n);
	unlink(copy);
	write_file(copy, text, n);	/* a new file (new inode) with edited content */
	free(text);
	unlink(path);
	rename(copy, path);
	d = open_doc(path);
	annot_attach(st, d, 0, &ad);
	got = visible(ad);
	is_str(got, "4426890-4426905:anchored", "large, edited: shown where it was until re-anchored");
	free(got);
	ok(annot_idle(ad, 1000), "large, edited: work remains after the first slice");
	while (annot_idle(ad, 5000))
		;
	got = visible(ad);
	is_str(got, "4426914-4426929:anchored", "large, edited: then shifted");
	free(got);
	at = find(d, "Paragraph 2 ", 1);
	is_int(annot_add(ad, at, at + 11, STORE_YELLOW, NULL, NULL, 0, &id2), GLOSS_OK, "large, edited: add");
	annot_detach(ad);
	doc_free(d);
	free(path);
	free(copy);
}

/* Many orphans in a large text: the work is spread over many short slices. */
static void
test_slices(void)
{
	char *path = tmp_path("slices.txt"), *text;
	size_t n;
	struct doc *d;
	struct annot_doc *ad;
	struct store_list l;
	int slices = 0;

	text = big_text(300u << 10, "", &n);
	write_file(path, text, n);
	free(text);
	d = open_doc(path);
	annot_attach(st, d, ANNOT_NOW, &ad);
	for (int i = 0; i < 40; i++) {
		char needle[32];
		uint64_t at;

		snprintf(needle, sizeof needle, "Paragraph %d ", i * 4);
		at = find(d, needle, 1);
		annot_add(ad, at, at + strlen(needle) + 12, STORE_YELLOW, NULL, NULL, 0, &(int64_t){ 0 });
	}
	annot_detach(ad);
	doc_free(d);
	text = big_text(300u << 10, "", &n);
	for (size_t i = 0; i < n; i++)	/* every quote is gone */
		if (text[i] >= 'a' && text[i] <= 'y')
			text[i]++;
	write_file(path, text, n);
	free(text);
	d = open_doc(path);
	annot_attach(st, d, 0, &ad);
	while (annot_idle(ad, 1000))
		slices++;
	ok(slices >= 5, "slices: 40 orphans are located over several slices (%d)", slices);
	annot_all(ad, &l);
	is_int((long long)l.n, 40, "slices: all kept");
	ok(l.n == 40 && l.v[0].status == ANCHOR_ORPHANED && l.v[39].status == ANCHOR_ORPHANED,
	    "slices: as orphans");
	store_list_free(&l);
	annot_detach(ad);
	doc_free(d);
	free(path);
}

static void
test_readonly(void)
{
	char *dbpath = tmp_path("ro.db"), *path = tmp_path("ro.txt"), *got;
	struct store *ro = NULL;
	struct doc *d;
	struct annot_doc *ad;
	int64_t id;
	uint64_t at;

	store_open(dbpath, STORE_CREATE, &ro);
	write_file(path, ART, strlen(ART));
	d = open_doc(path);
	annot_attach(ro, d, 0, &ad);
	at = find(d, "Minsk changed", 1);
	annot_add(ad, at, at + 5, STORE_YELLOW, NULL, NULL, 0, &id);
	annot_detach(ad);
	doc_free(d);
	store_close(ro);
	chmod(dbpath, 0444);

	write_file(path, "Preface.\n\n" ART, strlen(ART) + 10);
	store_open(dbpath, STORE_CREATE, &ro);
	ok(ro && store_readonly(ro), "read-only: opened read-only");
	d = open_doc(path);
	is_int(annot_attach(ro, d, ANNOT_NOW, &ad), GLOSS_OK, "read-only: attach and re-anchor");
	got = visible(ad);
	is_str(got, "42-47:anchored", "read-only: highlights re-anchored in memory");
	free(got);
	is_int(annot_add(ad, 0, 5, STORE_YELLOW, NULL, NULL, 0, &id), GLOSS_EREADONLY, "read-only: add refused");
	is_int(annot_position_set(ad, 3, 3), GLOSS_EREADONLY, "read-only: position not saved");
	annot_detach(ad);
	doc_free(d);
	store_close(ro);
	chmod(dbpath, 0644);
	free(dbpath);
	free(path);
}

/*
 * Two readers on one database, each with its own connection: the second
 * opened the document before the first annotated it.  Its "not in the
 * store" must not outlive the first one's change: it sees the highlight
 * once it polls, and its own highlight goes to the same document row.
 */
static void
test_two_readers(void)
{
	char *path = tmp_path("two.txt"), *db = tmp_path("gloss.db"), *got;
	struct store *other;
	struct doc *d1, *d2;
	struct annot_doc *a1, *a2;
	int64_t id1 = 0, id2 = 0;
	uint64_t gen, at;
	struct timespec pause = { 0, (ANNOT_POLL_MS + 50) * 1000000L };
	const char *text = "Two readers\n\nThe first one highlights, the second one too.\n";

	write_file(path, text, strlen(text));
	d1 = open_doc(path);
	d2 = open_doc(path);
	store_open(db, STORE_CREATE, &other);
	annot_attach(st, d1, ANNOT_NOW, &a1);
	annot_attach(other, d2, ANNOT_NOW, &a2);
	annot_poll(other);	/* the baseline of the second connection */
	is_int(annot_doc_id(a2), 0, "two readers: the document is new to both");
	at = find(d1, "first", 1);
	gen = annot_generation();
	is_int(annot_add(a1, at, at + 5, STORE_YELLOW, NULL, NULL, 0, &id1), GLOSS_OK,
	    "two readers: the first highlights");
	ok(annot_generation() > gen, "two readers: a change steps the generation");
	gen = annot_generation();
	nanosleep(&pause, NULL);
	ok(annot_poll(other) && annot_generation() > gen,
	    "two readers: the second sees another connection's commit (data_version)");
	got = visible(a2);
	is_str(got, "17-22:anchored", "two readers: the second shows the first one's highlight");
	free(got);
	at = find(d2, "second", 1);
	is_int(annot_add(a2, at, at + 6, STORE_GREEN, NULL, NULL, 0, &id2), GLOSS_OK,
	    "two readers: the second highlights (no UNIQUE constraint error)");
	is_int(annot_doc_id(a2), annot_doc_id(a1), "two readers: one document row");
	annot_detach(a1);
	annot_detach(a2);
	doc_free(d1);
	doc_free(d2);
	store_close(other);
	free(path);
	free(db);
}

int
main(void)
{
	char *db;

	unsetenv("GLOSS_BUSY_TIMEOUT");
	if (mkdtemp(tmpdir) == NULL)
		return 1;
	db = tmp_path("gloss.db");
	if (store_open(db, STORE_CREATE, &st) != GLOSS_OK) {
		printf("Bail out! %s\n", error_last(GLOSS_EDB));
		return 1;
	}
	test_selections();
	test_reopen();
	test_orphans_and_undo();
	test_note_marker();
	test_memory_docs();
	test_large();
	test_slices();
	test_readonly();
	test_two_readers();
	store_close(st);
	free(db);
	{
		char *cmd = xasprintf("rm -rf '%s'", tmpdir);

		if (system(cmd) != 0)
			printf("# could not remove %s\n", tmpdir);
		free(cmd);
	}
	return tap_done();
}
