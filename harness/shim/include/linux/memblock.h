/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The memblock API as the boot units call it. The implementation is the
 * tree's own mm/memblock.c, built in its own environment (the kernel's
 * tools/testing/memblock shims); each name here goes through a bridge in
 * harness/boot/memblock_view.c, compiled against the tree's memblock.h, so
 * a function the tree makes inline or gives another signature is still
 * called the tree's way.
 */
#ifndef KRESV_SHIM_LINUX_MEMBLOCK_H
#define KRESV_SHIM_LINUX_MEMBLOCK_H
#include <linux/types.h>

extern unsigned long max_low_pfn, min_low_pfn, max_pfn;

#include "memblock_api.h"

#define KRESV_MEMBLOCK_DECLARE(ret, name, params, args)		\
	ret kresv_##name params;
KRESV_MEMBLOCK_API(KRESV_MEMBLOCK_DECLARE)
#undef KRESV_MEMBLOCK_DECLARE
void kresv_memblock_dump_all(void);

#define memblock_start_of_DRAM		kresv_memblock_start_of_DRAM
#define memblock_end_of_DRAM		kresv_memblock_end_of_DRAM
#define memblock_phys_mem_size		kresv_memblock_phys_mem_size
#define memblock_phys_alloc_range	kresv_memblock_phys_alloc_range
#define memblock_phys_free		kresv_memblock_phys_free
#define memblock_reserve		kresv_memblock_reserve
#define memblock_add			kresv_memblock_add
#define memblock_remove			kresv_memblock_remove
#define memblock_mark_nomap		kresv_memblock_mark_nomap
#define memblock_clear_nomap		kresv_memblock_clear_nomap
#define memblock_mem_limit_remove_map	kresv_memblock_mem_limit_remove_map
#define memblock_dump_all		kresv_memblock_dump_all
#define memblock_allow_resize		kresv_memblock_allow_resize
#endif
