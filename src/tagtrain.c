/* tagtrain.c: training the tagger, an averaged perceptron.
 *
 * Each token is decoded as tag_doc would, but with the gold labels as
 * the labels before (teacher forcing: the model learns what to do after
 * a right history, which is what it mostly has).  A wrong label moves
 * the weights of its features from the wrong label to the right one.
 * The weights kept are the average over every step (lazily: each row
 * also sums step x change, and the average is w - u / steps), which
 * generalises far better than the last ones.  Documents are shuffled
 * each epoch with a fixed seed, so that training is repeatable. */
#include "tag.h"

#include <math.h>
#include <stdlib.h>

struct trow {
	int32_t w[NLAB];
	int64_t u[NLAB];
};

struct trainer {
	struct htab t;		/* feature key -> row + 1 */
	struct trow *r;
	size_t nr, capr;
	int64_t step;
};

static void
tr_init(struct trainer *tr)
{
	memset(tr, 0, sizeof *tr);
	ht_init(&tr->t, 1 << 16);
	tr->step = 1;
}

static void
tr_free(struct trainer *tr)
{
	ht_free(&tr->t);
	free(tr->r);
	memset(tr, 0, sizeof *tr);
}

static void
score(const struct trainer *tr, int64_t *sc, const uint64_t *f, size_t n)
{
	size_t k;
	int l;

	for (k = 0; k < n; k++) {
		uint32_t r = ht_get(&tr->t, f[k]);

		if (r)
			for (l = 0; l < NLAB; l++)
				sc[l] += tr->r[r - 1].w[l];
	}
}

static void
update(struct trainer *tr, const uint64_t *f, size_t n, int good, int bad)
{
	size_t k;

	for (k = 0; k < n; k++) {
		uint32_t *v = ht_put(&tr->t, f[k]);
		struct trow *r;

		if (!*v) {
			tr->r = nu_grow(tr->r, &tr->capr, tr->nr, sizeof *tr->r);
			memset(&tr->r[tr->nr], 0, sizeof *tr->r);
			*v = (uint32_t)++tr->nr;
		}
		r = &tr->r[*v - 1];
		r->w[good]++;
		r->u[good] += tr->step;
		r->w[bad]--;
		r->u[bad] -= tr->step;
	}
}

/* One pass over a document; returns the tokens it got wrong. */
static size_t
train_doc(struct trainer *tr, struct tdoc *d)
{
	uint64_t f[2 * NFEAT];
	int64_t sc[NLAB];
	size_t s, i, n, wrong = 0;

	tag_hist_reset(d);
	for (s = 0; s < d->ns; s++) {
		size_t a = d->sent[s], b = d->sent[s + 1];
		int p1 = 0, p2 = 0;

		for (i = a; i < b; i++, tr->step++) {
			int best = -1, l, g = d->t[i].gold;

			n = tag_allfeats(d, a, b, i, p1, p2, f);
			memset(sc, 0, sizeof sc);
			score(tr, sc, f, n);
			for (l = 0; l < NLAB; l++)
				if (tag_valid(p1, l, i + 1 == b) && (best < 0 || sc[l] > sc[best]))
					best = l;
			if (best != g) {
				update(tr, f, n, g, best);
				wrong++;
			}
			tag_hist(d, i, best);
			p2 = p1;
			p1 = g;
		}
	}
	ht_free(&d->hist);	/* 16 KB a document, made again next time */
	return wrong;
}

static void
epochs(struct trainer *tr, struct tdoc *docs, size_t nd, const struct trainopt *o)
{
	size_t *order = nu_alloc((nd ? nd : 1) * sizeof *order), i, e, tokens = 0;
	uint64_t rnd = o->seed ? o->seed : 1;

	for (i = 0; i < nd; i++) {
		order[i] = i;
		tokens += docs[i].n;
	}
	for (e = 0; e < (size_t)o->epochs; e++) {
		size_t wrong = 0;

		for (i = nd; i > 1; i--) {	/* Fisher-Yates, with a fixed LCG */
			size_t j, x;

			rnd = rnd * 6364136223846793005ULL + 1442695040888963407ULL;
			j = (size_t)(rnd >> 33) % i;
			x = order[i - 1];
			order[i - 1] = order[j];
			order[j] = x;
		}
		for (i = 0; i < nd; i++)
			wrong += train_doc(tr, &docs[order[i]]);
		if (o->verbose)
			fprintf(stderr, "%s: epoch %zu: %zu of %zu tokens wrong, %zu features\n",
			    nu_prog, e + 1, wrong, tokens, tr->nr);
	}
	free(order);
}

/* The averaged weights into m, scaled to 16 bits; rows that round to
 * nothing are left out. */
static void
finish(struct model *m, const struct trainer *tr)
{
	double mx = 0, *avg = nu_alloc((tr->nr ? tr->nr : 1) * NLAB * sizeof *avg);
	size_t i, j, kept = 0;
	int l;

	for (i = 0; i < tr->nr; i++)
		for (l = 0; l < NLAB; l++) {
			double a = tr->r[i].w[l] - (double)tr->r[i].u[l] / (double)tr->step;

			avg[i * NLAB + l] = a;
			if (fabs(a) > mx)
				mx = fabs(a);
		}
	m->scale = mx > 0 ? (float)(32000.0 / mx) : 1.0f;
	ht_init(&m->feat, tr->nr);
	m->w = nu_alloc((tr->nr ? tr->nr : 1) * NLAB * sizeof *m->w);
	for (j = 0; j <= tr->t.mask; j++) {
		const double *a;
		int16_t q[NLAB];
		int any = 0;

		if (!tr->t.k[j])
			continue;
		a = avg + (size_t)(tr->t.v[j] - 1) * NLAB;
		for (l = 0; l < NLAB; l++) {
			q[l] = (int16_t)lrint(a[l] * m->scale);
			any |= q[l] != 0;
		}
		if (!any)
			continue;
		memcpy(m->w + kept * NLAB, q, sizeof q);
		*ht_put(&m->feat, tr->t.k[j]) = (uint32_t)++kept;
	}
	m->nrows = kept;
	m->gen = model_gen();
	free(avg);
}

void
tag_train(struct model *m, struct tdoc *docs, size_t nd, const struct trainopt *o)
{
	struct trainer tr;

	tr_init(&tr);
	epochs(&tr, docs, nd, o);
	finish(m, &tr);
	tr_free(&tr);
}
