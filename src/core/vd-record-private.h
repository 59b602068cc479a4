/* vd-record-private.h — shared plumbing for VdRecord subclasses
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vd-record.h"

G_BEGIN_DECLS

#define VD_RECORD_TEXT_FLAGS \
  (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)

/* Subclasses keep their text fields in `char *text[]` indexed by property id,
 * with a static `<prefix>_set_text (self, prop_id, value)`; this writes the
 * public getter and setter for one of them. */
#define VD_RECORD_TEXT_ACCESSORS(prefix, Type, TYPE_CHECK, field, PROP) \
  const char *                                                        \
  prefix##_get_##field (Type *self)                                   \
  {                                                                   \
    g_return_val_if_fail (TYPE_CHECK (self), NULL);                   \
    return self->text[PROP];                                          \
  }                                                                   \
                                                                      \
  void                                                                \
  prefix##_set_##field (Type       *self,                             \
                        const char *value)                            \
  {                                                                   \
    g_return_if_fail (TYPE_CHECK (self));                             \
    prefix##_set_text (self, PROP, value);                            \
  }

/* Text fields kept as `char *text[LAST + 1]`, indexed by property id 1..LAST
 * (slot 0 unused), so one code path serves all of a subclass's strings. */
void     vd_record_text_init         (char          **text,
                                      guint           last);
void     vd_record_text_clear        (char          **text,
                                      guint           last);
void     vd_record_text_set          (GObject        *object,
                                      char          **text,
                                      GParamSpec    **properties,
                                      guint           prop_id,
                                      const char     *value);
/* For get_property/set_property: TRUE when @prop_id was a text field. */
gboolean vd_record_text_get_property (char          **text,
                                      guint           last,
                                      guint           prop_id,
                                      GValue         *value);
gboolean vd_record_text_set_property (GObject        *object,
                                      char          **text,
                                      GParamSpec    **properties,
                                      guint           last,
                                      guint           prop_id,
                                      const GValue   *value);

/* Installs string properties [first, last] named by names[first..last]. */
void vd_record_install_text_properties (GParamSpec         **properties,
                                        guint                first,
                                        guint                last,
                                        const char * const  *names);

/* For validate(): fails naming @what when @value is empty or only spaces. */
gboolean vd_record_require_text (const char  *value,
                                 const char  *what,
                                 GError     **error);
/* For validate(): fails naming @what when @value is not a uuid. */
gboolean vd_record_require_uuid (const char  *value,
                                 const char  *what,
                                 GError     **error);

G_END_DECLS
