/*
 * doc_int.h — internals shared by doc.c (chunk index, navigation, offsets)
 * and doc_build.c (the builder that loaders fill).  Not for other modules.
 */
#ifndef GLOSS_DOC_INT_H
#define GLOSS_DOC_INT_H

#include "gloss/doc.h"

/* A parsed chunk: owns its blocks, their texts, spans and strings. */
struct chunk {
	char *text;			/* block texts, each followed by a NUL */
	struct doc_block *blocks;
	uint32_t nblocks;
	struct doc_span *spans;
	char *strings;			/* URLs and labels, NUL-separated */
	uint64_t text_len;		/* contribution to the document text, separators included */
};

struct build_block {
	size_t text;			/* offset in builder text */
	uint32_t len;
	uint8_t kind, level, flags;
	uint32_t span0, nspans;		/* range in the span array */
	size_t label;			/* offset+1 in strings, 0 = none */
	size_t number;			/* the same for a note's number */
	uint64_t src_start, src_end;
};

struct build_span {
	uint32_t start, end;		/* relative to the block */
	uint16_t kind;
	size_t url;			/* offset+1 in strings, 0 = none */
	bool open;
};

struct doc_builder {
	struct strbuf text;
	struct strbuf strings;
	struct build_block *blocks;
	uint32_t nblocks, cap;
	struct build_span *spans;
	uint32_t nspans, span_cap;
	bool in_block;
	uint8_t pending_flags;		/* flags of a dropped empty block, for the next one */
	struct build_block cur;
};

void doc_builder_init(struct doc_builder *b);
/* Turns the builder's blocks into a chunk (the builder is emptied). */
struct chunk *doc_builder_finish(struct doc_builder *b);
void doc_builder_done(struct doc_builder *b);
void doc_chunk_free(struct chunk *c);

#endif
