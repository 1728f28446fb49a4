/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * corpus — where the articles are: the articles of a directory and the
 * corpus directory (see include/gloss/corpus.h).
 */
#include "gloss/gloss.h"

#include <dirent.h>
#include <strings.h>
#include <sys/stat.h>

#include "gloss/corpus.h"
#include "gloss/file.h"
#include "gloss/options.h"
#include "gloss/xmalloc.h"

static bool
is_article_name(const char *name)
{
	const char *dot = strrchr(name, '.');
	static const char *const ext[] = { ".txt", ".text", ".md", ".markdown" };

	if (name[0] == '.' || dot == NULL)
		return false;
	for (size_t i = 0; i < GLOSS_ARRAY_SIZE(ext); i++)
		if (strcasecmp(dot, ext[i]) == 0)
			return true;
	return false;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Whether the entry e of dir is a regular file (or a link to one); *mode gets its type. */
static bool
is_regular(const char *path, const struct dirent *e, mode_t *mode)
{
	struct stat st;

#ifdef _DIRENT_HAVE_D_TYPE
	if (e->d_type == DT_REG) {
		*mode = S_IFREG;
		return true;
	}
	if (e->d_type != DT_UNKNOWN && e->d_type != DT_LNK) {
		*mode = DTTOIF(e->d_type);
		return false;
	}
#else
	(void)e;
#endif
	if (stat(path, &st) != 0) {
		*mode = 0;
		return false;
	}
	*mode = st.st_mode;
	return S_ISREG(st.st_mode);
}

/*
 * The entries of dir with an article's name: the regular files (regular
 * true) or the others (special files, directories, dangling links).
 */
static size_t
list(const char *dir, bool regular, char ***out)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char **v = NULL;
	size_t n = 0;

	*out = NULL;
	if (d == NULL)
		return 0;
	while ((e = readdir(d)) != NULL) {
		char *path;
		mode_t mode;

		if (!is_article_name(e->d_name))
			continue;
		path = xasprintf("%s/%s", dir, e->d_name);
		if (is_regular(path, e, &mode) != regular) {
			free(path);
			continue;
		}
		v = xreallocarray(v, n + 1, sizeof *v);
		v[n++] = regular ? path : xasprintf("%s: %s: skipped", path,
		    mode == 0 ? "cannot be read" : S_ISDIR(mode) ? "a directory" :
		    file_kind_name(mode));
		if (!regular)
			free(path);
	}
	closedir(d);
	if (n > 1)
		qsort(v, n, sizeof *v, cmp_str);
	*out = v;
	return n;
}

size_t
corpus_list_dir(const char *dir, char ***out)
{
	return list(dir, true, out);
}

size_t
corpus_list_skipped(const char *dir, char ***out)
{
	return list(dir, false, out);
}

bool
corpus_is_dir(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

const char *
corpus_dir(void)
{
	if (opt_corpus)
		return opt_corpus;
	if (getenv("GLOSS_CORPUS") && *getenv("GLOSS_CORPUS"))
		return getenv("GLOSS_CORPUS");
	if (corpus_is_dir(GLOSS_PKGDATADIR "/corpus"))
		return GLOSS_PKGDATADIR "/corpus";
	if (corpus_is_dir("corpus"))
		return "corpus";
	return NULL;
}
