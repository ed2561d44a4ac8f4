// SPDX-License-Identifier: GPL-2.0
/*
 * kresv-replay: one boot of a scenario through the tree's own code. The
 * scenario's RAM, reserved and no-map ranges and kernel image go into the
 * tree's memblock, then the tree's bootmem_init() runs: it sets the DMA
 * limit and reserves the crash region with the tree's own functions.
 *
 * Before it, the early parameters of the command line go to the tree's
 * own handlers (cma=, through next_arg() as parse_early_param() does) and
 * the boot model (boot_model.c) makes the allocations of setup_arch() that
 * come before bootmem_init(): the page tables of paging_init() and the
 * unflattened device tree; arch_numa_init() and sparse_init() allocate
 * through it too. The CMA area is the tree's dma_contiguous_reserve() over
 * a model of mm/cma.c.
 *
 * usage: kresv-replay [--label L] [--tree-name N] [--json] SCENARIO
 * The scenario's `expect N TEXT` lines (and `expect any TEXT`) must each be
 * a line of the log; one that is not is an EXPECT_NOT_MET finding.
 * --bench N boots the scenario N more times in this process and prints the
 * mean time of one boot (set-up, bootmem_init(), oracles) on stderr.
 * Exit: 0 no finding, 1 findings, 2 bad input.
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <generated/autoconf.h>
#include <linux/types.h>
#include <linux/ioport.h>
#include <linux/memblock.h>
#include <linux/boot_stubs.h>
#include <linux/bug.h>
#include <asm/arm64.h>

#include "boot_model.h"
#include "boot_oracles.h"
#include "early_params.h"
#include "facts.h"
#include "bad_input.h"
#include "findings.h"
#include "json_out.h"
#include "machine.h"
#include "memblock_view.h"
#include "printk_log.h"
#include "protos.h"
#include "scenario.h"
#include "stubs.h"
#include "watch.h"


#define EXIT_FINDINGS 1
#ifdef KRESV_LOC_reserve_crashkernel_generic
#define KRESV_WHERE_RESERVE KRESV_LOC_reserve_crashkernel_generic
#elif defined(KRESV_LOC_reserve_crashkernel)
#define KRESV_WHERE_RESERVE KRESV_LOC_reserve_crashkernel
#else
#define KRESV_WHERE_RESERVE KRESV_LOC_bootmem_init
#endif

static struct scenario scn;

/*
 * The reservation loop must end: the x86_32 and riscv64 dead loops of the
 * generic code retried forever. More attempts than this in one boot stop
 * the replay with the CRASH_RESERVE_LOOP finding.
 */
#define ALLOC_ATTEMPTS_MAX 1000
static int alloc_attempts;

void kresv_alloc_attempt(void)
{
	if (++alloc_attempts <= ALLOC_ATTEMPTS_MAX)
		return;
	printf("%s: WARNING: CRASH_RESERVE_LOOP: more than %d allocation attempts in one boot: the reservation does not terminate\n",
	       KRESV_WHERE_RESERVE, ALLOC_ATTEMPTS_MAX);
	exit(EXIT_FINDINGS);
}

static struct resource initial_crashk_res, initial_crashk_low_res;

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
	kresv_calls.n = 0;
	alloc_attempts = 0;
}

static void boot(struct boot_outcome *out, struct findings *fs,
		 const char *tree, const char *path);

/*
 * parse_early_param(): the command line cut into parameters by the tree's
 * next_arg(), each early parameter handed to its handler in the units, and
 * to the boot model for the ones modelled code reads.
 */
static void parse_early_params(void)
{
	static char tmp[sizeof(boot_command_line)];
	char *args = tmp, *param, *val;
	int i;

	memcpy(tmp, boot_command_line, sizeof(tmp));
	args = skip_spaces(args);
	while (*args) {
		args = next_arg(args, &param, &val);
		kresv_model_param(param, val);
		for (i = 0; kresv_contig_params[i].name; i++)
			if (kresv_param_eq(param, kresv_contig_params[i].name))
				kresv_contig_params[i].setup(val);
	}
}

static double bench(int n, const char *tree, const char *path)
{
	static struct boot_outcome out;
	static struct findings fs;
	struct timespec a, b;
	int i;

	clock_gettime(CLOCK_MONOTONIC, &a);
	for (i = 0; i < n; i++)
		boot(&out, &fs, tree, path);
	clock_gettime(CLOCK_MONOTONIC, &b);
	return ((b.tv_sec - a.tv_sec) * 1e9 + (b.tv_nsec - a.tv_nsec)) / n / 1e3;
}

/*
 * RAM this kernel cannot address is a scenario error, not an outcome:
 * above the physical address range (CONFIG_ARM64_PA_BITS; 52 bits with 4K
 * or 16K pages only on an LPA2 CPU, else 48), or spanning more than the
 * linear map holds (2^(VA_BITS - 1); 52-bit VA also needs LPA2 there).
 */
static void check_addressable(const struct scenario *s, const char *path)
{
	unsigned int pa_bits = CONFIG_ARM64_PA_BITS;
	unsigned int va_bits = CONFIG_ARM64_VA_BITS;
	unsigned long long lo = ~0ULL, hi = 0, end;
	const char *why = "";
	unsigned int i;

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
		if (pa_bits < 64 && end >> pa_bits)
			bad_input("%s: memory 0x%llx-0x%llx lies beyond the %u-bit physical address range of this kernel%s",
				  path, (unsigned long long)s->memory[i].base,
				  end, pa_bits, why);
	}
	if (s->nr_memory && hi - lo >= 1ULL << (va_bits - 1))
		bad_input("%s: RAM 0x%llx-0x%llx spans more than the %u-bit linear map of this kernel holds (2^%u bytes)%s",
			  path, lo, hi, va_bits, va_bits - 1, why);
}

/*
 * A scenario's `config` lines need a build of the tree with them (the front
 * makes one per configuration, ./kresv replay): this binary must have been
 * built from a config that says what each line says. built_with is that
 * config file.
 */
static void check_built_with(const struct scenario *s, const char *path,
			     const char *built_with)
{
	static char text[1 << 20];
	char want[SCENARIO_CONFIG_NAME_SIZE + SCENARIO_CONFIG_VALUE_SIZE + 32];
	size_t n;
	unsigned int i;
	FILE *f;

	if (!built_with)
		bad_input("%s: config lines need a build for that configuration: run it with ./kresv replay",
			  path);
	f = fopen(built_with, "r");
	if (!f)
		bad_input("%s: cannot read: %s", built_with, strerror(errno));
	n = fread(text + 1, 1, sizeof(text) - 2, f);
	fclose(f);
	text[0] = '\n';
	text[n + 1] = 0;
	for (i = 0; i < s->nr_config; i++) {
		const struct scenario_config *c = &s->config[i];

		if (!strcmp(c->value, "n"))
			snprintf(want, sizeof(want), "\n# %s is not set\n", c->name);
		else
			snprintf(want, sizeof(want), "\n%s=%s\n", c->name, c->value);
		if (!strstr(text, want))
			bad_input("%s: this replay was built from %s, which does not say %s=%s",
				  path, built_with, c->name, c->value);
	}
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

static void print_text(const char *label, const char *path,
		       const struct boot_outcome *o, const struct findings *fs)
{
	int i;

	printf("tree:      %s\n", label);
	printf("scenario:  %s\n", path);
	for (i = 0; i < (int)scn.nr_config; i++)
		printf("config:    %s=%s (a build for this configuration)\n",
		       scn.config[i].name, scn.config[i].value);
	printf("log:\n");
	for (i = 0; i < kresv_log.nlines; i++)
		printf("  %s\n", kresv_log.lines[i].text);
	printf("dma limit: 0x%llx (arm64_dma_phys_limit)\n", o->dma_limit);
	for (i = 0; i < kresv_answers.nr_zones; i++)
		printf("zone:      %-6s ends at pfn 0x%lx (free_area_init)\n",
		       kresv_zone_names[i], kresv_answers.max_zone_pfn[i]);
	printf("reservations:\n");
	for (i = 0; i < o->nres; i++)
		printf("  %-14s 0x%016llx - 0x%016llx (%llu MB)\n",
		       o->res[i].name, o->res[i].start, o->res[i].end,
		       (o->res[i].end - o->res[i].start) >> 20);
	printf("stub calls:\n");
	for (i = 0; i < kresv_calls.n; i++)
		printf("  %s\n", kresv_calls.call[i]);
	if (fs->n) {
		printf("findings:\n");
		findings_print(fs, stdout);
	}
}

static void print_json(const char *label, const char *path,
		       const struct boot_outcome *o, const struct findings *fs)
{
	json_object *obj = json_object_new_object();
	json_object *log = json_object_new_array();
	json_object *res = json_object_new_array();
	json_object *calls = json_object_new_array();
	json_object *zones = json_object_new_array();
	int i;

	json_object_object_add(obj, "tree", json_object_new_string(label));
	json_object_object_add(obj, "scenario", json_object_new_string(path));
	for (i = 0; i < kresv_log.nlines; i++)
		json_object_array_add(log, json_object_new_string(
					      kresv_log.lines[i].text));
	json_object_object_add(obj, "log", log);
	json_object_object_add(obj, "dma_limit",
			       json_object_new_uint64(o->dma_limit));
	for (i = 0; i < kresv_answers.nr_zones; i++) {
		json_object *z = json_object_new_object();

		json_object_object_add(z, "zone", json_object_new_string(
					       kresv_zone_names[i]));
		json_object_object_add(z, "end_pfn", json_object_new_uint64(
					       kresv_answers.max_zone_pfn[i]));
		json_object_array_add(zones, z);
	}
	json_object_object_add(obj, "zones", zones);
	for (i = 0; i < o->nres; i++) {
		json_object *r = json_object_new_object();

		json_object_object_add(r, "name",
				       json_object_new_string(o->res[i].name));
		json_object_object_add(r, "start",
				       json_object_new_uint64(o->res[i].start));
		json_object_object_add(r, "end",
				       json_object_new_uint64(o->res[i].end));
		json_object_array_add(res, r);
	}
	json_object_object_add(obj, "reservations", res);
	for (i = 0; i < kresv_calls.n; i++)
		json_object_array_add(calls, json_object_new_string(
					      kresv_calls.call[i]));
	json_object_object_add(obj, "stub_calls", calls);
	json_object_object_add(obj, "findings", findings_to_json(fs));
	json_emit(obj);
}

/*
 * A panic of the kernel code (BUG(), or a modelled panic() such as 7.3's
 * memmap allocation failure) ends the boot there: it comes back here and
 * is reported as the kernel's outcome, KERNEL_PANIC, not as a crash of
 * kresv.
 */
static jmp_buf panic_return;
static char panic_where[128], panic_msg[KRESV_LOG_LINE_MAX];

static void __attribute__((noreturn))
kernel_panicked(const char *file, int line, const char *msg)
{
	snprintf(panic_where, sizeof(panic_where), "%s:%d", file, line);
	snprintf(panic_msg, sizeof(panic_msg), "%s", msg);
	longjmp(panic_return, 1);
}

static void boot(struct boot_outcome *out, struct findings *fs,
		 const char *tree, const char *path)
{
	static volatile bool panicked;

	panicked = false;
	kresv_panic_hook = kernel_panicked;
	reset_kernel_state();
	kresv_set_up_machine(&scn);
	kresv_log_reset();
	kresv_watch_reset();
	kresv_model_reset(&scn);
	kresv_contig_reset();
	if (setjmp(panic_return) == 0) {
		parse_early_params();
		kresv_model_setup_arch();
		bootmem_init();
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
	} else {
		panicked = true;
	}
	kresv_panic_hook = NULL;

	boot_outcome_collect(&scn, out);
	findings_reset(fs);
	if (panicked)
		findings_add(fs, "KERNEL_PANIC", panic_where, panic_msg,
			     "the kernel panics: %s", panic_msg);
	boot_oracles(&scn, out, fs);
	kresv_watch_oracle(fs);
	check_expectations(&scn, tree, path, fs);
}

int main(int argc, char **argv)
{
	const char *label = "tree", *tree = "", *path = NULL, *built_with = NULL;
	int repeat = 0;
	struct boot_outcome out;
	struct findings fs;
	bool json = false;
	char err[512];
	int i;

	bad_input_tool = "kresv replay";
	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--json"))
			json = true;
		else if (!strcmp(argv[i], "--label") && i + 1 < argc)
			label = argv[++i];
		else if (!strcmp(argv[i], "--tree-name") && i + 1 < argc)
			tree = argv[++i];
		else if (!strcmp(argv[i], "--bench") && i + 1 < argc)
			repeat = atoi(argv[++i]);
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
		bad_input("usage: kresv replay [--tree T] [--json] SCENARIO...");
	if (scenario_load(path, &scn, err, sizeof(err)))
		bad_input("%s", err);
	check_addressable(&scn, path);
	if (scn.nr_config)
		check_built_with(&scn, path, built_with);

	if (repeat > 0)
		fprintf(stderr, "kresv replay: %.1f us per boot (%d boots in one process)\n",
			bench(repeat, tree, path), repeat);
	boot(&out, &fs, tree, path);
	if (json)
		print_json(label, path, &out, &fs);
	else
		print_text(label, path, &out, &fs);
	return fs.n ? EXIT_FINDINGS : 0;
}
