/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * test_linebreak — Unicode conformance of the break array.
 *
 * Every case of LineBreakTest.txt ($UNICODE_DATA_DIR/auxiliary) goes
 * through layout_breaks(..., TYPO_NONE, ...), i.e. libunistring alone, and
 * each inner boundary is compared with the file (the start and the end of
 * the text are not).  A case fails at its first wrong boundary and counts
 * under the rule the file names there.  libunistring 1.0 deviates from
 * UAX #14 15.0 in a few known places; each of those groups is reported as
 * a TODO test while it has failures, and fails for real if it grows.  A
 * failure under any other rule, or fewer passes than the recorded
 * baseline, fails the test.
 *
 * The same runs with gloss's corrections (TYPO_UAX151 | TYPO_R6: the rules
 * of Unicode 15.1 on quotation marks and numbers, LB29), and the 15.1 file
 * (tests/data/unicode/LineBreakTest-15.1.0.json, without rule numbers: a
 * failure is named by the rule the 15.0 file gives the same case, else by
 * its two code points) against the recorded deviations of known151_gloss[];
 * for libunistring alone against 15.1 only the pass count is checked.
 */
#include "gloss/gloss.h"

#include <unictype.h>
#include <unilbrk.h>

#include "gloss/layout.h"
#include "gloss/strbuf.h"
#include "gloss/typo.h"
#include "../lib/tap.h"

#define BASELINE 7300		/* measured with libunistring 1.0 and Unicode 15.0.0 */
#define MAX_CPS 64

/* The known deviations: the file's rule number, a name, the recorded count. */
static const struct known {
	const char *rule;
	const char *name;
	int recorded;
} known[] = {
	{ "18.0", "LB18 SP ÷ (after leading spaces; SP before CM)", 273 },
	{ "999.0", "999 (LB31 and the number tailoring of Example 7)", 34 },
	{ "20.02", "LB20.02 CB ÷", 13 },
	{ "29.0", "LB29 IS × (AL | HL), not implemented", 12 },
	{ "14.0", "LB14 OP SP* × (a CM after OP SP)", 12 },
	{ "16.0", "LB16 (CL | CP) SP* × NS", 5 },
	{ "20.01", "LB20.01 ÷ CB", 4 },
	{ "30.11", "LB30.11 RI pairs (RI CM RI)", 1 },
};

#define GLOSS_UAX TYPO_UAX151	/* gloss's corrections of the library (typo_uax151) */
#define BASELINE_GLOSS 7294	/* the same with typo_uax151() */
#define BASELINE_151 9282	/* libunistring 1.0 against Unicode 15.1.0 */
#define BASELINE_151_GLOSS 9457	/* the same with typo_uax151() */

/* The 15.0 file with the corrections: the library's deviations, and LB15 (gone in 15.1). */
static const struct known known_gloss[] = {
	{ "18.0", "LB18 SP ÷ (after leading spaces; SP before CM)", 275 },
	{ "999.0", "999 (LB31 and the number tailoring of Example 7)", 34 },
	{ "20.02", "LB20.02 CB ÷", 13 },
	{ "29.0", "LB29 IS × (AL | HL): gloss's R6, not typo_uax151", 12 },
	{ "14.0", "LB14 OP SP* × (a CM after OP SP)", 10 },
	{ "15.0", "LB15 QU SP* × OP of 15.0, replaced by LB15a/b in 15.1", 6 },
	{ "16.0", "LB16 (CL | CP) SP* × NS", 5 },
	{ "20.01", "LB20.01 ÷ CB", 4 },
	{ "30.11", "LB30.11 RI pairs (RI CM RI)", 1 },
};

/*
 * The 15.1 file with the corrections: the same deviations of the library,
 * and LB28a (Brahmic aksaras: classes AK, AP, AS, VF, VI that libunistring
 * 1.0's Unicode 14 tables do not have).
 */
static const struct known known151_gloss[] = {
	{ "18.0", "LB18 SP ÷ (after leading spaces; SP before CM)", 333 },
	{ "28.11", "LB28a aksara classes (not in libunistring 1.0's tables)", 405 },
	{ "999.0", "999 (LB31 and the number tailoring of Example 7)", 34 },
	{ "20.02", "LB20.02 CB ÷", 13 },
	{ "29.0", "LB29 IS × (AL | HL): gloss's R6, not typo_uax151", 12 },
	{ "14.0", "LB14 OP SP* × (a CM after OP SP)", 10 },
	{ "16.0", "LB16 (CL | CP) SP* × NS", 5 },
	{ "20.01", "LB20.01 ÷ CB", 4 },
	{ "30.11", "LB30.11 RI pairs (RI CM RI)", 1 },
};

/* Failures of one rule, with the first example. */
struct group {
	char rule[16];
	int count;
	char example[160];
};

struct tally {
	int cases, pass;
	struct group groups[64];
	int ngroups;
};

/* One parsed test line. */
struct lbcase {
	uint32_t cp[MAX_CPS];
	bool brk[MAX_CPS + 1];		/* boundary before cp[k] (k == n: the end) */
	char rule[MAX_CPS + 1][16];	/* the rule the file names there */
	int n;
};

/* Reads "× 0023 ÷ 0020 ÷\t# × [0.3] ... ÷ [18.0] ..." into c. */
static bool
parse(const char *line, struct lbcase *c)
{
	const char *p = line, *hash = strchr(line, '#');
	int k = 0;

	if (hash == NULL)
		return false;
	c->n = 0;
	while (p < hash && c->n < MAX_CPS) {
		if (!strncmp(p, "÷", strlen("÷")) || !strncmp(p, "×", strlen("×"))) {
			c->brk[c->n] = !strncmp(p, "÷", strlen("÷"));
			p += strlen("÷");
		} else if (*p == ' ' || *p == '\t') {
			p++;
		} else {
			c->cp[c->n++] = (uint32_t)strtoul(p, (char **)&p, 16);
		}
	}
	for (p = hash; (p = strchr(p, '[')) != NULL && k <= c->n; k++) {
		size_t len = strcspn(++p, "]");

		snprintf(c->rule[k], sizeof(c->rule[k]), "%.*s", (int)len, p);
	}
	return c->n > 0 && k == c->n + 1;
}

/* The Unicode 15.0 cases by their text, to name the rule of a 15.1 failure. */
struct named {
	char **text;		/* the part before '#', trailing blanks removed */
	struct lbcase *c;
	int n, cap;
};

static char *
case_text(const char *line)
{
	size_t len = strcspn(line, "#\t\"");

	while (len > 0 && line[len - 1] == ' ')
		len--;
	return strndup(line, len);
}

static void
named_add(struct named *nm, const char *line, const struct lbcase *c)
{
	if (nm->n == nm->cap) {
		nm->cap = nm->cap ? 2 * nm->cap : 1024;
		nm->text = realloc(nm->text, (size_t)nm->cap * sizeof(*nm->text));
		nm->c = realloc(nm->c, (size_t)nm->cap * sizeof(*nm->c));
	}
	nm->text[nm->n] = case_text(line);
	nm->c[nm->n++] = *c;
}

static void
named_free(struct named *nm)
{
	int k;

	for (k = 0; k < nm->n; k++)
		free(nm->text[k]);
	free(nm->text);
	free(nm->c);
}

/*
 * A character of the Brahmic scripts whose classes 15.1 changed for LB28a
 * (AK, AP, AS, VF, VI), or U+25CC DOTTED CIRCLE, the test's stand-in base.
 */
static bool
aksara(uint32_t cp)
{
	const uc_script_t *sc = uc_script(cp);
	static const char *const names[] = {
		"Balinese", "Batak", "Brahmi", "Javanese", "Kawi", "Khojki", "Sundanese",
		"Tirhuta", "Grantha", "Makasar", "Cham", "Tai_Tham", "Kharoshthi", "Takri",
		"Dives_Akuru", "Tibetan", "Limbu", "Lepcha", "Modi", "Newa", "Siddham",
		"Bhaiksuki", "Marchen", "Masaram_Gondi", "Gunjala_Gondi", "Sharada",
		"Kaithi", "Chakma", "Buginese", "Tamil", "Malayalam", "Dogra",
	};
	size_t k;

	if (cp == 0x25CC || (cp >= 0x11F00 && cp <= 0x11F5F))
		return true;	/* Kawi: too new for libunistring 1.0's scripts */
	for (k = 0; sc && k < GLOSS_ARRAY_SIZE(names); k++) {
		if (strcmp(sc->name, names[k]) == 0)
			return true;
	}
	return false;
}

/*
 * The rule the 15.0 file names at boundary k of the case in line, if it
 * has the same case with the same answer there; else "15.1" and the two
 * code points (a rule that 15.1 added or changed, or a new character).
 */
static void
name_rule(const struct named *nm, const char *line, const struct lbcase *c, int k,
    char *rule, size_t size)
{
	char *text = case_text(line);
	int j;

	for (j = 0; j < nm->n; j++) {
		if (strcmp(nm->text[j], text) == 0 && nm->c[j].brk[k] == c->brk[k]) {
			snprintf(rule, size, "%s", nm->c[j].rule[k]);
			free(text);
			return;
		}
	}
	free(text);
	if (c->cp[k - 1] == 0x20 && uc_is_general_category(c->cp[k], UC_CATEGORY_M)) {
		snprintf(rule, size, "18.0");	/* the library's SP CM */
		return;
	}
	for (j = 0; j < k && (c->cp[j] == 0x20 || (c->cp[j] >= 0x0A && c->cp[j] <= 0x0D) ||
	    c->cp[j] == 0x85 || c->cp[j] == 0x2028 || c->cp[j] == 0x2029); j++)
		;
	if (j == k) {
		snprintf(rule, size, "18.0");	/* the library's leading spaces */
		return;
	}
	for (j = 0; j < c->n; j++) {
		if (aksara(c->cp[j])) {
			snprintf(rule, size, "28.11");	/* the rule LB28a of 15.1 */
			return;
		}
	}
	snprintf(rule, size, "15.1 %04X %04X", (unsigned)c->cp[k - 1], (unsigned)c->cp[k]);
}

/* Reads one string of the JSON file ("× 0023 ÷ 0020 ÷",) into c. */
static bool
parse_json(const char *line, struct lbcase *c, char *text, size_t size)
{
	const char *q = strchr(line, '"'), *e;
	size_t l;
	int k;

	if (q == NULL || (e = strchr(q + 1, '"')) == NULL || e - q < 4 ||
	    (strncmp(q + 1, "×", strlen("×")) != 0 && strncmp(q + 1, "÷", strlen("÷")) != 0))
		return false;
	l = (size_t)snprintf(text, size, "%.*s\t#", (int)(e - q - 1), q + 1);
	for (k = 0; k <= MAX_CPS && l + 4 < size; k++)
		l += (size_t)snprintf(text + l, size - l, "[?]");	/* no rule numbers */
	return parse(text, c);
}

/* The boundary before code point k of the text is a break in p. */
static bool
is_break(const char *p, const size_t *off, int k)
{
	return p[off[k]] == UC_BREAK_POSSIBLE || p[off[k - 1]] == UC_BREAK_MANDATORY;
}

static void
record(struct tally *t, const char *rule, const char *line)
{
	size_t len;
	int g;

	for (g = 0; g < t->ngroups; g++) {
		if (strcmp(t->groups[g].rule, rule) == 0)
			break;
	}
	if (g == t->ngroups) {
		if (t->ngroups == (int)GLOSS_ARRAY_SIZE(t->groups))
			g--;
		else
			t->ngroups++;
		snprintf(t->groups[g].rule, sizeof(t->groups[g].rule), "%s", rule);
		t->groups[g].count = 0;
		len = strcspn(line, "#\t");
		while (len > 0 && line[len - 1] == ' ')
			len--;
		snprintf(t->groups[g].example, sizeof(t->groups[g].example), "%.*s",
		    (int)len, line);
	}
	t->groups[g].count++;
}

/* Runs one case; returns false (and records it) if a boundary is wrong. */
static bool
run(struct tally *t, const struct lbcase *c, const char *line, unsigned rules,
    const struct named *nm)
{
	struct strbuf text = STRBUF_INIT;
	size_t off[MAX_CPS + 1];
	char *p;
	int k;

	for (k = 0; k < c->n; k++) {
		off[k] = text.len;
		strbuf_addcp(&text, c->cp[k]);
	}
	off[c->n] = text.len;
	p = malloc(text.len);
	layout_breaks(text.buf, text.len, rules, p);
	for (k = 1; k < c->n; k++) {
		if (is_break(p, off, k) != c->brk[k])
			break;
	}
	free(p);
	strbuf_done(&text);
	if (k == c->n)
		return true;
	if (nm) {
		char rule[32];

		name_rule(nm, line, c, k, rule, sizeof(rule));
		record(t, rule, line);
	} else {
		record(t, c->rule[k], line);
	}
	return false;
}

static const struct group *
find(const struct tally *t, const char *rule)
{
	int g;

	for (g = 0; g < t->ngroups; g++) {
		if (strcmp(t->groups[g].rule, rule) == 0)
			return &t->groups[g];
	}
	return NULL;
}

static const struct known *
find_known(const struct known *kn, size_t nkn, const char *rule)
{
	size_t k;

	for (k = 0; k < nkn; k++) {
		if (strcmp(kn[k].rule, rule) == 0)
			return &kn[k];
	}
	return NULL;
}

/* A TAP line for an expected failure (not counted as one). */
static void
todo(const char *fmt, ...)
{
	va_list ap;

	tap_count++;
	printf("not ok %d - ", tap_count);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf(" # TODO known libunistring deviation\n");
}

static void
report(const struct tally *t, const char *label, int baseline, const struct known *kn,
    size_t nkn)
{
	size_t k;
	int g, unknown = 0;

	printf("# LineBreakTest %s: %d/%d cases pass (%.2f %%)\n", label, t->pass, t->cases,
	    100.0 * t->pass / (t->cases ? t->cases : 1));
	ok(t->cases > 0, "%s: read %d cases", label, t->cases);
	ok(t->pass >= baseline, "%s: %d cases pass, baseline %d", label, t->pass, baseline);
	if (kn == NULL)
		return;		/* the pass count only */
	for (k = 0; k < nkn; k++) {
		const struct group *gr = find(t, kn[k].rule);
		int count = gr ? gr->count : 0;

		if (count == 0)
			ok(1, "%s: %s: no failures", label, kn[k].name);
		else if (count <= kn[k].recorded)
			todo("%s: %s: %d failures (recorded %d), e.g. %s", label, kn[k].name,
			    count, kn[k].recorded, gr->example);
		else
			ok(0, "%s: %s: %d failures, more than the recorded %d, e.g. %s", label,
			    kn[k].name, count, kn[k].recorded, gr->example);
	}
	for (g = 0; g < t->ngroups; g++) {
		if (find_known(kn, nkn, t->groups[g].rule))
			continue;
		unknown++;
		ok(0, "%s: rule %s: %d unexpected failures, e.g. %s", label, t->groups[g].rule,
		    t->groups[g].count, t->groups[g].example);
	}
	if (unknown == 0)
		ok(1, "%s: no failures outside the known deviations", label);
}

/* Runs the 15.0 file of dir in both modes; keeps its cases in *nm. */
static void
run_150(FILE *f, struct named *nm)
{
	struct tally t, u;
	struct lbcase c;
	char line[4096];

	memset(&t, 0, sizeof(t));
	memset(&u, 0, sizeof(u));
	while (fgets(line, sizeof(line), f)) {
		if (line[0] == '#' || !parse(line, &c))
			continue;
		named_add(nm, line, &c);
		t.cases++;
		t.pass += run(&t, &c, line, TYPO_NONE, NULL);
		u.cases++;
		u.pass += run(&u, &c, line, GLOSS_UAX, NULL);
	}
	report(&t, "15.0.0, libunistring", BASELINE, known, GLOSS_ARRAY_SIZE(known));
	report(&u, "15.0.0, gloss", BASELINE_GLOSS, known_gloss, GLOSS_ARRAY_SIZE(known_gloss));
}

static void
run_151(FILE *f, const struct named *nm)
{
	struct tally t, u;
	struct lbcase c;
	char line[4096], text[8192];

	memset(&t, 0, sizeof(t));
	memset(&u, 0, sizeof(u));
	while (fgets(line, sizeof(line), f)) {
		if (!parse_json(line, &c, text, sizeof(text)))
			continue;
		t.cases++;
		t.pass += run(&t, &c, text, TYPO_NONE, nm);
		u.cases++;
		u.pass += run(&u, &c, text, GLOSS_UAX, nm);
	}
	report(&t, "15.1.0, libunistring", BASELINE_151, NULL, 0);
	report(&u, "15.1.0, gloss", BASELINE_151_GLOSS, known151_gloss,
	    GLOSS_ARRAY_SIZE(known151_gloss));
}

int
main(void)
{
	const char *dir = getenv("UNICODE_DATA_DIR"), *top = getenv("top_srcdir");
	struct named nm = { 0 };
	char path[4096];
	FILE *f;

	snprintf(path, sizeof(path), "%s/auxiliary/LineBreakTest.txt", dir ? dir : "");
	if (dir == NULL || (f = fopen(path, "r")) == NULL) {
		printf("1..0 # SKIP %s\n", dir ? "LineBreakTest.txt not found" :
		    "UNICODE_DATA_DIR not set");
		return 0;
	}
	run_150(f, &nm);
	fclose(f);
	snprintf(path, sizeof(path), "%s/tests/data/unicode/LineBreakTest-15.1.0.json",
	    top ? top : ".");
	f = fopen(path, "r");
	ok(f != NULL, "%s is there", path);
	if (f) {
		run_151(f, &nm);
		fclose(f);
	}
	named_free(&nm);
	return tap_done();
}
