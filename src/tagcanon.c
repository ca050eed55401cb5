/* tagcanon.c: one canonical name per entity in an article.
 *
 * News names a person in full once and by surname after: "Alexander
 * Lukashenko" ... "Lukashenko".  A person's canonical name is the longest
 * name of a person in the article that ends with the words of this one
 * (the earliest, if two are as long).  Each is found with one look-up in
 * a table of the article's names, so that a long article costs no more
 * per name than a short one.  An organisation written out with
 * its acronym in brackets, "North Atlantic Treaty Organization (NATO)",
 * gives the acronym the long form wherever it stands.  The user's
 * aliases come last and win: a name, or the canonical name found for it,
 * that the alias file lists takes the file's canonical name. */
#include "tagent.h"

#define ETEXT(a, e) ((a)->text.p + (a)->p[(e)->para].off + (e)->a)
#define ELEN(e) ((size_t)((e)->b - (e)->a))

static int
sametext(const struct tart *a, const struct tent *x, const char *s, size_t n)
{
	return ELEN(x) == n && memcmp(ETEXT(a, x), s, n) == 0;
}

/* The entity + 1 a.names holds for the text s, or 0. */
static uint32_t
named(const struct tart *a, const char *s, size_t n, uint64_t *h)
{
	uint32_t v;

	*h = thash(s, n) | 1;	/* names odd, acronyms even: one table */
	return (v = ht_get(&a->names, *h)) ? v : 0;
}

/* Each person's name under each of its word-final parts ("Alexander
 * Lukashenko" under itself and "Lukashenko"), keeping the longest name
 * (the earliest of equal ones): then a mention finds its fullest name in
 * one look-up. */
static void
index_people(struct tart *a)
{
	size_t i, k;

	for (i = 0; i < a->ne; i++) {
		const struct tent *e = &a->e[i];
		const char *s = ETEXT(a, e);

		if (e->type != TY_PER || e->alias)
			continue;
		for (k = 0; k < ELEN(e); k++) {
			uint64_t h;
			uint32_t v;

			if (k && s[k - 1] != ' ')
				continue;
			v = named(a, s + k, ELEN(e) - k, &h);
			if (!v || ELEN(&a->e[v - 1]) < ELEN(e))
				*ht_put(&a->names, h) = (uint32_t)i + 1;
		}
	}
}

static void
fullest(struct tart *a, struct tent *e)
{
	uint64_t h;
	uint32_t v = named(a, ETEXT(a, e), ELEN(e), &h);
	const struct tent *x = v ? &a->e[v - 1] : NULL;

	if (x && ELEN(x) > ELEN(e) &&
	    memcmp(ETEXT(a, x) + ELEN(x) - ELEN(e), ETEXT(a, e), ELEN(e)) == 0) {
		e->canon = ETEXT(a, x);
		e->canonl = ELEN(x);
	}
}

/* Is acr (all capitals) the initials of the capitalised words of name,
 * in order?  Small words (of, the, for) may be skipped. */
static int
initials(const char *acr, size_t an, const char *name, size_t nn)
{
	size_t i = 0, k = 0;

	while (i < nn && k < an) {
		if ((i == 0 || name[i - 1] == ' ' || name[i - 1] == '-') && name[i] == acr[k])
			k++;
		i++;
	}
	return k == an && an >= 2;
}

static int
acronym(const char *s, size_t n)
{
	size_t i;

	if (n < 2 || n > 8)
		return 0;
	for (i = 0; i < n; i++)
		if ((s[i] < 'A' || s[i] > 'Z') && s[i] != '&')
			return 0;
	return 1;
}

/* Entity i in brackets right after entity j, which it abbreviates. */
static int
defines(const struct tart *a, const struct tent *acr, const struct tent *full)
{
	const char *p = a->text.p + a->p[acr->para].off;

	return acr->para == full->para && full->b + 2 == acr->a && p[full->b] == ' ' &&
	    p[full->b + 1] == '(' && acr->b < a->p[acr->para].len && p[acr->b] == ')' &&
	    acronym(p + acr->a, ELEN(acr)) &&
	    initials(p + acr->a, ELEN(acr), p + full->a, ELEN(full));
}

/* Acronyms defined in brackets: their long form wherever they stand. */
static void
acronyms(struct tart *a)
{
	size_t i;
	uint32_t v;

	for (i = 1; i < a->ne; i++)
		if (defines(a, &a->e[i], &a->e[i - 1]))
			*ht_put(&a->names, (thash(ETEXT(a, &a->e[i]), ELEN(&a->e[i])) & ~(uint64_t)1) + 2) =
			    (uint32_t)i;	/* the long form, + 1 */
	for (i = 0; i < a->ne; i++) {
		struct tent *e = &a->e[i];
		const struct tent *full;

		if (e->alias || !acronym(ETEXT(a, e), ELEN(e)) ||
		    !(v = ht_get(&a->names, (thash(ETEXT(a, e), ELEN(e)) & ~(uint64_t)1) + 2)))
			continue;
		full = &a->e[v - 1];
		if (!defines(a, &a->e[v], full) || !sametext(a, &a->e[v], ETEXT(a, e), ELEN(e)))
			continue;	/* another text under the same hash */
		e->canon = ETEXT(a, full);
		e->canonl = ELEN(full);
		e->type = full->type;
	}
}

/* The alias whose name is s, + 1, or 0. */
static int
aliased(const struct tart *a, const char *s, size_t n)
{
	uint32_t v = ht_get(&a->alname, thash(s, n));

	return v && a->al[v - 1].namel == n && memcmp(a->al[v - 1].name, s, n) == 0 ? (int)v : 0;
}

void
canon_names(struct tart *a)
{
	size_t i;

	if (!a->names.k)
		ht_init(&a->names, 256);
	memset(a->names.k, 0, (a->names.mask + 1) * sizeof *a->names.k);
	a->names.n = 0;
	index_people(a);
	for (i = 0; i < a->ne; i++)
		if (a->e[i].type == TY_PER && !a->e[i].alias)
			fullest(a, &a->e[i]);
	acronyms(a);
	for (i = 0; i < a->ne && a->nal; i++) {
		struct tent *e = &a->e[i];
		int k = e->alias;

		if (e->type == TY_DATE)
			continue;
		if (!k)
			k = aliased(a, ETEXT(a, e), ELEN(e));
		if (!k && e->canon)
			k = aliased(a, e->canon, e->canonl);
		if (k) {
			e->canon = a->al[k - 1].canon;
			e->canonl = a->al[k - 1].canonl;
			e->type = a->al[k - 1].type;
		}
	}
}
