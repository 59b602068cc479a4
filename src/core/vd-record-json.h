/* vd-record-json.h — a record's fields as a JSON object, both ways
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "vd-record.h"

G_BEGIN_DECLS

/* The longest text a field may hold, in bytes: a whole review section is a
 * few kilobytes; anything near this is not a review but an attack or a paste
 * gone wrong. */
#define VD_JSON_MAX_TEXT  (100 * 1024)
/* The longest list (panel, prompts, sections). */
#define VD_JSON_MAX_LIST  64

char      *vd_json_format_timestamp   (gint64       usec);
gboolean   vd_json_parse_timestamp    (const char  *text,
                                       gint64      *usec);

void       vd_record_json_add_fields  (VdRecord    *record,
                                       JsonBuilder *builder);
VdRecord  *vd_record_json_parse       (GType        type,
                                       JsonObject  *object,
                                       const char * const *extra_keys,
                                       const char  *where,
                                       GError     **error);

G_END_DECLS
