/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The outcome of one replayed boot and the oracles over it (IDs in
 * docs/oracles.md):
 *   CRASH_OUTSIDE_RAM       a crash region not wholly in a RAM bank
 *   CRASH_OVERLAP           a crash region over no-map memory, over a range
 *                           reserved before the kernel ran, or over the
 *                           other crash region
 *   CRASH_MISALIGNED        a crash region not 2 MiB aligned (the arm64
 *                           boot protocol's requirement for the kdump kernel)
 *   CRASH_ABOVE_DMA_LIMIT   the low crash region (or the only one, unless
 *                           crashkernel=0,low) above what DMA masters reach
 *                           (the scenario's dma-max, else the kernel's limit): kdump
 *                           devices could not reach it
 *   CRASH_HIGH_CROSSES_4G   a high crash region that crosses the low/high
 *                           boundary
 *   DMA_LIMIT_EARLY_USE     arm64_dma_phys_limit read before the function
 *                           that sets it ran (harness/boot/watch.c)
 *   CRASH_RESERVE_LOOP      the reservation retries without end (replay.c)
 *   CRASH_NOT_ANNOUNCED     memblock holds a reservation that no range of
 *                           the scenario and no announced crash region
 *                           explains (leaked on a failure path)
 */
#ifndef KRESV_BOOT_ORACLES_H
#define KRESV_BOOT_ORACLES_H
#include "findings.h"
#include "scenario.h"

#define BOOT_RES_MAX 80

struct boot_reservation {
	char name[24];
	unsigned long long start, end;	/* end exclusive */
};

struct boot_outcome {
	unsigned long long dma_limit;
	int nres;
	struct boot_reservation res[BOOT_RES_MAX];
	/* the crash regions the tree announced (crashk_res, crashk_low_res) */
	bool crash, crash_low;
	unsigned long long crash_start, crash_end;
	unsigned long long low_start, low_end;
};

void boot_outcome_collect(const struct scenario *s, struct boot_outcome *o);
void boot_oracles(const struct scenario *s, const struct boot_outcome *o,
		  struct findings *fs);

#endif
