/* fmt_text.c: plain text, one article per file or several concatenated.
 *
 * Articles in a concatenated dump are separated by form feeds, or start
 * with their title line repeated as the next non-blank line (scrapers
 * write the page title, then the headline).  A web page repeats lines of
 * its own too (its headline under the menus, "Search in title" twice, an
 * author's name), so a repeated title only marks a candidate: it opens a
 * new article once prose stands both before it and after it.  Until then
 * its lines stay where they are, and an unconfirmed candidate stays part
 * of the article.  With -1 nothing splits a text input: form feeds are
 * then white space. */
#include "nsplit.h"

#include <string.h>

#define NONE ((size_t)-1)
#define PROSE 2			/* prose lines needed on each side */

static size_t cand = NONE;	/* body line where a candidate title starts */
static size_t candprose;	/* c->prose when it was seen */
static struct lines moved;	/* the new article's lines, while they move */

/* A title: short, at least four words of which three begin with a letter,
 * not ending like a sentence or a clause.  "Advertisement" twice, "Add
 * Your Comment", "‹ › ×" or a repeated paragraph is no title. */
static int
titlelike(const char *s, size_t n)
{
	size_t i, words = 0, alpha = 0;
	char e;

	if (n > 250 || n == 0)
		return 0;
	for (i = 0; i < n; i++)
		if (s[i] != ' ' && (i == 0 || s[i - 1] == ' ')) {
			words++;
			alpha += nu_isalpha((unsigned char)s[i]) || (unsigned char)s[i] >= 0xC0;
		}
	e = s[n - 1];
	return words >= 4 && alpha >= 3 && e != '.' && e != ',' && e != ';' && e != ':';
}

/* The candidate is confirmed: its lines leave this article for the next. */
static void
split(struct ctx *c)
{
	size_t i;

	lines_reset(&moved);
	for (i = cand; i < c->body.n; i++)
		lines_add(&moved, lines_at(&c->body, i), c->body.v[i].len);
	art_unline(c, c->body.n - cand);
	art_finish(c);
	art_start(c);
	for (i = 0; i < moved.n; i++)
		art_line(c, lines_at(&moved, i), moved.v[i].len);
	cand = NONE;
}

static void
piece(struct ctx *c, const char *s, size_t n)
{
	const char *last;
	size_t lastn, blanks;

	nu_trim(&s, &n);
	if (n && !c->one && art_last(c, &last, &lastn, &blanks) && lastn == n &&
	    memcmp(s, last, n) == 0 && titlelike(s, n) && c->prose >= PROSE) {
		cand = c->body.n - blanks - 1;
		candprose = c->prose;
	}
	art_line(c, s, n);
	if (cand != NONE && c->prose - candprose >= PROSE)
		split(c);
}

static void
start(struct ctx *c)
{
	(void)c;
	cand = NONE;
}

static void
line(struct ctx *c, const char *s, size_t n)
{
	const char *ff;

	while (c->ctl && !c->one && (ff = memchr(s, '\f', n))) {
		piece(c, s, (size_t)(ff - s));
		cand = NONE;
		art_finish(c);
		n -= (size_t)(ff - s) + 1;
		s = ff + 1;
	}
	piece(c, s, n);
}

static void
finish(struct ctx *c)
{
	cand = NONE;
	art_finish(c);
}

const struct fmt fmt_text = {"text", NULL, start, line, finish, NULL};
