/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Prelude of the "setup" unit (arch/arm64/kernel/setup.c's setup_arch()):
 * what its text names outside kresv's scope. Every function here is a stub
 * in harness/boot/setup_callees.c that records the call; the in-scope
 * callees (arm64_memblock_init(), bootmem_init()) come from the units'
 * prototypes, and parse_early_param() and paging_init() from the boot run
 * (harness/boot/boot_run.c).
 */
#ifndef KRESV_SETUP_ARCH_ENV_H
#define KRESV_SETUP_ARCH_ENV_H

#ifndef __cacheline_aligned
#define __cacheline_aligned	__attribute__((__aligned__(64)))
#endif

/* the image symbols setup_initial_init_mm() is given and kresv has no use for */
#define _etext			((char *)0)
#define _edata			((char *)0)
void setup_initial_init_mm(void *start_code, void *end_code, void *end_data,
			   void *brk);

/* no KASLR: the boot model places the image where the scenario says */
bool kaslr_requires_kpti(void);
extern bool arm64_use_ng_mappings;	/* harness/mmu/pgsim.c */
void kaslr_init(void);
void early_fixmap_init(void);
void early_ioremap_init(void);
void jump_label_init(void);
void parse_early_param(void);
void dynamic_scs_init(void);

#define DAIF_PROCCTX_NOIRQ	0
void local_daif_restore(unsigned long flags);
void cpu_uninstall_idmap(void);
void xen_early_init(void);

/* a boot without UEFI, as qemu's -kernel and most boot loaders of DT machines */
void efi_init(void);
#define EFI_BOOT		0
bool efi_enabled(int feature);
#define MIN_KIMG_ALIGN		SZ_2M
#define FW_BUG			"[Firmware Bug]: "
#define TAINT_FIRMWARE_WORKAROUND 11
#define WARN_TAINT(cond, taint, fmt...) \
	({ int __c = !!(cond); if (__c) pr_warn(fmt); __c; })

void paging_init(void);
/* a device-tree machine: ACPI is off */
extern int acpi_disabled;
void acpi_table_upgrade(void);
void acpi_boot_table_init(void);
void unflatten_device_tree(void);
void kasan_init(void);
void early_ioremap_reset(void);
int psci_dt_init(void);
int psci_acpi_init(void);
void arm64_rsi_init(void);
void init_bootcpu_ops(void);
void smp_init_cpus(void);

/* CONFIG_ARM64_SW_TTBR0_PAN */
struct kresv_init_task { struct { u64 ttbr0; } thread_info; };
extern struct kresv_init_task init_task;
extern char reserved_pg_dir[];
#define phys_to_ttbr(addr)	((u64)(addr))
#endif
