/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * sorted — the one binary search over sorted arrays (offsets of blocks,
 * notes, markers, links; labels).  Nothing is allocated.
 */
#ifndef GLOSS_SORTED_H
#define GLOSS_SORTED_H

#include "gloss/gloss.h"

/*
 * The first index i of base[0..n) (elements of size bytes) at which
 * before(base + i * size, key) is false, n if there is none.  before must
 * hold for a prefix of the array and for nothing after it.
 */
size_t sorted_partition(const void *base, size_t n, size_t size,
    bool (*before)(const void *elem, const void *key), const void *key);

/*
 * For an array sorted by the uint64_t at byte offset field of each element:
 * the number of elements whose field is <= key (the index of the first one
 * above key).
 */
size_t sorted_upper_u64(const void *base, size_t n, size_t size, size_t field, uint64_t key);

#endif
