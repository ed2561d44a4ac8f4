// SPDX-License-Identifier: GPL-2.0
/*
 * The early parameters of the tree's kernel/dma/contiguous.c: the unit is
 * included here whole (it is the kernel's text), and the table below names
 * its handlers as its early_param() lines register them, so that
 * harness/boot/replay.c can hand them the values of the scenario's command
 * line the way parse_early_param() does. tree.mk checks that the tree still
 * registers these names. The unit's state is put back before every boot.
 */
#include KRESV_UNIT
#include KRESV_UNIT_FACTS
#include "early_params.h"

const struct kresv_early_param kresv_contig_params[] = {
	{ "cma", early_cma, "early_cma() (kernel/dma/contiguous.c)" },
#ifdef KRESV_HAVE_early_cma_pernuma
	{ "cma_pernuma", early_cma_pernuma,
	  "early_cma_pernuma() (kernel/dma/contiguous.c)" },
#endif
#ifdef KRESV_HAVE_early_numa_cma
	{ "numa_cma", early_numa_cma,
	  "early_numa_cma() (kernel/dma/contiguous.c)" },
#endif
	{ NULL, NULL, NULL },
};

void kresv_contig_reset(void)
{
	size_cmdline = -1;
	base_cmdline = 0;
	limit_cmdline = 0;
	dma_contiguous_default_area = NULL;
#ifdef KRESV_HAVE_early_cma_pernuma
	pernuma_size_bytes = 0;
#endif
#ifdef KRESV_HAVE_early_numa_cma
	numa_cma_configured = false;
	memset(numa_cma_size, 0, sizeof(numa_cma_size));
#endif
#ifdef KRESV_HAVE_dma_contiguous_insert_area
	dma_contiguous_areas_num = 0;
#endif
}
