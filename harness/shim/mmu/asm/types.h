/* SPDX-License-Identifier: GPL-2.0 */
/* asm/types.h for the tree's pgtable-types.h: the host's kernel types. */
#include <linux/types.h>
