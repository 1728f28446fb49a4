/*
 * annot_int.h — shared by the files of the annot module (annot.c,
 * annot_edit.c).  Not for other modules.
 */
#ifndef GLOSS_ANNOT_INT_H
#define GLOSS_ANNOT_INT_H

/* Steps the generation for a change made outside annot_apply() (re-anchoring results). */
void annot_step_generation(void);

#endif
