// SPDX-License-Identifier: GPL-2.0
/*
 * One boot of a scenario (boot_run.h): the tree's own setup_arch(), so its
 * calls run in the tree's order. The scenario's RAM, reserved and no-map
 * ranges are in the tree's memblock before it runs (firmware);
 * setup_machine_fdt() reads the scenario's /chosen;
 * parse_early_param() hands the command line's early parameters to the
 * tree's own handlers; the tree's arm64_memblock_init() applies mem= and
 * reserves the image and the initrd; paging_init() runs the tree's
 * map_mem() over simulated page tables (harness/mmu/paging.c), the image's
 * own tables modelled; unflatten_device_tree() is the boot model's
 * (boot_model.c); the tree's bootmem_init() sets the DMA limit and
 * reserves the crash region with the tree's own functions.
 */
#include <setjmp.h>
#include <stdio.h>
#include <string.h>

#include <generated/autoconf.h>
#include <linux/types.h>
#include <linux/ioport.h>
#include <linux/memblock.h>
#include <linux/boot_stubs.h>
#include <linux/bug.h>
#include <asm/arm64.h>

#include "boot_model.h"
#include "boot_run.h"
#include "early_params.h"
#include "facts.h"
#include "machine.h"
#include "memblock_view.h"
#include "paging.h"
#include "pgsim.h"
#include "printk_log.h"
#include "protos.h"
#include "stubs.h"
#include "watch.h"

#ifdef KRESV_LOC_reserve_crashkernel_generic
#define KRESV_WHERE_RESERVE KRESV_LOC_reserve_crashkernel_generic
#elif defined(KRESV_LOC_reserve_crashkernel)
#define KRESV_WHERE_RESERVE KRESV_LOC_reserve_crashkernel
#else
#define KRESV_WHERE_RESERVE KRESV_LOC_bootmem_init
#endif

/*
 * A panic of the kernel code (BUG(), or a modelled panic() such as 7.3's
 * memmap allocation failure) and a reservation loop without end stop the
 * boot there: both come back here by longjmp and are the kernel's
 * outcome, not a crash of kresv.
 */
enum { STOP_PANIC = 1, STOP_LOOP, STOP_SKIPPED };
static jmp_buf stop_boot;
static char panic_where[128], panic_msg[KRESV_LOG_LINE_MAX];

static void __attribute__((noreturn))
kernel_panicked(const char *file, int line, const char *msg)
{
	snprintf(panic_where, sizeof(panic_where), "%s:%d", file, line);
	snprintf(panic_msg, sizeof(panic_msg), "%s", msg);
	longjmp(stop_boot, STOP_PANIC);
}

/*
 * The reservation loop must end: the x86_32 and riscv64 dead loops of the
 * generic code retried forever. More attempts than this in one boot stop
 * the boot with the CRASH_RESERVE_LOOP finding.
 */
#define ALLOC_ATTEMPTS_MAX 1000
static int alloc_attempts;

void kresv_alloc_attempt(void)
{
	if (++alloc_attempts > ALLOC_ATTEMPTS_MAX)
		longjmp(stop_boot, STOP_LOOP);
}

bool kresv_boot_fuzz_mode;

static struct resource initial_crashk_res, initial_crashk_low_res;
#ifdef KRESV_HAVE_reserve_crashkernel_cma
extern int crashk_cma_cnt;	/* kernel/crash_reserve.c */
#endif

/* kernel state a boot changes, back to what the static initialisers say */
static void reset_kernel_state(void)
{
	static bool saved;

	if (!saved) {
		initial_crashk_res = crashk_res;
		initial_crashk_low_res = crashk_low_res;
		saved = true;
	}
	crashk_res = initial_crashk_res;
	crashk_low_res = initial_crashk_low_res;
#ifdef KRESV_HAVE_reserve_crashkernel_cma
	/* 7.3's crashkernel=,cma ranges, counted on by every boot: after
	 * four, a later boot reserved none */
	crashk_cma_cnt = 0;
#endif
	kresv_calls.n = 0;
	alloc_attempts = 0;
}

/*
 * Fuzz mode: a page-granular linear map costs a PTE write per 4 KiB page,
 * about 20 ms per GiB in the fuzz builds; above this much RAM (the sizes
 * the fuzzing target is set for) such boots are left out. The replay maps
 * any size. Bigger machines are fuzzed with the command lines that keep
 * blocks (rodata=off, 6.12's early KFENCE pool, 7.3 on a BBML3 CPU; not
 * 6.1 with crashkernel=, which forces pages).
 */
#define FUZZ_PAGE_MAP_MAX (16ULL << 30)

static const struct scenario *booting;

static bool too_slow_for_fuzzing(void)
{
	struct kresv_mmu_decisions d;
	unsigned long long ram = 0;
	unsigned int i;

	for (i = 0; i < booting->nr_memory; i++)
		ram += booting->memory[i].size;
	if (ram <= FUZZ_PAGE_MAP_MAX)
		return false;
	kresv_mmu_decisions(&d);
	return d.can_set_direct_map || d.crash_mem_map ||
	       d.force_pte_mapping || d.kfence_early_init;
}

/* setup_machine_fdt() of setup.c (a --stub): the scenario's /chosen */
void setup_machine_fdt(phys_addr_t dt_phys)
{
	(void)dt_phys;
	kresv_scan_chosen(booting);
	kresv_record("setup_machine_fdt(): /chosen of the scenario");
}

/*
 * parse_early_param(), called by setup_arch(): the command line cut into
 * parameters by the tree's next_arg(), each early parameter handed to the
 * units' handlers of its name (rodata=, kfence.sample_interval=, 6.1's
 * crashkernel, cma=, mem=). In fuzz mode a boot too slow to map stops
 * here (see above).
 */
void parse_early_param(void)
{
	static char tmp[sizeof(boot_command_line)];
	char *args = tmp, *param, *val;
	int i;

	kresv_record("parse_early_param()");
	memcpy(tmp, boot_command_line, sizeof(tmp));
	args = skip_spaces(args);
	while (*args) {
		args = next_arg(args, &param, &val);
		kresv_paging_param(param, val);
		for (i = 0; kresv_contig_params[i].name; i++)
			if (kresv_param_eq(param, kresv_contig_params[i].name))
				kresv_contig_params[i].setup(val);
		for (i = 0; kresv_arch_params[i].name; i++)
			if (kresv_param_eq(param, kresv_arch_params[i].name))
				kresv_arch_params[i].setup(val);
	}
	if (kresv_boot_fuzz_mode && too_slow_for_fuzzing())
		longjmp(stop_boot, STOP_SKIPPED);
}

/*
 * paging_init(), as setup_arch() calls it: the tree's own (the mmu unit,
 * harness/mmu/mmu_unit.c), over the simulated tables, with the
 * memstart_addr arm64_memblock_init() set. The reservation loop's
 * attempts are counted from here on: a page-granular map allocates
 * thousands of table pages.
 */
static volatile bool mapped;

void paging_init(void)
{
	kresv_record("paging_init()");
	kresv_memstart_addr = memstart_addr;	/* for map_mem() */
	kresv_mmu_paging_init();
	mapped = true;
	alloc_attempts = 0;
}

/*
 * RAM this kernel cannot address is a scenario error, not an outcome:
 * above the physical address range (CONFIG_ARM64_PA_BITS; 52 bits with 4K
 * or 16K pages only on an LPA2 CPU, else 48), or spanning more than the
 * linear map holds (2^(VA_BITS - 1); 52-bit VA also needs LPA2 there).
 */
int kresv_boot_check(const struct scenario *s, const char *path, char *err,
		     size_t errlen)
{
	unsigned int pa_bits = CONFIG_ARM64_PA_BITS;
	unsigned int va_bits = CONFIG_ARM64_VA_BITS;
	unsigned long long lo = ~0ULL, hi = 0, end;
	const char *why = "";
	unsigned int i;

	if (kresv_machine_check(s, path, err, errlen))
		return -1;

	if (PAGE_SHIFT != 16 && !(s->cpu & SCENARIO_CPU(LPA2)) &&
	    (pa_bits > 48 || va_bits > 48)) {
		pa_bits = pa_bits > 48 ? 48 : pa_bits;
		va_bits = va_bits > 48 ? 48 : va_bits;
		why = " (52 bits need the scenario's `cpu lpa2`)";
	}
	for (i = 0; i < s->nr_memory; i++) {
		end = s->memory[i].base + s->memory[i].size - 1;
		if (s->memory[i].base < lo)
			lo = s->memory[i].base;
		if (end > hi)
			hi = end;
		if (pa_bits < 64 && end >> pa_bits) {
			snprintf(err, errlen, "%s: memory 0x%llx-0x%llx lies beyond the %u-bit physical address range of this kernel%s",
				 path, (unsigned long long)s->memory[i].base,
				 end, pa_bits, why);
			return -1;
		}
	}
	if (s->nr_memory && hi - lo >= 1ULL << (va_bits - 1)) {
		snprintf(err, errlen, "%s: RAM 0x%llx-0x%llx spans more than the %u-bit linear map of this kernel holds (2^%u bytes)%s",
			 path, lo, hi, va_bits, va_bits - 1, why);
		return -1;
	}
	return 0;
}

static void check_expectations(const struct scenario *s, const char *tree,
			       const char *path, struct findings *fs)
{
	unsigned int i;
	int l;

	for (i = 0; i < s->nr_expect; i++) {
		const struct scenario_expect *e = &s->expect[i];
		bool seen = false;

		if (strcmp(e->key, tree) && strcmp(e->key, "any"))
			continue;
		for (l = 0; l < kresv_log.nlines && !seen; l++)
			seen = !strcmp(kresv_log.lines[l].text, e->text);
		if (!seen)
			findings_add(fs, "EXPECT_NOT_MET", path, e->text,
				     "expected log line not printed: %s", e->text);
	}
}

static void add_mmu_findings(struct findings *fs)
{
	int i;

	for (i = 0; i < kresv_mmu_findings.n; i++) {
		const struct finding *f = &kresv_mmu_findings.f[i];

		findings_add(fs, f->id, f->where, f->signature, "%s",
			     f->message);
	}
}

/*
 * After the boot, its outcome collected (the split's table pages come from
 * memblock's free RAM and are no reservation of the boot): 7.3's
 * split_kernel_leaf_mapping() for each `split` line of the scenario. A
 * panic there is the kernel's outcome too.
 */
static void run_splits(const struct scenario *s, struct boot_run *r)
{
	if (!s->nr_split || r->panicked || r->looped)
		return;
	kresv_panic_hook = kernel_panicked;
	if (setjmp(stop_boot) == STOP_PANIC) {
		r->panicked = true;
		findings_add(&r->fs, "KERNEL_PANIC", panic_where, panic_msg,
			     "the kernel panics: %s", panic_msg);
	} else {
		kresv_paging_split(s);
	}
	kresv_panic_hook = NULL;
}

void kresv_boot_run(const struct scenario *s, const char *tree,
		    const char *path, struct boot_run *r)
{
	static volatile int stopped;
	int (*skip)(const char *, const char *) = r->fs.skip;
	char *cmdline;

	stopped = 0;
	mapped = false;
	booting = s;
	r->skipped = false;
	kresv_tree_root = KRESV_TREE_ROOT;
	kresv_panic_hook = kernel_panicked;
	reset_kernel_state();
	kresv_set_up_machine(s);
	kresv_log_reset();
	kresv_watch_reset();
	kresv_model_reset(s);
	kresv_contig_reset();
	kresv_arch_reset();
	kresv_paging_reset(s);
	kresv_paging_alloc_note = kresv_model_note;
	stopped = setjmp(stop_boot);
	if (stopped == STOP_SKIPPED) {
		kresv_panic_hook = NULL;
		findings_reset(&r->fs);
		r->fs.skip = skip;
		r->skipped = true;
		return;
	}
	if (!stopped) {
		setup_arch(&cmdline);
#ifdef KRESV_HAVE_arch_zone_limits_init
		/*
		 * 7.3 on: start_kernel() -> mm_core_init_early(): the zones,
		 * then sparse_init(), after the crash reservation
		 */
		{
			unsigned long max_zone_pfn[MAX_NR_ZONES] = { 0 };

			arch_zone_limits_init(max_zone_pfn);
			free_area_init(max_zone_pfn);
			sparse_init();
		}
#endif
	}
	kresv_panic_hook = NULL;

	boot_outcome_collect(s, &r->out);
	findings_reset(&r->fs);
	r->fs.skip = skip;
	r->panicked = stopped == STOP_PANIC;
	r->looped = stopped == STOP_LOOP;
	r->mapped = mapped;
	if (r->panicked)
		findings_add(&r->fs, "KERNEL_PANIC", panic_where, panic_msg,
			     "the kernel panics: %s", panic_msg);
	if (r->looped)
		findings_add(&r->fs, "CRASH_RESERVE_LOOP", KRESV_WHERE_RESERVE,
			     "CRASH_RESERVE_LOOP",
			     "more than %d allocation attempts in one boot: the reservation does not terminate",
			     ALLOC_ATTEMPTS_MAX);
	if (mapped) {
		run_splits(s, r);
		kresv_paging_walk(&r->pg, true);
		add_mmu_findings(&r->fs);
	}
	boot_oracles(s, &r->out, &r->fs);
	kresv_watch_oracle(&r->fs);
	check_expectations(s, tree, path, &r->fs);
}
