/* SPDX-License-Identifier: GPL-2.0 */
/* Empty: what the tree header declares here is outside kresv's units. */
