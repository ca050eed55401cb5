/* fmt_proquest.c: ProQuest text (stub). */
#include "nsplit.h"

static int
sniff_pq(const char *s, size_t n, unsigned long lineno)
{
	(void)s; (void)n; (void)lineno;
	return 0;
}

static void start(struct ctx *c) { (void)c; }
static void line(struct ctx *c, const char *s, size_t n) { art_line(c, s, n); }
static void finish(struct ctx *c) { art_finish(c); }

const struct fmt fmt_proquest = {"proquest", sniff_pq, start, line, finish};
