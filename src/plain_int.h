/*
 * plain_int.h — internals shared by plain.c and plain_classify.c.
 */
#ifndef GLOSS_PLAIN_INT_H
#define GLOSS_PLAIN_INT_H

#include "gloss/doc_build.h"
#include "gloss/plain.h"

/* Classifies blocks [first_block, count) just built from one chunk. */
void plain_classify(struct doc_builder *b, uint32_t first_block, unsigned flags);
/* Site furniture ("Subscribe", "Skip to content", …). */
bool plain_is_furniture(const char *s, size_t n);

#endif
