/* SPDX-License-Identifier: GPL-2.0 */
/* BUG() in kernel code is a finding of kresv's: report it and stop. */
#ifndef KRESV_SHIM_LINUX_BUG_H
#define KRESV_SHIM_LINUX_BUG_H
#include <linux/compiler.h>

void kresv_bug(const char *file, int line, const char *cond) __noreturn;
#define BUG()		kresv_bug(__FILE__, __LINE__, "BUG()")
#define BUG_ON(c)	do { if (unlikely(c)) kresv_bug(__FILE__, __LINE__, #c); } while (0)
#define WARN_ON(c)	({ int __c = !!(c); if (unlikely(__c)) kresv_warn(__FILE__, __LINE__, #c); unlikely(__c); })
#define WARN_ON_ONCE(c)	WARN_ON(c)
void kresv_warn(const char *file, int line, const char *cond);
#endif
