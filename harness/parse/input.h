/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A parser fuzz input: 4 bytes little-endian N, RAM = (N + 1) * 4 KiB, then
 * the command line (up to a NUL; the kernel keeps COMMAND_LINE_SIZE - 1
 * bytes of it). `kresv parse --input FILE` replays one; `--encode` writes one.
 */
#ifndef KRESV_PARSE_INPUT_H
#define KRESV_PARSE_INPUT_H
#include <stdbool.h>
#include <stddef.h>

#include "crashkernel.h"

struct parse_input {
	unsigned long long ram;
	char cmdline[KRESV_COMMAND_LINE_SIZE];
	size_t cut;		/* bytes of command line dropped at the limit */
};

void input_decode(const unsigned char *data, size_t len,
		  struct parse_input *in);
/* out must hold 4 + strlen(cmdline) bytes; returns the length */
size_t input_encode(unsigned long long ram, const char *cmdline,
		    unsigned char *out);

/* a size as the CLI takes it: decimal or 0x hex, optional K/M/G/T suffix */
bool parse_size_arg(const char *s, unsigned long long *out);
/* NULL when s is text a command line can hold, else what is wrong */
const char *cmdline_problem(const char *s, size_t len);

#endif
