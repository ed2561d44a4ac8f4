/* SPDX-License-Identifier: GPL-2.0 */
/* What the boot stubs recorded, and the firmware answers they give. */
#ifndef KRESV_BOOT_STUBS_H
#define KRESV_BOOT_STUBS_H
#include <linux/types.h>

#define STUB_CALLS_MAX 320	/* a boot's calls and up to 256 splits after it */
#define STUB_CALL_LEN 128
#define KRESV_NR_ZONES 3	/* the first zones of max_zone_pfn[] kept */

struct boot_answers {
	phys_addr_t dt_dma_max;		/* of_dma_get_max_cpu_address() */
	/* what free_area_init() was given, where the tree calls it here */
	unsigned long max_zone_pfn[KRESV_NR_ZONES];
	int nr_zones;
};

struct stub_calls {
	int n;
	char call[STUB_CALLS_MAX][STUB_CALL_LEN];
};

extern char boot_command_line[2048];
extern struct boot_answers kresv_answers;
extern struct stub_calls kresv_calls;
extern const char *const kresv_zone_names[];

void kresv_record(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
#endif
