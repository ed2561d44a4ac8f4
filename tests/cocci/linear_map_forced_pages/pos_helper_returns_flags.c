// SPDX-License-Identifier: GPL-2.0
/* The flags are computed in a helper and returned to map_mem(). */
static int __init linear_map_flags(void)
{
	if (can_set_direct_map())
		return NO_BLOCK_MAPPINGS | NO_CONT_MAPPINGS;
	if (crashk_res.end == 0 && IS_ENABLED(CONFIG_ZONE_DMA32))
		return NO_BLOCK_MAPPINGS | NO_CONT_MAPPINGS;
	return 0;
}

static void __init map_mem(pgd_t *pgdp)
{
	phys_addr_t start, end;
	int flags = linear_map_flags();
	u64 i;

	for_each_mem_range(i, &start, &end)
		__map_memblock(pgdp, start, end, PAGE_KERNEL, flags);
}
