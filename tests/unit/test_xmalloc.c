/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * test_xmalloc — the reader's heap on a huge page: after
 * xmalloc_heap_huge() the next allocations start a 2 MiB-aligned region
 * that the kernel may back with a transparent huge page, they stay in it,
 * and freeing them does not give the region back.
 */
#include "gloss/gloss.h"

#include <stdint.h>
#include <unistd.h>

#include "gloss/xmalloc.h"
#include "../lib/tap.h"

#define HUGE ((uintptr_t)2 << 20)
#define SMALL 1000

/* The smaps fields of the mapping that holds addr: THPeligible and AnonHugePages (kB). */
static bool
smaps_of(uintptr_t addr, int *eligible, long *huge_kb)
{
	FILE *f = fopen("/proc/self/smaps", "r");
	char line[512];
	bool in = false, found = false;

	*eligible = -1;
	*huge_kb = -1;
	if (f == NULL)
		return false;
	while (fgets(line, sizeof line, f)) {
		unsigned long a, z;

		if (sscanf(line, "%lx-%lx ", &a, &z) == 2 && strchr(line, '-') < strchr(line, ' ')) {
			in = addr >= a && addr < z;
			found |= in;
			continue;
		}
		if (in) {
			sscanf(line, "THPeligible: %d", eligible);
			sscanf(line, "AnonHugePages: %ld kB", huge_kb);
		}
	}
	fclose(f);
	return found;
}

/* The kernel's THP mode: "always", "madvise", "never", or "" when unknown. */
static const char *
thp_mode(void)
{
	static char mode[16];
	char *text = tap_slurp("/sys/kernel/mm/transparent_hugepage/enabled", NULL);
	char *a, *z;

	mode[0] = '\0';
	if (text && (a = strchr(text, '[')) && (z = strchr(a, ']')) && z - a < 16)
		snprintf(mode, sizeof mode, "%.*s", (int)(z - a - 1), a + 1);
	free(text);
	return mode;
}

int
main(void)
{
	static char *small[SMALL];
	uintptr_t region, lo = UINTPTR_MAX, hi = 0;
	char *first;
	int eligible;
	long huge_kb;

	if (!xmalloc_heap_huge()) {
		for (int i = 0; i < 5; i++)
			ok(1, "# SKIP no glibc heap to move (another C library, or AddressSanitizer)");
		return tap_done();
	}
	first = malloc(4096);
	region = (uintptr_t)first & ~(HUGE - 1);
	ok((uintptr_t)first - region < 64, "the next allocation starts a 2 MiB-aligned region "
	    "(at +%lu)", (unsigned long)((uintptr_t)first - region));
	memset(first, 1, 4096);
	for (int i = 0; i < SMALL; i++) {
		small[i] = malloc(200 + (size_t)i % 300);
		small[i][0] = 1;
		lo = GLOSS_MIN(lo, (uintptr_t)small[i]);
		hi = GLOSS_MAX(hi, (uintptr_t)small[i]);
	}
	ok(lo > region && hi < region + HUGE, "%d small allocations after it lie in the region", SMALL);
	for (int i = 0; i < SMALL; i++)
		free(small[i]);
	free(first);
	ok((uintptr_t)sbrk(0) >= region + HUGE, "freeing them keeps the region mapped");
	if (!smaps_of(region, &eligible, &huge_kb)) {
		ok(0, "the region is in /proc/self/smaps");
		ok(0, "# (no mapping)");
		return tap_done();
	}
	if (strcmp(thp_mode(), "never") == 0 || eligible < 0) {
		ok(1, "# SKIP transparent huge pages are off (%s)", thp_mode());
		ok(1, "# SKIP");
		return tap_done();
	}
	is_int(eligible, 1, "the region's mapping may take a huge page (THPeligible)");
	if (huge_kb == 0)	/* the kernel found no free 2 MiB page: allowed, but say so */
		ok(1, "# SKIP no huge page was free (AnonHugePages 0 kB)");
	else
		ok(huge_kb >= 2048, "the region is one huge page (AnonHugePages %ld kB)", huge_kb);
	return tap_done();
}
