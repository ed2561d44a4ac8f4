// SPDX-License-Identifier: GPL-2.0
/*
 * The setter has a new name; it is found because it assigns
 * arm64_dma_phys_limit. The read after it is fine, the one before is not.
 */
static void __init arm64_dma_limits_setup(void)
{
	zone_dma_limit = of_dma_get_max_cpu_address(NULL);
	arm64_dma_phys_limit = max_zone_phys(zone_dma_limit);
}

void __init arm64_memblock_init(void)
{
	/* reserve low memory for the crash kernel below the DMA limit */
	memblock_phys_alloc_range(SZ_64M, SZ_2M, 0, arm64_dma_phys_limit);
}

void __init bootmem_init(void)
{
	arm64_dma_limits_setup();
	dma_contiguous_reserve(arm64_dma_phys_limit);
}

void __init setup_arch(char **cmdline_p)
{
	arm64_memblock_init();
	bootmem_init();
}
