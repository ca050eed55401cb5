/* nstrip: boilerplate out, metadata in, a reason for every line.
 *
 * The records of one article (a run of one ID) are kept until the next
 * article starts, since whether a line is page furniture depends on the
 * lines around it: the densest run of prose, the title above it, the
 * bios and appeals below.  Then the paragraphs are measured
 * (stripfeat.c) and judged (strippat.c, striprule.c), and the article is
 * written again: every record as it came, except paragraphs judged
 * boilerplate, which are dropped or with -m written as junk records, and
 * new meta records before the first paragraph.  Memory is the largest
 * article, plus the fixed fingerprint table of stripfp.c. */
#include "nu.h"
#include "strip.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static struct {
	int mark;		/* -m: junk records instead of nothing */
	int learn;		/* -l: count paragraphs, write nothing */
	const char *fpfile;	/* -s */
} opt;

enum { R_OTHER, R_PARA, R_JUNK };

struct record {
	size_t off, len;	/* the raw line in the arena */
	int kind;
	size_t num, numl;	/* a paragraph's number and text fields, */
	size_t text, textl;	/* from the start of the line */
};

/* the article being gathered */
static struct {
	struct buf id;
	struct buf arena;
	struct record *r;
	size_t nr, capr;
	size_t *para;		/* record index of each paragraph */
	size_t np, capp;
	struct para *p;		/* room for capp */
	struct stok *tok;	/* the paragraphs' tokens */
	size_t captok;
	struct article a;
	int open;
} A;

static void
usage(void)
{
	fprintf(stderr, "usage: %s [-lm] [-s file] [file ...]\n", nu_prog);
	exit(2);
}

static struct record *
addrec(const char *line, size_t len, int kind)
{
	if (A.nr == A.capr) {
		A.capr = A.capr ? 2 * A.capr : 256;
		A.r = nu_realloc(A.r, A.capr * sizeof *A.r);
	}
	A.r[A.nr].off = A.arena.len;
	A.r[A.nr].len = len;
	A.r[A.nr].kind = kind;
	buf_add(&A.arena, line, len);
	buf_addc(&A.arena, '\n');
	if (kind == R_PARA) {
		if (A.np == A.capp) {
			A.capp = A.capp ? 2 * A.capp : 256;
			A.para = nu_realloc(A.para, A.capp * sizeof *A.para);
			A.p = nu_realloc(A.p, A.capp * sizeof *A.p);
		}
		A.para[A.np++] = A.nr;
	}
	return &A.r[A.nr++];
}

/* The paragraphs, measured: pointers into the arena, which no longer
 * moves, and room for their tokens. */
static void
measure(void)
{
	size_t i, room = 0;

	for (i = 0; i < A.np; i++) {
		struct record *rc = &A.r[A.para[i]];
		const char *line = A.arena.p + rc->off;

		memset(&A.p[i], 0, sizeof A.p[i]);
		A.p[i].vkey = -1;
		A.p[i].num = line + rc->num;
		A.p[i].numl = rc->numl;
		A.p[i].t = line + rc->text;
		A.p[i].n = rc->textl;
		room += feat_room(A.p[i].n);
	}
	if (room > A.captok) {
		A.captok = room;
		A.tok = nu_realloc(A.tok, room * sizeof *A.tok);
	}
	for (room = 0, i = 0; i < A.np; i++) {
		feat_para(&A.p[i], A.tok + room);
		room += feat_room(A.p[i].n);
	}
	A.a.p = A.p;
	A.a.np = A.np;
	feat_article(&A.a);
}

static void
writemeta(void)
{
	int k;

	for (k = 0; k < NMETA; k++) {
		if (!A.a.meta[k].v || A.a.has[k])
			continue;
		out_add(A.id.p, A.id.len);
		out_s("\tmeta\t");
		out_s(strip_metakey[k]);
		out_c('\t');
		out_add(A.a.meta[k].v, A.a.meta[k].n);
		out_c('\n');
	}
}

static void
writejunk(const struct para *p)
{
	out_add(A.id.p, A.id.len);
	out_s("\tjunk\t");
	out_add(p->num, p->numl);
	out_c('\t');
	out_s(strip_why[p->why]);
	out_c('\t');
	out_add(p->t, p->n);
	out_c('\n');
}

static void
emit(void)
{
	size_t i, k = 0;
	int lifted = 0;

	for (i = 0; i < A.nr; i++) {
		struct record *rc = &A.r[i];

		if (!lifted && rc->kind != R_OTHER) {
			writemeta();
			lifted = 1;
		}
		if (rc->kind == R_PARA) {
			struct para *p = &A.p[k++];

			if (p->why == W_KEEP)
				out_add(A.arena.p + rc->off, rc->len + 1);
			else if (opt.mark)
				writejunk(p);
		} else {
			out_add(A.arena.p + rc->off, rc->len + 1);
		}
	}
	if (!lifted)
		writemeta();
}

static void
flush(void)
{
	if (!A.open)
		return;
	measure();
	rule_count(&A.a);
	if (!opt.learn) {
		rule_article(&A.a);
		emit();
	}
	A.open = 0;
}

static void
begin(const struct rec *r)
{
	flush();
	buf_reset(&A.id);
	buf_add(&A.id, r->f[0], r->fl[0]);
	buf_reset(&A.arena);
	A.nr = A.np = 0;
	memset(&A.a, 0, sizeof A.a);
	A.a.lang = -1;
	A.open = 1;
}

/* A meta record: note the keys nstrip would add, and the language. */
static void
meta(const struct rec *r)
{
	size_t n = r->fl[2];
	int k;

	for (k = 0; k < NMETA; k++)
		if (strlen(strip_metakey[k]) == n && memcmp(strip_metakey[k], r->f[2], n) == 0)
			A.a.has[k] = 1;
	if (n == 8 && memcmp(r->f[2], "language", 8) == 0 && A.a.lang < 0)
		A.a.lang = feat_lang(r->f[3], r->fl[3]);
}

static void
record(struct lrd *in, struct rec *r)
{
	const struct kind *k = kind_of(r->f[1], r->fl[1]);
	struct record *rc;
	int kind = R_OTHER;

	if (!A.open || !rec_sameid(r, A.id.p, A.id.len))
		begin(r);
	if (k && r->nf - 2 != k->ncols) {
		nu_warnx("%s:%lu: %s record with %d fields, not %d", in->name, in->lineno,
		    k->kind, r->nf - 2, k->ncols);
	} else if (k == &nu_kinds[K_PARA]) {
		kind = R_PARA;
	} else if (k == &nu_kinds[K_JUNK]) {
		kind = R_JUNK;
	} else if (k == &nu_kinds[K_META]) {
		meta(r);
	}
	rc = addrec(r->line, r->len, kind);
	if (kind == R_PARA) {	/* the fields, so that measure() need not split again */
		rc->num = (size_t)(r->f[2] - r->line);
		rc->numl = r->fl[2];
		rc->text = (size_t)(r->f[3] - r->line);
		rc->textl = r->fl[3];
	}
}

/* A line that is no record: reported, and passed through in its place. */
static void
notrec(struct lrd *in)
{
	nu_warnx("%s:%lu: not a record", in->name, in->lineno);
	if (A.open)
		addrec(in->line, in->len, R_OTHER);
	else if (!opt.learn)
		rec_write_line(in->line, in->len);
}

int
main(int argc, char **argv)
{
	int c, rc;

	nu_init(argv[0]);
	while ((c = getopt(argc, argv, "lms:")) != -1) {
		switch (c) {
		case 'l':
			opt.learn = 1;
			break;
		case 'm':
			opt.mark = 1;
			break;
		case 's':
			opt.fpfile = optarg;
			break;
		default:
			usage();
		}
	}
	if (opt.learn && !opt.fpfile) {
		nu_warn("-l needs -s file");
		usage();
	}
	feat_init();
	pat_init();
	if (opt.fpfile)
		fp_load(opt.fpfile);
	nu_records(argc - optind, argv + optind, record, notrec);
	flush();
	rc = nu_out_finish() ? 1 : nu_status;
	if (opt.fpfile)
		fp_save(opt.fpfile);	/* after the output, which is whole */
	return rc;
}
