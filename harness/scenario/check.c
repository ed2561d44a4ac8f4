// SPDX-License-Identifier: GPL-2.0
/*
 * kresv-scenario [--write] FILE...: check scenario files.
 *
 * For each file, "FILE: ok" on stdout or its one-line error on stderr.
 * With --write, the canonical form of each good file goes to stdout
 * (preceded by a "# FILE" comment line when there are several files) and
 * the "FILE: ok" lines to stderr. Exit 0 when every file is good, 2 when
 * any is not (or on bad usage or an output error).
 *
 * kresv-scenario --machine FILE and
 * kresv-scenario --dts-fragment [--append-bootargs TEXT] FILE: the one
 * scenario as a qemu virt machine (dts.c), or exit 2 with one line.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scenario.h"
#include "dts.c"	/* not a separate unit: see the top of dts.c */

static void usage(FILE *out)
{
	fputs("usage: kresv-scenario [--write] FILE...\n"
	      "       kresv-scenario --machine FILE\n"
	      "       kresv-scenario --dts-fragment [--append-bootargs TEXT] FILE\n"
	      "  checks scenario files (docs/scenario.md); --write prints their canonical form;\n"
	      "  --machine and --dts-fragment describe one as a qemu-system-aarch64 -M virt machine\n",
	      out);
}

enum mode { CHECK, WRITE, MACHINE, DTS };

/* "kresv-scenario: WHAT" and the usage on stderr; 2 */
__attribute__((format(printf, 1, 2)))
static int bad_usage(const char *fmt, ...)
{
	va_list ap;

	fputs("kresv-scenario: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	usage(stderr);
	return 2;
}

int main(int argc, char **argv)
{
	static const char *const mode_option[] = {
		[WRITE] = "--write", [MACHINE] = "--machine", [DTS] = "--dts-fragment",
	};
	static struct scenario s;
	char err[1024];
	enum mode mode = CHECK, m;
	const char *append = NULL;
	int i, first, bad = 0;

	for (i = 1; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		if (!strcmp(argv[i], "--")) {
			i++;
			break;
		}
		if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
			usage(stdout);
			return 0;
		}
		if (!strcmp(argv[i], "--append-bootargs")) {
			if (++i == argc)
				return bad_usage("%s needs TEXT", argv[i - 1]);
			append = argv[i];
			continue;
		}
		for (m = WRITE; m <= DTS; m++)
			if (!strcmp(argv[i], mode_option[m]))
				break;
		if (m > DTS)
			return bad_usage("unknown option '%s'", argv[i]);
		if (mode != CHECK && mode != m)
			return bad_usage("%s and the other modes exclude each other",
					 argv[i]);
		mode = m;
	}
	if (append && mode != DTS)
		return bad_usage("--append-bootargs goes with --dts-fragment only");
	if (i == argc) {
		usage(stderr);
		return 2;
	}
	first = i;
	if (mode == MACHINE || mode == DTS) {
		if (argc - first != 1)
			return bad_usage("%s takes exactly one FILE",
					 mode_option[mode]);
		if (scenario_load(argv[first], &s, err, sizeof(err))) {
			fprintf(stderr, "%s\n", err);
			return 2;
		}
		bad = qemu_main(argv[first], &s,
				mode == DTS ? (append ? append : "") : NULL,
				stdout);
	}
	for (; mode <= WRITE && i < argc; i++) {
		if (scenario_load(argv[i], &s, err, sizeof(err))) {
			fprintf(stderr, "%s\n", err);
			bad = 1;
			continue;
		}
		if (mode == CHECK) {
			printf("%s: ok\n", argv[i]);
			continue;
		}
		fprintf(stderr, "%s: ok\n", argv[i]);
		if (argc - first > 1)
			printf("# %s\n", argv[i]);
		if (scenario_write(&s, stdout))
			break;
	}
	if (fflush(stdout) || ferror(stdout)) {
		fprintf(stderr, "kresv-scenario: cannot write the output\n");
		return 2;
	}
	return bad ? 2 : 0;
}
