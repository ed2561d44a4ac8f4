// SPDX-License-Identifier: GPL-2.0
/* 7.3 shape with arch_reserve_crashkernel() moved before dma_limits_init(). */
static void __init arch_reserve_crashkernel(void)
{
	unsigned long long crash_base, crash_size, low_size = 0;
	bool high = false;

	if (parse_crashkernel(boot_command_line, memblock_phys_mem_size(),
			      &crash_size, &crash_base, &low_size, &high))
		return;
	reserve_crashkernel_generic(crash_size, crash_base, low_size, high);
}

static void __init dma_limits_init(void)
{
	zone_dma_limit = min(of_dma_get_max_cpu_address(NULL), U32_MAX);
	arm64_dma_phys_limit = max_zone_phys(zone_dma_limit);
}

void __init bootmem_init(void)
{
	kvm_hyp_reserve();
	arch_reserve_crashkernel();
	dma_limits_init();
	dma_contiguous_reserve(arm64_dma_phys_limit);
}

void __init setup_arch(char **cmdline_p)
{
	arm64_memblock_init();
	paging_init();
	bootmem_init();
}
