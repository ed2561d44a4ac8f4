// SPDX-License-Identifier: GPL-2.0
/*
 * The memblock calls of arch/arm64/mm/mmu.c that the boot bridge
 * (harness/boot/memblock_view.c) does not have, compiled like it in the
 * memblock environment (the tree's memblock.h), so that the tree's own
 * for_each_mem_range(), memblock_clear_nomap() and memblock_phys_alloc()
 * run. Declared for the units in harness/shim/include/asm/mmu_sim.h.
 */
#include <linux/memblock.h>
#include <limits.h>
#include <string.h>

#include "mmu_memblock.h"

const unsigned long long kresv_mmu_alloc_noleaktrace =
	MEMBLOCK_ALLOC_NOLEAKTRACE;

/*
 * The idx-th range for_each_mem_range() yields, by running the tree's
 * iterator from the start (map_mem() walks a few dozen ranges at most).
 */
int kresv_mmu_mem_range(unsigned long long idx, void *start, void *end)
{
	phys_addr_t s, e;
	unsigned long long n = 0;
	u64 i;

	for_each_mem_range(i, &s, &e) {
		if (n++ == idx) {
			memcpy(start, &s, sizeof(s));
			memcpy(end, &e, sizeof(e));
			return 1;
		}
	}
	return 0;
}

int kresv_mmu_memblock_clear_nomap(unsigned long long base,
				   unsigned long long size)
{
	return memblock_clear_nomap(base, size);
}

/* map_mem()'s allocations, named for the replay (harness/mmu/paging.c) */
void kresv_mmu_note_alloc(const char *who, unsigned long long pa,
			  unsigned long long size);

/* arm64_kfence_alloc_pool() */
unsigned long long kresv_mmu_memblock_phys_alloc(unsigned long long size,
						 unsigned long long align)
{
	phys_addr_t p = memblock_phys_alloc(size, align);

	kresv_mmu_note_alloc("kfence", p, size);
	return p;
}

/* early_pgtable_alloc() (harness/mmu/hooks.h), counted */
long kresv_mmu_pgtable_pages;

phys_addr_t kresv_mmu_pgtable_phys_alloc(phys_addr_t size, phys_addr_t align,
					 phys_addr_t start, phys_addr_t end);
phys_addr_t kresv_mmu_pgtable_phys_alloc(phys_addr_t size, phys_addr_t align,
					 phys_addr_t start, phys_addr_t end)
{
	phys_addr_t p = memblock_phys_alloc_range(size, align, start, end);

	if (p)
		kresv_mmu_pgtable_pages++;
	kresv_mmu_note_alloc("pgtables", p, size);
	return p;
}

/*
 * The page allocator after the boot (pagetable_alloc() of
 * harness/shim/include/asm/mmu_sim.h): a page of the RAM memblock still
 * has free, which is what memblock_free_all() hands to the buddy
 * allocator; 0 when there is none (the tree's -ENOMEM path)
 */
unsigned long long kresv_mmu_runtime_page(unsigned long long size);
unsigned long long kresv_mmu_runtime_page(unsigned long long size)
{
	return memblock_phys_alloc(size, size);
}
