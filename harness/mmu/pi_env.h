/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The last prelude of the "pimap" and "pirange" units (6.12 on:
 * arch/arm64/kernel/pi/map_kernel.c and map_range.c), the code that maps
 * the kernel image before the kernel runs from it. It runs from the
 * idmap, so it takes physical addresses for pointers: the image's
 * symbols, its page tables in init_pg_dir. Here those are addresses in a
 * host window that holds the image (harness/mmu/pi_unit.c): a symbol is
 * its window address, a descriptor gets the physical address the harness
 * placed the image at (__phys_to_pte_val()), and the code follows a
 * table descriptor back into the window (__pte_to_phys()).
 */
#ifndef KRESV_MMU_PI_ENV_H
#define KRESV_MMU_PI_ENV_H

#include <stdbool.h>

unsigned long long kresv_pi_window_sym(int ksym);
unsigned long long kresv_pi_to_pa(unsigned long long window);
unsigned long long kresv_pi_to_window(unsigned long long pa);
void *kresv_pi_memcpy(void *dst, const void *src, unsigned long n);

#undef _text
#undef _stext
#undef _etext
#undef __start_rodata
#undef __inittext_begin
#undef __inittext_end
#undef __initdata_begin
#undef __initdata_end
#undef _data
#undef _end
#undef init_pg_dir
#undef swapper_pg_dir
#define _text			((char *)kresv_pi_window_sym(KSYM_text))
#define _stext			((char *)kresv_pi_window_sym(KSYM_stext))
#define _etext			((char *)kresv_pi_window_sym(KSYM_etext))
#define __start_rodata		((char *)kresv_pi_window_sym(KSYM_etext))
#define __inittext_begin	((char *)kresv_pi_window_sym(KSYM_init_begin))
#define __inittext_end		((char *)kresv_pi_window_sym(KSYM_inittext_end))
#define __initdata_begin	((char *)kresv_pi_window_sym(KSYM_inittext_end))
#define __initdata_end		((char *)kresv_pi_window_sym(KSYM_init_end))
#define _data			((char *)kresv_pi_window_sym(KSYM_init_end))
#define _end			((char *)kresv_pi_window_sym(KSYM_end))
#define init_pg_dir		((pgd_t *)kresv_pi_window_sym(KSYM_init_pg_dir))
/* swapper_pg_dir: where the harness put the kernel's (mmu_unit.c) */
unsigned long long kresv_pi_window_swapper(void);
#define swapper_pg_dir		((pgd_t *)kresv_pi_window_swapper())

/* a descriptor's output address: the window's address translated */
static inline u64 kresv_pi_tree_pte_to_phys(pte_t pte)
{
	return __pte_to_phys(pte);
}
static inline u64 kresv_pi_tree_phys_to_pte_val(u64 pa)
{
	return __phys_to_pte_val(pa);
}
#undef __pte_to_phys
#undef __phys_to_pte_val
#define __pte_to_phys(pte)	kresv_pi_to_window(kresv_pi_tree_pte_to_phys(pte))
#define __phys_to_pte_val(pa)	kresv_pi_tree_phys_to_pte_val(kresv_pi_to_pa(pa))

/*
 * The CPU: no PAC, no BTI (asm/cpufeature.h of the linear-map units); of
 * the software feature overrides the pi code reads from the command line
 * (idreg-override.c), map_kernel() asks for rodata=off alone, which the
 * harness reads from the scenario's command line (pi_window.c)
 */
extern bool kresv_pi_rodata_off;
#define ARM64_SW_FEATURE_OVERRIDE_RODATA_OFF	1
#define arm64_test_sw_feature_override(f) \
	((f) == ARM64_SW_FEATURE_OVERRIDE_RODATA_OFF && kresv_pi_rodata_off)
#define cpu_has_pac()		false
#define cpu_has_bti()		false

/*
 * what map_kernel() calls outside the image mapping (pi_unit.c): the
 * TTBR1 switch (declared by the unit itself), the relocation of the
 * image (nothing to relocate in the model), the shadow call stack
 * patching (off in Debian's configs)
 */
void relocate_kernel(u64 offset);
int scs_patch();
extern bool dynamic_scs_is_enabled;
#define __tlbi(op)		((void)kresv_pgsim_stats.barriers++)

/*
 * map_kernel()'s copy of the root to swapper_pg_dir goes through its
 * address in the image's mapping, live by then: the harness finds the
 * page it names
 */
#undef memcpy
#define memcpy(d, s, n)		kresv_pi_memcpy((d), (s), (n))
#endif
