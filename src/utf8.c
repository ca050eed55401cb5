/* utf8.c: UTF-8 checking and repair.
 *
 * Text that is not valid UTF-8 is nearly always Latin-1 or Windows-1252
 * from an old export, so an invalid byte is read as Windows-1252 rather
 * than thrown away: the repair is reversible and usually right.  NUL
 * cannot travel in C strings and becomes U+FFFD. */
#include "nu.h"

#include <stdint.h>
#include <string.h>

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
		if ((k = utf8_seq(s + i, n - i))) {
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
