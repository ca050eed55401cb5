/* tagconll.c: CoNLL column files for ntag: tagging them (-C), and
 * reading them as training data (-T).
 *
 * A file is lines of columns separated by spaces or a TAB; the token is
 * the first column, a gold tag (training) the last.  A blank line ends a
 * sentence, a -DOCSTART- line a document, which is what the tagger's
 * document features look at. */
#include "tag.h"

#include <errno.h>
#include <stdlib.h>

static int
blank(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
			return 0;
	return 1;
}

static size_t
firstcol(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n && s[i] != ' ' && s[i] != '\t'; i++)
		;
	return i;
}

static int
docstart(const char *s, size_t n)
{
	return n >= 10 && memcmp(s, "-DOCSTART-", 10) == 0 && (n == 10 || s[10] == ' ' || s[10] == '\t');
}

/* ---- tagging (-C) ---- */

static const char pos_c[] = "BILU";

/* The tag of label l as written: IOB2, or BILOU. */
static void
put_tag(int l, int bilou)
{
	int p;

	if (!l) {
		out_c('O');
		return;
	}
	p = LPOS(l);
	if (!bilou)
		p = p == P_L ? P_I : p == P_U ? P_B : p;
	out_c(pos_c[p]);
	out_c('-');
	out_s(tag_type[LTYPE(l)]);
}

struct conllout {
	const struct model *m;
	int bilou;
	struct lines L;		/* the document's lines */
	unsigned char *kind;	/* of each line: L_* */
	size_t capk;
	struct tdoc d;
};

enum { L_TOKEN, L_BLANK, L_COMMENT, L_DOCSTART };

/* A line starting with '#' before a sentence's first token is a comment
 * (UNER's "# text = ..."); inside a sentence it is the token "#". */
static int
linekind(const char *s, size_t n, int insent)
{
	if (blank(s, n))
		return L_BLANK;
	if (docstart(s, n))
		return L_DOCSTART;
	return s[0] == '#' && !insent ? L_COMMENT : L_TOKEN;
}

static void
conll_flush(struct conllout *c)
{
	size_t i, k = 0;
	int insent = 0;

	tdoc_reset(&c->d);
	if (c->L.n > c->capk) {
		c->capk = 2 * c->L.n;
		c->kind = nu_realloc(c->kind, c->capk);
	}
	for (i = 0; i < c->L.n; i++) {
		const char *s = lines_at(&c->L, i);
		size_t n = c->L.v[i].len;

		c->kind[i] = (unsigned char)linekind(s, n, insent);
		if (c->kind[i] == L_TOKEN)
			tdoc_add(&c->d, s, firstcol(s, n));
		else if (c->kind[i] != L_COMMENT)
			tdoc_endsent(&c->d);
		insent = c->kind[i] == L_TOKEN;
	}
	tdoc_endsent(&c->d);
	tdoc_prepare(&c->d, c->m);
	tag_doc(&c->d, c->m);
	for (i = 0; i < c->L.n; i++) {
		const char *s = lines_at(&c->L, i);
		size_t n = c->L.v[i].len;
		int tab = memchr(s, '\t', n) != NULL;

		while (n > 0 && s[n - 1] == '\r')
			n--;
		out_add(s, n);
		if (c->kind[i] == L_TOKEN || c->kind[i] == L_DOCSTART) {
			out_c(tab ? '\t' : ' ');
			put_tag(c->kind[i] == L_TOKEN ? c->d.t[k++].pred : 0, c->bilou);
		}
		out_c('\n');
	}
	lines_reset(&c->L);
}

static struct conllout C;

void
conll_begin(const struct model *m, int bilou)
{
	C.m = m;
	C.bilou = bilou;
}

/* An input: its documents are tagged as each ends; the last one waits
 * for conll_end, since the next input may go on with it. */
void
conll_input(struct lrd *in, void *arg)
{
	(void)arg;
	while (lrd_get(in) >= 0) {
		if (docstart(in->line, in->len) && C.L.n)
			conll_flush(&C);
		lines_add(&C.L, in->line, in->len);
	}
}

void
conll_end(void)
{
	if (C.L.n)
		conll_flush(&C);
}

/* ---- training data (-T) ---- */

/* The last column as prefix and type: 'O', or B I L U E S, and the type. */
static int
goldtag(const char *s, size_t n, int *pre, int *ty)
{
	size_t i = n;

	while (i > 0 && s[i - 1] != ' ' && s[i - 1] != '\t')
		i--;
	if (n - i == 1 && s[i] == 'O') {
		*pre = 'O';
		*ty = -1;
		return 0;
	}
	if (n - i < 3 || s[i + 1] != '-' || !strchr("BILUES", s[i]) ||
	    (*ty = tag_typeno(s + i + 2, n - i - 2)) < 0)
		return -1;
	*pre = s[i];
	return 0;
}

/* BILOU labels from tags that may be IOB1, IOB2 or BILOU: a chunk starts
 * at B or U (S), or at an I (L, E) whose token before is not in a chunk
 * of its type; it ends before a token that does not go on with it. */
static void
bilou(struct ttok *t, const int *pre, const int *ty, size_t n)
{
	size_t i, j;

	for (i = 0; i < n; i = j) {
		if (pre[i] == 'O') {
			t[i].gold = 0;
			j = i + 1;
			continue;
		}
		for (j = i + 1; j < n && ty[j] == ty[i] && pre[j] != 'O' && pre[j] != 'B' &&
		    pre[j] != 'U' && pre[j] != 'S' && pre[j - 1] != 'L' && pre[j - 1] != 'E' &&
		    pre[j - 1] != 'U' && pre[j - 1] != 'S'; j++)
			;
		if (j == i + 1)
			t[i].gold = (uint8_t)LAB(ty[i], P_U);
		else {
			size_t k;

			t[i].gold = (uint8_t)LAB(ty[i], P_B);
			for (k = i + 1; k + 1 < j; k++)
				t[k].gold = (uint8_t)LAB(ty[i], P_I);
			t[j - 1].gold = (uint8_t)LAB(ty[i], P_L);
		}
	}
}

struct reader {
	const char *path;
	unsigned long no;
	int *pre, *ty;
	size_t cap;
};

struct tagref {
	const char *s;
	size_t n;
	unsigned long no;	/* its line */
};

/* The sentence just read, tokens [a, d->n): gold labels from its tags. */
static void
sentence(struct reader *r, struct tdoc *d, const struct tagref *tag, size_t a)
{
	size_t i, n = d->n - a;

	if (n > r->cap) {
		r->cap = 2 * n;
		r->pre = nu_realloc(r->pre, r->cap * sizeof *r->pre);
		r->ty = nu_realloc(r->ty, r->cap * sizeof *r->ty);
	}
	for (i = 0; i < n; i++)
		if (goldtag(tag[i].s, tag[i].n, &r->pre[i], &r->ty[i]) < 0)
			nu_die(1, "%s:%lu: no tag (O, or B- I- L- U- with PER ORG LOC MISC) in the last column",
			    r->path, tag[i].no);
	bilou(d->t + a, r->pre, r->ty, n);
}

static char *
slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	struct buf b = {0};
	char chunk[1 << 16];
	size_t n;

	if (!f)
		nu_die(1, "%s: %s", path, strerror(errno));
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_add(&b, chunk, n);
	if (ferror(f))
		nu_die(1, "%s: read error", path);
	fclose(f);
	buf_addc(&b, '\n');
	*len = b.len;
	return b.p;
}

/* Documents of a training file, appended to *docs; the file's text stays
 * in memory (*text, for the caller to free), since the tokens point into
 * it.  Returns its tokens. */
size_t
conll_read(const char *path, struct tdoc **docs, size_t *nd, size_t *capd, const struct model *m,
    char **text)
{
	struct reader r = {path, 0, NULL, NULL, 0};
	size_t len, i, a = 0, ntag = 0, captag = 0, tokens = 0, first = *nd;
	struct tagref *tag = NULL;
	char *s = *text = slurp(path, &len), *e;
	struct tdoc *d = NULL;

	for (i = 0; i < len; i = (size_t)(e - s) + 1) {
		size_t n;

		e = memchr(s + i, '\n', len - i);
		n = (size_t)(e - (s + i));
		n -= n > 0 && s[i + n - 1] == '\r';
		r.no++;
		if (docstart(s + i, n) || blank(s + i, n)) {
			if (d && d->n > a) {	/* the end of a sentence */
				sentence(&r, d, tag, a);
				tdoc_endsent(d);
			}
			a = d ? d->n : 0;
			ntag = 0;
			if (docstart(s + i, n))
				d = NULL;
			continue;
		}
		if (s[i] == '#' && (!d || d->n == a))
			continue;	/* a comment, not the token "#" */
		if (!d) {
			*docs = nu_grow(*docs, capd, *nd, sizeof **docs);
			d = &(*docs)[(*nd)++];
			memset(d, 0, sizeof *d);
			tdoc_reset(d);
			a = 0;
		}
		tdoc_add(d, s + i, firstcol(s + i, n));
		tag = nu_grow(tag, &captag, ntag, sizeof *tag);
		tag[ntag].s = s + i;
		tag[ntag].no = r.no;
		tag[ntag++].n = n;
	}
	if (d && d->n > a) {
		sentence(&r, d, tag, a);
		tdoc_endsent(d);
	}
	for (i = first; i < *nd; i++) {
		tdoc_prepare(&(*docs)[i], m);
		ht_free(&(*docs)[i].low);	/* only needed to prepare */
		tokens += (*docs)[i].n;
	}
	free(tag);
	free(r.pre);
	free(r.ty);
	return tokens;
}
