// SPDX-License-Identifier: GPL-2.0
/*
 * The host window of the pi code (pi_env.h, pi_unit.c). From 6.12 on the
 * kernel image is mapped before the kernel runs from it, by code that runs
 * from the idmap, where a physical address is a pointer. The window is
 * host memory that stands for the image's memory [_text, _end), and some
 * after it: the pi code's pointers are window addresses, and the
 * descriptors it writes get the physical addresses the harness placed the
 * image at (kresv_pi_to_pa()). Its page tables go where the image keeps
 * init_pg_dir, at the image's end (vmlinux.lds.S: after the bss); the
 * harness gives them TABLE_PAGES pages (at most half the image), which is
 * more than the image's mapping takes on any page size (a root, one or
 * two tables per level, a PTE table per segment edge), and leaves as many
 * again after _end so that a tree that took more would still be seen.
 * The code decides between blocks and pages on the alignment of these
 * addresses, so the window lies at the image's physical address modulo
 * 1 GiB, the largest block (within a reservation 1 GiB larger).
 * After map_kernel() the tables are copied into the simulated page-table
 * memory at their physical addresses, and its copy of the root lands in
 * swapper_pg_dir (kresv_pi_memcpy()): map_mem() and the walk find them.
 * The code takes its tables one after the other from init_pg_dir, so the
 * copy stops at the first empty page, and zeroes what it copied for the
 * next boot (a fuzzer's next input) instead of the whole table area.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "mmu_unit.h"
#include "pgsim.h"
#include "pi_window.h"

#define TABLE_PAGES 32ULL
#define BLOCK_MAX (1ULL << 30)

bool kresv_pi_rodata_off;

static unsigned char *window, *reservation;
static unsigned long long reservation_size, window_size, image_size;
static unsigned long long tables_off, va_offset;
static unsigned long long page_size;

/*
 * idreg-override.c's reading of the command line for rodata=off: each
 * word up to a lone "--", "rodata=off" an alias of "arm64_sw.rodataoff=1"
 * (the words are matched whole)
 */
void kresv_pi_reset(const char *cmdline)
{
	const char *p = cmdline;

	kresv_pi_rodata_off = false;
	while (*p) {
		size_t n;

		while (*p == ' ' || (*p >= '\t' && *p <= '\r'))
			p++;
		n = strcspn(p, " \t\n\v\f\r");
		if (!n)
			break;
		if (n == 2 && !strncmp(p, "--", 2))
			break;
		if ((n == 10 && !strncmp(p, "rodata=off", n)) ||
		    (n == 20 && !strncmp(p, "arm64_sw.rodataoff=1", n)))
			kresv_pi_rodata_off = true;
		else if (n == 20 && !strncmp(p, "arm64_sw.rodataoff=0", n))
			kresv_pi_rodata_off = false;
		p += n;
	}
}

unsigned long long kresv_pi_window_sym(int ksym);
unsigned long long kresv_pi_window_sym(int ksym)
{
	if (ksym == KSYM_init_pg_dir)
		return (unsigned long long)(uintptr_t)window + tables_off;
	return (unsigned long long)(uintptr_t)window +
	       (kresv_ksym[ksym] - kresv_ksym[KSYM_text]);
}

unsigned long long kresv_pi_to_pa(unsigned long long w);
unsigned long long kresv_pi_to_pa(unsigned long long w)
{
	return w - (unsigned long long)(uintptr_t)window + kresv_ksym[KSYM_text];
}

unsigned long long kresv_pi_to_window(unsigned long long pa);
unsigned long long kresv_pi_to_window(unsigned long long pa)
{
	return pa - kresv_ksym[KSYM_text] + (unsigned long long)(uintptr_t)window;
}

/* the kernel's swapper_pg_dir (mmu_unit.c), a page of the image */
extern char swapper_pg_dir[];
unsigned long long kresv_pi_window_swapper(void);
unsigned long long kresv_pi_window_swapper(void)
{
	return kresv_pi_to_window(kresv_pgsim_pa(swapper_pg_dir));
}

/* map_kernel()'s copy of the root, to swapper_pg_dir's image address */
void *kresv_pi_memcpy(void *dst, const void *src, unsigned long n);
void *kresv_pi_memcpy(void *dst, const void *src, unsigned long n)
{
	unsigned long long w = (unsigned long long)(uintptr_t)dst - va_offset;
	unsigned long long base = (unsigned long long)(uintptr_t)window, pa;

	if (w < base || w >= base + window_size)
		return memcpy(dst, src, n);
	pa = kresv_pi_to_pa(w);
	return memcpy((char *)kresv_pgsim_map(pa & ~(page_size - 1)) +
		      (pa & (page_size - 1)), src, n);
}

/* the pi code's map_kernel() (pi_unit.c; trees with arch/arm64/kernel/pi/map_range.c) */
void kresv_pi_run_map_kernel(unsigned long long va_offset, int root_level);

void kresv_pi_map_kernel(void)
{
	struct kresv_mmu_geometry g;
	unsigned long long size = kresv_ksym[KSYM_end] - kresv_ksym[KSYM_text];
	unsigned long long tables, off;

	kresv_mmu_geometry(&g);
	page_size = 1ULL << g.page_shift;
	tables = TABLE_PAGES * page_size;
	if (tables > size / 2)
		tables = (size / 2) & ~(page_size - 1);
	if (!reservation || image_size != size) {
		if (reservation)
			munmap(reservation, reservation_size);
		window_size = size + TABLE_PAGES * page_size;
		reservation_size = window_size + BLOCK_MAX;
		reservation = mmap(NULL, reservation_size,
				   PROT_READ | PROT_WRITE,
				   MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE,
				   -1, 0);
		if (reservation == MAP_FAILED) {
			perror("kresv: the kernel image's window");
			exit(3);
		}
		image_size = size;
	}
	window = reservation + ((kresv_ksym[KSYM_text] -
				 (unsigned long long)(uintptr_t)reservation) &
				(BLOCK_MAX - 1));
	tables_off = size - tables;
	va_offset = g.kimage_vaddr - (unsigned long long)(uintptr_t)window;
#ifdef KRESV_HAVE_map_range
	kresv_pi_run_map_kernel(va_offset, g.root_level);
#endif
	for (off = tables_off; off < window_size; off += page_size) {
		unsigned long long *p = (unsigned long long *)(window + off);
		unsigned long long i;

		for (i = 0; i < page_size / 8 && !p[i]; i++)
			;
		if (i == page_size / 8)
			break;
		memcpy(kresv_pgsim_map(kresv_ksym[KSYM_text] + off), p,
		       page_size);
		memset(p, 0, page_size);
	}
}
