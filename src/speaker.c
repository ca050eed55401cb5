/* speaker.c: who speaks.
 *
 * names_find() lists the article's names (and, on its way through every
 * word, the say and that words for quote.c's indirect speech): runs of capitalised words,
 * without the titles in front (President, Mr), marked person, organisation,
 * male or female from the titles, the forenames and the words of the
 * name (Ministry).  speaker_canon() then gives each quote its canonical
 * speaker: a name becomes the fullest name in the article that ends like
 * it (Lukashenko -> Alexander Lukashenko), a noun the organisation or
 * titled person it stands for (the ministry -> Belarusian Ministry of
 * Defense), a pronoun the nearest earlier speaker or subject that agrees
 * with it in gender and number. */
#include "nu.h"
#include "quote.h"

/* A hash of word k of paragraph pi, possessive and case aside: names are
 * compared by it first, which spares most byte comparisons. */
static uint32_t
wordhash(int pi, uint32_t k)
{
	const struct tok *t = &QTOK(A, pi)[k];
	const unsigned char *s = (const unsigned char *)QTEXT(A, pi) + t->off;
	uint32_t h = 2166136261u, i, n = stemlen(QTEXT(A, pi), t);

	for (i = 0; i < n; i++)	/* bit 5 set: case aside, as in lex.c */
		h = (h ^ (s[i] | 0x20)) * 16777619u;
	return h;
}

/* A bit for each word of [t0, t1), and the hash of the last in *last. */
static uint64_t
bloom(int pi, uint32_t t0, uint32_t t1, uint32_t *last)
{
	uint64_t b = 0;
	uint32_t h = 0;

	for (; t0 < t1; t0++) {
		h = wordhash(pi, t0);
		b |= (uint64_t)1 << (h & 63);
	}
	*last = h;
	return b;
}

static void
addcand(uint32_t k)
{
	A->cand = nu_grow(A->cand, &A->capcand, A->ncand, sizeof *A->cand);
	A->cand[A->ncand++] = k;
}

static struct qname *
addname(int pi, uint32_t t0, uint32_t t1, int title)
{
	struct qname *n;

	A->nm = nu_grow(A->nm, &A->capnm, A->nnm, sizeof *A->nm);
	n = &A->nm[A->nnm++];
	n->para = pi;
	n->t0 = t0;
	n->t1 = t1;
	n->title = title;
	n->fl = 0;
	n->efl = -1;
	n->bloom = 0;	/* hashed when first compared */
	n->rep = -1;
	n->allfl = 0;
	return n;
}

static int
acronym(uint32_t k)
{
	uint32_t i;

	if (T[k].len < 2 || T[k].len > 6)
		return 0;
	for (i = 0; i < T[k].len; i++)
		if (!nu_isupper((unsigned char)S[T[k].off + i]))
			return 0;
	return 1;
}

/* What the words of name [t0, t1) and its title say it is. */
static int
nameflags(uint32_t t0, uint32_t t1, int title)
{
	int fl = 0, g;
	uint32_t k;

	if (title >= 0) {
		g = wl((uint32_t)title, W_MALE | W_FEMALE);
		fl |= NM_PERSON | (g == W_MALE ? NM_MALE : g == W_FEMALE ? NM_FEMALE : 0);
	}
	for (k = t0; k < t1; k++)
		if (wl(k, W_BODY) || (t1 - t0 == 1 && acronym(k)))
			return (fl & ~NM_PERSON) | NM_ORG;
	if (t1 - t0 >= 2 || title >= 0) {
		g = wl(t0, W_FORENAME | W_MALE | W_FEMALE);
		if (g & W_FORENAME)
			fl |= NM_PERSON | NM_FIRST |
			    (g & W_MALE ? NM_MALE : g & W_FEMALE ? NM_FEMALE : 0);
	}
	return fl;
}

/* Where a name starts after a title that ends before b: past the
 * title's "of" and its department (Secretary of State John Kerry), up to
 * a forename when one comes before e, else past one word. */
static uint32_t
aftertitle(uint32_t b, uint32_t e)
{
	uint32_t f;

	if (b + 2 > e || !wl(b, W_CONN))
		return b;
	for (f = b + 1; f <= e && !wl(f, W_FORENAME); f++)
		;
	return f <= e ? f : b + 2;
}

/* The names of paragraph pi. */
static void
para_names(int pi)
{
	uint32_t k = 0, e, b, s0 = 0;

	setpara(pi);
	A->p[pi].cand0 = A->ncand;
	for (k = 0; k < NT; k++) {
		int title = -1, fl;
		struct qname *n;

		/* most words are no capitals: skip them with no look-up and
		 * no store (T[k].fl is the TF_END of the word before k + 1;
		 * only words have TF_CAP) */
		while (k < NT && !(T[k].fl & TF_CAP)) {
			if (T[k].fl & TF_END)
				s0 = k + 1;
			if (saythat(k))
				addcand(k);
			k++;
		}
		if (k >= NT)
			break;
		if (wl(k, W_SMALL | W_SPEECH | W_CUE)) {
			if (T[k].fl & TF_END)
				s0 = k + 1;
			continue;	/* (Says, in a headline, is no name) */
		}
		for (e = k; e + 1 < NT && !(T[e].fl & TF_END); e++) {
			if (T[e + 1].type == T_WORD && (T[e + 1].fl & TF_CAP) &&
			    !wl(e + 1, W_SMALL | W_SPEECH | W_CUE)) {
				if (stemlen(S, &T[e]) < T[e].len)
					break;	/* Media Research Center's | Brent Bozell */
				continue;
			}
			if (initial(e) && !wl(e + 2, W_SMALL | W_SPEECH | W_CUE)) {
				e++;	/* Michael P. McDonald */
				continue;
			}
			if (e + 2 < NT && nameconn(e + 1) && (T[e + 2].fl & TF_CAP) &&
			    T[e + 2].type == T_WORD)
				e++;
			else
				break;
		}
		/* titles: the name starts after the last one */
		for (b = k; b <= e; b++)
			if (wl(b, W_TITLE) && !wl(b, W_BODY))
				title = (int)b;
		if (title < 0 && k > s0 && wl(k - 1, W_TITLE) && !(T[k - 1].fl & TF_CAP))
			title = (int)k - 1;	/* spokesman Dmitry Peskov */
		b = title >= (int)k ? aftertitle((uint32_t)title + 1, e) : k;
		/* a body's name keeps its words (Defense Ministry), a titled
		 * person's loses the title and what comes before (Senate
		 * Intelligence Ranking Democrat Dianne Feinstein) */
		fl = nameflags(b <= e ? b : k, e + 1, -1);
		if ((fl & NM_ORG) || (b > e && (nameflags(k, e + 1, -1) & NM_ORG))) {
			b = k, title = -1;	/* (Ministry of Defense) */
			fl = nameflags(k, e + 1, -1);
		}
		if (e - k > 6)
			b = e + 1;	/* seven capitals and more: a title, no name */
		if (b == e && wl(b, W_TIME))
			b = e + 1;	/* Monday is no one */
		if (b <= e) {
			n = addname(pi, b, e + 1, title);
			n->fl = b == k && title < 0 ? fl : nameflags(b, e + 1, title);
			if (T[b].fl & TF_INQ)
				n->fl |= NM_INQ;
			/* a subject: a name before a lower-case word or an
			 * appositive, and after no preposition */
			if (e + 1 < NT && ((T[e + 1].type == T_WORD && !(T[e + 1].fl & TF_CAP) &&
			    !small(e + 1)) || punct(e + 1, ',')) && !(k > s0 && wl(k - 1, W_PREP)))
				n->fl |= NM_SUBJ;
		}
		k = e;
	}
	A->p[pi].ncand = A->ncand - A->p[pi].cand0;
}

void
names_find(struct qart *a)
{
	size_t i;

	A = a;
	a->nnm = 0;
	a->ncand = 0;
	a->indexed = 0;
	for (i = 0; i < a->np; i++) {
		a->p[i].ncand = 0;
		if (!a->p[i].junk && !headline(&a->p[i]))
			para_names((int)i);
	}
}

/* Token k of paragraph pi is the same word as token j of paragraph pj. */
static int
sametok(int pi, uint32_t k, int pj, uint32_t j, int icase)
{
	const struct tok *x = &QTOK(A, pi)[k], *y = &QTOK(A, pj)[j];
	uint32_t n = stemlen(QTEXT(A, pi), x);

	if (n != stemlen(QTEXT(A, pj), y))
		return 0;
	if (icase)
		return nu_ieqn(QTEXT(A, pi) + x->off, QTEXT(A, pj) + y->off, n);
	return memcmp(QTEXT(A, pi) + x->off, QTEXT(A, pj) + y->off, n) == 0;
}

/* The bits of name c's words, hashed when first asked for. */
static uint64_t
namebloom(struct qname *c)
{
	if (!c->bloom)
		c->bloom = bloom(c->para, c->t0, c->t1, &c->lasth);
	return c->bloom;
}

struct mention {			/* a phrase to find among the names */
	int pi;
	uint32_t t0, t1;
	uint64_t bloom;
	uint32_t lasth;
};

static struct mention
mention(int pi, uint32_t t0, uint32_t t1)
{
	struct mention m = {pi, t0, t1, 0, 0};

	m.bloom = bloom(pi, t0, t1, &m.lasth);
	return m;
}

/* At most NM_LOOK names are looked at for one question (the fullest form
 * of a name, what it names, a noun's organisation, a pronoun's
 * antecedent): a news story has far fewer distinct names, and without a
 * bound an article of 50 MB (a transcript, a book, a page of one line)
 * took time quadratic in its names: a page of 4 MB, minutes. */
#define NM_LOOK 1024

/* A hash of name c's tokens from a: its last word's hash (lasth), how
 * many tokens and bytes, and the first word's first bytes.  Not of every
 * byte, which cost a twentieth of nquote's time: samespan settles it. */
static uint32_t
spanhash(const struct qname *c, uint32_t a)
{
	const struct tok *t = QTOK(A, c->para);
	const char *s = QTEXT(A, c->para) + t[a].off;
	uint32_t w = 0;
	uint64_t h;

	memcpy(&w, s, t[a].len < 4 ? t[a].len : 4);
	h = ((uint64_t)c->lasth << 32 | w) ^
	    ((uint64_t)(c->t1 - a) << 24 | (t[c->t1 - 1].off + t[c->t1 - 1].len - t[a].off));
	return (uint32_t)((h * 0x9E3779B97F4A7C15u) >> 32);
}

/* Are tokens [a0, a1) of paragraph pa those of [b0, b1) of pb, bytes,
 * bounds and the bytes between them? */
static int
samespan(int pa, uint32_t a0, uint32_t a1, int pb, uint32_t b0, uint32_t b1)
{
	const struct tok *x = QTOK(A, pa), *y = QTOK(A, pb);
	uint32_t k;

	if (a1 - a0 != b1 - b0)
		return 0;
	for (k = 0; k < a1 - a0; k++)
		if (x[a0 + k].len != y[b0 + k].len ||
		    x[a0 + k].off - x[a0].off != y[b0 + k].off - y[b0].off)
			return 0;
	return memcmp(QTEXT(A, pa) + x[a0].off, QTEXT(A, pb) + y[b0].off,
	    x[a1 - 1].off + x[a1 - 1].len - x[a0].off) == 0;
}

static uint32_t
spanstart(const struct qname *c, int titled)
{
	return titled ? (uint32_t)c->title : c->t0;
}

/* The first name with the tokens of name i (from its title when titled):
 * found in the table, or i, entered as the first. */
static int
firstof(size_t i, int titled)
{
	const struct qname *c = &A->nm[i];
	uint32_t a = spanstart(c, titled);
	size_t j = spanhash(c, a) & A->nmmask;
	int k;

	for (; (k = A->nmtab[j]) >= 0; j = (j + 1) & A->nmmask)
		if (samespan(c->para, a, c->t1, A->nm[k].para, spanstart(&A->nm[k], titled),
		    A->nm[k].t1))
			return k;
	A->nmtab[j] = (int)i;
	return (int)i;
}

/* The names a question looks at.  A name repeated, bytes and all, tells
 * nothing new: its first (its rep) stands for it, with the flags of all
 * (allfl), and later ones never won, since only a fuller name does.  A
 * noun may stand for a body with that word in its name or a person with
 * that title: the distinct bodies and titled names, in nmnoun.  A
 * person's name shares its last word with its fuller forms, so those
 * are found in its chain. */
static void
index_names(void)
{
	size_t i, size;
	int h;

	if (A->indexed)
		return;
	for (size = 256; size < 2 * A->nnm; size *= 2)
		;
	if (size > A->captab) {
		A->captab = size;
		A->nmtab = nu_realloc(A->nmtab, size * sizeof *A->nmtab);
		A->nmhead = nu_realloc(A->nmhead, size * sizeof *A->nmhead);
	}
	A->nmmask = size - 1;
	A->nmnext = nu_realloc(A->nmnext, (A->nnm + 1) * sizeof *A->nmnext);
	A->nmdist = nu_realloc(A->nmdist, (A->nnm + 1) * sizeof *A->nmdist);
	A->nmnoun = nu_realloc(A->nmnoun, (A->nnm + 1) * sizeof *A->nmnoun);
	memset(A->nmtab, -1, size * sizeof *A->nmtab);
	for (A->ndist = 0, i = 0; i < A->nnm; i++) {
		namebloom(&A->nm[i]);	/* lasth, for firstof's hash */
		A->nm[i].rep = firstof(i, 0);
		A->nm[A->nm[i].rep].allfl |= A->nm[i].fl;
		if (A->nm[i].rep == (int)i)
			A->nmdist[A->ndist++] = (int)i;
	}
	memset(A->nmtab, -1, size * sizeof *A->nmtab);
	for (A->nnoun = 0, i = 0; i < A->nnm; i++)
		if ((A->nm[i].fl & NM_ORG) ? A->nm[i].rep == (int)i :
		    A->nm[i].title >= 0 && firstof(i, 1) == (int)i)
			A->nmnoun[A->nnoun++] = (int)i;
	memset(A->nmhead, -1, size * sizeof *A->nmhead);
	for (i = A->ndist; i-- > 0;) {	/* each chain in text order */
		struct qname *c = &A->nm[A->nmdist[i]];

		namebloom(c);
		h = (int)(c->lasth & A->nmmask);
		A->nmnext[A->nmdist[i]] = A->nmhead[h];
		A->nmhead[h] = A->nmdist[i];
	}
	A->indexed = 1;
}

/* A walk over the names that may cover a mention: a person's chain, or
 * for a body all the distinct names; NM_LOOK at most. */
struct walk {
	int org, i;
	size_t n;
};

static int
first(struct walk *w, const struct mention *m, int org)
{
	index_names();
	w->org = org;
	w->n = 0;
	if (org)
		return w->i = A->ndist ? A->nmdist[0] : -1;
	return w->i = A->nmhead[m->lasth & A->nmmask];
}

static int
next(struct walk *w)
{
	if (++w->n == NM_LOOK)
		return w->i = -1;
	if (w->org)
		return w->i = w->n < A->ndist ? A->nmdist[w->n] : -1;
	return w->i = A->nmnext[w->i];
}

/* Does name c contain every word of the phrase m, and end like it (a
 * person) or anywhere (an organisation)? */
static int
covers(struct qname *c, const struct mention *m, int org)
{
	int pi = m->pi;
	uint32_t k, j, t0 = m->t0, t1 = m->t1;

	if ((namebloom(c) & m->bloom) != m->bloom || (!org && c->lasth != m->lasth))
		return 0;
	if (!org && !sametok(c->para, c->t1 - 1, pi, t1 - 1, 0))
		return 0;
	for (k = t0; k < t1; k++) {
		for (j = c->t0; j < c->t1; j++)
			if (sametok(c->para, j, pi, k, 0))
				break;
		if (j == c->t1)
			return 0;
	}
	return 1;
}

static uint32_t
nbytes(const struct qname *c)
{
	const struct tok *t = QTOK(A, c->para);

	return t[c->t1 - 1].off + stemlen(QTEXT(A, c->para), &t[c->t1 - 1]) - t[c->t0].off;
}

/* Is c fuller than best?  A form that starts with a forename is fuller
 * than one that does not: "Understated Perez", a headline's first word
 * before the name, is not Thomas Perez's full name. */
static int
fuller(const struct qname *c, const struct qname *best)
{
	if (!best)
		return 1;
	if ((c->fl & NM_FIRST) != (best->fl & NM_FIRST))
		return (c->fl & NM_FIRST) != 0;
	if (c->t1 - c->t0 != best->t1 - best->t0)
		return c->t1 - c->t0 > best->t1 - best->t0;
	return nbytes(c) > nbytes(best);
}

static void
canon_of(struct quote *q, const struct qname *c)
{
	const struct tok *t = QTOK(A, c->para);

	q->kpara = c->para;
	q->ka = t[c->t0].off;
	q->kb = t[c->t1 - 1].off + stemlen(QTEXT(A, c->para), &t[c->t1 - 1]);
}

/* The fullest name for the name [t0, t1) of paragraph pi; NULL if none
 * (it is not among the names: inside a quote, say). */
static const struct qname *
fullest(int pi, uint32_t t0, uint32_t t1, int org)
{
	const struct qname *best = NULL;
	struct mention m = mention(pi, t0, t1);
	struct walk w;
	int i;

	for (i = first(&w, &m, org); i >= 0; i = next(&w))
		if (covers(&A->nm[i], &m, org) && fuller(&A->nm[i], best))
			best = &A->nm[i];
	return best;
}

/* What the name [t0, t1) is, from its fullest form too. */
static int
flags_of(int pi, uint32_t t0, uint32_t t1, const struct qname *full)
{
	int fl, i;
	struct mention m = mention(pi, t0, t1);
	struct walk w;

	setpara(pi);
	fl = nameflags(t0, t1, -1);
	if (full)
		fl |= full->fl & (NM_PERSON | NM_ORG | NM_MALE | NM_FEMALE);
	for (i = full ? first(&w, &m, fl & NM_ORG) : -1; i >= 0; i = next(&w))
		if (covers(&A->nm[i], &m, fl & NM_ORG))	/* Mr Kowal, elsewhere */
			fl |= A->nm[i].allfl & (NM_PERSON | NM_MALE | NM_FEMALE);
	if ((fl & NM_MALE) && (fl & NM_FEMALE))
		fl &= ~(NM_MALE | NM_FEMALE);
	return fl;
}

/* What the person or body that name c names is, from all its names:
 * worked out once per name (its rep: the same bytes tell the
 * same), since a pronoun looks at many. */
static int
entity(struct qname *c)
{
	index_names();
	c = &A->nm[c->rep];
	if (c->efl < 0)
		c->efl = flags_of(c->para, c->t0, c->t1, fullest(c->para, c->t0, c->t1, 0));
	return c->efl;
}

/* A name speaks: its title goes out of speaker_text (Belarusian
 * President Alexander Lukashenka -> Alexander Lukashenka). */
static void
name_speaker(struct quote *q)
{
	const struct qname *full;
	uint32_t k, b, the;
	int org = 0;

	setpara(q->sp.para);
	if (is(q->sp.t0, "the") && q->sp.t0 + 1 < q->sp.t1)
		q->sp.t0++;	/* according to the Port Authority */
	the = q->sp.t0 > 0 && is(q->sp.t0 - 1, "the") && !(T[q->sp.t0 - 1].fl & TF_END) ?
	    q->sp.t0 - 1 : q->sp.t0;
	/* a body speaks when its word follows the titles (the Port Authority,
	 * the Foreign Ministry), not before them (House Speaker Paul Ryan) */
	for (b = q->sp.t0, k = q->sp.t0; k + 1 < q->sp.t1; k++)
		if (wl(k, W_TITLE))
			b = k + 1;
	b = b > q->sp.t0 ? aftertitle(b, q->sp.t1 - 1) : b;
	for (k = b; k < q->sp.t1; k++)
		if (wl(k, W_BODY))
			org = 1;
	if (!org)
		q->sp.t0 = b;
	full = fullest(q->sp.para, q->sp.t0, q->sp.t1, org);
	q->gfl = flags_of(q->sp.para, q->sp.t0, q->sp.t1, full);
	if (org)
		q->gfl = (q->gfl & ~NM_PERSON) | NM_ORG;
	else if (!(q->gfl & NM_ORG))
		q->gfl |= NM_PERSON;
	if (full) {
		canon_of(q, full);
	} else {
		setpara(q->sp.para);
		q->kpara = q->sp.para;
		q->ka = T[q->sp.t0].off;
		q->kb = T[q->sp.t1 - 1].off + stemlen(S, &T[q->sp.t1 - 1]);
	}
	if (org)	/* as written: the Harbour Authority said */
		q->sp.t0 = the;
}

/* A noun speaks (the ministry, a spokesman): the organisation with that
 * word in its name, or the person with that title; else the words
 * without their article. */
static void
noun_speaker(struct quote *q)
{
	const struct qname *best = NULL;
	uint32_t h = q->sp.t1 - 1, t0 = q->sp.t0;
	int b;
	size_t i;
	uint32_t j;
	uint64_t hb;

	setpara(q->sp.para);
	b = wl(h, W_BODY | W_PEOPLE);
	q->gfl = b ? NM_ORG : NM_PERSON;
	hb = bloom(q->sp.para, h, h + 1, &j);
	index_names();
	for (i = 0; i < A->nnoun && i < NM_LOOK; i++) {
		struct qname *c = &A->nm[A->nmnoun[i]];

		if (c->fl & NM_ORG) {
			if (!(namebloom(c) & hb))
				continue;
			for (j = c->t0; j < c->t1; j++)
				if (sametok(c->para, j, q->sp.para, h, 1))
					break;
			if (j == c->t1)
				continue;
		} else if (c->title < 0 || !sametok(c->para, (uint32_t)c->title, q->sp.para, h, 1)) {
			continue;
		}
		if (fuller(c, best))
			best = c;
	}
	if (best) {
		canon_of(q, best);
		q->gfl = best->fl;
		return;
	}
	setpara(q->sp.para);
	if (is(t0, "the") || is(t0, "a") || is(t0, "an") || is(t0, "this") || is(t0, "that"))
		t0++;
	if (t0 == q->sp.t1)
		t0--;
	q->kpara = q->sp.para;
	q->ka = T[t0].off;
	q->kb = tokend(h);
}

/* Does what gfl says agree with pronoun p (he, she, it, they)? */
static int
agrees(int gfl, int p)
{
	switch (p) {
	case 'h': return !(gfl & (NM_FEMALE | NM_ORG));
	case 's': return !(gfl & (NM_MALE | NM_ORG));
	case 'i': return (gfl & NM_ORG) != 0;
	case 't': return (gfl & NM_ORG) != 0;
	case 'p': return !(gfl & NM_ORG);
	}
	return 1;
}

static int
before(int pa, uint32_t ta, int pb, uint32_t tb)
{
	return pa < pb || (pa == pb && ta < tb);
}

/* How many names start before token t0 of paragraph pi: the names are in
 * text order, so the walks back from there need not pass the later ones. */
static size_t
nbefore(int pi, uint32_t t0)
{
	size_t lo = 0, hi = A->nnm, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (before(A->nm[mid].para, A->nm[mid].t0, pi, t0))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The nearest name before token t0 of paragraph pi (and after the
 * speaker bq, if any) that has one of the flags in need (0: any name)
 * and agrees with pronoun p; for he and she a person, or with need 0 any
 * name that is no body. */
static struct qname *
antecedent(int pi, uint32_t t0, int p, int need, const struct quote *bq)
{
	size_t i, lo;
	int fl;

	for (i = nbefore(pi, t0), lo = i > NM_LOOK ? i - NM_LOOK : 0; i-- > lo;) {
		struct qname *c = &A->nm[i];

		if (!before(c->para, c->t0, pi, t0) || (c->fl & NM_INQ))
			continue;
		if (bq && before(c->para, c->t0, bq->sp.para, bq->sp.t0))
			return NULL;	/* the speaker is nearer */
		if (need && !(c->fl & need))
			continue;
		if (p == 'h' || p == 's' || p == 'p') {
			fl = entity(c);
			if ((need ? !(fl & NM_PERSON) : (fl & NM_ORG) != 0) || !agrees(fl, p))
				continue;
		} else if (!agrees(c->fl, p)) {
			continue;
		}
		return c;
	}
	return NULL;
}

/* The name that "who" at token t0 of paragraph pi follows: Mike Lee,
 * who declared / Sen. Rand Paul (R-Ky.), who said. */
static const struct qname *
relative_of(int pi, uint32_t t0)
{
	size_t i;

	for (i = nbefore(pi, t0); i-- > 0;) {
		const struct qname *c = &A->nm[i];

		if (c->para > pi || (c->para == pi && c->t1 > t0))
			continue;
		if (c->para < pi || c->t1 + 8 < t0 || (c->fl & NM_INQ))
			return NULL;
		if (c->t1 == t0 || (c->t1 + 1 == t0 && punct(t0 - 1, ',')) ||
		    (punct(c->t1, '(') && punct(t0 - 1, ',') && punct(t0 - 2, ')')))
			return c;
		return NULL;
	}
	return NULL;
}

/* A pronoun speaks (he, she, it, they, and his, her, their before what
 * was said): the nearest earlier speaker (done, in text order) or
 * subject of a sentence that agrees with it; failing both, the nearest
 * person (or body, for it and they) named.  Who speaks for the name it
 * follows. */
static void
pronoun_speaker(struct quote *q, struct quote *const *done, size_t ndone)
{
	const struct quote *bq = NULL;
	const struct qname *bn;
	int p, pi = q->sp.para;
	uint32_t t0 = q->sp.t0;
	size_t i;

	setpara(pi);
	p = nu_tolower((unsigned char)S[T[t0].off]);
	if (p == 'w' && !is(t0, "we")) {	/* who: the name it follows */
		if ((bn = relative_of(pi, t0))) {
			canon_of(q, fullest(bn->para, bn->t0, bn->t1, (bn->fl & NM_ORG) != 0));
			q->gfl = bn->fl;
			return;
		}
		p = 'p';
	}
	if (is(t0, "i") || is(t0, "we"))
		p = 0;
	if (is(t0, "her"))	/* her remark: the possessive */
		p = 's';
	if (p == 't' && !is(t0, "they") && !is(t0, "their"))
		p = 0;
	for (i = ndone; i-- > 0 && ndone - i <= NM_LOOK;) {
		const struct quote *d = done[i];

		if (d->kb > d->ka && d->sp.type != NP_NONE && agrees(d->gfl, p) &&
		    before(d->sp.para, d->sp.t0, pi, t0)) {
			bq = d;
			break;
		}
	}
	bn = antecedent(pi, t0, p, NM_SUBJ, bq);
	if (!bn && !bq)	/* any name at all, but a body for he or she */
		bn = antecedent(pi, t0, p, 0, NULL);
	if (bn) {
		canon_of(q, fullest(bn->para, bn->t0, bn->t1, (bn->fl & NM_ORG) != 0));
		q->gfl = bn->fl;
	} else if (bq) {
		q->kpara = bq->kpara;
		q->ka = bq->ka;
		q->kb = bq->kb;
		q->gfl = bq->gfl;
	}
	if (p == 'h')
		q->gfl |= NM_MALE | NM_PERSON;
	else if (p == 's')
		q->gfl |= NM_FEMALE | NM_PERSON;
}

/* The last person named in the sentence before quote q: comments by
 * Lukashenka sound like a capitulation: “…” */
static struct qname *
insentence(const struct quote *q)
{
	uint32_t s0 = q->tok;
	size_t i, lo;

	setpara(q->para);
	while (s0 > 0 && !(T[s0 - 1].fl & TF_END))
		s0--;
	for (i = nbefore(q->para, q->tok), lo = i > NM_LOOK ? i - NM_LOOK : 0; i-- > lo;) {
		struct qname *c = &A->nm[i];

		if (c->para > q->para || (c->para == q->para && c->t0 >= q->tok))
			continue;
		if (c->para < q->para || c->t0 < s0)
			return NULL;
		if (!(c->fl & NM_INQ) && (entity(c) & NM_PERSON))
			return c;
	}
	return NULL;
}

/* Is the name that q's speaker is known as a person's, from a forename
 * or a title?  Then a term q is a partial quote of that person's. */
int
speaker_person(struct quote *q)
{
	int fl;

	setpara(q->sp.para);
	fl = flags_of(q->sp.para, q->sp.t0, q->sp.t1, fullest(q->sp.para, q->sp.t0, q->sp.t1, 0));
	if (!(fl & NM_PERSON) || (fl & NM_ORG))
		return 0;
	name_speaker(q);
	return 1;
}

void
speaker_canon(struct quote *q, const struct quote *prev, struct quote *const *done, size_t ndone)
{
	struct qname *c;

	switch (q->sp.type) {
	case NP_NAME:
		name_speaker(q);
		break;
	case NP_NOM:
		noun_speaker(q);
		break;
	case NP_PRON:
		pronoun_speaker(q, done, ndone);
		break;
	default:	/* a floating quote: the last speaker's, or a person
			 * who is the subject of a sentence since */
		if (q->kind != QK_DIRECT)
			break;
		if ((c = insentence(q)) ||
		    (c = antecedent(q->para, q->tok, 'p', NM_SUBJ, prev))) {
			canon_of(q, fullest(c->para, c->t0, c->t1, 0));
			q->gfl = c->fl;
		} else if (prev) {
			q->kpara = prev->kpara;
			q->ka = prev->ka;
			q->kb = prev->kb;
			q->gfl = prev->gfl;
		}
	}
}
