/* SPDX-License-Identifier: GPL-2.0 */
/*
 * paging_init()'s linear map in a boot: the tree's map_mem() over the
 * simulated page-table memory, with the early parameters it depends on
 * handed to the tree's own handlers, then walked and judged (walk.c).
 * Shared by the replay (harness/boot/boot_run.c) and kresv-linear-map.
 *
 * Order in a boot: kresv_paging_reset() after the machine is in memblock,
 * kresv_paging_param() for every early parameter, kresv_mmu_paging_init()
 * where the replay's setup_arch() calls paging_init() (kresv_paging_map()
 * in kresv-linear-map, which runs map_mem() alone), kresv_paging_walk()
 * after. A panic of map_mem() goes to kresv_panic_hook (the caller's).
 */
#ifndef KRESV_MMU_PAGING_H
#define KRESV_MMU_PAGING_H
#include <stdbool.h>
#include "mmu_unit.h"
#include "walk.h"

#include "scenario.h"

/* one split_kernel_leaf_mapping() call after the boot: range, answer */
struct paging_split {
	unsigned long long pa, pa_end, va, va_end;
	int ret;
};

struct paging_run {
	struct kresv_mmu_geometry g;
	struct kresv_mmu_decisions d;
	struct linear_map lm;
	/* the kernel image's mapping, when the tree made it (image_state) */
	enum kresv_image_state image_state;
	struct linear_map image;
	unsigned long long writes, barriers;
	int nsplits;
	struct paging_split split[SCENARIO_MAX_SPLITS];
};

/* the CPU, the image's symbols, memstart_addr, an empty swapper_pg_dir */
void kresv_paging_reset(const struct scenario *s);
/*
 * One early parameter: handed to the tree's handler when map_mem() depends
 * on it (rodata=, 6.1's crashkernel=, kfence.sample_interval=). Returns
 * the handler as "function() (file)", or NULL.
 */
const char *kresv_paging_param(char *param, char *val);
/* map_kernel() where the tree has it, then map_mem(), as paging_init()
 * calls them (kresv-linear-map) */
void kresv_paging_map(void);
/*
 * After the boot (capabilities final, the page allocator up): the tree's
 * split_kernel_leaf_mapping() for each of the scenario's `split` lines,
 * over the linear-map addresses of its physical range, each call recorded
 * (kresv_record()) with its answer. Only for a tree that has the function
 * (kresv_mmu_has_split(); the callers refuse `split` lines otherwise).
 */
void kresv_paging_split(const struct scenario *s);
/*
 * The tables walked; BBM and walk findings are in kresv_mmu_findings.
 * complete: map_mem() returned. When it panicked part way, RAM it had not
 * reached yet is no LINEAR_MAP_HOLE (the panic is the finding); what it
 * did write is judged all the same.
 */
void kresv_paging_walk(struct paging_run *r, bool complete);

/*
 * Called for each memblock allocation map_mem() makes (who: "pgtables",
 * "kfence"), when set: the replay names them among its reservations.
 */
extern void (*kresv_paging_alloc_note)(const char *who,
				       unsigned long long pa,
				       unsigned long long size);
#endif
