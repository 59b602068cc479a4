/* vd-record.h — what every stored object has: a uuid and two timestamps
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define VD_TYPE_RECORD (vd_record_get_type ())

G_DECLARE_DERIVABLE_TYPE (VdRecord, vd_record, VD, RECORD, GObject)

struct _VdRecordClass
{
  GObjectClass parent_class;

  /* Checks the record's own fields (not its references to other records). */
  gboolean  (*validate) (VdRecord  *self,
                         GError   **error);

  /*< private >*/
  const char *table;          /* the SQL table and the JSON object kind */
  GPtrArray  *fields;         /* GParamSpec*, in file-format order */
  const char *itemwise;       /* a list field merged item by item (see vd-merge.h) */
  gpointer    padding[3];
};

/* A record's persisted fields are the properties a subclass names with
 * vd_record_class_add_fields(), in that order, after "uuid", "created" and
 * "updated". The store and the JSON code read and write them generically, so
 * the rules for property types are part of the file format:
 *
 *  - string:     TEXT, never NULL (NULL is stored as "")
 *  - enum:       TEXT holding the value's nick
 *  - int:        INTEGER; when the property's minimum is -1, -1 means "unset"
 *                and is stored as NULL (JSON null)
 *  - int64:      a timestamp in microseconds since the epoch, UTC (JSON: ISO 8601)
 *  - GStrv:      an ordered list, in a child table "<table>_<field>"
 */
void          vd_record_class_set_table   (VdRecordClass *klass,
                                           const char    *table);
void          vd_record_class_add_fields  (VdRecordClass *klass,
                                           const char    *first_field,
                                           ...) G_GNUC_NULL_TERMINATED;
const char   *vd_record_class_get_table   (VdRecordClass *klass);
void          vd_record_class_set_itemwise (VdRecordClass *klass,
                                           const char    *field);
const char   *vd_record_class_get_itemwise (VdRecordClass *klass);
GParamSpec  **vd_record_class_get_fields  (VdRecordClass *klass,
                                           guint         *n_fields);

const char   *vd_record_get_uuid          (VdRecord      *self);
gint64        vd_record_get_created       (VdRecord      *self);
void          vd_record_set_created       (VdRecord      *self,
                                           gint64         created);
gint64        vd_record_get_updated       (VdRecord      *self);
void          vd_record_set_updated       (VdRecord      *self,
                                           gint64         updated);
void          vd_record_touch             (VdRecord      *self);
gboolean      vd_record_validate          (VdRecord      *self,
                                           GError       **error);

/* Helpers for subclasses' setters: each returns TRUE when the value changed. */
gboolean      vd_record_take_string       (char         **field,
                                           const char    *value);
gboolean      vd_record_take_strv         (char        ***field,
                                           const char * const *value);

G_END_DECLS
