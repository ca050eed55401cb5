/* fmt_text.c: plain text, one article per file or several concatenated.
 *
 * Articles in a concatenated dump are separated by form feeds, or start
 * with their title line repeated as the next non-blank line (scrapers
 * write the page title, then the headline).  To see the repeat, the last
 * non-blank line is held back until the next one arrives. */
#include "nsplit.h"

#include <string.h>

static struct buf prev;		/* the held-back line */
static int haveprev;
static unsigned blanks;		/* blank lines after it */

/* A title: short, at least three words, not ending like a sentence or a
 * clause.  "Advertisement" twice, or a repeated paragraph, is no title. */
static int
titlelike(const char *s, size_t n)
{
	size_t i, sp = 0;
	char e;

	if (n > 250 || n == 0)
		return 0;
	for (i = 0; i < n; i++)
		sp += s[i] == ' ';
	e = s[n - 1];
	return sp >= 2 && e != '.' && e != ',' && e != ';' && e != ':';
}

static void
release(struct ctx *c)
{
	if (!haveprev)
		return;
	art_line(c, prev.p, prev.len);
	while (blanks--)
		art_line(c, "", 0);
	haveprev = 0;
	blanks = 0;
}

static void
piece(struct ctx *c, const char *s, size_t n)
{
	size_t l = nu_ltrim(s, n);

	s += l;
	n = nu_rtrim(s, n - l);
	if (n == 0) {
		if (haveprev)
			blanks++;
		else
			art_line(c, "", 0);
		return;
	}
	if (haveprev && n == prev.len && memcmp(s, prev.p, n) == 0 &&
	    titlelike(s, n) && !art_empty(c)) {
		/* the repeated title opens the next article */
		art_finish(c);
		art_start(c);
		art_line(c, prev.p, prev.len);
		art_line(c, "", 0);
		art_line(c, s, n);
		haveprev = 0;
		blanks = 0;
		return;
	}
	release(c);
	buf_reset(&prev);
	buf_add(&prev, s, n);
	haveprev = 1;
}

static void
start(struct ctx *c)
{
	(void)c;
	haveprev = 0;
	blanks = 0;
}

static void
line(struct ctx *c, const char *s, size_t n)
{
	const char *ff;

	while (c->ctl && (ff = memchr(s, '\f', n))) {
		piece(c, s, (size_t)(ff - s));
		release(c);
		art_finish(c);
		n -= (size_t)(ff - s) + 1;
		s = ff + 1;
	}
	piece(c, s, n);
}

static void
finish(struct ctx *c)
{
	release(c);
	art_finish(c);
}

const struct fmt fmt_text = {"text", NULL, start, line, finish};
