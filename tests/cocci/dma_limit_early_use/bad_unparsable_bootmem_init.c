// SPDX-License-Identifier: GPL-2.0
/* bootmem_init() does not parse: the rule must say so, not drop it. */
static void __init zone_sizes_init(void)
{
	arm64_dma_phys_limit = max_zone_phys(32);
}

void __init bootmem_init(void)
{
	int x = (1 + ;
	zone_sizes_init();
}

void __init arm64_memblock_init(void)
{
	memblock_phys_alloc_range(SZ_64M, SZ_2M, 0, arm64_dma_phys_limit);
}

void __init setup_arch(char **cmdline_p)
{
	arm64_memblock_init();
	bootmem_init();
}
