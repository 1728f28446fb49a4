/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * notes — finds a document's notes and the markers citing them (see
 * include/gloss/notes.h and docs/notes.md).
 *
 * One pass over every block collects notes (GFM definitions and the
 * entries of notes sections) and markers (<sup> and [^x] spans); "[12]"
 * and "¹²" are only candidates until the pass has seen every note.  Then
 * markers are linked to notes by label, candidates without a note are
 * dropped, each note's text is read back from the document text, and
 * Ibid. / op. cit. notes are resolved.
 */
#include "gloss/gloss.h"

#include <unictype.h>

#include "gloss/fold.h"
#include "gloss/notes.h"
#include "gloss/sorted.h"
#include "gloss/strbuf.h"
#include "gloss/text.h"
#include "gloss/xmalloc.h"

#define LABEL_MAX 8		/* bytes of a label found in text ("viii", "123", "***") */
#define SECTION_NAME_MAX 64	/* a longer heading is not a notes-section heading */
#define LEVEL_PARAGRAPH 7	/* the level of a section opened by a paragraph */
#define IBID_LOOK 160		/* bytes of a note searched for Ibid./op. cit. */
#define GFM_LABEL_MAX 40	/* bytes of a "[^label]" left as text */

struct notes {
	struct notes_marker *markers;
	size_t nmarkers, cap_markers;
	struct notes_note *notes;
	size_t nnotes, cap_notes;
};

/* The state of the pass over the blocks. */
struct scan {
	struct notes *n;
	bool in_section;
	int section_level;
	int open_note;		/* the note a marker-less paragraph continues, or -1 */
	struct notes_marker *cands;	/* [12] and ¹² waiting for a note */
	size_t ncands, cap_cands;
};

static const char *const section_names[] = {
	"Endnotes", "Notes", "Footnotes", "References", "Sources", "Bibliography",
	"Примечания", "Сноски", "Источники", "Литература", "Список литературы",
	"Примітки", "Джерела", "Література", "Заўвагі", "Крыніцы", "Літаратура",
};

/* ------------------------------------------------------------------ */
/* Labels */

static bool
is_space(uint32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == '\n' || cp == 0xA0 || cp == 0x202F ||
	    (cp >= 0x2000 && cp <= 0x200A);
}

/* Skips white space from s[i]. */
static size_t
skip_space(const char *s, size_t n, size_t i)
{
	uint32_t cp;

	while (i < n) {
		int len = text_decode(s + i, n - i, &cp);

		if (!is_space(cp))
			break;
		i += (size_t)len;
	}
	return i;
}

static int
roman_value(char c)
{
	switch (c) {
	case 'i': return 1;
	case 'v': return 5;
	case 'x': return 10;
	case 'l': return 50;
	case 'c': return 100;
	default: return 0;
	}
}

/* Is s[0..n) (lower case) a Roman numeral in its canonical form, 1..399? */
static bool
is_roman(const char *s, size_t n)
{
	static const char *const units[] = { "", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix" };
	static const char *const tens[] = { "", "x", "xx", "xxx", "xl", "l", "lx", "lxx", "lxxx", "xc" };
	static const char *const hundreds[] = { "", "c", "cc", "ccc" };
	char buf[LABEL_MAX * 2];
	int v = 0;

	for (size_t i = 0; i < n; i++) {
		int a = roman_value(s[i]), b = i + 1 < n ? roman_value(s[i + 1]) : 0;

		if (a == 0)
			return false;
		v += a < b ? -a : a;
	}
	if (v < 1 || v > 399)
		return false;
	snprintf(buf, sizeof buf, "%s%s%s", hundreds[v / 100], tens[v / 10 % 10], units[v % 10]);
	return strlen(buf) == n && memcmp(buf, s, n) == 0;
}

/*
 * Normalises the label s[0..n) into out (LABEL_MAX + 1 bytes): 1-3 digits,
 * a Roman numeral or a letter (lower-cased), or 1-3 asterisks.  With
 * letters false, a single letter that is not a Roman numeral is refused.
 */
static bool
label_norm(const char *s, size_t n, bool letters, char *out)
{
	size_t i;

	if (n == 0 || n > LABEL_MAX)
		return false;
	for (i = 0; i < n; i++)
		out[i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] - 'A' + 'a' : s[i]);
	out[n] = '\0';
	if (strspn(out, "0123456789") == n)
		return n <= 3 && out[0] != '0';
	if (strspn(out, "*") == n)
		return n <= 3;
	if (n == 1 && out[0] >= 'a' && out[0] <= 'z' && (letters || roman_value(out[0])))
		return letters || is_roman(out, n);
	/* a Roman numeral in one case only: "iv" or "IV", not "Iv" */
	if (strspn(s, "ivxlc") != n && strspn(s, "IVXLC") != n)
		return false;
	return is_roman(out, n);
}

/* The digit of a Unicode superscript digit, or -1. */
static int
sup_digit(uint32_t cp)
{
	if (cp == 0x2070)
		return 0;
	if (cp == 0xB9)
		return 1;
	if (cp == 0xB2 || cp == 0xB3)
		return (int)cp - 0xB0;
	if (cp >= 0x2074 && cp <= 0x2079)
		return (int)cp - 0x2070;
	return -1;
}

/* A run of superscript digits at s[i]: its end, the digits in out; i if none. */
static size_t
sup_run(const char *s, size_t n, size_t i, char *out)
{
	size_t k = 0;
	uint32_t cp;

	while (i < n && k < LABEL_MAX) {
		int len = text_decode(s + i, n - i, &cp), d = sup_digit(cp);

		if (d < 0)
			break;
		out[k++] = (char)('0' + d);
		i += (size_t)len;
	}
	out[k] = '\0';
	return i;
}

/* ------------------------------------------------------------------ */
/* Building the lists */

static void
add_marker(struct notes_marker **arr, size_t *count, size_t *cap, uint64_t start, uint64_t end,
    const char *label, size_t len, unsigned style)
{
	struct notes_marker *m;

	if (*count == *cap) {
		*cap = *cap ? 2 * *cap : 16;
		*arr = xreallocarray(*arr, *cap, sizeof **arr);
	}
	m = &(*arr)[(*count)++];
	m->start = start;
	m->end = end;
	m->label = xstrndup(label, len);
	m->note = -1;
	m->style = style;
}

static int
add_note(struct notes *n, const char *label, uint64_t start, uint64_t end, unsigned style)
{
	struct notes_note *note;

	if (n->nnotes == n->cap_notes) {
		n->cap_notes = n->cap_notes ? 2 * n->cap_notes : 16;
		n->notes = xreallocarray(n->notes, n->cap_notes, sizeof *n->notes);
	}
	note = &n->notes[n->nnotes];
	memset(note, 0, sizeof *note);
	note->label = xstrdup(label);
	note->start = start;
	note->end = end;
	note->ibid_of = -1;
	note->style = style;
	return (int)n->nnotes++;
}

/* ------------------------------------------------------------------ */
/* Section headings */

/* Is s[0..n) one of the section names (fold key; trailing colon or period allowed)? */
static bool
is_section_name(const char *s, size_t n)
{
	struct strbuf key = STRBUF_INIT, name = STRBUF_INIT;
	bool found = false;

	if (n == 0 || n > SECTION_NAME_MAX)
		return false;
	fold_key(s, n, &key);
	while (key.len > 0 && strchr(" :.", key.buf[key.len - 1]))
		key.len--;
	for (size_t i = 0; i < GLOSS_ARRAY_SIZE(section_names) && !found; i++) {
		strbuf_reset(&name);
		fold_key(section_names[i], strlen(section_names[i]), &name);
		found = key.len > 0 && name.len == key.len - (key.buf[0] == ' ') &&
		    memcmp(name.buf, key.buf + (key.buf[0] == ' '), name.len) == 0;
	}
	strbuf_done(&key);
	strbuf_done(&name);
	return found;
}

/* ------------------------------------------------------------------ */
/* A note's own label at the start of an entry */

/* The SUP span starting the block, if its text is a label. */
static bool
lead_sup(const struct doc_block *b, size_t start, char *label, size_t *body)
{
	for (uint32_t k = 0; k < b->nspans; k++) {
		const struct doc_span *sp = &b->spans[k];

		if (sp->start > start)
			break;
		if (sp->kind == DOC_SPAN_SUP && sp->start == start &&
		    label_norm(b->text + sp->start, sp->end - sp->start, true, label)) {
			*body = sp->end;
			return true;
		}
	}
	return false;
}

/* "x." "x)" "[x]" at s[i]: the end of the marker, or 0. */
static size_t
lead_text(const char *s, size_t n, size_t i, char *label)
{
	size_t a = i + (i < n && s[i] == '['), z = a;

	if (a == i && (z = i + strspn(s + i, "*")) > i && z - i <= 3 && z < n && s[z] == ' ') {
		memcpy(label, s + i, z - i);	/* "* text": an asterisk note */
		label[z - i] = '\0';
		return z;
	}
	z = a;
	while (z < n && z - a <= LABEL_MAX && (s[z] == '*' || (s[z] >= '0' && s[z] <= '9') ||
	    (s[z] >= 'a' && s[z] <= 'z') || (s[z] >= 'A' && s[z] <= 'Z')))
		z++;
	if (z == a || z >= n)
		return 0;
	if (a > i ? s[z] != ']' : s[z] != '.' && s[z] != ')')
		return 0;
	/* "A. Smith" is an author, not note a; letters need ")" or "[a]" */
	if (!label_norm(s + a, z - a, s[z] != '.', label))
		return 0;
	z++;
	if (z < n && !is_space((unsigned char)s[z]) && (unsigned char)s[z] != 0xC2)
		return 0;
	return z;
}

/*
 * The label a note entry starts with, and the start of its body in the
 * block; false if the block does not start with a marker.
 */
static bool
lead_marker(const struct doc_block *b, char *label, size_t *body, unsigned *style)
{
	size_t i = skip_space(b->text, b->len, 0), z;

	if (b->kind == DOC_LIST_ITEM && b->label && b->label[0] >= '0' && b->label[0] <= '9') {
		size_t ln = strspn(b->label, "0123456789");

		if (label_norm(b->label, ln, false, label)) {
			*body = i;
			*style = NOTES_BRACKET;
			return true;
		}
	}
	if (lead_sup(b, i, label, body)) {
		*style = NOTES_SUP;
	} else if ((z = sup_run(b->text, b->len, i, label)) > i && label_norm(label, strlen(label), false, label)) {
		*body = z;
		*style = NOTES_UNICODE;
	} else if ((z = lead_text(b->text, b->len, i, label)) > 0) {
		*body = z;
		*style = NOTES_BRACKET;
	} else if (b->len - i > 4 && memcmp(b->text + i, "[^", 2) == 0 &&
	    (z = (size_t)((const char *)memchr(b->text + i, ']', b->len - i) - b->text)) < b->len &&
	    z + 1 < b->len && b->text[z + 1] == ':' && z - i - 2 <= LABEL_MAX) {
		memcpy(label, b->text + i + 2, z - i - 2);	/* "[^x]:" left as text */
		label[z - i - 2] = '\0';
		*body = z + 2;
		*style = NOTES_FOOTNOTE;
	} else {
		return false;
	}
	*body = skip_space(b->text, b->len, *body);
	return true;
}

/* ------------------------------------------------------------------ */
/* Markers in body text */

/* May a superscript run start after the code point before s[i]? */
static bool
sup_after_ok(const char *s, size_t i)
{
	size_t k = i;
	uint32_t cp;

	if (i == 0)
		return false;
	while (k > 0 && ((unsigned char)s[k - 1] & 0xC0) == 0x80)
		k--;
	if (k > 0)
		k--;
	text_decode(s + k, i - k, &cp);
	return uc_is_alpha(cp) || (cp >= '0' && cp <= '9') || strchr(".,;:!?)]\"'", (int)cp) ||
	    cp == 0x201D || cp == 0xBB || cp == 0x2019;
}

/* The end of a "[^label]" at s[i] that is not a definition ("[^x]:"), or i. */
static size_t
gfm_ref(const char *s, size_t n, size_t i)
{
	size_t z = i + 2;

	while (z < n && z - i <= GFM_LABEL_MAX && s[z] != ']' && s[z] != '[' && s[z] != ' ' && s[z] != '\n')
		z++;
	if (z >= n || s[z] != ']' || z == i + 2 || (z + 1 < n && s[z + 1] == ':'))
		return i;
	return z + 1;
}

/*
 * The end of the inline code span that byte i of b is in, or i.  *k is a
 * cursor over the spans for increasing i (linear over a block).
 */
static size_t
code_span_end(const struct doc_block *b, uint32_t *k, size_t i)
{
	const struct doc_span *sp;

	for (; *k < b->nspans; (*k)++) {
		sp = &b->spans[*k];
		if (sp->start > i)
			return i;
		if (sp->kind == DOC_SPAN_CODE && i < sp->end)
			return sp->end;
	}
	return i;
}

/* Collects [12] and ¹² candidates (and bare "[^x]" markers) in a block of body text. */
static void
scan_candidates(struct scan *sc, const struct doc_block *b, uint64_t off)
{
	const char *s = b->text;
	size_t n = b->len;
	char label[LABEL_MAX + 1];
	uint32_t code = 0;

	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		size_t z = code_span_end(b, &code, i);

		if (z > i) {		/* nothing in inline code is a marker */
			i = z - 1;
		} else if (c == '[' && i + 1 < n && s[i + 1] == '^') {
			z = gfm_ref(s, n, i);
			if (z > i)	/* "[^x]" left as text: its definition is missing */
				add_marker(&sc->n->markers, &sc->n->nmarkers, &sc->n->cap_markers, off + i,
				    off + z, s + i + 2, z - i - 3, NOTES_FOOTNOTE);
			i = z > i ? z - 1 : i;
		} else if (c == '[') {
			for (z = i + 1; z < n && z - i <= LABEL_MAX + 1 && s[z] != ']' && s[z] != '['; z++)
				;
			if (z < n && s[z] == ']' && label_norm(s + i + 1, z - i - 1, true, label))
				add_marker(&sc->cands, &sc->ncands, &sc->cap_cands, off + i, off + z + 1,
				    label, strlen(label), NOTES_BRACKET);
		} else if ((c == 0xC2 || c == 0xE2) && (z = sup_run(s, n, i, label)) > i) {
			if (sup_after_ok(s, i) && label_norm(label, strlen(label), false, label))
				add_marker(&sc->cands, &sc->ncands, &sc->cap_cands, off + i, off + z,
				    label, strlen(label), NOTES_UNICODE);
			i = z - 1;
		}
	}
}

/* Collects the <sup> and [^x] markers of a block of body text. */
static void
scan_spans(struct scan *sc, const struct doc_block *b, uint64_t off)
{
	struct notes *n = sc->n;
	char label[LABEL_MAX + 1];

	for (uint32_t k = 0; k < b->nspans; k++) {
		const struct doc_span *sp = &b->spans[k];
		size_t a = skip_space(b->text, sp->end, sp->start), z = sp->end;

		while (z > a && b->text[z - 1] == ' ')
			z--;
		if (sp->kind == DOC_SPAN_NOTEREF && sp->url)
			add_marker(&n->markers, &n->nmarkers, &n->cap_markers, off + sp->start,
			    off + sp->end, sp->url, strlen(sp->url), NOTES_FOOTNOTE);
		else if (sp->kind == DOC_SPAN_SUP && label_norm(b->text + a, z - a, true, label))
			add_marker(&n->markers, &n->nmarkers, &n->cap_markers, off + sp->start,
			    off + sp->end, label, strlen(label), NOTES_SUP);
	}
}

/* ------------------------------------------------------------------ */
/* The pass over the blocks */

static bool
continues_note(enum doc_kind kind)
{
	return kind == DOC_PARAGRAPH || kind == DOC_QUOTE || kind == DOC_CODE;
}

static void
scan_heading(struct scan *sc, const struct doc_block *b, int level)
{
	if (sc->in_section && level <= sc->section_level)
		sc->in_section = false;
	sc->open_note = -1;
	if (is_section_name(b->text, b->len)) {
		sc->in_section = true;
		sc->section_level = level;
	}
}

/* A block inside a notes section: a new note, a continuation, or neither. */
static void
scan_entry(struct scan *sc, const struct doc_block *b, uint64_t off)
{
	char label[LABEL_MAX + 1];
	size_t body;
	unsigned style;

	if (lead_marker(b, label, &body, &style))
		sc->open_note = add_note(sc->n, label, off + body, off + b->len, style);
	else if (sc->open_note >= 0 && continues_note(b->kind))
		sc->n->notes[sc->open_note].end = off + b->len;
	else
		sc->open_note = -1;
}

/* A "[^x]: text" paragraph outside a notes section (a definition left as text) is a note. */
static bool
scan_definition(struct scan *sc, const struct doc_block *b, uint64_t off)
{
	char label[LABEL_MAX + 1];
	size_t body;
	unsigned style;

	if (b->kind != DOC_PARAGRAPH || b->len < 5 || memcmp(b->text, "[^", 2) != 0 ||
	    !lead_marker(b, label, &body, &style) || style != NOTES_FOOTNOTE)
		return false;
	sc->open_note = add_note(sc->n, label, off + body, off + b->len, style);
	return true;
}

static void
scan_block(struct scan *sc, const struct doc_block *b, uint64_t off)
{
	if ((b->flags & DOC_BLOCK_IN_NOTE) && !(b->kind == DOC_NOTE && b->label) &&
	    sc->open_note >= 0) {
		sc->n->notes[sc->open_note].end = off + b->len;	/* a footnote goes on */
		scan_spans(sc, b, off);
	} else if (b->kind == DOC_CODE) {
		sc->open_note = -1;	/* "[^1]" in code is code, not a marker */
	} else if (b->kind == DOC_HEADING || b->kind == DOC_TITLE) {
		scan_heading(sc, b, b->kind == DOC_TITLE ? 1 : b->level);
	} else if (b->kind == DOC_NOTE) {
		if (b->label)
			sc->open_note = add_note(sc->n, b->label, off, off + b->len, NOTES_FOOTNOTE);
		else if (sc->open_note >= 0)
			sc->n->notes[sc->open_note].end = off + b->len;
	} else if (b->kind == DOC_PARAGRAPH && is_section_name(b->text, b->len)) {
		sc->in_section = true;
		sc->section_level = LEVEL_PARAGRAPH;
		sc->open_note = -1;
	} else if (sc->in_section) {
		scan_entry(sc, b, off);
	} else if (!scan_definition(sc, b, off)) {
		sc->open_note = -1;
		scan_spans(sc, b, off);
		scan_candidates(sc, b, off);
	}
}

/* ------------------------------------------------------------------ */
/* Linking */

struct by_label {
	const char *label;
	size_t note;
};

static int
by_label_cmp(const void *a, const void *b)
{
	const struct by_label *x = a, *y = b;
	int c = strcmp(x->label, y->label);

	return c ? c : (x->note > y->note) - (x->note < y->note);
}

static bool
label_before(const void *elem, const void *key)
{
	return strcmp(((const struct by_label *)elem)->label, key) < 0;
}

/* The note a marker at start with this label cites: the first one after it, else the last before. */
static int
find_note(const struct notes *n, const struct by_label *idx, const char *label, uint64_t start)
{
	size_t lo = sorted_partition(idx, n->nnotes, sizeof *idx, label_before, label);
	int best = -1;

	for (; lo < n->nnotes && strcmp(idx[lo].label, label) == 0; lo++) {
		best = (int)idx[lo].note;
		if (n->notes[idx[lo].note].start >= start)
			break;
	}
	return best;
}

static int
marker_cmp(const void *a, const void *b)
{
	const struct notes_marker *x = a, *y = b;

	return (x->start > y->start) - (x->start < y->start);
}

/* Links markers to notes, keeps the candidates that have one, sorts the markers. */
static void
link_markers(struct notes *n, struct scan *sc)
{
	struct by_label *idx = xcalloc(n->nnotes + 1, sizeof *idx);

	for (size_t i = 0; i < n->nnotes; i++)
		idx[i] = (struct by_label){ n->notes[i].label, i };
	qsort(idx, n->nnotes, sizeof *idx, by_label_cmp);
	for (size_t i = 0; i < n->nmarkers; i++)
		n->markers[i].note = find_note(n, idx, n->markers[i].label, n->markers[i].start);
	for (size_t i = 0; i < sc->ncands; i++) {
		struct notes_marker *c = &sc->cands[i];
		int note = find_note(n, idx, c->label, c->start);

		if (note >= 0) {
			add_marker(&n->markers, &n->nmarkers, &n->cap_markers, c->start, c->end,
			    c->label, strlen(c->label), c->style);
			n->markers[n->nmarkers - 1].note = note;
		}
		free((char *)c->label);
	}
	free(sc->cands);
	free(idx);
	if (n->nmarkers > 1)	/* qsort(NULL, 0, ...) is undefined */
		qsort(n->markers, n->nmarkers, sizeof *n->markers, marker_cmp);
}

/* Fills each note's cite array (marker indexes in order). */
static void
link_cites(struct notes *n)
{
	for (size_t i = 0; i < n->nmarkers; i++) {
		struct notes_note *note;
		size_t *cites;

		if (n->markers[i].note < 0)
			continue;
		note = &n->notes[n->markers[i].note];
		cites = xreallocarray((size_t *)note->cites, note->ncites + 1, sizeof *cites);
		cites[note->ncites++] = i;
		note->cites = cites;
	}
}

/* Reads each note's text back from the document text, trimmed. */
static void
read_texts(struct notes *n, struct doc *doc)
{
	struct strbuf sb = STRBUF_INIT;

	for (size_t i = 0; i < n->nnotes; i++) {
		size_t a, z;

		strbuf_reset(&sb);
		doc_text_range(doc, n->notes[i].start, n->notes[i].end, &sb);
		a = skip_space(sb.buf ? sb.buf : "", sb.len, 0);
		z = sb.len;
		while (z > a && strchr(" \t\n", sb.buf[z - 1]))
			z--;
		n->notes[i].text = xstrndup(sb.len ? sb.buf + a : "", z - a);
	}
	strbuf_done(&sb);
}

/* ------------------------------------------------------------------ */
/* Ibid. and op. cit. */

static const char *const ibid_words[] = { "ibidem", "ibid", "ib.", "там же", "там само", "тамсама" };
static const char *const page_words[] = { "pp.", "p.", "с.", "стр.", "s." };

/* Is the code point at k[i] a letter? */
static bool
letter_at(const char *k, size_t n, size_t i)
{
	uint32_t cp;

	if (i >= n)
		return false;
	text_decode(k + i, n - i, &cp);
	return uc_is_alpha(cp);
}

/* The length of the word of words[] that key k starts with (as a whole word), or 0. */
static size_t
word_at(const char *k, size_t n, const char *const *words, size_t nwords)
{
	for (size_t w = 0; w < nwords; w++) {
		size_t len = strlen(words[w]);

		if (n >= len && memcmp(k, words[w], len) == 0 &&
		    (words[w][len - 1] == '.' || !letter_at(k, n, len)))
			return len;
	}
	return 0;
}

/* The page part ("p. 5", "С. 12–14") at key byte p, as a copy of the source text, or NULL. */
static char *
page_at(const char *src, size_t srclen, const char *k, size_t n, const uint32_t *map, size_t p)
{
	size_t a, w, z;

	while (p < n && strchr(" ,.;:", k[p]))
		p++;
	a = p;
	if ((w = word_at(k + p, n - p, page_words, GLOSS_ARRAY_SIZE(page_words))) == 0)
		return NULL;
	z = p + w;
	z += z < n && k[z] == ' ';
	if (z >= n || k[z] < '0' || k[z] > '9')
		return NULL;
	while (z < n && ((k[z] >= '0' && k[z] <= '9') || k[z] == '-' ||
	    (n - z >= 3 && (memcmp(k + z, "\xE2\x80\x93", 3) == 0 || memcmp(k + z, "\xE2\x80\x94", 3) == 0))))
		z += (unsigned char)k[z] == 0xE2 ? 3 : 1;
	a = map[a];
	z = fold_map_end(map, n, z, srclen);
	return xstrndup(src + a, z - a);
}

/* The fold key of the author part of a note: its text before the first comma or period. */
static char *
author_key(const char *s, size_t n)
{
	struct strbuf key = STRBUF_INIT;
	size_t z = strcspn(s, ",.");

	fold_key(s, GLOSS_MIN(z, n), &key);
	while (key.len > 0 && key.buf[key.len - 1] == ' ')
		key.len--;
	return strbuf_detach(&key, NULL);
}

/* op. cit.: the last note before i by the author named before "op. cit.", or -1. */
static int
op_cit(struct notes_note *notes, size_t i, const char *k, size_t n, char **authors, size_t *after)
{
	const char *p = NULL;
	char *who;
	int found = -1;

	size_t len = 0;

	for (size_t j = 0; j + 6 <= n && p == NULL; j++) {
		len = 0;
		if (j + 7 <= n && memcmp(k + j, "op. cit", 7) == 0)
			len = 7;
		else if (memcmp(k + j, "op.cit", 6) == 0)
			len = 6;
		if (len > 0 && (j == 0 || !letter_at(k, n, j - 1)))
			p = k + j;
	}
	if (p == NULL || p == k)
		return -1;
	*after = (size_t)(p - k) + len;
	who = author_key(k, (size_t)(p - k));
	for (size_t j = i; j-- > 0 && who[0];) {
		if (authors[j] == NULL)
			authors[j] = author_key(notes[j].text, strlen(notes[j].text));
		if (strcmp(authors[j], who) == 0) {
			found = (int)j;
			break;
		}
	}
	free(who);
	return found;
}

/* Sets ibid_of and page of note i. */
static void
ibid_one(struct notes_note *notes, size_t i, char **authors)
{
	const char *s = notes[i].text;
	size_t n = strlen(s), look = n, w, after = 0;
	struct strbuf key = STRBUF_INIT;
	uint32_t *map;
	int of;

	if (look > IBID_LOOK)	/* at a code point boundary */
		for (look = IBID_LOOK; look > 0 && ((unsigned char)s[look] & 0xC0) == 0x80; look--)
			;
	fold_key_mapped(s, look, &key, &map);
	if ((w = word_at(key.buf ? key.buf : "", key.len, ibid_words, GLOSS_ARRAY_SIZE(ibid_words))) > 0) {
		notes[i].ibid_of = i > 0 ? (int)i - 1 : -1;
		notes[i].page = page_at(s, look, key.buf, key.len, map, w);
	} else if (key.len > 0 && (of = op_cit(notes, i, key.buf, key.len, authors, &after)) >= 0) {
		notes[i].ibid_of = of;
		notes[i].page = page_at(s, look, key.buf, key.len, map, after);
	}
	free(map);
	strbuf_done(&key);
}

static void
resolve_ibid(struct notes *n)
{
	char **authors = xcalloc(n->nnotes + 1, sizeof *authors);

	for (size_t i = 0; i < n->nnotes; i++)
		ibid_one(n->notes, i, authors);
	for (size_t i = 0; i < n->nnotes; i++)
		free(authors[i]);
	free(authors);
}

/* ------------------------------------------------------------------ */
/* Public */

enum gloss_status
notes_scan(struct doc *doc, struct notes **out)
{
	struct notes *n = xcalloc(1, sizeof *n);
	struct scan sc = { .n = n, .open_note = -1 };
	struct doc_loc loc;

	doc_measure_all(doc);
	if (doc_first(doc, &loc)) {
		do {
			const struct doc_block *b = doc_block(doc, loc);
			uint64_t off;

			if (b && doc_block_offset(doc, loc, &off))
				scan_block(&sc, b, off);
		} while (doc_next(doc, &loc));
	}
	link_markers(n, &sc);
	link_cites(n);
	read_texts(n, doc);
	resolve_ibid(n);
	*out = n;
	return GLOSS_OK;
}

void
notes_free(struct notes *n)
{
	if (n == NULL)
		return;
	for (size_t i = 0; i < n->nmarkers; i++)
		free((char *)n->markers[i].label);
	for (size_t i = 0; i < n->nnotes; i++) {
		free((char *)n->notes[i].label);
		free((char *)n->notes[i].text);
		free((char *)n->notes[i].page);
		free((size_t *)n->notes[i].cites);
	}
	free(n->markers);
	free(n->notes);
	free(n);
}

size_t
notes_count(const struct notes *n)
{
	return n->nnotes;
}

const struct notes_note *
notes_note(const struct notes *n, size_t i)
{
	return i < n->nnotes ? &n->notes[i] : NULL;
}

size_t
notes_marker_count(const struct notes *n)
{
	return n->nmarkers;
}

const struct notes_marker *
notes_marker(const struct notes *n, size_t i)
{
	return i < n->nmarkers ? &n->markers[i] : NULL;
}

size_t
notes_marker_lower(const struct notes *n, uint64_t start)
{
	return sorted_upper_u64(n->markers, n->nmarkers, sizeof *n->markers,
	    offsetof(struct notes_marker, end), start);
}

int
notes_note_at(const struct notes *n, uint64_t off)
{
	/* just after the last note with start <= off */
	size_t lo = sorted_upper_u64(n->notes, n->nnotes, sizeof *n->notes,
	    offsetof(struct notes_note, start), off);

	return lo > 0 && off < n->notes[lo - 1].end ? (int)lo - 1 : -1;
}

int
notes_resolve(const struct notes *n, int note)
{
	if (note < 0 || (size_t)note >= n->nnotes)
		return -1;
	while (n->notes[note].ibid_of >= 0)
		note = n->notes[note].ibid_of;
	return note;
}

const char *
notes_style_name(unsigned style)
{
	static const char *const names[] = { "sup", "footnote", "bracket", "unicode" };

	return style < GLOSS_ARRAY_SIZE(names) ? names[style] : "?";
}
