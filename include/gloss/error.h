/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * error — the status codes of recoverable failures, their messages, and the
 * fatal path.
 *
 * Fallible functions return enum gloss_status (GLOSS_OK is 0).  A function
 * that fails records a specific message with error_set(), which returns the
 * code so that "return error_set(GLOSS_EIO, "%s: %s", path, strerror(e));"
 * reads naturally.  The caller shows error_last() (status line or stderr).
 * The message buffer belongs to this module and is valid until the next
 * error_set() call; each thread has its own.
 *
 * error_fatal() is for start-up and invariant failures only: it runs the
 * registered cleanup (which calls endwin()), prints "gloss: MESSAGE" on
 * stderr and exits with status 1.
 */
#ifndef GLOSS_ERROR_H
#define GLOSS_ERROR_H

#include "gloss/gloss.h"

/* name, exit code for commands, default message */
#define GLOSS_STATUS_LIST(_) \
	_(OK,       0, "success") \
	_(EUSAGE,   2, "usage error") \
	_(ENOENT,   1, "no such file or directory") \
	_(EIO,      1, "input/output error") \
	_(EISDIR,   1, "is a directory") \
	_(EBINARY,  1, "binary file") \
	_(EPARSE,   1, "parse error") \
	_(ENOTFOUND, 1, "not found") \
	_(EAMBIG,   1, "ambiguous") \
	_(EDB,      1, "database error") \
	_(EREADONLY, 1, "database is read-only") \
	_(ENEWER,   1, "database was written by a newer gloss") \
	_(EBUSY,    1, "database is busy") \
	_(EQUEUED,  1, "kept until the database is free") \
	_(ECORRUPT, 1, "database file is damaged") \
	_(EFULL,    1, "disk full") \
	_(EEXIST,   1, "file exists") \
	_(ETOOBIG,  1, "too large") \
	_(ESPECIAL, 1, "not a regular file") \
	_(ECHANGED, 1, "file changed while being read")

enum gloss_status {
#define GLOSS_STATUS_ENUM(name, code, msg) GLOSS_##name,
	GLOSS_STATUS_LIST(GLOSS_STATUS_ENUM)
#undef GLOSS_STATUS_ENUM
	GLOSS_STATUS_COUNT
};

/* The default message of a status code (static storage). */
const char *error_message(enum gloss_status st);
/* The process exit code for a status code (0, 1 or 2). */
int error_exit_code(enum gloss_status st);
/* Records a formatted message for st and returns st. */
enum gloss_status error_set(enum gloss_status st, const char *fmt, ...) GLOSS_PRINTF(2, 3);
/* The last recorded message, or the default message of st if none. */
const char *error_last(enum gloss_status st);
/* Forgets the last recorded message. */
void error_clear(void);

/* Registers the function error_fatal() runs before printing (one slot). */
void error_set_cleanup(void (*cleanup)(void));
/* Runs the cleanup, prints "gloss: MESSAGE" to stderr, exits 1. */
void error_fatal(const char *fmt, ...) GLOSS_PRINTF(1, 2) GLOSS_NORETURN;

#endif
