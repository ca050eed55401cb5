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
buf_add(struct buf *b, const void *s, size_t n)
{
	buf_grow(b, n);
	if (n)
		memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
}

void
buf_addc(struct buf *b, int c)
{
	buf_grow(b, 1);
	b->p[b->len++] = (char)c;
	b->p[b->len] = '\0';
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
lines_add(struct lines *l, const char *s, size_t n)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? 2 * l->cap : 256;
		l->v = nu_realloc(l->v, l->cap * sizeof *l->v);
	}
	l->v[l->n].off = l->text.len;
	l->v[l->n].len = n;
	l->n++;
	buf_add(&l->text, s, n);
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
