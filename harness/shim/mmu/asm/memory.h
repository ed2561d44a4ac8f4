/* SPDX-License-Identifier: GPL-2.0 */
/*
 * asm/memory.h as the tree's pgtable-hwdef.h and the linear-map units see
 * it: the memory types and the VA layout lines of the tree's own memory.h
 * (copied by harness/mmu/tree_defs.sh), VA_BITS_MIN as memory.h chooses
 * it, and the linear-map translation over the boot state the harness set
 * (memstart_addr, vabits_actual). __va() of a table's physical address is
 * its page in the simulated memory.
 */
#ifndef KRESV_SHIM_MMU_ASM_MEMORY_H
#define KRESV_SHIM_MMU_ASM_MEMORY_H
#include <linux/types.h>
#include <linux/const.h>
#include <kresv_mmu_tree.h>
#include "pgsim.h"

#if VA_BITS > 48
#ifdef CONFIG_ARM64_16K_PAGES
#define VA_BITS_MIN		(47)
#else
#define VA_BITS_MIN		(48)
#endif
#else
#define VA_BITS_MIN		(VA_BITS)
#endif

/* include/linux/bits.h */
#ifndef BIT
#define BIT(nr)			(UL(1) << (nr))
#endif
#ifndef GENMASK
#define GENMASK(h, l) \
	(((~UL(0)) - (UL(1) << (l)) + 1) & (~UL(0) >> (64 - 1 - (h))))
#define GENMASK_ULL(h, l) \
	(((~ULL(0)) - (ULL(1) << (l)) + 1) & (~ULL(0) >> (64 - 1 - (h))))
#endif

#define vabits_actual		kresv_vabits_actual
#define PHYS_OFFSET		((u64)kresv_memstart_addr)
#define __phys_to_virt(x)	((unsigned long)((x) - PHYS_OFFSET) | PAGE_OFFSET)
/*
 * phys_to_virt() of a page of the simulated page-table memory (a table
 * page split_pmd()/split_pud() of 7.3 just got from the page allocator)
 * is that page, which the code writes through; of anything else (the
 * KFENCE pool) the linear-map address, which the code only compares
 */
#define phys_to_virt(x)		(kresv_pgsim_present((phys_addr_t)(x)) ? \
				 kresv_pgsim_map((phys_addr_t)(x)) :	\
				 (void *)__phys_to_virt((phys_addr_t)(x)))
#define __va(x)			((void *)kresv_pgsim_map((phys_addr_t)(x)))
#define __pa(x)			kresv_pgsim_pa((const void *)(x))
#endif
