/* stripscore: the metric of the article-extraction benchmark, for
 * `make eval-strip`.
 *
 * usage: stripscore		pages from stdin: ID TAB GOLDFILE TAB PREDFILE
 *        stripscore -t FILE	the tokens of FILE, one a line
 *
 * The metric, as the benchmark defines it: tokens are the matches of
 * Python's `\w+` (Unicode word characters, case kept); the shingles of a
 * text are its runs of 4 consecutive tokens, or the whole token list when
 * there are fewer than 4 (no shingle when there is no token).  Per page
 * the gold and predicted shingles are compared as multisets:
 * tp = sum min(g, p), fp = sum max(0, p - g), fn = sum max(0, g - p).
 * Page precision tp / (tp + fp) counts only where tp + fp > 0, recall
 * tp / (tp + fn) only where tp + fn > 0; P and R are the means over the
 * pages that count and F1 = 2PR / (P + R).  (The benchmark divides tp, fp
 * and fn by their sum first; the ratios are the same.)
 *
 * Output, TAB-separated, P/R/F1 with 3 decimals, "-" for undefined:
 *   page ID TP FP FN P R F1 GOLD_WORDS PRED_WORDS	for each page
 *   mean PAGES P R F1					last
 * A page's F1 is 2tp / (2tp + fp + fn), 1 when both texts are empty.
 *
 * Word characters.  Python's \w is str.isalnum() or '_': letters (L*),
 * digits and other numbers (N*, so also ½ and ²), but not combining marks
 * (M*), format characters (Cf: soft hyphen, zero-width space) or private
 * use.  Instead of the Unicode tables this file lists the ranges that are
 * not word characters in the blocks news text uses: Latin-1 punctuation,
 * spacing modifiers, combining marks, Greek, Cyrillic, Armenian, Hebrew
 * and Arabic signs, the marks of the Brahmic scripts (by their shared
 * layout), Thai, general punctuation, currency, letterlike and other
 * symbols, CJK punctuation, private use, presentation forms, half- and
 * full-width forms and emoji.  Everything else from U+0080 up counts as
 * a letter.  Checked against Python 3.11's re (Unicode 14) on every
 * assigned code point: the same answer for all of Latin, Greek, Cyrillic,
 * Hebrew, Arabic, the punctuation and symbol blocks, CJK, Hangul and
 * emoji, and for 279364 of all 282102 (the rest: marks and signs of
 * Tibetan, Myanmar, South-East Asian and historic scripts), and for every
 * code point in the benchmark's texts.  A byte that is not valid UTF-8 is
 * no word character. */
#define _POSIX_C_SOURCE 200809L	/* getline */

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SHINGLE 4

struct range {
	uint32_t lo, hi;
};

/* code points from U+0080 up that are not word characters, sorted */
static const struct range nonword[] = {
	{ 0x0080, 0x00a9 }, { 0x00ab, 0x00b1 }, { 0x00b4, 0x00b4 },
	{ 0x00b6, 0x00b8 }, { 0x00bb, 0x00bb }, { 0x00bf, 0x00bf },
	{ 0x00d7, 0x00d7 }, { 0x00f7, 0x00f7 },
	{ 0x02c2, 0x02c5 }, { 0x02d2, 0x02df }, { 0x02e5, 0x02eb },
	{ 0x02ed, 0x02ed }, { 0x02ef, 0x036f },
	{ 0x0375, 0x0375 }, { 0x037e, 0x037e }, { 0x0384, 0x0385 },
	{ 0x0387, 0x0387 }, { 0x03f6, 0x03f6 }, { 0x0482, 0x0489 },
	{ 0x055a, 0x055f }, { 0x0589, 0x058f },
	{ 0x0591, 0x05c7 }, { 0x05f3, 0x05f4 },
	{ 0x0600, 0x061f }, { 0x064b, 0x065f }, { 0x066a, 0x066d },
	{ 0x0670, 0x0670 }, { 0x06d4, 0x06d4 }, { 0x06d6, 0x06e4 },
	{ 0x06e7, 0x06ed }, { 0x06fd, 0x06fe },
	{ 0x0700, 0x070f }, { 0x0711, 0x0711 }, { 0x0730, 0x074a },
	{ 0x07a6, 0x07b0 }, { 0x07eb, 0x07f3 }, { 0x07f6, 0x07f9 },
	{ 0x07fd, 0x07ff }, { 0x0816, 0x0819 }, { 0x081b, 0x0823 },
	{ 0x0825, 0x0827 }, { 0x0829, 0x082d }, { 0x0830, 0x083e },
	{ 0x0859, 0x085b }, { 0x085e, 0x085e }, { 0x0888, 0x0888 },
	{ 0x0890, 0x0891 }, { 0x0898, 0x089f }, { 0x08ca, 0x08ff },
	{ 0x0e31, 0x0e31 }, { 0x0e34, 0x0e3f }, { 0x0e47, 0x0e4f },
	{ 0x0e5a, 0x0e5b }, { 0x0eb1, 0x0eb1 }, { 0x0eb4, 0x0ebc },
	{ 0x0ec8, 0x0ecd },
	{ 0x1ab0, 0x1aff }, { 0x1dc0, 0x1dff }, { 0x1fbd, 0x1fbd },
	{ 0x1fbf, 0x1fc1 }, { 0x1fcd, 0x1fcf }, { 0x1fdd, 0x1fdf },
	{ 0x1fed, 0x1fef }, { 0x1ffd, 0x1ffe },
	{ 0x2000, 0x206f }, { 0x207a, 0x207e }, { 0x208a, 0x208e },
	{ 0x20a0, 0x2101 }, { 0x2103, 0x2106 }, { 0x2108, 0x2109 },
	{ 0x2114, 0x2114 }, { 0x2116, 0x2118 }, { 0x211e, 0x2123 },
	{ 0x2125, 0x2125 }, { 0x2127, 0x2127 }, { 0x2129, 0x2129 },
	{ 0x212e, 0x212e }, { 0x213a, 0x213b }, { 0x2140, 0x2144 },
	{ 0x214a, 0x214d }, { 0x214f, 0x214f }, { 0x218a, 0x218b },
	{ 0x2190, 0x245f }, { 0x249c, 0x24e9 }, { 0x2500, 0x2775 },
	{ 0x2794, 0x2bff },
	{ 0x2ce5, 0x2cea }, { 0x2cef, 0x2cf1 }, { 0x2cf9, 0x2cfc },
	{ 0x2cfe, 0x2cff }, { 0x2de0, 0x2e2e }, { 0x2e30, 0x3004 },
	{ 0x3008, 0x3020 }, { 0x302a, 0x3030 }, { 0x3036, 0x3037 },
	{ 0x303d, 0x303f }, { 0x3099, 0x309c }, { 0x30a0, 0x30a0 },
	{ 0x30fb, 0x30fb }, { 0x3190, 0x3191 }, { 0x3196, 0x319f },
	{ 0x31c0, 0x31ef }, { 0x3200, 0x321f }, { 0x322a, 0x3247 },
	{ 0x3250, 0x3250 }, { 0x3260, 0x327f }, { 0x328a, 0x32b0 },
	{ 0x32c0, 0x33ff }, { 0x4dc0, 0x4dff },
	{ 0xa490, 0xa4cf }, { 0xa4fe, 0xa4ff }, { 0xa60d, 0xa60f },
	{ 0xa66f, 0xa67e }, { 0xa6f0, 0xa6f7 }, { 0xa700, 0xa716 },
	{ 0xa720, 0xa721 }, { 0xa789, 0xa78a },
	{ 0xd800, 0xf8ff }, { 0xfb1e, 0xfb1e }, { 0xfb29, 0xfb29 },
	{ 0xfbb2, 0xfbc2 }, { 0xfd3e, 0xfd4f }, { 0xfdcf, 0xfdcf },
	{ 0xfdfc, 0xfdff }, { 0xfe00, 0xfe6f },
	{ 0xfeff, 0xfeff }, { 0xff00, 0xff0f }, { 0xff1a, 0xff20 },
	{ 0xff3b, 0xff40 }, { 0xff5b, 0xff65 }, { 0xffe0, 0xffff },
	{ 0x1d000, 0x1d24f }, { 0x1f000, 0x1f0ff }, { 0x1f10d, 0x1faff },
	{ 0x1fb00, 0x1fbef }, { 0xe0000, 0xe01ef }, { 0xf0000, 0x10ffff },
};

struct tok {
	size_t off, len;
};

struct text {
	char *p;
	size_t n;
	struct tok *tok;
	size_t ntok;
};

/* one shingle of a page: tokens first .. first + ntok - 1 of its text */
struct shingle {
	const struct text *t;
	size_t first, ntok;
	uint64_t hash;
	int gold;
};

static const char *prog = "stripscore";
#include "score.h"

static int
inranges(uint32_t c)
{
	size_t lo = 0, hi = sizeof nonword / sizeof nonword[0], mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (c > nonword[mid].hi)
			lo = mid + 1;
		else if (c < nonword[mid].lo)
			hi = mid;
		else
			return 1;
	}
	return 0;
}

/* The Brahmic scripts from Devanagari to Malayalam share one layout per
 * 128 code points: signs at the start, vowel signs and virama from 0x3a
 * (0x3d, avagraha, is a letter), length marks at 0x51, vowel signs at
 * 0x62 and the dandas after them; all these are marks or punctuation. */
static int
brahmicmark(uint32_t c)
{
	uint32_t o = c & 0x7f;

	if (c < 0x0900 || c > 0x0d7f)
		return 0;
	return o <= 0x03 || (o >= 0x3a && o <= 0x4f && o != 0x3d) ||
	    (o >= 0x51 && o <= 0x57) || (o >= 0x62 && o <= 0x65);
}

static int
isword(long c)
{
	if (c < 0)
		return 0;
	if (c < 0x80)
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || c == '_';
	return !inranges((uint32_t)c) && !brahmicmark((uint32_t)c);
}

static void
readtext(const char *path, struct text *t)
{
	FILE *f;
	size_t cap = 1 << 16, got;

	if (!(f = fopen(path, "rb")))
		die("%s: %s", path, strerror(errno));
	t->p = xrealloc(NULL, cap);
	t->n = 0;
	while ((got = fread(t->p + t->n, 1, cap - t->n, f)) > 0) {
		t->n += got;
		if (t->n == cap)
			t->p = xrealloc(t->p, cap *= 2);
	}
	if (ferror(f))
		die("%s: %s", path, strerror(errno));
	fclose(f);
}

static void
addtok(struct text *t, size_t *cap, size_t off, size_t len)
{
	if (t->ntok == *cap)
		t->tok = xrealloc(t->tok, (*cap = *cap ? *cap * 2 : 256) * sizeof *t->tok);
	t->tok[t->ntok].off = off;
	t->tok[t->ntok++].len = len;
}

/* The \w+ tokens of t. */
static void
tokenize(struct text *t)
{
	const unsigned char *s = (const unsigned char *)t->p;
	size_t i = 0, start = 0, len, cap = 0;
	int in = 0;
	long c;

	t->tok = NULL;
	t->ntok = 0;
	while (i < t->n) {
		c = decode(s + i, t->n - i, &len);
		if (isword(c) && !in)
			start = i, in = 1;
		else if (!isword(c) && in)
			addtok(t, &cap, start, i - start), in = 0;
		i += len;
	}
	if (in)
		addtok(t, &cap, start, i - start);
}

static void
load(const char *path, struct text *t)
{
	readtext(path, t);
	tokenize(t);
}

static void
unload(struct text *t)
{
	free(t->p);
	free(t->tok);
}

static size_t
nshingles(const struct text *t)
{
	if (t->ntok == 0)
		return 0;
	return t->ntok < SHINGLE ? 1 : t->ntok - SHINGLE + 1;
}

/* FNV-1a over the tokens, each closed by 0xff, a byte UTF-8 never has */
static uint64_t
hash(const struct text *t, size_t first, size_t n)
{
	uint64_t h = 14695981039346656037ULL;
	size_t i, j;

	for (i = first; i < first + n; i++) {
		for (j = 0; j < t->tok[i].len; j++)
			h = (h ^ (unsigned char)t->p[t->tok[i].off + j]) * 1099511628211ULL;
		h = (h ^ 0xff) * 1099511628211ULL;
	}
	return h;
}

static void
addshingles(struct shingle *sh, size_t *n, const struct text *t, int gold)
{
	size_t i, k = nshingles(t), len = t->ntok < SHINGLE ? t->ntok : SHINGLE;

	for (i = 0; i < k; i++) {
		sh[*n].t = t;
		sh[*n].first = i;
		sh[*n].ntok = len;
		sh[*n].hash = hash(t, i, len);
		sh[*n].gold = gold;
		(*n)++;
	}
}

/* Order by hash, then by content, so that equal shingles are adjacent
 * whatever the hash collides with. */
static int
cmpshingle(const void *va, const void *vb)
{
	const struct shingle *a = va, *b = vb;
	const struct tok *x, *y;
	size_t i, m;
	int d;

	if (a->hash != b->hash)
		return a->hash < b->hash ? -1 : 1;
	if (a->ntok != b->ntok)
		return a->ntok < b->ntok ? -1 : 1;
	for (i = 0; i < a->ntok; i++) {
		x = &a->t->tok[a->first + i];
		y = &b->t->tok[b->first + i];
		m = x->len < y->len ? x->len : y->len;
		if ((d = memcmp(a->t->p + x->off, b->t->p + y->off, m)) != 0)
			return d;
		if (x->len != y->len)
			return x->len < y->len ? -1 : 1;
	}
	return 0;
}

/* tp, fp and fn over the shingle multisets of gold and pred */
static void
match(const struct text *gold, const struct text *pred, size_t c[3])
{
	size_t n = 0, i, j, g, p;
	struct shingle *sh;

	sh = xrealloc(NULL, (nshingles(gold) + nshingles(pred)) * sizeof *sh);
	addshingles(sh, &n, gold, 1);
	addshingles(sh, &n, pred, 0);
	qsort(sh, n, sizeof *sh, cmpshingle);
	c[0] = c[1] = c[2] = 0;
	for (i = 0; i < n; i = j) {
		g = p = 0;
		for (j = i; j < n && cmpshingle(&sh[i], &sh[j]) == 0; j++)
			if (sh[j].gold)
				g++;
			else
				p++;
		c[0] += g < p ? g : p;
		c[1] += p > g ? p - g : 0;
		c[2] += g > p ? g - p : 0;
	}
	free(sh);
}

static void
putnum(int defined, double v)
{
	if (defined)
		printf("\t%.3f", v);
	else
		fputs("\t-", stdout);
}

/* the means over the pages so far */
static struct {
	double psum, rsum;
	size_t np, nr, pages;
} all;

static void
page(const char *id, const char *goldpath, const char *predpath)
{
	struct text gold, pred;
	size_t c[3];
	double tp, fp, fn;

	load(goldpath, &gold);
	load(predpath, &pred);
	match(&gold, &pred, c);
	tp = (double)c[0], fp = (double)c[1], fn = (double)c[2];
	printf("page\t%s\t%zu\t%zu\t%zu", id, c[0], c[1], c[2]);
	putnum(tp + fp > 0, tp + fp > 0 ? tp / (tp + fp) : 0);
	putnum(tp + fn > 0, tp + fn > 0 ? tp / (tp + fn) : 0);
	putnum(1, tp + fp + fn > 0 ? 2 * tp / (2 * tp + fp + fn) : 1);
	printf("\t%zu\t%zu\n", gold.ntok, pred.ntok);
	if (tp + fp > 0)
		all.psum += tp / (tp + fp), all.np++;
	if (tp + fn > 0)
		all.rsum += tp / (tp + fn), all.nr++;
	all.pages++;
	unload(&gold);
	unload(&pred);
}

static void
mean(void)
{
	double p = all.np ? all.psum / (double)all.np : 0;
	double r = all.nr ? all.rsum / (double)all.nr : 0;

	printf("mean\t%zu", all.pages);
	putnum(all.np > 0, p);
	putnum(all.nr > 0, r);
	putnum(all.np > 0 && all.nr > 0, p + r > 0 ? 2 * p * r / (p + r) : 0);
	putchar('\n');
}

/* Split an input line "ID TAB GOLD TAB PRED" in place; 0 when malformed. */
static int
fields(char *s, char *f[3])
{
	char *tab;
	int i;

	s[strcspn(s, "\n")] = '\0';
	for (i = 0; i < 2; i++) {
		f[i] = s;
		if (!(tab = strchr(s, '\t')))
			return 0;
		*tab = '\0';
		s = tab + 1;
	}
	f[2] = s;
	return !strchr(s, '\t') && *f[0] && *f[1] && *f[2];
}

static void
pages(void)
{
	char *line = NULL, *f[3];
	size_t cap = 0, no = 0;

	while (getline(&line, &cap, stdin) != -1) {
		no++;
		if (!fields(line, f))
			die("stdin:%zu: want ID TAB GOLD TAB PRED", no);
		page(f[0], f[1], f[2]);
	}
	free(line);
	mean();
}

static void
tokens(const char *path)
{
	struct text t;
	size_t i;

	load(path, &t);
	for (i = 0; i < t.ntok; i++)
		printf("%.*s\n", (int)t.tok[i].len, t.p + t.tok[i].off);
	unload(&t);
}

int
main(int argc, char **argv)
{
	if (argc == 3 && strcmp(argv[1], "-t") == 0)
		tokens(argv[2]);
	else if (argc == 1)
		pages();
	else
		die("usage: stripscore [-t file] <pages");
	if (fflush(stdout) == EOF || ferror(stdout))
		die("write error");
	return 0;
}
