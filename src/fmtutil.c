/* fmtutil.c: what more than one of nsplit's formats needs: the shapes of
 * copyright, date, time and word-count lines, and lists of held lines.
 *
 * These run for many lines of every input, so each gives up at the first
 * byte that rules its shape out, and none calls strlen(3) on a table. */
#include "nsplit.h"

#include <string.h>

int
fmt_nbsp(const char *s, size_t n, size_t i)
{
	return i + 1 < n && (unsigned char)s[i] == 0xc2 && (unsigned char)s[i + 1] == 0xa0;
}

/* The words of the list start with a lower-case letter. */
int
fmt_inlist(const char *s, size_t n, const char *const *list)
{
	int c = n ? nu_tolower((unsigned char)s[0]) : 0;

	for (; *list; list++)
		if ((unsigned char)(*list)[0] == c && nu_ieq(s, n, *list))
			return 1;
	return 0;
}

/* The digits at s[*i], *i moved past them; a value too long to mean
 * anything stops growing rather than overflow. */
unsigned long
fmt_number(const char *s, size_t n, size_t *i)
{
	unsigned long v = 0;

	for (; *i < n && nu_isdigit((unsigned char)s[*i]); (*i)++)
		if (v < 100000000UL)
			v = v * 10 + (unsigned long)(s[*i] - '0');
	return v;
}

int
fmt_copyright(const char *s, size_t n)
{
	switch (n ? (unsigned char)s[0] : 0) {
	case 'C':
	case 'c':
		return nu_iprefix(s, n, "copyright");
	case 0xc2:
		return nu_prefix(s, n, "\xc2\xa9");
	case '(':
		return nu_iprefix(s, n, "(c)");
	}
	return 0;
}

/* The count of words in the interface languages of LexisNexis and
 * Factiva: digits (at most seven, with ',' or '.' between), blanks, the
 * word. */
int
fmt_wordcount(const char *s, size_t n)
{
	static const char *const words[] = {
		"words", "word", "mots", "mot", "wörter", "wort", "worte", "woorden",
		"palabras", "palabra", "parole", "palavras", "ord", NULL,
	};
	size_t i, d = 0;

	if (n == 0 || !nu_isdigit((unsigned char)s[0]))
		return 0;
	for (i = 0; i < n && (nu_isdigit((unsigned char)s[i]) || s[i] == ',' || s[i] == '.'); i++)
		d += nu_isdigit((unsigned char)s[i]);
	if (d > 7 || i == n || s[i] != ' ')
		return 0;
	while (i < n && s[i] == ' ')
		i++;
	return fmt_inlist(s + i, n - i, words);
}

/* "7:15" or "23:22" at the start; what follows is the caller's. */
size_t
fmt_clock(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n && nu_isdigit((unsigned char)s[i]))
		i++;
	if ((i != 1 && i != 2) || i + 2 >= n || s[i] != ':' ||
	    !nu_isdigit((unsigned char)s[i + 1]) || !nu_isdigit((unsigned char)s[i + 2]))
		return 0;
	return i + 3;
}

int
fmt_weekday(const char *s, size_t n)
{
	static const char *const days[] = {
		"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
		"mon", "tue", "wed", "thu", "fri", "sat", "sun",
		"montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag",
		"sonnabend", "sonntag",
		"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
		"maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag",
		"lunes", "martes", "miércoles", "miercoles", "jueves", "viernes", "sábado",
		"sabado", "domingo",
		"lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica",
		"mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag",
		"måndag", "tisdag", "lördag", "söndag",
		NULL,
	};
	/* the letters the names begin with, as bits from 'a': most words
	 * fail on these */
	static const unsigned long initials = 1ul << ('d' - 'a') | 1ul << ('f' - 'a') |
	    1ul << ('g' - 'a') | 1ul << ('j' - 'a') | 1ul << ('l' - 'a') |
	    1ul << ('m' - 'a') | 1ul << ('o' - 'a') | 1ul << ('s' - 'a') |
	    1ul << ('t' - 'a') | 1ul << ('v' - 'a') | 1ul << ('w' - 'a') |
	    1ul << ('z' - 'a');
	const char *const *d;
	int first;
	unsigned k;

	if (n < 3 || n > 15)
		return 0;
	first = nu_tolower((unsigned char)s[0]);
	k = (unsigned)first - 'a';
	if (k >= 26 || !(initials >> k & 1))
		return 0;
	for (d = days; *d; d++)
		if ((*d)[0] == first && nu_ieq(s, n, *d))
			return 1;
	return 0;
}

/* A date that date_iso(3) reads has a year: a run of exactly four
 * digits.  Looking for one first spares date_iso most lines. */
static int
hasyear(const char *s, size_t n)
{
	size_t i = 0, k;

	for (;;) {
		while (i < n && !nu_isdigit((unsigned char)s[i]))
			i++;
		if (i == n)
			return 0;
		for (k = i; i < n && nu_isdigit((unsigned char)s[i]); i++)
			;
		if (i - k == 4)
			return 1;
	}
}

int
fmt_date(const char *s, size_t n, char *iso)
{
	return hasyear(s, n) && date_iso(s, n, iso);
}

/* A word a date line may carry: month, weekday, AM/PM, a zone ("AEST"). */
static int
dateword(const char *s, size_t n)
{
	size_t i;

	if (date_month(s, n) || fmt_weekday(s, n))
		return 1;
	if (n < 2 || n > 5)
		return 0;
	for (i = 0; i < n; i++)
		if (!nu_isupper((unsigned char)s[i]))
			return 0;
	return 1;
}

/* A line that is a date and little else: it begins with a number, a month
 * or a weekday, at most two other words (an edition) come along, and
 * date_iso reads it.  "Schedule for Sunday, April 20, 1400 GMT" is a
 * headline, not a date.  The costlier tests come last. */
int
fmt_datelike(const char *s, size_t n)
{
	char iso[64];
	size_t i = 0, j, other = 0;
	int first = 1;

	if (n == 0 || n > 80 || !hasyear(s, n))
		return 0;
	while (i < n) {
		unsigned char ch = (unsigned char)s[i];

		if (fmt_nbsp(s, n, i)) {
			i += 2;
		} else if (nu_isdigit(ch)) {
			fmt_number(s, n, &i);
			first = 0;
		} else if (nu_isletter(ch)) {
			for (j = i; j < n && nu_isletter((unsigned char)s[j]) && !fmt_nbsp(s, n, j); j++)
				;
			if (!dateword(s + i, j - i) && (first || ++other > 2))
				return 0;
			first = 0;
			i = j;
		} else {
			i++;
		}
	}
	return date_iso(s, n, iso);
}

size_t
fmt_prev(const struct lines *l, size_t i)
{
	while (i-- > 0)
		if (l->v[i].len)
			return i;
	return FMT_NONE;
}

size_t
fmt_next(const struct lines *l, size_t i)
{
	for (; i < l->n; i++)
		if (l->v[i].len)
			return i;
	return FMT_NONE;
}

/* A parser replays one list while new lines gather in the other. */
void
fmt_swap(struct lines *a, struct lines *b)
{
	struct lines t = *a;

	*a = *b;
	*b = t;
}

/* Held lines from..to as meta records of one key (blank ones give none). */
void
fmt_metas(struct ctx *c, const char *key, const struct lines *l, size_t from, size_t to)
{
	for (; from < to; from++)
		art_meta(c, key, lines_at(l, from), l->v[from].len);
}

void
fmt_body(struct ctx *c, const struct lines *l, size_t from, size_t to)
{
	for (; from < to; from++)
		art_line(c, lines_at(l, from), l->v[from].len);
}
