// SPDX-License-Identifier: GPL-2.0
/*
 * The tree's arch/arm64/kernel/pi/map_kernel.c slice (the "pimap" unit,
 * 6.12 on), included whole so that the harness can call its static
 * map_kernel(): the kernel image's mapping as the boot makes it before
 * the kernel runs from it, over the host window of pi_window.c
 * (pi_env.h). What it calls outside that mapping is here.
 */
#include KRESV_UNIT

void kresv_record(const char *fmt, ...);

/* early_map_kernel(): no KASLR (kaslr_offset 0), the image at KIMAGE_VADDR */
void kresv_pi_run_map_kernel(unsigned long long va_offset, int root_level)
{
	map_kernel(0, va_offset, root_level);
}

bool dynamic_scs_is_enabled;

void relocate_kernel(u64 offset)
{
	kresv_record("relocate_kernel(0x%llx)", (unsigned long long)offset);
}

/* its argument: a pointer in 6.12, a phys_addr_t since (the Makefile asks) */
#ifdef KRESV_PI_TTBR1_PHYS
void idmap_cpu_replace_ttbr1(phys_addr_t pgdir)
#else
void idmap_cpu_replace_ttbr1(void *pgdir)
#endif
{
	kresv_record("idmap_cpu_replace_ttbr1(0x%llx)",
		     kresv_pi_to_pa((unsigned long long)pgdir));
}
