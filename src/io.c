/* io.c: line input over read(2).  Lines are found in one large buffer
 * and returned in place, so reading costs no copy and no allocation per
 * line; a giant line grows the buffer once.  Readers that want to know
 * more of each line than its end (nsplit: UTF-8, form feeds, escapes;
 * the record readers: tabs) learn it in the same pass over the bytes. */
#include "nu.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#define RDBUF (1 << 18)
#define AHEAD 4096		/* lines found ahead in check mode, at most */

int
lrd_open(struct lrd *r, const char *path)
{
	memset(r, 0, sizeof *r);
	r->name = path;
	if (strcmp(path, "-") == 0)
		r->fd = 0;
	else if ((r->fd = open(path, O_RDONLY)) < 0)
		return -1;
	r->cap = RDBUF;
	r->buf = nu_alloc(r->cap);
	return 0;
}

/* A reader over n bytes in memory, handed out chunk bytes a read (0: all
 * that fit) as read(2) would, so that the fuzz targets (fuzz/) reach the
 * buffer's edges with small inputs.  The buffer starts as small as it can
 * be, so that AddressSanitizer sees a read past the end. */
void
lrd_mem(struct lrd *r, const char *name, const char *s, size_t n, size_t chunk)
{
	memset(r, 0, sizeof *r);
	r->name = name;
	r->fd = -1;
	r->mem = s;
	r->memlen = n;
	r->memchunk = chunk;
	r->cap = n + 1;
	r->buf = nu_alloc(r->cap);
}

/* lrd_mem's read(2) */
static size_t
memread(struct lrd *r, char *dst, size_t room)
{
	size_t n = r->memlen - r->memoff;

	if (n > room)
		n = room;
	if (r->memchunk && n > r->memchunk)
		n = r->memchunk;
	if (n == 0)	/* r->mem may be NULL */
		return 0;
	memcpy(dst, r->mem + r->memoff, n);
	r->memoff += n;
	return n;
}

/* Read more input behind what is buffered; 0 at end of input. */
static int
fill(struct lrd *r)
{
	ssize_t n;

	if (r->beg > 0) {	/* keep only the unfinished line */
		memmove(r->buf, r->buf + r->beg, r->end - r->beg);
		r->end -= r->beg;
		r->scan -= r->beg;	/* no line waits ahead when we get here */
		r->beg = 0;
	}
	if (r->cap - r->end < RDBUF / 2) {
		r->cap *= 2;
		r->buf = nu_realloc(r->buf, r->cap);
	}
	if (r->fd < 0) {
		n = (ssize_t)memread(r, r->buf + r->end, r->cap - r->end - 1);
		r->end += (size_t)n;
		return n > 0;
	}
	for (;;) {
		n = read(r->fd, r->buf + r->end, r->cap - r->end - 1);
		if (n >= 0)
			break;
		if (errno != EINTR) {
			r->err = errno;
			return 0;
		}
	}
	r->end += (size_t)n;
	return n > 0;
}

#ifdef __SSE2__
/* bit k set where byte k of the 16 at s is c */
static inline uint64_t
is16(const char *s, char c)
{
	return (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(
	    _mm_loadu_si128((const __m128i *)(const void *)s), _mm_set1_epi8(c)));
}

static inline uint64_t
is64(const char *s, char c)
{
	return is16(s, c) | is16(s + 16, c) << 16 | is16(s + 32, c) << 32 | is16(s + 48, c) << 48;
}
#endif

/* The next newline in buf[scan, end), or NULL; in tabs mode the tabs
 * before it are noted on the way.  Records are short and a line's set-up
 * costs more than its bytes: one pass finds both, 64 bytes at a time
 * (most records fit), the rest a byte at a time. */
static char *
eol(struct lrd *r)
{
	const char *p = r->buf;
	size_t i = r->scan, end = r->end, beg = r->beg;
	int ntab = r->ntab;

	if (!r->tabs)
		return memchr(p + i, '\n', end - i);
#ifdef __SSE2__
	for (; i + 64 <= end; i += 64) {
		uint64_t n = is64(p + i, '\n'), t = is64(p + i, '\t');

		if (n)
			t &= (n & -n) - 1;
		for (; t && ntab < REC_MAXF; t &= t - 1)
			r->tab[ntab++] = i + (size_t)__builtin_ctzll(t) - beg;
		if (n) {
			r->ntab = ntab;
			return r->buf + i + __builtin_ctzll(n);
		}
	}
#endif
	for (; i < end && p[i] != '\n'; i++)
		if (p[i] == '\t' && ntab < REC_MAXF)
			r->tab[ntab++] = i - beg;
	r->ntab = ntab;
	return i < end ? r->buf + i : NULL;
}

#ifdef __SSE2__
/* masks64 for the 16 bytes at s + at, shifted to their place */
static inline void
marks16(const unsigned char *s, unsigned at, uint64_t *nl, uint64_t *mk)
{
	__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + at));

	*nl = is16((const char *)s + at, '\n') << at;
	/* as signed bytes, controls and non-ASCII are both below ' ' */
	*mk = (uint64_t)(unsigned)_mm_movemask_epi8(_mm_or_si128(
	    _mm_cmpgt_epi8(_mm_set1_epi8(' '), v),
	    _mm_cmpeq_epi8(v, _mm_set1_epi8('\\')))) << at;
}
#endif

/* Of the n bytes at s (n <= 64): bit k of *nl set where byte k is a
 * newline, of *mk where it is another control, a backslash or part of a
 * non-ASCII character. */
static inline void
masks64(const unsigned char *s, size_t n, uint64_t *nl, uint64_t *mk)
{
	size_t i;

#ifdef __SSE2__
	if (n == 64) {
		uint64_t l, m;

		marks16(s, 0, nl, mk);
		marks16(s, 16, &l, &m);
		*nl |= l, *mk |= m;
		marks16(s, 32, &l, &m);
		*nl |= l, *mk |= m;
		marks16(s, 48, &l, &m);
		*nl |= l;
		*mk = (*mk | m) & ~*nl;
		return;
	}
#endif
	*nl = *mk = 0;
	for (i = 0; i < n; i++) {
		*nl |= (uint64_t)(s[i] == '\n') << i;
		*mk |= (uint64_t)(s[i] != '\n' && (s[i] < ' ' || s[i] >= 0x80 || s[i] == '\\')) << i;
	}
}

/* Check mode: find the lines in buf[scan, end) and what each holds, in
 * one pass, 64 bytes at a time.  A line's worth of set-up (a memchr(3) for
 * its end, a UTF-8 check, a search for form feeds, later one for bytes to
 * escape) costs more than its bytes, and most lines are short.  Before the
 * end of input the last bytes wait for more, so that no character is cut. */
static void
scan(struct lrd *r)
{
	const unsigned char *p = (const unsigned char *)r->buf;
	struct lrdline *ahead;
	size_t i = r->scan, end = r->end, next = i, na = 0, base, j, n, k, line;
	uint64_t nl, mk;
	int fl = r->scanfl, f;

	if (!r->ahead)
		r->ahead = nu_alloc(AHEAD * sizeof *r->ahead);
	ahead = r->ahead;
	while (na + 64 <= AHEAD && i < end && (r->eof || i + 64 + 3 <= end)) {
		n = end - i < 64 ? end - i : 64;
		masks64(p + i, n, &nl, &mk);
		for (base = na; nl; nl &= nl - 1) {
			ahead[na].end = i + (size_t)__builtin_ctzll(nl);
			ahead[na++].fl = 0;
		}
		if (na > base) {
			ahead[base].fl = fl;
			fl = 0;
		}
		for (; mk; mk &= mk - 1) {
			if ((j = i + (size_t)__builtin_ctzll(mk)) < next)
				continue;	/* within the last character */
			if (p[j] < 0x80) {
				/* a control or backslash: out_esc would touch
				 * it, as esc_scan stops at every control */
				f = LRD_ESC | (p[j] == '\f' ? LRD_FF : 0) | (p[j] == 0 ? LRD_BAD : 0);
				next = j + 1;
			} else if ((k = utf8_seq(r->buf + j, end - j))) {
				/* a character: nothing to note, and its other
				 * bytes need no turn of the loop */
				if (j - i + 1 < 64)
					mk &= ~((((uint64_t)1 << (k - 1)) - 1) << (j - i + 1));
				next = j + k;
				continue;
			} else {
				f = LRD_BAD;
				next = j + 1;
			}
			/* the line of j: the first that ends after it */
			for (line = base; line < na && ahead[line].end < j; line++)
				;
			if (line < na)
				ahead[line].fl |= f;
			else
				fl |= f;
		}
		i = next > i + n ? next : i + n;
	}
	r->nahead = na;
	r->iahead = 0;
	r->scan = i;
	r->scanfl = fl;
}

/* Return the line that ends at end (its newline, or the end of input)
 * and holds fl. */
static inline void
setline(struct lrd *r, size_t end, int fl)
{
	r->line = r->buf + r->beg;
	r->len = end - r->beg;
	r->valid = !(fl & LRD_BAD);
	r->ff = (fl & LRD_FF) != 0;
	r->plain = !(fl & (LRD_ESC | LRD_BAD));
	r->nonl = end == r->end;
	r->buf[end] = '\0';
	r->beg = end + !r->nonl;
	if (r->nonl)
		r->end = r->scan = r->beg;
}

/* lrd_get in check mode: from the lines found ahead, finding more when
 * they run out. */
static ssize_t
getchecked(struct lrd *r)
{
	struct lrdline *l;

	while (r->iahead == r->nahead) {
		scan(r);
		if (r->nahead)
			break;
		if (!r->eof && fill(r))
			continue;
		if (!r->eof) {	/* the bytes kept back are all there is */
			r->eof = 1;
			continue;
		}
		if (r->beg == r->end)
			return -1;
		setline(r, r->end, r->scanfl);	/* the last line has no newline */
		return (ssize_t)r->len;
	}
	l = &r->ahead[r->iahead++];
	setline(r, l->end, l->fl);
	return (ssize_t)r->len;
}

ssize_t
lrd_get(struct lrd *r)
{
	char *nl;

	if (r->check) {
		if (getchecked(r) < 0)
			return -1;
		r->lineno++;
		return (ssize_t)r->len;
	}
	r->ntab = 0;
	for (;;) {
		nl = eol(r);
		if (nl) {
			r->nonl = 0;
			break;
		}
		r->scan = r->end;	/* a giant line is scanned once */
		if (!r->eof && fill(r))
			continue;
		r->eof = 1;
		if (r->beg == r->end)
			return -1;
		nl = r->buf + r->end;	/* the last line has no newline */
		r->nonl = 1;
		break;
	}
	r->line = r->buf + r->beg;
	r->len = (size_t)(nl - r->line);
	*nl = '\0';
	r->beg = r->scan = (size_t)(nl - r->buf) + (r->nonl ? 0 : 1);
	if (r->nonl)
		r->end = r->beg;
	r->lineno++;
	return (ssize_t)r->len;
}

void
lrd_close(struct lrd *r)
{
	if (r->fd > 0)
		close(r->fd);
	free(r->buf);
	free(r->ahead);
	r->buf = r->line = NULL;
	r->ahead = NULL;
}

/* Run fn over each named input ("-" or none: stdin).  A file that cannot
 * be opened is reported as "prog: file: reason" and sets status 1; the
 * others are still read. */
void
nu_inputs(int argc, char **argv, void (*fn)(struct lrd *, void *), void *arg)
{
	static char *dash[] = {"-", NULL};
	struct lrd r;
	int i;

	if (argc == 0) {
		argc = 1;
		argv = dash;
	}
	for (i = 0; i < argc; i++) {
		if (lrd_open(&r, argv[i]) < 0) {
			nu_warnx("%s: %s", argv[i], strerror(errno));
			continue;
		}
		fn(&r, arg);
		if (r.err)
			nu_warnx("%s: %s", argv[i], strerror(r.err));
		lrd_close(&r);
	}
}

void
nu_file_lines(const char *path, void (*fn)(void *, char *, size_t, unsigned long), void *arg)
{
	struct lrd r;

	if (lrd_open(&r, path) < 0)
		nu_die(1, "%s: %s", path, strerror(errno));
	while (lrd_get(&r) >= 0) {
		size_t n = r.len;

		if (n > 0 && r.line[n - 1] == '\r')
			r.line[--n] = '\0';
		fn(arg, r.line, n, r.lineno);
	}
	if (r.err)
		nu_die(1, "%s: %s", path, strerror(r.err));
	lrd_close(&r);
}

struct recfns {
	void (*rec)(struct lrd *, struct rec *);
	void (*bad)(struct lrd *);
};

/* A stream saved by an editor may start with a byte order mark and end
 * its lines in CR LF.  Neither is data (a field escapes every CR, and no
 * ID holds a mark), so the record readers drop both, as nsplit does in
 * text: else the mark is part of the first ID, which then differs from
 * the next record's, and the CR part of each line's last field. */
static void
rec_trim(struct lrd *in)
{
	int i;

	if (in->lineno == 1 && utf8_bom(in->line, in->len)) {
		in->line += 3;
		in->len -= 3;
		for (i = 0; i < in->ntab; i++)
			in->tab[i] -= 3;
	}
	if (in->len > 0 && in->line[in->len - 1] == '\r')
		in->line[--in->len] = '\0';
}

void
rec_read(struct lrd *in, void (*rec)(struct lrd *, struct rec *), void (*bad)(struct lrd *))
{
	struct rec r;

	in->tabs = 1;
	while (lrd_get(in) >= 0) {
		rec_trim(in);
		if (rec_fields(&r, in->line, in->len, in->tab, in->ntab) == 0)
			rec(in, &r);
		else if (in->len > 0)	/* a blank line carries nothing */
			bad(in);
	}
}

static void
records(struct lrd *in, void *arg)
{
	const struct recfns *f = arg;

	rec_read(in, f->rec, f->bad);
}

/* Read the record stream from each input: rec gets every record, bad
 * every line that is not one (its caller reports it); blank lines are
 * skipped. */
void
nu_records(int argc, char **argv, void (*rec)(struct lrd *, struct rec *),
    void (*bad)(struct lrd *))
{
	struct recfns f = {rec, bad};

	nu_inputs(argc, argv, records, &f);
}
