/* harness.c: output capture and the checks every target uses. */
#include "fuzz.h"

#include <stdlib.h>

struct buf fuzz_got;

/* The target's name is its program's; each sets itself up in fuzz_init. */
int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	nu_init((*argv)[0]);
	fuzz_init();
	return 0;
}

/* out.c hands its buffer here instead of to write(2). */
void
fuzz_out(const char *s, size_t n)
{
	buf_add(&fuzz_got, s, n);
}

void
fuzz_fail(const char *what, const char *s, size_t n)
{
	fprintf(stderr, "%s: %s: \"%.*s\"\n", nu_prog, what, n > 200 ? 200 : (int)n, s);
	abort();
}

int
fuzz_utf8(const char *str, size_t n)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0, k, len;
	uint32_t cp, min;

	while (i < n) {
		if (s[i] < 0x80) {
			if (s[i] == 0)
				return 0;
			i++;
			continue;
		}
		if ((s[i] & 0xE0) == 0xC0)
			len = 2, cp = s[i] & 0x1F, min = 0x80;
		else if ((s[i] & 0xF0) == 0xE0)
			len = 3, cp = s[i] & 0x0F, min = 0x800;
		else if ((s[i] & 0xF8) == 0xF0)
			len = 4, cp = s[i] & 0x07, min = 0x10000;
		else
			return 0;
		if (n - i < len)
			return 0;
		for (k = 1; k < len; k++) {
			if ((s[i + k] & 0xC0) != 0x80)
				return 0;
			cp = cp << 6 | (s[i + k] & 0x3F);
		}
		if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
			return 0;
		i += len;
	}
	return 1;
}
