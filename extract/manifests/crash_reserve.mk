# SPDX-License-Identifier: GPL-2.0
# Linux 6.9 and later (6.12, 7.3): the crashkernel= parser lives in
# kernel/crash_reserve.c and folds ,high/,low (and ,cma where present) into
# one parse_crashkernel() call.
FAMILY := crash_reserve
DETECT := kernel/crash_reserve.c

# Tree headers the units see as they are (pure macros and declarations).
HEADERS := include/linux/const.h include/vdso/const.h \
	include/uapi/linux/const.h include/linux/sizes.h \
	include/linux/limits.h include/uapi/linux/limits.h \
	include/vdso/limits.h include/linux/overflow.h include/linux/ctype.h \
	include/linux/args.h include/linux/crash_reserve.h include/linux/range.h \
	include/linux/kconfig.h \
	arch/arm64/include/asm/crash_reserve.h

include $(dir $(MANIFEST))common.inc
UNITS := crash $(PARSE_LIB_UNITS)
crash_FILE := kernel/crash_reserve.c
crash_ROOTS := parse_crashkernel
crash_INCLUDES := include/linux/crash_reserve.h

# What the tree promises about parse_crashkernel()'s result, checked by the
# PARSE_PROMISE oracle: a size not below the RAM size is rejected.
PARSE_PROMISES ?= size_below_ram

# The boot model: the tree's bootmem_init() and what it calls in the same
# files, the generic reservation, the DMA zone globals.
BOOT_UNITS := arch crashres dmadirect $(BOOT_COMMON_UNITS)
arch_FILE := arch/arm64/mm/init.c
# 7.3 and later: the zone limits are asked for by mm's free_area_init(),
# after setup_arch(); the harness calls it there (optional root).
arch_ROOTS := bootmem_init arm64_memblock_init early_mem ?arch_zone_limits_init
crashres_FILE := kernel/crash_reserve.c
crashres_ROOTS := reserve_crashkernel_generic ?reserve_crashkernel_cma \
	parse_crashkernel crashk_res crashk_low_res
crashres_INCLUDES := include/linux/crash_reserve.h
arch_INCLUDES := include/linux/crash_reserve.h
# Variables whose reads the harness watches (read before set: early use).
WATCH := arm64_dma_phys_limit
dmadirect_FILE := kernel/dma/direct.c
dmadirect_ROOTS := ?zone_dma_bits ?zone_dma_limit

# The linear map (harness/mmu/): the tree's map_mem() with everything of
# arch/arm64/mm/mmu.c it calls (7.3: force_pte_mapping()),
# can_set_direct_map() and rodata_full from pageattr.c, the rodata= handler
# of init/main.c with its arm64 hook (a slice of asm/setup.h), get_option()
# for kfence.sample_interval=.
MMU_UNITS := mmu pageattr rodata mmuopt pimap pirange
MMU_HEADER_UNITS := setuph kfenceh pgtableh lpgtableh pgalloch
MMU_LINK_UNITS :=
mmu_FILE := arch/arm64/mm/mmu.c
mmu_ROOTS := paging_init map_mem pgattr_change_is_safe ?enable_crash_mem_map \
	?parse_kfence_early_init \
	?kfence_early_init ?force_pte_mapping ?split_kernel_leaf_mapping
# paging_init()'s callees outside scope, the harness's (harness/mmu/mmu_unit.c):
# the idmap (its tables are in the image) and the vmalloc areas of the image
mmu_STUBS := create_idmap declare_kernel_vmas
mmu_UNIT_INCLUDES := pgtableh lpgtableh pgalloch kfenceh
# 7.3's split_kernel_leaf_mapping() (optional root above): the accessors it
# reads entries with, kept by name in the header slices (harmless where a
# tree has no such name)
pgtableh_KEEP += pte_present pmd_present pud_present p4d_present \
	pmd_valid pud_valid pmd_cont pte_mknoncont pmd_mknoncont \
	pte_mkinvalid pmd_mkinvalid pte_pgprot pmd_pgprot pud_pgprot \
	pmd_pfn pud_pfn pmd_page_vaddr pud_pgtable pud_offset pgd_present
lpgtableh_KEEP += pgdp_get p4dp_get pudp_get pmdp_get pte_offset_kernel \
	pmd_offset pgd_offset pgd_offset_k

# The kernel image's mapping, made before the kernel runs from it by the
# position-independent code of arch/arm64/kernel/pi/: its map_kernel()
# (static: called by harness/mmu/pi_unit.c) and map_range(), over a host
# window that holds the image (harness/mmu/pi_env.h)
pimap_FILE := arch/arm64/kernel/pi/map_kernel.c
pimap_ROOTS := map_kernel
pimap_UNIT_INCLUDES := pgtableh
pirange_FILE := arch/arm64/kernel/pi/map_range.c
pirange_ROOTS := map_range
pirange_UNIT_INCLUDES := pgtableh
pgtableh_KEEP += pte_none
