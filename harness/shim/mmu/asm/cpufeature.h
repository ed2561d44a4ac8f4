/* SPDX-License-Identifier: GPL-2.0 */
/*
 * asm/cpufeature.h as the tree's pgtable-prot.h and mmu.c ask it: the
 * answers are the CPU's, i.e. the scenario's `cpu` line, set by the
 * harness (harness/mmu/pgsim.c) before the tree's code runs.
 */
#ifndef KRESV_SHIM_MMU_ASM_CPUFEATURE_H
#define KRESV_SHIM_MMU_ASM_CPUFEATURE_H
#include <stdbool.h>

extern bool kresv_cpu_lpa2, kresv_cpu_bbml3, kresv_after_boot;
/*
 * map_mem() runs before the system capabilities are finalised; the
 * harness's split_kernel_leaf_mapping() calls run after the boot, when
 * they are (kresv_after_boot). system_supports_bbml3() is an alternative
 * (ARM64_HAS_BBML3), not patched before then; after, on the one CPU of
 * the scenario, it is that CPU's answer.
 */
static inline bool system_capabilities_finalized(void) { return kresv_after_boot; }
static inline bool cpu_supports_bbml3(void) { return kresv_cpu_bbml3; }
static inline bool system_supports_bbml3(void)
{
	return kresv_after_boot && kresv_cpu_bbml3;
}
/* the kernel's BTI guard bit: the model's CPU has no BTI */
static inline bool system_supports_bti(void) { return false; }
static inline bool system_supports_bti_kernel(void) { return false; }
#define cpus_have_final_cap(c)	false
#endif
