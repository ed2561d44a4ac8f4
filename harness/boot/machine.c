// SPDX-License-Identifier: GPL-2.0
/* The scenario's machine into the tree's memblock (machine.h). */
#include <stdio.h>

#include <generated/autoconf.h>
#include <linux/types.h>
#include <linux/memblock.h>

#include "machine.h"
#include "memblock_view.h"
#include "scenario.h"
#include "stubs.h"

void kresv_set_up_machine(const struct scenario *s)
{
	unsigned int i;

	kresv_mb_reset();
	for (i = 0; i < s->nr_memory; i++)
		memblock_add(s->memory[i].base, s->memory[i].size);
	for (i = 0; i < s->nr_nomap; i++)
		memblock_mark_nomap(s->nomap[i].base, s->nomap[i].size);
	for (i = 0; i < s->nr_reserved; i++)
		memblock_reserve(s->reserved[i].base, s->reserved[i].size);
	/* what arm64_memblock_init() reserves, until it runs in the model */
	if (s->has_kernel)
		memblock_reserve(s->kernel.base, s->kernel.size);
	if (s->has_initrd)
		memblock_reserve(s->initrd.base, s->initrd.size);
	kresv_answers.dt_dma_max = s->has_dma_max ? s->dma_max : ~0ULL;
	snprintf(boot_command_line, sizeof(boot_command_line), "%s",
		 s->has_cmdline ? s->cmdline : "");
}

bool kresv_param_eq(const char *a, const char *b)
{
	for (; *a && *b; a++, b++)
		if (*a != *b && !((*a == '-' || *a == '_') &&
				  (*b == '-' || *b == '_')))
			return false;
	return *a == *b;
}
