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

enum { R_OTHER, R_PARA, R_JUNK, R_HINT };

/* the article being gathered (its records in G) */
static struct group G;
static struct {
	size_t *para;		/* record index of each paragraph */
	size_t np, capp;
	struct para *p;		/* room for capp */
	struct stok *tok;	/* the paragraphs' tokens */
	size_t captok;
	struct article a;
} A;

static void
usage(void)
{
	fprintf(stderr, "usage: %s [-lm] [-s file] [file ...]\n", nu_prog);
	exit(2);
}

static void
addrec(const struct rec *r, const char *line, size_t len, int kind)
{
	if (kind == R_PARA) {
		if (A.np == A.capp) {
			A.capp = A.capp ? 2 * A.capp : 256;
			A.para = nu_realloc(A.para, A.capp * sizeof *A.para);
			A.p = nu_realloc(A.p, A.capp * sizeof *A.p);
		}
		A.para[A.np++] = G.nr;
	}
	group_add(&G, r, line, len, kind);
}

/* "0.350" as 350, without strtod(3) and its locale */
static unsigned
permille(const char *s, size_t n)
{
	unsigned v = 0, scale = 1000;
	size_t i = 0;

	for (; i < n && nu_isdigit((unsigned char)s[i]); i++)
		v = v * 10 + (unsigned)(s[i] - '0');
	v *= 1000;
	if (i < n && s[i] == '.')
		for (i++; i < n && nu_isdigit((unsigned char)s[i]) && scale > 1; i++)
			v += (unsigned)(s[i] - '0') * (scale /= 10);
	return v > 1000 ? 1000 : v;
}

/* A hint record's fields: class, links, heading (after id, kind, n). */
static void
hint(struct para *p, const char *line, const struct grec *rc)
{
	const char *f = line + rc->f3, *e = line + rc->len, *t;
	int k;

	for (k = 1; k < NHCLS; k++)
		if (strlen(strip_hcls[k]) == rc->f3l && memcmp(strip_hcls[k], f, rc->f3l) == 0)
			p->hcls = k;
	if (!(t = memchr(f, '\t', (size_t)(e - f))))
		return;
	p->links = permille(t + 1, (size_t)(e - t - 1));
	if ((t = memchr(t + 1, '\t', (size_t)(e - t - 1))))
		p->heading = (unsigned)strtoul(t + 1, NULL, 10);
}

/* Each hint record belongs to the paragraph before it with its number. */
static void
hints(void)
{
	size_t i, k = 0;

	for (i = 0; i < G.nr; i++) {
		const struct grec *rc = &G.r[i];
		const char *line = group_line(&G, i);

		if (rc->kind == R_PARA)
			k++;
		else if (rc->kind == R_HINT && k > 0 && rc->f2l == A.p[k - 1].numl &&
		    memcmp(line + rc->f2, A.p[k - 1].num, rc->f2l) == 0) {
			hint(&A.p[k - 1], line, rc);
			A.a.web = 1;
		}
	}
}

/* The paragraphs, measured: pointers into the arena, which no longer
 * moves, and room for their tokens. */
static void
measure(void)
{
	size_t i, room = 0;

	for (i = 0; i < A.np; i++) {
		const struct grec *rc = &G.r[A.para[i]];
		const char *line = group_line(&G, A.para[i]);

		memset(&A.p[i], 0, sizeof A.p[i]);
		A.p[i].vkey = -1;
		A.p[i].num = line + rc->f2;
		A.p[i].numl = rc->f2l;
		A.p[i].t = line + rc->f3;
		A.p[i].n = rc->f3l;
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
	hints();
	feat_article(&A.a);
}

static void
writemeta(void)
{
	int k;

	for (k = 0; k < NMETA; k++) {
		if (!A.a.meta[k].v || A.a.has[k])
			continue;
		out_add(G.id.p, G.id.len);
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
	out_add(G.id.p, G.id.len);
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

	for (i = 0; i < G.nr; i++) {
		const struct grec *rc = &G.r[i];
		const char *line = group_line(&G, i);

		if (!lifted && rc->kind != R_OTHER) {
			writemeta();
			lifted = 1;
		}
		if (rc->kind == R_PARA) {
			struct para *p = &A.p[k++];

			if (p->why == W_KEEP)
				out_add(line, rc->len + 1);
			else if (opt.mark)
				writejunk(p);
		} else if (rc->kind != R_HINT || (k > 0 && A.p[k - 1].why == W_KEEP)) {
			out_add(line, rc->len + 1);	/* (a dropped paragraph's hint goes too) */
		}
	}
	if (!lifted)
		writemeta();
}

static void
flush(void)
{
	if (!G.open)
		return;
	measure();
	rule_count(&A.a);
	if (!opt.learn) {
		rule_article(&A.a);
		emit();
	}
	G.open = 0;
}

static void
begin(const struct rec *r)
{
	flush();
	group_begin(&G, r->f[0], r->fl[0]);
	A.np = 0;
	memset(&A.a, 0, sizeof A.a);
	A.a.lang = -1;
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
	const struct kind *k = rec_known(in, r);
	int kind = R_OTHER;

	if (!G.open || !rec_sameid(r, G.id.p, G.id.len))
		begin(r);
	if (k == &nu_kinds[K_PARA]) {
		kind = R_PARA;
	} else if (k == &nu_kinds[K_JUNK]) {
		kind = R_JUNK;
	} else if (k == &nu_kinds[K_HINT]) {
		kind = R_HINT;
	} else if (k == &nu_kinds[K_META]) {
		meta(r);
	}
	addrec(r, r->line, r->len, kind);	/* with its fields: measure() needs no split */
}

/* A line that is no record: reported, and passed through in its place. */
static void
notrec(struct lrd *in)
{
	nu_warnx("%s:%lu: not a record", in->name, in->lineno);
	if (G.open)
		addrec(NULL, in->line, in->len, R_OTHER);
	else if (!opt.learn)
		rec_write_line(in->line, in->len);
}

#ifdef NU_FUZZ
void
fuzz_init(void)
{
	feat_init();
	pat_init();
}

/* flags: bit 0 -m.  The table of paragraphs seen (`repeated`) is kept
 * from input to input, as from article to article. */
void
fuzz_one(struct lrd *in, unsigned flags)
{
	opt.mark = flags & 1;
	rec_read(in, record, notrec);
	flush();
}
#else
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
#endif
