/* html.c: the charset and the tokenizer of html.h.
 *
 * The tokenizer follows the states of the WHATWG tokenizer, simplified:
 * a state is a function that eats what it can of a block and returns
 * where it stopped, so that a run of text, of a comment or of a script
 * costs one call and a scan, and a token split between two blocks just
 * leaves its state and its bytes so far in struct htok.  No tree is
 * built: the text layer (htmltext.c) keeps the little it needs. */
#include "nu.h"
#include "html.h"

#include <stdlib.h>

#define X(e, s, f) f,
const unsigned char html_tagfl[HT_N] = { 0, HTML_TAGS };
#undef X
#define X(e, s, f) #s,
static const char *const tagname[HT_N] = { "", HTML_TAGS };
#undef X

/* the HTML5 named character references, sorted (src/data/entities) */
static const struct ent {
	const char *name;	/* with its ';', or a legacy name without */
	unsigned c1, c2;	/* code points; c2 0 for one */
} ents[] = {
#include "data/entities/entities.inc"
};

enum {
	S_DATA, S_TAGOPEN, S_ENDOPEN, S_TAGNAME, S_BANAME, S_ANAME, S_AANAME,
	S_BAVAL, S_AVDQ, S_AVSQ, S_AVUQ, S_AAVQ, S_SELFCLOSE, S_MARKUP,
	S_COMSTART, S_COMSTARTDASH, S_COMMENT, S_COMENDDASH, S_COMEND,
	S_COMENDBANG, S_BOGUS, S_CDATA, S_CDATA1, S_CDATA2, S_RAW, S_RAWLT,
	S_RAWEND, S_REF, S_N
};

#define REFMAX 32	/* the longest name, CounterClockwiseContourIntegral */

struct aspan {
	size_t no, nl, vo, vl;	/* an attribute's name and value in tag */
};

struct htok {
	int state;
	struct buf tag;		/* the tag so far: its name, then attributes */
	size_t nl;		/* length of its name */
	struct aspan *at;
	size_t nat, capat;
	struct hattr *ha;	/* the attributes handed on */
	size_t capha;
	int end, selfclose;
	int ret;		/* the state a character reference returns to */
	char ref[REFMAX + 2];	/* a character reference after '&' */
	size_t nref;
	unsigned long num;	/* a numeric one's value so far */
	int ndig;
	char mk[8];		/* after "<!": "--", "doctype" or "[CDATA[" */
	size_t nmk;
	int raw;		/* the raw text element open */
	size_t rawm;		/* bytes of its end tag's name matched */
	const struct lex *tags;
	void (*tagfn)(void *arg, const struct htag *t);
	void (*textfn)(void *arg, const char *s, size_t n);
	void *arg;
};

/* Byte classes for the runs of names and values: one look-up a byte. */
enum { C_WS = 1, C_GT = 2, C_SL = 4, C_EQ = 8, C_AMP = 16, C_DQ = 32, C_SQ = 64 };
static const unsigned char cls[256] = {
	[' '] = C_WS, ['\n'] = C_WS, ['\t'] = C_WS, ['\r'] = C_WS, ['\f'] = C_WS,
	['>'] = C_GT, ['/'] = C_SL, ['='] = C_EQ, ['&'] = C_AMP, ['"'] = C_DQ,
	['\''] = C_SQ,
};

static int
isws(int c)
{
	return c >= 0 && cls[c] == C_WS;
}

static void
text(struct htok *t, const char *s, size_t n)
{
	if (n)
		t->textfn(t->arg, s, n);
}

/* ---- tags and attributes ---- */

static void
tag_begin(struct htok *t, int end)
{
	buf_reset(&t->tag);
	t->nat = 0;
	t->nl = 0;
	t->end = end;
	t->selfclose = 0;
}

static void
attr_finish(struct htok *t)
{
	if (t->nat)
		t->at[t->nat - 1].vl = t->tag.len - t->at[t->nat - 1].vo;
}

static void
attr_begin(struct htok *t)
{
	attr_finish(t);
	t->at = nu_grow(t->at, &t->capat, t->nat, sizeof *t->at);
	t->at[t->nat].no = t->at[t->nat].vo = t->tag.len;
	t->at[t->nat].nl = t->at[t->nat].vl = 0;
	t->nat++;
}

static void
attr_named(struct htok *t)
{
	struct aspan *a = &t->at[t->nat - 1];

	a->nl = t->tag.len - a->no;
	a->vo = t->tag.len;
}

static size_t
tag_emit(struct htok *t, size_t i)
{
	struct htag tg;
	size_t k;

	attr_finish(t);
	if (t->nat > t->capha) {
		t->capha = t->nat;
		t->ha = nu_realloc(t->ha, t->capha * sizeof *t->ha);
	}
	for (k = 0; k < t->nat; k++) {
		t->ha[k].name = t->tag.p + t->at[k].no;
		t->ha[k].nlen = t->at[k].nl;
		t->ha[k].val = t->tag.p + t->at[k].vo;
		t->ha[k].vlen = t->at[k].vl;
	}
	tg.id = lex_get(t->tags, t->tag.p, t->nl);
	tg.end = t->end;
	tg.selfclose = t->selfclose;
	tg.name = t->tag.p;
	tg.nlen = t->nl;
	tg.a = t->ha;
	tg.na = t->nat;
	t->tagfn(t->arg, &tg);
	t->state = S_DATA;
	if (!tg.end && html_tagfl[tg.id] & HF_RAW) {
		t->state = S_RAW;
		t->raw = tg.id;
	}
	return i + 1;
}

/* Lower-case bytes of a name up to a byte of the classes in stop. */
static size_t
name_run(struct htok *t, const char *s, size_t i, size_t n, int stop)
{
	size_t j = i;

	while (j < n && !(cls[(unsigned char)s[j]] & stop))
		j++;
	buf_grow(&t->tag, j - i);
	for (; i < j; i++)
		t->tag.p[t->tag.len++] = (char)nu_tolower((unsigned char)s[i]);
	t->tag.p[t->tag.len] = '\0';
	return j;
}

static size_t
st_tagname(struct htok *t, const char *s, size_t i, size_t n)
{
	i = name_run(t, s, i, n, C_WS | C_SL | C_GT);
	if (i == n)
		return i;
	t->nl = t->tag.len;
	if (s[i] == '>')
		return tag_emit(t, i);
	t->state = s[i] == '/' ? S_SELFCLOSE : S_BANAME;
	return i + 1;
}

static size_t
st_baname(struct htok *t, const char *s, size_t i, size_t n)
{
	(void)n;
	if (isws(s[i]))
		return i + 1;
	if (s[i] == '/' || s[i] == '>') {
		t->state = S_AANAME;
		return i;
	}
	attr_begin(t);
	t->state = S_ANAME;
	if (s[i] == '=') {	/* a name that starts with '=' */
		buf_addc(&t->tag, '=');
		return i + 1;
	}
	return i;
}

static size_t
st_aname(struct htok *t, const char *s, size_t i, size_t n)
{
	i = name_run(t, s, i, n, C_WS | C_SL | C_GT | C_EQ);
	if (i == n)
		return i;
	attr_named(t);
	t->state = s[i] == '=' ? S_BAVAL : S_AANAME;
	return s[i] == '=' ? i + 1 : i;
}

static size_t
st_aaname(struct htok *t, const char *s, size_t i, size_t n)
{
	(void)n;
	if (isws(s[i]))
		return i + 1;
	if (s[i] == '/') {
		t->state = S_SELFCLOSE;
		return i + 1;
	}
	if (s[i] == '=') {
		t->state = S_BAVAL;
		return i + 1;
	}
	if (s[i] == '>')
		return tag_emit(t, i);
	attr_begin(t);
	t->state = S_ANAME;
	return i;
}

static size_t
st_baval(struct htok *t, const char *s, size_t i, size_t n)
{
	(void)n;
	if (isws(s[i]))
		return i + 1;
	if (s[i] == '"' || s[i] == '\'') {
		t->state = s[i] == '"' ? S_AVDQ : S_AVSQ;
		return i + 1;
	}
	if (s[i] == '>')
		return tag_emit(t, i);
	t->state = S_AVUQ;
	return i;
}

static void
ref_begin(struct htok *t)
{
	t->ret = t->state;
	t->state = S_REF;
	t->nref = 0;
	t->num = 0;
	t->ndig = 0;
}

/* A value up to a byte of the classes in stop (C_AMP: a reference). */
static size_t
value_run(struct htok *t, const char *s, size_t i, size_t n, int stop)
{
	size_t j = i;

	while (j < n && !(cls[(unsigned char)s[j]] & stop))
		j++;
	buf_add(&t->tag, s + i, j - i);
	if (j < n && s[j] == '&') {
		ref_begin(t);
		return j + 1;
	}
	return j;
}

static size_t
st_avq(struct htok *t, const char *s, size_t i, size_t n)
{
	i = value_run(t, s, i, n, t->state == S_AVDQ ? C_DQ | C_AMP : C_SQ | C_AMP);
	if (i < n && t->state != S_REF) {
		t->state = S_AAVQ;
		i++;
	}
	return i;
}

static size_t
st_avuq(struct htok *t, const char *s, size_t i, size_t n)
{
	i = value_run(t, s, i, n, C_WS | C_GT | C_AMP);
	if (i == n || t->state == S_REF)
		return i;
	if (s[i] == '>')
		return tag_emit(t, i);
	t->state = S_BANAME;
	return i + 1;
}

static size_t
st_aavq(struct htok *t, const char *s, size_t i, size_t n)
{
	(void)n;
	if (s[i] == '>')
		return tag_emit(t, i);
	t->state = s[i] == '/' ? S_SELFCLOSE : S_BANAME;
	return isws(s[i]) || s[i] == '/' ? i + 1 : i;
}

static size_t
st_selfclose(struct htok *t, const char *s, size_t i, size_t n)
{
	(void)n;
	if (s[i] == '>') {
		t->selfclose = 1;
		return tag_emit(t, i);
	}
	t->state = S_BANAME;
	return i;
}

/* ---- text, "<" and markup declarations ---- */

/* Text up to a '<', or a reference: in a raw text element, only in
 * RCDATA. */
static size_t
st_text(struct htok *t, const char *s, size_t i, size_t n)
{
	int raw = t->state == S_RAW;
	int amp = !raw || html_tagfl[t->raw] & HF_RCDATA;
	size_t j = i;

	while (j < n && s[j] != '<' && !(amp && s[j] == '&'))
		j++;
	text(t, s + i, j - i);
	if (j == n)
		return j;
	if (s[j] == '&')
		ref_begin(t);
	else
		t->state = raw ? S_RAWLT : S_TAGOPEN;
	return j + 1;
}

/* After '<' (S_TAGOPEN) or "</" (S_ENDOPEN). */
static size_t
st_open(struct htok *t, const char *s, size_t i, size_t n)
{
	int end = t->state == S_ENDOPEN;

	(void)n;
	if (nu_isalpha((unsigned char)s[i])) {
		tag_begin(t, end);
		t->state = S_TAGNAME;
		return i;
	}
	if (end) {	/* "</>" is nothing, "</ x>" a bogus comment */
		t->state = s[i] == '>' ? S_DATA : S_BOGUS;
		return s[i] == '>' ? i + 1 : i;
	}
	if (s[i] == '/' || s[i] == '!' || s[i] == '?') {
		t->state = s[i] == '/' ? S_ENDOPEN : s[i] == '!' ? S_MARKUP : S_BOGUS;
		t->nmk = 0;
		return i + 1;
	}
	text(t, "<", 1);	/* a '<' that starts no tag */
	t->state = S_DATA;
	return i;
}

/* After "<!": a comment, a doctype (dropped as a bogus comment), CDATA
 * (its content is text), or a bogus comment. */
static size_t
st_markup(struct htok *t, const char *s, size_t i, size_t n)
{
	(void)n;
	t->mk[t->nmk++] = s[i];
	if (t->nmk <= 2 && memcmp(t->mk, "--", t->nmk) == 0) {
		if (t->nmk == 2)
			t->state = S_COMSTART;
	} else if (nu_ieqn(t->mk, "doctype", t->nmk)) {
		if (t->nmk == 7)
			t->state = S_BOGUS;
	} else if (memcmp(t->mk, "[CDATA[", t->nmk) == 0) {
		if (t->nmk == 7)
			t->state = S_CDATA;
	} else
		t->state = s[i] == '>' ? S_DATA : S_BOGUS;
	return i + 1;
}

/* A bogus comment up to its '>', a comment up to a '-' that may end it. */
static size_t
st_skip(struct htok *t, const char *s, size_t i, size_t n)
{
	int c = t->state == S_BOGUS ? '>' : '-';
	int next = t->state == S_BOGUS ? S_DATA : S_COMENDDASH;
	const char *p = memchr(s + i, c, n - i);

	if (!p)
		return n;
	t->state = next;
	return (size_t)(p - s) + 1;
}

/* ---- comments: "<!-->", "--" inside, "--!>", unclosed at the end ---- */

static size_t
st_comstart(struct htok *t, const char *s, size_t i, size_t n)
{
	(void)n;
	if (s[i] == '>') {
		t->state = S_DATA;
		return i + 1;
	}
	if (s[i] == '-') {
		t->state = t->state == S_COMSTART ? S_COMSTARTDASH : S_COMEND;
		return i + 1;
	}
	t->state = S_COMMENT;
	return i;
}

static size_t
st_comenddash(struct htok *t, const char *s, size_t i, size_t n)
{
	(void)n;
	t->state = s[i] == '-' ? S_COMEND : S_COMMENT;
	return s[i] == '-' ? i + 1 : i;
}

static size_t
st_comend(struct htok *t, const char *s, size_t i, size_t n)
{
	(void)n;
	if (s[i] == '-' && t->state == S_COMEND)	/* "--->": still ending */
		return i + 1;
	if (s[i] == '>') {
		t->state = S_DATA;
		return i + 1;
	}
	if (s[i] == '!' && t->state == S_COMEND) {
		t->state = S_COMENDBANG;
		return i + 1;
	}
	if (s[i] == '-') {	/* "--!-" */
		t->state = S_COMENDDASH;
		return i + 1;
	}
	t->state = S_COMMENT;
	return i;
}

/* ---- CDATA: text up to "]]>" ---- */

static size_t
st_cdata(struct htok *t, const char *s, size_t i, size_t n)
{
	const char *p = memchr(s + i, ']', n - i);
	size_t j = p ? (size_t)(p - s) : n;

	text(t, s + i, j - i);
	if (j == n)
		return j;
	t->state = S_CDATA1;
	return j + 1;
}

static size_t
st_cdatabr(struct htok *t, const char *s, size_t i, size_t n)
{
	(void)n;
	if (t->state == S_CDATA1) {
		if (s[i] == ']') {
			t->state = S_CDATA2;
			return i + 1;
		}
		text(t, "]", 1);
	} else if (s[i] == '>') {
		t->state = S_DATA;
		return i + 1;
	} else if (s[i] == ']') {	/* "]]]": the first is text */
		text(t, "]", 1);
		return i + 1;
	} else
		text(t, "]]", 2);
	t->state = S_CDATA;
	return i;
}

/* ---- raw text (script, style, ...) and RCDATA (title, textarea) ---- */

static size_t
st_rawlt(struct htok *t, const char *s, size_t i, size_t n)
{
	(void)n;
	if (s[i] == '/') {
		t->state = S_RAWEND;
		t->rawm = 0;
		return i + 1;
	}
	text(t, "<", 1);
	t->state = S_RAW;
	return i;
}

/* "</" and the raw element's name so far: its end tag when a space, '/'
 * or '>' follows the whole name, else text. */
static size_t
st_rawend(struct htok *t, const char *s, size_t i, size_t n)
{
	const char *name = tagname[t->raw];
	size_t len = strlen(name);

	(void)n;
	if (t->rawm < len && nu_tolower((unsigned char)s[i]) == name[t->rawm]) {
		t->rawm++;
		return i + 1;
	}
	if (t->rawm == len && (isws(s[i]) || s[i] == '/' || s[i] == '>')) {
		tag_begin(t, 1);
		buf_add(&t->tag, name, len);
		t->nl = len;
		if (s[i] == '>')
			return tag_emit(t, i);
		t->state = s[i] == '/' ? S_SELFCLOSE : S_BANAME;
		return i + 1;
	}
	text(t, "</", 2);
	text(t, name, t->rawm);
	t->state = S_RAW;
	return i;
}

/* ---- character references ---- */

static int
in_attr(const struct htok *t)
{
	return t->ret == S_AVDQ || t->ret == S_AVSQ || t->ret == S_AVUQ;
}

/* Decoded text goes where the reference was: text or an attribute. */
static void
put(struct htok *t, const char *s, size_t n)
{
	if (in_attr(t))
		buf_add(&t->tag, s, n);
	else
		text(t, s, n);
}

static void
put_cp(struct htok *t, unsigned cp)
{
	char u[4];

	put(t, u, (size_t)utf8_put(u, cp));
}

static const struct ent *
ent_find(const char *s, size_t n)
{
	size_t lo = 0, hi = sizeof ents / sizeof ents[0], mid, l;
	int c;

	while (lo < hi) {
		mid = (lo + hi) / 2;
		l = strlen(ents[mid].name);
		c = memcmp(s, ents[mid].name, n < l ? n : l);
		if (c == 0)
			c = n < l ? -1 : n > l;
		if (c == 0)
			return &ents[mid];
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

/* The references to the windows-1252 characters (&#128; and so on) that
 * pages meant, as the HTML standard reads them. */
static const unsigned short c1map[32] = {
	0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
	0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
};

static unsigned
num_cp(unsigned long v)
{
	if (v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
		return 0xFFFD;
	if (v >= 0x80 && v <= 0x9F)
		return c1map[v - 0x80];
	return (unsigned)v;
}

/* A numeric reference ends at c: returns whether c is eaten. */
static int
ref_num(struct htok *t, int c)
{
	if (t->ndig == 0) {	/* "&#" or "&#x" and no digit: text */
		put(t, "&", 1);
		put(t, t->ref, t->nref);
		return 0;
	}
	put_cp(t, num_cp(t->num));
	return c == ';';
}

/* A named reference ends at c (-1: the end of the page): the longest
 * name that matches, with its ';' or a legacy one without. */
static int
ref_named(struct htok *t, int c)
{
	const struct ent *e = NULL;
	size_t k = t->nref;
	int semi = 0;

	if (c == ';') {
		t->ref[k] = ';';
		if ((e = ent_find(t->ref, k + 1)))
			semi = 1;
	}
	while (!e && k > 0 && !(e = ent_find(t->ref, k)))
		k--;
	/* in an attribute, "&amp=" and "&ampx" are no references (URLs) */
	if (e && !semi && in_attr(t) && (k < t->nref || c == '=' || nu_isalnum(c)))
		e = NULL;
	if (!e) {
		put(t, "&", 1);
		put(t, t->ref, t->nref);
		return 0;
	}
	put_cp(t, e->c1);
	if (e->c2)
		put_cp(t, e->c2);
	if (semi)
		return 1;
	put(t, t->ref + k, t->nref - k);
	return 0;
}

/* One byte of a reference: returns 1 while it goes on.  Digits are
 * summed, not kept. */
static int
ref_byte(struct htok *t, int c)
{
	int hex, d;

	if (t->nref == 0 ? c != '#' && !nu_isalnum(c) :
	    t->ref[0] != '#' && (!nu_isalnum(c) || t->nref == REFMAX))
		return 0;
	if (t->nref == 0 || t->ref[0] != '#' ||
	    (t->nref == 1 && t->ndig == 0 && (c == 'x' || c == 'X'))) {
		t->ref[t->nref++] = (char)c;
		return 1;
	}
	hex = t->nref == 2;
	d = hex ? nu_hexval(c) : nu_isdigit(c) ? c - '0' : -1;
	if (d < 0)
		return 0;
	if (t->num <= 0x10FFFF)	/* more is as bad as too much */
		t->num = t->num * (hex ? 16 : 10) + (unsigned long)d;
	t->ndig++;
	return 1;
}

/* The reference ends at c; returns whether c is eaten. */
static int
ref_end(struct htok *t, int c)
{
	int eaten;

	if (t->nref == 0) {
		put(t, "&", 1);
		eaten = 0;
	} else if (t->ref[0] == '#')
		eaten = ref_num(t, c);
	else
		eaten = ref_named(t, c);
	t->state = t->ret;
	return eaten;
}

static size_t
st_ref(struct htok *t, const char *s, size_t i, size_t n)
{
	for (; i < n; i++)
		if (!ref_byte(t, (unsigned char)s[i]))
			return ref_end(t, (unsigned char)s[i]) ? i + 1 : i;
	return i;
}

/* ---- the machine ---- */

typedef size_t state_fn(struct htok *, const char *, size_t, size_t);
static state_fn *const states[S_N] = {
	[S_DATA] = st_text, [S_TAGOPEN] = st_open, [S_ENDOPEN] = st_open,
	[S_TAGNAME] = st_tagname, [S_BANAME] = st_baname, [S_ANAME] = st_aname,
	[S_AANAME] = st_aaname, [S_BAVAL] = st_baval, [S_AVDQ] = st_avq,
	[S_AVSQ] = st_avq, [S_AVUQ] = st_avuq, [S_AAVQ] = st_aavq,
	[S_SELFCLOSE] = st_selfclose, [S_MARKUP] = st_markup,
	[S_COMSTART] = st_comstart, [S_COMSTARTDASH] = st_comstart,
	[S_COMMENT] = st_skip, [S_COMENDDASH] = st_comenddash,
	[S_COMEND] = st_comend, [S_COMENDBANG] = st_comend, [S_BOGUS] = st_skip,
	[S_CDATA] = st_cdata, [S_CDATA1] = st_cdatabr, [S_CDATA2] = st_cdatabr,
	[S_RAW] = st_text, [S_RAWLT] = st_rawlt, [S_RAWEND] = st_rawend,
	[S_REF] = st_ref,
};

static void
tok_feed(struct htok *t, const char *s, size_t n)
{
	size_t i = 0;

	while (i < n)
		i = states[t->state](t, s, i, n);
}

/* The end of the page: what a state holds back is text, or nothing (an
 * unclosed tag or comment, as in a browser). */
static void
tok_end(struct htok *t)
{
	if (t->state == S_REF) {
		ref_end(t, -1);
		if (in_attr(t))
			t->state = S_DATA;
	}
	if (t->state == S_TAGOPEN || t->state == S_RAWLT)
		text(t, "<", 1);
	else if (t->state == S_ENDOPEN)
		text(t, "</", 2);
	else if (t->state == S_RAWEND) {
		text(t, "</", 2);
		text(t, tagname[t->raw], t->rawm);
	} else if (t->state == S_CDATA1 || t->state == S_CDATA2)
		text(t, "]]", t->state == S_CDATA1 ? 1 : 2);
	t->state = S_DATA;
}

static void
tok_free(struct htok *t)
{
	buf_free(&t->tag);
	free(t->at);
	free(t->ha);
}

/* ---- charsets ---- */

#include "data/charsets/charsets.inc"

/* Labels as the WHATWG Encoding Standard has them, those of UTF-16 too
 * (a page that says UTF-16 in a <meta> is not: its bytes are ASCII). */
static const struct charset {
	const char *name;
	const char *labels;	/* blank-separated, lower case */
	const uint16_t *map;	/* bytes 0x80-0xFF; NULL: UTF-8 */
} charsets[] = {
	{ "utf-8", " utf-8 utf8 unicode-1-1-utf-8 unicode11utf8 unicode20utf8 "
	    "x-unicode20utf8 utf-16 utf-16le utf-16be ", NULL },
	{ "windows-1252", " windows-1252 cp1252 x-cp1252 iso-8859-1 iso8859-1 "
	    "iso88591 iso_8859-1 iso_8859-1:1987 latin1 l1 us-ascii ascii "
	    "ansi_x3.4-1968 cp819 ibm819 iso-ir-100 csisolatin1 ", cs_windows_1252 },
	{ "iso-8859-2", " iso-8859-2 iso8859-2 iso88592 iso_8859-2 "
	    "iso_8859-2:1987 latin2 l2 iso-ir-101 csisolatin2 ", cs_iso_8859_2 },
	{ "iso-8859-5", " iso-8859-5 iso8859-5 iso88595 iso_8859-5 "
	    "iso_8859-5:1988 cyrillic iso-ir-144 csisolatincyrillic ", cs_iso_8859_5 },
	{ "iso-8859-15", " iso-8859-15 iso8859-15 iso885915 iso_8859-15 "
	    "latin-9 l9 csisolatin9 ", cs_iso_8859_15 },
	{ "koi8-r", " koi8-r koi8_r koi8 koi cskoi8r ", cs_koi8_r },
	{ "windows-1250", " windows-1250 cp1250 x-cp1250 ", cs_windows_1250 },
	{ "windows-1251", " windows-1251 cp1251 x-cp1251 ", cs_windows_1251 },
};

#define HOLD 1024	/* bytes searched for a <meta> charset */

struct html {
	struct htok tok;	/* the page's */
	struct htok pre;	/* the prescan's, over the bytes held */
	struct lex tags;
	struct htext *x;
	const struct charset *cs;	/* NULL: not decided yet */
	char given[40];		/* html_charset's, or "" */
	char found[40];		/* the prescan's */
	struct buf hold;	/* the first bytes, until the charset is known */
	struct buf conv;	/* a block converted to UTF-8 */
};

static const struct charset *
charset_find(const char *label)
{
	char w[44];
	size_t i, k = 0;

	w[k++] = ' ';
	for (i = 0; label[i] && k < sizeof w - 2; i++)
		if (!isws(label[i]) && label[i] != '"' && label[i] != '\'')
			w[k++] = (char)nu_tolower((unsigned char)label[i]);
	w[k++] = ' ';
	w[k] = '\0';
	for (i = 0; i < sizeof charsets / sizeof charsets[0]; i++)
		if (k > 2 && strstr(charsets[i].labels, w))
			return &charsets[i];
	return NULL;
}

static void
copy_label(char *d, size_t cap, const char *s, size_t n)
{
	if (n >= cap)
		n = cap - 1;
	memcpy(d, s, n);
	d[n] = '\0';
}

/* The charset in a <meta>'s content, "text/html; charset=koi8-r". */
static void
content_charset(struct html *h, const char *v, size_t n)
{
	size_t i, j;

	for (i = 0; i + 8 <= n; i++)
		if (nu_ieqn(v + i, "charset=", 8))
			break;
	if (i + 8 > n)
		return;
	i += 8;
	while (i < n && (isws(v[i]) || v[i] == '"' || v[i] == '\''))
		i++;
	for (j = i; j < n && !isws(v[j]) && v[j] != ';' && v[j] != '"' && v[j] != '\''; j++)
		;
	copy_label(h->found, sizeof h->found, v + i, j - i);
}

const struct hattr *
htag_attr(const struct htag *t, const char *name)
{
	size_t i;

	for (i = 0; i < t->na; i++)
		if (nu_eq(t->a[i].name, t->a[i].nlen, name))
			return &t->a[i];
	return NULL;
}

static void
pre_tag(void *arg, const struct htag *t)
{
	struct html *h = arg;
	const struct hattr *a, *c;

	if (t->id != HT_META || t->end || h->found[0])
		return;
	if ((a = htag_attr(t, "charset")))
		copy_label(h->found, sizeof h->found, a->val, a->vlen);
	else if ((a = htag_attr(t, "http-equiv")) && nu_ieq(a->val, a->vlen, "content-type") &&
	    (c = htag_attr(t, "content")))
		content_charset(h, c->val, c->vlen);
}

static void
pre_text(void *arg, const char *s, size_t n)
{
	(void)arg, (void)s, (void)n;
}

static void
tok_init(struct htok *t, struct html *h, int pre)
{
	memset(t, 0, sizeof *t);
	t->tags = &h->tags;
	t->tagfn = pre ? pre_tag : htext_tag;
	t->textfn = pre ? pre_text : htext_text;
	t->arg = pre ? (void *)h : (void *)h->x;
}

struct html *
html_new(html_para_fn *para, html_meta_fn *meta, void *arg)
{
	struct html *h = nu_alloc(sizeof *h);
	struct buf list = { 0 };
	char num[16];
	int i;

	memset(h, 0, sizeof *h);
	for (i = 1; i < HT_N; i++) {
		snprintf(num, sizeof num, "=%d ", i);
		buf_adds(&list, num);
		buf_adds(&list, tagname[i]);
		buf_addc(&list, ' ');
	}
	lex_init(&h->tags, list.p);
	buf_free(&list);
	h->x = htext_new(para, meta, arg);
	tok_init(&h->tok, h, 0);
	tok_init(&h->pre, h, 1);
	return h;
}

void
html_free(struct html *h)
{
	if (!h)
		return;
	tok_free(&h->tok);
	tok_free(&h->pre);
	free(h->tags.s);
	htext_free(h->x);
	buf_free(&h->hold);
	buf_free(&h->conv);
	free(h);
}

void
html_charset(struct html *h, const char *name)
{
	copy_label(h->given, sizeof h->given, name ? name : "", name ? strlen(name) : 0);
}

/* Bytes in the page's charset to the tokenizer, as UTF-8. */
static void
decode(struct html *h, const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	char *d;
	size_t i;

	if (!h->cs->map) {
		tok_feed(&h->tok, s, n);
		return;
	}
	buf_reset(&h->conv);
	buf_grow(&h->conv, 3 * n);
	d = h->conv.p;
	for (i = 0; i < n; i++)
		if (u[i] < 0x80)
			*d++ = (char)u[i];
		else
			d += utf8_put(d, h->cs->map[u[i] - 0x80]);
	tok_feed(&h->tok, h->conv.p, (size_t)(d - h->conv.p));
}

/* The charset, from a byte order mark, the caller, or a <meta> in the
 * bytes held; then those bytes go on. */
static void
decide(struct html *h)
{
	const char *s = h->hold.p ? h->hold.p : "";
	const char *label = h->given;
	size_t skip = 0;

	if (utf8_bom(s, h->hold.len)) {
		label = "utf-8";
		skip = 3;
	} else if (!label[0]) {
		h->found[0] = '\0';
		tok_feed(&h->pre, s, h->hold.len < HOLD ? h->hold.len : HOLD);
		tok_end(&h->pre);
		label = h->found;
	}
	h->cs = label[0] ? charset_find(label) : NULL;
	if (!h->cs && label[0])
		htext_meta(h->x, "charset_unknown", label, strlen(label));
	if (!h->cs)
		h->cs = &charsets[0];
	htext_meta(h->x, "charset", h->cs->name, strlen(h->cs->name));
	decode(h, s + skip, h->hold.len - skip);
	buf_reset(&h->hold);
}

void
html_feed(struct html *h, const char *s, size_t n)
{
	if (h->cs) {
		decode(h, s, n);
		return;
	}
	buf_add(&h->hold, s, n);
	if (h->hold.len >= (h->given[0] ? 3 : HOLD))
		decide(h);
}

void
html_end(struct html *h)
{
	if (!h->cs)
		decide(h);
	tok_end(&h->tok);
	htext_end(h->x);
	h->cs = NULL;
	h->given[0] = '\0';
}
