// SPDX-License-Identifier: GPL-2.0
/* The flags go straight into the mapping calls, no flags variable. */
static void __init map_mem(pgd_t *pgdp)
{
	phys_addr_t start, end;
	u64 i;

	for_each_mem_range(i, &start, &end) {
		if (crash_mem_map)
			__map_memblock(pgdp, start, end, PAGE_KERNEL,
				       NO_BLOCK_MAPPINGS | NO_CONT_MAPPINGS);
		else
			__map_memblock(pgdp, start, end, PAGE_KERNEL, 0);
	}
}

static void __init map_mem_direct(pgd_t *pgdp, phys_addr_t start,
				  phys_addr_t end)
{
	__create_pgd_mapping(pgdp, start, __phys_to_virt(start), end - start,
			     PAGE_KERNEL, early_pgtable_alloc,
			     IS_ENABLED(CONFIG_CRASH_DUMP) ? NO_BLOCK_MAPPINGS : 0);
}
