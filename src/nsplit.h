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
	int ctl;		/* the line given to line() holds a control byte
				   (TAB, FF...): a hint, so that a format need not
				   search every line for a form feed */
	struct buf base;	/* ID base derived from the file name */

	/* the article being built */
	struct buf meta;	/* key NUL value NUL ... */
	size_t nmeta;
	struct lines body;	/* body lines; len 0: a blank line (a block break) */
	int open;		/* an article is being built */
	int done;		/* a finished article waits for its ID */
	unsigned long narts;	/* articles started in this input */
	int paras;		/* body lines are paragraphs already: never join */
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
};

extern const struct fmt fmt_text, fmt_lexisnexis, fmt_nexisuni, fmt_factiva,
    fmt_proquest, fmt_mbox;

/* the article builder (art.c) */
void art_start(struct ctx *c);		/* begin an article (closing any open one) */
void art_meta(struct ctx *c, const char *key, const char *val, size_t n);
void art_line(struct ctx *c, const char *s, size_t n);	/* body line; blank = block break */
void art_finish(struct ctx *c);		/* the article is complete */
void art_input_end(struct ctx *c);	/* end of input: write what waits */
int art_empty(const struct ctx *c);	/* the open article has no content yet */
int art_last(const struct ctx *c, const char **s, size_t *n, size_t *blanks);
void art_unline(struct ctx *c, size_t k);	/* drop the last k body lines */

#endif
