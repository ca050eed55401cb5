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

void
out_flush(void)
{
	size_t off = 0;
	ssize_t n;

#ifdef NU_FUZZ
	fuzz_out(nu_obuf, nu_olen);	/* fuzz/ checks what a tool writes */
	nu_olen = 0;
	return;
#endif
	while (off < nu_olen) {
		n = write(1, nu_obuf + off, nu_olen - off);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			nu_olen = 0;
			if (errno == EPIPE)
				exit(1);
			nu_die(1, "write error: %s", strerror(errno));
		}
		off += (size_t)n;
	}
	nu_olen = 0;
}

void
out_big(const void *s, size_t n)
{
	out_flush();
	if (n < NU_OBUF) {
		memcpy(nu_obuf, s, n);
		nu_olen = n;
		return;
	}
	while (n > 0) {	/* a giant field, in buffer-sized pieces */
		size_t k = n < NU_OBUF ? n : NU_OBUF;

		memcpy(nu_obuf, s, k);
		nu_olen = k;
		out_flush();
		s = (const char *)s + k;
		n -= k;
	}
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
		out_flush();
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
