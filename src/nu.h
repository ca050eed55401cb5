/*
 * nu.h: the newsutils internal library.
 *
 * Everything two tools need lives here once: messages, growable buffers,
 * line input, the record stream (split, escape, unescape, write), UTF-8
 * repair, date normalisation and the table of record kinds.  See
 * newsutils(7) for the stream format this implements.
 */
#ifndef NU_H
#define NU_H

#define _POSIX_C_SOURCE 200809L
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/types.h>

/* ---- messages (util.c) ---- */
extern const char *nu_prog;
extern int nu_status;		/* exit status so far: 0, or 1 after a data error */
void nu_init(const char *argv0);
void nu_warn(const char *fmt, ...);
void nu_warnx(const char *fmt, ...);	/* warn and remember a data error (status 1) */
_Noreturn void nu_die(int code, const char *fmt, ...);
void *nu_alloc(size_t n);
void *nu_realloc(void *p, size_t n);
void *nu_grow(void *p, size_t *cap, size_t n, size_t size);	/* room for p[n] */
char *nu_strdup(const char *s);
int nu_out_finish(void);	/* flush output; on error say so and return 1 */

/* ---- output (out.c): standard output through one buffer and write(2) ---- */
#define NU_OBUF (1 << 18)
extern char nu_obuf[NU_OBUF];
extern size_t nu_olen;
void out_flush(void);		/* all of it; a write error ends the tool */
void out_room(void);		/* its whole lines, to make room (out.c) */
void out_big(const void *s, size_t n);	/* out_add when it does not fit */
void out_u(unsigned long v);	/* decimal */
void out_esc(const char *s, size_t n);	/* escaped as a text field */
/* The tools write several short fields per record: the common case is
 * inline, and out_s of a literal needs no strlen(3) at run time. */
static inline void
out_add(const void *s, size_t n)
{
	if (n > NU_OBUF - nu_olen) {
		out_big(s, n);
		return;
	}
	memcpy(nu_obuf + nu_olen, s, n);
	nu_olen += n;
}

static inline void
out_s(const char *s)
{
	out_add(s, strlen(s));
}

static inline void
out_c(int c)
{
	if (nu_olen == NU_OBUF)
		out_room();
	nu_obuf[nu_olen++] = (char)c;
}

/* ---- growable byte buffer (buf.c) ---- */
struct buf {
	char *p;
	size_t len, cap;
};
void buf_grow(struct buf *b, size_t need);
/* inline: the builders add every line, most of them short */
static inline void
buf_add(struct buf *b, const void *s, size_t n)
{
	if (b->len + n + 1 > b->cap)
		buf_grow(b, n);
	if (n)
		memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
}

static inline void
buf_addc(struct buf *b, int c)
{
	if (b->len + 2 > b->cap)
		buf_grow(b, 1);
	b->p[b->len++] = (char)c;
	b->p[b->len] = '\0';
}
void buf_adds(struct buf *b, const char *s);
void buf_free(struct buf *b);
#define buf_reset(b) ((b)->len = 0)

/* a list of lines kept back-to-back in one buffer (buf.c) */
struct span {
	size_t off, len;
};
struct lines {
	struct buf text;
	struct span *v;
	size_t n, cap;
};
void lines_grow(struct lines *l);	/* room for one more line */
static inline void
lines_add(struct lines *l, const char *s, size_t n)
{
	if (l->n == l->cap)
		lines_grow(l);
	l->v[l->n].off = l->text.len;
	l->v[l->n].len = n;
	l->n++;
	buf_add(&l->text, s, n);
}
void lines_reset(struct lines *l);
void lines_drop(struct lines *l, size_t k);	/* the last k lines */
#define lines_at(l, i) ((l)->text.p + (l)->v[i].off)

#define REC_MAXF 64		/* record fields kept apart; the rest stay in the last one */

/* ---- line input (io.c) ---- */
struct lrdline {		/* a line found ahead (check mode) */
	size_t end;		/* offset of its newline in buf */
	int fl;			/* what it holds: LRD_* */
};
enum { LRD_BAD = 1, LRD_FF = 2, LRD_ESC = 4 };	/* invalid UTF-8 or NUL; form feed;
						   control or backslash */
struct lrd {
	int fd;
	const char *name;	/* as given, "-" for stdin */
	char *line;		/* current line, NUL-terminated, newline removed;
				   valid until the next lrd_get */
	size_t len;		/* its length (may contain NUL bytes) */
	unsigned long lineno;
	int nonl;		/* the last line had no final newline */
	int err;		/* errno of a read error, else 0 */
	int check;		/* set by the caller: find valid, ff and plain per line */
	int valid;		/* the line is valid UTF-8 without NUL */
	int ff;			/* the line holds a form feed */
	int plain;		/* the line holds no control, backslash or bad byte */
	int tabs;		/* set by the caller: find tab and ntab per line */
	size_t tab[REC_MAXF];	/* offsets in line of its first tabs */
	int ntab;
	char *buf;		/* read(2) buffer: lines are returned in place */
	size_t cap, beg, end, scan;
	struct lrdline *ahead;	/* check mode: lines found in buf[beg, scan) */
	size_t nahead, iahead;	/* how many; the next one */
	int scanfl;		/* LRD_* of the line scanned up to scan */
	int eof;
	const char *mem;	/* lrd_mem: the bytes read, how many, how far */
	size_t memlen, memoff, memchunk;
};
int lrd_open(struct lrd *r, const char *path);	/* -1 and errno on failure */
void lrd_mem(struct lrd *r, const char *name, const char *s, size_t n, size_t chunk);
ssize_t lrd_get(struct lrd *r);			/* length, or -1 at end/error */
void lrd_close(struct lrd *r);
void nu_inputs(int argc, char **argv, void (*fn)(struct lrd *, void *), void *arg);
/* Each line of a data file of the tool's own (a word list, an alias
 * file), without its newline, to fn; a file that cannot be read is
 * fatal. */
void nu_file_lines(const char *path, void (*fn)(void *arg, char *line, size_t n,
    unsigned long no), void *arg);
#ifdef NU_FUZZ
/* fuzz/: the harness gets the output instead of write(2), and each tool
 * one input from memory through what its main runs (flags: the options,
 * a tool's own choice of bits) */
void fuzz_out(const char *s, size_t n);
void fuzz_init(void);
void fuzz_one(struct lrd *in, unsigned flags);
#endif

/* ---- the record stream (rec.c, esc.c) ---- */
struct rec {
	char *line;		/* the raw line, unchanged */
	size_t len;
	int nf;			/* number of fields, id and kind included */
	const char *f[REC_MAXF];	/* field starts (escaped, not NUL-terminated) */
	size_t fl[REC_MAXF];	/* field lengths */
};
/* Split a raw stream line into fields; returns 0, or -1 when it is not a
 * record (fewer than two fields, or an empty id or kind). */
int rec_split(struct rec *r, char *line, size_t len);
/* The same from the line's first tabs (all of them, or REC_MAXF), which
 * rec_tabs finds. */
int rec_fields(struct rec *r, char *line, size_t len, const size_t *tab, int ntab);
int rec_tabs(const char *s, size_t n, size_t *tab, int max);
int rec_kind(const struct rec *r, const char *kind);
/* The kind of record r when it is a known kind with its fields, else
 * NULL; a known kind with the wrong number of fields is reported (and
 * counts as a data error), so that a filter passes the line on as it is. */
const struct kind *rec_known(const struct lrd *in, const struct rec *r);
/* Called for every record with short IDs that differ at their end
 * (dump.1, dump.2): inline, and compared from the back, eight bytes at a
 * time, which beats a call to memcmp(3). */
static inline int
rec_sameid(const struct rec *r, const char *id, size_t idlen)
{
	const char *p = r->f[0];
	size_t i = idlen;
	uint64_t a, b;

	if (r->fl[0] != idlen)
		return 0;
	for (; i >= 8; i -= 8) {
		memcpy(&a, p + i - 8, 8);
		memcpy(&b, id + i - 8, 8);
		if (a != b)
			return 0;
	}
	while (i > 0 && p[i - 1] == id[i - 1])
		i--;
	return i == 0;
}
/* Append s (n bytes) escaped / unescaped; unescaping leaves unknown
 * escapes as they are, so it never fails. */
size_t esc_scan(const char *s, size_t n);	/* offset of the first byte to escape, or n */
void esc_add(struct buf *b, const char *s, size_t n);
void unesc_add(struct buf *b, const char *s, size_t n);
/* Read the record stream from inputs as nu_inputs does (io.c): rec gets
 * each record, bad each non-blank line that is not one. */
void nu_records(int argc, char **argv, void (*rec)(struct lrd *, struct rec *),
    void (*bad)(struct lrd *));
void rec_read(struct lrd *in, void (*rec)(struct lrd *, struct rec *), void (*bad)(struct lrd *));	/* one input */
/* Write one record: id, kind, then nf text fields that get escaped
 * (fl NULL: NUL-terminated fields). */
void rec_write(const char *id, const char *kind, int nf, const char *const *f, const size_t *fl);
void rec_write_line(const char *line, size_t len);	/* pass through */

/* ---- record kinds and their columns (kinds.c) ---- */
struct kind {
	const char *kind;	/* record kind in the stream */
	const char *table;	/* ntsv table name */
	const char *cols;	/* space-separated column names after id */
	int ncols;		/* how many: the fields after KIND */
};
enum { K_DOC, K_META, K_PARA, K_JUNK, K_QUOTE, K_ENT, K_HINT };	/* nu_kinds[] order */
const struct kind *kind_by_name(const char *name, size_t n);	/* kind or table */
const struct kind *kind_of(const char *name, size_t n);	/* record kind only */
extern const struct kind nu_kinds[];

/* ---- UTF-8 (utf8.c) ---- */
/* Is there a byte order mark (U+FEFF) at s? */
static inline int
utf8_bom(const char *s, size_t n)
{
	return n >= 3 && memcmp(s, "\357\273\277", 3) == 0;
}
/* Copy s to b as valid UTF-8: invalid bytes are read as Windows-1252,
 * NUL becomes U+FFFD.  Returns the number of bytes so repaired. */
size_t utf8_fix(struct buf *b, const char *s, size_t n);
/* Length of the valid UTF-8 character at s (1-4), or 0 when s starts an
 * invalid sequence (stray continuation byte, overlong form, surrogate,
 * > U+10FFFF, truncated) or is NUL.  Inline: the line reader runs it for
 * every non-ASCII character. */
static inline size_t
utf8_seq(const char *str, size_t n)
{
	const unsigned char *s = (const unsigned char *)str;
	unsigned c = s[0];

	if (c < 0x80)
		return c ? 1 : 0;
	if (c >= 0xC2 && c <= 0xDF)
		return n >= 2 && (s[1] & 0xC0) == 0x80 ? 2 : 0;
	if (c >= 0xE0 && c <= 0xEF) {
		if (n < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80)
			return 0;
		if (c == 0xE0 && s[1] < 0xA0)
			return 0;	/* overlong */
		if (c == 0xED && s[1] >= 0xA0)
			return 0;	/* surrogate */
		return 3;
	}
	if (c >= 0xF0 && c <= 0xF4) {
		if (n < 4 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 ||
		    (s[3] & 0xC0) != 0x80)
			return 0;
		if (c == 0xF0 && s[1] < 0x90)
			return 0;	/* overlong */
		if (c == 0xF4 && s[1] >= 0x90)
			return 0;	/* > U+10FFFF */
		return 4;
	}
	return 0;
}
size_t utf8_len(const char *s, size_t n);	/* characters */
int utf8_put(char *dst, unsigned cp);		/* bytes written (1-4) */

/* ---- dates (date.c) ---- */
/* Normalise a written date ("January 11, 2010 Monday", "29 décembre 2011",
 * "Mon, 02 Mar 2020 07:00:00 +0000", "2020-03-02") to ISO 8601 in out
 * (at least 64 bytes).  Returns 1 when it parsed, 0 otherwise. */
int date_iso(const char *s, size_t n, char *out);
/* Month number 1..12 for a month name (en, de, fr, es, nl, it; full or
 * abbreviated, any case), or 0. */
int date_month(const char *s, size_t n);

/* ---- small string helpers (util.c) ---- */
int nu_isspace(int c);
size_t nu_rtrim_(const char *s, size_t n);	/* nu_rtrim, nu_ltrim past the quick test */
size_t nu_ltrim_(const char *s, size_t n);
int nu_prefix(const char *s, size_t n, const char *pre);	/* case-sensitive */
int nu_iprefix(const char *s, size_t n, const char *pre);	/* ASCII case-insensitive */
int nu_eq(const char *s, size_t n, const char *w);	/* s is the string w */
int nu_ieq(const char *s, size_t n, const char *w);	/* the same, ASCII case aside */
int nu_ieqn(const char *a, const char *b, size_t n);	/* n bytes equal, ASCII case aside */

/* Length without trailing white space; inline, since nearly every line
 * ends in a byte that is no space and the test is all it takes. */
static inline size_t
nu_rtrim(const char *s, size_t n)
{
	if (n && (unsigned char)s[n - 1] > ' ' && (unsigned char)s[n - 1] != 0xa0)
		return n;
	return nu_rtrim_(s, n);
}

/* Count of leading white space, likewise. */
static inline size_t
nu_ltrim(const char *s, size_t n)
{
	if (n && (unsigned char)s[0] > ' ' && (unsigned char)s[0] != 0xc2)
		return 0;
	return nu_ltrim_(s, n);
}

/* White space off both ends. */
static inline void
nu_trim(const char **s, size_t *n)
{
	size_t l = nu_ltrim(*s, *n);

	*s += l;
	*n = nu_rtrim(*s, *n - l);
}
/* ASCII classes whatever the locale, inline since they run per byte; c is
 * a byte as unsigned char, and a letter is an ASCII letter or any byte of
 * a non-ASCII character */
static inline int
nu_isdigit(int c)
{
	return c >= '0' && c <= '9';
}

static inline int
nu_isupper(int c)
{
	return c >= 'A' && c <= 'Z';
}

static inline int
nu_isalpha(int c)
{
	return (unsigned)((c | 32) - 'a') < 26;
}

static inline int
nu_isalnum(int c)
{
	return nu_isdigit(c) || nu_isalpha(c);
}

static inline int
nu_isletter(int c)
{
	return nu_isalpha(c) || c >= 0x80;
}

static inline int
nu_tolower(int c)
{
	return nu_isupper(c) ? c + 32 : c;
}

/* The value of a hex digit, or -1 (quoted-printable, chunk sizes,
 * character references). */
static inline int
nu_hexval(int c)
{
	if (nu_isdigit(c))
		return c - '0';
	c |= 32;
	return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* ---- one article's records, gathered (group.c) ---- */
struct grec {
	size_t off, len;	/* the raw line in the arena */
	int kind;		/* the caller's */
	size_t f2, f2l;		/* fields 2 and 3 (the first after KIND), */
	size_t f3, f3l;		/* from the start of the line; 0 when absent */
};
struct group {
	struct buf id;
	struct buf arena;
	struct grec *r;
	size_t nr, cap;
	int open;		/* an article is being gathered */
};
void group_begin(struct group *g, const char *id, size_t n);
/* Keep a line (r: its record, or NULL); the arena may move. */
struct grec *group_add(struct group *g, const struct rec *r, const char *line, size_t len, int kind);
#define group_line(g, i) ((g)->arena.p + (g)->r[i].off)
void group_next(struct group *g, const struct rec *r, void (*flush)(void));
void group_notrec(struct group *g, const struct lrd *in);	/* kept as kind 0 */

/* ---- words and sentences (tok.c, sent.c) ---- */
enum { T_WORD = 1, T_NUM, T_QUOTE, T_DASH, T_PUNCT };
/* quotation marks: double, single, low-9, angle; L opens, R closes, the
 * ASCII ones may do either */
enum { Q_NONE, Q_DQ, Q_LDQ, Q_RDQ, Q_LOWD, Q_SQ, Q_LSQ, Q_RSQ, Q_LOWS,
    Q_LAQ, Q_RAQ, Q_LSAQ, Q_RSAQ };
enum {
	TF_SP = 1,		/* white space (or the start) before it */
	TF_CAP = 2,		/* a word that starts with a capital */
	TF_INQ = 4,		/* set by the caller: inside a quotation */
	TF_END = 8,		/* sent_split: the last token of a sentence */
};
struct tok {
	uint32_t off, len;	/* bytes in the text */
	uint8_t type, mark;	/* T_*, and Q_* for a T_QUOTE */
	uint16_t fl;		/* TF_* */
	uint32_t lx;		/* the caller's: what the word is (TOK_NOLX) */
};
#define TOK_NOLX 0x80000000u	/* lx as tok_split leaves it: not looked up */
struct tokstat {		/* what tok_split saw, so that callers can skip */
	uint32_t words;		/* T_WORD tokens */
	uint32_t caps;		/* of them with TF_CAP */
	uint32_t marks;		/* T_QUOTE tokens */
};
/* Tokens of s into t, which has room for n; returns how many, and counts
 * them into st unless it is NULL. */
size_t tok_split(const char *s, size_t n, struct tok *t, struct tokstat *st);
/* Length of word t of s without a possessive 's or ’s (Kowal’s -> Kowal):
 * inline, since the tools ask it of every name they look at. */
static inline uint32_t
stemlen(const char *s, const struct tok *t)
{
	const char *e = s + t->off + t->len;

	if (t->len > 2 && e[-1] == 's' && e[-2] == '\'')
		return t->len - 2;
	if (t->len > 4 && e[-1] == 's' && memcmp(e - 4, "\xe2\x80\x99", 3) == 0)
		return t->len - 4;
	return t->len;
}
/* Mark the last token of each sentence TF_END (the last token always);
 * a sentence does not end inside a quotation (TF_INQ).  Returns the
 * number of sentences. */
size_t sent_split(const char *s, struct tok *t, size_t nt);
/* Is the word w (n bytes) an abbreviation that takes a full stop (Mr,
 * Gov, Jan, U.S)? */
int sent_abbrev(const char *w, size_t n);

/* ---- word lists (lex.c) ---- */
/* A set of words of up to 16 bytes with a small value each, looked up
 * without regard to ASCII case.  Built once from a list. */
struct lex {
	struct lexslot {
		uint64_t k[2];	/* the word's bytes, lower case, zero-padded */
		uint32_t len;	/* its length; 0: a free slot */
		int v;
	} *s;
	size_t mask;
	size_t maxlen;		/* of the words: longer ones need no look-up */
	uint64_t filter[1024];	/* a bit per length and first two bytes */
};
/* list: words separated by blanks; a word "=N" sets the value of the
 * words after it (1 at first).  A word listed twice gets both values,
 * OR-ed: the values are bits. */
void lex_init(struct lex *x, const char *list);
int lex_get(const struct lex *x, const char *w, size_t n);	/* value, or 0 */
/* The same through a memo of short words (values below 2^24); a zeroed
 * memo is empty. */
#define LEXMEMO 4096
struct lexmemo {
	uint64_t k[LEXMEMO];	/* the word's bytes */
	uint32_t v[LEXMEMO];	/* its length << 24 | its value; 0: empty */
};
int lex_memo(const struct lex *x, struct lexmemo *m, const char *w, size_t n);

#endif
