/* rec.c: the record stream, implemented once.
 *
 * A record is one line: ID TAB KIND TAB field ... LF.  Text fields escape
 * backslash, TAB, LF and CR as \\ \t \n \r (PostgreSQL COPY text style), so
 * a field never holds a raw TAB or newline and a line is always a record. */
#include "nu.h"

#include <string.h>

/* 1 for the bytes that need escaping */
static const unsigned char special[256] = {
	['\\'] = 1, ['\t'] = 1, ['\n'] = 1, ['\r'] = 1,
};

static char
esc_char(int c)
{
	switch (c) {
	case '\t': return 't';
	case '\n': return 'n';
	case '\r': return 'r';
	default: return '\\';
	}
}

void
esc_add(struct buf *b, const char *s, size_t n)
{
	size_t i, run = 0;

	buf_grow(b, n);
	for (i = 0; i < n; i++) {
		if (!special[(unsigned char)s[i]])
			continue;
		buf_add(b, s + run, i - run);
		buf_addc(b, '\\');
		buf_addc(b, esc_char((unsigned char)s[i]));
		run = i + 1;
	}
	buf_add(b, s + run, n - run);
}

void
unesc_add(struct buf *b, const char *s, size_t n)
{
	const char *p, *end = s + n;

	buf_grow(b, n);
	while (s < end) {
		p = memchr(s, '\\', (size_t)(end - s));
		if (!p) {
			buf_add(b, s, (size_t)(end - s));
			break;
		}
		buf_add(b, s, (size_t)(p - s));
		if (p + 1 == end) {	/* a lone trailing backslash stays */
			buf_addc(b, '\\');
			break;
		}
		switch (p[1]) {
		case '\\': buf_addc(b, '\\'); break;
		case 't': buf_addc(b, '\t'); break;
		case 'n': buf_addc(b, '\n'); break;
		case 'r': buf_addc(b, '\r'); break;
		default: buf_add(b, p, 2); break;	/* unknown: kept verbatim */
		}
		s = p + 2;
	}
}

void
esc_write(FILE *fp, const char *s, size_t n)
{
	size_t i, run = 0;

	for (i = 0; i < n; i++) {
		if (!special[(unsigned char)s[i]])
			continue;
		fwrite(s + run, 1, i - run, fp);
		putc('\\', fp);
		putc(esc_char((unsigned char)s[i]), fp);
		run = i + 1;
	}
	fwrite(s + run, 1, n - run, fp);
}

void
rec_write(FILE *fp, const char *id, const char *kind, int nf, const char *const *f, const size_t *fl)
{
	int i;

	fputs(id, fp);
	putc('\t', fp);
	fputs(kind, fp);
	for (i = 0; i < nf; i++) {
		putc('\t', fp);
		esc_write(fp, f[i], fl ? fl[i] : strlen(f[i]));
	}
	putc('\n', fp);
}

void
rec_write_line(FILE *fp, const char *line, size_t len)
{
	fwrite(line, 1, len, fp);
	putc('\n', fp);
}

int
rec_split(struct rec *r, char *line, size_t len)
{
	const char *p = line, *end = line + len, *t;

	r->line = line;
	r->len = len;
	r->nf = 0;
	for (;;) {
		if (r->nf == REC_MAXF - 1) {	/* the rest, tabs and all */
			r->f[r->nf] = p;
			r->fl[r->nf++] = (size_t)(end - p);
			break;
		}
		t = memchr(p, '\t', (size_t)(end - p));
		r->f[r->nf] = p;
		r->fl[r->nf++] = (size_t)((t ? t : end) - p);
		if (!t)
			break;
		p = t + 1;
	}
	if (r->nf < 2 || r->fl[0] == 0 || r->fl[1] == 0)
		return -1;
	return 0;
}

int
rec_kind(const struct rec *r, const char *kind)
{
	size_t n = strlen(kind);

	return r->fl[1] == n && memcmp(r->f[1], kind, n) == 0;
}

int
rec_sameid(const struct rec *r, const char *id, size_t idlen)
{
	return r->fl[0] == idlen && memcmp(r->f[0], id, idlen) == 0;
}
