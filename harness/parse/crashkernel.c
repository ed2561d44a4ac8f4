// SPDX-License-Identifier: GPL-2.0
/*
 * Calls the extracted parse_crashkernel() of whichever API the tree has.
 * The API is recognised from the unit's facts (the functions extracted and
 * their argument counts), never from a version number.
 */
#include <errno.h>
#include <string.h>

#include "crashkernel.h"
#include "facts.h"

/* the parser's declarations, as the tree writes them (see extract/); some
 * trees' name struct cma in them, which this file never looks into */
struct cma;
#include "protos.h"

#if KRESV_NARGS_parse_crashkernel != 4 && KRESV_NARGS_parse_crashkernel != 6 && \
	KRESV_NARGS_parse_crashkernel != 7
#error "kresv: unknown parse_crashkernel() signature in this tree"
#endif

bool ck_tree_has_cma(void)
{
	return KRESV_NARGS_parse_crashkernel == 7;
}

bool ck_tree_has_suffixes(void)
{
#if KRESV_NARGS_parse_crashkernel == 4 && !defined(KRESV_HAVE_parse_crashkernel_high)
	return false;
#else
	return true;
#endif
}

void ck_read(const char *cmdline, unsigned long long system_ram,
	     struct ck_reading *r)
{
	static char line[KRESV_COMMAND_LINE_SIZE];
	size_t n = strnlen(cmdline, sizeof(line) - 1);

	memcpy(line, cmdline, n);	/* strlcpy() into boot_command_line */
	line[n] = '\0';
	memset(r, 0, sizeof(*r));
#if KRESV_NARGS_parse_crashkernel == 4
	/* 6.1 arch/arm64/mm/init.c reserve_crashkernel(), parse part */
	r->ret = parse_crashkernel(line, system_ram, &r->size, &r->base);
#ifdef KRESV_HAVE_parse_crashkernel_high
	if (r->ret == -ENOENT) {
		unsigned long long base;
		int ret;

		r->ret = parse_crashkernel_high(line, 0, &r->size, &r->base);
		if (r->ret || !r->size)
			return;
		ret = parse_crashkernel_low(line, 0, &r->low, &base);
		if (ret && ret != -ENOENT) {
			r->ret = ret;
			return;
		}
		r->low_set = ret == 0;	/* else reserve_crashkernel_low() picks */
		r->high = true;
	}
#endif
#else
	{
		unsigned long long low = 0;

#if KRESV_NARGS_parse_crashkernel == 6
		r->ret = parse_crashkernel(line, system_ram, &r->size, &r->base,
					   &low, &r->high);
#else
		r->ret = parse_crashkernel(line, system_ram, &r->size, &r->base,
					   &low, &r->cma, &r->high);
#endif
		r->low = low;
		/* with ,high the tree fills in its default when no ,low came */
		r->low_set = r->high;
	}
#endif
}
