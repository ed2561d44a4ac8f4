// SPDX-License-Identifier: GPL-2.0
/*
 * AFL++ persistent mode around LLVMFuzzerTestOneInput() (fuzz_boot.c,
 * harness/parse/fuzz.c): the one file of the AFL++ builds that
 * afl-clang-fast compiles outside the kernel code, for its __AFL_*
 * macros. Outside afl-fuzz it runs the input on stdin once.
 */
#include <stddef.h>
#include <stdint.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

__AFL_FUZZ_INIT();

int main(void)
{
	unsigned char *buf;

	__AFL_INIT();
	buf = __AFL_FUZZ_TESTCASE_BUF;
	while (__AFL_LOOP(100000))
		LLVMFuzzerTestOneInput(buf, (size_t)__AFL_FUZZ_TESTCASE_LEN);
	return 0;
}
