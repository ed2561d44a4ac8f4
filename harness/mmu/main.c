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
 * After the boot, 7.3's split_kernel_leaf_mapping() runs for each of the
 * scenario's `split` lines (kresv_paging_split()), before the walk.
 *
 * Not run: the rest of paging_init() (map_kernel(), the idmap) and of
 * setup_arch(); arm64_memblock_init() is reduced to what map_mem() needs
 * (the kernel image reserved, memstart_addr), mem= is not applied (the
 * replay, harness/boot/boot_run.c, runs all of them).
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
#include "boot_model.h"
#include "json_out.h"
#include "lm_report.h"
#include "machine.h"
#include "memblock_view.h"
#include "mmu_unit.h"
#include "paging.h"
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

#define PARAMS_MAX 16

struct run {
	struct paging_run p;
	struct findings fs;
	unsigned long long kernel_base, kernel_size;
	bool kernel_default;
	int nparams;
	char params[PARAMS_MAX][128];
	bool panicked;
	char panic_where[160], panic_msg[256];
	unsigned long long pgsim_pages;
	bool ok;
};

static struct scenario scn;
static struct run run, alt;
static jmp_buf panic_jmp;
static volatile bool map_done;	/* map_mem() returned (no panic in it) */

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
	const char *handler;

	memcpy(tmp, boot_command_line, sizeof(tmp));
	args = skip_spaces(args);
	while (*args) {
		args = next_arg(args, &param, &val);
		if (drop_crash && kresv_param_eq(param, "crashkernel"))
			continue;
		handler = kresv_paging_param(param, val);
		if (handler) {
			note_param(r, "%s%s%s -> %s", param, val ? "=" : "",
				   val ? val : "", handler);
			continue;
		}
		if (kresv_param_eq(param, "debug_pagealloc"))
			note_param(r, "%s: no handler in this build (CONFIG_DEBUG_PAGEALLOC is not set)",
				   param);
		else if (kresv_param_eq(param, "mem"))
			note_param(r, "mem=%s: not applied here (./kresv replay runs arm64_memblock_init())",
				   val ? val : "");
	}
}

static void boot(struct run *r, bool drop_crash)
{
	memset(r, 0, sizeof(*r));
	cur = r;
	kresv_log_reset();
	kresv_calls.n = 0;
	kresv_set_up_machine(&scn);
	kresv_scan_chosen(&scn);
	kresv_reserve_image(&scn);	/* arm64_memblock_init(), reduced */
	kresv_model_reset(&scn);	/* the measured image layout */
	kresv_paging_reset(&scn);
	r->kernel_base = kresv_kernel_base;
	r->kernel_size = kresv_kernel_size;
	r->kernel_default = kresv_kernel_default;
	early_params(r, drop_crash);

	kresv_tree_root = KRESV_TREE_ROOT;
	kresv_panic_hook = panic_hook;
	map_done = false;
	if (!setjmp(panic_jmp)) {
		kresv_paging_map();
		map_done = true;
		kresv_paging_split(&scn);	/* after the boot */
	}
	kresv_panic_hook = NULL;

	kresv_paging_walk(&r->p, map_done);
	if (r->panicked)
		findings_add(&kresv_mmu_findings, "KERNEL_PANIC",
			     r->panic_where, "KERNEL_PANIC", "%s",
			     r->panic_msg);
	r->fs = kresv_mmu_findings;
	r->pgsim_pages = kresv_pgsim_pages();
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
	const struct linear_map *a = &run.p.lm, *b = &alt.p.lm;
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

static void print_text(const char *label, const char *path, bool have_alt)
{
	const struct kresv_mmu_decisions *d = &run.p.d;
	int i;

	printf("tree:      %s\n", label);
	printf("scenario:  %s\n", path);
	printf("kernel:    0x%llx - 0x%llx (%s)\n", run.kernel_base,
	       run.kernel_base + run.kernel_size - 1,
	       run.kernel_default ? "default placement" : "scenario");
	printf("va bits:   %llu (CONFIG_ARM64_VA_BITS=%d%s), %d levels\n",
	       kresv_vabits_actual, CONFIG_ARM64_VA_BITS,
	       CONFIG_ARM64_VA_BITS > 48 && !kresv_cpu_lpa2 ?
	       ", no LPA2: 48-bit fallback" : "", run.p.g.levels);
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
	if (run.p.nsplits) {
		printf("after the boot:\n");
		for (i = 0; i < run.p.nsplits; i++) {
			const struct paging_split *c = &run.p.split[i];

			printf("  split_kernel_leaf_mapping(0x%llx, 0x%llx) = %d (phys 0x%llx - 0x%llx)\n",
			       c->va, c->va_end, c->ret, c->pa, c->pa_end - 1);
		}
	}
	printf("linear_map:\n");
	lm_print_counts("  ", &run.p.lm, CONFIG_PAGE_SHIFT_);
	printf("  ranges:\n");
	lm_print_ranges("    ", &run.p.lm, false);
	lm_print_image("", &run.p, CONFIG_PAGE_SHIFT_);
	if (have_alt) {
		printf("without crashkernel=:\n");
		lm_print_counts("  ", &alt.p.lm, CONFIG_PAGE_SHIFT_);
	}
	printf("page-table writes: %llu, barriers: %llu\n", run.p.writes,
	       run.p.barriers);
	if (run.fs.n) {
		printf("findings:\n");
		findings_print(&run.fs, stdout);
	}
}

static void print_json(const char *label, const char *path, bool have_alt)
{
	json_object *obj = json_object_new_object(), *a, *d;
	const struct kresv_mmu_decisions *dd = &run.p.d;
	int i;

	json_object_object_add(obj, "tree", json_object_new_string(label));
	json_object_object_add(obj, "scenario", json_object_new_string(path));
	json_object_object_add(obj, "va_bits", json_object_new_uint64(kresv_vabits_actual));
	json_object_object_add(obj, "levels", json_object_new_int(run.p.g.levels));
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
	if (run.p.nsplits) {
		a = json_object_new_array();
		for (i = 0; i < run.p.nsplits; i++) {
			const struct paging_split *c = &run.p.split[i];
			json_object *o = json_object_new_object();

			json_object_object_add(o, "start", json_object_new_uint64(c->pa));
			json_object_object_add(o, "end", json_object_new_uint64(c->pa_end));
			json_object_object_add(o, "va", json_object_new_uint64(c->va));
			json_object_object_add(o, "va_end", json_object_new_uint64(c->va_end));
			json_object_object_add(o, "ret", json_object_new_int(c->ret));
			json_object_array_add(a, o);
		}
		json_object_object_add(obj, "splits", a);
	}
	json_object_object_add(obj, "linear_map", lm_to_json(&run.p.lm, CONFIG_PAGE_SHIFT_, true, false));
	json_object_object_add(obj, "kernel_image", lm_image_to_json(&run.p, CONFIG_PAGE_SHIFT_));
	if (have_alt)
		json_object_object_add(obj, "without_crashkernel",
				       lm_to_json(&alt.p.lm, CONFIG_PAGE_SHIFT_, false, false));
	json_object_object_add(obj, "findings", findings_to_json(&run.fs));
	json_emit(obj);
}

int main(int argc, char **argv)
{
	const char *label = "tree", *path = NULL, *built_with = NULL;
	bool json = false, have_alt = false;
	char err[512];
	int i;

	bad_input_tool = "kresv linear-map";
	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--json"))
			json = true;
		else if (!strcmp(argv[i], "--label") && i + 1 < argc)
			label = argv[++i];
		else if (!strcmp(argv[i], "--built-with") && i + 1 < argc)
			built_with = argv[++i];
		else if (argv[i][0] == '-')
			bad_input("unknown option %s", argv[i]);
		else if (!path)
			path = argv[i];
		else
			bad_input("one scenario at a time");
	}
	if (!path)
		bad_input("usage: kresv-linear-map [--label L] [--built-with CONFIG] [--json] SCENARIO");
	if (scenario_load(path, &scn, err, sizeof(err)) ||
	    kresv_machine_check(&scn, path, err, sizeof(err)))
		bad_input("%s", err);
	if (kresv_check_built_with(&scn, path, built_with, err, sizeof(err)))
		bad_input("%s", err);

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
	    lm_all_pages(&run.p.lm, run.kernel_base,
			 run.kernel_base + run.kernel_size) &&
	    !lm_all_pages(&alt.p.lm, alt.kernel_base,
			  alt.kernel_base + alt.kernel_size))
		forced_pages_oracle();

	if (json)
		print_json(label, path, have_alt);
	else
		print_text(label, path, have_alt);
	return run.fs.n ? EXIT_FINDINGS : 0;
}
