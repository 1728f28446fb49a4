/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * gloss.h — the umbrella header, included first by every source file.
 *
 * It owns the build configuration (config.h), the feature macros and the one
 * choice of curses header.  No other header includes config.h or curses.
 */
#ifndef GLOSS_GLOSS_H
#define GLOSS_GLOSS_H

#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1	/* wide-character curses */
#endif

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#if defined(HAVE_NCURSESW_CURSES_H)
#include <ncursesw/curses.h>
#elif defined(HAVE_NCURSES_H)
#include <ncurses.h>
#else
#include <curses.h>
#endif

#define GLOSS_ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define GLOSS_MIN(a, b) ((a) < (b) ? (a) : (b))
#define GLOSS_MAX(a, b) ((a) > (b) ? (a) : (b))

#if defined(__GNUC__)
#define GLOSS_PRINTF(f, a) __attribute__((format(printf, f, a)))
#define GLOSS_NORETURN __attribute__((noreturn))
#else
#define GLOSS_PRINTF(f, a)
#define GLOSS_NORETURN
#endif

#endif
