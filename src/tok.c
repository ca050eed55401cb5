/* tok.c: the word tokenizer every tool shares.
 *
 * A token is a word (letters and digits, with the apostrophes, hyphens
 * and decimal points that hold a word together: don't, Russia’s,
 * sub-units, 3.5, 120,000), a quotation mark, a dash, or one other
 * punctuation character.  White space (ASCII, no-break and the Unicode
 * spaces) only separates, and is remembered as TF_SP on the token after
 * it.  Any other non-ASCII character counts as a letter, so Cyrillic or
 * Greek words are words: the tokenizer needs no Unicode tables.  One pass,
 * no allocation: the caller gives room for n tokens (never more). */
#include "nu.h"

#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* Code point of the valid UTF-8 sequence at s of length k. */
static unsigned
cp_of(const unsigned char *s, size_t k)
{
	switch (k) {
	case 2: return (unsigned)(s[0] & 0x1f) << 6 | (s[1] & 0x3f);
	case 3: return (unsigned)(s[0] & 0x0f) << 12 | (unsigned)(s[1] & 0x3f) << 6 | (s[2] & 0x3f);
	case 4: return (unsigned)(s[0] & 0x07) << 18 | (unsigned)(s[1] & 0x3f) << 12 |
		    (unsigned)(s[2] & 0x3f) << 6 | (s[3] & 0x3f);
	}
	return s[0];
}

/* What a non-ASCII character is to the tokenizer. */
enum { C_LETTER, C_SPACE, C_QUOTE, C_DASH, C_PUNCT, C_MB };

static int
cp_class(unsigned c, int *mark)
{
	switch (c) {
	case 0x2018: *mark = Q_LSQ; return C_QUOTE;
	case 0x2019: *mark = Q_RSQ; return C_QUOTE;
	case 0x201a: *mark = Q_LOWS; return C_QUOTE;
	case 0x201c: *mark = Q_LDQ; return C_QUOTE;
	case 0x201d: *mark = Q_RDQ; return C_QUOTE;
	case 0x201e: *mark = Q_LOWD; return C_QUOTE;
	case 0x00ab: *mark = Q_LAQ; return C_QUOTE;
	case 0x00bb: *mark = Q_RAQ; return C_QUOTE;
	case 0x2039: *mark = Q_LSAQ; return C_QUOTE;
	case 0x203a: *mark = Q_RSAQ; return C_QUOTE;
	case 0x00a0: case 0x202f: case 0x205f: case 0x3000: case 0xfeff:
		return C_SPACE;
	}
	if (c >= 0x2000 && c <= 0x200b)
		return C_SPACE;
	if ((c >= 0x2010 && c <= 0x2015) || c == 0x2212)
		return C_DASH;
	if ((c >= 0x00a1 && c <= 0x00bf && c != 0xaa && c != 0xb5 && c != 0xba) ||
	    c == 0xd7 || c == 0xf7 || (c >= 0x2016 && c <= 0x206f) ||
	    (c >= 0x20a0 && c <= 0x20cf) || (c >= 0x2190 && c <= 0x2bff))
		return C_PUNCT;
	return C_LETTER;
}

/* Does a capital letter start s?  ASCII, Latin-1, Latin Extended-A (whose
 * capitals are the even code points, with a few exceptions that do not
 * start names), Greek and Cyrillic. */
static int
capital(const unsigned char *s, size_t n)
{
	unsigned c;
	size_t k;

	if (s[0] < 0x80)
		return nu_isupper(s[0]);
	if (!(k = utf8_seq((const char *)s, n)))
		return 0;
	c = cp_of(s, k);
	return (c >= 0xc0 && c <= 0xde && c != 0xd7) ||
	    (c >= 0x100 && c <= 0x17f && c % 2 == 0) ||
	    (c >= 0x391 && c <= 0x3a9) || (c >= 0x400 && c <= 0x42f);
}

/* The class of each byte: ASCII ones as they are, the others C_MB (to
 * be decoded), so that the loop over a word's letters is one look-up. */
#define P C_PUNCT
#define L C_LETTER
#define W C_SPACE
#define M C_MB, C_MB, C_MB, C_MB, C_MB, C_MB, C_MB, C_MB
static const unsigned char ascii[256] = {
	P, P, P, P, P, P, P, P, P, W, W, W, W, W, P, P,
	P, P, P, P, P, P, P, P, P, P, P, P, P, P, P, P,
	W, P, C_QUOTE, P, P, P, P, C_QUOTE, P, P, P, P, P, P, P, P,
	L, L, L, L, L, L, L, L, L, L, P, P, P, P, P, P,
	P, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L,
	L, L, L, L, L, L, L, L, L, L, L, P, P, P, P, P,
	P, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L,
	L, L, L, L, L, L, L, L, L, L, L, P, P, P, P, P,
	M, M, M, M, M, M, M, M, M, M, M, M, M, M, M, M,
};
#undef M
#undef P
#undef L
#undef W

/* The end of the run of ASCII letters and digits from s[j] (to n at
 * most): sixteen bytes at a time where the compiler offers SSE2. */
static size_t
alnumrun(const unsigned char *s, size_t j, size_t n)
{
#if defined(__SSE2__) && defined(__GNUC__)
	/* letters are the bytes that, with bit 5 set, are in 'a'..'z' as
	 * signed bytes (so no byte of 0x80 or more is one) */
	const __m128i b20 = _mm_set1_epi8(0x20), a1 = _mm_set1_epi8('a' - 1);
	const __m128i z1 = _mm_set1_epi8('z' + 1), d1 = _mm_set1_epi8('0' - 1);
	const __m128i d9 = _mm_set1_epi8('9' + 1);

	while (j + 16 <= n) {
		__m128i x = _mm_loadu_si128((const __m128i *)(s + j));
		__m128i l = _mm_or_si128(x, b20);
		__m128i ok = _mm_or_si128(
		    _mm_and_si128(_mm_cmpgt_epi8(l, a1), _mm_cmplt_epi8(l, z1)),
		    _mm_and_si128(_mm_cmpgt_epi8(x, d1), _mm_cmplt_epi8(x, d9)));
		unsigned m = ~(unsigned)_mm_movemask_epi8(ok) & 0xffff;

		if (m)
			return j + (size_t)__builtin_ctz(m);
		j += 16;
	}
#endif
	while (j < n && ascii[s[j]] == C_LETTER)
		j++;
	return j;
}

/* Class of the character at s[i] (k: its length), for the word loop. */
static int
classify(const char *s, size_t n, size_t i, size_t *k, int *mark)
{
	unsigned char c = (unsigned char)s[i];

	*mark = 0;
	if (c < 0x80) {
		*k = 1;
		if (c == '"')
			*mark = Q_DQ;
		else if (c == '\'')
			*mark = Q_SQ;
		return ascii[c];
	}
	if (!(*k = utf8_seq(s + i, n - i))) {
		*k = 1;		/* a stray byte: part of a word, as nsplit repairs them */
		return C_LETTER;
	}
	return cp_class(cp_of((const unsigned char *)s + i, *k), mark);
}

/* May a word go on over the joiner at s[i] (length k)?  An apostrophe or
 * hyphen between letters, a point or comma between digits. */
static int
joins(const char *s, size_t n, size_t i, size_t k, int cls, int mark)
{
	size_t nk;
	int nmark, next;
	unsigned char prev = (unsigned char)s[i - 1], c = (unsigned char)s[i];

	if (i + k >= n)
		return 0;
	next = classify(s, n, i + k, &nk, &nmark);
	if (next != C_LETTER)
		return 0;
	if (mark == Q_SQ || mark == Q_RSQ)	/* don't, Russia’s, O'Brien */
		return !nu_isdigit((unsigned char)s[i + k]) || nu_isdigit(prev);
	if (cls == C_DASH || c == '-')
		return k == 1 || (s[i + 2] & 0x0f) <= 1;	/* hyphen, U+2010/2011 only */
	if (c == '.' || c == ',')
		return nu_isdigit(prev) && nu_isdigit((unsigned char)s[i + 1]);
	return 0;
}

size_t
tok_split(const char *str, size_t n, struct tok *t, struct tokstat *st)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0, k, nt = 0;
	int cls, mark, sp = 1;

	if (st)
		st->words = st->caps = st->marks = 0;
	while (i < n) {
		struct tok *tk;

		if (s[i] == ' ') {	/* the common case */
			sp = 1;
			i++;
			continue;
		}
		if (s[i] < 0x80) {	/* and ASCII: no decoding */
			cls = ascii[s[i]];
			k = 1;
			/* letters carry no mark: test for one only in a quote */
			mark = cls != C_QUOTE ? 0 : s[i] == '"' ? Q_DQ : Q_SQ;
		} else {
			cls = classify(str, n, i, &k, &mark);
		}
		if (cls == C_SPACE) {
			sp = 1;
			i += k;
			continue;
		}
		tk = &t[nt++];
		tk->off = (uint32_t)i;
		tk->fl = sp ? TF_SP : 0;
		tk->mark = (uint8_t)mark;
		tk->lx = TOK_NOLX;
		sp = 0;
		if (cls == C_LETTER) {
			size_t j = i + k;

			tk->type = nu_isdigit(s[i]) ? T_NUM : T_WORD;
			if (s[i] < 0x80 ? nu_isupper(s[i]) : capital(s + i, n - i))
				tk->fl |= TF_CAP;
			while (j < n) {
				int m, c2;

				j = alnumrun(s, j, n);	/* the common case */
				if (j == n || s[j] == ' ')
					break;
				if (s[j] < 0x80 && s[j] != '\'' && s[j] != '-' && s[j] != '.' &&
				    s[j] != ',')
					break;	/* no joiner: the word ends */
				c2 = classify(str, n, j, &k, &m);

				if (c2 == C_LETTER || ((c2 == C_QUOTE || c2 == C_DASH ||
				    c2 == C_PUNCT) && joins(str, n, j, k, c2, m)))
					j += k;
				else
					break;
			}
			tk->len = (uint32_t)(j - i);
			i = j;
			if (st && tk->type == T_WORD) {
				st->words++;
				st->caps += (tk->fl & TF_CAP) != 0;
			}
			continue;
		}
		tk->type = cls == C_QUOTE ? T_QUOTE : cls == C_DASH ? T_DASH : T_PUNCT;
		if (st && cls == C_QUOTE)
			st->marks++;
		if (s[i] == '-' && i + 1 < n && s[i + 1] == '-') {
			tk->type = T_DASH;	/* "--" stands for a dash */
			k = 2;
		}
		tk->len = (uint32_t)k;
		i += k;
	}
	return nt;
}
