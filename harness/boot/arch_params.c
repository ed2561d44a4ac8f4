// SPDX-License-Identifier: GPL-2.0
/*
 * arch/arm64/mm/init.c's early parameter (mem=): the unit is included here
 * whole, as harness/boot/early_params.c does for kernel/dma/contiguous.c,
 * so that its static handler can be handed the value the way
 * parse_early_param() would (the name is checked against the tree's
 * early_param() line by tree.mk). The unit's state is put back before
 * every boot.
 */
#include KRESV_UNIT
#include KRESV_UNIT_FACTS
#include "early_params.h"

const struct kresv_early_param kresv_arch_params[] = {
	{ "mem", early_mem, "early_mem() (arch/arm64/mm/init.c)" },
	{ NULL, NULL, NULL },
};

void kresv_arch_reset(void)
{
	memory_limit = PHYS_ADDR_MAX;
	memstart_addr = -1;
}
