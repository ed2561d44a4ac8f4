// SPDX-License-Identifier: GPL-2.0
/*
 * kresv-scenario [--write] FILE...: check scenario files.
 *
 * For each file, "FILE: ok" on stdout or its one-line error on stderr.
 * With --write, the canonical form of each good file goes to stdout
 * (preceded by a "# FILE" comment line when there are several files) and
 * the "FILE: ok" lines to stderr. Exit 0 when every file is good, 2 when
 * any is not (or on bad usage or an output error).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scenario.h"

static void usage(FILE *out)
{
	fputs("usage: kresv-scenario [--write] FILE...\n"
	      "  checks scenario files (docs/scenario.md); --write prints their canonical form\n",
	      out);
}

int main(int argc, char **argv)
{
	static struct scenario s;
	char err[1024];
	bool write = false;
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
		if (strcmp(argv[i], "--write")) {
			fprintf(stderr, "kresv-scenario: unknown option '%s'\n", argv[i]);
			usage(stderr);
			return 2;
		}
		write = true;
	}
	if (i == argc) {
		usage(stderr);
		return 2;
	}
	first = i;
	for (; i < argc; i++) {
		if (scenario_load(argv[i], &s, err, sizeof(err))) {
			fprintf(stderr, "%s\n", err);
			bad = 1;
			continue;
		}
		if (!write) {
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
