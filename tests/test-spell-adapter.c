/* test-spell-adapter.c — underlines and the spelling menu in real text views,
 * under Xvfb
 *
 * Needs hunspell-en-us and hunspell-de-de; XDG_CONFIG_HOME is a temporary
 * folder, so that Add to Dictionary writes this test's own word list.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include "vd-application.h"
#include "vd-preferences-window.h"
#include "vd-reviewer-editor.h"
#include "vd-scorecard-form.h"
#include "vd-speller.h"
#include "vd-spell-adapter-private.h"
#include "vd-prose-row.h"
#include "vd-spell-language-row.h"
#include "vd-test-desk.h"
#include "vd-test-util.h"

#define DEMO_SLUG "claude-haiku-open-weights-vs-mistral-medium-3"

typedef struct
{
  GtkWindow      *window;
  GtkTextView    *view;
  VdSpellAdapter *adapter;
} Fixture;

static void
wait_probed (void)
{
  VdSpeller *speller = vd_speller_get_default ();

  vd_speller_probe (speller);
  while (!vd_speller_is_probed (speller))
    g_main_context_iteration (NULL, TRUE);
}

static void
fixture_setup (Fixture      *fixture,
               gconstpointer data)
{
  const char *reviewer = data;

  wait_probed ();

  fixture->window = GTK_WINDOW (gtk_window_new ());
  fixture->view = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->view));
  fixture->adapter = vd_spell_adapter_attach (fixture->view, reviewer);
  gtk_window_present (fixture->window);
}

static void
fixture_teardown (Fixture      *fixture,
                  gconstpointer data)
{
  GtkTextView *view = g_object_ref (fixture->view);

  g_object_add_weak_pointer (G_OBJECT (fixture->adapter), (gpointer *) &fixture->adapter);
  gtk_window_destroy (fixture->window);
  g_assert_finalize_object (view);
  /* The view took its adapter with it. */
  g_assert_null (fixture->adapter);
}

static void
wait_checked (VdSpellAdapter *adapter)
{
  while (!vd_spell_adapter_is_checked (adapter))
    g_main_context_iteration (NULL, TRUE);
}

/* Loading, not typing: not undoable. */
static void
load_text (GtkTextView *view,
           const char  *text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);

  gtk_text_buffer_begin_irreversible_action (buffer);
  gtk_text_buffer_set_text (buffer, text, -1);
  gtk_text_buffer_end_irreversible_action (buffer);
}

static char *
buffer_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
}

/* The flagged words, in order, joined by "|". */
static char *
flagged_words (VdSpellAdapter *adapter,
               GtkTextView    *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextTag *tag = vd_spell_adapter_get_tag (adapter);
  g_autoptr(GStrvBuilder) words = g_strv_builder_new ();
  g_auto(GStrv) all = NULL;
  GtkTextIter iter, end;

  gtk_text_buffer_get_start_iter (buffer, &iter);
  while (gtk_text_iter_starts_tag (&iter, tag) || gtk_text_iter_forward_to_tag_toggle (&iter, tag))
    {
      g_autofree char *word = NULL;

      end = iter;
      gtk_text_iter_forward_to_tag_toggle (&end, tag);
      word = gtk_text_iter_get_slice (&iter, &end);
      g_strv_builder_add (words, word);
      iter = end;
    }

  all = g_strv_builder_end (words);
  return g_strjoinv ("|", all);
}

static gboolean
prepare_menu_at (Fixture *fixture,
                 int      offset)
{
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (fixture->view), &iter, offset);
  return vd_spell_adapter_prepare_menu (fixture->adapter, &iter);
}

/* The first view may come before Enchant has listed its dictionaries (the
 * window's first frame does not wait for that): it checks once they are
 * known. Needs to run first in its process. */
static void
test_before_probe (void)
{
  VdSpeller *speller = vd_speller_get_default ();
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkTextView *view = GTK_TEXT_VIEW (gtk_text_view_new ());
  VdSpellAdapter *adapter;
  g_autofree char *flags = NULL;

  gtk_window_set_child (window, GTK_WIDGET (view));
  adapter = vd_spell_adapter_attach (view, NULL);
  load_text (view, "teh panel");
  g_assert_false (vd_speller_is_probed (speller));
  g_assert_false (vd_spell_adapter_get_enabled (adapter));

  while (!vd_speller_is_probed (speller))
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (vd_spell_adapter_get_enabled (adapter));
  wait_checked (adapter);
  flags = flagged_words (adapter, view);
  g_assert_cmpstr (flags, ==, "teh");

  gtk_window_destroy (window);
}

static void
test_flagged (Fixture      *fixture,
              gconstpointer data)
{
  g_autofree char *wrong = NULL;
  g_autofree char *right = NULL;
  g_autofree char *typed = NULL;

  g_assert_true (vd_spell_adapter_get_enabled (fixture->adapter));
  g_assert_cmpstr (vd_spell_adapter_get_language (fixture->adapter), ==, "en_US");

  load_text (fixture->view, "teh pannel");
  wait_checked (fixture->adapter);
  wrong = flagged_words (fixture->adapter, fixture->view);
  g_assert_cmpstr (wrong, ==, "teh|pannel");

  load_text (fixture->view, "the panel");
  wait_checked (fixture->adapter);
  right = flagged_words (fixture->adapter, fixture->view);
  g_assert_cmpstr (right, ==, "");

  /* Typing in the second paragraph flags there only. */
  load_text (fixture->view, "the panel\nsecond line");
  wait_checked (fixture->adapter);
  {
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (fixture->view);
    GtkTextIter end;

    gtk_text_buffer_get_end_iter (buffer, &end);
    gtk_text_buffer_insert (buffer, &end, " wrod", -1);
  }
  g_assert_false (vd_spell_adapter_is_checked (fixture->adapter));
  wait_checked (fixture->adapter);
  typed = flagged_words (fixture->adapter, fixture->view);
  g_assert_cmpstr (typed, ==, "wrod");
}

static void
count_tag_change (GtkTextBuffer *buffer,
                  GtkTextTag    *tag,
                  GtkTextIter   *start,
                  GtkTextIter   *end,
                  gpointer       data)
{
  (*(guint *) data)++;
}

/* Each tag change redraws its paragraph: a re-check that finds what it
 * found before changes none. */
static void
test_recheck_changes_nothing (Fixture      *fixture,
                              gconstpointer data)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (fixture->view);
  g_autofree char *flags = NULL;
  guint changes = 0;
  GtkTextIter end;

  load_text (fixture->view, "teh pannel\nsecond line");
  wait_checked (fixture->adapter);

  g_signal_connect (buffer, "apply-tag", G_CALLBACK (count_tag_change), &changes);
  g_signal_connect (buffer, "remove-tag", G_CALLBACK (count_tag_change), &changes);
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, " more", -1);
  wait_checked (fixture->adapter);
  g_assert_cmpuint (changes, ==, 0);

  /* A flagged word flagged again is no change either. */
  gtk_text_buffer_get_start_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, "a ", -1);
  wait_checked (fixture->adapter);
  g_assert_cmpuint (changes, ==, 0);

  flags = flagged_words (fixture->adapter, fixture->view);
  g_assert_cmpstr (flags, ==, "teh|pannel");
  g_signal_handlers_disconnect_by_func (buffer, count_tag_change, &changes);
}

static void
test_correct_and_undo (Fixture      *fixture,
                       gconstpointer data)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (fixture->view);
  GMenuModel *suggestions = vd_spell_adapter_get_suggestions (fixture->adapter);
  g_autofree char *corrected = NULL;
  g_autofree char *restored = NULL;
  g_autofree char *flags = NULL;
  gboolean offered = FALSE;
  int n;

  load_text (fixture->view, "teh pannel");
  wait_checked (fixture->adapter);

  /* Inside the word, as a right click would put the cursor. */
  g_assert_true (prepare_menu_at (fixture, 5));
  n = g_menu_model_get_n_items (suggestions);
  g_assert_cmpint (n, >=, 1);
  g_assert_cmpint (n, <=, 5);
  for (int i = 0; i < n; i++)
    {
      g_autofree char *target = NULL;

      g_assert_true (g_menu_model_get_item_attribute (suggestions, i, G_MENU_ATTRIBUTE_TARGET,
                                                      "s", &target));
      offered |= g_str_equal (target, "panel");
    }
  g_assert_true (offered);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "spelling.correct",
                                             "s", "panel"));
  corrected = buffer_text (fixture->view);
  g_assert_cmpstr (corrected, ==, "teh panel");
  wait_checked (fixture->adapter);
  flags = flagged_words (fixture->adapter, fixture->view);
  g_assert_cmpstr (flags, ==, "teh");

  /* One undo step restores the word, and that was the only step. */
  g_assert_true (gtk_text_buffer_get_can_undo (buffer));
  gtk_text_buffer_undo (buffer);
  restored = buffer_text (fixture->view);
  g_assert_cmpstr (restored, ==, "teh pannel");
  g_assert_false (gtk_text_buffer_get_can_undo (buffer));
  /* Wrong again, and underlined again. */
  wait_checked (fixture->adapter);
  g_clear_pointer (&flags, g_free);
  flags = flagged_words (fixture->adapter, fixture->view);
  g_assert_cmpstr (flags, ==, "teh|pannel");

  /* A right word gets no suggestions. */
  load_text (fixture->view, "the panel");
  wait_checked (fixture->adapter);
  g_assert_false (prepare_menu_at (fixture, 1));
  g_assert_cmpint (g_menu_model_get_n_items (suggestions), ==, 0);
}

/* A second field, as a second scorecard section would be. */
static GtkTextView *
new_other_view (GtkWindow  *window,
                const char *text)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *old = gtk_window_get_child (window);
  GtkTextView *view = GTK_TEXT_VIEW (gtk_text_view_new ());

  g_object_ref (old);
  gtk_window_set_child (window, box);
  gtk_box_append (GTK_BOX (box), old);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (view));
  g_object_unref (old);

  vd_spell_adapter_attach (view, NULL);
  load_text (view, text);
  wait_checked (vd_spell_adapter_get_for_view (view));
  return view;
}

static void
test_add_and_ignore (Fixture      *fixture,
                     gconstpointer data)
{
  GtkTextView *other;
  g_autofree char *before = NULL;
  g_autofree char *after_add = NULL;
  g_autofree char *other_after_add = NULL;
  g_autofree char *after_ignore = NULL;
  g_autofree char *other_after_ignore = NULL;

  load_text (fixture->view, "Frobnicatr and Quuxify");
  wait_checked (fixture->adapter);
  other = new_other_view (fixture->window, "Quuxify or Frobnicatr");
  before = flagged_words (fixture->adapter, fixture->view);
  g_assert_cmpstr (before, ==, "Frobnicatr|Quuxify");

  g_assert_true (prepare_menu_at (fixture, 2));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "spelling.add", NULL));
  after_add = flagged_words (fixture->adapter, fixture->view);
  other_after_add = flagged_words (vd_spell_adapter_get_for_view (other), other);
  g_assert_cmpstr (after_add, ==, "Quuxify");
  g_assert_cmpstr (other_after_add, ==, "Quuxify");

  g_assert_true (prepare_menu_at (fixture, 16));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "spelling.ignore", NULL));
  after_ignore = flagged_words (fixture->adapter, fixture->view);
  other_after_ignore = flagged_words (vd_spell_adapter_get_for_view (other), other);
  g_assert_cmpstr (after_ignore, ==, "");
  g_assert_cmpstr (other_after_ignore, ==, "");

  /* Added means written to the personal word list, for the next start;
   * ignored is for this session only. */
  {
    g_autofree char *path = g_build_filename (g_get_user_config_dir (), "enchant", "en_US.dic", NULL);
    g_autofree char *contents = NULL;

    g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
    g_assert_nonnull (strstr (contents, "Frobnicatr"));
    g_assert_null (strstr (contents, "Quuxify"));
  }
}

static void
test_known_names (Fixture      *fixture,
                  gconstpointer data)
{
  g_autoptr(VdStore) store = vd_test_new_demo_store (NULL);
  g_autoptr(GListStore) reviewers = g_list_store_new (VD_TYPE_SUMMARY);
  g_autoptr(GListStore) listed = vd_store_list_summaries (store, VD_TYPE_REVIEWER, NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  load_text (fixture->view, "Elena Sokolova tried it");
  wait_checked (fixture->adapter);
  before = flagged_words (fixture->adapter, fixture->view);
  g_assert_cmpstr (before, ==, "Sokolova");

  /* As the window does with its sidebar's list, which fills after the
   * first frame. */
  vd_spell_learn_names (G_LIST_MODEL (reviewers));
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (listed)); i++)
    {
      g_autoptr(VdSummary) summary = g_list_model_get_item (G_LIST_MODEL (listed), i);

      g_list_store_append (reviewers, summary);
    }
  while (g_strcmp0 (after, "") != 0)
    {
      g_main_context_iteration (NULL, TRUE);
      g_free (after);
      after = flagged_words (fixture->adapter, fixture->view);
    }
  g_assert_cmpstr (after, ==, "");
}

static void
test_switch (Fixture      *fixture,
             gconstpointer data)
{
  g_autoptr(GSettings) settings = vd_application_new_settings ();
  g_autofree char *on = NULL;
  g_autofree char *off = NULL;
  g_autofree char *again = NULL;

  load_text (fixture->view, "teh pannel");
  wait_checked (fixture->adapter);
  on = flagged_words (fixture->adapter, fixture->view);
  g_assert_cmpstr (on, ==, "teh|pannel");

  g_settings_set_boolean (settings, "spell-check", FALSE);
  g_assert_false (vd_spell_adapter_get_enabled (fixture->adapter));
  off = flagged_words (fixture->adapter, fixture->view);
  g_assert_cmpstr (off, ==, "");
  g_assert_false (prepare_menu_at (fixture, 1));

  g_settings_set_boolean (settings, "spell-check", TRUE);
  wait_checked (fixture->adapter);
  again = flagged_words (fixture->adapter, fixture->view);
  g_assert_cmpstr (again, ==, "teh|pannel");
}

/* The reviewer's language is a setting of this machine; the view follows
 * it, and a language without a dictionary checks nothing, silently. */
static void
test_reviewer_language (Fixture      *fixture,
                        gconstpointer data)
{
  g_autofree char *english = NULL;
  g_autofree char *german = NULL;
  g_autofree char *none = NULL;

  g_assert_cmpstr (vd_spell_adapter_get_language (fixture->adapter), ==, "en_US");
  load_text (fixture->view, "Schreibtisch the panel");
  wait_checked (fixture->adapter);
  english = flagged_words (fixture->adapter, fixture->view);
  g_assert_cmpstr (english, ==, "Schreibtisch");

  vd_spell_set_reviewer_language ("test-reviewer", "de_DE");
  g_assert_cmpstr (vd_spell_adapter_get_language (fixture->adapter), ==, "de_DE");
  wait_checked (fixture->adapter);
  german = flagged_words (fixture->adapter, fixture->view);
  g_assert_cmpstr (german, ==, "the|panel");

  vd_spell_set_reviewer_language ("test-reviewer", "xx_XX");
  g_assert_null (vd_spell_adapter_get_language (fixture->adapter));
  g_assert_false (vd_spell_adapter_get_enabled (fixture->adapter));
  g_assert_true (vd_spell_adapter_is_checked (fixture->adapter));
  none = flagged_words (fixture->adapter, fixture->view);
  g_assert_cmpstr (none, ==, "");
  g_assert_false (prepare_menu_at (fixture, 5));

  vd_spell_set_reviewer_language ("test-reviewer", NULL);
  g_assert_cmpstr (vd_spell_adapter_get_language (fixture->adapter), ==, "en_US");
}

static gint64
counting_clock (gpointer data)
{
  gint64 *now = data;

  /* Every look at the clock costs a millisecond. */
  return *now += 1000;
}

/* The slice stops once its budget is spent and the next one goes on where
 * it stopped; by a clock the test controls, never the wall's. */
static void
test_slices (Fixture      *fixture,
             gconstpointer data)
{
  gint64 now = 0;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *all = NULL;
  guint n, total;

  /* A dictionary still being read would take the adapter out of the queue. */
  vd_speller_load_language (vd_speller_get_default (), "en_US");
  while (!vd_speller_is_loaded (vd_speller_get_default (), "en_US"))
    g_main_context_iteration (NULL, TRUE);

  load_text (fixture->view, "aaa bbb ccc ddd eee fff ggg hhh");
  g_assert_false (vd_spell_adapter_is_checked (fixture->adapter));

  /* Started at 1 ms with a 3.5 ms budget: words end at 2, 3, 4 and 5 ms. */
  n = vd_spell_run_slice (3500, counting_clock, &now);
  g_assert_cmpuint (n, ==, 4);
  g_assert_false (vd_spell_adapter_is_checked (fixture->adapter));
  first = flagged_words (fixture->adapter, fixture->view);
  g_assert_cmpstr (first, ==, "aaa|bbb|ccc|ddd");

  /* Even a spent budget checks one word, so that spelling gets somewhere. */
  n = vd_spell_run_slice (0, counting_clock, &now);
  g_assert_cmpuint (n, ==, 1);
  second = flagged_words (fixture->adapter, fixture->view);
  g_assert_cmpstr (second, ==, "aaa|bbb|ccc|ddd|eee");

  total = 5;
  while (!vd_spell_adapter_is_checked (fixture->adapter))
    total += vd_spell_run_slice (3500, counting_clock, &now);
  g_assert_cmpuint (total, ==, 8);
  all = flagged_words (fixture->adapter, fixture->view);
  g_assert_cmpstr (all, ==, "aaa|bbb|ccc|ddd|eee|fff|ggg|hhh");
}

/* The real form: a German reviewer's sections are checked in German. */
static void
test_scorecard_form (void)
{
  g_autoptr(VdStore) store = vd_test_new_demo_store (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(VdComparison) comparison = vd_store_load_comparison_by_slug (store, DEMO_SLUG, &error);
  g_autoptr(GListStore) scorecards = vd_store_list_scorecards (store, comparison, &error);
  g_autoptr(VdScorecard) scorecard = g_list_model_get_item (G_LIST_MODEL (scorecards), 0);
  g_autoptr(VdReviewer) reviewer = vd_store_load (store, VD_TYPE_REVIEWER,
                                                  vd_scorecard_get_reviewer (scorecard), &error);
  g_autoptr(VdTool) tool = vd_store_load (store, VD_TYPE_TOOL,
                                          vd_scorecard_get_tool (scorecard), &error);
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkWidget *form = vd_scorecard_form_new (scorecard, reviewer, tool);
  const char *uuid = vd_record_get_uuid (VD_RECORD (reviewer));

  g_assert_no_error (error);
  wait_probed ();
  vd_spell_set_reviewer_language (uuid, "de_DE");
  gtk_window_set_child (window, form);
  gtk_window_present (window);

  for (guint i = 0; i < vd_scorecard_form_get_n_sections (VD_SCORECARD_FORM (form)); i++)
    {
      GtkTextBuffer *buffer = vd_scorecard_form_get_buffer (VD_SCORECARD_FORM (form), i);
      GtkWidget *child;
      GtkTextView *view = NULL;
      VdSpellAdapter *adapter;
      g_autofree char *flags = NULL;
      g_auto(GStrv) words = NULL;

      /* The view of this buffer. */
      for (child = gtk_widget_get_first_child (form); child != NULL; )
        {
          if (GTK_IS_TEXT_VIEW (child) && gtk_text_view_get_buffer (GTK_TEXT_VIEW (child)) == buffer)
            {
              view = GTK_TEXT_VIEW (child);
              break;
            }
          if (gtk_widget_get_first_child (child) != NULL)
            child = gtk_widget_get_first_child (child);
          else
            {
              while (child != form && gtk_widget_get_next_sibling (child) == NULL)
                child = gtk_widget_get_parent (child);
              child = child == form ? NULL : gtk_widget_get_next_sibling (child);
            }
        }
      g_assert_nonnull (view);

      adapter = vd_spell_adapter_get_for_view (view);
      g_assert_nonnull (adapter);
      g_assert_cmpstr (vd_spell_adapter_get_language (adapter), ==, "de_DE");
      wait_checked (adapter);
      /* The demo's English prose, by a German dictionary: word after word. */
      flags = flagged_words (adapter, view);
      words = g_strsplit (flags, "|", -1);
      g_assert_cmpuint (g_strv_length (words), >=, 5);
    }

  vd_spell_set_reviewer_language (uuid, NULL);
  gtk_window_destroy (window);
}

static void
test_reviewer_editor_row (void)
{
  g_autoptr(VdReviewer) reviewer = vd_reviewer_new ("Anna Schmidt", VD_PERSONA_SKEPTIC);
  GtkWidget *editor = g_object_ref_sink (vd_reviewer_editor_new ());
  AdwComboRow *row = ADW_COMBO_ROW (gtk_widget_get_template_child (editor, VD_TYPE_REVIEWER_EDITOR,
                                                                  "spell_language_row"));
  GListModel *names;
  const char *uuid = vd_record_get_uuid (VD_RECORD (reviewer));
  g_autofree char *chosen = NULL;
  gboolean german = FALSE;

  /* Offered by name, the user's language first chosen. */
  vd_reviewer_editor_set_reviewer (VD_REVIEWER_EDITOR (editor), reviewer);
  names = adw_combo_row_get_model (row);
  for (guint i = 0; i < g_list_model_get_n_items (names); i++)
    german |= g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (names), i),
                           "German (Germany)");
  g_assert_true (german);
  g_assert_cmpstr (vd_spell_language_row_get_language (row), ==, "en_US");

  for (guint i = 0; i < g_list_model_get_n_items (names); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (names), i), "German (Germany)"))
      adw_combo_row_set_selected (row, i);
  chosen = vd_spell_dup_reviewer_language (uuid);
  g_assert_cmpstr (chosen, ==, "de_DE");

  vd_spell_set_reviewer_language (uuid, NULL);
  g_assert_finalize_object (editor);
}

/* Typing, as a person does: one user action, undoable. */
static void
type_text (GtkTextView *view,
           const char  *text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_delete (buffer, &start, &end);
  gtk_text_buffer_insert (buffer, &start, text, -1);
  gtk_text_buffer_end_user_action (buffer);
}

/* The dek and the pricing read of the real page: prose rows, checked by the
 * same adapter as the sections, writing through to the comparison. */
static void
test_prose_row (gconstpointer data)
{
  const char *property = data;
  VdTestDesk desk = { 0 };
  VdComparisonPage *page;
  VdComparison *comparison;
  VdProseRow *row;
  GtkTextView *view;
  VdSpellAdapter *adapter;
  GtkTextIter iter;
  GMenuModel *suggestions;
  gboolean offered = FALSE;
  g_autofree char *wrong = NULL;
  g_autofree char *fixed = NULL;
  g_autofree char *right = NULL;
  g_autofree char *stored = NULL;

  wait_probed ();
  vd_test_desk_set_up (&desk, NULL);
  page = vd_test_desk_open_demo (&desk);
  comparison = vd_page_get_comparison (vd_comparison_page_get_page (page));
  row = g_str_equal (property, "dek") ? vd_comparison_page_get_dek_row (page)
                                      : vd_comparison_page_get_pricing_read_row (page);
  view = vd_prose_row_get_view (row);
  adapter = vd_spell_adapter_get_for_view (view);
  g_assert_nonnull (adapter);
  g_assert_cmpstr (vd_spell_adapter_get_language (adapter), ==, "en_US");

  type_text (view, "teh pannel");
  g_object_get (comparison, property, &stored, NULL);
  g_assert_cmpstr (stored, ==, "teh pannel");
  wait_checked (adapter);
  wrong = flagged_words (adapter, view);
  g_assert_cmpstr (wrong, ==, "teh|pannel");

  /* A suggestion replaces the word, and one undo puts it back. */
  gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (view), &iter, 6);
  g_assert_true (vd_spell_adapter_prepare_menu (adapter, &iter));
  suggestions = vd_spell_adapter_get_suggestions (adapter);
  g_assert_cmpint (g_menu_model_get_n_items (suggestions), >=, 1);
  g_assert_cmpint (g_menu_model_get_n_items (suggestions), <=, 5);
  for (int i = 0; i < g_menu_model_get_n_items (suggestions); i++)
    {
      g_autofree char *target = NULL;

      g_assert_true (g_menu_model_get_item_attribute (suggestions, i, G_MENU_ATTRIBUTE_TARGET,
                                                      "s", &target));
      offered |= g_str_equal (target, "panel");
    }
  g_assert_true (offered);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "spelling.correct", "s", "panel"));
  g_assert_cmpstr (vd_prose_row_get_text (row), ==, "teh panel");
  g_clear_pointer (&stored, g_free);
  g_object_get (comparison, property, &stored, NULL);
  g_assert_cmpstr (stored, ==, "teh panel");
  wait_checked (adapter);
  fixed = flagged_words (adapter, view);
  g_assert_cmpstr (fixed, ==, "teh");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "text.undo", NULL));
  g_assert_cmpstr (vd_prose_row_get_text (row), ==, "teh pannel");
  wait_checked (adapter);
  g_clear_pointer (&wrong, g_free);
  wrong = flagged_words (adapter, view);
  g_assert_cmpstr (wrong, ==, "teh|pannel");

  type_text (view, "the panel");
  wait_checked (adapter);
  right = flagged_words (adapter, view);
  g_assert_cmpstr (right, ==, "");
  gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (view), &iter, 1);
  g_assert_false (vd_spell_adapter_prepare_menu (adapter, &iter));

  vd_test_desk_tear_down (&desk, NULL);
}

/* A long paragraph is checked in many idle slices, none of which checks
 * it whole; an edit of another paragraph checks that paragraph only. */
static void
test_long_paragraph (Fixture      *fixture,
                     gconstpointer data)
{
  g_autoptr(GString) text = g_string_new (NULL);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (fixture->view);
  gint64 now = 0;
  guint n_slices, most_words, words;
  g_auto(GStrv) flagged = NULL;
  g_autofree char *all = NULL;
  GtkTextIter end;

  vd_speller_load_language (vd_speller_get_default (), "en_US");
  while (!vd_speller_is_loaded (vd_speller_get_default (), "en_US"))
    g_main_context_iteration (NULL, TRUE);

  /* 780 words, one in thirteen wrong, then a short paragraph. */
  for (guint i = 0; i < 60; i++)
    g_string_append (text, "the panel wrote teh review of a tool it had used for weeks ");
  g_string_append (text, "\nA short one.");
  load_text (fixture->view, text->str);

  /* Each look at the clock is a millisecond: a slice is three words. */
  vd_spell_set_idle_clock (counting_clock, &now);
  vd_spell_reset_longest_slice ();
  wait_checked (fixture->adapter);
  vd_spell_get_slice_counts (&n_slices, &most_words, &words);
  g_assert_cmpuint (words, ==, 783);
  g_assert_cmpuint (most_words, ==, VD_SPELL_SLICE_BUDGET_USEC / 1000);
  g_assert_cmpuint (n_slices, ==, 261);
  all = flagged_words (fixture->adapter, fixture->view);
  flagged = g_strsplit (all, "|", -1);
  g_assert_cmpuint (g_strv_length (flagged), ==, 60);
  for (guint i = 0; flagged[i] != NULL; i++)
    g_assert_cmpstr (flagged[i], ==, "teh");

  /* Typing in the short paragraph: its three words, not the long one. */
  vd_spell_reset_longest_slice ();
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, " Teh", -1);
  wait_checked (fixture->adapter);
  vd_spell_get_slice_counts (&n_slices, &most_words, &words);
  g_assert_cmpuint (words, ==, 4);
  g_assert_cmpuint (n_slices, ==, 2);

  vd_spell_set_idle_clock (NULL, NULL);
}

static void
test_preferences (void)
{
  g_autoptr(GSettings) settings = vd_application_new_settings ();
  GtkWidget *window = vd_preferences_window_new (settings);
  GtkSwitch *spell_switch = GTK_SWITCH (gtk_widget_get_template_child (window, VD_TYPE_PREFERENCES_WINDOW,
                                                                       "spell_switch"));

  /* Dictionaries are installed: the switch is live and writes the setting. */
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (spell_switch)));
  g_assert_true (gtk_switch_get_active (spell_switch));
  gtk_switch_set_active (spell_switch, FALSE);
  g_assert_false (g_settings_get_boolean (settings, "spell-check"));
  gtk_switch_set_active (spell_switch, TRUE);
  g_assert_true (g_settings_get_boolean (settings, "spell-check"));

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *config = vd_test_isolate_config ();
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/spell-adapter/before-probe", test_before_probe);
#define ADD(path, func, reviewer) \
  g_test_add (path, Fixture, reviewer, fixture_setup, func, fixture_teardown)
  ADD ("/spell-adapter/flagged", test_flagged, NULL);
  ADD ("/spell-adapter/recheck-changes-nothing", test_recheck_changes_nothing, NULL);
  ADD ("/spell-adapter/correct-and-undo", test_correct_and_undo, NULL);
  ADD ("/spell-adapter/add-and-ignore", test_add_and_ignore, NULL);
  ADD ("/spell-adapter/known-names", test_known_names, NULL);
  ADD ("/spell-adapter/switch", test_switch, NULL);
  ADD ("/spell-adapter/reviewer-language", test_reviewer_language, "test-reviewer");
  ADD ("/spell-adapter/slices", test_slices, NULL);
  ADD ("/spell-adapter/long-paragraph", test_long_paragraph, NULL);
#undef ADD
  g_test_add_func ("/spell-adapter/scorecard-form", test_scorecard_form);
  g_test_add_func ("/spell-adapter/reviewer-editor", test_reviewer_editor_row);
  g_test_add_func ("/spell-adapter/preferences", test_preferences);
  g_test_add_data_func ("/spell-adapter/dek", "dek", test_prose_row);
  g_test_add_data_func ("/spell-adapter/pricing-read", "pricing-read", test_prose_row);

  status = g_test_run ();
  vd_test_remove_config (config);
  return status;
}
