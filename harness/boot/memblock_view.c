// SPDX-License-Identifier: GPL-2.0
/*
 * The bridge to the tree's mm/memblock.c. This file is compiled in the
 * memblock environment (the kernel's tools/testing/memblock shims and the
 * tree's include/linux/memblock.h), so it sees memblock's own types; the
 * replay driver only sees the plain functions below.
 */
#include <linux/memblock.h>
#include <stdlib.h>
#include <string.h>

#include "memblock_view.h"
#include "../shim/include/linux/memblock_api.h"

/* memblock.c reads it; the tree's simulator defines it in its tests */
bool movable_node_enabled;

static struct memblock_type *type_of(enum kresv_mb_type t)
{
	return t == KRESV_MB_MEMORY ? &memblock.memory : &memblock.reserved;
}

int kresv_mb_count(enum kresv_mb_type t)
{
	return (int)type_of(t)->cnt;
}

void kresv_mb_region(enum kresv_mb_type t, int i, unsigned long long *base,
		     unsigned long long *size, unsigned int *flags)
{
	struct memblock_region *r = &type_of(t)->regions[i];

	*base = r->base;
	*size = r->size;
	*flags = (unsigned int)r->flags;
}

/* the bridges: each function of harness/shim/include/linux/memblock_api.h */
#define KRESV_MEMBLOCK_DEFINE(ret, name, params, args)		\
	ret kresv_##name params;				\
	ret kresv_##name params { return (ret)name args; }
KRESV_MEMBLOCK_API(KRESV_MEMBLOCK_DEFINE)

phys_addr_t kresv_memblock_phys_alloc_range(phys_addr_t size,
		phys_addr_t align, phys_addr_t start, phys_addr_t end)
{
	kresv_alloc_attempt();
	return memblock_phys_alloc_range(size, align, start, end);
}

void kresv_memblock_dump_all(void);
void kresv_memblock_dump_all(void)
{
	memblock_dump_all();
}

/*
 * A fresh memblock, as at the start of every boot: the state of memblock.c's
 * own static initialisers (which differ between trees), kept from the first
 * call and put back on the later ones.
 */
static struct memblock initial;
static struct memblock_region *initial_memory, *initial_reserved;

static struct memblock_region *copy_regions(const struct memblock_type *t)
{
	size_t n = t->max * sizeof(*t->regions);
	struct memblock_region *r = malloc(n);

	if (!r)
		abort();
	memcpy(r, t->regions, n);
	return r;
}

void kresv_mb_reset(void)
{
	if (!initial_memory) {
		initial = memblock;
		initial_memory = copy_regions(&memblock.memory);
		initial_reserved = copy_regions(&memblock.reserved);
		return;
	}
	memblock = initial;
	memcpy(memblock.memory.regions, initial_memory,
	       memblock.memory.max * sizeof(*initial_memory));
	memcpy(memblock.reserved.regions, initial_reserved,
	       memblock.reserved.max * sizeof(*initial_reserved));
}

/*
 * Allocation entry points of the tree's memblock.c for the boot model
 * (harness/boot/boot_model.c), which sizes what code outside the model
 * allocates and places it through the tree's allocator. Not counted by
 * the reservation loop guard: only the crash reservation is.
 */
unsigned long long kresv_mb_pgtable_page(unsigned long long size)
{
	/* arch/arm64/mm/mmu.c early_pgtable_alloc() */
	return memblock_phys_alloc_range(size, size, 0,
					 MEMBLOCK_ALLOC_NOLEAKTRACE);
}

unsigned long long kresv_mb_alloc_raw(unsigned long long size,
				      unsigned long long align,
				      unsigned long long min_addr,
				      unsigned long long max_addr)
{
	/* memblock_alloc*(): the same placement, without the zeroing */
	void *p = memblock_alloc_try_nid_raw(size, align, min_addr,
			max_addr ? max_addr : MEMBLOCK_ALLOC_ACCESSIBLE,
			NUMA_NO_NODE);

	return p ? (unsigned long long)__pa(p) : 0;
}

unsigned long long kresv_mb_alloc_range(unsigned long long size,
					unsigned long long align,
					unsigned long long start,
					unsigned long long end)
{
	return memblock_alloc_range_nid(size, align, start, end,
					NUMA_NO_NODE, true);
}

unsigned long long kresv_mb_phys_alloc(unsigned long long size,
				       unsigned long long align)
{
	return memblock_phys_alloc(size, align);
}

bool kresv_mb_bottom_up(void)
{
	return memblock_bottom_up();
}

void kresv_mb_set_bottom_up(bool enable)
{
	memblock_set_bottom_up(enable);
}

bool kresv_mb_is_region_reserved(unsigned long long base,
				 unsigned long long size)
{
	return memblock_is_region_reserved(base, size);
}

bool kresv_mb_flags_nomap(unsigned int flags)
{
	return flags & MEMBLOCK_NOMAP;
}
