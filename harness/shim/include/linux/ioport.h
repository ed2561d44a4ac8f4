/* SPDX-License-Identifier: GPL-2.0 */
/* struct resource as the crash reservation fills it (include/linux/ioport.h). */
#ifndef KRESV_SHIM_LINUX_IOPORT_H
#define KRESV_SHIM_LINUX_IOPORT_H
#include <linux/types.h>

struct resource {
	resource_size_t start;
	resource_size_t end;
	const char *name;
	unsigned long flags;
	unsigned long desc;
	struct resource *parent, *sibling, *child;
};

#define IORESOURCE_SYSTEM_RAM	0x01000000
#define IORESOURCE_MEM		0x00000200
#define IORESOURCE_BUSY		0x80000000
#define IORES_DESC_CRASH_KERNEL	5
extern struct resource iomem_resource;
int insert_resource(struct resource *parent, struct resource *new);
#endif
