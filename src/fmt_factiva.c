/* fmt_factiva.c: Factiva text (RTF or PDF exports saved as text).
 *
 * Every article ends with the line "Document <AN>" ("Dokument" in the
 * German UI), AN being Factiva's accession number.  Two layouts fill the
 * space between: the "Article" display, whose header lines carry no labels
 * and are known by their shape ("612 words" opens the header), and "Full
 * Article/Report plus Indexing", where field codes (HD, WC, LP, TD, ...)
 * open the fields.
 *
 * Lines after a terminator are held until they prove a new article (a word
 * count or a field code).  What is still held at the end of the input is
 * the export's trailer: it belongs to the last article, which stays open
 * for it.  An article whose terminator is missing is still an article, and
 * is reported; so is one whose successor starts without it. */
#include "nsplit.h"

#include <string.h>

#define HEADMAX 120		/* longer than any header line: the body began */
#define RUNMAX 3		/* [section] headline [byline] before "N words" */

/* field codes in Factiva's order: the order tells a code from a word */
enum {
	C_SE, C_CLM, C_HD, C_CR, C_BY, C_WC, C_PD, C_ET, C_SN, C_SC, C_GC,
	C_NGC, C_ED, C_PG, C_LA, C_CY, C_LP, C_TD, C_CT, C_ART, C_RF, C_CO,
	C_IN, C_NS, C_RE, C_IPC, C_IPD, C_PUB, C_AN, NCODES
};

static const struct {
	const char *tag, *key;
	int word;		/* also a word of prose ("IN", "PUB") */
} codes[NCODES] = {
	[C_SE] = {"SE", "section", 0}, [C_CLM] = {"CLM", "clm", 0},
	[C_HD] = {"HD", "title", 0}, [C_CR] = {"CR", "cr", 0},
	[C_BY] = {"BY", "byline", 0}, [C_WC] = {"WC", "length", 0},
	[C_PD] = {"PD", "date", 0}, [C_ET] = {"ET", "time", 0},
	[C_SN] = {"SN", "source_name", 0}, [C_SC] = {"SC", "source_code", 0},
	[C_GC] = {"GC", "gc", 0}, [C_NGC] = {"NGC", "ngc", 0},
	[C_ED] = {"ED", "edition", 0}, [C_PG] = {"PG", "page", 0},
	[C_LA] = {"LA", "language", 0}, [C_CY] = {"CY", "copyright", 0},
	[C_LP] = {"LP", NULL, 0}, [C_TD] = {"TD", NULL, 0},
	[C_CT] = {"CT", "ct", 1}, [C_ART] = {"ART", "art", 1},
	[C_RF] = {"RF", "rf", 0}, [C_CO] = {"CO", "co", 1},
	[C_IN] = {"IN", "in", 1}, [C_NS] = {"NS", "ns", 0},
	[C_RE] = {"RE", "re", 1}, [C_IPC] = {"IPC", "ipc", 0},
	[C_IPD] = {"IPD", "ipd", 0}, [C_PUB] = {"PUB", "pub", 1},
	[C_AN] = {"AN", "doc_id", 1},
};

static const char *const languages[] = {
	"english", "french", "german", "spanish", "italian", "dutch",
	"portuguese", "russian", "chinese", "chinese-simplified",
	"chinese-traditional", "japanese", "korean", "arabic", "swedish",
	"danish", "norwegian", "finnish", "polish", "czech", "turkish",
	"greek", "hungarian", "catalan", "indonesian", "malay", "romanian",
	"bulgarian", "ukrainian", "hebrew", "vietnamese", "thai",
	"englisch", "deutsch", "französisch", "spanisch", "italienisch",
	"niederländisch", "anglais", "français", "allemand", "espagnol",
	"italien", "néerlandais", "inglés", "español", "francés", "alemán",
	"inglese", "italiano", "francese", "tedesco", "engels", "nederlands",
	"frans", "duits", NULL,
};

/* held lines (len 0: a blank line) */
static struct lines pre;
static unsigned long prefirst;	/* line number of the first non-blank one */
static size_t weak;		/* 1 + index of a line that may open a coded article */
static unsigned long weakline;	/* its line number */

enum { PRE, HEAD, BODY, CODE };
static int st;
static int have;		/* an article is open, maybe only for its trailer */
static unsigned long artline;	/* where the open article's header began */
static struct buf lastan;	/* the open article's doc_id */
static struct buf date;		/* a date waiting for the time after it */

/* the "Article" layout: header lines seen */
enum { F_DATE = 1, F_TIME = 2, F_SRC = 4, F_SC = 8, F_ED = 16, F_PAGE = 32, F_LANG = 64 };
static unsigned seen;
static unsigned long suspect;	/* BODY: line of a word count that may open the next article */

/* the field-code layout */
static int cur;			/* the open field, -1 if none */
static int rank;		/* the furthest field so far */
static struct buf fld;		/* the open field's value */

/* ---- shapes ---- */

static int
anshape(const char *s, size_t n)
{
	size_t i;

	if (n < 20 || n > 30)
		return 0;
	for (i = 0; i < n; i++)
		if (!nu_isalnum((unsigned char)s[i]))
			return 0;
	return 1;
}

/* "Document AN" (trimmed): the AN in *an, *ann */
static int
docline(const char *s, size_t n, const char **an, size_t *ann)
{
	size_t i;

	if (n < 9 || s[0] != 'D' || !(nu_prefix(s, n, "Document") || nu_prefix(s, n, "Dokument")))
		return 0;
	for (i = 8; i < n && (s[i] == ' ' || s[i] == '\t'); i++)
		;
	if (i == 8 || !anshape(s + i, n - i))
		return 0;
	if (an) {
		*an = s + i;
		*ann = n - i;
	}
	return 1;
}

/* A field code at the start of the line: its index, or -1.  *v, *vn get
 * the value after it; *strong says that the code stands alone or is set
 * off by a tab, a no-break space or two spaces, as table cells become in
 * text, so that it cannot be a word of prose. */
static int
fieldcode(const char *s, size_t n, const char **v, size_t *vn, int *strong)
{
	size_t k, l;
	int i;

	for (k = 0; k < n && k < 4 && nu_isupper((unsigned char)s[k]); k++)
		;
	if (k < 2 || k > 3)
		return -1;
	for (i = 0; i < NCODES; i++)
		if (codes[i].tag[0] == s[0] && nu_eq(s, k, codes[i].tag))
			break;
	if (i == NCODES)
		return -1;
	s += k;
	n -= k;
	if (n == 0 || s[0] == '\t' || (n >= 2 && s[0] == ' ' && s[1] == ' ') ||
	    fmt_nbsp(s, n, 0))
		*strong = 1;
	else if (s[0] == ' ')
		*strong = 0;
	else
		return -1;
	l = nu_ltrim(s, n);
	*v = s + l;
	*vn = n - l;
	return i;
}

static int
dateshape(const char *s, size_t n)
{
	char iso[64];

	return n <= 40 && fmt_date(s, n, iso) && strlen(iso) >= 10;
}

/* "07:15", "7:15 PM", "07:15:30 GMT" */
static int
timeshape(const char *s, size_t n)
{
	size_t i, d, w = 0;

	if (!(i = fmt_clock(s, n)) || (i < n && nu_isdigit((unsigned char)s[i])))
		return 0;
	if (i < n && s[i] == ':') {
		for (d = 0, i++; i < n && nu_isdigit((unsigned char)s[i]); i++)
			d++;
		if (d != 2)
			return 0;
	}
	while (i < n) {
		if (s[i++] != ' ' || w++ == 2)
			return 0;
		for (d = 0; i < n && nu_isalpha((unsigned char)s[i]); i++)
			d++;
		if (d < 2 || d > 4)
			return 0;
	}
	return 1;
}

/* a source code: "EXTIME", "J", "AFPR" */
static int
capsshape(const char *s, size_t n)
{
	size_t i;

	if (n > 12 || !nu_isupper((unsigned char)s[0]))
		return 0;
	for (i = 0; i < n; i++)
		if (!(nu_isdigit((unsigned char)s[i]) || nu_isupper((unsigned char)s[i])))
			return 0;
	return 1;
}

/* a page: "12", "A1", "B.12", "3a" */
static int
pageshape(const char *s, size_t n)
{
	size_t i = 0, d = 0;

	if (n > 8)
		return 0;
	while (i < n && i < 3 && nu_isalpha((unsigned char)s[i]))
		i++;
	if (i && i < n && (s[i] == '.' || s[i] == '-'))
		i++;
	for (; i < n && nu_isdigit((unsigned char)s[i]); i++)
		d++;
	if (i < n && nu_isalpha((unsigned char)s[i]))
		i++;
	return d && i == n;
}

/* one word of letters: a language the table does not know */
static int
wordshape(const char *s, size_t n)
{
	size_t i;

	if (n > 24)
		return 0;
	for (i = 0; i < n; i++)
		if (!(nu_isletter((unsigned char)s[i]) || (i && s[i] == '-')))
			return 0;
	return 1;
}

/* "By Jane Example": the name must start with a capital, so that a
 * headline "By the numbers" stays one */
static int
bylineshape(const char *s, size_t n)
{
	static const char *const by[] = {"by ", "von ", "par ", "por ", NULL};
	const char *const *p;
	size_t k;
	unsigned char c;

	for (p = by; *p; p++) {
		if (nu_iprefix(s, n, *p) && n > (k = strlen(*p))) {
			c = (unsigned char)s[k];
			return nu_isupper(c) || c >= 0x80;
		}
	}
	return 0;
}

/* an indexing value: "i5020 : Construction" */
static int
indexshape(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i + 3 <= n; i++)
		if (memcmp(s + i, " : ", 3) == 0)
			return 1;
	return 0;
}

/* ---- held lines ---- */

static void
hold(const char *s, size_t n, unsigned long lineno)
{
	lines_add(&pre, s, n);
	if (n && !prefirst)
		prefirst = lineno;
}

static void
hclear(void)
{
	lines_reset(&pre);
	prefirst = 0;
	weak = 0;
}

/* Body lines no longer needed for a header: give the first k to the
 * article, and move the rest down so the buffer stays small. */
static void
hdrop(struct ctx *c, size_t k)
{
	size_t i, off;

	fmt_body(c, &pre, 0, k);
	if (k == pre.n) {
		hclear();
		return;
	}
	off = pre.v[k].off;
	memmove(pre.text.p, pre.text.p + off, pre.text.len - off);
	pre.text.len -= off;
	for (i = k; i < pre.n; i++) {
		pre.v[i - k] = pre.v[i];
		pre.v[i - k].off -= off;
	}
	pre.n -= k;
}

/* ---- the article ---- */

static void
flushdate(struct ctx *c)
{
	if (date.len)
		art_meta(c, "date", date.p, date.len);
	buf_reset(&date);
}

/* the time after the date: one date value when it reads as one */
static void
when(struct ctx *c, const char *t, size_t tn)
{
	char iso[64];
	size_t n = date.len;

	if (n) {
		buf_addc(&date, ' ');
		buf_add(&date, t, tn);
		if (!(fmt_date(date.p, date.len, iso) && strchr(iso, 'T')))
			date.len = n;
	}
	flushdate(c);
	art_meta(c, "time", t, tn);
}

static void
closefield(struct ctx *c)
{
	int k = cur;

	cur = -1;
	if (k < 0 || k == C_LP || k == C_TD)
		return;
	if (k == C_PD) {
		flushdate(c);
		buf_add(&date, fld.p, fld.len);
	} else if (k == C_ET && timeshape(fld.p, fld.len)) {
		when(c, fld.p, fld.len);
	} else {
		flushdate(c);
		art_meta(c, codes[k].key, fld.p, fld.len);
	}
	buf_reset(&fld);
}

static void
unterminated(struct ctx *c)
{
	nu_warn("%s:%lu: article without a closing 'Document' line", c->source, artline);
}

/* A new article: what the last one still holds goes to it first. */
static void
begin(struct ctx *c, int layout, unsigned long lineno)
{
	if (st == CODE)
		closefield(c);
	flushdate(c);
	art_start(c);
	have = 1;
	artline = lineno;
	buf_reset(&lastan);
	seen = 0;
	suspect = 0;
	cur = -1;
	rank = -1;
	st = layout;
}

/* index + 1 of the last non-blank held line, 0 if none */
static size_t
lastheld(void)
{
	size_t i = fmt_prev(&pre, pre.n);

	return i == FMT_NONE ? 0 : i + 1;
}

/* The held lines before "N words": the run of non-blank lines right
 * before it is [section] headline [byline]; what came earlier is cover
 * matter. */
static void
prelude(struct ctx *c)
{
	size_t end = lastheld(), beg, by = 0;

	for (beg = end; beg && pre.v[beg - 1].len; beg--)
		;
	if (end - beg >= 2 && bylineshape(lines_at(&pre, end - 1), pre.v[end - 1].len))
		by = --end;
	if (end - beg > 2)
		beg = end - 2;
	fmt_metas(c, "cover", &pre, 0, beg);
	if (end - beg == 2)
		art_meta(c, "section", lines_at(&pre, beg), pre.v[beg].len);
	if (end > beg)
		art_meta(c, "title", lines_at(&pre, end - 1), pre.v[end - 1].len);
	if (by)
		art_meta(c, "byline", lines_at(&pre, by), pre.v[by].len);
}

/* "N words" opens an article in the "Article" layout */
static void
opening(struct ctx *c, const char *s, size_t n, unsigned long lineno)
{
	begin(c, HEAD, lineno);
	prelude(c);
	art_meta(c, "length", s, n);
	hclear();
}

/* Held lines that end with a terminator but showed no header: the first
 * is the headline, the rest the body. */
static void
bare(struct ctx *c)
{
	size_t i = fmt_next(&pre, 0);

	if (i != FMT_NONE) {
		art_meta(c, "title", lines_at(&pre, i), pre.v[i].len);
		fmt_body(c, &pre, i + 1, pre.n);
	}
	hclear();
}

/* end what is open before a terminator or the end of input */
static void
closeall(struct ctx *c)
{
	if (st == BODY)
		hdrop(c, pre.n);
	if (st == CODE)
		closefield(c);
	flushdate(c);
}

static void
terminate(struct ctx *c, const char *an, size_t ann)
{
	if (st == PRE) {
		if (!prefirst && have && lastan.len == ann && memcmp(lastan.p, an, ann) == 0)
			return;	/* the AN field said it already */
		begin(c, PRE, c->lineno);
		bare(c);
	}
	closeall(c);
	if (!(lastan.len == ann && memcmp(lastan.p, an, ann) == 0)) {
		art_meta(c, "doc_id", an, ann);
		buf_reset(&lastan);
		buf_add(&lastan, an, ann);
	}
	hclear();
	st = PRE;
}

/* ---- the field-code layout ---- */

static void
field(struct ctx *c, int k, const char *v, size_t vn)
{
	const char *an;
	size_t ann;

	closefield(c);
	if (k > rank)
		rank = k;
	if (k == C_AN && docline(v, vn, &an, &ann)) {
		terminate(c, an, ann);
		return;
	}
	if (k == C_AN && anshape(v, vn)) {
		terminate(c, v, vn);
		return;
	}
	cur = k;
	if (k == C_LP || k == C_TD) {
		art_line(c, "", 0);
		art_line(c, v, vn);
		return;
	}
	buf_add(&fld, v, vn);
}

/* A weak code (one space after it) after the body must come later in
 * Factiva's order than the field it ends; one that is also a word ("IN
 * BRIEF", "RE the mayor") must have the value its field has. */
static int
accept(int k, int strong, const char *v, size_t vn)
{
	if (strong)
		return 1;
	if (cur < C_LP)
		return k > C_HD || rank < C_HD;
	if (k <= cur)
		return 0;
	if (k == C_AN)
		return docline(v, vn, NULL, NULL) || anshape(v, vn);
	return !codes[k].word || indexshape(v, vn);
}

static void
codeline(struct ctx *c, const char *s, size_t n)
{
	const char *v;
	size_t vn;
	int k, strong;

	if ((k = fieldcode(s, n, &v, &vn, &strong)) >= 0 && accept(k, strong, v, vn)) {
		if (k <= C_HD && rank >= C_HD) {
			/* a second headline: the AN was lost */
			unterminated(c);
			begin(c, CODE, c->lineno);
		}
		field(c, k, v, vn);
		return;
	}
	if (cur == C_LP || cur == C_TD || cur < 0) {
		art_line(c, s, n);
		return;
	}
	if (n == 0)
		return;
	if (cur == C_AN && anshape(s, n)) {
		terminate(c, s, n);
		return;
	}
	if (fld.len)
		buf_addc(&fld, ' ');
	buf_add(&fld, s, n);
}

/* ---- the "Article" layout ---- */

static void
body(struct ctx *c, const char *s, size_t n);

static void
head(struct ctx *c, const char *s, size_t n)
{
	if (n == 0) {
		if (seen)
			st = BODY;
		return;
	}
	if (date.len && timeshape(s, n)) {
		when(c, s, n);
		seen |= F_TIME;
		return;
	}
	flushdate(c);
	if (!(seen & (F_DATE | F_SRC)) && dateshape(s, n)) {
		buf_add(&date, s, n);
		seen |= F_DATE;
	} else if (!(seen & (F_TIME | F_SRC)) && timeshape(s, n)) {
		art_meta(c, "time", s, n);
		seen |= F_TIME;
	} else if (fmt_copyright(s, n)) {
		art_meta(c, "copyright", s, n);
		st = BODY;
	} else if (!(seen & F_LANG) && fmt_inlist(s, n, languages)) {
		art_meta(c, "language", s, n);
		seen |= F_LANG;
	} else if ((seen & F_LANG) || n > HEADMAX) {
		st = BODY;
		body(c, s, n);
	} else if (!(seen & F_SRC)) {
		art_meta(c, "source_name", s, n);
		seen |= F_SRC;
	} else if (!(seen & (F_SC | F_ED | F_PAGE)) && capsshape(s, n)) {
		art_meta(c, "source_code", s, n);
		seen |= F_SC;
	} else if (!(seen & F_PAGE) && pageshape(s, n)) {
		art_meta(c, "page", s, n);
		seen |= F_PAGE;
	} else if ((seen & F_PAGE) && wordshape(s, n)) {
		art_meta(c, "language", s, n);
		seen |= F_LANG;
	} else if (!(seen & (F_ED | F_PAGE))) {
		art_meta(c, "edition", s, n);
		seen |= F_ED;
	} else {
		art_meta(c, "header", s, n);
	}
}

/* A word count in the body followed by a date is the next article's
 * header: its terminator is missing.  The last lines of the block are
 * held so that its headline can go with it. */
static void
body(struct ctx *c, const char *s, size_t n)
{
	const char *v;
	size_t vn;
	int k, strong;

	if (suspect && n && dateshape(s, n)) {
		unterminated(c);
		pre.n--;
		begin(c, HEAD, suspect);
		prelude(c);
		art_meta(c, "length", lines_at(&pre, pre.n), pre.v[pre.n].len);
		hclear();
		head(c, s, n);
		return;
	}
	suspect = 0;
	if (n == 0) {
		hdrop(c, pre.n);
		art_line(c, "", 0);
		return;
	}
	if ((k = fieldcode(s, n, &v, &vn, &strong)) >= 0 && strong && k <= C_HD) {
		hdrop(c, pre.n);
		unterminated(c);
		begin(c, CODE, c->lineno);
		field(c, k, v, vn);
		return;
	}
	if (fmt_wordcount(s, n))
		suspect = c->lineno;
	else if (pre.n >= RUNMAX)
		hdrop(c, pre.n - RUNMAX + 1);
	hold(s, n, c->lineno);
}

/* ---- between articles ---- */

/* A coded article opens with held line from (a weak code) or the line
 * now read: what was held before it is cover matter. */
static void
opencode(struct ctx *c, size_t from, unsigned long lineno)
{
	const char *v;
	size_t vn;
	int k, strong;

	begin(c, CODE, lineno);
	fmt_metas(c, "cover", &pre, 0, from);
	if (from < pre.n && (k = fieldcode(lines_at(&pre, from), pre.v[from].len, &v, &vn, &strong)) >= 0)
		field(c, k, v, vn);
	hclear();
}

/* A code line between articles.  SE, CLM or HD opens a coded article;
 * with one space ("HD Harbour ...") it may be the headline of the
 * "Article" layout, and opens one only when a code follows it.  Other
 * codes belong to no article and are held like any line, but
 * "AN Document ..." still ends what was held. */
static int
betweencode(struct ctx *c, const char *s, size_t n)
{
	const char *v, *an;
	size_t vn, ann;
	int k, strong;

	if ((k = fieldcode(s, n, &v, &vn, &strong)) < 0)
		return 0;
	if (weak && weak == lastheld()) {
		opencode(c, weak - 1, weakline);
		codeline(c, s, n);
		return 1;
	}
	if (k == C_AN && docline(v, vn, &an, &ann)) {
		terminate(c, an, ann);
		return 1;
	}
	if (k > C_HD)
		return 0;
	if (strong) {
		opencode(c, pre.n, c->lineno);
		field(c, k, v, vn);
		return 1;
	}
	hold(s, n, c->lineno);
	weak = pre.n;
	weakline = c->lineno;
	return 1;
}

static void
between(struct ctx *c, const char *s, size_t n)
{
	if (n == 0) {
		if (pre.n)
			hold(s, 0, c->lineno);
		return;
	}
	if (fmt_wordcount(s, n)) {
		opening(c, s, n, c->lineno);
		return;
	}
	if (!betweencode(c, s, n))
		hold(s, n, c->lineno);
}

static int
sniff_fa(const char *s, size_t n, unsigned long lineno)
{
	const char *v;
	size_t vn;
	int strong;

	(void)lineno;
	nu_trim(&s, &n);
	return docline(s, n, NULL, NULL) ||
	    (fieldcode(s, n, &v, &vn, &strong) == C_AN && docline(v, vn, NULL, NULL));
}

static void
start(struct ctx *c)
{
	(void)c;
	hclear();
	buf_reset(&date);
	buf_reset(&fld);
	buf_reset(&lastan);
	st = PRE;
	have = 0;
	seen = 0;
	suspect = 0;
	cur = rank = -1;
}

static void
line(struct ctx *c, const char *s, size_t n)
{
	const char *an;
	size_t ann;

	nu_trim(&s, &n);
	if (docline(s, n, &an, &ann)) {
		terminate(c, an, ann);
		return;
	}
	switch (st) {
	case PRE:
		between(c, s, n);
		break;
	case HEAD:
		head(c, s, n);
		break;
	case BODY:
		body(c, s, n);
		break;
	case CODE:
		codeline(c, s, n);
		break;
	}
}

static void
finish(struct ctx *c)
{
	if (st != PRE) {
		closeall(c);
		unterminated(c);
	} else if (have) {
		fmt_metas(c, "trailer", &pre, 0, pre.n);
	} else if (prefirst) {
		begin(c, PRE, prefirst);
		unterminated(c);
		bare(c);
	}
	hclear();
	art_finish(c);
}

const struct fmt fmt_factiva = {"factiva", sniff_fa, start, line, finish, NULL};
