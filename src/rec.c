/* rec.c: the record stream, implemented once.
 *
 * A record is one line: ID TAB KIND TAB field ... LF.  Text fields escape
 * backslash, TAB, LF and CR as \\ \t \n \r (PostgreSQL COPY text style), so
 * a field never holds a raw TAB or newline and a line is always a record. */
#include "nu.h"

#include <stdint.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

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

/* Offset of the first backslash, TAB, LF or CR at s, or n.  Paragraph
 * text is most of every stream and rarely holds one, so the search runs
 * sixteen bytes at a time where SSE2 exists, eight elsewhere (a word test
 * for a byte below 0x20 or a backslash, whose false alarms cost a byte-wise
 * look). */
#ifdef __SSE2__
/* bit k set when byte k of the 16 at p needs escaping: 0x00 <= byte < 0x20
 * as signed bytes (those >= 0x80 are negative and fall outside), or '\\' */
static inline unsigned
special16(const char *p)
{
	__m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
	__m128i ctl = _mm_andnot_si128(_mm_cmplt_epi8(v, _mm_setzero_si128()),
	    _mm_cmplt_epi8(v, _mm_set1_epi8(0x20)));

	return (unsigned)_mm_movemask_epi8(_mm_or_si128(ctl,
	    _mm_cmpeq_epi8(v, _mm_set1_epi8('\\'))));
}
#endif

size_t
esc_scan(const char *s, size_t n)
{
	size_t i = 0;
	uint64_t w, b;

#ifdef __SSE2__
	unsigned m;

	if (n >= 16) {
		for (; i + 16 <= n; i += 16)
			if ((m = special16(s + i)))
				return i + (size_t)__builtin_ctz(m);
		/* the tail as one block overlapping what passed */
		if (i < n && (m = special16(s + n - 16)))
			return n - 16 + (size_t)__builtin_ctz(m);
		return n;
	}
#endif
	for (; i + 8 <= n; i += 8) {
		memcpy(&w, s + i, 8);
		b = w ^ 0x5C5C5C5C5C5C5C5Cu;
		if (((w - 0x2020202020202020u) & ~w & 0x8080808080808080u) ||
		    ((b - 0x0101010101010101u) & ~b & 0x8080808080808080u))
			break;
	}
	for (; i < n; i++)
		if (special[(unsigned char)s[i]])
			break;
	return i;
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
rec_write(const char *id, const char *kind, int nf, const char *const *f, const size_t *fl)
{
	int i;

	out_s(id);
	out_c('\t');
	out_s(kind);
	for (i = 0; i < nf; i++) {
		out_c('\t');
		out_esc(f[i], fl ? fl[i] : strlen(f[i]));
	}
	out_c('\n');
}

void
rec_write_line(const char *line, size_t len)
{
	out_add(line, len);
	out_c('\n');
}

/* Offsets of the first max tabs of s[0, n) into tab; returns how many. */
int
rec_tabs(const char *s, size_t n, size_t *tab, int max)
{
	size_t i = 0;
	int k = 0;

#ifdef __SSE2__
	/* one compare per sixteen bytes */
	{
		const __m128i t = _mm_set1_epi8('\t');
		unsigned m;

		for (; i < n && n >= 16; i += 16) {
			/* the last block overlaps the one before: its bytes
			 * already seen are masked out */
			size_t at = i + 16 <= n ? i : n - 16;

			m = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(t,
			    _mm_loadu_si128((const __m128i *)(const void *)(s + at))));
			for (m &= ~0u << (i - at); m; m &= m - 1) {
				if (k == max)
					return k;
				tab[k++] = at + (size_t)__builtin_ctz(m);
			}
		}
	}
#endif
	for (; i < n && k < max; i++)
		if (s[i] == '\t')
			tab[k++] = i;
	return k;
}

int
rec_fields(struct rec *r, char *line, size_t len, const size_t *tab, int ntab)
{
	size_t start = 0;
	int i, nf = 0;

	r->line = line;
	r->len = len;
	/* at REC_MAXF - 1 fields the rest of the line, tabs and all, is the
	 * last one */
	for (i = 0; i < ntab && nf < REC_MAXF - 1; i++) {
		r->f[nf] = line + start;
		r->fl[nf++] = tab[i] - start;
		start = tab[i] + 1;
	}
	r->f[nf] = line + start;
	r->fl[nf++] = len - start;
	r->nf = nf;
	return nf < 2 || r->fl[0] == 0 || r->fl[1] == 0 ? -1 : 0;
}

int
rec_split(struct rec *r, char *line, size_t len)
{
	size_t tab[REC_MAXF];

	return rec_fields(r, line, len, tab, rec_tabs(line, len, tab, REC_MAXF));
}

int
rec_kind(const struct rec *r, const char *kind)
{
	size_t n = strlen(kind);

	return r->fl[1] == n && memcmp(r->f[1], kind, n) == 0;
}

const struct kind *
rec_known(const struct lrd *in, const struct rec *r)
{
	const struct kind *k = kind_of(r->f[1], r->fl[1]);

	if (k && r->nf - 2 != k->ncols) {
		nu_warnx("%s:%lu: %s record with %d field%s, not %d", in->name, in->lineno,
		    k->kind, r->nf - 2, r->nf == 3 ? "" : "s", k->ncols);
		return NULL;
	}
	return k;
}
