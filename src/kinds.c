/* kinds.c: every record kind the tools define, with the columns ntsv
 * gives it.  One table, so that the stream format lives in one place;
 * newsutils(7) documents the same list. */
#include "nu.h"

#include <string.h>

const struct kind nu_kinds[] = {
	{ "doc", "docs", "source format" },
	{ "meta", "meta", "key value" },
	{ "para", "paras", "n text" },
	{ "junk", "junk", "n reason text" },
	{ "quote", "quotes", "qno n start end speaker speaker_text cue kind text" },
	{ "ent", "entities", "n start end type text canon value" },
	{ NULL, NULL, NULL },
};

const struct kind *
kind_by_name(const char *name, size_t n)
{
	const struct kind *k;

	for (k = nu_kinds; k->kind; k++)
		if ((strlen(k->kind) == n && memcmp(k->kind, name, n) == 0) ||
		    (strlen(k->table) == n && memcmp(k->table, name, n) == 0))
			return k;
	return NULL;
}
