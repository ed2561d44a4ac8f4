/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The boot model: allocations that code outside the model makes before
 * the crash reservation (page tables, the unflattened device tree, NUMA
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
/* one early parameter of the command line (parse_early_param()) */
void kresv_model_param(const char *param, const char *val);
/* setup_arch() before bootmem_init(): paging_init(), unflatten_device_tree() */
void kresv_model_setup_arch(void);
/* what arch_numa_init() and sparse_init() allocate */
void kresv_model_numa(void);
void kresv_model_sparse(void);
#endif
