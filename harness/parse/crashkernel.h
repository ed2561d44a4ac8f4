/* SPDX-License-Identifier: GPL-2.0 */
/*
 * One crashkernel= reading by the tree's own parser, made the way the tree's
 * arm64 code makes it: 6.1's reserve_crashkernel() calls parse_crashkernel()
 * and then parse_crashkernel_high()/_low(); 6.9+ arch_reserve_crashkernel()
 * makes one parse_crashkernel() call that folds ,high/,low (and ,cma).
 */
#ifndef KRESV_PARSE_CRASHKERNEL_H
#define KRESV_PARSE_CRASHKERNEL_H
#include <stdbool.h>

/* arm64's COMMAND_LINE_SIZE: boot_command_line keeps 2047 bytes and a NUL */
#define KRESV_COMMAND_LINE_SIZE 2048

struct ck_reading {
	int ret;		/* what the arch code's parse sequence ended on */
	unsigned long long size, base;
	bool high;		/* the ,high form was taken */
	bool low_set;		/* low holds a size (given, or the default) */
	unsigned long long low;	/* low size as the parser returned it */
	unsigned long long cma;	/* ,cma size (trees that have it) */
};

/* the parser API of this tree (from the extracted unit's facts) */
bool ck_tree_has_cma(void);
bool ck_tree_has_suffixes(void);

/* cmdline is copied into a COMMAND_LINE_SIZE buffer first (cut there) */
void ck_read(const char *cmdline, unsigned long long system_ram,
	     struct ck_reading *r);

/* true when the arm64 caller goes on to reserve memory */
static inline bool ck_reserves(const struct ck_reading *r)
{
	return r->ret == 0 && r->size > 0;
}

#endif
