/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The machine as firmware and boot loader hand it to the kernel: the
 * scenario's RAM, no-map and reserved ranges, kernel and initrd into the
 * tree's memblock, the DMA limit; the command line and the initrd in the
 * device tree's /chosen; shared by the replay and the linear map.
 */
#ifndef KRESV_BOOT_MACHINE_H
#define KRESV_BOOT_MACHINE_H
#include <stdbool.h>
#include <stddef.h>

struct scenario;

void kresv_set_up_machine(const struct scenario *s);

/*
 * The device tree's /chosen as setup_machine_fdt() reads it: bootargs into
 * boot_command_line, linux,initrd-start/-end into phys_initrd_*. Until
 * then both are empty.
 */
void kresv_scan_chosen(const struct scenario *s);

/*
 * The kernel image (_text to _end) after kresv_set_up_machine(): the
 * scenario's `kernel` line, else the default placement, 2 MiB into the
 * first 2 MiB block of RAM with the size of Debian's 6.1 image; not yet
 * reserved.
 */
#define KRESV_DEFAULT_KERNEL_OFFSET	0x200000ULL
#define KRESV_DEFAULT_KERNEL_SIZE	0x2a10000ULL
extern unsigned long long kresv_kernel_base, kresv_kernel_size;
extern bool kresv_kernel_default;

/*
 * What arm64_memblock_init() reserves (the image, the initrd), for a
 * harness that does not run it (kresv-linear-map); the replay runs the
 * tree's own.
 */
void kresv_reserve_image(const struct scenario *s);

/*
 * What no boot of this tree can be, refused as bad input (-1, a one-line
 * message in err) before the boot: a `kernel` image too small to hold the
 * sections the model lays out in it (boot_model.c), each at least 64 KiB,
 * so that map_mem() is never asked to map an empty [_stext, __init_begin)
 * (its loops would run past their end, as the kernel's would); `split`
 * lines for a tree without split_kernel_leaf_mapping(); a `kernel` base
 * not 2 MiB aligned (MIN_KIMG_ALIGN, arch/arm64/include/asm/boot.h: where
 * a boot loader may place the image), or a size not a multiple of 64 KiB.
 */
#define KRESV_MIN_KERNEL_SIZE	0x80000ULL
/* vmlinux.lds.S: _end = ALIGN(SEGMENT_ALIGN), 64 KiB */
#define KRESV_KERNEL_SIZE_ALIGN	0x10000ULL
#define KRESV_KERNEL_ALIGN	0x200000ULL
int kresv_machine_check(const struct scenario *s, const char *path,
			char *err, size_t errlen);

/*
 * A scenario's `config` lines need a build of the tree with them (the
 * front makes one per configuration): the binary must have been built from
 * a config that says what each line says. built_with names that config
 * file (NULL: the tree's own, which holds no lines). -1 and a one-line
 * message in err if it does not.
 */
int kresv_check_built_with(const struct scenario *s, const char *path,
			   const char *built_with, char *err, size_t errlen);

/* the kernel's parameq(): dashes and underscores are the same in names */
bool kresv_param_eq(const char *a, const char *b);
#endif
