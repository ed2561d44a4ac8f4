// SPDX-License-Identifier: GPL-2.0
/* map_mem() does not parse: the rule must say so, not drop it. */
static void __init map_mem(pgd_t *pgdp)
{
	int flags = 0;

	if (crash_mem_map)
		flags |= NO_BLOCK_MAPPINGS;
	int x = (1 + ;
}

static void __init map_other(pgd_t *pgdp)
{
	int flags = 0;

	if (crash_mem_map)
		flags |= NO_BLOCK_MAPPINGS;
}
