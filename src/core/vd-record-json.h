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

/* Writes JSON text straight into a GString, byte for byte what JsonGenerator
 * writes with pretty printing and an indent of 2, plus @base_indent spaces on
 * every line after the first: the export's layout without a tree in between. */
#define VD_JSON_WRITER_MAX_DEPTH 16

typedef struct
{
  GString *out;
  guint    base_indent;
  guint    depth;
  guint    counts[VD_JSON_WRITER_MAX_DEPTH];
} VdJsonWriter;

void       vd_json_writer_init         (VdJsonWriter *writer,
                                        GString      *out,
                                        guint         base_indent);
void       vd_json_writer_begin_object (VdJsonWriter *writer,
                                        const char   *member);
void       vd_json_writer_end_object   (VdJsonWriter *writer);
void       vd_json_writer_begin_array  (VdJsonWriter *writer,
                                        const char   *member);
void       vd_json_writer_end_array    (VdJsonWriter *writer);
void       vd_json_writer_string       (VdJsonWriter *writer,
                                        const char   *member,
                                        const char   *value);
void       vd_json_writer_int          (VdJsonWriter *writer,
                                        const char   *member,
                                        gint64        value);
void       vd_json_writer_null         (VdJsonWriter *writer,
                                        const char   *member);
void       vd_record_json_write_fields (VdRecord     *record,
                                        VdJsonWriter *writer);
VdRecord  *vd_record_json_parse       (GType        type,
                                       JsonObject  *object,
                                       const char * const *extra_keys,
                                       const char  *where,
                                       GError     **error);

G_END_DECLS
