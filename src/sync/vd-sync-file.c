/* vd-sync-file.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A file is the record's fields as the export writes them (vd-record-json.c:
 * fixed key order, one member per line, each section its own line), so that
 * the same record is always the same bytes and "git diff" reads like an edit
 * of prose. A file from a repository is someone else's input: it is held to
 * the import's rules (vd-json-check.c, vd_record_json_parse(), the record's
 * own validation) before anything is built from it.
 */
#include "config.h"

#include <string.h>

#include "vd-comparison.h"
#include "vd-error.h"
#include "vd-json-check.h"
#include "vd-record-json.h"
#include "vd-reviewer.h"
#include "vd-scorecard.h"
#include "vd-sync-file.h"
#include "vd-sync.h"
#include "vd-tool.h"

static const VdSyncKind kinds[] = {
  { "tools", vd_tool_get_type },
  { "reviewers", vd_reviewer_get_type },
  { "comparisons", vd_comparison_get_type },
  { "scorecards", vd_scorecard_get_type },
};

const VdSyncKind *
vd_sync_file_get_kinds (guint *n_kinds)
{
  *n_kinds = G_N_ELEMENTS (kinds);
  return kinds;
}

char *
vd_sync_file_path (VdRecord *record)
{
  const char *table = vd_record_class_get_table (VD_RECORD_GET_CLASS (record));

  return g_strdup_printf ("%s/%s.json", table, vd_record_get_uuid (record));
}

/* Lower-case only: one uuid, one spelling, one file. */
static gboolean
is_uuid (const char *text,
         gsize       len)
{
  static const char template[] = "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx";

  if (len != sizeof template - 1)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    {
      if (template[i] == '-' ? text[i] != '-'
                             : !(g_ascii_isdigit (text[i]) || (text[i] >= 'a' && text[i] <= 'f')))
        return FALSE;
    }
  return TRUE;
}

/**
 * vd_sync_file_parse_path:
 *
 * Returns: whether @path is "<folder>/<uuid>.json" for one of the record
 *   folders; sets @kind to its index in vd_sync_file_get_kinds()
 */
gboolean
vd_sync_file_parse_path (const char  *path,
                         guint       *kind,
                         char       **uuid)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      gsize dir_len = strlen (kinds[i].dir);
      const char *name = path + dir_len + 1;
      gsize name_len;

      if (strncmp (path, kinds[i].dir, dir_len) != 0 || path[dir_len] != '/')
        continue;

      name_len = strlen (name);
      if (name_len < 5 || !g_str_has_suffix (name, ".json") || !is_uuid (name, name_len - 5))
        return FALSE;

      *kind = i;
      if (uuid != NULL)
        *uuid = g_strndup (name, name_len - 5);
      return TRUE;
    }

  return FALSE;
}

GBytes *
vd_sync_file_write (VdRecord *record,
                    gboolean  deleted)
{
  GString *out = g_string_new (NULL);
  VdJsonWriter writer;

  vd_json_writer_init (&writer, out, 0);
  vd_json_writer_begin_object (&writer, NULL);
  vd_record_json_write_fields (record, &writer);
  /* The tombstone keeps the last fields, so that an edit meeting the delete
   * merges against them and wins. */
  if (deleted)
    g_string_append (out, ",\n  \"deleted\" : true");
  vd_json_writer_end_object (&writer);
  g_string_append_c (out, '\n');

  return g_string_free_to_bytes (out);
}

static gboolean
parse_document (const char   *path,
                GBytes       *bytes,
                guint         max_depth,
                JsonParser   *parser,
                GError      **error)
{
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);
  g_autoptr(GError) local_error = NULL;

  if (len > VD_SYNC_FILE_MAX_SIZE)
    {
      g_set_error (error, VD_IMPORT_ERROR, VD_IMPORT_ERROR_TOO_LARGE,
                   "%s: larger than %d MiB", path, VD_SYNC_FILE_MAX_SIZE / (1024 * 1024));
      return FALSE;
    }

  if (len == 0 || !vd_json_check (data, len, max_depth, &local_error) ||
      !json_parser_load_from_data (parser, data, len, &local_error))
    {
      g_set_error (error, VD_IMPORT_ERROR,
                   local_error != NULL && local_error->domain == VD_IMPORT_ERROR
                   ? local_error->code : VD_IMPORT_ERROR_PARSE,
                   "%s: %s", path, local_error != NULL ? local_error->message : "the file is empty");
      return FALSE;
    }

  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_set_error (error, VD_IMPORT_ERROR, VD_IMPORT_ERROR_INVALID, "%s: not a JSON object", path);
      return FALSE;
    }

  return TRUE;
}

/**
 * vd_sync_file_read:
 * @path: the file's path in the repository (vd_sync_file_parse_path() holds)
 *
 * Returns: (transfer full) (nullable): the record @bytes hold, whole and
 *   valid, or %NULL and an error naming @path and what is wrong
 */
VdRecord *
vd_sync_file_read (const char  *path,
                   GBytes      *bytes,
                   gboolean    *deleted,
                   GError     **error)
{
  static const char * const extra_keys[] = { "deleted", NULL };
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(VdRecord) record = NULL;
  g_autofree char *uuid = NULL;
  JsonObject *object;
  JsonNode *node;
  guint kind;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (bytes != NULL, NULL);

  if (!vd_sync_file_parse_path (path, &kind, &uuid))
    {
      g_set_error (error, VD_IMPORT_ERROR, VD_IMPORT_ERROR_INVALID,
                   "%s: not a record's file name", path);
      return NULL;
    }

  if (!parse_document (path, bytes, VD_SYNC_FILE_MAX_DEPTH, parser, error))
    return NULL;

  object = json_node_get_object (json_parser_get_root (parser));
  if (!(record = vd_record_json_parse (kinds[kind].get_type (), object, extra_keys, path, error)))
    return NULL;

  *deleted = FALSE;
  if ((node = json_object_get_member (object, "deleted")) != NULL)
    {
      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN ||
          !json_node_get_boolean (node))
        {
          /* A live record has no "deleted" member: one spelling each. */
          g_set_error (error, VD_IMPORT_ERROR, VD_IMPORT_ERROR_INVALID,
                       "%s.deleted: only ever true", path);
          return NULL;
        }
      *deleted = TRUE;
    }

  if (g_strcmp0 (vd_record_get_uuid (record), uuid) != 0)
    {
      g_set_error (error, VD_IMPORT_ERROR, VD_IMPORT_ERROR_INVALID,
                   "%s.uuid: is not the file's name", path);
      return NULL;
    }

  if (!vd_record_validate (record, error))
    {
      g_prefix_error (error, "%s: ", path);
      return NULL;
    }

  return g_steal_pointer (&record);
}

/* The id git gives these bytes as a blob, so that an unchanged file is told
 * without asking git to read it. */
char *
vd_sync_file_blob_id (GBytes *bytes)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA1);
  g_autofree char *header = g_strdup_printf ("blob %" G_GSIZE_FORMAT, g_bytes_get_size (bytes));
  gsize len;
  const guchar *data = g_bytes_get_data (bytes, &len);

  g_checksum_update (checksum, (const guchar *) header, strlen (header) + 1);
  if (len > 0)
    g_checksum_update (checksum, data, len);
  return g_strdup (g_checksum_get_string (checksum));
}

GBytes *
vd_sync_file_write_format (void)
{
  GString *out = g_string_new (NULL);
  VdJsonWriter writer;

  vd_json_writer_init (&writer, out, 0);
  vd_json_writer_begin_object (&writer, NULL);
  vd_json_writer_string (&writer, "format", "verdict-desk");
  vd_json_writer_int (&writer, "version", VD_SYNC_FORMAT_VERSION);
  vd_json_writer_end_object (&writer);
  g_string_append_c (out, '\n');

  return g_string_free_to_bytes (out);
}

gboolean
vd_sync_file_check_format (GBytes  *bytes,
                           GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  JsonObject *object;
  JsonNode *format, *version;

  if (!parse_document (VD_SYNC_FORMAT_PATH, bytes, 2, parser, error))
    return FALSE;

  object = json_node_get_object (json_parser_get_root (parser));
  format = json_object_get_member (object, "format");
  version = json_object_get_member (object, "version");
  if (format == NULL || !JSON_NODE_HOLDS_VALUE (format) ||
      json_node_get_value_type (format) != G_TYPE_STRING ||
      g_strcmp0 (json_node_get_string (format), "verdict-desk") != 0 ||
      version == NULL || !JSON_NODE_HOLDS_VALUE (version) ||
      json_node_get_value_type (version) != G_TYPE_INT64)
    {
      g_set_error (error, VD_SYNC_ERROR, VD_SYNC_ERROR_FORMAT,
                   "%s: this repository is not a Verdict Desk", VD_SYNC_FORMAT_PATH);
      return FALSE;
    }

  if (json_node_get_int (version) != VD_SYNC_FORMAT_VERSION)
    {
      g_set_error (error, VD_SYNC_ERROR, VD_SYNC_ERROR_FORMAT,
                   "%s: the repository is format %" G_GINT64_FORMAT "; this Verdict Desk "
                   "reads format %d", VD_SYNC_FORMAT_PATH, json_node_get_int (version),
                   VD_SYNC_FORMAT_VERSION);
      return FALSE;
    }

  return TRUE;
}
