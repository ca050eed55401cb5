/* date.c: written dates to ISO 8601, whatever the locale.
 *
 * Exports write dates in many shapes and languages ("January 11, 2010
 * Monday", "29 décembre 2011", "Freitag, 5. Juli 2019 09:31:00 CEST").
 * Rather than a pattern per shape, the string is read as tokens: a month
 * name, a four-digit year, a day of 1-31, and an optional time and zone.
 * Month names come from a fixed table, so the result never depends on
 * setlocale(3). */
#include "nu.h"

#include <string.h>

#define M(name, month) {name, sizeof name - 1, month}
static const struct {
	const char *name;
	size_t len;
	int month;
} months[] = {
	/* English */
	M("january", 1), M("february", 2), M("march", 3), M("april", 4), M("may", 5),
	M("june", 6), M("july", 7), M("august", 8), M("september", 9),
	M("october", 10), M("november", 11), M("december", 12),
	M("jan", 1), M("feb", 2), M("mar", 3), M("apr", 4), M("jun", 6), M("jul", 7),
	M("aug", 8), M("sep", 9), M("sept", 9), M("oct", 10), M("nov", 11), M("dec", 12),
	/* German */
	M("januar", 1), M("jänner", 1), M("februar", 2), M("märz", 3), M("maerz", 3),
	M("mär", 3), M("mai", 5), M("juni", 6), M("juli", 7), M("oktober", 10),
	M("okt", 10), M("dezember", 12), M("dez", 12),
	/* French */
	M("janvier", 1), M("janv", 1), M("février", 2), M("fevrier", 2), M("févr", 2),
	M("fevr", 2), M("mars", 3), M("avril", 4), M("avr", 4), M("juin", 6),
	M("juillet", 7), M("juil", 7), M("août", 8), M("aout", 8), M("septembre", 9),
	M("octobre", 10), M("novembre", 11), M("décembre", 12), M("decembre", 12),
	M("déc", 12),
	/* Spanish, Italian, Dutch */
	M("enero", 1), M("febrero", 2), M("marzo", 3), M("abril", 4), M("mayo", 5),
	M("junio", 6), M("julio", 7), M("agosto", 8), M("septiembre", 9),
	M("setiembre", 9), M("octubre", 10), M("noviembre", 11), M("diciembre", 12),
	M("gennaio", 1), M("febbraio", 2), M("aprile", 4), M("maggio", 5),
	M("giugno", 6), M("luglio", 7), M("settembre", 9), M("ottobre", 10),
	M("dicembre", 12),
	M("januari", 1), M("februari", 2), M("maart", 3), M("mei", 5), M("augustus", 8),
	{NULL, 0, 0},
};
#undef M

/* time zones seen in exports, as minutes east of UTC */
static const struct {
	const char *name;
	int off;
} zones[] = {
	{"utc", 0}, {"gmt", 0}, {"z", 0}, {"bst", 60}, {"cet", 60}, {"cest", 120},
	{"met", 60}, {"mez", 60}, {"mesz", 120}, {"eet", 120}, {"eest", 180},
	{"est", -300}, {"edt", -240}, {"cst", -360}, {"cdt", -300},
	{"mst", -420}, {"mdt", -360}, {"pst", -480}, {"pdt", -420},
	{NULL, 0},
};

/* Lower-case ASCII and the Latin-1 capitals (U+00C0-U+00DE) into d. */
static size_t
fold(const char *s, size_t n, char *d, size_t cap)
{
	size_t i, k = 0;
	unsigned char c;

	for (i = 0; i < n && k + 1 < cap; i++) {
		c = (unsigned char)s[i];
		if (c >= 'A' && c <= 'Z')
			c += 32;
		else if (i > 0 && (unsigned char)s[i - 1] == 0xC3 && c >= 0x80 && c <= 0x9E && c != 0x97)
			c += 32;
		d[k++] = (char)c;
	}
	d[k] = '\0';
	return k;
}

/* The letters the names begin with, as a set of bits */
#define BIT(c) (1ul << ((c) - 'a'))
#define MONTHS (BIT('a') | BIT('d') | BIT('e') | BIT('f') | BIT('g') | BIT('j') | \
	BIT('l') | BIT('m') | BIT('n') | BIT('o') | BIT('s'))

/* ch, folded, is a letter of the set (set: bits of 'a' to 'z') */
static int
initial(char ch, unsigned long set)
{
	unsigned c = (unsigned)((unsigned char)ch | 32) - 'a';

	return c < 26 && (set >> c & 1);
}

/* The names chained by initial letter, so that a word is compared with
 * the few that share its first: byinitial['j' - 'a'] is the index of the
 * first plus one, link[i] that of the next after months[i] plus one. */
static unsigned char byinitial[26], link[sizeof months / sizeof months[0]];

static void
chain(void)
{
	size_t i;
	unsigned char *p;

	for (i = 0; months[i].name; i++) {
		p = &byinitial[months[i].name[0] - 'a'];
		while (*p)
			p = &link[*p - 1];
		*p = (unsigned char)(i + 1);
	}
}

int
date_month(const char *s, size_t n)
{
	char w[32];
	unsigned i;

	/* every word of every date-like line comes here: the names are 3 to
	 * 10 bytes, and the length and first byte rule out most without a
	 * comparison */
	if (n < 3 || n > 10 || !initial(s[0], MONTHS))
		return 0;
	if (!byinitial[0])	/* "april" is there once chained */
		chain();
	fold(s, n, w, sizeof w);
	for (i = byinitial[w[0] - 'a']; i; i = link[i - 1])
		if (months[i - 1].len == n && memcmp(w, months[i - 1].name, n) == 0)
			return months[i - 1].month;
	return 0;
}

static int
zone(const char *s, size_t n, int *off)
{
	char w[8];
	int i;

	if (n == 0 || n >= sizeof w)
		return 0;
	fold(s, n, w, sizeof w);
	for (i = 0; zones[i].name; i++)
		if (strcmp(w, zones[i].name) == 0) {
			*off = zones[i].off;
			return 1;
		}
	return 0;
}

static int
num(const char *s, size_t n, size_t *i, int *digits)
{
	int v = 0;

	*digits = 0;
	while (*i < n && nu_isdigit((unsigned char)s[*i])) {
		if (*digits < 9)
			v = v * 10 + (s[*i] - '0');
		(*digits)++;
		(*i)++;
	}
	return v;
}

static int
mdays(int y, int m)
{
	static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return d[m - 1];
}

/* v (not negative) in two digits or more at p, as "%02d" writes it */
static char *
put2(char *p, int v)
{
	char t[12];
	int k = 0;

	if (v < 100) {
		p[0] = (char)('0' + v / 10);
		p[1] = (char)('0' + v % 10);
		return p + 2;
	}
	for (; v; v /= 10)
		t[k++] = (char)('0' + v % 10);
	while (k)
		*p++ = t[--k];
	return p;
}

/* The ISO 8601 form, by hand: snprintf(3) costs more than the parse.
 * No day: YYYY-MM; no time (hh < 0): the date alone; else the time, and
 * the zone when there is one. */
static void
iso(char *p, int y, int m, int d, int hh, int mi, int ss, int hasoff, int off)
{
	p = put2(put2(p, y / 100), y % 100);
	*p++ = '-';
	p = put2(p, m);
	if (d) {
		*p++ = '-';
		p = put2(p, d);
	}
	if (d && hh >= 0) {
		*p++ = 'T';
		p = put2(p, hh);
		*p++ = ':';
		p = put2(p, mi);
		*p++ = ':';
		p = put2(p, ss);
		if (hasoff && off == 0) {
			*p++ = 'Z';
		} else if (hasoff) {
			*p++ = off < 0 ? '-' : '+';
			if (off < 0)
				off = -off;
			p = put2(p, off / 60);
			*p++ = ':';
			p = put2(p, off % 60);
		}
	}
	*p = '\0';
}

int
date_iso(const char *s, size_t n, char *out)
{
	int y = 0, m = 0, d = 0, hh = -1, mi = 0, ss = 0, off = 0, hasoff = 0;
	int v, dg, pm = -1, k;
	size_t i = 0, j;

	if (n > 200)
		return 0;
	while (i < n) {
		unsigned char c = (unsigned char)s[i];

		if (nu_isdigit(c)) {
			v = num(s, n, &i, &dg);
			if (dg == 4 && !y && i + 1 < n && s[i] == '-' &&
			    nu_isdigit((unsigned char)s[i + 1])) {
				/* ISO 8601 already: YYYY-MM-DD */
				y = v;
				i++;
				m = num(s, n, &i, &dg);
				if (i < n && s[i] == '-') {
					i++;
					d = num(s, n, &i, &dg);
				}
				if (i < n && (s[i] == 'T' || s[i] == ' ') && i + 1 < n && nu_isdigit((unsigned char)s[i + 1]))
					i++;
			} else if (dg == 4 && v >= 1000 && v <= 2999 && !y) {
				y = v;
			} else if (dg <= 2 && i < n && s[i] == ':' && hh < 0) {
				hh = v;
				i++;
				mi = num(s, n, &i, &dg);
				if (i < n && s[i] == ':') {
					i++;
					ss = num(s, n, &i, &dg);
				}
			} else if (dg <= 2 && !d && v >= 1 && v <= 31) {
				d = v;
			}
			continue;
		}
		if (nu_isletter(c)) {
			for (j = i; j < n && nu_isletter((unsigned char)s[j]); j++)
				;
			if (!m && (k = date_month(s + i, j - i)))
				m = k;
			else if (hh >= 0 && (j - i == 2) && (s[i] == 'a' || s[i] == 'A' || s[i] == 'p' || s[i] == 'P') &&
			    (s[i + 1] == 'm' || s[i + 1] == 'M'))
				pm = s[i] == 'p' || s[i] == 'P';
			else if (hh >= 0 && !hasoff && zone(s + i, j - i, &off))
				hasoff = 1;
			i = j;
			continue;
		}
		if ((c == '+' || c == '-') && hh >= 0 && !hasoff && i + 5 <= n &&
		    nu_isdigit((unsigned char)s[i + 1]) && nu_isdigit((unsigned char)s[i + 2])) {
			/* +0000 or +00:00 */
			int sign = c == '-' ? -1 : 1, h, mm = 0;

			i++;
			h = num(s, n, &i, &dg);
			if (dg == 4) {
				mm = h % 100;
				h /= 100;
			} else if (i < n && s[i] == ':') {
				i++;
				mm = num(s, n, &i, &dg);
			}
			if (h > 99)	/* no zone: a number, and h * 60 could overflow */
				continue;
			off = sign * (h * 60 + mm);
			hasoff = 1;
			continue;
		}
		i++;
	}
	if (!y || m < 1 || m > 12)
		return 0;
	if (d > mdays(y, m))
		return 0;
	if (!d) {
		iso(out, y, m, 0, -1, 0, 0, 0, 0);
		return 1;
	}
	if (pm == 1 && hh < 12)
		hh += 12;
	else if (pm == 0 && hh == 12)
		hh = 0;
	if (hh < 0 || hh > 23 || mi > 59 || ss > 60)
		hh = -1;
	iso(out, y, m, d, hh, mi, ss, hasoff, off);
	return 1;
}
