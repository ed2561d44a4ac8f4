/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Parser oracles (IDs in docs/oracles.md):
 *   PARSE_GRAMMAR_MISMATCH  the tree's reading differs from the documented
 *                           grammar's (reference.c)
 *   PARSE_SIZE_OVERFLOW     a number that does not fit 64 bits was accepted
 *   PARSE_PROMISE_BROKEN    the tree broke a promise of its own (manifest)
 *   PARSE_CONTEXT_DEPENDENT unrelated parameters or their order changed
 *                           the reading
 */
#ifndef KRESV_PARSE_ORACLES_H
#define KRESV_PARSE_ORACLES_H
#include "crashkernel.h"
#include "findings.h"

/* k is the tree's reading of cmdline (ck_read); the log must be its log */
void parse_oracles(const char *cmdline, unsigned long long system_ram,
		   const struct ck_reading *k, struct findings *fs);

/*
 * Some of them: ORACLE_READING is GRAMMAR_MISMATCH, SIZE_OVERFLOW and
 * PROMISE_BROKEN (no further kernel pass); ORACLE_CONTEXT is
 * CONTEXT_DEPENDENT (up to three more passes of the tree's parser).
 */
#define ORACLE_READING	1u
#define ORACLE_CONTEXT	2u
void parse_oracles_some(const char *cmdline, unsigned long long system_ram,
			const struct ck_reading *k, unsigned which,
			struct findings *fs);

#endif
