/* SPDX-License-Identifier: GPL-2.0 */
#ifndef KRESV_RERUN_H
#define KRESV_RERUN_H

/*
 * The replay without sanitizers, when it dies, replays again with them
 * (docs/boot-model.md, "Two builds of the replay"): the boot runs in a
 * child; the parent waits and, if the child died (a signal, or an exit
 * above 2), says so on stderr and becomes SANITIZED with the same
 * arguments but --rerun-sanitized. Returns in the child (and, when fork()
 * fails, in the process itself, which then boots without the rerun).
 */
void kresv_rerun_on_death(const char *sanitized, const char *scenario,
			  int argc, char **argv);

#endif
