// SPDX-License-Identifier: GPL-2.0
/* The scenario's machine into the tree's memblock (machine.h). */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <generated/autoconf.h>
#include <linux/types.h>
#include <linux/memblock.h>
#include <asm/arm64.h>

#include "machine.h"
#include "mmu_unit.h"
#include "memblock_view.h"
#include "scenario.h"
#include "stubs.h"

unsigned long long kresv_kernel_base, kresv_kernel_size;
bool kresv_kernel_default;

/* the end of the last firmware range [start, end) overlaps, else 0 */
static unsigned long long firmware_in(const struct scenario *s,
				      unsigned long long start,
				      unsigned long long end)
{
	const struct scenario_region *r;
	unsigned long long last = 0;
	unsigned int i;

	for (i = 0; i < s->nr_nomap + s->nr_reserved; i++) {
		r = i < s->nr_nomap ? &s->nomap[i] :
		    &s->reserved[i - s->nr_nomap];
		if (r->base < end && start < r->base + r->size &&
		    r->base + r->size > last)
			last = r->base + r->size;
	}
	return last;
}

/*
 * Where the model loads an image the scenario does not place, as the EFI
 * stub would: the lowest place 2 MiB into a bank's first 2 MiB block, or
 * at a later 2 MiB boundary of it, that lies in RAM and clear of the
 * firmware's reserved and no-map ranges. DEFAULT_IMAGE_NO_ROOM: firmware
 * ranges cover every place it fits; DEFAULT_IMAGE_NO_BANK: no bank holds
 * it. Either way the stub could not load it and no kernel boots: the
 * machine is refused (kresv_machine_check()), not given an image over a
 * hole or a no-map range, whose mapping would be a finding of the model's
 * making.
 */
enum default_image { DEFAULT_IMAGE_PLACED, DEFAULT_IMAGE_NO_BANK,
		     DEFAULT_IMAGE_NO_ROOM };

static unsigned long long align_2m(unsigned long long a)
{
	return (a + KRESV_KERNEL_ALIGN - 1) & ~(KRESV_KERNEL_ALIGN - 1);
}

static enum default_image default_image_base(const struct scenario *s,
					     unsigned long long *out)
{
	const unsigned long long sz = KRESV_DEFAULT_KERNEL_SIZE;
	unsigned long long base, fw;
	bool fits = false;
	unsigned int i;

	*out = ~0ULL;
	for (i = 0; i < s->nr_memory; i++) {
		const struct scenario_region *m = &s->memory[i];

		for (base = align_2m(m->base) + KRESV_DEFAULT_KERNEL_OFFSET;
		     base < m->base + m->size && base + sz > base &&
		     scenario_in_ram(s, base, base + sz);
		     base = align_2m(fw)) {
			fits = true;
			fw = firmware_in(s, base, base + sz);
			if (!fw) {
				if (base < *out)
					*out = base;
				break;
			}
		}
	}
	if (*out != ~0ULL)
		return DEFAULT_IMAGE_PLACED;
	return fits ? DEFAULT_IMAGE_NO_ROOM : DEFAULT_IMAGE_NO_BANK;
}

void kresv_set_up_machine(const struct scenario *s)
{
	unsigned int i;

	kresv_mb_reset();
	for (i = 0; i < s->nr_memory; i++)
		memblock_add(s->memory[i].base, s->memory[i].size);
	for (i = 0; i < s->nr_nomap; i++)
		memblock_mark_nomap(s->nomap[i].base, s->nomap[i].size);
	for (i = 0; i < s->nr_reserved; i++)
		memblock_reserve(s->reserved[i].base, s->reserved[i].size);
	/* the kernel image, reserved by arm64_memblock_init() */
	kresv_kernel_default = !s->has_kernel;
	if (s->has_kernel) {
		kresv_kernel_base = s->kernel.base;
		kresv_kernel_size = s->kernel.size;
	} else if (s->nr_memory) {
		/* kresv_machine_check() refused a machine with no place */
		default_image_base(s, &kresv_kernel_base);
		kresv_kernel_size = KRESV_DEFAULT_KERNEL_SIZE;
	} else {
		kresv_kernel_base = kresv_kernel_size = 0;
	}
	kresv_answers.dt_dma_max = s->has_dma_max ? s->dma_max : ~0ULL;
	boot_command_line[0] = '\0';
	phys_initrd_start = phys_initrd_size = 0;
}

void kresv_scan_chosen(const struct scenario *s)
{
	snprintf(boot_command_line, sizeof(boot_command_line), "%s",
		 s->has_cmdline ? s->cmdline : "");
	phys_initrd_start = s->has_initrd ? s->initrd.base : 0;
	phys_initrd_size = s->has_initrd ? s->initrd.size : 0;
}

void kresv_reserve_image(const struct scenario *s)
{
	if (kresv_kernel_size)
		memblock_reserve(kresv_kernel_base, kresv_kernel_size);
	if (s->has_initrd)
		memblock_reserve(s->initrd.base, s->initrd.size);
}

int kresv_machine_check(const struct scenario *s, const char *path,
			char *err, size_t errlen)
{
	unsigned long long base;

	if (s->has_kernel && s->kernel.size < KRESV_MIN_KERNEL_SIZE) {
		snprintf(err, errlen, "%s: kernel 0x%llx 0x%llx: an image under %llu KiB has no room for the text, rodata and init sections the model lays out (64 KiB each at least)",
			 path, (unsigned long long)s->kernel.base,
			 (unsigned long long)s->kernel.size,
			 KRESV_MIN_KERNEL_SIZE >> 10);
		return -1;
	}
	if (s->has_kernel && s->kernel.size % KRESV_KERNEL_SIZE_ALIGN) {
		snprintf(err, errlen, "%s:%u: kernel: size 0x%llx is not a multiple of 64 KiB (the linker script ends the image on a SEGMENT_ALIGN boundary, and the kernel maps it in whole pages)",
			 path, scenario_directive_line(path, "kernel", 0),
			 (unsigned long long)s->kernel.size);
		return -1;
	}
	if (s->has_kernel && s->kernel.base % KRESV_KERNEL_ALIGN) {
		snprintf(err, errlen, "%s:%u: kernel: base 0x%llx is not 2 MiB aligned (a boot loader places the image at a 2 MiB boundary: MIN_KIMG_ALIGN)",
			 path, scenario_directive_line(path, "kernel", 0),
			 (unsigned long long)s->kernel.base);
		return -1;
	}
	if (!s->has_kernel && s->nr_memory) {
		switch (default_image_base(s, &base)) {
		case DEFAULT_IMAGE_PLACED:
			break;
		case DEFAULT_IMAGE_NO_ROOM:
			snprintf(err, errlen, "%s: no room for the kernel image: reserved and no-map ranges cover every place in RAM where its 0x%llx bytes fit (a kernel line places it anyway)",
				 path, KRESV_DEFAULT_KERNEL_SIZE);
			return -1;
		case DEFAULT_IMAGE_NO_BANK:
			snprintf(err, errlen, "%s: no room for the kernel image: no bank of RAM holds its 0x%llx bytes, so the EFI stub could not load it (a kernel line places it anyway)",
				 path, KRESV_DEFAULT_KERNEL_SIZE);
			return -1;
		}
	}
	if (s->nr_split && !kresv_mmu_has_split()) {
		snprintf(err, errlen, "%s:%u: split: this tree has no split_kernel_leaf_mapping() (arch/arm64/mm/mmu.c; 7.3 has it)",
			 path, scenario_directive_line(path, "split", 0));
		return -1;
	}
	return 0;
}

bool kresv_param_eq(const char *a, const char *b)
{
	for (; *a && *b; a++, b++)
		if (*a != *b && !((*a == '-' || *a == '_') &&
				  (*b == '-' || *b == '_')))
			return false;
	return *a == *b;
}

/* A scenario's `config` lines against the config this binary was built
 * from (machine.h) */
int kresv_check_built_with(const struct scenario *s, const char *path,
			   const char *built_with, char *err, size_t errlen)
{
	static char text[1 << 20];
	char want[SCENARIO_CONFIG_NAME_SIZE + SCENARIO_CONFIG_VALUE_SIZE + 32];
	size_t n;
	unsigned int i;
	FILE *f;

	if (!s->nr_config)
		return 0;
	if (!built_with) {
		snprintf(err, errlen, "%s: config lines need a build for that configuration: run it with ./kresv replay or ./kresv linear-map",
			 path);
		return -1;
	}
	f = fopen(built_with, "r");
	if (!f) {
		snprintf(err, errlen, "%s: cannot read: %s", built_with,
			 strerror(errno));
		return -1;
	}
	n = fread(text + 1, 1, sizeof(text) - 2, f);
	fclose(f);
	text[0] = '\n';
	text[n + 1] = 0;
	for (i = 0; i < s->nr_config; i++) {
		const struct scenario_config *c = &s->config[i];

		if (!strcmp(c->value, "n"))
			snprintf(want, sizeof(want), "\n# %s is not set\n", c->name);
		else
			snprintf(want, sizeof(want), "\n%s=%s\n", c->name, c->value);
		if (!strstr(text, want)) {
			snprintf(err, errlen, "%s: this build was made from %s, which does not say %s=%s",
				 path, built_with, c->name, c->value);
			return -1;
		}
	}
	return 0;
}
