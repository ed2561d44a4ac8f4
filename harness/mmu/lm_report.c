// SPDX-License-Identifier: GPL-2.0
/* The linear map's counts and ranges as text and JSON (lm_report.h). */
#include <stdio.h>

#include "lm_report.h"

void lm_print_counts(const char *indent, const struct linear_map *lm,
		     int page_shift)
{
	unsigned long long t = lm_table_pages(lm);

	printf("%spud_blocks:  %llu\n", indent, lm->pud_blocks);
	printf("%spmd_blocks:  %llu\n", indent, lm->pmd_blocks);
	printf("%scont_pmd:    %llu\n", indent, lm->cont_pmd);
	printf("%scont_pte:    %llu\n", indent, lm->cont_pte);
	printf("%sptes:        %llu\n", indent, lm->ptes);
	printf("%stable_pages: %llu (p4d %llu, pud %llu, pmd %llu, pte %llu) = %llu KiB\n",
	       indent, t, lm->table_pages[0], lm->table_pages[1],
	       lm->table_pages[2], lm->table_pages[3],
	       t << (page_shift - 10));
}

/* "r-x": read, write, execute (by the kernel) */
static const char *perm_name(unsigned char perm)
{
	static const char *const name[4] = { "r--", "rw-", "r-x", "rwx" };

	return name[perm & 3];
}

void lm_print_ranges(const char *indent, const struct linear_map *lm,
		     bool perms)
{
	int i;

	for (i = 0; i < lm->nranges; i++)
		printf("%s0x%016llx - 0x%016llx %-9s at 0x%016llx%s%s\n", indent,
		       lm->range[i].pa, lm->range[i].end - 1,
		       lm_gran_name[lm->range[i].gran], lm->range[i].va,
		       perms ? " " : "",
		       perms ? perm_name(lm->range[i].perm) : "");
	if (lm->ranges_truncated)
		printf("%s... (more than %d ranges)\n", indent, LM_RANGES_MAX);
}

static void add_u64(json_object *o, const char *key, unsigned long long v)
{
	json_object_object_add(o, key, json_object_new_uint64(v));
}

json_object *lm_to_json(const struct linear_map *lm, int page_shift,
			bool ranges, bool perms)
{
	json_object *o = json_object_new_object(), *t, *r;
	int i;

	add_u64(o, "pud_blocks", lm->pud_blocks);
	add_u64(o, "pmd_blocks", lm->pmd_blocks);
	add_u64(o, "cont_pmd", lm->cont_pmd);
	add_u64(o, "cont_pte", lm->cont_pte);
	add_u64(o, "ptes", lm->ptes);
	t = json_object_new_object();
	add_u64(t, "total", lm_table_pages(lm));
	add_u64(t, "p4d", lm->table_pages[0]);
	add_u64(t, "pud", lm->table_pages[1]);
	add_u64(t, "pmd", lm->table_pages[2]);
	add_u64(t, "pte", lm->table_pages[3]);
	add_u64(t, "bytes", lm_table_pages(lm) << page_shift);
	json_object_object_add(o, "table_pages", t);
	if (!ranges)
		return o;
	r = json_object_new_array();
	for (i = 0; i < lm->nranges; i++) {
		json_object *e = json_object_new_object();

		add_u64(e, "start", lm->range[i].pa);
		add_u64(e, "end", lm->range[i].end);
		add_u64(e, "va", lm->range[i].va);
		json_object_object_add(e, "granularity", json_object_new_string(
					       lm_gran_name[lm->range[i].gran]));
		if (perms)
			json_object_object_add(e, "perm", json_object_new_string(
					perm_name(lm->range[i].perm)));
		json_object_array_add(r, e);
	}
	json_object_object_add(o, "ranges", r);
	json_object_object_add(o, "ranges_truncated",
			       json_object_new_boolean(lm->ranges_truncated));
	return o;
}

void lm_print_image(const char *indent, const struct paging_run *p,
		    int page_shift)
{
	char sub[32];

	if (p->image_state == KRESV_IMAGE_NOT_MAPPED)
		return;
	printf("%skernel image: (map_kernel()%s)\n", indent,
	       p->image_state == KRESV_IMAGE_MAPPED ? "" :
	       ", which stopped part way");
	snprintf(sub, sizeof(sub), "%s  ", indent);
	lm_print_counts(sub, &p->image, page_shift);
	printf("%sranges:\n", sub);
	snprintf(sub, sizeof(sub), "%s    ", indent);
	lm_print_ranges(sub, &p->image, true);
}

json_object *lm_image_to_json(const struct paging_run *p, int page_shift)
{
	json_object *o;

	if (p->image_state == KRESV_IMAGE_NOT_MAPPED)
		return NULL;	/* JSON null */
	o = lm_to_json(&p->image, page_shift, true, true);
	json_object_object_add(o, "complete", json_object_new_boolean(
				       p->image_state == KRESV_IMAGE_MAPPED));
	return o;
}
