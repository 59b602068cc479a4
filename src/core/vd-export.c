/* vd-export.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The document is written one comparison at a time, so exporting a year of
 * archives never holds more than one page in memory. The same content always
 * gives the same bytes: keys in a fixed order, comparisons sorted by slug,
 * lists in page order, timestamps in one format.
 */
#include "config.h"

#include <json-glib/json-glib.h>

#include "vd-enum-types.h"
#include "vd-error.h"
#include "vd-export.h"
#include "vd-panel.h"
#include "vd-record-json.h"

static void
add_percent (JsonBuilder *builder,
             const char  *member,
             int          percent)
{
  json_builder_set_member_name (builder, member);
  if (percent < 0)
    json_builder_add_null_value (builder);
  else
    json_builder_add_int_value (builder, percent);
}

static void
add_string (JsonBuilder *builder,
            const char  *member,
            const char  *value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, value);
}

static void
add_tool (JsonBuilder *builder,
          VdTool      *tool,
          VdPanel     *panel)
{
  g_autofree char *community = vd_tool_dup_community_label (tool);

  json_builder_begin_object (builder);
  vd_record_json_add_fields (VD_RECORD (tool), builder);
  add_string (builder, "pricing_label", vd_pricing_get_label (vd_tool_get_pricing (tool)));

  json_builder_set_member_name (builder, "panel");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "ship_votes");
  json_builder_add_int_value (builder, vd_panel_get_ship_votes (panel));
  json_builder_set_member_name (builder, "skip_votes");
  json_builder_add_int_value (builder, vd_panel_get_skip_votes (panel));
  json_builder_set_member_name (builder, "undecided");
  json_builder_add_int_value (builder, vd_panel_get_undecided (panel));
  add_percent (builder, "ship_percent", vd_panel_get_ship_percent (panel));
  add_string (builder, "ship_label", vd_panel_get_ship_label (panel));
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "community");
  json_builder_begin_object (builder);
  add_percent (builder, "percent", vd_tool_get_community_percent (tool));
  add_string (builder, "label", community);
  json_builder_end_object (builder);

  json_builder_end_object (builder);
}

static void
add_split (JsonBuilder         *builder,
           const char * const  *panel_uuids,
           VdPanel            **panels)
{
  json_builder_set_member_name (builder, "split");
  json_builder_begin_array (builder);
  for (guint i = 0; panel_uuids[i] != NULL; i++)
    {
      json_builder_begin_object (builder);
      add_string (builder, "reviewer", panel_uuids[i]);
      json_builder_set_member_name (builder, "verdicts");
      json_builder_begin_array (builder);
      for (guint t = 0; t < 2; t++)
        {
          VdVerdict verdict = vd_panel_get_verdict (panels[t], panel_uuids[i]);

          json_builder_add_string_value (builder, vd_enum_to_nick (VD_TYPE_VERDICT, verdict));
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_scorecards (JsonBuilder *builder,
                GListModel  *scorecards)
{
  guint n = g_list_model_get_n_items (scorecards);

  json_builder_set_member_name (builder, "scorecards");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VdScorecard) scorecard = g_list_model_get_item (scorecards, i);
      g_autofree char *quote = vd_scorecard_dup_quote (scorecard);

      json_builder_begin_object (builder);
      vd_record_json_add_fields (VD_RECORD (scorecard), builder);
      add_string (builder, "quote", quote);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static JsonNode *
build_comparison (VdStore       *store,
                  VdComparison  *comparison,
                  GError       **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(GListStore) scorecards = NULL;
  g_autoptr(VdTool) tool_a = NULL;
  g_autoptr(VdTool) tool_b = NULL;
  g_autoptr(VdPanel) panel_a = NULL;
  g_autoptr(VdPanel) panel_b = NULL;
  const char * const *panel_uuids = vd_comparison_get_panel (comparison);
  VdPanel *panels[2];

  if (!(tool_a = vd_store_load (store, VD_TYPE_TOOL, vd_comparison_get_tool_a (comparison), error)) ||
      !(tool_b = vd_store_load (store, VD_TYPE_TOOL, vd_comparison_get_tool_b (comparison), error)) ||
      !(scorecards = vd_store_list_scorecards (store, comparison, error)))
    return NULL;

  panels[0] = panel_a = vd_panel_new (comparison, vd_record_get_uuid (VD_RECORD (tool_a)),
                                      G_LIST_MODEL (scorecards));
  panels[1] = panel_b = vd_panel_new (comparison, vd_record_get_uuid (VD_RECORD (tool_b)),
                                      G_LIST_MODEL (scorecards));

  json_builder_begin_object (builder);
  vd_record_json_add_fields (VD_RECORD (comparison), builder);

  json_builder_set_member_name (builder, "tools");
  json_builder_begin_array (builder);
  add_tool (builder, tool_a, panel_a);
  add_tool (builder, tool_b, panel_b);
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "reviewers");
  json_builder_begin_array (builder);
  for (guint i = 0; panel_uuids[i] != NULL; i++)
    {
      g_autoptr(VdReviewer) reviewer = vd_store_load (store, VD_TYPE_REVIEWER, panel_uuids[i],
                                                      error);

      if (reviewer == NULL)
        return NULL;

      json_builder_begin_object (builder);
      vd_record_json_add_fields (VD_RECORD (reviewer), builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  add_split (builder, panel_uuids, panels);
  add_scorecards (builder, G_LIST_MODEL (scorecards));

  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static gboolean
write_text (GOutputStream  *stream,
            const char     *text,
            GCancellable   *cancellable,
            GError        **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!g_output_stream_write_all (stream, text, strlen (text), NULL, cancellable, &local_error))
    {
      g_set_error (error, VD_EXPORT_ERROR, VD_EXPORT_ERROR_WRITE,
                   "Could not write the export: %s", local_error->message);
      return FALSE;
    }

  return TRUE;
}

/* The comparisons to export, in slug order: one by slug, or every one that
 * is ready or published. */
static GPtrArray *
select_comparisons (VdStore     *store,
                    const char  *slug,
                    GError     **error)
{
  g_autoptr(GPtrArray) selected = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GListStore) all = NULL;
  guint n;

  if (slug != NULL)
    {
      g_autoptr(GError) local_error = NULL;
      VdComparison *comparison = vd_store_load_comparison_by_slug (store, slug, &local_error);

      if (comparison == NULL)
        {
          if (g_error_matches (local_error, VD_STORE_ERROR, VD_STORE_ERROR_NOT_FOUND))
            g_set_error (error, VD_EXPORT_ERROR, VD_EXPORT_ERROR_NOT_FOUND,
                         "There is no comparison with the slug “%s”", slug);
          else
            g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }

      g_ptr_array_add (selected, comparison);
      return g_steal_pointer (&selected);
    }

  if (!(all = vd_store_list (store, VD_TYPE_COMPARISON, error)))
    return NULL;

  n = g_list_model_get_n_items (G_LIST_MODEL (all));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VdComparison) comparison = g_list_model_get_item (G_LIST_MODEL (all), i);
      VdStatus status = vd_comparison_get_status (comparison);

      if (status == VD_STATUS_READY || status == VD_STATUS_PUBLISHED)
        g_ptr_array_add (selected, g_steal_pointer (&comparison));
    }

  return g_steal_pointer (&selected);
}

/**
 * vd_export_to_stream:
 * @slug: (nullable): the comparison to export; %NULL for every comparison
 *   that is ready or published
 * @n_exported: (out) (optional): how many comparisons were written
 *
 * Writes the JSON document to @stream. The document is valid and complete
 * only when this returns %TRUE.
 */
gboolean
vd_export_to_stream (VdStore        *store,
                     const char     *slug,
                     GOutputStream  *stream,
                     guint          *n_exported,
                     GCancellable   *cancellable,
                     GError        **error)
{
  g_autoptr(GPtrArray) comparisons = NULL;
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *head = NULL;

  g_return_val_if_fail (VD_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  if (!(comparisons = select_comparisons (store, slug, error)))
    return FALSE;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);

  head = g_strdup_printf ("{\n  \"format\" : \"%s\",\n  \"schema_version\" : %d,\n"
                          "  \"comparisons\" : [",
                          VD_EXPORT_FORMAT, VD_EXPORT_SCHEMA_VERSION);
  if (!write_text (stream, head, cancellable, error))
    return FALSE;

  for (guint i = 0; i < comparisons->len; i++)
    {
      g_autoptr(JsonNode) node = build_comparison (store, g_ptr_array_index (comparisons, i),
                                                   error);
      g_autofree char *text = NULL;
      g_auto(GStrv) lines = NULL;
      g_autofree char *indented = NULL;

      if (node == NULL)
        return FALSE;

      json_generator_set_root (generator, node);
      text = json_generator_to_data (generator, NULL);

      /* Nest the page two levels in. JSON strings cannot hold a raw newline,
       * so every newline here is layout. */
      lines = g_strsplit (text, "\n", -1);
      indented = g_strjoinv ("\n    ", lines);

      if (!write_text (stream, i == 0 ? "\n    " : ",\n    ", cancellable, error) ||
          !write_text (stream, indented, cancellable, error))
        return FALSE;
    }

  if (!write_text (stream, comparisons->len > 0 ? "\n  ]\n}\n" : "]\n}\n", cancellable, error))
    return FALSE;

  if (n_exported != NULL)
    *n_exported = comparisons->len;

  return TRUE;
}

/**
 * vd_export_to_file:
 *
 * Writes the document to @file through a temporary file that replaces it
 * only when complete, so a failed export never leaves half a document where
 * the website expects a whole one.
 */
gboolean
vd_export_to_file (VdStore        *store,
                   const char     *slug,
                   GFile          *file,
                   guint          *n_exported,
                   GCancellable   *cancellable,
                   GError        **error)
{
  g_autoptr(GFileOutputStream) out = NULL;
  g_autoptr(GOutputStream) buffered = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (VD_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                        cancellable, &local_error);
  if (out == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_set_error (error, VD_EXPORT_ERROR, VD_EXPORT_ERROR_WRITE,
                   "Could not write “%s”: %s", name, local_error->message);
      return FALSE;
    }

  buffered = g_buffered_output_stream_new_sized (G_OUTPUT_STREAM (out), 64 * 1024);

  if (!vd_export_to_stream (store, slug, buffered, n_exported, cancellable, error))
    {
      /* Cancel the replace: closing a cancelled stream keeps the old file. */
      g_autoptr(GCancellable) abort = g_cancellable_new ();

      g_cancellable_cancel (abort);
      g_output_stream_close (G_OUTPUT_STREAM (out), abort, NULL);
      return FALSE;
    }

  if (!g_output_stream_close (buffered, cancellable, &local_error))
    {
      g_set_error (error, VD_EXPORT_ERROR, VD_EXPORT_ERROR_WRITE,
                   "Could not finish the export: %s", local_error->message);
      return FALSE;
    }

  return TRUE;
}

/**
 * vd_export_to_bytes:
 *
 * Returns: (transfer full): the whole document in memory, for tests and
 *   small exports
 */
GBytes *
vd_export_to_bytes (VdStore     *store,
                    const char  *slug,
                    GError     **error)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();

  g_return_val_if_fail (VD_IS_STORE (store), NULL);

  if (!vd_export_to_stream (store, slug, out, NULL, NULL, error) ||
      !g_output_stream_close (out, NULL, error))
    return NULL;

  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
}
