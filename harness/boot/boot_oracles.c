// SPDX-License-Identifier: GPL-2.0
#include <stdio.h>
#include <string.h>

#include <linux/types.h>
#include <linux/ioport.h>
#include <linux/boot_stubs.h>

#include "boot_model.h"
#include "machine.h"
#include "boot_oracles.h"
#include "facts.h"
#include "memblock_view.h"
#include "protos.h"
#include "watch.h"
#include "reference.h"


#define SZ_2M (2ULL << 20)

#ifdef KRESV_LOC_reserve_crashkernel_generic
#define WHERE_RESERVE KRESV_LOC_reserve_crashkernel_generic
#elif defined(KRESV_LOC_reserve_crashkernel)
#define WHERE_RESERVE KRESV_LOC_reserve_crashkernel
#else
#define WHERE_RESERVE KRESV_LOC_bootmem_init
#endif

static void add(struct boot_outcome *o, const char *name,
		unsigned long long start, unsigned long long end)
{
	struct boot_reservation *r;

	if (o->nres == BOOT_RES_MAX || end <= start)
		return;
	r = &o->res[o->nres++];
	snprintf(r->name, sizeof(r->name), "%s", name);
	r->start = start;
	r->end = end;
}

static bool overlaps(unsigned long long a, unsigned long long b,
		     unsigned long long c, unsigned long long d)
{
	return a < d && c < b;
}

/* parts of memblock.reserved that no named reservation explains */
static void add_unexplained(struct boot_outcome *o, int named)
{
	int i, n = kresv_mb_count(KRESV_MB_RESERVED);

	for (i = 0; i < n; i++) {
		unsigned long long base, size, pos, end;
		unsigned int flags;

		kresv_mb_region(KRESV_MB_RESERVED, i, &base, &size, &flags);
		pos = base;
		end = base + size;
		while (pos < end) {
			unsigned long long next = end, stop = end;
			int j;

			/* skip what a named reservation covers at pos */
			for (j = 0; j < named; j++)
				if (o->res[j].start <= pos && pos < o->res[j].end)
					break;
			if (j < named) {
				pos = o->res[j].end;
				continue;
			}
			for (j = 0; j < named; j++)
				if (o->res[j].start > pos && o->res[j].start < stop)
					stop = o->res[j].start;
			add(o, "memblock", pos, stop);
			pos = stop;
			(void)next;
		}
	}
}

void boot_outcome_collect(const struct scenario *s, struct boot_outcome *o)
{
	unsigned int i;
	int named;

	memset(o, 0, sizeof(*o));
	o->dma_limit = kresv_dma_limit();
	if (crashk_res.end) {
		o->crash = true;
		o->crash_start = crashk_res.start;
		o->crash_end = crashk_res.end + 1;
		add(o, "crashkernel", o->crash_start, o->crash_end);
	}
	if (crashk_low_res.end) {
		o->crash_low = true;
		o->low_start = crashk_low_res.start;
		o->low_end = crashk_low_res.end + 1;
		add(o, "crashkernel low", o->low_start, o->low_end);
	}
	for (i = 0; i < s->nr_reserved; i++)
		add(o, s->reserved[i].label[0] ? s->reserved[i].label :
		    "reserved", s->reserved[i].base,
		    s->reserved[i].base + s->reserved[i].size);
	if (kresv_kernel_size)
		add(o, "kernel", kresv_kernel_base,
		    kresv_kernel_base + kresv_kernel_size);
	if (s->has_initrd)
		add(o, "initrd", s->initrd.base, s->initrd.base + s->initrd.size);
	/* what the boot model allocated (page tables, memmap, cma, ...) */
	for (i = 0; i < (unsigned int)kresv_model.n; i++)
		add(o, kresv_model.a[i].name, kresv_model.a[i].start,
		    kresv_model.a[i].end);
	named = o->nres;
	add_unexplained(o, named);
}

static void check_overlaps(const char *name, unsigned long long start,
			   unsigned long long end,
			   const struct scenario_region *r, unsigned int n,
			   const char *kind, const char *what,
			   struct findings *fs)
{
	unsigned int i;
	char sig[64];

	for (i = 0; i < n; i++) {
		unsigned long long b = r[i].base, e = r[i].base + r[i].size;

		if (!overlaps(start, end, b, e))
			continue;
		snprintf(sig, sizeof(sig), "%s|%s", kind, name);
		findings_add(fs, "CRASH_OVERLAP", WHERE_RESERVE, sig,
			     "%s 0x%llx-0x%llx overlaps %s memory 0x%llx-0x%llx",
			     name, start, end, what, b, e);
	}
}

static void check_region(const struct scenario *s, const char *name,
			 unsigned long long start, unsigned long long end,
			 struct findings *fs)
{
	char sig[64];

	if (!scenario_in_ram(s, start, end)) {
		snprintf(sig, sizeof(sig), "outside|%s", name);
		findings_add(fs, "CRASH_OUTSIDE_RAM", WHERE_RESERVE, sig,
			     "%s 0x%llx-0x%llx is not all RAM", name, start, end);
	}
	if (start % SZ_2M) {
		snprintf(sig, sizeof(sig), "align|%s", name);
		findings_add(fs, "CRASH_MISALIGNED", WHERE_RESERVE, sig,
			     "%s starts at 0x%llx, not 2 MiB aligned as the arm64 boot protocol needs",
			     name, start);
	}
	check_overlaps(name, start, end, s->nomap, s->nr_nomap, "nomap",
		       "no-map", fs);
	check_overlaps(name, start, end, s->reserved, s->nr_reserved,
		       "reserved", "reserved", fs);
	if (kresv_kernel_size &&
	    overlaps(start, end, kresv_kernel_base,
		     kresv_kernel_base + kresv_kernel_size)) {
		snprintf(sig, sizeof(sig), "kernel|%s", name);
		findings_add(fs, "CRASH_OVERLAP", WHERE_RESERVE, sig,
			     "%s 0x%llx-0x%llx overlaps the kernel image", name,
			     start, end);
	}
}

/*
 * A region above the masters' reach wants a low part below it, if one can
 * be had: 128 MiB is the low part the generic code reserves by default
 * (DEFAULT_CRASH_KERNEL_LOW_SIZE). Masters that reach less RAM than that
 * (dma-max 0 reaches one byte) leave no low part to ask for.
 */
#define LOW_PART_MIN	(128ULL << 20)

/* bytes of RAM below reach: where a crash region the masters reach can be */
static unsigned long long ram_below(const struct scenario *s,
				    unsigned long long reach)
{
	unsigned long long n = 0, end;

	for (unsigned int i = 0; i < s->nr_memory; i++) {
		if (s->memory[i].base >= reach)
			continue;
		end = s->memory[i].base + s->memory[i].size;
		n += (end < reach ? end : reach) - s->memory[i].base;
	}
	return n;
}

void boot_oracles(const struct scenario *s, const struct boot_outcome *o,
		  struct findings *fs)
{
	static const char *const suffixes[] = { ",high", ",low", ",cma", NULL };
	struct ref_reading low;
	bool no_low_wanted;
	unsigned long long reach;

	/* crashkernel=0,low: the user wants no low region (documented) */
	ref_read(s->has_cmdline ? s->cmdline : "", 0, ",low", suffixes, &low);
	no_low_wanted = low.found && low.valid && low.size == 0;
	/* what the DMA masters reach: the firmware's word, else the kernel's */
	reach = !s->has_dma_max ? o->dma_limit :
		s->dma_max == ~0ULL ? ~0ULL : s->dma_max + 1;

	if (o->crash)
		check_region(s, "crashkernel", o->crash_start, o->crash_end, fs);
	if (o->crash_low) {
		check_region(s, "crashkernel low", o->low_start, o->low_end, fs);
		if (o->crash && overlaps(o->crash_start, o->crash_end,
					 o->low_start, o->low_end))
			findings_add(fs, "CRASH_OVERLAP", WHERE_RESERVE,
				     "low|high", "the two crash regions overlap");
		/* below masters that reach less RAM than it, it could not be */
		if (o->low_end > reach &&
		    ram_below(s, reach) >= o->low_end - o->low_start)
			findings_add(fs, "CRASH_ABOVE_DMA_LIMIT", WHERE_RESERVE,
				     "low", "crashkernel low 0x%llx-0x%llx ends above 0x%llx, where DMA masters reach",
				     o->low_start, o->low_end, reach);
	} else if (o->crash && !no_low_wanted && o->crash_end > reach &&
		   ram_below(s, reach) >= LOW_PART_MIN) {
		findings_add(fs, "CRASH_ABOVE_DMA_LIMIT", WHERE_RESERVE, "only",
			     "crashkernel 0x%llx-0x%llx ends above 0x%llx, where DMA masters reach, and no low region was reserved",
			     o->crash_start, o->crash_end, reach);
	}
	if (o->crash && o->crash_start < o->dma_limit && o->crash_end > o->dma_limit)
		findings_add(fs, "CRASH_CROSSES_DMA_LIMIT", WHERE_RESERVE, "cross",
			     "crashkernel 0x%llx-0x%llx crosses the DMA limit 0x%llx",
			     o->crash_start, o->crash_end, o->dma_limit);
	for (int i = 0; i < o->nres; i++)
		if (!strcmp(o->res[i].name, "memblock"))
			findings_add(fs, "CRASH_NOT_ANNOUNCED", WHERE_RESERVE,
				     "leak", "memblock keeps 0x%llx-0x%llx reserved, which nothing announced",
				     o->res[i].start, o->res[i].end);
}
