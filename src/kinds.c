/* kinds.c: every record kind the tools define, with the columns ntsv
 * gives it.  One table, so that the stream format lives in one place;
 * newsutils(7) documents the same list. */
#include "nu.h"

#include <string.h>

const struct kind nu_kinds[] = {
	[K_DOC] = { "doc", "docs", "source format", 2 },
	[K_META] = { "meta", "meta", "key value", 2 },
	[K_PARA] = { "para", "paras", "n text", 2 },
	[K_JUNK] = { "junk", "junk", "n reason text", 3 },
	[K_QUOTE] = { "quote", "quotes", "qno n start end speaker speaker_text cue kind text", 9 },
	[K_ENT] = { "ent", "entities", "n start end type text canon value", 7 },
	[K_HINT] = { "hint", "hints", "n class links heading", 4 },
	{ NULL, NULL, NULL, 0 },
};

/* The kind of a record, by its KIND field; NULL for kinds not in the
 * table.  Called for every record, so the first byte is compared first. */
const struct kind *
kind_of(const char *name, size_t n)
{
	const struct kind *k;

	size_t i;

	for (k = nu_kinds; k->kind; k++) {
		for (i = 0; i < n && k->kind[i] && k->kind[i] == name[i]; i++)
			;	/* a NUL in name must not take us past k->kind's */
		if (i == n && k->kind[n] == '\0')
			return k;
	}
	return NULL;
}

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
