/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * fingerprint — the cheap stat(2) key and the SHA-256 content fingerprint
 * of document files, hashed at once or in timed steps (see
 * include/gloss/fingerprint.h).
 */
#include "gloss/gloss.h"

#include <errno.h>
#include <sys/stat.h>

#include <nettle/sha2.h>

#include "gloss/fingerprint.h"
#include "gloss/monotime.h"
#include "gloss/xmalloc.h"

#define PIECE (256u * 1024u)	/* bytes hashed between clock checks */

struct fingerprint_job {
	struct sha256_ctx ctx;
	const unsigned char *data;
	uint64_t n, done;
	char hex[FINGERPRINT_HEX_LEN + 1];
	bool finished;
};

enum gloss_status
fingerprint_stat(const char *path, struct fingerprint_key *key)
{
	struct stat st;

	if (stat(path, &st) != 0) {
		int e = errno;

		return error_set(e == ENOENT ? GLOSS_ENOENT : GLOSS_EIO, "%s: %s", path, strerror(e));
	}
	key->size = (uint64_t)st.st_size;
	key->mtime_ns = (int64_t)st.st_mtim.tv_sec * 1000000000 + st.st_mtim.tv_nsec;
	key->ino = (uint64_t)st.st_ino;
	key->dev = (uint64_t)st.st_dev;
	return GLOSS_OK;
}

bool
fingerprint_key_equal(const struct fingerprint_key *a, const struct fingerprint_key *b)
{
	return a->size == b->size && a->mtime_ns == b->mtime_ns && a->ino == b->ino && a->dev == b->dev;
}

static void
to_hex(const uint8_t digest[SHA256_DIGEST_SIZE], char *hex)
{
	static const char digits[] = "0123456789abcdef";

	for (size_t i = 0; i < SHA256_DIGEST_SIZE; i++) {
		hex[2 * i] = digits[digest[i] >> 4];
		hex[2 * i + 1] = digits[digest[i] & 15];
	}
	hex[2 * SHA256_DIGEST_SIZE] = '\0';
}

void
fingerprint_sha256(const void *data, size_t n, char hex[FINGERPRINT_HEX_LEN + 1])
{
	struct fingerprint_job *job = fingerprint_job_new(data, n);

	while (!fingerprint_job_step(job, UINT32_MAX))
		;
	memcpy(hex, job->hex, FINGERPRINT_HEX_LEN + 1);
	fingerprint_job_free(job);
}

struct fingerprint_job *
fingerprint_job_new(const void *data, uint64_t n)
{
	struct fingerprint_job *job = xcalloc(1, sizeof *job);

	sha256_init(&job->ctx);
	job->data = data;
	job->n = n;
	return job;
}

bool
fingerprint_job_step(struct fingerprint_job *job, unsigned budget_us)
{
	uint64_t deadline = monotime_us() + budget_us;

	while (!job->finished) {
		uint64_t left = job->n - job->done;
		size_t piece = left < PIECE ? (size_t)left : PIECE;
		uint8_t digest[SHA256_DIGEST_SIZE];

		if (piece > 0)
			sha256_update(&job->ctx, piece, job->data + job->done);
		job->done += piece;
		if (job->done == job->n) {
			sha256_digest(&job->ctx, SHA256_DIGEST_SIZE, digest);
			to_hex(digest, job->hex);
			job->finished = true;
		} else if (monotime_us() >= deadline) {
			break;
		}
	}
	return job->finished;
}

const char *
fingerprint_job_hex(const struct fingerprint_job *job)
{
	return job->finished ? job->hex : NULL;
}

uint64_t
fingerprint_job_done(const struct fingerprint_job *job)
{
	return job->done;
}

void
fingerprint_job_free(struct fingerprint_job *job)
{
	free(job);
}
