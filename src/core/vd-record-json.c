/* vd-record-json.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "vd-error.h"
#include "vd-record-json.h"
#include "vd-json-check.h"
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

/* The writer ---------------------------------------------------------------- */

void
vd_json_writer_init (VdJsonWriter *writer,
                     GString      *out,
                     guint         base_indent)
{
  g_return_if_fail (writer != NULL);
  g_return_if_fail (out != NULL);

  memset (writer, 0, sizeof *writer);
  writer->out = out;
  writer->base_indent = base_indent;
}

static void
append_indent (GString *out,
               guint    n)
{
  static const char spaces[] = "                                                  ";

  while (n > 0)
    {
      guint chunk = MIN (n, sizeof spaces - 1);

      g_string_append_len (out, spaces, chunk);
      n -= chunk;
    }
}

/* As json-glib 1.6's generator escapes: the quote, the backslash, the
 * control characters (named where JSON has a name) and DEL; everything
 * else, all of UTF-8 included, goes through as it is. Unlike json-glib,
 * 0x1f is escaped too: written raw it is not JSON, and the import (or any
 * strict reader) would refuse the export. */
static void
append_escaped (GString    *out,
                const char *text)
{
  const char *run = text;
  const char *p;

  for (p = text; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;
      const char *escape;
      char hex[8];

      if (G_LIKELY (c >= 0x20 && c != '"' && c != '\\' && c != 0x7f))
        continue;

      switch (c)
        {
        case '"': escape = "\\\""; break;
        case '\\': escape = "\\\\"; break;
        case '\b': escape = "\\b"; break;
        case '\f': escape = "\\f"; break;
        case '\n': escape = "\\n"; break;
        case '\r': escape = "\\r"; break;
        case '\t': escape = "\\t"; break;
        default:
          g_snprintf (hex, sizeof hex, "\\u00%.2x", c);
          escape = hex;
          break;
        }

      g_string_append_len (out, run, p - run);
      g_string_append (out, escape);
      run = p + 1;
    }

  g_string_append_len (out, run, p - run);
}

static void
append_string (GString    *out,
               const char *text)
{
  g_string_append_c (out, '"');
  append_escaped (out, text != NULL ? text : "");
  g_string_append_c (out, '"');
}

/* What goes before a value: the separator and the indentation inside its
 * container, then the member's name. */
static void
writer_prefix (VdJsonWriter *writer,
               const char   *member)
{
  GString *out = writer->out;

  if (writer->depth > 0)
    {
      g_string_append (out, writer->counts[writer->depth - 1]++ > 0 ? ",\n" : "\n");
      append_indent (out, writer->base_indent + 2 * writer->depth);
    }

  if (member != NULL)
    {
      append_string (out, member);
      g_string_append_len (out, " : ", 3);
    }
}

static void
writer_open (VdJsonWriter *writer,
             const char   *member,
             char          bracket)
{
  g_return_if_fail (writer->depth < VD_JSON_WRITER_MAX_DEPTH);

  writer_prefix (writer, member);
  g_string_append_c (writer->out, bracket);
  writer->counts[writer->depth++] = 0;
}

static void
writer_close (VdJsonWriter *writer,
              char          bracket)
{
  g_return_if_fail (writer->depth > 0);

  writer->depth--;
  if (writer->counts[writer->depth] > 0)
    {
      g_string_append_c (writer->out, '\n');
      append_indent (writer->out, writer->base_indent + 2 * writer->depth);
    }
  else if (bracket == '}')
    {
      /* json-glib writes an empty object as "{", its level's indentation
       * and "}" on one line; an empty array as "[]". */
      append_indent (writer->out, 2 * writer->depth);
    }
  g_string_append_c (writer->out, bracket);
}

void
vd_json_writer_begin_object (VdJsonWriter *writer,
                             const char   *member)
{
  writer_open (writer, member, '{');
}

void
vd_json_writer_end_object (VdJsonWriter *writer)
{
  writer_close (writer, '}');
}

void
vd_json_writer_begin_array (VdJsonWriter *writer,
                            const char   *member)
{
  writer_open (writer, member, '[');
}

void
vd_json_writer_end_array (VdJsonWriter *writer)
{
  writer_close (writer, ']');
}

void
vd_json_writer_string (VdJsonWriter *writer,
                       const char   *member,
                       const char   *value)
{
  writer_prefix (writer, member);
  append_string (writer->out, value);
}

void
vd_json_writer_int (VdJsonWriter *writer,
                    const char   *member,
                    gint64        value)
{
  writer_prefix (writer, member);
  g_string_append_printf (writer->out, "%" G_GINT64_FORMAT, value);
}

void
vd_json_writer_null (VdJsonWriter *writer,
                     const char   *member)
{
  writer_prefix (writer, member);
  g_string_append_len (writer->out, "null", 4);
}

/**
 * vd_record_json_write_fields:
 *
 * Writes @record's persisted fields, in their file-format order, as members
 * of the object @writer is in: the same bytes vd_record_json_add_fields()
 * and a pretty JsonGenerator give.
 */
void
vd_record_json_write_fields (VdRecord     *record,
                             VdJsonWriter *writer)
{
  guint n_fields;
  GParamSpec **fields = vd_record_class_get_fields (VD_RECORD_GET_CLASS (record), &n_fields);

  for (guint i = 0; i < n_fields; i++)
    {
      GParamSpec *pspec = fields[i];
      GType vtype = G_PARAM_SPEC_VALUE_TYPE (pspec);
      g_auto(GValue) value = G_VALUE_INIT;
      char key[64];

      /* Keys are our own property names, "-" written "_". */
      g_strlcpy (key, pspec->name, sizeof key);
      g_strdelimit (key, "-", '_');

      g_value_init (&value, vtype);
      g_object_get_property (G_OBJECT (record), pspec->name, &value);

      if (vtype == G_TYPE_STRING)
        vd_json_writer_string (writer, key, g_value_get_string (&value));
      else if (G_TYPE_IS_ENUM (vtype))
        vd_json_writer_string (writer, key, vd_enum_to_nick (vtype, g_value_get_enum (&value)));
      else if (vtype == G_TYPE_INT)
        {
          int v = g_value_get_int (&value);

          if (v == -1 && G_PARAM_SPEC_INT (pspec)->minimum == -1)
            vd_json_writer_null (writer, key);
          else
            vd_json_writer_int (writer, key, v);
        }
      else if (vtype == G_TYPE_INT64)
        {
          g_autofree char *stamp = vd_json_format_timestamp (g_value_get_int64 (&value));

          vd_json_writer_string (writer, key, stamp);
        }
      else if (vtype == G_TYPE_STRV)
        {
          const char * const *list = g_value_get_boxed (&value);

          vd_json_writer_begin_array (writer, key);
          for (guint j = 0; list != NULL && list[j] != NULL; j++)
            vd_json_writer_string (writer, NULL, list[j]);
          vd_json_writer_end_array (writer);
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
  g_autofree char *name = vd_json_check_describe_key (key);

  g_set_error (error, VD_IMPORT_ERROR, VD_IMPORT_ERROR_INVALID,
               "%s.%s: %s", where, name, problem);
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
  g_autofree char **keys = g_new0 (char *, n_fields + 1);
  g_autoptr(GList) members = json_object_get_members (object);
  VdRecord *record = NULL;
  guint n = 0;

  /* Interned: the same few keys for every record of the document. */
  for (guint i = 0; i < n_fields; i++)
    {
      g_autofree char *key = json_key (fields[i]);

      keys[i] = (char *) g_intern_string (key);
    }

  for (const GList *l = members; l != NULL; l = l->next)
    {
      const char *member = l->data;
      gboolean known = g_strv_contains ((const char * const *) keys, member) ||
                       (extra_keys != NULL && g_strv_contains (extra_keys, member));

      if (!known)
        {
          invalid (error, where, member, "unknown field");
          goto out;
        }
    }

  for (; n < n_fields; n++)
    {
      const char *key = keys[n];
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
