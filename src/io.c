/* io.c: line input over read(2).  Lines are found with memchr(3) in one
 * large buffer and returned in place, so reading costs no copy and no
 * allocation per line; a giant line grows the buffer once. */
#include "nu.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define RDBUF (1 << 18)
#define NOFF ((size_t)-1)

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
	r->ffat = NOFF;
	return 0;
}

/* Read more input behind what is buffered; 0 at end of input. */
static int
fill(struct lrd *r)
{
	ssize_t n;

	if (r->beg > 0) {	/* keep only the unfinished line */
		memmove(r->buf, r->buf + r->beg, r->end - r->beg);
		r->end -= r->beg;
		r->scan -= r->beg;
		r->good = r->good > r->beg ? r->good - r->beg : 0;
		r->ffscan = r->ffscan > r->beg ? r->ffscan - r->beg : 0;
		r->ffat = r->ffat != NOFF && r->ffat >= r->beg ? r->ffat - r->beg : NOFF;
		r->beg = 0;
	}
	if (r->cap - r->end < RDBUF / 2) {
		r->cap *= 2;
		r->buf = nu_realloc(r->buf, r->cap);
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

/* What every reader wants to know of a line [b, e): is it valid UTF-8, and
 * does it hold a form feed.  Both are found for whole buffers at a time,
 * not line by line: a line's worth of set-up costs more than its bytes. */
static void
look(struct lrd *r, size_t b, size_t e)
{
	const char *f;

	if (r->good < b)	/* after an invalid line: start afresh */
		r->good = b;
	if (r->good < e)
		r->good += utf8_span(r->buf + r->good, r->end - r->good);
	r->valid = r->good >= e;
	if (!r->valid)
		r->good = e;	/* the caller repairs this line */
	if ((r->ffat == NOFF || r->ffat < b) && r->ffscan < e) {
		if (r->ffscan < b)
			r->ffscan = b;
		f = memchr(r->buf + r->ffscan, '\f', r->end - r->ffscan);
		r->ffat = f ? (size_t)(f - r->buf) : NOFF;
		r->ffscan = f ? r->ffat + 1 : r->end;
	}
	r->ff = r->ffat != NOFF && r->ffat >= b && r->ffat < e;
}

ssize_t
lrd_get(struct lrd *r)
{
	char *nl;

	for (;;) {
		nl = memchr(r->buf + r->scan, '\n', r->end - r->scan);
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
	if (r->check)
		look(r, r->beg, (size_t)(nl - r->buf));
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
	r->buf = r->line = NULL;
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

struct recfns {
	void (*rec)(struct lrd *, struct rec *);
	void (*bad)(struct lrd *);
};

static void
records(struct lrd *in, void *arg)
{
	const struct recfns *f = arg;
	struct rec r;

	while (lrd_get(in) >= 0) {
		if (rec_split(&r, in->line, in->len) == 0)
			f->rec(in, &r);
		else if (in->len > 0)	/* a blank line carries nothing */
			f->bad(in);
	}
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
