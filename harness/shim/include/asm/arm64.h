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

/*
 * What arm64_memblock_init() reads. The CPU and the image come from the
 * linear map's side (harness/mmu/paging.c sets them before the early
 * parameters): vabits_actual and the image's symbols, whose
 * "addresses" here are their physical addresses (never dereferenced), so
 * that __pa_symbol() and _end - _text mean what they mean in the kernel.
 */
extern unsigned long long kresv_vabits_actual;
extern unsigned long long kresv_ksym[];
#define vabits_actual		kresv_vabits_actual
#define _text			((char *)(uintptr_t)kresv_ksym[0])
#define _stext			((char *)(uintptr_t)kresv_ksym[1])
#define _end			((char *)(uintptr_t)kresv_ksym[5])
#define __pa_symbol(x)		((phys_addr_t)(uintptr_t)(x))
/* asm/memory.h */
#define _PAGE_OFFSET(va)	(-(1ULL << (va)))
#define PAGE_END		(_PAGE_OFFSET(CONFIG_ARM64_VA_BITS > 48 ? 48 : CONFIG_ARM64_VA_BITS) \
				 + (1ULL << ((CONFIG_ARM64_VA_BITS > 48 ? 48 : CONFIG_ARM64_VA_BITS) - 1)))
/* asm/pgtable-hwdef.h, for the tree's ARM64_MEMSTART_ALIGN where it has one */
#define ARM64_HW_PGTABLE_LEVEL_SHIFT(n)	((PAGE_SHIFT - 3) * (4 - (n)) + 3)
#define PMD_SHIFT		ARM64_HW_PGTABLE_LEVEL_SHIFT(2)
#define PUD_SHIFT		ARM64_HW_PGTABLE_LEVEL_SHIFT(1)
#define CONT_PMD_SHIFT		(CONFIG_ARM64_CONT_PMD_SHIFT + PMD_SHIFT)
/* asm/kernel-pgtable.h: PUD, CONT_PMD, PMD shift with 4K, 16K, 64K pages */
#define ARM64_MEMSTART_ALIGN	(1ULL << (PAGE_SHIFT == 16 ? 29 : 30))
#define BIT(n)			(1ULL << (n))
#define round_down(x, y)	((x) & ~((__typeof__(x))((y) - 1)))
#define round_up(x, y)		((((x) - 1) | ((__typeof__(x))((y) - 1))) + 1)
/* the initrd the boot loader left (the scenario's initrd line) */
extern phys_addr_t phys_initrd_start;
extern unsigned long phys_initrd_size;
extern unsigned long initrd_start, initrd_end;
extern void *high_memory;
extern u16 memstart_offset_seed;	/* no KASLR seed: 0 */
#define __phys_to_virt(x)	((unsigned long)(x))
#define __va(x)			((void *)(uintptr_t)(x))
/* the CPU: no EL2 to run KVM from, PARange as the PA bits say */
bool is_hyp_mode_available(void);
bool is_kernel_in_hyp_mode(void);
#define ID_AA64MMFR0_EL1	0
#define ID_AA64MMFR0_EL1_PARANGE_SHIFT 0
#define read_cpuid(reg)		0ULL
#define cpuid_feature_extract_unsigned_field(r, s) 0
#define id_aa64mmfr0_parange_to_phys_shift(p) PHYS_MASK_SHIFT
void early_init_fdt_scan_reserved_mem(void);
#endif
