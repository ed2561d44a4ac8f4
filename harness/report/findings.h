/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Findings: what an oracle saw the kernel code do wrong. Printed
 * checkpatch-style as "FILE:LINE: WARNING: ID: message", FILE:LINE being in
 * the kernel tree. The IDs are stable; docs/oracles.md lists them.
 */
#ifndef KRESV_FINDINGS_H
#define KRESV_FINDINGS_H
#include <stddef.h>
#include <stdio.h>

#define KRESV_FINDINGS_MAX 16

struct finding {
	const char *id;
	char where[128];	/* kernel FILE:LINE */
	char message[512];
	char signature[160];	/* same kind of finding: same signature */
};

struct findings {
	int n;
	/*
	 * When set, findings_add() drops a finding for which it returns
	 * true, before formatting it (fuzzing: a signature already reported
	 * by this process). findings_reset() clears it.
	 */
	int (*skip)(const char *id, const char *signature);
	struct finding f[KRESV_FINDINGS_MAX];
};

void findings_reset(struct findings *fs);
void findings_add(struct findings *fs, const char *id, const char *where,
		  const char *signature, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));
void findings_print(const struct findings *fs, FILE *out);

/*
 * Fuzzing: keep one reproducer per finding signature in DIR as
 * ID-HASH.input (+ .txt with the finding lines). Written to a temporary
 * name and renamed, so a report is never half-written; returns 1 when this
 * signature was new.
 */
int findings_save(const struct findings *fs, const char *dir,
		  const void *input, size_t len);

/* path gets buf whole or not at all (a temporary file, fsync, rename) */
int findings_save_file(const char *path, const void *buf, size_t len);
/* a finding's identity: FNV-1a of its ID and signature */
unsigned long long findings_key(const char *id, const char *signature);

#endif
