/* SPDX-License-Identifier: GPL-2.0 */
/* 64-bit division helpers as a 64-bit kernel has them (plain C division). */
#ifndef KRESV_SHIM_LINUX_MATH64_H
#define KRESV_SHIM_LINUX_MATH64_H
#include <linux/types.h>

static inline u64 div_u64(u64 dividend, u32 divisor)
{
	return dividend / divisor;
}

static inline u64 div64_u64(u64 dividend, u64 divisor)
{
	return dividend / divisor;
}
#endif
