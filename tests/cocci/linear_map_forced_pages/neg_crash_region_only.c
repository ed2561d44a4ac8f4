// SPDX-License-Identifier: GPL-2.0
/*
 * Only the crash region is mapped with pages (the page-level mapping that
 * lets kexec_crash_size shrink it): not the whole linear map.
 */
static void __init map_crashkernel(pgd_t *pgdp)
{
	int flags = NO_EXEC_MAPPINGS;

	if (!crashk_res.end)
		return;

	if (crash_mem_map)
		flags |= NO_BLOCK_MAPPINGS | NO_CONT_MAPPINGS;

	__map_memblock(pgdp, crashk_res.start, crashk_res.end + 1,
		       PAGE_KERNEL, flags);
}

static void __init map_mem(pgd_t *pgdp)
{
	if (crashk_res.end) {
		__map_memblock(pgdp, crashk_res.start, crashk_res.end + 1,
			       PAGE_KERNEL,
			       NO_BLOCK_MAPPINGS | NO_CONT_MAPPINGS);
		memblock_clear_nomap(crashk_res.start,
				     resource_size(&crashk_res));
	}
}
