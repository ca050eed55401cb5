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
#include <stdio.h>
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
char *nu_strdup(const char *s);
int nu_out_finish(void);	/* flush output; on error say so and return 1 */

/* ---- output (out.c): standard output through one buffer and write(2) ---- */
#define NU_OBUF (1 << 18)
extern char nu_obuf[NU_OBUF];
extern size_t nu_olen;
void out_flush(void);		/* a write error ends the tool */
void out_add(const void *s, size_t n);
void out_s(const char *s);
void out_u(unsigned long v);	/* decimal */
void out_esc(const char *s, size_t n);	/* escaped as a text field */
static inline void
out_c(int c)
{
	if (nu_olen == NU_OBUF)
		out_flush();
	nu_obuf[nu_olen++] = (char)c;
}

/* ---- growable byte buffer (buf.c) ---- */
struct buf {
	char *p;
	size_t len, cap;
};
void buf_grow(struct buf *b, size_t need);
void buf_add(struct buf *b, const void *s, size_t n);
void buf_addc(struct buf *b, int c);
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
void lines_add(struct lines *l, const char *s, size_t n);
void lines_reset(struct lines *l);
void lines_drop(struct lines *l, size_t k);	/* the last k lines */
#define lines_at(l, i) ((l)->text.p + (l)->v[i].off)

/* ---- line input (io.c) ---- */
struct lrd {
	int fd;
	const char *name;	/* as given, "-" for stdin */
	char *line;		/* current line, NUL-terminated, newline removed;
				   valid until the next lrd_get */
	size_t len;		/* its length (may contain NUL bytes) */
	unsigned long lineno;
	int nonl;		/* the last line had no final newline */
	int err;		/* errno of a read error, else 0 */
	int check;		/* set by the caller: find valid and ff per line */
	int valid;		/* the line is valid UTF-8 without NUL */
	int ff;			/* the line holds a form feed */
	char *buf;		/* read(2) buffer: lines are returned in place */
	size_t cap, beg, end, scan;
	size_t good;		/* buf[0, good) is known valid UTF-8 without NUL */
	size_t ffscan, ffat;	/* searched for form feeds up to; the next one */
	int eof;
};
int lrd_open(struct lrd *r, const char *path);	/* -1 and errno on failure */
ssize_t lrd_get(struct lrd *r);			/* length, or -1 at end/error */
void lrd_close(struct lrd *r);
void nu_inputs(int argc, char **argv, void (*fn)(struct lrd *, void *), void *arg);

/* ---- the record stream (rec.c, esc.c) ---- */
#define REC_MAXF 64		/* fields kept apart; the rest stay in the last one */
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
int rec_kind(const struct rec *r, const char *kind);
int rec_sameid(const struct rec *r, const char *id, size_t idlen);
/* Append s (n bytes) escaped / unescaped; unescaping leaves unknown
 * escapes as they are, so it never fails. */
size_t esc_scan(const char *s, size_t n);	/* offset of the first byte to escape, or n */
void esc_add(struct buf *b, const char *s, size_t n);
void unesc_add(struct buf *b, const char *s, size_t n);
/* Read the record stream from inputs as nu_inputs does (io.c): rec gets
 * each record, bad each non-blank line that is not one. */
void nu_records(int argc, char **argv, void (*rec)(struct lrd *, struct rec *),
    void (*bad)(struct lrd *));
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
enum { K_DOC, K_META, K_PARA, K_JUNK, K_QUOTE, K_ENT };	/* nu_kinds[] order */
const struct kind *kind_by_name(const char *name, size_t n);	/* kind or table */
const struct kind *kind_of(const char *name, size_t n);	/* record kind only */
extern const struct kind nu_kinds[];

/* ---- UTF-8 (utf8.c) ---- */
/* Copy s to b as valid UTF-8: invalid bytes are read as Windows-1252,
 * NUL becomes U+FFFD.  Returns the number of bytes so repaired. */
size_t utf8_fix(struct buf *b, const char *s, size_t n);
/* Length of the longest prefix of s that is valid UTF-8 without NUL and
 * ends on a character boundary. */
size_t utf8_span(const char *s, size_t n);
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
size_t nu_rtrim(const char *s, size_t n);	/* length without trailing white space */
size_t nu_ltrim(const char *s, size_t n);	/* count of leading white space */
int nu_prefix(const char *s, size_t n, const char *pre);	/* case-sensitive */
int nu_iprefix(const char *s, size_t n, const char *pre);	/* ASCII case-insensitive */
int nu_eq(const char *s, size_t n, const char *w);	/* s is the string w */
int nu_ieq(const char *s, size_t n, const char *w);	/* the same, ASCII case aside */
void nu_trim(const char **s, size_t *n);	/* white space off both ends */
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

#endif
