/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * plain — fuzzes the plain-text loader (paragraphs, re-flowing, titles, furniture), the layout at a width chosen by the first byte, and
 * `gloss dump`, checking the properties of fuzz/doc_check.h.
 */
#include "gloss/gloss.h"

#include "doc_check.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_check_doc(data, size, DOC_FORMAT_TEXT);
	return 0;
}
