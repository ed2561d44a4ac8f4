/* SPDX-License-Identifier: GPL-2.0 */
/*
 * One boot of a scenario through the tree's own code, from the early
 * parameters to the crash reservation (and, from 7.3 on, the zones and
 * sparse_init() after setup_arch()), with every oracle over it. The whole
 * flow of kresv-replay, callable any number of times in one process: the
 * kernel state a boot changes is reset first (the fuzz targets rely on
 * that).
 */
#ifndef KRESV_BOOT_RUN_H
#define KRESV_BOOT_RUN_H
#include <stdbool.h>
#include <stddef.h>
#include "boot_oracles.h"
#include "findings.h"
#include "paging.h"
#include "scenario.h"

struct boot_run {
	struct boot_outcome out;
	struct findings fs;
	struct paging_run pg;	/* the linear map, when mapped */
	bool mapped;		/* map_mem() ran to its end */
	bool panicked;		/* KERNEL_PANIC: the boot stopped there */
	bool looped;		/* CRASH_RESERVE_LOOP: stopped there */
	bool skipped;		/* fuzz mode: left out as too slow */
};

/*
 * Fuzz mode: boots whose linear map would be page granular over more
 * than 16 GiB of RAM are not run (skipped, no findings): they cost
 * hundreds to thousands of milliseconds each. The replay never sets it.
 */
extern bool kresv_boot_fuzz_mode;

/*
 * Whether this build can boot s at all: RAM within the kernel's physical
 * address range and linear map. 0 if so; else -1 with one line in err
 * (naming path) — bad input, not a finding.
 */
int kresv_boot_check(const struct scenario *s, const char *path, char *err,
		     size_t errlen);

/*
 * Boot s. tree names the tree for the scenario's `expect TREE ...` lines
 * ("" checks only `expect any`); path names the scenario in findings.
 * The log stays in kresv_log, the stub calls in kresv_calls, the zones in
 * kresv_answers until the next boot.
 */
void kresv_boot_run(const struct scenario *s, const char *tree,
		    const char *path, struct boot_run *r);
#endif
