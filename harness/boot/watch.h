/* SPDX-License-Identifier: GPL-2.0 */
/* The watched DMA limit (harness/boot/watch.c). */
#ifndef KRESV_BOOT_WATCH_H
#define KRESV_BOOT_WATCH_H
#include "findings.h"

#define DMA_LIMIT_USES_MAX 64

struct dma_limit_use {
	const char *func, *file;
	int line;
	unsigned long long value;	/* before this use */
};

/* arm64_dma_phys_limit back to its initial value; no uses recorded */
void kresv_watch_reset(void);
/* its value, read without being recorded */
unsigned long long kresv_dma_limit(void);
void kresv_watch_oracle(struct findings *fs);
#endif
