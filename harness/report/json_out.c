// SPDX-License-Identifier: GPL-2.0
#include <stdio.h>

#include "json_out.h"

json_object *findings_to_json(const struct findings *fs)
{
	json_object *fa = json_object_new_array();
	int i;

	for (i = 0; i < fs->n; i++) {
		json_object *f = json_object_new_object();

		json_object_object_add(f, "id", json_object_new_string(fs->f[i].id));
		json_object_object_add(f, "where",
				       json_object_new_string(fs->f[i].where));
		json_object_object_add(f, "message",
				       json_object_new_string(fs->f[i].message));
		json_object_array_add(fa, f);
	}
	return fa;
}

void json_emit(json_object *obj)
{
	puts(json_object_to_json_string_ext(obj, JSON_C_TO_STRING_PRETTY |
					       JSON_C_TO_STRING_NOSLASHESCAPE));
	json_object_put(obj);
}
