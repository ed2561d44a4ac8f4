// SPDX-License-Identifier: GPL-2.0
/*
 * 7.3 style force_pte_mapping() helper, with a crash term added through a
 * second helper: every caller that forces pages on it is reported.
 */
static inline bool crash_needs_pages(void)
{
	return kexec_crash_loaded() || defer_reserve_crashkernel();
}

static inline bool force_pte_mapping(void)
{
	if (debug_pagealloc_enabled())
		return true;
	return rodata_full || is_realm_world() || crash_needs_pages();
}

static void __init map_mem(void)
{
	phys_addr_t start, end;
	int flags = NO_EXEC_MAPPINGS;
	u64 i;

	if (force_pte_mapping())
		flags |= NO_BLOCK_MAPPINGS | NO_CONT_MAPPINGS;

	for_each_mem_range(i, &start, &end)
		__map_memblock(start, end, pgprot_tagged(PAGE_KERNEL), flags);
}

bool arch_kfence_init_pool(void)
{
	/* a use of the helper that forces nothing */
	if (force_pte_mapping())
		return true;
	return false;
}
