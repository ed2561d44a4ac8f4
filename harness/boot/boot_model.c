// SPDX-License-Identifier: GPL-2.0
/*
 * The boot model: what code outside the model allocates from memblock
 * before the crash reservation, at the points of the tree's own order.
 * Sizes come from the tree's formulas and configuration where kresv can
 * evaluate them, else from sizes measured on Debian's kernel of the same
 * version (docs/boot-model.md lists which is which); every allocation goes
 * through the tree's own memblock allocator, so where it lands is the
 * allocator's decision. Each one is a stub call line and a named
 * reservation of the replay.
 *
 * mm/cma.c's cma_declare_contiguous_nid() is modelled here as well: the
 * tree's kernel/dma/contiguous.c (real) calls it. Its log lines and its
 * bottom-up rule are taken from the tree's mm/cma.c at build time
 * (model_facts.h, harness/boot/model_facts.sh).
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <generated/autoconf.h>
#include <linux/kconfig.h>
#include <linux/types.h>
#include <asm/arm64.h>
#include <linux/boot_stubs.h>
#include <linux/bug.h>
#include <linux/memblock.h>
#include <linux/printk.h>

#include "boot_model.h"
#include "memblock_view.h"
#include "model_facts.h"
#include "scenario.h"
#include "stubs.h"

#define SZ_1M_ULL	(1ULL << 20)
#define SZ_2M_ULL	(2ULL << 20)
#define SZ_4G_ULL	(4ULL << 30)
#define KV(a, b)	((a) * 256 + (b))

/* arch/arm64/include/asm/pgtable-hwdef.h: ARM64_HW_PGTABLE_LEVEL_SHIFT() */
#define LEVEL_SHIFT(n)	((PAGE_SHIFT - 3) * (4 - (n)) + 3)
#define PMD_SHIFT_	LEVEL_SHIFT(2)
#define PUD_SHIFT_	LEVEL_SHIFT(1)
/* arch/arm64/include/asm/sparsemem.h */
#define SECTION_SIZE_BITS_ (PAGE_SHIFT == 16 ? 29 : 27)
/* include/linux/mm_types.h: sizeof(struct page) on these configurations */
#define STRUCT_PAGE_SIZE 64ULL
/* arm64's L1_CACHE_BYTES (SMP_CACHE_BYTES) */
#define SMP_CACHE_BYTES_ 64ULL

/*
 * Sizes of structures and of the device tree that kresv cannot compute
 * from the tree without compiling mm headers for arm64: measured with
 * memblock=debug on Debian's kernel of the version under qemu virt.
 */
struct measured {
	unsigned int kver;
	long kernel_pgtables;		/* map_kernel() + idmap: table pages */
	unsigned long long dt_size;	/* unflatten_device_tree(), one bank */
	unsigned long long dt_per_bank;	/* ... each further memory node */
	bool numa_distance;		/* numa_alloc_distance() at boot */
	unsigned long long pgdat_size;	/* NODE_DATA(): sizeof(pg_data_t) */
	unsigned long long cpumask_size;	/* node_to_cpumask_map[] entry */
	unsigned long long section_roots;	/* mem_section[] root array */
	unsigned long long usage_per_section;	/* mem_section_usage_size() */
	int vmemmap_pud_tables;		/* vmemmap tables above the PMD level */
	/* the image's sections, the boot's "Memory: ... (N kernel code, N
	 * rodata, N init ...)" line, KiB */
	unsigned long long code_kib, rodata_kib, init_kib;
	/* 6.1's init_pg_dir, which paging_init() returns to memblock: offset
	 * from _text and size (its memblock_phys_free() line) */
	unsigned long long init_pg_dir_off, init_pg_dir_size;
	/* __initdata_begin (= __inittext_end) from _text: the VirtualAddress
	 * of the ".data" section in the PE/COFF header of Debian's Image
	 * (arch/arm64/kernel/efi-header.S) */
	unsigned long long initdata_off;
};

static const struct measured measured[] = {
	{ KV(6, 1), 11, 39868, 528, true, 11392, 0, 131072, 56, 1,
	  13248, 9524, 6464, 0x200b000, 0x5000, 0x1740000 },
	{ KV(6, 12), 0, 42068, 552, false, 14144, 64, 131072, 56, 0,
	  15616, 13948, 9664, 0, 0, 0x1e10000 },
	{ KV(7, 3), 0, 44268, 576, false, 14400, 64, 131072, 88, 1,
	  19264, 20512, 4096, 0, 0, 0x2820000 },
};

static const struct measured *m;
static const struct scenario *scn;
static unsigned long long pgdat_phys;

struct boot_model kresv_model;
static unsigned int cma_area_count;

void kresv_model_note(const char *name, unsigned long long start,
		      unsigned long long size)
{
	struct model_alloc *a;

	if (!size)
		return;
	/* page by page allocations of one caller make one range */
	if (kresv_model.n) {
		a = &kresv_model.a[kresv_model.n - 1];
		if (!strcmp(a->name, name) && (a->start == start + size ||
					       a->end == start)) {
			if (a->start == start + size)
				a->start = start;
			else
				a->end = start + size;
			return;
		}
	}
	if (kresv_model.n == MODEL_ALLOCS_MAX)
		return;
	a = &kresv_model.a[kresv_model.n++];
	snprintf(a->name, sizeof(a->name), "%s", name);
	a->start = start;
	a->end = start + size;
}

void kresv_model_reset(const struct scenario *s)
{
	size_t i;

	m = &measured[0];
	for (i = 0; i < sizeof(measured) / sizeof(measured[0]); i++)
		if (measured[i].kver <= KRESV_KVERSION)
			m = &measured[i];
	scn = s;
	kresv_model.n = 0;
	pgdat_phys = 0;
	cma_area_count = 0;
}

/* memblock_alloc*() of a modelled caller, recorded */
static unsigned long long alloc(const char *who, unsigned long long size,
				unsigned long long align,
				unsigned long long min_addr,
				unsigned long long max_addr)
{
	unsigned long long p = kresv_mb_alloc_raw(size, align, min_addr,
						  max_addr);

	kresv_model_note(who, p, p ? size : 0);
	return p;
}

static bool memory_region(int i, unsigned long long *base,
			  unsigned long long *end, bool *nomap)
{
	unsigned long long size;
	unsigned int flags;

	if (i >= kresv_mb_count(KRESV_MB_MEMORY))
		return false;
	kresv_mb_region(KRESV_MB_MEMORY, i, base, &size, &flags);
	*end = *base + size;
	*nomap = kresv_mb_flags_nomap(flags);
	return true;
}

/*
 * Distinct blocks of 2^shift bytes that the mapped memory touches, the
 * memory's address first shifted down by pre (the memmap scales RAM by
 * sizeof(struct page) / PAGE_SIZE) and offset from base.
 */
static unsigned long count_blocks(unsigned int shift, bool skip_nomap,
				  unsigned long long base, unsigned int pre)
{
	unsigned long long b, e, first, last, prev = ~0ULL;
	unsigned long n = 0;
	bool nomap;
	int i;

	for (i = 0; memory_region(i, &b, &e, &nomap); i++) {
		if (nomap && skip_nomap)
			continue;
		if (e <= base)
			continue;
		if (b < base)
			b = base;
		first = ((b - base) >> pre) >> shift;
		last = (((e - 1) - base) >> pre) >> shift;
		if (first == prev)
			first++;
		if (last >= first)
			n += last - first + 1;
		prev = last;
	}
	return n;
}

/*
 * The start of the linear map: memstart_addr, DRAM's start rounded down to
 * ARM64_MEMSTART_ALIGN (asm/kernel-pgtable.h: PUD_SHIFT with 4K pages,
 * CONT_PMD_SHIFT with 16K, PMD_SHIFT with 64K: 1 GiB, 1 GiB, 512 MiB).
 */
static unsigned long long memstart(void)
{
	return memblock_start_of_DRAM() & ~(ARM64_MEMSTART_ALIGN - 1);
}

/*
 * The image's section boundaries for an image at base of size bytes (a
 * multiple of SEGMENT_ALIGN, 64 KiB): as Debian's image of the tree's
 * version lays them out (vmlinux.lds.S: a 64 KiB head, then text, rodata,
 * init text, init data, data and bss, each segment 64 KiB aligned), or in
 * proportion when the image is smaller than that, every segment 64 KiB
 * at least.
 */
void kresv_model_image_layout(unsigned long long base, unsigned long long size,
			      struct kresv_image_layout *l)
{
	const unsigned long long seg = 0x10000;
	unsigned long long text = ((m->code_kib << 10) + seg - 1) & ~(seg - 1);
	unsigned long long ro = ((m->rodata_kib << 10) + seg - 1) & ~(seg - 1);
	unsigned long long init = ((m->init_kib << 10) + seg - 1) & ~(seg - 1);
	unsigned long long n;

	if (seg + text + ro + init <= size) {
		l->stext = base + seg;
		l->etext = l->stext + text;
		l->init_begin = l->etext + ro;
		l->init_end = l->init_begin + init;
		l->inittext_end = base + m->initdata_off;
		if (l->inittext_end > l->init_begin &&
		    l->inittext_end < l->init_end)
			return;
	} else {
		l->stext = base;
		l->init_begin = base + ((size / 2) & ~(seg - 1));
		n = (size / 8) & ~(seg - 1);
		l->init_end = l->init_begin + (n > 2 * seg ? n : 2 * seg);
		n = ((l->init_begin - l->stext) / 2) & ~(seg - 1);
		l->etext = l->stext + (n > seg ? n : seg);
	}
	n = ((l->init_end - l->init_begin) / 2) & ~(seg - 1);
	l->inittext_end = l->init_begin + (n > seg ? n : seg);
}

/*
 * 6.1's init_pg_dir in an image at base of size bytes: where Debian's
 * image has it, or as far into a smaller image as it fits; empty where the
 * tree has none
 */
void kresv_model_init_pg_dir(unsigned long long base, unsigned long long size,
			     unsigned long long *start, unsigned long long *end)
{
	unsigned long long off = m->init_pg_dir_off, n = m->init_pg_dir_size;

	if (n > size)
		n = 0;
	if (off + n > size)
		off = (size - n) & ~0xfffULL;
	*start = base + off;
	*end = *start + n;
}

/*
 * paging_init(): the page tables of the idmap (6.1's create_idmap()),
 * which kresv does not build: the measured number of early_pgtable_alloc()
 * pages of map_kernel() and the idmap together, less the image_pages the
 * tree's map_kernel() took. The linear map's tables (map_mem()) and the
 * image's are the tree's own, harness/mmu/.
 */
void kresv_model_idmap(long image_pages)
{
	unsigned long long p, lo = ~0ULL, hi = 0;
	long i, got = 0, n = m->kernel_pgtables - image_pages;

	for (i = 0; i < n; i++) {
		p = kresv_mb_pgtable_page(PAGE_SIZE);
		if (!p)
			break;
		got++;
		kresv_model_note("pgtables", p, PAGE_SIZE);
		if (p < lo)
			lo = p;
		if (p + PAGE_SIZE > hi)
			hi = p + PAGE_SIZE;
	}
	kresv_record("paging_init: idmap early_pgtable_alloc %ld pages, 0x%llx-0x%llx (model: %ld measured with map_kernel()'s %ld)",
		     got, got ? lo : 0, hi, m->kernel_pgtables, image_pages);
}

/* unflatten_device_tree(): early_init_dt_alloc_memory_arch() */
void kresv_model_unflatten_device_tree(void)
{
	unsigned long long p, size = m->dt_size;

	if (scn->nr_memory > 1)
		size += m->dt_per_bank * (scn->nr_memory - 1);
	p = alloc("devicetree", size, 8, 0, 0);
	kresv_record("unflatten_device_tree: %llu bytes at 0x%llx (model)",
		     size, p);
}

/* arch_numa_init() on a device tree without NUMA: dummy_numa_init() */
void kresv_model_numa(void)
{
	unsigned long long p, d = 0;

	if (m->numa_distance) {
		/* numa_alloc_distance(): nr_node_ids^2 bytes, page aligned */
		d = alloc("numa", (unsigned long long)MAX_NUMNODES * MAX_NUMNODES,
			  PAGE_SIZE, 0, 0);
	}
	/* setup_node_data(): NODE_DATA(0), memblock_phys_alloc_try_nid() */
	p = kresv_mb_alloc_range(m->pgdat_size, SMP_CACHE_BYTES_, 0,
				 memblock_end_of_DRAM());
	kresv_model_note("numa", p, p ? m->pgdat_size : 0);
	pgdat_phys = p;
	if (m->cpumask_size)
		alloc("numa", m->cpumask_size, SMP_CACHE_BYTES_, 0, 0);
	kresv_record("arch_numa_init: node 0, NODE_DATA %llu bytes at 0x%llx%s (model)",
		     m->pgdat_size, p, d ? ", distance table" : "");
}

/* the number of the i-th section that memory touches (memblocks_present()) */
static unsigned long present_section(unsigned long i, unsigned int sbits)
{
	unsigned long long b, e, sec, prev = ~0ULL;
	bool nomap;
	int r;

	for (r = 0; memory_region(r, &b, &e, &nomap); r++)
		for (sec = b >> sbits; sec <= (e - 1) >> sbits; sec++) {
			if (sec == prev)
				continue;
			if (i-- == 0)
				return sec;
			prev = sec;
		}
	return ~0UL;
}

/*
 * A section whose memmap cannot be allocated: the tree panics there (7.3:
 * its own message and line, model_facts.h), else the section is left out
 * with an error and the boot goes on (6.1, 6.12).
 */
static void memmap_failed(unsigned long pnum)
{
#ifdef KRESV_SPARSE_MEMMAP_PANIC_FMT
	kresv_panic("mm/sparse.c", KRESV_SPARSE_MEMMAP_PANIC_LINE,
		    KRESV_SPARSE_MEMMAP_PANIC_FMT, pnum);
#else
	(void)pnum;
#endif
}

/*
 * vmemmap_populate_hugepages(): a section whose 2 MiB block cannot be had
 * is populated with base pages instead (vmemmap_populate_basepages(): a
 * page table, then one page at a time); only when those run out does the
 * section fail.
 */
static void memmap_basepages(unsigned long long map_size, unsigned long pnum)
{
	unsigned long long n;

	if (!alloc("memmap", PAGE_SIZE, PAGE_SIZE, memstart(), 0))
		memmap_failed(pnum);
	for (n = 0; n < map_size; n += PAGE_SIZE)
		if (!alloc("memmap", PAGE_SIZE, PAGE_SIZE, memstart(), 0))
			memmap_failed(pnum);
}

/* sparse_init() with SPARSEMEM_VMEMMAP, one node */
/*
 * 16K and 64K pages: arm64's vmemmap_populate() maps the memmap with base
 * pages (vmemmap_populate_basepages()), taking each page from the
 * sparse_buffer_init() buffer while it lasts, else from memblock one by
 * one; sparse_buffer_fini() frees what is left of the buffer. The buffer
 * asks for section_map_size() per section (aligned to PMD_SIZE: 512 MiB
 * with 64K pages), so it fails on all but big machines.
 */
static void kresv_model_sparse_basepages(unsigned long long map_size,
					 unsigned long sections)
{
	const unsigned int sbits = SECTION_SIZE_BITS_;
	const unsigned long long used = ((STRUCT_PAGE_SIZE << (sbits - PAGE_SHIFT)) +
					 PAGE_SIZE - 1) & ~(PAGE_SIZE - 1);
	unsigned long long p = 0, pages = used / PAGE_SIZE * sections;
	unsigned long i, tables;

#ifdef KRESV_SPARSE_BUFFER
	p = kresv_mb_alloc_raw(map_size * sections, map_size, memstart(), 0);
#endif
	if (p) {
		kresv_model_note("memmap", p, used * sections);
		memblock_phys_free(p + used * sections,
				   map_size * sections - used * sections);
	} else {
		for (i = 0; i < pages; i++)
			if (!alloc("memmap", PAGE_SIZE, PAGE_SIZE, memstart(), 0))
				memmap_failed(present_section(i / (used / PAGE_SIZE),
							      sbits));
	}
	kresv_record("sparse_init: %lu sections, memmap %llu KiB in %u KiB pages%s (model)",
		     sections, (used * sections) >> 10,
		     (unsigned int)(PAGE_SIZE >> 10),
		     p ? ", from the buffer" : "");
	/* the vmemmap's page tables: PTE and PMD tables over its VA range */
	tables = count_blocks(PMD_SHIFT_, false, memstart(), PAGE_SHIFT - 6) +
		 count_blocks(PUD_SHIFT_, false, memstart(), PAGE_SHIFT - 6);
	for (i = 0; i < tables; i++)
		alloc("memmap", PAGE_SIZE, PAGE_SIZE, memstart(), 0);
}

void kresv_model_sparse(void)
{
	const unsigned int sbits = SECTION_SIZE_BITS_;
	const unsigned long long section = 1ULL << sbits;
	const unsigned long long per_root = PAGE_SIZE / 32; /* mem_section */
	const unsigned long long map_size = /* section_map_size() */
		((STRUCT_PAGE_SIZE << (sbits - PAGE_SHIFT)) + (1ULL << PMD_SHIFT_) - 1) &
		~((1ULL << PMD_SHIFT_) - 1);
	unsigned long sections, roots, tables, i;
	unsigned long long p, goal, usage, memmap;

	/* memblocks_present(): the sections memory touches, nomap included */
	sections = count_blocks(sbits, false, 0, 0);
	roots = 0;
	{
		unsigned long long b, e, prev = ~0ULL;
		bool nomap;
		int r;

		for (r = 0; memory_region(r, &b, &e, &nomap); r++) {
			unsigned long long f = (b >> sbits) / per_root;
			unsigned long long l = ((e - 1) >> sbits) / per_root;

			if (f == prev)
				f++;
			if (l >= f)
				roots += l - f + 1;
			prev = l;
		}
	}
	/* sparse_index_init(): the root array, then a page per root */
	alloc("sparse", m->section_roots, SMP_CACHE_BYTES_, 0, 0);
	for (i = 0; i < roots; i++)
		alloc("sparse", PAGE_SIZE, SMP_CACHE_BYTES_, 0, 0);

	/* sparse_init_nid(): the usemaps, in the section of NODE_DATA first */
	usage = m->usage_per_section * sections;
	goal = pgdat_phys & ~(section - 1);
	p = kresv_mb_alloc_raw(usage, SMP_CACHE_BYTES_, goal, goal + section);
	if (!p)
		p = kresv_mb_alloc_raw(usage, SMP_CACHE_BYTES_, goal, 0);
	kresv_model_note("sparse", p, p ? usage : 0);

	memmap = map_size * sections;
	if (PAGE_SHIFT != 12) {
		kresv_model_sparse_basepages(map_size, sections);
		return;
	}
#ifdef KRESV_SPARSE_BUFFER
	/* sparse_buffer_init() -> memmap_alloc(): all sections' memmap */
	p = alloc("memmap", memmap, map_size, memstart(), 0);
#else
	p = 0;
#endif
	if (!p)	/* vmemmap_populate() takes each section's block itself */
		for (i = 0; i < sections; i++)
			if (!alloc("memmap", map_size, map_size, memstart(), 0))
				memmap_basepages(map_size, present_section(i, sbits));
	if (p)
		kresv_record("sparse_init: %lu sections, memmap %llu MiB at 0x%llx (model)",
			     sections, memmap >> 20, p);
	else
		kresv_record("sparse_init: %lu sections, memmap %llu MiB, a block per section (model)",
			     sections, memmap >> 20);

	/* vmemmap_populate(): a PMD table per 1 GiB of vmemmap */
	tables = count_blocks(PUD_SHIFT_, false, memstart(),
			      PAGE_SHIFT - 6) + m->vmemmap_pud_tables;
	for (i = 0; i < tables; i++)
		alloc("memmap", PAGE_SIZE, PAGE_SIZE, memstart(), 0);
}

/* --- mm/cma.c ------------------------------------------------------------ */

struct cma {
	unsigned long long base, size;
	char name[64];
};

static struct cma cma_areas[CONFIG_CMA_AREAS];

phys_addr_t cma_get_base(const struct cma *cma)
{
	return cma->base;
}

unsigned long cma_get_size(const struct cma *cma)
{
	return cma->size;
}

static void cma_failed(unsigned long long size, int nid)
{
#ifdef KRESV_CMA_FAIL_PRINTS_NODE
	pr_err(KRESV_CMA_PR_FMT KRESV_CMA_FAILED_FMT, (long)(size / SZ_1M_ULL),
	       nid);
#else
	(void)nid;
	pr_err(KRESV_CMA_PR_FMT KRESV_CMA_FAILED_FMT, (long)(size / SZ_1M_ULL));
#endif
}

/*
 * The steps of the tree's cma_declare_contiguous_nid() for a boot-time
 * area: alignment to CMA_MIN_ALIGNMENT_BYTES (a pageblock), the limit
 * clamped to the end of memory, a fixed base reserved as it is, else the
 * bottom-up try above 4 GiB (under the tree's own condition) and then a
 * top-down allocation below the limit.
 */
int cma_declare_contiguous_nid(phys_addr_t base, phys_addr_t size,
			       phys_addr_t limit, phys_addr_t alignment,
			       unsigned int order_per_bit, bool fixed,
			       const char *name, struct cma **res_cma, int nid)
{
	unsigned long long memblock_end = memblock_end_of_DRAM();
	unsigned int pb_order = PMD_SHIFT_ - PAGE_SHIFT; /* HUGETLB_PAGE_ORDER */
	unsigned long long min_align, addr = 0;
	struct cma *c;

	kresv_record("cma_declare_contiguous_nid(%s, size 0x%llx, base 0x%llx, limit 0x%llx) (model)",
		     name, (unsigned long long)size, (unsigned long long)base,
		     (unsigned long long)limit);
	if (pb_order > KRESV_PAGEBLOCK_MAX_ORDER)
		pb_order = KRESV_PAGEBLOCK_MAX_ORDER;
	min_align = (unsigned long long)PAGE_SIZE << pb_order;
	if (cma_area_count == sizeof(cma_areas) / sizeof(cma_areas[0]))
		return -ENOSPC;
	if (!size)
		return -EINVAL;
	if (alignment && (alignment & (alignment - 1)))
		return -EINVAL;
	if (!IS_ENABLED(CONFIG_NUMA))
		nid = NUMA_NO_NODE;
	if (alignment < min_align)
		alignment = min_align;
	if (fixed && (base & (alignment - 1))) {
		cma_failed(size, nid);
		return -EINVAL;
	}
	base = (base + alignment - 1) & ~(alignment - 1);
	size = (size + alignment - 1) & ~(alignment - 1);
	limit &= ~(alignment - 1);
	if (!base)
		fixed = false;
	if ((size >> PAGE_SHIFT) & ((1ULL << order_per_bit) - 1))
		return -EINVAL;
	if (limit == 0 || limit > memblock_end)
		limit = memblock_end;
	if (base + size > limit) {
		cma_failed(size, nid);
		return -EINVAL;
	}
	if (fixed) {
		if (kresv_mb_is_region_reserved(base, size) ||
		    memblock_reserve(base, size) < 0) {
			cma_failed(size, nid);
			return -EBUSY;
		}
		addr = base;
	} else {
		bool try_up = false;

#if defined(KRESV_CMA_BOTTOM_UP_IF_END)
		try_up = memblock_end >= SZ_4G_ULL + size;
#elif defined(KRESV_CMA_BOTTOM_UP_IF_LIMIT)
		try_up = limit >= SZ_4G_ULL + size;
#endif
		if (!kresv_mb_bottom_up() && try_up) {
			kresv_mb_set_bottom_up(true);
			addr = kresv_mb_alloc_range(size, alignment, SZ_4G_ULL,
						    limit);
			kresv_mb_set_bottom_up(false);
		}
		if (!addr)
			addr = kresv_mb_alloc_range(size, alignment, base,
						    limit);
		if (!addr) {
			cma_failed(size, nid);
			return -ENOMEM;
		}
	}
	c = &cma_areas[cma_area_count++];
	c->base = addr;
	c->size = size;
	snprintf(c->name, sizeof(c->name), "%s", name);
	*res_cma = c;
	/* the default area is "cma"; others carry their name */
	if (strcmp(name, "reserved")) {
		char what[24];

		snprintf(what, sizeof(what), "cma %s", name);
		kresv_model_note(what, addr, size);
	} else {
		kresv_model_note("cma", addr, size);
	}
#ifdef KRESV_CMA_PRINTS_NODE
	pr_info(KRESV_CMA_PR_FMT KRESV_CMA_RESERVED_FMT,
		(long)(size / SZ_1M_ULL), addr, nid);
#else
	pr_info(KRESV_CMA_PR_FMT KRESV_CMA_RESERVED_FMT,
		(long)(size / SZ_1M_ULL), addr);
#endif
	return 0;
}

int cma_declare_contiguous(phys_addr_t base, phys_addr_t size,
			   phys_addr_t limit, phys_addr_t alignment,
			   unsigned int order_per_bit, bool fixed,
			   const char *name, struct cma **res_cma)
{
	return cma_declare_contiguous_nid(base, size, limit, alignment,
					  order_per_bit, fixed, name, res_cma,
					  NUMA_NO_NODE);
}
