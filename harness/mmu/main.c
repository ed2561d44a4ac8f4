// SPDX-License-Identifier: GPL-2.0
/*
 * kresv-linear-map: the tree's arm64 linear map of one scenario. The
 * scenario's machine goes into the tree's memblock (machine.c), the early
 * parameters that change the map go to the tree's own handlers (rodata=,
 * 6.1's crashkernel=, kfence.sample_interval=), and the tree's map_mem()
 * runs as paging_init() calls it, over simulated page-table memory
 * (pgsim.c). The tables are then walked (walk.c): counts by granularity,
 * table pages, ranges, and the oracles.
 *
 * LINEAR_MAP_FORCED_PAGES is differential: when the command line has a
 * crashkernel= parameter and the whole linear map came out in pages, the
 * same boot without the crashkernel= parameters runs in a child process;
 * if that one keeps blocks, crashkernel= forced the pages, and the cost is
 * the difference.
 *
 * Not run: the rest of paging_init() (map_kernel(), the idmap) and of
 * setup_arch(); arm64_memblock_init() is reduced to what map_mem() needs
 * (the kernel image reserved, memstart_addr), mem= is not applied.
 *
 * usage: kresv-linear-map [--label L] [--json] SCENARIO
 * Exit: 0 no finding, 1 findings, 2 bad input.
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <generated/autoconf.h>
#include <linux/types.h>
#include <linux/memblock.h>
#include <linux/bug.h>

#include "bad_input.h"
#include "json_out.h"
#include "machine.h"
#include "memblock_view.h"
#include "mmu_unit.h"
#include "pgsim.h"
#include "printk_log.h"
#include "scenario.h"
#include "stubs.h"
#include "walk.h"

#ifdef CONFIG_PAGE_SHIFT
#define CONFIG_PAGE_SHIFT_ CONFIG_PAGE_SHIFT
#else
#define CONFIG_PAGE_SHIFT_ CONFIG_ARM64_PAGE_SHIFT
#endif

#define EXIT_FINDINGS 1

#ifndef KRESV_LOC_map_mem
#define KRESV_LOC_map_mem "arch/arm64/mm/mmu.c"
#endif

/* lib/cmdline.c and lib/string_helpers.c of the tree (boot units) */
char *next_arg(char *args, char **param, char **val);
char *skip_spaces(const char *str);

/* the default image when the scenario has no kernel line (docs/scenario.md) */
#define DEFAULT_KERNEL_OFFSET	0x200000ULL
#define DEFAULT_KERNEL_SIZE	0x2a10000ULL

#define PARAMS_MAX 16

struct run {
	struct linear_map lm;
	struct kresv_mmu_geometry g;
	struct kresv_mmu_decisions d;
	struct findings fs;
	unsigned long long kernel_base, kernel_size;
	bool kernel_default;
	int nparams;
	char params[PARAMS_MAX][128];
	bool panicked;
	char panic_where[160], panic_msg[256];
	unsigned long long pgsim_pages, writes, barriers;
	bool ok;
};

static struct scenario scn;
static struct run run, alt;
static jmp_buf panic_jmp;

/* memblock_view.c counts the kernel's allocation attempts for the replay */
void kresv_alloc_attempt(void)
{
}

static struct run *cur;

static void __attribute__((noreturn))
panic_hook(const char *file, int line, const char *msg)
{
	cur->panicked = true;
	snprintf(cur->panic_where, sizeof(cur->panic_where), "%s:%d", file,
		 line);
	snprintf(cur->panic_msg, sizeof(cur->panic_msg), "%s", msg);
	longjmp(panic_jmp, 1);
}

static void note_param(struct run *r, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static void note_param(struct run *r, const char *fmt, ...)
{
	va_list ap;

	if (r->nparams == PARAMS_MAX)
		return;
	va_start(ap, fmt);
	vsnprintf(r->params[r->nparams++], sizeof(r->params[0]), fmt, ap);
	va_end(ap);
}

static bool call_handler(const struct kresv_early_param *t, char *param,
			 char *val, struct run *r)
{
	for (; t->name; t++) {
		if (!kresv_param_eq(param, t->name))
			continue;
		t->setup(val);
		note_param(r, "%s%s%s -> %s", param, val ? "=" : "",
			   val ? val : "", t->handler);
		return true;
	}
	return false;
}

/*
 * parse_early_param(): the command line cut by the tree's next_arg(), each
 * parameter the map depends on handed to the tree's handler. With
 * drop_crash, the crashkernel= parameters are left out (the counterfactual
 * boot of LINEAR_MAP_FORCED_PAGES).
 */
static void early_params(struct run *r, bool drop_crash)
{
	static char tmp[sizeof(boot_command_line)];
	char *args = tmp, *param, *val;

	memcpy(tmp, boot_command_line, sizeof(tmp));
	args = skip_spaces(args);
	while (*args) {
		args = next_arg(args, &param, &val);
		if (drop_crash && kresv_param_eq(param, "crashkernel"))
			continue;
		if (call_handler(kresv_mmu_params, param, val, r) ||
		    call_handler(kresv_rodata_params, param, val, r))
			continue;
		if (kresv_param_eq(param, "debug_pagealloc"))
			note_param(r, "%s: no handler in this build (CONFIG_DEBUG_PAGEALLOC is not set)",
				   param);
		else if (kresv_param_eq(param, "mem"))
			note_param(r, "mem=%s: not applied (arm64_memblock_init() is not in the model)",
				   val ? val : "");
	}
}

static unsigned long long first_ram(void)
{
	unsigned long long b, s;
	unsigned int flags;

	if (!kresv_mb_count(KRESV_MB_MEMORY))
		return 0;
	kresv_mb_region(KRESV_MB_MEMORY, 0, &b, &s, &flags);
	return b;
}

static void boot(struct run *r, bool drop_crash)
{
	unsigned long long base, size, init_begin, init_end, ram;
	const unsigned long long pud_size = 1ULL << (3 * (CONFIG_PAGE_SHIFT_) - 6);

	memset(r, 0, sizeof(*r));
	cur = r;
	kresv_pgsim_reset();
	kresv_log_reset();
	findings_reset(&kresv_mmu_findings);
	kresv_calls.n = 0;
	kresv_set_up_machine(&scn);

	/* the CPU: 52-bit VA needs LPA2 (4K pages), else 48 (head.S) */
	kresv_cpu_lpa2 = scn.cpu & SCENARIO_CPU(LPA2);
	kresv_cpu_bbml3 = scn.cpu & SCENARIO_CPU(BBML3);
	kresv_vabits_actual = CONFIG_ARM64_VA_BITS > 48 && !kresv_cpu_lpa2 ?
			      48 : CONFIG_ARM64_VA_BITS;

	/* the kernel image: the scenario's, else 2 MiB into the first bank */
	ram = first_ram();
	if (scn.has_kernel) {
		base = scn.kernel.base;
		size = scn.kernel.size;
	} else {
		base = ((ram + 0x1fffffULL) & ~0x1fffffULL) +
		       DEFAULT_KERNEL_OFFSET;
		size = DEFAULT_KERNEL_SIZE;
		memblock_reserve(base, size);	/* arm64_memblock_init() */
		r->kernel_default = true;
	}
	r->kernel_base = base;
	r->kernel_size = size;
	/* sections by proportion: kresv has no System.map of the image */
	init_begin = base + ((size / 2) & ~0xffffULL);
	init_end = init_begin + ((size / 8) & ~0xffffULL);
	kresv_ksym[0] = base;			/* _text */
	kresv_ksym[1] = base;			/* _stext */
	kresv_ksym[2] = init_begin;		/* __init_begin */
	kresv_ksym[3] = init_end;		/* __init_end */
	kresv_ksym[4] = base + size;		/* __bss_stop */
	kresv_ksym[5] = base + size;		/* _end */

	/* arm64_memblock_init(): memstart_addr */
	kresv_memstart_addr = (long long)(ram & ~(pud_size - 1));
	if (CONFIG_ARM64_VA_BITS > 48 && kresv_vabits_actual != 52)
		kresv_memstart_addr -= (long long)((1ULL << 52) - (1ULL << 48));

	/* swapper_pg_dir in the image's read-only data */
	kresv_mmu_setup(init_begin - (1ULL << CONFIG_PAGE_SHIFT_));
	early_params(r, drop_crash);

	kresv_panic_hook = panic_hook;
	if (!setjmp(panic_jmp))
		kresv_mmu_map_mem();
	kresv_panic_hook = NULL;

	kresv_mmu_geometry(&r->g);
	kresv_mmu_decisions(&r->d);
	lm_walk(&r->g, &r->lm);
	lm_oracles(&r->g, &r->lm);
	if (r->panicked)
		findings_add(&kresv_mmu_findings, "KERNEL_PANIC",
			     r->panic_where, "KERNEL_PANIC", "%s",
			     r->panic_msg);
	r->fs = kresv_mmu_findings;
	r->pgsim_pages = kresv_pgsim_pages();
	r->writes = kresv_pgsim_stats.writes;
	r->barriers = kresv_pgsim_stats.barriers;
	r->ok = true;
}

static bool has_crashkernel(void)
{
	static char tmp[sizeof(boot_command_line)];
	char *args = tmp, *param, *val;

	snprintf(tmp, sizeof(tmp), "%s", scn.has_cmdline ? scn.cmdline : "");
	args = skip_spaces(args);
	while (*args) {
		args = next_arg(args, &param, &val);
		if (kresv_param_eq(param, "crashkernel"))
			return true;
	}
	return false;
}

/*
 * The boot without crashkernel=, in a child that starts from the tree's
 * fresh state and runs beside the parent's boot; its result comes back
 * through a pipe (counterfactual_result()).
 */
static pid_t alt_pid = -1;
static int alt_fd = -1;

static void counterfactual_start(void)
{
	int fd[2];
	pid_t pid;

	if (pipe(fd))
		return;
	fflush(NULL);
	pid = fork();
	if (pid < 0) {
		close(fd[0]);
		close(fd[1]);
		return;
	}
	if (!pid) {
		size_t done = 0;

		close(fd[0]);
		boot(&alt, true);
		while (done < sizeof(alt)) {
			ssize_t n = write(fd[1], (char *)&alt + done,
					  sizeof(alt) - done);

			if (n <= 0)
				_exit(1);
			done += (size_t)n;
		}
		_exit(0);
	}
	close(fd[1]);
	alt_pid = pid;
	alt_fd = fd[0];
}

static bool counterfactual_result(void)
{
	size_t got = 0;
	int status;

	if (alt_pid < 0)
		return false;
	while (got < sizeof(alt)) {
		ssize_t n = read(alt_fd, (char *)&alt + got, sizeof(alt) - got);

		if (n <= 0)
			break;
		got += (size_t)n;
	}
	close(alt_fd);
	waitpid(alt_pid, &status, 0);
	return got == sizeof(alt) && alt.ok;
}

static unsigned long long kib(unsigned long long pages)
{
	return pages << (CONFIG_PAGE_SHIFT_ - 10);
}

static void forced_pages_oracle(void)
{
	const struct linear_map *a = &run.lm, *b = &alt.lm;
	unsigned long long ta = lm_table_pages(a), tb = lm_table_pages(b);

	findings_add(&run.fs, "LINEAR_MAP_FORCED_PAGES", KRESV_LOC_map_mem,
		     "LINEAR_MAP_FORCED_PAGES",
		     "crashkernel= forces the whole linear map (but the kernel image's alias) to %u KiB pages: %llu PTEs in %llu table pages (%llu KiB); without it %llu PUD and %llu PMD blocks, %llu contiguous PMD and %llu contiguous PTE groups in %llu table pages (%llu KiB): +%llu table pages (+%llu KiB)",
		     1u << (CONFIG_PAGE_SHIFT_ - 10), a->ptes, ta, kib(ta),
		     b->pud_blocks, b->pmd_blocks, b->cont_pmd, b->cont_pte,
		     tb, kib(tb), ta - tb, kib(ta - tb));
}

static const char *yes(bool b)
{
	return b ? "true" : "false";
}

static void print_counts(const char *indent, const struct linear_map *lm)
{
	unsigned long long t = lm_table_pages(lm);

	printf("%spud_blocks:  %llu\n", indent, lm->pud_blocks);
	printf("%spmd_blocks:  %llu\n", indent, lm->pmd_blocks);
	printf("%scont_pmd:    %llu\n", indent, lm->cont_pmd);
	printf("%scont_pte:    %llu\n", indent, lm->cont_pte);
	printf("%sptes:        %llu\n", indent, lm->ptes);
	printf("%stable_pages: %llu (p4d %llu, pud %llu, pmd %llu, pte %llu) = %llu KiB\n",
	       indent, t, lm->table_pages[0], lm->table_pages[1],
	       lm->table_pages[2], lm->table_pages[3], kib(t));
}

static void print_text(const char *label, const char *path, bool have_alt)
{
	const struct kresv_mmu_decisions *d = &run.d;
	int i;

	printf("tree:      %s\n", label);
	printf("scenario:  %s\n", path);
	printf("kernel:    0x%llx - 0x%llx (%s)\n", run.kernel_base,
	       run.kernel_base + run.kernel_size - 1,
	       run.kernel_default ? "default placement" : "scenario");
	printf("va bits:   %llu (CONFIG_ARM64_VA_BITS=%d%s), %d levels\n",
	       kresv_vabits_actual, CONFIG_ARM64_VA_BITS,
	       CONFIG_ARM64_VA_BITS > 48 && !kresv_cpu_lpa2 ?
	       ", no LPA2: 48-bit fallback" : "", run.g.levels);
	printf("early params:\n");
	for (i = 0; i < run.nparams; i++)
		printf("  %s\n", run.params[i]);
	printf("decisions:\n");
	printf("  can_set_direct_map() = %s (rodata_full %s, kfence_early_init %s, debug_pagealloc %s)\n",
	       yes(d->can_set_direct_map), yes(d->rodata_full),
	       yes(d->kfence_early_init), yes(d->debug_pagealloc));
	if (d->has_force_pte_mapping)
		printf("  force_pte_mapping() = %s (cpu bbml3 %s)\n",
		       yes(d->force_pte_mapping), yes(kresv_cpu_bbml3));
	if (d->has_crash_mem_map)
		printf("  crash_mem_map = %s, defer_reserve_crashkernel() = %s\n",
		       yes(d->crash_mem_map), yes(d->defer_reserve_crashkernel));
	if (d->kfence_pool)
		printf("  kfence pool: 0x%llx - 0x%llx\n", d->kfence_pool,
		       d->kfence_pool + d->kfence_pool_size - 1);
	printf("log:\n");
	for (i = 0; i < kresv_log.nlines; i++)
		printf("  %s\n", kresv_log.lines[i].text);
	printf("linear_map:\n");
	print_counts("  ", &run.lm);
	printf("  ranges:\n");
	for (i = 0; i < run.lm.nranges; i++)
		printf("    0x%016llx - 0x%016llx %-9s at 0x%016llx\n",
		       run.lm.range[i].pa, run.lm.range[i].end - 1,
		       lm_gran_name[run.lm.range[i].gran], run.lm.range[i].va);
	if (run.lm.ranges_truncated)
		printf("    ... (more than %d ranges)\n", LM_RANGES_MAX);
	if (have_alt) {
		printf("without crashkernel=:\n");
		print_counts("  ", &alt.lm);
	}
	printf("page-table writes: %llu, barriers: %llu\n", run.writes,
	       run.barriers);
	if (run.fs.n) {
		printf("findings:\n");
		findings_print(&run.fs, stdout);
	}
}

static json_object *counts_json(const struct linear_map *lm, bool ranges)
{
	json_object *o = json_object_new_object(), *t, *r;
	int i;

	json_object_object_add(o, "pud_blocks", json_object_new_uint64(lm->pud_blocks));
	json_object_object_add(o, "pmd_blocks", json_object_new_uint64(lm->pmd_blocks));
	json_object_object_add(o, "cont_pmd", json_object_new_uint64(lm->cont_pmd));
	json_object_object_add(o, "cont_pte", json_object_new_uint64(lm->cont_pte));
	json_object_object_add(o, "ptes", json_object_new_uint64(lm->ptes));
	t = json_object_new_object();
	json_object_object_add(t, "total", json_object_new_uint64(lm_table_pages(lm)));
	json_object_object_add(t, "p4d", json_object_new_uint64(lm->table_pages[0]));
	json_object_object_add(t, "pud", json_object_new_uint64(lm->table_pages[1]));
	json_object_object_add(t, "pmd", json_object_new_uint64(lm->table_pages[2]));
	json_object_object_add(t, "pte", json_object_new_uint64(lm->table_pages[3]));
	json_object_object_add(t, "bytes", json_object_new_uint64(
		lm_table_pages(lm) << CONFIG_PAGE_SHIFT_));
	json_object_object_add(o, "table_pages", t);
	if (!ranges)
		return o;
	r = json_object_new_array();
	for (i = 0; i < lm->nranges; i++) {
		json_object *e = json_object_new_object();

		json_object_object_add(e, "start", json_object_new_uint64(lm->range[i].pa));
		json_object_object_add(e, "end", json_object_new_uint64(lm->range[i].end));
		json_object_object_add(e, "va", json_object_new_uint64(lm->range[i].va));
		json_object_object_add(e, "granularity", json_object_new_string(
					       lm_gran_name[lm->range[i].gran]));
		json_object_array_add(r, e);
	}
	json_object_object_add(o, "ranges", r);
	json_object_object_add(o, "ranges_truncated",
			       json_object_new_boolean(lm->ranges_truncated));
	return o;
}

static void print_json(const char *label, const char *path, bool have_alt)
{
	json_object *obj = json_object_new_object(), *a, *d;
	const struct kresv_mmu_decisions *dd = &run.d;
	int i;

	json_object_object_add(obj, "tree", json_object_new_string(label));
	json_object_object_add(obj, "scenario", json_object_new_string(path));
	json_object_object_add(obj, "va_bits", json_object_new_uint64(kresv_vabits_actual));
	json_object_object_add(obj, "levels", json_object_new_int(run.g.levels));
	a = json_object_new_array();
	for (i = 0; i < run.nparams; i++)
		json_object_array_add(a, json_object_new_string(run.params[i]));
	json_object_object_add(obj, "early_params", a);
	d = json_object_new_object();
	json_object_object_add(d, "can_set_direct_map", json_object_new_boolean(dd->can_set_direct_map));
	json_object_object_add(d, "rodata_full", json_object_new_boolean(dd->rodata_full));
	json_object_object_add(d, "kfence_early_init", json_object_new_boolean(dd->kfence_early_init));
	json_object_object_add(d, "debug_pagealloc", json_object_new_boolean(dd->debug_pagealloc));
	if (dd->has_force_pte_mapping)
		json_object_object_add(d, "force_pte_mapping", json_object_new_boolean(dd->force_pte_mapping));
	if (dd->has_crash_mem_map) {
		json_object_object_add(d, "crash_mem_map", json_object_new_boolean(dd->crash_mem_map));
		json_object_object_add(d, "defer_reserve_crashkernel", json_object_new_boolean(dd->defer_reserve_crashkernel));
	}
	json_object_object_add(obj, "decisions", d);
	a = json_object_new_array();
	for (i = 0; i < kresv_log.nlines; i++)
		json_object_array_add(a, json_object_new_string(kresv_log.lines[i].text));
	json_object_object_add(obj, "log", a);
	json_object_object_add(obj, "linear_map", counts_json(&run.lm, true));
	if (have_alt)
		json_object_object_add(obj, "without_crashkernel",
				       counts_json(&alt.lm, false));
	json_object_object_add(obj, "findings", findings_to_json(&run.fs));
	json_emit(obj);
}

int main(int argc, char **argv)
{
	const char *label = "tree", *path = NULL;
	bool json = false, have_alt = false;
	char err[512];
	int i;

	bad_input_tool = "kresv linear-map";
	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--json"))
			json = true;
		else if (!strcmp(argv[i], "--label") && i + 1 < argc)
			label = argv[++i];
		else if (argv[i][0] == '-')
			bad_input("unknown option %s", argv[i]);
		else if (!path)
			path = argv[i];
		else
			bad_input("one scenario at a time");
	}
	if (!path)
		bad_input("usage: kresv-linear-map [--label L] [--json] SCENARIO");
	if (scenario_load(path, &scn, err, sizeof(err)))
		bad_input("%s", err);
	if (scn.nr_config)
		bad_input("%s: config lines need a build per configuration, which kresv does not do yet",
			  path);

	/* before the tree's state is touched: the child starts from it */
	if (has_crashkernel())
		counterfactual_start();
	boot(&run, false);
	have_alt = counterfactual_result();
	/*
	 * The kernel image's linear alias is mapped on its own terms (6.1,
	 * 6.12: no contiguous bit, blocks allowed): "whole" is all the rest.
	 */
	if (have_alt && !run.panicked && !alt.panicked &&
	    lm_all_pages(&run.lm, run.kernel_base,
			 run.kernel_base + run.kernel_size) &&
	    !lm_all_pages(&alt.lm, alt.kernel_base,
			  alt.kernel_base + alt.kernel_size))
		forced_pages_oracle();

	if (json)
		print_json(label, path, have_alt);
	else
		print_text(label, path, have_alt);
	return run.fs.n ? EXIT_FINDINGS : 0;
}
