/* reader.c: the fuzz target of the line reader and the record splitter
 * (io.c, rec.c), held to a slow reference: the input, after one byte
 * that says how many bytes each read(2) returns, is read in check mode
 * (nsplit's) and in tabs mode (the stream tools'), and
 *	the lines, joined with newlines, are the input
 *	valid, ff and plain say what the line holds
 *	the tabs noted are the line's first ones, and rec_fields splits
 *	there as rec_split does */
#include "fuzz.h"

#include <string.h>

void
fuzz_init(void)
{
}

static void
flags(const struct lrd *r)
{
	const char *s = r->line;
	size_t n = r->len, i;
	int plain = 1;

	if (r->valid != fuzz_utf8(s, n))
		fuzz_fail("valid is wrong", s, n);
	if (r->ff != (memchr(s, '\f', n) != NULL))
		fuzz_fail("ff is wrong", s, n);
	for (i = 0; i < n; i++)
		if ((unsigned char)s[i] < ' ' || s[i] == '\\')
			plain = 0;
	if (r->plain != (plain && r->valid))
		fuzz_fail("plain is wrong", s, n);
}

static void
fields(struct lrd *r)
{
	struct rec a, b;
	size_t i, tab[REC_MAXF];
	int k = 0, ra, rb;

	for (i = 0; i < r->len && k < REC_MAXF; i++)
		if (r->line[i] == '\t')
			tab[k++] = i;
	if (k != r->ntab || memcmp(tab, r->tab, (size_t)k * sizeof *tab) != 0)
		fuzz_fail("the tabs noted are wrong", r->line, r->len);
	ra = rec_fields(&a, r->line, r->len, r->tab, r->ntab);
	rb = rec_split(&b, r->line, r->len);
	if (ra != rb || (ra == 0 && (a.nf != b.nf ||
	    memcmp(a.fl, b.fl, (size_t)a.nf * sizeof *a.fl) != 0)))
		fuzz_fail("rec_fields and rec_split differ", r->line, r->len);
	for (k = 0; ra == 0 && k < a.nf; k++)
		if (a.f[k] < r->line || a.f[k] + a.fl[k] > r->line + r->len ||
		    (k + 1 < a.nf && memchr(a.f[k], '\t', a.fl[k])))
			fuzz_fail("a field out of its place", r->line, r->len);
}

/* Read it all in one mode, checking each line, and compare. */
static void
readall(const char *s, size_t n, size_t chunk, int check)
{
	struct lrd r;
	struct buf got = {0};

	lrd_mem(&r, "fuzz", s, n, chunk);
	r.check = check;
	r.tabs = !check;
	while (lrd_get(&r) >= 0) {
		if (check)
			flags(&r);
		else
			fields(&r);
		buf_add(&got, r.line, r.len);
		if (!r.nonl)
			buf_addc(&got, '\n');
	}
	if (got.len != n || (n && memcmp(got.p, s, n) != 0))
		fuzz_fail("the lines are not the input", got.p, got.len);
	lrd_close(&r);
	buf_free(&got);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
	size_t chunk = n > 0 ? data[0] : 0;

	data += n > 0;
	n -= n > 0;
	readall((const char *)data, n, chunk, 1);
	readall((const char *)data, n, chunk, 0);
	return 0;
}
