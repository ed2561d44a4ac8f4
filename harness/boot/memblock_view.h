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


/* the boot model's allocations, through the tree's memblock.c */
#include <stdbool.h>
unsigned long long kresv_mb_pgtable_page(unsigned long long size);
unsigned long long kresv_mb_alloc_raw(unsigned long long size,
				      unsigned long long align,
				      unsigned long long min_addr,
				      unsigned long long max_addr);
unsigned long long kresv_mb_alloc_range(unsigned long long size,
					unsigned long long align,
					unsigned long long start,
					unsigned long long end);
unsigned long long kresv_mb_phys_alloc(unsigned long long size,
				       unsigned long long align);
bool kresv_mb_bottom_up(void);
void kresv_mb_set_bottom_up(bool enable);
bool kresv_mb_is_region_reserved(unsigned long long base,
				 unsigned long long size);
bool kresv_mb_flags_nomap(unsigned int flags);
#endif
