// SPDX-License-Identifier: GPL-2.0
/* One-line bad-input errors of the kresv tools (bad_input.h). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "bad_input.h"

const char *bad_input_tool = "kresv";

void bad_input(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: ", bad_input_tool);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(EXIT_BAD_INPUT);
}
