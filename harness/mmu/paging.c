// SPDX-License-Identifier: GPL-2.0
/* paging_init()'s linear map in a boot (paging.h). */
#include <string.h>

#include <generated/autoconf.h>

#include "boot_model.h"
#include "machine.h"
#include "memblock_view.h"
#include "paging.h"
#include "pi_window.h"
#include "pgsim.h"
#include "scenario.h"
#include "stubs.h"

#ifdef CONFIG_PAGE_SHIFT
#define PAGE_SHIFT_ CONFIG_PAGE_SHIFT
#else
#define PAGE_SHIFT_ CONFIG_ARM64_PAGE_SHIFT
#endif

#ifndef KRESV_LOC_map_mem
#define KRESV_LOC_map_mem "arch/arm64/mm/mmu.c"
#endif

static int nsplits;
static struct paging_split splits[SCENARIO_MAX_SPLITS];

static bool has_budget;
static unsigned long long budget;

void (*kresv_paging_alloc_note)(const char *who, unsigned long long pa,
				unsigned long long size);

/* called by harness/mmu/mmu_memblock.c for map_mem()'s allocations */
void kresv_mmu_note_alloc(const char *who, unsigned long long pa,
			  unsigned long long size);
void kresv_mmu_note_alloc(const char *who, unsigned long long pa,
			  unsigned long long size)
{
	if (kresv_paging_alloc_note && pa)
		kresv_paging_alloc_note(who, pa, size);
}

static unsigned long long first_ram(void)
{
	unsigned long long b, s;
	unsigned int flags;

	if (!kresv_mb_count(KRESV_MB_MEMORY))
		return 0;
	kresv_mb_region(KRESV_MB_MEMORY, 0, &b, &s, &flags);
	return b;
}

void kresv_paging_reset(const struct scenario *s)
{
	/* ARM64_MEMSTART_ALIGN: 1 GiB with 4K and 16K pages, 512 MiB with 64K */
	const unsigned long long memstart_align = 1ULL << (PAGE_SHIFT_ == 16 ? 29 : 30);
	unsigned long long base = kresv_kernel_base, size = kresv_kernel_size;
	struct kresv_image_layout l;

	kresv_pgsim_reset();
	kresv_pi_reset(s->cmdline);
	findings_reset(&kresv_mmu_findings);
	nsplits = 0;
	has_budget = s->has_pgtable_budget;
	budget = s->pgtable_budget;

	/* the CPU: 52-bit VA needs LPA2 (4K pages), else 48 (head.S) */
	kresv_cpu_lpa2 = s->cpu & SCENARIO_CPU(LPA2);
	kresv_cpu_bbml3 = s->cpu & SCENARIO_CPU(BBML3);
	kresv_vabits_actual = CONFIG_ARM64_VA_BITS > 48 && !kresv_cpu_lpa2 ?
			      48 : CONFIG_ARM64_VA_BITS;

	/* Debian's image's sections: kresv has no System.map of it */
	kresv_model_image_layout(base, size, &l);
	kresv_ksym[KSYM_text] = base;
	kresv_ksym[KSYM_stext] = l.stext;
	kresv_ksym[KSYM_etext] = l.etext;
	kresv_ksym[KSYM_init_begin] = l.init_begin;
	kresv_ksym[KSYM_inittext_end] = l.inittext_end;
	kresv_ksym[KSYM_init_end] = l.init_end;
	kresv_ksym[KSYM_bss_stop] = base + size;
	kresv_ksym[KSYM_end] = base + size;
	kresv_model_init_pg_dir(base, size, &kresv_ksym[KSYM_init_pg_dir],
				&kresv_ksym[KSYM_init_pg_end]);

	/* arm64_memblock_init(): memstart_addr */
	kresv_memstart_addr = (long long)(first_ram() & ~(memstart_align - 1));
	if (CONFIG_ARM64_VA_BITS > 48 && kresv_vabits_actual != 52)
		kresv_memstart_addr -= (long long)((1ULL << 52) - (1ULL << 48));

	/* swapper_pg_dir in the image's read-only data */
	kresv_mmu_setup(l.init_begin - (1ULL << PAGE_SHIFT_));
}

static const char *call_handler(const struct kresv_early_param *t,
				char *param, char *val)
{
	for (; t->name; t++) {
		if (!kresv_param_eq(param, t->name))
			continue;
		t->setup(val);
		return t->handler;
	}
	return NULL;
}

const char *kresv_paging_param(char *param, char *val)
{
	const char *h = call_handler(kresv_mmu_params, param, val);

	return h ? h : call_handler(kresv_rodata_params, param, val);
}

void kresv_paging_map(void)
{
	kresv_mmu_map_kernel();
	kresv_mmu_map_mem();
}

void kresv_paging_split(const struct scenario *s)
{
	unsigned int i;

	kresv_after_boot = true;
	for (i = 0; i < s->nr_split; i++) {
		struct paging_split *c = &splits[nsplits++];

		c->pa = s->split[i].base;
		c->pa_end = s->split[i].base + s->split[i].size;
		c->ret = kresv_mmu_split(c->pa, c->pa_end, &c->va, &c->va_end);
		kresv_record("split_kernel_leaf_mapping(0x%llx, 0x%llx) = %d (phys 0x%llx-0x%llx)",
			     c->va, c->va_end, c->ret, c->pa, c->pa_end - 1);
	}
}

void kresv_paging_walk(struct paging_run *r, bool complete)
{
	r->nsplits = nsplits;
	memcpy(r->split, splits, sizeof(splits[0]) * (size_t)nsplits);
	kresv_mmu_geometry(&r->g);
	kresv_mmu_decisions(&r->d);
	lm_walk(&r->g, &r->lm);
	lm_oracles(&r->g, &r->lm, complete);
	r->image_state = kresv_mmu_image_state();
	if (r->image_state != KRESV_IMAGE_NOT_MAPPED) {
		lm_walk_image(&r->g, &r->image);
		lm_image_oracles(&r->g, &r->image,
				 r->image_state == KRESV_IMAGE_MAPPED);
	}
	/* PGTABLE_OVER_BUDGET: the scenario's pgtable-budget */
	if (has_budget && lm_table_pages(&r->lm) << PAGE_SHIFT_ > budget)
		findings_add(&kresv_mmu_findings, "PGTABLE_OVER_BUDGET",
			     KRESV_LOC_map_mem, "PGTABLE_OVER_BUDGET",
			     "the linear map's page tables take %llu KiB (%llu table pages), above the scenario's pgtable-budget of %llu KiB",
			     (lm_table_pages(&r->lm) << PAGE_SHIFT_) >> 10,
			     lm_table_pages(&r->lm), budget >> 10);
	r->writes = kresv_pgsim_stats.writes;
	r->barriers = kresv_pgsim_stats.barriers;
}
