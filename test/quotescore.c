/* quotescore: the scorer of `make eval-quote` (test/eval-quote.sh).
 *
 * usage: quotescore -s QUOTES SCARE <list	the seeds; list lines FILE TAB ROWS
 *        quotescore -p [-i] GOLD <list	PolNeAR; ARTICLE TAB TEXT TAB PARAS TAB ROWS
 *
 * ROWS is `ntsv -H quotes` of nquote's output for one input (id qno n
 * start end speaker speaker_text cue kind text), PARAS `ntsv -H paras`
 * of the same stream (id n text), TEXT the raw input file.  Only rows of
 * kind direct or partial are predictions: term and indirect are not
 * quotation-mark quotes.  Every gold file or article must be in the list.
 *
 * -s, the seeds.  QUOTES is seeds-gold/quotes.tsv (file speaker cue kind
 * text), SCARE seeds-gold/scare.tsv (file text), both with a header.  In
 * each file, gold and predicted quotes are paired as multisets by exact
 * text: first the pairs that also agree on the speaker, then the rest, in
 * order.  A pair is a text match; with speaker == gold speaker it is a
 * quote-and-speaker match.  Cue and kind are compared over the text
 * matches (gold cue `none` is our empty cue).  An unpaired prediction
 * whose text is a scare.tsv row of its file is a scare quote taken for
 * speech.
 *
 * -p, PolNeAR.  GOLD is <split>/gold.tsv; the gold set G is its rows with
 * has_quote_marks 1.  Offsets are file bytes.
 * - Paragraphs: each is searched in TEXT from the end of the one before,
 *   a run of white space matching any run (nsplit trims lines and may
 *   join them); one not found is reported and its quotes are skipped.
 * - A prediction is a quote, all its direct or partial pieces (same
 *   qno): S = the file bytes of the pieces.
 * - Gold content C = the content_byte fragments; Q = the bytes of C
 *   between double quotation marks (“ ” or "; nested marks stay inside,
 *   a line end closes, a ” with none open opens), or C when there are
 *   none.
 * - Content match (lenient): |S∩Q| >= 0.3 max(|S|, |Q|); one to one,
 *   greedily by the largest overlap.  Exact: a lenient pair whose S and
 *   Q are equal once white space and “ ” " are trimmed from both ends of
 *   each fragment.
 * - Speaker match: the words (letters and digits, lower-cased, without a
 *   possessive 's) of the gold source_text against our speaker and
 *   speaker_text: the gold head word (the last: "post" of "The New York
 *   Post") is among the words of speaker or speaker_text, or the last
 *   word of speaker_text is among the gold words.  A source with a
 *   post-modifier has a second head word, the last before it ("moore" of
 *   "Rep. Gwen Moore (D-Wis.)", "antonacci" of "Robert Antonacci of the
 *   New York delegation"; the modifiers: a parenthesis, a comma, of, at,
 *   from, who, for, with, in, on).  A gold without source matches an
 *   empty speaker.
 * - Quote and speaker: lenient content match and speaker match.
 * - Cases: source type (pronoun = one word of he she they it i we you
 *   who; named = last word capitalised; nominal; none) and content shape
 *   (split = more than one fragment; multi-paragraph = C holds a line
 *   end; direct = nothing but punctuation and space of C outside Q;
 *   partial = the rest).
 * - An unpaired prediction with 3/10 of its bytes in the content of a
 *   gold attribution without double marks (outside G: quotes in single
 *   marks, say) is "fp-nomarks".  It is outside the set measured, so
 *   quote+speaker-subset counts it neither way; quote+speaker counts it
 *   a false positive.
 *
 * Output, TAB-separated; rates with 3 decimals, "-" when undefined:
 *   item ...			one per gold row and unpaired prediction (below)
 *   lost ARTICLE N TEXT	a paragraph not found (-p)
 *   count NAME N
 *   prf NAME TP FP FN P R F1
 *   acc NAME OK N RATE
 *   case GROUP KEY N TEXT BOTH	N items, TEXT of them matched on
 *				text/content, BOTH on that and the speaker
 * -s items: file status gold_speaker speaker speaker_text gold_cue cue
 *   gold_kind kind text; status match (text and speaker), speaker (text
 *   only), miss, fp, scare.
 * -p items: article status attr qno overlap gold_bytes pred_bytes
 *   speaker_ok source_type shape source speaker speaker_text gold_text
 *   pred_text; status exact, lenient, miss, fp, fp-nomarks; texts are
 *   the file bytes of Q and S, fragments joined by " | ".
 * Text fields are written escaped (\\ \t \n \r).  Exit 0, or 2 with a
 * message on malformed input; a piece whose offsets or text disagree
 * with its paragraph is reported, and its quote skipped. */
#define _POSIX_C_SOURCE 200809L	/* getline, strdup */

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* lenient content match: overlap >= 3/10 of the larger set */
#define SHARE_NUM 3
#define SHARE_DEN 10
#define NESTMAX 16	/* quotation marks nested deeper are text */

static const char *prog = "quotescore";
#include "score.h"

/* make room in the array v of cap elements for element n */
#define GROW(v, cap, n) ((n) < (cap) ? (void)0 : \
	(void)((v) = xrealloc((v), ((cap) = (cap) ? 2 * (cap) : 16) * sizeof *(v))))

/* ---- TSV input ---- */

struct tsv {
	FILE *f;
	const char *path;
	size_t line;
	char *buf;
	size_t cap;
};

static void
topen(struct tsv *t, const char *path)
{
	if (!(t->f = strcmp(path, "-") == 0 ? stdin : fopen(path, "r")))
		die("%s: %s", path, strerror(errno));
	t->path = strcmp(path, "-") == 0 ? "stdin" : path;
	t->line = 0;
	t->buf = NULL;
	t->cap = 0;
}

static void
tclose(struct tsv *t)
{
	if (ferror(t->f))
		die("%s: %s", t->path, strerror(errno));
	if (t->f != stdin)
		fclose(t->f);
	free(t->buf);
}

/* The next line split at TABs into f[0..nf-1] (pointers into the line
 * buffer, valid until the next call); 0 at the end.  Another number of
 * fields is fatal. */
static int
tnext(struct tsv *t, char **f, int nf)
{
	ssize_t len;
	char *s, *tab;
	int n;

	if ((len = getline(&t->buf, &t->cap, t->f)) == -1)
		return 0;
	t->line++;
	if (len > 0 && t->buf[len - 1] == '\n')
		t->buf[len - 1] = '\0';
	for (s = t->buf, n = 0;; s = tab + 1) {
		if (n < nf)
			f[n] = s;
		n++;
		if (!(tab = strchr(s, '\t')))
			break;
		*tab = '\0';
	}
	if (n != nf)
		die("%s:%zu: %d field%s, not %d", t->path, t->line, n, n == 1 ? "" : "s", nf);
	return 1;
}

/* Undo the record escapes \\ \t \n \r in place; return s. */
static char *
unescape(char *s)
{
	char *r, *w;

	for (r = w = s; *r; r++) {
		if (*r == '\\' && r[1]) {
			r++;
			*w++ = *r == 't' ? '\t' : *r == 'n' ? '\n' : *r == 'r' ? '\r' : *r;
		} else
			*w++ = *r;
	}
	*w = '\0';
	return s;
}

static size_t
number(const struct tsv *t, const char *s, const char *what)
{
	char *end;
	unsigned long long v;

	errno = 0;
	v = strtoull(s, &end, 10);
	if (*s < '0' || *s > '9' || *end || errno)
		die("%s:%zu: %s is not a number: %s", t->path, t->line, what, s);
	return (size_t)v;
}

static char *
readfile(const char *path, size_t *n)
{
	FILE *f;
	char *p;
	size_t cap = 1 << 16, got;

	if (!(f = fopen(path, "rb")))
		die("%s: %s", path, strerror(errno));
	p = xrealloc(NULL, cap);
	*n = 0;
	while ((got = fread(p + *n, 1, cap - *n - 1, f)) > 0)
		if ((*n += got) == cap - 1)
			p = xrealloc(p, cap *= 2);
	if (ferror(f))
		die("%s: %s", path, strerror(errno));
	fclose(f);
	p[*n] = '\0';
	return p;
}

/* ---- output ---- */

static void
putesc(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		switch (s[i]) {
		case '\\': fputs("\\\\", stdout); break;
		case '\t': fputs("\\t", stdout); break;
		case '\n': fputs("\\n", stdout); break;
		case '\r': fputs("\\r", stdout); break;
		default: putchar(s[i]);
		}
}

/* TAB and an escaped text field */
static void
puttext(const char *s)
{
	putchar('\t');
	putesc(s, strlen(s));
}

static void
putrate(size_t ok, size_t n)
{
	if (n)
		printf("\t%.3f", (double)ok / (double)n);
	else
		fputs("\t-", stdout);
}

static void
prf(const char *name, size_t tp, size_t npred, size_t ngold)
{
	printf("prf\t%s\t%zu\t%zu\t%zu", name, tp, npred - tp, ngold - tp);
	putrate(tp, npred);
	putrate(tp, ngold);
	putrate(2 * tp, npred + ngold);
	putchar('\n');
}

static void
acc(const char *name, size_t ok, size_t n)
{
	printf("acc\t%s\t%zu\t%zu", name, ok, n);
	putrate(ok, n);
	putchar('\n');
}

/* one row of a case table: n items, text of them matched, both also on
 * the speaker */
struct tally {
	size_t n, text, both;
};

static void
count(struct tally *c, int text, int both)
{
	c->n++;
	c->text += text != 0;
	c->both += both != 0;
}

static void
putcases(const char *group, const char *const *keys, const struct tally *c, int n)
{
	int i;

	for (i = 0; i < n; i++)
		printf("case\t%s\t%s\t%zu\t%zu\t%zu\n", group, keys[i], c[i].n,
		    c[i].text, c[i].both);
}

/* ---- characters and words ---- */

/* the length of the white space character at s (n > 0 bytes), or 0:
 * ASCII white space and NO-BREAK SPACE, which nsplit trims too */
static size_t
blank(const char *s, size_t n)
{
	if (*s && strchr(" \t\n\r\v\f", *s))
		return 1;
	return n >= 2 && (unsigned char)s[0] == 0xc2 && (unsigned char)s[1] == 0xa0 ? 2 : 0;
}

enum { NOMARK, OPEN, CLOSE, STRAIGHT };

/* the double quotation mark at s (n > 0 bytes): its kind and *len */
static int
dmark(const char *s, size_t n, size_t *len)
{
	const unsigned char *u = (const unsigned char *)s;

	*len = 1;
	if (*s == '"')
		return STRAIGHT;
	if (n < 3 || u[0] != 0xe2 || u[1] != 0x80 || (u[2] != 0x9c && u[2] != 0x9d))
		return NOMARK;
	*len = 3;
	return u[2] == 0x9c ? OPEN : CLOSE;
}

/* Letters and digits: ASCII ones, and any code point from U+0080 up
 * except Latin-1 punctuation and symbols (U+0080-U+00BF, × and ÷) and
 * General Punctuation (U+2000-U+206F: dashes, curly quotes, …). */
static int
wordchar(long c)
{
	if (c < 0x80)
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9');
	return c > 0xbf && c != 0xd7 && c != 0xf7 && (c < 0x2000 || c > 0x206f);
}

/* an apostrophe (' or ’) at s */
static size_t
apostrophe(const char *s)
{
	if (*s == '\'')
		return 1;
	return strncmp(s, "\xe2\x80\x99", 3) == 0 ? 3 : 0;
}

/* the length of the possessive 's at s (n bytes), or 0 */
static size_t
possessive(const char *s, size_t n)
{
	size_t k = apostrophe(s), len;

	if (!k || k >= n || (s[k] != 's' && s[k] != 'S'))
		return 0;
	if (k + 1 < n && wordchar(decode((const unsigned char *)s + k + 1, n - k - 1, &len)))
		return 0;	/* 'so, ’sake */
	return k + 1;
}

/* The words of s as " w1 w2 ... wn " (so that strstr(w, " x ") asks
 * whether x is one of them), ASCII lower-cased when fold is set; a
 * possessive 's is left out. */
static char *
words(const char *s, int fold)
{
	size_t n = strlen(s), i, len;
	char *w = xrealloc(NULL, n + 3), *p = w;

	*p++ = ' ';
	for (i = 0; i < n; i += len) {
		if (wordchar(decode((const unsigned char *)s + i, n - i, &len))) {
			memcpy(p, s + i, len);
			if (fold && len == 1 && *p >= 'A' && *p <= 'Z')
				*p += 'a' - 'A';
			p += len;
			continue;
		}
		if (possessive(s + i, n - i))
			len = possessive(s + i, n - i);
		if (p[-1] != ' ')
			*p++ = ' ';
	}
	if (p[-1] != ' ')
		*p++ = ' ';
	*p = '\0';
	return w;
}

/* the last word of w (of words()), without its spaces, into buf */
static void
lastword(const char *w, char *buf, size_t cap)
{
	size_t n = strlen(w), i;

	for (i = n - 1; i > 0 && w[i - 1] != ' '; i--)
		;
	snprintf(buf, cap, "%.*s", n > 1 ? (int)(n - 1 - i) : 0, w + i);
}

/* " x " in w, for the word x */
static int
hasword(const char *w, const char *x)
{
	size_t n = strlen(x);
	const char *p;

	if (!n)
		return 0;
	for (p = w; (p = strstr(p, x)); p++)
		if (p > w && p[-1] == ' ' && p[n] == ' ')
			return 1;
	return 0;
}

enum { PRONOUN, NAMED, NOMINAL, NONE, NTYPES };
static const char *const typename[NTYPES] = { "pronoun", "named", "nominal", "none" };

/* Who a source or speaker_text is: a single pronoun, a capitalised last
 * word (A-Z, Latin-1 and Cyrillic capitals), other words, or nothing. */
static int
wordtype(const char *s)
{
	static const char *const pronouns = " he she they it i we you who ";
	char *w = words(s, 0), *f = words(s, 1), buf[256], low[256];
	const unsigned char *u = (const unsigned char *)buf;
	int type;

	lastword(w, buf, sizeof buf);
	lastword(f, low, sizeof low);
	if (!*buf)
		type = NONE;
	else if (strlen(f) == strlen(low) + 2 && hasword(pronouns, low))
		type = PRONOUN;	/* one word, a pronoun */
	else if ((u[0] >= 'A' && u[0] <= 'Z') ||
	    (u[0] == 0xc3 && u[1] >= 0x80 && u[1] <= 0x9e && u[1] != 0x97) ||
	    (u[0] == 0xd0 && u[1] >= 0x80 && u[1] <= 0xaf))
		type = NAMED;
	else
		type = NOMINAL;
	free(w);
	free(f);
	return type;
}

/* ---- byte sets: sorted, disjoint, non-adjacent [s, e) spans ---- */

struct span {
	size_t s, e;
};

struct set {
	struct span *v;
	size_t n, cap;
};

static void
add(struct set *a, size_t s, size_t e)
{
	if (s >= e)
		return;
	GROW(a->v, a->cap, a->n);
	a->v[a->n].s = s;
	a->v[a->n++].e = e;
}

static int
cmpspan(const void *va, const void *vb)
{
	const struct span *a = va, *b = vb;

	return a->s < b->s ? -1 : a->s > b->s;
}

/* sort a's spans and merge those that overlap or touch */
static void
normalize(struct set *a)
{
	size_t i, n = 0;

	if (!a->n)
		return;	/* a->v may be NULL, which qsort must not get */
	qsort(a->v, a->n, sizeof *a->v, cmpspan);
	for (i = 0; i < a->n; i++)
		if (n && a->v[i].s <= a->v[n - 1].e) {
			if (a->v[i].e > a->v[n - 1].e)
				a->v[n - 1].e = a->v[i].e;
		} else
			a->v[n++] = a->v[i];
	a->n = n;
}

static size_t
size(const struct set *a)
{
	size_t i, n = 0;

	for (i = 0; i < a->n; i++)
		n += a->v[i].e - a->v[i].s;
	return n;
}

static size_t
overlap(const struct set *a, const struct set *b)
{
	size_t i = 0, j = 0, n = 0, s, e;

	while (i < a->n && j < b->n) {
		s = a->v[i].s > b->v[j].s ? a->v[i].s : b->v[j].s;
		e = a->v[i].e < b->v[j].e ? a->v[i].e : b->v[j].e;
		if (s < e)
			n += e - s;
		if (a->v[i].e < b->v[j].e)
			i++;
		else
			j++;
	}
	return n;
}

static int
inset(const struct set *a, size_t x)
{
	size_t i;

	for (i = 0; i < a->n; i++)
		if (x >= a->v[i].s && x < a->v[i].e)
			return 1;
	return 0;
}

/* length of the white space or double mark that ends t[s..e) */
static size_t
trailer(const char *t, size_t s, size_t e)
{
	const unsigned char *u = (const unsigned char *)t;

	if (t[e - 1] && strchr(" \t\n\r\v\f\"", t[e - 1]))
		return 1;
	if (e - s >= 2 && u[e - 2] == 0xc2 && u[e - 1] == 0xa0)
		return 2;
	if (e - s >= 3 && u[e - 3] == 0xe2 && u[e - 2] == 0x80 &&
	    (u[e - 1] == 0x9c || u[e - 1] == 0x9d))
		return 3;
	return 0;
}

/* a with white space and double marks trimmed from both ends of each
 * span, in t */
static void
trim(struct set *out, const struct set *a, const char *t)
{
	size_t i, s, e, k;

	out->n = 0;
	for (i = 0; i < a->n; i++) {
		s = a->v[i].s, e = a->v[i].e;
		while (s < e && ((k = blank(t + s, e - s)) || dmark(t + s, e - s, &k)))
			s += k;
		while (s < e && (k = trailer(t, s, e)))
			e -= k;
		add(out, s, e);
	}
	normalize(out);
}

static int
sameset(const struct set *a, const struct set *b)
{
	size_t i;

	if (a->n != b->n)
		return 0;
	for (i = 0; i < a->n; i++)
		if (a->v[i].s != b->v[i].s || a->v[i].e != b->v[i].e)
			return 0;
	return 1;
}

/* the bytes of a in t, spans joined by " | ", escaped, after a TAB */
static void
putset(const struct set *a, const char *t)
{
	size_t i;

	putchar('\t');
	for (i = 0; i < a->n; i++) {
		if (i)
			fputs(" | ", stdout);
		putesc(t + a->v[i].s, a->v[i].e - a->v[i].s);
	}
}

/* ---- -s: the seeds ---- */

struct squote {
	char *file, *speaker, *stext, *cue, *kind, *text;
	struct squote *pair;	/* the other side of a text match, paired
				 * once both arrays are complete */
};

struct squotes {
	struct squote *v;
	size_t n, cap;
};

static struct squote *
snew(struct squotes *a, const char *file, char **f)
{
	struct squote *q;

	GROW(a->v, a->cap, a->n);
	q = &a->v[a->n++];
	q->file = xstrdup(file);
	q->speaker = xstrdup(f[0]);
	q->stext = xstrdup(f[1]);
	q->cue = xstrdup(f[2]);
	q->kind = xstrdup(f[3]);
	q->text = xstrdup(f[4]);
	q->pair = NULL;
	return q;
}

static void
sfree(struct squotes *a)
{
	size_t i;

	for (i = 0; i < a->n; i++) {
		free(a->v[i].file);
		free(a->v[i].speaker);
		free(a->v[i].stext);
		free(a->v[i].cue);
		free(a->v[i].kind);
		free(a->v[i].text);
	}
	free(a->v);
}

/* header check: the first line of a gold table starts with want */
static void
header(struct tsv *t, char **f, int nf, const char *want)
{
	if (!tnext(t, f, nf) || strcmp(f[0], want) != 0)
		die("%s:1: no header (%s ...)", t->path, want);
}

/* the list: NF fields a line, none empty, no name twice */
static char ***
readlist(int nf, size_t *n)
{
	struct tsv t;
	char ***v = NULL, *f[4];
	size_t cap = 0, i;
	int k;

	topen(&t, "-");
	for (*n = 0; tnext(&t, f, nf); (*n)++) {
		GROW(v, cap, *n);
		v[*n] = xrealloc(NULL, nf * sizeof **v);
		for (k = 0; k < nf; k++) {
			if (!*f[k])
				die("stdin:%zu: empty field %d", t.line, k + 1);
			v[*n][k] = xstrdup(f[k]);
		}
		for (i = 0; i < *n; i++)
			if (strcmp(v[i][0], f[0]) == 0)
				die("stdin:%zu: %s listed twice", t.line, f[0]);
	}
	tclose(&t);
	return v;
}

static void
freelist(char ***v, size_t n, int nf)
{
	size_t i;
	int k;

	for (i = 0; i < n; i++) {
		for (k = 0; k < nf; k++)
			free(v[i][k]);
		free(v[i]);
	}
	free(v);
}

static int
listed(char ***list, size_t n, const char *name)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(list[i][0], name) == 0)
			return 1;
	return 0;
}

/* the direct and partial rows of an `ntsv -H quotes` file, for FILE */
static void
readpred(struct squotes *pred, const char *file, const char *path)
{
	struct tsv t;
	char *f[10], *g[5];

	topen(&t, path);
	while (tnext(&t, f, 10)) {
		if (strcmp(f[8], "direct") != 0 && strcmp(f[8], "partial") != 0)
			continue;
		g[0] = unescape(f[5]), g[1] = unescape(f[6]), g[2] = unescape(f[7]);
		g[3] = f[8], g[4] = unescape(f[9]);
		snew(pred, file, g);
	}
	tclose(&t);
}

/* pair gold and pred quotes of one text; same speaker too if strict */
static void
spair(struct squotes *gold, struct squotes *pred, int strict)
{
	size_t i, j;
	struct squote *g, *p;

	for (j = 0; j < pred->n; j++) {
		p = &pred->v[j];
		for (i = 0; i < gold->n && !p->pair; i++) {
			g = &gold->v[i];
			if (!g->pair && strcmp(g->file, p->file) == 0 &&
			    strcmp(g->text, p->text) == 0 &&
			    (!strict || strcmp(g->speaker, p->speaker) == 0))
				g->pair = p, p->pair = g;
		}
	}
}

static int
sameq(const struct squote *g)
{
	return g->pair && strcmp(g->speaker, g->pair->speaker) == 0;
}

static int
kindno(const char *kind)
{
	return strcmp(kind, "direct") != 0;	/* 0 direct, 1 partial */
}

static void
sitem(const char *status, const struct squote *g, const struct squote *p)
{
	printf("item\t%s\t%s", (g ? g : p)->file, status);
	puttext(g ? g->speaker : "");
	puttext(p ? p->speaker : "");
	puttext(p ? p->stext : "");
	puttext(g ? g->cue : "");
	puttext(p ? p->cue : "");
	printf("\t%s\t%s", g ? g->kind : "", p ? p->kind : "");
	puttext((g ? g : p)->text);
	putchar('\n');
}

/* seeds-gold's quotes.tsv (file speaker cue kind text) into gold */
static void
readsgold(struct squotes *gold, const char *path)
{
	struct tsv t;
	char *f[5], *h[5];

	topen(&t, path);
	header(&t, f, 5, "file");
	while (tnext(&t, f, 5)) {
		if (strcmp(f[3], "direct") != 0 && strcmp(f[3], "partial") != 0)
			die("%s:%zu: kind %s, not direct or partial", t.path, t.line, f[3]);
		h[0] = f[1], h[1] = "", h[2] = f[2], h[3] = f[3], h[4] = f[4];
		snew(gold, f[0], h);
	}
	tclose(&t);
}

/* seeds-gold's scare.tsv (file text) into scared */
static void
readscare(struct squotes *scared, const char *path)
{
	struct tsv t;
	char *f[2], *h[5];

	topen(&t, path);
	header(&t, f, 2, "file");
	while (tnext(&t, f, 2)) {
		h[0] = h[1] = h[2] = h[3] = "", h[4] = f[1];
		snew(scared, f[0], h);
	}
	tclose(&t);
}

static struct {
	size_t text, both, cue, kind, scare;
	struct tally gkind[2], pkind[2], ptype[NTYPES];
} stot;

/* a gold quote of the seeds and its pair, if any */
static void
sgold(const struct squote *g)
{
	const struct squote *p = g->pair;

	sitem(sameq(g) ? "match" : p ? "speaker" : "miss", g, p);
	count(&stot.gkind[kindno(g->kind)], p != NULL, sameq(g));
	if (!p)
		return;
	stot.text++;
	stot.both += sameq(g);
	stot.cue += strcmp(g->cue, p->cue) == 0 || (strcmp(g->cue, "none") == 0 && !*p->cue);
	stot.kind += strcmp(g->kind, p->kind) == 0;
}

/* a predicted quote of the seeds: counted, and listed when unpaired */
static void
spred(const struct squote *p, const struct squotes *scared)
{
	int both = p->pair && sameq(p->pair);
	size_t j;

	count(&stot.pkind[kindno(p->kind)], p->pair != NULL, both);
	count(&stot.ptype[wordtype(p->stext)], p->pair != NULL, both);
	if (p->pair)
		return;
	for (j = 0; j < scared->n; j++)
		if (strcmp(scared->v[j].file, p->file) == 0 &&
		    strcmp(scared->v[j].text, p->text) == 0)
			break;
	stot.scare += j < scared->n;
	sitem(j < scared->n ? "scare" : "fp", NULL, p);
}

static void
seeds(const char *quotes, const char *scare)
{
	static const char *const kinds[] = { "direct", "partial" };
	struct squotes gold = { 0 }, pred = { 0 }, scared = { 0 };
	size_t i, n;
	char ***list;

	readsgold(&gold, quotes);
	readscare(&scared, scare);
	list = readlist(2, &n);
	for (i = 0; i < gold.n; i++)
		if (!listed(list, n, gold.v[i].file))
			die("%s: %s is not in the list", quotes, gold.v[i].file);
	for (i = 0; i < n; i++)
		readpred(&pred, list[i][0], list[i][1]);
	spair(&gold, &pred, 1);
	spair(&gold, &pred, 0);
	for (i = 0; i < gold.n; i++)
		sgold(&gold.v[i]);
	for (i = 0; i < pred.n; i++)
		spred(&pred.v[i], &scared);

	printf("count\tfiles\t%zu\ncount\tgold\t%zu\ncount\tpred\t%zu\n", n, gold.n, pred.n);
	prf("quotes", stot.text, pred.n, gold.n);
	prf("quote+speaker", stot.both, pred.n, gold.n);
	acc("cue", stot.cue, stot.text);
	acc("kind", stot.kind, stot.text);
	printf("count\tscare\t%zu\n", stot.scare);
	putcases("gold-kind", kinds, stot.gkind, 2);
	putcases("pred-kind", kinds, stot.pkind, 2);
	putcases("pred-speaker", typename, stot.ptype, NTYPES);
	sfree(&gold);
	sfree(&pred);
	sfree(&scared);
	freelist(list, n, 2);
}

/* ---- -p: PolNeAR ---- */

struct gold {
	char *article, *attr, *source;
	int marked;		/* has_quote_marks: in G */
	size_t line;
	struct set c;		/* content fragments, in the gold's order */
};

struct para {
	size_t n, len;
	char *text;		/* unescaped */
	size_t *at;		/* file offset of each byte; NULL: not found */
};

struct pquote {
	size_t qno;
	char *speaker, *stext;
	int skip;		/* a piece we cannot place */
	struct set s;
};

struct article {
	const char *name;
	char *t;		/* the raw text */
	size_t tn;
	struct para *para;
	size_t npara, paracap;
	struct pquote *q;
	size_t nq, qcap;
};

enum { DIRECT, SPLIT, MULTI, PARTIAL, NSHAPES };
static const char *const shapename[NSHAPES] = { "direct", "split", "multi-paragraph", "partial" };

static const char *goldpath;	/* for messages */
static int indirect;		/* -i: indirect rows against the rows outside G */

static struct {
	size_t articles, gold, pred, paras, lost, skipped, nomarks;
	size_t content, exact, speaker;	/* speaker: and content */
	struct tally type[NTYPES], shape[NSHAPES];
} tot;

/* "s-e;s-e..." into a */
static void
spans(struct set *a, const struct tsv *t, char *s)
{
	char *frag, *dash, *next;

	for (frag = s; *frag; frag = next) {
		next = frag + strcspn(frag, ";");
		if (*next)
			*next++ = '\0';
		if (!(dash = strchr(frag, '-')))
			die("%s:%zu: bad span %s", t->path, t->line, frag);
		*dash = '\0';
		add(a, number(t, frag, "offset"), number(t, dash + 1, "offset"));
	}
}

static struct gold *
readgold(const char *path, size_t *n)
{
	struct tsv t;
	struct gold *v = NULL, *g;
	size_t cap = 0;
	char *f[14];

	topen(&t, path);
	header(&t, f, 14, "article");
	for (*n = 0; tnext(&t, f, 14); (*n)++) {
		GROW(v, cap, *n);
		g = &v[*n];
		memset(g, 0, sizeof *g);
		g->article = xstrdup(f[0]);
		g->attr = xstrdup(f[2]);
		g->marked = strcmp(f[4], "1") == 0;
		g->source = xstrdup(unescape(f[11]));
		g->line = t.line;
		spans(&g->c, &t, f[10]);
		if (g->c.n)	/* in text order, as quoted() reads them */
			qsort(g->c.v, g->c.n, sizeof *g->c.v, cmpspan);
		if (g->marked && !g->c.n)
			die("%s:%zu: no content", t.path, t.line);
	}
	tclose(&t);
	return v;
}

/* Find para p in a's text from *pos, a run of white space matching any
 * run, and record where each byte is; 0 when it is not there. */
static int
locate(struct para *p, const struct article *a, size_t *pos)
{
	size_t i, j, from, k, m;

	for (from = *pos; from < a->tn; from++) {
		if (a->t[from] != p->text[0])
			continue;
		for (i = 0, j = from; i < p->len; ) {
			if ((k = blank(p->text + i, p->len - i))) {
				if (j >= a->tn || !blank(a->t + j, a->tn - j))
					break;
				for (; i < p->len && (k = blank(p->text + i, p->len - i)); i += k)
					for (m = 0; m < k; m++)
						p->at[i + m] = j;
				while (j < a->tn && (m = blank(a->t + j, a->tn - j)))
					j += m;
			} else if (j < a->tn && a->t[j] == p->text[i])
				p->at[i++] = j++;
			else
				break;
		}
		if (i == p->len) {
			*pos = j;
			return 1;
		}
	}
	return 0;
}

static void
readparas(struct article *a, const char *path)
{
	struct tsv t;
	struct para *p;
	size_t pos = 0;
	char *f[3];

	topen(&t, path);
	while (tnext(&t, f, 3)) {
		GROW(a->para, a->paracap, a->npara);
		p = &a->para[a->npara++];
		p->n = number(&t, f[1], "paragraph number");
		p->text = xstrdup(unescape(f[2]));
		p->len = strlen(p->text);
		p->at = xrealloc(NULL, (p->len + 1) * sizeof *p->at);
		tot.paras++;
		if (!p->len || !locate(p, a, &pos)) {
			free(p->at);
			p->at = NULL;
			tot.lost++;
			printf("lost\t%s\t%zu", a->name, p->n);
			puttext(p->text);
			putchar('\n');
		}
	}
	tclose(&t);
}

static struct para *
findpara(struct article *a, size_t n)
{
	size_t i;

	for (i = 0; i < a->npara; i++)
		if (a->para[i].n == n)
			return &a->para[i];
	return NULL;
}

/* quote qno of a, new with speaker who[0] and speaker_text who[1] or
 * found (a later piece may name the speaker_text the first lacked) */
static struct pquote *
findquote(struct article *a, size_t qno, char **who)
{
	struct pquote *q;
	size_t i;

	for (i = 0; i < a->nq; i++)
		if (a->q[i].qno == qno) {
			q = &a->q[i];
			if (!*q->stext && *who[1]) {
				free(q->stext);
				q->stext = xstrdup(who[1]);
			}
			return q;
		}
	GROW(a->q, a->qcap, a->nq);
	q = &a->q[a->nq++];
	memset(q, 0, sizeof *q);
	q->qno = qno;
	q->speaker = xstrdup(who[0]);
	q->stext = xstrdup(who[1]);
	return q;
}

/* the direct and partial pieces, gathered by qno into file byte sets */
static void
readquotes(struct article *a, const char *path)
{
	struct tsv t;
	struct pquote *q;
	struct para *p;
	size_t s, e;
	char *f[10], *who[2];

	topen(&t, path);
	while (tnext(&t, f, 10)) {
		if (indirect ? strcmp(f[8], "indirect") != 0 :
		    strcmp(f[8], "direct") != 0 && strcmp(f[8], "partial") != 0)
			continue;
		who[0] = unescape(f[5]), who[1] = unescape(f[6]);
		q = findquote(a, number(&t, f[1], "qno"), who);
		p = findpara(a, number(&t, f[2], "paragraph number"));
		s = number(&t, f[3], "start");
		e = number(&t, f[4], "end");
		unescape(f[9]);
		if (!p) {
			warn("%s:%zu: no paragraph %s", t.path, t.line, f[2]);
			q->skip = 1;
		} else if (s >= e || e > p->len) {
			warn("%s:%zu: piece %zu-%zu is empty or outside paragraph %zu (%zu bytes)",
			    t.path, t.line, s, e, p->n, p->len);
			q->skip = 1;
		} else if (strlen(f[9]) != e - s || memcmp(p->text + s, f[9], e - s) != 0) {
			warn("%s:%zu: text is not bytes %zu-%zu of paragraph %zu",
			    t.path, t.line, s, e, p->n);
			q->skip = 1;
		} else if (!p->at)
			q->skip = 1;	/* reported as lost */
		else
			add(&q->s, p->at[s], p->at[e - 1] + 1);
	}
	tclose(&t);
}

/* Q: the bytes of C between double quotation marks.  The marks open
 * and close as a stack, so that a quote inside a quote stays in the
 * outer one: “ opens, ” closes a “ (and opens when none is open: a typo
 * for “), " closes a " and opens otherwise.  A line end closes all (the
 * next paragraph reopens), a fragment's end does not.  No marks: Q = C. */
static void
quoted(struct set *q, const struct set *c, const char *t)
{
	int stack[NESTMAX], m, top;
	size_t i, k, e, len, start = 0, depth = 0;

	q->n = 0;
	for (k = 0; k < c->n; k++) {
		start = c->v[k].s;
		e = c->v[k].e;
		for (i = c->v[k].s; i < e; i += len) {
			m = dmark(t + i, e - i, &len);
			top = depth ? stack[depth - 1] : NOMARK;
			if (t[i] == '\n' && depth) {
				add(q, start, i);
				depth = 0;
			} else if ((m == CLOSE && top == OPEN) ||
			    (m == STRAIGHT && top == STRAIGHT)) {
				if (--depth == 0)
					add(q, start, i);
			} else if (m == OPEN || m == STRAIGHT || (m == CLOSE && !depth)) {
				if (depth == 0)
					start = i + len;
				if (depth < NESTMAX)
					stack[depth++] = m == STRAIGHT ? STRAIGHT : OPEN;
			}
		}
		if (depth)
			add(q, start, e);
	}
	if (!q->n)
		for (k = 0; k < c->n; k++)
			add(q, c->v[k].s, c->v[k].e);
	normalize(q);
}

static int
shape(const struct set *c, const struct set *q, const char *t)
{
	size_t i, e = c->v[0].e, len;

	if (c->n > 1)
		return SPLIT;
	if (memchr(t + c->v[0].s, '\n', e - c->v[0].s))
		return MULTI;
	for (i = c->v[0].s; i < e; i += len)
		if (wordchar(decode((const unsigned char *)t + i, e - i, &len)) &&
		    !inset(q, i))
			return PARTIAL;
	return DIRECT;
}

/* Is word x of a gold source among the words of our speaker (sw) or
 * speaker_text (tw)? */
static int
ours(const char *x, const char *sw, const char *tw)
{
	return hasword(sw, x) || hasword(tw, x);
}

/* The source up to its first post-modifier, in buf: "Robert Antonacci"
 * of "Robert Antonacci of the New York delegation", "Rep. Gwen Moore" of
 * "Rep. Gwen Moore (D-Wis.)"; NULL when it has none. */
static const char *
premodified(const char *source, char *buf, size_t size)
{
	static const char *const cut[] = {" (", ",", " of ", " at ", " from ", " who ",
		" for ", " with ", " in ", " on ", NULL};
	size_t i, n = strlen(source), at = n;
	const char *p;

	for (i = 0; cut[i]; i++)
		if ((p = strstr(source, cut[i])) && (size_t)(p - source) < at)
			at = (size_t)(p - source);
	if (at == n || at == 0 || at >= size)
		return NULL;
	memcpy(buf, source, at);
	buf[at] = '\0';
	return buf;
}

/* does the source match our speaker and speaker_text (see the top) */
static int
samespeaker(const char *source, const struct pquote *q)
{
	char *gw = words(source, 1), *sw = words(q->speaker, 1);
	char *tw = words(q->stext, 1), head[256], tail[256], pre[1024];
	const char *b;
	int ok;

	lastword(gw, head, sizeof head);
	lastword(tw, tail, sizeof tail);
	if (!*head)
		ok = !*q->speaker;
	else
		ok = ours(head, sw, tw) || hasword(gw, tail);
	if (!ok && (b = premodified(source, pre, sizeof pre))) {
		/* the head is also the last word before the modifier */
		free(gw);
		gw = words(b, 1);
		lastword(gw, head, sizeof head);
		ok = *head && ours(head, sw, tw);
	}
	free(gw);
	free(sw);
	free(tw);
	return ok;
}

struct cand {
	size_t g, p, inter;
};

static int
cmpcand(const void *va, const void *vb)
{
	const struct cand *a = va, *b = vb;

	if (a->inter != b->inter)
		return a->inter > b->inter ? -1 : 1;
	if (a->g != b->g)
		return a->g < b->g ? -1 : 1;
	return a->p < b->p ? -1 : a->p > b->p;
}

/* the lenient pairs of the golds' Q sets and the predictions, greedily
 * by the largest overlap: pg[i] is gold i's prediction + 1, 0 for none,
 * and pp[j] prediction j's gold + 1 */
static void
pairup(const struct set *q, size_t ng, struct article *a, size_t *pg, size_t *pp)
{
	struct cand *c = xrealloc(NULL, (ng * a->nq + 1) * sizeof *c);
	size_t i, j, n = 0, inter, big;

	for (i = 0; i < ng; i++)
		for (j = 0; j < a->nq; j++) {
			if (a->q[j].skip)
				continue;
			inter = overlap(&q[i], &a->q[j].s);
			big = size(&q[i]) > size(&a->q[j].s) ? size(&q[i]) : size(&a->q[j].s);
			if (inter && SHARE_DEN * inter >= SHARE_NUM * big) {
				c[n].g = i, c[n].p = j, c[n++].inter = inter;
			}
		}
	qsort(c, n, sizeof *c, cmpcand);
	for (i = 0; i < n; i++)
		if (!pg[c[i].g] && !pp[c[i].p])
			pg[c[i].g] = c[i].p + 1, pp[c[i].p] = c[i].g + 1;
	free(c);
}

static void
pitem(const struct article *a, const char *status, const struct gold *g,
    const struct set *q, const struct pquote *p, int ok, int type, int shp)
{
	printf("item\t%s\t%s\t%s\t", a->name, status, g ? g->attr : "-");
	if (p)
		printf("%zu", p->qno);
	else
		putchar('-');
	printf("\t%zu\t%zu\t%zu\t%s\t%s\t%s", g && p ? overlap(q, &p->s) : 0,
	    g ? size(q) : 0, p ? size(&p->s) : 0, g && p ? (ok ? "1" : "0") : "-",
	    g ? typename[type] : "-", g ? shapename[shp] : "-");
	puttext(g ? g->source : "");
	puttext(p ? p->speaker : "");
	puttext(p ? p->stext : "");
	if (g)
		putset(q, a->t);
	else
		putchar('\t');
	if (p)
		putset(&p->s, a->t);
	else
		putchar('\t');
	putchar('\n');
}

/* the gold rows of article a in G (marked) or outside it, into out;
 * their count */
static size_t
golds(struct gold *all, size_t nall, const struct article *a, int marked,
    struct gold **out)
{
	size_t i, n = 0;

	for (i = 0; i < nall; i++)
		if (strcmp(all[i].article, a->name) == 0 && all[i].marked == marked &&
		    all[i].c.n)
			out[n++] = &all[i];
	return n;
}

/* the gold of article a must lie in its text */
static void
inbounds(const struct gold *all, size_t nall, const struct article *a)
{
	size_t i, j;

	for (i = 0; i < nall; i++)
		for (j = 0; j < all[i].c.n; j++)
			if (strcmp(all[i].article, a->name) == 0 && all[i].c.v[j].e > a->tn)
				die("%s:%zu: content past the end of %s", goldpath,
				    all[i].line, a->name);
}

/* are a and b the same once trimmed (see trim) */
static int
sametrimmed(const struct set *a, const struct set *b, const char *t)
{
	struct set ta = { 0 }, tb = { 0 };
	int same;

	trim(&ta, a, t);
	trim(&tb, b, t);
	same = sameset(&ta, &tb);
	free(ta.v);
	free(tb.v);
	return same;
}

/* gold quote g of G, with its Q, and its prediction p or none */
static void
scoregold(const struct article *a, const struct gold *g, const struct set *q,
    const struct pquote *p)
{
	int ok = p && samespeaker(g->source, p), type = wordtype(g->source);
	int shp = shape(&g->c, q, a->t), exact = p && sametrimmed(q, &p->s, a->t);

	tot.content += p != NULL;
	tot.exact += exact;
	tot.speaker += ok;
	count(&tot.type[type], p != NULL, ok);
	count(&tot.shape[shp], p != NULL, ok);
	pitem(a, exact ? "exact" : p ? "lenient" : "miss", g, q, p, ok, type, shp);
}

/* an unpaired prediction: fp, or fp-nomarks when it overlaps one of the
 * no golds outside G */
static void
unpaired(const struct article *a, const struct pquote *p, struct gold **other, size_t no)
{
	size_t i;

	for (i = 0; i < no; i++)	/* 3/10 of it in their content */
		if (10 * overlap(&other[i]->c, &p->s) >= 3 * size(&p->s))
			break;
	tot.nomarks += i < no;
	pitem(a, i >= no ? "fp" : indirect ? "fp-marks" : "fp-nomarks", NULL, NULL, p, 0, 0, 0);
}

/* score one article against its gold rows */
static void
scorearticle(struct article *a, struct gold *all, size_t nall)
{
	struct gold **g = xrealloc(NULL, (nall + 1) * sizeof *g);
	struct gold **other = xrealloc(NULL, (nall + 1) * sizeof *other);
	size_t i, j, ng, no, *pg, *pp;
	struct set *q;

	ng = golds(all, nall, a, !indirect, g);
	no = golds(all, nall, a, indirect, other);
	q = xrealloc(NULL, (ng + 1) * sizeof *q);
	for (i = 0; i < ng; i++) {
		memset(&q[i], 0, sizeof q[i]);
		quoted(&q[i], &g[i]->c, a->t);
	}
	for (j = 0; j < a->nq; j++) {
		normalize(&a->q[j].s);
		tot.pred += !a->q[j].skip;
		tot.skipped += a->q[j].skip;
	}
	pg = calloc(ng + 1, sizeof *pg);
	pp = calloc(a->nq + 1, sizeof *pp);
	if (!pg || !pp)
		die("out of memory");
	pairup(q, ng, a, pg, pp);
	for (i = 0; i < ng; i++)
		scoregold(a, g[i], &q[i], pg[i] ? &a->q[pg[i] - 1] : NULL);
	for (j = 0; j < a->nq; j++)
		if (!a->q[j].skip && !pp[j])
			unpaired(a, &a->q[j], other, no);
	tot.gold += ng;
	for (i = 0; i < ng; i++)
		free(q[i].v);
	free(q);
	free(pg);
	free(pp);
	free(g);
	free(other);
}

static void
freearticle(struct article *a)
{
	size_t i;

	for (i = 0; i < a->npara; i++) {
		free(a->para[i].text);
		free(a->para[i].at);
	}
	for (i = 0; i < a->nq; i++) {
		free(a->q[i].speaker);
		free(a->q[i].stext);
		free(a->q[i].s.v);
	}
	free(a->para);
	free(a->q);
	free(a->t);
}

static void
polnear(const char *path)
{
	struct gold *gold;
	struct article a;
	size_t ngold, n, i;
	char ***list;

	goldpath = path;
	gold = readgold(path, &ngold);
	list = readlist(4, &n);
	for (i = 0; i < ngold; i++)
		if (gold[i].marked == !indirect && !listed(list, n, gold[i].article))
			die("%s:%zu: %s is not in the list", path, gold[i].line,
			    gold[i].article);
	for (i = 0; i < n; i++) {
		memset(&a, 0, sizeof a);
		a.name = list[i][0];
		a.t = readfile(list[i][1], &a.tn);
		inbounds(gold, ngold, &a);
		readparas(&a, list[i][2]);
		readquotes(&a, list[i][3]);
		scorearticle(&a, gold, ngold);
		freearticle(&a);
		tot.articles++;
	}

	printf("count\tarticles\t%zu\ncount\tgold\t%zu\ncount\tpred\t%zu\n",
	    tot.articles, tot.gold, tot.pred);
	printf("count\tparas\t%zu\ncount\tparas-lost\t%zu\n", tot.paras, tot.lost);
	printf("count\tquotes-skipped\t%zu\ncount\t%s\t%zu\n", tot.skipped,
	    indirect ? "fp-marks" : "fp-nomarks", tot.nomarks);
	prf("content", tot.content, tot.pred, tot.gold);
	prf("content-exact", tot.exact, tot.pred, tot.gold);
	acc("speaker", tot.speaker, tot.content);
	prf("quote+speaker", tot.speaker, tot.pred, tot.gold);
	prf("quote+speaker-subset", tot.speaker, tot.pred - tot.nomarks, tot.gold);
	putcases("source", typename, tot.type, NTYPES);
	putcases("shape", shapename, tot.shape, NSHAPES);

	for (i = 0; i < ngold; i++) {
		free(gold[i].article);
		free(gold[i].attr);
		free(gold[i].source);
		free(gold[i].c.v);
	}
	free(gold);
	freelist(list, n, 4);
}

int
main(int argc, char **argv)
{
	if (argc == 4 && strcmp(argv[1], "-s") == 0)
		seeds(argv[2], argv[3]);
	else if (argc == 3 && strcmp(argv[1], "-p") == 0 && strcmp(argv[2], "-i") != 0)
		polnear(argv[2]);
	else if (argc == 4 && strcmp(argv[1], "-p") == 0 && strcmp(argv[2], "-i") == 0) {
		indirect = 1;
		polnear(argv[3]);
	} else
		die("usage: quotescore -s quotes scare <list | -p [-i] gold <list");
	if (fflush(stdout) == EOF || ferror(stdout))
		die("write error");
	return 0;
}
