# SPDX-License-Identifier: GPL-2.0
# Linux 6.9 and later (6.12, 7.3): the crashkernel= parser lives in
# kernel/crash_reserve.c and folds ,high/,low (and ,cma where present) into
# one parse_crashkernel() call.
FAMILY := crash_reserve
DETECT := kernel/crash_reserve.c

# Tree headers the units see as they are (pure macros and declarations).
HEADERS := include/linux/const.h include/vdso/const.h \
	include/uapi/linux/const.h include/linux/sizes.h \
	include/linux/limits.h include/uapi/linux/limits.h \
	include/vdso/limits.h include/linux/overflow.h include/linux/ctype.h \
	include/linux/args.h include/linux/crash_reserve.h include/linux/range.h \
	arch/arm64/include/asm/crash_reserve.h

UNITS := crash cmdline vsprintf kstrtox ctype
crash_FILE := kernel/crash_reserve.c
crash_ROOTS := parse_crashkernel
crash_INCLUDES := include/linux/crash_reserve.h
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

# What the tree promises about parse_crashkernel()'s result, checked by the
# PARSE_PROMISE oracle: a size not below the RAM size is rejected.
PARSE_PROMISES ?= size_below_ram
