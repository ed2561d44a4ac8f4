// SPDX-License-Identifier: GPL-2.0
/*
 * Fuzz input -> scenario (decode.h). The binary form is a stream of
 * choices; every choice reads one or a few bytes and maps them onto a
 * table whose first entry is the commonest real-world value, so that
 * short and zero-filled inputs decode to realistic machines, and the
 * last entries (or an "odd" branch) reach the unusual ones. Everything
 * produced is valid by construction (docs/scenario.md): banks disjoint
 * and below KRESV_FUZZ_RAM_TOP, ranges of nonzero size that do not wrap,
 * labels of printable ASCII, a command line of printable ASCII and tabs
 * of at most 2047 bytes, `split` ranges inside a bank (on a tree with
 * split_kernel_leaf_mapping() only), no `config` and no `expect` lines.
 */
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "decode.h"

#define SZ_4K	0x1000ULL
#define SZ_64K	0x10000ULL
#define SZ_1M	0x100000ULL
#define SZ_2M	0x200000ULL
#define SZ_1G	0x40000000ULL
#define MIN_RAM	(64 * SZ_1M)
#define MAX_RAM	(4ULL << 40)
#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

struct reader {
	const uint8_t *p;
	size_t n, i;
};

static unsigned int u8(struct reader *r)
{
	return r->i < r->n ? r->p[r->i++] : 0;
}

static uint64_t uN(struct reader *r, unsigned int bytes)
{
	uint64_t v = 0;

	while (bytes--)
		v = v << 8 | u8(r);
	return v;
}

/* true with probability about percent/100 (a zero byte says no) */
static bool chance(struct reader *r, unsigned int percent)
{
	return u8(r) * 100 >= (100 - percent) * 256;
}

static uint64_t pick(struct reader *r, const uint64_t *t, size_t n)
{
	return t[u8(r) % n];
}

static uint64_t align_down(uint64_t v, uint64_t a)
{
	return v & ~(a - 1);
}

static uint64_t align_up(uint64_t v, uint64_t a)
{
	return (v + a - 1) & ~(a - 1);
}

/* --- the machine ---------------------------------------------------------- */

static const uint64_t small_ram[] = {
	1ULL << 30, 2ULL << 30, 4ULL << 30, 8ULL << 30, 512ULL << 20,
	16ULL << 30, 3ULL << 30, 256ULL << 20, 6ULL << 30, 12ULL << 30,
	128ULL << 20, 64ULL << 20, 1536ULL << 20, 768ULL << 20,
};
static const uint64_t big_ram[] = {
	32ULL << 30, 64ULL << 30, 128ULL << 30, 256ULL << 30, 512ULL << 30,
	1ULL << 40, 2ULL << 40, 4ULL << 40, 48ULL << 30, 96ULL << 30,
};
static const uint64_t ram_bases[] = {
	0x40000000, 0x80000000, 0x800000000, 0, 0x8000000000,
	0x880000000, 0x10000000, 0x100000000,
};

static uint64_t total_ram(struct reader *r)
{
	unsigned int c = u8(r);
	uint64_t v;

	if (c < 218)		/* 85%: up to 16 GiB */
		return pick(r, small_ram, NELEM(small_ram));
	if (c < 250)
		return pick(r, big_ram, NELEM(big_ram));
	/* odd: any multiple of 4 KiB from 64 MiB to 4 TiB */
	v = MIN_RAM + uN(r, 4) * SZ_4K;
	return v > MAX_RAM ? MAX_RAM : v;
}

static uint64_t bank_align(struct reader *r, uint64_t total)
{
	unsigned int c = u8(r);

	if (c < 200)
		return total >= (64ULL << 30) ? SZ_1G : SZ_2M;
	if (c < 230)
		return SZ_1G;
	if (c < 245)
		return SZ_64K;
	return SZ_4K;
}

static void add_region(struct scenario_region *t, unsigned int *n,
		       uint64_t base, uint64_t size, const char *label)
{
	if (*n >= SCENARIO_MAX_REGIONS || !size || base + size < base)
		return;
	t[*n].base = base;
	t[*n].size = size;
	snprintf(t[*n].label, sizeof(t[*n].label), "%s", label);
	(*n)++;
}

static void decode_memory(struct reader *r, struct scenario *s)
{
	uint64_t total = total_ram(r), align = bank_align(r, total);
	uint64_t base, left, size, end;
	unsigned int c = u8(r), nbanks, i;

	nbanks = c < 160 ? 1 : c < 210 ? 2 : c < 235 ? 3 : c < 250 ? 4 :
		 5 + c % 4;
	if (total < nbanks * align)
		nbanks = 1;
	c = u8(r);
	if (c < 240)
		base = ram_bases[c % NELEM(ram_bases)];
	else		/* odd: anywhere below 1 TiB, at the bank alignment */
		base = align_down(uN(r, 5), align) & ((1ULL << 40) - 1);
	base = align_down(base, align);
	if (total > align)
		total = align_down(total, align);
	left = total;
	for (i = 0; i < nbanks && left; i++) {
		if (i == nbanks - 1) {
			size = left;
		} else {
			size = align_down(total / 8 * (1 + u8(r) % 7), align);
			if (!size)
				size = align;
			if (size >= left)
				size = left;
		}
		if (base + size > KRESV_FUZZ_RAM_TOP || base + size < base) {
			if (i)
				break;
			base = 0x40000000;
		}
		add_region(s->memory, &s->nr_memory, base, size, "");
		left -= size;
		end = base + size;
		/* the hole after this bank */
		c = u8(r);
		if (c < 100)
			base = end;				/* touching */
		else if (c < 170)
			base = align_up(end + 1, SZ_1G);	/* next GiB */
		else if (c < 210)
			base = end + 256 * SZ_1M;
		else if (c < 235)	/* server style: up at 34 or 39 bits */
			base = end <= 0x880000000 ? 0x880000000 :
			       align_up(end, 0x8000000000);
		else
			base = end + (uN(r, 2) + 1) * align;
	}
}

/* a range near RAM: at a bank's start or end, inside it, or outside RAM */
static void decode_range(struct reader *r, const struct scenario *s,
			 uint64_t *base, uint64_t *size)
{
	static const uint64_t sizes[] = {
		SZ_2M, SZ_4K, SZ_64K, SZ_1M, 16 * SZ_1M, 4 * SZ_1M,
		64 * SZ_1M, 256 * SZ_1M, 32 * SZ_1M, 0x8000, 512 * SZ_1M,
		SZ_1G,
	};
	const struct scenario_region *b = &s->memory[u8(r) % s->nr_memory];
	unsigned int c = u8(r);

	*size = c < 240 ? pick(r, sizes, NELEM(sizes)) :
		(uN(r, 3) + 1) * SZ_4K;
	c = u8(r);
	if (c < 90)			/* at the start of the bank */
		*base = b->base;
	else if (c < 150)		/* at its end */
		*base = b->base + b->size - (*size < b->size ? *size : b->size);
	else if (c < 230)		/* inside, page aligned */
		*base = b->base + align_down(uN(r, 4) * SZ_4K % b->size, SZ_4K);
	else if (c < 245)		/* just past it */
		*base = b->base + b->size;
	else				/* anywhere */
		*base = uN(r, 6);
	if (*base + *size < *base)
		*base = 0;
}

static void decode_ranges(struct reader *r, struct scenario *s, bool nomap)
{
	static const char *const rlabels[] = {
		"", "fdt", "armstub", "ramoops", "linux,cma", "tfa", "xen",
		"secure/monitor-1.2",
	};
	static const char *const nlabels[] = {
		"", "optee", "uefi", "vdev0vring0@b8000000", "tfa", "rproc",
	};
	unsigned int c = u8(r), n, i;
	uint64_t base, size;

	if (nomap)
		n = c < 150 ? 0 : c < 215 ? 1 : c < 245 ? 2 : 3 + c % 6;
	else
		n = c < 100 ? 0 : c < 170 ? 1 : c < 210 ? 2 : c < 240 ? 3 :
		    4 + c % 8;
	for (i = 0; i < n; i++) {
		decode_range(r, s, &base, &size);
		if (nomap)
			add_region(s->nomap, &s->nr_nomap, base, size,
				   nlabels[u8(r) % NELEM(nlabels)]);
		else
			add_region(s->reserved, &s->nr_reserved, base, size,
				   rlabels[u8(r) % NELEM(rlabels)]);
	}
}

static void decode_image(struct reader *r, struct scenario *s)
{
	static const uint64_t koff[] = {
		0x200000, 0, 0x1000000, 0x8000000, 0x40000000,
	};
	static const uint64_t ksize[] = {
		0x2a10000, 0x3000000, 0x1e00000, 0x4000000, 0x2200000,
	};
	static const uint64_t ioff[] = {
		0x8000000, 0x4000000, 0x20000000, 0x48000000,
	};
	static const uint64_t isize[] = {
		0x1b3c000, 0x2000000, 0x4000000, 0x800000, 0x10000000,
	};
	const struct scenario_region *b = &s->memory[0];
	unsigned int c = u8(r);
	uint64_t base, size;

	if (c >= 128) {
		c = u8(r);
		/* at a 2 MiB boundary, as boot loaders place it */
		base = (b->base + SZ_2M - 1) & ~(uint64_t)(SZ_2M - 1);
		if (c < 230)
			base += pick(r, koff, NELEM(koff));
		else
			base += uN(r, 2) * SZ_2M;
		c = u8(r);
		size = c < 230 ? pick(r, ksize, NELEM(ksize)) :
		       (uN(r, 2) + 8) * SZ_64K;	/* 512 KiB at least */
		/* a boot loader loads the image into RAM */
		if (base + size >= base && base + size <= b->base + b->size) {
			s->has_kernel = true;
			s->kernel.base = base;
			s->kernel.size = size;
		}
	}
	c = u8(r);
	if (c >= 160) {
		b = &s->memory[u8(r) % s->nr_memory];
		c = u8(r);
		size = pick(r, isize, NELEM(isize));
		if (c < 200)
			base = b->base + pick(r, ioff, NELEM(ioff));
		else if (c < 230)
			base = b->base + b->size - (size < b->size ? size : 0);
		else
			base = b->base + uN(r, 4) * SZ_4K;
		if (base + size >= base) {
			s->has_initrd = true;
			s->initrd.base = base;
			s->initrd.size = size;
		}
	}
}

static void decode_dma(struct reader *r, struct scenario *s)
{
	static const uint64_t limits[] = {
		0xffffffff, 0x3fffffff, 0xbfffffff, 0x7fffffff, 0xfffffffff,
		0xffffffffff, 0xffffffffffff, 0x1ffffffff,
	};
	unsigned int c = u8(r);

	if (c < 110)
		return;
	s->has_dma_max = true;
	c = u8(r);
	if (c < 200)
		s->dma_max = pick(r, limits, NELEM(limits));
	else if (c < 225)	/* a limit inside the first bank */
		s->dma_max = s->memory[0].base +
			     align_down(uN(r, 4) * SZ_1M % s->memory[0].size,
					SZ_1M) - 1;
	else if (c < 250)
		s->dma_max = uN(r, 8);
	else
		s->dma_max = 0;
}

/* --- the command line ---------------------------------------------------- */

struct line {
	char *buf;
	size_t len;
};

static void put(struct line *l, const char *text)
{
	size_t n = strlen(text);

	if (l->len + n > SCENARIO_CMDLINE_SIZE - 1)
		n = SCENARIO_CMDLINE_SIZE - 1 - l->len;
	memcpy(l->buf + l->len, text, n);
	l->len += n;
	l->buf[l->len] = 0;
}

static void putf(struct line *l, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static void putf(struct line *l, const char *fmt, ...)
{
	char tmp[128];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(tmp, sizeof(tmp), fmt, ap);
	va_end(ap);
	put(l, tmp);
}

/* a memparse() number: mostly a realistic size, sometimes any spelling */
static void put_size(struct reader *r, struct line *l, const uint64_t *t,
		     size_t n)
{
	static const char suffix[] = "\0KMGTPEkmgtpe";
	unsigned int c = u8(r);
	uint64_t v;

	if (c < 200) {
		v = pick(r, t, n);
		if (v && !(v % (1ULL << 30)))
			putf(l, "%lluG", (unsigned long long)(v >> 30));
		else if (v && !(v % (1ULL << 20)))
			putf(l, "%lluM", (unsigned long long)(v >> 20));
		else
			putf(l, "0x%llx", (unsigned long long)v);
		return;
	}
	v = uN(r, 1 + u8(r) % 8);
	c = u8(r);
	if (c & 1)
		putf(l, "0x%llx", (unsigned long long)v);
	else if (c & 2)
		putf(l, "0%llo", (unsigned long long)v);
	else
		putf(l, "%llu", (unsigned long long)v);
	c = u8(r) % (sizeof(suffix) - 1);
	if (c)
		putf(l, "%c", suffix[c]);
}

static const uint64_t ck_sizes[] = {
	256ULL << 20, 512ULL << 20, 128ULL << 20, 64ULL << 20, 1ULL << 30,
	2ULL << 30, 192ULL << 20, 0, 4ULL << 30, 768ULL << 20, 16ULL << 30,
	8ULL << 20, 3ULL << 30, 32ULL << 20,
};
static const uint64_t ck_bounds[] = {
	1ULL << 30, 0, 2ULL << 30, 4ULL << 30, 512ULL << 20, 8ULL << 30,
	16ULL << 30, 64ULL << 30, 128ULL << 30, 3ULL << 30, 1ULL << 40,
};
static const uint64_t ck_offsets[] = {
	0x80000000, 0x40000000, 0x60000000, 0, 0x100000000, 0xc0000000,
	0x880000000, 0x48200000,
};

static void put_crashkernel(struct reader *r, struct line *l)
{
	static const char *const suffixes[] = {
		"", ",high", ",low", ",cma", "", ",high", ",HIGH", ",lo",
	};
	unsigned int c = u8(r), n, i;

	put(l, "crashkernel=");
	if (c < 150) {			/* size[@offset] */
		put_size(r, l, ck_sizes, NELEM(ck_sizes));
		if (chance(r, 20)) {
			put(l, "@");
			if (!chance(r, 10))
				put_size(r, l, ck_offsets, NELEM(ck_offsets));
		}
	} else if (c < 230) {		/* start-[end]:size[,...][@offset] */
		n = 1 + u8(r) % 4;
		for (i = 0; i < n; i++) {
			if (i)
				put(l, ",");
			put_size(r, l, ck_bounds, NELEM(ck_bounds));
			put(l, "-");
			if (i < n - 1 || !chance(r, 50))
				put_size(r, l, ck_bounds, NELEM(ck_bounds));
			put(l, ":");
			put_size(r, l, ck_sizes, NELEM(ck_sizes));
		}
		if (chance(r, 15)) {
			put(l, "@");
			put_size(r, l, ck_offsets, NELEM(ck_offsets));
		}
	} else if (c < 240) {
		put(l, "auto");
	}
	/* else: an empty value */
	put(l, suffixes[u8(r) % NELEM(suffixes)]);
}

/* printable ASCII from the input's bytes, as they come */
static void put_raw(struct reader *r, struct line *l)
{
	unsigned int n = 1 + u8(r) % 48, c;
	char ch[2] = { 0, 0 };

	while (n--) {
		c = u8(r);
		ch[0] = c == '\t' || (c >= 0x20 && c < 0x7f) ? (char)c :
			(char)(0x20 + c % 95);
		put(l, ch);
	}
}

static void decode_cmdline(struct reader *r, struct scenario *s)
{
	static const char *const rodata[] = {
		"full", "on", "off", "noalias", "", "1", "0", "fulll",
	};
	static const char *const others[] = {
		"console=ttyAMA0", "root=/dev/vda2 ro", "quiet", "earlycon",
		"ip=10.0.0.2::10.0.0.1:255.255.255.0::eth0:off",
		"console=ttyS0,115200n8", "nokaslr", "kfence.sample_interval",
		"crashkernel", "cma", "memblock=debug",
	};
	static const uint64_t cma_sizes[] = {
		64ULL << 20, 0, 256ULL << 20, 32ULL << 20, 1ULL << 30,
		128ULL << 20, 4ULL << 30,
	};
	static const uint64_t kfence[] = { 100, 0, 1, 500, 10000 };
	struct line l = { s->cmdline, 0 };
	unsigned int c = u8(r), n, i;

	s->cmdline[0] = 0;
	if (c >= 245)		/* no cmdline line at all */
		return;
	s->has_cmdline = true;
	n = c < 60 ? 1 : c < 150 ? 2 : c < 200 ? 3 : c < 230 ? 4 :
	    5 + c % 12;
	for (i = 0; i < n && l.len < SCENARIO_CMDLINE_SIZE - 1; i++) {
		if (i)
			put(&l, chance(r, 3) ? "\t" : " ");
		c = u8(r);
		if (c < 110) {
			put_crashkernel(r, &l);
		} else if (c < 140) {
			putf(&l, "rodata=%s", rodata[u8(r) % NELEM(rodata)]);
		} else if (c < 170) {
			put(&l, "cma=");
			put_size(r, &l, cma_sizes, NELEM(cma_sizes));
			if (chance(r, 20)) {
				put(&l, "@");
				put_size(r, &l, ck_offsets, NELEM(ck_offsets));
			}
		} else if (c < 185) {
			putf(&l, "kfence.sample_interval=%llu",
			     (unsigned long long)(chance(r, 80) ?
				pick(r, kfence, NELEM(kfence)) : uN(r, 4)));
		} else if (c < 197) {
			put(&l, "mem=");
			put_size(r, &l, small_ram, NELEM(small_ram));
		} else if (c < 205) {
			put(&l, c & 1 ? "cma_pernuma=" : "numa_cma=");
			if (c & 2)
				put(&l, "0:");
			put_size(r, &l, cma_sizes, NELEM(cma_sizes));
		} else if (c < 235) {
			put(&l, others[u8(r) % NELEM(others)]);
		} else {
			put_raw(r, &l);
		}
	}
}

/*
 * Ranges for split_kernel_leaf_mapping() after the boot (7.3 on), as
 * set_memory_*() asks for them: mostly a page or a few, at offsets just
 * off a block boundary, sometimes megabytes or a whole gigabyte, within
 * one bank. The choices are read on every tree, so an input stands for
 * the same machine everywhere; only a tree with the function (its facts,
 * -include mmu_facts.h) gets the lines.
 */
static void decode_splits(struct reader *r, struct scenario *s)
{
	static const uint64_t sizes[] = {
		SZ_4K, 2 * SZ_4K, SZ_64K, SZ_2M, SZ_2M + SZ_4K, 32 * SZ_1M,
		SZ_1G, 17 * SZ_4K,
	};
	static const uint64_t offsets[] = {
		SZ_2M - SZ_4K, SZ_1G - SZ_4K, SZ_4K, 0, 32 * SZ_1M - SZ_4K,
		SZ_1G + SZ_2M, 3 * SZ_4K,
	};
	unsigned int c = u8(r), n, i;

	n = c < 140 ? 0 : c < 200 ? 1 : c < 240 ? 2 + c % 4 : 6 + c % 32;
	for (i = 0; i < n && s->nr_memory; i++) {
		const struct scenario_region *b =
			&s->memory[u8(r) % s->nr_memory];
		uint64_t off, size;

		off = chance(r, 70) ? pick(r, offsets, NELEM(offsets)) :
				      uN(r, 3) * SZ_4K;
		size = pick(r, sizes, NELEM(sizes));
		off %= b->size;
		if (size > b->size - off)
			size = b->size - off;
#ifdef KRESV_HAVE_split_kernel_leaf_mapping
		if (s->nr_split < SCENARIO_MAX_SPLITS) {
			s->split[s->nr_split].base = b->base + off;
			s->split[s->nr_split].size = size;
			s->nr_split++;
		}
#endif
	}
}

/* --- both forms ---------------------------------------------------------- */

static void decode_binary(const uint8_t *data, size_t size,
			  struct scenario *s)
{
	struct reader r = { data, size, 0 };
	unsigned int c;

	memset(s, 0, sizeof(*s));
	s->arch = SCENARIO_ARCH_ARM64;
	decode_memory(&r, s);
	decode_ranges(&r, s, false);
	decode_ranges(&r, s, true);
	decode_image(&r, s);
	decode_dma(&r, s);
	c = u8(&r);
	if (c >= 220)
		s->cpu = (c & ((1u << SCENARIO_NR_CPU_FEATURES) - 1));
	decode_cmdline(&r, s);
	decode_splits(&r, s);
}

int kresv_fuzz_decode(const uint8_t *data, size_t size, struct scenario *s,
		      char *err, size_t errlen)
{
	static struct scenario tmp;
	const size_t magic = sizeof(KRESV_FUZZ_TEXT_MAGIC) - 1;
	char *text = NULL;
	size_t len = 0;
	FILE *f;
	int rc;

	if (size >= magic && !memcmp(data, KRESV_FUZZ_TEXT_MAGIC, magic)) {
		if (scenario_parse_buffer("fuzz input", (const char *)data,
					  size, &tmp, err, errlen))
			return -1;
		tmp.nr_config = 0;
		memset(tmp.config, 0, sizeof(tmp.config));
		tmp.nr_expect = 0;
		memset(tmp.expect, 0, sizeof(tmp.expect));
#ifndef KRESV_HAVE_split_kernel_leaf_mapping
		tmp.nr_split = 0;	/* this tree would refuse them */
#endif
	} else {
		decode_binary(data, size, &tmp);
	}
	/* canonical: what loading the printed file gives */
	f = open_memstream(&text, &len);
	if (!f) {
		snprintf(err, errlen, "fuzz input: out of memory");
		return -1;
	}
	rc = scenario_write(&tmp, f);
	if (fclose(f) || rc) {
		free(text);
		snprintf(err, errlen, "fuzz input: cannot write the scenario");
		return -1;
	}
	rc = scenario_parse_buffer("decoded fuzz input", text, len, s, err,
				   errlen);
	free(text);
	return rc;
}
