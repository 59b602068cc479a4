/* test-window-sync.c — the window's shared desk: its header control, syncs
 * off the main loop, what another desk sends, offline, and conflicts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The remote is a bare repository in a temporary directory; the other desk
 * is a second database synced with vd_sync_run() in this process.
 */
#include "config.h"

#include "vd-conflict-view.h"
#include "vd-history-view.h"
#include "vd-sync.h"
#include "vd-test-desk.h"
#include "vd-test-util.h"
#include "vd-window-private.h"

typedef struct
{
  VdTestDesk  desk;
  char       *remote;
  char       *other_path;
  VdStore    *other;
  GArray     *states;
} Fixture;

static void
on_state (VdSyncer   *syncer,
          GParamSpec *pspec,
          Fixture    *fixture)
{
  VdSyncerState state = vd_syncer_get_state (syncer);

  g_array_append_val (fixture->states, state);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = vd_test_make_dir ();
  g_autofree char *out = NULL, *err = NULL;
  int status;

  fixture->remote = g_build_filename (dir, "remote.git", NULL);
  g_assert_true (g_spawn_sync (NULL, (char *[]) { (char *) "git", (char *) "init", (char *) "--bare",
                                                  (char *) "-q", (char *) "-b", (char *) "main",
                                                  fixture->remote, NULL },
                               NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);

  vd_test_desk_set_up (&fixture->desk, data);
  g_assert_true (vd_sync_set_author (fixture->desk.store, "Priya Raman", "priya@example.org",
                                     &error));
  g_assert_no_error (error);

  fixture->other_path = g_build_filename (dir, "other.db", NULL);
  fixture->other = vd_store_new (fixture->other_path, &error);
  g_assert_no_error (error);
  g_assert_true (vd_sync_set_author (fixture->other, "Tomás Ortega", "tomas@example.org", &error));
  g_assert_no_error (error);

  fixture->states = g_array_new (FALSE, FALSE, sizeof (VdSyncerState));
  g_signal_connect (vd_window_get_syncer (fixture->desk.window), "notify::state",
                    G_CALLBACK (on_state), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_signal_handlers_disconnect_by_data (vd_window_get_syncer (fixture->desk.window), fixture);
  vd_test_desk_tear_down (&fixture->desk, data);
  g_clear_object (&fixture->other);
  g_array_unref (fixture->states);
  g_free (fixture->other_path);
  g_free (fixture->remote);
}

static VdSyncer *
link_desk (Fixture    *fixture,
           const char *remote)
{
  g_autoptr(GError) error = NULL;
  VdSyncer *syncer = vd_window_get_syncer (fixture->desk.window);

  g_assert_true (vd_sync_set_remote (fixture->desk.store, remote, &error));
  g_assert_no_error (error);
  vd_syncer_update (syncer);
  return syncer;
}

/* Syncs the window's desk as its control does, and waits for the thread. */
static void
sync_window (Fixture *fixture)
{
  VdSyncer *syncer = vd_window_get_syncer (fixture->desk.window);

  gtk_widget_activate_action (GTK_WIDGET (fixture->desk.window), "win.sync", NULL);
  g_assert_cmpint (vd_syncer_get_state (syncer), ==, VD_SYNCER_SYNCING);
  while (vd_syncer_get_state (syncer) == VD_SYNCER_SYNCING)
    g_main_context_iteration (NULL, TRUE);
  vd_test_iterate_until_idle ();
}

static void
sync_other (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_auto(VdSyncResult) result = { 0 };

  g_assert_true (vd_sync_run (fixture->other, fixture->remote, &result, &error));
  g_assert_no_error (error);
}

static VdScorecard *
other_scorecard (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VdComparison) comparison = vd_store_load_comparison_by_slug (fixture->other,
                                                                         VD_TEST_DEMO_SLUG, &error);
  g_autoptr(GListStore) cards = NULL;

  g_assert_no_error (error);
  cards = vd_store_list_scorecards (fixture->other, comparison, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (cards)); i++)
    {
      g_autoptr(VdScorecard) card = g_list_model_get_item (G_LIST_MODEL (cards), i);

      if (g_str_equal (vd_scorecard_get_reviewer (card), VD_TEST_SKEPTIC) &&
          g_str_equal (vd_scorecard_get_tool (card), VD_TEST_MISTRAL))
        return g_steal_pointer (&card);
    }
  g_assert_not_reached ();
}

static void
edit_other (Fixture    *fixture,
            guint       section,
            const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VdScorecard) card = other_scorecard (fixture);

  vd_scorecard_set_section (card, section, text);
  g_assert_true (vd_store_save (fixture->other, VD_RECORD (card), &error));
  g_assert_no_error (error);
}

static gboolean
seen (Fixture       *fixture,
      VdSyncerState  state)
{
  for (guint i = 0; i < fixture->states->len; i++)
    if (g_array_index (fixture->states, VdSyncerState, i) == state)
      return TRUE;
  return FALSE;
}

/* Unlinked, the control is hidden; linked, a sync goes syncing → synced,
 * and an edit made on another desk arrives in the open form. */
static void
test_syncing_then_synced (Fixture       *fixture,
                          gconstpointer  data)
{
  VdSyncButton *button = vd_window_get_sync_button (fixture->desk.window);
  VdComparisonPage *page = vd_test_desk_open_demo (&fixture->desk);
  VdScorecardForm *form = VD_SCORECARD_FORM (vd_comparison_page_get_form (page, VD_TEST_SKEPTIC, 1));
  VdSyncer *syncer;

  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (button)));
  syncer = link_desk (fixture, fixture->remote);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (button)));
  g_assert_cmpstr (vd_sync_button_get_label (button), ==, "Sync");

  sync_window (fixture);
  g_assert_true (seen (fixture, VD_SYNCER_SYNCING));
  g_assert_cmpint (vd_syncer_get_state (syncer), ==, VD_SYNCER_SYNCED);
  g_assert_cmpstr (vd_sync_button_get_label (button), ==, "Synced");
  g_assert_cmpfloat (vd_syncer_get_progress (syncer), ==, 1.0);

  /* The other desk takes everything, and edits one section. */
  sync_other (fixture);
  edit_other (fixture, 2, "Rewritten on the other desk.");
  sync_other (fixture);

  sync_window (fixture);
  g_assert_cmpint (vd_syncer_get_state (syncer), ==, VD_SYNCER_SYNCED);
  while (TRUE)
    {
      g_autofree char *shown = vd_test_buffer_text (vd_scorecard_form_get_buffer (form, 2));

      if (g_str_equal (shown, "Rewritten on the other desk."))
        break;
      g_main_context_iteration (NULL, TRUE);
    }
}

/* Whether @model, or a section of it, has an item for @action. */
static gboolean
menu_has_action (GMenuModel *model,
                 const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *name = NULL;
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &name) &&
          g_str_equal (name, action))
        return TRUE;
      if (section != NULL && menu_has_action (section, action))
        return TRUE;
    }
  return FALSE;
}

/* Linked at 360 × 720, as on a phone: the sync state shows as its icon
 * (its words stay in the tooltip), so the header, and the window, fit the
 * screen; widened again, the words come back. */
static gboolean
window_fits (Fixture *fixture,
             int      width,
             gboolean compact)
{
  GtkWidget *window = GTK_WIDGET (fixture->desk.window);
  /* The window's content: at 360 px its frame and shadow go beyond the
   * screen, as a maximized window's on a phone has none. */
  GtkWidget *content = gtk_widget_get_first_child (window);
  GtkWidget *label = (GtkWidget *) gtk_widget_get_template_child (GTK_WIDGET (vd_window_get_sync_button (fixture->desk.window)),
                                                    VD_TYPE_SYNC_BUTTON, "label");
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  int min;

  /* A mapped window keeps its size; shown again, it takes the new one, as
   * a phone's compositor gives the screen's to a window that allows it:
   * the first time folds the window, which then allows 360 px. */
  for (guint shows = 0; g_get_monotonic_time () < deadline; shows++)
    {
      if (shows % 50 == 0)
        {
          gtk_widget_hide (window);
          gtk_window_set_default_size (GTK_WINDOW (window), width, 720);
          gtk_window_present (GTK_WINDOW (window));
        }
      if (gtk_widget_get_width (content) > 0 && gtk_widget_get_width (content) <= width &&
          gtk_widget_get_visible (label) == !compact)
        break;
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (10000);
    }
  vd_test_iterate_until_idle ();
  gtk_widget_measure (content, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
  g_test_message ("asked %d px: content %d px (at least %d), label %s", width,
                  gtk_widget_get_width (content), min,
                  gtk_widget_get_visible (label) ? "shown" : "hidden");
  return gtk_widget_get_width (content) <= width && gtk_widget_get_visible (label) == !compact;
}

static void
test_narrow_linked (Fixture       *fixture,
                    gconstpointer  data)
{
  VdSyncButton *button = vd_window_get_sync_button (fixture->desk.window);
  GtkWidget *inner = (GtkWidget *) gtk_widget_get_template_child (GTK_WIDGET (button), VD_TYPE_SYNC_BUTTON,
                                                    "button");
  GtkWidget *export = (GtkWidget *) gtk_widget_get_template_child (GTK_WIDGET (fixture->desk.window),
                                                                   VD_TYPE_WINDOW, "export_button");
  GtkWidget *more = (GtkWidget *) gtk_widget_get_template_child (GTK_WIDGET (fixture->desk.window),
                                                                 VD_TYPE_WINDOW, "record_menu_button");

  vd_test_desk_open_demo (&fixture->desk);
  link_desk (fixture, fixture->remote);
  sync_window (fixture);
  g_assert_cmpstr (vd_sync_button_get_label (button), ==, "Synced");

  g_assert_true (window_fits (fixture, 360, TRUE));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (button)));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (button)), >, 0);
  g_assert_true (g_str_has_prefix (gtk_widget_get_tooltip_text (inner), "Synced"));

  /* Export moved into the More menu, also for a comparison opened folded. */
  g_assert_false (gtk_widget_get_visible (export));
  g_assert_true (vd_window_open_record (fixture->desk.window, VD_TYPE_TOOL, VD_TEST_MISTRAL));
  vd_test_iterate_until_idle ();
  vd_test_desk_open_demo (&fixture->desk);
  g_assert_false (gtk_widget_get_visible (export));
  g_assert_true (menu_has_action (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (more)), "win.export"));

  g_assert_true (window_fits (fixture, 1400, FALSE));
  g_assert_true (gtk_widget_get_mapped (export));
}

/* Typed while the sync runs in its thread: in the database, and sent by
 * the next sync; the other desk's edit of another section is kept too. */
static void
test_typing_during_sync (Fixture       *fixture,
                         gconstpointer  data)
{
  VdComparisonPage *page = vd_test_desk_open_demo (&fixture->desk);
  VdScorecardForm *form = VD_SCORECARD_FORM (vd_comparison_page_get_form (page, VD_TEST_SKEPTIC, 1));
  VdSyncer *syncer = link_desk (fixture, fixture->remote);
  g_autoptr(VdScorecard) stored = NULL;
  g_autoptr(VdScorecard) theirs = NULL;

  sync_window (fixture);
  sync_other (fixture);
  edit_other (fixture, 2, "The other desk's third section.");
  sync_other (fixture);

  gtk_widget_activate_action (GTK_WIDGET (fixture->desk.window), "win.sync", NULL);
  g_assert_cmpint (vd_syncer_get_state (syncer), ==, VD_SYNCER_SYNCING);
  gtk_text_buffer_set_text (vd_scorecard_form_get_buffer (form, 0), "Typed while it synced.", -1);
  g_assert_true (vd_window_flush (fixture->desk.window, NULL));
  while (vd_syncer_get_state (syncer) == VD_SYNCER_SYNCING)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (vd_syncer_get_state (syncer), ==, VD_SYNCER_SYNCED);

  stored = vd_test_desk_load_scorecard (&fixture->desk, VD_TEST_SKEPTIC, VD_TEST_MISTRAL);
  g_assert_cmpstr (vd_scorecard_get_section (stored, 0), ==, "Typed while it synced.");
  g_assert_cmpstr (vd_scorecard_get_section (stored, 2), ==, "The other desk's third section.");

  /* The text typed during the sync goes out with the next one. */
  sync_window (fixture);
  sync_other (fixture);
  theirs = other_scorecard (fixture);
  g_assert_cmpstr (vd_scorecard_get_section (theirs, 0), ==, "Typed while it synced.");
  g_assert_cmpuint (vd_window_get_syncer (fixture->desk.window) != NULL, ==, TRUE);
}

/* A remote that cannot be reached is a state of the control, not a
 * dialog; nothing typed is lost, and it syncs once the remote is there. */
static void
test_offline (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *missing = g_strconcat (fixture->remote, "-missing", NULL);
  VdSyncButton *button = vd_window_get_sync_button (fixture->desk.window);
  VdComparisonPage *page = vd_test_desk_open_demo (&fixture->desk);
  VdScorecardForm *form = VD_SCORECARD_FORM (vd_comparison_page_get_form (page, VD_TEST_SKEPTIC, 1));
  VdSyncer *syncer = link_desk (fixture, missing);
  g_autoptr(VdScorecard) stored = NULL;
  g_autoptr(GListModel) toplevels = NULL;

  gtk_text_buffer_set_text (vd_scorecard_form_get_buffer (form, 1), "Written offline.", -1);
  sync_window (fixture);
  g_assert_cmpint (vd_syncer_get_state (syncer), ==, VD_SYNCER_OFFLINE);
  g_assert_cmpstr (vd_sync_button_get_label (button), ==, "Offline");
  g_assert_nonnull (strstr (vd_syncer_get_message (syncer), "Offline"));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (gtk_widget_get_first_child (GTK_WIDGET (button))),
                            "kept here"));

  /* No dialog: the window is the only one. */
  toplevels = gtk_window_get_toplevels ();
  g_object_ref (toplevels);
  g_assert_cmpuint (g_list_model_get_n_items (toplevels), ==, 1);

  stored = vd_test_desk_load_scorecard (&fixture->desk, VD_TEST_SKEPTIC, VD_TEST_MISTRAL);
  g_assert_cmpstr (vd_scorecard_get_section (stored, 1), ==, "Written offline.");

  /* The repository appears (the address fixed): the edit goes out. */
  link_desk (fixture, fixture->remote);
  sync_window (fixture);
  g_assert_cmpint (vd_syncer_get_state (syncer), ==, VD_SYNCER_SYNCED);
  sync_other (fixture);
  g_clear_object (&stored);
  stored = other_scorecard (fixture);
  g_assert_cmpstr (vd_scorecard_get_section (stored, 1), ==, "Written offline.");
}

/* The same section changed on both desks: the control counts the
 * conflict and opens the list; each view shows mine, theirs and the base;
 * Keep Mine is an edit that the next sync sends. */
static void
test_conflicts_list (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  VdSyncButton *button = vd_window_get_sync_button (fixture->desk.window);
  VdSyncer *syncer = link_desk (fixture, fixture->remote);
  g_autoptr(VdScorecard) card = NULL;
  g_autoptr(VdScorecard) theirs = NULL;
  g_autoptr(VdStore) writer = NULL;
  GtkWidget *box, *view;

  sync_window (fixture);
  sync_other (fixture);
  edit_other (fixture, 0, "Theirs, from the other desk.");
  sync_other (fixture);

  /* Mine, written as the window's autosaver would. */
  writer = vd_store_new (fixture->desk.path, &error);
  g_assert_no_error (error);
  card = vd_test_desk_load_scorecard (&fixture->desk, VD_TEST_SKEPTIC, VD_TEST_MISTRAL);
  vd_scorecard_set_section (card, 0, "Mine, from this desk.");
  g_assert_true (vd_store_save (writer, VD_RECORD (card), &error));
  g_assert_no_error (error);

  sync_window (fixture);
  g_assert_cmpuint (vd_syncer_get_n_conflicts (syncer), ==, 1);
  g_assert_cmpstr (vd_sync_button_get_label (button), ==, "1 Conflict");
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (gtk_widget_get_first_child (GTK_WIDGET (button)))),
                   ==, "win.review-conflicts");

  gtk_widget_activate_action (GTK_WIDGET (fixture->desk.window), "win.review-conflicts", NULL);
  box = vd_window_get_conflicts_list (fixture->desk.window);
  g_assert_nonnull (box);
  view = gtk_widget_get_first_child (box);
  g_assert_true (VD_IS_CONFLICT_VIEW (view));
  {
    const VdConflict *conflict = vd_conflict_view_get_conflict (VD_CONFLICT_VIEW (view));
    g_autofree char *mine = vd_conflict_dup_text (conflict->mine);
    g_autofree char *their_text = vd_conflict_dup_text (conflict->theirs);

    g_assert_cmpstr (mine, ==, "Mine, from this desk.");
    g_assert_cmpstr (their_text, ==, "Theirs, from the other desk.");
    g_assert_nonnull (conflict->base);
  }
  /* The focus starts in yours, not on theirs (selectable text, which would
   * open selected whole). */
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (fixture->desk.window->conflicts_window)),
                                         view));
  g_assert_true (GTK_IS_TEXT_VIEW (gtk_root_get_focus (GTK_ROOT (fixture->desk.window->conflicts_window))));
  /* The list names the scorecard, not its uuid. */
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (gtk_widget_get_first_child (gtk_widget_get_first_child (view)))),
                            " on "));

  /* A section is named by its prompt. */
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (gtk_widget_get_first_child (gtk_widget_get_first_child (view)))),
                            "“Direct competitors”"));

  vd_conflict_view_keep_mine (VD_CONFLICT_VIEW (view));
  vd_test_iterate_until_idle ();
  g_assert_cmpuint (vd_syncer_get_n_conflicts (syncer), ==, 0);
  /* The list says it is done rather than going blank. */
  g_assert_true (ADW_IS_STATUS_PAGE (gtk_widget_get_first_child (box)));
  g_assert_null (gtk_widget_get_next_sibling (gtk_widget_get_first_child (box)));
  g_assert_true (vd_window_flush (fixture->desk.window, NULL));
  gtk_window_destroy (fixture->desk.window->conflicts_window);
  vd_test_iterate_until_idle ();

  sync_window (fixture);
  g_assert_cmpstr (vd_sync_button_get_label (button), ==, "Synced");
  sync_other (fixture);
  theirs = other_scorecard (fixture);
  g_assert_cmpstr (vd_scorecard_get_section (theirs, 0), ==, "Mine, from this desk.");
}

/* The scorecard shows who set its verdict, from the repository's log; an
 * earlier version restored is an edit the next sync sends. */
static void
test_history (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  VdComparisonPage *page = vd_test_desk_open_demo (&fixture->desk);
  VdScorecardForm *form = VD_SCORECARD_FORM (vd_comparison_page_get_form (page, VD_TEST_SKEPTIC, 1));
  VdHistoryView *view = VD_HISTORY_VIEW (vd_scorecard_form_get_history_view (form));
  g_autoptr(VdScorecard) card = NULL;
  g_autoptr(VdScorecard) theirs = NULL;
  VdVerdict before;

  link_desk (fixture, fixture->remote);
  sync_window (fixture);
  sync_other (fixture);
  card = other_scorecard (fixture);
  before = vd_scorecard_get_verdict (card);
  vd_scorecard_set_verdict (card, VD_VERDICT_UNDECIDED);
  vd_scorecard_set_section (card, 1, "Changed my mind.");
  g_assert_true (vd_store_save (fixture->other, VD_RECORD (card), &error));
  g_assert_no_error (error);
  sync_other (fixture);

  sync_window (fixture);
  while (strstr (vd_history_view_get_summary (view), "Tomás Ortega") == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (g_str_has_prefix (vd_history_view_get_summary (view), "Undecided — Tomás Ortega, "));
  g_assert_nonnull (strstr (vd_history_view_get_summary (view), " ← "));
  g_assert_cmpint (vd_scorecard_get_verdict (vd_scorecard_form_get_scorecard (form)), ==,
                   VD_VERDICT_UNDECIDED);

  /* The first version back, as an edit; the other desk gets it. */
  vd_history_view_restore (view, 1);
  g_assert_cmpint (vd_scorecard_get_verdict (vd_scorecard_form_get_scorecard (form)), ==, before);
  g_assert_true (vd_window_flush (fixture->desk.window, NULL));
  sync_window (fixture);
  sync_other (fixture);
  theirs = other_scorecard (fixture);
  g_assert_cmpint (vd_scorecard_get_verdict (theirs), ==, before);
  g_assert_cmpstr (vd_scorecard_get_section (theirs, 1), !=, "Changed my mind.");
}

/* Waits for @view to show a history naming the other desk. */
static void
wait_for_history (VdHistoryView *view)
{
  while (strstr (vd_history_view_get_summary (view), "Tomás Ortega") == NULL)
    g_main_context_iteration (NULL, TRUE);
}

/* The comparison shows what its versions changed, who and when; an earlier
 * one restored is an edit the next sync sends. */
static void
test_comparison_history (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  VdComparisonPage *page = vd_test_desk_open_demo (&fixture->desk);
  VdHistoryView *view = VD_HISTORY_VIEW (vd_comparison_page_get_history_view (page));
  VdComparison *mine = vd_page_get_comparison (vd_comparison_page_get_page (page));
  g_autofree char *before = g_strdup (vd_comparison_get_title (mine));
  g_autoptr(VdComparison) theirs = NULL;
  g_autoptr(VdComparison) back = NULL;

  link_desk (fixture, fixture->remote);
  sync_window (fixture);
  sync_other (fixture);
  theirs = vd_store_load_comparison_by_slug (fixture->other, VD_TEST_DEMO_SLUG, &error);
  g_assert_no_error (error);
  vd_comparison_set_title (theirs, "Retitled on the other desk");
  g_assert_true (vd_store_save (fixture->other, VD_RECORD (theirs), &error));
  g_assert_no_error (error);
  sync_other (fixture);

  sync_window (fixture);
  wait_for_history (view);
  g_assert_true (g_str_has_prefix (vd_history_view_get_summary (view), "title — Tomás Ortega, "));
  g_assert_nonnull (strstr (vd_history_view_get_summary (view), " ← created, "));
  g_assert_cmpstr (vd_comparison_get_title (mine), ==, "Retitled on the other desk");

  vd_history_view_restore (view, 1);
  g_assert_cmpstr (vd_comparison_get_title (mine), ==, before);
  /* The demo's title is the automatic one, "A vs B": restored, it follows
   * the tools again and the field holds nothing typed. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (vd_comparison_page_get_title_row (page))),
                   ==, "");
  g_assert_true (vd_window_flush (fixture->desk.window, NULL));
  sync_window (fixture);
  sync_other (fixture);
  back = vd_store_load_comparison_by_slug (fixture->other, VD_TEST_DEMO_SLUG, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (vd_comparison_get_title (back), ==, before);
}

/* A tool's page shows its history too, read when it opens and after a
 * sync; restoring is an edit. */
static void
test_tool_history (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  VdToolEditor *editor = _vd_window_get_tool_editor (fixture->desk.window);
  VdHistoryView *view = vd_tool_editor_get_history_view (editor);
  g_autoptr(VdTool) theirs = NULL;
  g_autoptr(VdTool) back = NULL;
  g_autofree char *before = NULL;
  VdTool *mine;

  vd_test_desk_open_demo (&fixture->desk);
  link_desk (fixture, fixture->remote);
  sync_window (fixture);
  sync_other (fixture);
  theirs = vd_store_load (fixture->other, VD_TYPE_TOOL, VD_TEST_MISTRAL, &error);
  g_assert_no_error (error);
  before = g_strdup (vd_tool_get_name (theirs));
  vd_tool_set_name (theirs, "Mistral Medium 3.1");
  g_assert_true (vd_store_save (fixture->other, VD_RECORD (theirs), &error));
  g_assert_no_error (error);
  sync_other (fixture);
  sync_window (fixture);

  /* Opened after the sync: read when it is shown. */
  g_assert_true (vd_window_open_record (fixture->desk.window, VD_TYPE_TOOL, VD_TEST_MISTRAL));
  mine = vd_tool_editor_get_tool (editor);
  g_assert_cmpstr (vd_tool_get_name (mine), ==, "Mistral Medium 3.1");
  wait_for_history (view);
  g_assert_true (g_str_has_prefix (vd_history_view_get_summary (view), "name — Tomás Ortega, "));

  vd_history_view_restore (view, 1);
  g_assert_cmpstr (vd_tool_get_name (mine), ==, before);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (vd_tool_editor_get_name_row (editor))),
                   ==, before);
  g_assert_true (vd_window_flush (fixture->desk.window, NULL));
  sync_window (fixture);
  sync_other (fixture);
  back = vd_store_load (fixture->other, VD_TYPE_TOOL, VD_TEST_MISTRAL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (vd_tool_get_name (back), ==, before);

  /* After the sync the tool's history has the restore, by this desk. */
  while (strstr (vd_history_view_get_summary (view), "Priya Raman") == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (g_str_has_prefix (vd_history_view_get_summary (view), "name — Priya Raman, "));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *config = vd_test_isolate_config ();
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/window-sync/syncing-then-synced", Fixture, NULL, fixture_set_up,
              test_syncing_then_synced, fixture_tear_down);
  g_test_add ("/window-sync/narrow-linked", Fixture, NULL, fixture_set_up, test_narrow_linked,
              fixture_tear_down);
  g_test_add ("/window-sync/typing-during-sync", Fixture, NULL, fixture_set_up,
              test_typing_during_sync, fixture_tear_down);
  g_test_add ("/window-sync/offline", Fixture, NULL, fixture_set_up, test_offline,
              fixture_tear_down);
  g_test_add ("/window-sync/conflicts-list", Fixture, NULL, fixture_set_up, test_conflicts_list,
              fixture_tear_down);

  g_test_add ("/window-sync/history", Fixture, NULL, fixture_set_up, test_history,
              fixture_tear_down);
  g_test_add ("/window-sync/comparison-history", Fixture, NULL, fixture_set_up,
              test_comparison_history, fixture_tear_down);
  g_test_add ("/window-sync/tool-history", Fixture, NULL, fixture_set_up, test_tool_history,
              fixture_tear_down);

  status = g_test_run ();
  vd_test_remove_config (config);
  return status;
}
