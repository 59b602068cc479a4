/* test-window-import.c — Import…, dropped files and the Open Database hint,
 * in the real window under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "vd-export.h"
#include "vd-search.h"
#include "vd-sidebar.h"
#include "vd-test-desk.h"
#include "vd-test-util.h"
#include "vd-window.h"

#define BUNDLE_SLUG  "zed-vs-yon"
#define BUNDLE_TITLE "Zed vs Yon"

/* A reviewer's bundle: one new comparison of two new tools, in a file. */
static GFile *
write_bundle (void)
{
  g_autoptr(VdStore) other = vd_test_new_empty_store ();
  g_autoptr(VdTool) zed = vd_tool_new ("Zed");
  g_autoptr(VdTool) yon = vd_tool_new ("Yon");
  g_autoptr(VdComparison) comparison = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = vd_test_path ("bundle.json");

  g_assert_true (vd_store_save (other, VD_RECORD (zed), &error));
  g_assert_true (vd_store_save (other, VD_RECORD (yon), &error));
  comparison = vd_comparison_new (BUNDLE_SLUG, vd_record_get_uuid (VD_RECORD (zed)),
                                  vd_record_get_uuid (VD_RECORD (yon)));
  vd_comparison_set_title (comparison, BUNDLE_TITLE);
  g_assert_true (vd_store_save (other, VD_RECORD (comparison), &error));
  bytes = vd_export_to_bytes (other, BUNDLE_SLUG, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL),
                                      g_bytes_get_size (bytes), &error));
  g_assert_no_error (error);

  return g_file_new_for_path (path);
}

static AdwMessageDialog *
find_dialog (GtkWindow *parent)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_window_get_transient_for (window) == parent &&
          gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }

  return NULL;
}

/* The worker thread answers through the main loop. */
static AdwMessageDialog *
wait_for_dialog (VdTestDesk *desk)
{
  AdwMessageDialog *dialog;

  while (!(dialog = find_dialog (GTK_WINDOW (desk->window))))
    g_main_context_iteration (NULL, TRUE);

  return dialog;
}

static void
close_dialog (AdwMessageDialog *dialog,
              const char       *response)
{
  /* As a click does: the response, then the dialog closes (which answers
   * the close response too; the window acts on neither twice). */
  adw_message_dialog_response (dialog, response);
  gtk_window_close (GTK_WINDOW (dialog));
  vd_test_iterate_until_idle ();
}

static gboolean
sidebar_has_title (VdTestDesk *desk,
                   const char *title)
{
  GListModel *model = vd_sidebar_get_model (VD_SIDEBAR (vd_window_get_sidebar (desk->window)),
                                            VD_TYPE_COMPARISON);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(VdSummary) summary = g_list_model_get_item (model, i);

      if (g_str_equal (vd_summary_get_title (summary), title))
        return TRUE;
    }

  return FALSE;
}

/* Collects the titles of the action rows under @widget. */
static void
collect_rows (GtkWidget *widget,
              GString   *titles)
{
  if (ADW_IS_ACTION_ROW (widget))
    g_string_append_printf (titles, "%s|", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_rows (child, titles);
}

static gboolean
imported (VdTestDesk *desk)
{
  g_autoptr(VdComparison) comparison = vd_store_load_comparison_by_slug (desk->store,
                                                                         BUNDLE_SLUG, NULL);

  return comparison != NULL;
}

/* The preview names what would change and writes nothing; Import writes,
 * and the comparison reaches the sidebar. */
static void
test_preview_and_import (VdTestDesk    *desk,
                         gconstpointer  data)
{
  g_autoptr(GFile) bundle = write_bundle ();
  g_autoptr(GString) rows = g_string_new (NULL);
  g_autofree char *before = vd_test_file_checksum (desk->path);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  gboolean caught_up = FALSE;
  AdwMessageDialog *dialog;

  vd_window_import_file (desk->window, bundle);
  dialog = wait_for_dialog (desk);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Import “bundle.json”?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "3 records would be added"));
  collect_rows (adw_message_dialog_get_extra_child (dialog), rows);
  g_assert_cmpstr (rows->str, ==, "Zed|Yon|" BUNDLE_TITLE "|");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "import"));

  /* Nothing written yet. */
  after = vd_test_file_checksum (desk->path);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (sidebar_has_title (desk, BUNDLE_TITLE));

  close_dialog (dialog, "import");
  while (!sidebar_has_title (desk, BUNDLE_TITLE))
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (imported (desk));
  /* The import's thread indexed what it wrote: the window's first search
   * has nothing to take in first. */
  g_assert_true (vd_store_search_is_caught_up (desk->store, &caught_up, &error));
  g_assert_no_error (error);
  g_assert_true (caught_up);

  /* The same bundle again changes nothing: Import is not offered. */
  vd_window_import_file (desk->window, bundle);
  dialog = wait_for_dialog (desk);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "3 unchanged"));
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "import"));
  close_dialog (dialog, "cancel");
}

/* A file the importer refuses: its message, naming the place, and
 * nothing changed. */
static void
test_bad_file (VdTestDesk    *desk,
               gconstpointer  data)
{
  g_autofree char *path = vd_test_path ("bad.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *before = vd_test_file_checksum (desk->path);
  g_autofree char *after = NULL;
  AdwMessageDialog *dialog;

  g_assert_true (g_file_set_contents (path, "{\"format\": \"" VD_EXPORT_FORMAT "\", \"schema_version\": 2, "
                                      "\"comparisons\": [7]}", -1, NULL));
  vd_window_import_file (desk->window, file);
  dialog = wait_for_dialog (desk);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "“bad.json” Was Not Imported");
  g_test_message ("%s", adw_message_dialog_get_body (dialog));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "comparisons[0]"));
  close_dialog (dialog, "close");
  after = vd_test_file_checksum (desk->path);
  g_assert_cmpstr (before, ==, after);
}

static GtkDropTarget *
find_drop_target (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        return GTK_DROP_TARGET (controller);
    }

  return NULL;
}

static gboolean
drop (VdTestDesk *desk,
      GFile      *file)
{
  GtkDropTarget *target = find_drop_target (GTK_WIDGET (desk->window));
  GSList *files = g_slist_prepend (NULL, file);
  g_auto(GValue) value = G_VALUE_INIT;
  gboolean accepted = FALSE;

  g_assert_nonnull (target);
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_list (files));
  g_slist_free (files);
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);

  return accepted;
}

/* A .json file dropped on the window gets the same preview; anything else
 * is refused. */
static void
test_drop (VdTestDesk    *desk,
           gconstpointer  data)
{
  g_autoptr(GFile) bundle = write_bundle ();
  g_autoptr(GFile) text = g_file_new_for_path (desk->path);
  AdwMessageDialog *dialog;

  g_assert_false (drop (desk, text));
  vd_test_iterate_until_idle ();
  g_assert_null (find_dialog (GTK_WINDOW (desk->window)));

  g_assert_true (drop (desk, bundle));
  dialog = wait_for_dialog (desk);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Import “bundle.json”?");
  close_dialog (dialog, "import");
  while (!sidebar_has_title (desk, BUNDLE_TITLE))
    g_main_context_iteration (NULL, TRUE);
}

/* Open Database on an export keeps the desk and offers to import it. */
static void
test_open_json_hint (VdTestDesk    *desk,
                     gconstpointer  data)
{
  g_autoptr(GFile) bundle = write_bundle ();
  AdwMessageDialog *dialog;

  vd_window_open_chosen_file (desk->window, bundle);
  dialog = wait_for_dialog (desk);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "“bundle.json” Is Not a Database");
  g_assert_true (vd_window_get_store (desk->window) == desk->store);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (desk->window)));

  close_dialog (dialog, "import");
  dialog = wait_for_dialog (desk);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Import “bundle.json”?");
  close_dialog (dialog, "cancel");
  g_assert_false (imported (desk));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/window-import/preview-and-import", VdTestDesk, NULL,
              vd_test_desk_set_up, test_preview_and_import, vd_test_desk_tear_down);
  g_test_add ("/window-import/bad-file", VdTestDesk, NULL,
              vd_test_desk_set_up, test_bad_file, vd_test_desk_tear_down);
  g_test_add ("/window-import/drop", VdTestDesk, NULL,
              vd_test_desk_set_up, test_drop, vd_test_desk_tear_down);
  g_test_add ("/window-import/open-json-hint", VdTestDesk, NULL,
              vd_test_desk_set_up, test_open_json_hint, vd_test_desk_tear_down);

  return g_test_run ();
}
