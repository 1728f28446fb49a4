/*
 * file — writing a file so that it is never seen half-written (see
 * include/gloss/file.h).
 */
#include "gloss/gloss.h"

#include <errno.h>
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
