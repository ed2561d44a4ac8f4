/* SPDX-License-Identifier: GPL-2.0 */
/* Early parameter handlers of the boot units (harness/boot/early_params.c). */
#ifndef KRESV_EARLY_PARAMS_H
#define KRESV_EARLY_PARAMS_H

struct kresv_early_param {
	const char *name;
	int (*setup)(char *val);
};

extern const struct kresv_early_param kresv_contig_params[];
void kresv_contig_reset(void);
#endif
