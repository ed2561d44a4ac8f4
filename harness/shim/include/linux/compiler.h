/* SPDX-License-Identifier: GPL-2.0 */
/* Compiler attributes the kernel uses, reduced to their host meaning. */
#ifndef KRESV_SHIM_LINUX_COMPILER_H
#define KRESV_SHIM_LINUX_COMPILER_H

#define __init
#define __initdata
#define __initconst
#define __ro_after_init
#define __ref
#define __weak		__attribute__((weak))
#define __meminit
#define __refdata
#define __no_sanitize_address
#define __always_unused	__attribute__((unused))
#define __maybe_unused	__attribute__((unused))
#define __must_check	__attribute__((warn_unused_result))
#ifndef __always_inline	/* glibc has its own */
#define __always_inline	inline __attribute__((always_inline))
#endif
#define noinline	__attribute__((noinline))
#define __noreturn	__attribute__((noreturn))
#define __pure		__attribute__((pure))
#define fallthrough	__attribute__((fallthrough))
#define likely(x)	__builtin_expect(!!(x), 1)
#define unlikely(x)	__builtin_expect(!!(x), 0)
#define __same_type(a, b) __builtin_types_compatible_p(typeof(a), typeof(b))
#define is_signed_type(type)	(((type)(-1)) < (type)1)
#define is_unsigned_type(type)	(!is_signed_type(type))
#define __is_constexpr(x) \
	(sizeof(int) == sizeof(*(8 ? ((void *)((long)(x) * 0l)) : (int *)8)))
#define READ_ONCE(x)	(*(volatile typeof(x) *)&(x))
#define WRITE_ONCE(x, v) (*(volatile typeof(x) *)&(x) = (v))
#define __stringify_1(x...)	#x
#define __stringify(x...)	__stringify_1(x)
#define EXPORT_SYMBOL(sym)
#define EXPORT_SYMBOL_GPL(sym)
#endif
