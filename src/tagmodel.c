/* tagmodel.c: ntag's model file, and the hash tables it is made of.
 *
 * The file is read with one read(2) and used in place: a header, then
 * each table's keys and values and the weights, every section at an
 * offset that is a multiple of 8.  Numbers are in the byte order of the
 * machine that wrote it, which the header's mark tells; a file from a
 * machine of the other order is refused, not misread.  ntag(1) documents
 * the layout. */
#include "tag.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAGIC "NTAGMDL1"
#define ORDER 0x01020304u

struct mhead {
	char magic[8];
	uint32_t order, nlab, nlist, features;
	float scale;
	uint32_t pad;
	uint64_t fcap, nrows, ccap, gcap;
	char list[GAZMAX][24];
};

struct fileargs {		/* what the readers of word lists need */
	struct model *m;
	const char *path;
};

const char *const tag_type[NTYPE] = {"PER", "ORG", "LOC", "MISC"};

unsigned
model_gen(void)
{
	static unsigned gen;

	return ++gen;
}

/* TY_* of a type's name, or -1. */
int
tag_typeno(const char *s, size_t n)
{
	int t;

	for (t = 0; t < NTYPE; t++)
		if (strlen(tag_type[t]) == n && memcmp(tag_type[t], s, n) == 0)
			return t;
	return -1;
}

void
ht_init(struct htab *t, size_t n)
{
	size_t cap = 16;

	while (cap < 2 * n)
		cap *= 2;
	t->k = calloc(cap, sizeof *t->k);
	t->v = calloc(cap, sizeof *t->v);
	if (!t->k || !t->v)
		nu_die(1, "out of memory");
	t->mask = cap - 1;
	t->n = 0;
}

static void
ht_double(struct htab *t)
{
	struct htab o = *t;
	size_t i;

	ht_init(t, o.mask + 1);
	for (i = 0; i <= o.mask; i++)
		if (o.k[i])
			*ht_put(t, o.k[i]) = o.v[i];
	ht_free(&o);
}

uint32_t *
ht_put(struct htab *t, uint64_t key)
{
	size_t i;

	if (2 * (t->n + 1) > t->mask + 1)
		ht_double(t);
	for (i = key & t->mask; t->k[i]; i = (i + 1) & t->mask)
		if (t->k[i] == key)
			return &t->v[i];
	t->k[i] = key;
	t->v[i] = 0;
	t->n++;
	return &t->v[i];
}

void
ht_free(struct htab *t)
{
	free(t->k);
	free(t->v);
	t->k = NULL;
	t->v = NULL;
}

/* A hash of n bytes, eight at a time; the same on every machine, since
 * the words are assembled byte by byte. */
uint64_t
thash(const char *str, size_t n)
{
	const unsigned char *s = (const unsigned char *)str;
	uint64_t h = 0x243f6a8885a308d3ULL ^ n;
	size_t i, j;

	for (i = 0; i + 8 <= n; i += 8) {
		uint64_t x = 0;

		for (j = 0; j < 8; j++)
			x |= (uint64_t)s[i + j] << (8 * j);
		h = (h ^ x) * 0x9e3779b97f4a7c15ULL;
		h ^= h >> 31;
	}
	if (i < n) {
		uint64_t x = 0;

		for (j = 0; i + j < n; j++)
			x |= (uint64_t)s[i + j] << (8 * j);
		h = (h ^ x) * 0x9e3779b97f4a7c15ULL;
	}
	return hmix(h);
}

static size_t
al8(size_t n)
{
	return (n + 7) & ~(size_t)7;
}

/* Bytes of the file for these table sizes. */
static size_t
msize(uint64_t fcap, uint64_t nrows, uint64_t ccap, uint64_t gcap)
{
	return al8(sizeof(struct mhead)) + fcap * 8 + al8(fcap * 4) +
	    al8(nrows * NLAB * 2) + ccap * 8 + al8(ccap * 4) + gcap * 8 + al8(gcap * 4);
}

static int
pow2(uint64_t n)
{
	return n >= 16 && (n & (n - 1)) == 0 && n < ((uint64_t)1 << 40);
}

/* Point t into the file at *off. */
static void
ht_at(struct htab *t, char *mem, size_t *off, uint64_t cap)
{
	t->k = (uint64_t *)(void *)(mem + *off);
	*off += cap * 8;
	t->v = (uint32_t *)(void *)(mem + *off);
	*off += al8(cap * 4);
	t->mask = cap - 1;
}

static int
bad(const char *path, const char *why)
{
	nu_warnx("%s: %s", path, why);
	return -1;
}

static int
readall(int fd, char *p, size_t n)
{
	while (n > 0) {
		ssize_t r = read(fd, p, n);

		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			return -1;
		p += r;
		n -= (size_t)r;
	}
	return 0;
}

/* Every row a feature points at exists. */
static int
rows_ok(const struct model *m)
{
	size_t i;

	for (i = 0; i <= m->feat.mask; i++)
		if (m->feat.k[i] && (m->feat.v[i] == 0 || m->feat.v[i] > m->nrows))
			return 0;
	return 1;
}

int
model_load(struct model *m, const char *path)
{
	struct mhead h;
	struct stat st;
	size_t off;
	char *mem;
	int fd, i;

	memset(m, 0, sizeof *m);
	if ((fd = open(path, O_RDONLY)) < 0 || fstat(fd, &st) < 0) {
		nu_warnx("%s: %s", path, strerror(errno));
		if (fd >= 0)
			close(fd);
		return -1;
	}
	if (!S_ISREG(st.st_mode) || (size_t)st.st_size < sizeof h) {
		close(fd);
		return bad(path, "not a model file (too short)");
	}
	mem = nu_alloc((size_t)st.st_size);
	if (readall(fd, mem, (size_t)st.st_size) < 0) {
		close(fd);
		free(mem);
		return bad(path, "read error");
	}
	close(fd);
	memcpy(&h, mem, sizeof h);
	if (memcmp(h.magic, MAGIC, 8) != 0) {
		free(mem);
		return bad(path, "not a model file (bad magic)");
	}
	if (h.order == 0x04030201u) {
		free(mem);
		return bad(path, "a model written on a machine of the other byte order: retrain it here");
	}
	if (h.order == ORDER && h.features != TAG_FEATURES) {
		free(mem);
		return bad(path, "a model for other features: retrain it with this ntag (ntag -T)");
	}
	if (h.order != ORDER || h.nlab != NLAB || h.nlist > GAZMAX || !pow2(h.fcap) ||
	    !pow2(h.ccap) || !pow2(h.gcap) || h.nrows > h.fcap || !(h.scale > 0) ||
	    msize(h.fcap, h.nrows, h.ccap, h.gcap) != (uint64_t)st.st_size) {
		free(mem);
		return bad(path, "corrupt model file (header and size disagree)");
	}
	off = al8(sizeof h);
	ht_at(&m->feat, mem, &off, h.fcap);
	m->w = (int16_t *)(void *)(mem + off);
	off += al8(h.nrows * NLAB * 2);
	ht_at(&m->clus, mem, &off, h.ccap);
	ht_at(&m->gaz, mem, &off, h.gcap);
	m->nrows = h.nrows;
	m->scale = h.scale;
	m->gen = model_gen();
	m->nlist = (int)h.nlist;
	for (i = 0; i < m->nlist; i++) {
		memcpy(m->list[i], h.list[i], sizeof m->list[i]);
		m->list[i][sizeof m->list[i] - 1] = '\0';
	}
	m->mem = mem;
	if (!rows_ok(m)) {
		free(mem);
		m->mem = NULL;
		return bad(path, "corrupt model file (feature without weights)");
	}
	return 0;
}

static int
put(FILE *f, const void *p, size_t n)
{
	static const char zero[8];

	if (n && fwrite(p, 1, n, f) != n)
		return -1;
	return fwrite(zero, 1, al8(n) - n, f) == al8(n) - n ? 0 : -1;
}

static int
put_ht(FILE *f, const struct htab *t)
{
	size_t cap = t->mask + 1;

	return put(f, t->k, cap * 8) || put(f, t->v, cap * 4) ? -1 : 0;
}

/* Written to a temporary file that is renamed, so that a failed write
 * never leaves half a model where a good one was. */
int
model_save(const struct model *m, const char *path)
{
	struct mhead h;
	struct buf tmp = {0};
	FILE *f;
	int e;

	memset(&h, 0, sizeof h);
	memcpy(h.magic, MAGIC, 8);
	h.order = ORDER;
	h.nlab = NLAB;
	h.features = TAG_FEATURES;
	h.nlist = (uint32_t)m->nlist;
	h.scale = m->scale;
	h.fcap = m->feat.mask + 1;
	h.nrows = m->nrows;
	h.ccap = m->clus.mask + 1;
	h.gcap = m->gaz.mask + 1;
	memcpy(h.list, m->list, sizeof h.list);
	buf_adds(&tmp, path);
	buf_adds(&tmp, ".tmp");
	if (!(f = fopen(tmp.p, "wb"))) {
		nu_warnx("%s: %s", tmp.p, strerror(errno));
		buf_free(&tmp);
		return -1;
	}
	e = put(f, &h, sizeof h) || put_ht(f, &m->feat) ||
	    put(f, m->w, m->nrows * NLAB * 2) || put_ht(f, &m->clus) || put_ht(f, &m->gaz);
	if (fclose(f) != 0)
		e = 1;
	if (e || rename(tmp.p, path) != 0) {
		nu_warnx("%s: %s", e ? tmp.p : path, strerror(errno));
		remove(tmp.p);
		buf_free(&tmp);
		return -1;
	}
	buf_free(&tmp);
	return 0;
}

/* One line of the clusters: word<TAB>k64<TAB>k256<TAB>k1024<TAB>k4096,
 * or a # comment (the header). */
static void
cluster_line(void *arg, char *line, size_t n, unsigned long no)
{
	struct model *m = ((struct fileargs *)arg)->m;
	char *tab = memchr(line, '\t', n);
	unsigned long a, b, c, d;

	if (line[0] == '#')
		return;
	if (!tab || sscanf(tab + 1, "%lu\t%lu\t%lu\t%lu", &a, &b, &c, &d) != 4 ||
	    b > 255 || c > 1023 || d > 4095)
		nu_die(1, "%s:%lu: not word<TAB>k64<TAB>k256<TAB>k1024<TAB>k4096",
		    ((struct fileargs *)arg)->path, no);
	*ht_put(&m->clus, tag_lowhash(line, (size_t)(tab - line))) =
	    CL_IN | (uint32_t)b << 22 | (uint32_t)c << 12 | (uint32_t)d;
}

void
model_clusters(struct model *m, const char *path)
{
	struct fileargs fa = {m, path};

	ht_free(&m->clus);	/* -c replaces the base model's clusters */
	ht_init(&m->clus, 1 << 18);
	nu_file_lines(path, cluster_line, &fa);
}

static int
listno(struct model *m, const char *name, size_t n, const char *path, unsigned long no)
{
	int i;

	for (i = 0; i < m->nlist; i++)
		if (strlen(m->list[i]) == n && memcmp(m->list[i], name, n) == 0)
			return i;
	if (m->nlist == GAZMAX || n == 0 || n >= sizeof m->list[0])
		nu_die(1, "%s:%lu: more than %d lists, or a bad list name", path, no, GAZMAX);
	memcpy(m->list[m->nlist], name, n);
	m->list[m->nlist][n] = '\0';
	return m->nlist++;
}

/* One name: its n-grams from the first word are prefixes, the whole of
 * it is in the list. */
static void
gaz_add(struct model *m, const char *s, size_t n, int l)
{
	struct tok t[128];	/* tok_split needs room for a token a byte */
	uint64_t g = 0;
	size_t nt, i;

	if (n >= sizeof t / sizeof t[0])
		return;		/* no name of six words is that long */
	nt = tok_split(s, n, t, NULL);
	if (nt == 0 || nt > GAZLEN)
		return;
	for (i = 0; i < nt; i++) {
		uint64_t w = tag_lowhash(s + t[i].off, t[i].len);

		g = i ? ngram_next(g, w) : w;
		*ht_put(&m->gaz, g) |= i + 1 < nt ? GAZPRE : (uint32_t)1 << l;
	}
}

/* One line of the gazetteer: list<TAB>name. */
static void
gaz_line(void *arg, char *line, size_t n, unsigned long no)
{
	const struct fileargs *fa = arg;
	char *tab = memchr(line, '\t', n);

	if (!tab || tab + 1 == line + n)
		nu_die(1, "%s:%lu: not list<TAB>name", fa->path, no);
	gaz_add(fa->m, tab + 1, n - (size_t)(tab + 1 - line),
	    listno(fa->m, line, (size_t)(tab - line), fa->path, no));
}

void
model_gazetteer(struct model *m, const char *path)
{
	struct fileargs fa = {m, path};

	if (!m->gaz.k)
		ht_init(&m->gaz, 1 << 18);
	nu_file_lines(path, gaz_line, &fa);
}

void
model_free(struct model *m)
{
	if (m->mem)
		free(m->mem);
	else {
		ht_free(&m->feat);
		ht_free(&m->clus);
		ht_free(&m->gaz);
		free(m->w);
	}
	memset(m, 0, sizeof *m);
}

/* Copy another model's clusters and gazetteer (retraining keeps them). */
void
model_resources(struct model *m, const struct model *from)
{
	size_t i;

	ht_init(&m->clus, (from->clus.mask + 1) / 2);
	for (i = 0; i <= from->clus.mask; i++)
		if (from->clus.k[i])
			*ht_put(&m->clus, from->clus.k[i]) = from->clus.v[i];
	ht_init(&m->gaz, (from->gaz.mask + 1) / 2);
	for (i = 0; i <= from->gaz.mask; i++)
		if (from->gaz.k[i])
			*ht_put(&m->gaz, from->gaz.k[i]) = from->gaz.v[i];
	m->nlist = from->nlist;
	memcpy(m->list, from->list, sizeof m->list);
}
