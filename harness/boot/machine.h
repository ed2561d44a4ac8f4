/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The machine as firmware and boot loader hand it to the kernel: the
 * scenario's RAM, no-map and reserved ranges, kernel and initrd into the
 * tree's memblock, the DMA limit and the command line; shared by the
 * replay and the linear map.
 */
#ifndef KRESV_BOOT_MACHINE_H
#define KRESV_BOOT_MACHINE_H
struct scenario;

void kresv_set_up_machine(const struct scenario *s);
#endif
