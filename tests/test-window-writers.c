/* test-window-writers.c — the window beside other writers, and when writes fail
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sqlite3.h>
#include <glib/gstdio.h>

#include "vd-application.h"
#include "vd-conflict-view.h"
#include "vd-export.h"
#include "vd-import.h"
#include "vd-store-private.h"
#include "vd-test-desk.h"
#include "vd-test-util.h"
#include "vd-window-private.h"

/* Another process's edit of one section of the scorecard the page shows. */
static void
write_elsewhere (VdTestDesk *desk,
                 guint       section,
                 const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VdStore) other = vd_store_new (desk->path, &error);
  g_autoptr(VdScorecard) card = vd_test_desk_load_scorecard (desk, VD_TEST_SKEPTIC,
                                                             VD_TEST_MISTRAL);

  g_assert_no_error (error);
  g_assert_nonnull (card);
  vd_scorecard_set_section (card, section, text);
  g_assert_true (vd_store_save (other, VD_RECORD (card), &error));
  g_assert_no_error (error);
}

/* A page open on a scorecard that another process edits meanwhile never
 * writes its old copy of the other's section; and it shows the other's
 * text once it has looked (every second, by itself). */
static void
test_stale_page (VdTestDesk    *desk,
                 gconstpointer  data)
{
  VdComparisonPage *page = vd_test_desk_open_demo (desk);
  VdScorecardForm *form = VD_SCORECARD_FORM (vd_comparison_page_get_form (page, VD_TEST_SKEPTIC, 1));
  g_autoptr(VdScorecard) stored = NULL;
  g_autofree char *shown = NULL;

  write_elsewhere (desk, 1, "Written by another desk.");
  gtk_text_buffer_set_text (vd_scorecard_form_get_buffer (form, 0), "Typed in this window.", -1);
  g_assert_true (vd_window_flush (desk->window, NULL));

  stored = vd_test_desk_load_scorecard (desk, VD_TEST_SKEPTIC, VD_TEST_MISTRAL);
  g_assert_cmpstr (vd_scorecard_get_section (stored, 0), ==, "Typed in this window.");
  g_assert_cmpstr (vd_scorecard_get_section (stored, 1), ==, "Written by another desk.");
  shown = vd_test_buffer_text (vd_scorecard_form_get_buffer (form, 1));
  g_assert_cmpstr (shown, ==, "Written by another desk.");
  g_assert_cmpuint (vd_scorecard_form_get_n_conflicts (form), ==, 0);

  /* Another edit elsewhere, with nothing typed here: the form follows. */
  write_elsewhere (desk, 2, "And a third section, elsewhere.");
  while (TRUE)
    {
      g_autofree char *third = vd_test_buffer_text (vd_scorecard_form_get_buffer (form, 2));

      if (g_str_equal (third, "And a third section, elsewhere."))
        break;
      g_main_context_iteration (NULL, TRUE);
    }
}

/* The command line's --import-json run on the file while the window is
 * open on it: the window shows the imported text, and its next keystroke
 * (in another section) does not write its old copy back over it. */
static void
test_import_while_open (VdTestDesk    *desk,
                        gconstpointer  data)
{
  VdComparisonPage *page = vd_test_desk_open_demo (desk);
  VdScorecardForm *form = VD_SCORECARD_FORM (vd_comparison_page_get_form (page, VD_TEST_SKEPTIC, 1));
  g_autofree char *bundle_path = NULL;
  g_autoptr(VdStore) bundle_store = vd_test_new_demo_store (&bundle_path);
  g_autoptr(VdStore) importer = NULL;
  g_autoptr(VdScorecard) stored = NULL;
  g_autoptr(GBytes) bundle = NULL;
  g_autoptr(GError) error = NULL;
  VdImportStats stats = { 0 };

  /* A reviewer's bundle: the same demo, one section rewritten later. */
  {
    g_autoptr(VdComparison) comparison = vd_store_load_comparison_by_slug (bundle_store,
                                                                           VD_TEST_DEMO_SLUG, &error);
    g_autoptr(GListStore) cards = vd_store_list_scorecards (bundle_store, comparison, &error);

    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (cards)); i++)
      {
        g_autoptr(VdScorecard) card = g_list_model_get_item (G_LIST_MODEL (cards), i);

        if (g_str_equal (vd_scorecard_get_reviewer (card), VD_TEST_SKEPTIC) &&
            g_str_equal (vd_scorecard_get_tool (card), VD_TEST_MISTRAL))
          {
            vd_scorecard_set_section (card, 1, "Imported from the reviewer's bundle.");
            g_assert_true (vd_store_save (bundle_store, VD_RECORD (card), &error));
          }
      }
    bundle = vd_export_to_bytes (bundle_store, VD_TEST_DEMO_SLUG, &error);
    g_assert_no_error (error);
  }

  importer = vd_store_new (desk->path, &error);
  g_assert_true (vd_import_from_bytes (importer, bundle, &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.updated, >=, 1);

  while (TRUE)
    {
      g_autofree char *second = vd_test_buffer_text (vd_scorecard_form_get_buffer (form, 1));

      if (g_str_equal (second, "Imported from the reviewer's bundle."))
        break;
      g_main_context_iteration (NULL, TRUE);
    }

  gtk_text_buffer_set_text (vd_scorecard_form_get_buffer (form, 0), "Typed after the import.", -1);
  g_assert_true (vd_window_flush (desk->window, NULL));
  stored = vd_test_desk_load_scorecard (desk, VD_TEST_SKEPTIC, VD_TEST_MISTRAL);
  g_assert_cmpstr (vd_scorecard_get_section (stored, 0), ==, "Typed after the import.");
  g_assert_cmpstr (vd_scorecard_get_section (stored, 1), ==, "Imported from the reviewer's bundle.");
}

static VdConflictView *
find_conflict_view (GtkWidget *widget)
{
  if (VD_IS_CONFLICT_VIEW (widget))
    return VD_CONFLICT_VIEW (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      VdConflictView *found = find_conflict_view (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The same section typed here and written elsewhere: theirs in place, mine
 * in the conflict shown under the section; merged by hand, it is saved. */
static void
test_conflict_in_place (VdTestDesk    *desk,
                        gconstpointer  data)
{
  VdComparisonPage *page = vd_test_desk_open_demo (desk);
  VdScorecardForm *form = VD_SCORECARD_FORM (vd_comparison_page_get_form (page, VD_TEST_SKEPTIC, 1));
  g_autoptr(VdScorecard) stored = NULL;
  g_autofree char *shown = NULL;
  VdConflictView *view;
  GtkTextBuffer *merge;

  write_elsewhere (desk, 0, "Their take on it.");
  gtk_text_buffer_set_text (vd_scorecard_form_get_buffer (form, 0), "My take on it.", -1);
  g_assert_true (vd_window_flush (desk->window, NULL));

  stored = vd_test_desk_load_scorecard (desk, VD_TEST_SKEPTIC, VD_TEST_MISTRAL);
  g_assert_cmpstr (vd_scorecard_get_section (stored, 0), ==, "Their take on it.");
  g_assert_cmpuint (vd_scorecard_form_get_n_conflicts (form), ==, 1);
  view = find_conflict_view (GTK_WIDGET (form));
  g_assert_nonnull (view);
  merge = vd_conflict_view_get_buffer (view);
  shown = vd_test_buffer_text (merge);
  g_assert_cmpstr (shown, ==, "My take on it.");

  gtk_text_buffer_set_text (merge, "My take on it, and theirs.", -1);
  vd_conflict_view_keep_mine (view);
  vd_test_iterate_until_idle ();
  g_assert_cmpuint (vd_scorecard_form_get_n_conflicts (form), ==, 0);
  g_assert_true (vd_window_flush (desk->window, NULL));
  g_clear_object (&stored);
  stored = vd_test_desk_load_scorecard (desk, VD_TEST_SKEPTIC, VD_TEST_MISTRAL);
  g_assert_cmpstr (vd_scorecard_get_section (stored, 0), ==, "My take on it, and theirs.");
}

#define HAIKU "6f1c2a9e-3b4d-4e5f-8a7b-1c2d3e4f5a60"

/* A conflict outside a scorecard (a tool's description): the banner counts
 * it, Review lists it, and resolving it there ends it. */
static void
test_review_conflicts (VdTestDesk    *desk,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VdStore) other = vd_store_new (desk->path, &error);
  g_autoptr(VdTool) theirs = vd_store_load (other, VD_TYPE_TOOL, HAIKU, &error);
  g_autoptr(VdTool) mine = vd_session_lookup (desk->window->session, VD_TYPE_TOOL, HAIKU, &error);
  g_autoptr(VdTool) stored = NULL;
  const char *message;
  VdConflictView *view;

  g_assert_no_error (error);
  vd_tool_set_description (theirs, "Their description.");
  g_assert_true (vd_store_save (other, VD_RECORD (theirs), &error));
  vd_tool_set_description (mine, "My description.");
  g_assert_true (vd_window_flush (desk->window, NULL));
  vd_test_iterate_until_idle ();

  message = vd_window_get_save_message (desk->window);
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "1 field was changed"));
  g_assert_true (gtk_widget_get_visible (desk->window->review_button));

  gtk_widget_activate_action (GTK_WIDGET (desk->window), "win.review-conflicts", NULL);
  vd_test_iterate_until_idle ();
  g_assert_nonnull (vd_window_get_conflicts_list (desk->window));
  view = find_conflict_view (vd_window_get_conflicts_list (desk->window));
  g_assert_nonnull (view);
  vd_conflict_view_keep_mine (view);
  vd_test_iterate_until_idle ();
  g_assert_null (vd_window_get_save_message (desk->window));
  g_assert_null (find_conflict_view (vd_window_get_conflicts_list (desk->window)));

  g_assert_true (vd_window_flush (desk->window, NULL));
  stored = vd_store_load (other, VD_TYPE_TOOL, HAIKU, &error);
  g_assert_cmpstr (vd_tool_get_description (stored), ==, "My description.");
  gtk_window_destroy (desk->window->conflicts_window);
  vd_test_iterate_until_idle ();
  g_assert_null (vd_window_get_conflicts_list (desk->window));
}

static void
exec_sql (VdStore    *store,
          const char *sql)
{
  g_assert_cmpint (sqlite3_exec (store->db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
}

/* A full disk: the page says what was not saved and why, keeps saying it,
 * and once there is room the retry saves it with no more typing. */
static void
test_disk_full (VdTestDesk    *desk,
                gconstpointer  data)
{
  VdComparisonPage *page = vd_test_desk_open_demo (desk);
  VdScorecardForm *form = VD_SCORECARD_FORM (vd_comparison_page_get_form (page, VD_TEST_SKEPTIC, 1));
  VdStore *store = vd_window_get_store (desk->window);
  g_autoptr(GString) big = g_string_new (NULL);
  g_autoptr(VdScorecard) stored = NULL;
  g_autoptr(GSettings) settings = vd_application_new_settings ();
  const char *message;

  /* A full disk, not spelling: checking one 48 KiB paragraph takes the
   * spell adapter minutes once the dictionaries are loaded (an earlier test
   * loads them), which is not what this test is about. */
  g_settings_set_boolean (settings, "spell-check", FALSE);

  /* More than the pages the file has free, not so much that laying the
   * preview out takes long. */
  while (big->len < 48 * 1024)
    g_string_append (big, "A paragraph that the disk has no room for.\n\n");
  exec_sql (store, "PRAGMA max_page_count = 1");

  g_assert_null (vd_window_get_save_message (desk->window));
  gtk_text_buffer_set_text (vd_scorecard_form_get_buffer (form, 0), big->str, -1);
  g_assert_false (vd_window_flush (desk->window, NULL));
  message = vd_window_get_save_message (desk->window);
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "full"));

  exec_sql (store, "PRAGMA max_page_count = 1073741823");
  while (vd_window_get_save_message (desk->window) != NULL)
    g_main_context_iteration (NULL, TRUE);
  stored = vd_test_desk_load_scorecard (desk, VD_TEST_SKEPTIC, VD_TEST_MISTRAL);
  g_assert_cmpstr (vd_scorecard_get_section (stored, 0), ==, big->str);
}

/* The database deleted under the open window: it says so, by itself, and
 * offers a copy; the typed text stays in the form. */
static void
test_file_deleted (VdTestDesk    *desk,
                   gconstpointer  data)
{
  VdComparisonPage *page = vd_test_desk_open_demo (desk);
  VdScorecardForm *form = VD_SCORECARD_FORM (vd_comparison_page_get_form (page, VD_TEST_SKEPTIC, 1));
  g_autofree char *shown = NULL;
  const char *message;

  g_assert_cmpint (g_unlink (desk->path), ==, 0);
  gtk_text_buffer_set_text (vd_scorecard_form_get_buffer (form, 0), "Typed after the file went.", -1);
  while ((message = vd_window_get_save_message (desk->window)) == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (strstr (message, "deleted"));
  g_assert_true (gtk_widget_get_visible (desk->window->copy_button));
  shown = vd_test_buffer_text (vd_scorecard_form_get_buffer (form, 0));
  g_assert_cmpstr (shown, ==, "Typed after the file went.");
  g_assert_false (g_file_test (desk->path, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/window-writers/stale-page", VdTestDesk, NULL,
              vd_test_desk_set_up, test_stale_page, vd_test_desk_tear_down);
  g_test_add ("/window-writers/import-while-open", VdTestDesk, NULL,
              vd_test_desk_set_up, test_import_while_open, vd_test_desk_tear_down);
  g_test_add ("/window-writers/conflict-in-place", VdTestDesk, NULL,
              vd_test_desk_set_up, test_conflict_in_place, vd_test_desk_tear_down);
  g_test_add ("/window-writers/review-conflicts", VdTestDesk, NULL,
              vd_test_desk_set_up, test_review_conflicts, vd_test_desk_tear_down);
  g_test_add ("/window-writers/disk-full", VdTestDesk, NULL,
              vd_test_desk_set_up, test_disk_full, vd_test_desk_tear_down);
  g_test_add ("/window-writers/file-deleted", VdTestDesk, NULL,
              vd_test_desk_set_up, test_file_deleted, vd_test_desk_tear_down);

  return g_test_run ();
}
