/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Early parameter handlers of the units: a table per unit, as its
 * early_param() lines register them (harness/boot/early_params.c for
 * kernel/dma/contiguous.c, harness/mmu/ for the linear map's).
 */
#ifndef KRESV_EARLY_PARAMS_H
#define KRESV_EARLY_PARAMS_H

struct kresv_early_param {
	const char *name;
	int (*setup)(char *val);
	const char *handler;	/* "function() (file)" */
};

extern const struct kresv_early_param kresv_contig_params[];
void kresv_contig_reset(void);
/* arch/arm64/mm/init.c (harness/boot/arch_params.c): mem= */
extern const struct kresv_early_param kresv_arch_params[];
void kresv_arch_reset(void);
#endif
