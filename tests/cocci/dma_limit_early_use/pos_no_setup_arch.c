// SPDX-License-Identifier: GPL-2.0
/*
 * Only mm/init.c is scanned: setup_arch() is not seen, so the rule walks
 * arm64_memblock_init(), paging_init(), bootmem_init() in that order.
 */
static void __init reserve_crashkernel(void)
{
	unsigned long long crash_max = CRASH_ADDR_LOW_MAX;

	memblock_phys_alloc_range(SZ_128M, SZ_2M, 0, crash_max);
}

static void __init zone_sizes_init(void)
{
	arm64_dma_phys_limit = max_zone_phys(32);
}

void __init bootmem_init(void)
{
	zone_sizes_init();
}

void __init arm64_memblock_init(void)
{
	reserve_crashkernel();
}
