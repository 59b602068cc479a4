/* test-window.c — the real desk on a real database, driven through its
 * widgets' API under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <signal.h>
#include <sys/resource.h>

#include "vd-comparison-page.h"
#include "vd-export.h"
#include "vd-preview.h"
#include "vd-scorecard-form.h"
#include "vd-sidebar.h"
#include "vd-test-util.h"
#include "vd-tool-editor.h"
#include "vd-window.h"

#define DEMO_SLUG "claude-haiku-open-weights-vs-mistral-medium-3"
#define DEMO_UUID "9a4d6e2f-7c1b-4e3a-b5d8-0f2e4c6a8b10"
#define MISTRAL   "6f1c2a9e-3b4d-4e5f-8a7b-1c2d3e4f5a61"
#define SKEPTIC   "2b7e9c41-5d6a-4f8b-9c0d-7e1f2a3b4c51"

typedef struct
{
  char      *path;
  VdStore   *store;
  VdWindow  *window;
} Desk;

static void
iterate_until_idle (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static void
desk_set_up (Desk          *desk,
             gconstpointer  data)
{
  desk->store = vd_test_new_demo_store (&desk->path);
  desk->window = g_object_ref_sink (vd_window_new (NULL, desk->store, NULL));
  gtk_window_set_default_size (GTK_WINDOW (desk->window), 1400, 900);
  gtk_window_present (GTK_WINDOW (desk->window));
  while (!gtk_widget_get_mapped (GTK_WIDGET (desk->window)))
    g_main_context_iteration (NULL, TRUE);
}

static void
desk_tear_down (Desk          *desk,
                gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (desk->window));
  iterate_until_idle ();
  g_clear_object (&desk->window);
  g_clear_object (&desk->store);
  g_free (desk->path);
}

static VdComparisonPage *
open_demo (Desk *desk)
{
  GtkWidget *content;

  g_assert_true (vd_window_open_record (desk->window, VD_TYPE_COMPARISON, DEMO_UUID));
  content = vd_window_get_content (desk->window);
  g_assert_true (VD_IS_COMPARISON_PAGE (content));
  iterate_until_idle ();
  return VD_COMPARISON_PAGE (content);
}

/* A second connection, as the website's export would read the file. */
static VdScorecard *
stored_scorecard (Desk       *desk,
                  const char *reviewer,
                  const char *tool)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VdStore) reader = vd_store_new (desk->path, &error);
  g_autoptr(VdComparison) comparison = vd_store_load_comparison_by_slug (reader, DEMO_SLUG, &error);
  g_autoptr(GListStore) cards = vd_store_list_scorecards (reader, comparison, &error);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (cards));

  g_assert_no_error (error);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VdScorecard) card = g_list_model_get_item (G_LIST_MODEL (cards), i);

      if (g_str_equal (vd_scorecard_get_reviewer (card), reviewer) &&
          g_str_equal (vd_scorecard_get_tool (card), tool))
        return g_steal_pointer (&card);
    }

  return NULL;
}

static void
test_typing_updates_preview_and_database (Desk          *desk,
                                          gconstpointer  data)
{
  VdComparisonPage *page = open_demo (desk);
  VdPreview *preview = vd_comparison_page_get_preview (page);
  VdScorecardForm *form = VD_SCORECARD_FORM (vd_comparison_page_get_form (page, SKEPTIC, 1));
  GtkLabel *quote = vd_preview_get_quote_label (preview, SKEPTIC, 1);
  GtkTextBuffer *buffer;
  g_autoptr(VdScorecard) stored = NULL;
  const char *text = "<b>Bold</b> & co 🚀 مرحبا بالعالم";
  GtkTextIter end;

  g_assert_nonnull (form);
  g_assert_nonnull (quote);
  buffer = vd_scorecard_form_get_buffer (form, 2);
  gtk_text_buffer_set_text (buffer, text, -1);

  /* The preview's label for that card changed, and shows the text as text. */
  g_assert_true (vd_preview_get_quote_label (preview, SKEPTIC, 1) == quote);
  g_assert_nonnull (strstr (gtk_label_get_label (quote), text));
  g_assert_false (gtk_label_get_use_markup (quote));

  /* Autosave: no save button, the main loop writes it. Wait for the file. */
  while (stored == NULL || g_strcmp0 (vd_scorecard_get_section (stored, 2), text) != 0)
    {
      g_clear_object (&stored);
      g_main_context_iteration (NULL, TRUE);
      stored = stored_scorecard (desk, SKEPTIC, MISTRAL);
    }

  /* Undo in the text field goes back, and so does the database. */
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, " more", -1);
  gtk_text_buffer_undo (buffer);
  g_assert_true (vd_window_flush (desk->window, NULL));
  g_clear_object (&stored);
  stored = stored_scorecard (desk, SKEPTIC, MISTRAL);
  g_assert_cmpstr (vd_scorecard_get_section (stored, 2), ==, text);
}

static void
test_verdict_updates_figures (Desk          *desk,
                              gconstpointer  data)
{
  VdComparisonPage *page = open_demo (desk);
  VdPreview *preview = vd_comparison_page_get_preview (page);
  GtkLabel *ship = vd_preview_get_ship_label (preview, 1);
  VdScorecardForm *form = VD_SCORECARD_FORM (vd_comparison_page_get_form (page, SKEPTIC, 1));
  g_autoptr(VdScorecard) stored = NULL;

  g_assert_cmpstr (gtk_label_get_label (ship), ==, "100%");
  vd_scorecard_form_set_verdict (form, VD_VERDICT_SKIP);
  g_assert_cmpstr (gtk_label_get_label (ship), ==, "75%");
  g_assert_true (vd_preview_get_ship_label (preview, 1) == ship);

  g_assert_true (vd_window_flush (desk->window, NULL));
  stored = stored_scorecard (desk, SKEPTIC, MISTRAL);
  g_assert_cmpint (vd_scorecard_get_verdict (stored), ==, VD_VERDICT_SKIP);
}

static void
wait_for_choices (GListModel *choices,
                  guint       n)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (g_list_model_get_n_items (choices) != n)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

/* The panel lists its members; everyone else is found with the picker. */
static void
test_panel_picker (Desk          *desk,
                   gconstpointer  data)
{
  VdComparisonPage *page = open_demo (desk);
  VdComparison *comparison = vd_page_get_comparison (vd_comparison_page_get_page (page));
  VdReviewerPicker *picker = vd_comparison_page_get_reviewer_picker (page);
  GListModel *choices = vd_reviewer_picker_get_choices (picker);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) three = NULL;
  g_autoptr(VdSummary) offered = NULL;
  const char * const *panel = vd_comparison_get_panel (comparison);

  /* Every demo reviewer is on the panel: nobody to add. */
  wait_for_choices (choices, 0);

  /* Off the panel, the skeptic is offered, and found by name. */
  for (guint i = 0; panel[i] != NULL; i++)
    if (!g_str_equal (panel[i], SKEPTIC))
      g_strv_builder_add (builder, panel[i]);
  three = g_strv_builder_end (builder);
  vd_comparison_set_panel (comparison, (const char * const *) three);
  wait_for_choices (choices, 1);
  offered = g_list_model_get_item (choices, 0);
  g_assert_cmpstr (vd_summary_get_uuid (offered), ==, SKEPTIC);
  vd_reviewer_picker_set_search (picker, "WEBB");
  g_assert_cmpuint (g_list_model_get_n_items (choices), ==, 1);
  vd_reviewer_picker_set_search (picker, "nobody by that name");
  g_assert_cmpuint (g_list_model_get_n_items (choices), ==, 0);
  vd_reviewer_picker_set_search (picker, "webb");

  /* Picked, they join at the end of the panel and leave the choices. */
  vd_reviewer_picker_pick (picker, 0);
  panel = vd_comparison_get_panel (comparison);
  g_assert_cmpuint (g_strv_length ((char **) panel), ==, 4);
  g_assert_cmpstr (panel[3], ==, SKEPTIC);
  wait_for_choices (choices, 0);
}

static void
on_refused (VdComparisonPage *page,
            GPtrArray        *problems,
            guint            *n_problems)
{
  *n_problems = problems->len;
}

static void
test_status_needs_readiness (Desk          *desk,
                             gconstpointer  data)
{
  VdComparisonPage *page = open_demo (desk);
  VdComparison *comparison = vd_page_get_comparison (vd_comparison_page_get_page (page));
  VdScorecardForm *form = VD_SCORECARD_FORM (vd_comparison_page_get_form (page, SKEPTIC, 0));
  guint n_problems = 0;

  g_signal_connect (page, "readiness-refused", G_CALLBACK (on_refused), &n_problems);

  /* The demo is complete: back to draft and ready again is allowed. */
  g_assert_true (vd_comparison_page_request_status (page, VD_STATUS_DRAFT));
  g_assert_true (vd_comparison_page_request_status (page, VD_STATUS_READY));
  g_assert_cmpuint (n_problems, ==, 0);

  /* An explicit Undecided is an answer: the page may still go Ready. */
  g_assert_true (vd_comparison_page_request_status (page, VD_STATUS_IN_REVIEW));
  vd_scorecard_form_set_verdict (form, VD_VERDICT_UNDECIDED);
  g_assert_true (vd_comparison_page_request_status (page, VD_STATUS_READY));
  g_assert_cmpuint (n_problems, ==, 0);

  /* An empty section and no verdict yet keep it from being ready. */
  g_assert_true (vd_comparison_page_request_status (page, VD_STATUS_IN_REVIEW));
  gtk_text_buffer_set_text (vd_scorecard_form_get_buffer (form, 0), "", -1);
  vd_scorecard_set_verdict (vd_scorecard_form_get_scorecard (form), VD_VERDICT_NONE);
  g_assert_false (vd_comparison_page_request_status (page, VD_STATUS_READY));
  g_assert_cmpuint (n_problems, ==, 2);
  g_assert_cmpint (vd_comparison_get_status (comparison), ==, VD_STATUS_IN_REVIEW);
  g_assert_cmpuint (adw_combo_row_get_selected (vd_comparison_page_get_status_row (page)), ==,
                    VD_STATUS_IN_REVIEW);

  /* The combo row goes the same way. */
  adw_combo_row_set_selected (vd_comparison_page_get_status_row (page), VD_STATUS_PUBLISHED);
  g_assert_cmpint (vd_comparison_get_status (comparison), ==, VD_STATUS_IN_REVIEW);
  g_assert_cmpuint (adw_combo_row_get_selected (vd_comparison_page_get_status_row (page)), ==,
                    VD_STATUS_IN_REVIEW);
}

static void
collect_action_rows (GtkWidget *widget,
                     GPtrArray *rows)
{
  if (ADW_IS_ACTION_ROW (widget))
    g_ptr_array_add (rows, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_action_rows (child, rows);
}

/* A published page that loses a section is flagged at once, on the page,
 * and the flag takes the editor to the field. */
static void
test_flag_after_edit (Desk          *desk,
                      gconstpointer  data)
{
  VdComparisonPage *page = open_demo (desk);
  VdComparison *comparison = vd_page_get_comparison (vd_comparison_page_get_page (page));
  VdScorecardForm *form = VD_SCORECARD_FORM (vd_comparison_page_get_form (page, SKEPTIC, 1));
  GtkWidget *flag = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (page),
                                                               VD_TYPE_COMPARISON_PAGE,
                                                               "flag_group"));
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  GtkWidget *focus;

  g_assert_cmpint (vd_comparison_get_status (comparison), ==, VD_STATUS_PUBLISHED);
  g_assert_false (gtk_widget_get_visible (flag));

  gtk_text_buffer_set_text (vd_scorecard_form_get_buffer (form, 1), "", -1);
  g_assert_true (gtk_widget_get_visible (flag));
  collect_action_rows (flag, rows);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpstr (adw_preferences_row_get_title (g_ptr_array_index (rows, 0)), ==,
                   "Marcus Webb’s “Where this breaks” on “Mistral Medium 3” is empty");
  g_assert_false (adw_preferences_row_get_use_markup (g_ptr_array_index (rows, 0)));

  /* Activated, the row focuses that section's text. */
  g_signal_emit_by_name (g_ptr_array_index (rows, 0), "activated");
  focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (page)));
  g_assert_true (GTK_IS_TEXT_VIEW (focus));
  g_assert_true (gtk_text_view_get_buffer (GTK_TEXT_VIEW (focus)) ==
                 vd_scorecard_form_get_buffer (form, 1));

  /* A draft may be incomplete; published again, the flag is back. */
  g_assert_true (vd_comparison_page_request_status (page, VD_STATUS_DRAFT));
  g_assert_false (gtk_widget_get_visible (flag));
  gtk_text_buffer_set_text (vd_scorecard_form_get_buffer (form, 1), "Filled in again.", -1);
  g_assert_true (vd_comparison_page_request_status (page, VD_STATUS_PUBLISHED));
  g_assert_false (gtk_widget_get_visible (flag));
}

static gboolean
sidebar_has_title (Desk       *desk,
                   GType       kind,
                   const char *title)
{
  GListModel *model = vd_sidebar_get_model (VD_SIDEBAR (vd_window_get_sidebar (desk->window)),
                                            kind);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VdSummary) summary = g_list_model_get_item (model, i);

      if (g_str_equal (vd_summary_get_title (summary), title))
        return TRUE;
    }

  return FALSE;
}

static void
test_title_reaches_sidebar_and_preview (Desk          *desk,
                                        gconstpointer  data)
{
  VdComparisonPage *page = open_demo (desk);
  VdPreview *preview = vd_comparison_page_get_preview (page);
  const char *title = "<i>Haiku</i> & Mistral 🚀 مقارنة";

  gtk_editable_set_text (GTK_EDITABLE (vd_comparison_page_get_title_row (page)), title);
  g_assert_cmpstr (gtk_label_get_label (vd_preview_get_title_label (preview)), ==, title);
  g_assert_false (gtk_label_get_use_markup (vd_preview_get_title_label (preview)));

  g_assert_true (vd_window_flush (desk->window, NULL));
  while (!sidebar_has_title (desk, VD_TYPE_COMPARISON, title))
    g_main_context_iteration (NULL, TRUE);
}

static void
test_tool_editor_is_shared (Desk          *desk,
                            gconstpointer  data)
{
  VdComparisonPage *page = open_demo (desk);
  VdTool *in_page = vd_page_get_tool (vd_comparison_page_get_page (page), 1);
  GtkWidget *editor;
  g_autoptr(VdTool) stored = NULL;

  g_assert_true (vd_window_open_record (desk->window, VD_TYPE_TOOL, MISTRAL));
  editor = vd_window_get_content (desk->window);
  g_assert_true (VD_IS_TOOL_EDITOR (editor));

  /* The editor edits the very object the comparison's preview shows. */
  g_assert_true (vd_tool_editor_get_tool (VD_TOOL_EDITOR (editor)) == in_page);
  gtk_editable_set_text (GTK_EDITABLE (vd_tool_editor_get_name_row (VD_TOOL_EDITOR (editor))),
                         "Mistral Medium 3.1");
  g_assert_cmpstr (vd_tool_get_name (in_page), ==, "Mistral Medium 3.1");

  g_assert_true (vd_window_flush (desk->window, NULL));
  stored = vd_store_load (desk->store, VD_TYPE_TOOL, MISTRAL, NULL);
  g_assert_cmpstr (vd_tool_get_name (stored), ==, "Mistral Medium 3.1");
  while (!sidebar_has_title (desk, VD_TYPE_TOOL, "Mistral Medium 3.1"))
    g_main_context_iteration (NULL, TRUE);
}

static void
on_exported (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  guint *n = user_data;
  g_autoptr(GError) error = NULL;

  *n = vd_window_export_finish (VD_WINDOW (object), result, &error);
  g_assert_no_error (error);
}

static void
test_export_matches_command_line (Desk          *desk,
                                  gconstpointer  data)
{
  g_autofree char *out = vd_test_path ("page.json");
  g_autoptr(GFile) file = g_file_new_for_path (out);
  g_autofree char *written = NULL;
  g_autofree char *expected = NULL;
  VdComparisonPage *page = open_demo (desk);
  VdScorecardForm *form = VD_SCORECARD_FORM (vd_comparison_page_get_form (page, SKEPTIC, 1));
  guint n = 0;

  /* An edit not yet autosaved is in the export: the window saves first. */
  vd_scorecard_form_set_verdict (form, VD_VERDICT_SKIP);
  vd_window_export_async (desk->window, file, DEMO_SLUG, NULL, on_exported, &n);
  while (n == 0)
    g_main_context_iteration (NULL, TRUE);

  g_assert_true (g_file_get_contents (out, &written, NULL, NULL));
  expected = vd_test_export (desk->store, DEMO_SLUG);
  g_assert_cmpstr (written, ==, expected);
  g_assert_nonnull (strstr (written, "\"ship_label\" : \"75%\""));
}

static void
on_export_failed (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  GError **error = user_data;

  g_assert_cmpuint (vd_window_export_finish (VD_WINDOW (object), result, error), ==, 0);
  g_assert_nonnull (*error);
}

/* The window's Export goes through the command line's code: a write that
 * fails (here past RLIMIT_FSIZE, as on a full disk) leaves the old file. */
static void
test_export_failure_keeps_file (Desk          *desk,
                                gconstpointer  data)
{
  g_autofree char *out = vd_test_path ("page.json");
  g_autoptr(GFile) file = g_file_new_for_path (out);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  struct rlimit saved, limit;
  void (*saved_handler) (int);

  g_assert_true (g_file_set_contents (out, "the page the website has", -1, NULL));
  before = vd_test_file_checksum (out);

  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  limit = (struct rlimit) { 4096, saved.rlim_max };
  saved_handler = signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
  vd_window_export_async (desk->window, file, DEMO_SLUG, NULL, on_export_failed, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  signal (SIGXFSZ, saved_handler);

  g_assert_nonnull (strstr (error->message, "page.json” is unchanged"));
  after = vd_test_file_checksum (out);
  g_assert_cmpstr (after, ==, before);
}

static void
test_new_comparison (Desk          *desk,
                     gconstpointer  data)
{
  VdRecord *current;

  gtk_widget_activate_action (GTK_WIDGET (desk->window), "win.new-comparison", NULL);
  current = vd_window_get_current (desk->window);
  g_assert_true (VD_IS_COMPARISON (current));
  g_assert_cmpstr (vd_comparison_get_slug (VD_COMPARISON (current)), ==, "new-comparison");
  g_assert_cmpint (vd_comparison_get_status (VD_COMPARISON (current)), ==, VD_STATUS_DRAFT);
  g_assert_true (vd_store_contains (desk->store, VD_TYPE_COMPARISON,
                                    vd_record_get_uuid (current), NULL, NULL));

  gtk_widget_activate_action (GTK_WIDGET (desk->window), "win.new-comparison", NULL);
  current = vd_window_get_current (desk->window);
  g_assert_cmpstr (vd_comparison_get_slug (VD_COMPARISON (current)), ==, "new-comparison-2");

  gtk_widget_activate_action (GTK_WIDGET (desk->window), "win.new-tool", NULL);
  g_assert_true (VD_IS_TOOL (vd_window_get_current (desk->window)));
  g_assert_true (VD_IS_TOOL_EDITOR (vd_window_get_content (desk->window)));
}

static void
test_narrow_takes_turns (void)
{
  g_autoptr(VdStore) store = vd_test_new_demo_store (NULL);
  g_autoptr(VdWindow) window = g_object_ref_sink (vd_window_new (NULL, store, NULL));
  VdComparisonPage *page;
  GtkWidget *preview;
  GtkWidget *editor;

  gtk_window_set_default_size (GTK_WINDOW (window), 760, 800);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (vd_window_open_record (window, VD_TYPE_COMPARISON, DEMO_UUID));
  page = VD_COMPARISON_PAGE (vd_window_get_content (window));
  editor = gtk_paned_get_start_child (GTK_PANED (gtk_widget_get_first_child (GTK_WIDGET (page))));
  preview = gtk_paned_get_end_child (GTK_PANED (gtk_widget_get_first_child (GTK_WIDGET (page))));

  while (!vd_comparison_page_get_narrow (page))
    g_main_context_iteration (NULL, TRUE);
  iterate_until_idle ();

  /* On a narrow window the preview is its own view: one or the other. */
  vd_comparison_page_set_show_preview (page, FALSE);
  g_assert_false (gtk_widget_get_visible (preview));
  g_assert_true (gtk_widget_get_visible (editor));
  vd_comparison_page_set_show_preview (page, TRUE);
  g_assert_true (gtk_widget_get_visible (preview));
  g_assert_false (gtk_widget_get_visible (editor));

  gtk_window_destroy (GTK_WINDOW (window));
  iterate_until_idle ();
}

static void
test_reviewer_filter (Desk          *desk,
                      gconstpointer  data)
{
  VdSidebar *sidebar = VD_SIDEBAR (vd_window_get_sidebar (desk->window));
  g_autoptr(VdComparison) other = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *comparisons = vd_sidebar_get_model (sidebar, VD_TYPE_COMPARISON);

  /* A second comparison without the skeptic on its panel. */
  other = vd_comparison_new ("mistral-vs-haiku", MISTRAL, "6f1c2a9e-3b4d-4e5f-8a7b-1c2d3e4f5a60");
  g_assert_true (vd_store_save (desk->store, VD_RECORD (other), &error));
  g_assert_no_error (error);
  while (g_list_model_get_n_items (comparisons) != 2)
    g_main_context_iteration (NULL, TRUE);

  vd_sidebar_set_reviewer_filter (sidebar, SKEPTIC);
  while (g_list_model_get_n_items (comparisons) != 1)
    g_main_context_iteration (NULL, TRUE);

  vd_sidebar_set_reviewer_filter (sidebar, NULL);
  vd_sidebar_set_search (sidebar, "MISTRAL-VS");
  while (g_list_model_get_n_items (comparisons) != 1)
    g_main_context_iteration (NULL, TRUE);
}

static void
test_open_error_escaped (void)
{
  g_autoptr(GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED,
                                                 "“<b>notes</b> & co.db” is not a database");
  g_autoptr(VdWindow) window = g_object_ref_sink (vd_window_new (NULL, NULL, error));
  GtkWidget *content = vd_window_get_content (window);

  /* The status page reads markup; the file name must arrive as text. */
  g_assert_true (ADW_IS_STATUS_PAGE (content));
  g_assert_cmpstr (adw_status_page_get_description (ADW_STATUS_PAGE (content)), ==,
                   "“&lt;b&gt;notes&lt;/b&gt; &amp; co.db” is not a database");
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_window_state_kept (void)
{
  g_autoptr(VdStore) store = vd_test_new_demo_store (NULL);
  g_autoptr(VdWindow) first = g_object_ref_sink (vd_window_new (NULL, store, NULL));
  g_autoptr(VdWindow) second = NULL;
  int width, height;

  gtk_window_set_default_size (GTK_WINDOW (first), 777, 555);
  gtk_window_present (GTK_WINDOW (first));
  while (!gtk_widget_get_mapped (GTK_WIDGET (first)))
    g_main_context_iteration (NULL, TRUE);
  gtk_window_destroy (GTK_WINDOW (first));   /* unmaps: saves */

  second = g_object_ref_sink (vd_window_new (NULL, store, NULL));
  gtk_window_get_default_size (GTK_WINDOW (second), &width, &height);
  g_assert_cmpint (width, ==, 777);
  g_assert_cmpint (height, ==, 555);
  gtk_window_destroy (GTK_WINDOW (second));
}

static void
test_app_icon_loads (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPixbuf) icon = NULL;

  /* The status page's icon: SVG needs gdk-pixbuf's SVG loader installed
   * (librsvg2-common), or GTK draws "image-missing" in its place. */
  icon = gdk_pixbuf_new_from_resource ("/io/github/verdictdesk/VerdictDesk/icons/scalable/apps/"
                                       "io.github.verdictdesk.VerdictDesk-symbolic.svg", &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_pixbuf_get_width (icon), >=, 16);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/window/typing-updates-preview-and-database", Desk, NULL,
              desk_set_up, test_typing_updates_preview_and_database, desk_tear_down);
  g_test_add ("/window/verdict-updates-figures", Desk, NULL,
              desk_set_up, test_verdict_updates_figures, desk_tear_down);
  g_test_add ("/window/status-needs-readiness", Desk, NULL,
              desk_set_up, test_status_needs_readiness, desk_tear_down);
  g_test_add ("/window/flag-after-edit", Desk, NULL,
              desk_set_up, test_flag_after_edit, desk_tear_down);
  g_test_add ("/window/title-reaches-sidebar-and-preview", Desk, NULL,
              desk_set_up, test_title_reaches_sidebar_and_preview, desk_tear_down);
  g_test_add ("/window/tool-editor-is-shared", Desk, NULL,
              desk_set_up, test_tool_editor_is_shared, desk_tear_down);
  g_test_add ("/window/export-matches-command-line", Desk, NULL,
              desk_set_up, test_export_matches_command_line, desk_tear_down);
  g_test_add ("/window/export-failure-keeps-file", Desk, NULL,
              desk_set_up, test_export_failure_keeps_file, desk_tear_down);
  g_test_add ("/window/new-comparison", Desk, NULL,
              desk_set_up, test_new_comparison, desk_tear_down);
  g_test_add ("/window/panel-picker", Desk, NULL,
              desk_set_up, test_panel_picker, desk_tear_down);
  g_test_add_func ("/window/narrow-takes-turns", test_narrow_takes_turns);
  g_test_add ("/window/reviewer-filter", Desk, NULL,
              desk_set_up, test_reviewer_filter, desk_tear_down);
  g_test_add_func ("/window/open-error-escaped", test_open_error_escaped);
  g_test_add_func ("/window/state-kept", test_window_state_kept);
  g_test_add_func ("/window/app-icon-loads", test_app_icon_loads);

  return g_test_run ();
}
