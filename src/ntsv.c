/* ntsv: the record stream as one header-ed TSV table.
 *
 * Records are gathered per article (a run of one ID) and printed when the
 * article ends, so that every row can carry the article's metadata (-f)
 * wherever in the article the meta record stood.  Memory is the largest
 * article. */
#include "nu.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#define MAXCOLS 64
#define MAXKEYS 32
#define MAXTAB 8

static struct tsv {
	int articles;			/* the articles table */
	const char *kinds[MAXTAB];	/* record kinds shown */
	const struct kind *kindp[MAXTAB];	/* the same, NULL when unknown */
	size_t nkinds;
	const char *cols[MAXCOLS];	/* columns after id (and kind) */
	size_t ncols;
	int showkind;			/* several tables: a kind column */
	int unknown;			/* one kind not in nu_kinds: columns from data */
	int colsset;			/* ... taken from its first record */
	const char *keys[MAXKEYS];	/* article fields looked up: -f first */
	size_t keylen[MAXKEYS];		/* their lengths: looked up per record */
	uint64_t keyhint[64];		/* bit c & 63 of [n & 63]: a key of length
					   n starts with byte c; most meta keys
					   are no -f key, and fail here at once */
	size_t nkeys;
	size_t nshow;			/* how many of them -f asked to show */
	int header;
	int headed;
	int direct;			/* rows need no article data: print at once */
} t = {.header = 1};

/* the article being gathered */
static struct {
	struct buf id, arena;
	struct span *rows;		/* copies of the lines shown */
	size_t nrows, caprows;
	struct span val[MAXKEYS];	/* first value of each -f key */
	int has[MAXKEYS];
	size_t nhas;			/* how many keys have their value */
	unsigned long paras, words;
	int open;
} a;

static void
usage(void)
{
	fprintf(stderr, "usage: %s [-H] [-f field,...] [table[,table...] [file ...]]\n", nu_prog);
	exit(2);
}

static size_t
colindex(const char *name, size_t n)
{
	size_t i;

	for (i = 0; i < t.ncols; i++)
		if (strlen(t.cols[i]) == n && memcmp(t.cols[i], name, n) == 0)
			return i;
	return (size_t)-1;
}

static char *
strndup_(const char *s, size_t n)
{
	char *p = nu_alloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

/* Add the columns of kind k (space-separated names) to the union. */
static void
addcols(const char *cols)
{
	const char *p = cols, *e;

	while (*p) {
		e = strchr(p, ' ');
		if (!e)
			e = p + strlen(p);
		if (colindex(p, (size_t)(e - p)) == (size_t)-1) {
			if (t.ncols == MAXCOLS)
				nu_die(2, "too many columns");
			t.cols[t.ncols++] = strndup_(p, (size_t)(e - p));
		}
		p = *e ? e + 1 : e;
	}
}

/* Record kinds are lower-case words; anything else is no table name. */
static int
kindname(const char *s)
{
	if (!*s)
		return 0;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '_'))
			return 0;
	return 1;
}

static void
tables(char *spec)
{
	char *tok, *save = NULL;
	const struct kind *k;

	for (tok = strtok_r(spec, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		if (strcmp(tok, "articles") == 0) {
			t.articles = 1;
			continue;
		}
		if (t.nkinds == MAXTAB)
			usage();
		k = kind_by_name(tok, strlen(tok));
		if (k) {
			t.kindp[t.nkinds] = k;
			t.kinds[t.nkinds++] = k->kind;
			addcols(k->cols);
		} else if (kindname(tok)) {
			t.kinds[t.nkinds++] = tok;
			t.unknown = 1;
		} else {
			/* "ntsv dump.ns": a file where the table belongs */
			nu_warn("%s: not a table or record kind", tok);
			usage();
		}
	}
	if (t.articles && t.nkinds) {
		nu_warn("the articles table cannot be combined with others");
		usage();
	}
	if (!t.articles && !t.nkinds)
		usage();
	if (t.unknown && t.nkinds > 1) {
		nu_warn("an unknown record kind can only be shown alone");
		usage();
	}
	t.showkind = t.nkinds > 1;
	if (t.articles)
		addcols("source format title byline date paragraphs words");
}

static void
addkey(const char *k)
{
	if (t.nkeys == MAXKEYS)
		nu_die(2, "too many -f fields (at most %d)", MAXKEYS);
	t.keylen[t.nkeys] = strlen(k);
	t.keyhint[t.keylen[t.nkeys] & 63] |= (uint64_t)1 << ((unsigned char)k[0] & 63);
	t.keys[t.nkeys++] = k;
}

static void
fields(char *spec)
{
	char *tok, *save = NULL;

	for (tok = strtok_r(spec, ",", &save); tok; tok = strtok_r(NULL, ",", &save))
		addkey(tok);
	t.nshow = t.nkeys;
}

static void
header(void)
{
	size_t i;

	t.headed = 1;
	if (!t.header)
		return;
	out_s("id");
	if (t.showkind)
		out_s("\trecord");	/* not "kind": quotes have a kind column */
	for (i = 0; i < t.ncols; i++) {
		out_c('\t');
		out_s(t.cols[i]);
	}
	for (i = 0; i < t.nshow; i++) {
		out_c('\t');
		out_s(t.keys[i]);
	}
	out_c('\n');
}

static void
keycols(void)
{
	size_t i;

	for (i = 0; i < t.nshow; i++) {
		out_c('\t');
		if (a.has[i])
			out_add(a.arena.p + a.val[i].off, a.val[i].len);
	}
}

/* Inline: the quick test fails for most meta records. */
static inline int
keyhint(const char *k, size_t n)
{
	return n && t.keyhint[n & 63] >> ((unsigned char)k[0] & 63) & 1;
}

static int
keyidx(const char *k, size_t n)
{
	size_t i;

	if (!keyhint(k, n))
		return -1;
	for (i = 0; i < t.nkeys; i++)
		if (t.keylen[i] == n && t.keys[i][0] == k[0] && memcmp(t.keys[i], k, n) == 0)
			return (int)i;
	return -1;
}

/* Keep v as the value of key i (-1: no key asked for) unless it has one. */
static void
setval(int i, const char *v, size_t vn)
{
	if (i < 0 || a.has[i])
		return;
	a.val[i].off = a.arena.len;
	a.val[i].len = vn;
	buf_add(&a.arena, v, vn);
	a.has[i] = 1;
	a.nhas++;
}

static void
setkey(const char *k, size_t kn, const char *v, size_t vn)
{
	/* most meta records come after the keys asked for: no search */
	if (a.nhas == t.nkeys || !keyhint(k, kn))
		return;
	setval(keyidx(k, kn), v, vn);
}

/* the keys doc records and the articles table's own columns fill, looked
 * up like -f keys, once */
enum { O_SOURCE, O_FORMAT, O_TITLE, O_BYLINE, O_DATE, O_N };
static const char *const own[O_N] = {"source", "format", "title", "byline", "date"};
static int ownidx[O_N];

static void
artcol(int o)
{
	int i = ownidx[o];

	if (i >= 0 && a.has[i])
		out_add(a.arena.p + a.val[i].off, a.val[i].len);
}

static void
flush(void)
{
	struct rec r;
	size_t i, j, c;
	const char *cols[MAXCOLS];
	size_t cl[MAXCOLS];

	if (!a.open)
		return;
	if (!t.headed && (!t.unknown || t.colsset))
		header();
	if (t.articles) {
		out_add(a.id.p, a.id.len);
		out_c('\t'); artcol(O_SOURCE);
		out_c('\t'); artcol(O_FORMAT);
		out_c('\t'); artcol(O_TITLE);
		out_c('\t'); artcol(O_BYLINE);
		out_c('\t'); artcol(O_DATE);
		out_c('\t');
		out_u(a.paras);
		out_c('\t');
		out_u(a.words);
		keycols();
		out_c('\n');
	}
	for (i = 0; i < a.nrows; i++) {
		rec_split(&r, a.arena.p + a.rows[i].off, a.rows[i].len);
		for (c = 0; c < t.ncols; c++)
			cols[c] = NULL;
		if (t.unknown) {
			for (c = 0; c < t.ncols; c++) {
				cols[c] = r.f[c + 2];
				cl[c] = r.fl[c + 2];
			}
		} else {
			const struct kind *k = kind_of(r.f[1], r.fl[1]);
			const char *p = k->cols, *e;

			for (j = 2; *p; j++) {
				e = strchr(p, ' ');
				if (!e)
					e = p + strlen(p);
				c = colindex(p, (size_t)(e - p));
				cols[c] = r.f[j];
				cl[c] = r.fl[j];
				p = *e ? e + 1 : e;
			}
		}
		out_add(r.f[0], r.fl[0]);
		if (t.showkind) {
			out_c('\t');
			out_add(r.f[1], r.fl[1]);
		}
		for (c = 0; c < t.ncols; c++) {
			out_c('\t');
			if (cols[c])
				out_add(cols[c], cl[c]);
		}
		keycols();
		out_c('\n');
	}
	a.open = 0;
}

static void
begin(const struct rec *r)
{
	size_t i;

	flush();
	buf_reset(&a.id);
	buf_add(&a.id, r->f[0], r->fl[0]);
	buf_reset(&a.arena);
	a.nrows = 0;
	a.paras = a.words = 0;
	for (i = 0; i < t.nkeys; i++)
		a.has[i] = 0;
	a.nhas = 0;
	a.open = 1;
}

/* Words: runs of characters other than space and escaped TAB, LF, CR.
 * Paragraph text is most of the stream and seldom holds a backslash, so
 * the plain text before the first one is counted a block at a time: a
 * word starts at a byte that is no space where the byte before is one.
 * blockwords() adds the words starting in the blocks it looked at to *w,
 * sets *in when the last byte of them is no space and returns their
 * length. */
#ifdef __SSE2__
/* Sixteen bytes at a time, each compared with the byte before it (a
 * second load one byte back): a word start is 0xFF, that is -1, and is
 * subtracted into a byte counter, which is added up every 255 blocks. */
static size_t
blockwords(const char *s, size_t n, unsigned long *w, int *in)
{
	const __m128i sp = _mm_set1_epi8(' '), bs = _mm_set1_epi8('\\');
	const __m128i zero = _mm_setzero_si128();
	__m128i cur, prev, acc = zero, sum = zero;
	uint64_t part[2];
	size_t i, k = 0;

	*in = 0;
	if (n < 17 || s[0] == '\\')
		return 0;
	*w += s[0] != ' ';
	for (i = 1; i + 16 <= n; i += 16) {
		cur = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
		if (_mm_movemask_epi8(_mm_cmpeq_epi8(cur, bs)))
			break;
		prev = _mm_loadu_si128((const __m128i *)(const void *)(s + i - 1));
		acc = _mm_sub_epi8(acc, _mm_andnot_si128(_mm_cmpeq_epi8(cur, sp),
		    _mm_cmpeq_epi8(prev, sp)));
		if (++k == 255) {
			sum = _mm_add_epi64(sum, _mm_sad_epu8(acc, zero));
			acc = zero;
			k = 0;
		}
	}
	sum = _mm_add_epi64(sum, _mm_sad_epu8(acc, zero));
	_mm_storeu_si128((__m128i *)(void *)part, sum);
	*w += (unsigned long)(part[0] + part[1]);
	*in = s[i - 1] != ' ';
	return i;
}
#else
#define ONES 0x0101010101010101u
#define HIGH 0x8080808080808080u
static uint64_t
spaces(uint64_t w)	/* high bit set in each byte that is ' ' */
{
	uint64_t t = w ^ (ONES * ' ');

	return ~(((t & ~HIGH) + ~HIGH) | t) & HIGH;
}

static size_t
blockwords(const char *s, size_t n, unsigned long *w, int *in)
{
	static const uint16_t one = 1;
	uint64_t x, b, sp, prev = HIGH;	/* as if a space came first */
	size_t i = 0;

	if (*(const unsigned char *)&one)	/* the masks are little-endian */
		for (; i + 8 <= n; i += 8) {
			memcpy(&x, s + i, 8);
			b = x ^ (ONES * '\\');
			if ((b - ONES) & ~b & HIGH)
				break;
			sp = spaces(x);
			/* byte k starts a word if it is no space and byte k-1
			 * (for k = 0: the last byte of the word before) is */
			*w += (unsigned long)(((~sp & HIGH & ((sp << 8) | (prev >> 56))) >> 7) * ONES >> 56);
			prev = sp;
		}
	*in = !(prev >> 63);
	return i;
}
#endif

static unsigned long
countwords(const char *s, size_t n)
{
	unsigned long w = 0;
	int in;
	size_t i = blockwords(s, n, &w, &in);

	for (; i < n; i++) {
		int blank = s[i] == ' ';

		if (s[i] == '\\' && i + 1 < n) {
			/* an escape pair is one character, so the t of
			 * an escaped backslash and a t is no TAB */
			i++;
			blank = s[i] == 't' || s[i] == 'n' || s[i] == 'r';
		}
		if (blank) {
			in = 0;
		} else if (!in) {
			in = 1;
			w++;
		}
	}
	return w;
}

static int
shown(const struct rec *r, const struct kind *k)
{
	size_t i;

	for (i = 0; i < t.nkinds; i++)
		if (k ? k == t.kindp[i] : !t.kindp[i] && rec_kind(r, t.kinds[i]))
			return 1;
	return 0;
}

/* An unknown kind's columns are f1..fN from its first record; a later
 * record with another count cannot be a row of the same table. */
static int
unknowncols(struct lrd *in, const struct rec *r)
{
	char name[32];
	int j;

	if (r->nf == REC_MAXF && memchr(r->f[r->nf - 1], '\t', r->fl[r->nf - 1])) {
		/* its last field holds the rest, TABs and all: no row */
		nu_warnx("%s:%lu: %.*s record with more than %d fields: skipped", in->name,
		    in->lineno, (int)r->fl[1], r->f[1], REC_MAXF - 2);
		return 0;
	}
	if (!t.colsset) {
		for (j = 1; j <= r->nf - 2; j++) {
			snprintf(name, sizeof name, "f%d", j);
			t.cols[t.ncols++] = nu_strdup(name);
		}
		t.colsset = 1;
		return 1;
	}
	if ((size_t)(r->nf - 2) != t.ncols) {
		nu_warnx("%s:%lu: %.*s record with %d field%s, not %zu: skipped", in->name,
		    in->lineno, (int)r->fl[1], r->f[1], r->nf - 2, r->nf == 3 ? "" : "s", t.ncols);
		return 0;
	}
	return 1;
}

/* kind_of(3) of a record; a stream repeats a kind in runs (meta,
 * meta, ..., para, para, ...), so the last answer is tried first. */
static const struct kind *
kindof(const struct rec *r)
{
	static const char *last;
	static size_t lastlen;
	static const struct kind *lastk;

	const struct kind *k;
	size_t i;

	if (last && r->fl[1] == lastlen) {
		for (i = 0; i < lastlen && r->f[1][i] == last[i]; i++)
			;	/* kinds are short: no memcmp(3) call */
		if (i == lastlen)
			return lastk;
	}
	/* an unknown kind is not remembered: else lastk, NULL, would go with
	 * the last known one, and every para after a note be unknown */
	if ((k = kind_of(r->f[1], r->fl[1]))) {
		lastk = k;
		last = k->kind;
		lastlen = r->fl[1];
	}
	return k;
}

static void
record(struct lrd *in, struct rec *r)
{
	const struct kind *k = kindof(r);

	if (!a.open || !rec_sameid(r, a.id.p, a.id.len))
		begin(r);
	if (k && r->nf - 2 != k->ncols) {
		nu_warnx("%s:%lu: %s record with %d field%s, not %d: skipped", in->name,
		    in->lineno, k->kind, r->nf - 2, r->nf == 3 ? "" : "s", k->ncols);
		return;
	}
	if (k == &nu_kinds[K_DOC]) {
		setval(ownidx[O_SOURCE], r->f[2], r->fl[2]);
		setval(ownidx[O_FORMAT], r->f[3], r->fl[3]);
	} else if (k == &nu_kinds[K_META]) {
		setkey(r->f[2], r->fl[2], r->f[3], r->fl[3]);
	} else if (t.articles && k == &nu_kinds[K_PARA]) {
		a.paras++;
		a.words += countwords(r->f[3], r->fl[3]);
	}
	if (!t.nkinds)
		return;	/* the articles table: no rows from records */
	if (t.unknown && shown(r, k) && !unknowncols(in, r))
		return;
	if (t.direct && shown(r, k)) {
		/* one known kind, no -f: the row is the record without its kind */
		if (!t.headed)
			header();
		out_add(r->f[0], r->fl[0]);
		out_c('\t');
		out_add(r->f[2], (size_t)(r->line + r->len - r->f[2]));
		out_c('\n');
	} else if (shown(r, k)) {
		if (a.nrows == a.caprows) {
			a.caprows = a.caprows ? 2 * a.caprows : 64;
			a.rows = nu_realloc(a.rows, a.caprows * sizeof *a.rows);
		}
		a.rows[a.nrows].off = a.arena.len;
		a.rows[a.nrows].len = r->len;
		buf_add(&a.arena, r->line, r->len);
		a.nrows++;
	}
}

static void
notrec(struct lrd *in)
{
	nu_warnx("%s:%lu: not a record: skipped", in->name, in->lineno);
}

/* The tables of spec, and the keys they need, after the options. */
static void
setup(char *spec)
{
	size_t i;

	tables(spec);
	t.direct = !t.articles && !t.unknown && t.nkinds == 1 && t.nshow == 0;
	/* the articles table needs these whether or not -f asked */
	for (i = 0; i < O_N; i++) {
		if (t.articles && keyidx(own[i], strlen(own[i])) < 0)
			addkey(own[i]);
		ownidx[i] = keyidx(own[i], strlen(own[i]));
	}
}

static void
finish(void)
{
	flush();
	if (!t.headed)
		header();	/* an empty table still has its header */
}

#ifdef NU_FUZZ
void
fuzz_init(void)
{
}

/* flags: bits 0-2 the table (specs[]), bit 3 -H, bit 4 -f title,url */
void
fuzz_one(struct lrd *in, unsigned flags)
{
	static const char *const specs[] = {"articles", "paras", "quotes", "entities",
	    "paras,junk", "para,quote,ent,junk", "hint", "skipped_part"};
	static struct tsv t0;
	static int saved;
	static char spec[32], keys[16];
	size_t i;

	if (!saved) {
		t0 = t;
		saved = 1;
	}
	for (i = 0; i < t.ncols; i++)
		free((void *)t.cols[i]);	/* addcols' copies */
	t = t0;
	t.header = !(flags >> 3 & 1);
	if (flags >> 4 & 1) {
		strcpy(keys, "title,url");
		fields(keys);
	}
	strcpy(spec, specs[flags & 7]);
	setup(spec);
	rec_read(in, record, notrec);
	finish();
}
#else
int
main(int argc, char **argv)
{
	int c;
	char *spec = "articles";

	nu_init(argv[0]);
	while ((c = getopt(argc, argv, "Hf:")) != -1) {
		switch (c) {
		case 'H':
			t.header = 0;
			break;
		case 'f':
			fields(optarg);
			break;
		default:
			usage();
		}
	}
	argc -= optind;
	argv += optind;
	if (argc > 0) {
		spec = argv[0];
		argc--;
		argv++;
	}
	setup(spec);
	nu_records(argc, argv, record, notrec);
	finish();
	if (nu_out_finish())
		return 1;
	return nu_status;
}
#endif
