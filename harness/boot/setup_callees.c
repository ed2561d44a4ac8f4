// SPDX-License-Identifier: GPL-2.0
/*
 * The callees of the tree's setup_arch() outside kresv's scope
 * (harness/boot/setup_arch_env.h). Each records that it ran, so the
 * replay's stub calls show setup_arch()'s order as the tree has it, and
 * decides nothing the boot's outcome depends on; unflatten_device_tree()
 * allocates what the boot model says it does. Those that need the boot's
 * state (setup_machine_fdt(), parse_early_param(), paging_init()) are in
 * boot_run.c.
 */
#include <generated/autoconf.h>
#include <linux/types.h>
#include <asm/arm64.h>

#include "boot_model.h"
#include "setup_arch_env.h"
#include "stubs.h"

int acpi_disabled = 1;
struct kresv_init_task init_task;
char reserved_pg_dir[1];

void unflatten_device_tree(void)
{
	kresv_model_unflatten_device_tree();
}

#define RECORDED(name)					\
	void name(void)					\
	{						\
		kresv_record(#name "()");		\
	}

RECORDED(kaslr_init)
RECORDED(early_fixmap_init)
RECORDED(early_ioremap_init)
RECORDED(jump_label_init)
RECORDED(dynamic_scs_init)
RECORDED(cpu_uninstall_idmap)
RECORDED(xen_early_init)
RECORDED(efi_init)
RECORDED(acpi_table_upgrade)
RECORDED(acpi_boot_table_init)
RECORDED(kasan_init)
RECORDED(request_standard_resources)
RECORDED(early_ioremap_reset)
RECORDED(arm64_rsi_init)
RECORDED(init_bootcpu_ops)
RECORDED(smp_init_cpus)
RECORDED(smp_build_mpidr_hash)

void setup_initial_init_mm(void *start_code, void *end_code, void *end_data,
			   void *brk)
{
	(void)start_code, (void)end_code, (void)end_data, (void)brk;
	kresv_record("setup_initial_init_mm()");
}

/* no KASLR seed, so no need for non-global mappings from the start */
bool kaslr_requires_kpti(void)
{
	kresv_record("kaslr_requires_kpti(): false (no KASLR)");
	return false;
}

void local_daif_restore(unsigned long flags)
{
	kresv_record("local_daif_restore(%lu)", flags);
}

/* booted without UEFI */
bool efi_enabled(int feature)
{
	(void)feature;
	return false;
}

int psci_dt_init(void)
{
	kresv_record("psci_dt_init()");
	return 0;
}

int psci_acpi_init(void)
{
	kresv_record("psci_acpi_init()");
	return 0;
}
