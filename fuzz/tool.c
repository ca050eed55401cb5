/* tool.c: the fuzz target of one tool (fuzz-nsplit, fuzz-nstrip ...):
 * the input, after two bytes that choose the tool's options and how
 * many bytes each read(2) returns, goes through what the tool's main
 * runs, from memory, with its output kept and checked:
 *	every tool	output ends with a newline (a last line without one
 *			is passed on with it)
 *	nsplit		every line is a record of valid UTF-8 without NUL or
 *			CR, with a clean ID; an article's records are
 *			together and start with its doc record
 *	ntsv		every row has as many columns as the header */
#include "fuzz.h"

#include <stdlib.h>
#include <string.h>

static enum { T_UNSET, T_NSPLIT, T_NTSV, T_OTHER } tool;


/* nsplit's line s (n bytes, no newline); ids: the IDs of the articles
 * before, each ending in a tab */
static void
record(const char *s, size_t n, struct buf *ids, struct buf *last)
{
	const char *tab = memchr(s, '\t', n), *kind, *k2;
	size_t i, idn;

	if (!fuzz_utf8(s, n) || memchr(s, '\r', n))
		fuzz_fail("not valid UTF-8 without NUL or CR", s, n);
	if (!tab || tab == s)
		fuzz_fail("no ID", s, n);
	idn = (size_t)(tab - s);
	for (i = 0; i < idn; i++)
		if ((unsigned char)s[i] <= ' ' || s[i] == 0x7f)
			fuzz_fail("white space or a control in an ID", s, n);
	kind = tab + 1;
	k2 = memchr(kind, '\t', n - idn - 1);
	if (!k2 || k2 == kind)
		fuzz_fail("no kind, or no field after it", s, n);
	for (i = 0; kind + i < k2; i++)
		if (!((kind[i] >= 'a' && kind[i] <= 'z') || kind[i] == '_'))
			fuzz_fail("a kind not in small letters", s, n);
	if (last->len == idn + 1 && memcmp(last->p, s, idn + 1) == 0)
		return;		/* the same article */
	if (k2 - kind != 3 || memcmp(kind, "doc", 3) != 0)
		fuzz_fail("an article that starts without its doc record", s, n);
	for (i = 0; i < ids->len; i += strlen(ids->p + i) + 1)
		if (strncmp(ids->p + i, s, idn + 1) == 0)
			fuzz_fail("an article's records apart, or an ID given twice", s, n);
	buf_reset(last);
	buf_add(last, s, idn + 1);
	buf_add(ids, s, idn + 1);
	buf_addc(ids, '\0');
}

static size_t
tabs(const char *s, size_t n)
{
	size_t i, k = 0;

	for (i = 0; i < n; i++)
		k += s[i] == '\t';
	return k;
}

static void
check(void)
{
	static struct buf ids, last;
	const char *s = fuzz_got.p, *end = s + fuzz_got.len, *nl;
	size_t cols = 0;

	if (tool == T_UNSET)	/* told by name: one file for five targets */
		tool = strstr(nu_prog, "nsplit") ? T_NSPLIT : strstr(nu_prog, "ntsv") ? T_NTSV : T_OTHER;

	if (fuzz_got.len && end[-1] != '\n')
		fuzz_fail("output without a final newline", s, fuzz_got.len);
	buf_reset(&ids);
	buf_reset(&last);
	for (; s < end; s = nl + 1) {
		nl = memchr(s, '\n', (size_t)(end - s));
		if (tool == T_NSPLIT)
			record(s, (size_t)(nl - s), &ids, &last);
		else if (tool == T_NTSV && s == fuzz_got.p)
			cols = tabs(s, (size_t)(nl - s));
		else if (tool == T_NTSV && tabs(s, (size_t)(nl - s)) != cols)
			fuzz_fail("a row whose columns are not the header's", s, (size_t)(nl - s));
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
	struct lrd in;
	unsigned flags = n > 0 ? data[0] : 0, chunk = n > 1 ? data[1] : 0;

	data += n > 2 ? 2 : n;
	n -= n > 2 ? 2 : n;
	lrd_mem(&in, "fuzz", (const char *)data, n, chunk);
	buf_reset(&fuzz_got);
	fuzz_one(&in, flags);
	lrd_close(&in);
	out_flush();
	check();
	return 0;
}
