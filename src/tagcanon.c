/* tagcanon.c: one canonical name per entity in an article.
 *
 * News names a person in full once and by surname after: "Alexander
 * Lukashenko" ... "Lukashenko".  A person's canonical name is the longest
 * name of a person in the article that ends with the words of this one
 * (the earliest, if two are as long).  An organisation written out with
 * its acronym in brackets, "North Atlantic Treaty Organization (NATO)",
 * gives the acronym the long form wherever it stands.  The user's
 * aliases come last and win: a name, or the canonical name found for it,
 * that the alias file lists takes the file's canonical name. */
#include "tagent.h"

#define ETEXT(a, e) ((a)->text.p + (a)->p[(e)->para].off + (e)->a)
#define ELEN(e) ((size_t)((e)->b - (e)->a))

/* Does the name l end with the words of s (or equal it)? */
static int
endswith(const char *l, size_t ln, const char *s, size_t sn)
{
	if (sn > ln || memcmp(l + ln - sn, s, sn) != 0)
		return 0;
	return sn == ln || l[ln - sn - 1] == ' ';
}

static void
fullest(struct tart *a, struct tent *e)
{
	const char *s = ETEXT(a, e);
	size_t i, best = ELEN(e);

	for (i = 0; i < a->ne; i++) {
		const struct tent *x = &a->e[i];

		if (x->type == TY_PER && ELEN(x) > best &&
		    endswith(ETEXT(a, x), ELEN(x), s, ELEN(e))) {
			best = ELEN(x);
			e->canon = ETEXT(a, x);
			e->canonl = best;
		}
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

static void
acronyms(struct tart *a)
{
	size_t i, j;

	for (i = 1; i < a->ne; i++) {
		struct tent *d = &a->e[i];

		if (!defines(a, d, &a->e[i - 1]))
			continue;
		for (j = 0; j < a->ne; j++)
			if (ELEN(&a->e[j]) == ELEN(d) && !a->e[j].alias &&
			    memcmp(ETEXT(a, &a->e[j]), ETEXT(a, d), ELEN(d)) == 0) {
				a->e[j].canon = ETEXT(a, &a->e[i - 1]);
				a->e[j].canonl = ELEN(&a->e[i - 1]);
				a->e[j].type = a->e[i - 1].type;
			}
	}
}

/* The alias whose name is s, + 1, or 0. */
static int
aliased(const struct tart *a, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < a->nal; i++)
		if (a->al[i].namel == n && memcmp(a->al[i].name, s, n) == 0)
			return (int)i + 1;
	return 0;
}

void
canon_names(struct tart *a)
{
	size_t i;

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
