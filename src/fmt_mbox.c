/* fmt_mbox.c: mbox files of e-mail newsletters (RFC 4155, mboxrd).
 *
 * A message begins at a "From " line at the start of the input or after an
 * empty line, and is one article.  A newsletter that carries several
 * stories stays one article: nothing in a message marks its stories
 * reliably, so a second-level split is left to later stages.
 *
 * The From_ line becomes meta mbox_from and every header a meta record of
 * its own lower-cased name (Subject becomes title), with RFC 2047
 * encoded-words decoded.  The top-level MIME headers (Content-Type,
 * Content-Transfer-Encoding, MIME-Version) are kept as well: they tell
 * what the body was.  The body goes through MIME: the first inline
 * text/plain part is the text, else the first text/html part with its
 * tags stripped; every other part leaves a meta skipped_part ("image/png;
 * 2048 bytes; logo.png"), so that nothing goes silently.  Transfer
 * encodings are undone and charsets converted line by line: memory is one
 * message.
 *
 * What the driver hands over (headers, 7bit and 8bit bodies) is valid
 * UTF-8 already, bytes that were not having been read as Windows-1252
 * (right for Latin-1 too); only what this file decodes (quoted-printable,
 * base64, encoded-words) is converted here. */
#include "nsplit.h"

#include <string.h>

#define MAXDEPTH 16		/* nested multiparts followed; deeper ones are skipped */

enum { HEAD, PHEAD, BODY, PRE, EPI };	/* where in the message a line falls */
enum { ENC_ID, ENC_QP, ENC_B64 };	/* Content-Transfer-Encoding */
enum { CS_UTF8, CS_1252, CS_OTHER };	/* charsets, as far as they matter here */
enum { PLAIN, HTML, SKIP };		/* where a part's text goes */

struct b64 {
	unsigned acc;		/* bits not yet written */
	int nbits;
};

/* What the header block just read says about the body after it. */
struct part {
	struct buf type;	/* media type, lower case */
	struct buf charset;
	struct buf boundary;
	struct buf name;	/* file name, for skipped_part */
	int enc;
	int attach;		/* Content-Disposition: attachment */
};

/* An open multipart. */
struct level {
	struct buf boundary;
	struct buf pre;		/* its preamble: the text if no boundary comes */
	int seen;		/* a boundary of it came */
	int digest;		/* multipart/digest: parts default to message/rfc822 */
};

/* The message being read. */
static struct {
	int where;
	unsigned long from;	/* line where it began, for messages */
	struct buf hdr;		/* the header field being unfolded */
	unsigned long hdrline;
	struct part p;
	struct level lv[MAXDEPTH];
	int depth;
	int plain;		/* a text/plain part was chosen */
	int held;		/* html holds a text/html part */
	struct buf html;	/* kept in case no text/plain comes */
	size_t htmlsize;
} m;

/* The part being decoded. */
static struct {
	int sink, enc, cs;
	size_t size;		/* decoded bytes */
	int started, soft;	/* a line came; it ended in a soft line break */
	struct b64 b64;
	struct buf line;	/* decoded bytes of an unfinished line */
} leaf;

static int inmsg;		/* a message is open */
static unsigned long blanks;	/* empty lines held back: the last may end a message */
static struct buf dec, conv, key, tmp;

/* Oddities are warned about once per input: where they first came, and
 * how many there were. */
static struct odd {
	unsigned long line, n;
	char cs[32];
} oddcs, oddbytes;

/* The n bytes at a and b are equal but for ASCII case. */
static int
ispan(const char *a, const char *b, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (nu_tolower((unsigned char)a[i]) != nu_tolower((unsigned char)b[i]))
			return 0;
	return 1;
}

/* Length of the ASCII, NUL-free start of s. */
static size_t
ascii(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n && (unsigned char)s[i] - 1u < 0x7Fu; i++)
		;
	return i;
}

static int
b64val(int ch)
{
	if (ch >= 'A' && ch <= 'Z')
		return ch - 'A';
	if (ch >= 'a' && ch <= 'z')
		return ch - 'a' + 26;
	if (nu_isdigit(ch))
		return ch - '0' + 52;
	if (ch == '+')
		return 62;
	return ch == '/' ? 63 : -1;
}

/* Quoted-printable (q: RFC 2047's Q encoding, where '_' is a space).
 * Returns 1 when the line ends in a soft line break. */
static int
qp_add(struct buf *out, const char *s, size_t n, int q)
{
	size_t i, k;
	int hi, lo;

	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))	/* transport padding */
		n--;
	for (i = 0; i < n; i++) {
		for (k = i; k < n && s[k] != '=' && !(s[k] == '_' && q); k++)
			;
		buf_add(out, s + i, k - i);	/* the plain run */
		if ((i = k) == n)
			break;
		if (s[i] == '_')
			buf_addc(out, ' ');
		else if (i + 1 == n)
			return 1;
		else if (i + 2 < n && (hi = nu_hexval((unsigned char)s[i + 1])) >= 0 &&
		    (lo = nu_hexval((unsigned char)s[i + 2])) >= 0) {
			buf_addc(out, hi << 4 | lo);
			i += 2;
		} else
			buf_addc(out, '=');
	}
	return 0;
}

/* Base64, across lines: bytes outside the alphabet are skipped, and '='
 * ends a quantum, so that encodings run together still decode. */
static void
b64_add(struct b64 *st, struct buf *out, const char *s, size_t n)
{
	size_t i;
	int v;

	buf_grow(out, n);	/* n characters give fewer bytes */
	for (i = 0; i < n; i++) {
		if (s[i] == '=') {
			st->acc = 0;
			st->nbits = 0;
			continue;
		}
		if ((v = b64val((unsigned char)s[i])) < 0)
			continue;
		st->acc = st->acc << 6 | (unsigned)v;
		st->nbits += 6;
		if (st->nbits >= 8) {
			st->nbits -= 8;
			out->p[out->len++] = (char)(st->acc >> st->nbits);
			st->acc &= (1u << st->nbits) - 1;
		}
	}
	out->p[out->len] = '\0';
}

static int
csid(const char *s, size_t n)
{
	static const char *const utf8[] = {
		"", "utf-8", "utf8", "us-ascii", "ascii", NULL,
	};
	static const char *const latin[] = {
		"iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "windows-1252",
		"cp1252", NULL,
	};

	if (fmt_inlist(s, n, utf8))
		return CS_UTF8;
	return fmt_inlist(s, n, latin) ? CS_1252 : CS_OTHER;
}

static void
odd(struct odd *o, unsigned long line, unsigned long k, const char *cs, size_t csn)
{
	if (!o->n) {
		o->line = line;
		snprintf(o->cs, sizeof o->cs, "%.*s", (int)csn, cs);
	}
	o->n += k;
}

/* Append decoded text in charset cs (named name) as UTF-8.  Latin-1 is
 * read as Windows-1252, as mail labelled Latin-1 mostly is: utf8_fix reads
 * a lone byte above 0x7F so.  Other charsets are not converted: valid
 * UTF-8 is kept, the rest repaired, and the input gets a warning. */
static void
convert(struct buf *out, const char *s, size_t n, int cs, const char *name,
    size_t namen, unsigned long line)
{
	size_t k, bad;

	if (cs == CS_1252) {
		while ((k = ascii(s, n)) < n) {
			buf_add(out, s, k);
			utf8_fix(out, s + k, 1);
			s += k + 1;
			n -= k + 1;
		}
		buf_add(out, s, n);
		return;
	}
	if (ascii(s, n) == n) {
		buf_add(out, s, n);
		return;
	}
	bad = utf8_fix(out, s, n);
	if (cs == CS_OTHER)
		odd(&oddcs, line, 1, name, namen);
	else if (bad)
		odd(&oddbytes, line, bad, namen ? name : "utf-8", namen ? namen : 5);
}

/* An encoded-word at s, "=?charset?Q?text?=": its length, or 0. */
static size_t
eword(const char *s, size_t n, struct span *cs, int *b, struct span *text)
{
	size_t i = 2, j;

	if (n < 8 || s[0] != '=' || s[1] != '?')
		return 0;
	while (i < n && s[i] != '?' && !nu_isspace((unsigned char)s[i]))
		i++;
	if (i == 2 || i + 2 >= n || s[i] != '?' || s[i + 2] != '?')
		return 0;
	if (nu_tolower((unsigned char)s[i + 1]) != 'q' && nu_tolower((unsigned char)s[i + 1]) != 'b')
		return 0;
	*b = nu_tolower((unsigned char)s[i + 1]) == 'b';
	cs->off = 2;
	cs->len = i - 2;
	for (j = i + 3; j + 1 < n && !(s[j] == '?' && s[j + 1] == '='); j++)
		if (nu_isspace((unsigned char)s[j]))
			return 0;
	if (j + 1 >= n)
		return 0;
	text->off = i + 3;
	text->len = j - text->off;
	return j + 2;
}

/* Header text with its encoded-words decoded (RFC 2047).  The bytes of
 * adjacent words in one charset are joined before they are converted: a
 * UTF-8 character may be split between two words. */
static void
hdecode(struct buf *out, const char *s, size_t n, unsigned long line)
{
	static struct buf raw;
	struct span cs, text, rcs = {0, 0};
	struct b64 st;
	size_t i = 0, lit = 0, end = (size_t)-1, k;
	int b, adjacent;
	const char *star;

	buf_reset(&raw);
	while (i < n && (star = memchr(s + i, '=', n - i))) {
		i = (size_t)(star - s);
		if (!(k = eword(s + i, n - i, &cs, &b, &text))) {
			i++;
			continue;
		}
		cs.off += i;
		text.off += i;
		if ((star = memchr(s + cs.off, '*', cs.len)))	/* RFC 2231 language */
			cs.len = (size_t)(star - (s + cs.off));
		adjacent = lit == end && nu_ltrim(s + lit, i - lit) == i - lit;
		if (!adjacent || cs.len != rcs.len || !ispan(s + cs.off, s + rcs.off, cs.len)) {
			convert(out, raw.p, raw.len, csid(s + rcs.off, rcs.len), s + rcs.off, rcs.len, line);
			buf_reset(&raw);
		}
		if (!adjacent)
			buf_add(out, s + lit, i - lit);
		if (b) {
			st.acc = 0;
			st.nbits = 0;
			b64_add(&st, &raw, s + text.off, text.len);
		} else
			qp_add(&raw, s + text.off, text.len, 1);
		rcs = cs;
		i += k;
		lit = end = i;
	}
	convert(out, raw.p, raw.len, csid(s + rcs.off, rcs.len), s + rcs.off, rcs.len, line);
	buf_add(out, s + lit, n - lit);
}

/* The value of parameter name in a structured header value ("text/plain;
 * charset=utf-8; name=\"a b.txt\""), unquoted, into out; 1 if found. */
static int
param(const char *v, size_t n, const char *name, struct buf *out)
{
	size_t i = 0, a, an;
	int q;

	for (;;) {
		for (q = 0; i < n && (q || v[i] != ';'); i++)
			if (v[i] == '"')
				q = !q;
			else if (v[i] == '\\' && q && i + 1 < n)
				i++;
		if (i++ >= n)
			return 0;
		i += nu_ltrim(v + i, n - i);
		for (a = i; i < n && v[i] != '=' && v[i] != ';' && !nu_isspace((unsigned char)v[i]); i++)
			;
		an = i - a;
		i += nu_ltrim(v + i, n - i);
		if (i >= n || v[i] != '=' || !nu_ieq(v + a, an, name))
			continue;
		i++;
		i += nu_ltrim(v + i, n - i);
		buf_reset(out);
		if (i < n && v[i] == '"') {
			for (i++; i < n && v[i] != '"'; i++) {
				if (v[i] == '\\' && i + 1 < n)
					i++;
				buf_addc(out, v[i]);
			}
		} else
			for (; i < n && v[i] != ';' && !nu_isspace((unsigned char)v[i]); i++)
				buf_addc(out, v[i]);
		return 1;
	}
}

/* A file name parameter, encoded-words decoded. */
static void
filename(const char *v, size_t n, const char *name, unsigned long line)
{
	if (!param(v, n, name, &tmp))
		return;
	buf_reset(&m.p.name);
	hdecode(&m.p.name, tmp.p, tmp.len, line);
}

/* What a header field says about MIME, at the top level or in a part. */
static void
mimefield(const char *name, size_t nn, const char *v, size_t n, unsigned long line)
{
	size_t k;

	if (!nu_iprefix(name, nn, "content-"))
		return;
	if (nu_ieq(name, nn, "content-type")) {
		for (k = 0; k < n && v[k] != ';' && !nu_isspace((unsigned char)v[k]); k++)
			;
		if (k) {
			buf_reset(&m.p.type);
			for (; k; k--, v++, n--)
				buf_addc(&m.p.type, nu_tolower((unsigned char)*v));
		}
		param(v, n, "charset", &m.p.charset);
		param(v, n, "boundary", &m.p.boundary);
		if (!m.p.name.len)
			filename(v, n, "name", line);
	} else if (nu_ieq(name, nn, "content-transfer-encoding")) {
		k = nu_rtrim(v, n);
		m.p.enc = nu_ieq(v, k, "quoted-printable") ? ENC_QP :
		    nu_ieq(v, k, "base64") ? ENC_B64 : ENC_ID;
	} else if (nu_ieq(name, nn, "content-disposition")) {
		m.p.attach = nu_iprefix(v, n, "attachment");
		filename(v, n, "filename", line);
	}
}

static void
partreset(int digest)
{
	buf_reset(&m.p.type);
	buf_adds(&m.p.type, digest ? "message/rfc822" : "text/plain");
	buf_reset(&m.p.charset);
	buf_reset(&m.p.boundary);
	buf_reset(&m.p.name);
	m.p.enc = ENC_ID;
	m.p.attach = 0;
}

static int
istype(const char *w)
{
	return nu_ieq(m.p.type.p, m.p.type.len, w);
}

/* A part that is not the text: its type, size and name as meta. */
static void
skipped(struct ctx *c, const char *type, size_t tn, size_t size, const char *name, size_t nn)
{
	char num[40];

	buf_reset(&tmp);
	buf_add(&tmp, type, tn);
	snprintf(num, sizeof num, "; %zu bytes", size);
	buf_adds(&tmp, num);
	if (nn) {
		buf_adds(&tmp, "; ");
		buf_add(&tmp, name, nn);
	}
	art_meta(c, "skipped_part", tmp.p, tmp.len);
}

/*
 * HTML to text, crudely: tags go, block tags end paragraphs, what is in
 * head, script, style and comments goes, and a few character references
 * are decoded.  This only keeps a newsletter that has no text/plain part
 * readable; a real HTML tokenizer is separate work.
 */
static const char *const blocktags[] = {
	"p", "div", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul",
	"ol", "dl", "dt", "dd", "table", "tr", "td", "th", "blockquote", "pre",
	"title", "section", "article", "header", "footer", NULL,
};
static const char *const droptags[] = {"head", "script", "style", NULL};

/* The paragraph gathered so far is complete. */
static void
hbreak(struct ctx *c, struct buf *b)
{
	if (!b->len)
		return;
	art_line(c, b->p, b->len);
	art_line(c, "", 0);
	buf_reset(b);
}

/* A character of the text, white space collapsed. */
static void
hput(struct buf *b, unsigned cp)
{
	char u[4];

	if (cp == ' ') {
		if (b->len && b->p[b->len - 1] != ' ')
			buf_addc(b, ' ');
		return;
	}
	buf_add(b, u, (size_t)utf8_put(u, cp));
}

/* Offset of "</name" (any case) at or after s[i], or n. */
static size_t
closetag(const char *s, size_t n, size_t i, const char *name, size_t nl)
{
	for (; i + 2 + nl <= n; i++)
		if (s[i] == '<' && s[i + 1] == '/' && ispan(s + i + 2, name, nl))
			return i;
	return n;
}

/* The markup at s[i] == '<': returns where it ends. */
static size_t
tag(struct ctx *c, struct buf *b, const char *s, size_t n, size_t i)
{
	const char *e;
	size_t j, k;

	if (n - i >= 4 && memcmp(s + i, "<!--", 4) == 0) {
		for (j = i + 4; j + 3 <= n && memcmp(s + j, "-->", 3) != 0; j++)
			;
		return j + 3 <= n ? j + 3 : n;
	}
	j = i + 1 + (i + 1 < n && s[i + 1] == '/');
	for (k = j; k < n && nu_isalnum((unsigned char)s[k]); k++)
		;
	if (k == j && !(i + 1 < n && s[i + 1] == '!')) {
		hput(b, '<');	/* "a < b" */
		return i + 1;
	}
	if (j == i + 1 && fmt_inlist(s + j, k - j, droptags))
		k = closetag(s, n, k, s + j, k - j);
	else if (fmt_inlist(s + j, k - j, blocktags))
		hbreak(c, b);
	e = memchr(s + k, '>', n - k);
	return e ? (size_t)(e - s) + 1 : n;
}

/* The character reference at s[0] == '&': its length, and the character
 * in *cp; 0 when it is none of the few known here. */
static size_t
entity(const char *s, size_t n, unsigned *cp)
{
	static const struct {
		const char *name;
		unsigned cp;
	} ents[] = {
		{"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}, {"apos", '\''},
		{"nbsp", ' '}, {"ndash", 0x2013}, {"mdash", 0x2014}, {"lsquo", 0x2018},
		{"rsquo", 0x2019}, {"ldquo", 0x201C}, {"rdquo", 0x201D},
		{"hellip", 0x2026}, {"copy", 0xA9}, {"euro", 0x20AC},
	};
	const char *e = memchr(s, ';', n < 12 ? n : 12);
	size_t i, len;
	int hex, d;

	if (!e || (len = (size_t)(e - s)) < 2)
		return 0;
	if (s[1] == '#') {
		hex = nu_tolower((unsigned char)s[2]) == 'x';
		for (*cp = 0, i = 2 + (size_t)hex; i < len; i++) {
			d = hex ? nu_hexval((unsigned char)s[i]) : nu_isdigit(s[i]) ? s[i] - '0' : -1;
			if (d < 0 || (*cp = *cp * (hex ? 16 : 10) + (unsigned)d) > 0x10FFFF)
				return 0;
		}
		if (i == 2 + (size_t)hex || *cp == 0 || (*cp >= 0xD800 && *cp < 0xE000))
			return 0;
		if (*cp < ' ' || *cp == 0xA0)
			*cp = ' ';
		return len + 1;
	}
	for (i = 0; i < sizeof ents / sizeof *ents; i++)
		if (strlen(ents[i].name) == len - 1 && memcmp(s + 1, ents[i].name, len - 1) == 0) {
			*cp = ents[i].cp;
			return len + 1;
		}
	return 0;
}

static void
html_text(struct ctx *c, const char *s, size_t n)
{
	static struct buf b;
	size_t i = 0, k;
	unsigned cp;

	buf_reset(&b);
	while (i < n) {
		if (s[i] == '<')
			i = tag(c, &b, s, n, i);
		else if (s[i] == '&' && (k = entity(s + i, n - i, &cp))) {
			hput(&b, cp);
			i += k;
		} else if (nu_isspace((unsigned char)s[i])) {
			hput(&b, ' ');
			i++;
		} else
			buf_addc(&b, s[i++]);
	}
	hbreak(c, &b);
}

/* A part's body begins: decide where its text goes. */
static void
leaf_open(struct ctx *c)
{
	int cs = csid(m.p.charset.p, m.p.charset.len);

	leaf.enc = m.p.enc;
	/* 8-bit text was read as Windows-1252 by the driver already */
	leaf.cs = leaf.enc == ENC_ID && cs == CS_1252 ? CS_UTF8 : cs;
	leaf.size = 0;
	leaf.started = leaf.soft = 0;
	leaf.b64.acc = 0;
	leaf.b64.nbits = 0;
	buf_reset(&leaf.line);
	leaf.sink = SKIP;
	if (!m.p.attach && !m.plain && istype("text/plain")) {
		leaf.sink = PLAIN;
		m.plain = 1;
		if (m.held)
			skipped(c, "text/html", 9, m.htmlsize, "", 0);
		m.held = 0;
	} else if (!m.p.attach && !m.plain && !m.held && istype("text/html")) {
		leaf.sink = HTML;
		m.held = 1;
		buf_reset(&m.html);
	}
	m.where = BODY;
}

/* A line of the text/plain part, in UTF-8. */
static void
plain(struct ctx *c, const char *s, size_t n)
{
	/* the signature separator "-- " stands apart, or the builder
	 * would join it to the next line as a hyphenated word */
	int sig = n == 3 && memcmp(s, "-- ", 3) == 0;

	if (sig)
		art_line(c, "", 0);
	art_line(c, s, n);
	if (sig)
		art_line(c, "", 0);
}

/* A complete decoded line of the text. */
static void
leaf_emit(struct ctx *c, const char *s, size_t n)
{
	if (n && s[n - 1] == '\r')
		n--;
	buf_reset(&conv);
	convert(&conv, s, n, leaf.cs, m.p.charset.p, m.p.charset.len, c->lineno);
	if (leaf.sink == PLAIN) {
		plain(c, conv.p, conv.len);
		return;
	}
	buf_add(&m.html, conv.p, conv.len);
	buf_addc(&m.html, '\n');
}

/* Decoded bytes of the part: counted, and cut into lines if they are text. */
static void
leaf_bytes(struct ctx *c, const char *s, size_t n)
{
	const char *nl;
	size_t k;

	leaf.size += n;
	if (leaf.sink == SKIP || n == 0)
		return;
	while ((nl = memchr(s, '\n', n))) {
		k = (size_t)(nl - s);
		if (leaf.line.len) {
			buf_add(&leaf.line, s, k);
			leaf_emit(c, leaf.line.p, leaf.line.len);
			buf_reset(&leaf.line);
		} else
			leaf_emit(c, s, k);
		s += k + 1;
		n -= k + 1;
	}
	buf_add(&leaf.line, s, n);
}

/* A raw line of the part's body. */
static void
leaf_line(struct ctx *c, const char *s, size_t n)
{
	if (leaf.enc == ENC_B64) {
		buf_reset(&dec);
		b64_add(&leaf.b64, &dec, s, n);
		leaf_bytes(c, dec.p, dec.len);
		return;
	}
	if (leaf.enc == ENC_ID && leaf.sink == PLAIN && leaf.cs == CS_UTF8) {
		/* most text: the driver made the line valid UTF-8 already,
		 * and the line break before a boundary, which is not content,
		 * ends no line of text/plain that the builder would see: so
		 * no copy, and no waiting for the next line */
		if (n && s[n - 1] == '\r')
			n--;
		plain(c, s, n);
		return;
	}
	/* the line break before a line is content, the one before the next
	 * boundary is not (RFC 2046), and a soft one is none */
	if (leaf.started && !leaf.soft)
		leaf_bytes(c, "\n", 1);
	leaf.started = 1;
	if (leaf.enc == ENC_QP) {
		buf_reset(&dec);
		leaf.soft = qp_add(&dec, s, n, 0);
		leaf_bytes(c, dec.p, dec.len);
	} else
		leaf_bytes(c, s, n);
}

static void
leaf_close(struct ctx *c)
{
	if (leaf.sink != SKIP && leaf.line.len)
		leaf_emit(c, leaf.line.p, leaf.line.len);
	buf_reset(&leaf.line);
	if (leaf.sink == SKIP)
		skipped(c, m.p.type.p, m.p.type.len, leaf.size, m.p.name.p, m.p.name.len);
	else if (leaf.sink == HTML)
		m.htmlsize = leaf.size;
}

/* A multipart begins. */
static void
push(void)
{
	struct level *l = &m.lv[m.depth++];

	buf_reset(&l->boundary);
	buf_add(&l->boundary, m.p.boundary.p, m.p.boundary.len);
	buf_reset(&l->pre);
	l->seen = 0;
	l->digest = istype("multipart/digest");
	m.where = PRE;
}

/* The innermost multipart ends.  One whose boundary never came has its
 * whole body in the preamble: that is read as plain text, not lost. */
static void
pop(struct ctx *c)
{
	struct level *l = &m.lv[--m.depth];
	size_t i, j;

	if (l->seen)
		return;
	nu_warn("%s:%lu: MIME boundary \"%.*s\" not found: body read as plain text",
	    c->source, m.from, (int)l->boundary.len, l->boundary.p);
	partreset(0);
	leaf_open(c);
	for (i = 0; i < l->pre.len; i = j + 1) {
		for (j = i; l->pre.p[j] != '\n'; j++)
			;
		leaf_line(c, l->pre.p + i, j - i);
	}
	leaf_close(c);
}

/* The header block ended: the body after it is a multipart or a leaf. */
static void endheaders(struct ctx *c);

/* The level whose boundary line this is, or -1; *close when it is the
 * closing one ("--boundary--"). */
static int
boundary(const char *s, size_t n, int *close)
{
	const char *rest;
	size_t bl, r;
	int i;

	if (n < 2 || s[0] != '-' || s[1] != '-')
		return -1;
	for (i = m.depth - 1; i >= 0; i--) {
		bl = m.lv[i].boundary.len;
		if (n - 2 < bl || memcmp(s + 2, m.lv[i].boundary.p, bl) != 0)
			continue;
		rest = s + 2 + bl;
		r = n - 2 - bl;
		*close = r >= 2 && rest[0] == '-' && rest[1] == '-';
		if (*close) {
			rest += 2;
			r -= 2;
		}
		if (nu_rtrim(rest, r) == 0)
			return i;
	}
	return -1;
}

/* The non-blank lines of b (LF-separated) as meta KEY: a MIME preamble
 * ("This is a multi-part message in MIME format.") says little, but
 * nothing is dropped unseen. */
static void
keeplines(struct ctx *c, const char *key, const struct buf *b)
{
	size_t i, j;

	for (i = 0; i < b->len; i = j + 1) {
		for (j = i; j < b->len && b->p[j] != '\n'; j++)
			;
		art_meta(c, key, b->p + i, j - i);	/* blank: art_meta skips it */
	}
}

/* A boundary line of level lv: the part before it ends, and inner
 * multiparts left open with it. */
static void
onboundary(struct ctx *c, int lv, int close)
{
	if (m.where == PHEAD)
		endheaders(c);
	if (m.where == BODY)
		leaf_close(c);
	while (m.depth > lv + 1)
		pop(c);
	if (!m.lv[lv].seen)
		keeplines(c, "mime_preamble", &m.lv[lv].pre);
	m.lv[lv].seen = 1;
	if (close) {
		pop(c);
		m.where = EPI;	/* its lines are kept as meta */
		return;
	}
	partreset(m.lv[lv].digest);
	m.where = PHEAD;
}

/* Length of the field name when s begins a header field, else 0. */
static size_t
fieldname(const char *s, size_t n)
{
	size_t i, j;

	for (i = 0; i < n && (unsigned char)s[i] > ' ' && (unsigned char)s[i] < 0x7f && s[i] != ':'; i++)
		;
	for (j = i; j < n && (s[j] == ' ' || s[j] == '\t'); j++)
		;
	return j < n && s[j] == ':' ? i : 0;
}

/* A complete (unfolded) header field: at the top level a meta record,
 * anywhere what it says about MIME. */
static void
field(struct ctx *c)
{
	const char *s = m.hdr.p, *v;
	size_t n = m.hdr.len, k, i, vn;

	if (!n)
		return;
	k = fieldname(s, n);
	v = (const char *)memchr(s, ':', n) + 1;
	vn = n - (size_t)(v - s);
	i = nu_ltrim(v, vn);
	v += i;
	vn -= i;
	mimefield(s, k, v, vn, m.hdrline);
	if (m.where == HEAD) {
		buf_reset(&key);
		if (nu_ieq(s, k, "subject")) {
			buf_adds(&key, "title");
		} else {	/* written unescaped; the builder knows "date" in lower case */
			buf_grow(&key, k);
			for (i = 0; i < k; i++)
				key.p[i] = nu_isalnum((unsigned char)s[i]) ? (char)nu_tolower((unsigned char)s[i]) : '_';
			key.p[key.len = k] = '\0';
		}
		buf_reset(&conv);
		hdecode(&conv, v, vn, m.hdrline);
		art_meta(c, key.p, conv.p, conv.len);
	}
	buf_reset(&m.hdr);
}

static void
endheaders(struct ctx *c)
{
	field(c);
	if (nu_iprefix(m.p.type.p, m.p.type.len, "multipart/")) {
		if (m.p.boundary.len && m.depth < MAXDEPTH) {
			push();
			return;
		}
		if (!m.p.boundary.len) {
			nu_warn("%s:%lu: multipart without a boundary: body read as plain text",
			    c->source, c->lineno);
			partreset(0);
		}
	}
	leaf_open(c);
}

/* A line of a header block; 0 when it is none, and the body begins. */
static int
header(struct ctx *c, const char *s, size_t n)
{
	size_t k;

	if (nu_rtrim(s, n) == 0) {
		endheaders(c);
		return 1;
	}
	if ((s[0] == ' ' || s[0] == '\t') && m.hdr.len) {
		/* folded: the line break and the indent become one space */
		m.hdr.len = nu_rtrim(m.hdr.p, m.hdr.len);
		buf_addc(&m.hdr, ' ');
		k = nu_ltrim(s, n);
		buf_add(&m.hdr, s + k, n - k);
		return 1;
	}
	if (fieldname(s, n)) {
		field(c);
		m.hdrline = c->lineno;
		buf_add(&m.hdr, s, n);
		return 1;
	}
	endheaders(c);
	return 0;
}

/* A line of the message, with the mbox layer taken off. */
static void
msgline(struct ctx *c, const char *s, size_t n)
{
	int lv, close;

	if (m.depth && (lv = boundary(s, n, &close)) >= 0) {
		onboundary(c, lv, close);
		return;
	}
	if ((m.where == HEAD || m.where == PHEAD) && header(c, s, n))
		return;
	if (m.where == PRE) {
		buf_add(&m.lv[m.depth - 1].pre, s, n);
		buf_addc(&m.lv[m.depth - 1].pre, '\n');
	} else if (m.where == BODY)
		leaf_line(c, s, n);
	else if (m.where == EPI)
		art_meta(c, "mime_epilogue", s, n);
}

/* Hand the held empty lines to the message; at its end the last of them
 * is the separator before the next From_ line, not message text. */
static void
blanklines(struct ctx *c, int end)
{
	if (end && blanks)
		blanks--;
	for (; blanks; blanks--)
		msgline(c, "", 0);
}

static void
startmsg(struct ctx *c, const char *from, size_t n)
{
	art_start(c);
	inmsg = 1;
	m.from = c->lineno;
	m.where = HEAD;
	m.depth = 0;
	m.plain = m.held = 0;
	buf_reset(&m.hdr);
	partreset(0);
	art_meta(c, "mbox_from", from, n);
}

static void
endmsg(struct ctx *c)
{
	int i, cut = 0;

	if (!inmsg)
		return;
	blanklines(c, 1);
	if (m.where == HEAD || m.where == PHEAD)
		endheaders(c);
	if (m.where == BODY)
		leaf_close(c);
	for (i = 0; i < m.depth; i++)
		cut |= m.lv[i].seen;
	if (cut)
		nu_warn("%s:%lu: message ends before its closing MIME boundary: kept as far as it goes",
		    c->source, m.from);
	while (m.depth)
		pop(c);
	if (m.held && !m.plain)
		html_text(c, m.html.p, m.html.len);
	art_finish(c);
	inmsg = 0;
}

/* A From_ line: "From ", the sender, then a date with a time of day
 * ("From sender@example.org Mon Mar  2 07:00:01 2020").  A news text may
 * begin "From our correspondent", and an unescaped body paragraph "From
 * the harbour ...", hence the time, for detection and in the file. */
static int
fromline(const char *s, size_t n)
{
	size_t i = 5;

	if (!nu_prefix(s, n, "From "))
		return 0;
	while (i < n && s[i] != ' ')
		i++;
	if (i == 5)
		return 0;
	for (; i + 3 < n; i++)
		if (nu_isdigit(s[i]) && s[i + 1] == ':' && nu_isdigit(s[i + 2]) && nu_isdigit(s[i + 3]))
			return 1;
	return 0;
}

static int
sniff_mb(const char *s, size_t n, unsigned long lineno)
{
	return lineno == 1 && fromline(s, n);
}

static void
start(struct ctx *c)
{
	(void)c;
	inmsg = 0;
	blanks = 0;
	memset(&oddcs, 0, sizeof oddcs);
	memset(&oddbytes, 0, sizeof oddbytes);
}

static void
line(struct ctx *c, const char *s, size_t n)
{
	size_t k;

	if (n == 0) {
		blanks += inmsg;	/* empty lines before the first message are nothing */
		return;
	}
	/* the first line is the From_ line if it can be at all (-f mbox);
	 * later ones must look like one */
	if ((!inmsg && nu_prefix(s, n, "From ")) || (blanks && fromline(s, n))) {
		endmsg(c);
		startmsg(c, s + 5, n - 5);
		return;
	}
	blanklines(c, 0);
	if (!inmsg)	/* forced on a file that has no From_ line: one message */
		startmsg(c, "", 0);
	/* mboxrd: ">From " stands for "From ", ">>From " for ">From " */
	for (k = 0; k < n && s[k] == '>'; k++)
		;
	if (k && nu_prefix(s + k, n - k, "From ")) {
		s++;
		n--;
	}
	msgline(c, s, n);
}

static void
finish(struct ctx *c)
{
	endmsg(c);
	if (oddbytes.n)
		nu_warn("%s:%lu: %lu byte%s of decoded text not valid in %s, read as Windows-1252",
		    c->source, oddbytes.line, oddbytes.n, oddbytes.n == 1 ? "" : "s",
		    oddbytes.cs);
	if (oddcs.n)
		nu_warn("%s:%lu: charset %s not supported (%lu text%s): valid UTF-8 kept, other bytes read as Windows-1252",
		    c->source, oddcs.line, oddcs.cs, oddcs.n, oddcs.n == 1 ? "" : "s");
}

const struct fmt fmt_mbox = {"mbox", sniff_mb, start, line, finish, NULL};
