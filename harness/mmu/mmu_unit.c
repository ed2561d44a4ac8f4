// SPDX-License-Identifier: GPL-2.0
/*
 * The tree's arch/arm64/mm/mmu.c slice (the "mmu" unit), included whole so
 * that the harness can call its static functions: map_mem() as
 * paging_init() calls it, and the handlers of the early parameters the
 * file registers (crashkernel= in 6.1, kfence.sample_interval=), named as
 * its early_param() lines name them (checked in Makefile.inc). Also what
 * the simulated machine needs from the kernel's side: the decoding of a
 * descriptor's output address and the tree's pgattr_change_is_safe().
 */
/* the tree's paging_init(), called by the harness's (boot_run.c) */
#define paging_init tree_paging_init
#include KRESV_UNIT
#undef paging_init
#include "mmu_unit.h"
#include "pi_window.h"

/*
 * Who maps the kernel image: 6.1's paging_init() (map_kernel() in mmu.c),
 * or, from 6.12 on, the code of arch/arm64/kernel/pi/ before the kernel
 * runs (its map_kernel() and map_range(), harness/mmu/pi_unit.c)
 */
#if defined(KRESV_HAVE_map_range)
#define IMAGE_BY_PI 1
#elif defined(KRESV_HAVE_map_kernel)
#define IMAGE_BY_PAGING_INIT 1
#endif

/* how far the tree's own mapping of the image got in this boot */
static enum kresv_image_state image_state;

/*
 * 6.1's map_kernel() registers each segment of the image as a vmalloc
 * area: recorded, with the page-table pages the tree has taken from
 * memblock by then (the last call ends map_kernel()'s mapping).
 */
static long image_pgtable_pages;

void vm_area_add_early(struct vm_struct *vm)
{
	image_pgtable_pages = kresv_mmu_pgtable_pages;
	if ((unsigned long)vm->addr + vm->size >= (unsigned long)_end)
		image_state = KRESV_IMAGE_MAPPED;
	kresv_record("vm_area_add_early(0x%lx, size 0x%lx, phys 0x%llx)",
		     (unsigned long)vm->addr, vm->size,
		     (unsigned long long)vm->phys_addr);
}

/*
 * paging_init()'s callees outside kresv's scope (mmu_STUBS of the
 * manifests), recorded: 6.1's idmap, whose early_pgtable_alloc() pages
 * are measured (boot_model.c); 6.12 and 7.3 map the image before
 * setup_arch() and keep the idmap's tables in the image;
 * declare_kernel_vmas() registers the image's vmalloc areas.
 */
void kresv_model_idmap(long image_pages);
#ifdef KRESV_STUB_create_idmap
void create_idmap(void)
{
	kresv_record("create_idmap() (outside scope)");
	kresv_model_idmap(image_pgtable_pages);
}
#endif
#ifdef KRESV_STUB_declare_kernel_vmas
void declare_kernel_vmas(void)
{
	kresv_record("declare_kernel_vmas() (outside scope)");
}
#endif

/* the image's initial page tables, which only paging_init() names */
pgd_t init_idmap_pg_dir[PTRS_PER_PGD];

/*
 * the kernel image's swapper_pg_dir: a whole page, as vmlinux.lds.S
 * reserves it, whatever PTRS_PER_PGD says (64 entries with 64K pages and
 * three levels; a folded root uses the page as the next level)
 */
static union {
	pgd_t pgd[PTRS_PER_PGD];
	char page[PAGE_SIZE];
} swapper_page __attribute__((aligned(PAGE_SIZE), used));
extern pgd_t swapper_pg_dir[PTRS_PER_PGD]
	__attribute__((alias("swapper_page")));

/* the kernel's mm: pgd_offset_k() of the tree's linux/pgtable.h reads it */
struct mm_struct init_mm = { .pgd = swapper_pg_dir };

/* pgtable.h's set_pXd() on the root table (in_swapper_pgdir()) */
void set_swapper_pgd(pgd_t *pgdp, pgd_t pgd)
{
	kresv_pgsim_write(KRESV_PT_ROOT, pgdp, &pgd, sizeof(pgd),
			  "arch/arm64/mm/mmu.c", 0);
}

const struct kresv_early_param kresv_mmu_params[] = {
#ifdef KRESV_HAVE_enable_crash_mem_map
	{ "crashkernel", enable_crash_mem_map,
	  "enable_crash_mem_map() (arch/arm64/mm/mmu.c)" },
#endif
#ifdef KRESV_HAVE_parse_kfence_early_init
	{ "kfence.sample_interval", parse_kfence_early_init,
	  "parse_kfence_early_init() (arch/arm64/mm/mmu.c)" },
#endif
	{ NULL, NULL, NULL },
};

static unsigned long long to_phys(unsigned long long desc)
{
	return __pte_to_phys(__pte(desc));
}

/*
 * A descriptor's attributes without its output address, type and
 * contiguous bits, as a valid page descriptor of output address 0: what
 * the BBM check hands pgattr_change_is_safe() when a block becomes a table
 * of smaller leaves (pgsim.c)
 */
static unsigned long long attrs(unsigned long long desc)
{
	unsigned long long oa = __phys_to_pte_val(to_phys(desc));

	return ((desc ^ oa) & ~(unsigned long long)(PTE_TYPE_MASK | PTE_CONT)) |
	       PTE_TYPE_PAGE;
}

static bool attr_change_is_safe(unsigned long long old, unsigned long long new)
{
	return pgattr_change_is_safe(old, new);
}

static bool l5_enabled(void)
{
#if CONFIG_PGTABLE_LEVELS > 4
	return pgtable_l5_enabled();
#else
	return false;
#endif
}

/*
 * What the early parameters and map_mem() change in the units, back to
 * the initialisers, so that one process can boot many times (fuzzing).
 */
static void state_reset(void)
{
	static bool saved;
	static struct {
		bool rodata_full, crash_mem_map, kfence_early_init;
	} initial;

	if (!saved) {
		initial.rodata_full = rodata_full;
#ifdef KRESV_HAVE_enable_crash_mem_map
		initial.crash_mem_map = crash_mem_map;
#endif
#ifdef KRESV_HAVE_parse_kfence_early_init
		initial.kfence_early_init = kfence_early_init;
#endif
		saved = true;
	}
	rodata_full = initial.rodata_full;
#ifdef KRESV_HAVE_enable_crash_mem_map
	crash_mem_map = initial.crash_mem_map;
#endif
#ifdef KRESV_HAVE_parse_kfence_early_init
	kfence_early_init = initial.kfence_early_init;
#endif
	__kfence_pool = NULL;
	kresv_rodata_state_reset();
}

void kresv_mmu_setup(unsigned long long swapper_pa)
{
	state_reset();
	image_state = KRESV_IMAGE_NOT_MAPPED;
	image_pgtable_pages = 0;
	kresv_mmu_pgtable_pages = 0;
	memset(&swapper_page, 0, sizeof(swapper_page));
	/* the page size first: the machine keys its pages by frame number */
	kresv_pt_ops.page_shift = PAGE_SHIFT;
	kresv_pgsim_register(swapper_pa, swapper_pg_dir);
	kresv_pt_ops.to_phys = to_phys;
	kresv_pt_ops.attr_change_is_safe = attr_change_is_safe;
	kresv_pt_ops.valid = PTE_VALID;
	kresv_pt_ops.type_mask = PMD_TYPE_MASK;
	kresv_pt_ops.type_table = PMD_TYPE_TABLE;
	kresv_pt_ops.type_sect = PMD_TYPE_SECT;
	kresv_pt_ops.cont = PTE_CONT;
	kresv_pt_ops.root_level = l5_enabled() ? -1 :
				  CONFIG_PGTABLE_LEVELS >= 4 ? 0 :
				  4 - CONFIG_PGTABLE_LEVELS;
	kresv_pt_ops.table_pxn = PMD_TABLE_PXN;
	kresv_pt_ops.table_uxn = PMD_TABLE_UXN;
#ifdef S1_TABLE_AP
	kresv_pt_ops.table_ap = S1_TABLE_AP;
#endif
	kresv_pt_ops.pxn = PTE_PXN;
	kresv_pt_ops.uxn = PTE_UXN;
	kresv_pt_ops.page_type = PTE_TYPE_PAGE;
	kresv_pt_ops.attrs = attrs;
	kresv_after_boot = false;
}

void kresv_mmu_geometry(struct kresv_mmu_geometry *g)
{
	g->page_shift = PAGE_SHIFT;
	/*
	 * The root: level -1 with five levels, 0 with four (also a five-level
	 * build folded at run time), 1 with three (64K pages, 48-bit VA); its
	 * entries are PTRS_PER_PGD unless folded, then a page of them.
	 */
	g->root_level = l5_enabled() ? -1 : CONFIG_PGTABLE_LEVELS >= 4 ? 0 :
			4 - CONFIG_PGTABLE_LEVELS;
	g->root_entries = l5_enabled() || CONFIG_PGTABLE_LEVELS <= 4 ?
			  PTRS_PER_PGD : (int)(PAGE_SIZE / sizeof(pgd_t));
	g->cont_ptes = CONT_PTES;
	g->cont_pmds = CONT_PMDS;
	g->pmd_shift = PMD_SHIFT;
	g->pud_shift = PUD_SHIFT;
	g->page_offset = _PAGE_OFFSET(vabits_actual);
	g->page_end = _PAGE_END(vabits_actual);
	g->kimage_vaddr = KIMAGE_VADDR;
	g->image_pa = kresv_ksym[KSYM_text];
	g->image_stext = kresv_ksym[KSYM_stext];
	g->image_end = kresv_ksym[KSYM_end];
	g->phys_to_virt_delta = __phys_to_virt(PHYS_OFFSET) - PHYS_OFFSET;
	g->pxn = PTE_PXN;
	g->uxn = PTE_UXN;
	g->rdonly = PTE_RDONLY;
	g->attrindx_mask = PTE_ATTRINDX_MASK;
	g->attrindx_shift = 2;
	g->root = swapper_pg_dir;
	g->levels = l5_enabled() ? 5 : CONFIG_PGTABLE_LEVELS > 4 ? 4 :
		    CONFIG_PGTABLE_LEVELS;
}

/*
 * The tree's paging_init(); 6.1's maps the image first (map_kernel()),
 * which may panic part way. From 6.12 on the image was mapped before the
 * kernel ran (by the time of setup_arch() the early parameters, which the
 * pi code reads from the command line itself, are parsed: rodata=off)
 */
void kresv_mmu_paging_init(void)
{
	kresv_mmu_map_kernel_early();
#ifdef IMAGE_BY_PAGING_INIT
	image_state = KRESV_IMAGE_STARTED;
#endif
	tree_paging_init();
}

/* the pi code's mapping of the image, where the tree has it */
void kresv_mmu_map_kernel_early(void)
{
#ifdef IMAGE_BY_PI
	kresv_pi_map_kernel();
	image_state = KRESV_IMAGE_MAPPED;
#endif
}

/* the image's mapping as a boot makes it, before map_mem() */
void kresv_mmu_map_kernel(void)
{
	kresv_mmu_map_kernel_early();
#ifdef IMAGE_BY_PAGING_INIT
	image_state = KRESV_IMAGE_STARTED;
	map_kernel(swapper_pg_dir);
#endif
}

enum kresv_image_state kresv_mmu_image_state(void)
{
	return image_state;
}

/* paging_init(): map_mem(pgd_set_fixmap(__pa_symbol(swapper_pg_dir))) */
void kresv_mmu_map_mem(void)
{
#if KRESV_NARGS_map_mem == 1
	map_mem(swapper_pg_dir);
#else
	map_mem();
#endif
}

bool kresv_mmu_has_split(void)
{
#ifdef KRESV_HAVE_split_kernel_leaf_mapping
	return true;
#else
	return false;
#endif
}

/*
 * The tree's split_kernel_leaf_mapping() over the linear-map addresses of
 * the physical range [pa, pa_end), converted as the kernel converts them
 * (__phys_to_virt()); what it returns (0, -EINVAL, -ENOMEM, ...). The
 * boot is over: kresv_after_boot.
 */
int kresv_mmu_split(unsigned long long pa, unsigned long long pa_end,
		    unsigned long long *va, unsigned long long *va_end)
{
	*va = __phys_to_virt(pa);
	*va_end = __phys_to_virt(pa_end);
#ifdef KRESV_HAVE_split_kernel_leaf_mapping
	return split_kernel_leaf_mapping(*va, *va_end);
#else
	return -ENOSYS;
#endif
}

/* what decided the granularity, read after map_mem() */
void kresv_mmu_decisions(struct kresv_mmu_decisions *d)
{
	memset(d, 0, sizeof(*d));	/* what the tree has not, false */
	d->can_set_direct_map = can_set_direct_map();
	d->rodata_full = rodata_full;
#ifdef KRESV_HAVE_force_pte_mapping
	d->has_force_pte_mapping = true;
	d->force_pte_mapping = force_pte_mapping();
#endif
#ifdef KRESV_HAVE_enable_crash_mem_map
	d->has_crash_mem_map = true;
	d->crash_mem_map = crash_mem_map;
#endif
#ifdef KRESV_HAVE_defer_reserve_crashkernel
	d->defer_reserve_crashkernel = defer_reserve_crashkernel();
#endif
#ifdef CONFIG_KFENCE
	d->kfence_early_init = kfence_early_init;
	d->kfence_pool = __kfence_pool ? (unsigned long long)
		((unsigned long)__kfence_pool -
		 (__phys_to_virt(PHYS_OFFSET) - PHYS_OFFSET)) : 0;
	d->kfence_pool_size = KFENCE_POOL_SIZE;
#endif
	d->debug_pagealloc = debug_pagealloc_enabled();
}
