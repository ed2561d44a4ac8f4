// SPDX-License-Identifier: GPL-2.0
/*
 * A scenario as a qemu-system-aarch64 -M virt machine, for booting a real
 * kernel on the same layout (kresv validate):
 *
 *   kresv-scenario --machine FILE
 *	what qemu must provide (RAM size, kernel and initrd placement, DMA
 *	limit, CPU features, command line) as key=value lines, or why qemu
 *	virt cannot be that machine;
 *   kresv-scenario --dts-fragment [--append-bootargs TEXT] FILE
 *	device-tree source to append to the DTS of qemu's own DTB
 *	(-machine dumpdtb=, then dtc -I dtb -O dts): it replaces qemu's one
 *	memory node with the scenario's banks and adds its reservations, its
 *	DMA limit, its command line and its initrd.
 *
 * The format of both is in docs/scenario.md ("On qemu virt").
 *
 * This file is #included by check.c, not compiled on its own, so that a
 * build that lists scenario.c and check.c alone (tests/scenario.sh) still
 * links; everything here is static.
 */
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "scenario.h"

/*
 * qemu virt (hw/arm/virt.c): devices below 1 GiB, one RAM region from
 * 0x40000000. With highmem the region may go past 4 GiB; kresv takes it up
 * to 1 TiB. A RAM size (-m) that is a multiple of 2 MiB keeps every block
 * mapping of the linear map whole.
 */
#define QEMU_VIRT_RAM_BASE	0x40000000ull
#define QEMU_VIRT_RAM_LIMIT	0x10000000000ull	/* exclusive */
#define QEMU_VIRT_RAM_ALIGN	(2ull << 20)
/* arm64 booting.rst: the Image goes at a 2 MiB aligned base (text_offset 0) */
#define ARM64_IMAGE_ALIGN	(2ull << 20)
#define ARM64_CMDLINE_MAX	(SCENARIO_CMDLINE_SIZE - 1)

struct qemu_machine {
	uint64_t ram_size;	/* -m, bytes: a multiple of QEMU_VIRT_RAM_ALIGN */
	uint64_t ram_end;	/* QEMU_VIRT_RAM_BASE + ram_size, exclusive */
};

static uint64_t region_last(const struct scenario_region *r)
{
	return r->base + (r->size - 1);	/* the parser keeps this in 64 bits */
}

/* r lies within qemu's RAM [QEMU_VIRT_RAM_BASE, q->ram_end) */
static int in_qemu_ram(const struct scenario_region *r,
		       const struct qemu_machine *q)
{
	return r->base >= QEMU_VIRT_RAM_BASE && region_last(r) < q->ram_end;
}

/*
 * The qemu virt machine for s: 0 and *q, or -1 and why not in reason (no
 * file name, no newline).
 */
static int qemu_machine(const struct scenario *s, struct qemu_machine *q,
			char *reason, size_t len)
{
	uint64_t top = 0;	/* last byte of the highest bank */
	unsigned int i;

	for (i = 0; i < s->nr_memory; i++) {
		const struct scenario_region *m = &s->memory[i];

		if (m->base < QEMU_VIRT_RAM_BASE) {
			snprintf(reason, len,
				 "RAM at 0x%" PRIx64 " below qemu virt's RAM base 0x%llx",
				 m->base, QEMU_VIRT_RAM_BASE);
			return -1;
		}
		if (region_last(m) >= QEMU_VIRT_RAM_LIMIT) {
			snprintf(reason, len,
				 "RAM [0x%" PRIx64 "-0x%" PRIx64 "] beyond qemu virt's RAM limit 0x%llx (1 TiB)",
				 m->base, region_last(m), QEMU_VIRT_RAM_LIMIT);
			return -1;
		}
		if (region_last(m) > top)
			top = region_last(m);
	}
	/* top < 1 TiB: no overflow below */
	q->ram_size = (top + 1 - QEMU_VIRT_RAM_BASE + QEMU_VIRT_RAM_ALIGN - 1) &
		      ~(QEMU_VIRT_RAM_ALIGN - 1);
	q->ram_end = QEMU_VIRT_RAM_BASE + q->ram_size;

	if (s->nr_config) {
		snprintf(reason, len,
			 "config %s=%s (the real kernel's config is fixed)",
			 s->config[0].name, s->config[0].value);
		return -1;
	}
	if (s->has_kernel && s->kernel.base % ARM64_IMAGE_ALIGN) {
		snprintf(reason, len,
			 "kernel at 0x%" PRIx64 " is not 2 MiB aligned (arm64 boot protocol)",
			 s->kernel.base);
		return -1;
	}
	if (s->has_kernel && !in_qemu_ram(&s->kernel, q)) {
		snprintf(reason, len,
			 "kernel [0x%" PRIx64 "-0x%" PRIx64 "] outside qemu virt's RAM [0x%llx-0x%" PRIx64 "]",
			 s->kernel.base, region_last(&s->kernel),
			 QEMU_VIRT_RAM_BASE, q->ram_end - 1);
		return -1;
	}
	if (s->has_initrd && !in_qemu_ram(&s->initrd, q)) {
		snprintf(reason, len,
			 "initrd [0x%" PRIx64 "-0x%" PRIx64 "] outside qemu virt's RAM [0x%llx-0x%" PRIx64 "]",
			 s->initrd.base, region_last(&s->initrd),
			 QEMU_VIRT_RAM_BASE, q->ram_end - 1);
		return -1;
	}
	return 0;
}

/* --machine: key=value lines; cmdline last, verbatim to the line end */
static void write_machine(const struct scenario *s,
			  const struct qemu_machine *q, FILE *out)
{
	const char *sep = "";
	unsigned int nr;

	fprintf(out, "ram_size=0x%" PRIx64 "\n", q->ram_size);
	fprintf(out, "ram_end=0x%" PRIx64 "\n", q->ram_end);
	fputs("cpu=", out);
	for (nr = 0; nr < SCENARIO_NR_CPU_FEATURES; nr++) {
		if (!(s->cpu & (1u << nr)))
			continue;
		fprintf(out, "%s%s", sep, scenario_cpu_feature_name(nr));
		sep = ",";
	}
	fputc('\n', out);
	if (s->has_kernel)
		fprintf(out, "kernel_base=0x%" PRIx64 "\nkernel_size=0x%" PRIx64 "\n",
			s->kernel.base, s->kernel.size);
	if (s->has_initrd)
		fprintf(out, "initrd_base=0x%" PRIx64 "\ninitrd_size=0x%" PRIx64 "\n",
			s->initrd.base, s->initrd.size);
	fprintf(out, "has_dma_max=%d\n", s->has_dma_max ? 1 : 0);
	fprintf(out, "dma_max=0x%" PRIx64 "\n",
		s->has_dma_max ? s->dma_max : UINT64_MAX);
	fprintf(out, "cmdline=%s\n", s->cmdline);
}

/* one 64-bit value as two cells, "0xHI 0xLO" */
static void put_cells(FILE *out, uint64_t v)
{
	fprintf(out, "0x%" PRIx32 " 0x%" PRIx32, (uint32_t)(v >> 32),
		(uint32_t)v);
}

static void put_reg(FILE *out, const char *indent,
		    const struct scenario_region *r)
{
	fprintf(out, "%sreg = <", indent);
	put_cells(out, r->base);
	fputc(' ', out);
	put_cells(out, r->size);
	fputs(">;\n", out);
}

/* text as the body of a DTS string: \" \\ escaped, other bytes outside
 * printable ASCII as \xNN (dtc reads at most two hex digits) */
static void put_dts_string(FILE *out, const char *text)
{
	const unsigned char *p;

	for (p = (const unsigned char *)text; *p; p++) {
		if (*p == '"' || *p == '\\')
			fprintf(out, "\\%c", *p);
		else if (*p < 0x20 || *p > 0x7e)
			fprintf(out, "\\x%02x", *p);
		else
			fputc(*p, out);
	}
}

#define NODE_NAME_SIZE	(SCENARIO_LABEL_SIZE + 12)	/* name, "-N", NUL */

/*
 * The node name (before the '@') for a reserved or nomap range: its label
 * up to any '@' of its own (a label such as "vdev0vring0@b8000000" already
 * carries a unit address), bytes outside the node-name set [a-zA-Z0-9,._+-]
 * as '_'; "reserved" when that leaves nothing.
 */
static void node_name(const char *label, char name[SCENARIO_LABEL_SIZE])
{
	size_t n;

	for (n = 0; label[n] && label[n] != '@'; n++) {
		char c = label[n];

		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || strchr(",._+-", c))
			name[n] = c;
		else
			name[n] = '_';
	}
	name[n] = '\0';
	if (!n)
		strcpy(name, "reserved");
}

/* an earlier one of the n first nodes has the name and base of node n */
static int node_taken(char (*names)[NODE_NAME_SIZE],
		      const struct scenario_region **r, unsigned int n)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		if (r[i]->base == r[n]->base && !strcmp(names[i], names[n]))
			return 1;
	return 0;
}

/*
 * The children of /reserved-memory: nomap ranges, then reserved ones, each
 * in file order. The kernel (__fdt_scan_reserved_mem()) takes them in that
 * order, and refuses a no-map node with -EBUSY when its range overlaps both
 * memory and something already reserved; kresv's replay marks nomap before
 * it reserves, so nomap nodes go first to get the same answer wherever the
 * scenario's own ranges overlap. Two of them with the same name and base
 * would be one node to dtc (the second's properties merged into the
 * first), so a repeat gets "-1", "-2", ... after its name. Ranges at the same base under different
 * names stay apart; dtc warns about the shared unit address
 * (unique_unit_address), and the kernel reserves each.
 */
static void write_reserved_memory(const struct scenario *s, FILE *out)
{
	static char names[2 * SCENARIO_MAX_REGIONS][NODE_NAME_SIZE];
	const struct scenario_region *r[2 * SCENARIO_MAX_REGIONS];
	unsigned int n = 0, i, k;

	for (i = 0; i < s->nr_nomap; i++)
		r[n++] = &s->nomap[i];
	for (i = 0; i < s->nr_reserved; i++)
		r[n++] = &s->reserved[i];
	if (!n)
		return;

	fputs("\n\treserved-memory {\n"
	      "\t\t#address-cells = <2>;\n"
	      "\t\t#size-cells = <2>;\n"
	      "\t\tranges;\n", out);
	for (i = 0; i < n; i++) {
		char name[SCENARIO_LABEL_SIZE];

		node_name(r[i]->label, name);
		strcpy(names[i], name);
		for (k = 1; node_taken(names, r, i); k++)
			snprintf(names[i], sizeof(names[i]), "%s-%u", name, k);
		fprintf(out, "\n\t\t%s@%" PRIx64 " {\n", names[i], r[i]->base);
		put_reg(out, "\t\t\t", r[i]);
		if (i < s->nr_nomap)
			fputs("\t\t\tno-map;\n", out);
		fputs("\t\t};\n", out);
	}
	fputs("\t};\n", out);
}

/*
 * The DMA limit: of_dma_get_max_cpu_address(NULL) (drivers/of/address.c,
 * the same in 6.1 and 7.3) walks every available node from the root; for a
 * node with a non-empty dma-ranges it takes the largest cpu_addr + size - 1
 * over that node's ranges, and it returns the minimum over all such nodes,
 * PHYS_ADDR_MAX when there are none. qemu virt's own tree has no dma-ranges
 * (checked on qemu 7.2), so one node with one range <bus 0, cpu 0, size
 * dma_max + 1> makes it return dma_max.
 *
 * The range parser (parser_init()) reads the child address and size cells
 * from the node's own #address-cells and #size-cells (7.3 also ignores the
 * node when of_match_bus() finds no #address-cells property on it), and
 * the parent cells from the root. The cpu address goes through
 * of_translate_dma_address(), which starts at the node's parent: for a
 * child of the root that is the root itself, so the address comes back
 * unchanged and no "ranges" is consulted. "ranges" and "simple-bus" are
 * not needed for the limit, then, but kept: they make the node the kind
 * of bus the Raspberry Pi 4's scb and emmc2bus are (dma-ranges =
 * <0x0 0x0 0x0 0x0 0x0 0x40000000> there; our cells are 2/2 like the
 * root's, so an empty ranges maps 1:1). The node has no unit address: dtc
 * counts an empty ranges as no ranges, so "dma-limit-bus@0" would warn
 * (unit_address_vs_reg, and unique_unit_address next to qemu's flash@0).
 *
 * dma_max 0xffffffffffffffff needs a size of 2^64: no node, which is the
 * same answer.
 */
static void write_dma_limit(const struct scenario *s, FILE *out)
{
	if (!s->has_dma_max || s->dma_max == UINT64_MAX)
		return;
	fputs("\n\tdma-limit-bus {\n"
	      "\t\tcompatible = \"simple-bus\";\n"
	      "\t\t#address-cells = <2>;\n"
	      "\t\t#size-cells = <2>;\n"
	      "\t\tranges;\n"
	      "\t\tdma-ranges = <0x0 0x0 0x0 0x0 ", out);
	put_cells(out, s->dma_max + 1);
	fputs(">;\n\t};\n", out);
}

/* --dts-fragment: append is "" when not given */
static void write_dts_fragment(const struct scenario *s, const char *append,
			       FILE *out)
{
	unsigned int i;

	fputs("/* kresv-scenario --dts-fragment: append to the DTS of qemu virt's own DTB */\n"
	      "/delete-node/ &{/memory@40000000};\n"
	      "\n"
	      "/ {\n", out);
	for (i = 0; i < s->nr_memory; i++) {
		fprintf(out, "%s\tmemory@%" PRIx64 " {\n"
			"\t\tdevice_type = \"memory\";\n",
			i ? "\n" : "", s->memory[i].base);
		put_reg(out, "\t\t", &s->memory[i]);
		fputs("\t};\n", out);
	}
	write_reserved_memory(s, out);
	write_dma_limit(s, out);

	fputs("\n\tchosen {\n\t\tbootargs = \"", out);
	put_dts_string(out, s->cmdline);
	if (s->cmdline[0] && append[0])
		fputc(' ', out);
	put_dts_string(out, append);
	fputs("\";\n", out);
	if (s->has_initrd) {
		fputs("\t\tlinux,initrd-start = <", out);
		put_cells(out, s->initrd.base);
		fputs(">;\n\t\tlinux,initrd-end = <", out);
		put_cells(out, s->initrd.base + s->initrd.size);
		fputs(">;\n", out);
	}
	fputs("\t};\n};\n", out);
}

/*
 * Both modes for the scenario loaded from path into s; append is NULL for
 * --machine. 0, or 2 after the one-line error on stderr.
 */
static int qemu_main(const char *path, const struct scenario *s,
		     const char *append, FILE *out)
{
	struct qemu_machine q;
	char reason[512];

	if (qemu_machine(s, &q, reason, sizeof(reason))) {
		fprintf(stderr, "%s: cannot express on qemu virt: %s\n", path, reason);
		return 2;
	}
	if (!append) {
		write_machine(s, &q, out);
		return 0;
	}
	if (strlen(s->cmdline) + (s->cmdline[0] && append[0]) + strlen(append) >
	    ARM64_CMDLINE_MAX) {
		fprintf(stderr,
			"%s: cannot express on qemu virt: command line and --append-bootargs are %zu bytes, longer than the kernel keeps (at most %d)\n",
			path, strlen(s->cmdline) + (s->cmdline[0] && append[0]) + strlen(append),
			ARM64_CMDLINE_MAX);
		return 2;
	}
	write_dts_fragment(s, append, out);
	return 0;
}
