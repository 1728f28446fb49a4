/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * monotime — readings of CLOCK_MONOTONIC (see include/gloss/monotime.h).
 */
#include "gloss/gloss.h"

#include <time.h>

#include "gloss/monotime.h"

static struct timespec
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts;
}

uint64_t
monotime_us(void)
{
	struct timespec ts = now();

	return (uint64_t)ts.tv_sec * 1000000u + (uint64_t)ts.tv_nsec / 1000u;
}

uint64_t
monotime_ms(void)
{
	struct timespec ts = now();

	return (uint64_t)ts.tv_sec * 1000u + (uint64_t)ts.tv_nsec / 1000000u;
}

double
monotime_s(void)
{
	struct timespec ts = now();

	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}
