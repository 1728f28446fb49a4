/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * file — writing a file so that it is never seen half-written, opening
 * only regular files, and mappings that survive the file shrinking (see
 * include/gloss/file.h).
 *
 * The guard.  A mapped page beyond the end of a file that shrank raises
 * SIGBUS on access.  Rather than jumping out of whatever was reading (a
 * loader, the search prefilter, a hash, in any thread: every one would
 * need a recovery point and would leak what it had built), the handler
 * maps anonymous zero pages over the rest of the mapping from the faulting
 * page on (all of it lies beyond the new end) and returns, so the read is
 * repeated and sees NUL bytes; the mapping is marked damaged for its owner
 * to notice.  The handler only reads the table of guarded mappings (plain
 * atomics, no locks) and calls mmap(2), a system call on the systems
 * gloss runs on.  Mappings are entered and removed under a mutex.
 */
#include "gloss/gloss.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdatomic.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "gloss/error.h"
#include "gloss/file.h"
#include "gloss/xmalloc.h"

/* Writes all of data to fd; false on error (errno set). */
static bool
write_all(int fd, const char *data, size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, data, n);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return false;
		data += w;
		n -= (size_t)w;
	}
	return true;
}

enum gloss_status
file_write_atomic(const char *path, const char *data, size_t n, bool force)
{
	char *tmp = xasprintf("%s.tmp-XXXXXX", path);
	struct stat sb;
	mode_t mask;
	bool ok;
	int fd, e;

	if (!force && lstat(path, &sb) == 0) {
		free(tmp);
		return error_set(GLOSS_EEXIST, "%s exists (use --force to replace it)", path);
	}
	if ((fd = mkstemp(tmp)) < 0) {
		e = errno;
		free(tmp);
		return error_set(GLOSS_EIO, "cannot write %s: %s", path, strerror(e));
	}
	mask = umask(0);
	umask(mask);
	(void)fchmod(fd, 0666 & ~mask);
	ok = write_all(fd, data, n) && fsync(fd) == 0;
	e = errno;
	if (close(fd) != 0 && ok) {
		ok = false;
		e = errno;
	}
	/* link() refuses to replace an existing file: no window for a race */
	if (ok && ((!force && link(tmp, path) != 0) || (force && rename(tmp, path) != 0))) {
		ok = false;
		e = errno;
	}
	if (!ok) {
		unlink(tmp);
		free(tmp);
		if (e == EEXIST)
			return error_set(GLOSS_EEXIST, "%s exists (use --force to replace it)", path);
		return error_set(e == ENOSPC ? GLOSS_EFULL : GLOSS_EIO, "cannot write %s: %s", path,
		    strerror(e));
	}
	if (!force)
		unlink(tmp);
	free(tmp);
	return GLOSS_OK;
}

/* ------------------------------------------------------------------ */
/* Opening regular files only */

const char *
file_kind_name(mode_t m)
{
	if (S_ISFIFO(m))
		return "a FIFO";
	if (S_ISSOCK(m))
		return "a socket";
	if (S_ISCHR(m))
		return "a character device";
	if (S_ISBLK(m))
		return "a block device";
	if (S_ISLNK(m))
		return "a symbolic link";
	return "not a regular file";
}

/* Refuses what is not a regular file of at most max bytes (and, with FILE_OWN_OR_PUBLIC, someone else's). */
static enum gloss_status
check_regular(const char *path, const struct stat *st, uint64_t max, unsigned flags)
{
	if (S_ISDIR(st->st_mode))
		return error_set(GLOSS_EISDIR, "%s: is a directory", path);
	if (!S_ISREG(st->st_mode))
		return error_set(GLOSS_ESPECIAL, "%s: not a regular file (%s): not opened", path,
		    file_kind_name(st->st_mode));
	if (max > 0 && (uint64_t)st->st_size > max)
		return error_set(GLOSS_ETOOBIG, "%s: too large (%llu bytes; at most %llu are read)",
		    path, (unsigned long long)st->st_size, (unsigned long long)max);
	if ((flags & FILE_OWN_OR_PUBLIC) && st->st_uid != geteuid() && !(st->st_mode & S_IROTH))
		return error_set(GLOSS_EIO, "%s: neither yours nor readable by everyone: not opened",
		    path);
	return GLOSS_OK;
}

static enum gloss_status
open_error(const char *path, int e)
{
	return error_set(e == ENOENT || e == ENOTDIR ? GLOSS_ENOENT : GLOSS_EIO, "%s: %s", path,
	    strerror(e));
}

enum gloss_status
file_open_regular(const char *path, uint64_t max, unsigned flags, int *fd, struct stat *st)
{
	struct stat named;
	enum gloss_status rc;
	int fl;

	*fd = -1;
	if (((flags & FILE_NOFOLLOW) ? lstat(path, &named) : stat(path, &named)) != 0)
		return open_error(path, errno);
	if ((rc = check_regular(path, &named, max, flags)) != GLOSS_OK)
		return rc;
	*fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC |
	    ((flags & FILE_NOFOLLOW) ? O_NOFOLLOW : 0));
	if (*fd < 0)
		return open_error(path, errno);
	if (fstat(*fd, st) != 0) {
		rc = open_error(path, errno);
	} else if ((rc = check_regular(path, st, max, flags)) == GLOSS_OK &&
	    (st->st_dev != named.st_dev || st->st_ino != named.st_ino)) {
		rc = error_set(GLOSS_EIO, "%s: replaced while being opened", path);
	}
	if (rc == GLOSS_OK && (fl = fcntl(*fd, F_GETFL)) >= 0)
		(void)fcntl(*fd, F_SETFL, fl & ~O_NONBLOCK);
	if (rc != GLOSS_OK) {
		close(*fd);
		*fd = -1;
	}
	return rc;
}

/* ------------------------------------------------------------------ */
/* Guarded mappings */

#define GUARDS 64	/* mappings guarded at once (open documents, library workers) */

static struct guard {
	atomic_uintptr_t base;	/* 0: a free slot */
	atomic_size_t len;
	atomic_bool damaged;
} guards[GUARDS];
static pthread_mutex_t guards_mu = PTHREAD_MUTEX_INITIALIZER;
static struct sigaction sigbus_old;
static size_t page_size;
static bool handler_set;

static void
on_sigbus(int sig, siginfo_t *si, void *uc)
{
	uintptr_t a = (uintptr_t)si->si_addr;

	(void)uc;
	for (size_t i = 0; i < GUARDS; i++) {
		uintptr_t base = atomic_load(&guards[i].base);
		size_t len = atomic_load(&guards[i].len);
		uintptr_t pa = a & ~(uintptr_t)(page_size - 1), end;

		if (base == 0 || a < base || a >= base + len)
			continue;
		end = (base + len + page_size - 1) & ~(uintptr_t)(page_size - 1);
		if (mmap((void *)pa, end - pa, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1,
		    0) != MAP_FAILED) {
			atomic_store(&guards[i].damaged, true);
			return;		/* the read is repeated over zeros */
		}
		break;
	}
	/* not a guarded mapping: what would have happened without the guard */
	sigaction(sig, &sigbus_old, NULL);
}

static void
install_handler(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_sigaction = on_sigbus;
	sa.sa_flags = SA_SIGINFO | SA_NODEFER;
	sigemptyset(&sa.sa_mask);
	page_size = (size_t)sysconf(_SC_PAGESIZE);
	if (sigaction(SIGBUS, &sa, &sigbus_old) == 0)
		handler_set = true;
}

void *
file_map(int fd, size_t n)
{
	void *map = MAP_FAILED;
	size_t i;

	pthread_mutex_lock(&guards_mu);
	if (!handler_set)
		install_handler();
	for (i = 0; i < GUARDS && atomic_load(&guards[i].base) != 0; i++)
		;
	if (!handler_set || i == GUARDS)
		errno = ENOMEM;
	else if ((map = mmap(NULL, n, PROT_READ, MAP_PRIVATE, fd, 0)) != MAP_FAILED) {
		atomic_store(&guards[i].damaged, false);
		atomic_store(&guards[i].len, n);
		atomic_store(&guards[i].base, (uintptr_t)map);
	}
	pthread_mutex_unlock(&guards_mu);
	return map == MAP_FAILED ? NULL : map;
}

static struct guard *
guard_of(const void *map)
{
	for (size_t i = 0; i < GUARDS; i++)
		if (atomic_load(&guards[i].base) == (uintptr_t)map)
			return &guards[i];
	return NULL;
}

void
file_unmap(void *map, size_t n)
{
	struct guard *g;

	if (map == NULL)
		return;
	pthread_mutex_lock(&guards_mu);
	if ((g = guard_of(map)) != NULL)
		atomic_store(&g->base, 0);
	munmap(map, n);
	pthread_mutex_unlock(&guards_mu);
}

bool
file_map_damaged(const void *map)
{
	struct guard *g = map ? guard_of(map) : NULL;

	return g != NULL && atomic_load(&g->damaged);
}

void
file_block_signals(sigset_t *old)
{
	static const int faults[] = { SIGBUS, SIGSEGV, SIGFPE, SIGILL };
	sigset_t all;

	sigfillset(&all);
	for (size_t i = 0; i < GLOSS_ARRAY_SIZE(faults); i++)
		sigdelset(&all, faults[i]);
	pthread_sigmask(SIG_SETMASK, &all, old);
}
