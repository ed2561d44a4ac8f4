// SPDX-License-Identifier: GPL-2.0
/*
 * kresv-fuzz-decode FILE: the scenario a fuzz input of the boot targets
 * stands for (harness/fuzz/decode.h), printed in canonical form
 * (scenario_write()). `./kresv replay --from-fuzz-input FILE
 * [--dump-scenario]` prints it or replays it.
 * Exit: 0, or 2 with one line on stderr (no such file, not decodable).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bad_input.h"
#include "decode.h"

/* the fuzz targets read at most this much (-max_len, AFL's default) */
#define INPUT_MAX (1u << 20)

int main(int argc, char **argv)
{
	static struct scenario s;
	static unsigned char buf[INPUT_MAX + 1];
	char err[512];
	size_t n;
	FILE *f;

	bad_input_tool = "kresv fuzz-decode";
	if (argc != 2 || argv[1][0] == '-')
		bad_input("usage: kresv-fuzz-decode FILE");
	f = fopen(argv[1], "rb");
	if (!f)
		bad_input("%s: cannot open: %s", argv[1], strerror(errno));
	n = fread(buf, 1, sizeof(buf), f);
	if (ferror(f))
		bad_input("%s: cannot read: %s", argv[1], strerror(errno));
	fclose(f);
	if (n > INPUT_MAX)
		bad_input("%s: larger than %u bytes (not a fuzz input)",
			  argv[1], INPUT_MAX);
	if (kresv_fuzz_decode(buf, n, &s, err, sizeof(err)))
		bad_input("%s: %s", argv[1], err);
	if (scenario_write(&s, stdout) || fflush(stdout))
		bad_input("cannot write the scenario: %s", strerror(errno));
	return 0;
}
