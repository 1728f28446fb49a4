/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * test_sorted — the binary search of the sorted tables: every key against
 * a table with repeated values, an empty table, and a predicate on strings.
 */
#include "gloss/gloss.h"

#include "gloss/sorted.h"
#include "../lib/tap.h"

struct item {
	const char *name;
	uint64_t start, end;
};

static bool
name_before(const void *elem, const void *key)
{
	return strcmp(((const struct item *)elem)->name, key) < 0;
}

int
main(void)
{
	static const struct item t[] = {
		{ "a", 10, 12 }, { "b", 20, 25 }, { "b", 20, 26 }, { "c", 30, 31 }, { "e", 40, 44 },
	};
	static const uint64_t starts[] = { 0, 5, 5, 9 };
	bool all = true;

	for (uint64_t key = 0; key <= 45; key += 5) {
		size_t want = 0;

		while (want < GLOSS_ARRAY_SIZE(t) && t[want].start <= key)
			want++;
		all &= sorted_upper_u64(t, GLOSS_ARRAY_SIZE(t), sizeof *t, offsetof(struct item, start),
		    key) == want;
	}
	ok(all, "upper bound on a field: the number of elements at or below every key 0..45");
	is_int((long long)sorted_upper_u64(t, GLOSS_ARRAY_SIZE(t), sizeof *t,
	    offsetof(struct item, start), 20), 3, "repeated values: after the last of them");
	is_int((long long)sorted_upper_u64(t, GLOSS_ARRAY_SIZE(t), sizeof *t,
	    offsetof(struct item, end), 25), 2, "by another field (the ends)");
	is_int((long long)sorted_upper_u64(t, 0, sizeof *t, offsetof(struct item, start), 99), 0,
	    "an empty table");
	ok(sorted_upper_u64(starts, 4, sizeof *starts, 0, 0) == 1 &&
	    sorted_upper_u64(starts, 4, sizeof *starts, 0, 4) == 1 &&
	    sorted_upper_u64(starts, 4, sizeof *starts, 0, 5) == 3 &&
	    sorted_upper_u64(starts, 4, sizeof *starts, 0, 10) == 4,
	    "a plain array of offsets (field 0)");
	is_int((long long)sorted_partition(t, GLOSS_ARRAY_SIZE(t), sizeof *t, name_before, "b"), 1,
	    "partition: the first of equal names");
	is_int((long long)sorted_partition(t, GLOSS_ARRAY_SIZE(t), sizeof *t, name_before, "d"), 4,
	    "partition: where a missing name would go");
	is_int((long long)sorted_partition(t, GLOSS_ARRAY_SIZE(t), sizeof *t, name_before, "z"), 5,
	    "partition: past the end");
	return tap_done();
}
