/* escape.c: the fuzz target of escaping and UTF-8 repair (rec.c, out.c,
 * utf8.c): for any bytes s,
 *	esc_add(s) holds no TAB, LF or CR, and unesc_add gives s back
 *	out_esc(s) writes what esc_add makes
 *	esc_scan stops at a control or backslash, and at the first of
 *	the four escaped bytes at the latest
 *	utf8_fix makes valid UTF-8, leaves valid UTF-8 without NUL as it is,
 *	and counts what it replaced; utf8_len counts characters */
#include "fuzz.h"

#include <string.h>

void
fuzz_init(void)
{
}

static void
escaping(const char *s, size_t n)
{
	static struct buf e, u;
	size_t i, k = esc_scan(s, n);

	for (i = 0; i < k; i++)
		if (s[i] == '\\' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')
			fuzz_fail("esc_scan passed a byte to escape", s, n);
	if (k < n && (unsigned char)s[k] >= ' ' && s[k] != '\\')
		fuzz_fail("esc_scan stopped at a plain byte", s, n);
	buf_reset(&e);
	buf_reset(&u);
	esc_add(&e, s, n);
	if (memchr(e.p ? e.p : "", '\t', e.len) || memchr(e.p ? e.p : "", '\n', e.len) ||
	    memchr(e.p ? e.p : "", '\r', e.len))
		fuzz_fail("escaped text holds TAB, LF or CR", e.p, e.len);
	unesc_add(&u, e.p ? e.p : "", e.len);
	if (u.len != n || (n && memcmp(u.p, s, n) != 0))
		fuzz_fail("unescaping does not give the text back", u.p, u.len);
	buf_reset(&fuzz_got);
	out_esc(s, n);
	out_flush();
	if (fuzz_got.len != e.len || (e.len && memcmp(fuzz_got.p, e.p, e.len) != 0))
		fuzz_fail("out_esc and esc_add differ", fuzz_got.p, fuzz_got.len);
}

/* the bytes that are not continuation bytes */
static size_t
chars(const char *s, size_t n)
{
	size_t i, k = 0;

	for (i = 0; i < n; i++)
		k += ((unsigned char)s[i] & 0xC0) != 0x80;
	return k;
}

static void
repair(const char *s, size_t n)
{
	static struct buf f;
	size_t bad;

	buf_reset(&f);
	bad = utf8_fix(&f, s, n);
	if (!fuzz_utf8(f.p ? f.p : "", f.len))
		fuzz_fail("utf8_fix made invalid UTF-8", f.p, f.len);
	if (fuzz_utf8(s, n) != (bad == 0))
		fuzz_fail("utf8_fix counted wrong", s, n);
	if (bad == 0 && (f.len != n || (n && memcmp(f.p, s, n) != 0)))
		fuzz_fail("utf8_fix changed valid text", f.p, f.len);
	if (utf8_len(s, n) != chars(s, n))
		fuzz_fail("utf8_len counted wrong", s, n);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
	escaping((const char *)data, n);
	repair((const char *)data, n);
	return 0;
}
