/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * test_fingerprint — SHA-256 against published vectors, incremental
 * hashing against one-shot hashing, and the stat key across rename, touch
 * and rewrite.
 */
#include "gloss/gloss.h"

#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "gloss/fingerprint.h"
#include "gloss/xmalloc.h"
#include "../lib/tap.h"

static void
test_vectors(void)
{
	char hex[FINGERPRINT_HEX_LEN + 1];

	fingerprint_sha256("", 0, hex);
	is_str(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", "SHA-256 of nothing");
	fingerprint_sha256("abc", 3, hex);
	is_str(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", "SHA-256 of abc");
	fingerprint_sha256("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", 56, hex);
	is_str(hex, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
	    "SHA-256 of the two-block vector");
}

static void
test_steps(void)
{
	size_t n = 3 * 1024 * 1024 + 17;
	char *data = xmalloc(n), one[FINGERPRINT_HEX_LEN + 1];
	struct fingerprint_job *job;
	int steps = 0;

	for (size_t i = 0; i < n; i++)
		data[i] = (char)(i * 31 + i / 1000);
	fingerprint_sha256(data, n, one);
	job = fingerprint_job_new(data, n);
	ok(fingerprint_job_hex(job) == NULL, "no result before the job is done");
	while (!fingerprint_job_step(job, 0))
		steps++;
	ok(steps >= 10, "a zero budget hashes one piece per step (%d steps)", steps);
	is_str(fingerprint_job_hex(job), one, "stepwise hash equals the one-shot hash");
	is_int((long long)fingerprint_job_done(job), (long long)n, "every byte hashed");
	fingerprint_job_free(job);
	free(data);
}

static void
write_file(const char *path, const char *s)
{
	FILE *f = fopen(path, "w");

	fputs(s, f);
	fclose(f);
}

static void
test_key(void)
{
	char dir[] = "/tmp/gloss-fp.XXXXXX", a[64], b[64];
	struct fingerprint_key k1, k2;
	struct timespec times[2] = { { 1000, 0 }, { 1000, 0 } };

	if (!ok(mkdtemp(dir) != NULL, "temporary directory"))
		return;
	snprintf(a, sizeof a, "%s/a.txt", dir);
	snprintf(b, sizeof b, "%s/b.txt", dir);
	write_file(a, "hello\n");
	is_int(fingerprint_stat(a, &k1), GLOSS_OK, "stat key of a file");
	is_int((long long)k1.size, 6, "the key has the size");
	rename(a, b);
	fingerprint_stat(b, &k2);
	ok(fingerprint_key_equal(&k1, &k2), "a renamed file keeps its key");
	utimensat(AT_FDCWD, b, times, 0);
	fingerprint_stat(b, &k2);
	ok(!fingerprint_key_equal(&k1, &k2), "touching a file changes its key");
	is_int(fingerprint_stat(a, &k2), GLOSS_ENOENT, "a missing file is ENOENT");
	unlink(b);
	rmdir(dir);
}

int
main(void)
{
	test_vectors();
	test_steps();
	test_key();
	return tap_done();
}
