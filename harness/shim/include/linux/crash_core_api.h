/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What 6.1's arm64 init.c uses from include/linux/crash_core.h and
 * kexec.h (the rest of those headers is ELF note layout, outside the
 * model): the parser API of the crash_core family and the crash resources.
 */
#ifndef KRESV_SHIM_LINUX_CRASH_CORE_API_H
#define KRESV_SHIM_LINUX_CRASH_CORE_API_H
#include <linux/ioport.h>

int parse_crashkernel(char *cmdline, unsigned long long system_ram,
		unsigned long long *crash_size, unsigned long long *crash_base);
int parse_crashkernel_high(char *cmdline, unsigned long long system_ram,
		unsigned long long *crash_size, unsigned long long *crash_base);
int parse_crashkernel_low(char *cmdline, unsigned long long system_ram,
		unsigned long long *crash_size, unsigned long long *crash_base);
extern struct resource crashk_res;
extern struct resource crashk_low_res;
#endif
