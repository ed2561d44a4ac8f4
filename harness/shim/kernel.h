/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Prelude of every extracted unit: the host environment kernel code expects.
 * Only types, attributes and services (printk capture, BUG) live here; every
 * piece of logic under test comes from the kernel tree.
 */
#ifndef KRESV_SHIM_KERNEL_H
#define KRESV_SHIM_KERNEL_H

#include <errno.h>
#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include <generated/autoconf.h>
#include <linux/kconfig.h>
#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/math64.h>
#include <linux/bug.h>

#include <linux/limits.h>
#include <linux/sizes.h>
#include <linux/ctype.h>
#include <linux/overflow.h>
#if __has_include(<linux/range.h>)
#include <linux/range.h>
#endif

#include <asm/arm64.h>
#include <linux/memblock.h>
#include <linux/ioport.h>
#include <linux/boot_stubs.h>

#endif
