/* SPDX-License-Identifier: GPL-2.0 */
/*
 * BUG() in kernel code ends the kernel's run. A harness that reports it as
 * a kernel outcome (the replay: KERNEL_PANIC) sets kresv_panic_hook, which
 * must not return; without one kresv stops with abort(), which is what the
 * fuzzers catch.
 */
#ifndef KRESV_SHIM_LINUX_BUG_H
#define KRESV_SHIM_LINUX_BUG_H
#include <linux/compiler.h>

extern void (*kresv_panic_hook)(const char *file, int line, const char *msg);
/* the tree's root, stripped from the file names of BUG(), panic(), WARN() */
extern const char *kresv_tree_root;
void kresv_bug(const char *file, int line, const char *cond) __noreturn;
/* panic() of the kernel code kresv models: logged as the kernel logs it */
void kresv_panic(const char *file, int line, const char *fmt, ...)
	__noreturn __attribute__((format(printf, 3, 4)));
#define BUG()		kresv_bug(__FILE__, __LINE__, "BUG()")
/* in a branch the kernel's compiler removes (e.g. __p4d_populate() with
 * three levels): reached here, it is a kernel that would not build */
#define BUILD_BUG()	kresv_bug(__FILE__, __LINE__, "BUILD_BUG()")
#define BUG_ON(c)	do { if (unlikely(c)) kresv_bug(__FILE__, __LINE__, #c); } while (0)
#define WARN_ON(c)	({ int __c = !!(c); if (unlikely(__c)) kresv_warn(__FILE__, __LINE__, #c); unlikely(__c); })
#define WARN_ON_ONCE(c)	WARN_ON(c)
#define WARN(c, ...)	WARN_ON(c)
void kresv_warn(const char *file, int line, const char *cond);
#endif
