/*
 * corpus — where the articles are: the articles of a directory and the
 * corpus directory (see include/gloss/corpus.h).
 */
#include "gloss/gloss.h"

#include <dirent.h>
#include <strings.h>
#include <sys/stat.h>

#include "gloss/corpus.h"
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

size_t
corpus_list_dir(const char *dir, char ***out)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char **v = NULL;
	size_t n = 0;

	*out = NULL;
	if (d == NULL)
		return 0;
	while ((e = readdir(d)) != NULL) {
		if (!is_article_name(e->d_name))
			continue;
		v = xreallocarray(v, n + 1, sizeof *v);
		v[n++] = xasprintf("%s/%s", dir, e->d_name);
	}
	closedir(d);
	if (n > 1)
		qsort(v, n, sizeof *v, cmp_str);
	*out = v;
	return n;
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
