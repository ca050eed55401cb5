/* art.c: nsplit's article builder.
 *
 * Formats add meta fields and body lines; the builder decides at the end
 * of the article whether its body is hard-wrapped, forms the paragraphs
 * and writes doc, meta and para records.
 *
 * IDs: a file that holds one article gives it the file's base name; a file
 * that holds several numbers them base.1, base.2, ...  The builder cannot
 * know which until a second article appears, so a finished article waits
 * (in the same buffers) until the next one gets its first content, or the
 * input ends.  Memory is one article. */
#include "nsplit.h"

#include <stdint.h>
#include <string.h>

static unsigned long pending_no;	/* number of the waiting article */

static void
reset(struct ctx *c)
{
	buf_reset(&c->meta);
	lines_reset(&c->body);
	buf_reset(&c->id);
	c->nmeta = 0;
	c->prose = 0;
	c->done = 0;
	c->hints = 0;
}

int
art_empty(const struct ctx *c)
{
	return !c->open || c->done || (c->nmeta == 0 && c->body.n == 0);
}

/* Hard-wrapped text (exports, e-mail) has most lines that continue a block
 * ending near one column; scraped text has a paragraph per line, and the
 * short lines that follow each other are menus and captions that must stay
 * apart.  So: at least three continued lines (one where the format is
 * known to wrap, as LexisNexis does), the widest 40 to 150
 * characters (nobody wraps prose at 20 columns; menus are that short), and
 * four in five of them within 60 % of the widest. */
static int
wrapped(const struct ctx *c)
{
	static size_t *wl, wlcap;	/* the widths, not to measure twice */
	size_t i, w = 0, cont = 0, wide = 0, len;

	if (c->paras)
		return 0;
	if (c->body.n > wlcap) {
		wlcap = c->body.n * 2;
		wl = nu_realloc(wl, wlcap * sizeof *wl);
	}
	for (i = 0; i + 1 < c->body.n; i++)
		if (c->body.v[i].len && c->body.v[i + 1].len) {
			len = wl[i] = utf8_len(lines_at(&c->body, i), c->body.v[i].len);
			if (len > 150)
				return 0;	/* no wrapping is that wide */
			if (len > w)
				w = len;
			cont++;
		}
	if (cont < (c->wrap ? 1u : 3u) || w < 40)
		return 0;
	for (i = 0; i + 1 < c->body.n; i++)
		if (c->body.v[i].len && c->body.v[i + 1].len && wl[i] * 10 >= w * 6)
			wide++;
	return wide * 5 >= cont * 4;
}

static struct buf id;	/* the ID of the article being written */

/* The article's ID: its own (a WARC record's), else the file's base
 * name, numbered when the file holds several (or when its own repeats
 * the one before, as a broken archive may). */
static void
setid(const struct ctx *c, int multi)
{
	static struct buf last;
	char num[24];
	size_t i = sizeof num;
	unsigned long v = pending_no;

	if (c->id.len) {
		multi = last.len == c->id.len && memcmp(last.p, c->id.p, c->id.len) == 0;
		buf_reset(&last);
		buf_add(&last, c->id.p, c->id.len);
	}
	buf_reset(&id);
	if (c->id.len)
		buf_add(&id, c->id.p, c->id.len);
	else
		buf_add(&id, c->base.p, c->base.len);
	if (multi) {
		do
			num[--i] = (char)('0' + v % 10);
		while ((v /= 10));
		num[--i] = '.';
		buf_add(&id, num + i, sizeof num - i);
	}
}

static void
para(unsigned long n, const char *s, size_t len, int plain)
{
	out_add(id.p, id.len);
	out_s("\tpara\t");
	out_u(n);
	out_c('\t');
	if (plain)
		out_add(s, len);
	else
		out_esc(s, len);
	out_c('\n');
}

/* The hint record after para n, when the page said something of it. */
static void
hint(unsigned long n, const struct lhint *h)
{
	if (!*h->cls && !h->links && !h->heading)
		return;
	out_add(id.p, id.len);
	out_s("\thint\t");
	out_u(n);
	out_c('\t');
	out_s(h->cls);
	if (h->links >= 1000)
		out_s("\t1.000");
	else {
		out_s("\t0.");
		out_c('0' + (int)(h->links / 100));
		out_c('0' + (int)(h->links / 10 % 10));
		out_c('0' + (int)(h->links % 10));
	}
	out_c('\t');
	out_u(h->heading);
	out_c('\n');
}

/* Where each meta field lies in c->meta, so that writing the article
 * needs no strlen(3) of every key and value. */
struct mfield {
	size_t k, kn, vn;	/* key at k, kn bytes; its value follows the NUL */
};
static struct mfield *mf;
static size_t mfcap;

static void
emit(struct ctx *c, int multi)
{
	static struct buf p;
	const struct mfield *f;
	size_t i, j;
	unsigned long n = 0;
	int wrap, plain;

	setid(c, multi);
	out_add(id.p, id.len);
	out_s("\tdoc\t");
	out_esc(c->source, strlen(c->source));
	out_c('\t');
	out_s(c->format);
	out_c('\n');
	for (i = 0; i < c->nmeta; i++) {
		f = &mf[i];
		out_add(id.p, id.len);
		out_s("\tmeta\t");
		out_add(c->meta.p + f->k, f->kn);
		out_c('\t');
		out_esc(c->meta.p + f->k + f->kn + 1, f->vn);
		out_c('\n');
	}
	wrap = wrapped(c);
	for (i = 0; i < c->body.n; i = j) {
		if (!c->body.v[i].len) {
			j = i + 1;
			continue;
		}
		if (!wrap) {
			para(++n, lines_at(&c->body, i), c->body.v[i].len, c->bodyplain.p[i]);
			if (c->hints)
				hint(n, &c->hint[i]);
			j = i + 1;
			continue;
		}
		buf_reset(&p);
		plain = 1;
		for (j = i; j < c->body.n && c->body.v[j].len; j++) {
			const char *s = lines_at(&c->body, j);

			/* "Russo-" + "Belarusian": a line-end hyphen joins
			 * without a space, and stays */
			if (p.len && !(p.p[p.len - 1] == '-' && p.len > 1 && p.p[p.len - 2] != ' '))
				buf_addc(&p, ' ');
			buf_add(&p, s, c->body.v[j].len);
			plain &= c->bodyplain.p[j];
		}
		para(++n, p.p, p.len, plain);
	}
}

/* Give the waiting article its ID and write it, if one waits. */
static void
release(struct ctx *c, int last)
{
	if (!c->done)
		return;
	emit(c, !(last && c->narts == 1));
	reset(c);
}

void
art_start(struct ctx *c)
{
	if (c->open)
		art_finish(c);
	c->open = 1;
}

void
art_finish(struct ctx *c)
{
	if (art_empty(c)) {
		c->open = 0;
		return;
	}
	c->open = 0;
	pending_no = ++c->narts;
	c->done = 1;
}

void
art_input_end(struct ctx *c)
{
	art_finish(c);
	release(c, 1);
	reset(c);
	c->lastcount = c->narts;
	c->narts = 0;
}

/* First content of a new article: the waiting one is now known to have a
 * successor, so it can be written as base.N. */
static void
content(struct ctx *c)
{
	if (!c->open)
		art_start(c);
	if (c->done)
		release(c, 0);
}

/* Keys are lower-case, '_' for '-', space and anything that would need
 * escaping, so a key is always one plain field.  Keys and values are kept
 * NUL-terminated, back to back, in c->meta, their places in mf. */
static unsigned char keybyte[256];	/* what each byte of a key becomes */

static void
keybytes(void)
{
	int ch;

	for (ch = 0; ch < 256; ch++)
		keybyte[ch] = (unsigned char)(ch >= 'A' && ch <= 'Z' ? ch + 32 :
		    ch == '-' || ch <= ' ' || ch == '\\' || ch == 0x7f ? '_' : ch);
}

static void
addkey(struct ctx *c, const char *key, size_t n)
{
	size_t i;
	char *d;

	if (c->nmeta == mfcap) {
		if (!mfcap)
			keybytes();
		mfcap = mfcap ? 2 * mfcap : 64;
		mf = nu_realloc(mf, mfcap * sizeof *mf);
	}
	if (c->meta.len + n + 2 > c->meta.cap)
		buf_grow(&c->meta, n + 1);
	d = c->meta.p + c->meta.len;
	for (i = 0; i < n; i++)
		d[i] = (char)keybyte[(unsigned char)key[i]];
	d[n] = '\0';
	mf[c->nmeta].k = c->meta.len;
	mf[c->nmeta].kn = n;
	c->meta.len += n + 1;
}

static void
addval(struct ctx *c, const char *val, size_t n)
{
	buf_add(&c->meta, val, n);
	c->meta.len++;	/* keep the NUL buf_add wrote */
	mf[c->nmeta++].vn = n;
}

void
art_meta(struct ctx *c, const char *key, const char *val, size_t n)
{
	char iso[64];
	size_t l, kn, in;

	l = nu_ltrim(val, n);
	val += l;
	n = nu_rtrim(val, n - l);
	if (n == 0 || !*key)
		return;
	content(c);
	kn = strlen(key);
	addkey(c, key, kn);
	/* only the date is normalised: test the length and first byte before
	 * the bytes, as every field passes here */
	if (kn == 4 && (key[0] | 32) == 'd' && memcmp(c->meta.p + mf[c->nmeta].k, "date", 4) == 0 &&
	    date_iso(val, n, iso) && ((in = strlen(iso)) != n || memcmp(iso, val, n) != 0)) {
		addval(c, iso, in);
		addkey(c, "date_written", 12);
	}
	addval(c, val, n);
}

/* The open article's last non-blank line, with the blank lines after it
 * counted in *blanks; 0 when there is none. */
int
art_last(const struct ctx *c, const char **s, size_t *n, size_t *blanks)
{
	size_t i;

	if (art_empty(c))
		return 0;
	for (i = c->body.n; i > 0 && !c->body.v[i - 1].len; i--)
		;
	if (i == 0)
		return 0;
	*s = lines_at(&c->body, i - 1);
	*n = c->body.v[i - 1].len;
	*blanks = c->body.n - i;
	return 1;
}

/* Take the last k lines back out of the open article. */
void
art_unline(struct ctx *c, size_t k)
{
	lines_drop(&c->body, k);
}

/* s[0, n) lies in the input line the driver knows to need no escaping
 * (pointers compared as integers: s may be in another buffer). */
static int
within(const struct ctx *c, const char *s, size_t n)
{
	uintptr_t b = (uintptr_t)c->plain, p = (uintptr_t)s;

	return c->plain && p >= b && p + n <= b + c->plainlen;
}

void
art_line(struct ctx *c, const char *s, size_t n)
{
	size_t l = nu_ltrim(s, n);

	s += l;
	n = nu_rtrim(s, n - l);
	if (n == 0) {
		/* a block break; runs of blank lines count once */
		if (c->open && !c->done && c->body.n && c->body.v[c->body.n - 1].len)
			goto add;
		return;
	}
	content(c);
add:
	lines_add(&c->body, s, n);
	c->bodyplain.len = c->body.n - 1;	/* after art_unline, if any */
	buf_addc(&c->bodyplain, within(c, s, n));
	c->prose += n >= 150;
	if (c->hints)
		art_hint(c, "", 0, 0);
}

/* Where the last body line stood in its web page; an article with hints
 * has them for every line. */
void
art_hint(struct ctx *c, const char *cls, unsigned links, unsigned heading)
{
	size_t i;

	if (c->body.n == 0)
		return;
	if (c->body.n > c->caphint) {
		c->caphint = 2 * c->body.n;
		c->hint = nu_realloc(c->hint, c->caphint * sizeof *c->hint);
	}
	if (!c->hints)
		for (i = 0; i + 1 < c->body.n; i++)
			c->hint[i] = (struct lhint){"", 0, 0};
	c->hints = 1;
	c->hint[c->body.n - 1] = (struct lhint){cls, links > 1000 ? 1000 : links, heading};
}

void
art_id(struct ctx *c, const char *s, size_t n)
{
	size_t i;

	content(c);
	buf_reset(&c->id);
	for (i = 0; i < n; i++)	/* no white space, control or dot in an ID */
		buf_addc(&c->id, (unsigned char)s[i] <= ' ' || s[i] == 0x7f || s[i] == '.' ?
		    '_' : s[i]);
}
