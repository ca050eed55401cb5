/* tagdate-drv: date_find (src/tagdate.c) on lines of standard input,
 * for test/tagdate.bats.
 *
 *	tagdate-drv [-l] [-m max] [-n N] <lines
 *
 * Each line is REF<TAB>text, REF the article's date (YYYY-MM-DD) or "-"
 * for none.  Each date found is written as "start end iso text": byte
 * offsets in the text (end exclusive), the ISO value or "-" when it has
 * none, and the text of the span; -l puts the line's number first.
 * -m: at most max spans a line (64).  -n: find the dates N times a line
 * and write nothing, for counting instructions (callgrind, perf). */
#include "nu.h"
#include "tagdate.h"

#include <stdlib.h>
#include <unistd.h>

static int lflag;
static unsigned long lineno;

static void
line(const char *ref, const char *s, size_t n, struct tok *t, struct dspan *d,
    size_t max, long times)
{
	size_t nt = tok_split(s, n, t, NULL), nd = 0, k;
	long r;

	sent_split(s, t, nt);
	for (r = 0; r < times; r++)
		nd = date_find(s, t, nt, ref, d, max);
	if (times != 1)
		return;
	for (k = 0; k < nd; k++) {
		uint32_t a = t[d[k].a].off, b = t[d[k].b - 1].off + t[d[k].b - 1].len;

		if (lflag)
			printf("%lu ", lineno);
		printf("%u %u %s %.*s\n", (unsigned)a, (unsigned)b,
		    d[k].iso[0] ? d[k].iso : "-", (int)(b - a), s + a);
	}
}

int
main(int argc, char **argv)
{
	char *buf = NULL, *tab;
	size_t cap = 0, max = 64, tcap = 0;
	ssize_t len;
	long times = 1;
	struct tok *t = NULL;
	struct dspan *d;
	int c;

	nu_init(argv[0]);
	while ((c = getopt(argc, argv, "lm:n:")) != -1) {
		if (c == 'l')
			lflag = 1;
		else if (c == 'm')
			max = (size_t)strtoul(optarg, NULL, 10);
		else if (c == 'n')
			times = strtol(optarg, NULL, 10);
		else
			nu_die(2, "usage: tagdate-drv [-l] [-m max] [-n N] <lines");
	}
	d = nu_alloc((max ? max : 1) * sizeof *d);
	while ((len = getline(&buf, &cap, stdin)) != -1) {
		lineno++;
		if (len && buf[len - 1] == '\n')
			buf[--len] = '\0';
		if (!(tab = memchr(buf, '\t', (size_t)len)))
			nu_die(1, "stdin:%lu: no TAB after the date", lineno);
		*tab = '\0';
		if ((size_t)len + 1 > tcap) {
			tcap = (size_t)len + 1;
			t = nu_realloc(t, tcap * sizeof *t);
		}
		line(strcmp(buf, "-") ? buf : NULL, tab + 1, (size_t)(len - (tab + 1 - buf)),
		    t, d, max, times);
	}
	free(buf);
	free(t);
	free(d);
	return fflush(stdout) == 0 ? 0 : 1;
}
