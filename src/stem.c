/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * stem — word forms (see include/gloss/stem.h): which stemmer a word
 * goes to, the Ukrainian and Belarusian endings, and the rules that make
 * the stems of the three languages meet.
 */
#include "gloss/gloss.h"

#include <libstemmer.h>
#include <pthread.h>
#include <unistr.h>
#ifdef GLOSS_STEMMER_SONAME
#include <dlfcn.h>
#endif

#include "gloss/stem.h"
#include "gloss/text.h"
#include "gloss/xmalloc.h"

#define STEM_MAX 64		/* longer words are their own stems (code points) */
#define STEM_MIN 3		/* what the ending rules leave at least (code points) */

#define CACHE_SLOTS 32768	/* words remembered (a power of two), emptied when half full */

/* A word and its stem, in the arena. */
struct cached {
	uint32_t hash, word, wlen, stem, slen;
};

struct stem {
	struct sb_stemmer *ru, *en;	/* NULL if libstemmer lacks the language */
	uint32_t cp[STEM_MAX];
	size_t ncp;
	char out[STEM_MAX * 4 + 1];
	struct cached *cache;	/* open addressing; wlen 0: free */
	size_t ncached;
	char *arena;
	size_t alen, acap;
};

/*
 * Inflectional endings of Ukrainian and Belarusian nouns, adjectives and
 * verbs, folded (ё as е).  The longest one that leaves STEM_MIN letters is
 * cut, after a reflexive -ся/-сь.
 */
static const char *const ukbe_endings[] = {
	/* Ukrainian */
	"ами", "ями", "ові", "еві", "єві", "ого", "ього", "ому", "ьому", "ими", "іми", "ати", "ити",
	"іти", "ують", "юють", "ають", "ять", "ить", "ете", "ємо", "имо", "емо", "ала", "ила", "ьої",
	"ом", "ем", "єм", "ою", "ею", "єю", "ам", "ям", "ах", "ях", "ів", "їв", "ей", "ой", "ий", "ій",
	"ої", "ую", "юю", "ім", "им", "их", "іх", "ти", "ть", "ла", "ли", "ло", "ав", "ив", "ає", "ють",
	"а", "я", "о", "е", "є", "у", "ю", "і", "ї", "и", "ь",
	/* Belarusian */
	"амі", "ямі", "ага", "яга", "аму", "яму", "ымі", "імі", "аць", "яць", "уць", "юць", "іць",
	"ыць", "ай", "яй", "аў", "яў", "оў", "еў", "ым", "ых", "ая", "яя", "ае", "яе", "ое", "ці", "ць", "лі", "ы",
};

/*
 * libstemmer's functions.  Built with GLOSS_STEMMER_SONAME (configure's
 * default), the library is opened when the first stemmer is made, so that
 * a process that never searches the library (the reader, most commands)
 * does not load it; if it cannot be opened, words go unstemmed as when
 * libstemmer lacks a language.
 */
struct sb_api {
	struct sb_stemmer *(*make)(const char *algorithm, const char *charenc);
	void (*drop)(struct sb_stemmer *z);
	const sb_symbol *(*stem)(struct sb_stemmer *z, const sb_symbol *word, int size);
	int (*length)(struct sb_stemmer *z);
};

static struct sb_api sb;
static pthread_once_t sb_once = PTHREAD_ONCE_INIT;

#ifdef GLOSS_STEMMER_SONAME
static void
sb_load(void)
{
	void *h = dlopen(GLOSS_STEMMER_SONAME, RTLD_LAZY | RTLD_LOCAL);

	if (h == NULL)
		return;
	/* POSIX: a function pointer's value is read through a void pointer */
	*(void **)&sb.make = dlsym(h, "sb_stemmer_new");
	*(void **)&sb.drop = dlsym(h, "sb_stemmer_delete");
	*(void **)&sb.stem = dlsym(h, "sb_stemmer_stem");
	*(void **)&sb.length = dlsym(h, "sb_stemmer_length");
	if (!sb.make || !sb.drop || !sb.stem || !sb.length)
		sb.make = NULL;		/* not a libstemmer: no stemmers */
}
#else
static void
sb_load(void)
{
	sb = (struct sb_api){ sb_stemmer_new, sb_stemmer_delete, sb_stemmer_stem, sb_stemmer_length };
}
#endif

bool
stem_snowball(void)
{
	pthread_once(&sb_once, sb_load);
	return sb.make != NULL;
}

struct stem *
stem_new(void)
{
	struct stem *s = xcalloc(1, sizeof *s);

	s->cache = xcalloc(CACHE_SLOTS, sizeof *s->cache);
	if (stem_snowball()) {
		s->ru = sb.make("russian", "UTF_8");
		s->en = sb.make("english", "UTF_8");
	}
	return s;
}

void
stem_free(struct stem *s)
{
	if (s == NULL)
		return;
	if (s->ru)
		sb.drop(s->ru);
	if (s->en)
		sb.drop(s->en);
	free(s->cache);
	free(s->arena);
	free(s);
}

enum script { SCRIPT_OTHER, SCRIPT_LATIN, SCRIPT_RU, SCRIPT_UKBE };

static bool
is_cyrillic(uint32_t c)
{
	return c >= 0x400 && c < 0x500;
}

static bool
is_latin(uint32_t c)
{
	return (c >= 'a' && c <= 'z') || (c >= 0xDF && c < 0x250 && c != 0xF7);
}

/* Decodes w into s->cp; which stemmer it goes to. */
static enum script
classify(struct stem *s, const char *w, size_t n)
{
	bool latin = false, cyr = false, ukbe = false;

	s->ncp = 0;
	for (size_t i = 0; i < n; ) {
		uint32_t c;

		if (s->ncp == STEM_MAX)
			return SCRIPT_OTHER;
		i += (size_t)text_decode(w + i, n - i, &c);
		s->cp[s->ncp++] = c;
		if (is_latin(c))
			latin = true;
		else if (is_cyrillic(c) || c == '\'')
			cyr = true, ukbe = ukbe || c == 0x456 || c == 0x457 || c == 0x454 ||
			    c == 0x491 || c == 0x45E;
		else
			return SCRIPT_OTHER;
	}
	if (s->ncp < STEM_MIN || latin == cyr)
		return SCRIPT_OTHER;
	return latin ? SCRIPT_LATIN : ukbe ? SCRIPT_UKBE : SCRIPT_RU;
}

/* Whether s->cp ends with the UTF-8 string e leaving keep code points at least; its length. */
static size_t
ends_with(const struct stem *s, const char *e, size_t keep)
{
	size_t n = strlen(e), k = 0;
	uint32_t v[8];

	for (size_t i = 0; i < n && k < 8; )
		i += (size_t)text_decode(e + i, n - i, &v[k++]);
	if (s->ncp < keep + k)
		return 0;
	for (size_t i = 0; i < k; i++)
		if (s->cp[s->ncp - k + i] != v[i])
			return 0;
	return k;
}

static void
cut_ukbe(struct stem *s)
{
	size_t best = 0;

	if (s->ncp > STEM_MIN + 2 && (ends_with(s, "ся", STEM_MIN) || ends_with(s, "сь", STEM_MIN)))
		s->ncp -= 2;
	for (size_t i = 0; i < sizeof ukbe_endings / sizeof ukbe_endings[0]; i++)
		best = GLOSS_MAX(best, ends_with(s, ukbe_endings[i], STEM_MIN));
	s->ncp -= best;
}

static void
set_cps(struct stem *s, const char *w, size_t n)
{
	s->ncp = 0;
	for (size_t i = 0; i < n && s->ncp < STEM_MAX; )
		i += (size_t)text_decode(w + i, n - i, &s->cp[s->ncp++]);
}

static bool
is_vowel(uint32_t c)
{
	static const uint32_t v[] = { 0x430, 0x435, 0x451, 0x438, 0x43E, 0x443, 0x44B, 0x44D,
	    0x44E, 0x44F, 0x456, 0x457, 0x454 };

	for (size_t i = 0; i < sizeof v / sizeof v[0]; i++)
		if (c == v[i])
			return true;
	return false;
}

static bool
is_consonant(uint32_t c)
{
	return c >= 0x430 && c < 0x460 && !is_vowel(c) && c != 0x44C && c != 0x44A && c != 0x439;
}

/* The rules that make Russian, Ukrainian and Belarusian stems meet. */
static void
meet(struct stem *s)
{
	uint32_t *c = s->cp;
	size_t n = s->ncp;

	for (size_t i = 1; i < n; i++)
		if (c[i] == 0x44D && is_consonant(c[i - 1]))	/* э after a consonant */
			c[i] = 0x435;
	if (n >= 4 && (c[n - 1] == 0x43A || c[n - 1] == 0x446) && (c[n - 2] == 0x43E ||
	    c[n - 2] == 0x435) && is_consonant(c[n - 3])) {	/* a fleeting vowel */
		c[n - 2] = c[n - 1];
		s->ncp--;
	}
}

static const char *
encode(struct stem *s, size_t *len)
{
	size_t k = 0;

	for (size_t i = 0; i < s->ncp; i++)
		k += (size_t)u8_uctomb((uint8_t *)s->out + k, s->cp[i], 4);
	s->out[k] = '\0';
	*len = k;
	return s->out;
}

static const char *
stem_compute(struct stem *s, const char *w, size_t n, size_t *len)
{
	enum script sc = classify(s, w, n);
	struct sb_stemmer *z = sc == SCRIPT_LATIN ? s->en : sc == SCRIPT_RU ? s->ru : NULL;
	const sb_symbol *r;

	*len = n;
	if (sc == SCRIPT_OTHER || ((sc == SCRIPT_LATIN || sc == SCRIPT_RU) && z == NULL))
		return w;
	if (z) {
		r = sb.stem(z, (const sb_symbol *)w, (int)n);
		if (r == NULL)
			return w;
		if (sc == SCRIPT_LATIN) {
			*len = (size_t)sb.length(z);
			return (const char *)r;
		}
		set_cps(s, (const char *)r, (size_t)sb.length(z));
	} else {
		cut_ukbe(s);
	}
	meet(s);
	return encode(s, len);
}

static uint32_t
hash_word(const char *w, size_t n)
{
	uint64_t h = 0x9E3779B97F4A7C15ull ^ n;

	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)w[i]) * 0x100000001B3ull;
	return (uint32_t)(h ^ (h >> 32));
}

static uint32_t
arena_add(struct stem *s, const char *p, size_t n)
{
	uint32_t at = (uint32_t)s->alen;

	if (s->alen + n > s->acap) {
		s->acap = GLOSS_MAX(s->acap * 2, s->alen + n + 4096);
		s->arena = xrealloc(s->arena, s->acap);
	}
	memcpy(s->arena + s->alen, p, n);
	s->alen += n;
	return at;
}

/* The stemmers are slow next to a look-up, and an article's words are mostly the last one's. */
const char *
stem_word(struct stem *s, const char *w, size_t n, size_t *len)
{
	uint32_t h = hash_word(w, n);
	size_t k = h & (CACHE_SLOTS - 1);
	const char *r;
	struct cached *c;

	if (n == 0 || n > STEM_MAX * 4)
		return stem_compute(s, w, n, len);
	for (; (c = &s->cache[k])->wlen; k = (k + 1) & (CACHE_SLOTS - 1))
		if (c->hash == h && c->wlen == n && memcmp(s->arena + c->word, w, n) == 0) {
			*len = c->slen;
			return s->arena + c->stem;
		}
	r = stem_compute(s, w, n, len);
	if (2 * (s->ncached + 1) > CACHE_SLOTS) {	/* start again */
		memset(s->cache, 0, CACHE_SLOTS * sizeof *s->cache);
		s->ncached = 0;
		s->alen = 0;
		k = h & (CACHE_SLOTS - 1);
	}
	c = &s->cache[k];
	c->hash = h;
	c->wlen = (uint32_t)n;
	c->word = arena_add(s, w, n);
	c->slen = (uint32_t)*len;
	c->stem = arena_add(s, r, *len);	/* r may be w: added after it */
	s->ncached++;
	return s->arena + c->stem;
}
