/* fmt_lexis.c: LexisNexis Academic text exports.
 *
 * LexisNexis Academic (to 2019) writes "N of M DOCUMENTS" above each
 * article, then a centred head (copyright, source, date, edition), the
 * headline at the left margin, UPPER-CASE "KEY: value" fields, the
 * hard-wrapped body, a trailing block of fields and a centred copyright.
 *
 * The layout is not strict, so the parser keeps back what it cannot place
 * yet (a block after the headline, a run of trailing fields, a cover page)
 * and decides when the next line shows what it was.
 *
 * Most lines are body text: each is measured once (trimmed, its indent
 * counted) and classified by its first bytes, so that a body line costs a
 * few comparisons on top of the article builder's work. */
#include "nsplit.h"

#include <string.h>

/* One input line, measured once. */
struct line {
	const char *s;		/* as read, blanks kept */
	size_t n;
	const char *t;		/* without the blanks at either end */
	size_t tn;
	size_t ind;		/* columns of leading blanks: centred lines have many */
	int bs;			/* it starts a block: the line before was blank */
};

/* Columns of leading blanks, and the bytes of them (with U+00A0, which
 * counts as no column) in *l. */
static size_t
indent(const char *s, size_t n, size_t *l)
{
	size_t i, w = 0;

	for (i = 0; i < n && (s[i] == ' ' || s[i] == '\t'); i++)
		w += s[i] == '\t' ? 8 : 1;
	*l = i + nu_ltrim(s + i, n - i);
	return w;
}

static void
measure(struct line *L, const char *s, size_t n, int bs)
{
	size_t l = 0;

	L->s = s;
	L->n = n;
	L->bs = bs;
	/* a third of an export's lines are blank, most of the rest start
	 * with a letter at the margin */
	L->ind = n && (unsigned char)s[0] <= ' ' ? indent(s, n, &l) : 0;
	if (!L->ind && n && (unsigned char)s[0] == 0xc2)
		l = nu_ltrim(s, n);
	L->t = s + l;
	L->tn = nu_rtrim(s + l, n - l);
}

/* "All rights reserved" (or the German or French words) anywhere in the
 * line: one pass that looks further only at an 'r' or a 'd'. */
static int
reserved(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		switch (s[i] | 32) {
		case 'r':
			if (nu_iprefix(s + i, n - i, "rights reserved") ||
			    nu_iprefix(s + i, n - i, "rechte vorbehalten"))
				return 1;
			break;
		case 'd':
			if (nu_iprefix(s + i, n - i, "droits r"))
				return 1;
			break;
		}
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
	nu_trim(&s, &n);
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

/* ---- the shapes of lines ---- */

/* "1 of 10 DOCUMENTS", "FOCUS - 12 of 200 DOCUMENTS", "1 of 1 DOCUMENT",
 * "Dokument 1 von 20", "Document 1 de 20" (a whole line, trimmed) */
static int
marker(const char *s, size_t n, unsigned long *no, unsigned long *tot)
{
	size_t i = 0, k;
	int de = 0, fr = 0;

	/* nearly every line fails here */
	if (n < 8 || !(nu_isdigit((unsigned char)s[0]) || s[0] == 'F' || s[0] == 'D') ||
	    !(s[n - 1] == 'S' || s[n - 1] == 'T' || nu_isdigit((unsigned char)s[n - 1])))
		return 0;
	if (nu_prefix(s, n, "FOCUS - "))
		i = 8;
	if (nu_prefix(s + i, n - i, "Dokument "))
		de = 1, i += 9;
	else if (nu_prefix(s + i, n - i, "Document "))
		fr = 1, i += 9;
	for (; i < n && s[i] == ' '; i++)
		;
	k = i;
	*no = fmt_number(s, n, &i);
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
	*tot = fmt_number(s, n, &i);
	if (i == k)
		return 0;
	if (de || fr)
		return i == n;
	return nu_eq(s + i, n - i, " DOCUMENTS") || nu_eq(s + i, n - i, " DOCUMENT");
}

static int
sniff(const char *s, size_t n, unsigned long lineno)
{
	unsigned long a, b;

	(void)lineno;
	nu_trim(&s, &n);
	return marker(s, n, &a, &b);
}

enum { K_HEAD, K_TAIL, K_TITLE, K_BODY };
static const char byline[] = "byline";	/* the keys that give it point here */

/* The field keys that count as metadata; any other "WORD:" line is text
 * ("MID: Calm reigns in Gaza" in a wire digest). */
#define K(name, key, kind) {name, sizeof name - 1, key, kind}
static const struct lnkey {
	const char *name;
	size_t len;	/* of the name: most keys differ in it */
	const char *key;
	int kind;
} lnkeys[] = {
	K("BYLINE", byline, K_HEAD), K("AUTOR", byline, K_HEAD),
	K("AUTEUR", byline, K_HEAD), K("SIGNATURE", byline, K_HEAD),
	K("NAME", byline, K_HEAD),
	K("SECTION", "section", K_HEAD), K("RUBRIK", "section", K_HEAD),
	K("RUBRIQUE", "section", K_HEAD),
	K("LENGTH", "length", K_HEAD), K("LÄNGE", "length", K_HEAD),
	K("LONGUEUR", "length", K_HEAD), K("LENGTE", "length", K_HEAD),
	K("DATELINE", "dateline", K_HEAD), K("ORTSZEILE", "dateline", K_HEAD),
	K("HIGHLIGHT", "highlight", K_HEAD), K("CHAPEAU", "highlight", K_HEAD),
	K("GUESTS", "guests", K_HEAD), K("ANCHORS", "anchors", K_HEAD),
	K("BIO", "bio", K_HEAD), K("SHOW", "show", K_HEAD),
	K("EDITION", "edition", K_HEAD),
	K("HEADLINE", "title", K_TITLE), K("TITLE", "title", K_TITLE),
	K("TITRE", "title", K_TITLE), K("KOP", "title", K_TITLE),
	K("BODY", "", K_BODY), K("TEXT", "", K_BODY), K("ARTICLE", "", K_BODY),
	K("LOAD-DATE", "load_date", K_TAIL), K("DATE-CHARGEMENT", "load_date", K_TAIL),
	K("LANGUAGE", "language", K_TAIL), K("SPRACHE", "language", K_TAIL),
	K("LANGUE", "language", K_TAIL), K("TAAL", "language", K_TAIL),
	K("PUBLICATION-TYPE", "publication_type", K_TAIL),
	K("TYPE-PUBLICATION", "publication_type", K_TAIL),
	K("PUB-TYPE", "publication_type", K_TAIL),
	K("JOURNAL-CODE", "journal_code", K_TAIL), K("CODE-REVUE", "journal_code", K_TAIL),
	K("UPDATE", "update", K_TAIL),
	K("GRAPHIC", "graphic", K_TAIL), K("GRAFIK", "graphic", K_TAIL),
	K("DOCUMENT-TYPE", "document_type", K_TAIL), K("TRANSCRIPT", "transcript", K_TAIL),
	K("SUBJECT", "subject", K_TAIL), K("PUB-SUBJECT", "subject", K_TAIL),
	K("COMPANY", "company", K_TAIL), K("ORGANIZATION", "organization", K_TAIL),
	K("PERSON", "person", K_TAIL), K("GEOGRAPHIC", "geographic", K_TAIL),
	K("INDUSTRY", "industry", K_TAIL), K("TICKER", "ticker", K_TAIL),
	K("CITY", "city", K_TAIL), K("STATE", "state", K_TAIL),
	K("COUNTRY", "country", K_TAIL), K("CORRECTION", "correction", K_TAIL),
	K("CORRECTION-DATE", "correction_date", K_TAIL), K("NOTES", "notes", K_TAIL),
	K("DISTRIBUTION", "distribution", K_TAIL), K("SERIES", "series", K_TAIL),
	K("TYPE", "type", K_TAIL), K("URL", "url", K_TAIL),
	K("VIEW ORIGINAL PAGE", "view_original_page", K_TAIL),
	{NULL, 0, NULL, 0},
};
#undef K

/* "KEY: value" at the left margin, the key in capitals (non-ASCII letters
 * allowed: LÄNGE), the colon followed by a blank or the line end.  *vo is
 * where the value starts. */
static int
ucase_key(const char *s, size_t n, size_t *klen, size_t *vo)
{
	size_t i;

	if (n == 0 || !(nu_isupper((unsigned char)s[0]) || (unsigned char)s[0] >= 0x80))
		return 0;
	for (i = 0; i < n && i < 40 && s[i] != ':'; i++) {
		unsigned char ch = (unsigned char)s[i];

		if (!nu_isupper(ch) && ch < 0x80 && ch != '-' && ch != ' ')
			return 0;
	}
	if (i == n || s[i] != ':' || s[i - 1] == ' ')
		return 0;
	*klen = i++;
	if (i < n && s[i] != ' ' && s[i] != '\t' && !fmt_nbsp(s, n, i))
		return 0;
	*vo = i;
	return 1;
}

static const struct lnkey *
lnkey(const char *s, size_t klen)
{
	const struct lnkey *k;

	for (k = lnkeys; k->name; k++)
		if (k->len == klen && k->name[0] == s[0] && memcmp(s, k->name, klen) == 0)
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

/* The centred copyright that closes an article (or a left one that
 * follows the trailing fields: it fills the line, so it has no indent). */
static int
closing(const struct line *L, int afterkeys)
{
	return (L->ind >= 2 || afterkeys) && (fmt_copyright(L->t, L->tn) || reserved(L->t, L->tn));
}

/* ---- the parser ---- */

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
static struct lines held, pend, cov, replay;

static void
body_text(struct ctx *c, const char *t, size_t tn)
{
	art_line(c, t, tn);
	if (tn)
		ln.nbody++;
}

static void
ln_body(struct ctx *c, const char *s, size_t n)
{
	nu_trim(&s, &n);
	body_text(c, s, n);
}

static void
held_body(struct ctx *c)
{
	size_t i;

	if (!held.n)
		return;
	for (i = 0; i < held.n; i++)
		ln_body(c, lines_at(&held, i), held.v[i].len);
	art_line(c, "", 0);
	lines_reset(&held);
}

/* A field follows the held block: a single short line before a head field
 * is the byline ("VAN ONZE CORRESPONDENT", "Sylvia Maier"); anything else
 * was text. */
static void
held_place(struct ctx *c, const struct lnkey *k)
{
	if (held.n == 1 && held.v[0].len <= 80 && k->kind == K_HEAD && !ln.byline) {
		art_meta(c, "byline", lines_at(&held, 0), held.v[0].len);
		ln.byline = 1;
		lines_reset(&held);
	}
	held_body(c);
}

/* One line of the field block.  Returns 0 when the line is neither a field
 * nor part of one; any: unknown UPPER-CASE keys are fields too. */
static int
keys_line(struct ctx *c, const struct line *L, int any)
{
	const struct lnkey *k = NULL;
	size_t kl, vo;

	if (L->tn == 0) {
		if (fld.open && !fld.v.len)
			ln.await = 1;
		else
			fld_flush(c);
		return 1;
	}
	if (!L->bs) {
		if (!fld.open)
			return 0;
		fld_add(c, L->t, L->tn);
		return 1;
	}
	if (L->ind == 0 && ucase_key(L->s, L->n, &kl, &vo) && ((k = lnkey(L->s, kl)) || any)) {
		ln.await = 0;
		if (k && k->kind == K_BODY) {
			fld_flush(c);
			ln.st = L_BODY;
			ln_body(c, L->s + vo, L->n - vo);
			return 1;
		}
		if (k)
			fld_new(c, k->key, k->kind == K_TITLE ? F_TITLE : F_SPACE);
		else
			fld_start(c, L->s, kl, F_SPACE);
		ln.title |= k && k->kind == K_TITLE;
		ln.byline |= k && k->key == byline;
		fld_add(c, L->s + vo, L->n - vo);
		return 1;
	}
	if (ln.await && fld.open) {
		ln.await = 0;
		fld_add(c, L->t, L->tn);
		return 1;
	}
	fld_flush(c);
	return 0;
}

/* The kept-back block was the trailing fields: read it as such. */
static void
pend_meta(struct ctx *c)
{
	struct line L;
	size_t i;
	int bs = 1;

	ln.await = 0;
	for (i = 0; i < pend.n; i++) {
		measure(&L, lines_at(&pend, i), pend.v[i].len, bs);
		keys_line(c, &L, 1);
		bs = L.tn == 0;
	}
	fld_flush(c);
	lines_reset(&pend);
}

static void
pend_body(struct ctx *c)
{
	size_t i;

	for (i = 0; i < pend.n; i++)
		ln_body(c, lines_at(&pend, i), pend.v[i].len);
	lines_reset(&pend);
}

static void
trail_start(struct ctx *c, const char *t, size_t tn)
{
	fld_new(c, "copyright", F_SPACE);
	fld_add(c, t, tn);
	ln.st = L_TRAIL;
}

/* A line while a trailing block may have begun.  Returns 0 when the line
 * shows the block was text after all (it is then body, and so is this). */
static int
pend_line(struct ctx *c, const struct line *L)
{
	size_t kl, vo;

	if (L->tn == 0 || !L->bs) {
		lines_add(&pend, L->s, L->n);
		ln.pawait &= L->tn == 0;
		return 1;
	}
	if (L->ind == 0 && ucase_key(L->s, L->n, &kl, &vo)) {
		lines_add(&pend, L->s, L->n);
		ln.pawait = nu_ltrim(L->s + vo, L->n - vo) == L->n - vo;
		return 1;
	}
	if (ln.pawait) {
		lines_add(&pend, L->s, L->n);
		ln.pawait = 0;
		return 1;
	}
	if (closing(L, 1)) {
		pend_meta(c);
		trail_start(c, L->t, L->tn);
		return 1;
	}
	pend_body(c);
	return 0;
}

static void
body_line(struct ctx *c, const struct line *L)
{
	size_t vo;

	if (pend.n && pend_line(c, L))
		return;
	if (L->bs && L->tn && closing(L, 0)) {
		trail_start(c, L->t, L->tn);
		return;
	}
	if (L->bs && L->ind == 0 && known(L->s, L->n, &vo)) {
		lines_add(&pend, L->s, L->n);
		ln.pawait = nu_ltrim(L->s + vo, L->n - vo) == L->n - vo;
		return;
	}
	body_text(c, L->t, L->tn);
}

static void
trail_line(struct ctx *c, const struct line *L)
{
	if (L->tn == 0) {
		fld_flush(c);
		return;
	}
	if (!L->bs && fld.open) {
		fld_add(c, L->t, L->tn);
		return;
	}
	if (fmt_copyright(L->t, L->tn) || reserved(L->t, L->tn)) {
		trail_start(c, L->t, L->tn);
		return;
	}
	/* past the article: a cover page, or stray lines, until a marker */
	fld_flush(c);
	ln.st = L_BETWEEN;
	lines_add(&cov, L->s, L->n);
}

/* Copyright lines in the head: above the source, or centred.  A line
 * right under one continues it when it is the "All Rights Reserved". */
static int
head_copy(struct ctx *c, const struct line *L)
{
	if (L->ind < 2 && ln.source)
		return 0;
	if (fmt_copyright(L->t, L->tn)) {
		fld_new(c, "copyright", F_SPACE);
	} else if (reserved(L->t, L->tn)) {
		if (L->bs || ln.blk != B_COPY)
			fld_new(c, "copyright", F_SPACE);
	} else {
		return 0;
	}
	fld_add(c, L->t, L->tn);
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
		lines_add(&held, t, tn);
		return;
	}
	if (!held.n) {
		fld_flush(c);
		lines_add(&held, t, tn);
		ln.blk = B_HELD;
		return;
	}
	/* a second block of text: the body has begun */
	held_body(c);
	ln.st = L_BODY;
	body_text(c, t, tn);
}

/* The head: continuation lines of the block being read, then the date,
 * the source (the first line that is nothing else), URL, word count,
 * centred edition lines, and the headline at the left margin. */
static void
head_rest(struct ctx *c, const struct line *L)
{
	const char *t = L->t;
	size_t tn = L->tn;
	int bs = L->bs;

	if (!ln.date && fmt_datelike(t, tn)) {
		fld_new(c, "date", F_SPACE);
		ln.date = 1;
		ln.blk = B_DATE;
	} else if (!bs && ln.blk == B_DATE) {
		if (!fmt_clock(t, tn) && !fmt_weekday(t, tn)) {
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
	} else if (!bs && ln.blk == B_TITLE && L->ind >= 2 && strcmp(fld.key, "title") == 0) {
		/* a centred block whose first line filled the width: no headline */
		strcpy(fld.key, "edition");
		fld.mode = F_SPACE;
		ln.title = 0;
		ln.blk = B_EDITION;
	} else if (nu_prefix(t, tn, "http://") || nu_prefix(t, tn, "https://")) {
		fld_new(c, "url", F_GLUE);
		ln.blk = B_URL;
	} else if (fmt_wordcount(t, tn)) {
		fld_new(c, "length", F_SPACE);
		ln.blk = B_NONE;
	} else if (L->ind >= 2) {
		fld_new(c, "edition", F_SPACE);
		ln.blk = B_EDITION;
	} else {
		head_left(c, t, tn, bs);
		return;
	}
	fld_add(c, t, tn);
}

static void
head_line(struct ctx *c, const struct line *L)
{
	const struct lnkey *k;
	struct line K;
	size_t kl, vo;

	if (L->tn == 0) {
		fld_flush(c);
		ln.blk = B_NONE;
		return;
	}
	if (nu_iprefix(L->t, L->tn, "We are sorry but there is an error")) {
		fld_flush(c);
		art_meta(c, "error", L->t, L->tn);
		ln.error = 1;
		ln.blk = B_NONE;
		nu_warn("%s:%lu: document %lu of %lu is an error document (the export could not show it)",
		    c->source, c->lineno, ln.no, ln.tot);
		return;
	}
	if (head_copy(c, L))
		return;
	if (L->ind == 0 && (k = known(L->s, L->n, &vo))) {
		fld_flush(c);
		if (held.n)
			held_place(c, k);
		ln.st = L_KEYS;
		K = *L;
		K.bs = 1;
		keys_line(c, &K, 0);
		return;
	}
	if (L->ind >= 2 && ucase_key(L->t, L->tn, &kl, &vo)) {
		/* a centred "SHOW: ..." line */
		fld_start(c, L->t, kl, F_SPACE);
		fld_add(c, L->t + vo, L->tn - vo);
		ln.blk = B_KEYV;
		return;
	}
	head_rest(c, L);
}

static void
keys_text(struct ctx *c, const struct line *L)
{
	if (keys_line(c, L, 0))
		return;
	if (closing(L, 0)) {
		trail_start(c, L->t, L->tn);
		return;
	}
	ln.st = L_BODY;
	body_line(c, L);
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
ln_begin(struct ctx *c, const struct line *L, unsigned long no, unsigned long tot)
{
	ln_close(c);
	ln_count(c, no, tot);
	art_start(c);
	fmt_metas(c, "cover", &cov, 0, cov.n);
	lines_reset(&cov);
	art_meta(c, "document", L->t, L->tn);
	ln_fresh();
	ln.seen = 1;
	ln.markline = c->lineno;
	ln.no = no;
	ln.tot = tot;
}

static void
ln_line(struct ctx *c, const char *s, size_t n)
{
	struct line L;
	unsigned long no, tot;

	measure(&L, s, n, ln.bstart);
	ln.bstart = L.tn == 0;
	if (marker(L.t, L.tn, &no, &tot)) {
		ln_begin(c, &L, no, tot);
		return;
	}
	if (ln.st == L_COVER || ln.st == L_BETWEEN) {
		lines_add(&cov, s, n);
		return;
	}
	if (ln.st != L_HEAD && L.bs && opener(s, n)) {
		ln_close(c);
		ln.st = L_BETWEEN;
		lines_add(&cov, s, n);
		return;
	}
	switch (ln.st) {
	case L_HEAD:
		head_line(c, &L);
		break;
	case L_KEYS:
		keys_text(c, &L);
		break;
	case L_BODY:
		body_line(c, &L);
		break;
	default:
		trail_line(c, &L);
		break;
	}
}

static void
ln_start(struct ctx *c)
{
	memset(&ln, 0, sizeof ln);
	ln.st = L_COVER;
	ln.bstart = 1;
	lines_reset(&held);
	lines_reset(&pend);
	lines_reset(&cov);
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

	fmt_swap(&replay, &cov);
	lines_reset(&cov);
	ln_fresh();
	art_start(c);
	for (i = 0; i < replay.n; i++)
		ln_line(c, lines_at(&replay, i), replay.v[i].len);
}

static void
ln_finish(struct ctx *c)
{
	if (ln.st == L_COVER)
		ln_unmarked(c);
	ln_close(c);
	fmt_metas(c, "trailer", &cov, 0, cov.n);
	lines_reset(&cov);
	if (ln.run)
		c->expected += ln.last - ln.first + 1;
	ln.run = 0;
	art_finish(c);
}

const struct fmt fmt_lexisnexis = {"lexisnexis", sniff, ln_start, ln_line, ln_finish, NULL};
