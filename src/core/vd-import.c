/* vd-import.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Import is all or nothing: the document is checked and turned into records
 * first, then merged inside one transaction, so a bad document — or a good
 * one that breaks a rule of the database halfway — changes nothing.
 */
#include "config.h"

#include <json-glib/json-glib.h>

#include "vd-enum-types.h"
#include "vd-error.h"
#include "vd-export.h"
#include "vd-import.h"
#include "vd-record-json.h"

/* What the export adds beside each record's fields. */
static const char * const comparison_extras[] = { "tools", "reviewers", "split", "scorecards", NULL };
static const char * const tool_extras[] = { "pricing_label", "panel", "community", NULL };
static const char * const scorecard_extras[] = { "quote", NULL };

/* json-glib parses by recursion; count the nesting before it sees the text.
 * Brackets inside strings do not count. */
static gboolean
check_depth (const char  *data,
             gsize        len,
             GError     **error)
{
  gboolean in_string = FALSE;
  guint depth = 0;

  for (gsize i = 0; i < len; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
          continue;
        }

      switch (c)
        {
        case '"':
          in_string = TRUE;
          break;

        case '[':
        case '{':
          if (++depth > VD_IMPORT_MAX_DEPTH)
            {
              g_set_error (error, VD_IMPORT_ERROR, VD_IMPORT_ERROR_TOO_DEEP,
                           "The document nests deeper than %d levels; it is not a "
                           "Verdict Desk export", VD_IMPORT_MAX_DEPTH);
              return FALSE;
            }
          break;

        case ']':
        case '}':
          if (depth > 0)
            depth--;
          break;

        default:
          break;
        }
    }

  return TRUE;
}

static JsonArray *
get_array (JsonObject  *object,
           const char  *member,
           const char  *where,
           GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (error, VD_IMPORT_ERROR, VD_IMPORT_ERROR_INVALID,
                   "%s.%s: %s", where, member, node == NULL ? "missing" : "expected a list");
      return NULL;
    }

  return json_node_get_array (node);
}

static JsonObject *
get_object (JsonArray   *array,
            guint        index,
            const char  *where,
            GError     **error)
{
  JsonNode *node = json_array_get_element (array, index);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, VD_IMPORT_ERROR, VD_IMPORT_ERROR_INVALID,
                   "%s: expected an object", where);
      return NULL;
    }

  return json_node_get_object (node);
}

/* Parses every object of @member into records of @type, appended to @records. */
static gboolean
parse_list (JsonObject          *object,
            const char          *member,
            GType                type,
            const char * const  *extras,
            const char          *where,
            GPtrArray           *records,
            GError             **error)
{
  JsonArray *array = get_array (object, member, where, error);
  guint len;

  if (array == NULL)
    return FALSE;

  len = json_array_get_length (array);
  for (guint i = 0; i < len; i++)
    {
      g_autofree char *item_where = g_strdup_printf ("%s.%s[%u]", where, member, i);
      JsonObject *item = get_object (array, i, item_where, error);
      VdRecord *record;

      if (item == NULL ||
          !(record = vd_record_json_parse (type, item, extras, item_where, error)))
        return FALSE;

      g_ptr_array_add (records, record);

      /* A built-in persona's prompts are fixed; a document that says
       * otherwise was edited by hand and would not round-trip. */
      if (VD_IS_REVIEWER (record))
        {
          JsonArray *prompts = json_object_get_array_member (item, "prompts");
          const char * const *expected = vd_reviewer_get_prompts (VD_REVIEWER (record));
          gboolean same = json_array_get_length (prompts) == g_strv_length ((char **) expected);

          for (guint j = 0; same && expected[j] != NULL; j++)
            same = g_strcmp0 (json_array_get_string_element (prompts, j), expected[j]) == 0;

          if (!same)
            {
              g_set_error (error, VD_IMPORT_ERROR, VD_IMPORT_ERROR_INVALID,
                           "%s.prompts: a %s reviewer’s prompts are fixed and must be "
                           "the persona’s own", item_where,
                           vd_enum_to_nick (VD_TYPE_PERSONA,
                                            vd_reviewer_get_persona (VD_REVIEWER (record))));
              return FALSE;
            }
        }
    }

  return TRUE;
}

/* Turns the document into records in dependency order: tools, reviewers,
 * comparisons, scorecards. Nothing is written here. */
static GPtrArray *
parse_document (JsonNode       *root,
                VdImportStats  *stats,
                GError        **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) comparisons = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) scorecards = g_ptr_array_new_with_free_func (g_object_unref);
  JsonObject *object;
  JsonNode *version;
  const char *format;
  JsonArray *array;
  guint len;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, VD_IMPORT_ERROR, VD_IMPORT_ERROR_INVALID,
                   "The document is not a Verdict Desk export (expected an object at the top)");
      return NULL;
    }

  object = json_node_get_object (root);
  format = json_object_get_string_member_with_default (object, "format", NULL);
  if (g_strcmp0 (format, VD_EXPORT_FORMAT) != 0)
    {
      g_set_error (error, VD_IMPORT_ERROR, VD_IMPORT_ERROR_INVALID,
                   "The document is not a Verdict Desk export (its \"format\" is not \"%s\")",
                   VD_EXPORT_FORMAT);
      return NULL;
    }

  version = json_object_get_member (object, "schema_version");
  if (version == NULL || !JSON_NODE_HOLDS_VALUE (version) ||
      json_node_get_value_type (version) != G_TYPE_INT64)
    {
      g_set_error (error, VD_IMPORT_ERROR, VD_IMPORT_ERROR_SCHEMA_VERSION,
                   "The document has no schema_version");
      return NULL;
    }
  if (json_node_get_int (version) != VD_EXPORT_SCHEMA_VERSION)
    {
      g_set_error (error, VD_IMPORT_ERROR, VD_IMPORT_ERROR_SCHEMA_VERSION,
                   "The document has schema version %" G_GINT64_FORMAT "; this Verdict Desk "
                   "reads version %d", json_node_get_int (version), VD_EXPORT_SCHEMA_VERSION);
      return NULL;
    }

  if (!(array = get_array (object, "comparisons", "document", error)))
    return NULL;

  len = json_array_get_length (array);
  for (guint i = 0; i < len; i++)
    {
      g_autofree char *where = g_strdup_printf ("comparisons[%u]", i);
      JsonObject *item = get_object (array, i, where, error);
      VdRecord *comparison;

      if (item == NULL ||
          !parse_list (item, "tools", VD_TYPE_TOOL, tool_extras, where, records, error) ||
          !parse_list (item, "reviewers", VD_TYPE_REVIEWER, NULL, where, records, error) ||
          !parse_list (item, "scorecards", VD_TYPE_SCORECARD, scorecard_extras, where,
                       scorecards, error) ||
          !(comparison = vd_record_json_parse (VD_TYPE_COMPARISON, item, comparison_extras,
                                               where, error)))
        return NULL;

      g_ptr_array_add (comparisons, comparison);
    }

  stats->comparisons = comparisons->len;
  g_ptr_array_extend_and_steal (records, g_steal_pointer (&comparisons));
  g_ptr_array_extend_and_steal (records, g_steal_pointer (&scorecards));

  return g_steal_pointer (&records);
}

static gboolean
merge (VdStore        *store,
       GPtrArray      *records,
       VdImportStats  *stats,
       GError        **error)
{
  if (!vd_store_begin (store, error))
    return FALSE;

  for (guint i = 0; i < records->len; i++)
    {
      VdRecord *record = g_ptr_array_index (records, i);
      gint64 stored_updated = 0;
      g_autoptr(GError) local_error = NULL;
      gboolean exists;

      exists = vd_store_contains (store, G_OBJECT_TYPE (record), vd_record_get_uuid (record),
                                  &stored_updated, &local_error);
      if (local_error != NULL)
        goto failed;

      /* Newer wins; on a tie the stored copy stays, so importing the same
       * document twice changes nothing. A record that loses is still
       * checked: a document with a bad record is refused whole. */
      if (exists && stored_updated >= vd_record_get_updated (record))
        {
          if (!vd_store_check (store, record, &local_error))
            goto failed;

          stats->unchanged++;
          continue;
        }

      if (!vd_store_put (store, record, &local_error))
        goto failed;

      if (exists)
        stats->updated++;
      else
        stats->added++;
      continue;

failed:
      vd_store_rollback (store);
      g_set_error (error, VD_IMPORT_ERROR, VD_IMPORT_ERROR_INVALID,
                   "Nothing was imported: %s", local_error->message);
      return FALSE;
    }

  return vd_store_commit (store, error);
}

/**
 * vd_import_from_bytes:
 * @stats: (out) (optional): what the merge did
 *
 * Merges an exported document into @store by uuid; of two copies of a
 * record, the one with the newer "updated" wins. On any error nothing in the
 * database changes and the message names the problem and where it is.
 */
gboolean
vd_import_from_bytes (VdStore        *store,
                      GBytes         *bytes,
                      VdImportStats  *stats,
                      GError        **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) local_error = NULL;
  VdImportStats local_stats = { 0 };
  gsize len;
  const char *data;

  g_return_val_if_fail (VD_IS_STORE (store), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);

  data = g_bytes_get_data (bytes, &len);
  if (len > VD_IMPORT_MAX_SIZE)
    {
      g_set_error (error, VD_IMPORT_ERROR, VD_IMPORT_ERROR_TOO_LARGE,
                   "The document is larger than %" G_GSIZE_FORMAT " MiB",
                   VD_IMPORT_MAX_SIZE / (1024 * 1024));
      return FALSE;
    }

  if (len == 0)
    {
      g_set_error (error, VD_IMPORT_ERROR, VD_IMPORT_ERROR_PARSE,
                   "The document is empty, not JSON");
      return FALSE;
    }

  if (!check_depth (data, len, error))
    return FALSE;

  if (!json_parser_load_from_data (parser, data, len, &local_error))
    {
      g_set_error (error, VD_IMPORT_ERROR, VD_IMPORT_ERROR_PARSE,
                   "The document is not valid JSON: %s", local_error->message);
      return FALSE;
    }

  if (!(records = parse_document (json_parser_get_root (parser), &local_stats, error)))
    return FALSE;

  if (!merge (store, records, &local_stats, error))
    return FALSE;

  if (stats != NULL)
    *stats = local_stats;

  return TRUE;
}

/**
 * vd_import_from_stream:
 *
 * Reads @stream to its end (at most %VD_IMPORT_MAX_SIZE bytes), then imports.
 */
gboolean
vd_import_from_stream (VdStore        *store,
                       GInputStream   *stream,
                       VdImportStats  *stats,
                       GCancellable   *cancellable,
                       GError        **error)
{
  g_autoptr(GOutputStream) sink = g_memory_output_stream_new_resizable ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  char buffer[64 * 1024];
  gsize total = 0;

  g_return_val_if_fail (VD_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), FALSE);

  for (;;)
    {
      gssize n = g_input_stream_read (stream, buffer, sizeof buffer, cancellable, &local_error);

      if (n < 0)
        {
          g_set_error (error, VD_IMPORT_ERROR, VD_IMPORT_ERROR_PARSE,
                       "Could not read the document: %s", local_error->message);
          return FALSE;
        }
      if (n == 0)
        break;

      total += n;
      if (total > VD_IMPORT_MAX_SIZE)
        {
          g_set_error (error, VD_IMPORT_ERROR, VD_IMPORT_ERROR_TOO_LARGE,
                       "The document is larger than %" G_GSIZE_FORMAT " MiB",
                       VD_IMPORT_MAX_SIZE / (1024 * 1024));
          return FALSE;
        }

      g_output_stream_write_all (sink, buffer, n, NULL, NULL, NULL);
    }

  g_output_stream_close (sink, NULL, NULL);
  bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (sink));

  return vd_import_from_bytes (store, bytes, stats, error);
}

gboolean
vd_import_from_file (VdStore        *store,
                     GFile          *file,
                     VdImportStats  *stats,
                     GCancellable   *cancellable,
                     GError        **error)
{
  g_autoptr(GFileInputStream) in = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (VD_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!(in = g_file_read (file, cancellable, &local_error)))
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_set_error (error, VD_IMPORT_ERROR, VD_IMPORT_ERROR_PARSE,
                   "Could not read “%s”: %s", name, local_error->message);
      return FALSE;
    }

  return vd_import_from_stream (store, G_INPUT_STREAM (in), stats, cancellable, error);
}
