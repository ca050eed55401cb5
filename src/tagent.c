/* tagent.c: one article in ntag's stream mode: its text and tokens, the
 * tagger's entities, the user's aliases, canonical names and dates. */
#include "tagent.h"
#include "tagdate.h"

#include <stdlib.h>

void
tart_begin(struct tart *a)
{
	buf_reset(&a->text);
	a->np = 0;
	a->ne = 0;
	a->date[0] = '\0';
}

void
tart_para(struct tart *a, const char *esc, size_t n)
{
	a->p = nu_grow(a->p, &a->capp, a->np, sizeof *a->p);
	a->p[a->np].off = a->text.len;
	unesc_add(&a->text, esc, n);
	a->p[a->np].len = a->text.len - a->p[a->np].off;
	a->np++;
}

/* nsplit writes the date as ISO 8601: its day, or as much of
 * YYYY-MM-DD as it has (a month, a year), is the reference for dates. */
void
tart_date(struct tart *a, const char *esc, size_t n)
{
	static const size_t len[] = {10, 7, 4};
	size_t i, k;

	for (k = 0; k < 3; k++) {
		if (n < len[k] || (n > len[k] && esc[len[k]] >= '0' && esc[len[k]] <= '9'))
			continue;
		for (i = 0; i < len[k]; i++)
			if ((i == 4 || i == 7) ? esc[i] != '-' : esc[i] < '0' || esc[i] > '9')
				break;
		if (i == len[k]) {
			memcpy(a->date, esc, len[k]);
			a->date[len[k]] = '\0';
			return;
		}
	}
}

static struct tent *
newent(struct tart *a, size_t para, uint32_t from, uint32_t to, int type)
{
	struct tent *e;

	a->e = nu_grow(a->e, &a->cape, a->ne, sizeof *a->e);
	e = &a->e[a->ne++];
	memset(e, 0, sizeof *e);
	e->para = para;
	e->a = from;
	e->b = to;
	e->type = type;
	return e;
}

#define PTEXT(a, i) ((a)->text.p + (a)->p[i].off)

/* The end of a run of initials from token k ("U", ".", "S", ".", with
 * no space between them): the token after its last full stop, or k when
 * there is no run of two or more. */
static size_t
initials(const char *s, const struct tok *t, size_t nt, size_t k)
{
	size_t j = k, n = 0;

	while (j + 1 < nt && t[j].type == T_WORD && t[j].len == 1 && s[t[j].off] >= 'A' &&
	    s[t[j].off] <= 'Z' && (j == k || !(t[j].fl & TF_SP)) && s[t[j + 1].off] == '.' &&
	    t[j + 1].len == 1 && !(t[j + 1].fl & TF_SP)) {
		j += 2;
		n++;
	}
	return n >= 2 ? j : k;
}

static void
addtok(struct tart *a, const char *w, size_t n, size_t para)
{
	a->tpara = nu_grow(a->tpara, &a->captp, a->d.n, sizeof *a->tpara);
	a->tpara[a->d.n] = (uint32_t)para;
	tdoc_add(&a->d, w, n);
}

/* Tokens and sentences of paragraph i into the document; its dates too. */
static void
para_tokens(struct tart *a, size_t i, int dates)
{
	const char *s = PTEXT(a, i);
	size_t nt, k, nd;

	if (a->p[i].len + 1 > a->captk) {
		a->captk = a->p[i].len + 1;
		a->tk = nu_realloc(a->tk, a->captk * sizeof *a->tk);
	}
	nt = tok_split(s, a->p[i].len, a->tk, NULL);
	sent_split(s, a->tk, nt);
	for (k = 0; k < nt; k++) {
		const struct tok *t = &a->tk[k];
		/* "Putin's" is "Putin" and "'s" to the tagger, as in its training data */
		size_t ps = t->type == T_WORD ? t->len - stemlen(s, t) : 0;
		size_t j = initials(s, a->tk, nt, k);
		int end = 0;

		if (j > k + 1) {	/* U.S. as one word, as in the training data */
			for (; k < j; k++)
				end |= a->tk[k].fl & TF_END;
			k--;
			addtok(a, s + t->off, a->tk[k].off + 1 - t->off, i);
		} else {
			addtok(a, s + t->off, t->len - ps, i);
			if (ps)
				addtok(a, s + t->off + t->len - ps, ps, i);
			end = t->fl & TF_END;
		}
		if (end)
			tdoc_endsent(&a->d);
	}
	tdoc_endsent(&a->d);
	if (!dates)
		return;
	if (nt > a->capds) {	/* room for a date a token: none is lost */
		a->capds = nt;
		a->ds = nu_realloc(a->ds, a->capds * sizeof *a->ds);
	}
	nd = date_find(s, a->tk, nt, a->date[0] ? a->date : NULL, a->ds, nt);
	for (k = 0; k < nd; k++) {
		const struct tok *f = &a->tk[a->ds[k].a], *l = &a->tk[a->ds[k].b - 1];
		struct tent *e = newent(a, i, f->off, l->off + l->len, TY_DATE);

		memcpy(e->iso, a->ds[k].iso, sizeof e->iso);
		e->iso[sizeof e->iso - 1] = '\0';
	}
}

/* Byte offset of token k in its paragraph. */
static uint32_t
tokoff(const struct tart *a, size_t k)
{
	return (uint32_t)(a->d.t[k].w - PTEXT(a, a->tpara[k]));
}

/* The tagger's labels as entities, and the entity of each token. */
static void
spans(struct tart *a)
{
	size_t i, j, k;

	if (a->d.n + 1 > a->capown) {	/* never NULL, for memset */
		a->capown = a->d.n + 1;
		a->own = nu_realloc(a->own, a->capown * sizeof *a->own);
	}
	memset(a->own, 0, a->d.n * sizeof *a->own);
	for (i = 0; i < a->d.n; i = j + 1) {
		int l = a->d.t[i].pred;
		struct tent *e;

		j = i;
		if (!l)
			continue;
		if (LPOS(l) == P_B)
			while (j + 1 < a->d.n && a->d.t[j + 1].pred &&
			    LPOS(a->d.t[j + 1].pred) != P_B && LPOS(a->d.t[j + 1].pred) != P_U &&
			    LPOS(a->d.t[j].pred) != P_L)
				j++;
		e = newent(a, a->tpara[i], tokoff(a, i), tokoff(a, j) + a->d.t[j].n, LTYPE(l));
		e->t0 = (uint32_t)i;
		e->t1 = (uint32_t)j + 1;
		for (k = i; k <= j; k++)
			a->own[k] = (uint32_t)a->ne;
	}
}

/* The longest alias (the first listed of equal ones) whose words stand
 * at token i, within one paragraph; its number + 1, or 0. */
static uint32_t
alias_at(const struct tart *a, size_t i)
{
	uint32_t x = ht_get(&a->alfirst, a->d.t[i].hw), best = 0;
	size_t k;

	for (; x; x = a->al[x - 1].next) {
		const struct alias *al = &a->al[x - 1];

		for (k = 0; k < al->nw && i + k < a->d.n && a->tpara[i + k] == a->tpara[i] &&
		    a->d.t[i + k].hw == al->h[k]; k++)
			;
		if (k == al->nw && (!best || al->nw > a->al[best - 1].nw))
			best = x;
	}
	return best;
}

/* Names of the alias file where they stand in the text, word for word:
 * they win over what the tagger found there, but for a longer name of
 * the same type around them ("Brekke" in "Tomas Brekke"). */
static void
alias_spans(struct tart *a)
{
	size_t i, k;

	if (!a->nal)
		return;
	for (i = 0; i < a->d.n; i++) {
		uint32_t x = alias_at(a, i), o;
		const struct alias *al;
		struct tent *e;

		if (!x)
			continue;
		al = &a->al[x - 1];
		o = a->own[i];
		if (o && a->e[o - 1].type == al->type && a->e[o - 1].t0 <= i &&
		    i + al->nw <= a->e[o - 1].t1 && a->e[o - 1].t1 - a->e[o - 1].t0 > al->nw)
			continue;
		for (k = i; k < i + al->nw; k++)
			if (a->own[k])
				a->e[a->own[k] - 1].gone = 1;
		e = newent(a, a->tpara[i], tokoff(a, i),
		    tokoff(a, i + al->nw - 1) + a->d.t[i + al->nw - 1].n, al->type);
		e->alias = (int)x;
		i += al->nw - 1;
	}
}

static int
cmpent(const void *x, const void *y)
{
	const struct tent *a = x, *b = y;

	if (a->para != b->para)
		return a->para < b->para ? -1 : 1;
	if (a->a != b->a)
		return a->a < b->a ? -1 : 1;
	return a->type < b->type ? -1 : a->type > b->type;
}

/* The entities not gone, in the order of the text. */
static void
settle(struct tart *a)
{
	size_t i, n = 0;

	for (i = 0; i < a->ne; i++)
		if (!a->e[i].gone)
			a->e[n++] = a->e[i];
	a->ne = n;
	if (a->ne > 1)
		qsort(a->e, a->ne, sizeof *a->e, cmpent);
}

/* Where a date and a name overlap, the longer wins: a date inside a name
 * ("Sunday Times") is part of the name, a name inside a date ("Friday"
 * tagged a place) is the date's.  Names do not overlap each other, nor
 * dates each other, so in the order of the text the names over a date
 * are the last before it and those right after it. */
static void
merge_dates(struct tart *a)
{
	size_t i, j, last = (size_t)-1;

	for (i = 0; i < a->ne; i++) {
		struct tent *d = &a->e[i];
		int inside = 1;

		if (d->type != TY_DATE) {
			last = i;
			continue;
		}
		if (last != (size_t)-1 && a->e[last].para == d->para && a->e[last].b > d->a &&
		    (a->e[last].a < d->a || a->e[last].b > d->b))
			inside = 0;	/* a name that starts before the date */
		for (j = i + 1; j < a->ne && a->e[j].para == d->para && a->e[j].a < d->b; j++)
			if (a->e[j].b > d->b)
				inside = 0;
		if (!inside) {
			d->gone = 1;
			continue;
		}
		if (last != (size_t)-1 && a->e[last].para == d->para && a->e[last].b > d->a)
			a->e[last].gone = 1;	/* (one that starts with it) */
		for (j = i + 1; j < a->ne && a->e[j].para == d->para && a->e[j].a < d->b; j++)
			a->e[j].gone = 1;
	}
	settle(a);
}

void canon_names(struct tart *a);

void
tart_tag(struct tart *a, const struct model *m, int dates)
{
	size_t i;

	tdoc_reset(&a->d);
	for (i = 0; i < a->np; i++)
		para_tokens(a, i, dates);
	tdoc_prepare(&a->d, m);
	tag_doc(&a->d, m);
	spans(a);
	alias_spans(a);
	settle(a);
	canon_names(a);
	merge_dates(a);
}

void
tart_write(const struct tart *a, const struct tent *e, const char *id, size_t idl,
    const char *num, size_t numl)
{
	const char *s = PTEXT(a, e->para);

	out_add(id, idl);
	out_s("\tent\t");
	out_add(num, numl);
	out_c('\t');
	out_u(e->a);
	out_c('\t');
	out_u(e->b);
	out_c('\t');
	out_s(e->type == TY_DATE ? "DATE" : tag_type[e->type]);
	out_c('\t');
	out_esc(s + e->a, e->b - e->a);
	out_c('\t');
	if (e->canon)
		out_esc(e->canon, e->canonl);
	else
		out_esc(s + e->a, e->b - e->a);
	out_c('\t');
	if (e->type == TY_DATE) {
		if (e->iso[0])
			out_s(e->iso);
		else
			out_esc(s + e->a, e->b - e->a);
	}
	out_c('\n');
}

/* One alias line: alias<TAB>canonical<TAB>type. */
static void
alias_add(struct tart *a, char *line, size_t n, const char *path, unsigned long no)
{
	char *t1 = memchr(line, '\t', n), *t2 = t1 ? memchr(t1 + 1, '\t', n - (size_t)(t1 + 1 - line)) : NULL;
	struct tok tk[256];	/* tok_split needs room for a token a byte */
	struct alias *al;
	size_t nt, i;
	int ty;

	if (!t2 || t1 == line || t2 == t1 + 1 ||
	    (ty = tag_typeno(t2 + 1, n - (size_t)(t2 + 1 - line))) < 0)
		nu_die(1, "%s:%lu: not alias<TAB>canonical<TAB>PER|ORG|LOC|MISC", path, no);
	if (t1 - line >= (ptrdiff_t)(sizeof tk / sizeof tk[0]))
		nu_die(1, "%s:%lu: alias too long", path, no);
	nt = tok_split(line, (size_t)(t1 - line), tk, NULL);
	if (nt == 0 || nt > GAZLEN * 2)
		nu_die(1, "%s:%lu: an alias is 1 to %d words", path, no, GAZLEN * 2);
	a->al = nu_grow(a->al, &a->capal, a->nal, sizeof *a->al);
	al = &a->al[a->nal++];
	al->name = line;
	al->namel = (size_t)(t1 - line);
	al->canon = t1 + 1;
	al->canonl = (size_t)(t2 - t1 - 1);
	al->type = ty;
	al->nw = nt;
	for (i = 0; i < nt; i++)
		al->h[i] = thash(line + tk[i].off, tk[i].len);
	al->next = 0;
}

struct aliasfile {
	struct tart *a;
	const char *path;
};

static void
alias_line(void *arg, char *line, size_t n, unsigned long no)
{
	const struct aliasfile *af = arg;

	if (n == 0 || line[0] == '#')
		return;
	alias_add(af->a, nu_strdup(line), n, af->path, no);	/* kept for the run */
}

void
tart_aliases(struct tart *a, const char *path)
{
	struct aliasfile af = {a, path};
	size_t i;

	nu_file_lines(path, alias_line, &af);
	ht_init(&a->alfirst, a->nal);
	ht_init(&a->alname, a->nal);
	for (i = a->nal; i-- > 0;) {	/* chains in the order of the file: the first listed wins */
		uint32_t *v = ht_put(&a->alfirst, a->al[i].h[0]);

		a->al[i].next = *v;
		*v = (uint32_t)i + 1;
		*ht_put(&a->alname, thash(a->al[i].name, a->al[i].namel)) = (uint32_t)i + 1;
	}
}
