/* lex.c: word lists for look-up, ASCII case aside.
 *
 * The lists are string literals in the tools (a few hundred words each),
 * hashed once into an open-addressing table twice their size.  A tool
 * looks up every word of its input, so a word of up to 16 bytes is read
 * as two 64-bit keys, lower-cased eight bytes at a time, and compared as
 * integers: no loop over its bytes.  Longer words are in no list. */
#include "nu.h"

#include <stdlib.h>

#define ONES 0x0101010101010101ULL
#define HIGH 0x8080808080808080ULL

/* ASCII capitals to lower case in all eight bytes at once: a byte gets
 * 0x20 where it is in 'A'..'Z' (its high bit clear, >= 'A', <= 'Z'). */
static uint64_t
fold(uint64_t v)
{
	uint64_t x = v & ~HIGH;
	uint64_t ge = x + ONES * (0x80 - 'A');
	uint64_t gt = x + ONES * (0x80 - 'Z' - 1);

	return v | (((ge ^ gt) & ~v & HIGH) >> 2);
}

static uint64_t
load(const char *w, size_t n)	/* n <= 8 bytes, little-endian order */
{
	uint64_t a = 0, b = 0;
	uint32_t x, y;

	if (n >= 4) {	/* two loads that may overlap, no call */
		memcpy(&x, w, 4);
		memcpy(&y, w + n - 4, 4);
		a = x;
		b = (uint64_t)y << (8 * (n - 4));
		return a | b;
	}
	while (n--)
		a = a << 8 | (unsigned char)w[n];
	return a;
}

static void
keys(const char *w, size_t n, uint64_t k[2])
{
	if (n > 8) {
		memcpy(&k[0], w, 8);
		k[1] = load(w + 8, n - 8);
	} else {
		k[0] = load(w, n);
		k[1] = 0;
	}
	k[0] = fold(k[0]);
	k[1] = fold(k[1]);
}

static size_t
slot(const struct lex *x, const uint64_t k[2], size_t n)
{
	uint64_t h = (k[0] * 0x9e3779b97f4a7c15ULL) ^ (k[1] * 0xc2b2ae3d27d4eb4fULL) ^ n;

	return (size_t)((h ^ (h >> 29)) * 0xbf58476d1ce4e5b9ULL >> 40) & x->mask;
}

/* A word's place in the filter: its length and first two bytes, case
 * aside.  Half the words a tool looks up are in no list, and one bit
 * says so before any hashing. */
static unsigned
filterbit(const char *w, size_t n)
{
	unsigned b1 = n > 1 ? ((unsigned char)w[1] | 0x20) & 63 : 0;

	return (unsigned)(n & 15) << 12 | (((unsigned char)w[0] | 0x20) & 63) << 6 | b1;
}

/* Each word of list as (w, n, value) to fn. */
static size_t
words(struct lex *x, const char *list, void (*fn)(struct lex *, const char *, size_t, int))
{
	const char *p = list, *q;
	size_t count = 0;
	int v = 1;

	for (;;) {
		while (*p == ' ' || *p == '\n' || *p == '\t')
			p++;
		if (!*p)
			return count;
		for (q = p; *q && *q != ' ' && *q != '\n' && *q != '\t'; q++)
			;
		if (*p == '=')
			v = atoi(p + 1);
		else {
			if (fn)
				fn(x, p, (size_t)(q - p), v);
			count++;
		}
		p = q;
	}
}

static void
put(struct lex *x, const char *w, size_t n, int v)
{
	uint64_t k[2];
	size_t i;

	if (n > 16)
		nu_die(2, "internal error: word list entry longer than 16 bytes: %.*s", (int)n, w);
	keys(w, n, k);
	for (i = slot(x, k, n); x->s[i].len; i = (i + 1) & x->mask)
		if (x->s[i].len == n && x->s[i].k[0] == k[0] && x->s[i].k[1] == k[1]) {
			x->s[i].v |= v;	/* listed twice: both */
			return;
		}
	x->s[i].k[0] = k[0];
	x->s[i].k[1] = k[1];
	x->s[i].len = (uint32_t)n;
	x->s[i].v = v;
	i = filterbit(w, n);
	x->filter[i / 64] |= (uint64_t)1 << (i % 64);
	if (n > x->maxlen)
		x->maxlen = n;
}

void
lex_init(struct lex *x, const char *list)
{
	size_t n = words(x, list, NULL), size = 16;

	while (size < 2 * n)
		size *= 2;
	x->mask = size - 1;
	x->maxlen = 0;
	x->s = nu_alloc(size * sizeof *x->s);
	memset(x->s, 0, size * sizeof *x->s);
	memset(x->filter, 0, sizeof x->filter);
	words(x, list, put);
}

int
lex_get(const struct lex *x, const char *w, size_t n)
{
	uint64_t k[2];
	size_t i;

	if (n > x->maxlen || n == 0)
		return 0;
	i = filterbit(w, n);
	if (!(x->filter[i / 64] >> (i % 64) & 1))
		return 0;
	keys(w, n, k);
	for (i = slot(x, k, n); x->s[i].len; i = (i + 1) & x->mask)
		if (x->s[i].k[0] == k[0] && x->s[i].k[1] == k[1] && x->s[i].len == n)
			return x->s[i].v;
	return 0;
}

/* lex_get with a memo of the words of up to eight bytes, as written: a
 * tool that looks up every word of news looks up "the" and "said" a
 * million times, and one compare is cheaper than folding and hashing. */
int
lex_memo(const struct lex *x, struct lexmemo *m, const char *w, size_t n)
{
	uint64_t k;
	size_t i;
	int v;

	if (n == 0 || n > 8)
		return lex_get(x, w, n);
	k = load(w, n);
	i = (size_t)(((k ^ n) * 0x9e3779b97f4a7c15ULL) >> 52) & (LEXMEMO - 1);
	if (m->k[i] == k && (m->v[i] >> 24) == n)
		return (int)(m->v[i] & 0xffffff);
	v = lex_get(x, w, n);
	m->k[i] = k;
	m->v[i] = (uint32_t)n << 24 | ((uint32_t)v & 0xffffff);
	return v;
}
