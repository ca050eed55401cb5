/* fuzz.h: what the fuzz targets share (harness.c).  Each target is one
 * libFuzzer entry point over the library or a tool's core; replay.c
 * runs the same entry point over saved inputs without libFuzzer, so that
 * `make check` replays the corpus with the compiler it has. */
#include "../src/nu.h"

#include <stdint.h>

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n);

extern struct buf fuzz_got;	/* what the tool wrote for this input */
/* A broken promise: say which, and crash, so that the fuzzer keeps it. */
_Noreturn void fuzz_fail(const char *what, const char *s, size_t n);
/* Valid UTF-8 by the letter of RFC 3629, decoded the slow way: the
 * reference the library's fast checks are held to. */
int fuzz_utf8(const char *s, size_t n);
