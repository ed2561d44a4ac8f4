// SPDX-License-Identifier: GPL-2.0
/*
 * Callees of the boot units outside kresv's scope (declared in
 * harness/shim/include/linux/boot_stubs.h). Each records that it was called
 * and decides nothing the real function would decide. Firmware answers
 * (the DMA limit of the device tree) come from the scenario. What
 * arch_numa_init() and sparse_init() allocate is sized and placed by the
 * boot model (boot_model.c).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <generated/autoconf.h>
#include <linux/types.h>
#include <asm/arm64.h>
#include <linux/ioport.h>
#include <linux/boot_stubs.h>
#include <linux/memblock.h>
#include <linux/printk.h>

#include "boot_model.h"
#include "stubs.h"

char boot_command_line[2048];
struct resource iomem_resource;
struct boot_answers kresv_answers;
struct stub_calls kresv_calls;

/* the initrd the boot loader left: set from the scenario (boot_run.c) */
phys_addr_t phys_initrd_start;
unsigned long phys_initrd_size;
unsigned long initrd_start, initrd_end;
void *high_memory;
u16 memstart_offset_seed;	/* no KASLR seed */

void kresv_record(const char *fmt, ...)
{
	va_list ap;

	if (kresv_calls.n == STUB_CALLS_MAX)
		return;
	va_start(ap, fmt);
	vsnprintf(kresv_calls.call[kresv_calls.n++], STUB_CALL_LEN, fmt, ap);
	va_end(ap);
}

void early_memtest(phys_addr_t start, phys_addr_t end)
{
	kresv_record("early_memtest(0x%llx, 0x%llx)", (unsigned long long)start,
	       (unsigned long long)end);
}

void arch_numa_init(void)
{
	kresv_model_numa();
}

void kvm_hyp_reserve(void)
{
	kresv_record("kvm_hyp_reserve()");
}

void sparse_init(void)
{
	kresv_model_sparse();
}

/* the zones as the configuration orders them (include/linux/mmzone.h) */
const char *const kresv_zone_names[] = {
#ifdef CONFIG_ZONE_DMA
	"DMA",
#endif
#ifdef CONFIG_ZONE_DMA32
	"DMA32",
#endif
	"Normal",
};

/*
 * Stand-in for mm's free_area_init() (outside the model): keeps the zone
 * limits the tree's code computed and prints the "Zone ranges:" block the
 * way free_area_init() prints it (each zone starts where the one before it
 * ended, the first at the start of DRAM; an empty zone says "empty"), so
 * that `kresv validate` can hold the limits against a real boot.
 */
void free_area_init(unsigned long *max_zone_pfn)
{
	unsigned long start = memblock_start_of_DRAM() >> PAGE_SHIFT, end;
	int i;

	for (i = 0; i < KRESV_NR_ZONES; i++)
		kresv_answers.max_zone_pfn[i] = max_zone_pfn[i];
	kresv_answers.nr_zones = (int)(sizeof(kresv_zone_names) /
				       sizeof(kresv_zone_names[0]));
	kresv_record("free_area_init(max_zone_pfn = 0x%lx 0x%lx 0x%lx)",
	       max_zone_pfn[0], max_zone_pfn[1], max_zone_pfn[2]);

	/* every zone but Movable, in mmzone.h's order, as the kernel prints */
	pr_info("Zone ranges:\n");
	for (i = 0; i < MAX_NR_ZONES; i++) {
		static const char *const name[MAX_NR_ZONES] = {
#ifdef CONFIG_ZONE_DMA
			[ZONE_DMA] = "DMA",
#endif
#ifdef CONFIG_ZONE_DMA32
			[ZONE_DMA32] = "DMA32",
#endif
			[ZONE_NORMAL] = "Normal",
#ifdef CONFIG_ZONE_DEVICE
			[ZONE_DEVICE] = "Device",
#endif
		};

		if (i == ZONE_MOVABLE)
			continue;
		end = max_zone_pfn[i] > start ? max_zone_pfn[i] : start;
		if (start == end)
			pr_info("  %-8s empty\n", name[i]);
		else
			/* the kernel's %#018Lx: "0x" and 16 digits, also for 0 */
			pr_info("  %-8s [mem 0x%016llx-0x%016llx]\n", name[i],
				(unsigned long long)start << PAGE_SHIFT,
				((unsigned long long)end << PAGE_SHIFT) - 1);
		start = end;
	}
}

void dma_pernuma_cma_reserve(void)
{
	kresv_record("dma_pernuma_cma_reserve()");
}

void arm64_hugetlb_cma_reserve(void)
{
	kresv_record("arm64_hugetlb_cma_reserve()");
}

void kmemleak_ignore_phys(phys_addr_t phys)
{
	(void)phys;
}

int insert_resource(struct resource *parent, struct resource *new)
{
	(void)parent;
	kresv_record("insert_resource(%s, 0x%llx-0x%llx)", new->name,
	       (unsigned long long)new->start, (unsigned long long)new->end);
	return 0;
}

phys_addr_t of_dma_get_max_cpu_address(struct device_node *np)
{
	(void)np;
	kresv_record("of_dma_get_max_cpu_address() = 0x%llx",
	       (unsigned long long)kresv_answers.dt_dma_max);
	return kresv_answers.dt_dma_max;
}

phys_addr_t acpi_iort_dma_get_max_cpu_address(void)
{
	/* booted from a device tree: no IORT, no limit (as the kernel's) */
	return ~(phys_addr_t)0;
}

/* arm64_memblock_init(): the scenario's machine has no EL2 to run KVM from */
bool is_hyp_mode_available(void)
{
	return false;
}

bool is_kernel_in_hyp_mode(void)
{
	return false;
}

/* the device tree's /reserved-memory: the scenario's ranges are reserved
 * already (harness/boot/machine.c) */
void early_init_fdt_scan_reserved_mem(void)
{
	kresv_record("early_init_fdt_scan_reserved_mem()");
}
