/* SPDX-License-Identifier: GPL-2.0 */
/*
 * An independent reading of the crashkernel= grammar as documented in
 * Documentation/admin-guide/kdump/kdump.rst and memparse()'s kernel-doc:
 *
 *   crashkernel=SIZE[@OFFSET]
 *   crashkernel=RANGE:SIZE[,RANGE:SIZE...][@OFFSET]   RANGE = START-[END]
 *   crashkernel=SIZE,high | SIZE,low | SIZE,cma
 *
 * Numbers are simple_strtoull() base 0 (0x hex, leading 0 octal, decimal)
 * with an optional K/M/G/T/P/E suffix. Ranges match START <= RAM < END on
 * the RAM size rounded up to 128M. Parameters are separated by spaces; the
 * last crashkernel= of a kind wins. Values are exact (no 64-bit wrap).
 * Written for kresv; it shares no code with the kernel.
 */
#ifndef KRESV_PARSE_REFERENCE_H
#define KRESV_PARSE_REFERENCE_H
#include <stdbool.h>
#include <stddef.h>

enum ref_form { REF_NONE, REF_SIMPLE, REF_RANGE, REF_SUFFIX };

/*
 * memcmp() for the harness's token tests. Not libc's: in the fuzz targets
 * every memcmp() call goes to libFuzzer's comparison hook, whoever makes
 * it, and the harness's own comparisons cost time there and told the
 * fuzzer nothing about the tree's code.
 */
static inline bool same_bytes(const char *a, const char *b, size_t n)
{
	while (n && *a == *b)
		a++, b++, n--;
	return !n;
}

struct ref_reading {
	bool found;		/* a crashkernel= of the asked kind exists */
	bool valid;		/* it follows the grammar */
	bool overflow;		/* a number does not fit 64 bits */
	enum ref_form form;
	unsigned __int128 size, base;	/* exact; meaningful when valid */
	const char *why;	/* what is wrong when !valid */
};

/*
 * suffix: NULL for the plain form, else ",high", ",low" or ",cma".
 * suffixes: the NULL-terminated suffixes the tree knows; a crashkernel=
 * ending in one of them is not a plain one.
 */
void ref_read(const char *cmdline, unsigned long long system_ram,
	      const char *suffix, const char *const *suffixes,
	      struct ref_reading *r);

/*
 * The same readings from one pass over the command line: ref_scan() finds
 * the last crashkernel= of every kind (plain and each of suffixes, up to
 * REF_SCAN_SUFFIXES of them), ref_scan_read() reads one kind as ref_read()
 * would. cmdline and suffixes must outlive s.
 */
#define REF_SCAN_SUFFIXES 4
struct ref_scan {
	const char *cmdline;
	unsigned long long ram;
	const char *const *suffixes;
	const char *val[REF_SCAN_SUFFIXES + 1];	/* [0] plain, [k + 1] suffixes[k] */
	size_t len[REF_SCAN_SUFFIXES + 1];
};
void ref_scan(const char *cmdline, unsigned long long system_ram,
	      const char *const *suffixes, struct ref_scan *s);
void ref_scan_read(const struct ref_scan *s, const char *suffix,
		   struct ref_reading *r);

const char *ref_form_name(enum ref_form f);

#endif
