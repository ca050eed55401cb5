/* fmt_warc.c: WARC archives and WET files (nsplit -f warc).
 *
 * The archive goes to the WARC reader (warc.c), which frames records by
 * their Content-Length.  An HTTP response of a web page (status 200,
 * HTML) becomes an article through fmt_html.c's page functions; a WET
 * "conversion" record, plain text with a paragraph a line, becomes one
 * directly.  The article's ID is the record's WARC-Record-ID (its UUID),
 * its url and date the record's (a page's own date is date_published).
 * Compressed payloads, which libc cannot inflate, are skipped and
 * counted; a record cut short or a broken archive is an error, reported
 * with its byte offset, after which the reader finds the next record. */
#include "nsplit.h"
#include "warc.h"

#include <stdlib.h>

enum { R_NONE, R_PAGE, R_TEXT };

static struct {
	struct warc *w;
	struct ctx *c;
	int kind;		/* of the record being read: R_* */
	struct buf line;	/* a WET line split between two pieces */
	struct buf fixed;	/* and as valid UTF-8 */
} W;

/* A page, or text: the rest is no article. */
static int
wanted(const struct warcrec *r)
{
	if (r->skip != WS_NONE)
		return R_NONE;	/* no body comes: not HTTP, compressed */
	if (r->type == WT_CONVERSION)
		return R_TEXT;
	if (r->type != WT_RESPONSE || r->status != 200)
		return R_NONE;
	if (!*r->hctype || nu_iprefix(r->hctype, strlen(r->hctype), "text/html") ||
	    nu_iprefix(r->hctype, strlen(r->hctype), "application/xhtml"))
		return R_PAGE;
	return R_NONE;
}

static int
rec_begin(void *arg, const struct warcrec *r)
{
	struct ctx *c = arg;
	const char *id = r->id;
	char iso[64];

	if ((W.kind = wanted(r)) == R_NONE)
		return 0;
	if (W.kind == R_PAGE)
		page_begin(c, *r->charset ? r->charset : NULL);
	else {
		art_start(c);
		c->paras = 1;
		buf_reset(&W.line);
	}
	if (nu_iprefix(id, strlen(id), "urn:uuid:"))
		id += 9;
	if (*id)
		art_id(c, id, strlen(id));
	art_meta(c, "doc_id", r->id, strlen(r->id));
	art_meta(c, "url", r->uri, strlen(r->uri));
	if (date_iso(r->date, strlen(r->date), iso))
		art_meta(c, "date", iso, strlen(iso));
	return 1;
}

/* A WET line, as valid UTF-8 (invalid bytes read as windows-1252, as
 * the driver reads text; a record cut short may end inside a character). */
static void
textline(struct ctx *c)
{
	if (W.line.len && W.line.p[W.line.len - 1] == '\r')
		W.line.len--;
	buf_reset(&W.fixed);
	c->repaired += utf8_fix(&W.fixed, W.line.p, W.line.len);
	art_line(c, W.fixed.p, W.fixed.len);
	buf_reset(&W.line);
}

/* WET text: a paragraph a line. */
static void
text(struct ctx *c, const char *s, size_t n)
{
	const char *e;

	while ((e = memchr(s, '\n', n))) {
		buf_add(&W.line, s, (size_t)(e - s));
		textline(c);
		n -= (size_t)(e + 1 - s);
		s = e + 1;
	}
	buf_add(&W.line, s, n);
}

static void
rec_body(void *arg, const char *s, size_t n)
{
	struct ctx *c = arg;

	if (W.kind == R_PAGE)
		page_feed(c, s, n);
	else
		text(c, s, n);
}

static void
rec_end(void *arg, const struct warcrec *r)
{
	struct ctx *c = arg;

	(void)r;
	if (W.kind == R_PAGE)
		page_end(c, 1);
	else if (W.kind == R_TEXT) {
		textline(c);
		art_finish(c);
	}
	W.kind = R_NONE;
}

static void
rec_warn(void *arg, uint64_t off, const char *reason)
{
	const struct ctx *c = arg;

	nu_warnx("%s: offset %llu: %s", c->source, (unsigned long long)off, reason);
}

static const struct warccb cb = {rec_begin, rec_body, rec_end, rec_warn};

static int
sniff_warc(const char *s, size_t n, unsigned long lineno)
{
	return lineno == 1 && nu_prefix(s, n, "WARC/1.");
}

static void
start(struct ctx *c)
{
	if (!W.w)
		W.w = warc_new(&cb, c);
	W.c = c;
	W.kind = R_NONE;
}

static void
bytes(struct ctx *c, const char *s, size_t n)
{
	(void)c;
	warc_feed(W.w, s, n);
}

/* Pages that could not be read, said whatever -v: libc has no inflate. */
static void
finish(struct ctx *c)
{
	const struct warcstat *st;

	warc_end(W.w);
	st = warc_stat(W.w);
	if (st->skip[WS_ENCODED])
		nu_warn("%s: compressed records skipped (libc has no inflate): %lu",
		    c->source, st->skip[WS_ENCODED]);
}

const struct fmt fmt_warc = {"warc", sniff_warc, start, NULL, finish, bytes};
