/*
 * file — file operations shared by every layer: writing a file atomically
 * (exports, drafts).
 */
#ifndef GLOSS_FILE_H
#define GLOSS_FILE_H

#include "gloss/gloss.h"
#include "gloss/error.h"

/*
 * Writes data[0..n) to path atomically: a temporary file in the same
 * directory, fsync, then rename.  Without force an existing path is
 * refused with GLOSS_EEXIST.  On failure nothing is left behind (GLOSS_EIO,
 * GLOSS_EFULL, GLOSS_EEXIST with a message).
 */
enum gloss_status file_write_atomic(const char *path, const char *data, size_t n, bool force);

#endif
