/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Prelude of the linear-map units (harness/mmu/): arm64 page tables over
 * the simulated machine of harness/mmu/pgsim.c.
 *
 * The types, descriptor bits and protections are the tree's own headers
 * (asm/pgtable-types.h, pgtable-hwdef.h, pgtable-prot.h, seen as they are
 * through build/t/V/mmu/include), the accessors the tree's own asm/pgtable.h
 * and linux/pgtable.h text (header slices "pgtableh" and "lpgtableh",
 * included by the units). What is here is the environment under them:
 *
 *  - the fixmap: a table's physical address is its page in the simulated
 *    memory (allocated on first touch);
 *  - WRITE_ONCE() on a page-table entry (every set_pte/pmd/pud/p4d/pgd of
 *    the tree's pgtable.h ends in one) goes to kresv_pgsim_write(), which
 *    checks break-before-make; dsb/isb and TLB maintenance are recorded;
 *  - the CPU's answers (LPA2 in TCR_EL1.DS, BBML3), the kernel image's
 *    symbols, memblock, locks and panic().
 */
#ifndef KRESV_SHIM_ASM_MMU_SIM_H
#define KRESV_SHIM_ASM_MMU_SIM_H
#include <string.h>
#include <linux/types.h>
#include <asm/memory.h>		/* harness/shim/mmu/asm/memory.h */
#include <asm/cpufeature.h>
#include <asm/rsi.h>
#include "pgsim.h"
#include "mmu_memblock.h"

/* lpa2_is_enabled() of pgtable-prot.h reads TCR_EL1.DS (bit 59) */
#ifndef TCR_EL1_DS
#define TCR_EL1_DS		(UL(1) << 59)
#endif
#define read_tcr()		(kresv_cpu_lpa2 && VA_BITS > 48 ? TCR_EL1_DS : 0)

#include <asm/pgtable-types.h>
#include <asm/pgtable-hwdef.h>
#include <asm/pgtable-prot.h>

extern bool arm64_use_ng_mappings;
extern unsigned long prot_ns_shared;

/* asm/pgtable.h's boot-time view of the CPU: alternatives not applied yet */
#define ARM64_ALWAYS_BOOT	0
#define ARM64_HAS_VA52		1
static inline bool alternative_has_cap_likely(int cap) { (void)cap; return false; }
static inline bool alternative_has_cap_unlikely(int cap) { (void)cap; return false; }
#define is_lazy_mmu_mode_active()	false
#define test_thread_flag(f)		0
#define set_thread_flag(f)		do { } while (0)
#define TIF_LAZY_MMU_PENDING		0

/* the fixmap slots map a table's physical page: the simulated memory */
enum { FIX_PGD, FIX_P4D, FIX_PUD, FIX_PMD, FIX_PTE };
#define set_fixmap_offset(idx, phys)	kresv_pgsim_map((phys_addr_t)(phys))
#define clear_fixmap(idx)		kresv_pgsim_fixmap_clear(idx)
#define pgd_set_fixmap(phys)		((pgd_t *)set_fixmap_offset(FIX_PGD, phys))
#define pgd_clear_fixmap()		clear_fixmap(FIX_PGD)

/*
 * barriers and TLB maintenance: recorded; a barrier is only counted, here
 * and not by a call (set_pte() makes two per PTE)
 */
#define dsb(opt)			((void)kresv_pgsim_stats.barriers++)
#define isb()				((void)kresv_pgsim_stats.barriers++)
#define flush_tlb_kernel_range(s, e)	kresv_pgsim_tlbi((s), (e))
#define clear_page(p)			memset((p), 0, PAGE_SIZE)

/*
 * Every store to a page-table entry: the tree's set_pXd() helpers end in
 * WRITE_ONCE(*pXdp, pXd); an entry is told by its type, and goes to
 * kresv_pgsim_store() (pgsim.h) by value. Other stores are plain volatile
 * stores, as in the kernel.
 */
#define KRESV_PT_LEVEL(p) _Generic((p),	pte_t *: 3, pmd_t *: 2,		\
				   pud_t *: 1, p4d_t *: 0, pgd_t *: -1,	\
				   default: -9)
#undef WRITE_ONCE
#define WRITE_ONCE(x, val) do {						\
	__typeof__(x) *__kp = &(x);					\
	__typeof__(x) __kv = (val);					\
	if (KRESV_PT_LEVEL(__kp) != -9) {				\
		unsigned long long __kd = 0;				\
		__builtin_memcpy(&__kd, &__kv, sizeof(__kv) < sizeof(__kd) ? \
				 sizeof(__kv) : sizeof(__kd));		\
		kresv_pgsim_store(KRESV_PT_LEVEL(__kp), __kp, __kd,	\
				  __FILE__, __LINE__);			\
	} else								\
		*(volatile __typeof__(x) *)__kp = __kv;			\
} while (0)

/* linux/align.h, mmdebug.h (CONFIG_DEBUG_VM is off in Debian's configs) */
#define PTR_ALIGN_DOWN(p, a) \
	((__typeof__(p))((unsigned long)(p) & ~((unsigned long)(a) - 1)))
#ifdef CONFIG_DEBUG_VM
#define VM_BUG_ON(c)		BUG_ON(c)
#define VM_WARN_ON_ONCE(c)	WARN_ON_ONCE(c)
#else
#define VM_BUG_ON(c)		((void)sizeof((long)(c)))
#define VM_WARN_ON_ONCE(c)	((void)sizeof((long)(c)))
#endif
/* a failed BUILD_BUG_ON() is a kernel that does not build: stop there */
#define BUILD_BUG_ON(c) do {						\
	if (c)								\
		kresv_bug(__FILE__, __LINE__, "BUILD_BUG_ON(" #c ")");	\
} while (0)
#define panic(...)		kresv_mmu_panic(__FILE__, __LINE__, __VA_ARGS__)

/* one CPU, no concurrency at this point of the boot */
#define DEFINE_MUTEX(n)		int n
#define DEFINE_SPINLOCK(n)	int n
#define mutex_lock(m)		do { } while (0)
#define mutex_unlock(m)		do { } while (0)

#define INVALID_PHYS_ADDR	(~(phys_addr_t)0)

/*
 * the kernel image: a symbol is its address in the image's mapping, at
 * KIMAGE_VADDR (no KASLR), so that map_kernel() maps what it spans; its
 * __pa_symbol() is the physical address the harness placed it at
 * (kresv_ksym[], pgsim.h). Any other object of the image a unit names
 * (swapper_pg_dir, bm_pmd) is a host object: a page of the simulated
 * memory, whose physical address it knows.
 */
static inline char *kresv_ksym_va(int k)
{
	return (char *)(uintptr_t)(KIMAGE_VADDR +
		(kresv_ksym[k] - kresv_ksym[KSYM_text]));
}
#define _text			kresv_ksym_va(KSYM_text)
#define _stext			kresv_ksym_va(KSYM_stext)
#define _etext			kresv_ksym_va(KSYM_etext)
#define __start_rodata		kresv_ksym_va(KSYM_etext)
#define __init_begin		kresv_ksym_va(KSYM_init_begin)
#define __inittext_begin	kresv_ksym_va(KSYM_init_begin)
#define __inittext_end		kresv_ksym_va(KSYM_inittext_end)
#define __initdata_begin	kresv_ksym_va(KSYM_inittext_end)
#define __initdata_end		kresv_ksym_va(KSYM_init_end)
#define __init_end		kresv_ksym_va(KSYM_init_end)
#define _data			kresv_ksym_va(KSYM_init_end)
#define __bss_stop		kresv_ksym_va(KSYM_bss_stop)
#define _end			kresv_ksym_va(KSYM_end)
#define init_pg_dir		kresv_ksym_va(KSYM_init_pg_dir)
#define init_pg_end		kresv_ksym_va(KSYM_init_pg_end)
static inline phys_addr_t kresv_pa_symbol(const void *x)
{
	unsigned long long off = (uintptr_t)x - KIMAGE_VADDR;

	if (off <= kresv_ksym[KSYM_end] - kresv_ksym[KSYM_text])
		return kresv_ksym[KSYM_text] + off;
	return kresv_pgsim_pa(x);
}
#define __pa_symbol(x)		kresv_pa_symbol(x)
#define lm_alias(x)		((void *)__phys_to_virt(__pa_symbol(x)))
#define __fls(x)		((unsigned long)(63 - __builtin_clzl(x)))

/*
 * paging_init() (6.1) switches TTBR1 to swapper_pg_dir: recorded; there is
 * one translation regime here, the simulated tables
 */
void kresv_record(const char *fmt, ...);
#define cpu_replace_ttbr1(pgd, idmap)					\
	((void)(pgd), (void)(idmap), kresv_record("cpu_replace_ttbr1()"))

/* memblock calls of mmu.c not in the boot bridge (mmu_memblock.c) */
#define MEMBLOCK_ALLOC_NOLEAKTRACE	kresv_mmu_alloc_noleaktrace
#define memblock_clear_nomap(b, s)	kresv_mmu_memblock_clear_nomap((b), (s))
#define memblock_phys_alloc(s, a)	kresv_mmu_memblock_phys_alloc((s), (a))
#define for_each_mem_range(i, p_start, p_end) \
	for ((i) = 0; kresv_mmu_mem_range((i), (p_start), (p_end)); (i)++)

/* include/linux/mm.h: CONFIG_DEBUG_PAGEALLOC and its early parameter */
static inline bool debug_pagealloc_enabled(void)
{
	return IS_ENABLED(CONFIG_DEBUG_PAGEALLOC) && kresv_debug_pagealloc;
}

/*
 * 6.1's map_kernel(): the image's segments become vmalloc areas
 * (vm_area_add_early(), recorded by the harness, mmu_unit.c), the flags
 * as the tree's linux/vmalloc.h has them (kresv_mmu_tree.h)
 */
struct vm_struct {
	void *addr;
	unsigned long size, flags;
	phys_addr_t phys_addr;
	const void *caller;
};
void vm_area_add_early(struct vm_struct *vm);
#define PAGE_ALIGNED(a)		(((unsigned long)(a) & (PAGE_SIZE - 1)) == 0)
#define __page_aligned_bss	__attribute__((aligned(PAGE_SIZE)))
/*
 * arm64_early_this_cpu_has_bti() reads ID_AA64PFR1_EL1: the model's CPU
 * has no BTI (cpufeature.h), so its BT field reads 0
 */
#define SYS_ID_AA64PFR1_EL1			0
#define ID_AA64PFR1_EL1_BT_SHIFT		0
#define __read_sysreg_by_encoding(r)		((u64)0 * (r))
#define cpuid_feature_extract_unsigned_field(f, s) \
	((unsigned int)(((f) >> (s)) & 0xf))
/*
 * map_kernel() asks which root entry holds the fixmap: the one of the
 * fixmap's last page, below FIXADDR_TOP (the tree's), which is
 * FIXADDR_START's as long as the fixmap's slots take less than a root
 * entry (64 GiB or more); their number is not the harness's business
 */
#define STRUCT_PAGE_MAX_SHIFT	6	/* a 64-byte struct page */
#define FIXADDR_START		(FIXADDR_TOP - PAGE_SIZE)
static inline void kasan_copy_shadow(pgd_t *pgdp) { (void)pgdp; }

/* KFENCE's pool, assigned by arm64_kfence_map_pool() */
extern char *__kfence_pool;

/*
 * After the boot: 7.3's split_kernel_leaf_mapping(), driven by the
 * scenario's `split` lines (harness/mmu/paging.c, kresv_paging_split()).
 * kresv_after_boot is set there: the system capabilities are finalised
 * (cpufeature.h) and the page allocator is up. One CPU, no concurrency:
 * the split lock and the lazy MMU mode are no-ops.
 */
#define page_alloc_available		kresv_after_boot
#define num_online_cpus()		1U
#define lazy_mmu_mode_enable()		do { } while (0)
#define lazy_mmu_mode_disable()		do { } while (0)
#ifdef CONFIG_DEBUG_VM
#define VM_WARN_ON(c)			WARN_ON(c)
#else
#define VM_WARN_ON(c)			((void)sizeof((long)(c)))
#endif
#ifndef ALIGN_DOWN
#define ALIGN_DOWN(x, a)		((x) & ~((__typeof__(x))(a) - 1))
#endif
#define __ffs(x)			((unsigned long)__builtin_ctzl(x))

/* the kernel's init_mm: its pgd is swapper_pg_dir (mmu_unit.c) */
struct mm_struct {
	pgd_t *pgd;
};
extern struct mm_struct init_mm;
/*
 * linux/pgtable.h; map_kernel() copies the fixmap's root entry from it.
 * In a real boot init_mm.pgd is init_pg_dir then, with the early fixmap's
 * tables, which kresv does not simulate: the entry copied is empty.
 */
#ifndef pgd_offset_k
#define pgd_offset_k(a)		pgd_offset_pgd(init_mm.pgd, (a))
#endif

/*
 * The page allocator of a running kernel, for the split's table pages
 * (__pgd_pgtable_alloc() -> pagetable_alloc()): the pages come from the
 * tree's memblock after the boot (harness/mmu/mmu_memblock.c,
 * kresv_mmu_runtime_page()): its free RAM is what memblock_free_all()
 * hands to the buddy allocator, so a table page is a page of RAM that no
 * boot reservation holds, and it becomes a page of the simulated
 * page-table memory. The page-table constructors have nothing to count
 * here (no split page-table locks for init_mm's kernel tables).
 */
typedef unsigned int gfp_t;
#define __GFP_ZERO			0x100u
#define GFP_PGTABLE_KERNEL		(0x1u | __GFP_ZERO)
#define GFP_ATOMIC			0x2u
struct page {
	phys_addr_t kresv_pa;
};
struct ptdesc {
	struct page page;
};
unsigned long long kresv_mmu_runtime_page(unsigned long long size);
static inline struct ptdesc *pagetable_alloc(gfp_t gfp, unsigned int order)
{
	static struct ptdesc d;	/* read back at once by the caller */

	(void)gfp;
	d.page.kresv_pa = kresv_mmu_runtime_page(PAGE_SIZE << order);
	if (!d.page.kresv_pa)
		return NULL;
	kresv_pgsim_map(d.page.kresv_pa);	/* a page-table page now */
	return &d;
}
#define ptdesc_page(pt)			(&(pt)->page)
#define page_to_phys(pg)		((pg)->kresv_pa)
#define pagetable_pte_ctor(mm, pt)	((void)(mm), (void)(pt), true)
#define pagetable_pmd_ctor(mm, pt)	((void)(mm), (void)(pt), true)
#define pagetable_pud_ctor(pt)		((void)(pt))
#define pagetable_p4d_ctor(pt)		((void)(pt))

/*
 * include/linux/kfence.h's question, answered over the pool
 * arm64_kfence_map_pool() placed: is the address inside it
 */
static inline bool is_kfence_address(const void *addr)
{
#ifndef CONFIG_KFENCE
	(void)addr;
	return false;
#else
	return __kfence_pool && (const char *)addr >= __kfence_pool &&
	       (unsigned long)((const char *)addr - __kfence_pool) <
	       KFENCE_POOL_SIZE;
#endif
}

/* include/linux/ioport.h */
static inline resource_size_t resource_size(const struct resource *res)
{
	return res->end - res->start + 1;
}
#endif
