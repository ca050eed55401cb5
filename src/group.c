/* group.c: the records of one article, kept until the next one starts.
 *
 * nstrip and nquote judge a paragraph by the whole article around it, so
 * they gather a run of one ID, work, and write it again.  The raw lines
 * go into one arena (the article's memory, reused), each with its kind
 * and where its first two fields start. */
#include "nu.h"

void
group_begin(struct group *g, const char *id, size_t n)
{
	buf_reset(&g->id);
	buf_add(&g->id, id, n);
	buf_reset(&g->arena);
	g->nr = 0;
	g->open = 1;
}

struct grec *
group_add(struct group *g, const struct rec *r, const char *line, size_t len, int kind)
{
	struct grec *gr;

	g->r = nu_grow(g->r, &g->cap, g->nr, sizeof *g->r);
	gr = &g->r[g->nr++];
	gr->off = g->arena.len;
	gr->len = len;
	gr->kind = kind;
	gr->f2 = gr->f2l = gr->f3 = gr->f3l = 0;
	if (r && r->nf >= 4) {
		gr->f2 = (size_t)(r->f[2] - line);
		gr->f2l = r->fl[2];
		gr->f3 = (size_t)(r->f[3] - line);
		gr->f3l = r->fl[3];
	}
	buf_add(&g->arena, line, len);
	buf_addc(&g->arena, '\n');
	return gr;
}

/* Record r's article: when r starts another, flush() the one gathered
 * (if any) and begin r's. */
void
group_next(struct group *g, const struct rec *r, void (*flush)(void))
{
	if (g->open && rec_sameid(r, g->id.p, g->id.len))
		return;
	flush();
	group_begin(g, r->f[0], r->fl[0]);
}

/* A line that is no record: reported, and kept in its place in the
 * article being gathered, or passed through between articles. */
void
group_notrec(struct group *g, const struct lrd *in)
{
	nu_warnx("%s:%lu: not a record", in->name, in->lineno);
	if (g->open)
		group_add(g, NULL, in->line, in->len, 0);
	else
		rec_write_line(in->line, in->len);
}
