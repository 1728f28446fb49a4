/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * fingerprint — how gloss recognises a document file.
 *
 * Two levels.  The cheap key comes from one stat(2): size, modification
 * time (nanoseconds), inode and device.  It says "this is the file we saw
 * last time, unchanged" without reading a byte, and it survives a rename
 * within a file system (same inode and mtime).  The content fingerprint is
 * the SHA-256 of the file's bytes (nettle), as 64 lower-case hex digits; it
 * recognises a copied, moved or restored file and tells a changed file
 * from an unchanged one.
 *
 * Hashing a large file must not delay the first screen, so it can run in
 * steps: fingerprint_job_new() on the mapped bytes, fingerprint_job_step()
 * from idle time until it answers true, then fingerprint_job_hex().  Files
 * of at most FINGERPRINT_EAGER_MAX bytes are cheap enough to hash at once.
 */
#ifndef GLOSS_FINGERPRINT_H
#define GLOSS_FINGERPRINT_H

#include "gloss/gloss.h"
#include "gloss/error.h"

#define FINGERPRINT_HEX_LEN 64
#define FINGERPRINT_EAGER_MAX (4u * 1024u * 1024u)

struct fingerprint_key {
	uint64_t size;
	int64_t mtime_ns;
	uint64_t ino;
	uint64_t dev;
};

/* Fills *key from stat(path); GLOSS_ENOENT or GLOSS_EIO with a message. */
enum gloss_status fingerprint_stat(const char *path, struct fingerprint_key *key);
bool fingerprint_key_equal(const struct fingerprint_key *a, const struct fingerprint_key *b);

/* Writes the SHA-256 of data[0..n) as 64 hex digits and a NUL to hex. */
void fingerprint_sha256(const void *data, size_t n, char hex[FINGERPRINT_HEX_LEN + 1]);

/*
 * Incremental hashing.  The job borrows data[0..n), which must stay valid
 * and unchanged until the job is freed.  fingerprint_job_step() hashes for
 * about budget_us microseconds (at least one piece) and returns true once
 * the whole input is hashed; fingerprint_job_hex() is then the result
 * (owned by the job), and NULL before.  The caller frees the job.
 */
struct fingerprint_job;

struct fingerprint_job *fingerprint_job_new(const void *data, uint64_t n);
bool fingerprint_job_step(struct fingerprint_job *job, unsigned budget_us);
const char *fingerprint_job_hex(const struct fingerprint_job *job);
/* Bytes hashed so far. */
uint64_t fingerprint_job_done(const struct fingerprint_job *job);
void fingerprint_job_free(struct fingerprint_job *job);

#endif
