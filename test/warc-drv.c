/* warc-drv: the WARC reader (src/warc.c) on a file, for test/warc.bats.
 *
 *	warc-drv [-a | -q] [-b N] [-s] [-t | -n N] [file]
 *
 * Reads the file (standard input without one) in blocks of N bytes (-b,
 * 65536) and writes each record: its offset, type and length, the header
 * fields, the HTTP status and header fields, why it has no body (skip),
 * then "end", the body's length and its first and last 20 bytes quoted
 * (-a: all of it; -q: none); warnings in between as "warn OFFSET reason";
 * the counts last.  Bytes outside printable ASCII are written \xHH.
 * -s: take bodies only of HTTP 200 text/html and of WET text, as nsplit
 * will.
 * -t: for every prefix of the input (0 bytes, 1 byte ... all), a new
 * reader on it, and one line: "LEN rec=R trunc=T body=B" and its warnings.
 * -n: read the input N times and write nothing (for perf stat). */
#include "nu.h"
#include "warc.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#define EDGE 20

static int aflag, qflag, sflag, tflag;
static struct {
	uint64_t len;
	int chunked;			/* the header said so */
	int open;			/* -a: a quoted body is being written */
	char first[EDGE], last[EDGE];	/* last: a ring */
} body;

/* s escaped as in C, without quotes: the body of -a comes in pieces */
static void
esc(const char *s, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	unsigned char c;
	size_t i;

	for (i = 0; i < n; i++) {
		c = (unsigned char)s[i];
		if (c == '\\' || c == '"') {
			out_c('\\');
			out_c(c);
		} else if (c >= 0x20 && c < 0x7f)
			out_c(c);
		else if (c == '\n')
			out_s("\\n");
		else if (c == '\r')
			out_s("\\r");
		else if (c == '\t')
			out_s("\\t");
		else {
			out_s("\\x");
			out_c(hex[c >> 4]);
			out_c(hex[c & 15]);
		}
	}
}

static void
quote(const char *s, size_t n)
{
	out_c('"');
	esc(s, n);
	out_c('"');
}

static void
field(const char *name, const char *v)
{
	if (!*v)
		return;
	out_s("  ");
	out_s(name);
	out_c(' ');
	quote(v, strlen(v));
	out_c('\n');
}

static int
begin(void *arg, const struct warcrec *r)
{
	(void)arg;
	body.len = 0;
	body.chunked = r->chunked;
	if (tflag)
		return 1;
	out_s("record ");
	out_u((unsigned long)r->off);
	out_c(' ');
	out_s(warc_typename(r->type));
	out_s(" len=");
	out_u((unsigned long)r->len);
	out_c('\n');
	field("version", r->version);
	if (r->type == WT_OTHER)
		field("type", r->typestr);
	field("id", r->id);
	field("uri", r->uri);
	field("date", r->date);
	field("ctype", r->ctype);
	if (r->status) {
		out_s("  http ");
		out_u((unsigned long)r->status);
		out_s(r->chunked ? " chunked\n" : "\n");
	}
	field("hctype", r->hctype);
	field("charset", r->charset);
	field("encoding", r->encoding);
	return !sflag || r->type == WT_CONVERSION ||
	    (r->status == 200 && nu_iprefix(r->hctype, strlen(r->hctype), "text/html"));
}

static void
bodypart(void *arg, const char *s, size_t n)
{
	size_t i;

	(void)arg;
	if (aflag && !tflag) {
		if (!body.open)
			out_s(body.len ? "  body+ \"" : "  body \"");
		body.open = 1;
		esc(s, n);
	}
	for (i = 0; i < n; i++, body.len++) {
		if (body.len < EDGE)
			body.first[body.len] = s[i];
		body.last[body.len % EDGE] = s[i];
	}
}

/* -a: end the quoted body before a warning or the end line; more body
 * after a warning is written as "body+" */
static void
close_body(void)
{
	if (body.open)
		out_s("\"\n");
	body.open = 0;
}

static void
lastbytes(void)
{
	char tail[EDGE];
	size_t i, k = body.len < EDGE ? (size_t)body.len : EDGE;

	for (i = 0; i < k; i++)
		tail[i] = body.last[(body.len - k + i) % EDGE];
	quote(tail, k);
}

static unsigned long nrec, ntrunc;
static uint64_t nbody;

static void
end(void *arg, const struct warcrec *r)
{
	(void)arg;
	nrec++;
	ntrunc += r->trunc != 0;
	nbody += body.len;
	if (tflag)
		return;
	close_body();
	if (body.chunked && !r->chunked)
		out_s("  not chunked after all\n");
	if (r->skip) {
		out_s("  skip ");
		out_s(warc_skipname(r->skip));
		out_c('\n');
	}
	out_s("end body=");
	out_u((unsigned long)body.len);
	if (!qflag && !aflag && body.len) {
		out_c(' ');
		quote(body.first, body.len < EDGE ? (size_t)body.len : EDGE);
		if (body.len > EDGE) {
			out_s(" .. ");
			lastbytes();
		}
	}
	out_s(r->trunc ? " trunc\n" : "\n");
}

static void
warn(void *arg, uint64_t off, const char *reason)
{
	(void)arg;
	close_body();
	out_s(tflag ? " warn " : "warn ");
	out_u((unsigned long)off);
	out_c(' ');
	out_s(reason);
	out_c(tflag ? ';' : '\n');
}

static const struct warccb cb = { begin, bodypart, end, warn };

static void
stats(struct warc *w)
{
	const struct warcstat *st = warc_stat(w);
	int i;

	out_s("records ");
	out_u(st->records);
	for (i = 0; i < WT_N; i++)
		if (st->type[i]) {
			out_c(' ');
			out_s(warc_typename(i));
			out_c('=');
			out_u(st->type[i]);
		}
	out_s("\nbodies ");
	out_u(st->skip[WS_NONE]);
	for (i = 1; i < WS_N; i++)
		if (st->skip[i]) {
			out_s(" skip-");
			out_s(warc_skipname(i));
			out_c('=');
			out_u(st->skip[i]);
		}
	out_s(" bytes=");
	out_u((unsigned long)st->bodybytes);
	out_s("\nwarnings ");
	out_u(st->warnings);
	out_s(" truncated ");
	out_u(st->truncated);
	out_s("\nbuffers ");
	out_u((unsigned long)st->bufcap);
	out_c('\n');
}

/* the whole input, for -t and -n */
static char *
slurp(int fd, size_t *len)
{
	struct buf b = { 0 };
	ssize_t k;

	do {
		buf_grow(&b, 65536);
		k = read(fd, b.p + b.len, b.cap - b.len - 1);
		if (k < 0)
			nu_die(2, "read: %s", strerror(errno));
		b.len += (size_t)k;
	} while (k > 0);
	*len = b.len;
	return b.p;
}

static void
feed(struct warc *w, const char *s, size_t n, size_t bs)
{
	size_t k;

	for (; n > 0; s += k, n -= k) {
		k = n < bs ? n : bs;
		warc_feed(w, s, k);
	}
	warc_end(w);
}

/* -t: every prefix of the input */
static void
prefixes(const char *s, size_t n, size_t bs)
{
	struct warc *w;
	size_t len;

	for (len = 0; len <= n; len++) {
		w = warc_new(&cb, NULL);
		nrec = ntrunc = 0;
		nbody = 0;
		out_u((unsigned long)len);
		feed(w, s, len, bs);
		out_s(" rec=");
		out_u(nrec);
		out_s(" trunc=");
		out_u(ntrunc);
		out_s(" body=");
		out_u((unsigned long)nbody);
		out_c('\n');
		warc_free(w);
	}
}

static void
stream(struct warc *w, int fd, size_t bs)
{
	char *b = nu_alloc(bs);
	ssize_t k;

	while ((k = read(fd, b, bs)) != 0) {
		if (k < 0)
			nu_die(2, "read: %s", strerror(errno));
		warc_feed(w, b, (size_t)k);
	}
	warc_end(w);
	free(b);
}

int
main(int argc, char **argv)
{
	size_t bs = 65536, n;
	long times = 0, i;
	struct warc *w;
	char *all;
	int c, fd = 0;

	nu_init(argv[0]);
	while ((c = getopt(argc, argv, "ab:n:qst")) != -1) {
		if (c == 'a')
			aflag = 1;
		else if (c == 'b')
			bs = (size_t)strtoul(optarg, NULL, 10);
		else if (c == 'n')
			times = strtol(optarg, NULL, 10);
		else if (c == 'q')
			qflag = 1;
		else if (c == 's')
			sflag = 1;
		else if (c == 't')
			tflag = 1;
		else
			nu_die(2, "usage: warc-drv [-a | -q] [-b N] [-s] [-t | -n N] [file]");
	}
	if (bs == 0)
		nu_die(2, "-b: a block has at least one byte");
	if (optind < argc && (fd = open(argv[optind], O_RDONLY)) < 0)
		nu_die(2, "%s: %s", argv[optind], strerror(errno));
	if (tflag || times) {
		all = slurp(fd, &n);
		if (tflag)
			prefixes(all, n, bs);
		for (i = 0; i < times; i++) {
			w = warc_new(&(struct warccb){ NULL, NULL, NULL, NULL }, NULL);
			feed(w, all, n, bs);
			warc_free(w);
		}
		free(all);
		return nu_out_finish();
	}
	w = warc_new(&cb, NULL);
	stream(w, fd, bs);
	stats(w);
	warc_free(w);
	return nu_out_finish();
}
