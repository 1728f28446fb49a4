/*
 * plain_int.h — internals shared by plain.c, plain_classify.c and
 * plain_furniture.c.
 */
#ifndef GLOSS_PLAIN_INT_H
#define GLOSS_PLAIN_INT_H

#include "gloss/doc_build.h"
#include "gloss/plain.h"

/* Classifies blocks [first_block, count) just built from one chunk. */
void plain_classify(struct doc_builder *b, uint32_t first_block, unsigned flags);
/* Site furniture ("Subscribe", "Skip to content", "Вы тут", "Главная › …"): plain_furniture.c. */
bool plain_is_furniture(const char *s, size_t n);
/* A heading of a list of links ("Читайте также", "Related stories"): what follows are its links. */
bool plain_is_list_head(const char *s, size_t n);

/*
 * A line lower-cased once for several needle tests (at most its first 400
 * bytes): by hand when it is ASCII, else with u8_tolower.  s is NUL-ended;
 * plain_lowered_done() frees it when it did not fit in buf.
 */
struct plain_lowered {
	uint8_t *s;
	size_t n;
	char buf[1024];
};

bool plain_lower(const char *s, size_t n, struct plain_lowered *l);
void plain_lowered_done(struct plain_lowered *l);
/* Does the lowered line contain one of the needles (lower case), as whole words if words is set? */
bool plain_lowered_has(const struct plain_lowered *l, const char *const *needles, size_t count,
    bool words);

/* Words separated by spaces. */
int plain_count_words(const char *s, size_t n);
uint32_t plain_last_cp(const char *s, size_t n);
/* Does the line end like a sentence of the article (., !, ?, …, a closing quote)? */
bool plain_ends_sentence(const char *s, size_t n);
/* Does s hold a year (four digits starting with 1 or 2, not part of a longer number)? */
bool plain_has_year(const char *s, size_t n);

#endif
