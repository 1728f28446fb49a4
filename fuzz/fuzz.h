/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * fuzz.h — what the libFuzzer harnesses of fuzz/ share: the entry point
 * each defines, and fuzz_assert(), which aborts (a crash for libFuzzer, a
 * failure for fuzz/replay.sh) when a property the harness checks is false.
 *
 * Each harness is built twice: with --enable-fuzzing (clang, libFuzzer,
 * ASan and UBSan) for `make fuzz`, and otherwise with fuzz/driver.c, which
 * runs it over files and directories (the corpus and the reproducers under
 * fuzz/corpus/NAME/) for `make check`.
 */
#ifndef GLOSS_FUZZ_H
#define GLOSS_FUZZ_H

#include "gloss/gloss.h"

#include <unistr.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define fuzz_assert(cond, what) \
	((cond) ? (void)0 : fuzz_fail(__FILE__, __LINE__, (what)))

static inline void __attribute__((noreturn))
fuzz_fail(const char *file, int line, const char *what)
{
	fprintf(stderr, "%s:%d: property violated: %s\n", file, line, what);
	abort();
}

/*
 * Whether s[a..z), what the layout left out between two lines, is only
 * spaces, soft hyphens and the characters UAX #14 makes mandatory breaks
 * (LF, VT, FF, CR, NEL, LS, PS): nothing else of the text may be lost.
 */
static inline bool
fuzz_gap_ok(const char *s, size_t a, size_t z)
{
	while (a < z) {
		ucs4_t c;
		int n = u8_mbtouc(&c, (const uint8_t *)s + a, z - a);

		if (!(c == ' ' || (c >= 0x0A && c <= 0x0D) || c == 0x85 || c == 0xAD || c == 0x2028 || c == 0x2029)) {
			fprintf(stderr, "U+%04X at byte %zu of \"%.*s\" is in no line\n", (unsigned)c, a, (int)z, s);
			return false;
		}
		a += (size_t)n;
	}
	return true;
}

#endif
