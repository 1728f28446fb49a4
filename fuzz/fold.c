/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * fold — fuzzes the search key: fold_key() (the cached fast path) equals
 * fold_key_slow() (libunistring only), fold_key_mapped() gives the same
 * key with a map of key->len + 1 entries that never decreases and ends at
 * the input's length, the key is valid UTF-8, and folding the key again
 * changes nothing.
 */
#include "gloss/gloss.h"

#include <unistr.h>

#include "gloss/fold.h"
#include "gloss/strbuf.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	struct strbuf fast = STRBUF_INIT, slow = STRBUF_INIT, mapped = STRBUF_INIT, again = STRBUF_INIT;
	uint32_t *map = NULL;

	fold_key(s, size, &fast);
	fold_key_slow(s, size, &slow);
	fuzz_assert(fast.len == slow.len && memcmp(strbuf_str(&fast), strbuf_str(&slow), fast.len) == 0,
	    "fold_key equals fold_key_slow");
	fold_key_mapped(s, size, &mapped, &map);
	fuzz_assert(mapped.len == fast.len && memcmp(strbuf_str(&mapped), strbuf_str(&fast), fast.len) == 0,
	    "fold_key_mapped gives the same key");
	for (size_t i = 0; i < mapped.len; i++)
		fuzz_assert(map[i] <= map[i + 1], "the map never decreases");
	fuzz_assert(map[mapped.len] == size, "the map ends at the input's length");
	fuzz_assert(u8_check((const uint8_t *)strbuf_str(&fast), fast.len) == NULL, "the key is valid UTF-8");
	fold_key(strbuf_str(&fast), fast.len, &again);
	fuzz_assert(again.len == fast.len && memcmp(strbuf_str(&again), strbuf_str(&fast), fast.len) == 0,
	    "folding a key again changes nothing");
	free(map);
	strbuf_done(&fast);
	strbuf_done(&slow);
	strbuf_done(&mapped);
	strbuf_done(&again);
	return 0;
}
