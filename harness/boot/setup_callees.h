/* SPDX-License-Identifier: GPL-2.0 */
/* setup_arch()'s callees outside scope (setup_callees.c) */
#ifndef KRESV_BOOT_SETUP_CALLEES_H
#define KRESV_BOOT_SETUP_CALLEES_H

struct scenario;

/* the machine whose device tree setup_machine_fdt() reads in this boot */
void kresv_setup_callees_reset(const struct scenario *s);
#endif
