/* buf.c: growable byte buffers, and lists of lines in one; they double, so appends are amortised O(1)
 * and a reused buffer stops allocating once it has seen the largest article. */
#include "nu.h"

#include <stdlib.h>
#include <string.h>

void
buf_grow(struct buf *b, size_t need)
{
	size_t cap;

	if (b->len + need + 1 <= b->cap)
		return;
	cap = b->cap ? b->cap : 256;
	while (cap < b->len + need + 1) {
		if (cap > ((size_t)-1) / 2)
			nu_die(1, "out of memory");
		cap *= 2;
	}
	b->p = nu_realloc(b->p, cap);
	b->cap = cap;
}

void
buf_adds(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

void
buf_free(struct buf *b)
{
	free(b->p);
	b->p = NULL;
	b->len = b->cap = 0;
}

void
lines_grow(struct lines *l)
{
	l->cap = l->cap ? 2 * l->cap : 256;
	l->v = nu_realloc(l->v, l->cap * sizeof *l->v);
}

void
lines_reset(struct lines *l)
{
	buf_reset(&l->text);
	l->n = 0;
}

void
lines_drop(struct lines *l, size_t k)
{
	if (k > l->n)
		k = l->n;
	l->n -= k;
	l->text.len = l->n ? l->v[l->n - 1].off + l->v[l->n - 1].len : 0;
}
