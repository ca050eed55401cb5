/* stripfp.c: paragraphs seen in other articles.
 *
 * A fixed table of FP_SLOTS slots (2^20, 16 MB) maps the 64-bit
 * fingerprint of a normalised paragraph to the number of articles it
 * occurred in, and to a 32-bit tag of the last such article.  The tag
 * makes counting idempotent: reading the same article again (a learning
 * pass with -l, then the stripping pass over the same stream; or an
 * article a dump holds twice) does not make its paragraphs look
 * repeated.  When the table is three quarters full, paragraphs seen in
 * one article only are forgotten; if that frees too little, new
 * paragraphs are no longer added, and those already known still count.
 *
 * The file (-s) holds the used slots: the 8 bytes "NSTRIPFP", the
 * number of entries as 4 bytes little-endian, 4 zero bytes, then per
 * entry the fingerprint (8 bytes), count and tag (4 bytes each), all
 * little-endian.  It is written to a temporary file that is renamed over
 * the old one, so a crash never leaves half a file. */
#include "nu.h"
#include "strip.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define FP_SLOTS (1u << 20)	/* find() takes the top 64 - 20 bits */
#define FP_FULL (FP_SLOTS / 4 * 3)
#define FP_ENTRY 16
#define FP_HEAD 16

struct slot {
	uint64_t fp;		/* 0: empty */
	uint32_t count, tag;
};

static struct slot *tab;
static size_t used;
static int frozen;		/* full of paragraphs seen twice: add no more */

static void
fp_alloc(void)
{
	if (!tab)
		tab = calloc(FP_SLOTS, sizeof *tab);
	if (!tab)
		nu_die(1, "out of memory (fingerprint table)");
}

static struct slot *
find(uint64_t fp)
{
	size_t i;

	/* the top bits of a multiply: the low bits of fp follow the last
	 * letters of a paragraph, and paragraphs that differ only in their
	 * last word crowded into one part of the table (80-100 probes) */
	for (i = (size_t)((fp * 0x9E3779B97F4A7C15u) >> 44); tab[i].fp; i = (i + 1) & (FP_SLOTS - 1))
		if (tab[i].fp == fp)
			return &tab[i];
	return &tab[i];
}

/* Forget the paragraphs seen once, to make room. */
static void
purge(void)
{
	struct slot *old = tab;
	size_t i;

	tab = NULL;
	fp_alloc();
	used = 0;
	for (i = 0; i < FP_SLOTS; i++)
		if (old[i].fp && old[i].count > 1) {
			*find(old[i].fp) = old[i];
			used++;
		}
	free(old);
	frozen = used >= FP_FULL / 2;
}

unsigned
fp_count(uint64_t fp, uint64_t tag64)
{
	uint32_t tag = (uint32_t)(tag64 ^ tag64 >> 32);
	struct slot *s;
	unsigned before;

	fp_alloc();
	s = find(fp);
	if (!s->fp) {
		if (frozen)
			return 0;
		if (used >= FP_FULL) {
			purge();
			if (frozen)
				return 0;
			s = find(fp);
		}
		s->fp = fp;
		s->count = 1;
		s->tag = tag;
		used++;
		return 0;
	}
	if (s->tag == tag)
		return s->count - 1;
	before = s->count;
	if (s->count < UINT32_MAX)
		s->count++;
	s->tag = tag;
	return before;
}

uint64_t
fp_article(const struct article *a)
{
	uint64_t h = 14695981039346656037u;
	size_t i;

	/* the shape of the article: its paragraph lengths, and the
	 * fingerprints of the short ones */
	for (i = 0; i < a->np; i++) {
		h = (h ^ a->p[i].n) * 1099511628211u;
		h = (h ^ a->p[i].fp) * 1099511628211u;
	}
	return h;
}

static uint64_t
get64(const unsigned char *p)
{
	uint64_t v = 0;
	int i;

	for (i = 7; i >= 0; i--)
		v = v << 8 | p[i];
	return v;
}

static uint32_t
get32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static void
put64(unsigned char *p, uint64_t v)
{
	int i;

	for (i = 0; i < 8; i++, v >>= 8)
		p[i] = (unsigned char)v;
}

static void
put32(unsigned char *p, uint32_t v)
{
	int i;

	for (i = 0; i < 4; i++, v >>= 8)
		p[i] = (unsigned char)v;
}

static void
bad(const char *path, const char *why)
{
	nu_die(1, "%s: %s", path, why);
}

void
fp_load(const char *path)
{
	unsigned char head[FP_HEAD], e[FP_ENTRY];
	uint32_t n, i;
	struct slot *s;
	FILE *f;

	fp_alloc();
	if (!(f = fopen(path, "rb"))) {
		if (errno == ENOENT)
			return;		/* the first run makes it */
		bad(path, strerror(errno));
	}
	if (fread(head, 1, FP_HEAD, f) != FP_HEAD || memcmp(head, "NSTRIPFP", 8) != 0 ||
	    get32(head + 12) != 0)
		bad(path, "not an nstrip fingerprint file");
	n = get32(head + 8);
	if (n > FP_FULL)
		bad(path, "too many entries");
	for (i = 0; i < n; i++) {
		if (fread(e, 1, FP_ENTRY, f) != FP_ENTRY)
			bad(path, "truncated");
		s = find(get64(e));
		if (get64(e) == 0 || get32(e + 8) == 0 || s->fp)
			bad(path, "corrupt entry");
		s->fp = get64(e);
		s->count = get32(e + 8);
		s->tag = get32(e + 12);
		used++;
	}
	if (fgetc(f) != EOF)
		bad(path, "trailing bytes");
	if (ferror(f))
		bad(path, strerror(errno));
	fclose(f);
}

static int
writeall(int fd, const unsigned char *p, size_t n)
{
	ssize_t w;

	while (n > 0) {
		if ((w = write(fd, p, n)) < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

/* The table, entries in slot order, through a buffer. */
static int
writetab(int fd)
{
	static unsigned char b[FP_ENTRY * 4096];
	size_t i, k = 0;

	memcpy(b, "NSTRIPFP", 8);
	put32(b + 8, (uint32_t)used);
	put32(b + 12, 0);
	k = FP_HEAD;
	for (i = 0; i < FP_SLOTS; i++) {
		if (!tab[i].fp)
			continue;
		if (k + FP_ENTRY > sizeof b) {
			if (writeall(fd, b, k) < 0)
				return -1;
			k = 0;
		}
		put64(b + k, tab[i].fp);
		put32(b + k + 8, tab[i].count);
		put32(b + k + 12, tab[i].tag);
		k += FP_ENTRY;
	}
	return writeall(fd, b, k);
}

void
fp_save(const char *path)
{
	struct buf tmp = {0};
	mode_t mask = umask(0);
	int fd;

	umask(mask);
	fp_alloc();
	buf_adds(&tmp, path);
	buf_adds(&tmp, ".XXXXXX");
	if ((fd = mkstemp(tmp.p)) < 0)
		bad(path, strerror(errno));
	/* mkstemp makes it private; the file is as any other the user writes */
	if (fchmod(fd, 0666 & ~mask) < 0 || writetab(fd) < 0 || fsync(fd) < 0 || close(fd) < 0 || rename(tmp.p, path) < 0) {
		int e = errno;

		unlink(tmp.p);
		bad(path, strerror(e));
	}
	buf_free(&tmp);
}
