/* SPDX-License-Identifier: GPL-2.0 */
/* The kernel log of one run, as captured by shim/printk.c. */
#ifndef KRESV_PRINTK_LOG_H
#define KRESV_PRINTK_LOG_H

#define KRESV_LOG_LINES		64
#define KRESV_LOG_LINE_MAX	256

struct printk_line {
	char level;	/* '0'..'7' as KERN_*, the kernel's loglevel */
	char text[KRESV_LOG_LINE_MAX];
};

struct printk_log {
	int nlines;
	int truncated;	/* more lines than KRESV_LOG_LINES were printed */
	struct printk_line lines[KRESV_LOG_LINES];
};

extern struct printk_log kresv_log;
void kresv_log_reset(void);

/*
 * A kernel file name as findings give it: relative to kresv_tree_root
 * (linux/bug.h) when it lies under it; the units' #line names are absolute.
 */
const char *kresv_tree_path(const char *file);
#endif
