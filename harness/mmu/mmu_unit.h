/* SPDX-License-Identifier: GPL-2.0 */
/* The linear-map units as the harness calls them (mmu_unit.c, rodata_unit.c). */
#ifndef KRESV_MMU_UNIT_H
#define KRESV_MMU_UNIT_H
#include <stdbool.h>
#include "../boot/early_params.h"

extern const struct kresv_early_param kresv_mmu_params[];
extern const struct kresv_early_param kresv_rodata_params[];

struct kresv_mmu_geometry {
	int page_shift, pmd_shift, pud_shift;
	int root_level, root_entries, levels;
	int cont_ptes, cont_pmds;
	unsigned long long page_offset, page_end, phys_to_virt_delta;
	/* the image's mapping: _text's VA and PA, _stext's and _end's PA */
	unsigned long long kimage_vaddr, image_pa, image_stext, image_end;
	unsigned long long pxn, uxn, rdonly, attrindx_mask;
	int attrindx_shift;
	void *root;
};

struct kresv_mmu_decisions {
	bool can_set_direct_map, rodata_full;
	bool has_force_pte_mapping, force_pte_mapping;
	bool has_crash_mem_map, crash_mem_map, defer_reserve_crashkernel;
	bool kfence_early_init, debug_pagealloc;
	unsigned long long kfence_pool, kfence_pool_size;
};

/* the units' state back to the initialisers, an empty swapper_pg_dir */
void kresv_mmu_setup(unsigned long long swapper_pa);
void kresv_rodata_state_reset(void);
void kresv_mmu_geometry(struct kresv_mmu_geometry *g);
void kresv_mmu_map_mem(void);
/* the tree's paging_init() (mmu_unit.c) */
void kresv_mmu_paging_init(void);
/*
 * the tree's own mapping of the kernel image as a boot makes it before
 * map_mem(): 6.1's map_kernel(), 6.12's pi code (kresv_mmu_map_kernel());
 * the pi code's alone (kresv_mmu_map_kernel_early())
 */
void kresv_mmu_map_kernel(void);
void kresv_mmu_map_kernel_early(void);
enum kresv_image_state {
	KRESV_IMAGE_NOT_MAPPED,	/* the tree did not map it in this boot */
	KRESV_IMAGE_STARTED,	/* it began to, and may have panicked */
	KRESV_IMAGE_MAPPED,	/* it mapped all of it */
};
enum kresv_image_state kresv_mmu_image_state(void);
void kresv_mmu_decisions(struct kresv_mmu_decisions *d);
/* 7.3's split_kernel_leaf_mapping(): present in the tree, one call */
bool kresv_mmu_has_split(void);
int kresv_mmu_split(unsigned long long pa, unsigned long long pa_end,
		    unsigned long long *va, unsigned long long *va_end);
#endif
