/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * typo_scan.h — private to the typo module: what typo_window.c needs from
 * the scanner in typo.c, and the token summaries typo.c and typo_words.c share.
 */
#ifndef GLOSS_TYPO_SCAN_H
#define GLOSS_TYPO_SCAN_H

#include "gloss/gloss.h"

/* What the rules make of a code point, as far as windows care. */
enum typo_char {
	TYPO_CHAR_OTHER,
	TYPO_CHAR_HYPHEN,	/* - ‐ : R7 looks at the parts around it */
	TYPO_CHAR_MARK,		/* combining marks, SHY, zero-width: the rules skip them */
	TYPO_CHAR_BREAK,	/* a mandatory break: nothing glues across it */
};

/* The code point at s[k] (k < n); its length in *len. */
enum typo_char typo_scan_char(const char *s, size_t n, size_t k, int *len);

/*
 * Runs the scanner from s[from] as if the text ended at s[to]; what the
 * rules say about the break before s[target]: UC_BREAK_PROHIBITED,
 * TYPO_BREAK_SOFT, TYPO_BREAK_FIRM or UC_BREAK_UNDEFINED.  With stop, it ends earlier, at
 * the first word boundary after target where no decision is pending.
 * from must start a word or be inside one; the rules see it as a start.
 */
char typo_scan_window(const char *s, size_t from, size_t to, unsigned rules, size_t target,
    bool stop);

/* The URL rule (typo_url.c): withdraws breaks inside URL tokens of s[0..n). */
void typo_url_pass(const char *s, size_t n, char *o);
/* True if the boundary before s[i] is inside a URL token. */
bool typo_url_inside(const char *s, size_t n, size_t i);

/*
 * The scanner's token summaries, shared by typo.c (which makes them) and
 * typo_words.c (which tells their kinds).
 */
/* Character classes, as the rules see them. */
enum typo_cls {
	TYPO_C_OTHER,	/* symbols: % / № § + and everything not listed */
	TYPO_C_SPACE,	/* U+0020: separates tokens */
	TYPO_C_BREAK,	/* "\n" and the other mandatory breaks: end the context */
	TYPO_C_LOWER,
	TYPO_C_UPPER,
	TYPO_C_LETTER,	/* a letter without case */
	TYPO_C_DIGIT,	/* ASCII digits */
	TYPO_C_PERIOD,
	TYPO_C_IS,		/* , : ; */
	TYPO_C_CLOSE,	/* ) ] } ! ? » ” … : may trail a word */
	TYPO_C_OPEN,		/* ( [ { « „ “ ‘ : may lead a word */
	TYPO_C_QUOTE,	/* " : leads or trails */
	TYPO_C_APOS,		/* ' ’ ʼ : inside words (R8) */
	TYPO_C_HYPHEN,	/* - ‐ */
	TYPO_C_DASH,		/* – — */
	TYPO_C_NBSP,		/* U+00A0, U+2007, U+202F: glue inside a token (R10) */
	TYPO_C_MARK,		/* combining marks, SHY, zero-width format characters: ignored */
};

static inline bool
typo_is_letter(int c)
{
	return c == TYPO_C_LOWER || c == TYPO_C_UPPER || c == TYPO_C_LETTER;
}

/* The summary of one token (a run of bytes between spaces). */
struct typo_tok {
	size_t start;		/* first byte */
	size_t core, core_end;	/* without leading and trailing punctuation */
	uint32_t l[2];		/* the first two letters, lower case */
	uint32_t ncp;		/* code points of the core, marks excluded */
	uint32_t nlet, ndig, nper, nhy, napos, nsep, nsym, ndash;
	uint32_t ninner;	/* trailing-type punctuation inside the core */
	uint32_t lead, trail;	/* leading / trailing punctuation */
	bool stop;		/* the trailing punctuation ends a sentence (. ! ? …) */
	bool cyr;		/* the first letter is Cyrillic */
	uint8_t first, last;	/* classes of the first and last core code points
				 * (rules read last only for TYPO_C_PERIOD and TYPO_C_DIGIT) */
	uint8_t ini;		/* state of the initials recogniser */
	bool roman;		/* only Roman-numeral letters so far */
	unsigned kind;		/* K_* bits, set when the token is finished */
};

/* Token kinds. */
#define TYPO_K_R1		0x00001	/* one-letter preposition or conjunction */
#define TYPO_K_SHORT2	0x00002	/* two-letter one */
#define TYPO_K_PARTICLE	0x00004	/* бы б ли ль же ж */
#define TYPO_K_DASH		0x00008	/* a dash, or a hyphen used as one */
#define TYPO_K_INITIAL	0x00010	/* initials, nothing after them */
#define TYPO_K_INITIAL_P	0x00020	/* initials followed by punctuation */
#define TYPO_K_CAP		0x00040	/* starts with a capital letter */
#define TYPO_K_SURNAME	0x00080	/* a capitalised word without punctuation */
#define TYPO_K_TITLE		0x00100	/* проф. г-н Dr. */
#define TYPO_K_NUMBER	0x00200
#define TYPO_K_ROMAN		0x00400
#define TYPO_K_NUMSIGN	0x00800	/* № § */
#define TYPO_K_GROUP13	0x01000	/* a group of one to three digits */
#define TYPO_K_GROUP3	0x02000	/* a group of exactly three digits */
#define TYPO_K_ABBR		0x04000	/* lower-case abbreviation ending in '.' */
#define TYPO_K_ABBR12	0x08000	/* ... of one or two letters */
#define TYPO_K_ABBR13	0x10000	/* ... of one to three letters */
#define TYPO_K_ETC		0x20000	/* ін. др. пр. */
#define TYPO_K_AND		0x40000	/* та и і (before ін., др.) */
#define TYPO_K_LAST		0x80000	/* a word of up to three letters that ends a sentence */
#define TYPO_K_LEADNUM	0x100000	/* ст. ч. п. т. гл. с. ...: stays with the number after it */
#define TYPO_K_PLACE		0x200000	/* г. в. с. ул. вул. ...: stays with the name after it */
#define TYPO_K_OPENWORD	0x400000	/* ends in a letter or digit (a short last word may join it) */
#define TYPO_K_WORD		0x800000	/* a lower-case word (a number may count it) */
#define TYPO_K_SEE		0x1000000	/* см. див.: stays with the next word */

/* The kinds of t, a finished token of text s, other than typo.c's common case (a plain word). */
unsigned typo_words_kind(const char *s, const struct typo_tok *t);
/* A unit or a short word that stays with a preceding number (R4). */
bool typo_words_unit(const char *s, const struct typo_tok *t);
/* A function word (a number does not glue to it). */
bool typo_words_function(const char *s, const struct typo_tok *t);

#endif
