/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The simulated machine under the tree's map_mem(): a sparse physical
 * memory (host pages allocated on first touch, keyed by page frame) that
 * holds the page tables, and the one function every page-table write goes
 * through, which checks break-before-make. Plain C types only: this header
 * is seen by the kernel units (through harness/shim/include/asm/mmu_sim.h)
 * and by the harness.
 */
#ifndef KRESV_MMU_PGSIM_H
#define KRESV_MMU_PGSIM_H
#include <stdbool.h>

/* built with AddressSanitizer (gcc says so, clang answers __has_feature) */
#if defined(__SANITIZE_ADDRESS__)
#define KRESV_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define KRESV_ASAN 1
#endif
#endif

/* the root table, written through set_swapper_pgd() */
#define KRESV_PT_ROOT	9

/* what the kernel side tells the machine (harness/mmu/mmu_unit.c) */
struct kresv_pt_ops {
	unsigned long long (*to_phys)(unsigned long long desc);
	bool (*attr_change_is_safe)(unsigned long long old,
				    unsigned long long new_);
	unsigned long long valid, type_mask, type_table, type_sect, cont;
	int root_level;		/* -1 with five levels, else 0 */
	int page_shift;
	/* a table descriptor's hierarchical PXN, UXN and AP bits */
	unsigned long long table_pxn, table_uxn, table_ap;
	unsigned long long pxn, uxn, page_type;
	/* the attributes alone, as a page descriptor at output address 0 */
	unsigned long long (*attrs)(unsigned long long desc);
};
extern struct kresv_pt_ops kresv_pt_ops;

/* the CPU and the boot state the tree's code asks for */
extern bool kresv_cpu_lpa2, kresv_cpu_bbml3, kresv_debug_pagealloc;
/* the boot is over: capabilities finalised, the page allocator up */
extern bool kresv_after_boot;
extern unsigned long long kresv_vabits_actual;
extern long long kresv_memstart_addr;
/*
 * the kernel image's symbols' physical addresses (the units see them at
 * their addresses in the image's mapping, mmu_sim.h): _text, _stext,
 * __init_begin (= __inittext_begin), __init_end (= __initdata_end,
 * _data), __bss_stop, _end, init_pg_dir, init_pg_end, _etext
 * (= __start_rodata), __inittext_end (= __initdata_begin)
 */
enum { KSYM_text, KSYM_stext, KSYM_init_begin, KSYM_init_end,
	KSYM_bss_stop, KSYM_end, KSYM_init_pg_dir, KSYM_init_pg_end,
	KSYM_etext, KSYM_inittext_end, KRESV_KSYM_NR };
extern unsigned long long kresv_ksym[KRESV_KSYM_NR];

void *kresv_pgsim_map(unsigned long long pa);
bool kresv_pgsim_present(unsigned long long pa);
void kresv_pgsim_register(unsigned long long pa, void *host_page);
unsigned long long kresv_pgsim_pa(const void *p);
void kresv_pgsim_reset(void);
unsigned long kresv_pgsim_pages(void);

/* the kernel line about to write an entry (harness/mmu/hooks.h) */
void kresv_pgsim_site(const char *file, int line);
void kresv_pgsim_write(int level, void *entry, const void *val,
		       unsigned int size, const char *file, int line);
void kresv_pgsim_fixmap_clear(int idx);
void kresv_pgsim_barrier(const char *what);
void kresv_pgsim_tlbi(unsigned long long start, unsigned long long end);
void kresv_mmu_panic(const char *file, int line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4), noreturn));

/* what the machine saw */
struct kresv_pgsim_stats {
	unsigned long long writes, barriers, tlbi, fixmap_clears;
	unsigned long long bbm_violations;
};
extern struct kresv_pgsim_stats kresv_pgsim_stats;

/*
 * A write over an invalid entry, with no entry made invalid since the last
 * TLB invalidation, raises no break-before-make question: it is stored
 * here, inline in the tree's code (WRITE_ONCE() in mmu_sim.h; one per PTE
 * of a page-granular map). Every other write goes to
 * kresv_pgsim_write_checked(), which checks it. kresv_pgsim_write() is the
 * same for a value passed by address.
 */
extern int kresv_pgsim_nbroken;			/* entries made invalid */
extern const char *kresv_pgsim_site_file;	/* kresv_pgsim_site() */
void kresv_pgsim_write_checked(int level, void *entry, unsigned long long old,
			       unsigned long long new_, const char *file,
			       int line);

static inline __attribute__((always_inline)) void
kresv_pgsim_store(int level, void *entry, unsigned long long new_,
		  const char *file, int line)
{
	unsigned long long *e = (unsigned long long *)entry, old = *e;

	kresv_pgsim_stats.writes++;
	if (!(old & kresv_pt_ops.valid) && !kresv_pgsim_nbroken) {
		*e = new_;
		kresv_pgsim_site_file = (const char *)0;
		return;
	}
	kresv_pgsim_write_checked(level, entry, old, new_, file, line);
}

/* a break-before-make finding, handed to the harness (walk.c keeps them) */
void kresv_pgsim_report(const char *id, const char *where,
			const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
#endif
