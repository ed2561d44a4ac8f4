// SPDX-License-Identifier: GPL-2.0
/* 6.12 order: the crash kernel is reserved after zone_sizes_init(). */
phys_addr_t __ro_after_init arm64_dma_phys_limit;

static void __init arch_reserve_crashkernel(void)
{
	unsigned long long crash_base, crash_size, low_size = 0;
	bool high = false;

	if (parse_crashkernel(boot_command_line, memblock_phys_mem_size(),
			      &crash_size, &crash_base, &low_size, &high))
		return;
	reserve_crashkernel_generic(boot_command_line, crash_size, crash_base,
				    low_size, high);
}

static void __init zone_sizes_init(void)
{
	zone_dma_limit = min(of_dma_get_max_cpu_address(NULL), U32_MAX);
	arm64_dma_phys_limit = max_zone_phys(zone_dma_limit);
	if (!arm64_dma_phys_limit)
		arm64_dma_phys_limit = PHYS_MASK + 1;
}

void __init arm64_memblock_init(void)
{
	memblock_remove(1ULL << PHYS_MASK_SHIFT, ULLONG_MAX);
	early_init_fdt_scan_reserved_mem();
}

void __init bootmem_init(void)
{
	sparse_init();
	zone_sizes_init();
	dma_contiguous_reserve(arm64_dma_phys_limit);
	arch_reserve_crashkernel();
	memblock_dump_all();
}

void __init mem_init(void)
{
	/* not on the boot path of setup_arch() */
	swiotlb_init(max_pfn > PFN_DOWN(arm64_dma_phys_limit), SWIOTLB_VERBOSE);
}

void __init setup_arch(char **cmdline_p)
{
	parse_early_param();
	arm64_memblock_init();
	paging_init();
	bootmem_init();
}
