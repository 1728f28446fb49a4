/* SPDX-License-Identifier: ISC */
/* SPDX-FileCopyrightText: 2026 the gloss authors */
/*
 * driver — runs a harness of fuzz/ without libFuzzer (builds without
 * --enable-fuzzing): each operand is a file, or a directory whose regular
 * files are read, given whole to LLVMFuzzerTestOneInput().  Options
 * (libFuzzer's, such as -runs=0) are ignored, so that fuzz/replay.sh runs
 * either build the same way.  Prints how many inputs ran.
 */
#include "gloss/gloss.h"

#include <dirent.h>
#include <sys/stat.h>

#include "fuzz.h"

static int
run_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *data = NULL;
	size_t len = 0, cap = 0, n;

	if (f == NULL) {
		perror(path);
		return 1;
	}
	do {
		if (len == cap) {
			cap = cap ? 2 * cap : 65536;
			data = realloc(data, cap);
			if (data == NULL)
				abort();
		}
		n = fread(data + len, 1, cap - len, f);
		len += n;
	} while (n > 0);
	fclose(f);
	LLVMFuzzerTestOneInput((const uint8_t *)data, len);
	free(data);
	return 0;
}

static int
run_dir(const char *path, size_t *count)
{
	DIR *d = opendir(path);
	struct dirent *e;
	int rc = 0;

	if (d == NULL) {
		perror(path);
		return 1;
	}
	while ((e = readdir(d)) != NULL) {
		char file[4096];
		struct stat st;

		snprintf(file, sizeof file, "%s/%s", path, e->d_name);
		if (e->d_name[0] == '.' || stat(file, &st) != 0 || !S_ISREG(st.st_mode))
			continue;
		rc |= run_file(file);
		(*count)++;
	}
	closedir(d);
	return rc;
}

int
main(int argc, char **argv)
{
	struct stat st;
	size_t count = 0;
	int rc = 0;

	for (int i = 1; i < argc; i++) {
		if (argv[i][0] == '-')
			continue;
		if (stat(argv[i], &st) == 0 && S_ISDIR(st.st_mode)) {
			rc |= run_dir(argv[i], &count);
		} else {
			rc |= run_file(argv[i]);
			count++;
		}
	}
	printf("%s: %zu inputs\n", argv[0], count);
	return rc;
}
