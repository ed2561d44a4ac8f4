/* SPDX-License-Identifier: GPL-2.0 */
/* Reading the tree's memblock state from outside its environment. */
#ifndef KRESV_MEMBLOCK_VIEW_H
#define KRESV_MEMBLOCK_VIEW_H

enum kresv_mb_type { KRESV_MB_MEMORY, KRESV_MB_RESERVED };

int kresv_mb_count(enum kresv_mb_type t);
void kresv_mb_region(enum kresv_mb_type t, int i, unsigned long long *base,
		     unsigned long long *size, unsigned int *flags);
void kresv_mb_reset(void);
/* called before every memblock_phys_alloc_range() of kernel code */
void kresv_alloc_attempt(void);
#endif
