/* nquote: who said what: quotations with speaker, cue and position.
 *
 * The records of one article are kept until the next article starts
 * (group.c), since a speaker's fullest name or the antecedent of "he" may
 * be anywhere in it.  The paragraphs' text is unescaped into one buffer,
 * tokenized once, and quote.c finds the quotations; then the article is
 * written again, each quote record right after the paragraph it points
 * into.  Incoming quote records are dropped: nquote replaces them. */
#include "nu.h"
#include "quote.h"

#include <stdlib.h>
#include <unistd.h>

static struct {
	int terms;		/* -a: kind=term records too */
	int direct;		/* -d: no indirect records */
} opt;

enum { R_OTHER, R_PARA, R_JUNK, R_QUOTE };

static struct group G;
static struct qart Q;

static const char *const kindname[] = {"", "direct", "partial", "indirect", "term"};

static void
usage(void)
{
	fprintf(stderr, "usage: %s [-ad] [file ...]\n", nu_prog);
	exit(2);
}

/* The paragraphs' text, unescaped, and their tokens. */
static void
prepare(void)
{
	size_t i, room = 0;

	buf_reset(&Q.text);
	Q.np = 0;
	for (i = 0; i < G.nr; i++) {
		const struct grec *r = &G.r[i];
		struct qpara *p;

		if (r->kind != R_PARA && r->kind != R_JUNK)
			continue;
		Q.p = nu_grow(Q.p, &Q.capp, Q.np, sizeof *Q.p);
		p = &Q.p[Q.np++];
		p->junk = r->kind == R_JUNK;
		p->toff = Q.text.len;
		if (!p->junk)	/* a junk record's text is its fourth field */
			unesc_add(&Q.text, group_line(&G, i) + r->f3, r->f3l);
		p->tlen = Q.text.len - p->toff;
		room += p->tlen;
	}
	if (room > Q.captok) {
		Q.captok = room;
		Q.tok = nu_realloc(Q.tok, (room + 1) * sizeof *Q.tok);
	}
	Q.ntok = 0;
	for (i = 0; i < Q.np; i++) {
		size_t n = tok_split(Q.text.p + Q.p[i].toff, Q.p[i].tlen, Q.tok + Q.ntok, &Q.p[i].st);

		Q.p[i].tok0 = Q.ntok;
		Q.p[i].ntok = n;
		Q.ntok += n;
	}
}

static int
wanted(const struct quote *q)
{
	return q->kind == QK_DIRECT || q->kind == QK_PARTIAL ||
	    (q->kind == QK_INDIRECT && !opt.direct) || (q->kind == QK_TERM && opt.terms);
}

static void
field(int para, uint32_t a, uint32_t b)
{
	out_c('\t');
	if (b > a)
		out_esc(QTEXT(&Q, para) + a, b - a);
}

static void
writequote(const struct piece *pc, const char *num, size_t numl)
{
	const struct quote *q = &Q.q[pc->quote];
	const struct tok *t = QTOK(&Q, q->sp.para);

	out_add(G.id.p, G.id.len);
	out_s("\tquote\t");
	out_u((unsigned long)q->qno);
	out_c('\t');
	out_add(num, numl);
	out_c('\t');
	out_u(pc->start);
	out_c('\t');
	out_u(pc->end);
	field(q->kpara, q->ka, q->kb);
	if (q->sp.type != NP_NONE)
		field(q->sp.para, t[q->sp.t0].off,
		    t[q->sp.t1 - 1].off + stemlen(QTEXT(&Q, q->sp.para), &t[q->sp.t1 - 1]));
	else
		out_c('\t');
	field(q->cpara, q->ca, q->cb);
	out_c('\t');
	out_s(kindname[q->kind]);
	field(pc->para, pc->start, pc->end);
	out_c('\n');
}

static void
emit(void)
{
	size_t i, k = 0, j = 0;
	int qno = 0;

	for (i = 0; i < Q.npc; i++) {	/* numbers in the order of the text */
		struct quote *q = &Q.q[Q.pc[i].quote];

		if (!q->qno && wanted(q))
			q->qno = ++qno;
	}
	for (i = 0; i < G.nr; i++) {
		const struct grec *r = &G.r[i];
		const char *line = group_line(&G, i);

		if (r->kind == R_QUOTE)
			continue;
		out_add(line, r->len + 1);
		if (r->kind != R_PARA && r->kind != R_JUNK)
			continue;
		for (; j < Q.npc && Q.pc[j].para == (int)k; j++)
			if (Q.q[Q.pc[j].quote].qno)
				writequote(&Q.pc[j], line + r->f2, r->f2l);
		k++;
	}
}

static void
flush(void)
{
	if (!G.open)
		return;
	prepare();
	quote_article(&Q, !opt.direct);
	emit();
	G.open = 0;
}

static void
record(struct lrd *in, struct rec *r)
{
	const struct kind *k = rec_known(in, r);
	int kind = R_OTHER;

	if (!G.open || !rec_sameid(r, G.id.p, G.id.len)) {
		flush();
		group_begin(&G, r->f[0], r->fl[0]);
	}
	if (k == &nu_kinds[K_PARA])
		kind = R_PARA;
	else if (k == &nu_kinds[K_JUNK])
		kind = R_JUNK;
	else if (k == &nu_kinds[K_QUOTE])
		kind = R_QUOTE;
	group_add(&G, r, r->line, r->len, kind);
}

/* A line that is no record: reported, and passed through in its place. */
static void
notrec(struct lrd *in)
{
	nu_warnx("%s:%lu: not a record", in->name, in->lineno);
	if (G.open)
		group_add(&G, NULL, in->line, in->len, R_OTHER);
	else
		rec_write_line(in->line, in->len);
}

#ifdef NU_FUZZ
void
fuzz_init(void)
{
	qlex_init();
}

/* flags: bit 0 -a, bit 1 -d */
void
fuzz_one(struct lrd *in, unsigned flags)
{
	opt.terms = flags & 1;
	opt.direct = flags >> 1 & 1;
	rec_read(in, record, notrec);
	flush();
}
#else
int
main(int argc, char **argv)
{
	int c;

	nu_init(argv[0]);
	while ((c = getopt(argc, argv, "ad")) != -1) {
		switch (c) {
		case 'a':
			opt.terms = 1;
			break;
		case 'd':
			opt.direct = 1;
			break;
		default:
			usage();
		}
	}
	qlex_init();
	nu_records(argc - optind, argv + optind, record, notrec);
	flush();
	return nu_out_finish() ? 1 : nu_status;
}
#endif
