/* vd-record-json.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "vd-error.h"
#include "vd-record-json.h"
#include "vd-enums.h"

static char *
json_key (GParamSpec *pspec)
{
  char *key = g_strdup (pspec->name);

  g_strdelimit (key, "-", '_');
  return key;
}

/**
 * vd_json_format_timestamp:
 *
 * Returns: @usec as "2026-11-20T09:00:00.000000Z": always UTC and always six
 *   fractional digits, so the same instant is always the same bytes.
 */
char *
vd_json_format_timestamp (gint64 usec)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);
  g_autofree char *seconds = NULL;

  if (dt == NULL)
    return g_strdup ("1970-01-01T00:00:00.000000Z");

  seconds = g_date_time_format (dt, "%Y-%m-%dT%H:%M:%S");
  return g_strdup_printf ("%s.%06dZ", seconds, (int) (usec % G_USEC_PER_SEC));
}

gboolean
vd_json_parse_timestamp (const char *text,
                         gint64     *usec)
{
  g_autoptr(GDateTime) dt = NULL;

  if (text == NULL)
    return FALSE;

  dt = g_date_time_new_from_iso8601 (text, NULL);
  if (dt == NULL || g_date_time_to_unix (dt) < 0)
    return FALSE;

  *usec = g_date_time_to_unix (dt) * G_USEC_PER_SEC + g_date_time_get_microsecond (dt);
  return TRUE;
}

/**
 * vd_record_json_add_fields:
 *
 * Adds @record's persisted fields, in their file-format order, to the object
 * @builder is building.
 */
void
vd_record_json_add_fields (VdRecord    *record,
                           JsonBuilder *builder)
{
  guint n_fields;
  GParamSpec **fields = vd_record_class_get_fields (VD_RECORD_GET_CLASS (record), &n_fields);

  for (guint i = 0; i < n_fields; i++)
    {
      GParamSpec *pspec = fields[i];
      GType vtype = G_PARAM_SPEC_VALUE_TYPE (pspec);
      g_auto(GValue) value = G_VALUE_INIT;
      g_autofree char *key = json_key (pspec);

      g_value_init (&value, vtype);
      g_object_get_property (G_OBJECT (record), pspec->name, &value);
      json_builder_set_member_name (builder, key);

      if (vtype == G_TYPE_STRING)
        json_builder_add_string_value (builder, g_value_get_string (&value));
      else if (G_TYPE_IS_ENUM (vtype))
        json_builder_add_string_value (builder, vd_enum_to_nick (vtype, g_value_get_enum (&value)));
      else if (vtype == G_TYPE_INT)
        {
          int v = g_value_get_int (&value);

          if (v == -1 && G_PARAM_SPEC_INT (pspec)->minimum == -1)
            json_builder_add_null_value (builder);
          else
            json_builder_add_int_value (builder, v);
        }
      else if (vtype == G_TYPE_INT64)
        {
          g_autofree char *stamp = vd_json_format_timestamp (g_value_get_int64 (&value));

          json_builder_add_string_value (builder, stamp);
        }
      else if (vtype == G_TYPE_STRV)
        {
          const char * const *list = g_value_get_boxed (&value);

          json_builder_begin_array (builder);
          for (guint j = 0; list != NULL && list[j] != NULL; j++)
            json_builder_add_string_value (builder, list[j]);
          json_builder_end_array (builder);
        }
      else
        g_assert_not_reached ();
    }
}

static gboolean
invalid (GError     **error,
         const char  *where,
         const char  *key,
         const char  *problem)
{
  g_set_error (error, VD_IMPORT_ERROR, VD_IMPORT_ERROR_INVALID,
               "%s.%s: %s", where, key, problem);
  return FALSE;
}

static gboolean
read_text (JsonNode    *node,
           const char  *where,
           const char  *key,
           const char **text,
           GError     **error)
{
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return invalid (error, where, key, "expected a string");

  *text = json_node_get_string (node);
  if (strlen (*text) > VD_JSON_MAX_TEXT)
    return invalid (error, where, key, "text is longer than 100 KiB");

  return TRUE;
}

static gboolean
read_field (GParamSpec  *pspec,
            JsonNode    *node,
            GValue      *value,
            const char  *where,
            const char  *key,
            GError     **error)
{
  GType vtype = G_PARAM_SPEC_VALUE_TYPE (pspec);
  const char *text = NULL;

  g_value_init (value, vtype);

  if (vtype == G_TYPE_STRING)
    {
      if (!read_text (node, where, key, &text, error))
        return FALSE;
      g_value_set_string (value, text);
    }
  else if (G_TYPE_IS_ENUM (vtype))
    {
      int v;

      if (!read_text (node, where, key, &text, error))
        return FALSE;
      if (!vd_enum_from_nick (vtype, text, &v))
        return invalid (error, where, key, "not one of the allowed values");
      g_value_set_enum (value, v);
    }
  else if (vtype == G_TYPE_INT)
    {
      GParamSpecInt *ispec = G_PARAM_SPEC_INT (pspec);
      gint64 v;

      if (JSON_NODE_HOLDS_NULL (node) && ispec->minimum == -1)
        v = -1;
      else if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64)
        v = json_node_get_int (node);
      else
        return invalid (error, where, key, "expected a whole number");

      if (v < MAX (ispec->minimum, 0) && !(v == -1 && ispec->minimum == -1))
        return invalid (error, where, key, "must not be negative");
      if (v > ispec->maximum)
        return invalid (error, where, key, "number is too large");
      g_value_set_int (value, (int) v);
    }
  else if (vtype == G_TYPE_INT64)
    {
      gint64 usec;

      if (!read_text (node, where, key, &text, error))
        return FALSE;
      if (!vd_json_parse_timestamp (text, &usec))
        return invalid (error, where, key, "expected a date and time like 2026-11-20T09:00:00Z");
      g_value_set_int64 (value, usec);
    }
  else if (vtype == G_TYPE_STRV)
    {
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      JsonArray *array;
      guint len;

      if (!JSON_NODE_HOLDS_ARRAY (node))
        return invalid (error, where, key, "expected a list");

      array = json_node_get_array (node);
      len = json_array_get_length (array);
      if (len > VD_JSON_MAX_LIST)
        return invalid (error, where, key, "the list is too long");

      for (guint i = 0; i < len; i++)
        {
          g_autofree char *item_key = g_strdup_printf ("%s[%u]", key, i);

          if (!read_text (json_array_get_element (array, i), where, item_key, &text, error))
            return FALSE;
          g_strv_builder_add (builder, text);
        }

      g_value_take_boxed (value, g_strv_builder_end (builder));
    }
  else
    g_assert_not_reached ();

  return TRUE;
}

/**
 * vd_record_json_parse:
 * @extra_keys: (nullable): members that may appear besides the fields
 *   (computed figures the export adds); they are skipped
 * @where: how error messages name @object, e.g. "comparisons[0].tools[1]"
 *
 * Builds a record of @type from @object, which must hold every field with
 * the right type and nothing unknown. The record is not validated beyond
 * types; vd_record_validate() does that.
 */
VdRecord *
vd_record_json_parse (GType                type,
                      JsonObject          *object,
                      const char * const  *extra_keys,
                      const char          *where,
                      GError             **error)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (type);
  guint n_fields;
  GParamSpec **fields = vd_record_class_get_fields (VD_RECORD_CLASS (klass), &n_fields);
  g_autofree const char **names = g_new0 (const char *, n_fields);
  g_autofree GValue *values = g_new0 (GValue, n_fields);
  g_autoptr(GList) members = json_object_get_members (object);
  VdRecord *record = NULL;
  guint n = 0;

  for (const GList *l = members; l != NULL; l = l->next)
    {
      const char *member = l->data;
      gboolean known = extra_keys != NULL && g_strv_contains (extra_keys, member);

      for (guint i = 0; i < n_fields && !known; i++)
        {
          g_autofree char *key = json_key (fields[i]);

          known = g_str_equal (key, member);
        }

      if (!known)
        {
          invalid (error, where, member, "unknown field");
          goto out;
        }
    }

  for (; n < n_fields; n++)
    {
      g_autofree char *key = json_key (fields[n]);
      JsonNode *node = json_object_get_member (object, key);

      if (node == NULL)
        {
          invalid (error, where, key, "missing");
          goto out;
        }

      names[n] = fields[n]->name;
      if (!read_field (fields[n], node, &values[n], where, key, error))
        goto out;
    }

  record = VD_RECORD (g_object_new_with_properties (type, n, names, values));

out:
  for (guint i = 0; i < n_fields; i++)
    if (G_IS_VALUE (&values[i]))
      g_value_unset (&values[i]);

  return record;
}
