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
#include "vd-export-private.h"
#include "vd-panel.h"
#include "vd-readiness.h"
#include "vd-record-json.h"

static void
write_percent (VdJsonWriter *writer,
               const char   *member,
               int           percent)
{
  if (percent < 0)
    vd_json_writer_null (writer, member);
  else
    vd_json_writer_int (writer, member, percent);
}

static void
write_tool (VdJsonWriter *writer,
            VdTool       *tool,
            VdPanel      *panel)
{
  g_autofree char *community = vd_tool_dup_community_label (tool);

  vd_json_writer_begin_object (writer, NULL);
  vd_record_json_write_fields (VD_RECORD (tool), writer);
  vd_json_writer_string (writer, "pricing_label",
                         vd_pricing_get_label (vd_tool_get_pricing (tool)));

  vd_json_writer_begin_object (writer, "panel");
  vd_json_writer_int (writer, "ship_votes", vd_panel_get_ship_votes (panel));
  vd_json_writer_int (writer, "skip_votes", vd_panel_get_skip_votes (panel));
  vd_json_writer_int (writer, "undecided", vd_panel_get_undecided (panel));
  vd_json_writer_int (writer, "no_verdict", vd_panel_get_no_verdict (panel));
  vd_json_writer_int (writer, "decided", vd_panel_get_decided (panel));
  write_percent (writer, "ship_percent", vd_panel_get_ship_percent (panel));
  vd_json_writer_string (writer, "ship_label", vd_panel_get_ship_label (panel));
  vd_json_writer_string (writer, "decided_label", vd_panel_get_decided_label (panel));
  vd_json_writer_end_object (writer);

  vd_json_writer_begin_object (writer, "community");
  write_percent (writer, "percent", vd_tool_get_community_percent (tool));
  vd_json_writer_string (writer, "label", community);
  vd_json_writer_end_object (writer);

  vd_json_writer_end_object (writer);
}

static void
write_split (VdJsonWriter        *writer,
             const char * const  *panel_uuids,
             VdPanel            **panels)
{
  vd_json_writer_begin_array (writer, "split");
  for (guint i = 0; panel_uuids[i] != NULL; i++)
    {
      vd_json_writer_begin_object (writer, NULL);
      vd_json_writer_string (writer, "reviewer", panel_uuids[i]);
      vd_json_writer_begin_array (writer, "verdicts");
      for (guint t = 0; t < 2; t++)
        {
          VdVerdict verdict = vd_panel_get_verdict (panels[t], panel_uuids[i]);

          vd_json_writer_string (writer, NULL, vd_enum_to_nick (VD_TYPE_VERDICT, verdict));
        }
      vd_json_writer_end_array (writer);
      vd_json_writer_end_object (writer);
    }
  vd_json_writer_end_array (writer);
}

static void
write_scorecards (VdJsonWriter *writer,
                  GListModel   *scorecards)
{
  guint n = g_list_model_get_n_items (scorecards);

  vd_json_writer_begin_array (writer, "scorecards");
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VdScorecard) scorecard = g_list_model_get_item (scorecards, i);
      g_autofree char *quote = vd_scorecard_dup_quote (scorecard);

      vd_json_writer_begin_object (writer, NULL);
      vd_record_json_write_fields (VD_RECORD (scorecard), writer);
      vd_json_writer_string (writer, "quote", quote);
      vd_json_writer_end_object (writer);
    }
  vd_json_writer_end_array (writer);
}

/* The scorecards the page shows: a reviewer who left the panel keeps their
 * scorecards in the database (they come back on rejoining), and one for a
 * tool the comparison no longer compares stays too, but the page cannot name
 * either, and an import would refuse a document that carried them. */
static GListStore *
list_page_scorecards (VdStore       *store,
                      VdComparison  *comparison,
                      GError       **error)
{
  g_autoptr(GListStore) stored = vd_store_list_scorecards (store, comparison, error);
  const char * const *panel = vd_comparison_get_panel (comparison);
  GListStore *shown;
  guint n;

  if (stored == NULL)
    return NULL;

  shown = g_list_store_new (VD_TYPE_SCORECARD);
  n = g_list_model_get_n_items (G_LIST_MODEL (stored));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VdScorecard) scorecard = g_list_model_get_item (G_LIST_MODEL (stored), i);
      const char *tool = vd_scorecard_get_tool (scorecard);

      if (g_strv_contains (panel, vd_scorecard_get_reviewer (scorecard)) &&
          (g_str_equal (tool, vd_comparison_get_tool_a (comparison)) ||
           g_str_equal (tool, vd_comparison_get_tool_b (comparison))))
        g_list_store_append (shown, scorecard);
    }

  return shown;
}

/* What a page is made of, as stored. */
typedef struct
{
  VdTool     *tools[2];
  GListStore *reviewers;    /* VdReviewer, panel order */
  GListStore *scorecards;   /* the page's, see list_page_scorecards() */
} PageParts;

static void
page_parts_clear (PageParts *parts)
{
  g_clear_object (&parts->tools[0]);
  g_clear_object (&parts->tools[1]);
  g_clear_object (&parts->reviewers);
  g_clear_object (&parts->scorecards);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PageParts, page_parts_clear)

static gboolean
load_page_parts (VdStore       *store,
                 VdComparison  *comparison,
                 PageParts     *parts,
                 GError       **error)
{
  const char * const *panel = vd_comparison_get_panel (comparison);

  if (!(parts->tools[0] = vd_store_load (store, VD_TYPE_TOOL, vd_comparison_get_tool_a (comparison),
                                         error)) ||
      !(parts->tools[1] = vd_store_load (store, VD_TYPE_TOOL, vd_comparison_get_tool_b (comparison),
                                         error)) ||
      !(parts->scorecards = list_page_scorecards (store, comparison, error)))
    return FALSE;

  parts->reviewers = g_list_store_new (VD_TYPE_REVIEWER);
  for (guint i = 0; panel[i] != NULL; i++)
    {
      g_autoptr(VdReviewer) reviewer = vd_store_load (store, VD_TYPE_REVIEWER, panel[i], error);

      if (reviewer == NULL)
        return FALSE;
      g_list_store_append (parts->reviewers, reviewer);
    }

  /* The page shows a section under each prompt and nothing else, as the
   * forms do: text past the prompts (a persona changed to one with fewer)
   * stays in the database and out of the page. */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (parts->scorecards)); i++)
    {
      g_autoptr(VdScorecard) card = g_list_model_get_item (G_LIST_MODEL (parts->scorecards), i);
      const char * const *sections = vd_scorecard_get_sections (card);
      guint n_prompts = 0;

      for (guint r = 0; panel[r] != NULL; r++)
        if (g_str_equal (panel[r], vd_scorecard_get_reviewer (card)))
          {
            g_autoptr(VdReviewer) reviewer = g_list_model_get_item (G_LIST_MODEL (parts->reviewers),
                                                                    r);

            n_prompts = g_strv_length ((char **) vd_reviewer_get_prompts (reviewer));
          }
      if (g_strv_length ((char **) sections) > n_prompts)
        {
          g_auto(GStrv) shown = g_new0 (char *, n_prompts + 1);

          for (guint s = 0; s < n_prompts; s++)
            shown[s] = g_strdup (sections[s]);
          vd_scorecard_set_sections (card, (const char * const *) shown);
        }
    }

  return TRUE;
}

/* The newest of the records the page shows: when the page last changed. */
static gint64
page_parts_updated (VdComparison *comparison,
                    PageParts    *parts)
{
  gint64 updated = vd_record_get_updated (VD_RECORD (comparison));
  GListModel *lists[] = { G_LIST_MODEL (parts->reviewers), G_LIST_MODEL (parts->scorecards) };

  for (guint t = 0; t < 2; t++)
    updated = MAX (updated, vd_record_get_updated (VD_RECORD (parts->tools[t])));
  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; i < g_list_model_get_n_items (lists[l]); i++)
      {
        g_autoptr(VdRecord) record = g_list_model_get_item (lists[l], i);

        updated = MAX (updated, vd_record_get_updated (record));
      }

  return updated;
}

/* Appends one comparison's page to @out, laid out as it sits in the
 * document: nested two levels in. Written straight as text (the layout is
 * JsonGenerator's, see vd_json_writer_init()), since a tree per page cost
 * more than the database reads. @updated, if given, is set to when the page
 * last changed: the newest of its records. */
gboolean
_vd_export_write_comparison (VdStore       *store,
                             VdComparison  *comparison,
                             GString       *out,
                             gint64        *updated,
                             GError       **error)
{
  g_auto(PageParts) parts = { { NULL, NULL }, NULL, NULL };
  g_autoptr(VdPanel) panel_a = NULL;
  g_autoptr(VdPanel) panel_b = NULL;
  const char * const *panel_uuids = vd_comparison_get_panel (comparison);
  VdPanel *panels[2];
  VdJsonWriter writer;
  guint n_reviewers;

  if (!load_page_parts (store, comparison, &parts, error))
    return FALSE;

  if (updated != NULL)
    *updated = page_parts_updated (comparison, &parts);

  panels[0] = panel_a = vd_panel_new (comparison, vd_record_get_uuid (VD_RECORD (parts.tools[0])),
                                      G_LIST_MODEL (parts.scorecards));
  panels[1] = panel_b = vd_panel_new (comparison, vd_record_get_uuid (VD_RECORD (parts.tools[1])),
                                      G_LIST_MODEL (parts.scorecards));

  vd_json_writer_init (&writer, out, 4);
  vd_json_writer_begin_object (&writer, NULL);
  vd_record_json_write_fields (VD_RECORD (comparison), &writer);

  vd_json_writer_begin_array (&writer, "tools");
  write_tool (&writer, parts.tools[0], panel_a);
  write_tool (&writer, parts.tools[1], panel_b);
  vd_json_writer_end_array (&writer);

  vd_json_writer_begin_array (&writer, "reviewers");
  n_reviewers = g_list_model_get_n_items (G_LIST_MODEL (parts.reviewers));
  for (guint i = 0; i < n_reviewers; i++)
    {
      g_autoptr(VdReviewer) reviewer = g_list_model_get_item (G_LIST_MODEL (parts.reviewers), i);

      vd_json_writer_begin_object (&writer, NULL);
      vd_record_json_write_fields (VD_RECORD (reviewer), &writer);
      vd_json_writer_end_object (&writer);
    }
  vd_json_writer_end_array (&writer);

  write_split (&writer, panel_uuids, panels);
  write_scorecards (&writer, G_LIST_MODEL (parts.scorecards));

  vd_json_writer_end_object (&writer);
  return TRUE;
}

/* The document's frame: a head, each item after its separator, a tail; the
 * website's document and the folder's index share it. */
char *
_vd_export_dup_head (const char *format)
{
  return g_strdup_printf ("{\n  \"format\" : \"%s\",\n  \"schema_version\" : %d,\n"
                          "  \"comparisons\" : [",
                          format, VD_EXPORT_SCHEMA_VERSION);
}

const char *
_vd_export_item_separator (guint index)
{
  return index == 0 ? "\n    " : ",\n    ";
}

const char *
_vd_export_tail (guint n_items)
{
  return n_items > 0 ? "\n  ]\n}\n" : "]\n}\n";
}

static gboolean
write_text (GOutputStream  *stream,
            const char     *text,
            gssize          len,
            GCancellable   *cancellable,
            GError        **error)
{
  g_autoptr(GError) local_error = NULL;

  if (len < 0)
    len = strlen (text);

  if (!g_output_stream_write_all (stream, text, len, NULL, cancellable, &local_error))
    {
      g_set_error (error, VD_EXPORT_ERROR, VD_EXPORT_ERROR_WRITE,
                   "Could not write the export: %s", local_error->message);
      return FALSE;
    }

  return TRUE;
}

/* The comparisons to export, in slug order: one by slug, or every one that
 * is ready or published. */
GPtrArray *
_vd_export_select (VdStore     *store,
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

/* The readiness rules over @comparison's page as stored: what the export
 * refuses and the desk's readiness watcher flags. */
GPtrArray *
_vd_export_check_page (VdStore       *store,
                       VdComparison  *comparison,
                       GError       **error)
{
  g_auto(PageParts) parts = { { NULL, NULL }, NULL, NULL };

  if (!load_page_parts (store, comparison, &parts, error))
    return NULL;

  return vd_readiness_check (comparison, parts.tools[0], parts.tools[1],
                             G_LIST_MODEL (parts.reviewers), G_LIST_MODEL (parts.scorecards));
}

/* What the website receives is what the editor approved: a ready or
 * published comparison that fails the rules stops the whole export, before
 * a byte is written, and the message names each one with what it lacks. */
gboolean
_vd_export_check_complete (VdStore       *store,
                           GPtrArray     *comparisons,
                           GError       **error)
{
  g_autoptr(GString) report = g_string_new (NULL);
  guint n_failed = 0;

  for (guint i = 0; i < comparisons->len; i++)
    {
      VdComparison *comparison = g_ptr_array_index (comparisons, i);
      g_autoptr(GPtrArray) problems = NULL;
      g_autofree char *line = NULL;

      if (!(problems = _vd_export_check_page (store, comparison, error)))
        return FALSE;
      if (problems->len == 0)
        continue;

      line = vd_readiness_join (problems);
      g_string_append_printf (report, "%s“%s” (%s): %s", n_failed > 0 ? " · " : "",
                              vd_comparison_get_slug (comparison),
                              vd_status_get_label (vd_comparison_get_status (comparison)), line);
      n_failed++;
    }

  if (n_failed == 0)
    return TRUE;

  g_set_error (error, VD_EXPORT_ERROR, VD_EXPORT_ERROR_NOT_READY,
               "Nothing was exported: %u %s marked ready or published but not complete: %s",
               n_failed, n_failed == 1 ? "comparison is" : "comparisons are", report->str);
  return FALSE;
}

/**
 * vd_export_to_stream:
 * @slug: (nullable): the comparison to export; %NULL for every comparison
 *   that is ready or published
 * @n_exported: (out) (optional): how many comparisons were written
 *
 * Writes the JSON document to @stream. The document is valid and complete
 * only when this returns %TRUE. Without @slug, a ready or published
 * comparison that fails the readiness rules is an error
 * (%VD_EXPORT_ERROR_NOT_READY) and nothing is written; one named by @slug
 * is written whatever its state, for previews.
 */
gboolean
vd_export_to_stream (VdStore        *store,
                     const char     *slug,
                     GOutputStream  *stream,
                     guint          *n_exported,
                     GCancellable   *cancellable,
                     GError        **error)
{
  return vd_export_to_stream_full (store, slug, VD_EXPORT_FLAGS_NONE, stream, n_exported,
                                   cancellable, error);
}

/**
 * vd_export_to_stream_full:
 *
 * vd_export_to_stream(), with @flags.
 */
gboolean
vd_export_to_stream_full (VdStore        *store,
                          const char     *slug,
                          VdExportFlags   flags,
                          GOutputStream  *stream,
                          guint          *n_exported,
                          GCancellable   *cancellable,
                          GError        **error)
{
  g_autoptr(GPtrArray) comparisons = NULL;
  g_autoptr(GString) page = g_string_sized_new (64 * 1024);
  g_autofree char *head = NULL;
  gboolean ok = FALSE;

  g_return_val_if_fail (VD_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  /* One read transaction: every page comes from the same snapshot, and
   * SQLite takes its locks once instead of once per query. */
  if (!vd_store_begin_read (store, error))
    return FALSE;

  if (!(comparisons = _vd_export_select (store, slug, error)))
    goto out;

  if (slug == NULL && !(flags & VD_EXPORT_INCOMPLETE) &&
      !_vd_export_check_complete (store, comparisons, error))
    goto out;

  head = _vd_export_dup_head (VD_EXPORT_FORMAT);
  if (!write_text (stream, head, -1, cancellable, error))
    goto out;

  for (guint i = 0; i < comparisons->len; i++)
    {
      /* One page at a time: memory stays bounded by the largest page. */
      g_string_assign (page, _vd_export_item_separator (i));
      if (!_vd_export_write_comparison (store, g_ptr_array_index (comparisons, i), page, NULL,
                                        error) ||
          !write_text (stream, page->str, page->len, cancellable, error))
        goto out;
    }

  if (!write_text (stream, _vd_export_tail (comparisons->len), -1, cancellable, error))
    goto out;

  ok = TRUE;

out:
  vd_store_end_read (store);
  if (!ok)
    return FALSE;

  if (n_exported != NULL)
    *n_exported = comparisons->len;

  return TRUE;
}

/* Closes @out so that the temporary file it writes is thrown away and
 * whatever was at the destination stays: GLib renames only on a close that
 * is not cancelled. */
static void
abandon_replace (GFileOutputStream *out)
{
  g_autoptr(GCancellable) abort = g_cancellable_new ();

  g_cancellable_cancel (abort);
  g_output_stream_close (G_OUTPUT_STREAM (out), abort, NULL);
}

/* Writes to the stream it is given; its error says what failed. */
typedef gboolean (*WriteFunc) (GOutputStream  *stream,
                               gpointer        data,
                               GCancellable   *cancellable,
                               GError        **error);

/* Writes @file through a temporary file that replaces it only when
 * complete: on any error, a full disk included, the file that was there
 * keeps every byte. */
static gboolean
replace_file (GFile         *file,
              WriteFunc      write,
              gpointer       data,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(GFileOutputStream) out = NULL;
  g_autoptr(GOutputStream) buffered = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = g_file_get_parse_name (file);
  /* GLib writes a new file in place, with no temporary file to abandon. */
  gboolean existed = g_file_query_exists (file, cancellable);

  out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                        cancellable, &local_error);
  if (out == NULL)
    {
      g_set_error (error, VD_EXPORT_ERROR, VD_EXPORT_ERROR_WRITE,
                   "Could not write “%s”: %s", name, local_error->message);
      return FALSE;
    }

  /* The buffer must never close the file itself: a buffered stream whose
   * last flush fails still closes its base stream, and that close renames
   * the short temporary file over the destination. The file is closed
   * below, and only once every byte has reached it. */
  buffered = g_buffered_output_stream_new_sized (G_OUTPUT_STREAM (out), 64 * 1024);
  g_filter_output_stream_set_close_base_stream (G_FILTER_OUTPUT_STREAM (buffered), FALSE);

  if (!write (buffered, data, cancellable, &local_error) ||
      !g_output_stream_flush (buffered, cancellable, &local_error) ||
      !g_output_stream_close (buffered, cancellable, &local_error))
    {
      abandon_replace (out);
      if (!existed)
        g_file_delete (file, NULL, NULL);
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                  "“%s” is unchanged: ", name);
      return FALSE;
    }

  /* Syncs the temporary file (GLib does when it replaces one), then renames
   * it over the destination; on error the temporary file is removed. */
  if (!g_output_stream_close (G_OUTPUT_STREAM (out), cancellable, &local_error))
    {
      g_set_error (error, VD_EXPORT_ERROR, VD_EXPORT_ERROR_WRITE,
                   "Could not finish writing “%s”: %s", name, local_error->message);
      return FALSE;
    }

  return TRUE;
}

typedef struct
{
  VdStore    *store;
  const char *slug;
  guint       n;
} DocumentJob;

static gboolean
write_document (GOutputStream  *stream,
                gpointer        data,
                GCancellable   *cancellable,
                GError        **error)
{
  DocumentJob *job = data;

  return vd_export_to_stream (job->store, job->slug, stream, &job->n, cancellable, error);
}

/**
 * vd_export_to_file:
 *
 * Writes the document to @file through a temporary file that replaces it
 * only when complete, so a failed export never leaves half a document where
 * the website expects a whole one: on any error, a full disk included, the
 * file that was there keeps every byte.
 */
gboolean
vd_export_to_file (VdStore        *store,
                   const char     *slug,
                   GFile          *file,
                   guint          *n_exported,
                   GCancellable   *cancellable,
                   GError        **error)
{
  DocumentJob job = { store, slug, 0 };

  g_return_val_if_fail (VD_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!replace_file (file, write_document, &job, cancellable, error))
    return FALSE;

  if (n_exported != NULL)
    *n_exported = job.n;

  return TRUE;
}

static gboolean
write_bytes (GOutputStream  *stream,
             gpointer        data,
             GCancellable   *cancellable,
             GError        **error)
{
  GBytes *bytes = data;
  g_autoptr(GError) local_error = NULL;

  if (!g_output_stream_write_all (stream, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                  NULL, cancellable, &local_error))
    {
      g_set_error (error, VD_EXPORT_ERROR, VD_EXPORT_ERROR_WRITE, "%s", local_error->message);
      return FALSE;
    }

  return TRUE;
}

/**
 * vd_export_bytes_to_file:
 *
 * Writes @bytes (a share image, say) to @file as vd_export_to_file() writes
 * the document: whole, or not at all, the previous file kept on any error.
 */
gboolean
vd_export_bytes_to_file (GBytes        *bytes,
                         GFile         *file,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_return_val_if_fail (bytes != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  return replace_file (file, write_bytes, bytes, cancellable, error);
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
