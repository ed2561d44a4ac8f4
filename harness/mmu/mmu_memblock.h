/* SPDX-License-Identifier: GPL-2.0 */
/* Bridges to the tree's memblock for the linear map (mmu_memblock.c). */
#ifndef KRESV_MMU_MEMBLOCK_H
#define KRESV_MMU_MEMBLOCK_H

extern const unsigned long long kresv_mmu_alloc_noleaktrace;
/* start and end point to the caller's phys_addr_t (64 bits) */
int kresv_mmu_mem_range(unsigned long long idx, void *start, void *end);
int kresv_mmu_memblock_clear_nomap(unsigned long long base,
				   unsigned long long size);
/* early_pgtable_alloc()'s pages of this boot (kresv_mmu_setup() zeroes) */
extern long kresv_mmu_pgtable_pages;
unsigned long long kresv_mmu_memblock_phys_alloc(unsigned long long size,
						 unsigned long long align);
#endif
