// SPDX-License-Identifier: GPL-2.0
/* A crash term OR-ed into the existing rodata/debug_pagealloc condition. */
static void __init map_mem(pgd_t *pgdp)
{
	phys_addr_t start, end;
	int flags = 0;
	u64 i;

	if (rodata_full || crash_mem_map || debug_pagealloc_enabled() ||
	    IS_ENABLED(CONFIG_KFENCE))
		flags |= NO_BLOCK_MAPPINGS | NO_CONT_MAPPINGS;

	for_each_mem_range(i, &start, &end)
		__map_memblock(pgdp, start, end, PAGE_KERNEL, flags);
}
