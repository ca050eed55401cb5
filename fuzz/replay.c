/* replay.c: a fuzz target's entry point over saved inputs, without
 * libFuzzer: `fuzz-nsplit dir-or-file ...`.  An input that breaks a
 * promise crashes, as it did for the fuzzer. */
#include "fuzz.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* nu_die is the fuzz build's abort(3): say why and stop */
static _Noreturn void
fatal(const char *path, const char *why)
{
	fprintf(stderr, "%s: %s: %s\n", nu_prog, path, why);
	exit(1);
}

static int
compare(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void
one(const char *path)
{
	FILE *f = fopen(path, "rb");
	struct buf b = {0};
	char chunk[65536];
	size_t n;

	if (!f)
		fatal(path, strerror(errno));
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_add(&b, chunk, n);
	if (ferror(f))
		fatal(path, "read error");
	fclose(f);
	LLVMFuzzerTestOneInput((const uint8_t *)(b.len ? b.p : ""), b.len);
	buf_free(&b);
}

/* A directory's files in name order, so that a run is repeatable. */
static size_t
dir(const char *path)
{
	DIR *d = opendir(path);
	struct dirent *e;
	char **v = NULL, *p;
	size_t n = 0, i;

	if (!d)
		fatal(path, strerror(errno));
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		p = nu_alloc(strlen(path) + strlen(e->d_name) + 2);
		sprintf(p, "%s/%s", path, e->d_name);
		v = nu_realloc(v, (n + 1) * sizeof *v);
		v[n++] = p;
	}
	closedir(d);
	if (n > 1)	/* v is NULL when there is none */
		qsort(v, n, sizeof *v, compare);
	for (i = 0; i < n; i++) {
		one(v[i]);
		free(v[i]);
	}
	free(v);
	return n;
}

int
main(int argc, char **argv)
{
	struct stat st;
	size_t n = 0;
	int i;

	LLVMFuzzerInitialize(&argc, &argv);
	for (i = 1; i < argc; i++) {
		if (stat(argv[i], &st) < 0)
			fatal(argv[i], strerror(errno));
		if (S_ISDIR(st.st_mode))
			n += dir(argv[i]);
		else {
			one(argv[i]);
			n++;
		}
	}
	fprintf(stderr, "%s: %zu inputs replayed\n", nu_prog, n);
	return 0;
}
