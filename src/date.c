/* date.c: written dates to ISO 8601, whatever the locale.
 *
 * Exports write dates in many shapes and languages ("January 11, 2010
 * Monday", "29 décembre 2011", "Freitag, 5. Juli 2019 09:31:00 CEST").
 * Rather than a pattern per shape, the string is read as tokens: a month
 * name, a four-digit year, a day of 1-31, and an optional time and zone.
 * Month names come from a fixed table, so the result never depends on
 * setlocale(3). */
#include "nu.h"

#include <stdio.h>
#include <string.h>

static const struct {
	const char *name;
	int month;
} months[] = {
	/* English */
	{"january", 1}, {"february", 2}, {"march", 3}, {"april", 4}, {"may", 5},
	{"june", 6}, {"july", 7}, {"august", 8}, {"september", 9},
	{"october", 10}, {"november", 11}, {"december", 12},
	{"jan", 1}, {"feb", 2}, {"mar", 3}, {"apr", 4}, {"jun", 6}, {"jul", 7},
	{"aug", 8}, {"sep", 9}, {"sept", 9}, {"oct", 10}, {"nov", 11}, {"dec", 12},
	/* German */
	{"januar", 1}, {"jänner", 1}, {"februar", 2}, {"märz", 3}, {"maerz", 3},
	{"mär", 3}, {"mai", 5}, {"juni", 6}, {"juli", 7}, {"oktober", 10},
	{"okt", 10}, {"dezember", 12}, {"dez", 12},
	/* French */
	{"janvier", 1}, {"janv", 1}, {"février", 2}, {"fevrier", 2}, {"févr", 2},
	{"fevr", 2}, {"mars", 3}, {"avril", 4}, {"avr", 4}, {"juin", 6},
	{"juillet", 7}, {"juil", 7}, {"août", 8}, {"aout", 8}, {"septembre", 9},
	{"octobre", 10}, {"novembre", 11}, {"décembre", 12}, {"decembre", 12},
	{"déc", 12},
	/* Spanish, Italian, Dutch */
	{"enero", 1}, {"febrero", 2}, {"marzo", 3}, {"abril", 4}, {"mayo", 5},
	{"junio", 6}, {"julio", 7}, {"agosto", 8}, {"septiembre", 9},
	{"setiembre", 9}, {"octubre", 10}, {"noviembre", 11}, {"diciembre", 12},
	{"gennaio", 1}, {"febbraio", 2}, {"aprile", 4}, {"maggio", 5},
	{"giugno", 6}, {"luglio", 7}, {"settembre", 9}, {"ottobre", 10},
	{"dicembre", 12},
	{"januari", 1}, {"februari", 2}, {"maart", 3}, {"mei", 5}, {"augustus", 8},
	{NULL, 0},
};

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

int
date_month(const char *s, size_t n)
{
	char w[32];
	int i;

	if (n == 0 || n >= sizeof w)
		return 0;
	fold(s, n, w, sizeof w);
	/* every word of every date-like line comes here: the first byte
	 * rules out most names without a call */
	for (i = 0; months[i].name; i++)
		if (months[i].name[0] == w[0] && strcmp(w, months[i].name) == 0)
			return months[i].month;
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
isdig(int c)
{
	return c >= '0' && c <= '9';
}

static int
isword(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

static int
num(const char *s, size_t n, size_t *i, int *digits)
{
	int v = 0;

	*digits = 0;
	while (*i < n && isdig((unsigned char)s[*i])) {
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

		if (isdig(c)) {
			v = num(s, n, &i, &dg);
			if (dg == 4 && !y && i + 1 < n && s[i] == '-' &&
			    isdig((unsigned char)s[i + 1])) {
				/* ISO 8601 already: YYYY-MM-DD */
				y = v;
				i++;
				m = num(s, n, &i, &dg);
				if (i < n && s[i] == '-') {
					i++;
					d = num(s, n, &i, &dg);
				}
				if (i < n && (s[i] == 'T' || s[i] == ' ') && i + 1 < n && isdig((unsigned char)s[i + 1]))
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
		if (isword(c)) {
			for (j = i; j < n && isword((unsigned char)s[j]); j++)
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
		    isdig((unsigned char)s[i + 1]) && isdig((unsigned char)s[i + 2])) {
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
		snprintf(out, 64, "%04d-%02d", y, m);
		return 1;
	}
	if (pm == 1 && hh < 12)
		hh += 12;
	else if (pm == 0 && hh == 12)
		hh = 0;
	if (hh < 0 || hh > 23 || mi > 59 || ss > 60) {
		snprintf(out, 64, "%04d-%02d-%02d", y, m, d);
		return 1;
	}
	if (!hasoff)
		snprintf(out, 64, "%04d-%02d-%02dT%02d:%02d:%02d", y, m, d, hh, mi, ss);
	else if (off == 0)
		snprintf(out, 64, "%04d-%02d-%02dT%02d:%02d:%02dZ", y, m, d, hh, mi, ss);
	else
		snprintf(out, 64, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d", y, m, d, hh, mi, ss,
		    off < 0 ? '-' : '+', (off < 0 ? -off : off) / 60, (off < 0 ? -off : off) % 60);
	return 1;
}
