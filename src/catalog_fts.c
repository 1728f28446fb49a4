/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * catalog_fts — what the library index adds to FTS5 on a connection: the
 * "gloss" tokenizer and the "gloss_rank" ranking function.
 *
 * The tokenizer reads fold keys (fold.h), which are already lower case,
 * so it only cuts them: a token is a run of letters, digits and private-use
 * characters (general categories L, N, Co: the tokens of FTS5's unicode61
 * without diacritic removal), with byte offsets into the key for
 * highlight().  A bitmap of the Basic Multilingual Plane makes it several
 * times faster than unicode61 on Cyrillic text.
 *
 * gloss_rank is BM25 (k1 = 1.2) without length normalisation (b = 0): a
 * term's weight grows with its count in the row and its rarity in the
 * table.  Reading each row's length, as FTS5's bm25() does, costs a lookup
 * per matching row, the largest part of a query on a common word.
 */
#include "gloss/gloss.h"

#include <math.h>
#include <pthread.h>
#include <unictype.h>
#include <uninorm.h>

#include "catalog_int.h"
#include "gloss/stem.h"
#include "gloss/strbuf.h"
#include "gloss/text.h"
#include "gloss/xmalloc.h"

/* ------------------------------------------------------------------ */
/* The tokenizer */

static uint8_t token_bmp[0x10000 / 8];
static pthread_once_t token_bmp_once = PTHREAD_ONCE_INIT;	/* worker threads tokenize too */

/* A tokenizer: the stemmer of the word forms it adds to a document's words. */
struct tok {
	struct stem *stem;
	struct strbuf form;
};

/* Superscripts and subscripts (note markers such as ¹ or ⁱⁱ) end a word and are none. */
static bool
token_cp_slow(uint32_t cp)
{
	uint32_t d[UC_DECOMPOSITION_MAX_LENGTH];
	int type;

	if (!uc_is_general_category(cp, uc_general_category_or(uc_general_category_or(UC_LETTER,
	    UC_NUMBER), UC_PRIVATE_USE)))
		return false;
	return uc_decomposition(cp, &type, d) <= 0 || (type != UC_DECOMP_SUPER &&
	    type != UC_DECOMP_SUB);
}

static void
token_bmp_fill(void)
{
	for (uint32_t cp = 0; cp < 0x10000; cp++)
		if (token_cp_slow(cp))
			token_bmp[cp >> 3] |= (uint8_t)(1u << (cp & 7));
}

void
catalog_token_init(void)
{
	pthread_once(&token_bmp_once, token_bmp_fill);
}

static bool
token_cp(uint32_t cp)
{
	if (cp < 0x10000)
		return (token_bmp[cp >> 3] >> (cp & 7)) & 1;
	return token_cp_slow(cp);
}

static int
tok_create(void *ctx, const char **argv, int argc, Fts5Tokenizer **out)
{
	struct tok *t = xcalloc(1, sizeof *t);

	(void)ctx;
	(void)argv;
	(void)argc;
	pthread_once(&token_bmp_once, token_bmp_fill);
	t->stem = stem_new();
	strbuf_init(&t->form);
	*out = (Fts5Tokenizer *)t;
	return SQLITE_OK;
}

static void
tok_delete(Fts5Tokenizer *tk)
{
	struct tok *t = (struct tok *)tk;

	stem_free(t->stem);
	strbuf_done(&t->form);
	free(t);
}

/* The length of a token character at s[i] (0 if none there). */
static inline size_t
token_char(const char *s, size_t n, size_t i)
{
	unsigned char b = (unsigned char)s[i];
	uint32_t cp;
	int len;

	if (b < 0x80)
		return (b >= '0' && b <= '9') || ((b | 0x20) >= 'a' && (b | 0x20) <= 'z') ||
		    b == CATALOG_STEM_MARK;
	len = text_decode(s + i, n - i, &cp);
	return token_cp(cp) ? (size_t)len : 0;
}

size_t
catalog_token_char(const char *s, size_t n, size_t i)
{
	return token_char(s, n, i);
}

/* The word form key[0..n) stands for, as the index holds it: the stem mark and the stem. */
void
catalog_form(struct stem *st, const char *w, size_t n, struct strbuf *out)
{
	size_t len;
	const char *f = stem_word(st, w, n, &len);

	strbuf_addc(out, CATALOG_STEM_MARK);
	strbuf_add(out, f, len);
}

/* Hands a token and, in a document, its word form at the same place to FTS5. */
static int
tok_emit(struct tok *t, void *ctx, int flags, const char *s, size_t start, size_t end,
    int (*token)(void *, int, const char *, int, int, int))
{
	int rc = token(ctx, 0, s + start, (int)(end - start), (int)start, (int)end);

	if (rc != SQLITE_OK || !(flags & FTS5_TOKENIZE_DOCUMENT) || s[start] == CATALOG_STEM_MARK)
		return rc;
	strbuf_reset(&t->form);
	catalog_form(t->stem, s + start, end - start, &t->form);
	return token(ctx, FTS5_TOKEN_COLOCATED, t->form.buf, (int)t->form.len, (int)start, (int)end);
}

/*
 * An article's word list: split on spaces, a word ending in a count of
 * copies (catalog_int.h) handed to FTS5 that many more times, at the next
 * places, as if the copies were written out.
 */
static int
tok_words(const char *s, size_t n, void *ctx, int (*token)(void *, int, const char *, int, int, int))
{
	int rc = SQLITE_OK;

	for (size_t i = 1; i < n && rc == SQLITE_OK;) {
		const char *sp = memchr(s + i, ' ', n - i);
		size_t end = sp ? (size_t)(sp - s) : n, len = end - i;
		unsigned char last = len > 1 ? (unsigned char)s[end - 1] : 0;
		unsigned more = 0;

		if (last >= 1 && last < CATALOG_WORD_COPIES) {
			more = last;
			len--;
		}
		for (unsigned k = 0; len > 0 && k <= more && rc == SQLITE_OK; k++)
			rc = token(ctx, 0, s + i, (int)len, (int)i, (int)end);
		i = end + 1;
	}
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

static int
tok_tokenize(Fts5Tokenizer *tk, void *ctx, int flags, const char *s, int ns,
    int (*token)(void *, int, const char *, int, int, int))
{
	struct tok *t = (struct tok *)tk;
	size_t n = ns > 0 ? (size_t)ns : 0, i = 0;
	int rc = SQLITE_OK;

	if (n > 0 && s[0] == CATALOG_WORDS_MARK)
		return tok_words(s, n, ctx, token);
	while (i < n && rc == SQLITE_OK) {
		size_t start, len;

		while (i < n && (len = token_char(s, n, i)) == 0)
			i += (size_t)text_cplen(s + i, n - i);
		if (i >= n)
			break;
		start = i;
		do
			i += len;
		while (i < n && (len = token_char(s, n, i)) != 0);
		rc = tok_emit(t, ctx, flags, s, start, i, token);
	}
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* ------------------------------------------------------------------ */
/* The words of an article */

struct word {
	uint32_t off, len, count, hash;
};

/* The distinct words of a key: in order of first use, and an open-addressing table of them. */
struct word_set {
	struct word *v;
	size_t n, cap;
	uint32_t *slot;		/* index + 1 into v, or 0 */
	size_t nslot;		/* a power of two */
};

/* A hash of s[0..n), eight bytes at a time. */
uint32_t
catalog_word_hash(const char *s, size_t n)
{
	uint64_t h = 0x9E3779B97F4A7C15ull ^ n;
	size_t i = 0;

	for (; i + 8 <= n; i += 8) {
		uint64_t x;

		memcpy(&x, s + i, 8);
		h = (h ^ x) * 0xFF51AFD7ED558CCDull;
		h ^= h >> 29;
	}
	if (i < n) {	/* the last bytes, zero-padded: a fixed-size copy, not a call to memcpy */
		unsigned char tail[8] = { 0 };
		uint64_t x;

		for (size_t k = 0; i + k < n; k++)
			tail[k] = (unsigned char)s[i + k];
		memcpy(&x, tail, 8);
		h = (h ^ x) * 0xFF51AFD7ED558CCDull;
	}
	h ^= h >> 32;
	return (uint32_t)h;
}

static void
word_set_grow(struct word_set *ws, const char *key)
{
	size_t nslot = ws->nslot ? ws->nslot * 2 : 1024;

	free(ws->slot);
	ws->slot = xcalloc(nslot, sizeof *ws->slot);
	ws->nslot = nslot;
	(void)key;
	for (size_t i = 0; i < ws->n; i++) {
		size_t k = ws->v[i].hash & (nslot - 1);

		while (ws->slot[k])
			k = (k + 1) & (nslot - 1);
		ws->slot[k] = (uint32_t)i + 1;
	}
}

/* Adds a use of key[off..off+len); its index in ws->v. */
static uint32_t
word_set_index(struct word_set *ws, const char *key, size_t off, size_t len)
{
	uint32_t h = catalog_word_hash(key + off, len);
	size_t k;

	if (2 * (ws->n + 1) > ws->nslot)
		word_set_grow(ws, key);
	k = h & (ws->nslot - 1);
	for (; ws->slot[k]; k = (k + 1) & (ws->nslot - 1)) {
		struct word *w = &ws->v[ws->slot[k] - 1];

		if (w->hash == h && w->len == len && memcmp(key + w->off, key + off, len) == 0) {
			w->count++;
			return ws->slot[k] - 1;
		}
	}
	if (ws->n == ws->cap) {
		ws->cap = ws->cap ? ws->cap * 2 : 512;
		ws->v = xreallocarray(ws->v, ws->cap, sizeof *ws->v);
	}
	ws->v[ws->n] = (struct word){ (uint32_t)off, (uint32_t)len, 1, h };
	ws->slot[k] = (uint32_t)++ws->n;
	return (uint32_t)ws->n - 1;
}


/* The three bits of the pair (a, b) in a filter of nbits. */
static void
pair_bits(uint32_t a, uint32_t b, size_t nbits, size_t bit[3])
{
	uint64_t h = ((uint64_t)a * 0x9E3779B97F4A7C15ull) ^ ((uint64_t)b * 0xC2B2AE3D27D4EB4Full);

	h ^= h >> 31;
	h *= 0xFF51AFD7ED558CCDull;
	bit[0] = (size_t)(h % nbits);
	bit[1] = (size_t)((h >> 21) % nbits);
	bit[2] = (size_t)((h >> 42) % nbits);
}

/* The filter of the pairs p[0..n) (hashes of neighbouring words) into out. */
static void
pairs_filter(const uint64_t *p, size_t n, struct strbuf *out)
{
	/* 5 bits a pair counted with its repeats: about 10 a distinct pair in prose */
	size_t nbits = GLOSS_MAX((5 * n + 63) / 64 * 64, (size_t)256), from = out->len;

	strbuf_grow(out, nbits / 8);
	memset(out->buf + from, 0, nbits / 8);
	out->len = from + nbits / 8;
	for (size_t i = 0; i < n; i++) {
		size_t bit[3];

		pair_bits((uint32_t)(p[i] >> 32), (uint32_t)p[i], nbits, bit);
		for (int k = 0; k < 3; k++)
			out->buf[from + bit[k] / 8] |= (char)(1u << (bit[k] % 8));
	}
}

bool
catalog_pairs_may_hold(const void *filter, size_t n, uint32_t a, uint32_t b)
{
	const unsigned char *f = filter;
	size_t bit[3];

	if (n == 0 || n % 8 != 0)
		return true;	/* no filter: anything may be there */
	pair_bits(a, b, n * 8, bit);
	for (int k = 0; k < 3; k++)
		if (!(f[bit[k] / 8] & (1u << (bit[k] % 8))))
			return false;
	return true;
}

/*
 * Appends w with its copies: 1 + floor(log2(count)), at most
 * CATALOG_WORD_COPIES, the ones after the first as a count after the word.
 */
static void
add_copies(struct strbuf *out, const char *w, size_t n, uint32_t count)
{
	unsigned more = 0;

	for (uint32_t c = count >> 1; c > 0 && more + 1 < CATALOG_WORD_COPIES; c >>= 1)
		more++;
	strbuf_grow(out, n + 2);
	memcpy(out->buf + out->len, w, n);
	out->len += n;
	if (more)
		out->buf[out->len++] = (char)more;
	out->buf[out->len++] = ' ';
	out->buf[out->len] = '\0';
}

/*
 * The word forms of ws's words into forms (their stems, each once, with the
 * counts of all their words) and each word's form hash into hash[].
 */
/* Each thread's stemmer (its cache of stems serves the articles it reads after). */
static pthread_key_t stem_key;
static pthread_once_t stem_key_once = PTHREAD_ONCE_INIT;

static void
stem_key_free(void *p)
{
	stem_free(p);
}

static void
stem_key_make(void)
{
	pthread_key_create(&stem_key, stem_key_free);
}

static struct stem *
thread_stem(void)
{
	struct stem *st;

	pthread_once(&stem_key_once, stem_key_make);
	if ((st = pthread_getspecific(stem_key)) == NULL) {
		st = stem_new();
		pthread_setspecific(stem_key, st);
	}
	return st;
}

static void
add_forms(const struct word_set *ws, const char *key, struct strbuf *out, uint32_t *hash)
{
	struct stem *st = thread_stem();
	struct strbuf buf = STRBUF_INIT;
	struct word_set fs = { 0 };

	for (size_t w = 0; w < ws->n; w++) {
		size_t from = buf.len;
		uint32_t f;

		catalog_form(st, key + ws->v[w].off, ws->v[w].len, &buf);
		f = word_set_index(&fs, buf.buf, from, buf.len - from);
		if (fs.v[f].off != from)
			buf.len = from;	/* seen before: drop the copy */
		else if (buf.len - from - 1 == ws->v[w].len &&
		    memcmp(buf.buf + from + 1, key + ws->v[w].off, ws->v[w].len) == 0)
			fs.v[f].count = 0;	/* the word is its own stem: queries ask for both */
		hash[w] = fs.v[f].hash;
	}
	for (size_t f = 0; f < fs.n; f++)	/* once: a form's weight is its rarity */
		if (fs.v[f].count > 0)
			add_copies(out, buf.buf + fs.v[f].off, fs.v[f].len, 1);
	strbuf_done(&buf);
	free(fs.v);
	free(fs.slot);
}

void
catalog_words(const char *key, size_t n, struct strbuf *out, struct strbuf *pairs)
{
	struct word_set ws = { 0 };
	uint64_t *pv = NULL;
	uint32_t *hash;
	size_t i = 0, np = 0, pcap = 0;
	uint32_t prev = 0;
	bool have_prev = false;

	catalog_token_init();
	strbuf_grow(out, n / 2);	/* about what the words and forms take: fewer copies as it grows */
	while (i < n) {
		size_t start, len;
		uint32_t w;

		while (i < n && (len = token_char(key, n, i)) == 0)
			i += (size_t)text_cplen(key + i, n - i);
		if (i >= n)
			break;
		start = i;
		do
			i += len;
		while (i < n && (len = token_char(key, n, i)) != 0);
		w = word_set_index(&ws, key, start, i - start);
		if (pairs && have_prev) {
			if (np == pcap) {
				pcap = pcap ? pcap * 2 : 1024;
				pv = xreallocarray(pv, pcap, sizeof *pv);
			}
			pv[np++] = (uint64_t)prev << 32 | w;
		}
		prev = w;
		have_prev = true;
	}
	for (size_t w = 0; w < ws.n; w++)
		add_copies(out, key + ws.v[w].off, ws.v[w].len, ws.v[w].count);
	hash = xcalloc(ws.n + 1, sizeof *hash);
	add_forms(&ws, key, out, hash);
	if (pairs) {	/* the pairs of neighbouring words' forms */
		for (size_t k = 0; k < np; k++)
			pv[k] = (uint64_t)hash[pv[k] >> 32] << 32 | hash[(uint32_t)pv[k]];
		pairs_filter(pv, np, pairs);
	}
	free(hash);
	free(pv);
	strbuf_grow(out, 0);
	free(ws.v);
	free(ws.slot);
}

/* ------------------------------------------------------------------ */
/* Ranking */

#define RANK_K1 1.2

/* Per query: the IDF of each phrase. */
struct rank_idf {
	int n;
	double idf[];
};

static int
count_row(const Fts5ExtensionApi *api, Fts5Context *fc, void *user)
{
	(void)api;
	(void)fc;
	(*(sqlite3_int64 *)user)++;
	return SQLITE_OK;
}

static struct rank_idf *
rank_idf(const Fts5ExtensionApi *api, Fts5Context *fc)
{
	struct rank_idf *d = api->xGetAuxdata(fc, 0);
	sqlite3_int64 rows = 0;

	if (d)
		return d;
	d = xmalloc(sizeof *d + (size_t)api->xPhraseCount(fc) * sizeof d->idf[0]);
	d->n = api->xPhraseCount(fc);
	api->xRowCount(fc, &rows);
	for (int p = 0; p < d->n; p++) {
		sqlite3_int64 hits = 0;
		double idf;

		api->xQueryPhrase(fc, p, &hits, count_row);
		idf = log(((double)rows - (double)hits + 0.5) / ((double)hits + 0.5));
		d->idf[p] = idf > 1e-6 ? idf : 1e-6;	/* a word in every row still counts */
	}
	if (api->xSetAuxdata(fc, d, free) != SQLITE_OK)
		return NULL;
	return d;
}

static void
rank_func(const Fts5ExtensionApi *api, Fts5Context *fc, sqlite3_context *sc, int argc,
    sqlite3_value **argv)
{
	struct rank_idf *d = rank_idf(api, fc);
	double score = 0;

	(void)argc;
	(void)argv;
	if (d == NULL) {
		sqlite3_result_error_nomem(sc);
		return;
	}
	for (int p = 0; p < d->n; p++) {
		Fts5PhraseIter it;
		int col, off;
		double tf = 0;

		for (api->xPhraseFirst(fc, p, &it, &col, &off); col >= 0;
		    api->xPhraseNext(fc, &it, &col, &off))
			tf++;
		score += d->idf[p] * tf * (RANK_K1 + 1) / (tf + RANK_K1);
	}
	sqlite3_result_double(sc, -score);	/* lower is better, as with bm25() */
}

/* ------------------------------------------------------------------ */
/* Registration */

static fts5_api *
fts5_of(sqlite3 *h)
{
	fts5_api *api = NULL;
	sqlite3_stmt *st = NULL;

	if (sqlite3_prepare_v2(h, "SELECT fts5(?1)", -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_pointer(st, 1, &api, "fts5_api_ptr", NULL);
		sqlite3_step(st);
	}
	sqlite3_finalize(st);
	return api;
}

enum gloss_status
catalog_fts_register(struct catalog *c)
{
	static fts5_tokenizer tok = { tok_create, tok_delete, tok_tokenize };
	fts5_api *api = fts5_of(c->h);

	if (api == NULL || api->iVersion < 2)
		return error_set(GLOSS_EDB, "%s: SQLite has no FTS5", cachedb_path(c->db));
	if (api->xCreateTokenizer(api, "gloss", NULL, &tok, NULL) != SQLITE_OK ||
	    api->xCreateFunction(api, "gloss_rank", NULL, rank_func, NULL) != SQLITE_OK)
		return catalog_db_error(c, "cannot set up the library index");
	return GLOSS_OK;
}
