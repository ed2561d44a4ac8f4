/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the tree's kernel/dma/contiguous.c (extracted as the "contig" boot
 * unit) needs around it: the NUMA view of the boot model (one node, as
 * dummy_numa_init() makes it on a device tree without NUMA nodes), and
 * mm/cma.c's entry points, which harness/boot/boot_model.c models.
 */
#ifndef KRESV_SHIM_LINUX_CMA_SHIM_H
#define KRESV_SHIM_LINUX_CMA_SHIM_H
#include <stdio.h>
#include <linux/types.h>

/* include/linux/numa.h / nodemask.h as the model's single node sees them */
#define MAX_NUMNODES		(1 << CONFIG_NODES_SHIFT)
#define nr_online_nodes		1
#define node_online(nid)	((nid) == 0)
#define for_each_node(nid)	for ((nid) = 0; (nid) < 1; (nid)++)
#define array_index_nospec(i, n)	(i)
#define min_not_zero(x, y) ({				\
	typeof(x) __x = (x);				\
	typeof(y) __y = (y);				\
	__x == 0 ? __y : ((__y == 0) ? __x : min(__x, __y)); })

/* include/linux/cma.h: only array sizes and a name length use these */
#define MAX_CMA_AREAS		(1 + CONFIG_CMA_AREAS)
#define CMA_MAX_NAME		64

struct cma;
int cma_declare_contiguous(phys_addr_t base, phys_addr_t size,
			   phys_addr_t limit, phys_addr_t alignment,
			   unsigned int order_per_bit, bool fixed,
			   const char *name, struct cma **res_cma);
int cma_declare_contiguous_nid(phys_addr_t base, phys_addr_t size,
			       phys_addr_t limit, phys_addr_t alignment,
			       unsigned int order_per_bit, bool fixed,
			       const char *name, struct cma **res_cma, int nid);
phys_addr_t cma_get_base(const struct cma *cma);
unsigned long cma_get_size(const struct cma *cma);
#endif
