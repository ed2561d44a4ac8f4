/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The machine as firmware and boot loader hand it to the kernel: the
 * scenario's RAM, no-map and reserved ranges, kernel and initrd into the
 * tree's memblock, the DMA limit and the command line; shared by the
 * replay and the linear map.
 */
#ifndef KRESV_BOOT_MACHINE_H
#define KRESV_BOOT_MACHINE_H
#include <stdbool.h>

struct scenario;

void kresv_set_up_machine(const struct scenario *s);

/* the kernel's parameq(): dashes and underscores are the same in names */
bool kresv_param_eq(const char *a, const char *b);
#endif
