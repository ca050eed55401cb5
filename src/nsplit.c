/* nsplit: raw news input into the record stream.
 *
 * Each input is read once, line by line.  Until its format is known the
 * lines are kept aside (at most DETECT_LINES lines), then replayed to the
 * format's parser; after that lines go straight through.  See nsplit(1). */
#include "nsplit.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Formats tried in order; text is the fallback and proves nothing. */
static const struct fmt *const fmts[] = {
	&fmt_warc, &fmt_html, &fmt_mbox, &fmt_lexisnexis, &fmt_nexisuni, &fmt_factiva,
	&fmt_proquest, &fmt_text, NULL,
};

/* The markers that prove a format can sit at the end of the first article
 * (Factiva's "Document AN", Nexis Uni's "End of Document"): look that far. */
#define DETECT_LINES 20000
#define DETECT_BYTES (32u << 20)

static int verbose;
static int one;			/* -1: a text input is one article */
static const struct fmt *forced;
static void usedgrow(void);

/* ID bases given out so far: a hash set, since a shell glob can name a
 * million files, and a list searched for each would be quadratic */
static struct {
	char **v;
	size_t n, cap;		/* cap: a power of two, at least twice n */
} used;

static void
usage(void)
{
	fprintf(stderr, "usage: %s [-1v] [-f format] [file ...]\n", nu_prog);
	exit(2);
}

static const struct fmt *
fmt_named(const char *name)
{
	size_t i;

	for (i = 0; fmts[i]; i++)
		if (strcmp(fmts[i]->name, name) == 0)
			return fmts[i];
	return NULL;
}

/* The slot of base s in used: where it is, or the empty one where it
 * would go (FNV-1a, linear probing). */
static char **
usedslot(const char *s)
{
	uint32_t h = 2166136261u;
	const char *p;
	size_t i;

	if (used.cap == 0)
		usedgrow();
	for (p = s; *p; p++)
		h = (h ^ (unsigned char)*p) * 16777619u;
	for (i = h & (used.cap - 1); used.v[i]; i = (i + 1) & (used.cap - 1))
		if (strcmp(used.v[i], s) == 0)
			break;
	return &used.v[i];
}

static void
usedgrow(void)
{
	char **old = used.v;
	size_t i, n = used.cap;

	used.cap = n ? n * 2 : 64;
	used.v = calloc(used.cap, sizeof *used.v);
	if (!used.v)
		nu_die(1, "out of memory");
	for (i = 0; i < n; i++)
		if (old[i])
			*usedslot(old[i]) = old[i];
	free(old);
}

/* The ID base: the file name without directory and last extension, with
 * white space and controls made '_' so that IDs never break a field, and
 * dots too, so that base.N is never ambiguous ("dump.1.txt" is dump_1, not
 * the first article of dump.txt); a name given twice gets -2, -3, ... */
static void
setbase(struct ctx *c, const char *path)
{
	const char *b = strrchr(path, '/'), *dot;
	size_t i, n, k;
	char suffix[32], **slot;

	b = b ? b + 1 : path;
	if (strcmp(path, "-") == 0)
		b = "stdin";
	dot = strrchr(b, '.');
	n = dot && dot != b ? (size_t)(dot - b) : strlen(b);
	buf_reset(&c->base);
	for (i = 0; i < n; i++)
		buf_addc(&c->base, (unsigned char)b[i] <= ' ' || b[i] == 0x7f || b[i] == '.' ? '_' : b[i]);
	if (c->base.len == 0)
		buf_adds(&c->base, "doc");
	n = c->base.len;
	for (k = 1; *(slot = usedslot(c->base.p)); k++) {
		c->base.len = n;
		snprintf(suffix, sizeof suffix, "-%zu", k + 1);
		buf_adds(&c->base, suffix);
	}
	*slot = nu_strdup(c->base.p);
	if (++used.n * 2 > used.cap)
		usedgrow();
}

/* Inputs nsplit cannot read as text: say what to do instead. */
static const char *
binary(const char *s, size_t n)
{
	if (n >= 2 && (unsigned char)s[0] == 0x1f && (unsigned char)s[1] == 0x8b)
		return "gzip data: decompress first (zcat file | nsplit)";
	if (n >= 4 && memcmp(s, "PK\003\004", 4) == 0)
		return "ZIP/DOCX data: extract the text first (see nsplit(1))";
	if (n >= 5 && memcmp(s, "{\\rtf", 5) == 0)
		return "RTF data: convert to text first (see nsplit(1))";
	if (n >= 5 && memcmp(s, "%PDF-", 5) == 0)
		return "PDF data: convert to text first (see nsplit(1))";
	return NULL;
}

/* Files joined with cat(1), with or without form feeds between them,
 * carry each one's byte order mark into the middle of the stream: remove
 * one at the start of a line and after each form feed (ff: the line holds
 * one), keeping the form feeds, so that no format has to. */
static void
unbom(char *s, size_t *n, int ff)
{
	size_t i = 0;

	for (;;) {
		if (utf8_bom(s + i, *n - i)) {
			memmove(s + i, s + i + 3, *n - i - 3);
			*n -= 3;
		}
		if (!ff)
			return;
		while (i < *n && s[i] != '\f')
			i++;
		if (i == *n)
			return;
		i++;
	}
}

/* The line formats are known by a line somewhere near the start; the
 * byte formats (HTML, WARC) by their first non-blank line, as it is
 * (raw), since a page in one line must reach its parser undecoded. */
static const struct fmt *
sniff(const char *s, size_t n, unsigned long lineno, int raw)
{
	size_t i;

	for (i = 0; fmts[i]; i++)
		if (fmts[i]->sniff && !fmts[i]->bytes == !raw && fmts[i]->sniff(s, n, lineno))
			return fmts[i];
	return NULL;
}

static void
run(const struct fmt *f, struct ctx *c, struct lines *h)
{
	size_t i;

	c->format = f->name;
	f->start(c);
	c->ctl = 1;	/* not kept for held lines: look */
	c->plain = NULL;
	for (i = 0; i < h->n; i++) {
		c->lineno = i + 1;
		if (f->bytes) {	/* the lines before its first (blank ones) */
			f->bytes(c, lines_at(h, i), h->v[i].len);
			f->bytes(c, "\n", 1);
		} else
			f->line(c, lines_at(h, i), h->v[i].len);
	}
	lines_reset(h);
}

static void
input(struct lrd *in, void *arg)
{
	static struct ctx c;
	static struct lines h;
	static struct buf fixed;
	const struct fmt *f = forced;
	unsigned long firstbad = 0;
	const char *s, *why;
	size_t n, bad;
	int held = 0;		/* a non-blank line was read */

	(void)arg;
	in->check = 1;
	c.source = in->name;
	c.expected = c.repaired = 0;
	c.paras = c.wrap = 0;
	c.one = one;
	setbase(&c, in->name);
	if (f)
		run(f, &c, &h);
	while (lrd_get(in) >= 0) {
		s = in->line;
		n = in->len;
		if (in->lineno == 1 && (why = binary(s, n))) {
			nu_warnx("%s: %s", in->name, why);
			return;
		}
		if (!f && !held && (f = sniff(s, n, in->lineno, 1)))
			run(f, &c, &h);
		/* a byte order mark is no content: a page may start below it */
		held |= !held && nu_rtrim(s, n) > (in->lineno == 1 && utf8_bom(s, n) ? 3 : 0);
		if (f && f->bytes) {	/* as it is: the format decodes it */
			c.lineno = in->lineno;
			f->bytes(&c, s, n);
			if (!in->nonl)
				f->bytes(&c, "\n", 1);
			continue;
		}
		unbom(in->line, &n, in->ff);
		if (n && s[n - 1] == '\r')
			n--;
		c.ctl = in->ff;
		if (!in->valid) {
			c.ctl = 1;
			buf_reset(&fixed);
			bad = utf8_fix(&fixed, s, n);
			if (!c.repaired)
				firstbad = in->lineno;
			c.repaired += bad;
			s = fixed.p;
			n = fixed.len;
		}
		c.lineno = in->lineno;
		c.plain = in->plain && s == in->line ? s : NULL;
		c.plainlen = n;
		if (f) {
			f->line(&c, s, n);
			continue;
		}
		lines_add(&h, s, n);
		if ((f = sniff(s, n, in->lineno, 0)) || h.n >= DETECT_LINES || h.text.len >= DETECT_BYTES) {
			if (!f)
				f = &fmt_text;
			run(f, &c, &h);
		}
	}
	if (!f) {
		f = &fmt_text;
		run(f, &c, &h);
	}
	f->finish(&c);
	art_input_end(&c);
	if (c.repaired && firstbad)
		nu_warn("%s:%lu: %lu bytes of invalid UTF-8 or NUL read as Windows-1252 (NUL as U+FFFD)",
		    in->name, firstbad, c.repaired);
	else if (c.repaired)	/* in an archive's text */
		nu_warn("%s: %lu bytes of invalid UTF-8 or NUL read as Windows-1252 (NUL as U+FFFD)",
		    in->name, c.repaired);
	if (verbose)
		nu_warn("%s: %s, %lu article%s", in->name, f->name, c.lastcount,
		    c.lastcount == 1 ? "" : "s");
	if (c.expected && c.expected != c.lastcount)
		nu_warnx("%s: found %lu articles, the input announces %lu", in->name,
		    c.lastcount, c.expected);
	else if (verbose && c.expected)
		nu_warn("%s: found %lu of %lu announced articles", in->name, c.lastcount, c.expected);
}

#ifdef NU_FUZZ
void
fuzz_init(void)
{
}

/* flags: bits 0-3 a format to force (1 to 8: fmts[0] to fmts[7], else
 * none), bit 4 -1, bit 5 -v; the names given out are forgotten, so that
 * every input is a first */
void
fuzz_one(struct lrd *in, unsigned flags)
{
	size_t i;

	forced = (flags & 15) >= 1 && (flags & 15) <= 8 ? fmts[(flags & 15) - 1] : NULL;
	one = flags >> 4 & 1;
	verbose = flags >> 5 & 1;
	input(in, NULL);
	for (i = 0; i < used.cap; i++) {
		free(used.v[i]);
		used.v[i] = NULL;
	}
	used.n = 0;
}
#else
int
main(int argc, char **argv)
{
	int ch;

	nu_init(argv[0]);
	while ((ch = getopt(argc, argv, "1vf:")) != -1) {
		switch (ch) {
		case '1':
			one = 1;
			break;
		case 'v':
			verbose = 1;
			break;
		case 'f':
			if (!(forced = fmt_named(optarg))) {
				nu_warn("unknown format: %s", optarg);
				usage();
			}
			break;
		default:
			usage();
		}
	}
	nu_inputs(argc - optind, argv + optind, input, NULL);
	if (nu_out_finish())
		return 1;
	return nu_status;
}
#endif
