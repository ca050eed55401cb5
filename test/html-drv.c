/* html-drv: the driver of test/html.bats for src/html.c.
 *
 *	html-drv [-q] [-b N] [-c CHARSET] [FILE...]
 *
 * Each FILE (default: standard input) is one page, fed to html_feed in
 * blocks of N bytes (default 4096), so that tests can check that the
 * output does not depend on where blocks end.  Writes for each page
 *	meta<TAB>KEY<TAB>VALUE
 *	para<TAB>CLASS<TAB>HEADING<TAB>PRE<TAB>LINK/BYTES<TAB>TEXT
 * (CLASS, HEADING "h1".."h6", PRE "pre"; "-" when none; VALUE and TEXT
 * escaped as in the record stream), and "page FILE" before each page when
 * there are several.  -q counts paragraphs and their bytes instead (for
 * timing).  -c gives the charset as an HTTP header would. */
#include "nu.h"
#include "html.h"

#include <stdlib.h>
#include <unistd.h>

static int quiet;
static unsigned long nparas, nbytes;

static void
para(void *arg, const char *s, size_t n, const struct hhint *h)
{
	(void)arg;
	nparas++;
	nbytes += n;
	if (quiet)
		return;
	out_s("para\t");
	out_s(h->cls ? html_clsname[h->cls] : "-");
	out_c('\t');
	if (h->hlevel) {
		out_c('h');
		out_u((unsigned long)h->hlevel);
	} else
		out_c('-');
	out_s(h->pre ? "\tpre\t" : "\t-\t");
	out_u(h->link);
	out_c('/');
	out_u(n);
	out_c('\t');
	out_esc(s, n);
	out_c('\n');
}

static void
meta(void *arg, const char *key, const char *val, size_t n)
{
	(void)arg;
	if (quiet)
		return;
	out_s("meta\t");
	out_s(key);
	out_c('\t');
	out_esc(val, n);
	out_c('\n');
}

static void
page(struct html *h, const char *path, size_t bs, const char *cs, int many)
{
	FILE *f = strcmp(path, "-") ? fopen(path, "rb") : stdin;
	char *b = nu_alloc(bs);
	size_t n;

	if (!f)
		nu_die(2, "%s: cannot open", path);
	if (many && !quiet) {
		out_s("page\t");
		out_s(path);
		out_c('\n');
	}
	html_charset(h, cs);
	while ((n = fread(b, 1, bs, f)) > 0)
		html_feed(h, b, n);
	if (ferror(f))
		nu_die(2, "%s: read error", path);
	html_end(h);
	if (f != stdin)
		fclose(f);
	free(b);
}

int
main(int argc, char **argv)
{
	struct html *h;
	const char *cs = NULL;
	size_t bs = 4096;
	int c, i;

	nu_init(argv[0]);
	while ((c = getopt(argc, argv, "b:c:q")) != -1)
		switch (c) {
		case 'b':
			bs = (size_t)strtoul(optarg, NULL, 10);
			break;
		case 'c':
			cs = optarg;
			break;
		case 'q':
			quiet = 1;
			break;
		default:
			nu_die(2, "usage: html-drv [-q] [-b N] [-c CHARSET] [FILE...]");
		}
	if (bs == 0)
		nu_die(2, "-b: a block of at least one byte");
	h = html_new(para, meta, NULL);
	if (optind == argc)
		page(h, "-", bs, cs, 0);
	for (i = optind; i < argc; i++)
		page(h, argv[i], bs, cs, argc - optind > 1);
	html_free(h);
	if (quiet)
		printf("%lu paragraphs, %lu bytes\n", nparas, nbytes);
	return nu_out_finish();
}
