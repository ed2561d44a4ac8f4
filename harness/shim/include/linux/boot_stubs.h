/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Callees of the boot units that are outside kresv's scope. Each is a stub
 * in harness/boot/stubs.c that records the call and decides nothing the
 * real function would decide; the firmware answers come from the scenario.
 */
#ifndef KRESV_SHIM_LINUX_BOOT_STUBS_H
#define KRESV_SHIM_LINUX_BOOT_STUBS_H
#include <linux/types.h>

struct device_node;
extern char boot_command_line[];

void early_memtest(phys_addr_t start, phys_addr_t end);
void arch_numa_init(void);
void kvm_hyp_reserve(void);
void sparse_init(void);
void free_area_init(unsigned long *max_zone_pfn);
void dma_contiguous_reserve(phys_addr_t limit);
void dma_pernuma_cma_reserve(void);
void arm64_hugetlb_cma_reserve(void);
void kmemleak_ignore_phys(phys_addr_t phys);
phys_addr_t of_dma_get_max_cpu_address(struct device_node *np);
phys_addr_t acpi_iort_dma_get_max_cpu_address(void);

/* mm/cma.c: modelled in harness/boot/boot_model.c */
#include <linux/cma_shim.h>
#endif
