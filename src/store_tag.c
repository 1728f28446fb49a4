/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * store_tag — names the store checks and keeps: colours, tags (normalised
 * spelling and fold key; the tag list for completion), and note drafts.
 *
 * Tags compare case-insensitively, by the fold key of the search module
 * (case folded, ё = е, apostrophes unified, white space collapsed): a tag
 * keeps the spelling it was first given, and "Sanctions" added later to
 * another annotation finds the tag "sanctions".
 */
#include "gloss/gloss.h"

#include <strings.h>

#include "store_int.h"
#include "gloss/fold.h"
#include "gloss/strbuf.h"
#include "gloss/text.h"
#include "gloss/xmalloc.h"

static const char *const color_names[] = {
#define STORE_COLOR_NAME(name, str) str,
	STORE_COLOR_LIST(STORE_COLOR_NAME)
#undef STORE_COLOR_NAME
};

const char *
store_color_name(enum store_color c)
{
	return (unsigned)c < STORE_COLOR_COUNT ? color_names[c] : "?";
}

bool
store_color_parse(const char *name, enum store_color *c)
{
	for (unsigned i = 0; i < STORE_COLOR_COUNT; i++) {
		if (strcasecmp(name, color_names[i]) == 0) {
			*c = (enum store_color)i;
			return true;
		}
	}
	return false;
}

const char *
store_color_names(void)
{
	static char buf[128];

	if (buf[0] == '\0') {
		for (unsigned i = 0; i < STORE_COLOR_COUNT; i++) {
			if (i > 0)
				strcat(buf, ", ");
			strcat(buf, color_names[i]);
		}
	}
	return buf;
}

/* ------------------------------------------------------------------ */
/* Tags */

static bool
is_space(uint32_t cp)
{
	return cp == ' ' || (cp >= 0x09 && cp <= 0x0D) || cp == 0x85 || cp == 0xA0 || cp == 0x1680 ||
	    (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F ||
	    cp == 0x205F || cp == 0x3000;
}

static bool
is_control(uint32_t cp)
{
	return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F);
}

/* Collapses white space in the NFC text s into out; false on a control or a comma. */
static bool
collapse(const char *s, size_t n, struct strbuf *out, size_t *cps, uint32_t *bad)
{
	bool pending = false;
	size_t i = 0;

	*cps = 0;
	while (i < n) {
		uint32_t cp;
		int len = text_decode(s + i, n - i, &cp);

		if (is_space(cp)) {
			pending = out->len > 0;
		} else if (is_control(cp) || cp == ',') {
			*bad = cp;
			return false;
		} else {
			if (pending) {
				strbuf_addc(out, ' ');
				++*cps;
			}
			pending = false;
			strbuf_add(out, s + i, (size_t)len);
			++*cps;
		}
		i += (size_t)len;
	}
	return true;
}

enum gloss_status
store_tag_normalize(const char *raw, char **name, char **key)
{
	struct strbuf nfc = STRBUF_INIT, out = STRBUF_INIT, k = STRBUF_INIT;
	size_t n = strlen(raw), cps = 0;
	uint32_t bad = 0;
	enum gloss_status rc = GLOSS_OK;

	*name = *key = NULL;
	if (!text_valid(raw, n))
		return error_set(GLOSS_EUSAGE, "a tag must be valid UTF-8");
	text_nfc(raw, n, &nfc);
	if (!collapse(strbuf_str(&nfc), nfc.len, &out, &cps, &bad))
		rc = bad == ',' ? error_set(GLOSS_EUSAGE, "a tag cannot contain a comma")
		    : error_set(GLOSS_EUSAGE, "a tag cannot contain control characters (U+%04X)", bad);
	else if (out.len == 0)
		rc = error_set(GLOSS_EUSAGE, "empty tag");
	else if (cps > STORE_TAG_MAX)
		rc = error_set(GLOSS_EUSAGE, "tag too long (at most %d characters)", STORE_TAG_MAX);
	if (rc == GLOSS_OK) {
		fold_key(out.buf, out.len, &k);
		*name = strbuf_detach(&out, NULL);
		*key = strbuf_detach(&k, NULL);
	}
	strbuf_done(&nfc);
	strbuf_done(&out);
	strbuf_done(&k);
	return rc;
}

enum gloss_status
store_tags(struct store *st, struct store_tag **out, size_t *n)
{
	sqlite3_stmt *s = store_stmt(st, "SELECT t.name, count(*) FROM tags t "
	    "JOIN annotation_tags x ON x.tag_id = t.id GROUP BY t.id ORDER BY t.key");
	size_t cap = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if (s == NULL)
		return st->err;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? 2 * cap : 16;
			*out = xreallocarray(*out, cap, sizeof **out);
		}
		(*out)[*n].name = store_col_str(s, 0);
		(*out)[*n].count = (size_t)sqlite3_column_int64(s, 1);
		++*n;
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE) {
		store_tags_free(*out, *n);
		*out = NULL;
		*n = 0;
		return store_fail(st, rc, "reading tags");
	}
	return GLOSS_OK;
}

void
store_tags_free(struct store_tag *tags, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(tags[i].name);
	free(tags);
}

/* ------------------------------------------------------------------ */
/* Drafts */

enum gloss_status
store_draft_save(struct store *st, int64_t id, const char *text)
{
	enum gloss_status rc = store_write_begin(st);
	sqlite3_stmt *s;

	if (rc != GLOSS_OK)
		return rc;
	s = store_stmt(st, "INSERT INTO drafts(annotation_id, text, saved) "
	    "SELECT id, ?2, ?3 FROM annotations WHERE id = ?1 "
	    "ON CONFLICT(annotation_id) DO UPDATE SET text = excluded.text, saved = excluded.saved");
	if (s == NULL) {
		rc = st->err;
	} else {
		sqlite3_bind_int64(s, 1, id);
		sqlite3_bind_text(s, 2, text, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(s, 3, store_now());
		rc = store_done(st, s);
		if (rc == GLOSS_OK && sqlite3_changes(st->db) == 0)
			rc = error_set(GLOSS_ENOTFOUND, "no annotation with id %lld", (long long)id);
	}
	return store_tx_end(st, rc);
}

enum gloss_status
store_draft_get(struct store *st, int64_t id, char **text)
{
	sqlite3_stmt *s = store_stmt(st, "SELECT text FROM drafts WHERE annotation_id = ?1");
	int rc;

	*text = NULL;
	if (s == NULL)
		return st->err;
	sqlite3_bind_int64(s, 1, id);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		*text = store_col_str(s, 0);
	sqlite3_reset(s);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? GLOSS_OK : store_fail(st, rc, "reading a draft");
}

enum gloss_status
store_draft_drop(struct store *st, int64_t id)
{
	enum gloss_status rc = store_write_begin(st);
	sqlite3_stmt *s;

	if (rc != GLOSS_OK)
		return rc;
	if ((s = store_stmt(st, "DELETE FROM drafts WHERE annotation_id = ?1")) == NULL) {
		rc = st->err;
	} else {
		sqlite3_bind_int64(s, 1, id);
		rc = store_done(st, s);
	}
	return store_tx_end(st, rc);
}

enum gloss_status
store_drafts(struct store *st, int64_t **ids, size_t *n)
{
	sqlite3_stmt *s = store_stmt(st, "SELECT annotation_id FROM drafts ORDER BY saved, annotation_id");
	int rc;

	*ids = NULL;
	*n = 0;
	if (s == NULL)
		return st->err;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		*ids = xreallocarray(*ids, *n + 1, sizeof **ids);
		(*ids)[(*n)++] = sqlite3_column_int64(s, 0);
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE) {
		free(*ids);
		*ids = NULL;
		*n = 0;
		return store_fail(st, rc, "reading drafts");
	}
	return GLOSS_OK;
}
