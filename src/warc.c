/* warc.c: a streaming reader of WARC and WET records (see warc.h).
 *
 * One state machine over the bytes, so that a block may end anywhere: in
 * "WARC/1.", in a header line, in a chunk-size line.  Headers are gathered
 * (bounded by WARC_MAXHEAD); bodies are passed on from the caller's block
 * without copying.  A record ends when its Content-Length bytes are read;
 * what follows must be blank lines, then the next "WARC/1." line.  Only
 * after a broken record do we skip lines to the next "WARC/1.". */
#include "nu.h"
#include "warc.h"

#include <stdarg.h>
#include <stdlib.h>

enum { ST_SYNC, ST_HEAD, ST_HTTP, ST_BODY, ST_SKIP, ST_CHUNK, ST_STOP };
/* in a chunked body: the size line (digits, then blanks, then an
 * extension), the data, the trailer (at a line's start, inside a line),
 * the end */
enum { CH_SIZE, CH_BWS, CH_EXT, CH_DATA, CH_TRAILER, CH_TLINE, CH_DONE };

#define MAGIC "WARC/1."
#define MAGICLEN 7

struct warc {
	struct warccb cb;
	void *arg;
	int state, ch;
	uint64_t pos;		/* offset of the next byte fed */
	uint64_t left;		/* bytes of the record block still to come */
	uint64_t lpos;		/* offset of the current record header line */
	size_t lstart;		/* and where it starts in head */
	int match;		/* ST_SYNC: bytes of MAGIC at this line's start; -1: none */
	int quiet;		/* ST_SYNC: junk was warned about already */
	uint64_t chleft;	/* bytes of the current chunk still to come */
	int first;		/* the first chunk-size line: the body may not be
				   chunked at all (a writer that decoded it kept
				   the header), then it is passed on as it is */
	int ndig;		/* hex digits of the size line */
	size_t nline;		/* its bytes in line[] */
	char line[32];
	struct warcrec rec;
	char charset[64];
	struct buf head, http;
	struct warcstat st;
};

static const char *const tnames[WT_N] = {
	"other", "warcinfo", "response", "resource", "request", "metadata",
	"revisit", "conversion", "continuation"
};
static const char *const snames[WS_N] = { "none", "type", "http", "encoded", "declined" };

/* the header fields we keep, and where their values go in fields() */
static const char *const wfields[] = {
	"WARC-Type", "WARC-Record-ID", "WARC-Target-URI", "WARC-Date",
	"Content-Type", "Content-Length", NULL
};
enum { WF_TYPE, WF_ID, WF_URI, WF_DATE, WF_CTYPE, WF_LEN, WF_N };
static const char *const hfields[] = {
	"Content-Type", "Content-Encoding", "Transfer-Encoding", NULL
};
enum { HF_CTYPE, HF_CENC, HF_TENC, HF_N };

static void
warnf(struct warc *w, uint64_t off, const char *fmt, ...)
{
	char msg[160];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	w->st.warnings++;
	if (w->cb.warn)
		w->cb.warn(w->arg, off, msg);
}

/* Look for the next record; midline: the current line is not one. */
static void
resync(struct warc *w, int quiet, int midline)
{
	w->state = ST_SYNC;
	w->match = midline ? -1 : 0;
	w->quiet = quiet;
}

static void
deliver(struct warc *w, const char *s, size_t n)
{
	if (!n)
		return;
	w->st.bodybytes += n;
	if (w->cb.body)
		w->cb.body(w->arg, s, n);
}

static void
finish(struct warc *w)
{
	if (w->rec.trunc)
		w->st.truncated++;
	if (w->cb.end)
		w->cb.end(w->arg, &w->rec);
	resync(w, 0, 0);
}

/* The header is read: the caller decides on the body. */
static void
begin(struct warc *w)
{
	struct warcrec *r = &w->rec;
	int want = w->cb.begin ? w->cb.begin(w->arg, r) : 1;

	if (!r->skip && !want)
		r->skip = WS_DECLINED;
	w->st.skip[r->skip]++;
	w->state = r->skip ? ST_SKIP : r->chunked ? ST_CHUNK : ST_BODY;
	w->ch = CH_SIZE;
	w->first = 1;
	w->ndig = 0;
	w->nline = 0;
	w->chleft = 0;
	if (w->left == 0)
		finish(w);
}

/* ---- header fields ---- */

/* NUL-terminate the line at p (without its CR LF); the next one */
static char *
endline(char *p, char *end)
{
	char *nl = memchr(p, '\n', (size_t)(end - p));

	if (!nl)
		nl = end;	/* the buffer's own NUL */
	*nl = '\0';
	if (nl > p && nl[-1] == '\r')
		nl[-1] = '\0';
	return nl < end ? nl + 1 : end;
}

/* The values of the fields named in names (the first of repeated ones),
 * trimmed and NUL-terminated in b, into v; NULL when absent.  The first
 * line (version or status line) is only terminated. */
static void
fields(struct buf *b, const char *const *names, const char **v)
{
	char *p = b->p, *end = b->p + b->len, *next, *c;
	size_t i, nl, vl, lead;

	for (i = 0; names[i]; i++)
		v[i] = NULL;
	for (p = endline(p, end); p < end; p = next) {
		next = endline(p, end);
		if (!(c = strchr(p, ':')))
			continue;	/* a folded or broken line */
		nl = nu_rtrim(p, (size_t)(c - p));
		for (i = 0; names[i] && (v[i] || !nu_ieq(p, nl, names[i])); i++)
			;
		if (!names[i])
			continue;
		c++;
		vl = strlen(c);
		lead = nu_ltrim(c, vl);
		c[lead + nu_rtrim(c + lead, vl - lead)] = '\0';
		v[i] = c + lead;
	}
}

/* <uri> as the WARC 1.0 grammar writes it, without the brackets */
static const char *
unangle(const char *s)
{
	size_t n = strlen(s);

	if (n >= 2 && s[0] == '<' && s[n - 1] == '>') {
		((char *)s)[n - 1] = '\0';
		return s + 1;
	}
	return s;
}

static int
parse_len(const char *s, uint64_t *len)
{
	uint64_t v = 0;
	size_t i;

	for (i = 0; nu_isdigit((unsigned char)s[i]); i++) {
		if (i == 18)
			return 0;
		v = v * 10 + (uint64_t)(s[i] - '0');
	}
	*len = v;
	return i > 0 && !s[i];
}

static int
type_of(const char *s)
{
	int t;

	for (t = 1; t < WT_N; t++)
		if (nu_ieq(s, strlen(s), tnames[t]))
			return t;
	return WT_OTHER;
}

static void
rec_clear(struct warcrec *r, char *charset)
{
	uint64_t off = r->off;

	memset(r, 0, sizeof *r);
	r->off = off;
	r->version = r->typestr = r->id = r->uri = r->date = r->ctype = "";
	r->hctype = r->encoding = "";
	charset[0] = '\0';
	r->charset = charset;
}

/* ---- the HTTP header of a response record ---- */

/* "HTTP/1.1 200 OK", "HTTP/2 404": the code, or 0 */
static int
status_code(const char *s)
{
	if (strncmp(s, "HTTP/", 5) != 0)
		return 0;
	s += strcspn(s, " ");
	s += strspn(s, " ");
	if (!nu_isdigit((unsigned char)s[0]) || !nu_isdigit((unsigned char)s[1]) ||
	    !nu_isdigit((unsigned char)s[2]) || (s[3] && s[3] != ' '))
		return 0;
	return (s[0] - '0') * 100 + (s[1] - '0') * 10 + (s[2] - '0');
}

/* The charset parameter of a Content-Type, unquoted, into out (size
 * bytes); a longer one is left out. */
static void
param_charset(const char *ct, char *out, size_t size)
{
	const char *p = ct, *v;
	size_t n;

	while ((p = strchr(p, ';'))) {
		p++;
		p += strspn(p, " \t");
		if (!nu_iprefix(p, strlen(p), "charset="))
			continue;
		v = p + 8;
		v += *v == '"' || *v == '\'';
		n = strcspn(v, "\"'; \t");
		if (n < size) {
			memcpy(out, v, n);
			out[n] = '\0';
		}
		return;
	}
}

static int
is_identity(const char *s)
{
	return !s || !*s || nu_ieq(s, strlen(s), "identity");
}

/* Transfer-Encoding "chunked" we decode; any other coding (gzip, or
 * "gzip, chunked") and any Content-Encoding are compression */
static void
codings(struct warcrec *r, const char *ce, const char *te)
{
	size_t n = te ? strlen(te) : 0;

	if (n >= 7 && nu_ieq(te + n - 7, 7, "chunked"))
		r->chunked = 1;
	if (!is_identity(ce))
		r->encoding = ce;
	else if (!is_identity(te) && !nu_ieq(te, n, "chunked"))
		r->encoding = te;
}

static void
http_done(struct warc *w)
{
	struct warcrec *r = &w->rec;
	const char *v[HF_N];

	buf_add(&w->http, "", 0);	/* a buffer, even for an empty block */
	fields(&w->http, hfields, v);
	if (!(r->status = status_code(w->http.p))) {
		warnf(w, r->off, "response record without an HTTP status line");
		r->skip = WS_HTTP;
	}
	if (v[HF_CTYPE]) {
		r->hctype = v[HF_CTYPE];
		param_charset(r->hctype, w->charset, sizeof w->charset);
	}
	codings(r, v[HF_CENC], v[HF_TENC]);
	if (!r->skip && *r->encoding)
		r->skip = WS_ENCODED;
	begin(w);
}

static size_t
http_step(struct warc *w, const char *s, size_t n)
{
	size_t k = n < w->left ? n : (size_t)w->left;
	const char *nl = memchr(s, '\n', k);
	const char *line;

	if (nl)
		k = (size_t)(nl - s) + 1;
	if (w->http.len + k >= WARC_MAXHEAD) {
		warnf(w, w->rec.off, "HTTP header longer than %d bytes", WARC_MAXHEAD);
		w->rec.skip = WS_HTTP;
		begin(w);
		return 0;
	}
	buf_add(&w->http, s, k);
	w->left -= k;
	line = w->http.p + w->lstart;
	if (w->left == 0 || (nl && (line[0] == '\n' || (line[0] == '\r' && line[1] == '\n'))))
		http_done(w);
	else if (nl)
		w->lstart = w->http.len;
	return k;
}

/* ---- the record header ---- */

static void
take_fields(struct warcrec *r, const char **v)
{
	r->typestr = v[WF_TYPE] ? v[WF_TYPE] : "";
	r->type = type_of(r->typestr);
	r->id = v[WF_ID] ? unangle(v[WF_ID]) : "";
	r->uri = v[WF_URI] ? unangle(v[WF_URI]) : "";
	r->date = v[WF_DATE] ? v[WF_DATE] : "";
	r->ctype = v[WF_CTYPE] ? v[WF_CTYPE] : "";
}

static void
head_done(struct warc *w)
{
	struct warcrec *r = &w->rec;
	const char *v[WF_N];

	rec_clear(r, w->charset);
	fields(&w->head, wfields, v);
	r->version = w->head.p;
	if (!v[WF_LEN] || !parse_len(v[WF_LEN], &r->len)) {
		if (v[WF_LEN])
			warnf(w, r->off, "bad Content-Length: %.40s", v[WF_LEN]);
		else
			warnf(w, r->off, "no Content-Length");
		resync(w, 1, 0);
		return;
	}
	take_fields(r, v);
	w->st.records++;
	w->st.type[r->type]++;
	w->left = r->len;
	if (r->type == WT_RESPONSE && (!*r->ctype || nu_iprefix(r->ctype, strlen(r->ctype),
	    "application/http"))) {
		buf_reset(&w->http);
		w->lstart = 0;
		w->state = ST_HTTP;
		if (w->left == 0)
			http_done(w);
		return;
	}
	if (r->type != WT_CONVERSION)
		r->skip = WS_TYPE;
	begin(w);
}

/* Where "WARC/1." is in a header line (from 1 on in the version line), or
 * n: a file cut inside a header and another appended leave one there. */
static size_t
magic_at(const char *s, size_t n, int from)
{
	const char *p = s + from;

	while ((p = memchr(p, 'W', n - (size_t)(p - s))))
		if (nu_prefix(p, n - (size_t)(p - s), MAGIC))
			return (size_t)(p - s);
		else
			p++;
	return n;
}

/* A complete header line, the next one starting at offset next. */
static void
head_line(struct warc *w, uint64_t next)
{
	char *line = w->head.p + w->lstart;
	size_t n = w->head.len - w->lstart, m;

	if (n == 1 || (n == 2 && line[0] == '\r')) {
		head_done(w);
		return;
	}
	if ((m = magic_at(line, n, w->lstart == 0)) < n) {
		/* the header was cut and a new record begins */
		warnf(w, w->rec.off, "record header cut short");
		memmove(w->head.p, line + m, n - m + 1);
		w->head.len = n - m;
		w->rec.off = w->lpos + m;
	}
	w->lstart = w->head.len;
	w->lpos = next;
}

static size_t
head_step(struct warc *w, const char *s, size_t n)
{
	const char *nl = memchr(s, '\n', n);
	size_t k = nl ? (size_t)(nl - s) + 1 : n;

	if (w->head.len + k >= WARC_MAXHEAD) {
		warnf(w, w->rec.off, "record header longer than %d bytes", WARC_MAXHEAD);
		resync(w, 1, 1);
		return 0;
	}
	buf_add(&w->head, s, k);
	if (nl)
		head_line(w, w->pos + k);
	return k;
}

/* ---- between records ---- */

static void
junk(struct warc *w, const char *s, size_t i)
{
	uint64_t off = w->match > 0 ? w->rec.off : w->pos + i;

	if (off == 0 && (unsigned char)s[i] == 0x1f) {
		warnf(w, 0, "gzip-compressed input: decompress it first (zcat)");
		w->state = ST_STOP;
		return;
	}
	if (!w->quiet)
		warnf(w, off, w->st.records ? "junk after a record (wrong Content-Length?)" :
		    "not a WARC record");
	w->quiet = 1;
	w->match = -1;
}

static size_t
sync_step(struct warc *w, const char *s, size_t n)
{
	const char *nl;
	size_t i = 0;

	while (i < n && w->state == ST_SYNC) {
		if (w->match < 0) {
			if (!(nl = memchr(s + i, '\n', n - i)))
				return n;
			i = (size_t)(nl - s) + 1;
			w->match = 0;
		} else if (w->match == 0 && (s[i] == '\n' || s[i] == '\r')) {
			i++;	/* the blank lines after a record */
		} else if (s[i] == MAGIC[w->match]) {
			if (w->match++ == 0)
				w->rec.off = w->pos + i;
			i++;
			if (w->match == MAGICLEN) {
				buf_reset(&w->head);
				buf_add(&w->head, MAGIC, MAGICLEN);
				w->lstart = 0;
				w->lpos = w->rec.off;
				w->state = ST_HEAD;
			}
		} else
			junk(w, s, i);
	}
	return i;
}

/* ---- bodies ---- */

static size_t
body_step(struct warc *w, const char *s, size_t n)
{
	size_t k = n < w->left ? n : (size_t)w->left;

	if (w->state == ST_BODY)
		deliver(w, s, k);
	w->left -= k;
	if (w->left == 0)
		finish(w);
	return k;
}

static void
size_done(struct warc *w)
{
	w->first = 0;
	w->ndig = 0;
	w->nline = 0;
	w->ch = w->chleft ? CH_DATA : CH_TRAILER;
}

/* A byte that fits no chunk-size line: in the first one, the body was
 * not chunked after all (the line so far is passed on, and c after it);
 * later, the chunks are broken and the rest of the record is skipped. */
static int
bad_chunk(struct warc *w, uint64_t off)
{
	if (w->first) {
		w->state = ST_BODY;
		w->rec.chunked = 0;
		deliver(w, w->line, w->nline);
		return 0;
	}
	warnf(w, off, "bad chunk-size line");
	w->rec.trunc = 1;
	w->ch = CH_DONE;
	return 1;
}

/* A byte of a chunk-size line: hex digits, blanks, ";" and an extension,
 * CR LF; 0 when it is not taken (see bad_chunk). */
static int
size_byte(struct warc *w, int c, uint64_t off)
{
	int h = nu_hexval(c);

	if (w->ch == CH_SIZE && w->ndig == 0 && (c == '\r' || c == '\n'))
		return 1;	/* the CR LF after the data */
	if (w->nline == sizeof w->line)
		return bad_chunk(w, off);
	w->line[w->nline++] = (char)c;
	if (w->ch == CH_SIZE && h >= 0 && w->ndig < 15) {
		w->chleft = w->chleft * 16 + (uint64_t)h;
		w->ndig++;
	} else if (w->ndig == 0) {
		w->nline--;
		return bad_chunk(w, off);
	} else if (c == ';')
		w->ch = CH_EXT;
	else if (c == '\n')
		size_done(w);
	else if (c == ' ' || c == '\t' || c == '\r')
		w->ch = CH_BWS;
	else {
		w->nline--;
		return bad_chunk(w, off);
	}
	return 1;
}

/* One byte of the chunk framing; 0 when it is not taken. */
static int
chunk_byte(struct warc *w, int c, uint64_t off)
{
	switch (w->ch) {
	case CH_SIZE:
	case CH_BWS:
		return size_byte(w, c, off);
	case CH_EXT:
		if (c == '\n')
			size_done(w);
		break;
	case CH_TRAILER:
		if (c == '\n')
			w->ch = CH_DONE;
		else if (c != '\r')
			w->ch = CH_TLINE;
		break;
	case CH_TLINE:
		if (c == '\n')
			w->ch = CH_TRAILER;
		break;
	}
	return 1;
}

static size_t
chunk_run(struct warc *w, const char *s, size_t k)
{
	size_t i;

	if (w->ch == CH_DATA) {
		i = k < w->chleft ? k : (size_t)w->chleft;
		deliver(w, s, i);
		if ((w->chleft -= i) == 0)
			w->ch = CH_SIZE;
		return i;
	}
	if (w->ch == CH_DONE)
		return k;	/* what follows the last chunk is ignored */
	for (i = 0; i < k && w->ch != CH_DATA && w->ch != CH_DONE; i++)
		if (!chunk_byte(w, (unsigned char)s[i], w->pos + i))
			return i;
	return i;
}

static size_t
chunk_step(struct warc *w, const char *s, size_t n)
{
	size_t k = chunk_run(w, s, n < w->left ? n : (size_t)w->left);

	w->left -= k;
	if (w->left > 0)
		return k;
	if (w->state == ST_CHUNK && w->ch != CH_DONE && w->ch != CH_TRAILER &&
	    w->ch != CH_TLINE && !(w->first && w->nline == 0)) {
		warnf(w, w->pos + k, "chunked body without its last chunk");
		w->rec.trunc = 1;
	}
	finish(w);
	return k;
}

/* ---- the interface ---- */

struct warc *
warc_new(const struct warccb *cb, void *arg)
{
	struct warc *w = nu_alloc(sizeof *w);

	memset(w, 0, sizeof *w);
	w->cb = *cb;
	w->arg = arg;
	rec_clear(&w->rec, w->charset);
	return w;
}

void
warc_feed(struct warc *w, const char *s, size_t n)
{
	size_t k;

	while (n > 0) {
		switch (w->state) {
		case ST_SYNC:
			k = sync_step(w, s, n);
			break;
		case ST_HEAD:
			k = head_step(w, s, n);
			break;
		case ST_HTTP:
			k = http_step(w, s, n);
			break;
		case ST_CHUNK:
			k = chunk_step(w, s, n);
			break;
		case ST_BODY:
		case ST_SKIP:
			k = body_step(w, s, n);
			break;
		default:
			k = n;	/* ST_STOP */
		}
		s += k;
		n -= k;
		w->pos += k;
	}
}

void
warc_end(struct warc *w)
{
	struct warcrec *r = &w->rec;

	if ((w->state == ST_SYNC && w->match > 0) || w->state == ST_HEAD)
		warnf(w, r->off, "record header cut short");
	else if (w->state == ST_HTTP || w->state == ST_BODY || w->state == ST_SKIP ||
	    w->state == ST_CHUNK) {
		warnf(w, r->off, "record cut short: %llu of %llu bytes",
		    (unsigned long long)(r->len - w->left), (unsigned long long)r->len);
		r->trunc = 1;
		if (w->state == ST_HTTP)
			w->st.truncated++;	/* no begin, so no end */
		else
			finish(w);
	}
	resync(w, 0, 0);
	w->pos = 0;
}

const struct warcstat *
warc_stat(struct warc *w)
{
	w->st.bufcap = w->head.cap + w->http.cap;
	return &w->st;
}

void
warc_free(struct warc *w)
{
	if (!w)
		return;
	buf_free(&w->head);
	buf_free(&w->http);
	free(w);
}

const char *
warc_typename(int type)
{
	return type > 0 && type < WT_N ? tnames[type] : tnames[0];
}

const char *
warc_skipname(int skip)
{
	return skip >= 0 && skip < WS_N ? snames[skip] : "?";
}
