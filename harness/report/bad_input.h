/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Bad input to a kresv tool (a malformed scenario, a wrong option): one
 * line "TOOL: what is wrong" on stderr and exit 2. A failure of kresv's
 * input, never a finding in kernel code.
 */
#ifndef KRESV_BAD_INPUT_H
#define KRESV_BAD_INPUT_H

#define EXIT_BAD_INPUT 2

/* the tool's name in the message, e.g. "kresv replay"; set first in main() */
extern const char *bad_input_tool;

void bad_input(const char *fmt, ...)
	__attribute__((noreturn, format(printf, 1, 2)));
#endif
