/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * xref_int.h — what the xref files share: the shingles of a document
 * (xref_shingle.c) and the URL rules (xref_url.c), used by xref.c.
 */
#ifndef GLOSS_XREF_INT_H
#define GLOSS_XREF_INT_H

#include "gloss/xref.h"

/* One run of XREF_K words: its hash and its byte range in the document text. */
struct xref_shingle {
	uint64_t hash;
	uint64_t start, end;
	uint32_t para;		/* index into xref_shingles.paras */
};

/* A paragraph that has shingles: block number in reading order and its range. */
struct xref_para {
	uint32_t block;
	uint64_t start, end;
	uint32_t nshingles;
};

/* The shingles of one document; xref_shingles_done() frees the arrays. */
struct xref_shingles {
	struct xref_shingle *sh;
	size_t nsh, capsh;
	struct xref_para *paras;
	size_t npara, cappara;
};

/* Measures doc and fills *out (zeroed by the caller) with the shingles of its eligible paragraphs. */
void xref_shingle_doc(struct doc *doc, struct xref_shingles *out);
void xref_shingles_done(struct xref_shingles *s);

#endif
