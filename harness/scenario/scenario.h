/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Scenario files: a described arm64 machine (RAM banks, firmware
 * reservations, DMA reach, config overrides, CPU features, command line)
 * and optional expectations. The format is in docs/scenario.md.
 *
 * The structure holds no pointers and is filled completely (unused bytes
 * zero) by scenario_load() and scenario_parse_buffer(), so it can be
 * copied, compared with scenario_equal() and written back with
 * scenario_write(): loading what scenario_write() printed gives the same
 * structure again. Lists keep the order of the file.
 */
#ifndef KRESV_SCENARIO_H
#define KRESV_SCENARIO_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define SCENARIO_MAX_REGIONS		64	/* memory, reserved, nomap: each */
#define SCENARIO_LABEL_SIZE		64	/* label bytes + NUL */
#define SCENARIO_CMDLINE_SIZE		2048	/* arm64 COMMAND_LINE_SIZE */
#define SCENARIO_MAX_CONFIG		128
#define SCENARIO_CONFIG_NAME_SIZE	96	/* "CONFIG_..." + NUL */
#define SCENARIO_CONFIG_VALUE_SIZE	256	/* as written in .config, + NUL */
#define SCENARIO_MAX_EXPECT		256
#define SCENARIO_MAX_SPLITS		256
#define SCENARIO_EXPECT_KEY_SIZE	32
#define SCENARIO_EXPECT_TEXT_SIZE	256
#define SCENARIO_MAX_FILE_SIZE		(4u << 20)

/*
 * CPU features a scenario can name: X(ENUM, "name"). This is the one
 * table; the enum, the bits and the parser's list all come from it.
 */
#define SCENARIO_CPU_FEATURES(X)	\
	X(LPA2, "lpa2")			\
	X(BBML2, "bbml2")		\
	X(BBML3, "bbml3")

enum scenario_cpu_bit {
#define SCENARIO_CPU_ENUM(e, name)	SCENARIO_CPU_BIT_##e,
	SCENARIO_CPU_FEATURES(SCENARIO_CPU_ENUM)
#undef SCENARIO_CPU_ENUM
	SCENARIO_NR_CPU_FEATURES
};

/* the bit of feature e in scenario.cpu, e.g. SCENARIO_CPU(LPA2) */
#define SCENARIO_CPU(e)			(1u << SCENARIO_CPU_BIT_##e)

/* the name of feature bit number nr ("lpa2"), NULL when out of range */
const char *scenario_cpu_feature_name(unsigned int nr);

enum scenario_arch {
	SCENARIO_ARCH_ARM64 = 0,	/* the only one; also the default */
};

/* [base, base + size): size > 0, base + size does not pass 2^64 - 1 */
struct scenario_region {
	uint64_t base;
	uint64_t size;
	char label[SCENARIO_LABEL_SIZE];	/* "" when none (always for memory) */
};

/* a range without a label (split) */
struct scenario_range {
	uint64_t base;
	uint64_t size;
};

struct scenario_config {
	char name[SCENARIO_CONFIG_NAME_SIZE];	/* CONFIG_[A-Z0-9_]+ */
	char value[SCENARIO_CONFIG_VALUE_SIZE];	/* y, n, m, -12, 0x1f, "str" */
};

struct scenario_expect {
	char key[SCENARIO_EXPECT_KEY_SIZE];	/* first word, e.g. "7.3" */
	char text[SCENARIO_EXPECT_TEXT_SIZE];	/* rest of the line, verbatim */
};

struct scenario {
	enum scenario_arch arch;

	unsigned int nr_memory;
	struct scenario_region memory[SCENARIO_MAX_REGIONS];	/* disjoint */
	unsigned int nr_reserved;
	struct scenario_region reserved[SCENARIO_MAX_REGIONS];
	unsigned int nr_nomap;
	struct scenario_region nomap[SCENARIO_MAX_REGIONS];

	bool has_kernel;	/* else the model places the image */
	struct scenario_region kernel;
	bool has_initrd;
	struct scenario_region initrd;
	bool has_dma_max;	/* else every master reaches everything */
	uint64_t dma_max;	/* highest CPU address, inclusive */
	bool has_pgtable_budget;	/* else no budget */
	uint64_t pgtable_budget;	/* bytes of linear-map page tables */

	unsigned int cpu;	/* SCENARIO_CPU(...) bits */

	unsigned int nr_config;
	struct scenario_config config[SCENARIO_MAX_CONFIG];	/* names unique */

	bool has_cmdline;	/* a cmdline line was given (it may be "") */
	char cmdline[SCENARIO_CMDLINE_SIZE];	/* unescaped, <= 2047 bytes */

	/* after the boot: split_kernel_leaf_mapping() of each, in order */
	unsigned int nr_split;
	struct scenario_range split[SCENARIO_MAX_SPLITS];	/* physical */

	unsigned int nr_expect;
	struct scenario_expect expect[SCENARIO_MAX_EXPECT];
};

/*
 * Read and parse the file at path into *s. 0 on success; else -1 and err
 * holds one line (no newline), "FILE:LINE: what is wrong", or
 * "FILE: what is wrong" when the file cannot be read at all.
 */
int scenario_load(const char *path, struct scenario *s, char *err,
		  size_t errlen);

/*
 * The same over len bytes of text (need not be NUL-terminated; a NUL byte
 * is an error); name stands for the file in error messages.
 */
int scenario_parse_buffer(const char *name, const char *text, size_t len,
			  struct scenario *s, char *err, size_t errlen);

/*
 * Print s in canonical form: directives in a fixed order, numbers in one
 * spelling, no comments. s must be valid (as the parser leaves it).
 * 0 on success, -1 on an output error.
 */
int scenario_write(const struct scenario *s, FILE *out);

/*
 * The line of the file at path that holds the nth (from 0) line of the
 * given directive, for messages about a file that loaded; 0 when there is
 * none or the file cannot be read.
 */
unsigned int scenario_directive_line(const char *path, const char *directive,
				     unsigned int nth);

/* same machine, same expectations (ignores bytes after string ends) */
bool scenario_equal(const struct scenario *a, const struct scenario *b);

/* [start, end) lies in the scenario's RAM (banks may touch) */
bool scenario_in_ram(const struct scenario *s, unsigned long long start,
		     unsigned long long end);

#endif
