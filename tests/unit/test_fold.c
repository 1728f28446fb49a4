/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * test_fold — the search key: the folding table of the Cyrillic guide,
 * exact key bytes, the map back to the source, and the fast path checked
 * against the slow path on every code point and on random strings.
 */
#include "gloss/gloss.h"

#include <unistr.h>

#include "gloss/fold.h"
#include "gloss/strbuf.h"
#include "../lib/tap.h"

/* The key of s (caller frees). */
static char *
key_of(const char *s)
{
	struct strbuf key = STRBUF_INIT;

	fold_key(s, strlen(s), &key);
	return strbuf_detach(&key, NULL);
}

static void
same_key(const char *a, const char *b, bool want)
{
	char *ka = key_of(a), *kb = key_of(b);
	bool same = strcmp(ka, kb) == 0;

	ok(same == want, "key(%s) %s key(%s)", tap_esc(a), want ? "==" : "!=", tap_esc(b));
	if (same != want)
		printf("#   keys: %s / %s\n", ka, kb);
	free(ka);
	free(kb);
}

static void
key_is(const char *s, const char *want)
{
	char *k = key_of(s);

	is_str(k, want, "key of \"%s\"", tap_esc(s));
	free(k);
}

static void
test_guide_table(void)
{
	same_key("Ёлка", "елка", true);
	same_key("ЁЛКА", "ёлка", true);
	same_key("Мо́сква", "МОСКВА", true);
	same_key("ПРАЎДА", "праўда", true);
	same_key("Йод", "иод", false);
	same_key("Їжак", "іжак", false);
	same_key("праўда", "правда", false);
	same_key("ЙОД", "йод", true);
	same_key("ЇЖАК", "їжак", true);
}

/* й, ї, ў survive in decomposed input too: NFD-then-strip would break them. */
static void
test_letters_of_their_own(void)
{
	same_key("и\xcc\x86", "й", true);
	same_key("И\xcc\x86", "й", true);
	same_key("і\xcc\x88", "ї", true);
	same_key("у\xcc\x86", "ў", true);
	same_key("и\xcc\x86", "и", false);
	same_key("і\xcc\x88", "і", false);
	same_key("у\xcc\x86", "у", false);
	same_key("Ў", "У", false);
	same_key("е\xcc\x88", "е", true);
	same_key("Е\xcc\x88", "е", true);
	same_key("ё\xcc\x81", "е", true);
	same_key("е\xcc\x81\xcc\x88", "е", true);
	key_is("и\xcc\x86", "й");	/* recomposed: NFC */
	key_is("ї", "ї");
}

static void
test_apostrophes_spaces(void)
{
	same_key("з'їзд", "з’їзд", true);
	same_key("з'їзд", "зʼїзд", true);
	same_key("з’їзд", "зʼїзд", true);
	same_key("з'їзд", "зїзд", false);
	key_is("ПАМ’ЯТЬ", "пам'ять");
	key_is("a \t\n\r  b", "a b");
	key_is("a\xc2\xa0" "b", "a b");			/* NBSP */
	key_is("10\xe2\x80\xaf" "000", "10 000");		/* narrow NBSP */
	key_is("1\xe2\x80\x87" "2", "1 2");		/* figure space */
	key_is("a\xe3\x80\x80\xe2\x80\x83 b", "a b");	/* ideographic and em space */
	key_is("a\xe2\x80\xa8" "b", "a b");		/* line separator */
	key_is("  a  ", " a ");
	key_is("a \xc2\xad b", "a b");			/* SHY inside a run */
	key_is("при\xc2\xad" "вет", "привет");
	key_is("\xc2\xad", "");
	key_is("a\xc2\xad\xcc\x88", "\xc3\xa4");		/* SHY dropped before NFC */
	key_is("a\xe2\x80\x8b" "b", "a\xe2\x80\x8b" "b");	/* ZWSP is not white space */
}

static void
test_latin_and_mixed(void)
{
	key_is("Straße", "strasse");
	same_key("STRASSE", "Straße", true);
	key_is("\xe1\xba\x9e", "ss");			/* capital sharp s */
	key_is("Café", "cafe");			/* U+0301 is a stress mark to the key */
	key_is("cafe\xcc\x81", "cafe");
	key_is("NAÏVE", "naïve");
	key_is("Über", "über");
	key_is("u\xcc\x88" "ber", "über");
	key_is("\xc3\xa0 la", "a la");			/* U+0300 dropped */
	key_is("Lukashenko — Лукашенко", "lukashenko — лукашенко");
	key_is("«Правда» № 5", "«правда» № 5");
	key_is("ΣΑΣ", "σασ");
	key_is("\xc5\x89", "'n");			/* ŉ folds to U+02BC n */
	key_is("\xc4\xb0", "i\xcc\x87");		/* İ */
	key_is("\xef\xac\x83", "ffi");			/* ﬃ */
	key_is("\xe2\x84\xab", "\xc3\xa5");		/* Å (angstrom) */
	key_is("x\xff" "y", "x\xef\xbf\xbdy");		/* invalid byte */
	key_is("", "");
}

/* Exact bytes of a few keys, written out. */
static void
test_key_bytes(void)
{
	key_is("\xd0\x81\xd0\xbb\xd0\xba\xd0\xb0", "\xd0\xb5\xd0\xbb\xd0\xba\xd0\xb0");
	key_is("\xd0\x99\xd0\x9e\xd0\x94", "\xd0\xb9\xd0\xbe\xd0\xb4");
	key_is("\xd0\x9c\xd0\xbe\xcc\x81\xd1\x81\xd0\xba\xd0\xb2\xd0\xb0",
	    "\xd0\xbc\xd0\xbe\xd1\x81\xd0\xba\xd0\xb2\xd0\xb0");
	key_is("\xd0\x87\xd0\x96", "\xd1\x97\xd0\xb6");
	key_is("\xd0\x8e\xd0\xa0\xd0\x90\xd0\x94", "\xd1\x9e\xd1\x80\xd0\xb0\xd0\xb4");
	key_is("\xd0\x80", "\xd0\xb5");			/* Ѐ */
	key_is("\xd0\x97\xca\xbc\xd0\x87", "\xd0\xb7'\xd1\x97");
	key_is("A\tB", "a b");
}

/* ---------------------------------------------------------------------- */
/* The map. */

struct hit {
	uint32_t from, to;
};

/* The source range of the first match of key(needle) in key(text). */
static struct hit
find(const char *text, const char *needle)
{
	struct strbuf key = STRBUF_INIT;
	char *nk = key_of(needle);
	struct hit h = { UINT32_MAX, UINT32_MAX };
	uint32_t *map;
	const char *at;

	fold_key_mapped(text, strlen(text), &key, &map);
	at = strstr(strbuf_str(&key), nk);
	if (at != NULL) {
		size_t a = (size_t)(at - key.buf), b = a + strlen(nk);

		h.from = map[a];
		h.to = fold_map_end(map, key.len, b, strlen(text));
	}
	free(map);
	free(nk);
	strbuf_done(&key);
	return h;
}

static void
found_at(const char *text, const char *needle, const char *want)
{
	struct hit h = find(text, needle);
	const char *at = strstr(text, want);
	uint32_t from = at ? (uint32_t)(at - text) : UINT32_MAX;

	ok(h.from == from && h.to == from + strlen(want),
	    "\"%s\" in \"%s\" is \"%s\"", tap_esc(needle), tap_esc(text), tap_esc(want));
	if (h.from != from || h.to != from + strlen(want))
		printf("#   got [%u, %u), want [%u, %zu)\n", h.from, h.to, from, from + strlen(want));
}

static void
test_map_ranges(void)
{
	found_at("Мо́сква", "мо", "Мо́");
	found_at("Мо́сква", "о", "о́");
	found_at("Мо́сква", "сква", "сква");
	found_at("Мо́сква", "москва", "Мо́сква");
	found_at("В Мо́скве", "москве", "Мо́скве");
	found_at("пришла́ домой", "домой", "домой");
	found_at("пришла́ домой", "пришла", "пришла́");
	found_at("пришла́ домой", "а д", "а́ д");
	found_at("Е\xcc\x88лка", "елка", "Е\xcc\x88лка");
	found_at("Е\xcc\x88лка", "е", "Е\xcc\x88");
	found_at("Е\xcc\x88лка", "лка", "лка");
	found_at("новая е\xcc\x88лка", "елк", "е\xcc\x88лк");
	found_at("и\xcc\x86од", "йод", "и\xcc\x86од");
	found_at("и\xcc\x86од", "од", "од");
	found_at("Straße", "ss", "ß");
	found_at("Straße", "as", "aß");
	found_at("Straße", "se", "ße");
	found_at("a \t\n b", "a b", "a \t\n b");
	found_at("a \t\n b", "a ", "a \t\n ");
	found_at("a \t\n b", " b", " \t\n b");
	found_at("при\xc2\xad" "вет", "привет", "при\xc2\xad" "вет");
	found_at("при\xc2\xad" "вет", "при", "при\xc2\xad");
	found_at("при\xc2\xad" "вет", "вет", "вет");
	found_at("з’їзд", "з'", "з’");
	found_at("xa\xcc\x88y", "ä", "a\xcc\x88");
	found_at("x\xcc\xa3\xcc\x88y", "y", "y");
	found_at("cafe\xcc\x81!", "cafe", "cafe\xcc\x81");
}

static void
test_map_shape(void)
{
	const char *text = "Ёлка — Мо́сква, Straße\xc2\xa0 з’їзд";
	size_t n = strlen(text), i;
	struct strbuf key = STRBUF_INIT, plain = STRBUF_INIT;
	uint32_t *map;
	bool mono = true;

	strbuf_adds(&key, "prefix");
	fold_key_mapped(text, n, &key, &map);
	fold_key(text, n, &plain);
	is_str(key.buf + 6, plain.buf, "the mapped key equals fold_key's");
	is_int(map[key.len - 6], (long long)n, "the last map entry is n");
	for (i = 0; i < key.len - 6; i++)
		if (map[i] > map[i + 1] || (text[map[i]] & 0xC0) == 0x80)
			mono = false;
	ok(mono, "the map never decreases and points at code points");
	is_int(fold_map_end(map, key.len - 6, 0, n), 0, "an empty match at 0 ends at 0");
	is_int(fold_map_end(map, key.len - 6, key.len - 6, n), (long long)n,
	    "a match to the end of the key ends at n");
	free(map);
	strbuf_done(&key);
	strbuf_done(&plain);

	fold_key_mapped("", 0, &key, &map);
	ok(key.len == 0 && map[0] == 0, "empty text: empty key, map {0}");
	free(map);
	strbuf_done(&key);
}

/* ---------------------------------------------------------------------- */
/* The fast path against the slow path. */

static int mismatches;

/* Checks fold_key and fold_key_mapped against fold_key_slow on s[0..n). */
static bool
agrees(const char *s, size_t n)
{
	struct strbuf fast = STRBUF_INIT, mapped = STRBUF_INIT, slow = STRBUF_INIT;
	uint32_t *map;
	bool good;
	size_t i;

	fold_key(s, n, &fast);
	fold_key_mapped(s, n, &mapped, &map);
	fold_key_slow(s, n, &slow);
	good = fast.len == slow.len && memcmp(fast.buf, slow.buf, fast.len) == 0 &&
	    mapped.len == slow.len && memcmp(mapped.buf, slow.buf, slow.len) == 0 &&
	    map[mapped.len] == n;
	for (i = 0; good && i < mapped.len; i++)
		good = map[i] <= map[i + 1] && map[i] < n;
	if (!good && mismatches++ < 5) {
		printf("#   differs on:");
		for (i = 0; i < n; i++)
			printf(" %02x", (unsigned char)s[i]);
		printf("\n#   fast %s / slow %s\n", fast.buf, slow.buf);
	}
	free(map);
	strbuf_done(&fast);
	strbuf_done(&mapped);
	strbuf_done(&slow);
	return good;
}

static size_t
put_cp(char *buf, uint32_t cp)
{
	return (size_t)u8_uctomb((uint8_t *)buf, cp, 4);
}

static void
test_every_code_point(void)
{
	static const uint32_t before[] = { 0, 'a', 0x0435, 0x0438, 0x0301 };
	static const uint32_t after[] = { 0, 'a', 0x0435, 0x0301, 0x0308 };
	bool alone = true, paired = true;
	uint32_t cp;
	size_t b, a;

	mismatches = 0;
	for (cp = 0; cp < 0x110000; cp++) {
		char buf[4];

		if (cp >= 0xD800 && cp <= 0xDFFF)
			continue;
		if (!agrees(buf, put_cp(buf, cp)))
			alone = false;
	}
	ok(alone, "fast == slow for every code point alone");
	for (cp = 0; cp < 0x10000; cp++) {
		if (cp >= 0xD800 && cp <= 0xDFFF)
			continue;
		for (b = 0; b < GLOSS_ARRAY_SIZE(before); b++) {
			for (a = 0; a < GLOSS_ARRAY_SIZE(after); a++) {
				char buf[12];
				size_t n = 0;

				if (before[b])
					n += put_cp(buf + n, before[b]);
				n += put_cp(buf + n, cp);
				if (after[a])
					n += put_cp(buf + n, after[a]);
				if ((b || a) && !agrees(buf, n))
					paired = false;
			}
		}
	}
	ok(paired, "fast == slow for every BMP code point between a, е, и, U+0301, U+0308");
}

static uint32_t
next_random(uint32_t *state)
{
	*state ^= *state << 13;
	*state ^= *state >> 17;
	*state ^= *state << 5;
	return *state;
}

static void
test_random_strings(void)
{
	static const char *const alphabet[] = {
		"a", "Z", "s", " ", "\t", "\n", "'", "\xc2\xa0", "\xe2\x80\xaf", "\xe3\x80\x80",
		"е", "Е", "ё", "Ё", "и", "й", "Й", "і", "ї", "Ї", "у", "ў", "Ў", "м", "Щ",
		"\xcc\x80", "\xcc\x81", "\xcc\x86", "\xcc\x88", "\xcc\xa3", "\xcd\x85", "\xcd\x84",
		"\xc2\xad", "’", "ʼ", "ß", "ẞ", "İ", "ŉ", "Σ", "ς", "ΐ", "ᾷ", "\xe1\x84\x80",
		"\xe1\x85\xa1", "\xe1\x86\xa8", "가", "\xe0\xb2\xbf", "\xe0\xb3\x95", "क",
		"\xe0\xa4\xbc", "\xe0\xa5\x98", "\xe2\x84\xab", "\xf0\x9f\x98\x80",
		"\xf0\x9d\x85\x9e", "\xf0\x91\x82\x99", "\xf0\x91\x82\xba", "\xff", "\xe2\x82",
		"\xef\xbf\xbd", "—", "«", "№",
	};
	uint32_t seed = 12345;
	bool good = true;
	int round;

	mismatches = 0;
	for (round = 0; round < 30000; round++) {
		char buf[256];
		size_t n = 0;
		int len = (int)(next_random(&seed) % 14) + 1, k;

		for (k = 0; k < len; k++) {
			const char *piece = alphabet[next_random(&seed) % GLOSS_ARRAY_SIZE(alphabet)];

			memcpy(buf + n, piece, strlen(piece));
			n += strlen(piece);
		}
		if (!agrees(buf, n))
			good = false;
	}
	ok(good, "fast == slow on 30000 random strings of a mixed alphabet");
}

int
main(void)
{
	test_guide_table();
	test_letters_of_their_own();
	test_apostrophes_spaces();
	test_latin_and_mixed();
	test_key_bytes();
	test_map_ranges();
	test_map_shape();
	test_every_code_point();
	test_random_strings();
	return tap_done();
}
