// SPDX-License-Identifier: GPL-2.0
/*
 * The setter only calls into code the rule does not see; without
 * -D dma_setter=platform_dma_init the later read cannot be proven safe.
 */
static void __init platform_dma_init(void)
{
	firmware_set_dma_limits();
}

void __init bootmem_init(void)
{
	platform_dma_init();
	dma_contiguous_reserve(arm64_dma_phys_limit);
}

void __init setup_arch(char **cmdline_p)
{
	bootmem_init();
}
