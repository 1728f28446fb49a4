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
 */
#include "gloss/gloss.h"

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
run(struct tally *t, const struct lbcase *c, const char *line)
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
	layout_breaks(text.buf, text.len, TYPO_NONE, p);
	for (k = 1; k < c->n; k++) {
		if (is_break(p, off, k) != c->brk[k])
			break;
	}
	free(p);
	strbuf_done(&text);
	if (k == c->n)
		return true;
	record(t, c->rule[k], line);
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
find_known(const char *rule)
{
	size_t k;

	for (k = 0; k < GLOSS_ARRAY_SIZE(known); k++) {
		if (strcmp(known[k].rule, rule) == 0)
			return &known[k];
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
report(const struct tally *t)
{
	size_t k;
	int g, unknown = 0;

	printf("# LineBreakTest: %d/%d cases pass (%.2f %%)\n", t->pass, t->cases,
	    100.0 * t->pass / (t->cases ? t->cases : 1));
	ok(t->cases > 0, "read %d cases", t->cases);
	ok(t->pass >= BASELINE, "%d cases pass, baseline %d", t->pass, BASELINE);
	for (k = 0; k < GLOSS_ARRAY_SIZE(known); k++) {
		const struct group *gr = find(t, known[k].rule);
		int count = gr ? gr->count : 0;

		if (count == 0)
			ok(1, "%s: no failures", known[k].name);
		else if (count <= known[k].recorded)
			todo("%s: %d failures (recorded %d), e.g. %s", known[k].name, count,
			    known[k].recorded, gr->example);
		else
			ok(0, "%s: %d failures, more than the recorded %d, e.g. %s",
			    known[k].name, count, known[k].recorded, gr->example);
	}
	for (g = 0; g < t->ngroups; g++) {
		if (find_known(t->groups[g].rule))
			continue;
		unknown++;
		ok(0, "rule %s: %d unexpected failures, e.g. %s", t->groups[g].rule,
		    t->groups[g].count, t->groups[g].example);
	}
	if (unknown == 0)
		ok(1, "no failures outside the known deviations");
}

int
main(void)
{
	const char *dir = getenv("UNICODE_DATA_DIR");
	struct tally t;
	struct lbcase c;
	char path[4096], line[4096];
	FILE *f;

	snprintf(path, sizeof(path), "%s/auxiliary/LineBreakTest.txt", dir ? dir : "");
	if (dir == NULL || (f = fopen(path, "r")) == NULL) {
		printf("1..0 # SKIP %s\n", dir ? "LineBreakTest.txt not found" :
		    "UNICODE_DATA_DIR not set");
		return 0;
	}
	memset(&t, 0, sizeof(t));
	while (fgets(line, sizeof(line), f)) {
		if (line[0] == '#' || !parse(line, &c))
			continue;
		t.cases++;
		t.pass += run(&t, &c, line);
	}
	fclose(f);
	report(&t);
	return tap_done();
}
