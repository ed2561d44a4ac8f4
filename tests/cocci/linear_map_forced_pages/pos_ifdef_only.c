// SPDX-License-Identifier: GPL-2.0
/* Forcing guarded by the preprocessor alone: no C condition at all. */
static void __init map_mem(pgd_t *pgdp)
{
	phys_addr_t start, end;
	int flags = 0;
	u64 i;

#if defined(CONFIG_KEXEC_CORE) && defined(CONFIG_ZONE_DMA32)
	flags |= NO_BLOCK_MAPPINGS;
#endif

	for_each_mem_range(i, &start, &end)
		__map_memblock(pgdp, start, end, PAGE_KERNEL, flags);
}
