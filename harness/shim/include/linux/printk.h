/* SPDX-License-Identifier: GPL-2.0 */
/* printk and pr_*() land in the outcome's log (harness/shim/printk.c). */
#ifndef KRESV_SHIM_LINUX_PRINTK_H
#define KRESV_SHIM_LINUX_PRINTK_H

#define KERN_EMERG	"0"
#define KERN_ALERT	"1"
#define KERN_CRIT	"2"
#define KERN_ERR	"3"
#define KERN_WARNING	"4"
#define KERN_NOTICE	"5"
#define KERN_INFO	"6"
#define KERN_DEBUG	"7"
#define KERN_CONT	"c"

#ifndef pr_fmt
#define pr_fmt(fmt) fmt
#endif

int kresv_printk(const char *level, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
#define printk(fmt, ...)	kresv_printk("", fmt, ##__VA_ARGS__)
#define pr_emerg(fmt, ...)	kresv_printk(KERN_EMERG, pr_fmt(fmt), ##__VA_ARGS__)
#define pr_alert(fmt, ...)	kresv_printk(KERN_ALERT, pr_fmt(fmt), ##__VA_ARGS__)
#define pr_crit(fmt, ...)	kresv_printk(KERN_CRIT, pr_fmt(fmt), ##__VA_ARGS__)
#define pr_err(fmt, ...)	kresv_printk(KERN_ERR, pr_fmt(fmt), ##__VA_ARGS__)
#define pr_warn(fmt, ...)	kresv_printk(KERN_WARNING, pr_fmt(fmt), ##__VA_ARGS__)
#define pr_notice(fmt, ...)	kresv_printk(KERN_NOTICE, pr_fmt(fmt), ##__VA_ARGS__)
#define pr_info(fmt, ...)	kresv_printk(KERN_INFO, pr_fmt(fmt), ##__VA_ARGS__)
#define pr_cont(fmt, ...)	kresv_printk(KERN_CONT, fmt, ##__VA_ARGS__)
#define pr_debug(fmt, ...)	do { } while (0)
#endif
