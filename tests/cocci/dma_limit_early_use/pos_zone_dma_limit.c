// SPDX-License-Identifier: GPL-2.0
/*
 * zone_dma_limit read directly, and memblock_alloc_low() (which uses
 * ARCH_LOW_ADDRESS_LIMIT) called, before dma_limits_init().
 */
static void __init early_swiotlb_buffer(void)
{
	void *p;

	if (zone_dma_limit < DMA_BIT_MASK(32))
		p = memblock_alloc_low(SZ_1M, PAGE_SIZE);
}

static void __init dma_limits_init(void)
{
	zone_dma_limit = DMA_BIT_MASK(32);
	arm64_dma_phys_limit = max_zone_phys(zone_dma_limit);
}

void __init bootmem_init(void)
{
	early_swiotlb_buffer();
	dma_limits_init();
}

void __init setup_arch(char **cmdline_p)
{
	bootmem_init();
}
