/* score.h: what the scorers of `make eval` share: messages, checked
 * allocation and UTF-8 decoding.  Each scorer is one file, built on its
 * own by test/eval-lib.sh, and includes this after defining prog, its
 * name for messages; inline, so that a scorer may leave one unused. */

static inline void
vwarn(const char *fmt, va_list ap)
{
	fflush(stdout);	/* the messages come after the lines they follow */
	fprintf(stderr, "%s: ", prog);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

static inline void
warn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarn(fmt, ap);
	va_end(ap);
}

static inline void
die(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarn(fmt, ap);
	va_end(ap);
	exit(2);
}

static inline void *
xrealloc(void *p, size_t n)
{
	if (!(p = realloc(p, n ? n : 1)))
		die("out of memory");
	return p;
}

static inline char *
xstrdup(const char *s)
{
	char *d;

	if (!(d = strdup(s)))
		die("out of memory");
	return d;
}

/* The code point of the UTF-8 sequence at s (n > 0 bytes), its length in
 * *len.  An invalid byte (a stray continuation, an overlong form, a
 * surrogate, past U+10FFFF, cut short) is 1 long and gives -1. */
static inline long
decode(const unsigned char *s, size_t n, size_t *len)
{
	long c;
	size_t i;

	*len = 1;
	if (s[0] < 0x80)
		return s[0];
	if (s[0] >= 0xc2 && s[0] <= 0xdf)
		*len = 2, c = s[0] & 0x1f;
	else if (s[0] >= 0xe0 && s[0] <= 0xef)
		*len = 3, c = s[0] & 0x0f;
	else if (s[0] >= 0xf0 && s[0] <= 0xf4)
		*len = 4, c = s[0] & 0x07;
	else
		return -1;
	if (*len > n)
		return *len = 1, -1;
	for (i = 1; i < *len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return *len = 1, -1;
		c = c << 6 | (s[i] & 0x3f);
	}
	if ((*len == 3 && c < 0x800) || (*len == 4 && c < 0x10000) ||
	    (c >= 0xd800 && c <= 0xdfff) || c > 0x10ffff)
		return *len = 1, -1;
	return c;
}
