// SPDX-License-Identifier: GPL-2.0
/*
 * Fuzz target: the tree's crashkernel= parser and the parser oracles. One
 * source for libFuzzer and AFL++ (persistent mode, harness/fuzz/afl_main.c).
 *
 * A finding is a result, not a crash: each new finding signature is written
 * once to $KRESV_FINDINGS_DIR (input + text) and fuzzing goes on. With
 * KRESV_ABORT_ON_FINDING=1 a finding aborts instead, for minimisers.
 * Sanitizer errors and kernel BUG()s always crash. KRESV_ORACLES=off runs
 * the parser alone (throughput measurements; sanitizers still on).
 *
 * What each input gets (docs/oracles.md, "In the fuzz targets"): the tree's
 * parser under the sanitizers, then PARSE_GRAMMAR_MISMATCH,
 * PARSE_SIZE_OVERFLOW and PARSE_PROMISE_BROKEN. PARSE_CONTEXT_DEPENDENT
 * costs three more passes of the parser; it runs on the inputs whose hash
 * is 0 modulo KRESV_CONTEXT_EVERY (default CONTEXT_EVERY; 1: every input),
 * and on every input with KRESV_ABORT_ON_FINDING=1. The choice depends on
 * the input's bytes only, and `kresv parse --input FILE` runs every oracle,
 * so every finding replays there.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "crashkernel.h"
#include "findings.h"
#include "input.h"
#include "oracles.h"
#include "printk_log.h"

/*
 * One input in sixteen: on a grown corpus (long lines) the three extra
 * passes on one input in four took two thirds of what the oracles cost
 * (7.3: 1M inputs in 4.9 s, 3.5 s with one in sixteen, 2.9 s without
 * oracles); a fuzzer at 200k inputs/s still checks 12k lines/s this way.
 */
#define CONTEXT_EVERY 16

static const char *findings_dir;
static int abort_on_finding, oracles_off;
static unsigned long context_every = CONTEXT_EVERY;

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
/*
 * The kernel's get_last_crashkernel() calls strstr() and strchr() once
 * per "crashkernel=" on the line, and ASan's check of each call measures
 * the rest of the line again: quadratic in the line (on a grown 6.12
 * corpus the strchr() check alone took a fifth of the time). The fuzz
 * targets leave those two checks out (ASAN_OPTIONS can turn them back
 * on; arm64's KASAN does not check strchr() either, it is assembly
 * there). strncmp(), strlen() and the instrumented kernel code stay
 * checked, and `kresv parse --input` replays with every check.
 *
 * The quarantine is 1 MiB instead of 256: the tree's parser allocates
 * nothing, so it only ever holds libFuzzer's copy of each input, and
 * cycling 256 MiB of those through fresh pages cost a third of the time
 * in page faults. For the same reason new allocations are not filled
 * with a pattern: that copy is written over at once.
 */
const char *__asan_default_options(void);
const char *__asan_default_options(void)
{
	return "intercept_strstr=0:intercept_strchr=0:quarantine_size_mb=1:"
	       "max_malloc_fill_size=0";
}
#endif
#endif

/*
 * Signatures this process has already handed to findings_save(): a finding
 * with one of them is dropped before it is formatted, and the findings
 * directory is not asked again. Open addressing; when full, every later
 * signature simply goes the old way (findings_save() checks the directory).
 */
#define SEEN_SLOTS 4096
static unsigned long long seen[SEEN_SLOTS];
static int nseen;

static unsigned long long *seen_slot(unsigned long long key)
{
	unsigned i = (unsigned)(key ^ (key >> 32)) & (SEEN_SLOTS - 1);

	key |= 1;	/* 0 marks a free slot */
	while (seen[i] && seen[i] != key)
		i = (i + 1) & (SEEN_SLOTS - 1);
	return &seen[i];
}

static int seen_before(const char *id, const char *signature)
{
	unsigned long long key = findings_key(id, signature);

	return *seen_slot(key) == (key | 1);
}

static void mark_seen(const struct findings *fs)
{
	int i;

	for (i = 0; i < fs->n && nseen < SEEN_SLOTS / 2; i++) {
		unsigned long long key = findings_key(fs->f[i].id,
						      fs->f[i].signature);
		unsigned long long *slot = seen_slot(key);

		if (!*slot) {
			*slot = key | 1;
			nseen++;
		}
	}
}

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
	a = getenv("KRESV_CONTEXT_EVERY");
	if (a && *a) {
		char *end;
		unsigned long v = strtoul(a, &end, 10);

		if (*end || !v) {
			fprintf(stderr, "kresv: KRESV_CONTEXT_EVERY=%s: not a positive number\n", a);
			exit(2);
		}
		context_every = v;
	}
	if (abort_on_finding)
		context_every = 1;
}

/*
 * Which inputs the context oracle sees: a function of the bytes alone.
 * Eight bytes a step: a byte-wise hash of a long line cost a tenth of
 * the time per input.
 */
static int context_due(const uint8_t *data, size_t size)
{
	uint64_t h = 0xcbf29ce484222325ULL ^ size, w;
	size_t i;

	if (context_every == 1)
		return 1;
	for (i = 0; i + 8 <= size; i += 8) {
		memcpy(&w, data + i, 8);
		h = (h ^ w) * 0x100000001b3ULL;
		h ^= h >> 29;
	}
	for (; i < size; i++)
		h = (h ^ data[i]) * 0x100000001b3ULL;
	h ^= h >> 32;
	return h % context_every == 0;
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
	if (!abort_on_finding)
		fs.skip = seen_before;
	if (!oracles_off)
		parse_oracles_some(in.cmdline, in.ram, &r, ORACLE_READING |
				   (context_due(data, size) ? ORACLE_CONTEXT : 0),
				   &fs);
	if (!fs.n)
		return 0;
	if (abort_on_finding) {
		findings_print(&fs, stderr);
		abort();
	}
	if (findings_dir && findings_save(&fs, findings_dir, data, size))
		findings_print(&fs, stderr);
	mark_seen(&fs);
	return 0;
}
