/* utf8.c: UTF-8 checking and repair.
 *
 * Text that is not valid UTF-8 is nearly always Latin-1 or Windows-1252
 * from an old export, so an invalid byte is read as Windows-1252 rather
 * than thrown away: the repair is reversible and usually right.  NUL
 * cannot travel in C strings and becomes U+FFFD. */
#include "nu.h"

#include <stdint.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* Windows-1252 0x80..0x9F; the five unassigned bytes map to C1 controls
 * as in ISO-8859-1, so every byte has a character. */
static const unsigned short cp1252[32] = {
	0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
	0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

int
utf8_put(char *d, unsigned cp)
{
	if (cp < 0x80) {
		d[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		d[0] = (char)(0xC0 | cp >> 6);
		d[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		d[0] = (char)(0xE0 | cp >> 12);
		d[1] = (char)(0x80 | (cp >> 6 & 0x3F));
		d[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	d[0] = (char)(0xF0 | cp >> 18);
	d[1] = (char)(0x80 | (cp >> 12 & 0x3F));
	d[2] = (char)(0x80 | (cp >> 6 & 0x3F));
	d[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

/* Length of the valid sequence at s (1-4), or 0 when s starts an invalid
 * one: stray continuation bytes, overlong forms, surrogates, > U+10FFFF,
 * truncated sequences. */
static size_t
seqlen(const unsigned char *s, size_t n)
{
	unsigned c = s[0];

	if (c < 0x80)
		return c ? 1 : 0;
	if (c >= 0xC2 && c <= 0xDF)
		return n >= 2 && (s[1] & 0xC0) == 0x80 ? 2 : 0;
	if (c >= 0xE0 && c <= 0xEF) {
		if (n < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80)
			return 0;
		if (c == 0xE0 && s[1] < 0xA0)
			return 0;	/* overlong */
		if (c == 0xED && s[1] >= 0xA0)
			return 0;	/* surrogate */
		return 3;
	}
	if (c >= 0xF0 && c <= 0xF4) {
		if (n < 4 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 ||
		    (s[3] & 0xC0) != 0x80)
			return 0;
		if (c == 0xF0 && s[1] < 0x90)
			return 0;
		if (c == 0xF4 && s[1] >= 0x90)
			return 0;
		return 4;
	}
	return 0;
}

/* Offset of the first byte at s that is NUL or not ASCII, or n. */
static inline size_t
ascii(const char *s, size_t n)
{
	size_t i = 0;
	uint64_t w;

#ifdef __SSE2__
	const __m128i zero = _mm_setzero_si128();

	for (; i + 16 <= n; i += 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));

		if (_mm_movemask_epi8(_mm_or_si128(v, _mm_cmpeq_epi8(v, zero))))
			break;
	}
#endif
	for (; i + 8 <= n; i += 8) {
		memcpy(&w, s + i, 8);
		if ((w | ((w - 0x0101010101010101u) & ~w)) & 0x8080808080808080u)
			break;
	}
	while (i < n && (unsigned char)s[i] - 1u < 0x7Fu)
		i++;
	return i;
}

size_t
utf8_span(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, k;

	for (;;) {
		i += ascii(s + i, n - i);
		if (i == n || !p[i] || !(k = seqlen(p + i, n - i)))
			return i;
		i += k;
	}
}

size_t
utf8_fix(struct buf *b, const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, run = 0, k, bad = 0;
	unsigned cp;
	char tmp[4];

	buf_grow(b, n);
	while (i < n) {
		if (p[i] >= 0x01 && p[i] < 0x80) {
			i++;
			continue;
		}
		if ((k = seqlen(p + i, n - i))) {
			i += k;
			continue;
		}
		buf_add(b, s + run, i - run);
		if (p[i] == 0)
			cp = 0xFFFD;
		else if (p[i] >= 0x80 && p[i] < 0xA0)
			cp = cp1252[p[i] - 0x80];
		else
			cp = p[i];
		buf_add(b, tmp, (size_t)utf8_put(tmp, cp));
		bad++;
		run = ++i;
	}
	buf_add(b, s + run, n - run);
	return bad;
}

/* Characters are the bytes that are not continuation bytes (10xxxxxx).
 * The builder measures every body line, so eight bytes are counted at a
 * time: bit 6 shifted up to bit 7 stays within its byte, and the sum of
 * the eight flags collects in the top byte of the product. */
size_t
utf8_len(const char *s, size_t n)
{
	size_t i = 0, cont = 0;
	uint64_t w;

	for (; i + 8 <= n; i += 8) {
		memcpy(&w, s + i, 8);
		w = w & ~(w << 1) & 0x8080808080808080u;
		cont += (size_t)((w >> 7) * 0x0101010101010101u >> 56);
	}
	for (; i < n; i++)
		cont += ((unsigned char)s[i] & 0xC0) == 0x80;
	return n - cont;
}
