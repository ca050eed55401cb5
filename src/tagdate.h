/* tagdate.h: dates in a paragraph's tokens, for ntag (tagdate.c). */
#ifndef TAGDATE_H
#define TAGDATE_H

#include "nu.h"

struct dspan {
	uint32_t a, b;		/* tokens [a, b) */
	char iso[16];		/* ISO 8601 value, or "" when not resolvable */
};
/* Date expressions among the tokens t[0..nt) of text s (tok_split's, with
 * sent_split's TF_END marks if the caller has them); ref is the article's
 * date as "YYYY-MM-DD" (a prefix "YYYY-MM" or "YYYY" serves what it can),
 * or NULL.  Fills up to max spans in order and returns how many.  Values
 * are YYYY-MM-DD, YYYY-MM, YYYY, or YYYY-Www for a week ("last week").
 * No allocation after the first call, which builds the word lists; not
 * for threads. */
size_t date_find(const char *s, const struct tok *t, size_t nt, const char *ref,
    struct dspan *out, size_t max);

#endif
