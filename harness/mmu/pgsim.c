// SPDX-License-Identifier: GPL-2.0
/*
 * The simulated machine under the tree's map_mem(): sparse physical memory
 * for page tables, and the break-before-make check of every page-table
 * write (harness/mmu/pgsim.h).
 *
 * Break-before-make (Arm ARM D8.14, and the rule the seeds argue about): a
 * valid entry may not be replaced by another valid entry with a different
 * output address, or turned from a block into a table or back, unless it
 * was first made invalid and the TLB invalidated; which attribute changes
 * a live entry may take is the tree's own pgattr_change_is_safe(), run by
 * the kernel side (kresv_pt_ops.attr_change_is_safe).
 *
 * The CPU's BBM level changes that: on a CPU with BBML3 (7.3's name,
 * ID_AA64MMFR2_EL1.BBM >= 3 or a CPU on its list: the scenario's `cpu
 * bbml3`), the size of a live mapping may change without
 * break-before-make, no TLB conflict abort is raised and a lookup gives
 * one of the cached translations, never an amalgam of them (7.3's
 * arch/arm64/mm/contpte.c). So there a live block may become a table
 * whose entries, at the moment the table entry is written, are all valid
 * leaves one level down that map the block's output range in order, with
 * attributes the block's could change to in place (pgattr_change_is_safe()
 * of the block's attributes and each leaf's, with the table's PXN/UXN
 * folded in); and a live entry's contiguous bit may be cleared, the other
 * attribute changes as pgattr_change_is_safe() says. Everything else
 * (a table turned back into a block, the contiguous bit set on a live
 * entry) stays a violation on every CPU.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "pgsim.h"

#ifdef KRESV_ASAN
#include <sanitizer/asan_interface.h>
#endif

struct kresv_pt_ops kresv_pt_ops;
struct kresv_pgsim_stats kresv_pgsim_stats;
bool kresv_cpu_lpa2, kresv_cpu_bbml3, kresv_debug_pagealloc;
bool kresv_after_boot;
unsigned long long kresv_vabits_actual;
long long kresv_memstart_addr;
unsigned long long kresv_ksym[KRESV_KSYM_NR];
bool arm64_use_ng_mappings;
unsigned long prot_ns_shared;
char *__kfence_pool;

/* page frame -> host page: open addressing, grown at half load */
struct slot {
	unsigned long long pfn;	/* pfn + 1; 0 is empty */
	void *page;	/* an arena page, or one registered */
};

static struct slot *tab;
static unsigned long cap, used;
/*
 * The first table size, kept and cleared by a reset; a grown one goes.
 * One host page: a block-mapped boot needs a few dozen slots, and each
 * page of the table is a page fault in a replay's short process.
 */
#define TAB_MIN 256

static unsigned long page_size(void)
{
	return 1UL << (kresv_pt_ops.page_shift ? kresv_pt_ops.page_shift : 12);
}

static void __attribute__((noreturn)) out_of_memory(void)
{
	fprintf(stderr, "kresv: out of memory for the simulated page tables\n");
	exit(2);
}

static unsigned long hash(unsigned long long pfn)
{
	return (unsigned long)((pfn * 0x9e3779b97f4a7c15ULL) >> 17);
}

static struct slot *lookup(unsigned long long pfn, bool insert)
{
	unsigned long i;

	if (insert && 2 * (used + 1) > cap) {
		struct slot *old = tab;
		unsigned long ocap = cap, j;

		cap = cap ? 2 * cap : TAB_MIN;
		tab = calloc(cap, sizeof(*tab));
		if (!tab)
			out_of_memory();
		for (j = 0; j < ocap; j++)
			if (old[j].pfn) {
				i = hash(old[j].pfn - 1) & (cap - 1);
				while (tab[i].pfn)
					i = (i + 1) & (cap - 1);
				tab[i] = old[j];
			}
		free(old);
	}
	if (!cap)
		return NULL;
	for (i = hash(pfn) & (cap - 1); tab[i].pfn; i = (i + 1) & (cap - 1))
		if (tab[i].pfn == pfn + 1)
			return &tab[i];
	if (!insert)
		return NULL;
	tab[i].pfn = pfn + 1;
	used++;
	return &tab[i];
}

/*
 * The host pages come from arenas, anonymous mappings (zero-filled,
 * faulted in as the pages are first touched) carved page by page, instead
 * of one aligned_alloc() per simulated page. Under ASan every page is
 * followed by a poisoned guard page (and an arena starts with one), so an
 * access that runs off a table page is still reported, as the allocator's
 * redzones reported it; the guards are never touched, so they cost address
 * space and shadow, not memory (no transparent huge pages there, which
 * would back them). Without guards, the arenas after the first ask for
 * transparent huge pages: a page-granular map of a large machine writes
 * hundreds of MiB of tables, and one fault per 4 KiB page cost more than
 * the tree's code (the first arena stays small pages: a huge page zeroed
 * on first touch cost a small boot a millisecond).
 */
#ifdef KRESV_ASAN
#define GUARD_PAGES 1
#else
#define GUARD_PAGES 0
#endif
#define ARENA_MIN	(2UL << 20)
#define ARENA_MAX	(64UL << 20)

struct arena {
	char *base, *first;	/* the mapping, its first page */
	char *used_end;		/* how far it was handed out, once left */
	size_t size;
	unsigned long ps;	/* the page size it is laid out in */
};

static struct arena *arenas;
static unsigned long narenas, arenas_cap, cur;	/* cur: handing out */
static char *arena_next, *arena_end;
static size_t arena_size;

static void poison(void *p, size_t n, bool on)
{
#ifdef KRESV_ASAN
	if (on)
		ASAN_POISON_MEMORY_REGION(p, n);
	else
		ASAN_UNPOISON_MEMORY_REGION(p, n);
#else
	(void)p;
	(void)n;
	(void)on;
#endif
}

/* the next arena: one a reset kept, else a new one with room for at least
 * a guard, a page and a guard */
static void arena_grow(unsigned long ps)
{
	size_t size = arena_size ? arena_size : ARENA_MIN;
	char *base;

	if (narenas)
		arenas[cur].used_end = arena_next;
	if (narenas && cur + 1 < narenas) {
		cur++;
		arena_next = arenas[cur].first;
		arena_end = arenas[cur].base + arenas[cur].size;
		return;
	}
	while (size < (2 + 2 * GUARD_PAGES) * (size_t)ps)	/* and alignment */
		size *= 2;
	if (narenas == arenas_cap) {
		struct arena *a;

		arenas_cap = arenas_cap ? 2 * arenas_cap : 64;
		a = realloc(arenas, arenas_cap * sizeof(*a));
		if (!a)
			out_of_memory();
		arenas = a;
	}
	base = mmap(NULL, size, PROT_READ | PROT_WRITE,
		    MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (base == MAP_FAILED)
		out_of_memory();
#if GUARD_PAGES && defined(MADV_NOHUGEPAGE)
	madvise(base, size, MADV_NOHUGEPAGE);
#elif !GUARD_PAGES && defined(MADV_HUGEPAGE)
	if (size > ARENA_MIN)	/* not the first: a small boot's 2 MiB */
		madvise(base, size, MADV_HUGEPAGE);
#endif
	arenas[narenas].base = base;
	arenas[narenas].size = size;
	cur = narenas++;
	arena_next = (char *)(((uintptr_t)base + ps - 1) & ~(uintptr_t)(ps - 1));
	arena_end = base + size;
	if (GUARD_PAGES) {	/* the guard before the first page */
		poison(arena_next, ps, true);
		arena_next += ps;
	}
	arenas[narenas - 1].first = arena_next;
	arenas[narenas - 1].ps = ps;
	if (size < ARENA_MAX)
		arena_size = 2 * size;
}

/* one zero-filled, page-aligned host page */
static void *page_alloc(unsigned long ps)
{
	uintptr_t next = ((uintptr_t)arena_next + ps - 1) & ~(uintptr_t)(ps - 1);
	char *p;

	if (!arena_next || next > (uintptr_t)arena_end ||
	    (uintptr_t)arena_end - next < (1 + GUARD_PAGES) * (uintptr_t)ps)
		arena_grow(ps);
	else
		arena_next = (char *)next;
	p = arena_next;
	arena_next += ps;
	if (GUARD_PAGES) {	/* the guard after it */
		poison(arena_next, ps, true);
		arena_next += ps;
	}
	return p;
}

/*
 * A reset (every boot of a replay or fuzz target) keeps the arenas and
 * their layout, guards poisoned where they are, and zeroes the pages they
 * handed out, one by one past the guards: giving them back to the host
 * instead (munmap(), MADV_DONTNEED) made every boot fault them in again,
 * which cost a boot more than the tree's code. Arenas of another page
 * size go, their guards unpoisoned first (the shadow outlives the
 * mapping).
 */
static void arenas_reset(void)
{
	unsigned long i;
	struct arena *a;
	char *end, *p;

	if (narenas && arenas[0].ps != page_size()) {
		for (i = 0; i < narenas; i++) {
			poison(arenas[i].base, arenas[i].size, false);
			munmap(arenas[i].base, arenas[i].size);
		}
		narenas = cur = 0;
		arena_next = arena_end = NULL;
		arena_size = 0;
		return;
	}
	if (!narenas)
		return;
	arenas[cur].used_end = arena_next;
	for (i = 0; i <= cur; i++) {
		a = &arenas[i];
		end = a->used_end;
		for (p = a->first; p < end; p += (1 + GUARD_PAGES) * a->ps)
			memset(p, 0, a->ps);
		a->used_end = a->first;
	}
	cur = 0;
	arena_next = arenas[0].first;
	arena_end = arenas[0].base + arenas[0].size;
}

/* the last page mapped: the fixmap maps the same table again and again */
static unsigned long long last_pfn = ~0ULL;
static unsigned long last_ps;
static char *last_page;

/* a host page per touched physical page; reverse map by a sorted scan */
void *kresv_pgsim_map(unsigned long long pa)
{
	unsigned long ps = page_size();
	unsigned long long pfn = pa / ps;
	struct slot *s;

	if (pfn == last_pfn && ps == last_ps)
		return last_page + pa % ps;
	s = lookup(pfn, true);
	if (!s->page)
		s->page = page_alloc(ps);
	last_pfn = pfn;
	last_ps = ps;
	last_page = s->page;
	return (char *)s->page + pa % ps;
}

bool kresv_pgsim_present(unsigned long long pa)
{
	struct slot *s = lookup(pa / page_size(), false);

	return s && s->page;
}

void kresv_pgsim_register(unsigned long long pa, void *host_page)
{
	struct slot *s = lookup(pa / page_size(), true);

	/* an arena page given up stays mapped until the reset */
	s->page = host_page;
	last_pfn = ~0ULL;
}

unsigned long long kresv_pgsim_pa(const void *p)
{
	unsigned long ps = page_size();
	uintptr_t page = (uintptr_t)p & ~(uintptr_t)(ps - 1);
	unsigned long i;

	for (i = 0; i < cap; i++)
		if (tab[i].pfn && (uintptr_t)tab[i].page == page)
			return (tab[i].pfn - 1) * ps + ((uintptr_t)p - page);
	kresv_mmu_panic("kresv", 0, "__pa() of %p, which is no page-table page", p);
}

void kresv_pgsim_reset(void)
{
	if (cap > TAB_MIN) {
		free(tab);
		tab = NULL;
		cap = 0;
	} else if (tab) {
		memset(tab, 0, cap * sizeof(*tab));
	}
	arenas_reset();
	last_pfn = ~0ULL;
	kresv_pgsim_nbroken = 0;
	kresv_pgsim_site_file = NULL;
	used = 0;
	memset(&kresv_pgsim_stats, 0, sizeof(kresv_pgsim_stats));
}

unsigned long kresv_pgsim_pages(void)
{
	return used;
}

/* entries made invalid since the last TLB invalidation */
#define BROKEN_MAX 64
static const void *broken[BROKEN_MAX];
int kresv_pgsim_nbroken;

static bool was_broken(const void *entry)
{
	int i;

	for (i = 0; i < kresv_pgsim_nbroken; i++)
		if (broken[i] == entry)
			return true;
	return false;
}

const char *kresv_pgsim_site_file;
static int site_line;

void kresv_pgsim_site(const char *file, int line)
{
	kresv_pgsim_site_file = file;
	site_line = line;
}

/* an entry's kind; one object per kind, so kinds compare as pointers */
static const char k_invalid[] = "invalid", k_page[] = "page",
	k_table[] = "table", k_block[] = "block";

static const char *kind(int level, unsigned long long d)
{
	const struct kresv_pt_ops *o = &kresv_pt_ops;

	if (!(d & o->valid))
		return k_invalid;
	if (level == 3)
		return k_page;
	return (d & o->type_mask) == o->type_table ? k_table : k_block;
}

static const char *level_name(int level)
{
	static const char *const n[] = { "pgd", "p4d", "pud", "pmd", "pte" };

	if (level == KRESV_PT_ROOT)
		return "root";
	return level >= -1 && level <= 3 ? n[level + 1] : "?";
}

/*
 * A live block at level turned into the table new on a BBML3 CPU: NULL
 * when the table, as it is now, maps the block's range with its
 * attributes (see the top), else what is wrong, in why
 */
static const char *split_problem(int level, unsigned long long old,
				 unsigned long long new, char *why,
				 size_t len)
{
	const struct kresv_pt_ops *o = &kresv_pt_ops;
	const int child = level + 1, ps = o->page_shift ? o->page_shift : 12;
	const unsigned long long size =
		1ULL << (ps + (3 - child) * (ps - 3));
	const unsigned long long table = o->to_phys(new), pa = o->to_phys(old);
	const unsigned long n = page_size() / sizeof(unsigned long long);
	const char *want = child == 3 ? k_page : k_block;
	const unsigned long long *e;
	unsigned long i;

	if (new & o->table_ap) {
		snprintf(why, len, "the table entry's AP bits restrict the block's access");
		return why;
	}
	if (!kresv_pgsim_present(table)) {
		snprintf(why, len, "the table at 0x%llx is empty", table);
		return why;
	}
	e = kresv_pgsim_map(table);
	for (i = 0; i < n; i++) {
		unsigned long long c = e[i], want_pa = pa + i * size;

		if (kind(child, c) != want) {
			snprintf(why, len, "its entry %lu is not a valid %s but %s (0x%016llx)",
				 i, want, kind(child, c), c);
			return why;
		}
		if (o->to_phys(c) != want_pa) {
			snprintf(why, len, "its entry %lu maps 0x%llx, not 0x%llx",
				 i, o->to_phys(c), want_pa);
			return why;
		}
		if (new & o->table_pxn)
			c |= o->pxn;
		if (new & o->table_uxn)
			c |= o->uxn;
		if (!o->attr_change_is_safe(o->attrs(old), o->attrs(c))) {
			snprintf(why, len, "its entry %lu has attributes 0x%016llx where the block had 0x%016llx, a change pgattr_change_is_safe() refuses",
				 i, o->attrs(c), o->attrs(old));
			return why;
		}
	}
	return NULL;
}

/*
 * A write that may raise the break-before-make question: the old entry is
 * valid, or entries were made invalid since the last TLB invalidation
 * (kresv_pgsim_store() in pgsim.h stores the others).
 */
void kresv_pgsim_write_checked(int level, void *entry, unsigned long long old,
			       unsigned long long new, const char *file,
			       int line)
{
	const struct kresv_pt_ops *o = &kresv_pt_ops;
	const char *sfile = kresv_pgsim_site_file;
	int sline = site_line;
	char where[160];

	if (level == KRESV_PT_ROOT)
		level = o->root_level;
	/* the line of mmu.c that called, else the WRITE_ONCE()'s own;
	 * formatted only for a finding (most checked writes are fine) */
#define WHERE() (snprintf(where, sizeof(where), "%s:%d", sfile ? sfile : file, \
			  sfile ? sline : line), where)
	kresv_pgsim_site_file = NULL;

	if ((old & o->valid) && !(new & o->valid)) {
		if (kresv_pgsim_nbroken < BROKEN_MAX)
			broken[kresv_pgsim_nbroken++] = entry;
	} else if ((old & o->valid) && (new & o->valid) && old != new) {
		const char *ko = kind(level, old), *kn = kind(level, new);
		unsigned long long pa_old = o->to_phys(old);
		unsigned long long pa_new = o->to_phys(new);

		char why[200];

		if (ko == k_block && kn == k_table && kresv_cpu_bbml3) {
			if (split_problem(level, old, new, why, sizeof(why))) {
				kresv_pgsim_stats.bbm_violations++;
				kresv_pgsim_report("PGTABLE_BBM_VIOLATION", WHERE(),
					"live %s block turned into a table that does not map it as it was (BBML3 allows a block size change only so): %s (0x%016llx -> 0x%016llx)",
					level_name(level), why, old, new);
			}
		} else if (ko != kn) {
			kresv_pgsim_stats.bbm_violations++;
			kresv_pgsim_report("PGTABLE_BBM_VIOLATION", WHERE(),
				"live %s entry turned from %s into %s without break-before-make (0x%016llx -> 0x%016llx)%s",
				level_name(level), ko, kn, old, new,
				ko == k_block && kn == k_table ?
				": the CPU has no BBML3, which a block size change without it needs" : "");
		} else if (pa_old != pa_new) {
			kresv_pgsim_stats.bbm_violations++;
			kresv_pgsim_report("PGTABLE_BBM_VIOLATION", WHERE(),
				"live %s %s entry's output address changed 0x%llx -> 0x%llx without break-before-make",
				level_name(level), ko, pa_old, pa_new);
		} else if (ko != k_table && (old & o->cont) &&
			   !(new & o->cont)) {
			if (!kresv_cpu_bbml3) {
				kresv_pgsim_stats.bbm_violations++;
				kresv_pgsim_report("PGTABLE_BBM_VIOLATION", WHERE(),
					"live %s %s entry's contiguous bit cleared without break-before-make (0x%016llx -> 0x%016llx): the CPU has no BBML3, which a block size change without it needs",
					level_name(level), ko, old, new);
			} else if (!o->attr_change_is_safe(old & ~o->cont, new)) {
				kresv_pgsim_stats.bbm_violations++;
				kresv_pgsim_report("PGTABLE_BBM_VIOLATION", WHERE(),
					"live %s %s entry's contiguous bit cleared with other attributes changed 0x%016llx -> 0x%016llx, which pgattr_change_is_safe() refuses",
					level_name(level), ko, old, new);
			}
		} else if (ko != k_table &&
			   !o->attr_change_is_safe(old, new)) {
			kresv_pgsim_stats.bbm_violations++;
			kresv_pgsim_report("PGTABLE_BBM_VIOLATION", WHERE(),
				"live %s %s entry's attributes changed 0x%016llx -> 0x%016llx, which pgattr_change_is_safe() refuses",
				level_name(level), ko, old, new);
		}
	} else if (!(old & o->valid) && (new & o->valid) &&
		   kresv_pgsim_nbroken && was_broken(entry) &&
		   o->to_phys(old) != o->to_phys(new)) {
		kresv_pgsim_stats.bbm_violations++;
		kresv_pgsim_report("PGTABLE_BBM_VIOLATION", WHERE(),
			"%s entry made invalid and given a new output address 0x%llx without a TLB invalidation in between",
			level_name(level), o->to_phys(new));
	}
	memcpy(entry, &new, sizeof(new));
#undef WHERE
}

void kresv_pgsim_write(int level, void *entry, const void *val,
		       unsigned int size, const char *file, int line)
{
	(void)size;
	kresv_pgsim_store(level, entry, *(const unsigned long long *)val, file,
			  line);
}

void kresv_pgsim_fixmap_clear(int idx)
{
	(void)idx;
	kresv_pgsim_stats.fixmap_clears++;
}

void kresv_pgsim_barrier(const char *what)
{
	(void)what;
	kresv_pgsim_stats.barriers++;
}

void kresv_pgsim_tlbi(unsigned long long start, unsigned long long end)
{
	(void)start;
	(void)end;
	kresv_pgsim_stats.tlbi++;
	kresv_pgsim_nbroken = 0;
}

void kresv_bug(const char *file, int line, const char *cond)
	__attribute__((noreturn));

void kresv_mmu_panic(const char *file, int line, const char *fmt, ...)
{
	char msg[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	msg[strcspn(msg, "\n")] = '\0';
	kresv_bug(file, line, msg);
}
