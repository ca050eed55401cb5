/* ntag: named entities (PER ORG LOC MISC) and dates in the stream.
 *
 * An article's records are kept until the next article starts (group.c):
 * the tagger's document features (a word seen in small letters, a name
 * given before) and the canonical names look at the whole article.  Its
 * paragraphs are unescaped into one buffer, tokenized and split into
 * sentences by the library, tagged (tagfeat.c), and written again with
 * the ent records after their paragraph.  -C tags CoNLL files instead,
 * -T trains a model (tagconll.c, tagtrain.c). */
#include "tag.h"
#include "tagent.h"

#include <stdlib.h>
#include <unistd.h>

#ifndef NTAG_MODEL
#define NTAG_MODEL "/usr/local/share/newsutils/ntag.model"
#endif

/* -C (tagconll.c): conll_input for each input, between the two */
void conll_begin(const struct model *m, int bilou);
void conll_input(struct lrd *in, void *arg);
void conll_end(void);
size_t conll_read(const char *path, struct tdoc **docs, size_t *nd, size_t *capd,
    const struct model *m, char **text);

static struct {
	int nodate;		/* -d */
	const char *alias;	/* -a */
} opt;

enum { R_OTHER, R_PARA, R_ENT, R_DATE };	/* R_OTHER is 0, as group_notrec keeps */

static struct {
	unsigned long long articles, tokens;
} stats;			/* -v: what was tagged */

static struct group G;
static struct model M;
static struct tart A;

static void
usage(void)
{
	fprintf(stderr, "usage: %s [-dv] [-a aliases] [-m model] [file ...]\n"
	    "       %s -C [-b] [-m model] [file ...]\n"
	    "       %s -T train [-T train ...] [-v] [-e epochs] [-r runs] [-c clusters]\n"
	    "            [-g gazetteer] [-m base] -o model\n", nu_prog, nu_prog, nu_prog);
	exit(2);
}

/* The number in s, from 1 to max, or usage. */
static int
number(const char *s, int max)
{
	char *end;
	long n = strtol(s, &end, 10);

	if (*s == '\0' || *end || n < 1 || n > max)
		usage();
	return (int)n;
}

static void
flush(void)
{
	size_t i, k = 0, j = 0;

	if (!G.open)
		return;
	tart_begin(&A);
	for (i = 0; i < G.nr; i++) {
		const struct grec *r = &G.r[i];
		const char *line = group_line(&G, i);

		if (r->kind == R_PARA)
			tart_para(&A, line + r->f3, r->f3l);
		else if (r->kind == R_DATE)
			tart_date(&A, line + r->f3, r->f3l);
	}
	tart_tag(&A, &M, !opt.nodate);
	stats.articles++;
	stats.tokens += A.d.n;
	for (i = 0; i < G.nr; i++) {
		const struct grec *r = &G.r[i];
		const char *line = group_line(&G, i);

		if (r->kind == R_ENT)
			continue;
		out_add(line, r->len + 1);
		if (r->kind != R_PARA)
			continue;
		for (; j < A.ne && A.e[j].para == k; j++)
			tart_write(&A, &A.e[j], G.id.p, G.id.len, line + r->f2, r->f2l);
		k++;
	}
	G.open = 0;
}

static void
record(struct lrd *in, struct rec *r)
{
	const struct kind *k = rec_known(in, r);
	int kind = R_OTHER;

	group_next(&G, r, flush);
	if (k == &nu_kinds[K_PARA])
		kind = R_PARA;
	else if (k == &nu_kinds[K_ENT])
		kind = R_ENT;
	else if (k == &nu_kinds[K_META] && r->fl[2] == 4 && memcmp(r->f[2], "date", 4) == 0)
		kind = R_DATE;
	group_add(&G, r, r->line, r->len, kind);
}

static void
notrec(struct lrd *in)
{
	group_notrec(&G, in);
}

static void
load(const char *path)
{
	if (!path)
		path = getenv("NTAG_MODEL");
	if (!path || !*path)
		path = NTAG_MODEL;
	if (model_load(&M, path) < 0)
		exit(1);
}

struct trainargs {
	const char *data[16];
	int ndata;
	const char *clusters, *gaz, *base, *out;
	struct trainopt o;
};

static void
train(struct trainargs *t)
{
	struct tdoc *docs = NULL;
	char *text[16];
	size_t nd = 0, capd = 0, tokens = 0, k;
	int i;

	memset(&M, 0, sizeof M);
	if (t->base) {
		struct model b;

		if (model_load(&b, t->base) < 0)
			exit(1);
		model_resources(&M, &b);
		model_free(&b);
	} else {
		ht_init(&M.clus, 0);
		ht_init(&M.gaz, 0);
	}
	if (t->clusters)
		model_clusters(&M, t->clusters);
	if (t->gaz)
		model_gazetteer(&M, t->gaz);
	for (i = 0; i < t->ndata; i++)
		tokens += conll_read(t->data[i], &docs, &nd, &capd, &M, &text[i]);
	if (tokens == 0)
		nu_die(1, "%s: no tokens to train on", t->data[0]);
	if (t->o.verbose)
		fprintf(stderr, "%s: %zu documents, %zu tokens\n", nu_prog, nd, tokens);
	tag_train(&M, docs, nd, &t->o);
	for (k = 0; k < nd; k++)
		tdoc_free(&docs[k]);
	free(docs);
	for (i = 0; i < t->ndata; i++)
		free(text[i]);
	if (model_save(&M, t->out) < 0)
		exit(1);
	model_free(&M);
}

#ifdef NU_FUZZ
void
fuzz_init(void)
{
	load(NULL);
}

/* flags: bit 0 -C, bit 1 -b (with -C), bit 2 -d */
void
fuzz_one(struct lrd *in, unsigned flags)
{
	opt.nodate = flags >> 2 & 1;
	if (flags & 1) {
		conll_begin(&M, flags >> 1 & 1);
		conll_input(in, NULL);
		conll_end();
		return;
	}
	rec_read(in, record, notrec);
	flush();
}
#else
int
main(int argc, char **argv)
{
	struct trainargs t = {.o = {.epochs = 20, .runs = 8, .seed = 1}};
	const char *model = NULL;
	int c, conll = 0, bilou = 0, epochs = 0, runs = 0;

	nu_init(argv[0]);
	while ((c = getopt(argc, argv, "a:bCc:de:g:m:o:r:T:v")) != -1) {
		switch (c) {
		case 'a': opt.alias = optarg; break;
		case 'b': bilou = 1; break;
		case 'C': conll = 1; break;
		case 'c': t.clusters = optarg; break;
		case 'd': opt.nodate = 1; break;
		case 'e':
			epochs = 1;
			t.o.epochs = number(optarg, 1000);
			break;
		case 'g': t.gaz = optarg; break;
		case 'm': model = optarg; break;
		case 'o': t.out = optarg; break;
		case 'r':
			runs = 1;
			t.o.runs = number(optarg, 64);
			break;
		case 'T':
			if (t.ndata == 16)
				usage();
			t.data[t.ndata++] = optarg;
			break;
		case 'v': t.o.verbose = 1; break;
		default:
			usage();
		}
	}
	if (t.ndata) {
		if (!t.out || optind < argc || conll || opt.alias || opt.nodate || bilou)
			usage();
		t.base = model;
		train(&t);
		return nu_status;
	}
	if (t.out || t.clusters || t.gaz || epochs || runs || (conll && (opt.alias || opt.nodate || t.o.verbose)) || (bilou && !conll))
		usage();
	load(model);
	if (conll) {
		conll_begin(&M, bilou);
		nu_inputs(argc - optind, argv + optind, conll_input, NULL);
		conll_end();
	} else {
		if (opt.alias)
			tart_aliases(&A, opt.alias);
		nu_records(argc - optind, argv + optind, record, notrec);
		flush();
		if (t.o.verbose)
			fprintf(stderr, "%s: %llu articles, %llu tokens\n", nu_prog,
			    stats.articles, stats.tokens);
	}
	return nu_out_finish() ? 1 : nu_status;
}
#endif
