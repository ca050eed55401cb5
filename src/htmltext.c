/* htmltext.c: the text layer of html.h: tokens to paragraphs with their
 * hints, and the page's metadata.
 *
 * No DOM: a stack of the open elements, each frame carrying what its
 * content inherits (dropped, pre, inside a link, heading level, class),
 * so that an end tag restores the state by popping.  Broken markup is
 * met as browsers mostly meet it: an end tag pops to its element, or is
 * ignored when none is open; the end tags HTML lets one leave out (p, li,
 * td, tr, dt, dd, option) and a link in a link are closed by what comes
 * next. */
#include "nu.h"
#include "html.h"

#include <stdlib.h>

const char *const html_clsname[] = {
	"", "nav", "header", "footer", "aside", "figcaption", "form", "comments", "menu",
	"article",
};

enum { F_DROP = 1, F_PRE = 2, F_A = 4, F_LD = 8, F_TITLE = 16 };
#define MAXDEPTH 512	/* deeper elements replace the innermost */

struct frame {
	short id;		/* HT_* */
	unsigned char cls;	/* HC_* */
	unsigned char hlevel;
	unsigned char fl;	/* F_* */
	unsigned char img;	/* an <img> inside it */
	unsigned char sp;	/* white space was pending at its start */
	unsigned short links;	/* links inside it (to 65535) */
	unsigned long para;	/* the paragraph it started in (htext.npara) */
	size_t off, link;	/* that paragraph's bytes and link bytes then */
};

/* metadata given once a page; M_LD: the JSON-LD article */
enum { M_TITLE, M_OGTITLE, M_SITE, M_DATE, M_AUTHOR, M_URL, M_LANG, M_LD };
static const char *const mkey[] = {
	"title", "og_title", "site", "date", "author", "url", "lang",
};

struct htext {
	html_para_fn *para;
	html_meta_fn *meta;
	void *arg;
	struct frame st[MAXDEPTH];	/* st[0]: the page, never popped */
	size_t nst;
	struct buf p;		/* the paragraph so far */
	int sp;			/* white space seen after its last word */
	size_t link;		/* its bytes inside <a> */
	int inlink;		/* its last text was */
	unsigned long npara;	/* paragraphs ended so far */
	struct hhint h;		/* its hints, from its first text */
	int prenl;		/* a newline right after <pre> is dropped */
	struct buf title, ld;	/* <title>'s text, a JSON-LD script */
	struct buf tmp, mv, out;	/* a JSON string, a value, UTF-8 repaired */
	unsigned seen;		/* 1 << M_*: given */
};

static int
isws(int c)
{
	return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
}

/* Append s to b with white space collapsed to one space between words
 * (*sp: white space is pending) and byte order marks left out (pages
 * joined into one file leave one in the text, where it is no character
 * at all); returns the bytes added. */
static size_t
ws_add(struct buf *b, const char *s, size_t n, int *sp)
{
	size_t i = 0, j, len = b->len;

	while (i < n) {
		if (isws((unsigned char)s[i])) {
			*sp = 1;
			i++;
			continue;
		}
		if (utf8_bom(s + i, n - i)) {
			i += 3;
			continue;
		}
		for (j = i + 1; j < n && !isws((unsigned char)s[j]) &&
		    !((unsigned char)s[j] == 0357 && utf8_bom(s + j, n - j)); j++)
			;
		if (*sp && b->len)
			buf_addc(b, ' ');
		*sp = 0;
		buf_add(b, s + i, j - i);
		i = j;
	}
	return b->len - len;
}

struct htext *
htext_new(html_para_fn *para, html_meta_fn *meta, void *arg)
{
	struct htext *x = nu_alloc(sizeof *x);

	memset(x, 0, sizeof *x);
	x->para = para;
	x->meta = meta;
	x->arg = arg;
	x->nst = 1;
	return x;
}

void
htext_free(struct htext *x)
{
	if (!x)
		return;
	buf_free(&x->p);
	buf_free(&x->title);
	buf_free(&x->ld);
	buf_free(&x->tmp);
	buf_free(&x->mv);
	buf_free(&x->out);
	free(x);
}

void
htext_meta(struct htext *x, const char *key, const char *val, size_t n)
{
	x->meta(x->arg, key, val, n);
}

/* A value with white space collapsed, trimmed and as valid UTF-8. */
static void
meta_put(struct htext *x, const char *key, const char *s, size_t n)
{
	int sp = 0;

	buf_reset(&x->mv);
	ws_add(&x->mv, s, n, &sp);
	if (!x->mv.len)
		return;
	buf_reset(&x->out);
	utf8_fix(&x->out, x->mv.p, x->mv.len);
	x->meta(x->arg, key, x->out.p, x->out.len);
}

static void
meta_once(struct htext *x, int m, const char *s, size_t n)
{
	if (x->seen & 1u << m)
		return;
	meta_put(x, mkey[m], s, n);
	if (x->mv.len)
		x->seen |= 1u << m;
}

/* ---- paragraphs ---- */

static void
flush(struct htext *x)
{
	const char *s = x->p.p;
	size_t n = x->p.len;

	if (x->h.pre) {	/* blank lines around a <pre> are no text */
		while (n && (*s == '\n' || *s == '\r')) {
			s++;
			n--;
		}
		while (n && isws((unsigned char)s[n - 1]))
			n--;
	}
	if (n) {
		buf_reset(&x->out);
		utf8_fix(&x->out, s, n);
		x->h.link = x->link < x->out.len ? x->link : x->out.len;
		x->para(x->arg, x->out.p, x->out.len, &x->h);
	}
	buf_reset(&x->p);
	x->npara++;
	x->sp = 0;
	x->link = 0;
	x->inlink = 0;
	memset(&x->h, 0, sizeof x->h);
}

/* Text in <pre>: as it is, but CR (of CRLF) and the first newline. */
static size_t
pre_add(struct htext *x, const char *s, size_t n)
{
	size_t i, len = x->p.len;

	for (i = 0; i < n; i++) {
		if (s[i] == '\r')
			continue;
		if (!(x->prenl && s[i] == '\n'))
			buf_addc(&x->p, s[i]);
		x->prenl = 0;
	}
	return x->p.len - len;
}

void
htext_text(void *arg, const char *s, size_t n)
{
	struct htext *x = arg;
	const struct frame *f = &x->st[x->nst - 1];
	size_t was = x->p.len, k;
	int lead;

	if (f->fl & F_DROP) {
		if (f->fl & (F_LD | F_TITLE))
			buf_add(f->fl & F_LD ? &x->ld : &x->title, s, n);
		return;
	}
	k = f->fl & F_PRE ? pre_add(x, s, n) : ws_add(&x->p, s, n, &x->sp);
	/* a space ws_add put between text and a link is not the link's */
	lead = !(f->fl & F_PRE) && k && was && x->p.p[was] == ' ' && !x->inlink;
	if (f->fl & F_A && k)
		x->link += k - (size_t)lead;
	if (k)
		x->inlink = !!(f->fl & F_A);
	if (was == 0 && k) {
		x->h.cls = f->cls;
		x->h.hlevel = f->hlevel;
		x->h.pre = !!(f->fl & F_PRE);
	}
}

/* ---- JSON-LD: a small reader, tolerant (it stops at an error) ---- */

struct json {
	const char *s;
	size_t n, i;
	int depth;
};

static void
j_ws(struct json *j)
{
	while (j->i < j->n && isws((unsigned char)j->s[j->i]))
		j->i++;
}

static unsigned
j_hex4(struct json *j)
{
	unsigned v = 0;
	int k, d;

	for (k = 0; k < 4; k++) {
		if (j->i >= j->n)
			return 0xFFFD;
		d = (unsigned char)j->s[j->i];
		d = nu_isdigit(d) ? d - '0' : (d | 32) >= 'a' && (d | 32) <= 'f' ? (d | 32) - 'a' + 10 : -1;
		if (d < 0)
			return 0xFFFD;
		v = v * 16 + (unsigned)d;
		j->i++;
	}
	return v;
}

/* \uXXXX, with a surrogate pair's second half */
static unsigned
j_uesc(struct json *j)
{
	unsigned c = j_hex4(j), lo;

	if (c < 0xD800 || c > 0xDFFF)
		return c;
	if (c > 0xDBFF || j->i + 6 > j->n || j->s[j->i] != '\\' || j->s[j->i + 1] != 'u')
		return 0xFFFD;
	j->i += 2;
	lo = j_hex4(j);
	if (lo < 0xDC00 || lo > 0xDFFF)
		return 0xFFFD;
	return 0x10000 + ((c - 0xD800) << 10) + (lo - 0xDC00);
}

/* A string at j->i (its '"'), decoded into out unless NULL. */
static int
j_str(struct json *j, struct buf *out)
{
	static const char esc[] = "b\bf\fn\nr\rt\t";
	const char *e;
	char u[4];
	int c;

	if (j->i >= j->n || j->s[j->i++] != '"')
		return 0;
	while (j->i < j->n) {
		c = (unsigned char)j->s[j->i++];
		if (c == '"')
			return 1;
		if (c == '\\' && j->i < j->n) {
			c = (unsigned char)j->s[j->i++];
			if (c == 'u') {
				if (out)
					buf_add(out, u, (size_t)utf8_put(u, j_uesc(j)));
				continue;
			}
			if (c && (e = strchr(esc, c)) && (e - esc) % 2 == 0)
				c = (unsigned char)e[1];
		}
		if (out)
			buf_addc(out, c);
	}
	return 0;
}

static int j_value(struct htext *x, struct json *j);

/* The spans of an object's members that tell an article. */
struct ldspan {
	size_t type[2], head[2], date[2], author[2];
};

/* A member "key": value of an object (x NULL: skipped, not looked at). */
static int
j_member(struct htext *x, struct json *j, struct ldspan *o)
{
	size_t *sp = NULL, at;

	if (x)
		buf_reset(&x->tmp);
	if (!j_str(j, x ? &x->tmp : NULL))
		return 0;
	j_ws(j);
	if (j->i >= j->n || j->s[j->i++] != ':')
		return 0;
	j_ws(j);
	at = j->i;
	if (!x)
		return j_value(NULL, j);
	if (nu_eq(x->tmp.p, x->tmp.len, "@type"))
		sp = o->type;
	else if (nu_eq(x->tmp.p, x->tmp.len, "headline"))
		sp = o->head;
	else if (nu_eq(x->tmp.p, x->tmp.len, "datePublished"))
		sp = o->date;
	else if (nu_eq(x->tmp.p, x->tmp.len, "author"))
		sp = o->author;
	if (!j_value(x, j))
		return 0;
	if (sp && !sp[1]) {
		sp[0] = at;
		sp[1] = j->i;
	}
	return 1;
}

/* The members of an object (close '}') or the items of an array (']'). */
static int
j_items(struct htext *x, struct json *j, int close, struct ldspan *o)
{
	j->i++;
	for (;;) {
		j_ws(j);
		if (j->i < j->n && j->s[j->i] == close) {
			j->i++;
			return 1;
		}
		if (!(close == '}' ? j_member(x, j, o) : j_value(x, j)))
			return 0;
		j_ws(j);
		if (j->i < j->n && j->s[j->i] == ',')
			j->i++;
		else if (j->i >= j->n || j->s[j->i] != close)
			return 0;
	}
}

static void ld_article(struct htext *x, const struct json *j, const struct ldspan *o);

static int
j_object(struct htext *x, struct json *j)
{
	struct ldspan o = { { 0, 0 }, { 0, 0 }, { 0, 0 }, { 0, 0 } };

	if (!j_items(x, j, '}', &o))
		return 0;
	if (x && o.type[1])
		ld_article(x, j, &o);
	return 1;
}

/* A value; objects in it are looked at for an article (x NULL: not). */
static int
j_value(struct htext *x, struct json *j)
{
	size_t at;
	int ok;

	j_ws(j);
	if (j->i >= j->n)
		return 0;
	if (j->s[j->i] == '"')
		return j_str(j, NULL);
	if (j->s[j->i] == '{' || j->s[j->i] == '[') {
		if (j->depth >= 32)
			return 0;
		j->depth++;
		ok = j->s[j->i] == '{' ? j_object(x, j) : j_items(x, j, ']', NULL);
		j->depth--;
		return ok;
	}
	for (at = j->i; j->i < j->n && !strchr(",]}", j->s[j->i]) && !isws((unsigned char)j->s[j->i]);)
		j->i++;	/* a number, true, false, null */
	return j->i > at;	/* none (a stray ',' or '}'): ld_done would loop */
}

/* The string value of the member "name" of the object at m.i, in x->tmp. */
static int
ld_name(struct htext *x, struct json m)
{
	m.i++;
	for (;;) {
		j_ws(&m);
		buf_reset(&x->tmp);
		if (!j_str(&m, &x->tmp))
			return 0;
		j_ws(&m);
		if (m.i >= m.n || m.s[m.i++] != ':')
			return 0;
		j_ws(&m);
		if (nu_eq(x->tmp.p, x->tmp.len, "name") && m.i < m.n && m.s[m.i] == '"') {
			buf_reset(&x->tmp);
			return j_str(&m, &x->tmp);
		}
		if (!j_value(NULL, &m))
			return 0;
		j_ws(&m);
		if (m.i >= m.n || m.s[m.i++] != ',')
			return 0;
	}
}

/* Each string in the span sp of a string, an object (its "name") or an
 * array of them, decoded in x->tmp, to fn, until fn returns 1. */
static int
ld_strings(struct htext *x, const struct json *in, const size_t *sp,
    int (*fn)(struct htext *, const char *, size_t))
{
	struct json j = { in->s, sp[1], sp[0], 0 };
	int ok;

	j_ws(&j);
	if (j.i < j.n && j.s[j.i] == '[')
		j.i++;
	for (;;) {
		j_ws(&j);
		if (j.i >= j.n)
			return 0;
		buf_reset(&x->tmp);
		if (j.s[j.i] == '"')
			ok = j_str(&j, &x->tmp);
		else if (j.s[j.i] == '{')
			ok = ld_name(x, j) && j_value(NULL, &j);
		else
			ok = j_value(NULL, &j);
		if (!ok)
			return 0;
		if (x->tmp.len && fn(x, x->tmp.p, x->tmp.len))
			return 1;
		j_ws(&j);
		if (j.i >= j.n || j.s[j.i] != ',')
			return 0;
		j.i++;
	}
}

static int
type_ok(struct htext *x, const char *s, size_t n)
{
	(void)x;
	return (n >= 7 && memcmp(s + n - 7, "Article", 7) == 0) ||
	    (n >= 11 && memcmp(s + n - 11, "BlogPosting", 11) == 0);
}

static int
put_head(struct htext *x, const char *s, size_t n)
{
	meta_put(x, "ld_headline", s, n);
	return 1;
}

static int
put_date(struct htext *x, const char *s, size_t n)
{
	meta_put(x, "ld_date", s, n);
	return 1;
}

static int
put_author(struct htext *x, const char *s, size_t n)
{
	meta_put(x, "ld_author", s, n);
	return 0;	/* all of them */
}

/* The first article object of a page gives its metadata. */
static void
ld_article(struct htext *x, const struct json *j, const struct ldspan *o)
{
	if (x->seen & 1u << M_LD || !ld_strings(x, j, o->type, type_ok))
		return;
	x->seen |= 1u << M_LD;
	if (o->head[1])
		ld_strings(x, j, o->head, put_head);
	if (o->date[1])
		ld_strings(x, j, o->date, put_date);
	if (o->author[1])
		ld_strings(x, j, o->author, put_author);
}

static void
ld_done(struct htext *x)
{
	struct json j = { x->ld.p, x->ld.len, 0, 0 };

	while (j.i < j.n) {	/* a script may hold several values */
		j_ws(&j);
		if (j.i >= j.n || !j_value(x, &j))
			break;
	}
	buf_reset(&x->ld);
}

/* ---- the stack of open elements ---- */

/* A hover card: an inline element in the middle of a paragraph that
 * holds a picture and two links or more and no other text (a person's
 * box that shows on pointing at the name: photo, name, their stories).
 * It is no text of the paragraph. */
static int
hovercard(const struct htext *x, const struct frame *f)
{
	size_t n = x->p.len - f->off;

	return f->para == x->npara && f->off > 0 && n > 0 && f->img && f->links >= 2 &&
	    !(html_tagfl[f->id] & HF_BLOCK) && x->link - f->link >= n - n / 10;
}

static void
pop(struct htext *x)
{
	const struct frame *f = &x->st[--x->nst];
	struct frame *up = &x->st[x->nst ? x->nst - 1 : 0];
	unsigned n;

	if (f->fl & F_LD)
		ld_done(x);
	if (f->fl & F_TITLE)
		meta_once(x, M_TITLE, x->title.p, x->title.len);
	if (hovercard(x, f)) {
		x->p.len = f->off;
		x->link = f->link;
		x->sp = f->sp;
	} else if (x->nst) {	/* what it held, its parent holds */
		n = (unsigned)up->links + f->links + (f->id == HT_A);
		up->img |= f->img;
		up->links = (unsigned short)(n > 65535 ? 65535 : n);
	}
}

static void
pop_to(struct htext *x, size_t k)
{
	while (x->nst > k)
		pop(x);
}

static void
push(struct htext *x, const struct frame *f)
{
	if (x->nst == MAXDEPTH)
		pop(x);
	x->st[x->nst++] = *f;
}

/* Close the innermost open a or b unless one of stop (-1: none), or a
 * block when blocks is set, is open inside it. */
static void
close_open(struct htext *x, int a, int b, const short *stop, int blocks)
{
	size_t k, s;
	int id;

	for (k = x->nst - 1; k > 0; k--) {
		id = x->st[k].id;
		if (id == a || id == b) {
			pop_to(x, k);
			return;
		}
		if (blocks && html_tagfl[id] & HF_BLOCK)
			return;
		for (s = 0; stop && s < 4; s++)
			if (stop[s] == id)
				return;
	}
}

/* The end tags that may be left out: a start tag closes them. */
static const struct implied {
	short id, a, b, stop[4];
} implied[] = {
	{ HT_LI, HT_LI, HT_LI, { HT_UL, HT_OL, HT_MENU, HT_TABLE } },
	{ HT_DT, HT_DT, HT_DD, { HT_DL, HT_TABLE, -1, -1 } },
	{ HT_DD, HT_DT, HT_DD, { HT_DL, HT_TABLE, -1, -1 } },
	{ HT_TD, HT_TD, HT_TH, { HT_TR, HT_TABLE, -1, -1 } },
	{ HT_TH, HT_TD, HT_TH, { HT_TR, HT_TABLE, -1, -1 } },
	{ HT_TR, HT_TR, HT_TR, { HT_TABLE, HT_TBODY, HT_THEAD, HT_TFOOT } },
	{ HT_OPTION, HT_OPTION, HT_OPTION, { HT_SELECT, HT_OPTGROUP, -1, -1 } },
};

static void
implied_end(struct htext *x, int id)
{
	size_t i;

	close_open(x, HT_P, HT_P, NULL, 1);	/* a block closes a <p> */
	for (i = 0; i < sizeof implied / sizeof implied[0]; i++)
		if (implied[i].id == id)
			close_open(x, implied[i].a, implied[i].b, implied[i].stop, 0);
}

/* ---- attributes ---- */

static int
has(const char *s, size_t n, const char *w)
{
	size_t i, k = strlen(w);

	for (i = 0; i + k <= n; i++)
		if (nu_ieqn(s + i, w, k))
			return 1;
	return 0;
}

/* Does the word "comment" or "comments" stand in s, not as part of a
 * longer one ("commentary")? */
static int
comment_word(const char *s, size_t n)
{
	size_t i, e;

	for (i = 0; i + 7 <= n; i++) {
		if (!nu_ieqn(s + i, "comment", 7))
			continue;
		e = i + 7 + (i + 7 < n && (s[i + 7] | 32) == 's');
		if (e == n || !nu_isalpha((unsigned char)s[e]))
			return 1;
	}
	return 0;
}

/* An id or class naming comments ("comments", "comment-list"), not the
 * state of a page ("comments-open") nor commentary. */
static int
comment_class(const char *s, size_t n)
{
	size_t i = 0, j;

	while (i < n) {
		for (j = i; j < n && !isws((unsigned char)s[j]); j++)
			;
		if (comment_word(s + i, j - i) && !has(s + i, j - i, "open") &&
		    !has(s + i, j - i, "closed"))
			return 1;
		i = j + 1;
	}
	return 0;
}

/* A declaration "prop: val" in a style attribute. */
static int
style_has(const char *s, size_t n, const char *prop, const char *val)
{
	size_t i, j, k = strlen(prop), l = strlen(val);

	for (i = 0; i + k <= n; i++) {
		if (!nu_ieqn(s + i, prop, k))
			continue;
		for (j = i + k; j < n && isws((unsigned char)s[j]); j++)
			;
		if (j == n || s[j++] != ':')
			continue;
		while (j < n && isws((unsigned char)s[j]))
			j++;
		if (j + l <= n && nu_ieqn(s + j, val, l))
			return 1;
	}
	return 0;
}

static const struct {
	const char *role;
	int cls;
} roles[] = {
	{ "navigation", HC_NAV }, { "banner", HC_HEADER }, { "contentinfo", HC_FOOTER },
	{ "complementary", HC_ASIDE }, { "menu", HC_MENU }, { "menubar", HC_MENU },
	{ "main", HC_ARTICLE }, { "article", HC_ARTICLE },
};

/* What an element's attributes say of its content: hidden, a role, comments. */
static void
frame_attrs(const struct htag *t, struct frame *f)
{
	const struct hattr *a;
	size_t i, k;

	for (i = 0; i < t->na; i++) {
		a = &t->a[i];
		if (nu_eq(a->name, a->nlen, "hidden") ||
		    (nu_eq(a->name, a->nlen, "aria-hidden") && nu_ieq(a->val, a->vlen, "true")))
			f->fl |= F_DROP;
		else if (nu_eq(a->name, a->nlen, "style") &&
		    (style_has(a->val, a->vlen, "display", "none") ||
		    style_has(a->val, a->vlen, "visibility", "hidden")))
			f->fl |= F_DROP;
		else if (nu_eq(a->name, a->nlen, "role")) {
			for (k = 0; k < sizeof roles / sizeof roles[0]; k++)
				if (nu_ieq(a->val, a->vlen, roles[k].role))
					f->cls = (unsigned char)roles[k].cls;
		} else if (nu_eq(a->name, a->nlen, "itemprop") &&
		    nu_ieq(a->val, a->vlen, "articleBody")) {
			f->cls = HC_ARTICLE;
		} else if ((nu_eq(a->name, a->nlen, "id") || nu_eq(a->name, a->nlen, "class")) &&
		    t->id != HT_HTML && t->id != HT_BODY && comment_class(a->val, a->vlen))
			f->cls = HC_COMMENTS;
	}
}

static int
tag_cls(int id)
{
	switch (id) {
	case HT_NAV: return HC_NAV;
	case HT_HEADER: return HC_HEADER;
	case HT_FOOTER: return HC_FOOTER;
	case HT_ASIDE: return HC_ASIDE;
	case HT_FIGCAPTION: return HC_FIGCAPTION;
	case HT_FORM: return HC_FORM;
	case HT_MENU: return HC_MENU;
	case HT_ARTICLE: case HT_MAIN: return HC_ARTICLE;
	}
	return HC_NONE;
}

/* ---- metadata in tags ---- */

static const struct {
	const char *prop;
	int m;
} props[] = {
	{ "og:title", M_OGTITLE }, { "og:site_name", M_SITE },
	{ "article:published_time", M_DATE }, { "author", M_AUTHOR },
};

static void
meta_prop(struct htext *x, const struct htag *t)
{
	const struct hattr *c = htag_attr(t, "content"), *p;
	static const char *const by[] = { "property", "name" };
	size_t i, k;

	for (i = 0; c && i < 2; i++)
		if ((p = htag_attr(t, by[i])))
			for (k = 0; k < sizeof props / sizeof props[0]; k++)
				if (nu_ieq(p->val, p->vlen, props[k].prop))
					meta_once(x, props[k].m, c->val, c->vlen);
}

/* Metadata a tag gives, or F_TITLE / F_LD when its text is to be kept. */
static int
head_tag(struct htext *x, const struct htag *t, const struct frame *top)
{
	const struct hattr *a, *h;

	switch (t->id) {
	case HT_HTML:
		if ((a = htag_attr(t, "lang")))
			meta_once(x, M_LANG, a->val, a->vlen);
		break;
	case HT_META:
		meta_prop(x, t);
		break;
	case HT_LINK:
		if ((a = htag_attr(t, "rel")) && has(a->val, a->vlen, "canonical") &&
		    (h = htag_attr(t, "href")))
			meta_once(x, M_URL, h->val, h->vlen);
		break;
	case HT_TITLE:	/* not an <svg>'s */
		if (top->fl & F_DROP || x->seen & 1u << M_TITLE)
			break;
		buf_reset(&x->title);
		return F_TITLE;
	case HT_SCRIPT:
		if (!(a = htag_attr(t, "type")) || !nu_ieq(a->val, a->vlen, "application/ld+json"))
			break;
		buf_reset(&x->ld);
		return F_LD;
	}
	return 0;
}

/* ---- tags ---- */

/* A block ends the paragraph, but for a table's cells: a row is one
 * paragraph, its cells apart by a space, as a table reads ("1 Kyle Busch
 * 5040"), not a column of lone numbers. */
static void
cell_or_flush(struct htext *x, int id)
{
	if (id == HT_TD || id == HT_TH)
		x->sp = 1;
	else
		flush(x);
}

static void
start_tag(struct htext *x, const struct htag *t)
{
	int fl = html_tagfl[t->id], keep;
	struct frame f;

	if (fl & HF_BLOCK) {
		implied_end(x, t->id);
		cell_or_flush(x, t->id);
	}
	if (t->id == HT_BR)
		flush(x);
	if (t->id == HT_A)	/* a link in a link closes the first */
		close_open(x, HT_A, HT_A, NULL, 1);
	keep = head_tag(x, t, &x->st[x->nst - 1]);
	if (t->id == HT_IMG)
		x->st[x->nst - 1].img = 1;
	/* "/>" closes only what is not HTML (svg, math, unknown) */
	if (fl & HF_VOID || (t->selfclose && (t->id == HT_OTHER || t->id == HT_SVG || t->id == HT_MATH)))
		return;
	f = x->st[x->nst - 1];
	f.id = (short)t->id;
	f.fl = (unsigned char)((f.fl & ~(F_LD | F_TITLE)) | keep | (fl & HF_DROP ? F_DROP : 0));
	f.img = 0;
	f.links = 0;
	f.para = x->npara;
	f.off = x->p.len;
	f.link = x->link;
	f.sp = (unsigned char)x->sp;
	if (tag_cls(t->id))
		f.cls = (unsigned char)tag_cls(t->id);
	if (t->id >= HT_H1 && t->id <= HT_H6)
		f.hlevel = (unsigned char)(t->id - HT_H1 + 1);
	if (t->id == HT_A)
		f.fl |= F_A;
	if (t->id == HT_PRE || t->id == HT_LISTING) {
		f.fl |= F_PRE;
		x->prenl = 1;
	}
	frame_attrs(t, &f);
	push(x, &f);
}

static void
end_tag(struct htext *x, const struct htag *t)
{
	size_t k;

	if (t->id == HT_BR) {	/* </br> is <br> */
		flush(x);
		return;
	}
	if (html_tagfl[t->id] & HF_BLOCK)
		cell_or_flush(x, t->id);
	for (k = x->nst - 1; k > 0; k--)
		if (x->st[k].id == t->id) {
			pop_to(x, k);
			return;
		}
}

void
htext_tag(void *arg, const struct htag *t)
{
	if (t->end)
		end_tag(arg, t);
	else
		start_tag(arg, t);
}

void
htext_end(struct htext *x)
{
	flush(x);
	pop_to(x, 1);
	flush(x);
	x->seen = 0;
	x->prenl = 0;
	buf_reset(&x->title);
	buf_reset(&x->ld);
}
