// SPDX-License-Identifier: GPL-2.0
/*
 * The watched DMA limit: each use of arm64_dma_phys_limit in kernel code
 * comes here first (harness/shim/include/asm/arm64.h), with its function,
 * file and line, and the value it is about to see. A write shows as a
 * change of the value at the next use (or at the end of the boot); the
 * first function that changed it is the setter, and a read in any other
 * function before that is an early use.
 */
#include <stdio.h>
#include <string.h>

#include <stdbool.h>

#include <linux/types.h>

#include "facts.h"
#include "watch.h"

extern phys_addr_t arm64_dma_phys_limit;

static struct dma_limit_use uses[DMA_LIMIT_USES_MAX];
static int nuses;

/* back to the static initialiser's value, kept from the first call */
void kresv_watch_reset(void)
{
	static phys_addr_t initial;
	static bool saved;

	if (!saved) {
		initial = arm64_dma_phys_limit;
		saved = true;
	}
	arm64_dma_phys_limit = initial;
	nuses = 0;
}

unsigned long long kresv_dma_limit(void)
{
	return arm64_dma_phys_limit;
}

phys_addr_t *kresv_watch_dma_limit(const char *func, const char *file,
				   int line)
{
	if (nuses < DMA_LIMIT_USES_MAX) {
		struct dma_limit_use *u = &uses[nuses++];

		u->func = func;
		u->file = file;
		u->line = line;
		u->value = arm64_dma_phys_limit;
	}
	return &arm64_dma_phys_limit;
}

static const char *tree_relative(const char *file)
{
	size_t n = strlen(KRESV_TREE_ROOT);

	if (!strncmp(file, KRESV_TREE_ROOT, n) && file[n] == '/')
		return file + n + 1;
	return file;
}

void kresv_watch_oracle(struct findings *fs)
{
	int i, set = -1;
	char where[160], sig[160];

	/* the use after which the value had changed was the write */
	for (i = 1; i < nuses && set < 0; i++)
		if (uses[i].value != uses[i - 1].value)
			set = i - 1;
	if (set < 0 && nuses && arm64_dma_phys_limit != uses[nuses - 1].value)
		set = nuses - 1;
	if (set < 0)
		return;	/* never changed: the static value was meant */
	for (i = 0; i < set; i++) {
		if (!strcmp(uses[i].func, uses[set].func))
			continue;
		snprintf(where, sizeof(where), "%s:%d",
			 tree_relative(uses[i].file), uses[i].line);
		snprintf(sig, sizeof(sig), "%s|%s", uses[i].func,
			 uses[set].func);
		findings_add(fs, "DMA_LIMIT_EARLY_USE", where, sig,
			     "arm64_dma_phys_limit read in %s() (value 0x%llx) before %s() set it",
			     uses[i].func, (unsigned long long)uses[i].value,
			     uses[set].func);
	}
}
