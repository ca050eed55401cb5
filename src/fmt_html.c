/* fmt_html.c: web pages (nsplit -f html), one article a page.
 *
 * The page goes to the HTML module (html.c) as it is read; its
 * paragraphs become body lines with a hint each (the structural element
 * around them, how much of their text is links, a heading level), which
 * the builder writes as hint records for nstrip.  Its metadata, which may
 * come at any point of the page, is kept until the page ends, then
 * written in one order whatever the page's: the headline of a JSON-LD
 * article before og:title before <title>, and so on.  fmt_warc.c uses the
 * same page functions for the pages in an archive. */
#include "nsplit.h"
#include "html.h"

#include <stdlib.h>

enum { M_TITLE, M_OGTITLE, M_LDHEAD, M_DATE, M_LDDATE, M_AUTHOR, M_LDAUTHOR, M_SITE,
    M_URL, M_LANG, M_N };
static const char *const mkeys[M_N] = {
	"title", "og_title", "ld_headline", "date", "ld_date", "author", "ld_author", "site",
	"url", "lang",
};

static struct {
	struct html *h;
	struct ctx *c;
	struct buf m[M_N];	/* the metadata found, "; "-joined authors */
} P;

static void
page_para(void *arg, const char *s, size_t n, const struct hhint *h)
{
	struct ctx *c = arg;
	size_t before = c->body.n;

	art_line(c, s, n);
	if (c->body.n > before && n)	/* (white space alone adds no line) */
		art_hint(c, html_clsname[h->cls], (unsigned)(h->link * 1000 / n),
		    (unsigned)h->hlevel);
}

static void
page_meta(void *arg, const char *key, const char *val, size_t n)
{
	const struct ctx *c = arg;
	int k;

	if (strcmp(key, "charset_unknown") == 0) {
		nu_warn("%s: a charset nsplit cannot read, %.*s: read as UTF-8", c->source,
		    (int)n, val);
		return;
	}
	for (k = 0; k < M_N; k++)
		if (strcmp(key, mkeys[k]) == 0)
			break;
	if (k == M_N || n == 0)
		return;
	if (P.m[k].len && k != M_LDAUTHOR)
		return;		/* the first found */
	if (P.m[k].len)
		buf_adds(&P.m[k], "; ");
	buf_add(&P.m[k], val, n);
}

void
page_begin(struct ctx *c, const char *charset)
{
	int k;

	if (!P.h)
		P.h = html_new(page_para, page_meta, c);
	P.c = c;
	for (k = 0; k < M_N; k++)
		buf_reset(&P.m[k]);
	html_charset(P.h, charset);
	art_start(c);
	c->paras = 1;		/* the page's paragraphs are paragraphs */
}

void
page_feed(struct ctx *c, const char *s, size_t n)
{
	(void)c;
	html_feed(P.h, s, n);
}

/* The first of the fields a, b, c that the page has, or NULL. */
static const struct buf *
first(int a, int b, int c)
{
	if (P.m[a].len)
		return &P.m[a];
	if (b >= 0 && P.m[b].len)
		return &P.m[b];
	return c >= 0 && P.m[c].len ? &P.m[c] : NULL;
}

static void
meta(struct ctx *c, const char *key, const struct buf *v)
{
	if (v)
		art_meta(c, key, v->p, v->len);
}

/* The page's metadata under the stream's keys (newsutils(7)): the date
 * in ISO 8601 when it reads as a date, else as written. */
static void
page_metas(struct ctx *c, int warc)
{
	const struct buf *d = first(M_LDDATE, M_DATE, -1);
	char iso[64];

	meta(c, "title", first(M_LDHEAD, M_OGTITLE, M_TITLE));
	meta(c, "byline", first(M_LDAUTHOR, M_AUTHOR, -1));
	if (d && date_iso(d->p, d->len, iso)) {	/* in an archive, date is the record's */
		art_meta(c, warc ? "date_published" : "date", iso, strlen(iso));
		if (strlen(iso) != d->len || memcmp(iso, d->p, d->len) != 0)
			meta(c, "date_written", d);
	} else
		meta(c, "date_written", d);
	meta(c, "source_name", first(M_SITE, -1, -1));
	meta(c, warc ? "canonical" : "url", first(M_URL, -1, -1));
	meta(c, "language", first(M_LANG, -1, -1));
}

void
page_end(struct ctx *c, int warc)
{
	html_end(P.h);
	page_metas(c, warc);
	art_finish(c);
}

/* ---- the format ---- */

/* The start of a web page: a doctype, or one of the elements a page
 * opens with, after white space and a byte order mark. */
static int
sniff_html(const char *s, size_t n, unsigned long lineno)
{
	static const char *const open[] = {
		"<!doctype html", "<html", "<head", "<meta", "<title", "<body", NULL,
	};
	size_t i = 0, k;

	(void)lineno;
	if (utf8_bom(s, n))
		i = 3;
	while (i < n && nu_isspace((unsigned char)s[i]))
		i++;
	for (k = 0; open[k]; k++)
		if (nu_iprefix(s + i, n - i, open[k]))
			return 1;
	return 0;
}

static void
start(struct ctx *c)
{
	page_begin(c, NULL);
}

static void
bytes(struct ctx *c, const char *s, size_t n)
{
	page_feed(c, s, n);
}

static void
finish(struct ctx *c)
{
	page_end(c, 0);
}

const struct fmt fmt_html = {"html", sniff_html, start, NULL, finish, bytes};
