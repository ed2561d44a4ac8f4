/* SPDX-License-Identifier: GPL-2.0 */
/* JSON output shared by the kresv commands (json-c). */
#ifndef KRESV_JSON_OUT_H
#define KRESV_JSON_OUT_H
#include <json-c/json.h>

#include "findings.h"

/* [{id, where, message}, ...] */
json_object *findings_to_json(const struct findings *fs);
/* print obj pretty on stdout and free it */
void json_emit(json_object *obj);
#endif
