// SPDX-License-Identifier: GPL-2.0
/*
 * kresv-parse: what this tree's crashkernel= parser makes of a command line
 * for a RAM size, the log lines it printed, and what the oracles found.
 *
 * usage: kresv-parse [--label L] [--json] --ram SIZE 'COMMAND LINE'
 *        kresv-parse [--label L] [--json] --input FILE   (a fuzz input)
 *        kresv-parse --encode FILE --ram SIZE 'COMMAND LINE'
 * Exit: 0 no finding, 1 findings, 2 bad input.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "crashkernel.h"
#include "facts.h"
#include "bad_input.h"
#include "findings.h"
#include "input.h"
#include "json_out.h"
#include "oracles.h"
#include "printk_log.h"

#define EXIT_FINDINGS 1

static void usage(void)
{
	fputs("usage: kresv parse [--tree T] --ram SIZE [--json] 'COMMAND LINE'\n"
	      "       kresv parse [--tree T] [--json] --input FILE\n"
	      "       kresv parse [--tree T] --encode FILE --ram SIZE 'COMMAND LINE'\n",
	      stderr);
	exit(EXIT_BAD_INPUT);
}

static void read_input_file(const char *path, struct parse_input *in)
{
	unsigned char buf[4 + 2 * KRESV_COMMAND_LINE_SIZE];
	FILE *f = fopen(path, "rb");
	size_t n;

	if (!f)
		bad_input("%s: %s", path, strerror(errno));
	n = fread(buf, 1, sizeof(buf), f);
	if (ferror(f))
		bad_input("%s: %s", path, strerror(errno));
	fclose(f);
	if (n < 4)
		bad_input("%s: too short for a parser input (4-byte RAM size first)",
			  path);
	input_decode(buf, n, in);
}

static void encode_to(const char *path, const struct parse_input *in)
{
	unsigned char buf[4 + KRESV_COMMAND_LINE_SIZE];
	size_t n = input_encode(in->ram, in->cmdline, buf);
	char tmp[4096];
	FILE *f;

	snprintf(tmp, sizeof(tmp), "%s.tmp.%d", path, (int)getpid());
	f = fopen(tmp, "wb");
	if (!f)
		bad_input("%s: %s", tmp, strerror(errno));
	if (fwrite(buf, 1, n, f) != n || fclose(f)) {
		unlink(tmp);
		bad_input("%s: write failed", path);
	}
	if (rename(tmp, path)) {
		unlink(tmp);
		bad_input("%s: %s", path, strerror(errno));
	}
}

static const char *level_name(char l)
{
	static const char *const names[] = { "emerg", "alert", "crit", "err",
					     "warn", "notice", "info", "debug" };

	return l >= '0' && l <= '7' ? names[l - '0'] : "default";
}

static void print_text(const char *label, const struct parse_input *in,
		       const struct ck_reading *r, const struct findings *fs)
{
	int i;

	printf("tree:      %s (%s)\n", label, KRESV_LOC_parse_crashkernel);
	printf("ram:       0x%llx (%llu MB)\n", in->ram, in->ram >> 20);
	printf("cmdline:   %s\n", in->cmdline);
	if (in->cut)
		printf("           (%zu bytes past COMMAND_LINE_SIZE cut)\n",
		       in->cut);
	printf("ret:       %d\n", r->ret);
	printf("size:      0x%llx (%llu MB)\n", r->size, r->size >> 20);
	printf("base:      0x%llx\n", r->base);
	if (ck_tree_has_suffixes())
		printf("high:      %s\n", r->high ? "yes" : "no");
	if (ck_tree_has_suffixes()) {
		if (r->low_set)
			printf("low:       0x%llx (%llu MB)\n", r->low,
			       r->low >> 20);
		else
			printf("low:       -\n");
	}
	if (ck_tree_has_cma())
		printf("cma:       0x%llx (%llu MB)\n", r->cma, r->cma >> 20);
	printf("reserves:  %s\n", ck_reserves(r) ? "yes" : "no");
	printf("log:\n");
	for (i = 0; i < kresv_log.nlines; i++)
		printf("  <%c>%s\n", kresv_log.lines[i].level,
		       kresv_log.lines[i].text);
	if (fs->n) {
		printf("findings:\n");
		findings_print(fs, stdout);
	}
}

static void print_json(const char *label, const struct parse_input *in,
		       const struct ck_reading *r, const struct findings *fs)
{
	json_object *o = json_object_new_object();
	json_object *log = json_object_new_array();
	int i;

	json_object_object_add(o, "tree", json_object_new_string(label));
	json_object_object_add(o, "parser",
			       json_object_new_string(KRESV_LOC_parse_crashkernel));
	json_object_object_add(o, "ram", json_object_new_uint64(in->ram));
	json_object_object_add(o, "cmdline", json_object_new_string(in->cmdline));
	json_object_object_add(o, "cut", json_object_new_uint64(in->cut));
	json_object_object_add(o, "ret", json_object_new_int(r->ret));
	json_object_object_add(o, "size", json_object_new_uint64(r->size));
	json_object_object_add(o, "base", json_object_new_uint64(r->base));
	json_object_object_add(o, "high", ck_tree_has_suffixes() ?
			       json_object_new_boolean(r->high) : NULL);
	json_object_object_add(o, "low_size", r->low_set ?
			       json_object_new_uint64(r->low) : NULL);
	json_object_object_add(o, "cma_size", ck_tree_has_cma() ?
			       json_object_new_uint64(r->cma) : NULL);
	json_object_object_add(o, "reserves",
			       json_object_new_boolean(ck_reserves(r)));
	for (i = 0; i < kresv_log.nlines; i++) {
		json_object *l = json_object_new_object();

		json_object_object_add(l, "level", json_object_new_string(
				level_name(kresv_log.lines[i].level)));
		json_object_object_add(l, "text", json_object_new_string(
				kresv_log.lines[i].text));
		json_object_array_add(log, l);
	}
	json_object_object_add(o, "log", log);
	json_object_object_add(o, "findings", findings_to_json(fs));
	json_emit(o);
}

int main(int argc, char **argv)
{
	const char *label = "tree", *input = NULL, *encode = NULL;
	const char *ram_arg = NULL, *cmdline = NULL, *problem;
	struct parse_input in = { 0 };
	struct ck_reading r;
	struct findings fs;
	bool json = false;
	int i;

	bad_input_tool = "kresv parse";
	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--json"))
			json = true;
		else if (!strcmp(argv[i], "--label") && i + 1 < argc)
			label = argv[++i];
		else if (!strcmp(argv[i], "--ram") && i + 1 < argc)
			ram_arg = argv[++i];
		else if (!strcmp(argv[i], "--input") && i + 1 < argc)
			input = argv[++i];
		else if (!strcmp(argv[i], "--encode") && i + 1 < argc)
			encode = argv[++i];
		else if (argv[i][0] == '-' && argv[i][1] == '-')
			bad_input("unknown option %s", argv[i]);
		else if (!cmdline)
			cmdline = argv[i];
		else
			usage();
	}
	if (input) {
		if (ram_arg || cmdline)
			usage();
		read_input_file(input, &in);
	} else {
		if (!ram_arg || !cmdline)
			usage();
		if (!parse_size_arg(ram_arg, &in.ram) || !in.ram)
			bad_input("--ram %s: not a size (e.g. 4G, 0x40000000)",
				  ram_arg);
		problem = cmdline_problem(cmdline, strlen(cmdline));
		if (problem)
			bad_input("command line %s", problem);
		snprintf(in.cmdline, sizeof(in.cmdline), "%s", cmdline);
	}
	if (encode) {
		encode_to(encode, &in);
		return 0;
	}

	kresv_log_reset();
	ck_read(in.cmdline, in.ram, &r);
	findings_reset(&fs);
	parse_oracles(in.cmdline, in.ram, &r, &fs);
	if (json)
		print_json(label, &in, &r, &fs);
	else
		print_text(label, &in, &r, &fs);
	return fs.n ? EXIT_FINDINGS : 0;
}
