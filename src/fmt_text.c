/* fmt_text.c: plain text, one article per file or several concatenated.
 *
 * Articles in a concatenated dump are separated by form feeds, or start
 * with their title line repeated as the next non-blank line (scrapers
 * write the page title, then the headline).  When a line repeats the
 * article's last non-blank line and looks like a title, that line and the
 * blanks after it are taken back out and open the next article. */
#include "nsplit.h"

#include <string.h>

static struct buf title;	/* the repeated title, while it moves */

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
piece(struct ctx *c, const char *s, size_t n)
{
	const char *last;
	size_t l = nu_ltrim(s, n), lastn, blanks;

	s += l;
	n = nu_rtrim(s, n - l);
	if (n && art_last(c, &last, &lastn, &blanks) && lastn == n &&
	    memcmp(s, last, n) == 0 && titlelike(s, n) && c->body.n > blanks + 1) {
		/* the repeated title opens the next article */
		buf_reset(&title);
		buf_add(&title, s, n);
		art_unline(c, blanks + 1);
		art_finish(c);
		art_start(c);
		art_line(c, title.p, title.len);
		art_line(c, "", 0);
	}
	art_line(c, s, n);
}

static void
start(struct ctx *c)
{
	(void)c;
}

static void
line(struct ctx *c, const char *s, size_t n)
{
	const char *ff;

	while (c->ctl && (ff = memchr(s, '\f', n))) {
		piece(c, s, (size_t)(ff - s));
		art_finish(c);
		n -= (size_t)(ff - s) + 1;
		s = ff + 1;
		/* files joined with form feeds: each may start with a BOM */
		if (nu_prefix(s, n, "\xEF\xBB\xBF")) {
			s += 3;
			n -= 3;
		}
	}
	piece(c, s, n);
}

static void
finish(struct ctx *c)
{
	art_finish(c);
}

const struct fmt fmt_text = {"text", NULL, start, line, finish};
