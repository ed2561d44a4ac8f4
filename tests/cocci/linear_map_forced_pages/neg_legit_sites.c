// SPDX-License-Identifier: GPL-2.0
/* Page forcing for reasons other than crashkernel: nothing is reported. */
void __init create_pgd_mapping(struct mm_struct *mm, phys_addr_t phys,
			       unsigned long virt, phys_addr_t size,
			       pgprot_t prot, bool page_mappings_only)
{
	int flags = 0;

	if (page_mappings_only)
		flags = NO_BLOCK_MAPPINGS | NO_CONT_MAPPINGS;

	__create_pgd_mapping(mm->pgd, phys, virt, size, prot,
			     pgd_pgtable_alloc, flags);
}

static void __init arm64_kfence_map_pool(phys_addr_t kfence_pool, pgd_t *pgdp)
{
	if (!kfence_pool)
		return;

	__map_memblock(pgdp, kfence_pool, kfence_pool + KFENCE_POOL_SIZE,
		       pgprot_tagged(PAGE_KERNEL),
		       NO_BLOCK_MAPPINGS | NO_CONT_MAPPINGS);
}

static void __init map_mem(pgd_t *pgdp)
{
	phys_addr_t start, end;
	int flags = NO_EXEC_MAPPINGS;
	u64 i;

	if (can_set_direct_map())
		flags |= NO_BLOCK_MAPPINGS | NO_CONT_MAPPINGS;

	if (rodata_full || debug_pagealloc_enabled() ||
	    IS_ENABLED(CONFIG_KFENCE))
		flags |= NO_BLOCK_MAPPINGS | NO_CONT_MAPPINGS;

	/* a crash condition that forces nothing */
	if (crash_mem_map && crashk_res.end)
		memblock_mark_nomap(crashk_res.start,
				    resource_size(&crashk_res));

	for_each_mem_range(i, &start, &end)
		__map_memblock(pgdp, start, end, PAGE_KERNEL, flags);
}

int arch_add_memory(int nid, u64 start, u64 size,
		    struct mhp_params *params)
{
	int flags = NO_EXEC_MAPPINGS;

	if (can_set_direct_map())
		flags |= NO_BLOCK_MAPPINGS | NO_CONT_MAPPINGS;

	__create_pgd_mapping(swapper_pg_dir, start, __phys_to_virt(start),
			     size, params->pgprot, __pgd_pgtable_alloc, flags);
	return 0;
}
