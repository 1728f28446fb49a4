/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * file — file operations shared by every layer: writing a file atomically
 * (exports, drafts), opening only regular files, and mapping a file so
 * that its shrinking under the mapping never crashes the program.
 */
#ifndef GLOSS_FILE_H
#define GLOSS_FILE_H

#include "gloss/gloss.h"
#include "gloss/error.h"

#include <signal.h>
#include <sys/stat.h>

/*
 * Writes data[0..n) to path atomically: a temporary file in the same
 * directory, fsync, then rename.  Without force an existing path is
 * refused with GLOSS_EEXIST.  On failure nothing is left behind (GLOSS_EIO,
 * GLOSS_EFULL, GLOSS_EEXIST with a message).
 */
enum gloss_status file_write_atomic(const char *path, const char *data, size_t n, bool force);

/*
 * Opening for reading.  file_open_regular() opens path only if it is a
 * regular file of at most max bytes (0: no limit): it looks at the name
 * first (stat), so that a FIFO or a device is never opened, then opens it
 * with O_NONBLOCK (a FIFO put in its place meanwhile cannot block open),
 * checks the opened descriptor again (fstat: S_ISREG, the same file, the
 * size) and clears O_NONBLOCK.  On success *fd is the descriptor (the
 * caller closes it) and *st its fstat.  Errors, with a message naming the
 * path: GLOSS_ENOENT, GLOSS_EISDIR, GLOSS_ESPECIAL (a FIFO, socket or
 * device), GLOSS_ETOOBIG, GLOSS_EIO (permission and the rest).  With
 * FILE_OWN_OR_PUBLIC (for paths named by someone else: an imported
 * file's sources) a file that is neither the user's nor readable by
 * everyone is refused too (GLOSS_EIO): what the user may read only by
 * being in a group or root, such as /etc/shadow for its group.
 */
#define FILE_OWN_OR_PUBLIC 1u
#define FILE_NOFOLLOW 2u	/* a symbolic link is refused too (drafts, in shared directories) */
enum gloss_status file_open_regular(const char *path, uint64_t max, unsigned flags, int *fd,
    struct stat *st);
/* What a file of mode m is, for messages ("a FIFO", "a character device"; static storage). */
const char *file_kind_name(mode_t m);

/*
 * Guarded mappings.  file_map() maps n > 0 bytes of fd read-only (NULL on
 * failure, errno set).  If the file shrinks while mapped, reading a page
 * beyond its new end would raise SIGBUS: for a mapping made here a SIGBUS
 * handler puts a page of zero bytes in its place instead, and the mapping
 * is marked damaged, so every reader of the mapped bytes (loaders, the
 * search prefilter, hashing, threads included) goes on with NUL bytes and
 * the owner asks file_map_damaged() when it matters.  A SIGBUS anywhere
 * else kills the program as before.  Threads that block signals must leave
 * SIGBUS unblocked (file_block_signals()).  file_unmap() unmaps and
 * forgets the mapping.
 */
void *file_map(int fd, size_t n);
void file_unmap(void *map, size_t n);
bool file_map_damaged(const void *map);

/* Blocks every signal but the synchronous faults (for worker threads); *old receives the mask. */
void file_block_signals(sigset_t *old);

#endif
