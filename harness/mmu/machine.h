/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The machine as firmware and boot loader hand it to the kernel: the
 * scenario's RAM, no-map and reserved ranges, kernel and initrd into the
 * tree's memblock, the DMA limit and the command line. The same steps as
 * harness/boot/replay.c's set_up_machine(), as a function the boot
 * harnesses can share.
 */
#ifndef KRESV_MMU_MACHINE_H
#define KRESV_MMU_MACHINE_H
struct scenario;

void kresv_set_up_machine(const struct scenario *s);
#endif
