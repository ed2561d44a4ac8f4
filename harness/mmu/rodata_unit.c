// SPDX-License-Identifier: GPL-2.0
/*
 * init/main.c's rodata= handler (the "rodata" unit, with the arm64 hook
 * arch_parse_debug_rodata() of the tree's asm/setup.h as its prelude),
 * included whole so that the harness can hand it the parameter as
 * parse_early_param() would. The name is the one the tree's early_param()
 * line registers (checked in Makefile.inc).
 */
#include KRESV_UNIT
#include "mmu_unit.h"

const struct kresv_early_param kresv_rodata_params[] = {
	{ "rodata", set_debug_rodata, "set_debug_rodata() (init/main.c)" },
	{ NULL, NULL, NULL },
};

/* rodata_enabled back to its initialiser, for the next boot */
void kresv_rodata_state_reset(void)
{
	static bool saved, initial;

	if (!saved) {
		initial = rodata_enabled;
		saved = true;
	}
	rodata_enabled = initial;
}
