/* tag.h: ntag's tagger.  An averaged perceptron over BILOU labels,
 * searched left to right with a beam and trained for that search
 * (tagfeat.c: tokens, features, the search; tagtrain.c: training;
 * tagmodel.c: the model file and its hash tables). */
#ifndef TAG_H
#define TAG_H

#include "nu.h"

/* Labels: O, then B I L U for each of the types PER ORG LOC MISC. */
enum { TY_PER, TY_ORG, TY_LOC, TY_MISC, NTYPE };
enum { P_B, P_I, P_L, P_U };
#define NLAB (1 + 4 * NTYPE)
#define LAB(ty, pos) (1 + 4 * (ty) + (pos))
#define LTYPE(l) (((l) - 1) / 4)
#define LPOS(l) (((l) - 1) % 4)
extern const char *const tag_type[NTYPE];
int tag_typeno(const char *s, size_t n);	/* TY_* of "PER"..., or -1 */

/* An open-addressing table of 64-bit keys (0 is no key) and 32-bit
 * values; its size is a power of two and it is never more than half
 * full, so a probe ends soon. */
struct htab {
	uint64_t *k;
	uint32_t *v;
	size_t mask, n;
};
void ht_init(struct htab *t, size_t n);	/* room for n keys */
uint32_t *ht_put(struct htab *t, uint64_t key);	/* the value slot, added as 0 */
void ht_free(struct htab *t);

static inline uint64_t
hmix(uint64_t h)
{
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdULL;
	h ^= h >> 33;
	h *= 0xc4ceb9fe1a85ec53ULL;
	h ^= h >> 33;
	return h ? h : 1;
}

/* The value of key, or 0 when it is not in t. */
static inline uint32_t
ht_get(const struct htab *t, uint64_t key)
{
	size_t i = key & t->mask;

	for (; t->k[i]; i = (i + 1) & t->mask)
		if (t->k[i] == key)
			return t->v[i];
	return 0;
}

uint64_t thash(const char *s, size_t n);
uint64_t tag_lowhash(const char *w, size_t n);	/* of the word in small letters */
/* the hash of an n-gram from the lower-case hashes of its words */
static inline uint64_t
ngram_next(uint64_t g, uint64_t w)
{
	return hmix(g * 0x9e3779b97f4a7c15ULL + w);
}

/* One word list of the gazetteer: a name and up to GAZMAX of them.
 * A gazetteer value has bit l set for list l; GAZPRE marks the prefix of
 * a longer name, so that matching knows when to go on. */
#define GAZMAX 16
#define GAZLEN 6		/* words in a name, at most */
#define GAZPRE 0x80000000u

/* A word's clusters: k4096 in bits 0-11, k1024 12-21, k256 22-29. */
#define CL_IN 0x40000000u	/* the word has clusters */
#define CL4K(c) ((c) & 0xfff)
#define CL1K(c) ((c) >> 12 & 0x3ff)
#define CL256(c) ((c) >> 22 & 0xff)

/* The model: weights of the features, word clusters, gazetteer. */
struct model {
	struct htab feat;	/* feature key -> row + 1 */
	int16_t *w;		/* rows of NLAB weights */
	size_t nrows;
	float scale;		/* weight = w / scale */
	struct htab clus;	/* lower-case word -> CL_* */
	struct htab gaz;	/* lower-case n-gram -> list bits */
	int nlist;
	char list[GAZMAX][24];
	unsigned gen;		/* tells models apart for tag_doc's cache */
	void *mem;		/* the file, when loaded */
};
unsigned model_gen(void);	/* a new gen */
int model_load(struct model *m, const char *path);	/* 0, or -1 with a message */
int model_save(const struct model *m, const char *path);
void model_free(struct model *m);
void model_clusters(struct model *m, const char *path);	/* read word clusters TSV */
void model_gazetteer(struct model *m, const char *path);	/* read list<TAB>name TSV */
void model_resources(struct model *m, const struct model *from);	/* share clusters, gazetteer */

/* A token as the tagger sees it. */
enum {
	TT_CAP = 1,		/* starts with a capital */
	TT_ALLCAP = 2,		/* two or more capitals and no small letter */
	TT_FIRST = 4,		/* first word of its sentence */
	TT_LOWSEEN = 8,		/* the document has it in small letters too */
	TT_DIGIT = 16,
	TT_PUNCT = 32,		/* no letter or digit */
	TT_HEAD = 64,		/* in a sentence in capitals (a headline) */
};
struct ttok {
	const char *w;		/* as written */
	uint32_t n;
	uint32_t clus;
	uint64_t hw;		/* hash of the word as written */
	uint64_t hl;		/* lower case */
	uint64_t hn;		/* lower case, digits as 0 */
	uint64_t hs;		/* short shape: Xx, X.X., d-d */
	uint64_t hlong;		/* long shape: Xxxxx */
	uint64_t gaz;		/* bit 4 * list + BILOU position of a name match */
	uint16_t fl;
	uint8_t gold, pred;	/* labels */
};

/* A document being tagged: its tokens, sentence by sentence. */
struct tdoc {
	struct ttok *t;
	size_t n, cap;
	size_t *sent;		/* first token of each sentence, and n last */
	size_t ns, caps;
	struct htab low;	/* words seen in small letters */
	struct htab hist;	/* word -> type + 1 predicted before */
};
void tdoc_reset(struct tdoc *d);
void tdoc_free(struct tdoc *d);
struct ttok *tdoc_add(struct tdoc *d, const char *w, size_t n);
void tdoc_endsent(struct tdoc *d);
/* Look everything up once the document is complete. */
void tdoc_prepare(struct tdoc *d, const struct model *m);

/* The version of the feature set and of the search the weights were
 * trained for: a model trained otherwise would tag badly without a
 * word, so it is refused.  2: trained for the beam search. */
#define TAG_FEATURES 2

/* Static features of token i of sentence [a,b): keys into f, returns how
 * many (at most NFEAT).  Dynamic ones depend on the labels before. */
#define NFEAT 96
#define NCTX 56			/* of them context features, gazetteer matches included */
size_t tag_feats(const struct tdoc *d, size_t a, size_t b, size_t i, uint64_t *f);
size_t tag_dynfeats(const struct tdoc *d, size_t i, int p1, int p2, uint64_t *f);
void tag_doc(struct tdoc *d, const struct model *m);	/* sets pred */
void tag_hist_reset(struct tdoc *d);	/* the document's history of words */
void tag_hist(struct tdoc *d, size_t i, int lab);	/* token i got lab */

/* The beam: tagging keeps the TAG_BEAM best label sequences of the
 * sentence so far, and training learns weights for that search.  Step j
 * of a sentence is bm[j * TAG_BEAM ...]; step 0 holds the start. */
#define TAG_BEAM 8
struct beam {
	int64_t sc;		/* of the sequence */
	uint32_t back;		/* its item in the step before */
	uint8_t p1, p2;		/* its last two labels */
	uint8_t gold;		/* it is the gold sequence (training) */
};
struct beam *beam_room(size_t n);	/* steps for a sentence of n tokens */
size_t beam_step(struct beam *cur, const struct beam *prev, size_t np, int64_t (*v)[NLAB],
    int last, int gold);
void beam_best(const struct beam *bm, size_t len, uint8_t *lab);	/* the best's labels */

/* Training (tagtrain.c). */
struct trainer;
struct trainopt {
	int epochs;
	int runs;		/* models, each over its own order, averaged */
	unsigned seed;
	int verbose;		/* say how each epoch went */
};
void tag_train(struct model *m, struct tdoc *docs, size_t ndocs, const struct trainopt *o);

#endif
