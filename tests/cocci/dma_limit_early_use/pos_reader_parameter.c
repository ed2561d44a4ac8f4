// SPDX-License-Identifier: GPL-2.0
/*
 * platform_crash_reserve() lives outside the scanned files; only with
 * -D dma_readers=platform_crash_reserve does the rule know it reads the
 * limit.
 */
static void __init zone_sizes_init(void)
{
	arm64_dma_phys_limit = max_zone_phys(32);
}

void __init arm64_memblock_init(void)
{
	platform_crash_reserve(boot_command_line);
}

void __init bootmem_init(void)
{
	zone_sizes_init();
}

void __init setup_arch(char **cmdline_p)
{
	arm64_memblock_init();
	bootmem_init();
}
