/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The host window of the pi code (pi_window.c): 6.12 on, the kernel image
 * is mapped before the kernel runs from it.
 */
#ifndef KRESV_MMU_PI_WINDOW_H
#define KRESV_MMU_PI_WINDOW_H

/* a boot's command line: the pi code reads rodata=off from it itself */
void kresv_pi_reset(const char *cmdline);
/* the tree's pi map_kernel() over the window, its tables then copied */
void kresv_pi_map_kernel(void);
#endif
