// SPDX-License-Identifier: GPL-2.0
/*
 * kresv-replay: one boot of a scenario through the tree's own code
 * (boot_run.c), printed as text or JSON.
 *
 * usage: kresv-replay [--label L] [--tree-name N] [--json] SCENARIO
 * The scenario's `expect N TEXT` lines (and `expect any TEXT`) must each be
 * a line of the log; one that is not is an EXPECT_NOT_MET finding.
 * --bench N boots the scenario N more times in this process and prints the
 * mean time of one boot (set-up, bootmem_init(), oracles) on stderr.
 * Exit: 0 no finding, 1 findings, 2 bad input.
 */
#include <errno.h>
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

#include "bad_input.h"
#include "boot_run.h"
#include "json_out.h"
#include "lm_report.h"
#include "machine.h"
#include "printk_log.h"
#include "protos.h"
#include "rerun.h"
#include "scenario.h"
#include "stubs.h"


#define EXIT_FINDINGS 1

static struct scenario scn;

static double bench(int n, const char *tree, const char *path)
{
	static struct boot_run r;
	struct timespec a, b;
	int i;

	clock_gettime(CLOCK_MONOTONIC, &a);
	for (i = 0; i < n; i++)
		kresv_boot_run(&scn, tree, path, &r);
	clock_gettime(CLOCK_MONOTONIC, &b);
	return ((b.tv_sec - a.tv_sec) * 1e9 + (b.tv_nsec - a.tv_nsec)) / n / 1e3;
}

static void print_text(const char *label, const char *path,
		       const struct boot_run *r)
{
	const struct boot_outcome *o = &r->out;
	const struct findings *fs = &r->fs;
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
	if (r->mapped) {
		printf("linear map: (map_mem())\n");
		lm_print_counts("  ", &r->pg.lm, PAGE_SHIFT);
		printf("  ranges:\n");
		lm_print_ranges("    ", &r->pg.lm, false);
		lm_print_image("", &r->pg, PAGE_SHIFT);
	}
	printf("stub calls:\n");
	for (i = 0; i < kresv_calls.n; i++)
		printf("  %s\n", kresv_calls.call[i]);
	if (fs->n) {
		printf("findings:\n");
		findings_print(fs, stdout);
	}
}

static void print_json(const char *label, const char *path,
		       const struct boot_run *r)
{
	const struct boot_outcome *o = &r->out;
	const struct findings *fs = &r->fs;
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
	if (r->mapped) {
		json_object_object_add(obj, "linear_map",
				       lm_to_json(&r->pg.lm, PAGE_SHIFT, true,
						  false));
		json_object_object_add(obj, "kernel_image",
				       lm_image_to_json(&r->pg, PAGE_SHIFT));
	}
	for (i = 0; i < kresv_calls.n; i++)
		json_object_array_add(calls, json_object_new_string(
					      kresv_calls.call[i]));
	json_object_object_add(obj, "stub_calls", calls);
	json_object_object_add(obj, "findings", findings_to_json(fs));
	json_emit(obj);
}

int main(int argc, char **argv)
{
	const char *label = "tree", *tree = "", *path = NULL, *built_with = NULL;
	const char *sanitized = NULL;
	int repeat = 0;
	static struct boot_run r;
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
		else if (!strcmp(argv[i], "--rerun-sanitized") && i + 1 < argc)
			sanitized = argv[++i];
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
	if (kresv_boot_check(&scn, path, err, sizeof(err)))
		bad_input("%s", err);
	if (kresv_check_built_with(&scn, path, built_with, err, sizeof(err)))
		bad_input("%s", err);
	if (sanitized)
		kresv_rerun_on_death(sanitized, path, argc, argv);

	if (repeat > 0)
		fprintf(stderr, "kresv replay: %.1f us per boot (%d boots in one process)\n",
			bench(repeat, tree, path), repeat);
	kresv_boot_run(&scn, tree, path, &r);
	if (json)
		print_json(label, path, &r);
	else
		print_text(label, path, &r);
	return r.fs.n ? EXIT_FINDINGS : 0;
}
