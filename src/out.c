/* out.c: standard output through one large buffer and write(2).
 *
 * The tools write many short fields per record; stdio's per-call cost was
 * a quarter of nsplit's time.  A write error is fatal at once: going on
 * would read gigabytes for nothing.  EPIPE (a reader such as head(1) went
 * away while SIGPIPE is ignored) ends the tool quietly, as SIGPIPE would. */
#include "nu.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

char nu_obuf[NU_OBUF];
size_t nu_olen;

/* Write nu_obuf[0, n) and keep the rest at the front. */
static void
writeout(size_t n)
{
	size_t off = 0;
	ssize_t k;

#ifdef NU_FUZZ
	fuzz_out(nu_obuf, n);	/* fuzz/ checks what a tool writes */
	off = n;
#endif
	while (off < n) {
		k = write(1, nu_obuf + off, n - off);
		if (k < 0 && errno == EINTR)
			continue;
		if (k < 0) {
			nu_olen = 0;
			if (errno == EPIPE)
				exit(1);
			nu_die(1, "write error: %s", strerror(errno));
		}
		off += (size_t)k;
	}
	memmove(nu_obuf, nu_obuf + n, nu_olen - n);
	nu_olen -= n;
}

void
out_flush(void)
{
	writeout(nu_olen);
}

/* Room in a full buffer: its whole lines go out and an unfinished last
 * line waits, so that every write(2) ends at a newline and jobs that
 * append to one file (xargs -P ... >>file) never break each other's
 * lines.  A line of more than half the buffer goes as it is: the room
 * after this is half the buffer at least. */
void
out_room(void)
{
	size_t n = nu_olen;

	while (n > 0 && nu_obuf[n - 1] != '\n' && nu_olen - n < NU_OBUF / 2)
		n--;
	writeout(n > 0 && nu_olen - n < NU_OBUF / 2 ? n : nu_olen);
}

void
out_big(const void *s, size_t n)
{
	size_t k;

	out_room();
	while (n > NU_OBUF - nu_olen) {	/* a giant field, in buffer-sized pieces */
		k = NU_OBUF - nu_olen;
		memcpy(nu_obuf + nu_olen, s, k);
		nu_olen = NU_OBUF;
		out_flush();
		s = (const char *)s + k;
		n -= k;
	}
	memcpy(nu_obuf + nu_olen, s, n);
	nu_olen += n;
}

/* Written in place: it runs for every paragraph, mostly with small
 * numbers. */
void
out_u(unsigned long v)
{
	char *d;
	size_t n = 1;
	unsigned long t;

	for (t = v; t >= 10; t /= 10)
		n++;
	if (n > NU_OBUF - nu_olen)
		out_room();
	d = nu_obuf + nu_olen + n;
	nu_olen += n;
	do
		*--d = (char)('0' + v % 10);
	while ((v /= 10));
}

void
out_esc(const char *s, size_t n)
{
	size_t i;
	unsigned char c;

	while ((i = esc_scan(s, n)) < n) {
		out_add(s, i);
		c = (unsigned char)s[i];
		/* the scan may stop at any control byte: only four are escaped,
		 * the others (0x01, VT, FF ...) pass as they are */
		if (c == '\\' || c == '\t' || c == '\n' || c == '\r') {
			out_c('\\');
			out_c(c == '\t' ? 't' : c == '\n' ? 'n' : c == '\r' ? 'r' : '\\');
		} else
			out_c(c);
		s += i + 1;
		n -= i + 1;
	}
	out_add(s, n);
}
