# SPDX-License-Identifier: GPL-2.0
# Linux up to 6.8 (6.1): the crashkernel= parser lives in kernel/crash_core.c;
# ,high and ,low are separate calls (parse_crashkernel_high/_low) that the
# arch code makes itself.
FAMILY := crash_core
DETECT := kernel/crash_core.c

HEADERS := include/linux/const.h include/vdso/const.h \
	include/uapi/linux/const.h include/linux/sizes.h \
	include/linux/limits.h include/uapi/linux/limits.h \
	include/vdso/limits.h include/linux/overflow.h include/linux/ctype.h \
	include/linux/kconfig.h

include $(dir $(MANIFEST))common.inc
UNITS := crash $(PARSE_LIB_UNITS)
crash_FILE := kernel/crash_core.c
crash_ROOTS := parse_crashkernel parse_crashkernel_high parse_crashkernel_low

# This family makes no promise about the size against the RAM size.
PARSE_PROMISES ?=

# The boot model: the tree's bootmem_init() (which reserves the crash
# region when ZONE_DMA/DMA32 defer it), the DMA zone globals, and
# defer_reserve_crashkernel() from the arm64 header that decides it.
BOOT_UNITS := arch crashres dmadirect $(BOOT_COMMON_UNITS)
# header slices, included by the units that use them
HEADER_UNITS := memoryh
arch_UNIT_INCLUDES := memoryh
arch_FILE := arch/arm64/mm/init.c
arch_ROOTS := bootmem_init arm64_memblock_init early_mem
crashres_FILE := kernel/crash_core.c
crashres_ROOTS := parse_crashkernel parse_crashkernel_high \
	parse_crashkernel_low
# Variables whose reads the harness watches (read before set: early use).
WATCH := arm64_dma_phys_limit
dmadirect_FILE := kernel/dma/direct.c
dmadirect_ROOTS := ?zone_dma_bits ?zone_dma_limit
memoryh_FILE := arch/arm64/include/asm/memory.h
memoryh_ROOTS := defer_reserve_crashkernel
BOOT_UNITS += kexeccore
kexeccore_FILE := kernel/kexec_core.c
kexeccore_ROOTS := crashk_res crashk_low_res

# The linear map (harness/mmu/): the tree's map_mem() with everything of
# arch/arm64/mm/mmu.c it calls, 6.1's crashkernel early parameter that
# forces page granularity, can_set_direct_map() and rodata_full from
# pageattr.c, the rodata= handler of init/main.c with its arm64 hook
# (a slice of asm/setup.h), get_option() for kfence.sample_interval=.
MMU_UNITS := mmu pageattr rodata mmuopt
MMU_HEADER_UNITS := setuph kfenceh pgtableh lpgtableh pgalloch
MMU_LINK_UNITS := kexeccore
mmu_FILE := arch/arm64/mm/mmu.c
mmu_ROOTS := paging_init map_mem pgattr_change_is_safe ?enable_crash_mem_map \
	?parse_kfence_early_init ?kfence_early_init
# paging_init()'s callees outside scope, the harness's (harness/mmu/mmu_unit.c):
# the kernel image's own mapping and the idmap
mmu_STUBS := create_idmap
mmu_UNIT_INCLUDES := memoryh pgtableh lpgtableh pgalloch kfenceh
