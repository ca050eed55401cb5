/* striprule.c: which paragraphs are the article, and what is metadata.
 *
 * An article is judged in five steps (nstrip(1) tells them for readers).
 *
 * 1. Line patterns that mean the same wherever they stand (strippat.c).
 * 2. jusText's classes: a paragraph is good (long, with the stop word
 *    density of running text), near-good, short or bad; short and
 *    near-good ones take the class of their neighbours.
 * 3. The main block: the run of paragraphs with the greatest sum of
 *    scores, good prose counting its words and menus against it (Finn's
 *    body text extraction, on lines).  It starts below a repeat of the
 *    page title, ends at a comments header or a bio, and takes in the
 *    sentences right after it.
 * 4. The title: the last headline-like line above the block; where the
 *    page repeats it (a page title, then the headline), the first copy
 *    stays and the second goes.  Above the title everything goes; between
 *    title and block only bylines and prose (the standfirst) are told.
 * 5. Below the block everything goes, bios with their own reason.  Inside
 *    it go teasers, captions, lists of links and repeated paragraphs.
 *
 * Metadata comes from the lines that carry it (pat_value), the article's
 * own lines first, and from the title and standfirst, which stay. */
#include "nu.h"
#include "strip.h"

#include <string.h>

const char *const strip_why[NWHY] = {
	"keep", "dup-title", "byline", "bio", "dateline", "credit", "caption",
	"counter", "nav", "teaser", "appeal", "ad", "cookie", "newsletter",
	"share", "related", "legal", "repeated", "short", "outside",
	"links", "comments", "footer", "aside",
};

const char *const strip_hcls[NHCLS] = {
	"", "nav", "header", "footer", "aside", "figcaption", "form", "comments", "menu",
	"article",
};

const char *const strip_metakey[NMETA] = {
	"title", "subtitle", "byline", "date", "image_credit", "copyright",
};

/* jusText's thresholds: characters, and stop words per word */
#define LEN_LOW 70
#define LEN_HIGH 200
#define STOP_LOW 30		/* percent */
#define STOP_HIGH 32
#define PROSE_WORDS 40		/* long prose: never dropped for repeating */
#define CAPTION_WORDS 50	/* a caption next to a credit is no longer */
#define LIST_RUN 4		/* short lines in a row in the text: a list of links */
#define REACH 8			/* how far a short line looks for its neighbours */
#define LINKS_HIGH 800		/* per mille of a paragraph's text in links: a menu */
#define LINKS_LOW 400		/* the same for one shorter than prose */
#define ARTICLE_WORDS 50	/* words in a page's <article> to go by it */
#define CARD_WORDS 30		/* a teaser card's blurb is no longer */
#define BOX_LINES 4		/* a signup box's parts are no farther apart */
#define BOX_WORDS 20		/* and its other lines no longer */

static int
density(const struct para *p)	/* stop words per 100 sampled words */
{
	return p->sample ? (int)(100 * p->stops / p->sample) : 0;
}

/* ---- step 2: jusText's classes ---- */

/* Does p write out a web address ("http://...", "www...")?  A link
 * whose text is its address is a reference the author gives, not a menu
 * item, which names where it leads. */
static int
address(const struct para *p)
{
	size_t i;

	for (i = 0; i < p->n; i++)
		if ((i == 0 || !nu_isalnum((unsigned char)p->t[i - 1])) &&
		    (nu_prefix(p->t + i, p->n - i, "http://") ||
		    nu_prefix(p->t + i, p->n - i, "https://") || nu_prefix(p->t + i, p->n - i, "www.")))
			return 1;
	return 0;
}

/* What the web page said of a paragraph: the element it stood in,
 * whether it links to a story it cuts short ("...": a teaser), and
 * whether its text is mostly links (a menu, a list of other articles):
 * less than prose needs, which has a link here and there. */
static int
hinted(const struct para *p)
{
	static const int why[NHCLS] = {
		[H_NAV] = W_NAV, [H_MENU] = W_NAV, [H_FOOTER] = W_FOOTER, [H_ASIDE] = W_ASIDE,
		[H_FIGCAPTION] = W_CAPTION, [H_COMMENTS] = W_COMMENTS,
	};

	if (why[p->hcls])
		return why[p->hcls];
	if (p->links && (p->flags & F_ELLIPSIS))
		return W_TEASER;	/* a linked headline, its story cut short */
	if ((p->links >= LINKS_HIGH || (p->links >= LINKS_LOW && p->words < PROSE_WORDS)) &&
	    !address(p))
		return W_LINKS;
	return W_KEEP;
}

/* A heading that is a link: the headline of a teaser card. */
static int
cardhead(const struct para *p)
{
	return p->heading && p->links >= LINKS_HIGH;
}

/* Teaser cards (a linked headline, one line of blurb, the next card):
 * the blurb of a card that another follows goes as a teaser.  The blurb
 * is short, holds no link and is no heading above the card's (the page's
 * own headline may follow a linked one), and the next card starts with a
 * link right after it.  Two lines or more between linked headlines are
 * the article's text around a box of links. */
static void
cards(struct article *a)
{
	size_t i;

	for (i = 0; i + 2 < a->np; i++) {
		const struct para *h = &a->p[i], *b = &a->p[i + 1], *n = &a->p[i + 2];

		if (cardhead(h) && b->why == W_KEEP && !b->links && b->words <= CARD_WORDS &&
		    (!b->heading || b->heading > h->heading) && n->links >= LINKS_HIGH)
			a->p[i + 1].why = W_TEASER;
	}
}

/* A newsletter's signup box: its heading, a line of blurb, the button;
 * or lines between two of its parts ("Thanks for signing up!").  The
 * lines from a heading to a part of the box at most BOX_LINES below it,
 * or between two parts, go as newsletter when none is longer than
 * BOX_WORDS or has a link: text between boxes is the article's. */
static void
boxes(struct article *a)
{
	size_t i, j, k;

	for (i = 1; i < a->np; i++) {
		if (!pat_signup(&a->p[i]))
			continue;
		for (j = i; j-- > 0 && i - j <= BOX_LINES;) {
			const struct para *p = &a->p[j];

			if (pat_signup(p) || (p->why == W_KEEP && p->heading)) {
				for (k = j; k < i; k++)
					if (a->p[k].why == W_KEEP)
						a->p[k].why = W_NEWSLETTER;
				break;
			}
			if (p->why == W_KEEP && (p->words > BOX_WORDS || p->links))
				break;
		}
	}
}

/* A page that marks its article (<article>, <main>, articleBody) and has
 * most of its words there: what stands in it is the article, short lines
 * and lists too, and what stands outside it is not, but for headings
 * (the headline may stand above).  Returns whether the page does. */
static int
articled(struct article *a)
{
	unsigned long in = 0, all = 0;
	size_t i;

	for (i = 0; i < a->np; i++)
		if (a->p[i].why == W_KEEP) {
			all += a->p[i].words;
			if (a->p[i].hcls == H_ARTICLE)
				in += a->p[i].words;
		}
	if (in < ARTICLE_WORDS || 2 * in < all)
		return 0;
	for (i = 0; i < a->np; i++) {
		if (a->p[i].why != W_KEEP)
			continue;
		if (a->p[i].hcls == H_ARTICLE)
			a->p[i].cls = C_GOOD;	/* its lists and short lines too */
		else if (!a->p[i].heading)
			a->p[i].why = W_OUTSIDE;
	}
	return 1;
}

static int
classify(const struct article *a, const struct para *p)
{
	int d;

	/* C4's "ends in punctuation", applied only to short lines: a
	 * headline or a link, not prose */
	if (p->chars < LEN_LOW || (p->words < 20 && !(p->flags & F_END)))
		return C_SHORT;
	if (a->lang < 0)	/* no stop words to go by: length alone */
		return p->chars >= LEN_HIGH ? C_GOOD : C_NEAR;
	d = density(p);
	if (d >= STOP_HIGH)
		return p->chars > LEN_HIGH ? C_GOOD : C_NEAR;
	if (d >= STOP_LOW)
		return C_NEAR;
	return C_BAD;
}

/* jusText's context: for each paragraph the class of the nearest one
 * before and after it that is not short (n*) and that is neither short
 * nor near-good (g*); the edges count as bad.  One pass each way. */
struct near {
	signed char pn, pg, nn, ng;
	int run;		/* near-good paragraphs in its group */
};

/* The nearest classes seen walking one way, and how far back they are. */
struct seen {
	int n, g;		/* not short; neither short nor near-good */
	unsigned dn, dg;	/* paragraphs passed since */
};

static void
pass(struct seen *s, int cls)
{
	s->dn++;
	s->dg++;
	if (cls != C_SHORT)
		s->n = cls, s->dn = 0;
	if (cls != C_SHORT && cls != C_NEAR)
		s->g = cls, s->dg = 0;
}

/* A neighbour past REACH short lines is too far to count: a long run of
 * short lines is a menu wherever it stands. */
static signed char
near(int cls, unsigned d)
{
	return (signed char)(d < REACH ? cls : C_BAD);
}

static void
context(const struct article *a, const int *cls, struct near *c)
{
	struct seen s = {C_BAD, C_BAD, 0, 0};
	size_t i;

	for (i = 0; i < a->np; pass(&s, cls[i++])) {
		c[i].pn = near(s.n, s.dn);
		c[i].pg = near(s.g, s.dg);
	}
	s.n = s.g = C_BAD;
	s.dn = s.dg = 0;
	for (i = a->np; i-- > 0; pass(&s, cls[i])) {
		c[i].nn = near(s.n, s.dn);
		c[i].ng = near(s.g, s.dg);
	}
}

/* How many near-good paragraphs stand together, a single short line
 * between two of them not parting them (a list of teasers has a headline
 * and a label between its items). */
static void
nearruns(const struct article *a, const int *cls, struct near *c)
{
	size_t i, from = 0;
	int n = 0, gap = 0;

	for (i = 0; i <= a->np; i++) {
		if (i < a->np && cls[i] == C_NEAR) {
			if (n == 0)
				from = i;
			n++;
			gap = 0;
			continue;
		}
		if (i < a->np && cls[i] == C_SHORT && n > 0 && ++gap < 2)
			continue;
		for (; n > 0 && from < i; from++)
			c[from].run = n;
		n = gap = 0;
	}
}

static void
smooth(struct article *a, int *cls, struct near *c)
{
	size_t i;

	for (i = 0; i < a->np; i++)
		cls[i] = a->p[i].why != W_KEEP ? C_BAD : a->p[i].cls;
	context(a, cls, c);
	nearruns(a, cls, c);
	for (i = 0; i < a->np; i++) {
		struct para *p = &a->p[i];

		if (cls[i] == C_SHORT) {
			/* short paragraphs between good ones are good,
			 * between bad ones bad */
			if (c[i].pg == C_GOOD && c[i].ng == C_GOOD)
				p->cls = C_GOOD;
			else if (c[i].pg == C_BAD && c[i].ng == C_BAD)
				p->cls = C_BAD;
			else
				p->cls = c[i].pn == C_BAD || c[i].nn == C_BAD ? C_BAD : C_GOOD;
		} else if (cls[i] == C_NEAR) {
			/* near-good ones are good unless both neighbours are
			 * bad, or when three stand together: the short
			 * articles jusText misses */
			p->cls = c[i].run >= 3 || c[i].pg != C_BAD || c[i].ng != C_BAD ? C_GOOD : C_BAD;
		}
	}
}

/* ---- step 3: the main block ---- */

/* A sentence: ends like one, has a few words and some stop words. */
static int
sentence(const struct article *a, const struct para *p)
{
	return (p->flags & F_END) && p->words >= 3 && !(p->flags & F_ELLIPSIS) &&
	    (a->lang < 0 || p->stops > 0);
}


/* Good prose counts its words.  A short line counts against the block,
 * unless it is a sentence or its neighbours made it good: then it
 * neither makes nor breaks it. */
static long
score(const struct article *a, const struct para *p, int cls)
{
	switch (p->why) {
	case W_KEEP:
		break;
	case W_NAV: case W_SHARE: case W_RELATED: case W_NEWSLETTER: case W_COOKIE:
	case W_LEGAL: case W_APPEAL: case W_LINKS:
		return -3;	/* menus, share bars, lists of links part the text */
	default:
		return 0;	/* captions, credits, ads sit inside it */
	}
	if (classify(a, p) == C_SHORT)
		return cls == C_GOOD || (sentence(a, p) && p->words <= 30) ? 0 : -3;
	if (cls == C_GOOD)
		return p->words;
	if (sentence(a, p) && p->words <= 30)
		return 0;
	return -(long)(3 + p->words / 2);
}

/* The run [*b0, *b1) within [from, to) with the greatest sum; empty
 * when nothing scores. */
static void
block(const struct article *a, const int *cls, size_t from, size_t to, size_t *b0, size_t *b1)
{
	long sum = 0, best = 0;
	size_t i, start = from;

	*b0 = *b1 = from;
	for (i = from; i < to; i++) {
		if (sum <= 0) {
			sum = 0;
			start = i;
		}
		sum += score(a, &a->p[i], cls[i]);
		if (sum > best) {
			best = sum;
			*b0 = start;
			*b1 = i + 1;
		}
	}
}

/* ---- step 4: the title ---- */

/* Is b the headline in page title a?  The same text, or a run of a's
 * parts between separators ("Opinion | Headline - The Times") that is
 * at least half of it, so that the site's name alone is none. */
static size_t
sepat(const char *s, size_t n)
{
	static const char *const seps[] = {
		" - ", " | ", " \xe2\x80\x93 ", " \xe2\x80\x94 ", " : ", " :: ", " \xc2\xb7 ",
		" \xe2\x80\xa2 ", " \xc2\xbb ", NULL,
	};
	const char *const *l;

	for (l = seps; *l; l++)
		if (nu_prefix(s, n, *l))
			return strlen(*l);
	return 0;
}

static int
sametitle(const struct para *a, const struct para *b)
{
	size_t i;

	if (a->n == b->n)
		return memcmp(a->t, b->t, a->n) == 0;
	if (a->n < b->n || 2 * b->n < a->n)
		return 0;
	for (i = 0; i + b->n <= a->n; i++) {
		if ((i > 0 && a->t[i - 1] != ' ') || a->t[i] != b->t[0] ||
		    memcmp(a->t + i, b->t, b->n) != 0)
			continue;
		/* a separator before (or the start) and after (or the end) */
		if ((i == 0 || (i >= 3 && sepat(a->t + i - 3, 3) == 3) ||
		    (i >= 4 && sepat(a->t + i - 4, 4) == 4) || (i >= 5 && sepat(a->t + i - 5, 5) == 5)) &&
		    (i + b->n == a->n || sepat(a->t + i + b->n, a->n - i - b->n)))
			return 1;
	}
	return 0;
}

static int
headline(const struct para *p)
{
	return p->why == W_KEEP && (p->flags & F_TITLE) && p->words <= 30 && p->alpha >= 2;
}

/* Sets *t to the title line and *d to its repeat (or np); returns 0 when
 * there is none above the block. */
static int
title(const struct article *a, size_t b0, size_t *t, size_t *d)
{
	size_t i, j, look = 0;

	*d = a->np;
	for (i = b0; i-- > 0 && look < 8;) {
		const struct para *p = &a->p[i];

		if (p->why != W_KEEP)
			continue;
		if (headline(p))
			break;
		look++;
	}
	if (i == (size_t)-1 || look >= 8)
		return 0;
	*t = i;
	for (j = 0; j < i; j++)
		if (a->p[j].why == W_KEEP && sametitle(&a->p[j], &a->p[i])) {
			*t = j;
			*d = i;
			break;
		}
	return 1;
}

/* ---- step 5: what is left ---- */

/* A teaser: the start of a later paragraph, cut short ("...") or not. */
static int
teaser(const struct article *a, size_t i)
{
	const struct para *p = &a->p[i];
	size_t n = p->n, j;

	if (p->flags & F_ELLIPSIS) {
		while (n && (p->t[n - 1] == '.' || p->t[n - 1] == ' '))
			n--;
		if (n >= 3 && memcmp(p->t + n - 3, "\xE2\x80\xA6", 3) == 0)
			n -= 3;
		n = nu_rtrim(p->t, n);
	}
	if (n < 30)
		return 0;
	for (j = i + 1; j < a->np && j < i + 8; j++)
		if (a->p[j].n > n && memcmp(a->p[j].t, p->t, n) == 0)
			return 1;
	return 0;
}

/* May p be dropped for occurring elsewhere? Not a quotation, not prose. */
static int
repeatable(const struct article *a, const struct para *p)
{
	if (!(p->flags & F_NORM) || (p->flags & F_QUOTE) || p->fp == 0)
		return 0;
	return !(p->words >= PROSE_WORDS && (a->lang < 0 || density(p) >= STOP_LOW));
}

void
rule_count(struct article *a)
{
	size_t i;
	uint64_t tag;

	/* long paragraphs that are no prose may repeat: read them whole */
	for (i = 0; i < a->np; i++)
		if (a->lang >= 0 && density(&a->p[i]) < STOP_LOW)
			feat_full(&a->p[i]);
	tag = fp_article(a);
	for (i = 0; i < a->np; i++)
		if (repeatable(a, &a->p[i]))
			a->p[i].seen = fp_count(a->p[i].fp, tag);
}

/* Why a line outside the block goes: a long one without stop words or a
 * sentence's end is a menu (nav), prose is outside, the rest short. */
static int
outside(const struct article *a, const struct para *p)
{
	int c = classify(a, p);

	if (pat_comments(p))
		return W_NAV;
	if (c == C_BAD && !(p->flags & F_END))
		return W_NAV;
	return c >= C_NEAR ? W_OUTSIDE : W_SHORT;
}

static void
setmeta(struct article *a, int k, const char *s, size_t n)
{
	if (a->meta[k].v)
		return;
	a->meta[k].v = s;
	a->meta[k].n = n;
}

/* A name on its own line is a byline next to a "By", a date or a bio. */
static int
nameline(const struct article *a, size_t i)
{
	static const int by[] = {W_BYLINE, W_DATELINE, W_BIO};
	size_t k;

	if (!(a->p[i].flags & F_NAME))
		return 0;
	for (k = 0; k < 3; k++)
		if ((i > 0 && a->p[i - 1].why == by[k]) || (i + 1 < a->np && a->p[i + 1].why == by[k]))
			return 1;
	return 0;
}

/* Is line i a byline by its place: "By" alone, or a name next to a
 * byline, a date line or a bio?  Marks it so. */
static int
byplace(struct article *a, size_t i)
{
	struct para *p = &a->p[i];
	size_t k;

	if (p->n == 2 && nu_iprefix(p->t, 2, "by")) {
		p->why = W_BYLINE;
	} else if (nameline(a, i)) {
		p->why = W_BYLINE;
		k = nu_prefix(p->t, p->n, "By ") ? 3 : 0;
		pat_value(p, M_BYLINE, p->t + k, p->n - k);
	}
	return p->why == W_BYLINE;
}

/* The block's first lines may hold the byline ("By", the names, the
 * paper's name): a marked article has it between the standfirst and the
 * first paragraph.  Those lines go as bylines.  Returns where the block
 * starts now, below them when nothing else was above. */
static size_t
bytop(struct article *a, size_t b0, size_t b1)
{
	size_t i;

	for (i = b0; i < b1 && i < b0 + REACH; i++)
		if (a->p[i].why == W_KEEP)
			byplace(a, i);
	while (b0 < b1 && (a->p[b0].why == W_BYLINE || a->p[b0].why == W_DATELINE))
		b0++;
	return b0;
}

/* Above the title everything goes; between title and block, bylines
 * stay bylines and prose (the standfirst) stays. */
static void
header(struct article *a, size_t t, size_t d, size_t b0)
{
	size_t i, from = (d < a->np ? d : t) + 1;
	const struct para *h = &a->p[d < a->np ? d : t];

	for (i = 0; i < from; i++)
		if (i != t && a->p[i].why == W_KEEP)
			a->p[i].why = outside(a, &a->p[i]);
	if (d < a->np)
		a->p[d].why = W_DUPTITLE;
	for (i = from; i < b0; i++) {
		struct para *p = &a->p[i];

		if (p->why != W_KEEP || byplace(a, i))
			continue;
		if (!sentence(a, p) && p->cls != C_GOOD)
			p->why = outside(a, p);
		else
			setmeta(a, M_SUBTITLE, p->t, p->n);
	}
	setmeta(a, M_TITLE, h->t, h->n);
}

/* Below the block: bios and their names go as such, the rest as short
 * or outside; in an article without prose, sentences stay. */
static void
tail(struct article *a, size_t b1, int noprose)
{
	size_t i;

	for (i = b1; i < a->np; i++) {
		struct para *p = &a->p[i], *next = i + 1 < a->np ? &a->p[i + 1] : NULL;

		if (p->why != W_KEEP)
			continue;
		if (pat_bio(p))
			p->why = W_BIO;
		else if ((p->flags & F_NAME) && next && (pat_bio(next) ||
		    (next->n == p->n && memcmp(next->t, p->t, p->n) == 0)))
			p->why = W_BYLINE;
		else if ((p->flags & F_NAME) && i > b1 && a->p[i - 1].why == W_BYLINE)
			p->why = W_BYLINE;
		else if (!(noprose && sentence(a, p)))
			p->why = outside(a, p);
	}
}

/* A line of a list of links: short, no sentence; on a web page, with a
 * link in it (a table's rows or a list of ingredients have none). */
static int
linkish(const struct article *a, const struct para *p)
{
	return p->why == W_KEEP && classify(a, p) == C_SHORT && !sentence(a, p) && p->words >= 4 &&
	    (!a->web || p->links);
}

/* Is p a line of a list of links: short, no sentence, in a run of
 * LIST_RUN such lines? */
static int
listrun(const struct article *a, size_t i, size_t b0, size_t b1)
{
	size_t j, k;

	for (j = i; j > b0 && linkish(a, &a->p[j - 1]); j--)
		;
	for (k = i + 1; k < b1 && linkish(a, &a->p[k]); k++)
		;
	return k - j >= LIST_RUN;
}

/* Inside the block: teasers, captions by their credit, repeats. */
static void
inside(struct article *a, size_t b0, size_t b1, size_t t)
{
	size_t i;

	for (i = b0; i < b1; i++) {
		struct para *p = &a->p[i];

		if (p->why != W_KEEP || i == t)
			continue;
		if (teaser(a, i))
			p->why = W_TEASER;
		else if (p->words <= CAPTION_WORDS && !(p->flags & F_QUOTE) &&
		    i + 2 < b1 && a->p[i + 1].why == W_CREDIT && a->p[i + 2].why != W_CAPTION)
			p->why = W_CAPTION;	/* an image credit with more text after */
		else if (i > b0 && i + 1 < b1 && a->p[i - 1].cls == C_GOOD && a->p[i - 1].words >= 20 &&
		    a->p[i + 1].cls == C_GOOD && a->p[i + 1].words >= 20 && pat_verbless(a, p))
			p->why = W_CAPTION;
		else if (repeatable(a, p) && p->seen)
			p->why = W_REPEATED;
		else if (linkish(a, p) && listrun(a, i, b0, b1))
			p->why = W_RELATED;
	}
}

/* "LONDON, Nov. 19, 2019 (Reuters) - ...": the date in the first line. */
static void
firstdate(struct article *a, size_t b0)
{
	struct para *p;
	char iso[64];
	size_t k;

	if (b0 >= a->np || a->p[b0].vkey >= 0)
		return;
	p = &a->p[b0];
	for (k = 0; k + 3 < p->n && k < 80; k++)
		if (p->t[k] == ' ' && (p->t[k + 1] == '-' || p->t[k + 1] == '\xe2') &&
		    (nu_prefix(p->t + k, p->n - k, " - ") || nu_prefix(p->t + k, p->n - k, " -- ") ||
		    nu_prefix(p->t + k, p->n - k, " \xe2\x80\x94 ") ||
		    nu_prefix(p->t + k, p->n - k, " \xe2\x80\x93 ")))
			break;
	if (k + 3 < p->n && k < 80 && date_iso(p->t, k, iso) && strlen(iso) >= 10)
		pat_value(p, M_DATE, p->t, k);
}

/* The metadata the paragraphs carry: from the article's own lines (the
 * title to a few lines below the block) first, else the first anywhere,
 * so that the byline or date of a story linked in the margin is not this
 * one's. */
static void
liftall(struct article *a, size_t from, size_t to)
{
	size_t i;
	int k;

	for (k = 0; k < NMETA; k++) {
		for (i = from; i < to && a->p[i].vkey != k; i++)
			;
		if (i == to)
			for (i = 0; i < a->np && a->p[i].vkey != k; i++)
				;
		if (i == a->np)
			continue;
		if (k == M_DATE) {
			if (!date_iso(a->p[i].t + a->p[i].voff, a->p[i].vlen, a->date))
				continue;
			setmeta(a, k, a->date, strlen(a->date));
		} else {
			setmeta(a, k, a->p[i].t + a->p[i].voff, a->p[i].vlen);
		}
	}
}

/* The page title repeated below ("Headline - Site", later "Headline")
 * marks where the article starts: the last repeat before the end of the
 * block, or 0. */
static size_t
anchor(const struct article *a, size_t b1)
{
	size_t j, h = 0;

	if (!headline(&a->p[0]))
		return 0;
	for (j = 1; j < b1; j++)
		if (headline(&a->p[j]) && sametitle(&a->p[0], &a->p[j]))
			h = j;
	return h;
}

/* Where the block may end: before the first comments header after the
 * first good paragraph from "from". */
static size_t
limit(const struct article *a, size_t from)
{
	size_t i;

	for (i = from; i < a->np && a->p[i].cls != C_GOOD; i++)
		;
	for (; i < a->np; i++)
		if (pat_comments(&a->p[i]))
			return i;
	return a->np;
}

/* A bio in the second half of the block ends the article: what follows
 * it is the site's. */
static size_t
biocut(struct article *a, const int *cls, size_t b0, size_t b1)
{
	unsigned long total = 0, seen = 0;
	size_t i;

	for (i = b0; i < b1; i++)
		if (cls[i] == C_GOOD)
			total += a->p[i].words;
	for (i = b0; i < b1; i++) {
		if (cls[i] == C_GOOD)
			seen += a->p[i].words;
		if (2 * seen >= total && a->p[i].why == W_KEEP && pat_bio(&a->p[i]))
			return i;
	}
	return b1;
}

void
rule_article(struct article *a)
{
	static struct buf work;
	int *c, marked;
	size_t i, b0, b1, t, d, h, end;

	if (a->np == 0)
		return;
	/* the classes, and room for their context, as large as the largest
	 * article so far */
	buf_reset(&work);
	buf_grow(&work, a->np * (sizeof(int) + sizeof(struct near)));
	c = (int *)(void *)work.p;
	for (i = 0; i < a->np; i++) {
		a->p[i].why = pat_line(&a->p[i]);
		if (a->p[i].why == W_KEEP)
			a->p[i].why = hinted(&a->p[i]);
		a->p[i].cls = a->p[i].why == W_KEEP ? classify(a, &a->p[i]) : C_BAD;
	}
	cards(a);
	boxes(a);
	marked = articled(a);
	smooth(a, c, (struct near *)(void *)(c + a->np));
	for (i = 0; i < a->np; i++)
		c[i] = a->p[i].cls;
	end = limit(a, 0);
	block(a, c, 0, end, &b0, &b1);
	if ((h = anchor(a, b1))) {
		end = limit(a, h);
		block(a, c, h + 1, end, &b0, &b1);
	}
	b1 = biocut(a, c, b0, b1);
	/* a sentence right after the block ends it, and so do the lines of
	 * a marked article (a list at its end) up to a heading */
	while (b1 > b0 && b1 < end && (a->p[b1].why != W_KEEP || sentence(a, &a->p[b1]) ||
	    (marked && a->p[b1].hcls == H_ARTICLE && !a->p[b1].heading)) &&
	    !(a->p[b1].why == W_KEEP && pat_bio(&a->p[b1])))
		b1++;
	/* appeals stand at the end, and are long: read those whole */
	for (i = b1 > b0 + 3 ? b1 - 3 : b0; i < a->np; i++)
		if (a->p[i].why == W_KEEP && a->p[i].words <= 120 && !(a->p[i].flags & F_NORM)) {
			feat_full(&a->p[i]);
			if (pat_appeal(&a->p[i]))
				a->p[i].why = W_APPEAL;
		}
	/* and furniture and bios at its end are not part of it */
	while (b1 > b0 && (a->p[b1 - 1].why != W_KEEP || pat_bio(&a->p[b1 - 1])))
		b1--;
	b0 = bytop(a, b0, b1);
	t = a->np;
	d = h ? h : a->np;
	if (h || title(a, b0, &t, &d)) {
		if (h)
			t = 0;
		header(a, t, d, b0);
	} else {
		for (i = 0; i < b0; i++)
			if (a->p[i].why == W_KEEP)
				a->p[i].why = outside(a, &a->p[i]);
	}
	inside(a, b0, b1, t);
	tail(a, b1, b0 == b1);
	firstdate(a, b0);
	liftall(a, t < b0 ? t : b0, b1 + 8 < a->np ? b1 + 8 : a->np);
}
