// SPDX-License-Identifier: GPL-2.0
/* 5.11 form: crash_mem_map from early_param, forcing under CONFIG_KEXEC_CORE. */
static bool crash_mem_map __initdata;

static int __init enable_crash_mem_map(char *arg)
{
	crash_mem_map = true;
	return 0;
}
early_param("crashkernel", enable_crash_mem_map);

static void __init map_mem(pgd_t *pgdp)
{
	phys_addr_t start, end;
	int flags = 0;
	u64 i;

	if (rodata_full || debug_pagealloc_enabled())
		flags = NO_BLOCK_MAPPINGS | NO_CONT_MAPPINGS;

#ifdef CONFIG_KEXEC_CORE
	if (crash_mem_map)
		flags = NO_BLOCK_MAPPINGS | NO_CONT_MAPPINGS;
#endif

	for_each_mem_range(i, &start, &end) {
		if (start >= end)
			break;
		__map_memblock(pgdp, start, end, PAGE_KERNEL, flags);
	}
}
