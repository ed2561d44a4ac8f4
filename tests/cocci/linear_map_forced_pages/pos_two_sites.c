// SPDX-License-Identifier: GPL-2.0
/*
 * Two crash sites in one function: a nested <... ...> pattern would only
 * bind the first; both are reported.
 */
static void __init map_mem(pgd_t *pgdp)
{
	phys_addr_t start, end;
	int flags = 0;
	u64 i;

	if (crash_mem_map)
		flags |= NO_BLOCK_MAPPINGS;

	if (arm64_dma_phys_limit < memblock_end_of_DRAM())
		flags |= NO_BLOCK_MAPPINGS | NO_CONT_MAPPINGS;

	for_each_mem_range(i, &start, &end)
		__map_memblock(pgdp, start, end, PAGE_KERNEL, flags);
}
