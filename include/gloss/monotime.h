/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * monotime — the monotonic clock, for time budgets (idle slices, update
 * steps), timeouts and benchmarks.  Never the wall clock: these readings
 * only make sense as differences.
 */
#ifndef GLOSS_MONOTIME_H
#define GLOSS_MONOTIME_H

#include "gloss/gloss.h"

uint64_t monotime_us(void);
uint64_t monotime_ms(void);
/* Seconds, for benchmarks. */
double monotime_s(void);

#endif
