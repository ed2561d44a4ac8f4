#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# harness/boot/model_facts.sh TREE > model_facts.h
#
# What the boot model (harness/boot/boot_model.c) takes from the tree's own
# text at build time, so the modelled allocations follow the tree they
# stand in for: mm/cma.c's log lines and its bottom-up rule, whether
# arch/arm64 allocates the KFENCE pool in map_mem(), the pageblock order's
# upper bound, the kernel version (for the measured sizes).
set -eu
t=$1
cma=$t/mm/cma.c
fail() { echo "model_facts.sh: $*" >&2; exit 1; }

# a pr_info()/pr_err() format of mm/cma.c, %pa as the kernel prints a
# phys_addr_t (0x and 16 hex digits)
fmt() { # FIRST-WORDS
	awk -v w="$1" 'index($0, "pr_") && index($0, "(\"" w) {
		s = $0; sub(/^[^"]*"/, "", s); sub(/".*$/, "", s); print s; exit }' "$cma"
}
reserved=$(fmt "Reserved %ld MiB at %pa")
failed=$(fmt "Failed to reserve %ld MiB")
[ -n "$reserved" ] || fail "$cma: no \"Reserved %ld MiB at %pa\" line"
[ -n "$failed" ] || fail "$cma: no \"Failed to reserve\" line"
prefix=$(sed -n 's/^#define pr_fmt(fmt) "\(.*\)" fmt$/\1/p' "$cma")
printf '#define KRESV_CMA_PR_FMT "%s"\n' "$prefix"
printf '#define KRESV_CMA_RESERVED_FMT "%s"\n' "$(printf %s "$reserved" | sed 's/%pa/0x%016llx/')"
printf '#define KRESV_CMA_FAILED_FMT "%s"\n' "$failed"
case $reserved in *"%d"*) echo "#define KRESV_CMA_PRINTS_NODE 1" ;; esac
case $failed in *"%d"*) echo "#define KRESV_CMA_FAIL_PRINTS_NODE 1" ;; esac

# the bottom-up attempt above 4G: its condition differs between trees
if grep -q 'memblock_end >= SZ_4G + size' "$cma"; then
	echo "#define KRESV_CMA_BOTTOM_UP_IF_END 1"
elif grep -q 'limit >= SZ_4G + size' "$cma"; then
	echo "#define KRESV_CMA_BOTTOM_UP_IF_LIMIT 1"
fi

# pageblock_order's bound (include/linux/pageblock-flags.h, mmzone.h)
mz=$t/include/linux/mmzone.h
if grep -q '^#define PAGE_BLOCK_MAX_ORDER CONFIG_PAGE_BLOCK_MAX_ORDER' "$mz"; then
	echo "#define KRESV_PAGEBLOCK_MAX_ORDER CONFIG_PAGE_BLOCK_MAX_ORDER"
elif grep -q '^#define MAX_PAGE_ORDER CONFIG_ARCH_FORCE_MAX_ORDER' "$mz"; then
	echo "#define KRESV_PAGEBLOCK_MAX_ORDER CONFIG_ARCH_FORCE_MAX_ORDER"
elif grep -q '^#define MAX_ORDER CONFIG_ARCH_FORCE_MAX_ORDER' "$mz"; then
	echo "#define KRESV_PAGEBLOCK_MAX_ORDER (CONFIG_ARCH_FORCE_MAX_ORDER - 1)"
else
	fail "$mz: no MAX_ORDER/MAX_PAGE_ORDER/PAGE_BLOCK_MAX_ORDER from the config"
fi

v=$(sed -n 's/^VERSION = //p' "$t/Makefile")
p=$(sed -n 's/^PATCHLEVEL = //p' "$t/Makefile")
echo "#define KRESV_KVERSION ($v * 256 + $p)"

# sparse_init(): one memmap buffer for all sections (sparse_buffer_init(),
# 6.1, 6.12) or a block per section (7.3); a section whose memmap cannot
# be allocated panics the boot where the tree says so (7.3: the line)
sp=$t/mm/sparse.c
grep -q '^static void __init sparse_buffer_init(' "$sp" &&
	echo "#define KRESV_SPARSE_BUFFER 1"
l=$(grep -n 'panic("Failed to allocate memmap for section' "$sp" | head -n1 | cut -d: -f1)
if [ -n "$l" ]; then
	printf '#define KRESV_SPARSE_MEMMAP_PANIC_LINE %s\n' "$l"
	sed -n "${l}s/^[^\"]*\(\"[^\"]*\"\).*/#define KRESV_SPARSE_MEMMAP_PANIC_FMT \1/p" "$sp"
fi
exit 0
