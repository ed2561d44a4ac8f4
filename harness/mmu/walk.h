/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The linear map as the simulated page tables hold it after map_mem():
 * counts by granularity, table pages by level, the ranges each granularity
 * covers, and the oracles over them (walk.c).
 */
#ifndef KRESV_MMU_WALK_H
#define KRESV_MMU_WALK_H
#include <stdbool.h>

#include "findings.h"
#include "mmu_unit.h"

enum lm_gran { LM_1G, LM_2M_CONT, LM_2M, LM_4K_CONT, LM_4K, LM_NR };
extern const char *const lm_gran_name[LM_NR];

/* a mapping's permissions, from its descriptors */
enum { LM_WRITE = 1, LM_EXEC = 2 };

struct lm_range {
	unsigned long long pa, end, va;	/* end exclusive */
	enum lm_gran gran;
	unsigned char perm;		/* LM_WRITE | LM_EXEC */
};

#define LM_RANGES_MAX 4096

struct linear_map {
	unsigned long long pud_blocks, pmd_blocks, cont_pmd, cont_pte, ptes;
	/* table pages below the root, by the level of their entries */
	unsigned long long table_pages[4];	/* p4d, pud, pmd, pte */
	unsigned long long mapped_bytes;
	int nranges;
	bool ranges_truncated;
	struct lm_range range[LM_RANGES_MAX];
};

/* the findings of this run: BBM from the machine, the walk's oracles */
extern struct findings kresv_mmu_findings;

/* the linear map: [PAGE_OFFSET, PAGE_END) */
void lm_walk(const struct kresv_mmu_geometry *g, struct linear_map *lm);
/* the kernel image's mapping: [KIMAGE_VADDR, + _end - _text) */
void lm_walk_image(const struct kresv_mmu_geometry *g, struct linear_map *im);
/*
 * KERNEL_IMAGE_UNMAPPED, KERNEL_IMAGE_WRONG_PA over [_stext, _end);
 * complete: the tree's map_kernel() got to its last segment
 */
void lm_image_oracles(const struct kresv_mmu_geometry *g,
		      const struct linear_map *im, bool complete);
/* complete: map_mem() returned, so RAM left unmapped is a hole */
void lm_oracles(const struct kresv_mmu_geometry *g,
		const struct linear_map *lm, bool complete);
unsigned long long lm_table_pages(const struct linear_map *lm);
/* no block or contiguous mapping outside [skip_start, skip_end) */
bool lm_all_pages(const struct linear_map *lm, unsigned long long skip_start,
		  unsigned long long skip_end);
#endif
