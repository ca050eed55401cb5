/* fmt_nexisuni.c: Nexis Uni exports turned into text.
 *
 * Nexis Uni text (its DOCX or RTF turned into one paragraph a line) has a
 * cover page, then per article headline, publication, date, "Key: value"
 * fields, "Body", the paragraphs, trailing fields and "End of Document".
 *
 * The lines after "End of Document" (or the input start) are kept back
 * until one shows where the next article begins: its date line, or
 * "Body".  Body lines, most of the input, are told apart from the labels
 * and the trailing fields by their first bytes. */
#include "nsplit.h"

#include <string.h>

static int
sniff(const char *s, size_t n, unsigned long lineno)
{
	(void)lineno;
	nu_trim(&s, &n);
	return nu_eq(s, n, "End of Document");
}

/* "Key:\u00a0value" (or a plain space): a capital, then letters, blanks,
 * '-' or '/', at most four words, before the colon. */
static int
keyform(const char *s, size_t n, size_t *klen, size_t *vo)
{
	size_t i, words = 1;

	if (n == 0 || !nu_isupper((unsigned char)s[0]))
		return 0;
	for (i = 1; i < n && i < 40 && s[i] != ':'; i++) {
		unsigned char ch = (unsigned char)s[i];

		if (ch == ' ') {
			if (++words > 4)
				return 0;
		} else if (!nu_isletter(ch) && ch != '-' && ch != '/') {
			return 0;
		}
	}
	if (i == n || s[i] != ':' || s[i - 1] == ' ')
		return 0;
	*klen = i++;
	if (i < n && s[i] != ' ' && !fmt_nbsp(s, n, i))
		return 0;
	*vo = i;
	return 1;
}

/* fields that may follow the body without a "Classification" line */
static int
tailkey(const char *s, size_t n)
{
	static const char *const k[] = {"Load-Date", "Language", "Publication-Type",
		"Journal Code", "Subject", "Industry", "Person", "Geographic",
		"Organization", "Company", "Ticker", "Graphic", "Correction",
		"Correction-Date", "Notes", "Document-Type", "Series", NULL};
	size_t kl, vo, i;

	if (!keyform(s, n, &kl, &vo))
		return 0;
	for (i = 0; k[i]; i++)
		if (k[i][0] == s[0] && nu_eq(s, kl, k[i]))
			return 1;
	return 0;
}

/* "12. Headline" in the cover's list of documents */
static int
numbered(const char *s, size_t n)
{
	size_t i = 0;

	fmt_number(s, n, &i);
	return i > 0 && i < 6 && i + 1 < n && s[i] == '.' && s[i + 1] == ' ';
}

/* "Documents (10)": returns 10, or 0 */
static unsigned long
announced(const char *s, size_t n)
{
	size_t i = 11;
	unsigned long v;

	if (!nu_prefix(s, n, "Documents (") && !nu_prefix(s, n, "Dokumente ("))
		return 0;
	v = fmt_number(s, n, &i);
	return i + 1 == n && s[i] == ')' ? v : 0;
}

/* A line of the cover page (the English UI; others are placed by shape). */
static int
coverline(const char *s, size_t n)
{
	static const char *const k[] = {"Client/Matter", "Search Terms", "Search Type",
		"Narrowed by", "Content Type", "Quellen", "Sources", "Source",
		"Date and Time", "Job Number", "User Name", "Timeline", NULL};
	size_t i, l;

	if (n == 0)
		return 0;
	if (numbered(s, n) || announced(s, n))
		return 1;
	for (i = 0; k[i]; i++)
		if (k[i][0] == s[0] && nu_prefix(s, n, k[i]) && ((l = strlen(k[i])) == n || s[l] == ':'))
			return 1;
	return 0;
}

enum { N_SEG, N_HEAD, N_BODY, N_TAIL };

static struct {
	int st;
	int k;			/* head lines read */
	int dated;		/* k of a head line known to be the date, or 0 */
	int date, keys;		/* the head has a date line, fields */
	int graphic;		/* the tail is in its "Graphic" part */
	int cover;		/* the lines kept back show a cover page */
	int any;		/* an article was begun */
} nu;

/* seg: lines after "End of Document" (or the input start) until it is
 * clear where the next article begins; pend: trailing fields in the body,
 * until a line shows whether they were; replay: seg, being placed */
static struct lines seg, pend, replay;

/* The article starts two lines above its date line (headline,
 * publication, date), unless those lines belong to the cover. */
static size_t
datestart(size_t d)
{
	size_t p1 = fmt_prev(&seg, d), p2;

	if (p1 == FMT_NONE || (p2 = fmt_prev(&seg, p1)) == FMT_NONE)
		return FMT_NONE;
	if (coverline(lines_at(&seg, p1), seg.v[p1].len) ||
	    coverline(lines_at(&seg, p2), seg.v[p2].len))
		return FMT_NONE;
	return p2;
}

/* No date line was seen.  From "Body" go up over the fields and the
 * copyright to the date line, publication and headline; else take the
 * line after the last cover line. */
static size_t
fallback(struct ctx *c, size_t trig)
{
	size_t i = trig, kl, vo, p1, p2;

	if (nu_eq(lines_at(&seg, trig), seg.v[trig].len, "Body")) {
		while ((i = fmt_prev(&seg, i)) != FMT_NONE &&
		    (keyform(lines_at(&seg, i), seg.v[i].len, &kl, &vo) ||
		    fmt_copyright(lines_at(&seg, i), seg.v[i].len)))
			;
		if (i != FMT_NONE && (p1 = fmt_prev(&seg, i)) != FMT_NONE &&
		    (p2 = fmt_prev(&seg, p1)) != FMT_NONE &&
		    !coverline(lines_at(&seg, p1), seg.v[p1].len) &&
		    !coverline(lines_at(&seg, p2), seg.v[p2].len))
			return p2;
	}
	if (!nu.cover)
		return fmt_next(&seg, 0);
	for (i = trig; i > 0 && !coverline(lines_at(&seg, i - 1), seg.v[i - 1].len); i--)
		;
	if ((i = fmt_next(&seg, i)) == FMT_NONE)
		i = trig;
	nu_warn("%s:%lu: cannot tell where the cover page ends: article taken to start at \"%.*s\"",
	    c->source, c->lineno, (int)(seg.v[i].len > 40 ? 40 : seg.v[i].len), lines_at(&seg, i));
	return i;
}

static void nu_line(struct ctx *, const char *, size_t);

/* Lines before start are the cover of the article that starts there;
 * dated: its third line is the date line that showed where it starts. */
static void
seg_resolve(struct ctx *c, size_t start, int dated)
{
	size_t i;

	fmt_swap(&replay, &seg);
	lines_reset(&seg);
	art_start(c);
	nu.any = 1;
	if (start > replay.n)
		start = replay.n;
	fmt_metas(c, "cover", &replay, 0, start);
	nu.st = N_HEAD;
	nu.k = nu.date = nu.keys = nu.graphic = nu.cover = 0;
	nu.dated = dated ? 3 : 0;
	for (i = start; i < replay.n; i++)
		nu_line(c, lines_at(&replay, i), replay.v[i].len);
}

static void
seg_line(struct ctx *c, const char *t, size_t tn)
{
	size_t kl, vo, p;

	lines_add(&seg, t, tn);
	if (tn == 0)
		return;
	if (coverline(t, tn)) {
		nu.cover = 1;
		c->expected += announced(t, tn);
	}
	if (nu_eq(t, tn, "End of Document") || nu_eq(t, tn, "Body")) {
		seg_resolve(c, fallback(c, seg.n - 1), 0);
		return;
	}
	if (fmt_datelike(t, tn) && !keyform(t, tn, &kl, &vo) && !numbered(t, tn) &&
	    (p = datestart(seg.n - 1)) != FMT_NONE)
		seg_resolve(c, p, 1);
}

static void
nu_key(struct ctx *c, const char *t, size_t tn, size_t kl, size_t vo)
{
	char key[48];

	if (nu_eq(t, kl, "Byline") || nu_eq(t, kl, "Author")) {
		art_meta(c, "byline", t + vo, tn - vo);
		return;
	}
	memcpy(key, t, kl);
	key[kl] = '\0';
	art_meta(c, key, t + vo, tn - vo);
}

static int
label(const char *t, size_t tn)
{
	return nu_eq(t, tn, "Graphic") || nu_eq(t, tn, "Classification");
}

static void
nu_tail(const char *t, size_t tn)
{
	nu.st = N_TAIL;
	nu.graphic = nu_eq(t, tn, "Graphic");
}

static void
nhead_line(struct ctx *c, const char *t, size_t tn)
{
	size_t kl, vo;

	if (tn == 0)
		return;
	if (nu.k++ == 0)
		art_meta(c, "title", t, tn);
	else if (nu_eq(t, tn, "Body") || nu_eq(t, tn, "Text"))
		nu.st = N_BODY;
	else if (label(t, tn))
		nu_tail(t, tn);
	else if (!nu.date && (nu.k == nu.dated || fmt_datelike(t, tn)))
		art_meta(c, "date", t, tn), nu.date = 1;
	else if (nu.k == 2)
		art_meta(c, "source_name", t, tn);
	else if (fmt_copyright(t, tn))
		art_meta(c, "copyright", t, tn);
	else if (keyform(t, tn, &kl, &vo))
		nu_key(c, t, tn, kl, vo), nu.keys = 1;
	else if (nu.keys || memchr(".!?\"", t[tn - 1], 4))
		nu.st = N_BODY, art_line(c, t, tn);	/* no "Body" line */
	else
		art_meta(c, "edition", t, tn);
}

static void
npend_meta(struct ctx *c)
{
	size_t i, kl, vo;

	for (i = 0; i < pend.n; i++)
		if (keyform(lines_at(&pend, i), pend.v[i].len, &kl, &vo))
			nu_key(c, lines_at(&pend, i), pend.v[i].len, kl, vo);
	lines_reset(&pend);
}

/* After a trailing field in the body: more fields keep the run, text
 * shows it was text. */
static int
npend_line(struct ctx *c, const char *t, size_t tn)
{
	size_t kl, vo;

	if (tn == 0)
		return 1;
	if (keyform(t, tn, &kl, &vo)) {
		lines_add(&pend, t, tn);
		return 1;
	}
	if (label(t, tn)) {
		npend_meta(c);
		nu_tail(t, tn);
		return 1;
	}
	fmt_body(c, &pend, 0, pend.n);
	lines_reset(&pend);
	return 0;
}

static void
nbody_line(struct ctx *c, const char *t, size_t tn)
{
	if (pend.n && npend_line(c, t, tn))
		return;
	if (tn == 0)
		return;
	if (label(t, tn))
		nu_tail(t, tn);
	else if (tailkey(t, tn))
		lines_add(&pend, t, tn);
	else
		art_line(c, t, tn);
}

static void
ntail_line(struct ctx *c, const char *t, size_t tn)
{
	size_t kl, vo;

	if (tn == 0)
		return;
	if (nu_eq(t, tn, "Classification"))
		nu.graphic = 0;
	else if (keyform(t, tn, &kl, &vo))
		nu_key(c, t, tn, kl, vo);
	else
		art_meta(c, nu.graphic ? "graphic" : "classification", t, tn);
}

static void
nu_line(struct ctx *c, const char *s, size_t n)
{
	nu_trim(&s, &n);
	if (nu.st == N_SEG) {
		seg_line(c, s, n);
		return;
	}
	if (nu_eq(s, n, "End of Document")) {
		/* the article stays open: what follows may be its trailer */
		npend_meta(c);
		nu.st = N_SEG;
		return;
	}
	switch (nu.st) {
	case N_HEAD:
		nhead_line(c, s, n);
		break;
	case N_BODY:
		nbody_line(c, s, n);
		break;
	default:
		ntail_line(c, s, n);
		break;
	}
}

static void
nu_start(struct ctx *c)
{
	memset(&nu, 0, sizeof nu);
	lines_reset(&seg);
	lines_reset(&pend);
	c->paras = 1;
}

static void
nu_finish(struct ctx *c)
{
	if (nu.st != N_SEG) {
		npend_meta(c);
		nu_warn("%s:%lu: the last article has no \"End of Document\"", c->source, c->lineno);
	} else if (!nu.any && fmt_next(&seg, 0) != FMT_NONE) {
		/* no article was found (the format was forced): one article */
		seg_resolve(c, fallback(c, fmt_prev(&seg, seg.n)), 0);
		npend_meta(c);
	} else {
		fmt_metas(c, "trailer", &seg, 0, seg.n);
	}
	lines_reset(&seg);
	art_finish(c);
}

const struct fmt fmt_nexisuni = {"nexisuni", sniff, nu_start, nu_line, nu_finish, NULL};
