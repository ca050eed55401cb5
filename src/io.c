/* io.c: line input over stdio.  getline(3) grows one buffer per reader, so
 * a giant line costs memory once and no allocation happens per line. */
#include "nu.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

int
lrd_open(struct lrd *r, const char *path)
{
	memset(r, 0, sizeof *r);
	r->name = path;
	if (strcmp(path, "-") == 0) {
		r->fp = stdin;
		return 0;
	}
	r->fp = fopen(path, "rb");
	if (!r->fp)
		return -1;
	/* big reads: fewer system calls on multi-gigabyte dumps */
	setvbuf(r->fp, NULL, _IOFBF, 1 << 17);
	return 0;
}

ssize_t
lrd_get(struct lrd *r)
{
	ssize_t n = getline(&r->line, &r->cap, r->fp);

	if (n < 0)
		return -1;
	r->lineno++;
	r->nonl = 1;
	if (n > 0 && r->line[n - 1] == '\n') {
		r->line[--n] = '\0';
		r->nonl = 0;
	}
	r->len = (size_t)n;
	return n;
}

void
lrd_close(struct lrd *r)
{
	if (r->fp && r->fp != stdin)
		fclose(r->fp);
	else if (r->fp == stdin)
		clearerr(stdin);
	free(r->line);
	r->line = NULL;
	r->fp = NULL;
}

/* Run fn over each named input ("-" or none: stdin).  A file that cannot
 * be opened is reported as "prog: file: reason" and sets status 1; the
 * others are still read. */
void
nu_inputs(int argc, char **argv, void (*fn)(struct lrd *, void *), void *arg)
{
	static char *dash[] = {"-", NULL};
	struct lrd r;
	int i;

	if (argc == 0) {
		argc = 1;
		argv = dash;
	}
	for (i = 0; i < argc; i++) {
		if (lrd_open(&r, argv[i]) < 0) {
			nu_warnx("%s: %s", argv[i], strerror(errno));
			continue;
		}
		fn(&r, arg);
		if (ferror(r.fp))
			nu_warnx("%s: %s", argv[i], strerror(errno));
		lrd_close(&r);
	}
}
