// SPDX-License-Identifier: GPL-2.0
/*
 * 6.1: the early call only runs without ZONE_DMA/ZONE_DMA32, where the
 * limit has its static default. Not reported; listed with -D guarded.
 */
#if IS_ENABLED(CONFIG_ZONE_DMA) || IS_ENABLED(CONFIG_ZONE_DMA32)
phys_addr_t __ro_after_init arm64_dma_phys_limit;
#else
phys_addr_t __ro_after_init arm64_dma_phys_limit = PHYS_MASK + 1;
#endif

#define CRASH_ADDR_LOW_MAX		arm64_dma_phys_limit

static void __init reserve_crashkernel(void)
{
	unsigned long long crash_max = CRASH_ADDR_LOW_MAX;
	unsigned long long crash_base;

	crash_base = memblock_phys_alloc_range(SZ_256M, SZ_2M, 0, crash_max);
	if (crash_base >= CRASH_ADDR_LOW_MAX)
		pr_info("crashkernel above the DMA limit\n");
}

static void __init zone_sizes_init(void)
{
	zone_dma_bits = min3(32U, dt_zone_dma_bits, acpi_zone_dma_bits);
	arm64_dma_phys_limit = max_zone_phys(zone_dma_bits);
}

void __init arm64_memblock_init(void)
{
	early_init_fdt_scan_reserved_mem();

	if (!defer_reserve_crashkernel())
		reserve_crashkernel();

	if (!IS_ENABLED(CONFIG_ZONE_DMA) && !IS_ENABLED(CONFIG_ZONE_DMA32))
		pr_info("DMA limit %pa\n", &arm64_dma_phys_limit);
}

void __init bootmem_init(void)
{
	sparse_init();
	zone_sizes_init();
	dma_contiguous_reserve(arm64_dma_phys_limit);
	if (defer_reserve_crashkernel())
		reserve_crashkernel();
}

void __init setup_arch(char **cmdline_p)
{
	arm64_memblock_init();
	paging_init();
	bootmem_init();
}
