/*
 * strip.h: the parts of nstrip(1).
 *
 * nstrip.c reads the stream and buffers one article; stripfeat.c measures
 * each paragraph (words, stop words, shape); striprule.c decides what is
 * boilerplate and what becomes metadata; stripfp.c remembers paragraphs
 * across articles and runs.  The stop word lists are compiled in from
 * src/data/stoplists by the Makefile (stoplists.c in the build directory).
 */
#ifndef STRIP_H
#define STRIP_H

#include <stddef.h>
#include <stdint.h>

enum { L_EN, L_DE, L_FR, L_ES, L_RU, NLANG };

/* the compiled-in stop word lists, in the order above, each ending in NULL */
extern const char *const *const strip_stop[NLANG];

/* Why a paragraph goes; W_KEEP stays.  The names are the junk records'
 * reasons (strip_why[]), documented in nstrip(1). */
enum why {
	W_KEEP, W_DUPTITLE, W_BYLINE, W_BIO, W_DATELINE, W_CREDIT, W_CAPTION,
	W_COUNTER, W_NAV, W_TEASER, W_APPEAL, W_AD, W_COOKIE, W_NEWSLETTER,
	W_SHARE, W_RELATED, W_LEGAL, W_REPEATED, W_SHORT, W_OUTSIDE,
	W_LINKS, W_COMMENTS, W_FOOTER, W_ASIDE, NWHY
};

/* Where a web page had a paragraph (hint records, from nsplit's HTML):
 * the structural element around it. */
enum { H_NONE, H_NAV, H_HEADER, H_FOOTER, H_ASIDE, H_FIGCAPTION, H_FORM, H_COMMENTS,
    H_MENU, H_ARTICLE, NHCLS };
extern const char *const strip_hcls[NHCLS];	/* as hint records name them */
extern const char *const strip_why[NWHY];

/* jusText's classes of a block */
enum { C_BAD, C_SHORT, C_NEAR, C_GOOD };

/* shape flags of a paragraph */
enum {
	F_END = 1 << 0,		/* ends like a sentence: . ! ? or … */
	F_ELLIPSIS = 1 << 1,	/* ends in ... or … */
	F_QUOTE = 1 << 2,	/* holds a quotation of three words or more */
	F_TITLE = 1 << 3,	/* could be a headline */
	F_NAME = 1 << 4,	/* two to five capitalised words: a name */
	F_NORM = 1 << 5,	/* all tokens read, and a fingerprint */
	F_LOWER = 1 << 6	/* starts with a lower-case letter */
};

#define NORM_MAX 1024	/* paragraphs up to this long may be tokenised whole */
#define FULL_WORDS 40	/* and are when they have no more words */
#define TOK_LONG 32	/* of the others, the first tokens, until asked */
#define STOP_SAMPLE 32	/* tokens looked up for the stop word density */

/* a token: a run of letters and digits, hashed for the word lists (the
 * shared tokenizer of tok.c keeps punctuation and marks, which nstrip
 * does not need, and reads unescaped text) */
struct stok {
	uint64_t h;		/* hash of its letters, lower-cased (no digits) */
	uint32_t is1, first;	/* lists it is a one-word phrase of; lists with
				   a longer phrase starting with it */
	uint32_t off, len;	/* bytes in the text */
	unsigned char digits;	/* how many digits it has */
	unsigned char langs;	/* a stop word of these languages */
};

struct para {
	const char *t;		/* the text field, escaped */
	size_t n;
	const char *num;	/* the number field */
	size_t numl;
	struct stok *tok;	/* all its tokens (F_NORM), or the first TOK_LONG */
	size_t ntok;
	size_t next;		/* where reading tokens stopped */
	int open;		/* there: inside quotation marks */
	unsigned since;		/* and tokens since the last mark */
	uint32_t lists;		/* lists one of its tokens may start a phrase of */
	unsigned words;		/* white-space separated words */
	unsigned chars;		/* characters */
	unsigned alpha;		/* tokens with a letter */
	unsigned caps;		/* tokens that start with a capital letter */
	unsigned digits;	/* tokens of digits only */
	unsigned stops;		/* stop words of the article's language */
	unsigned sample;	/* tokens looked up (the first STOP_SAMPLE) */
	unsigned char hits[NLANG];	/* stop words per language in the sample */
	unsigned flags;
	int cls;		/* C_* */
	int why;		/* W_* */
	int vkey;		/* the meta value it carries: M_*, or -1 */
	size_t voff, vlen;	/* where in the text */
	uint64_t fp;		/* fingerprint (F_NORM), 0 when it has no letter */
	unsigned seen;		/* other articles that held it before */
	int hcls;		/* H_*: from its hint record */
	unsigned links;		/* per mille of its text in links */
	unsigned heading;	/* 1..6 for h1..h6 */
};

/* what nstrip lifts into meta records */
enum { M_TITLE, M_SUBTITLE, M_BYLINE, M_DATE, M_CREDIT, M_COPYRIGHT, NMETA };
extern const char *const strip_metakey[NMETA];

struct lift {
	const char *v;		/* escaped value, or NULL */
	size_t n;
};

struct article {
	struct para *p;
	size_t np;
	int lang;		/* L_*, or -1 when unknown */
	int web;		/* it has hint records: a web page */
	int has[NMETA];		/* the input already has this meta key */
	struct lift meta[NMETA];
	char date[64];		/* meta[M_DATE] points here */
};

/* stripfeat.c */
void feat_init(void);
void feat_addlist(int list, const char *const *phrases);	/* list < 32 */
int feat_lang(const char *s, size_t n);		/* a meta value: L_* or -1 */
size_t feat_room(size_t n);			/* tokens a paragraph may need */
void feat_para(struct para *p, struct stok *room);
void feat_full(struct para *p);			/* all its tokens, F_NORM */
void feat_article(struct article *a);		/* language and stop words */
int feat_isname(const char *s, size_t n);	/* two to five capitalised words */
/* phrases of a list: the whole paragraph, at its start, at its end, in
 * the tokens read; tok_all: every token is a word of list and one of must */
int tok_is(const struct para *p, int list);
int tok_starts(const struct para *p, int list);
int tok_ends(const struct para *p, int list);
int tok_has(const struct para *p, int list);
int tok_all(const struct para *p, int list, int must);

/* strippat.c: the line patterns */
void pat_init(void);
int pat_line(struct para *p);			/* W_*, W_KEEP for none */
int pat_appeal(struct para *p);
int pat_bio(struct para *p);			/* its name is a byline */
int pat_comments(const struct para *p);		/* "Comments": the text ended */
int pat_signup(const struct para *p);		/* a newsletter box's line or button */
int pat_verbless(const struct article *a, const struct para *p);
void pat_value(struct para *p, int key, const char *s, size_t n);

/* striprule.c */
void rule_count(struct article *a);	/* fingerprints: both passes */
void rule_article(struct article *a);

/* stripfp.c: fingerprints of paragraphs seen in other articles */
void fp_load(const char *path);
void fp_save(const char *path);
uint64_t fp_article(const struct article *a);	/* identity of an article */
/* Count p in article tag, once per article; returns how many other
 * articles held it before. */
unsigned fp_count(uint64_t fp, uint64_t tag);

#endif
