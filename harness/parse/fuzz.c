// SPDX-License-Identifier: GPL-2.0
/*
 * Fuzz target: the tree's crashkernel= parser and the parser oracles. One
 * source for libFuzzer and AFL++ (persistent mode).
 *
 * A finding is a result, not a crash: each new finding signature is written
 * once to $KRESV_FINDINGS_DIR (input + text) and fuzzing goes on. With
 * KRESV_ABORT_ON_FINDING=1 a finding aborts instead, for minimisers.
 * Sanitizer errors and kernel BUG()s always crash. KRESV_ORACLES=off runs
 * the parser alone (throughput measurements; sanitizers still on).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "crashkernel.h"
#include "findings.h"
#include "input.h"
#include "oracles.h"
#include "printk_log.h"

static const char *findings_dir;
static int abort_on_finding, oracles_off;

static void setup(void)
{
	static int done;
	const char *a;

	if (done)
		return;
	done = 1;
	findings_dir = getenv("KRESV_FINDINGS_DIR");
	a = getenv("KRESV_ABORT_ON_FINDING");
	abort_on_finding = a && *a == '1';
	a = getenv("KRESV_ORACLES");
	oracles_off = a && !strcmp(a, "off");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct parse_input in;
	static struct findings fs;
	struct ck_reading r;

	setup();
	input_decode(data, size, &in);
	kresv_log_reset();
	ck_read(in.cmdline, in.ram, &r);
	findings_reset(&fs);
	if (!oracles_off)
		parse_oracles(in.cmdline, in.ram, &r, &fs);
	if (!fs.n)
		return 0;
	if (abort_on_finding) {
		findings_print(&fs, stderr);
		abort();
	}
	if (findings_dir && findings_save(&fs, findings_dir, data, size))
		findings_print(&fs, stderr);
	return 0;
}

#ifdef __AFL_FUZZ_TESTCASE_LEN
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
#endif
