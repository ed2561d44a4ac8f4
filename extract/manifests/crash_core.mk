# SPDX-License-Identifier: GPL-2.0
# Linux up to 6.8 (6.1): the crashkernel= parser lives in kernel/crash_core.c;
# ,high and ,low are separate calls (parse_crashkernel_high/_low) that the
# arch code makes itself.
FAMILY := crash_core
DETECT := kernel/crash_core.c

HEADERS := include/linux/const.h include/vdso/const.h \
	include/uapi/linux/const.h include/linux/sizes.h \
	include/linux/limits.h include/uapi/linux/limits.h \
	include/vdso/limits.h include/linux/overflow.h include/linux/ctype.h

UNITS := crash cmdline vsprintf kstrtox ctype
crash_FILE := kernel/crash_core.c
crash_ROOTS := parse_crashkernel parse_crashkernel_high parse_crashkernel_low
cmdline_FILE := lib/cmdline.c
cmdline_ROOTS := memparse
vsprintf_FILE := lib/vsprintf.c
vsprintf_ROOTS := simple_strtoull
vsprintf_INCLUDES := lib/kstrtox.h
kstrtox_FILE := lib/kstrtox.c
kstrtox_ROOTS := _parse_integer_fixup_radix _parse_integer_limit ?_parse_integer
kstrtox_INCLUDES := lib/kstrtox.h
ctype_FILE := lib/ctype.c
ctype_ROOTS := _ctype

# This family makes no promise about the size against the RAM size.
PARSE_PROMISES ?=
