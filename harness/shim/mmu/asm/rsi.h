/* SPDX-License-Identifier: GPL-2.0 */
/* asm/rsi.h for the tree's pgtable-prot.h: kresv boots no Realm guest. */
#ifndef KRESV_SHIM_MMU_ASM_RSI_H
#define KRESV_SHIM_MMU_ASM_RSI_H
#include <stdbool.h>
static inline bool is_realm_world(void) { return false; }
#endif
