/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * sorted — owns the binary search every sorted table of gloss uses
 * (include/gloss/sorted.h).
 */
#include "gloss/gloss.h"

#include "gloss/sorted.h"

size_t
sorted_partition(const void *base, size_t n, size_t size,
    bool (*before)(const void *elem, const void *key), const void *key)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (before((const char *)base + mid * size, key))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

struct u64_key {
	size_t field;
	uint64_t key;
};

static bool
u64_at_most(const void *elem, const void *key)
{
	const struct u64_key *k = key;
	uint64_t v;

	memcpy(&v, (const char *)elem + k->field, sizeof v);
	return v <= k->key;
}

size_t
sorted_upper_u64(const void *base, size_t n, size_t size, size_t field, uint64_t key)
{
	struct u64_key k = { field, key };

	return sorted_partition(base, n, size, u64_at_most, &k);
}
