/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The memblock functions the boot units call: return type, name,
 * parameters, arguments. Declared for the units in linux/memblock.h,
 * defined as bridges in harness/boot/memblock_view.c.
 */
#ifndef KRESV_SHIM_LINUX_MEMBLOCK_API_H
#define KRESV_SHIM_LINUX_MEMBLOCK_API_H

#define KRESV_MEMBLOCK_API(X)						\
	X(phys_addr_t, memblock_start_of_DRAM, (void), ())		\
	X(phys_addr_t, memblock_end_of_DRAM, (void), ())		\
	X(phys_addr_t, memblock_phys_mem_size, (void), ())		\
	X(int, memblock_phys_free, (phys_addr_t base, phys_addr_t size),\
	  (base, size))							\
	X(int, memblock_reserve, (phys_addr_t base, phys_addr_t size),	\
	  (base, size))							\
	X(int, memblock_add, (phys_addr_t base, phys_addr_t size),	\
	  (base, size))							\
	X(int, memblock_remove, (phys_addr_t base, phys_addr_t size),	\
	  (base, size))							\
	X(int, memblock_mark_nomap, (phys_addr_t base, phys_addr_t size),\
	  (base, size))							\
	X(int, memblock_clear_nomap, (phys_addr_t base, phys_addr_t size),\
	  (base, size))							\
	X(void, memblock_mem_limit_remove_map, (phys_addr_t limit), (limit))\
	X(void, memblock_allow_resize, (void), ())

/* bridged by hand: it also counts the attempts of one boot (loop guard) */
phys_addr_t kresv_memblock_phys_alloc_range(phys_addr_t size,
		phys_addr_t align, phys_addr_t start, phys_addr_t end);
#endif
