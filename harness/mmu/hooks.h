/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The last prelude of the "mmu" unit (a --prelude of the extractor,
 * included after the header slices, before mmu.c's text): the calls of
 * mmu.c that write page-table entries tell the simulated machine their
 * kernel file and line first, so a break-before-make finding names the
 * line of mmu.c that made the write (the WRITE_ONCE() itself is in the
 * tree's pgtable.h). A name the tree defines as a macro is left alone.
 */
#ifndef set_pte
#define set_pte(p, v)		(kresv_pgsim_site(__FILE__, __LINE__), set_pte(p, v))
#endif
#ifndef __set_pte
#define __set_pte(p, v)		(kresv_pgsim_site(__FILE__, __LINE__), __set_pte(p, v))
#endif
#ifndef __set_pte_nosync
#define __set_pte_nosync(p, v)	(kresv_pgsim_site(__FILE__, __LINE__), __set_pte_nosync(p, v))
#endif
#ifndef set_pmd
#define set_pmd(p, v)		(kresv_pgsim_site(__FILE__, __LINE__), set_pmd(p, v))
#endif
#ifndef set_pud
#define set_pud(p, v)		(kresv_pgsim_site(__FILE__, __LINE__), set_pud(p, v))
#endif
#ifndef __pmd_populate
#define __pmd_populate(p, a, f)	(kresv_pgsim_site(__FILE__, __LINE__), __pmd_populate(p, a, f))
#endif
#ifndef __pud_populate
#define __pud_populate(p, a, f)	(kresv_pgsim_site(__FILE__, __LINE__), __pud_populate(p, a, f))
#endif
#ifndef __p4d_populate
#define __p4d_populate(p, a, f)	(kresv_pgsim_site(__FILE__, __LINE__), __p4d_populate(p, a, f))
#endif
#ifndef __pgd_populate
#define __pgd_populate(p, a, f)	(kresv_pgsim_site(__FILE__, __LINE__), __pgd_populate(p, a, f))
#endif

/*
 * early_pgtable_alloc()'s memblock_phys_alloc_range(): the tree's
 * allocator, through a bridge that names each page "pgtables" for the
 * replay (harness/mmu/mmu_memblock.c).
 */
phys_addr_t kresv_mmu_pgtable_phys_alloc(phys_addr_t size, phys_addr_t align,
					 phys_addr_t start, phys_addr_t end);
#undef memblock_phys_alloc_range
#define memblock_phys_alloc_range(s, a, st, e) \
	kresv_mmu_pgtable_phys_alloc((s), (a), (st), (e))
