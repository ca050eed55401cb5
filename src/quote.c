/* quote.c: the quotations of one article, by a linear scan.
 *
 * 1. marks(): quotation marks are paired per paragraph with a small
 *    stack, so nested quotes stay inside the outer one and a stray mark
 *    spoils nothing; a quote left open at the end of a paragraph goes on
 *    when the next paragraph opens with a mark of its family (the
 *    multi-paragraph convention), and is dropped otherwise.
 * 2. The sentences are split with the quotes opaque (TF_INQ).
 * 3. cue(): each quote's cue is a reporting verb in its sentence: right
 *    after the closing mark (“…,” he said / said X / — X), else the
 *    nearest before the opening mark (X said that “…” / according to X),
 *    else the nearest after it.  Its speaker is the noun phrase that goes
 *    with the verb (np.c-like helpers below).  Quotes of one sentence with
 *    one cue are one quote in pieces (split quotes).  A quote with no cue
 *    that opens a sentence is a floating quote of the last speaker; any
 *    other is a term: scare quotes, titles, nicknames.
 * 4. Indirect speech: a speech verb with a subject and a clause after
 *    "that" (or after "said" directly) outside any quote.
 * speaker.c then names the speakers. */
#include "nu.h"
#include "quote.h"

#include <stdlib.h>

struct qart *A;
const char *S;		/* text of the paragraph at hand */
struct tok *T;		/* its tokens */
uint32_t NT;

static struct piece *
addpiece(int para, uint32_t a, uint32_t b, int quote)
{
	struct piece *p;

	A->pc = nu_grow(A->pc, &A->cappc, A->npc, sizeof *A->pc);
	p = &A->pc[A->npc++];
	p->para = para;
	p->start = a;
	p->end = b;
	p->quote = quote;
	return p;
}

static struct quote *
addquote(int para, uint32_t tok)
{
	struct quote *q;

	A->q = nu_grow(A->q, &A->capq, A->nq, sizeof *A->q);
	q = &A->q[A->nq++];
	memset(q, 0, sizeof *q);
	q->para = para;
	q->tok = tok;
	return q;
}

/* ---- 1. marks ---- */

enum { F_DOUBLE = 1, F_SINGLE, F_ANGLE, F_SANGLE };

static int
family(int m)
{
	switch (m) {
	case Q_DQ: case Q_LDQ: case Q_RDQ: case Q_LOWD: return F_DOUBLE;
	case Q_SQ: case Q_LSQ: case Q_RSQ: case Q_LOWS: return F_SINGLE;
	case Q_LAQ: case Q_RAQ: return F_ANGLE;
	}
	return F_SANGLE;
}

#define QSTACK 16
struct qstack {
	uint32_t tok[QSTACK];
	uint8_t fam[QSTACK], mark[QSTACK];
	int n;
};

/* Could the ASCII mark at k open (white space or an opening bracket
 * before, a word right after) or close (a word before, no word after)? */
static int
canopen(uint32_t k)
{
	return k + 1 < NT && !(T[k + 1].fl & TF_SP) &&
	    ((T[k].fl & TF_SP) || k == 0 || punct(k - 1, '(') || punct(k - 1, '[') ||
	    T[k - 1].type == T_DASH || T[k - 1].type == T_QUOTE);
}

static int
canclose(uint32_t k)
{
	return k > 0 && !(T[k].fl & TF_SP) && (k + 1 == NT || (T[k + 1].fl & TF_SP) ||
	    T[k + 1].type != T_WORD);
}

/* What the mark at k does: 1 opens, -1 closes, 0 nothing (apostrophe). */
static int
markdir(const struct qstack *st, uint32_t k)
{
	int m = T[k].mark, i, fam = family(m), open = 0;

	for (i = 0; i < st->n; i++)
		if (st->fam[i] == fam)
			open = 1;
	switch (m) {
	case Q_LDQ:	/* closes „…“, and “…“ where it cannot open */
		if (open && (st->mark[st->n - 1] == Q_LOWD || (canclose(k) && !canopen(k))))
			return -1;
		return 1;
	case Q_LSQ:
		if (open && st->mark[st->n - 1] == Q_LOWS)
			return -1;
		/* ‘90s */
		return k + 1 < NT && T[k + 1].type == T_NUM && !(T[k + 1].fl & TF_SP) ? 0 : 1;
	case Q_LOWD: case Q_LOWS: case Q_LAQ: case Q_LSAQ:
		return 1;
	case Q_RDQ: case Q_RAQ: case Q_RSAQ:
		return -1;
	case Q_RSQ:	/* else an apostrophe: readers’, ’90s */
		return open ? -1 : 0;
	}
	/* ASCII " and ': by what is open, then by the space around */
	if (open && canclose(k))
		return -1;
	if (canopen(k) && !(m == Q_SQ && T[k + 1].type == T_NUM))
		return 1;
	return open ? -1 : 0;
}

/* The tokens strictly inside marks a and b (b may be NT) are in a quote. */
static void
inq(uint32_t a, uint32_t b)
{
	for (a++; a < b && a < NT; a++)
		T[a].fl |= TF_INQ;
}

/* A chain of pieces left open at the end of a paragraph. */
static struct {
	int quote;		/* -1: none */
	int fam;
	size_t firstpiece;
} carry;

/* Drop the pieces of a quote that never closed. */
static void
unopen(void)
{
	if (carry.quote < 0)
		return;
	A->npc = carry.firstpiece;
	A->nq--;
	carry.quote = -1;
}

static void
marks(int pi)
{
	struct qstack st;
	uint32_t k = 0;

	setpara(pi);
	st.n = 0;
	if (carry.quote >= 0) {
		if (NT && T[0].type == T_QUOTE && family(T[0].mark) == carry.fam &&
		    markdir(&st, 0) == 1) {
			st.tok[0] = 0;
			st.fam[0] = (uint8_t)carry.fam;
			st.mark[0] = T[0].mark;
			st.n = 1;
			k = 1;
		} else {
			unopen();
		}
	}
	for (; k < NT; k++) {
		int d, i;

		if (T[k].type != T_QUOTE || !(d = markdir(&st, k)))
			continue;
		if (d > 0) {
			if (st.n == QSTACK)
				continue;	/* deeper than any text nests */
			st.tok[st.n] = k;
			st.fam[st.n] = (uint8_t)family(T[k].mark);
			st.mark[st.n] = T[k].mark;
			st.n++;
			continue;
		}
		for (i = st.n - 1; i >= 0 && st.fam[i] != family(T[k].mark); i--)
			;
		if (i < 0)
			continue;
		st.n = i;
		if (i > 0)
			continue;	/* a nested quote closed */
		inq(st.tok[0], k);
		/* marks with nothing between them ('''Sir: '' and ') quote nothing */
		if (carry.quote >= 0 && st.tok[0] == 0) {	/* the chain ends */
			if (tokend(0) < T[k].off)
				addpiece(pi, tokend(0), T[k].off, carry.quote);
			carry.quote = -1;
		} else if (tokend(st.tok[0]) < T[k].off) {
			addquote(pi, st.tok[0]);
			addpiece(pi, tokend(st.tok[0]), T[k].off, (int)A->nq - 1);
		}
	}
	if (st.n == 0) {
		if (carry.quote >= 0 && k > 0)
			carry.quote = -1;	/* closed above */
		return;
	}
	/* open at the end: goes on if the next paragraph reopens */
	inq(st.tok[0], NT);
	if (carry.quote < 0 || st.tok[0] != 0) {
		unopen();
		carry.quote = (int)A->nq;
		carry.fam = st.fam[0];
		carry.firstpiece = A->npc;
		addquote(pi, st.tok[0]);
	}
	addpiece(pi, tokend(st.tok[0]), (uint32_t)nu_rtrim(S, A->p[pi].tlen), carry.quote);
}

/* Does the word before k make k a noun: the report, his remarks,
 * Trump’s claims? */
static int
noun(uint32_t k)
{
	uint32_t d = k - 1;

	if (k == 0 || T[d].type != T_WORD)
		return 0;
	if (wl(d, W_ART))
		return 1;
	return (T[d].fl & TF_CAP) && stemlen(S, &T[d]) < T[d].len;
}

/* a reporting verb outside quotes */
static int
verb(uint32_t k)
{
	if (k >= NT || (T[k].fl & (TF_INQ | TF_CAP)) || !wl(k, W_SPEECH | W_CUE))
		return 0;
	return !noun(k);
}

/* ---- 2. noun phrases ---- */

static int
pronoun(uint32_t k)
{
	return wl(k, W_PRON);
}

/* Words that may stand between a subject and its verb: adverbs and
 * auxiliaries (X also said, X has said, X later told). */
static int
filler(uint32_t k)
{
	if (k >= NT || T[k].type != T_WORD || (T[k].fl & (TF_CAP | TF_INQ)))
		return 0;
	if (T[k].len > 4 && S[T[k].off + T[k].len - 2] == 'l' && S[T[k].off + T[k].len - 1] == 'y')
		return !wl(k, W_SPEECH | W_CUE);	/* an adverb in -ly (not reply) */
	return wl(k, W_FILLER);
}

/* The capitalised name that ends at token e: its first token, or e + 1
 * when there is none.  A small word that starts a sentence (The, But)
 * is no part of it. */
static uint32_t
namestart(uint32_t e)
{
	uint32_t b = e;

	if (!cap(e) || small(e))
		return e + 1;
	while (b > 0 && !(T[b - 1].fl & TF_END)) {
		if (cap(b - 1) && !small(b - 1))
			b--;
		else if (b > 1 && initial(b - 2) && !small(b - 2))
			b -= 2;	/* Michael P. McDonald */
		else if (b > 1 && nameconn(b - 1) && cap(b - 2) && !small(b - 2))
			b -= 2;
		else
			break;
	}
	return b;
}

static int
determiner(uint32_t k)
{
	if (wl(k, W_DET))
		return 1;
	/* a possessive name: Russia’s, the company's */
	return k < NT && T[k].type == T_WORD && stemlen(S, &T[k]) < T[k].len;
}

/* Words for what carries someone's words: the ministry’s Facebook page
 * suggested, Lukashenko’s statement said. */
static int
medium(uint32_t k)
{
	return wl(k, W_MEDIUM);
}

/* The owner in a possessive at k: a name, or the noun with its article. */
static struct np
owner(int pi, int k)
{
	struct np np = {NP_NOM, pi, (uint32_t)k, (uint32_t)k + 1};

	if (cap((uint32_t)k)) {
		np.type = NP_NAME;
		np.t0 = namestart((uint32_t)k);
	} else if (k > 0 && determiner((uint32_t)k - 1)) {
		np.t0 = (uint32_t)k - 1;
	}
	return np;
}

/* The noun phrase that ends at token e (the subject before a verb). */
static struct np
np_end(int pi, int e)
{
	struct np np = {NP_NONE, pi, 0, 0};
	int k;

	if (e < 0 || (uint32_t)e >= NT || (T[e].fl & TF_INQ))
		return np;
	if (pronoun((uint32_t)e) || (e > 0 && T[e].len == 3 && is((uint32_t)e, "who") &&
	    (punct((uint32_t)e - 1, ',') || cap((uint32_t)e - 1)))) {	/* X, who said */
		np.type = NP_PRON;
		np.t0 = (uint32_t)e;
		np.t1 = (uint32_t)e + 1;
		return np;
	}
	if (cap((uint32_t)e) && !small((uint32_t)e)) {
		if (wl((uint32_t)e, W_TIME))
			return np;	/* on Tuesday said */
		np.type = NP_NAME;
		np.t0 = namestart((uint32_t)e);
		np.t1 = (uint32_t)e + 1;
		return np;
	}
	/* the ministry, a spokesman, officials, the Ukrainian government */
	if (T[e].type != T_WORD || (T[e].fl & TF_CAP) || wl((uint32_t)e, W_SMALL | W_TIME))
		return np;	/* (this week said nothing) */
	for (k = e; k >= 0 && k >= e - 4; k--) {
		if (determiner((uint32_t)k) || (k < e && T[k].type == T_NUM)) {	/* 21 percent */
			if (k < e && stemlen(S, &T[k]) < T[k].len && medium((uint32_t)e))
				return owner(pi, k);
			np.type = NP_NOM;
			np.t0 = (uint32_t)k;
			np.t1 = (uint32_t)e + 1;
			return np;
		}
		if (T[k].type != T_WORD || (T[k].fl & (TF_INQ | TF_END)) ||
		    (k < e && small((uint32_t)k)))
			break;
	}
	if (wl((uint32_t)e, W_BODY | W_PERSON)) {	/* officials, Republican senator */
		np.type = NP_NOM;
		for (k = e; k > 0 && e - k < 4 && T[k - 1].type == T_WORD &&
		    !(T[k - 1].fl & (TF_INQ | TF_END)) && !small((uint32_t)k - 1) &&
		    !verb((uint32_t)k - 1); k--)
			;
		np.t0 = (uint32_t)k;
		np.t1 = (uint32_t)e + 1;
	}
	return np;
}

/* The noun phrase that starts at token b (a speaker after the verb:
 * said Kowal, according to the ministry). */
static struct np
np_start(int pi, uint32_t b)
{
	struct np np = {NP_NONE, pi, 0, 0};
	uint32_t e;

	if (b >= NT || (T[b].fl & TF_INQ))
		return np;
	if (pronoun(b)) {
		np.type = NP_PRON;
		np.t0 = b;
		np.t1 = b + 1;
		return np;
	}
	if (determiner(b) && !is(b, "that")) {	/* that: a clause */
		/* the spokesman, the 46-year-old */
		for (e = b + 1; e < NT && e < b + 6 && (T[e].type == T_WORD ||
		    T[e].type == T_NUM) && !(T[e].fl & TF_INQ) && !small(e) && !verb(e); e++)
			if (T[e].fl & TF_END)
				break;
		if (e == b + 1 && is(b, "another")) {
			np.type = NP_NOM;	/* said another */
			np.t0 = b;
			np.t1 = e;
		}
		if (e == b + 1)
			return np;
		np = np_end(pi, (int)e - 1);
		np.t0 = b;
		if (np.type == NP_NONE)
			np.type = NP_NOM;
		np.t1 = e;
		if (T[e - 1].fl & TF_END)
			np.t1 = e;
		return np;
	}
	/* roles before a name: said retired neurosurgeon Ben Carson,
	 * according to Russian deputy defense minister Alexander Fomin:
	 * the name is the last run of capitals before the phrase ends */
	for (e = b; e < b + 7 && e < NT && T[e].type == T_WORD && !(T[e].fl & (TF_INQ |
	    TF_END)) && !small(e) && !verb(e) && !wl(e, W_CONN); e++)
		;
	if (e < NT && (T[e].fl & TF_END) && T[e].type == T_WORD && cap(e))
		e++;
	if (e > b + 1 && cap(e - 1)) {
		uint32_t r = e - 1;

		while (r > b && cap(r - 1))
			r--;
		if (r > b && !cap(r - 1))
			b = r;
	}
	if (wl(b, W_TIME))
		return np;	/* said Tuesday */
	while (punct(b + 1, '.') && cap(b + 2) && wl(b, W_TITLE))
		b += 2;		/* said Sen. Patty Murray: the name */
	for (e = b; e < NT && cap(e) && !small(e); e++) {
		if (T[e].fl & TF_END)
			break;
		if ((nameconn(e + 1) && cap(e + 2)) || initial(e))
			e++;	/* of, de; the full stop of P. */
	}
	if (e < NT && (T[e].fl & TF_END) && cap(e))
		e++;
	if (e > b) {
		np.type = NP_NAME;
		np.t0 = b;
		np.t1 = e;
	}
	return np;
}

/* A form of "be": before a participle it makes a passive. */
static int
be(uint32_t k)
{
	return is(k, "was") || is(k, "were") || is(k, "is") || is(k, "are") ||
	    is(k, "been") || is(k, "be") || is(k, "being");
}

/* The last token before a parenthesis that ends at k: Kasich (R-OH) */
static int
before_paren(int k, uint32_t s0)
{
	int j = k;

	if (k <= (int)s0 || !punct((uint32_t)k, ')'))
		return k;
	while (j > (int)s0 && !punct((uint32_t)j, '('))
		j--;
	return j > (int)s0 && k - j < 12 ? j - 1 : k;
}

/* Does a phrase at t0 open its sentence from s0 (after small words)? */
static int
opener(uint32_t t0, uint32_t s0)
{
	for (; s0 < t0; s0++)
		if (!small(s0))
			return 0;
	return 1;
}

/* A comma, or a dash that sets off an appositive as one does. */
static int
comma(uint32_t k)
{
	return punct(k, ',') || T[k].type == T_DASH;
}

/* The subject before the comma at e, past appositives: Ivanou, a
 * Belarusian activist, well-known for his campaign, lamented -> Ivanou.
 * A name is looked for up to three commas back; else the first noun
 * phrase found. */
static struct np
appositive(int pi, int e, uint32_t s0)
{
	struct np np = {NP_NONE, pi, 0, 0}, cand;
	int k, n;

	for (n = 0; n < 3; n++) {
		for (k = e - 1; k > (int)s0 && k >= e - 14 && !comma((uint32_t)k); k--)
			if (T[k].type == T_QUOTE)
				return np;
		if (k <= (int)s0 || !comma((uint32_t)k))
			break;
		/* a titled name just before the verb is the subject: On
		 * Tuesday in Berea, Gov. John Kasich (R-OH), said */
		if (n == 0) {
			cand = np_end(pi, before_paren(e - 1, s0));
			if (cand.type == NP_NAME && cand.t0 <= (uint32_t)k + 3 &&
			    (wl(cand.t0, W_FORENAME) || wl(cand.t0 - 1, W_TITLE)))
				return cand;
		}
		cand = np_end(pi, before_paren(k - 1, s0));
		/* the name that opens the sentence is its subject (Swanson,
		 * a pastor at a church in Elizabeth, Colorado, slammed) */
		if (cand.type == NP_NAME && opener(cand.t0, s0))
			return cand;
		if (cand.type == NP_NAME && np.type != NP_NAME)
			np = cand;
		if (cand.type == NP_NOM && np.type == NP_NONE)
			np = cand;
		e = k;
	}
	if (np.type != NP_NAME || e - (int)s0 > 14)
		return np;
	cand = np_end(pi, before_paren(e - 1, s0));	/* the first segment */
	return cand.type == NP_NAME && opener(cand.t0, s0) ? cand : np;
}

/* The subject of the verb at v: the phrase before it, past fillers and
 * an appositive (Kowal, a spokeswoman for the port, said). */
static struct np
subject(int pi, uint32_t v, uint32_t s0)
{
	int e = (int)v - 1;
	struct np np = {NP_NONE, pi, 0, 0};

	while (e >= (int)s0 && (filler((uint32_t)e) || wl((uint32_t)e, W_TIME))) {
		if (be((uint32_t)e) && T[v].len > 2 && S[T[v].off + T[v].len - 1] == 'd') {
			np.type = NP_NONE;	/* was proposed: no speaker */
			return np;
		}
		e--;
	}
	if (e > (int)s0 && punct((uint32_t)e, ')')) {	/* Rand Paul (R-Ky.) said */
		int k = e;

		while (k > (int)s0 && !punct((uint32_t)k, '('))
			k--;
		if (k > (int)s0 && e - k < 12)
			e = k - 1;
	}
	if (e >= (int)s0 && comma((uint32_t)e))
		return appositive(pi, e, s0);
	if (e < (int)s0) {
		np.type = NP_NONE;
		return np;
	}
	np = np_end(pi, e);
	/* Trump in his announcement speech called: the name before the
	 * phrase */
	if (np.type == NP_NOM && np.t0 > s0 + 1 && wl(np.t0 - 1, W_PREP) && cap(np.t0 - 2)) {
		struct np name = np_end(pi, (int)np.t0 - 2);

		if (name.type == NP_NAME)
			return name;
	}
	return np;
}

/* Does word k look like a past tense (issued, said)? */
static int
pastform(uint32_t k)
{
	return T[k].len > 3 && !(T[k].fl & TF_CAP) && S[T[k].off + T[k].len - 1] == 'd' &&
	    S[T[k].off + T[k].len - 2] == 'e';
}

/* Does word k look like a verb in the present before a colon (the
 * letter continues:): a word in -s, no possessive, after a noun that is
 * no possessive either?  (Before a word it is a noun as often: the
 * opening weeks of.) */
static int
presform(uint32_t k)
{
	return punct(k + 1, ':') && T[k].len > 3 && S[T[k].off + T[k].len - 1] == 's' &&
	    stemlen(S, &T[k]) == T[k].len && stemlen(S, &T[k - 1]) == T[k - 1].len &&
	    !(T[k].fl & TF_CAP);
}

/* The first subject of the sentence from s0, who "saying" refers to:
 * the first phrase followed by a lower-case word (a verb, presumably).
 * On Friday, Lukashenko also said -> Lukashenko. */
static struct np
mainsubject(int pi, uint32_t s0, uint32_t v)
{
	struct np np = {NP_NONE, pi, 0, 0};
	uint32_t k, e, n;

	/* past an opening phrase (In a statement released Thursday, X) or
	 * clause (As the crisis deepened, X; As the crisis deepened, with
	 * troops on the border, X) */
	if (wl(s0, W_PREP | W_SUB)) {
		n = s0 + (wl(s0, W_SUB) ? 40 : 12);
		for (k = s0 + 1; k < v && k < n && !punct(k, ',') && T[k].type != T_DASH; k++)
			;
		if (k < v && T[k].type == T_DASH)
			for (k++; k < v && T[k].type != T_DASH; k++)
				;
		if (k < v && (punct(k, ',') || T[k].type == T_DASH))
			s0 = k + 1;
	}
	for (k = s0; k < v; k++) {
		if ((T[k].fl & TF_INQ) || T[k].type != T_WORD)
			continue;
		if (k > s0 && T[k - 1].type == T_QUOTE && wl(k, W_SPEECH) && verb(k)) {
			np = np_start(pi, k + 1);	/* “…,” said X, adding */
			if (np.type == NP_NAME || np.type == NP_NOM)
				return np;
			np.type = NP_NONE;
		}
		if (!pronoun(k) && !determiner(k) && !(cap(k) && !small(k)))
			continue;
		if (pronoun(k)) {	/* he made a point of saying */
			e = k;
		} else if (cap(k) && !determiner(k)) {	/* a name: its capitals */
			for (e = k; e + 1 < v && (cap(e + 1) ||
			    (nameconn(e + 1) && cap(e + 2))); e++)
				;
			for (n = k; n <= e && wl(n, W_TITLE); n++)
				;
			if (n > e) {	/* Former Republican candidate X said */
				k = e;
				continue;
			}
		} else {	/* the Ukrainian government (issued: a verb) */
			for (e = k; e + 1 < v && e < k + 6 && T[e + 1].type == T_WORD &&
			    !verb(e + 1) && !small(e + 1) && !filler(e + 1) &&
			    !(e > k && (pastform(e + 1) || presform(e + 1))); e++)
				;
		}
		n = e + 1;
		if (punct(n, '(')) {	/* Sen. Rand Paul (R-Ky.), said */
			while (n < v && !punct(n, ')'))
				n++;
			n++;
			if (punct(n, ','))
				n++;
		} else if (punct(n, ',') && cap(e)) {	/* Bush, a governor, said */
			uint32_t m = n + 1;

			while (m < v && m < n + 12 && !punct(m, ',') && T[m].type == T_WORD)
				m++;
			if (punct(m, ','))
				n = m + 1;
		}
		if (wl(n, W_PREP) && (wl(n + 1, W_TIME) || T[n + 1].type == T_NUM))
			n += 2;	/* X on Tuesday released */
		for (; n < v && filler(n); n++)
			;
		if (n < NT && T[n].type == T_WORD && !(T[n].fl & TF_CAP) && !small(n)) {
			np = np_end(pi, (int)e);
			if (np.type != NP_NONE)
				return np;
		}
		k = e;
	}
	np.type = NP_NONE;
	return np;
}

/* ---- 3. cues ---- */


static int
ingform(uint32_t k)
{
	return T[k].len > 4 && memcmp(S + T[k].off + T[k].len - 3, "ing", 3) == 0;
}

/* The last two sentences asked for, with the tokens in them that may be
 * cues (a reporting verb, "according"): the quotes of one long sentence
 * (up to SENT_MAX tokens) would each find its bounds and scan it for a
 * verb, which made a page of quotes and no full stops take minutes. */
struct sentc {
	const struct tok *t;	/* the paragraph's tokens; NULL: empty */
	uint32_t s0, s1;
	int cued;		/* cue[] is made */
	uint32_t *cue;		/* ascending */
	size_t ncue, cap;
};
static struct sentc sc[2];

static void
sent_forget(void)
{
	sc[0].t = sc[1].t = NULL;
}

/* The sentence around token k, [s0, s1). */
static struct sentc *
sentof(uint32_t k)
{
	struct sentc *c, x;
	uint32_t a = k, b = k;

	for (c = sc; c < sc + 2; c++)
		if (c->t == T && k >= c->s0 && k < c->s1)
			return c;
	while (a > 0 && !(T[a - 1].fl & TF_END))
		a--;
	while (b < NT && !(T[b].fl & TF_END))
		b++;
	x = sc[1];	/* the older one goes */
	sc[1] = sc[0];
	c = &sc[0];
	*c = x;
	c->t = T;
	c->s0 = a;
	c->s1 = b < NT ? b + 1 : NT;
	c->cued = 0;
	return c;
}

/* The sentence around token k with its cues. */
static const struct sentc *
cuesof(uint32_t k)
{
	struct sentc *c = sentof(k);
	uint32_t j;

	if (c->cued)
		return c;
	c->ncue = 0;
	for (j = c->s0; j < c->s1; j++)
		if (verb(j) || (T[j].len == sizeof "according" - 1 && is(j, "according"))) {
			c->cue = nu_grow(c->cue, &c->cap, c->ncue, sizeof *c->cue);
			c->cue[c->ncue++] = j;
		}
	c->cued = 1;
	return c;
}

/* Sentence bounds around token k: [*s0, *s1). */
static void
sentence(uint32_t k, uint32_t *s0, uint32_t *s1)
{
	const struct sentc *c = sentof(k);

	*s0 = c->s0;
	*s1 = c->s1;
}

/* The first of c's cues at or after token k. */
static size_t
cue_from(const struct sentc *c, uint32_t k)
{
	size_t lo = 0, hi = c->ncue, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (c->cue[mid] < k)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static void
setcue(struct quote *q, int pi, uint32_t a, uint32_t b, struct np sp)
{
	q->cpara = pi;
	q->ctok = a;
	q->ca = T[a].off;
	q->cb = tokend(b);
	q->sp = sp;
}

/* The cue of verb v and its speaker; 0 when it has none. */
static int
verbcue(struct quote *q, int pi, uint32_t v, uint32_t s0, uint32_t s1, int after)
{
	struct np sp;
	uint32_t k;

	if (is(v, "according")) {
		if (!is(v + 1, "to"))
			return 0;
		sp = np_start(pi, v + 2);
		if (sp.type == NP_NONE)
			return 0;
		setcue(q, pi, v, v + 1, sp);
		return 1;
	}
	if (is(v, "put") || is(v, "puts")) {	/* as X put it */
		for (k = v; k > s0 && k + 5 > v; k--)
			if (is(k - 1, "as")) {
				sp = np_start(pi, k);
				if (sp.type == NP_NONE)
					return 0;
				setcue(q, pi, v, v, sp);
				return 1;
			}
		return 0;
	}
	/* said X: after a quote, or at the head of its sentence (but
	 * “…,” adding that: the participle's subject is the sentence's) */
	if ((after && !ingform(v)) || v == s0 || (v > s0 && T[v - 1].type == T_QUOTE &&
	    !(T[v - 1].fl & TF_INQ) && wl(v, W_SPEECH) && !ingform(v))) {
		sp = np_start(pi, v + 1);
		if (sp.type == NP_NAME || sp.type == NP_NOM) {
			setcue(q, pi, v, v, sp);
			return 1;
		}
	}
	sp.type = NP_NONE;
	if (pastform(v) && is(v + 1, "by")) {	/* as described by X */
		sp = np_start(pi, v + 2);
		if (sp.type == NP_NAME || sp.type == NP_NOM) {
			setcue(q, pi, v, v + 1, sp);
			return 1;
		}
		sp.type = NP_NONE;
	}
	if (ingform(v) && v > s0 && punct(v - 1, ','))
		sp = mainsubject(pi, s0, v);	/* X took it in stride, saying */
	if (sp.type == NP_NONE)
		sp = subject(pi, v, s0);
	if (sp.type == NP_NOM && ingform(v) && wl(sp.t1 - 1, W_MEDIUM))
		sp.type = NP_NONE;	/* X issued a statement saying: X */
	else if (sp.type == NP_NOM && ingform(v) && sp.t0 > s0 && T[sp.t0 - 1].type == T_WORD &&
	    !(T[sp.t0 - 1].fl & TF_CAP) && !small(sp.t0 - 1))
		sp.type = NP_NONE;	/* X sought to calm his supporters saying: an object */
	if (sp.type == NP_NONE && (ingform(v) || is(v - 1, "and") || is(v - 1, "but") ||
	    is(v - 1, "to") || (v > 0 && T[v - 1].type == T_DASH)))	/* went on to say */
		sp = mainsubject(pi, s0, v);	/* He smiled and said, “…” */
	if (sp.type == NP_NONE && !after && wl(v, W_SPEECH) && !ingform(v) &&
	    (v == s0 || punct(v - 1, ',') || punct(v - 1, ':'))) {
		sp = np_start(pi, v + 1);	/* said Kowal: “…” */
		if (sp.type != NP_NAME)
			sp.type = NP_NONE;
	}
	(void)s1;
	if (sp.type == NP_NONE)
		return 0;
	setcue(q, pi, v, v, sp);
	return 1;
}

/* Does the sentence end at k, or after a time (on Tuesday, last week)? */
static int
ends(uint32_t k, uint32_t s1)
{
	uint32_t n;

	for (n = 0; n < 3 && k < s1 && (wl(k, W_TIME | W_PREP) || T[k].type == T_NUM); n++)
		k++;
	return k == s1 || (k < NT && (T[k].fl & TF_END) && T[k].type == T_PUNCT);
}

/* Right after the closing mark at c: “…,” he said / said X / — X. */
static int
cue_after(struct quote *q, int pi, uint32_t c, uint32_t s0, uint32_t s1)
{
	uint32_t k = c + 1, e;
	struct np sp;
	int open;

	/* “Where is it?” Kowal asked. / “…!” — Kowal: the quote's own
	 * full stop ended a sentence, and the cue is the next, short one */
	if ((T[c].fl & TF_END) && c + 1 < NT) {
		for (e = c + 1; e < NT && !(T[e].fl & TF_END); e++)
			;
		s0 = c + 1;
		s1 = e + 1;
	}
	open = !punct(k, ',') && c && T[c - 1].type != T_PUNCT && T[c - 1].type != T_DASH;
	if (punct(k, ','))
		k++;
	if (k >= s1 || (T[k].fl & TF_INQ))
		return 0;
	if (T[k].type == T_DASH) {	/* “…” — X, at the end */
		sp = np_start(pi, k + 1);
		if ((sp.type != NP_NAME && sp.type != NP_NOM) ||
		    (sp.t1 < s1 && !punct(sp.t1, ',') && !(T[sp.t1 - 1].fl & TF_END) &&
		    T[sp.t1].type != T_PUNCT))
			return 0;
		setcue(q, pi, k, k, sp);
		return 1;
	}
	if (verb(k))
		return verbcue(q, pi, k, s0, s1, 1);
	sp = np_start(pi, k);
	if (sp.type == NP_NONE)
		return 0;
	k = sp.t1;
	if ((punct(k, ',') || is(k, "of") || is(k, "and")) && sp.type == NP_NAME) {
		/* Lind, a spokeswoman for X, said / Silver, the guru who
		 * founded it tweeted / Albright and Kelleher of the Institute
		 * said: the first verb of the list */
		for (e = k + 1; e < s1 && e < k + 16 && !verb(e); e++)
			if ((T[e].type == T_QUOTE && T[e].mark != Q_RSQ) || (T[e].fl & TF_INQ))
				return 0;	/* (Sanders’ is no mark) */
		if (!verb(e))
			return 0;
		k = e;
	}
	for (e = k; k < s1 && filler(k); k++)
		;
	if (!open && k == e && !verb(k) && (sp.type == NP_NAME || sp.type == NP_PRON) &&
	    T[k].type == T_WORD && !(T[k].fl & TF_CAP) && !small(k) &&
	    (ends(k + 1, s1) || is(k + 1, "and"))) {
		setcue(q, pi, k, k, sp);	/* “…,” Oliver barked (and) */
		return 1;
	}
	if (!verb(k) || is(k, "according") || (open && k > e))
		return 0;	/* a fragment runs on: the “kind of problems” X had */
	setcue(q, pi, k, k, sp);
	return 1;
}

/* A paragraph that opens with a quote below one that ends in a colon:
 * In a 1963 speech, he declared: / “…” */
static int
cue_above(struct quote *q, int pa)
{
	uint32_t k, s0, s1;

	setpara(pa);
	if (!punct(NT - 1, ':'))
		return 0;
	sentence(NT - 1, &s0, &s1);
	for (k = NT - 1; k-- > s0;)
		if (verb(k))
			return verbcue(q, pa, k, s0, s1, 0);
	return 0;
}

/* A bare colon: Kowal: “…”, Why it matters - Kowal: “…”; or a sentence
 * that ends in a colon with a verb that is no reporting one: The letter
 * continues: “…”, Kowal summed up the evening: “…”: the subject of its
 * last clause speaks, the verb is the cue. */
static int
cue_colon(struct quote *q, int pi, uint32_t o, uint32_t s0)
{
	struct np sp;
	uint32_t k;

	if (o < s0 + 2 || !punct(o - 1, ':'))
		return 0;
	sp = np_end(pi, (int)o - 2);
	if (sp.type == NP_NAME && (sp.t0 == s0 || T[sp.t0 - 1].type == T_DASH ||
	    punct(sp.t0 - 1, '-'))) {
		setcue(q, pi, o - 1, o - 1, sp);
		return 1;
	}
	for (k = o - 1; k > s0 && !punct(k - 1, ','); k--)
		;	/* the last clause's: The crowd cheers, and then X continues: */
	sp = mainsubject(pi, k, o - 1);
	if (sp.type == NP_NONE && k > s0)
		sp = mainsubject(pi, s0, o - 1);
	if (sp.type == NP_NONE || headline(&A->p[pi]) || (sp.t0 > s0 && wl(sp.t0 - 1, W_PREP)))
		return 0;	/* (comments by X sounded like a surrender: “…”) */
	for (k = sp.t1; k < o && filler(k); k++)
		;
	if (k >= o - 1 || T[k].type != T_WORD || (T[k].fl & (TF_CAP | TF_INQ)) || be(k))
		return 0;
	setcue(q, pi, k, k, sp);
	return 1;
}

/* Is the word before the opening mark o one that makes a term: the
 * so-called “…”, dubbed “…”, the film “…”?  A work has a name in
 * capitals: X called the program “worse than amnesty” is speech. */
static int
termword(uint32_t o)
{
	int w;

	if (o == 0 || (T[o - 1].fl & TF_CAP) || !(w = wl(o - 1, W_TERM | W_WORK)))
		return 0;	/* (Paul Song) */
	return !(w & W_WORK) || o + 1 >= NT || T[o + 1].type != T_WORD ||
	    (T[o + 1].fl & TF_CAP);
}

/* Is the quotation opening at o in title case, at least min words, all
 * capitals but the small ones? */
static int
titled(uint32_t o, uint32_t min)
{
	uint32_t k, caps = 0;

	for (k = o + 1; k < NT && (T[k].fl & TF_INQ); k++) {
		if (T[k].type != T_WORD)
			continue;
		if (T[k].fl & TF_CAP)
			caps++;
		else if (!small(k))
			return 0;	/* (looked up only until here) */
	}
	return caps >= min;
}

/* Does the quote opening at o start its sentence (or follow a colon or
 * a cue and a comma), with a capital? */
static int
opens_sentence(uint32_t o, uint32_t s0)
{
	uint32_t k = o + 1;

	if (k < NT && T[k].type == T_QUOTE)
		k++;
	if (k >= NT || !(T[k].type == T_NUM || (T[k].fl & TF_CAP)))
		return 0;
	return o == s0 || punct(o - 1, ':') ||
	    (punct(o - 1, ',') && o >= 2 && (verb(o - 2) || is(o - 2, "back"))) ||
	    (o > s0 && T[o - 1].type == T_DASH);
}

/* The token of the closing mark at byte b of paragraph pi, or NT.  The tokens
 * are in byte order: a binary search, since a scan from the first token
 * for every quote made a paragraph of 1 MB take minutes. */
static uint32_t
closetok(uint32_t b)
{
	uint32_t lo = 0, hi = NT, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (T[mid].off < b)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < NT && T[lo].off == b && T[lo].type == T_QUOTE ? lo : NT;
}

#define AFTER 10	/* how far after a quote its cue may be */

/* A fragment in the clause a speech verb reports is that verb's
 * speaker's: X said the platform should reiterate its support for
 * “stalwart allies” (X's, not the platform's).  Between the speech verb
 * and the inner verb's subject there are a few words and no punctuation
 * or subordinate clause (X said Trump, who called it “…”: Trump's). */
static void
outercue(struct quote *q, int pi, uint32_t s0, uint32_t s1)
{
	struct quote t;
	uint32_t k;

	if (q->cpara != pi || q->sp.para != pi)
		return;
	for (k = q->sp.t0; k-- > s0 && k + 9 > q->sp.t0;) {
		if (T[k].type != T_WORD || (T[k].fl & TF_INQ) || wl(k, W_SUB))
			return;
		if (verb(k) && wl(k, W_SPEECH)) {
			memset(&t, 0, sizeof t);
			if (verbcue(&t, pi, k, s0, s1, 0) && t.sp.t1 <= k) {
				q->sp = t.sp;
				q->ca = t.ca;
				q->cb = t.cb;
				q->ctok = t.ctok;
			}
			return;
		}
	}
}

/* Does the sentence go on in words after the closing mark at c?  A quote
 * that opens a sentence and is no more than its subject (“Broad City”
 * star X) is a name, not a floating quote; one that ends in a comma
 * before a name, pronoun or reporting verb (“Go back,” Trump barked and;
 * “Fine,” said the one who) is speech. */
static int
runson(uint32_t c, uint32_t s1)
{
	uint32_t k;

	if (c > 0 && T[c - 1].type == T_PUNCT && (pronoun(c + 1) || cap(c + 1) || verb(c + 1)))
		return 0;
	for (k = c + 1; k < s1 && k < NT; k++)
		if (T[k].type == T_WORD && !(T[k].fl & TF_INQ))
			return 1;
	return 0;
}

/* A fragment with no reporting verb in a sentence whose subject is a
 * name, and its verb: Trump pointed to the case as the “rigged system”.
 * It stays a term unless speaker.c finds the name a person's. */
static void
subjectcue(struct quote *q, int pi, uint32_t s0, uint32_t o)
{
	struct np sp;
	uint32_t k;

	/* a title in capitals (“Gang of Eight”) is a name, and a
	 * headline's subject says nothing */
	if (titled(o, 1) || headline(&A->p[pi]))
		return;
	sp = mainsubject(pi, s0, o);
	if (sp.type != NP_NAME)
		return;
	for (k = sp.t1; k < o && filler(k); k++)
		;
	if (k >= o || T[k].type != T_WORD || (T[k].fl & (TF_CAP | TF_INQ)) || be(k))
		return;
	setcue(q, pi, k, k, sp);
	q->maybe = 1;
}

/* A fragment after a possessive and a noun for what was said is the
 * possessor's, the noun its cue: her remark that “…”, Trump’s recent
 * claim that “…”, his warning that Britain would go to the “back of the
 * queue”. */
static int
posscue(struct quote *q, int pi, uint32_t s0, uint32_t o)
{
	struct np sp = {NP_NONE, pi, 0, 0};
	uint32_t k, j;

	for (k = o; k-- > s0 + 1 && k + 12 > o;) {
		if (T[k].type == T_QUOTE || (T[k].fl & TF_INQ))
			return 0;
		if (!wl(k, W_SAYS) || (T[k].fl & TF_CAP))
			continue;
		for (j = k - 1; j > s0 && j + 3 > k && T[j].type == T_WORD &&
		    !(T[j].fl & TF_CAP) && !small(j); j--)
			;	/* his recent, evidence-free claim */
		if (is(j, "his") || is(j, "her") || is(j, "their")) {
			sp.type = NP_PRON;
			sp.t0 = j;
		} else if (cap(j) && stemlen(S, &T[j]) < T[j].len && !small(j)) {
			sp.type = NP_NAME;
			sp.t0 = namestart(j);
		} else {
			return 0;
		}
		sp.t1 = j + 1;
		setcue(q, pi, k, k, sp);
		return 1;
	}
	return 0;
}

/* The nearest cue before token o in its sentence that gives q its
 * speaker.  (verbcue asks for no sentence, so c stays this one's.) */
static int
cue_before(struct quote *q, int pi, uint32_t o)
{
	const struct sentc *c = cuesof(o);
	size_t x;

	for (x = cue_from(c, o); x-- > 0;)
		if (verbcue(q, pi, c->cue[x], c->s0, c->s1, 0))
			return 1;
	return 0;
}

static void
attribute(size_t qi, size_t firstpc)
{
	struct quote *q = &A->q[qi];
	uint32_t o = q->tok, c, s0, s1, k;
	int pi = q->para, lp;
	int found = 0;

	for (k = (uint32_t)firstpc; k < A->npc && A->pc[k].quote == (int)qi; k++)
		;
	lp = A->pc[k - 1].para;
	q->lpara = lp;
	setpara(pi);
	sentence(o, &s0, &s1);
	/* a fragment's cue is the nearest verb before it (X said there
	 * was “…,” adding): looked for first */
	if (!opens_sentence(o, s0) && lp == pi) {
		found = cue_before(q, pi, o);
		if (found)
			outercue(q, pi, s0, s1);
	}
	/* and so is a verb right before it: someone shouted, “Cruz,” Beck
	 * joked */
	if (!found && o >= s0 + 2 && (punct(o - 1, ',') || punct(o - 1, ':')) && verb(o - 2))
		found = verbcue(q, pi, o - 2, s0, s1, 0);
	else if (!found && o >= s0 + 3 && punct(o - 1, ',') && is(o - 2, "back") &&
	    T[o - 3].type == T_WORD && !(T[o - 3].fl & TF_CAP))
		found = verbcue(q, pi, o - 3, s0, s1, 0);	/* she shot back, “…” */
	/* right after the last piece: “…,” he said */
	setpara(lp);
	for (k = (uint32_t)firstpc; k < A->npc && A->pc[k].quote == (int)qi; k++)
		;
	c = closetok(A->pc[k - 1].end);
	if (!found && c < NT) {
		sentence(c, &s0, &s1);
		found = cue_after(q, lp, c, s0, s1);
	}
	setpara(pi);
	sentence(o, &s0, &s1);
	if (!found)	/* the nearest verb before, then after */
		found = cue_before(q, pi, o);
	if (!found)
		found = cue_colon(q, pi, o, s0);
	if (!found && o == 0 && pi > 0 && !A->p[pi - 1].junk && A->p[pi - 1].ntok)
		found = cue_above(q, pi - 1);
	setpara(pi);
	/* a verb a few words after: “peaceful” Belarus, as he put it; or
	 * anywhere after, with its speaker: “…” in contrast to 2012, says
	 * Dante Scala */
	if (!found && lp == pi && c < NT) {
		const struct sentc *sx = cuesof(o);
		size_t x;

		for (x = cue_from(sx, c + 1); x < sx->ncue && !found; x++) {
			if (T[k = sx->cue[x]].fl & TF_INQ)
				continue;
			if (k < c + AFTER)
				found = verbcue(q, pi, k, c + 1, s1, 0);
			else if (punct(k - 1, ',') && np_start(pi, k + 1).type == NP_NAME)
				found = verbcue(q, pi, k, k, s1, 1);
			else if (k > c + 2 && punct(k - 2, ',') && (pronoun(k - 1) || cap(k - 1)))
				found = verbcue(q, pi, k, k - 1, s1, 0);	/* …, he said. */
		}
	}
	if (found && q->cpara == lp && c < NT && q->ctok > c) {
		setpara(lp);	/* “A,” he said. “B.”: B may go on */
		sentence(q->ctok, &s0, &s1);
		q->next = s1;
		setpara(pi);
		sentence(o, &s0, &s1);
	}
	q->kind = opens_sentence(o, s0) || lp != pi ? QK_DIRECT : QK_PARTIAL;
	if ((termword(o) || (q->kind == QK_PARTIAL && titled(o, 2) && !headline(&A->p[pi]))) &&
	    !(found && q->kind == QK_DIRECT)) {	/* ABC’s “Good Morning America” */
		q->kind = QK_TERM;
	} else if (!found && q->kind != QK_DIRECT) {
		q->kind = QK_TERM;
		if (posscue(q, pi, s0, o))
			q->kind = QK_PARTIAL;
		else
			subjectcue(q, pi, s0, o);
	} else if (!found && lp == pi && c < NT && runson(c, s1)) {
		q->kind = QK_TERM;	/* “Broad City” star Arturo Castro */
	}
}

/* Quotes in one sentence with one cue are one quote: “A,” he said, “B.”
 * So are a quote and the next sentence's when the cue is between them,
 * and a quote and a paragraph after it that is nothing but a quote with
 * no cue of its own: the speaker goes on.  The pieces become the first
 * one's. */
static void
merge(void)
{
	size_t i, j = 0;
	int *to = nu_alloc((A->nq + 1) * sizeof *to);

	for (i = 0; i < A->nq; i++) {
		struct quote *q = &A->q[i], *p = j ? &A->q[j - 1] : NULL;

		if (p && q->kind != QK_TERM && p->kind != QK_TERM &&
		    ((q->sp.type != NP_NONE && p->sp.type != NP_NONE &&
		    p->cpara == q->cpara && p->ctok == q->ctok && p->cb == q->cb) ||
		    (q->sp.type == NP_NONE && p->next && p->cpara == q->para &&
		    p->next == q->tok) ||
		    (q->sp.type == NP_NONE && q->kind == QK_DIRECT && q->tok == 0 &&
		    p->lpara + 1 == q->para && p->sp.type != NP_NONE))) {
			to[i] = (int)j - 1;
			continue;
		}
		to[i] = (int)j;
		A->q[j++] = *q;
	}
	for (i = 0; i < A->npc; i++)
		A->pc[i].quote = to[A->pc[i].quote];
	A->nq = j;
	free(to);
}

/* ---- 4. indirect speech ---- */

/* A clause from k that opens with an auxiliary, or with a past tense
 * before an article, a preposition, a particle or a name (after adverbs
 * in -ly or not), has no subject of its own: the "that" before it was a
 * relative pronoun (a crowd that spilled out, a book that inspired the
 * film, the drama that has surrounded her), or right after the verb the
 * subject (said that might not be enough).  "that increased tariffs
 * would" has a subject. */
static int
nosubject(uint32_t k, uint32_t s1)
{
	static const char *const particle[] = {"out", "up", "down", "off", "back", "away", NULL};
	size_t i;

	while (k + 1 < s1 && T[k].type == T_WORD && T[k].len > 4 && !(T[k].fl & TF_CAP) &&
	    S[T[k].off + T[k].len - 2] == 'l' && S[T[k].off + T[k].len - 1] == 'y')
		k++;
	if (k >= s1 || T[k].type != T_WORD)
		return 0;
	if (wl(k, W_AUX))
		return 1;
	if (!pastform(k) || k + 1 >= s1)
		return 0;
	for (i = 0; particle[i]; i++)
		if (is(k + 1, particle[i]))
			return 1;
	return determiner(k + 1) || wl(k + 1, W_PREP) || (cap(k + 1) && !small(k + 1));
}

/* The clause a speech verb at v reports, from token *b to the end of its
 * sentence at e; 0 when there is none. */
static int
clause(uint32_t v, uint32_t s1, uint32_t *b)
{
	uint32_t k = v + 1, lim = v + 9;

	if (v > 0 && (T[v - 1].type == T_QUOTE || (punct(v - 1, ',') && v > 1 &&
	    T[v - 2].type == T_QUOTE)))
		return 0;	/* “…,” said a member who: the quote's cue */
	/* told reporters on Friday that, said in a statement that */
	while (k < s1 && k < lim && !is(k, "that") && T[k].type == T_WORD &&
	    !(T[k].fl & TF_INQ))
		k++;
	if (is(k, "that")) {
		int none = nosubject(k + 1, s1);

		*b = none && k == v + 1 ? k : k + 1;	/* said that might not be */
		if (!none || *b == k)
			return *b + 2 < s1;
		/* told a crowd that spilled out: no clause after that; says
		 * a hit that used to be: the clause may start at the verb */
	}
	k = v + 1;
	if (!(is(v, "said") || is(v, "says") || is(v, "say")))
		return 0;
	if (k < s1 && (pronoun(k) || determiner(k)) && !punct(k + 1, ',') && !punct(k + 1, '.')) {
		*b = k;
		return k + 3 < s1;
	}
	return 0;
}

/* The next speech verb that has "that" after it, or is said, says or
 * say: from the *at-th of the paragraph's say and that words (names_find
 * noted them); NT when there is none. */
static uint32_t
trigger(int pi, size_t *at)
{
	const struct qpara *p = &A->p[pi];
	uint32_t v, k;

	while (*at < p->ncand) {
		k = A->cand[p->cand0 + (*at)++];
		if (S[T[k].off] == 's')
			return k;	/* say, says, said */
		/* that: told reporters on Friday that */
		for (v = k; v-- > 0 && v + 7 > k && T[v].type == T_WORD && !(T[v].fl & TF_INQ);)
			if (!(T[v].fl & TF_CAP) && wl(v, W_SPEECH))
				return v;
	}
	return NT;
}

static void
indirect(int pi)
{
	uint32_t k, s0 = 0, s1, b, e, j;
	size_t at = 0;

	setpara(pi);
	while ((k = trigger(pi, &at)) < NT) {
		struct quote *q, tmp;

		sentence(k, &s0, &s1);
		if (!clause(k, s1, &b))
			continue;
		for (j = b; j < s1; j++)
			if (T[j].type == T_QUOTE || (T[j].fl & TF_INQ))
				break;
		if (j < s1)
			continue;	/* the quote in it is the record */
		memset(&tmp, 0, sizeof tmp);
		if (!verbcue(&tmp, pi, k, s0, s1, 0) || tmp.sp.type == NP_NONE)
			continue;
		e = s1 - 1;
		while (e > b && T[e].type == T_PUNCT)
			e--;
		q = addquote(pi, b);
		*q = tmp;
		q->para = pi;
		q->tok = b;
		q->kind = QK_INDIRECT;
		addpiece(pi, T[b].off, tokend(e), (int)A->nq - 1);
		while (at < A->p[pi].ncand && A->cand[A->p[pi].cand0 + at] < s1)
			at++;	/* one clause per sentence */
	}
}

static int
bypos(const void *x, const void *y)
{
	const struct piece *a = x, *b = y;

	if (a->para != b->para)
		return a->para < b->para ? -1 : 1;
	return a->start < b->start ? -1 : a->start > b->start;
}

/* The speakers, in the order of the text: a pronoun looks back. */
static int
qpos(const void *x, const void *y)
{
	const struct quote *a = *(struct quote *const *)x, *b = *(struct quote *const *)y;

	if (a->para != b->para)
		return a->para < b->para ? -1 : 1;
	return a->tok < b->tok ? -1 : a->tok > b->tok;
}

static void
speakers(struct qart *a)
{
	static struct quote **ord;
	static size_t cap;
	const struct quote *prev = NULL;
	size_t i, n = 0;

	if (a->nq > cap) {
		cap = a->nq;
		ord = nu_realloc(ord, cap * sizeof *ord);
	}
	for (i = 0; i < a->nq; i++)
		ord[i] = &a->q[i];
	if (a->nq)
		qsort(ord, a->nq, sizeof *ord, qpos);
	for (i = 0; i < a->nq; i++) {
		struct quote *q = ord[i];

		if (q->kind == QK_TERM) {
			if (!q->maybe || !speaker_person(q)) {
				q->sp.type = NP_NONE;	/* a term: nobody's, no cue */
				q->cb = q->ca;
				continue;
			}
			q->kind = QK_PARTIAL;
		} else {
			speaker_canon(q, prev, ord, n);
		}
		ord[n++] = q;
		if (q->kb > q->ka)
			prev = q;
	}
}

void
quote_article(struct qart *a, int withindirect)
{
	size_t i, pc = 0;

	A = a;
	a->npc = a->nq = 0;
	carry.quote = -1;
	for (i = 0; i < a->np; i++) {
		if (a->p[i].junk) {
			unopen();
			continue;
		}
		if (a->p[i].st.marks || carry.quote >= 0)
			marks((int)i);
		setpara((int)i);
		sent_split(S, T, NT);
	}
	unopen();
	sent_forget();	/* the tokens are another article's */
	for (i = 0; i < a->nq; i++) {
		attribute(i, pc);
		while (pc < a->npc && a->pc[pc].quote == (int)i)
			pc++;
	}
	merge();
	names_find(a);
	sent_forget();
	if (withindirect)
		for (i = 0; i < a->np; i++)
			if (!a->p[i].junk)
				indirect((int)i);
	speakers(a);
	if (a->npc)
		qsort(a->pc, a->npc, sizeof *a->pc, bypos);
}
