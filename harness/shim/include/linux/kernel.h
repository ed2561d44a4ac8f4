/* SPDX-License-Identifier: GPL-2.0 */
/* Generic arithmetic helpers of include/linux/math.h and kernel.h. */
#ifndef KRESV_SHIM_LINUX_KERNEL_H
#define KRESV_SHIM_LINUX_KERNEL_H
#include <linux/compiler.h>

#define ARRAY_SIZE(arr)	(sizeof(arr) / sizeof((arr)[0]))
#define roundup(x, y) ({				\
	typeof(y) __y = y;				\
	(((x) + (__y - 1)) / __y) * __y;		\
})
#define rounddown(x, y) ({				\
	typeof(x) __x = (x);				\
	__x - (__x % (y));				\
})
#define ALIGN(x, a)	(((x) + ((typeof(x))(a) - 1)) & ~((typeof(x))(a) - 1))
#define min3(a, b, c)	min(min(a, b), c)
#define DIV_ROUND_UP(n, d)	(((n) + (d) - 1) / (d))
#define min(a, b)	((a) < (b) ? (a) : (b))
#define max(a, b)	((a) > (b) ? (a) : (b))
#define min_t(t, a, b)	((t)(a) < (t)(b) ? (t)(a) : (t)(b))
#define max_t(t, a, b)	((t)(a) > (t)(b) ? (t)(a) : (t)(b))

static inline int fls64(unsigned long long x)
{
	return x ? 64 - __builtin_clzll(x) : 0;
}
#endif
