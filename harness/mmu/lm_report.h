/* SPDX-License-Identifier: GPL-2.0 */
/* The linear map's counts and ranges as text and JSON (lm_report.c). */
#ifndef KRESV_MMU_LM_REPORT_H
#define KRESV_MMU_LM_REPORT_H
#include <stdbool.h>
#include <json-c/json.h>
#include "walk.h"

/* counts and table pages, one per line, each line starting with indent */
void lm_print_counts(const char *indent, const struct linear_map *lm,
		     int page_shift);
/* the ranges by granularity, one per line */
void lm_print_ranges(const char *indent, const struct linear_map *lm);
/* pud_blocks ... table_pages {total, p4d, pud, pmd, pte, bytes} [, ranges] */
json_object *lm_to_json(const struct linear_map *lm, int page_shift,
			bool ranges);
#endif
