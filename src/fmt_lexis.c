/* fmt_lexis.c: LexisNexis Academic text exports and Nexis Uni text.
 *
 * LexisNexis Academic (to 2019) writes "N of M DOCUMENTS" above each
 * article, then a centred head (copyright, source, date, edition), the
 * headline at the left margin, UPPER-CASE "KEY: value" fields, the
 * hard-wrapped body, a trailing block of fields and a centred copyright.
 * Nexis Uni text (its DOCX or RTF turned into one paragraph a line) has a
 * cover page, then per article headline, publication, date, "Key: value"
 * fields, "Body", the paragraphs, trailing fields and "End of Document".
 *
 * Neither layout is strict, so the parsers keep back what they cannot
 * place yet (a block after the headline, a run of trailing fields, a
 * cover page) and decide when the next line shows what it was. */
#include "nsplit.h"

#include <string.h>

/* ---- lines kept back ---- */

struct hold {
	struct buf text;
	struct span *v;
	size_t n, cap;
};

static void
hold_add(struct hold *h, const char *s, size_t n)
{
	if (h->n == h->cap) {
		h->cap = h->cap ? 2 * h->cap : 64;
		h->v = nu_realloc(h->v, h->cap * sizeof *h->v);
	}
	h->v[h->n].off = h->text.len;
	h->v[h->n].len = n;
	h->n++;
	buf_add(&h->text, s, n);
}

static void
hold_reset(struct hold *h)
{
	h->n = 0;
	buf_reset(&h->text);
}

/* Hand src's lines to dst (whose old lines go), leaving src empty: the
 * caller can then replay dst while new lines gather in src. */
static void
hold_move(struct hold *dst, struct hold *src)
{
	struct hold t = *dst;

	*dst = *src;
	*src = t;
	hold_reset(src);
}

#define HS(h, i) ((h)->text.p + (h)->v[i].off)
#define HL(h, i) ((h)->v[i].len)

/* ---- small predicates ---- */

static void
trim(const char **s, size_t *n)
{
	size_t l = nu_ltrim(*s, *n);

	*s += l;
	*n = nu_rtrim(*s, *n - l);
}

/* Exports joined with cat(1) keep each one's byte order mark. */
static void
nobom(const char **s, size_t *n)
{
	if (nu_prefix(*s, *n, "\xef\xbb\xbf")) {
		*s += 3;
		*n -= 3;
	}
}

static int
same(const char *s, size_t n, const char *lit)
{
	return n == strlen(lit) && memcmp(s, lit, n) == 0;
}

static int
isdig(int c)
{
	return c >= '0' && c <= '9';
}

static int
isupper_(int c)
{
	return c >= 'A' && c <= 'Z';
}

static int
isletter(int c)
{
	return (c >= 'a' && c <= 'z') || isupper_(c) || c >= 0x80;
}

static int
isnbsp(const char *s, size_t n, size_t i)
{
	return i + 1 < n && (unsigned char)s[i] == 0xc2 && (unsigned char)s[i + 1] == 0xa0;
}

/* Columns of leading blanks: centred lines have many, text has none. */
static size_t
indent(const char *s, size_t n)
{
	size_t i, w = 0;

	for (i = 0; i < n && (s[i] == ' ' || s[i] == '\t'); i++)
		w += s[i] == '\t' ? 8 : 1;
	return w;
}

static int
icontains(const char *s, size_t n, const char *w)
{
	size_t i, k = strlen(w);

	for (i = 0; i + k <= n; i++)
		if (nu_iprefix(s + i, n - i, w))
			return 1;
	return 0;
}

static int
copyright(const char *s, size_t n)
{
	return nu_iprefix(s, n, "copyright") || nu_prefix(s, n, "\xc2\xa9") ||
	    nu_iprefix(s, n, "(c) ");
}

static int
reserved(const char *s, size_t n)
{
	return icontains(s, n, "rights reserved") || icontains(s, n, "rechte vorbehalten") ||
	    icontains(s, n, "droits r");
}

static unsigned long
number(const char *s, size_t n, size_t *i)
{
	unsigned long v = 0;

	while (*i < n && isdig((unsigned char)s[*i])) {
		if (v < 100000000UL)
			v = v * 10 + (unsigned long)(s[*i] - '0');
		(*i)++;
	}
	return v;
}

static const char *const weekdays[] = {
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

static int
weekday(const char *s, size_t n)
{
	char w[16];
	size_t i;

	if (n == 0 || n >= sizeof w)
		return 0;
	for (i = 0; i < n; i++)
		w[i] = isupper_((unsigned char)s[i]) ? (char)(s[i] + 32) : s[i];
	w[n] = '\0';
	for (i = 0; weekdays[i]; i++)
		if (strcmp(w, weekdays[i]) == 0)
			return 1;
	return 0;
}

/* A word a date line may carry: month, weekday, AM/PM, a zone ("AEST"). */
static int
dateword(const char *s, size_t n)
{
	size_t i;

	if (date_month(s, n) || weekday(s, n))
		return 1;
	if (n < 2 || n > 5)
		return 0;
	for (i = 0; i < n; i++)
		if (!isupper_((unsigned char)s[i]))
			return 0;
	return 1;
}

/* A line that is a date and little else: date_iso reads it, it begins
 * with a number, a month or a weekday, and at most two other words (an
 * edition) come along.  "Schedule for Sunday, April 20, 1400 GMT" is a
 * headline, not a date. */
static int
datelike(const char *s, size_t n)
{
	char iso[64];
	size_t i = 0, j, other = 0;
	int first = 1;

	if (n == 0 || n > 80 || !date_iso(s, n, iso))
		return 0;
	while (i < n) {
		unsigned char ch = (unsigned char)s[i];

		if (isnbsp(s, n, i)) {
			i += 2;
		} else if (isdig(ch)) {
			number(s, n, &i);
			first = 0;
		} else if (isletter(ch)) {
			for (j = i; j < n && isletter((unsigned char)s[j]) && !isnbsp(s, n, j); j++)
				;
			if (!dateword(s + i, j - i)) {
				if (first)
					return 0;
				other++;
			}
			first = 0;
			i = j;
		} else {
			i++;
		}
	}
	return other <= 2;
}

/* "23:22 Central European Time": the time of the date line above */
static int
timelike(const char *s, size_t n)
{
	size_t i = 0;

	number(s, n, &i);
	return (i == 1 || i == 2) && i + 2 < n && s[i] == ':' &&
	    isdig((unsigned char)s[i + 1]) && isdig((unsigned char)s[i + 2]);
}

/* "184 words": the length line of the later, unlabelled layout */
static int
wordcount(const char *s, size_t n)
{
	static const char *const w[] = {"words", "word", "woorden", "wörter", "worte",
		"mots", "palabras", "parole", "ord", NULL};
	size_t i = 0, k;

	while (i < n && (isdig((unsigned char)s[i]) || s[i] == ',' || s[i] == '.'))
		i++;
	if (i == 0 || !isdig((unsigned char)s[0]) || i == n || s[i] != ' ')
		return 0;
	while (i < n && s[i] == ' ')
		i++;
	for (k = 0; w[k]; k++)
		if (n - i == strlen(w[k]) && nu_iprefix(s + i, n - i, w[k]))
			return 1;
	return 0;
}

/* ---- a meta value built from several lines ---- */

enum { F_SPACE, F_TITLE, F_GLUE };

static struct {
	char key[48];
	struct buf v;
	int open, mode;
	int semi;		/* the last title line ended in ';' */
} fld;

static void
fld_flush(struct ctx *c)
{
	if (fld.open && fld.v.len)
		art_meta(c, fld.key, fld.v.p, fld.v.len);
	fld.open = 0;
	buf_reset(&fld.v);
}

static void
fld_start(struct ctx *c, const char *key, size_t klen, int mode)
{
	fld_flush(c);
	if (klen >= sizeof fld.key)
		klen = sizeof fld.key - 1;
	memcpy(fld.key, key, klen);
	fld.key[klen] = '\0';
	fld.open = 1;
	fld.mode = mode;
	fld.semi = 0;
}

static void
fld_new(struct ctx *c, const char *key, int mode)
{
	fld_start(c, key, strlen(key), mode);
}

/* Lines join with a space (URLs without).  LexisNexis ends the headline
 * proper with ';' at the end of a line, and what follows is a subtitle. */
static void
fld_add(struct ctx *c, const char *s, size_t n)
{
	trim(&s, &n);
	if (n == 0)
		return;
	if (fld.mode == F_TITLE && fld.semi) {
		fld.v.len--;
		fld_new(c, "subtitle", F_SPACE);
	}
	if (fld.v.len && fld.mode != F_GLUE)
		buf_addc(&fld.v, ' ');
	buf_add(&fld.v, s, n);
	fld.semi = s[n - 1] == ';';
}

/* ================ LexisNexis Academic ================ */

/* "1 of 10 DOCUMENTS", "FOCUS - 12 of 200 DOCUMENTS", "1 of 1 DOCUMENT",
 * "Dokument 1 von 20", "Document 1 de 20" (a whole line) */
static int
marker(const char *s, size_t n, unsigned long *no, unsigned long *tot)
{
	size_t i = 0, k;
	int de = 0, fr = 0;

	trim(&s, &n);
	if (nu_prefix(s, n, "FOCUS - "))
		i = 8;
	if (nu_prefix(s + i, n - i, "Dokument "))
		de = 1, i += 9;
	else if (nu_prefix(s + i, n - i, "Document "))
		fr = 1, i += 9;
	for (; i < n && s[i] == ' '; i++)
		;
	k = i;
	*no = number(s, n, &i);
	if (i == k || i == n || s[i] != ' ')
		return 0;
	for (; i < n && s[i] == ' '; i++)
		;
	if (de ? !nu_prefix(s + i, n - i, "von ") : fr ? !nu_prefix(s + i, n - i, "de ") :
	    !nu_prefix(s + i, n - i, "of ") && !nu_prefix(s + i, n - i, "OF "))
		return 0;
	i += de ? 4 : 3;
	for (; i < n && s[i] == ' '; i++)
		;
	k = i;
	*tot = number(s, n, &i);
	if (i == k)
		return 0;
	if (de || fr)
		return i == n;
	return same(s + i, n - i, " DOCUMENTS") || same(s + i, n - i, " DOCUMENT");
}

static int
sniff_ln(const char *s, size_t n, unsigned long lineno)
{
	unsigned long a, b;

	(void)lineno;
	return marker(s, n, &a, &b);
}

enum { K_HEAD, K_TAIL, K_TITLE, K_BODY };

/* The field keys that count as metadata; any other "WORD:" line is text
 * ("MID: Calm reigns in Gaza" in a wire digest). */
static const struct lnkey {
	const char *name, *key;
	int kind;
} lnkeys[] = {
	{"BYLINE", "byline", K_HEAD}, {"AUTOR", "byline", K_HEAD},
	{"AUTEUR", "byline", K_HEAD}, {"SIGNATURE", "byline", K_HEAD},
	{"NAME", "byline", K_HEAD},
	{"SECTION", "section", K_HEAD}, {"RUBRIK", "section", K_HEAD},
	{"RUBRIQUE", "section", K_HEAD},
	{"LENGTH", "length", K_HEAD}, {"LÄNGE", "length", K_HEAD},
	{"LONGUEUR", "length", K_HEAD}, {"LENGTE", "length", K_HEAD},
	{"DATELINE", "dateline", K_HEAD}, {"ORTSZEILE", "dateline", K_HEAD},
	{"HIGHLIGHT", "highlight", K_HEAD}, {"CHAPEAU", "highlight", K_HEAD},
	{"GUESTS", "guests", K_HEAD}, {"ANCHORS", "anchors", K_HEAD},
	{"BIO", "bio", K_HEAD}, {"SHOW", "show", K_HEAD},
	{"EDITION", "edition", K_HEAD},
	{"HEADLINE", "title", K_TITLE}, {"TITLE", "title", K_TITLE},
	{"TITRE", "title", K_TITLE}, {"KOP", "title", K_TITLE},
	{"BODY", "", K_BODY}, {"TEXT", "", K_BODY}, {"ARTICLE", "", K_BODY},
	{"LOAD-DATE", "load_date", K_TAIL}, {"DATE-CHARGEMENT", "load_date", K_TAIL},
	{"LANGUAGE", "language", K_TAIL}, {"SPRACHE", "language", K_TAIL},
	{"LANGUE", "language", K_TAIL}, {"TAAL", "language", K_TAIL},
	{"PUBLICATION-TYPE", "publication_type", K_TAIL},
	{"TYPE-PUBLICATION", "publication_type", K_TAIL},
	{"PUB-TYPE", "publication_type", K_TAIL},
	{"JOURNAL-CODE", "journal_code", K_TAIL}, {"CODE-REVUE", "journal_code", K_TAIL},
	{"UPDATE", "update", K_TAIL},
	{"GRAPHIC", "graphic", K_TAIL}, {"GRAFIK", "graphic", K_TAIL},
	{"DOCUMENT-TYPE", "document_type", K_TAIL}, {"TRANSCRIPT", "transcript", K_TAIL},
	{"SUBJECT", "subject", K_TAIL}, {"PUB-SUBJECT", "subject", K_TAIL},
	{"COMPANY", "company", K_TAIL}, {"ORGANIZATION", "organization", K_TAIL},
	{"PERSON", "person", K_TAIL}, {"GEOGRAPHIC", "geographic", K_TAIL},
	{"INDUSTRY", "industry", K_TAIL}, {"TICKER", "ticker", K_TAIL},
	{"CITY", "city", K_TAIL}, {"STATE", "state", K_TAIL},
	{"COUNTRY", "country", K_TAIL}, {"CORRECTION", "correction", K_TAIL},
	{"CORRECTION-DATE", "correction_date", K_TAIL}, {"NOTES", "notes", K_TAIL},
	{"DISTRIBUTION", "distribution", K_TAIL}, {"SERIES", "series", K_TAIL},
	{"TYPE", "type", K_TAIL}, {"URL", "url", K_TAIL},
	{"VIEW ORIGINAL PAGE", "view_original_page", K_TAIL},
	{NULL, NULL, 0},
};

/* "KEY: value" at the left margin, the key in capitals (non-ASCII letters
 * allowed: LÄNGE), the colon followed by a blank or the line end.  *vo is
 * where the value starts. */
static int
ucase_key(const char *s, size_t n, size_t *klen, size_t *vo)
{
	size_t i;

	if (n == 0 || !(isupper_((unsigned char)s[0]) || (unsigned char)s[0] >= 0x80))
		return 0;
	for (i = 0; i < n && i < 40 && s[i] != ':'; i++) {
		unsigned char ch = (unsigned char)s[i];

		if (!isupper_(ch) && ch < 0x80 && ch != '-' && ch != ' ')
			return 0;
	}
	if (i == n || s[i] != ':' || s[i - 1] == ' ')
		return 0;
	*klen = i++;
	if (i < n && s[i] != ' ' && s[i] != '\t' && !isnbsp(s, n, i))
		return 0;
	*vo = i;
	return 1;
}

static const struct lnkey *
lnkey(const char *s, size_t klen)
{
	const struct lnkey *k;

	for (k = lnkeys; k->name; k++)
		if (same(s, klen, k->name))
			return k;
	return NULL;
}

/* a known key line: its entry, or NULL */
static const struct lnkey *
known(const char *s, size_t n, size_t *vo)
{
	size_t kl;

	if (!ucase_key(s, n, &kl, vo))
		return NULL;
	return lnkey(s, kl);
}

/* The first line of a cover page: a second export begins. */
static int
opener(const char *s, size_t n)
{
	return nu_prefix(s, n, "Download Request:") || nu_prefix(s, n, "Printopdracht:");
}

enum { L_COVER, L_HEAD, L_KEYS, L_BODY, L_TRAIL, L_BETWEEN };
enum { B_NONE, B_COPY, B_SOURCE, B_DATE, B_EDITION, B_KEYV, B_URL, B_TITLE, B_HELD };

static struct {
	int st;			/* L_... */
	int blk;		/* what the head block being read is (B_...) */
	int bstart;		/* the next line starts a block */
	int source, date, title, byline;	/* the article has them */
	int await;		/* a field with no value yet takes the next block */
	int pawait;		/* the same, in the kept-back trailing block */
	int closed;		/* the article's kept-back lines are placed */
	int seen;		/* a marker opened the article */
	int error;		/* it is an error document */
	unsigned long nbody;	/* its body lines */
	unsigned long markline;	/* line of its marker */
	unsigned long no, tot;	/* its "no of tot" */
	int run;		/* a run of increasing numbers is open: */
	unsigned long first, last, total;	/* its first and last number, its M */
} ln;

/* held: a text block after the headline (a byline, or the body's first
 * paragraph); pend: a body block that begins with a known key (the
 * trailing fields, or text); cov: lines before a marker (a cover page). */
static struct hold held, pend, cov, replay;

static void
ln_body(struct ctx *c, const char *s, size_t n)
{
	trim(&s, &n);
	art_line(c, s, n);
	if (n)
		ln.nbody++;
}

static void
held_body(struct ctx *c)
{
	size_t i;

	if (!held.n)
		return;
	for (i = 0; i < held.n; i++)
		ln_body(c, HS(&held, i), HL(&held, i));
	art_line(c, "", 0);
	hold_reset(&held);
}

/* A field follows the held block: a single short line before a head field
 * is the byline ("VAN ONZE CORRESPONDENT", "Sylvia Maier"); anything else
 * was text. */
static void
held_place(struct ctx *c, const struct lnkey *k)
{
	if (held.n == 1 && HL(&held, 0) <= 80 && k->kind == K_HEAD && !ln.byline) {
		art_meta(c, "byline", HS(&held, 0), HL(&held, 0));
		ln.byline = 1;
		hold_reset(&held);
	}
	held_body(c);
}

/* One line of the field block.  Returns 0 when the line is neither a field
 * nor part of one; any: unknown UPPER-CASE keys are fields too. */
static int
keys_line(struct ctx *c, const char *s, size_t n, int bs, int any)
{
	const struct lnkey *k;
	const char *t = s;
	size_t tn = n, kl, vo;

	trim(&t, &tn);
	if (tn == 0) {
		if (fld.open && !fld.v.len)
			ln.await = 1;
		else
			fld_flush(c);
		return 1;
	}
	if (!bs) {
		if (!fld.open)
			return 0;
		fld_add(c, t, tn);
		return 1;
	}
	k = NULL;
	if (indent(s, n) == 0 && ucase_key(s, n, &kl, &vo) && ((k = lnkey(s, kl)) || any)) {
		ln.await = 0;
		if (k && k->kind == K_BODY) {
			fld_flush(c);
			ln.st = L_BODY;
			ln_body(c, s + vo, n - vo);
			return 1;
		}
		if (k)
			fld_new(c, k->key, k->kind == K_TITLE ? F_TITLE : F_SPACE);
		else
			fld_start(c, s, kl, F_SPACE);
		ln.title |= k && k->kind == K_TITLE;
		ln.byline |= k && strcmp(k->key, "byline") == 0;
		fld_add(c, s + vo, n - vo);
		return 1;
	}
	if (ln.await && fld.open) {
		ln.await = 0;
		fld_add(c, t, tn);
		return 1;
	}
	fld_flush(c);
	return 0;
}

static void
pend_meta(struct ctx *c)
{
	size_t i;
	int bs = 1;

	ln.await = 0;
	for (i = 0; i < pend.n; i++) {
		keys_line(c, HS(&pend, i), HL(&pend, i), bs, 1);
		bs = nu_rtrim(HS(&pend, i), HL(&pend, i)) == nu_ltrim(HS(&pend, i), HL(&pend, i));
	}
	fld_flush(c);
	hold_reset(&pend);
}

static void
pend_body(struct ctx *c)
{
	size_t i;

	for (i = 0; i < pend.n; i++)
		ln_body(c, HS(&pend, i), HL(&pend, i));
	hold_reset(&pend);
}

static void
trail_start(struct ctx *c, const char *t, size_t tn)
{
	fld_new(c, "copyright", F_SPACE);
	fld_add(c, t, tn);
	ln.st = L_TRAIL;
}

/* The centred copyright that closes an article (or a left one that
 * follows the trailing fields: it fills the line, so it has no indent). */
static int
closing(const char *s, size_t n, const char *t, size_t tn, int afterkeys)
{
	return (indent(s, n) >= 2 || afterkeys) && (copyright(t, tn) || reserved(t, tn));
}

/* A line while a trailing block may have begun.  Returns 0 when the line
 * shows the block was text after all (it is then body, and so is this). */
static int
pend_line(struct ctx *c, const char *s, size_t n, int bs)
{
	const char *t = s;
	size_t tn = n, kl, vo;

	trim(&t, &tn);
	if (tn == 0 || !bs) {
		hold_add(&pend, s, n);
		ln.pawait &= tn == 0;
		return 1;
	}
	if (indent(s, n) == 0 && ucase_key(s, n, &kl, &vo)) {
		hold_add(&pend, s, n);
		ln.pawait = nu_ltrim(s + vo, n - vo) == n - vo;
		return 1;
	}
	if (ln.pawait) {
		hold_add(&pend, s, n);
		ln.pawait = 0;
		return 1;
	}
	if (closing(s, n, t, tn, 1)) {
		pend_meta(c);
		trail_start(c, t, tn);
		return 1;
	}
	pend_body(c);
	return 0;
}

static void
body_line(struct ctx *c, const char *s, size_t n, int bs)
{
	const char *t = s;
	size_t tn = n, vo;

	if (pend.n && pend_line(c, s, n, bs))
		return;
	trim(&t, &tn);
	if (bs && tn && closing(s, n, t, tn, 0)) {
		trail_start(c, t, tn);
		return;
	}
	if (bs && indent(s, n) == 0 && known(s, n, &vo)) {
		hold_add(&pend, s, n);
		ln.pawait = nu_ltrim(s + vo, n - vo) == n - vo;
		return;
	}
	ln_body(c, t, tn);
}

static void
trail_line(struct ctx *c, const char *s, size_t n, int bs)
{
	const char *t = s;
	size_t tn = n;

	trim(&t, &tn);
	if (tn == 0) {
		fld_flush(c);
		return;
	}
	if (!bs && fld.open) {
		fld_add(c, t, tn);
		return;
	}
	if (copyright(t, tn) || reserved(t, tn)) {
		trail_start(c, t, tn);
		return;
	}
	/* past the article: a cover page, or stray lines, until a marker */
	fld_flush(c);
	ln.st = L_BETWEEN;
	hold_add(&cov, s, n);
}

/* Copyright lines in the head: above the source, or centred.  A line
 * right under one continues it when it is the "All Rights Reserved". */
static int
head_copy(struct ctx *c, const char *t, size_t tn, size_t ind, int bs)
{
	if (copyright(t, tn) && (ind >= 2 || !ln.source)) {
		fld_new(c, "copyright", F_SPACE);
	} else if (reserved(t, tn) && (ind >= 2 || !ln.source)) {
		if (bs || ln.blk != B_COPY)
			fld_new(c, "copyright", F_SPACE);
	} else {
		return 0;
	}
	fld_add(c, t, tn);
	ln.blk = B_COPY;
	return 1;
}

/* A head line at the left margin: the headline, then at most one block
 * kept back until the next line tells whether it was the byline. */
static void
head_left(struct ctx *c, const char *t, size_t tn, int bs)
{
	if (!ln.title) {
		fld_new(c, "title", F_TITLE);
		fld_add(c, t, tn);
		ln.title = 1;
		ln.blk = B_TITLE;
		return;
	}
	if (!bs && ln.blk == B_TITLE) {
		fld_add(c, t, tn);
		return;
	}
	if (!bs && ln.blk == B_HELD) {
		hold_add(&held, t, tn);
		return;
	}
	if (!held.n) {
		fld_flush(c);
		hold_add(&held, t, tn);
		ln.blk = B_HELD;
		return;
	}
	/* a second block of text: the body has begun */
	held_body(c);
	ln.st = L_BODY;
	ln_body(c, t, tn);
}

/* The head: continuation lines of the block being read, then the date,
 * the source (the first line that is nothing else), URL, word count,
 * centred edition lines, and the headline at the left margin. */
static void
head_rest(struct ctx *c, const char *t, size_t tn, size_t ind, int bs)
{
	if (!ln.date && datelike(t, tn)) {
		fld_new(c, "date", F_SPACE);
		ln.date = 1;
		ln.blk = B_DATE;
	} else if (!bs && ln.blk == B_DATE) {
		if (!timelike(t, tn) && !weekday(t, tn)) {
			fld_new(c, "edition", F_SPACE);
			ln.blk = B_EDITION;
		}
	} else if (!ln.source) {
		fld_new(c, "source_name", F_SPACE);
		ln.source = 1;
		ln.blk = B_SOURCE;
	} else if (!bs && (ln.blk == B_SOURCE || ln.blk == B_EDITION || ln.blk == B_KEYV ||
	    ln.blk == B_URL)) {
		/* continues the field */
	} else if (!bs && ln.blk == B_TITLE && ind >= 2 && strcmp(fld.key, "title") == 0) {
		/* a centred block whose first line filled the width: no headline */
		strcpy(fld.key, "edition");
		fld.mode = F_SPACE;
		ln.title = 0;
		ln.blk = B_EDITION;
	} else if (nu_prefix(t, tn, "http://") || nu_prefix(t, tn, "https://")) {
		fld_new(c, "url", F_GLUE);
		ln.blk = B_URL;
	} else if (wordcount(t, tn)) {
		fld_new(c, "length", F_SPACE);
		ln.blk = B_NONE;
	} else if (ind >= 2) {
		fld_new(c, "edition", F_SPACE);
		ln.blk = B_EDITION;
	} else {
		head_left(c, t, tn, bs);
		return;
	}
	fld_add(c, t, tn);
}

static void
head_line(struct ctx *c, const char *s, size_t n, int bs)
{
	const struct lnkey *k;
	const char *t = s;
	size_t tn = n, ind = indent(s, n), kl, vo;

	trim(&t, &tn);
	if (tn == 0) {
		fld_flush(c);
		ln.blk = B_NONE;
		return;
	}
	if (nu_iprefix(t, tn, "We are sorry but there is an error")) {
		fld_flush(c);
		art_meta(c, "error", t, tn);
		ln.error = 1;
		ln.blk = B_NONE;
		nu_warn("%s:%lu: document %lu of %lu is an error document (the export could not show it)",
		    c->source, c->lineno, ln.no, ln.tot);
		return;
	}
	if (head_copy(c, t, tn, ind, bs))
		return;
	if (ind == 0 && (k = known(s, n, &vo))) {
		fld_flush(c);
		if (held.n)
			held_place(c, k);
		ln.st = L_KEYS;
		keys_line(c, s, n, 1, 0);
		return;
	}
	if (ind >= 2 && ucase_key(t, tn, &kl, &vo)) {
		/* a centred "SHOW: ..." line */
		fld_start(c, t, kl, F_SPACE);
		fld_add(c, t + vo, tn - vo);
		ln.blk = B_KEYV;
		return;
	}
	head_rest(c, t, tn, ind, bs);
}

static void
keys_text(struct ctx *c, const char *s, size_t n, int bs)
{
	const char *t = s;
	size_t tn = n;

	if (keys_line(c, s, n, bs, 0))
		return;
	trim(&t, &tn);
	if (closing(s, n, t, tn, 0)) {
		trail_start(c, t, tn);
		return;
	}
	ln.st = L_BODY;
	body_line(c, s, n, bs);
}

/* Place what the article kept back; it stays open for a trailer. */
static void
ln_close(struct ctx *c)
{
	if (ln.closed)
		return;
	ln.closed = 1;
	fld_flush(c);
	held_body(c);
	if (pend.n)
		pend_meta(c);
	if (ln.seen && !ln.title && !ln.nbody && !ln.error)
		nu_warn("%s:%lu: document %lu of %lu has no headline and no text",
		    c->source, ln.markline, ln.no, ln.tot);
}

/* Numbers run up within one export; a number that does not go up, or a
 * new total, starts the next export.  Each run announces last - first + 1
 * documents, so a gap shows as missing articles. */
static void
ln_count(struct ctx *c, unsigned long no, unsigned long tot)
{
	if (ln.run && no > ln.last && tot == ln.total) {
		if (no > ln.last + 1)
			nu_warn("%s:%lu: document %lu of %lu follows %lu of %lu: %lu missing",
			    c->source, c->lineno, no, tot, ln.last, tot, no - ln.last - 1);
		ln.last = no;
		return;
	}
	if (ln.run)
		c->expected += ln.last - ln.first + 1;
	ln.run = 1;
	ln.first = ln.last = no;
	ln.total = tot;
}

static void
ln_fresh(void)
{
	ln.st = L_HEAD;
	ln.blk = B_NONE;
	ln.bstart = 1;
	ln.source = ln.date = ln.title = ln.byline = 0;
	ln.await = ln.pawait = ln.closed = ln.error = 0;
	ln.nbody = 0;
}

static void
ln_begin(struct ctx *c, const char *s, size_t n, unsigned long no, unsigned long tot)
{
	size_t i;
	const char *t;
	size_t tn;

	ln_close(c);
	ln_count(c, no, tot);
	art_start(c);
	for (i = 0; i < cov.n; i++) {
		t = HS(&cov, i);
		tn = HL(&cov, i);
		trim(&t, &tn);
		if (tn)
			art_meta(c, "cover", t, tn);
	}
	hold_reset(&cov);
	trim(&s, &n);
	art_meta(c, "document", s, n);
	ln_fresh();
	ln.seen = 1;
	ln.markline = c->lineno;
	ln.no = no;
	ln.tot = tot;
}

static void
ln_line(struct ctx *c, const char *s, size_t n)
{
	int bs = ln.bstart;
	unsigned long no, tot;

	nobom(&s, &n);
	ln.bstart = nu_ltrim(s, n) == n;
	if (marker(s, n, &no, &tot)) {
		ln_begin(c, s, n, no, tot);
		return;
	}
	if (ln.st == L_COVER || ln.st == L_BETWEEN) {
		hold_add(&cov, s, n);
		return;
	}
	if (ln.st != L_HEAD && bs && opener(s, n)) {
		ln_close(c);
		ln.st = L_BETWEEN;
		hold_add(&cov, s, n);
		return;
	}
	switch (ln.st) {
	case L_HEAD:
		head_line(c, s, n, bs);
		break;
	case L_KEYS:
		keys_text(c, s, n, bs);
		break;
	case L_BODY:
		body_line(c, s, n, bs);
		break;
	default:
		trail_line(c, s, n, bs);
		break;
	}
}

static void
ln_start(struct ctx *c)
{
	memset(&ln, 0, sizeof ln);
	ln.st = L_COVER;
	ln.bstart = 1;
	hold_reset(&held);
	hold_reset(&pend);
	hold_reset(&cov);
	fld.open = 0;
	buf_reset(&fld.v);
	c->paras = 0;
	c->wrap = 1;	/* bodies are wrapped at about 80 columns */
}

/* No marker at all (the format was forced): the input is one article. */
static void
ln_unmarked(struct ctx *c)
{
	size_t i;

	hold_move(&replay, &cov);
	ln_fresh();
	art_start(c);
	for (i = 0; i < replay.n; i++)
		ln_line(c, HS(&replay, i), HL(&replay, i));
}

static void
ln_finish(struct ctx *c)
{
	size_t i;
	const char *t;
	size_t tn;

	if (ln.st == L_COVER)
		ln_unmarked(c);
	ln_close(c);
	for (i = 0; i < cov.n; i++) {
		t = HS(&cov, i);
		tn = HL(&cov, i);
		trim(&t, &tn);
		if (tn)
			art_meta(c, "trailer", t, tn);
	}
	hold_reset(&cov);
	if (ln.run)
		c->expected += ln.last - ln.first + 1;
	ln.run = 0;
	art_finish(c);
}

/* ================ Nexis Uni ================ */

static int
sniff_nu(const char *s, size_t n, unsigned long lineno)
{
	(void)lineno;
	trim(&s, &n);
	return same(s, n, "End of Document");
}

/* "Key:\u00a0value" (or a plain space): a capital, then letters, blanks,
 * '-' or '/', at most four words, before the colon. */
static int
keyform(const char *s, size_t n, size_t *klen, size_t *vo)
{
	size_t i, words = 1;

	if (n == 0 || !isupper_((unsigned char)s[0]))
		return 0;
	for (i = 1; i < n && i < 40 && s[i] != ':'; i++) {
		unsigned char ch = (unsigned char)s[i];

		if (ch == ' ')
			words++;
		else if (!isletter(ch) && ch != '-' && ch != '/')
			return 0;
	}
	if (i == n || s[i] != ':' || words > 4 || s[i - 1] == ' ')
		return 0;
	*klen = i++;
	if (i < n && s[i] != ' ' && !isnbsp(s, n, i))
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
		if (same(s, kl, k[i]))
			return 1;
	return 0;
}

/* "12. Headline" in the cover's list of documents */
static int
numbered(const char *s, size_t n)
{
	size_t i = 0;

	number(s, n, &i);
	return i > 0 && i < 6 && i + 1 < n && s[i] == '.' && s[i + 1] == ' ';
}

/* "Documents (10)": returns 10, or 0 */
static unsigned long
announced(const char *s, size_t n)
{
	size_t i;
	unsigned long v;

	if (nu_prefix(s, n, "Documents ("))
		i = 11;
	else if (nu_prefix(s, n, "Dokumente ("))
		i = 11;
	else
		return 0;
	v = number(s, n, &i);
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

	if (numbered(s, n) || announced(s, n))
		return 1;
	for (i = 0; k[i]; i++) {
		l = strlen(k[i]);
		if (nu_prefix(s, n, k[i]) && (n == l || s[l] == ':'))
			return 1;
	}
	return 0;
}

enum { N_SEG, N_HEAD, N_BODY, N_TAIL };

static struct {
	int st;
	int k;			/* head lines read */
	int date, keys;		/* the head has a date line, fields */
	int graphic;		/* the tail is in its "Graphic" part */
	int cover;		/* the lines kept back show a cover page */
	int any;		/* an article was begun */
} nu;

/* seg: lines after "End of Document" (or the input start) until it is
 * clear where the next article begins */
static struct hold seg;

#define NONE ((size_t)-1)

static size_t
prevline(const struct hold *h, size_t i)
{
	while (i-- > 0)
		if (HL(h, i))
			return i;
	return NONE;
}

static size_t
nextline(const struct hold *h, size_t i)
{
	for (; i < h->n; i++)
		if (HL(h, i))
			return i;
	return NONE;
}

/* The article starts two lines above its date line (headline,
 * publication, date), unless those lines belong to the cover. */
static size_t
datestart(size_t d)
{
	size_t p1 = prevline(&seg, d), p2;

	if (p1 == NONE || (p2 = prevline(&seg, p1)) == NONE)
		return NONE;
	if (coverline(HS(&seg, p1), HL(&seg, p1)) || coverline(HS(&seg, p2), HL(&seg, p2)))
		return NONE;
	return p2;
}

/* No date line was seen.  From "Body" go up over the fields and the
 * copyright to the date line, publication and headline; else take the
 * line after the last cover line. */
static size_t
fallback(struct ctx *c, size_t trig)
{
	size_t i = trig, kl, vo, p1, p2;

	if (same(HS(&seg, trig), HL(&seg, trig), "Body")) {
		while ((i = prevline(&seg, i)) != NONE && (keyform(HS(&seg, i), HL(&seg, i), &kl, &vo) ||
		    copyright(HS(&seg, i), HL(&seg, i))))
			;
		if (i != NONE && (p1 = prevline(&seg, i)) != NONE &&
		    (p2 = prevline(&seg, p1)) != NONE &&
		    !coverline(HS(&seg, p1), HL(&seg, p1)) && !coverline(HS(&seg, p2), HL(&seg, p2)))
			return p2;
	}
	if (!nu.cover)
		return nextline(&seg, 0);
	for (i = trig; i > 0 && !coverline(HS(&seg, i - 1), HL(&seg, i - 1)); i--)
		;
	if ((i = nextline(&seg, i)) == NONE)
		i = trig;
	nu_warn("%s:%lu: cannot tell where the cover page ends: article taken to start at \"%.*s\"",
	    c->source, c->lineno, (int)(HL(&seg, i) > 40 ? 40 : HL(&seg, i)), HS(&seg, i));
	return i;
}

static void nu_line(struct ctx *, const char *, size_t);

/* Lines before start are the cover of the article that starts there. */
static void
seg_resolve(struct ctx *c, size_t start)
{
	size_t i;

	hold_move(&replay, &seg);
	art_start(c);
	nu.any = 1;
	for (i = 0; i < start && i < replay.n; i++)
		if (HL(&replay, i))
			art_meta(c, "cover", HS(&replay, i), HL(&replay, i));
	nu.st = N_HEAD;
	nu.k = nu.date = nu.keys = nu.graphic = nu.cover = 0;
	for (; i < replay.n; i++)
		nu_line(c, HS(&replay, i), HL(&replay, i));
}

static void
seg_line(struct ctx *c, const char *t, size_t tn)
{
	size_t kl, vo, p;

	hold_add(&seg, t, tn);
	if (tn == 0)
		return;
	if (coverline(t, tn)) {
		nu.cover = 1;
		c->expected += announced(t, tn);
	}
	if (same(t, tn, "End of Document") || same(t, tn, "Body")) {
		seg_resolve(c, fallback(c, seg.n - 1));
		return;
	}
	if (datelike(t, tn) && !keyform(t, tn, &kl, &vo) && !numbered(t, tn) &&
	    (p = datestart(seg.n - 1)) != NONE)
		seg_resolve(c, p);
}

static void
nu_key(struct ctx *c, const char *t, size_t tn, size_t kl, size_t vo)
{
	char key[48];

	if (same(t, kl, "Byline") || same(t, kl, "Author")) {
		art_meta(c, "byline", t + vo, tn - vo);
		return;
	}
	memcpy(key, t, kl);
	key[kl] = '\0';
	art_meta(c, key, t + vo, tn - vo);
}

static void
nu_tail(const char *t, size_t tn)
{
	nu.st = N_TAIL;
	nu.graphic = same(t, tn, "Graphic");
}

static void
nhead_line(struct ctx *c, const char *t, size_t tn)
{
	size_t kl, vo;

	if (tn == 0)
		return;
	if (nu.k++ == 0)
		art_meta(c, "title", t, tn);
	else if (same(t, tn, "Body") || same(t, tn, "Text"))
		nu.st = N_BODY;
	else if (same(t, tn, "Graphic") || same(t, tn, "Classification"))
		nu_tail(t, tn);
	else if (!nu.date && datelike(t, tn))
		art_meta(c, "date", t, tn), nu.date = 1;
	else if (nu.k == 2)
		art_meta(c, "source_name", t, tn);
	else if (copyright(t, tn))
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
		if (keyform(HS(&pend, i), HL(&pend, i), &kl, &vo))
			nu_key(c, HS(&pend, i), HL(&pend, i), kl, vo);
	hold_reset(&pend);
}

/* After a trailing field in the body: more fields keep the run, text
 * shows it was text. */
static int
npend_line(struct ctx *c, const char *t, size_t tn)
{
	size_t kl, vo, i;

	if (tn == 0)
		return 1;
	if (keyform(t, tn, &kl, &vo)) {
		hold_add(&pend, t, tn);
		return 1;
	}
	if (same(t, tn, "Graphic") || same(t, tn, "Classification")) {
		npend_meta(c);
		nu_tail(t, tn);
		return 1;
	}
	for (i = 0; i < pend.n; i++)
		art_line(c, HS(&pend, i), HL(&pend, i));
	hold_reset(&pend);
	return 0;
}

static void
nbody_line(struct ctx *c, const char *t, size_t tn)
{
	if (pend.n && npend_line(c, t, tn))
		return;
	if (tn == 0)
		return;
	if (same(t, tn, "Graphic") || same(t, tn, "Classification"))
		nu_tail(t, tn);
	else if (tailkey(t, tn))
		hold_add(&pend, t, tn);
	else
		art_line(c, t, tn);
}

static void
ntail_line(struct ctx *c, const char *t, size_t tn)
{
	size_t kl, vo;

	if (tn == 0)
		return;
	if (same(t, tn, "Classification"))
		nu.graphic = 0;
	else if (keyform(t, tn, &kl, &vo))
		nu_key(c, t, tn, kl, vo);
	else
		art_meta(c, nu.graphic ? "graphic" : "classification", t, tn);
}

static void
nu_line(struct ctx *c, const char *s, size_t n)
{
	nobom(&s, &n);
	trim(&s, &n);
	if (nu.st == N_SEG) {
		seg_line(c, s, n);
		return;
	}
	if (same(s, n, "End of Document")) {
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
	hold_reset(&seg);
	hold_reset(&pend);
	c->paras = 1;
}

static void
nu_finish(struct ctx *c)
{
	size_t i;

	if (nu.st != N_SEG) {
		npend_meta(c);
		nu_warn("%s:%lu: the last article has no \"End of Document\"", c->source, c->lineno);
	} else if (!nu.any && nextline(&seg, 0) != NONE) {
		/* no article was found (the format was forced): one article */
		seg_resolve(c, fallback(c, prevline(&seg, seg.n)));
		npend_meta(c);
	} else {
		for (i = 0; i < seg.n; i++)
			if (HL(&seg, i))
				art_meta(c, "trailer", HS(&seg, i), HL(&seg, i));
	}
	hold_reset(&seg);
	art_finish(c);
}

const struct fmt fmt_lexisnexis = {"lexisnexis", sniff_ln, ln_start, ln_line, ln_finish};
const struct fmt fmt_nexisuni = {"nexisuni", sniff_nu, nu_start, nu_line, nu_finish};
