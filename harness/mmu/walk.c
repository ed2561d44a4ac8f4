// SPDX-License-Identifier: GPL-2.0
/*
 * Walking the simulated page tables after the tree's map_mem(), and the
 * linear-map oracles (docs/oracles.md):
 *
 *   LINEAR_MAP_HOLE      RAM (memblock memory without no-map) not mapped
 *   LINEAR_MAP_WRONG_PA  RAM mapped at a VA whose output address is not
 *                        the linear map's translation of it
 *   NOMAP_MAPPED         no-map memory mapped
 *   BLOCK_MISALIGNED     a block whose VA or PA is not aligned to its size,
 *                        or that covers memory outside RAM
 *   CONT_GROUP_BROKEN    a contiguous-bit group that is partial,
 *                        misaligned, not physically contiguous or mixes
 *                        attributes
 *   KERNEL_IMAGE_UNMAPPED   a page of [_stext, _end) not mapped at its
 *                           address in the image's mapping
 *   KERNEL_IMAGE_WRONG_PA   the image's mapping translating to another
 *                           physical address than the image's
 *
 * The last two judge the image's mapping (lm_walk_image()); the others
 * both walks.
 *
 * The walk knows the descriptor format only through the tree
 * (kresv_pt_ops: valid bit, type bits, PTE_CONT, the output address as the
 * tree's __pte_to_phys() decodes it).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "memblock_view.h"
#include "pgsim.h"
#include "printk_log.h"
#include "walk.h"

#ifdef KRESV_ASAN
#include <sanitizer/asan_interface.h>
#define NO_ASAN __attribute__((no_sanitize("address")))
#else
#define NO_ASAN
#endif

#ifndef KRESV_LOC_map_mem
#define KRESV_LOC_map_mem "arch/arm64/mm/mmu.c"
#endif
#ifndef KRESV_LOC_alloc_init_cont_pte
#define KRESV_LOC_alloc_init_cont_pte KRESV_LOC_map_mem
#endif
#ifndef KRESV_LOC_alloc_init_cont_pmd
#define KRESV_LOC_alloc_init_cont_pmd KRESV_LOC_map_mem
#endif
#ifndef KRESV_LOC_init_pmd
#define KRESV_LOC_init_pmd KRESV_LOC_map_mem
#endif
#ifndef KRESV_LOC_alloc_init_pud
#define KRESV_LOC_alloc_init_pud KRESV_LOC_map_mem
#endif
#ifndef KRESV_LOC_map_kernel
#define KRESV_LOC_map_kernel KRESV_LOC_map_mem
#endif

const char *const lm_gran_name[LM_NR] = {
	[LM_1G] = "pud-block", [LM_2M_CONT] = "cont-pmd",
	[LM_2M] = "pmd-block", [LM_4K_CONT] = "cont-pte", [LM_4K] = "pte",
};

struct findings kresv_mmu_findings;

/* one finding per ID and kernel location: the first one's message */
static void __attribute__((format(printf, 3, 4)))
lm_finding(const char *id, const char *where, const char *fmt, ...)
{
	char msg[512];
	va_list ap;
	int i;

	where = kresv_tree_path(where);
	for (i = 0; i < kresv_mmu_findings.n; i++)
		if (!strcmp(kresv_mmu_findings.f[i].id, id) &&
		    !strcmp(kresv_mmu_findings.f[i].where, where))
			return;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	findings_add(&kresv_mmu_findings, id, where, id, "%s", msg);
}

void kresv_pgsim_report(const char *id, const char *where,
			const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	lm_finding(id, where, "%s", msg);
}

static const struct kresv_mmu_geometry *geo;
static struct linear_map *out;
/* the VA range walked: entries wholly outside it are not looked at */
static unsigned long long walk_lo, walk_hi;

static int level_shift(int level)
{
	return (geo->page_shift - 3) * (3 - level) + geo->page_shift;
}

static bool is_valid(unsigned long long d)
{
	return d & kresv_pt_ops.valid;
}

/*
 * A descriptor's output address without a call through
 * kresv_pt_ops.to_phys per entry. The tree's __pte_to_phys() only selects
 * and moves bits (a mask; in the 52-bit layouts the high address bits
 * shifted up, the shareability bits masked when LPA2 is off), so at the
 * start of each walk (the boot state is set by then) it is probed input
 * bit by input bit and recorded as the bits that stay and (mask, shift)
 * pairs for the bits that move, then checked against to_phys() on
 * all-zero, all-one and 4096 pseudo-random descriptors. The table fast
 * path checks it again on the first entry of each table. When a check
 * fails, every entry goes through to_phys().
 */
#define WIRE_MAX 4
struct wiring {
	unsigned long long mask0;	/* the bits that stay in place */
	int n;
	struct {
		unsigned long long mask;
		int shift;		/* output bit - input bit */
	} p[WIRE_MAX];
};
static struct wiring wiring;
static bool wired;

/*
 * Without ASan's checks: it reads only the wiring (and is inlined into the
 * table scan below, which ASan does not instrument either).
 */
static inline __attribute__((always_inline)) NO_ASAN unsigned long long
wire_pa(const struct wiring *w, unsigned long long d)
{
	unsigned long long pa = d & w->mask0;
	int i;

	for (i = 0; i < w->n; i++)
		pa |= w->p[i].shift > 0 ? (d & w->p[i].mask) << w->p[i].shift :
		      (d & w->p[i].mask) >> -w->p[i].shift;
	return pa;
}

static void wire_probe(void)
{
	unsigned long long (*to_phys)(unsigned long long) =
		kresv_pt_ops.to_phys;
	unsigned long long x = 0x9e3779b97f4a7c15ULL;
	struct wiring *w = &wiring;
	int b, i;

	wired = false;
	memset(w, 0, sizeof(*w));
	if (to_phys(0))
		return;
	for (b = 0; b < 64; b++) {
		unsigned long long img = to_phys(1ULL << b);
		int shift;

		if (!img)
			continue;
		if (img & (img - 1))	/* one input bit, several output bits */
			return;
		shift = __builtin_ctzll(img) - b;
		if (!shift) {
			w->mask0 |= 1ULL << b;
			continue;
		}
		for (i = 0; i < w->n && w->p[i].shift != shift; i++)
			;
		if (i == WIRE_MAX)
			return;
		if (i == w->n) {
			w->p[i].shift = shift;
			w->n++;
		}
		w->p[i].mask |= 1ULL << b;
	}
	if (wire_pa(w, ~0ULL) != to_phys(~0ULL))
		return;
	for (i = 0; i < 4096; i++) {
		x ^= x << 13;	/* xorshift64 */
		x ^= x >> 7;
		x ^= x << 17;
		if (wire_pa(w, x) != to_phys(x))
			return;
	}
	wired = true;
}

static unsigned long long desc_pa(unsigned long long d)
{
	return wired ? wire_pa(&wiring, d) : kresv_pt_ops.to_phys(d);
}

static bool is_table(int level, unsigned long long d)
{
	return level < 3 &&
	       (d & kresv_pt_ops.type_mask) == kresv_pt_ops.type_table;
}

static unsigned char perm_of(unsigned long long d)
{
	return (d & geo->rdonly ? 0 : LM_WRITE) | (d & geo->pxn ? 0 : LM_EXEC);
}

static void add_range(unsigned long long va, unsigned long long pa,
		      unsigned long long size, enum lm_gran gran,
		      unsigned char perm)
{
	struct lm_range *r = out->nranges ? &out->range[out->nranges - 1] :
			     NULL;

	out->mapped_bytes += size;
	if (r && r->gran == gran && r->perm == perm && r->end == pa &&
	    r->va + (r->end - r->pa) == va) {
		r->end = pa + size;
		return;
	}
	if (out->nranges == LM_RANGES_MAX) {
		out->ranges_truncated = true;
		return;
	}
	r = &out->range[out->nranges++];
	r->va = va;
	r->pa = pa;
	r->end = pa + size;
	r->gran = gran;
	r->perm = perm;
}

/*
 * Is [pa, pa + size) memory the linear map is asked to map: RAM that is not
 * no-map, or the kernel image [_text, _end)? map_mem() maps parts of the
 * image whether or not a bank holds them or marks them no-map (6.1 and
 * 6.12 [_stext, __init_begin); 7.3 [_text, __init_begin) and
 * [__init_end, __bss_stop)), and a scenario may place the image anywhere.
 */
static bool in_ram(unsigned long long pa, unsigned long long size)
{
	unsigned long long b = 0, s = 0, end = pa + size;
	unsigned long long text = kresv_ksym[KSYM_text];
	unsigned long long text_end = kresv_ksym[KSYM_end];
	unsigned int flags = 0;
	int i, n = kresv_mb_count(KRESV_MB_MEMORY);

	for (i = 0; pa < end;) {
		if (pa >= text && pa < text_end) {
			pa = text_end;
			continue;
		}
		for (; i < n; i++) {
			kresv_mb_region(KRESV_MB_MEMORY, i, &b, &s, &flags);
			if (b + s > pa)
				break;
		}
		if (i == n || b > pa || kresv_mb_flags_nomap(flags))
			return false;
		pa = b + s;
	}
	return true;
}

/*
 * A contiguous group: CONT entries aligned in the table, all valid, all
 * with the bit, physically contiguous from an output address aligned to
 * the group's size, with the same attributes.
 */
static void check_cont(int level, const unsigned long long *t, int first,
		       int n, unsigned long long va)
{
	unsigned long long size = 1ULL << level_shift(level);
	unsigned long long pa0 = desc_pa(t[first]);
	unsigned long long attr0 = t[first] ^ pa0;
	const char *where = level == 3 ? KRESV_LOC_alloc_init_cont_pte :
				KRESV_LOC_alloc_init_cont_pmd;
	int i;

	for (i = first; i < first + n; i++) {
		unsigned long long d = t[i], pa = desc_pa(d);

		if (!is_valid(d) || !(d & kresv_pt_ops.cont) ||
		    is_table(level, d)) {
			lm_finding("CONT_GROUP_BROKEN", where,
				   "contiguous %s group at VA 0x%llx is partial: entry %d of %d is %s",
				   level == 3 ? "PTE" : "PMD", va, i - first, n,
				   !is_valid(d) ? "invalid" : is_table(level, d) ?
				   "a table" : "without the contiguous bit");
			return;
		}
		if (pa != pa0 + (unsigned long long)(i - first) * size) {
			lm_finding("CONT_GROUP_BROKEN", where,
				   "contiguous %s group at VA 0x%llx is not physically contiguous (entry %d maps 0x%llx)",
				   level == 3 ? "PTE" : "PMD", va, i - first, pa);
			return;
		}
		if ((d ^ pa) != attr0) {
			lm_finding("CONT_GROUP_BROKEN", where,
				   "contiguous %s group at VA 0x%llx mixes attributes (0x%llx and 0x%llx)",
				   level == 3 ? "PTE" : "PMD", va, attr0, d ^ pa);
			return;
		}
	}
	if (pa0 & (size * n - 1))
		lm_finding("CONT_GROUP_BROKEN", where,
			   "contiguous %s group at VA 0x%llx starts at PA 0x%llx, not aligned to its %llu KiB",
			   level == 3 ? "PTE" : "PMD", va, pa0, size * n >> 10);
}

/*
 * Are entries 1 .. entries - 1 of t the run that entry 0 (valid, output
 * address pa0, attributes attr0) starts: valid, output addresses
 * consecutive, the same attributes? The one loop over all of a page-
 * granular map's entries: ASan checks the table as one region before it
 * (pte_table_run()), not each load.
 */
static NO_ASAN bool table_run(const unsigned long long *t, int entries,
			      const struct wiring *w, unsigned long long valid,
			      unsigned long long size, unsigned long long pa0,
			      unsigned long long attr0)
{
	unsigned long long pa = pa0 + size;
	int i;

	for (i = 1; i < entries; i++, pa += size) {
		unsigned long long d = t[i];

		if (!(d & valid) || (d ^ pa) != attr0 || wire_pa(w, d) != pa)
			return false;
	}
	return true;
}

/*
 * A PTE table that maps one run: every entry valid, the output addresses
 * consecutive, the same attributes (so the contiguous bit on all entries
 * or on none), and with the contiguous bit, whole groups from a group-
 * aligned output address. On such a table no check of the entry-by-entry
 * walk (walk_table()) can fire (check_cont() passes on every group), the
 * counts go up by the table's entries (and groups), and add_range() would
 * join the entries' ranges into one: this does the same in one step.
 * Anything else (a hole, a break in the run, other attributes, a
 * misaligned group) returns false, and the table is walked entry by entry.
 */
static bool pte_table_run(const unsigned long long *t,
			  unsigned long long va_base, int entries)
{
	unsigned long long size = 1ULL << geo->page_shift;
	unsigned long long valid = kresv_pt_ops.valid, d = t[0];
	unsigned long long pa0, attr0;
	int cont_n = geo->cont_ptes;
	enum lm_gran gran = LM_4K;

	if (!wired || !(d & valid))
		return false;
	pa0 = wire_pa(&wiring, d);
	if (pa0 != kresv_pt_ops.to_phys(d)) {	/* the probe was wrong */
		wired = false;
		return false;
	}
	attr0 = d ^ pa0;
#ifdef KRESV_ASAN
	if (__asan_region_is_poisoned((void *)t, (size_t)entries * sizeof(*t)))
		return false;	/* the walk's own loads will say where */
#endif
	if (!table_run(t, entries, &wiring, valid, size, pa0, attr0))
		return false;
	if (attr0 & kresv_pt_ops.cont) {
		if (cont_n) {
			if (entries % cont_n ||
			    (pa0 & (size * (unsigned long long)cont_n - 1)))
				return false;
			out->cont_pte += (unsigned long long)(entries / cont_n);
		}
		gran = LM_4K_CONT;
	}
	out->ptes += (unsigned long long)entries;
	add_range(va_base, pa0, size * (unsigned long long)entries, gran,
		  perm_of(d));
	return true;
}

static void walk_table(int level, unsigned long long table_pa,
		       unsigned long long va_base, int entries)
{
	const unsigned long long *t = kresv_pgsim_map(table_pa);
	int shift = level_shift(level), i;
	unsigned long long size = 1ULL << shift;
	int cont_n = level == 3 ? geo->cont_ptes :
		     level == 2 ? geo->cont_pmds : 0;

	if (level == 3 && pte_table_run(t, va_base, entries))
		return;
	for (i = 0; i < entries; i++) {
		unsigned long long d = t[i], va = va_base + i * size, pa;

		if (!is_valid(d) || va + (size - 1) < walk_lo || va >= walk_hi)
			continue;
		pa = desc_pa(d);
		if (is_table(level, d)) {
			out->table_pages[level + 1]++;
			walk_table(level + 1, pa, va,
				   1 << (geo->page_shift - 3));
			continue;
		}
		if (cont_n && (d & kresv_pt_ops.cont) && !(i % cont_n)) {
			check_cont(level, t, i, i + cont_n <= entries ?
				   cont_n : entries - i, va);
			if (level == 3)
				out->cont_pte++;
			else
				out->cont_pmd++;
		} else if (cont_n && (d & kresv_pt_ops.cont) &&
			   !(t[i - i % cont_n] & kresv_pt_ops.cont)) {
			check_cont(level, t, i - i % cont_n, cont_n,
				   va - (i % cont_n) * size);
		}
		if (level == 3) {
			out->ptes++;
			add_range(va, pa, size, d & kresv_pt_ops.cont ?
				  LM_4K_CONT : LM_4K, perm_of(d));
			continue;
		}
		if (level == 2)
			out->pmd_blocks++;
		else if (level == 1)
			out->pud_blocks++;
		add_range(va, pa, size, level == 1 ? LM_1G :
			  d & kresv_pt_ops.cont ? LM_2M_CONT : LM_2M, perm_of(d));
		if ((va | pa) & (size - 1))
			lm_finding("BLOCK_MISALIGNED", level == 1 ?
				   KRESV_LOC_alloc_init_pud : KRESV_LOC_init_pmd,
				   "%s block at VA 0x%llx maps PA 0x%llx, not aligned to its size 0x%llx",
				   level == 1 ? "PUD" : "PMD", va, pa, size);
		else if (!in_ram(pa, size))
			lm_finding("BLOCK_MISALIGNED", level == 1 ?
				   KRESV_LOC_alloc_init_pud : KRESV_LOC_init_pmd,
				   "%s block at VA 0x%llx covers PA 0x%llx-0x%llx, not all of it RAM to be mapped",
				   level == 1 ? "PUD" : "PMD", va, pa,
				   pa + size - 1);
	}
}

static void walk_range(const struct kresv_mmu_geometry *g,
		       struct linear_map *lm, unsigned long long lo,
		       unsigned long long hi)
{
	unsigned long long root_pa = kresv_pgsim_pa(g->root);

	/* not the ranges' table (128 KiB): entries are written as found */
	memset(lm, 0, offsetof(struct linear_map, range));
	geo = g;
	out = lm;
	walk_lo = lo;
	walk_hi = hi;
	wire_probe();
	/* the kernel half, the root's entry 0: PAGE_OFFSET */
	walk_table(g->root_level, root_pa, g->page_offset, g->root_entries);
}

void lm_walk(const struct kresv_mmu_geometry *g, struct linear_map *lm)
{
	walk_range(g, lm, g->page_offset, g->page_end);
}

void lm_walk_image(const struct kresv_mmu_geometry *g, struct linear_map *im)
{
	walk_range(g, im, g->kimage_vaddr,
		   g->kimage_vaddr + (g->image_end - g->image_pa));
}

unsigned long long lm_table_pages(const struct linear_map *lm)
{
	return lm->table_pages[0] + lm->table_pages[1] + lm->table_pages[2] +
	       lm->table_pages[3];
}

bool lm_all_pages(const struct linear_map *lm, unsigned long long skip_start,
		  unsigned long long skip_end)
{
	int i;

	for (i = 0; i < lm->nranges; i++) {
		const struct lm_range *r = &lm->range[i];

		if (r->gran != LM_4K &&
		    !(r->pa >= skip_start && r->end <= skip_end))
			return false;
	}
	return lm->ptes && !lm->ranges_truncated;
}

/*
 * A translation a walk must hold: PA [pa, end) mapped at VA pa + delta.
 * The findings' IDs and words, for the linear map and for the image.
 */
struct translation {
	const char *hole_id, *wrong_id, *where;
	/* PA first, PA last, VA first (the linear map's says no VA) */
	const char *hole_fmt;
	/* VA, the PA it maps, the PA it should */
	const char *wrong_fmt;
};

static const struct translation linear_map_tr = {
	"LINEAR_MAP_HOLE", "LINEAR_MAP_WRONG_PA", KRESV_LOC_map_mem,
	"RAM 0x%llx-0x%llx is not in the linear map",
	"linear map VA 0x%llx translates to PA 0x%llx, not 0x%llx",
};

static const struct translation image_tr = {
	"KERNEL_IMAGE_UNMAPPED", "KERNEL_IMAGE_WRONG_PA", KRESV_LOC_map_kernel,
	"kernel image 0x%llx-0x%llx is not mapped at 0x%llx",
	"kernel image VA 0x%llx translates to PA 0x%llx, not 0x%llx",
};

/*
 * The ranges (sorted by VA) that map VA [pa + delta, end + delta): check
 * PA and gaps. complete: the code that maps it returned, so a gap is a
 * hole.
 */
static void check_translation(const struct linear_map *lm,
			      const struct translation *t,
			      unsigned long long delta, unsigned long long pa,
			      unsigned long long end, bool complete)
{
	unsigned long long va = pa + delta, va_end = end + delta;
	int i;

	for (i = 0; i < lm->nranges && va < va_end; i++) {
		const struct lm_range *r = &lm->range[i];
		unsigned long long rva_end = r->va + (r->end - r->pa);

		if (rva_end <= va)
			continue;
		if (r->va > va) {
			if (complete)
				lm_finding(t->hole_id, t->where, t->hole_fmt,
					   va - delta,
					   (r->va < va_end ? r->va : va_end) -
					   delta - 1, va);
			va = r->va;
			if (va >= va_end)
				break;
		}
		if (r->va - r->pa != delta)
			lm_finding(t->wrong_id, t->where, t->wrong_fmt, va,
				   r->pa + (va - r->va), va - delta);
		va = rva_end;
	}
	if (va < va_end && !lm->ranges_truncated && complete)
		lm_finding(t->hole_id, t->where, t->hole_fmt, va - delta,
			   va_end - delta - 1, va);
}

/*
 * No-map memory must not be mapped, but for the kernel image [_text, _end):
 * map_mem() maps parts of it whatever memblock says (see in_ram()).
 */
static void check_unmapped(const struct linear_map *lm, unsigned long long pa,
			   unsigned long long end, const char *what)
{
	unsigned long long text = kresv_ksym[KSYM_text];
	unsigned long long text_end = kresv_ksym[KSYM_end];
	unsigned long long lo, hi;
	int i;

	for (i = 0; i < lm->nranges; i++) {
		const struct lm_range *r = &lm->range[i];

		lo = r->pa > pa ? r->pa : pa;
		hi = r->end < end ? r->end : end;
		if (lo >= hi)
			continue;
		if (lo >= text && lo < text_end)
			lo = text_end;
		if (hi > text && hi <= text_end)
			hi = text;
		if (lo >= hi)
			continue;
		if (lo < text && hi > text_end)
			hi = text;	/* the part below the image */
		lm_finding("NOMAP_MAPPED", KRESV_LOC_map_mem,
			   "%s 0x%llx-0x%llx is mapped (linear map PA 0x%llx-0x%llx, %s)",
			   what, pa, end - 1, lo, hi - 1,
			   lm_gran_name[r->gran]);
		return;
	}
}

void lm_oracles(const struct kresv_mmu_geometry *g,
		const struct linear_map *lm, bool complete)
{
	unsigned long long b, s, ps = 1ULL << g->page_shift;
	unsigned int flags;
	int i, n = kresv_mb_count(KRESV_MB_MEMORY);

	for (i = 0; i < n; i++) {
		kresv_mb_region(KRESV_MB_MEMORY, i, &b, &s, &flags);
		if (kresv_mb_flags_nomap(flags)) {
			check_unmapped(lm, b, b + s, "no-map memory");
			continue;
		}
		/* whole pages only: a page shared with no-map is not RAM */
		if (((b + ps - 1) & ~(ps - 1)) < ((b + s) & ~(ps - 1)))
			check_translation(lm, &linear_map_tr,
					  g->phys_to_virt_delta,
					  (b + ps - 1) & ~(ps - 1),
					  (b + s) & ~(ps - 1), complete);
	}
}

void lm_image_oracles(const struct kresv_mmu_geometry *g,
		      const struct linear_map *im, bool complete)
{
	check_translation(im, &image_tr, g->kimage_vaddr - g->image_pa,
			  g->image_stext, g->image_end, complete);
}
