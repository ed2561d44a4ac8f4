/* SPDX-License-Identifier: GPL-2.0 */
/*
 * arm64 constants the boot units use, derived from the configuration as
 * arch/arm64/include/asm/{page-def,pgtable-hwdef}.h derive them.
 */
#ifndef KRESV_SHIM_ASM_ARM64_H
#define KRESV_SHIM_ASM_ARM64_H
#include <linux/types.h>

#if defined(CONFIG_PAGE_SHIFT)
#define PAGE_SHIFT		CONFIG_PAGE_SHIFT
#else
#define PAGE_SHIFT		CONFIG_ARM64_PAGE_SHIFT
#endif
#define PAGE_SIZE		(1UL << PAGE_SHIFT)
#define PAGE_MASK		(~(PAGE_SIZE - 1))
#define PAGE_ALIGN(x)		(((x) + PAGE_SIZE - 1) & PAGE_MASK)
#define PFN_UP(x)		(((x) + PAGE_SIZE - 1) >> PAGE_SHIFT)
#define PFN_DOWN(x)		((x) >> PAGE_SHIFT)
#define PFN_PHYS(x)		((phys_addr_t)(x) << PAGE_SHIFT)
#define PHYS_MASK_SHIFT		CONFIG_ARM64_PA_BITS
#define PHYS_MASK		((1ULL << PHYS_MASK_SHIFT) - 1)
#define PHYS_ADDR_MAX		(~(phys_addr_t)0)
#define DMA_BIT_MASK(n)		(((n) == 64) ? ~0ULL : ((1ULL << (n)) - 1))
#define U32_MAX			((u32)~0U)

/* the DMA zone globals of kernel/dma/direct.c (one of them per tree) */
extern unsigned int zone_dma_bits;
extern u64 zone_dma_limit;
extern phys_addr_t arm64_dma_phys_limit;

/*
 * Every use of arm64_dma_phys_limit in the units goes through the boot
 * harness (harness/boot/watch.c), which records who read it and when, so
 * a read before the code that sets it is seen (DMA_LIMIT_EARLY_USE).
 */
phys_addr_t *kresv_watch_dma_limit(const char *func, const char *file,
				   int line);
#define KRESV_WATCHED_arm64_dma_phys_limit \
	(*kresv_watch_dma_limit(__func__, __FILE__, __LINE__))
#define arm64_dma_phys_limit KRESV_WATCHED_arm64_dma_phys_limit

/* include/linux/mmzone.h's zone_type as the configuration shapes it */
enum zone_type {
#ifdef CONFIG_ZONE_DMA
	ZONE_DMA,
#endif
#ifdef CONFIG_ZONE_DMA32
	ZONE_DMA32,
#endif
	ZONE_NORMAL,
	ZONE_MOVABLE,
#ifdef CONFIG_ZONE_DEVICE
	ZONE_DEVICE,
#endif
	__MAX_NR_ZONES
};
#define MAX_NR_ZONES __MAX_NR_ZONES
#define NUMA_NO_NODE		(-1)
#endif
