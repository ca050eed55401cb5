/* stripfeat.c: what nstrip measures in a paragraph, and its word lists.
 *
 * A paragraph is read as tokens: runs of letters and digits, lower-cased,
 * an apostrophe inside a word kept out ("don’t" is "dont").  Each token
 * is hashed once, and one look-up in a table of all stop words and all
 * phrases of the rules' lists tells which languages it is a stop word of,
 * which lists it is a one-word phrase of, and which lists have a longer
 * phrase starting with it.  Phrases are then matched by hashing runs of
 * token hashes, without comparing text.
 *
 * Short paragraphs (up to NORM_MAX bytes) are tokenised whole: the
 * patterns and the fingerprint need all their words.  Of a longer one
 * only the first TOK_LONG tokens are read, enough for its stop word
 * density and for phrases at its start; the rest is only counted, sixteen
 * bytes at a time where SSE2 exists, so that the cost per byte of the
 * paragraphs that make up most of a stream stays near that of finding
 * spaces. */
#include "nu.h"
#include "strip.h"

#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* ---- characters ---- */

/* Decode one UTF-8 character at s (n > 0 bytes left) into *cp; returns
 * its length.  A byte that starts no valid sequence is taken alone. */
static size_t
dec(const char *s, size_t n, unsigned *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t len, i;
	unsigned c = u[0];

	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xF0 && c < 0xF8)
		len = 4, c &= 0x07;
	else if (c >= 0xE0 && c < 0xF0)
		len = 3, c &= 0x0F;
	else if (c >= 0xC0 && c < 0xE0)
		len = 2, c &= 0x1F;
	else
		len = 0;
	if (len == 0 || len > n) {
		*cp = u[0];
		return 1;
	}
	for (i = 1; i < len; i++) {
		if ((u[i] & 0xC0) != 0x80) {
			*cp = u[0];
			return 1;
		}
		c = c << 6 | (u[i] & 0x3F);
	}
	*cp = c;
	return len;
}

/* Punctuation and symbols above ASCII: Latin-1's signs, the general
 * punctuation, arrows and shapes blocks, CJK punctuation, specials and
 * emoji.  Every other character counts as a letter, which is right for
 * the scripts news is written in. */
static int
mbletter(unsigned cp)
{
	return !((cp >= 0x80 && cp < 0xC0) || cp == 0xD7 || cp == 0xF7 ||
	    (cp >= 0x2000 && cp < 0x2C00) || (cp >= 0x3000 && cp < 0x3040) ||
	    (cp >= 0xFE00 && cp < 0x10000) || cp >= 0x1F000);
}

/* The lower-case letter of cp for Latin, Greek and Cyrillic; cp itself
 * when it has none or is lower case already. */
static unsigned
lower(unsigned cp)
{
	if (cp >= 'A' && cp <= 'Z')
		return cp + 32;
	if (cp < 0xC0)
		return cp;
	if (cp <= 0xDE && cp != 0xD7)
		return cp + 32;
	if (cp >= 0x100 && cp < 0x178 && !(cp & 1) && cp != 0x130 && cp != 0x138)
		return cp + 1;
	if ((cp >= 0x391 && cp <= 0x3A9) || (cp >= 0x410 && cp <= 0x42F))
		return cp + 32;
	if (cp >= 0x400 && cp <= 0x40F)
		return cp + 80;
	return cp;
}

static int
upper(unsigned cp)
{
	return cp < 0x80 ? cp >= 'A' && cp <= 'Z' : mbletter(cp) && lower(cp) != cp;
}

/* ASCII bytes by what they are in a token */
enum { A_SEP, A_LETTER, A_DIGIT, A_APOS, A_ESC, A_HIGH };
static unsigned char atype[256];

/* ---- hashing ---- */

/* a run of tokens: the hash of the run so far and the next token's */
static uint64_t
mix(uint64_t run, uint64_t h)
{
	return ((run << 31 | run >> 33) ^ h) * 0x9E3779B97F4A7C15u;
}

/* A token's hash takes its bytes eight at a time, so that a byte costs a
 * shift and not a multiplication.  A token of digits only hashes to
 * EMPTY. */
#define EMPTY 0x6A09E667F3BCC909u

struct hash {
	uint64_t h, w;
	unsigned k;
};

static void
hstart(struct hash *x)
{
	x->h = EMPTY;
	x->w = 0;
	x->k = 0;
}

static void
hbyte(struct hash *x, unsigned char c)
{
	x->w = x->w << 8 | c;
	if (++x->k % 8 == 0) {
		x->h = mix(x->h, x->w);
		x->w = 0;
	}
}

static uint64_t
hend(const struct hash *x)
{
	return x->k ? mix(x->h, x->w ^ (uint64_t)x->k << 56) : EMPTY;
}

/* ---- the tables: stop words, and the words and phrases of lists ---- */

#define STOP_BITS 14	/* slots by powers of two, over twice the entries */
#define LIST_BITS 12
#define STOP_SLOTS (1u << STOP_BITS)
#define LIST_SLOTS (1u << LIST_BITS)

/* stop words by the high half of their hash: a false match is one in
 * four billion words.  The keys and the languages are apart, so that
 * probing touches only the keys; and a bit for each 16-bit slice of the
 * hashes of stop words tells most other words in one look in 8 kB. */
static uint32_t stopkey[STOP_SLOTS];		/* 0: empty */
static unsigned char stoplangs[STOP_SLOTS];	/* bit per language */
static unsigned char instop[65536 / 8];

#define INSTOP(h) (instop[((h) >> 16 & 0xFFFF) >> 3] >> ((h) >> 16 & 7) & 1)

/* The home slot of hash h in a table of 1 << bits.  Not its low bits:
 * those of a product come from the low bits of the token alone, its last
 * few letters, and the stop words of a language share endings: they
 * would crowd into runs that make every miss probe far.  Multiplied
 * again, the top bits hang on every bit of h; and stop words of the same
 * key still go to different homes, so that a false match stays as rare
 * as the key makes it. */
static unsigned
home(uint64_t h, int bits)
{
	return (unsigned)((h * 0xD6E8FEB86659FD93u) >> (64 - bits));
}

/* a bit for each 16-bit slice of the hashes in list[]: most words are in
 * no list, and are told so by one look in 8 kB */
static unsigned char inlist[65536 / 8];

#define INLIST(h) (inlist[((h) >> 40 & 0xFFFF) >> 3] >> ((h) >> 40 & 7) & 1)

/* words of lists, and runs of words (by their run hash) */
static struct {
	uint64_t key;		/* 0: empty */
	uint32_t is1;		/* lists it is a phrase of */
	uint32_t first;		/* lists with a longer phrase starting with it */
} list[LIST_SLOTS];

/* a byte per language, a one where its bit is set: the stop words of a
 * sample (STOP_SAMPLE < 256) are counted in one word, not five bytes;
 * made once for every set of languages, since it is taken per token */
static uint64_t spreadof[1 << NLANG];

static void
spreadinit(void)
{
	unsigned langs;
	int l;

	for (langs = 0; langs < 1u << NLANG; langs++)
		for (l = 0; l < NLANG; l++)
			spreadof[langs] |= (uint64_t)(langs >> l & 1) << 8 * l;
}

static unsigned
stopslot(uint64_t h)
{
	uint32_t key = (uint32_t)(h >> 32) | 1;
	unsigned i;

	for (i = home(h, STOP_BITS); stopkey[i] && stopkey[i] != key;
	    i = (i + 1) & (STOP_SLOTS - 1))
		;
	return i;	/* its slot, or the empty one where it would go */
}

static unsigned
listslot(uint64_t key)
{
	unsigned i;

	for (i = home(key, LIST_BITS); list[i].key && list[i].key != key;
	    i = (i + 1) & (LIST_SLOTS - 1))
		;
	return i;
}

static int
isphrase(uint64_t run, int l)
{
	unsigned i;

	if (!INLIST(run))
		return 0;
	i = listslot(run);
	return list[i].key == run && ((list[i].is1 >> l) & 1);
}

/* Tokenise s (n bytes, not escaped) into at most cap token hashes. */
static size_t
hashwords(const char *s, size_t n, uint64_t *h, size_t cap)
{
	size_t i = 0, k = 0;
	unsigned cp;
	int in = 0;
	struct hash x = {0, 0, 0};

	while (i < n && k < cap) {
		i += dec(s + i, n - i, &cp);
		if (cp == '\'' || cp == 0x2019)
			continue;
		if (cp < 0x80 ? atype[cp] == A_LETTER || atype[cp] == A_DIGIT : mbletter(cp)) {
			if (!in)
				hstart(&x);
			in = 1;
			if (!(cp >= '0' && cp <= '9')) {
				char b[4];
				int m = utf8_put(b, lower(cp)), j;

				for (j = 0; j < m; j++)
					hbyte(&x, (unsigned char)b[j]);
			}
		} else if (in) {
			in = 0;
			h[k++] = hend(&x);
		}
	}
	if (in && k < cap)
		h[k++] = hend(&x);
	return k;
}

void
feat_addlist(int l, const char *const *w)
{
	uint64_t h[8], run;
	size_t n, j;
	unsigned i;

	for (; *w; w++) {
		if ((n = hashwords(*w, strlen(*w), h, 8)) == 0)
			continue;
		for (run = h[0], j = 1; j < n; j++)
			run = mix(run, h[j]);
		i = listslot(run);
		list[i].key = run;
		list[i].is1 |= 1u << l;
		inlist[(run >> 40 & 0xFFFF) >> 3] |= (unsigned char)(1u << (run >> 40 & 7));
		if (n > 1) {
			i = listslot(h[0]);
			list[i].key = h[0];
			list[i].first |= 1u << l;
			inlist[(h[0] >> 40 & 0xFFFF) >> 3] |= (unsigned char)(1u << (h[0] >> 40 & 7));
		}
	}
}

void
feat_init(void)
{
	const char *const *w;
	uint64_t h[2];
	unsigned i;
	int l, c;

	for (c = 0; c < 256; c++)
		atype[c] = c >= 0x80 ? A_HIGH : (c | 0x20) >= 'a' && (c | 0x20) <= 'z' ? A_LETTER :
		    c >= '0' && c <= '9' ? A_DIGIT : c == '\'' ? A_APOS : c == '\\' ? A_ESC : A_SEP;
	spreadinit();
	/* the lists have words like "However," and "(the": one token each */
	for (l = 0; l < NLANG; l++)
		for (w = strip_stop[l]; *w; w++)
			if (hashwords(*w, strlen(*w), h, 2) == 1 && h[0] != EMPTY) {
				i = stopslot(h[0]);
				stopkey[i] = (uint32_t)(h[0] >> 32) | 1;
				stoplangs[i] |= (unsigned char)(1u << l);
				instop[(h[0] >> 16 & 0xFFFF) >> 3] |=
				    (unsigned char)(1u << (h[0] >> 16 & 7));
			}
}

/* A language named by a meta value: "en", "English", "ENGLISH; FRENCH",
 * "Deutsch", "fr-FR", "русский". */
int
feat_lang(const char *s, size_t n)
{
	static const struct {
		const char *name;
		int lang;
	} names[] = {
		{"english", L_EN}, {"anglais", L_EN}, {"englisch", L_EN}, {"en", L_EN},
		{"german", L_DE}, {"deutsch", L_DE}, {"allemand", L_DE}, {"de", L_DE},
		{"french", L_FR}, {"fran\xc3\xa7" "ais", L_FR}, {"franz\xc3\xb6sisch", L_FR},
		{"fr", L_FR},
		{"spanish", L_ES}, {"espa\xc3\xb1ol", L_ES}, {"spanisch", L_ES}, {"es", L_ES},
		{"russian", L_RU}, {"\xd1\x80\xd1\x83\xd1\x81\xd1\x81\xd0\xba\xd0\xb8\xd0\xb9", L_RU},
		{"russisch", L_RU}, {"ru", L_RU},
	};
	size_t i, k;

	n -= nu_ltrim(s, n);
	s += nu_ltrim(s, n);
	for (i = 0; i < sizeof names / sizeof names[0]; i++) {
		k = strlen(names[i].name);
		/* the name, then the end or no letter */
		if (nu_iprefix(s, n, names[i].name) && (n == k || atype[(unsigned char)s[k]] != A_LETTER))
			return names[i].lang;
	}
	return -1;
}

/* ---- phrases in a paragraph ---- */

int
tok_is(const struct para *p, int l)
{
	uint64_t run;
	size_t j;

	if (!(p->flags & F_NORM) || p->ntok == 0)
		return 0;
	if (p->ntok == 1)
		return (p->tok[0].is1 >> l) & 1;
	if (!((p->tok[0].first >> l) & 1) || p->ntok > 8)
		return 0;
	for (run = p->tok[0].h, j = 1; j < p->ntok; j++)
		run = mix(run, p->tok[j].h);
	return isphrase(run, l);
}

/* Is there a phrase of list l in tokens [from, to) that starts at from
 * and ends at to (whole) or anywhere (!whole)? */
static int
runat(const struct para *p, size_t from, size_t to, int l, int whole)
{
	uint64_t run = p->tok[from].h;
	size_t j;

	if (((p->tok[from].is1 >> l) & 1) && (!whole || from + 1 == to))
		return 1;
	if (!((p->tok[from].first >> l) & 1))
		return 0;
	for (j = from + 1; j < to && j < from + 8; j++) {
		run = mix(run, p->tok[j].h);
		if ((!whole || j + 1 == to) && isphrase(run, l))
			return 1;
	}
	return 0;
}

int
tok_starts(const struct para *p, int l)
{
	return p->ntok > 0 && runat(p, 0, p->ntok, l, 0);
}

int
tok_ends(const struct para *p, int l)
{
	size_t i;

	if (!(p->flags & F_NORM))
		return 0;
	for (i = p->ntok; i-- > 0 && i + 8 >= p->ntok;)
		if (runat(p, i, p->ntok, l, 1))
			return 1;
	return 0;
}

int
tok_has(const struct para *p, int l)
{
	size_t i;

	if (!((p->lists >> l) & 1))
		return 0;
	for (i = 0; i < p->ntok; i++)
		if (runat(p, i, p->ntok, l, 0))
			return 1;
	return 0;
}

/* Every token is a word of list l, and one at least of must. */
int
tok_all(const struct para *p, int l, int must)
{
	size_t i;
	int hit = 0;

	if (!(p->flags & F_NORM) || p->ntok == 0)
		return 0;
	for (i = 0; i < p->ntok; i++) {
		if (!((p->tok[i].is1 >> l) & 1))
			return 0;
		hit |= (p->tok[i].is1 >> must) & 1;
	}
	return hit;
}

/* ---- measuring a paragraph ---- */

#ifdef __SSE2__
/* the sum of the bytes of v */
static unsigned
bytesum(__m128i v)
{
	__m128i s = _mm_sad_epu8(v, _mm_setzero_si128());

	return (unsigned)_mm_cvtsi128_si32(s) + (unsigned)_mm_extract_epi16(s, 4);
}
#endif

/* Words (runs of bytes other than space) and UTF-8 continuation bytes of
 * s, for the characters. */
static void
count(const char *s, size_t n, unsigned *w, unsigned *cont)
{
	size_t i = 0;
	unsigned prev = 1;	/* the byte before s counts as a space */

#ifdef __SSE2__
	/* per byte lane, counted as compares give -1, in runs short enough
	 * that a lane cannot overflow */
	const __m128i sp = _mm_set1_epi8(' '), c0 = _mm_set1_epi8((char)0xC0);
	__m128i was = _mm_set1_epi8(-1);	/* the spaces of the last sixteen */

	while (i + 16 <= n) {
		__m128i ws = _mm_setzero_si128(), cs = _mm_setzero_si128();
		size_t run;

		for (run = 0; run < 255 && i + 16 <= n; run++, i += 16) {
			__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
			__m128i isp = _mm_cmpeq_epi8(v, sp);
			__m128i before = _mm_or_si128(_mm_slli_si128(isp, 1), _mm_srli_si128(was, 15));

			/* a word starts at a non-space whose left neighbour is a
			 * space; continuation bytes are 0x80-0xBF, below -64 as
			 * signed */
			ws = _mm_sub_epi8(ws, _mm_andnot_si128(isp, before));
			cs = _mm_sub_epi8(cs, _mm_cmplt_epi8(v, c0));
			was = isp;
		}
		*w += bytesum(ws);
		*cont += bytesum(cs);
	}
	prev = (unsigned)_mm_movemask_epi8(was) >> 15;
#endif
	for (; i < n; i++) {
		unsigned isp = s[i] == ' ';

		*w += !isp && prev;
		*cont += ((unsigned char)s[i] & 0xC0) == 0x80;
		prev = isp;
	}
}

/* The end of the text, without closing quotes, brackets and spaces. */
static void
ending(struct para *p)
{
	const char *s = p->t;
	size_t n = p->n;

	for (;;) {
		while (n && (s[n - 1] == ' ' || s[n - 1] == '"' || s[n - 1] == '\'' || s[n - 1] == ')'))
			n--;
		/* ” ’ » */
		if (n >= 3 && (unsigned char)s[n - 3] == 0xE2 && (unsigned char)s[n - 2] == 0x80 &&
		    ((unsigned char)s[n - 1] == 0x9D || (unsigned char)s[n - 1] == 0x99))
			n -= 3;
		else if (n >= 2 && (unsigned char)s[n - 2] == 0xC2 && (unsigned char)s[n - 1] == 0xBB)
			n -= 2;
		else
			break;
	}
	if ((n >= 3 && memcmp(s + n - 3, "...", 3) == 0) ||
	    (n >= 3 && memcmp(s + n - 3, "\xE2\x80\xA6", 3) == 0))
		p->flags |= F_ELLIPSIS | F_END;
	else if (n && (s[n - 1] == '.' || s[n - 1] == '!' || s[n - 1] == '?'))
		p->flags |= F_END;
}

static int
quotemark(unsigned cp)
{
	return cp == '"' || cp == 0x201C || cp == 0x201D || cp == 0x201E || cp == 0xAB || cp == 0xBB;
}

/* The languages token hash h is a stop word of.  Most words, stop
 * words or not, are told by their home slot alone, without a branch on
 * it: prose mixes them too evenly to guess. */
static unsigned
stoplook(uint64_t h)
{
	uint32_t key = (uint32_t)(h >> 32) | 1;
	unsigned i = home(h, STOP_BITS), k = stopkey[i];
	unsigned langs = stoplangs[i] & -(unsigned)(k == key);

	if (k != key && k != 0 && INSTOP(h)) {
		i = stopslot(h);
		langs = stopkey[i] ? stoplangs[i] : 0;
	}
	return langs;
}

/* The lists token hash h is a phrase of, and starts one of, the same
 * way. */
static void
listlook(uint64_t h, struct stok *t)
{
	unsigned i;

	if (INLIST(h) && list[i = listslot(h)].key == h) {
		t->is1 = list[i].is1;
		t->first = list[i].first;
	}
}

/* What tokens() counts while it reads, apart from the paragraph so that
 * it can stay in registers: the tokens written through p->tok could
 * alias the paragraph's fields. */
struct tally {
	size_t ntok;
	unsigned since, sample, alpha, caps, digits, flags;
	uint32_t lists;
	uint64_t hits;		/* stop words, by spreadof[] */
	int open;
};

/* A token is complete: its look-ups and counts. */
static void
endtoken(struct tally *y, struct stok *t, int letter, int capital)
{
	listlook(t->h, t);
	y->lists |= t->is1 | t->first;
	if (y->ntok < STOP_SAMPLE && letter) {
		t->langs = (unsigned char)stoplook(t->h);
		y->hits += spreadof[t->langs];
	}
	y->sample += y->ntok < STOP_SAMPLE;
	y->alpha += letter;
	y->caps += capital;
	y->digits += !letter;
	y->ntok++;
}

/* A quotation mark between tokens: one of three tokens or more that
 * it closes is F_QUOTE. */
static void
mark(struct tally *y)
{
	if (y->open && y->since >= 3)
		y->flags |= F_QUOTE;
	y->open = !y->open;
	y->since = 0;
}

/* One token from s[i]: letters lower-cased into the hash, digits
 * counted, an apostrophe inside it passed over.  Returns its end. */
static size_t
word(struct para *p, size_t i, struct stok *t, int *letter)
{
	const char *s = p->t;
	size_t n = p->n, l;
	unsigned cp;
	struct hash x;

	hstart(&x);
	for (; i < n; i += l) {
		unsigned char c = (unsigned char)s[i];

		l = 1;
		switch (atype[c]) {
		case A_LETTER:
			hbyte(&x, c | 0x20);
			*letter = 1;
			continue;
		case A_DIGIT:
			t->digits++;
			continue;
		case A_APOS:
			continue;
		case A_HIGH:
			l = dec(s + i, n - i, &cp);
			if (cp == 0x2019)
				continue;
			if (mbletter(cp)) {
				char b[4];
				int m = utf8_put(b, lower(cp)), j;

				for (j = 0; j < m; j++)
					hbyte(&x, (unsigned char)b[j]);
				*letter = 1;
				continue;
			}
			break;
		}
		break;
	}
	t->h = hend(&x);
	t->len = (uint32_t)(i - t->off);
	return i;
}

/* How many ASCII letters stand at s[i], up to n. */
static size_t
letters(const char *s, size_t i, size_t n)
{
	size_t j = i;

#ifdef __SSE2__
	/* c | 0x20 is a-z for a letter; shifted so that a-z are the
	 * smallest signed bytes, one compare finds them */
	const __m128i low = _mm_set1_epi8(0x20), shift = _mm_set1_epi8(0x80 - 'a'),
	    top = _mm_set1_epi8((char)(-128 + 26));

	for (; j + 16 <= n; j += 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + j));
		unsigned m;

		v = _mm_add_epi8(_mm_or_si128(v, low), shift);
		m = ~(unsigned)_mm_movemask_epi8(_mm_cmplt_epi8(v, top)) & 0xFFFF;
		if (m)
			return j + (size_t)__builtin_ctz(m) - i;
	}
#endif
	while (j < n && atype[(unsigned char)s[j]] == A_LETTER)
		j++;
	return j - i;
}

/* k bytes at u (k <= 8) as one word, the first the highest */
static uint64_t
bytes(const unsigned char *u, size_t k)
{
	uint64_t w = 0;

	while (k-- > 0)
		w = w << 8 | *u++;
	return w;
}

/* eight bytes so: compilers make this one load, where it is inlined */
static inline uint64_t
bytes8(const unsigned char *u)
{
	return (uint64_t)u[0] << 56 | (uint64_t)u[1] << 48 | (uint64_t)u[2] << 40 |
	    (uint64_t)u[3] << 32 | (uint64_t)u[4] << 24 | (uint64_t)u[5] << 16 |
	    (uint64_t)u[6] << 8 | u[7];
}

#define LOWER8 0x2020202020202020u

/* The hash word() makes of k ASCII letters at s, of which room bytes
 * may be read: lower-cased eight at a time instead of byte by byte. */
static uint64_t
hletters(const char *s, size_t k, size_t room)
{
	const unsigned char *u = (const unsigned char *)s;
	uint64_t h = EMPTY, w = 0;
	size_t j, r;

	for (j = 0; j + 8 <= k; j += 8)
		h = mix(h, bytes8(u + j) | LOWER8);
	if ((r = k - j) > 0) {
		/* the last letters: one load where the text has room */
		w = j + 8 <= room ? bytes8(u + j) >> (64 - 8 * r) : bytes(u + j, r);
		w |= LOWER8 >> (64 - 8 * r);
	}
	return mix(h, w ^ (uint64_t)k << 56);
}

/* The token at s[i], which starts with a letter or a digit; returns its
 * end.  Most tokens are ASCII letters up to a space or a mark: those are
 * hashed whole; the others go through word() byte by byte. */
static size_t
token(struct para *p, size_t i, struct stok *t, int *letter)
{
	const char *s = p->t;
	size_t n = p->n, k = letters(s, i, n), e = i + k;

	if (k > 0 && (e == n || atype[(unsigned char)s[e]] == A_SEP ||
	    atype[(unsigned char)s[e]] == A_ESC)) {
		t->h = hletters(s + i, k, n - i);
		t->len = (uint32_t)k;
		*letter = 1;
		return e;
	}
	return word(p, i, t, letter);
}

/* Read tokens up to the end or cap of them, from where the last call
 * stopped (p->next), so that a paragraph read in part can be read on.
 * Between tokens it notes quotation marks: a quotation of three tokens
 * or more is F_QUOTE. */
static void
tokens(struct para *p, size_t cap)
{
	const char *s = p->t;
	size_t n = p->n, i = p->next;
	struct stok *t;
	unsigned cp;
	int letter, capital, lang;
	struct tally y = {p->ntok, p->since, p->sample, p->alpha, p->caps, p->digits,
	    p->flags, p->lists, 0, p->open};

	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		int type = atype[c];

		if (type == A_HIGH) {
			size_t l = dec(s + i, n - i, &cp);

			if (cp == 0x2019 || !mbletter(cp)) {
				if (quotemark(cp))
					mark(&y);
				i += l;
				continue;
			}
			type = A_LETTER;
		} else if (type != A_LETTER && type != A_DIGIT) {
			/* of ASCII between tokens only " is a mark */
			if (c == '"')
				mark(&y);
			i += type == A_ESC && i + 1 < n ? 2 : 1;	/* \t \n: a space */
			continue;
		} else {
			cp = c;
		}
		if (y.ntok == cap)
			break;
		t = &p->tok[y.ntok];
		capital = type == A_LETTER && upper(cp);
		if (y.ntok == 0 && type == A_LETTER && !capital)
			y.flags |= F_LOWER;
		t->off = (uint32_t)i;
		t->digits = 0;
		t->is1 = t->first = 0;
		t->langs = 0;
		letter = 0;
		i = token(p, i, t, &letter);
		endtoken(&y, t, letter, capital);
		y.since++;
	}
	p->next = i;
	p->ntok = y.ntok;
	p->since = y.since;
	p->sample = y.sample;
	p->alpha = y.alpha;
	p->caps = y.caps;
	p->digits = y.digits;
	p->flags = y.flags;
	p->lists = y.lists;
	p->open = y.open;
	for (lang = 0; lang < NLANG; lang++)
		p->hits[lang] += (unsigned char)(y.hits >> 8 * lang);
}

/* The fingerprint of a short paragraph: its tokens without digits. */
static uint64_t
fingerprint(const struct para *p)
{
	uint64_t run = EMPTY;
	size_t i;
	int any = 0;

	for (i = 0; i < p->ntok; i++)
		if (p->tok[i].h != EMPTY) {
			run = mix(run, p->tok[i].h);
			any = 1;
		}
	return any ? run | 1 : 0;
}

int
feat_isname(const char *s, size_t n)
{
	/* of four bytes each, padded with NULs: a word of three bytes or
	 * fewer is compared without measuring them */
	static const char particles[][4] = {
		"van", "von", "de", "der", "den", "da", "di", "du", "del", "la", "le",
		"bin", "al", "el", "ben", "y", "dos", "das",
	};
	const size_t np = sizeof particles / sizeof particles[0];
	size_t i = 0, j, w = 0, k, low = 0;
	unsigned cp;

	if (n == 0 || n > 60 || s[n - 1] == '.')
		return 0;
	/* the words first: most lines fail on the first or second */
	while (i < n && w <= 5) {
		for (j = i; j < n && s[j] != ' '; j++)
			if ((s[j] >= '0' && s[j] <= '9') || s[j] == ',' || s[j] == ':' ||
			    s[j] == '(' || s[j] == '@' || s[j] == '/' || s[j] == '|')
				return 0;
		dec(s + i, j - i, &cp);
		if (!upper(cp)) {
			if (j - i >= sizeof particles[0])
				return 0;
			for (k = 0; k < np; k++)
				if (memcmp(particles[k], s + i, j - i) == 0 && particles[k][j - i] == '\0')
					break;
			if (k == np)
				return 0;
		}
		w++;
		for (i = j; i < n && s[i] == ' '; i++)
			;
	}
	if (w < 2 || w > 5)
		return 0;
	for (k = 0; k < n; k++)	/* "FIND YOUR NEXT CAR" is no name */
		low += s[k] >= 'a' && s[k] <= 'z';
	return low > 0;
}

size_t
feat_room(size_t n)
{
	return n <= NORM_MAX ? n / 2 + 1 : TOK_LONG;
}

/* Read all tokens of p, when it has room for them. */
void
feat_full(struct para *p)
{
	if ((p->flags & F_NORM) || p->n > NORM_MAX)
		return;
	tokens(p, feat_room(p->n));	/* on from the first TOK_LONG */
	p->flags |= F_NORM;
	p->fp = fingerprint(p);
}

/* A paragraph of FULL_WORDS words or fewer is read whole; of a longer one
 * the first TOK_LONG tokens, and the rest if a rule asks (feat_full). */
void
feat_para(struct para *p, struct stok *room)
{
	unsigned cont = 0;
	char e;

	p->tok = room;
	count(p->t, p->n, &p->words, &cont);
	p->chars = (unsigned)p->n - cont;
	if (p->words <= FULL_WORDS && p->n <= NORM_MAX) {
		tokens(p, feat_room(p->n));
		p->flags |= F_NORM;
		p->fp = fingerprint(p);
	} else {
		tokens(p, TOK_LONG);
	}
	ending(p);
	e = p->n ? p->t[p->n - 1] : '.';
	if (p->n <= 250 && p->words >= 2 && e != '.' && e != ',' && e != ';' && e != ':')
		p->flags |= F_TITLE;
	if (p->n <= 60 && feat_isname(p->t, p->n))
		p->flags |= F_NAME;
}

/* The language with the most stop words in the paragraphs of eight
 * tokens or more (menus would only dilute them).  A language without a
 * list (Italian, Korean ...) still matches a few words of one: below one
 * word in five no stop word rule applies. */
void
feat_article(struct article *a)
{
	unsigned sum[NLANG] = {0}, total = 0, best = 0;
	size_t i;
	int l, pass;

	for (pass = 0; pass < 2 && total == 0; pass++)
		for (i = 0; i < a->np; i++) {
			if (pass == 0 && a->p[i].sample < 8)
				continue;
			total += a->p[i].sample;
			for (l = 0; l < NLANG; l++)
				sum[l] += a->p[i].hits[l];
		}
	for (l = 0; l < NLANG; l++)
		if (sum[l] > sum[best])
			best = (unsigned)l;
	/* a declared language that another list beats twice over is a
	 * template's default (<html lang=en> on a German page) */
	if (a->lang >= 0 && sum[best] > 2 * sum[a->lang] && sum[best] * 5 >= total)
		a->lang = (int)best;
	if (a->lang < 0)
		a->lang = sum[best] == 0 || sum[best] * 5 < total ? -1 : (int)best;
	for (i = 0; i < a->np; i++)
		a->p[i].stops = a->lang >= 0 ? a->p[i].hits[a->lang] : 0;
}
