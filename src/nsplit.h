/*
 * nsplit.h: what nsplit's input formats share.
 *
 * The driver (nsplit.c) reads each input, repairs UTF-8, strips CR and
 * BOM, detects the format and hands the format one line at a time.  A
 * format turns lines into articles with the builder below (art.c), which
 * numbers the articles, gives them IDs, decides whether the body is
 * hard-wrapped, and writes the records.
 */
#ifndef NSPLIT_H
#define NSPLIT_H

#include "nu.h"

struct ctx {
	const char *source;	/* input name for the doc record, "-" for stdin */
	const char *format;	/* format name for the doc record */
	unsigned long lineno;	/* input line now being read, for messages */
	int ctl;		/* the line given to line() may hold a form feed:
				   a hint, so that a format need not search
				   every line for one */
	struct buf base;	/* ID base derived from the file name */
	const char *plain;	/* the input line now read, when it holds nothing
				   to escape, else NULL: body lines taken from it
				   are written without a search for escapes */
	size_t plainlen;

	/* the article being built */
	struct buf meta;	/* key NUL value NUL ... */
	size_t nmeta;
	struct lines body;	/* body lines; len 0: a blank line (a block break) */
	struct buf bodyplain;	/* per body line: 1 when it holds nothing to escape */
	struct lhint {		/* per body line: where a web page had it */
		const char *cls;	/* "nav", "footer"... or "" */
		unsigned links;		/* per mille of its text in links */
		unsigned heading;	/* 1..6 in h1..h6, else 0 */
	} *hint;
	size_t caphint;
	int hints;		/* the article's lines have hints */
	struct buf id;		/* the article's own ID (WARC), or empty */
	size_t prose;		/* body lines of 150 bytes or more: text, not menus */
	int open;		/* an article is being built */
	int done;		/* a finished article waits for its ID */
	unsigned long narts;	/* articles started in this input */
	int paras;		/* body lines are paragraphs already: never join */
	int one;		/* -1: a text input is one article, unsplit */
	int wrap;		/* the format is known to hard-wrap its bodies:
				   one continued line is evidence enough */

	/* for -v and the announced-count check */
	unsigned long expected;	/* articles the input announces, 0 if it does not */
	unsigned long repaired;	/* bytes repaired as invalid UTF-8 */
	unsigned long lastcount;	/* articles the last input gave */
};

struct fmt {
	const char *name;
	/* 1 when this line (number lineno, 1-based) proves the format */
	int (*sniff)(const char *s, size_t n, unsigned long lineno);
	void (*start)(struct ctx *c);	/* a new input: reset state */
	/* one input line: valid UTF-8, no CR, LF or BOM, blanks kept */
	void (*line)(struct ctx *c, const char *s, size_t n);
	void (*finish)(struct ctx *c);	/* end of input: close what is open */
	/* instead of line, for formats read as bytes (HTML, WARC): the input
	 * as it is, newlines, CR and bytes that are no UTF-8 included, in
	 * pieces */
	void (*bytes)(struct ctx *c, const char *s, size_t n);
};

extern const struct fmt fmt_text, fmt_lexisnexis, fmt_nexisuni, fmt_factiva,
    fmt_proquest, fmt_mbox, fmt_html, fmt_warc;

/* the article builder (art.c) */
void art_start(struct ctx *c);		/* begin an article (closing any open one) */
void art_meta(struct ctx *c, const char *key, const char *val, size_t n);
void art_line(struct ctx *c, const char *s, size_t n);	/* body line; blank = block break */
void art_hint(struct ctx *c, const char *cls, unsigned links, unsigned heading);	/* of the last line */
void art_id(struct ctx *c, const char *s, size_t n);	/* the article's own ID */
void art_finish(struct ctx *c);		/* the article is complete */
void art_input_end(struct ctx *c);	/* end of input: write what waits */
int art_empty(const struct ctx *c);	/* the open article has no content yet */
int art_last(const struct ctx *c, const char **s, size_t *n, size_t *blanks);
void art_unline(struct ctx *c, size_t k);	/* drop the last k body lines */

/* ---- a web page as an article (fmt_html.c; fmt_warc.c too) ---- */
void page_begin(struct ctx *c, const char *charset);	/* charset: NULL, or the server's */
void page_feed(struct ctx *c, const char *s, size_t n);
void page_end(struct ctx *c, int warc);	/* warc: url and date are the archive's */

/* ---- what several formats use to read lines (fmtutil.c) ---- */
#define FMT_NONE ((size_t)-1)	/* no such line */
int fmt_nbsp(const char *s, size_t n, size_t i);	/* U+00A0 at s[i] */
int fmt_inlist(const char *s, size_t n, const char *const *list);	/* any case */
unsigned long fmt_number(const char *s, size_t n, size_t *i);	/* digits at s[*i] */
int fmt_copyright(const char *s, size_t n);	/* "Copyright ...", "(c) ..." */
int fmt_wordcount(const char *s, size_t n);	/* "612 words", "1,204 mots" */
size_t fmt_clock(const char *s, size_t n);	/* "7:15...": length of "7:15", or 0 */
int fmt_weekday(const char *s, size_t n);	/* "Monday", "Mon", "lundi" ... */
int fmt_date(const char *s, size_t n, char *iso);	/* date_iso(3), quicker */
int fmt_datelike(const char *s, size_t n);	/* a date line and little else */
/* lists of held lines (struct lines, nu.h): len 0 is a blank line */
size_t fmt_prev(const struct lines *l, size_t i);	/* last non-blank before i */
size_t fmt_next(const struct lines *l, size_t i);	/* first non-blank from i */
void fmt_swap(struct lines *a, struct lines *b);
void fmt_metas(struct ctx *c, const char *key, const struct lines *l, size_t from, size_t to);
void fmt_body(struct ctx *c, const struct lines *l, size_t from, size_t to);

#endif
