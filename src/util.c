/* util.c: messages in err(3) style, checked allocation, string helpers. */
#include "nu.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

const char *nu_prog = "newsutils";
int nu_status;

void
nu_init(const char *argv0)
{
	const char *p;

	if (argv0 && *argv0) {
		p = strrchr(argv0, '/');
		nu_prog = p ? p + 1 : argv0;
	}
}

static void
vmsg(const char *fmt, va_list ap)
{
#ifdef NU_FUZZ
	char b[256];

	vsnprintf(b, sizeof b, fmt, ap);	/* formatted, not shown */
	return;
#endif
	fprintf(stderr, "%s: ", nu_prog);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

void
nu_warn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmsg(fmt, ap);
	va_end(ap);
}

void
nu_warnx(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmsg(fmt, ap);
	va_end(ap);
	nu_status = 1;
}

void
nu_die(int code, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmsg(fmt, ap);
	va_end(ap);
#ifdef NU_FUZZ
	abort();	/* the tools' cores must never end the process */
#endif
	exit(code);
}

void *
nu_alloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (!p)
		nu_die(1, "out of memory (%zu bytes)", n);
	return p;
}

void *
nu_realloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p)
		nu_die(1, "out of memory (%zu bytes)", n);
	return p;
}

char *
nu_strdup(const char *s)
{
	size_t n = strlen(s) + 1;

	return memcpy(nu_alloc(n), s, n);
}

int
nu_out_finish(void)
{
	out_flush();	/* a failure does not return */
	return 0;
}

int
nu_isspace(int c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

size_t
nu_rtrim_(const char *s, size_t n)
{
	for (;;) {
		while (n > 0 && nu_isspace((unsigned char)s[n - 1]))
			n--;
		/* U+00A0 NO-BREAK SPACE, common at the end of scraped lines */
		if (n >= 2 && (unsigned char)s[n - 2] == 0xc2 && (unsigned char)s[n - 1] == 0xa0)
			n -= 2;
		else
			return n;
	}
}

size_t
nu_ltrim_(const char *s, size_t n)
{
	size_t i = 0;

	for (;;) {
		while (i < n && nu_isspace((unsigned char)s[i]))
			i++;
		if (i + 1 < n && (unsigned char)s[i] == 0xc2 && (unsigned char)s[i + 1] == 0xa0)
			i += 2;
		else
			return i;
	}
}

/* The prefix tests run for every input line against many prefixes, and
 * nearly always fail at the first byte: no strlen(3) first. */
int
nu_prefix(const char *s, size_t n, const char *pre)
{
	size_t i;

	for (i = 0; pre[i]; i++)
		if (i == n || s[i] != pre[i])
			return 0;
	return 1;
}

int
nu_iprefix(const char *s, size_t n, const char *pre)
{
	size_t i;

	for (i = 0; pre[i]; i++)
		if (i == n || nu_tolower((unsigned char)s[i]) != nu_tolower((unsigned char)pre[i]))
			return 0;
	return 1;
}

/* Like the prefix tests, no strlen(3): a table of words is searched with
 * these, and most entries differ in the first byte. */
int
nu_eq(const char *s, size_t n, const char *w)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] != w[i] || !w[i])
			return 0;
	return !w[n];
}

int
nu_ieq(const char *s, size_t n, const char *w)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (nu_tolower((unsigned char)s[i]) != nu_tolower((unsigned char)w[i]) || !w[i])
			return 0;
	return !w[n];
}

int
nu_ieqn(const char *a, const char *b, size_t n)
{
	while (n--)
		if (nu_tolower((unsigned char)*a++) != nu_tolower((unsigned char)*b++))
			return 0;
	return 1;
}

/* Room for one more element in array p of *cap elements of size bytes,
 * n of them in use: the capacity doubles (from 64). */
void *
nu_grow(void *p, size_t *cap, size_t n, size_t size)
{
	if (n < *cap)
		return p;
	*cap = *cap ? 2 * *cap : 64;
	return nu_realloc(p, *cap * size);
}
