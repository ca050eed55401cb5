/* fmt_proquest.c: ProQuest "Text Only" exports.
 *
 * Sections are separated by a line of underscores (some exports: of
 * asterisks) and may open with "Document N of M".  A record is its
 * headline, then "Key: value" fields; "Full text:" runs to the next key
 * of the known list, and every line of it is body, so that a body line
 * "Note: the mayor said" stays one.  A section without a known key is not
 * a record but the export's cover (report information, table of contents)
 * or trailer (bibliography, contact): it is held until a record follows
 * or the input ends. */
#include "nsplit.h"

#include <string.h>

#define RULE 40			/* a separator is at least this long */
#define KEYMAX 40		/* longer than any key: a sentence */

enum { AS_META, AS_TITLE, AS_TEXT };

/* the name's length comes with it: a key is found by where the colon is */
#define K(name, meta, kind, once) {name, sizeof name - 1, meta, kind, once}
static const struct {
	const char *name;	/* as ProQuest writes it, before the colon */
	size_t len;
	const char *meta;	/* its meta key: canonical, else as keyname() makes it */
	int kind;
	int once;		/* a second one means a second record */
} keys[] = {
	K("Title", "title", AS_TITLE, 0),
	K("Author", "byline", AS_META, 1),
	K("Publication info", "publication_info", AS_META, 1),
	K("Abstract", "abstract", AS_META, 1),
	K("Full text", "full_text", AS_TEXT, 1),
	K("Subject", "subject", AS_META, 0),
	K("Location", "location", AS_META, 0),
	K("People", "people", AS_META, 0),
	K("Company / organization", "company_organization", AS_META, 0),
	K("Identifier / keyword", "identifier_keyword", AS_META, 0),
	K("Publication title", "source_name", AS_META, 1),
	K("Pages", "pages", AS_META, 0),
	K("First page", "first_page", AS_META, 0),
	K("Number of pages", "number_of_pages", AS_META, 0),
	K("Publication year", "publication_year", AS_META, 0),
	K("Publication date", "date", AS_META, 0),
	K("Dateline", "dateline", AS_META, 0),
	K("Edition", "edition", AS_META, 0),
	K("Section", "section", AS_META, 0),
	K("Publisher", "publisher", AS_META, 0),
	K("Place of publication", "place_of_publication", AS_META, 0),
	K("Country of publication", "country_of_publication", AS_META, 0),
	K("Publication subject", "publication_subject", AS_META, 0),
	K("ISSN", "issn", AS_META, 0),
	K("e-ISSN", "e_issn", AS_META, 0),
	K("DOI", "doi", AS_META, 0),
	K("Source type", "source_type", AS_META, 0),
	K("Language of publication", "language", AS_META, 0),
	K("Document type", "document_type", AS_META, 0),
	K("Document feature", "document_feature", AS_META, 0),
	K("Publication history", "publication_history", AS_META, 0),
	K("Accession number", "accession_number", AS_META, 0),
	K("ProQuest document ID", "doc_id", AS_META, 1),
	K("Document URL", "url", AS_META, 1),
	K("Copyright", "copyright", AS_META, 0),
	K("Last updated", "last_updated", AS_META, 0),
	K("Database", "database", AS_META, 1),
};
#undef K
#define NKEYS (sizeof keys / sizeof keys[0])
#define UNKNOWN (-2)		/* an open field whose key is not in the list */

/* lines kept for later (struct lines, nu.h): a len 0 span ends a section */
static struct lines head;	/* the section so far, before its first key */
static struct lines tail;	/* lines after a field that is not the body */
static struct lines queue;	/* sections without a key, held */

enum { HEAD, TEXT, FIELDS };
static int st;
static int have;		/* a record is open */
static int marked;		/* this section began with "Document N of M" */
static unsigned long lastno;	/* N of the last "Document N of M" */
static unsigned char seen[NKEYS];
static int cur;			/* the open field: a key index, UNKNOWN or -1 */
static struct buf ukey;		/* its name when UNKNOWN */
static struct buf fld;		/* its value */
static struct buf title;	/* the headline, to compare with "Title:" */

/* ---- shapes ---- */

static int
rule(const char *s, size_t n)
{
	size_t i;

	if (n < RULE || (s[0] != '_' && s[0] != '*'))
		return 0;
	for (i = 1; i < n; i++)
		if (s[i] != s[0])
			return 0;
	return 1;
}

/* At most nine digits at s[*i]: their value in *v */
static int
number(const char *s, size_t n, size_t *i, unsigned long *v)
{
	size_t k = *i;

	*v = fmt_number(s, n, i);
	return *i > k && *i - k <= 9;
}

/* "Document N of M" (also "Dokument N von M", "Document N de M") */
static int
marker(const char *s, size_t n, unsigned long *no, unsigned long *of)
{
	static const char *const ofs[] = {" of ", " von ", " de ", " sur ", " di ", NULL};
	const char *const *p;
	size_t i = 9;

	if (n < 15 || s[0] != 'D' || !(nu_prefix(s, n, "Document ") || nu_prefix(s, n, "Dokument ")))
		return 0;
	if (!number(s, n, &i, no))
		return 0;
	for (p = ofs; *p && !nu_prefix(s + i, n - i, *p); p++)
		;
	if (!*p)
		return 0;
	i += strlen(*p);
	return number(s, n, &i, of) && i == n;
}

/* After "Key:": a blank, or nothing. */
static int
colon(const char *s, size_t n, size_t k)
{
	return n > k && s[k] == ':' && (k + 1 == n || s[k + 1] == ' ' || s[k + 1] == '\t' ||
	    (unsigned char)s[k + 1] == 0xc2);
}

/* A key of the list at the start of the line: its index, or -1.  The case
 * may differ ("Full Text"), but a key starts with a capital, unless its
 * name does not ("e-ISSN").  No name holds a colon, so the first colon
 * tells the length of the name: body lines, which have none near their
 * start, cost one memchr(3). */
static int
known(const char *s, size_t n, const char **v, size_t *vn)
{
	const char *p;
	size_t i, k, l;

	if (!n || !(p = memchr(s, ':', n < KEYMAX + 1 ? n : KEYMAX + 1)))
		return -1;
	k = (size_t)(p - s);
	if (!colon(s, n, k))
		return -1;
	for (i = 0; i < NKEYS; i++)
		if (keys[i].len == k && (nu_isupper((unsigned char)s[0]) || s[0] == keys[i].name[0]) &&
		    nu_iprefix(s, n, keys[i].name)) {
			l = nu_ltrim(s + k + 1, n - k - 1);
			*v = s + k + 1 + l;
			*vn = n - k - 1 - l;
			return (int)i;
		}
	return -1;
}

/* Any "Key: value" (outside the body): the key's length, or 0.  A key is
 * a few words from a capital, with no sentence punctuation. */
static size_t
anykey(const char *s, size_t n)
{
	size_t i, sp = 0;
	unsigned char c;

	if (!n || !(s[0] >= 'A' && s[0] <= 'Z'))
		return 0;
	for (i = 1; i < n && i <= KEYMAX && s[i] != ':'; i++) {
		c = (unsigned char)s[i];
		if (c == ' ' && ++sp > 4)
			return 0;
		if (c == ',' || c == '.' || c == ';' || c == '"' || c == '?' || c == '!')
			return 0;
	}
	return colon(s, n, i) ? i : 0;
}

/* "Company / organization" becomes company_organization */
static void
keyname(struct buf *b, const char *s, size_t n)
{
	size_t i;
	int gap = 0;
	char ch;

	buf_reset(b);
	buf_grow(b, n);		/* the name is no longer than s */
	for (i = 0; i < n; i++) {
		ch = (char)nu_tolower((unsigned char)s[i]);
		if (nu_isalnum((unsigned char)ch) || (unsigned char)ch >= 0x80) {
			if (gap && b->len)
				b->p[b->len++] = '_';
			b->p[b->len++] = ch;
			gap = 0;
		} else {
			gap = 1;
		}
	}
	b->p[b->len] = '\0';
}

static int
linkline(const char *s, size_t n)
{
	return n == 22 && memcmp(s, "ProQuest document link", 22) == 0;
}

/* ---- records ---- */

static void
meta(struct ctx *c, int k, const char *v, size_t n)
{
	if (keys[k].kind == AS_TITLE && !title.len) {
		buf_add(&title, v, n);
		art_meta(c, "title", v, n);
	} else if (keys[k].kind == AS_TITLE) {
		/* the headline line may add "[FINAL Edition]" */
		if (title.len != n || memcmp(title.p, v, n) != 0)
			art_meta(c, "title_field", v, n);
	} else {
		art_meta(c, keys[k].meta, v, n);
	}
}

/* The open field ends: lines after it that were no key continue it; with
 * no field open they are text of the record. */
static void
closefield(struct ctx *c)
{
	size_t i;

	for (i = 0; i < tail.n; i++) {
		if (cur == -1) {
			art_line(c, "", 0);
			art_line(c, lines_at(&tail, i), tail.v[i].len);
			continue;
		}
		if (fld.len)
			buf_addc(&fld, ' ');
		buf_add(&fld, lines_at(&tail, i), tail.v[i].len);
	}
	lines_reset(&tail);
	if (cur >= 0)
		meta(c, cur, fld.p, fld.len);
	else if (cur == UNKNOWN)
		art_meta(c, ukey.p, fld.p, fld.len);
	buf_reset(&fld);
	cur = -1;
}

static void
covers(struct ctx *c, const char *key)
{
	fmt_metas(c, key, &queue, 0, queue.n);
	lines_reset(&queue);
}

static void
begin(struct ctx *c)
{
	art_start(c);
	covers(c, "cover");
	have = 1;
	memset(seen, 0, sizeof seen);
	buf_reset(&title);
	cur = -1;
}

/* A record opens with its held head lines: the headline, then perhaps
 * a subtitle. */
static void
record(struct ctx *c)
{
	size_t i;

	begin(c);
	for (i = 0; i < head.n; i++) {
		const char *s = lines_at(&head, i);
		size_t n = head.v[i].len;

		if (linkline(s, n))
			art_meta(c, "link_text", s, n);
		else if (!title.len) {
			buf_add(&title, s, n);
			art_meta(c, "title", s, n);
		} else
			art_meta(c, "subtitle", s, n);
	}
	lines_reset(&head);
	st = FIELDS;
}

/* A section with no key that still says it is a document: its first line
 * is the headline, the rest the body. */
static void
bare(struct ctx *c, const struct lines *l, size_t from, size_t to)
{
	begin(c);
	if (from < to) {
		art_meta(c, "title", lines_at(l, from), l->v[from].len);
		fmt_body(c, l, from + 1, to);
	}
}

static void
field(struct ctx *c, int k, const char *v, size_t vn)
{
	closefield(c);
	seen[k] = 1;
	if (keys[k].kind == AS_TEXT) {
		st = TEXT;
		art_line(c, v, vn);
		return;
	}
	cur = k;
	buf_add(&fld, v, vn);
	st = FIELDS;
}

/* A key that a record has once, again: the separator before the next
 * record is missing, and the lines after the last field are its head. */
static void
again(struct ctx *c, int k)
{
	if (!keys[k].once || !seen[k])
		return;
	nu_warn("%s:%lu: a second '%s:' without a separator: a new record", c->source,
	    c->lineno, keys[k].name);
	fmt_swap(&head, &tail);
	closefield(c);
	record(c);
}

static void
endsection(struct ctx *c)
{
	size_t i;

	if (st != HEAD) {
		closefield(c);
	} else if (head.n && marked) {
		bare(c, &head, 0, head.n);
	} else if (head.n) {
		for (i = 0; i < head.n; i++)
			lines_add(&queue, lines_at(&head, i), head.v[i].len);
		lines_add(&queue, "", 0);
	}
	lines_reset(&head);
	st = HEAD;
	marked = 0;
}

/* ---- lines ---- */

static void
headline(struct ctx *c, const char *s, size_t n)
{
	const char *v;
	size_t vn;
	int k;

	if (n == 0)
		return;
	if ((k = known(s, n, &v, &vn)) < 0) {
		lines_add(&head, s, n);
		return;
	}
	record(c);
	field(c, k, v, vn);
}

static void
textline(struct ctx *c, const char *s, size_t n)
{
	const char *v;
	size_t vn;
	int k;

	if ((k = known(s, n, &v, &vn)) >= 0) {
		again(c, k);
		field(c, k, v, vn);
	} else if (linkline(s, n)) {
		art_meta(c, "link_text", s, n);
	} else {
		art_line(c, s, n);
	}
}

static void
fieldline(struct ctx *c, const char *s, size_t n)
{
	const char *v;
	size_t vn, kn;
	int k;

	if (n == 0)
		return;
	if ((k = known(s, n, &v, &vn)) >= 0) {
		again(c, k);
		field(c, k, v, vn);
		return;
	}
	if (linkline(s, n)) {
		closefield(c);
		art_meta(c, "link_text", s, n);
	} else if ((kn = anykey(s, n))) {
		closefield(c);
		keyname(&ukey, s, kn);
		cur = UNKNOWN;
		vn = nu_ltrim(s + kn + 1, n - kn - 1);
		buf_add(&fld, s + kn + 1 + vn, n - kn - 1 - vn);
	} else {
		lines_add(&tail, s, n);
	}
}

static int
sniff_pq(const char *s, size_t n, unsigned long lineno)
{
	(void)lineno;
	n = nu_rtrim(s, n);
	/* only underscores prove it: a row of asterisks is a common divider
	 * in scraped text too */
	return (n == 60 && s[0] == '_' && rule(s, n)) || nu_prefix(s, n, "ProQuest document ID:");
}

static void
start(struct ctx *c)
{
	(void)c;
	lines_reset(&head);
	lines_reset(&tail);
	lines_reset(&queue);
	buf_reset(&fld);
	st = HEAD;
	have = marked = 0;
	lastno = 0;
	cur = -1;
}

static void
line(struct ctx *c, const char *s, size_t n)
{
	unsigned long no, of;

	nu_trim(&s, &n);
	if (rule(s, n)) {
		endsection(c);
		return;
	}
	if (marker(s, n, &no, &of)) {
		/* numbering starts again where exports were put together */
		if (!lastno || no <= lastno)
			c->expected += of;
		lastno = no;
		endsection(c);
		marked = 1;
		return;
	}
	if (st == HEAD)
		headline(c, s, n);
	else if (st == TEXT)
		textline(c, s, n);
	else
		fieldline(c, s, n);
}

/* Sections without a key after the last record are its trailer; with no
 * record at all, each is a document of its own. */
static void
finish(struct ctx *c)
{
	size_t i, j;

	endsection(c);
	if (have) {
		covers(c, "trailer");
	} else if (queue.n) {
		nu_warn("%s: no ProQuest fields: each section is one article", c->source);
		fmt_swap(&head, &queue);	/* queue empty: bare() takes no cover */
		for (i = 0; i < head.n; i = j + 1) {
			for (j = i; j < head.n && head.v[j].len; j++)
				;
			bare(c, &head, i, j);
		}
		lines_reset(&head);
	}
	art_finish(c);
}

const struct fmt fmt_proquest = {"proquest", sniff_pq, start, line, finish, NULL};
