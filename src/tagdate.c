/* tagdate.c: ntag's DATE expressions, by rules over tok.c's tokens.
 *
 * English news writes dates in a few shapes: a month with a day or a year
 * (February 10, 10 February, Feb. 10, April 12, 2024, March 2024), a year
 * (in 2020, 2020's), a decade (the 1990s), ISO and numeric dates
 * (2024-04-12, 25/12/2024), a weekday (on Friday), words relative to the
 * article's day (yesterday, last month, two days ago, earlier this year),
 * and a modifier before any of them (mid-2021, early 2022, late March).
 * Each is read from the token that starts it, with a look ahead of a few
 * tokens and a glance at the one before, so one pass finds them all.  The
 * words come from lex word lists, the month numbers from date_month.
 *
 * A span holds the date's words only ("on Friday" gives "Friday", "the
 * 1990s" "1990s").  Its value is ISO 8601: YYYY-MM-DD, YYYY-MM, YYYY, or
 * YYYY-Www for a week (last week); "" when the text does not fix one:
 * decades, ranges, winters, weekends, an ambiguous 04/05/2024, and every
 * relative date when the article has no date.
 *
 * Where a date word is also a name or a verb the rules are conservative:
 * a month, weekday or "Today" right after a capitalised word that is no
 * cue (Theresa May, Good Friday, USA Today) is a name; a weekday before a
 * capitalised word (Sunday Times) too unless a cue such as "on" comes
 * first; May, March, April, June and August standing alone need a cue
 * before them (in May, since March, the end of June); a lower-case month
 * (they march, it may) never counts; a year needs a cue or punctuation
 * around it, so "2020 votes", "won 2020 seats" and "$2020" are numbers. */
#include "nu.h"
#include "tagdate.h"

/* What a word can start (starts): */
enum {
	S_MONTH = 1,		/* an English month name */
	S_ABBR = 2,		/* abbreviated: only with a day or year after it */
	S_NAME = 4,		/* also a name or a verb: alone only after a cue */
	S_WDAY = 8,
	S_DAYW = 16,		/* yesterday, today, tomorrow, tonight */
	S_DEIC = 32,		/* last, next, this */
	S_MOD = 64,		/* early, earlier, mid, late, later */
	S_NUMW = 128,		/* a number before a unit and "ago" */
	S_SEASON = 256,
	S_POSS = 1 << 12	/* month_at: the word has a possessive 's */
};
static const char startlist[] =
    "=1 january february july september october november december "
    "=5 march april may june august "
    "=3 jan feb mar apr jun jul aug sep sept oct nov dec "
    "=8 monday tuesday wednesday thursday friday saturday sunday "
    "=16 yesterday today tomorrow tonight "
    "=32 last next this "
    "=64 early earlier mid late later "
    "=128 a an one two three four five six seven eight nine ten eleven "
    "twelve fifteen twenty thirty forty fifty several "
    "=256 spring summer autumn fall winter";

/* What a word says about the words around it (ctxw): */
enum {
	C_CUE = 1,		/* a date follows: in, since, on */
	C_WEAK = 2,		/* a date or a number follows: of, to, the */
	C_HOLI = 4,		/* Good Friday, Super Tuesday: a name */
	C_VERB = 8,		/* "2020 was": a year is the subject */
	C_UNIT = 16,
	C_AGO = 32,
	C_PART = 64,		/* last night, this morning */
	C_THE = 128,
	C_RANGE = 256,		/* March to May, 2019 and 2021 */
	C_OF = 512
};
static const char ctxlist[] =
    "=1 in since by until till during before after through throughout on "
    "year circa "
    "=2 of to and or the than between around about for from "
    "=4 good black super ash bloody easter palm holy maundy shrove fat "
    "giving cyber blue "
    "=8 was were is has had will would saw marked brought began ended "
    "=16 day days week weeks weekend weekends month months year years "
    "decade decades "
    "=32 ago =64 night morning afternoon evening =128 the "
    "=256 to and or until till through =512 of";

/* numbers before a unit; 1000: how many is not said */
static const char numlist[] =
    "=1 a an one =2 two =3 three =4 four =5 five =6 six =7 seven =8 eight "
    "=9 nine =10 ten =11 eleven =12 twelve =15 fifteen =20 twenty "
    "=30 thirty =40 forty =50 fifty =1000 few several";

static struct lex starts, ctxw, nums;

/* A test before the look-up in starts: a bit per length (15: longer),
 * first and second letter of its words, with room for a possessive 's,
 * and for mid-2021, early-, late-.  Most words of a text fail it in a few
 * instructions, "the" and "and" too. */
static uint32_t quickbits[16][32];

static void
quick_set(size_t n, const char *w)
{
	quickbits[n < 16 ? n : 15][(w[0] | 32) & 31] |= (uint32_t)1 << (n > 1 ? (w[1] | 32) & 31 : 0);
}

static void
quick_init(void)
{
	const char *p = startlist, *q;
	size_t n;

	for (; *p; p = q) {
		while (*p == ' ')
			p++;
		for (q = p; *q && *q != ' '; q++)
			;
		if (q > p && *p != '=')
			for (n = 0; n <= 4; n += 2)	/* May, May's, May’s */
				quick_set((size_t)(q - p) + n, p);
	}
	for (n = 6; n < 16; n++) {
		quick_set(n, "mi");
		quick_set(n, "ea");
		quick_set(n, "la");
	}
}

static int
quick(const char *s, const struct tok *t)
{
	const char *w = s + t->off;

	return quickbits[t->len < 16 ? t->len : 15][(w[0] | 32) & 31] >>
	    (t->len > 1 ? (w[1] | 32) & 31 : 0) & 1;
}

enum { V_NONE, V_YEAR, V_MONTH, V_WEEK, V_DAY };
enum { U_DAY = 1, U_WEEK, U_MONTH, U_YEAR, U_WEEKEND, U_DECADE };

struct val {
	int kind;		/* V_* */
	int y, m, d;		/* V_WEEK: the ISO year and week in y, m */
};

struct ref {
	int lvl;		/* what is known: 0 nothing, 1 year, 2 month, 3 day */
	int y, m, d;
	int wd;			/* weekday, 0 Sunday */
	long dn;		/* day number */
};

struct cx {
	const char *s;
	const struct tok *t;
	size_t nt;
	size_t last;		/* end of the last span found, 0 before one */
	struct ref r;
};

/* ---- calendar: day numbers from 1970-01-01 (H. Hinnant's algorithms) ---- */

static long
dnum(int y, int m, int d)
{
	long era, yoe, doy;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153L * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	return era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468;
}

static void
civil(long z, int *y, int *m, int *d)
{
	long era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

/* A real day: the round trip through the day number keeps it (so 29
 * February only in leap years, no 31 April). */
static int
valid(int y, int m, int d)
{
	int y2, m2, d2;

	if (m < 1 || m > 12 || d < 1 || d > 31)
		return 0;
	civil(dnum(y, m, d), &y2, &m2, &d2);
	return y2 == y && m2 == m && d2 == d;
}

static int
weekday(long dn)		/* 0 Sunday; 1970-01-01 was a Thursday */
{
	return (int)(((dn + 4) % 7 + 7) % 7);
}

static void
day_of(long dn, struct val *v)
{
	v->kind = V_DAY;
	civil(dn, &v->y, &v->m, &v->d);
}

/* ISO 8601 week: the one holding the Thursday of dn's week, Monday first */
static void
week_of(long dn, struct val *v)
{
	long thu = dn - (weekday(dn) + 6) % 7 + 3;
	int d;

	civil(thu, &v->y, &v->m, &d);
	v->m = (int)((thu - dnum(v->y, 1, 1)) / 7 + 1);
	v->kind = V_WEEK;
}

/* ---- values relative to the article's date ---- */

/* The reference: "YYYY-MM-DD", or a prefix "YYYY-MM", "YYYY" of it. */
static void
ref_parse(const char *s, struct ref *r)
{
	int i;

	r->lvl = 0;
	if (!s)
		return;
	for (i = 0; i < 10 && s[i]; i++)
		if ((i == 4 || i == 7) ? s[i] != '-' : !nu_isdigit((unsigned char)s[i]))
			break;
	if (i < 4)
		return;
	r->y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + s[3] - '0';
	r->lvl = 1;
	if (i < 7 || (r->m = (s[5] - '0') * 10 + s[6] - '0') < 1 || r->m > 12)
		return;
	r->lvl = 2;
	if (i < 10 || !valid(r->y, r->m, r->d = (s[8] - '0') * 10 + s[9] - '0'))
		return;
	r->lvl = 3;
	r->dn = dnum(r->y, r->m, r->d);
	r->wd = weekday(r->dn);
}

/* delta units (U_*) from the article's date: a day, a week, a month, a
 * year as far as the reference tells it */
static void
rel(const struct ref *r, int u, int delta, struct val *v)
{
	int mm;

	v->kind = V_NONE;
	if (u == U_DAY && r->lvl == 3)
		day_of(r->dn + delta, v);
	else if (u == U_WEEK && r->lvl == 3)
		week_of(r->dn + 7L * delta, v);
	else if (u == U_MONTH && r->lvl >= 2) {
		mm = r->y * 12 + r->m - 1 + delta;
		v->kind = V_MONTH;
		v->y = mm / 12;
		v->m = mm % 12 + 1;
	} else if (u == U_YEAR && r->lvl >= 1) {
		v->kind = V_YEAR;
		v->y = r->y + delta;
	}
}

/* A day and month without a year.  News tells mostly of the recent past
 * and at times of what is to come, so the nearest past occurrence would
 * send "the vote on March 5" in a February article back a year.  The rule:
 * the article's year, unless that puts the day more than half a year (183
 * days) after the article, then the year before ("December 28" in an
 * article of 3 January is last December's).  A month alone likewise: more
 * than six months after the article's month means the year before. */
static void
monthday(const struct ref *r, int y, int m, int d, struct val *v)
{
	v->kind = V_NONE;
	if (!y) {
		if (r->lvl < 2)
			return;
		y = r->y;
		if (r->lvl == 3 ? dnum(y, m, d) - r->dn > 183 : m - r->m > 6)
			y--;
	}
	if (!d) {
		v->kind = V_MONTH;
		v->y = y;
		v->m = m;
	} else if (valid(y, m, d)) {
		v->kind = V_DAY;
		v->y = y;
		v->m = m;
		v->d = d;
	}
}

/* last March (dir -1), next March (1), this March (0) */
static void
month_rel(const struct ref *r, int m, int dir, struct val *v)
{
	v->kind = V_NONE;
	if (r->lvl < (dir ? 2 : 1))
		return;
	v->kind = V_MONTH;
	v->m = m;
	v->y = dir < 0 ? r->y - (m >= r->m) : dir > 0 ? r->y + (m <= r->m) : r->y;
}

/* A weekday w (0 Sunday) against the article's day.  News reports what
 * has happened, so "on Friday" or "Friday" is the latest Friday on or
 * before the article's day.  "last Friday" is the one before it, a week
 * back when the article is of a Friday: "last" skips the day itself.
 * dir: -1 last, 0 plain, 1 next (strictly after), 2 this (on or after). */
static void
wday_rel(const struct ref *r, int w, int dir, struct val *v)
{
	int back, fwd;

	v->kind = V_NONE;
	if (r->lvl < 3)
		return;
	back = ((r->wd - w) % 7 + 7) % 7;
	fwd = (7 - back) % 7;
	if (dir == -1)
		day_of(r->dn - (back ? back : 7), v);
	else if (dir == 0)
		day_of(r->dn - back, v);
	else if (dir == 1)
		day_of(r->dn + (fwd ? fwd : 7), v);
	else
		day_of(r->dn + fwd, v);
}

/* Seasons as months 3-5, 6-8, 9-11; a winter spans two years and gets no
 * value.  last summer: the latest one over before the article's month. */
static void
season_rel(const struct ref *r, int first, int dir, struct val *v)
{
	v->kind = V_NONE;
	if (first == 12 || r->lvl < (dir ? 2 : 1))
		return;
	v->kind = V_YEAR;
	v->y = dir < 0 ? r->y - (r->m <= first + 2) : dir > 0 ? r->y + (r->m >= first) : r->y;
}

/* ---- tokens ---- */

/* Length of the word of token t without a possessive 's (Friday's, 2020’s) */
static size_t
bare(const char *s, const struct tok *t)
{
	const char *w = s + t->off;
	size_t n = t->len;

	if (n > 2 && (w[n - 1] | 32) == 's') {
		if (w[n - 2] == '\'')
			return n - 2;
		if (n > 4 && memcmp(w + n - 4, "\xe2\x80\x99", 3) == 0)
			return n - 4;
	}
	return n;
}

/* The value of word i in list x, 0 for no word (i may be past either end) */
static int
cls(const struct lex *x, const struct cx *c, size_t i)
{
	if (i >= c->nt || c->t[i].type != T_WORD)
		return 0;
	return lex_get(x, c->s + c->t[i].off, bare(c->s, &c->t[i]));
}
#define SCLS(c, i) cls(&starts, (c), (i))
#define CCLS(c, i) cls(&ctxw, (c), (i))

static int
cap(const struct cx *c, size_t i)
{
	return i < c->nt && (c->t[i].fl & TF_CAP);
}

static int
glued(const struct cx *c, size_t i)	/* no space before token i */
{
	return i < c->nt && !(c->t[i].fl & TF_SP);
}

/* Token i is one punctuation byte of set */
static int
punct(const struct cx *c, size_t i, const char *set)
{
	char ch;

	if (i >= c->nt || c->t[i].type != T_PUNCT || c->t[i].len != 1)
		return 0;
	ch = c->s[c->t[i].off];
	return ch && strchr(set, ch) != NULL;
}

/* Does token k start a sentence?  sent_split's mark, or a full stop for
 * callers that did not run it; a semicolon or quotation mark does not
 * ("busy; USA Today said", "India Today") */
static int
sent_start(const struct cx *c, size_t k)
{
	return k == 0 || (c->t[k - 1].fl & TF_END) || punct(c, k - 1, ".!?");
}

/* Is the word before i a capitalised one of a name (Theresa May, USA
 * Today), not a cue (In May) nor the first of a sentence? */
static int
name_before(const struct cx *c, size_t i)
{
	if (i == 0 || c->t[i - 1].type != T_WORD || !cap(c, i - 1))
		return 0;
	if ((CCLS(c, i - 1) & (C_CUE | C_WEAK | C_THE)) || SCLS(c, i - 1))
		return 0;
	return !sent_start(c, i - 1);
}

/* Is the word after i a capitalised one (Sunday Times)?  Not after a
 * possessive: "Tuesday's Senate vote". */
static int
name_after(const struct cx *c, size_t i)
{
	size_t j = i + 1;

	return j < c->nt && c->t[j].type == T_WORD && cap(c, j) && c->t[j].len > 1 &&
	    bare(c->s, &c->t[i]) == c->t[i].len;
}

/* A range word or dash right after the last span: "March to May" */
static int
after_range(const struct cx *c, size_t i)
{
	return i >= 2 && c->last == i - 1 &&
	    ((CCLS(c, i - 1) & C_RANGE) || c->t[i - 1].type == T_DASH);
}

/* A range word and a month from token j on: "from March to May" */
static int
range_ahead(const struct cx *c, size_t j)
{
	return ((CCLS(c, j) & C_RANGE) || (j < c->nt && c->t[j].type == T_DASH)) &&
	    (SCLS(c, j + 1) & S_MONTH) && cap(c, j + 1);
}

/* The leading digits of token i: their value, and their count in *k */
static long
lead(const struct cx *c, size_t i, size_t *k)
{
	const char *p = c->s + c->t[i].off;
	size_t n = c->t[i].len, j;
	long v = 0;

	for (j = 0; j < n && j < 9 && nu_isdigit((unsigned char)p[j]); j++)
		v = v * 10 + (p[j] - '0');
	*k = j;
	return v;
}

/* What follows the leading digits (k of them) of number token i */
enum { N_PLAIN, N_ORD, N_S, N_POSS, N_RANGE, N_OTHER };

static int
shape(const struct cx *c, size_t i, size_t k, long *to)
{
	const char *p = c->s + c->t[i].off + k;
	size_t n = c->t[i].len - k, j;

	if (n == 0)
		return N_PLAIN;
	if (n == 1 && (p[0] | 32) == 's')
		return N_S;	/* 1990s */
	if (n == 2 && (nu_ieqn(p, "st", 2) || nu_ieqn(p, "nd", 2) ||
	    nu_ieqn(p, "rd", 2) || nu_ieqn(p, "th", 2)))
		return N_ORD;
	if (bare(c->s, &c->t[i]) == k)
		return N_POSS;	/* 2020's */
	if (p[0] != '-' || n < 2 || n > 5)
		return N_OTHER;
	for (*to = 0, j = 1; j < n && nu_isdigit((unsigned char)p[j]); j++)
		*to = *to * 10 + (p[j] - '0');
	return j == n ? N_RANGE : N_OTHER;	/* 3-5, 2019-2021, 2020-21 */
}

/* A number glued to a sign or unit is an amount: $2020, £10, 2020% */
static int
amount(const struct cx *c, size_t i, size_t end)
{
	if (glued(c, i) && i > 0 && c->t[i - 1].type == T_PUNCT && !punct(c, i - 1, "(["))
		return 1;
	return glued(c, end) && punct(c, end, "%");
}

/* A day of the month at token i: 3, 3rd; *range for 3-5.  0 if none. */
static int
day_at(const struct cx *c, size_t i, int *ord, int *range)
{
	size_t k;
	long v, to = 0;
	int sh;

	if (i >= c->nt || c->t[i].type != T_NUM)
		return 0;
	v = lead(c, i, &k);
	if (k > 2 || v < 1 || v > 31)
		return 0;
	sh = shape(c, i, k, &to);
	*ord = sh == N_ORD;
	*range = sh == N_RANGE;
	if (sh == N_RANGE && (to <= v || to > 31))
		return 0;
	return sh == N_PLAIN || sh == N_ORD || sh == N_RANGE ? (int)v : 0;
}

/* A year lo-hi standing as its own token (after a month, a day) */
static int
year_in(const struct cx *c, size_t i, long lo, long hi)
{
	size_t k;
	long v;

	if (i >= c->nt || c->t[i].type != T_NUM || !(c->t[i].fl & TF_SP) || c->t[i].len != 4)
		return 0;
	v = lead(c, i, &k);
	return k == 4 && v >= lo && v <= hi && !amount(c, i, i + 1) ? (int)v : 0;
}
#define year_at(c, i) year_in((c), (i), 1900, 2099)

/* A decade at token i: 1990s, 1990's after "the", 90s after "the" or
 * a modifier (the '90s is at_quote's) */
static int
decade_at(const struct cx *c, size_t i)
{
	size_t k;
	long v, to;
	int sh, the;

	if (i >= c->nt || c->t[i].type != T_NUM ||
	    (c->s[c->t[i].off + c->t[i].len - 1] | 32) != 's')
		return 0;
	v = lead(c, i, &k);
	sh = shape(c, i, k, &to);
	if (v % 10 || (sh != N_S && sh != N_POSS) || amount(c, i, i + 1))
		return 0;
	the = (CCLS(c, i - 1) & C_THE) || (SCLS(c, i - 1) & S_MOD);
	if (k == 4 && v >= 1000 && v <= 2090)
		return sh == N_S || the;
	return k == 2 && sh == N_S && the;
}

/* A capitalised English month at token i: its number, its S_* in *k,
 * and in *e the token after it (past the point of "Feb.") */
static int
month_at(const struct cx *c, size_t i, int *k, size_t *e)
{
	const struct tok *t;

	if (!cap(c, i) || !((*k = SCLS(c, i)) & S_MONTH))
		return 0;
	t = &c->t[i];
	*e = i + 1;
	if (bare(c->s, t) != t->len)
		*k |= S_POSS;
	else if ((*k & S_ABBR) && punct(c, i + 1, ".") && glued(c, i + 1))
		(*e)++;
	return date_month(c->s + t->off, bare(c->s, t));
}

/* [,] year after a day ending at token e: the end, the year in *y.
 * "July 4, 1776." is a year too: after a day and comma, and before
 * punctuation, any year of four digits. */
static size_t
year_after(const struct cx *c, size_t e, int *y)
{
	if (punct(c, e, ",") && glued(c, e) && ((*y = year_at(c, e + 1)) ||
	    ((e + 2 >= c->nt || c->t[e + 2].type == T_PUNCT) && (*y = year_in(c, e + 1, 1000, 2999)))))
		return e + 2;
	if ((*y = year_at(c, e)))
		return e + 1;
	return e;
}

/* What follows a month ending at token j: a day [and year], or [of] a
 * year.  The end, or 0 for neither; *day says a day was there. */
static size_t
month_tail(const struct cx *c, size_t j, int m, struct val *v, int *day)
{
	int d, ord, range, y;
	size_t e;

	if ((d = day_at(c, j, &ord, &range))) {
		e = year_after(c, j + 1, &y);
		monthday(&c->r, y, m, d, v);
		if (range)
			v->kind = V_NONE;	/* March 3-5 */
		*day = 1;
		return e;
	}
	*day = 0;
	if ((CCLS(c, j) & C_OF) && year_at(c, j + 1))
		j++;
	if (!(y = year_at(c, j)))
		return 0;
	monthday(&c->r, y, m, 0, v);
	return j + 1;
}

/* A day then a month: 10 February, 10th of February, 12 April 2024 */
static size_t
day_month(const struct cx *c, size_t i, struct val *v)
{
	int d, ord, range, m, k, y;
	size_t j = i + 1, e;

	if ((!cap(c, j) && !cap(c, j + 1)) || !(d = day_at(c, i, &ord, &range)) || amount(c, i, j))
		return 0;
	if (ord && (CCLS(c, j) & C_OF))
		j++;
	if (glued(c, j) || !(m = month_at(c, j, &k, &e)) || (k & S_POSS))
		return 0;
	e = year_after(c, e, &y);
	if (!y)
		e = j + 1;	/* no year: a point after "Feb" is a full stop */
	monthday(&c->r, y, m, d, v);
	if (range)
		v->kind = V_NONE;
	return e;
}

/* A date with a day from token j on, after a weekday: "Friday, March 3" */
static size_t
full_at(const struct cx *c, size_t j, struct val *v)
{
	int m, k, day;
	size_t e;

	if ((m = month_at(c, j, &k, &e)) && !(k & S_POSS) &&
	    (e = month_tail(c, e, m, v, &day)) && day)
		return e;
	return day_month(c, j, v);
}

static int
wday_num(const char *w)		/* 0 Sunday */
{
	switch (w[0] | 32) {
	case 'm': return 1;
	case 'w': return 3;
	case 'f': return 5;
	case 't': return (w[1] | 32) == 'u' ? 2 : 4;
	}
	return (w[1] | 32) == 'a' ? 6 : 0;
}

static int
season_first(const char *w)	/* a season's first month */
{
	switch (w[0] | 32) {
	case 's': return (w[1] | 32) == 'p' ? 3 : 6;
	case 'w': return 12;
	}
	return 9;
}

/* A unit of time at token i (U_*); *plural when it ends in s */
static int
unit_at(const struct cx *c, size_t i, int *plural)
{
	const char *w;
	size_t n;

	if (i >= c->nt)
		return 0;
	w = c->s + c->t[i].off;
	switch (w[0] | 32) {	/* day, week, month, year before the look-up */
	case 'd': case 'w': case 'm': case 'y':
		break;
	default:
		return 0;
	}
	if (!(CCLS(c, i) & C_UNIT))
		return 0;
	n = bare(c->s, &c->t[i]);
	*plural = (w[n - 1] | 32) == 's';
	switch (w[0] | 32) {
	case 'd': return n >= 6 ? U_DECADE : U_DAY;
	case 'w': return n >= 7 ? U_WEEKEND : U_WEEK;
	case 'm': return U_MONTH;
	}
	return U_YEAR;
}

/* ---- the expressions, each from the token that starts it ---- */

/* A month: with a day or year after it, or alone where it is no name */
static size_t
at_month(struct cx *c, size_t i, struct val *v)
{
	int m, k, day, p;
	size_t e;

	if (!(m = month_at(c, i, &k, &e)))
		return 0;
	if (!(k & S_POSS) && (e = month_tail(c, e, m, v, &day)))
		return e;
	if (k & S_ABBR)
		return 0;
	p = CCLS(c, i - 1);
	if (!(p & C_CUE) && !after_range(c, i) && !range_ahead(c, i + 1)) {
		if (name_before(c, i) || name_after(c, i))
			return 0;
		if ((k & S_NAME) && !(p & C_OF))
			return 0;
	}
	monthday(&c->r, 0, m, 0, v);
	return i + 1;
}

/* A weekday, with a date after it (Friday, March 3) or alone */
static size_t
at_wday(struct cx *c, size_t i, struct val *v)
{
	size_t j = i + 1, e;
	int p;

	if (!cap(c, i))
		return 0;
	if (bare(c->s, &c->t[i]) == c->t[i].len) {
		if (punct(c, j, ",") && glued(c, j))
			j++;
		if ((e = full_at(c, j, v)))
			return e;
	}
	p = CCLS(c, i - 1);
	if ((p & C_HOLI) && cap(c, i - 1))
		return 0;
	if (!(p & C_CUE) && (name_before(c, i) || name_after(c, i)))
		return 0;
	wday_rel(&c->r, wday_num(c->s + c->t[i].off), 0, v);
	return i + 1;
}

/* yesterday, today, tomorrow, tonight; not "the Today programme" */
static size_t
at_dayword(struct cx *c, size_t i, struct val *v)
{
	const char *w = c->s + c->t[i].off;

	if (cap(c, i) && !sent_start(c, i) && ((CCLS(c, i - 1) & C_THE) || name_before(c, i)))
		return 0;
	rel(&c->r, U_DAY, (w[0] | 32) == 'y' ? -1 : (w[2] | 32) == 'm' ? 1 : 0, v);
	return i + 1;
}

/* last/next/this and a week, month or year, a weekday, a month's name, a
 * season, or night/morning; not after "the" (the last week is a stretch
 * of time, not a date) */
static size_t
at_deictic(struct cx *c, size_t i, struct val *v)
{
	const char *w = c->s + c->t[i].off, *x;
	int dir = (w[0] | 32) == 'l' ? -1 : (w[0] | 32) == 'n' ? 1 : 0;
	int u, pl, k, m;
	size_t j = i + 1, e;

	if ((CCLS(c, i - 1) & C_THE) || bare(c->s, &c->t[i]) != c->t[i].len || j >= c->nt)
		return 0;
	x = c->s + c->t[j].off;
	if ((u = unit_at(c, j, &pl))) {
		if (pl || u == U_DAY)
			return 0;	/* this day, last days */
		if (u >= U_WEEKEND)
			v->kind = V_NONE;
		else
			rel(&c->r, u, dir, v);
		return j + 1;
	}
	k = SCLS(c, j);
	if ((k & S_WDAY) && cap(c, j))
		wday_rel(&c->r, wday_num(x), dir ? dir : 2, v);
	else if ((k & S_MONTH) && !(k & S_ABBR) && (m = month_at(c, j, &k, &e)))
		month_rel(&c->r, m, dir, v);
	else if (k & S_SEASON)
		season_rel(&c->r, season_first(x), dir, v);
	else if ((CCLS(c, j) & C_PART) && dir < 0 && ((x[0] | 32) == 'n' || (x[0] | 32) == 'e'))
		rel(&c->r, U_DAY, -1, v);	/* last night, last evening */
	else if ((CCLS(c, j) & C_PART) && dir == 0 && (x[0] | 32) != 'n')
		rel(&c->r, U_DAY, 0, v);	/* this morning */
	else
		return 0;
	return j + 1;
}

/* A season [of] a year: summer 2020, the summer of 2020 */
static size_t
at_season(struct cx *c, size_t i, struct val *v)
{
	size_t j = i + 1;
	int y;

	if ((CCLS(c, j) & C_OF) && year_at(c, j + 1))
		j++;
	if (!(y = year_at(c, j)))
		return 0;
	v->kind = V_YEAR;
	v->y = y;
	return j + 1;
}

/* N units ago, from the number at i: 2 days ago, a week ago, a few
 * years ago.  Weeks count as days (a week ago: that day). */
static size_t
at_ago(struct cx *c, size_t i, struct val *v)
{
	size_t j = i + 1, k;
	long n;
	int u, pl;

	if (c->t[i].type == T_NUM) {
		if (!unit_at(c, j, &pl))
			return 0;	/* most numbers: before no unit */
		n = lead(c, i, &k);
		if (k != c->t[i].len || k > 3 || amount(c, i, j))
			return 0;
	} else if ((n = lex_get(&nums, c->s + c->t[i].off, c->t[i].len)) == 1 &&
	    j < c->nt && c->t[j].type == T_WORD &&
	    lex_get(&nums, c->s + c->t[j].off, c->t[j].len) == 1000) {
		n = 1000;	/* a few */
		j++;
	}
	if (!n || !(u = unit_at(c, j, &pl)) || !(CCLS(c, j + 1) & C_AGO))
		return 0;
	if (n >= 1000 || u >= U_WEEKEND)
		v->kind = V_NONE;
	else if (u == U_WEEK)
		rel(&c->r, U_DAY, -7 * (int)n, v);
	else
		rel(&c->r, u, -(int)n, v);
	return j + 2;
}

/* early, mid, late before a month, year, decade, weekday, season, or
 * last/next/this; earlier and later only before the last three */
static size_t
at_modifier(struct cx *c, size_t i, struct val *v)
{
	size_t j = i + 1, n = c->t[i].len, e;
	int k = SCLS(c, j), m, day, y;
	const char *w = c->s + c->t[i].off;

	if ((k & S_DEIC) && (e = at_deictic(c, j, v)))
		return e;
	if ((k & S_DAYW) && (e = at_dayword(c, j, v)))
		return e;	/* earlier today, late yesterday */
	if (n == 7 || (n == 5 && (w[0] | 32) == 'l'))
		return 0;	/* earlier, later */
	if ((k & S_MONTH) && (m = month_at(c, j, &k, &e))) {
		if (!(k & S_POSS) && (e = month_tail(c, e, m, v, &day)))
			return e;
		monthday(&c->r, 0, m, 0, v);
		return j + 1;
	}
	if ((k & S_WDAY) && cap(c, j)) {
		wday_rel(&c->r, wday_num(c->s + c->t[j].off), 0, v);
		return j + 1;
	}
	if ((k & S_SEASON) && (e = at_season(c, j, v)))
		return e;
	if ((y = year_at(c, j))) {
		v->kind = V_YEAR;
		v->y = y;
		return j + 1;
	}
	if (decade_at(c, j)) {
		v->kind = V_NONE;
		return j + 1;
	}
	return 0;
}

/* One token: mid-2021, mid-1990s, mid-March [2024]; early-, late- too */
static size_t
at_hyphen(struct cx *c, size_t i, struct val *v)
{
	const char *w = c->s + c->t[i].off, *x;
	size_t n = c->t[i].len, k, xn;
	int m, y;

	if (n < 6 || (w[3] != '-' && w[4] != '-' && w[5] != '-'))
		return 0;
	if (nu_iprefix(w, n, "mid-"))
		k = 4;
	else if (nu_iprefix(w, n, "late-"))
		k = 5;
	else if (nu_iprefix(w, n, "early-"))
		k = 6;
	else
		return 0;
	x = w + k;
	xn = n - k;
	if (xn >= 4 && nu_isdigit((unsigned char)x[0]) && nu_isdigit((unsigned char)x[1]) &&
	    nu_isdigit((unsigned char)x[2]) && nu_isdigit((unsigned char)x[3])) {
		y = (x[0] - '0') * 1000 + (x[1] - '0') * 100 + (x[2] - '0') * 10 + x[3] - '0';
		v->kind = V_NONE;
		if (xn == 5 && (x[4] | 32) == 's' && y % 10 == 0)
			return i + 1;	/* mid-1990s */
		if (xn != 4 || y < 1900 || y > 2099)
			return 0;
		v->kind = V_YEAR;
		v->y = y;
		return i + 1;
	}
	if (!nu_isupper((unsigned char)x[0]) || (lex_get(&starts, x, xn) & (S_MONTH | S_ABBR)) != S_MONTH)
		return 0;
	m = date_month(x, xn);
	if ((y = year_at(c, i + 1))) {
		monthday(&c->r, y, m, 0, v);
		return i + 2;
	}
	monthday(&c->r, 0, m, 0, v);
	return i + 1;
}

/* A word that may start a date: the readers of what its class allows */
static const struct {
	int cls;
	size_t (*at)(struct cx *, size_t, struct val *);
} readers[] = {
	{S_MONTH, at_month}, {S_WDAY, at_wday}, {S_DAYW, at_dayword},
	{S_DEIC, at_deictic}, {S_MOD, at_modifier}, {S_NUMW, at_ago},
	{S_SEASON, at_season},
};

static size_t
at_word(struct cx *c, size_t i, struct val *v)
{
	int k = SCLS(c, i);
	size_t j, e;

	if (!k)
		return at_hyphen(c, i, v);
	for (j = 0; j < sizeof readers / sizeof readers[0]; j++)
		if ((k & readers[j].cls) && (e = readers[j].at(c, i, v)))
			return e;
	return 0;
}

/* Does the year at i (ending at token e) stand as a year?  After a cue
 * (in 2020, since 2014, the 2020 election), before a verb (2020 was), or
 * between punctuation; not after a word that is no cue (won 2020, Tokyo
 * 2020), before a noun (2020 votes, of 2020 people), or as an amount. */
static int
year_ok(const struct cx *c, size_t i, size_t e)
{
	int p = CCLS(c, i - 1), x = CCLS(c, e);

	if (amount(c, i, e))
		return 0;
	if ((p & (C_CUE | C_THE)) || after_range(c, i))
		return 1;
	if (i > 0 && (c->t[i - 1].type == T_WORD || c->t[i - 1].type == T_NUM) && !(p & C_WEAK))
		return 0;
	if (x & C_VERB)
		return 1;
	return e >= c->nt || c->t[e].type == T_QUOTE || c->t[e].type == T_DASH ||
	    c->t[e].type == T_PUNCT || (c->t[e].type == T_WORD && (x & (C_CUE | C_WEAK | C_RANGE)));
}

/* Numbers with slashes, day and month told apart: 25/12/2024 (day first),
 * 12/25/2024 (month first), 2024/12/25; 04/05/2024 is a date whose value
 * the text does not fix. */
static size_t
at_slashes(struct cx *c, size_t i, struct val *v)
{
	long x[3];
	size_t k[3], j, ti;
	int y, m, d;

	for (j = 0; j < 3; j++) {
		ti = i + 2 * j;
		if (ti >= c->nt || c->t[ti].type != T_NUM || (j && glued(c, ti) == 0))
			return 0;
		x[j] = lead(c, ti, &k[j]);
		if (k[j] != c->t[ti].len)
			return 0;
		if (j < 2 && !(punct(c, ti + 1, "/") && glued(c, ti + 1)))
			return 0;
	}
	if ((glued(c, i + 5) && punct(c, i + 5, "/")) || amount(c, i, i + 5))
		return 0;
	if (k[0] == 4 && k[1] <= 2 && k[2] <= 2) {
		y = (int)x[0];
		m = (int)x[1];
		d = (int)x[2];
	} else if (k[0] <= 2 && k[1] <= 2 && k[2] == 4) {
		y = (int)x[2];
		m = (int)(x[0] > 12 ? x[1] : x[0]);
		d = (int)(x[0] > 12 ? x[0] : x[1]);
	} else
		return 0;
	if (!valid(y, m, d) || y < 1900 || y > 2099)
		return 0;
	if (k[0] <= 2 && x[0] <= 12 && x[1] <= 12 && x[0] != x[1])
		v->kind = V_NONE;
	else
		day_of(dnum(y, m, d), v);
	return i + 5;
}

/* A number token alone: 2020, 2020's, 1990s, 2019-2021, 2024-04-12 */
static size_t
at_year(struct cx *c, size_t i, struct val *v)
{
	const char *w = c->s + c->t[i].off;
	size_t k, n = c->t[i].len;
	long y = lead(c, i, &k), to = 0;
	int sh;

	if (k != 4)
		return decade_at(c, i) ? (v->kind = V_NONE, i + 1) : 0;
	if (n == 10 && w[4] == '-' && w[7] == '-' && !amount(c, i, i + 1)) {
		int m = (w[5] - '0') * 10 + w[6] - '0', d = (w[8] - '0') * 10 + w[9] - '0';

		if (!nu_isdigit((unsigned char)w[5]) || !nu_isdigit((unsigned char)w[6]) ||
		    !nu_isdigit((unsigned char)w[8]) || !nu_isdigit((unsigned char)w[9]) ||
		    !valid((int)y, m, d))
			return 0;
		day_of(dnum((int)y, m, d), v);
		return i + 1;
	}
	if (decade_at(c, i)) {
		v->kind = V_NONE;
		return i + 1;
	}
	if (y < 1900 || y > 2099)
		return 0;
	sh = shape(c, i, k, &to);
	v->kind = V_YEAR;
	v->y = (int)y;
	if (sh == N_POSS && !amount(c, i, i + 1))
		return i + 1;	/* 2020's */
	if (sh == N_RANGE && n - k - 1 != 2 && n - k - 1 != 4)
		return 0;
	if (sh == N_RANGE)
		v->kind = V_NONE;	/* 2019-2021, 2020-21 */
	else if (sh != N_PLAIN)
		return 0;
	return year_ok(c, i, i + 1) ? i + 1 : 0;
}

/* A number: what its digits allow (most numbers are no date) */
static size_t
at_num(struct cx *c, size_t i, struct val *v)
{
	size_t k, e;

	lead(c, i, &k);
	if (k == c->t[i].len && punct(c, i + 1, "/") && (e = at_slashes(c, i, v)))
		return e;
	if (k <= 3 && (e = at_ago(c, i, v)))
		return e;
	if (k <= 2 && (e = day_month(c, i, v)))
		return e;
	return k == 4 || k == 2 ? at_year(c, i, v) : 0;
}

/* the '90s, the ’60s */
static size_t
at_quote(struct cx *c, size_t i, struct val *v)
{
	size_t k;
	long d, to;

	if ((c->t[i].mark != Q_SQ && c->t[i].mark != Q_RSQ) || !glued(c, i + 1) ||
	    c->t[i + 1].type != T_NUM)
		return 0;
	d = lead(c, i + 1, &k);
	if (k != 2 || d % 10 || shape(c, i + 1, k, &to) != N_S)
		return 0;
	v->kind = V_NONE;
	return i + 2;
}

/* The value as ISO 8601 in iso (16 bytes), "" for none */
static void
iso_put(const struct val *v, char *iso)
{
	static const char dig[] = "0123456789";
	char *p = iso;

	*p = '\0';
	if (v->kind == V_NONE || v->y < 1000 || v->y > 9999)
		return;
	*p++ = dig[v->y / 1000];
	*p++ = dig[v->y / 100 % 10];
	*p++ = dig[v->y / 10 % 10];
	*p++ = dig[v->y % 10];
	if (v->kind >= V_MONTH) {
		*p++ = '-';
		if (v->kind == V_WEEK)
			*p++ = 'W';
		*p++ = dig[v->m / 10];
		*p++ = dig[v->m % 10];
	}
	if (v->kind == V_DAY) {
		*p++ = '-';
		*p++ = dig[v->d / 10];
		*p++ = dig[v->d % 10];
	}
	*p = '\0';
}

static char refkey[11];	/* the last reference, parsed */
static struct ref refval;

size_t
date_find(const char *s, const struct tok *t, size_t nt, const char *ref,
    struct dspan *out, size_t max)
{
	struct cx c;
	struct val v;
	size_t i, e, n = 0;

	if (!starts.s) {	/* the lists, once */
		lex_init(&starts, startlist);
		lex_init(&ctxw, ctxlist);
		lex_init(&nums, numlist);
		quick_init();
	}
	c.s = s;
	c.t = t;
	c.nt = nt;
	c.last = 0;
	if (!ref || strncmp(ref, refkey, 10) != 0 || !refkey[0]) {
		ref_parse(ref, &refval);	/* once for the paragraphs of an article */
		strncpy(refkey, ref ? ref : "", 10);
	}
	c.r = refval;
	for (i = 0; i < nt && n < max; i++) {
		switch (t[i].type) {
		case T_WORD: e = quick(s, &t[i]) ? at_word(&c, i, &v) : 0; break;
		case T_NUM: e = at_num(&c, i, &v); break;
		case T_QUOTE: e = at_quote(&c, i, &v); break;
		default: e = 0;
		}
		if (!e)
			continue;
		out[n].a = (uint32_t)i;
		out[n].b = (uint32_t)e;
		iso_put(&v, out[n].iso);
		n++;
		c.last = e;
		i = e - 1;
	}
	return n;
}
