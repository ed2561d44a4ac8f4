// SPDX-License-Identifier: GPL-2.0
/*
 * The read hides two static helpers deep under paging_init(); a macro
 * stands for the limit.
 */
#define CRASH_ADDR_LOW_MAX	arm64_dma_phys_limit

static phys_addr_t __init crash_low_limit(void)
{
	return CRASH_ADDR_LOW_MAX;
}

static void __init reserve_crash_early(void)
{
	phys_addr_t base;

	base = memblock_phys_alloc_range(SZ_256M, SZ_2M, 0, crash_low_limit());
	if (base)
		crashk_res.start = base;
}

static void __init map_mem(pgd_t *pgdp)
{
	reserve_crash_early();
}

void __init paging_init(void)
{
	map_mem(swapper_pg_dir);
}

static void __init zone_sizes_init(void)
{
	arm64_dma_phys_limit = max_zone_phys(32);
}

void __init bootmem_init(void)
{
	zone_sizes_init();
	reserve_crash_early();	/* fine here, but already reached above */
}

void __init setup_arch(char **cmdline_p)
{
	paging_init();
	bootmem_init();
}
