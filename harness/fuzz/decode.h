/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Fuzz input -> scenario (docs/fuzz-boot.md). The same bytes give the same
 * scenario on every tree (but for `split` lines, given only to a tree with
 * split_kernel_leaf_mapping()) and in every tool: the fuzz targets boot it,
 * kresv-fuzz-decode prints it (`./kresv replay --from-fuzz-input FILE
 * --dump-scenario`), and the replay of what it prints is the same boot.
 *
 * Two forms of input:
 * - text: bytes that begin with "#scn\n" are a scenario file as they
 *   stand (docs/scenario.md); its `config` and `expect` lines are dropped
 *   (the fuzz targets run the tree's own configuration and judge no
 *   expectations);
 * - anything else is read as a stream of choices: RAM banks with holes,
 *   reserved and no-map ranges, kernel and initrd, DMA limit, CPU
 *   features and a command line built from pieces of the crashkernel=
 *   grammar, other early parameters and raw bytes. Bytes past the end
 *   read as 0, which picks the commonest choice everywhere.
 *
 * Either way the scenario is written with scenario_write() and parsed
 * back with scenario_parse_buffer(): what the caller gets is exactly what
 * loading the printed file gives.
 */
#ifndef KRESV_FUZZ_DECODE_H
#define KRESV_FUZZ_DECODE_H
#include <stddef.h>
#include <stdint.h>

#include "scenario.h"

#define KRESV_FUZZ_TEXT_MAGIC "#scn\n"

/*
 * Decode size bytes into *s (canonical: write + parse). 0 on success;
 * -1 with one line in err when the bytes make no scenario (a text input
 * the parser refuses) — bad input, not a finding.
 */
int kresv_fuzz_decode(const uint8_t *data, size_t size, struct scenario *s,
		      char *err, size_t errlen);

/*
 * Highest RAM address the binary form produces (exclusive): below 2^47,
 * so that every tree's Debian configuration (48-bit PA and VA at least)
 * boots it and kresv_boot_check() never refuses a decoded bank.
 */
#define KRESV_FUZZ_RAM_TOP (1ULL << 47)
#endif
