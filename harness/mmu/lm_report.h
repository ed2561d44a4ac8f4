/* SPDX-License-Identifier: GPL-2.0 */
/* The linear map's counts and ranges as text and JSON (lm_report.c). */
#ifndef KRESV_MMU_LM_REPORT_H
#define KRESV_MMU_LM_REPORT_H
#include <stdbool.h>
#include <json-c/json.h>
#include "paging.h"
#include "walk.h"

/* counts and table pages, one per line, each line starting with indent */
void lm_print_counts(const char *indent, const struct linear_map *lm,
		     int page_shift);
/* the ranges by granularity, one per line [, with their permissions] */
void lm_print_ranges(const char *indent, const struct linear_map *lm,
		     bool perms);
/*
 * pud_blocks ... table_pages {total, p4d, pud, pmd, pte, bytes} [, ranges
 * [with their permissions, "perm": "r-x"]]
 */
json_object *lm_to_json(const struct linear_map *lm, int page_shift,
			bool ranges, bool perms);
/*
 * The kernel image's mapping, when the tree made it in this run: text
 * under "kernel image:", JSON as lm_to_json() with permissions and
 * "complete" (NULL, JSON null, when the tree did not map it)
 */
void lm_print_image(const char *indent, const struct paging_run *p,
		    int page_shift);
json_object *lm_image_to_json(const struct paging_run *p, int page_shift);
#endif
