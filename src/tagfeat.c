/* tagfeat.c: what the tagger knows of a token, its features, and the
 * beam search.
 *
 * Features are 64-bit keys: a template number mixed with the hash of what
 * it looks at (a word, a shape, a cluster, a gazetteer match).  Those of
 * the words around a token are "static"; those of the labels before
 * ("dynamic") differ from one sequence of the beam to the next. */
#include "tag.h"

#include <stdlib.h>

enum {
	F_BIAS = 1, F_W0, F_N0, F_NM1, F_NP1, F_NM2, F_NP2, F_PRE, F_SUF = F_PRE + 4,
	F_LSH = F_SUF + 4, F_SM1, F_SP1, F_SM10, F_S0P1, F_SM101, F_FL, F_FLS,
	F_C1K, F_C4K = F_C1K + 5, F_GAZ = F_C4K + 3, F_BIM = F_GAZ + 3, F_BIP,
	F_LOWN, F_C256, F_NEXT = F_C256 + 5,
	F_P1, F_P12, F_P1W, F_P1S, F_HIST, F_HISTS,
};

static inline uint64_t
fk(int tmpl, uint64_t v)
{
	return hmix(v + (uint64_t)tmpl * 0x9e3779b97f4a7c15ULL);
}

/* Lower case of the ASCII letters and of the two-byte Latin-1 capitals
 * (C3 80..9E but 97, the multiplication sign). */
static size_t
lower(const char *s, size_t n, char *out, int digits)
{
	size_t i;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c >= 'A' && c <= 'Z')
			c += 32;
		else if (digits && c >= '0' && c <= '9')
			c = '0';
		else if (c == 0xc3 && i + 1 < n && (unsigned char)s[i + 1] >= 0x80 &&
		    (unsigned char)s[i + 1] <= 0x9e && (unsigned char)s[i + 1] != 0x97) {
			out[i] = (char)c;
			out[i + 1] = (char)(s[i + 1] + 0x20);
			i++;
			continue;
		}
		out[i] = (char)c;
	}
	return n;
}

#define WMAX 64			/* longer words are hashed on their first bytes */

uint64_t
tag_lowhash(const char *w, size_t n)
{
	char b[WMAX];

	if (n > WMAX)
		n = WMAX;
	return thash(b, lower(w, n, b, 0));
}

/* The class of the character at s for shapes: X, x, d, or the byte. */
static int
cclass(const unsigned char *s, size_t n, size_t *k)
{
	*k = 1;
	if (s[0] >= 'A' && s[0] <= 'Z')
		return 'X';
	if (s[0] >= 'a' && s[0] <= 'z')
		return 'x';
	if (s[0] >= '0' && s[0] <= '9')
		return 'd';
	if (s[0] < 0x80)
		return s[0];
	*k = utf8_seq((const char *)s, n);
	if (*k == 0)
		*k = 1;
	if (s[0] == 0xc3 && *k == 2 && s[1] <= 0x9e)
		return 'X';
	return 'x';		/* letters of other scripts, mostly */
}

static void
shapes(struct ttok *t)
{
	const unsigned char *s = (const unsigned char *)t->w;
	char lo[24], sh[24];
	size_t i = 0, nl = 0, ns = 0, k;
	int c, ncap = 0, nsmall = 0;

	while (i < t->n) {
		c = cclass(s + i, t->n - i, &k);
		i += k;
		if (c == 'X')
			ncap++;
		else if (c == 'x')
			nsmall++;
		else if (c == 'd')
			t->fl |= TT_DIGIT;
		if (nl < sizeof lo)
			lo[nl++] = (char)c;
		if ((ns == 0 || sh[ns - 1] != c) && ns < sizeof sh)
			sh[ns++] = (char)c;
	}
	t->hlong = thash(lo, nl);
	t->hs = thash(sh, ns);
	if (ncap && (s[0] < 'a' || s[0] > 'z') && cclass(s, t->n, &k) == 'X')
		t->fl |= TT_CAP;
	if (ncap >= 2 && !nsmall)
		t->fl |= TT_ALLCAP;
	if (!ncap && !nsmall && !(t->fl & TT_DIGIT))
		t->fl |= TT_PUNCT;
}

void
tdoc_reset(struct tdoc *d)
{
	d->n = 0;
	d->ns = 0;
	if (!d->sent) {
		d->caps = 64;
		d->sent = nu_alloc(d->caps * sizeof *d->sent);
	}
	d->sent[0] = 0;
}

void
tdoc_free(struct tdoc *d)
{
	free(d->t);
	free(d->sent);
	ht_free(&d->low);
	ht_free(&d->hist);
	memset(d, 0, sizeof *d);
}

struct ttok *
tdoc_add(struct tdoc *d, const char *w, size_t n)
{
	struct ttok *t;

	d->t = nu_grow(d->t, &d->cap, d->n, sizeof *d->t);
	t = &d->t[d->n++];
	memset(t, 0, sizeof *t);
	t->w = w;
	t->n = (uint32_t)n;
	return t;
}

void
tdoc_endsent(struct tdoc *d)
{
	if (d->n == d->sent[d->ns])
		return;		/* no empty sentences */
	if (d->ns + 2 > d->caps) {
		d->caps *= 2;
		d->sent = nu_realloc(d->sent, d->caps * sizeof *d->sent);
	}
	d->sent[++d->ns] = d->n;
}

/* Every name of the gazetteer that starts at token i: its words get
 * their BILOU position in each list it is on. */
static void
gazmatch(struct tdoc *d, size_t i, size_t end, const struct model *m)
{
	uint64_t g = 0;
	size_t j, k;

	for (j = i; j < end && j - i < GAZLEN; j++) {
		uint32_t v;

		g = j == i ? d->t[j].hl : ngram_next(g, d->t[j].hl);
		if (!(v = ht_get(&m->gaz, g)))
			return;
		if (!(d->t[j].fl & (TT_CAP | TT_DIGIT)) && (v & ~GAZPRE))
			continue;	/* a name ends in a capital */
		for (int l = 0; l < m->nlist; l++) {
			if (!(v & (uint32_t)1 << l))
				continue;
			for (k = i; k <= j; k++) {
				int pos = i == j ? P_U : k == i ? P_B : k == j ? P_L : P_I;

				d->t[k].gaz |= (uint64_t)1 << (4 * l + pos);
			}
		}
		if (!(v & GAZPRE))
			return;
	}
}

/* A sentence mostly in capitals is a headline: its capitals say little. */
static void
headline(struct tdoc *d, size_t a, size_t b)
{
	size_t i, caps = 0, words = 0;

	for (i = a; i < b; i++) {
		if (d->t[i].fl & TT_PUNCT)
			continue;
		words++;
		caps += (d->t[i].fl & TT_ALLCAP) != 0;
	}
	if (words >= 2 && 2 * caps > words)
		for (i = a; i < b; i++)
			d->t[i].fl |= TT_HEAD;
}

void
tdoc_prepare(struct tdoc *d, const struct model *m)
{
	char b[WMAX];
	size_t i, s;

	if (!d->low.k)
		ht_init(&d->low, 1024);
	memset(d->low.k, 0, (d->low.mask + 1) * sizeof *d->low.k);
	d->low.n = 0;
	for (i = 0; i < d->n; i++) {
		struct ttok *t = &d->t[i];
		size_t n = t->n > WMAX ? WMAX : t->n;

		t->hw = thash(t->w, n);
		t->hl = thash(b, lower(t->w, n, b, 0));
		shapes(t);
		t->hn = t->fl & TT_DIGIT ? thash(b, lower(t->w, n, b, 1)) : t->hl;
		t->clus = ht_get(&m->clus, t->hl);
		if (!(t->fl & (TT_CAP | TT_PUNCT | TT_DIGIT)))
			*ht_put(&d->low, t->hl) = 1;
	}
	for (s = 0; s < d->ns; s++) {
		d->t[d->sent[s]].fl |= TT_FIRST;
		headline(d, d->sent[s], d->sent[s + 1]);
		for (i = d->sent[s]; i < d->sent[s + 1]; i++)
			if (d->t[i].fl & (TT_CAP | TT_DIGIT))
				gazmatch(d, i, d->sent[s + 1], m);
	}
	for (i = 0; i < d->n; i++)
		if ((d->t[i].fl & TT_CAP) && ht_get(&d->low, d->t[i].hl))
			d->t[i].fl |= TT_LOWSEEN;
}

#define BOS 0x5bb05u		/* words before and after a sentence */
#define EOS 0xe05e05u

/* Features of the word t as seen from a token o words away (o in -2..2):
 * they depend on the word alone, so tag_doc can keep their sum per word. */
static size_t
wordfeats(const struct ttok *t, int o, uint64_t *f)
{
	size_t n = 0, k;

	switch (o) {
	case 0:
		f[n++] = fk(F_W0, t->hw);
		f[n++] = fk(F_N0, t->hn);
		for (k = 1; k <= 4 && k < t->n; k++) {
			f[n++] = fk(F_PRE + (int)k - 1, thash(t->w, k));
			f[n++] = fk(F_SUF + (int)k - 1, thash(t->w + t->n - k, k));
		}
		f[n++] = fk(F_LSH, t->hlong);
		break;
	case -1: f[n++] = fk(F_NM1, t->hn); break;
	case 1: f[n++] = fk(F_NP1, t->hn); break;
	case -2: f[n++] = fk(F_NM2, t->hn); break;
	case 2: f[n++] = fk(F_NP2, t->hn); break;
	}
	if (t->clus & CL_IN) {
		f[n++] = fk(F_C1K + o + 2, CL1K(t->clus));
		if (o >= -1 && o <= 1)
			f[n++] = fk(F_C4K + o + 1, CL4K(t->clus));
		f[n++] = fk(F_C256 + o + 2, CL256(t->clus));
	}
	return n;
}

/* The same for a place before or after the sentence. */
static size_t
edgefeats(int o, uint64_t *f)
{
	static const int tmpl[5] = {F_NM2, F_NM1, 0, F_NP1, F_NP2};

	f[0] = fk(tmpl[o + 2], o < 0 ? BOS : EOS);
	return 1;
}

/* Features of token i in its context, but for the words' own. */
static size_t
ctxfeats(const struct tdoc *d, size_t a, size_t b, size_t i, uint64_t *f)
{
	const struct ttok *t = d->t, *w = &t[i];
	uint64_t nm1 = i > a ? t[i - 1].hn : BOS, np1 = i + 1 < b ? t[i + 1].hn : EOS;
	uint64_t sm1 = i > a ? t[i - 1].hs : BOS, sp1 = i + 1 < b ? t[i + 1].hs : EOS;
	size_t n = 0;
	int o;

	f[n++] = fk(F_BIAS, 0);
	f[n++] = fk(F_SM1, sm1);
	f[n++] = fk(F_SP1, sp1);
	f[n++] = fk(F_SM10, hmix(sm1 ^ w->hs * 3));
	f[n++] = fk(F_S0P1, hmix(w->hs ^ sp1 * 5));
	f[n++] = fk(F_SM101, hmix(sm1 ^ w->hs * 3 ^ sp1 * 5));
	f[n++] = fk(F_FL, w->fl);
	f[n++] = fk(F_FLS, hmix(w->fl ^ w->hs * 7));
	f[n++] = fk(F_BIM, hmix(nm1 ^ w->hn * 3));
	f[n++] = fk(F_BIP, hmix(w->hn ^ np1 * 3));
	for (o = -1; o <= 1; o++) {
		size_t j = i + (size_t)o;
		uint64_t g;

		if ((o < 0 && i == a) || j >= b)
			continue;
		for (g = t[j].gaz; g && n < NCTX; g &= g - 1)
			f[n++] = fk(F_GAZ + o + 1, (uint64_t)__builtin_ctzll(g));
	}
	return n;
}

/* Is the token o words from i inside the sentence [a, b)? */
static int
inside(size_t a, size_t b, size_t i, int o)
{
	return o < 0 ? i >= a + (size_t)-o : i + (size_t)o < b;
}

size_t
tag_feats(const struct tdoc *d, size_t a, size_t b, size_t i, uint64_t *f)
{
	size_t n = ctxfeats(d, a, b, i, f);
	int o;

	for (o = -2; o <= 2; o++)
		n += inside(a, b, i, o) ? wordfeats(&d->t[i + (size_t)o], o, f + n) :
		    edgefeats(o, f + n);
	return n;
}

/* The keys of the features of the labels before: of p1 alone, of p1 and
 * p2, of p1 with the word and with its shape, and of what the document
 * said of the word before (0: nothing).  tag_dynfeats lists them for
 * training; tag_doc sums them by what they depend on. */
static inline uint64_t k_p1(int p1) { return fk(F_P1, (uint64_t)p1); }
static inline uint64_t k_p12(int p1, int p2) { return fk(F_P12, (uint64_t)(p1 * NLAB + p2)); }
static inline uint64_t k_p1w(const struct ttok *w, int p1) { return fk(F_P1W, hmix(w->hn + (uint64_t)p1)); }
static inline uint64_t k_p1s(const struct ttok *w, int p1) { return fk(F_P1S, hmix(w->hs + (uint64_t)p1)); }

static uint32_t
histof(const struct tdoc *d, const struct ttok *w)
{
	return (w->fl & TT_CAP) ? ht_get(&d->hist, w->hw) : 0;
}

static size_t
histfeats(const struct ttok *w, uint32_t h, uint64_t *f)
{
	if (!h)
		return 0;
	f[0] = fk(F_HIST, h);
	f[1] = fk(F_HISTS, hmix(w->hs + h));
	return 2;
}

size_t
tag_dynfeats(const struct tdoc *d, size_t i, int p1, int p2, uint64_t *f)
{
	const struct ttok *w = &d->t[i];

	f[0] = k_p1(p1);
	f[1] = k_p12(p1, p2);
	f[2] = k_p1w(w, p1);
	f[3] = k_p1s(w, p1);
	return 4 + histfeats(w, histof(d, w), f + 4);
}

/* May lab follow prev (in a sentence's last token, last)? */
static int
valid(int prev, int lab, int last)
{
	int inside = prev && (LPOS(prev) == P_B || LPOS(prev) == P_I);

	if (last && lab && (LPOS(lab) == P_B || LPOS(lab) == P_I))
		return 0;
	if (inside)
		return lab && LTYPE(lab) == LTYPE(prev) && (LPOS(lab) == P_I || LPOS(lab) == P_L);
	return !lab || LPOS(lab) == P_B || LPOS(lab) == P_U;
}

/* The labels that may follow each label, in a sentence's last token or
 * before it. */
static struct follow {
	uint8_t n, l[NLAB];
} tag_follow[2][NLAB];

static void
followinit(void)
{
	int last, p, l;

	for (last = 0; last < 2; last++)
		for (p = 0; p < NLAB; p++) {
			struct follow *f = &tag_follow[last][p];

			for (f->n = 0, l = 0; l < NLAB; l++)
				if (valid(p, l, last))
					f->l[f->n++] = (uint8_t)l;
		}
}

/* One step of the search: into cur, the best TAG_BEAM of the sequences
 * prev[0..np) extended by each label l that may follow, at score v[k][l].
 * Two sequences that end in the same two labels have the same future:
 * of the items with the same last label, only the best goes on with each
 * label (on a tie the gold one, gold being the label of the gold sequence
 * or -1, so that training sees gold fall out only when it scores worse).
 * Returns the items in cur, best first. */
size_t
beam_step(struct beam *cur, const struct beam *prev, size_t np, int64_t (*v)[NLAB],
    int last, int gold)
{
	int head[NLAB], next[TAG_BEAM], tail[NLAB], order[TAG_BEAM];
	size_t k, nt = 0, no = 0, y, x;
	int b, q;

	memset(head, 0xff, sizeof head);
	for (k = 0; k < np; k++) {	/* the items by their last label */
		int p = prev[k].p1;

		next[k] = -1;
		if (head[p] < 0)
			head[order[no++] = p] = (int)k;
		else
			next[tail[p]] = (int)k;
		tail[p] = (int)k;
	}
	for (x = 0; x < no; x++) {
		const struct follow *fw = &tag_follow[last != 0][order[x]];

		for (y = 0; y < fw->n; y++) {
			int l = fw->l[y];
			int64_t sc;
			struct beam it;

			for (b = q = head[order[x]]; (q = next[q]) >= 0;)
				if (v[q][l] > v[b][l] || (v[q][l] == v[b][l] && l == gold &&
				    prev[q].gold))
					b = q;
			sc = v[b][l];
			if (nt == TAG_BEAM && sc <= cur[nt - 1].sc)
				continue;	/* most fail here */
			it.sc = sc;
			it.back = (uint32_t)b;
			it.p1 = (uint8_t)l;
			it.p2 = prev[b].p1;
			it.gold = prev[b].gold && l == gold;
			if (nt < TAG_BEAM)
				nt++;
			for (k = nt - 1; k > 0 && cur[k - 1].sc < sc; k--)
				cur[k] = cur[k - 1];
			cur[k] = it;
		}
	}
	return nt;
}

/* The labels of the best sequence after step len (its first item),
 * followed back. */
void
beam_best(const struct beam *bm, size_t len, uint8_t *lab)
{
	size_t best = 0, j;

	for (j = len; j-- > 0;) {
		const struct beam *it = bm + (j + 1) * TAG_BEAM + best;

		lab[j] = it->p1;
		best = it->back;
	}
}

/* Room for the steps of a sentence of n tokens (and, the first time,
 * the labels that may follow each). */
struct beam *
beam_room(size_t n)
{
	static struct beam *bm;
	static size_t cap;

	if (!tag_follow[0][0].n)
		followinit();
	if ((n + 1) * TAG_BEAM > cap) {
		cap = 2 * (n + 1) * TAG_BEAM;
		bm = nu_realloc(bm, cap * sizeof *bm);
	}
	return bm;
}

/* What the document said of a capitalised word before: the labels it
 * got, as type bits (O is bit NTYPE).  A name given in full early on is
 * the same name later, in a headline or at a sentence's start. */
void
tag_hist(struct tdoc *d, size_t i, int lab)
{
	if (d->t[i].fl & TT_CAP)
		*ht_put(&d->hist, d->t[i].hw) |= 1u << (lab ? LTYPE(lab) : NTYPE);
}

void
tag_hist_reset(struct tdoc *d)
{
	if (!d->hist.k)
		ht_init(&d->hist, 1024);
	memset(d->hist.k, 0, (d->hist.mask + 1) * sizeof *d->hist.k);
	d->hist.n = 0;
}

/* A surname alone is the person named in full elsewhere in the document
 * ("Alexander Lukashenko" ... "Lukashenko"), whatever the tagger made of
 * it where it stands alone, as a word or as a one-word name. */
static void
surnames(struct tdoc *d)
{
	size_t i;

	tag_hist_reset(d);	/* reused: surname -> 1 */
	for (i = 1; i < d->n; i++)
		if (d->t[i].pred == LAB(TY_PER, P_L))
			*ht_put(&d->hist, d->t[i].hw) = 1;
	for (i = 0; i < d->n; i++) {
		int l = d->t[i].pred;

		if ((l == 0 || LPOS(l) == P_U) && (d->t[i].fl & TT_CAP) &&
		    !(d->t[i].fl & TT_ALLCAP) && ht_get(&d->hist, d->t[i].hw))
			d->t[i].pred = LAB(TY_PER, P_U);
	}
}

static void
addrow(int32_t *sc, const struct model *m, uint64_t key)
{
	uint32_t r = ht_get(&m->feat, key);
	const int16_t *w;
	int l;

	if (!r)
		return;
	w = m->w + (size_t)(r - 1) * NLAB;
	for (l = 0; l < NLAB; l++)
		sc[l] += w[l];
}

/* The sums of the word features of a word at each offset, kept for the
 * last word of each of WCACHE slots: most tokens of news are words seen
 * a moment before, and their features are most of a token's look-ups. */
#define WCACHE (1 << 13)
struct wcache {
	uint64_t key;		/* hw + 1 of the word; 0: empty */
	int32_t v[5][NLAB];
};

static void
wsum(int32_t *v, const struct model *m, const uint64_t *f, size_t n)
{
	size_t k;

	memset(v, 0, NLAB * sizeof *v);
	for (k = 0; k < n; k++)
		addrow(v, m, f[k]);
}

static const int32_t *
wvec(struct wcache *c, const struct model *m, const struct ttok *t, int o)
{
	static int32_t tmp[NLAB];
	uint64_t f[NFEAT];
	struct wcache *e;
	int k;

	if (t->n > WMAX) {	/* hashed on its first bytes only: not kept */
		wsum(tmp, m, f, wordfeats(t, o, f));
		return tmp;
	}
	e = &c[t->hw >> 51 & (WCACHE - 1)];
	if (e->key != t->hw + 1) {
		for (k = -2; k <= 2; k++)
			wsum(e->v[k + 2], m, f, wordfeats(t, k, f));
		e->key = t->hw + 1;
	}
	return e->v[o + 2];
}

static void
addvec(int32_t *sc, const int32_t *v)
{
	int l;

	for (l = 0; l < NLAB; l++)
		sc[l] += v[l];
}

/* The scores of the labels before that depend on labels only, for a
 * model: of p1 and of p1 and p2, summed. */
struct labsc {
	int32_t p12[NLAB][NLAB][NLAB];
};

static void
labscores(struct labsc *ls, const struct model *m)
{
	int32_t one[NLAB];
	uint64_t k;
	int p1, p2, l;

	for (p1 = 0; p1 < NLAB; p1++) {
		k = k_p1(p1);
		wsum(one, m, &k, 1);
		for (p2 = 0; p2 < NLAB; p2++) {
			k = k_p12(p1, p2);
			wsum(ls->p12[p1][p2], m, &k, 1);
			for (l = 0; l < NLAB; l++)
				ls->p12[p1][p2][l] += one[l];
		}
	}
}

/* What tag_doc keeps for a model: the word features' sums, those of the
 * places past a sentence's ends, and the scores of labels alone. */
struct dcache {
	struct wcache w[WCACHE];
	int32_t edge[5][NLAB];
	struct labsc ls;
	unsigned gen;
};

static void
dcache_set(struct dcache *c, const struct model *m)
{
	uint64_t f[NFEAT];
	int o;

	memset(c->w, 0, sizeof c->w);
	for (o = -2; o <= 2; o++)
		if (o)
			wsum(c->edge[o + 2], m, f, edgefeats(o, f));
	labscores(&c->ls, m);
	c->gen = m->gen;
}

/* The static scores of token i of the sentence [a, b) into sc, with
 * those of the word's history. */
static void
statscore(int32_t *sc, struct dcache *c, const struct tdoc *d, const struct model *m,
    size_t a, size_t b, size_t i)
{
	const struct ttok *w = &d->t[i];
	uint64_t f[NFEAT];
	int o;

	wsum(sc, m, f, ctxfeats(d, a, b, i, f));
	for (o = -2; o <= 2; o++)
		addvec(sc, inside(a, b, i, o) ? wvec(c->w, m, &d->t[i + (size_t)o], o) :
		    c->edge[o + 2]);
	o = (int)histfeats(w, histof(d, w), f);
	while (o-- > 0)
		addrow(sc, m, f[o]);
}

/* One step of the search at token i of the sentence [a, b), from the nb
 * items of prev; returns the items of the next step.  Of the scores of
 * the labels before, those of the word's history are the same for every
 * sequence, those of p1 with the word are taken once for each p1 in the
 * beam, and those of labels alone come from labsc: a step costs a few
 * look-ups, not six for each sequence. */
static size_t
step(struct dcache *c, const struct tdoc *d, const struct model *m, size_t a, size_t b,
    size_t i, struct beam *prev, size_t nb)
{
	const struct ttok *w = &d->t[i];
	int32_t sc[NLAB], wp[NLAB][NLAB];
	int64_t v[TAG_BEAM][NLAB];
	uint64_t f[2];
	uint32_t seen = 0;
	size_t k;
	int l;

	statscore(sc, c, d, m, a, b, i);
	for (k = 0; k < nb; k++) {
		int p1 = prev[k].p1, p2 = prev[k].p2;

		if (!(seen & 1u << p1)) {	/* static + p1 + word */
			f[0] = k_p1w(w, p1);
			f[1] = k_p1s(w, p1);
			wsum(wp[p1], m, f, 2);
			addvec(wp[p1], sc);
			seen |= 1u << p1;
		}
		for (l = 0; l < NLAB; l++)	/* all: in vectors */
			v[k][l] = prev[k].sc + wp[p1][l] + c->ls.p12[p1][p2][l];
	}
	return beam_step(prev + TAG_BEAM, prev, nb, v, i + 1 == b, -1);
}

/* Beam search, sentence by sentence; the document's history is
 * updated after each. */
void
tag_doc(struct tdoc *d, const struct model *m)
{
	static struct dcache *c;
	static uint8_t *lab;
	static size_t caplab;
	size_t s, i, nb;

	if (!c) {
		c = nu_alloc(sizeof *c);
		c->gen = 0;	/* no model's */
	}
	if (c->gen != m->gen)
		dcache_set(c, m);
	tag_hist_reset(d);
	for (s = 0; s < d->ns; s++) {
		size_t a = d->sent[s], b = d->sent[s + 1];
		struct beam *bm = beam_room(b - a);

		if (b - a > caplab) {
			caplab = 2 * (b - a);
			lab = nu_realloc(lab, caplab);
		}
		memset(bm, 0, sizeof *bm);
		for (nb = 1, i = a; i < b; i++)
			nb = step(c, d, m, a, b, i, bm + (i - a) * TAG_BEAM, nb);
		beam_best(bm, b - a, lab);
		for (i = a; i < b; i++) {
			d->t[i].pred = lab[i - a];
			tag_hist(d, i, lab[i - a]);
		}
	}
	surnames(d);
}
