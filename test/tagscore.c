/* tagscore: the phrase-level scorer of `make eval-tag` (test/eval-tag.sh),
 * conlleval's numbers without its perl.
 *
 * usage: tagscore [-t] [file ...]		no file or "-": stdin
 *
 * Input: CoNLL column lines, fields separated by spaces or TABs; the
 * second-to-last field is the gold tag, the last the predicted one.  A
 * blank line ends a sentence; a line whose first field is -DOCSTART-
 * ends one too, its tags taken as O; the end of each file ends one.  A
 * line starting with '#' before a sentence's first token is a comment
 * (UNER's "# text = ..."); inside a sentence it is the token "#" (39 in
 * WikiGold).  Every other line has as many fields as the first such line
 * of its file.  A tag is O or P-TYPE, P one of B I E S L U (L is taken as
 * E, U as S: BILOU and IOBES are one thing) and TYPE anything not empty.
 *
 * Phrases (chunks) are found as conlleval (version 2004-01-26) finds
 * them, from each pair of adjacent tags of one column:
 *  - a phrase ends after B or I when the next tag is B, S or O, or has
 *    another type; always after E and S;
 *  - a phrase starts at B and S; at I or E after O, E, S or a tag of
 *    another type.
 * So IOB1 (I- everywhere, B- only between adjacent phrases of a type),
 * IOB2, IOE1/2 and IOBES/BILOU all read right, and may be mixed: gold
 * IOB1 against predicted IOB2 scores as conlleval scores it.  conlleval
 * itself knows no S: on input without S or L or U its phrases are these,
 * except after an E-X followed by B-X (invalid in IOE), where conlleval
 * sees one phrase and this sees two.
 *
 * A predicted phrase is correct when a gold phrase starts and ends on
 * the same tokens with the same type.  Tokens: the lines with tags,
 * -DOCSTART- lines among them (conlleval counts them: 46,666 tokens in
 * CoNLL-2003 testb, not 46,435); accuracy: tokens whose two tags are the
 * same string.  P = correct/predicted, R = correct/gold, F1 = 2PR/(P+R),
 * in percent, 0 when undefined.
 *
 * Output, conlleval's text byte for byte: the overall counts and rates,
 * then a line per type in strcmp order.  -t: TAB-separated lines `TYPE P
 * R F1 GOLD PRED CORRECT` (rates with 2 decimals), one per type in the
 * same order, then one for ALL.
 * Exit 0; 1 on malformed input (tagscore: FILE:LINE: reason) or a file
 * that cannot be read; 2 on a usage error. */
#define _POSIX_C_SOURCE 200809L	/* getline, strdup */

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *prog = "tagscore";
#include "score.h"

#define SEP " \t\r\n"	/* field separators */

struct tag {
	char raw;	/* the prefix as written: B I E S L U, or O */
	char pos;	/* B I E S or O (L read as E, U as S) */
	int type;	/* index into types[], -1 for O */
};

struct count {
	long gold, pred, correct;
};

static char **types;		/* the type names seen */
static struct count *per;	/* per type, parallel to types */
static int ntypes, captypes;
static struct count all;
static long ntok, nsame;	/* tokens, tokens with equal tags */

/* the state between lines: the tags before, a correct phrase open */
static struct tag lastgold, lastpred;
static int inphrase;

static const struct tag tag_o = { 'O', 'O', -1 };

/* malformed input: a message and exit status 1 */
static void
bad(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarn(fmt, ap);
	va_end(ap);
	exit(1);
}

static int
typeno(const char *name)
{
	int i;

	for (i = 0; i < ntypes; i++)
		if (strcmp(types[i], name) == 0)
			return i;
	if (ntypes == captypes) {
		captypes = captypes ? 2 * captypes : 8;
		types = xrealloc(types, captypes * sizeof *types);
		per = xrealloc(per, captypes * sizeof *per);
	}
	types[ntypes] = xstrdup(name);
	memset(&per[ntypes], 0, sizeof per[ntypes]);
	return ntypes++;
}

/* Read tag s into *t; 0 if it is no tag. */
static int
parse(const char *s, struct tag *t)
{
	if (strcmp(s, "O") == 0) {
		*t = tag_o;
		return 1;
	}
	if (!s[0] || !strchr("BIESLU", s[0]) || s[1] != '-' || !s[2])
		return 0;
	t->raw = s[0];
	t->pos = s[0] == 'L' ? 'E' : s[0] == 'U' ? 'S' : s[0];
	t->type = typeno(s + 2);
	return 1;
}

/* Does a phrase end between tags a and b? */
static int
ends(struct tag a, struct tag b)
{
	if (a.pos == 'O')
		return 0;
	if (a.pos == 'E' || a.pos == 'S')
		return 1;
	if (b.pos == 'B' || b.pos == 'S' || b.pos == 'O')
		return 1;
	return a.type != b.type;
}

/* Does a phrase start between tags a and b? */
static int
starts(struct tag a, struct tag b)
{
	if (b.pos == 'O')
		return 0;
	if (b.pos == 'B' || b.pos == 'S')
		return 1;
	if (a.pos == 'O' || a.pos == 'E' || a.pos == 'S')
		return 1;
	return a.type != b.type;
}

/* One token's tags, or a boundary's (both O, not a token): conlleval's
 * walk.  A correct phrase is open while both columns started one of the
 * same type on the same token and neither has ended alone. */
static void
step(struct tag g, struct tag p, int token)
{
	int eg, ep, sg, sp;

	if (inphrase) {
		eg = ends(lastgold, g);
		ep = ends(lastpred, p);
		if (eg && ep && lastgold.type == lastpred.type) {
			inphrase = 0;
			all.correct++;
			per[lastgold.type].correct++;
		} else if (eg != ep || g.type != p.type)
			inphrase = 0;
	}
	sg = starts(lastgold, g);
	sp = starts(lastpred, p);
	if (sg && sp && g.type == p.type)
		inphrase = 1;
	if (sg) {
		all.gold++;
		per[g.type].gold++;
	}
	if (sp) {
		all.pred++;
		per[p.type].pred++;
	}
	if (token) {
		ntok++;
		nsame += g.raw == p.raw && g.type == p.type;
	}
	lastgold = g;
	lastpred = p;
}

/* Split line s in place at runs of spaces, TABs and CRs; return the
 * number of fields, the first in *first, the last two in *gold and *pred
 * (*gold only when there are two). */
static int
fields(char *s, char **first, char **gold, char **pred)
{
	int n = 0;

	for (;;) {
		while (*s && strchr(SEP, *s))
			*s++ = '\0';
		if (!*s)
			return n;
		if (n++ == 0)
			*first = s;
		*gold = *pred;
		*pred = s;
		while (*s && !strchr(SEP, *s))
			s++;
	}
}

static void
scorefile(const char *path)
{
	FILE *f;
	char *line = NULL, *first, *gold = NULL, *pred = NULL;
	size_t cap = 0, no = 0;
	int n, want = 0, insent = 0;
	struct tag g, p;

	if (strcmp(path, "-") == 0) {
		f = stdin;
		path = "stdin";
	} else if (!(f = fopen(path, "r")))
		bad("%s: %s", path, strerror(errno));
	while (getline(&line, &cap, f) != -1) {
		no++;
		if (line[0] == '#' && !insent)
			continue;	/* a comment; inside a sentence, the token # */
		if ((n = fields(line, &first, &gold, &pred)) == 0) {
			insent = 0;
			step(tag_o, tag_o, 0);
			continue;
		}
		if (strcmp(first, "-DOCSTART-") == 0) {
			insent = 0;
			step(tag_o, tag_o, 1);
			continue;
		}
		if (n < 2)
			bad("%s:%zu: 1 field, not a gold and a predicted tag", path, no);
		if (!want)
			want = n;
		else if (n != want)
			bad("%s:%zu: %d fields, not %d", path, no, n, want);
		if (!parse(gold, &g))
			bad("%s:%zu: gold tag is not O or [BIESLU]-TYPE: %s",
			    path, no, gold);
		if (!parse(pred, &p))
			bad("%s:%zu: predicted tag is not O or [BIESLU]-TYPE: %s",
			    path, no, pred);
		step(g, p, 1);
		insent = 1;
	}
	if (ferror(f))
		bad("%s: %s", path, strerror(errno));
	if (f != stdin)
		fclose(f);
	free(line);
	step(tag_o, tag_o, 0);
}

/* precision, recall and F1 of c in percent, as conlleval works them out */
static void
rates(struct count c, double *pr, double *rc, double *f1)
{
	*pr = c.pred > 0 ? 100.0 * c.correct / c.pred : 0.0;
	*rc = c.gold > 0 ? 100.0 * c.correct / c.gold : 0.0;
	*f1 = *pr + *rc > 0 ? 2 * *pr * *rc / (*pr + *rc) : 0.0;
}

static int
bytype(const void *a, const void *b)
{
	return strcmp(types[*(const int *)a], types[*(const int *)b]);
}

static void
report(int tsv)
{
	int *order, i, k;
	double pr, rc, f1;

	order = xrealloc(NULL, ntypes * sizeof *order);
	for (i = 0; i < ntypes; i++)
		order[i] = i;
	qsort(order, ntypes, sizeof *order, bytype);
	rates(all, &pr, &rc, &f1);
	if (!tsv) {
		printf("processed %ld tokens with %ld phrases; found: %ld phrases; correct: %ld.\n",
		    ntok, all.gold, all.pred, all.correct);
		if (ntok > 0)
			printf("accuracy: %6.2f%%; precision: %6.2f%%; recall: %6.2f%%; FB1: %6.2f\n",
			    100.0 * nsame / ntok, pr, rc, f1);
	}
	for (i = 0; i < ntypes; i++) {
		k = order[i];
		rates(per[k], &pr, &rc, &f1);
		if (tsv)
			printf("%s\t%.2f\t%.2f\t%.2f\t%ld\t%ld\t%ld\n", types[k],
			    pr, rc, f1, per[k].gold, per[k].pred, per[k].correct);
		else
			printf("%17s: precision: %6.2f%%; recall: %6.2f%%; FB1: %6.2f  %ld\n",
			    types[k], pr, rc, f1, per[k].pred);
	}
	if (tsv) {
		rates(all, &pr, &rc, &f1);
		printf("ALL\t%.2f\t%.2f\t%.2f\t%ld\t%ld\t%ld\n",
		    pr, rc, f1, all.gold, all.pred, all.correct);
	}
	free(order);
}

int
main(int argc, char **argv)
{
	int tsv = 0, i = 1;

	if (argc > 1 && strcmp(argv[1], "-t") == 0)
		tsv = 1, i++;
	if (i < argc && strcmp(argv[i], "--") == 0)
		i++;
	else if (i < argc && argv[i][0] == '-' && argv[i][1])
		die("usage: tagscore [-t] [file ...]");
	lastgold = lastpred = tag_o;
	if (i == argc)
		scorefile("-");
	for (; i < argc; i++)
		scorefile(argv[i]);
	report(tsv);
	if (fflush(stdout) == EOF || ferror(stdout))
		die("write error");
	return 0;
}
