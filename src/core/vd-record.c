/* vd-record.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "vd-error.h"
#include "vd-record-private.h"

typedef struct
{
  char     *uuid;
  gint64    created;
  gint64    updated;
  gboolean  uuid_valid;  /* the uuid is construct-only: checked once */
} VdRecordPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (VdRecord, vd_record, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_UUID,
  PROP_CREATED,
  PROP_UPDATED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
vd_record_constructed (GObject *object)
{
  VdRecord *self = VD_RECORD (object);
  VdRecordPrivate *priv = vd_record_get_instance_private (self);

  G_OBJECT_CLASS (vd_record_parent_class)->constructed (object);

  if (priv->uuid == NULL || priv->uuid[0] == '\0')
    {
      g_free (priv->uuid);
      priv->uuid = g_uuid_string_random ();
    }

  priv->uuid_valid = g_uuid_string_is_valid (priv->uuid);

  if (priv->created == 0)
    priv->created = g_get_real_time ();
  if (priv->updated == 0)
    priv->updated = priv->created;
}

static void
vd_record_finalize (GObject *object)
{
  VdRecord *self = VD_RECORD (object);
  VdRecordPrivate *priv = vd_record_get_instance_private (self);

  g_clear_pointer (&priv->uuid, g_free);

  G_OBJECT_CLASS (vd_record_parent_class)->finalize (object);
}

static void
vd_record_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  VdRecord *self = VD_RECORD (object);
  VdRecordPrivate *priv = vd_record_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_UUID:
      g_value_set_string (value, priv->uuid);
      break;

    case PROP_CREATED:
      g_value_set_int64 (value, priv->created);
      break;

    case PROP_UPDATED:
      g_value_set_int64 (value, priv->updated);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vd_record_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  VdRecord *self = VD_RECORD (object);
  VdRecordPrivate *priv = vd_record_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_UUID:
      g_free (priv->uuid);
      priv->uuid = g_value_dup_string (value);
      break;

    case PROP_CREATED:
      vd_record_set_created (self, g_value_get_int64 (value));
      break;

    case PROP_UPDATED:
      vd_record_set_updated (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vd_record_class_init (VdRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = vd_record_constructed;
  object_class->finalize = vd_record_finalize;
  object_class->get_property = vd_record_get_property;
  object_class->set_property = vd_record_set_property;

  properties[PROP_UUID] =
    g_param_spec_string ("uuid", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_CREATED] =
    g_param_spec_int64 ("created", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_UPDATED] =
    g_param_spec_int64 ("updated", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vd_record_init (VdRecord *self)
{
}

static GPtrArray *
ensure_fields (VdRecordClass *klass)
{
  if (klass->fields == NULL)
    {
      klass->fields = g_ptr_array_new ();
      g_ptr_array_add (klass->fields, properties[PROP_UUID]);
      g_ptr_array_add (klass->fields, properties[PROP_CREATED]);
      g_ptr_array_add (klass->fields, properties[PROP_UPDATED]);
    }

  return klass->fields;
}

void
vd_record_class_set_table (VdRecordClass *klass,
                           const char    *table)
{
  g_return_if_fail (VD_IS_RECORD_CLASS (klass));
  g_return_if_fail (table != NULL);

  klass->table = table;
}

void
vd_record_class_add_fields (VdRecordClass *klass,
                            const char    *first_field,
                            ...)
{
  GPtrArray *fields;
  va_list args;

  g_return_if_fail (VD_IS_RECORD_CLASS (klass));

  fields = ensure_fields (klass);

  va_start (args, first_field);
  for (const char *name = first_field; name != NULL; name = va_arg (args, const char *))
    {
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_CLASS (klass), name);

      g_assert (pspec != NULL);
      g_ptr_array_add (fields, pspec);
    }
  va_end (args);
}

const char *
vd_record_class_get_table (VdRecordClass *klass)
{
  g_return_val_if_fail (VD_IS_RECORD_CLASS (klass), NULL);

  return klass->table;
}

/**
 * vd_record_class_set_itemwise:
 * @field: a list field of the class
 *
 * Names the list field whose items are fields of their own when two
 * writers' versions are merged: each of a scorecard's sections is, while a
 * panel is one list (a member removed moves every later one).
 */
void
vd_record_class_set_itemwise (VdRecordClass *klass,
                              const char    *field)
{
  g_return_if_fail (VD_IS_RECORD_CLASS (klass));

  klass->itemwise = field;
}

const char *
vd_record_class_get_itemwise (VdRecordClass *klass)
{
  g_return_val_if_fail (VD_IS_RECORD_CLASS (klass), NULL);

  return klass->itemwise;
}

GParamSpec **
vd_record_class_get_fields (VdRecordClass *klass,
                            guint         *n_fields)
{
  GPtrArray *fields;

  g_return_val_if_fail (VD_IS_RECORD_CLASS (klass), NULL);

  fields = ensure_fields (klass);
  if (n_fields != NULL)
    *n_fields = fields->len;

  return (GParamSpec **) fields->pdata;
}

const char *
vd_record_get_uuid (VdRecord *self)
{
  VdRecordPrivate *priv = vd_record_get_instance_private (self);

  g_return_val_if_fail (VD_IS_RECORD (self), NULL);

  return priv->uuid;
}

gint64
vd_record_get_created (VdRecord *self)
{
  VdRecordPrivate *priv = vd_record_get_instance_private (self);

  g_return_val_if_fail (VD_IS_RECORD (self), 0);

  return priv->created;
}

void
vd_record_set_created (VdRecord *self,
                       gint64    created)
{
  VdRecordPrivate *priv = vd_record_get_instance_private (self);

  g_return_if_fail (VD_IS_RECORD (self));

  if (priv->created == created)
    return;

  priv->created = created;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATED]);
}

gint64
vd_record_get_updated (VdRecord *self)
{
  VdRecordPrivate *priv = vd_record_get_instance_private (self);

  g_return_val_if_fail (VD_IS_RECORD (self), 0);

  return priv->updated;
}

void
vd_record_set_updated (VdRecord *self,
                       gint64    updated)
{
  VdRecordPrivate *priv = vd_record_get_instance_private (self);

  g_return_if_fail (VD_IS_RECORD (self));

  if (priv->updated == updated)
    return;

  priv->updated = updated;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPDATED]);
}

/**
 * vd_record_touch:
 *
 * Marks the record as changed now. Import merges by uuid and keeps the copy
 * with the newer "updated", so every user edit must move it forward, even
 * when the clock has not (two edits in the same microsecond, or a clock that
 * was set back).
 */
void
vd_record_touch (VdRecord *self)
{
  VdRecordPrivate *priv = vd_record_get_instance_private (self);

  g_return_if_fail (VD_IS_RECORD (self));

  vd_record_set_updated (self, MAX (g_get_real_time (), priv->updated + 1));
}

gboolean
vd_record_take_string (char       **field,
                       const char  *value)
{
  char *copy;

  g_assert (field != NULL);

  if (value == NULL)
    value = "";

  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  /* Copy before freeing: @value may point into the old string. */
  copy = g_strdup (value);
  g_free (*field);
  *field = copy;
  return TRUE;
}

gboolean
vd_record_take_strv (char               ***field,
                     const char * const   *value)
{
  static const char * const empty[] = { NULL };
  char **copy;

  g_assert (field != NULL);

  if (value == NULL)
    value = empty;

  if (*field != NULL && g_strv_equal ((const char * const *) *field, value))
    return FALSE;

  /* Copy before freeing: @value may hold strings of the old list. */
  copy = g_strdupv ((char **) value);
  g_strfreev (*field);
  *field = copy;
  return TRUE;
}

void
vd_record_install_text_properties (GParamSpec         **props,
                                   guint                first,
                                   guint                last,
                                   const char * const  *names)
{
  for (guint i = first; i <= last; i++)
    props[i] = g_param_spec_string (names[i], NULL, NULL, "", VD_RECORD_TEXT_FLAGS);
}

/**
 * vd_record_validate:
 *
 * Returns: %FALSE, with a message naming the field, if the record may not be
 *   saved as it is.
 */
gboolean
vd_record_validate (VdRecord  *self,
                    GError   **error)
{
  VdRecordPrivate *priv = vd_record_get_instance_private (self);
  VdRecordClass *klass;

  g_return_val_if_fail (VD_IS_RECORD (self), FALSE);

  if (!priv->uuid_valid)
    {
      g_set_error (error, VD_MODEL_ERROR, VD_MODEL_ERROR_INVALID,
                   "“%s” is not a valid uuid", priv->uuid);
      return FALSE;
    }

  klass = VD_RECORD_GET_CLASS (self);
  return klass->validate == NULL || klass->validate (self, error);
}

gboolean
vd_record_require_text (const char  *value,
                        const char  *what,
                        GError     **error)
{
  for (const char *p = value; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return TRUE;

  g_set_error (error, VD_MODEL_ERROR, VD_MODEL_ERROR_INVALID, "%s is required", what);
  return FALSE;
}

gboolean
vd_record_require_uuid (const char  *value,
                        const char  *what,
                        GError     **error)
{
  if (value != NULL && g_uuid_string_is_valid (value))
    return TRUE;

  g_set_error (error, VD_MODEL_ERROR, VD_MODEL_ERROR_INVALID,
               "%s “%s” is not a valid uuid", what, value ? value : "");
  return FALSE;
}

void
vd_record_text_init (char  **text,
                     guint   last)
{
  for (guint i = 1; i <= last; i++)
    text[i] = g_strdup ("");
}

void
vd_record_text_clear (char  **text,
                      guint   last)
{
  for (guint i = 1; i <= last; i++)
    g_clear_pointer (&text[i], g_free);
}

void
vd_record_text_set (GObject     *object,
                    char       **text,
                    GParamSpec **props,
                    guint        prop_id,
                    const char  *value)
{
  if (vd_record_take_string (&text[prop_id], value))
    g_object_notify_by_pspec (object, props[prop_id]);
}

gboolean
vd_record_text_get_property (char   **text,
                             guint    last,
                             guint    prop_id,
                             GValue  *value)
{
  if (prop_id == 0 || prop_id > last)
    return FALSE;

  g_value_set_string (value, text[prop_id]);
  return TRUE;
}

gboolean
vd_record_text_set_property (GObject       *object,
                             char         **text,
                             GParamSpec   **props,
                             guint          last,
                             guint          prop_id,
                             const GValue  *value)
{
  if (prop_id == 0 || prop_id > last)
    return FALSE;

  vd_record_text_set (object, text, props, prop_id, g_value_get_string (value));
  return TRUE;
}
