/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * annot_int.h — shared by the files of the annot module (annot.c,
 * annot_edit.c, annot_queue.c).  Not for other modules.
 */
#ifndef GLOSS_ANNOT_INT_H
#define GLOSS_ANNOT_INT_H

#include "gloss/annot.h"

/* Steps the generation for a change made outside annot_apply() (re-anchoring results). */
void annot_step_generation(void);

/* annot_apply() without the queue: one transaction now (annot_edit.c). */
enum gloss_status annot_apply_now(struct store *st, struct annot_change *c, int64_t *id);
/* Applies queued changes that can now have the lock (annot_queue.c; from annot_poll). */
void annot_queue_retry(void);

#endif
