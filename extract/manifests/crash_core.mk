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

include $(dir $(MANIFEST))common.inc
UNITS := crash $(PARSE_LIB_UNITS)
crash_FILE := kernel/crash_core.c
crash_ROOTS := parse_crashkernel parse_crashkernel_high parse_crashkernel_low

# This family makes no promise about the size against the RAM size.
PARSE_PROMISES ?=
