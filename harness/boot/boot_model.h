/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The boot model: allocations that code outside the model makes before
 * the crash reservation (the kernel image's page tables, the unflattened device tree, NUMA
 * node data, the sparse memmap, the CMA area), sized by the tree's own
 * formulas, its configuration, or measured sizes (docs/boot-model.md), and
 * placed through the tree's memblock allocator.
 */
#ifndef KRESV_BOOT_MODEL_H
#define KRESV_BOOT_MODEL_H
#include <stdbool.h>

struct scenario;

#define MODEL_ALLOCS_MAX 32

struct model_alloc {
	char name[24];
	unsigned long long start, end;	/* end exclusive */
};

struct boot_model {
	int n;
	struct model_alloc a[MODEL_ALLOCS_MAX];
};

extern struct boot_model kresv_model;

void kresv_model_reset(const struct scenario *s);
/* a named allocation of the boot, shown among the replay's reservations */
void kresv_model_note(const char *name, unsigned long long start,
		      unsigned long long size);
/* the section boundaries of an image at base (measured layout) */
struct kresv_image_layout {
	unsigned long long stext;
	unsigned long long etext;	/* = __start_rodata */
	unsigned long long init_begin;	/* = __inittext_begin */
	unsigned long long inittext_end;	/* = __initdata_begin */
	unsigned long long init_end;	/* = __initdata_end, _data */
};
void kresv_model_image_layout(unsigned long long base, unsigned long long size,
			      struct kresv_image_layout *l);
/* 6.1's init_pg_dir in that image, freed by paging_init() (measured) */
void kresv_model_init_pg_dir(unsigned long long base, unsigned long long size,
			     unsigned long long *start, unsigned long long *end);
/* paging_init(): the idmap's tables, what map_kernel() left of the measured */
void kresv_model_idmap(long image_pages);
/* unflatten_device_tree(): the unflattened tree's allocation */
void kresv_model_unflatten_device_tree(void);
/* what arch_numa_init() and sparse_init() allocate */
void kresv_model_numa(void);
void kresv_model_sparse(void);
#endif
