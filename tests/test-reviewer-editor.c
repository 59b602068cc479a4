/* test-reviewer-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The reviewer editor in a window, driven through its widgets' own API.
 */
#include "config.h"

#include <adwaita.h>

#include "vd-reviewer-editor.h"
#include "vd-undo.h"
#include "vd-test-util.h"

#define LITERAL "<b>x</b> & 🚀 مرحبا"

typedef struct
{
  GtkWindow        *window;
  VdReviewerEditor *editor;
  VdReviewer       *reviewer;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  const char * const prompts[] = { "Alpha", "Beta", NULL };

  fixture->reviewer = vd_reviewer_new ("Ada Lovelace", VD_PERSONA_CUSTOM);
  g_assert_true (vd_reviewer_set_prompts (fixture->reviewer, prompts));

  fixture->editor = g_object_ref_sink (VD_REVIEWER_EDITOR (vd_reviewer_editor_new ()));
  vd_reviewer_editor_set_reviewer (fixture->editor, fixture->reviewer);

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 600, 800);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->editor));
  gtk_window_present (fixture->window);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  g_assert_finalize_object (fixture->editor);
  g_assert_finalize_object (fixture->reviewer);
}

static const char *
row_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

/* Like pasting over the whole text, except that gtk_editable_set_text()
 * reports two changes: the row emptied, then the new text. */
static void
type_into (AdwEntryRow *row,
           const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

/* gtk_widget_activate() would only click after a 250 ms press. */
static void
click (GtkButton *button)
{
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
}

static void
assert_prompts (VdReviewer *reviewer,
                ...) G_GNUC_NULL_TERMINATED;

static void
assert_prompts (VdReviewer *reviewer,
                ...)
{
  const char * const *prompts = vd_reviewer_get_prompts (reviewer);
  const char *expected;
  va_list args;
  guint i = 0;

  va_start (args, reviewer);
  while ((expected = va_arg (args, const char *)) != NULL)
    {
      g_assert_nonnull (prompts[i]);
      g_assert_cmpstr (prompts[i], ==, expected);
      i++;
    }
  va_end (args);

  g_assert_null (prompts[i]);
}

/* Read-only rows showing exactly @persona's prompts. */
static void
assert_built_in_rows (VdReviewerEditor *editor,
                      VdPersona         persona)
{
  const char * const *prompts = vd_persona_get_prompts (persona);

  g_assert_cmpuint (vd_reviewer_editor_get_n_prompt_rows (editor), ==,
                    g_strv_length ((GStrv) prompts));
  for (guint i = 0; prompts[i] != NULL; i++)
    {
      AdwPreferencesRow *row =
        ADW_PREFERENCES_ROW (vd_reviewer_editor_get_prompt_widget (editor, i));

      g_assert_null (vd_reviewer_editor_get_prompt_row (editor, i));
      g_assert_null (vd_reviewer_editor_get_remove_button (editor, i));
      g_assert_true (ADW_IS_ACTION_ROW (row));
      g_assert_cmpstr (adw_preferences_row_get_title (row), ==, prompts[i]);
      g_assert_false (adw_preferences_row_get_use_markup (row));
    }
}

static VdReviewer *
find_demo_reviewer (VdStore    *store,
                    const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) reviewers = vd_store_list (store, VD_TYPE_REVIEWER, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (reviewers)); i++)
    {
      g_autoptr(VdReviewer) reviewer = g_list_model_get_item (G_LIST_MODEL (reviewers), i);

      if (g_str_equal (vd_reviewer_get_name (reviewer), name))
        return g_steal_pointer (&reviewer);
    }

  g_assert_not_reached ();
}

static void
test_demo_reviewer (void)
{
  g_autoptr(VdStore) store = vd_test_new_demo_store (NULL);
  VdReviewer *reviewer = find_demo_reviewer (store, "Marcus Webb");
  VdReviewerEditor *editor = g_object_ref_sink (VD_REVIEWER_EDITOR (vd_reviewer_editor_new ()));
  GListModel *personas = adw_combo_row_get_model (vd_reviewer_editor_get_persona_row (editor));

  g_assert_cmpuint (g_list_model_get_n_items (personas), ==, VD_PERSONA_CUSTOM + 1);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (personas), VD_PERSONA_SKEPTIC),
                   ==, "Skeptic");

  vd_reviewer_editor_set_reviewer (editor, reviewer);
  g_assert_true (vd_reviewer_editor_get_reviewer (editor) == reviewer);
  g_assert_cmpstr (row_text (vd_reviewer_editor_get_name_row (editor)), ==, "Marcus Webb");
  g_assert_cmpuint (adw_combo_row_get_selected (vd_reviewer_editor_get_persona_row (editor)),
                    ==, VD_PERSONA_SKEPTIC);
  assert_built_in_rows (editor, VD_PERSONA_SKEPTIC);
  g_assert_cmpstr (adw_preferences_row_get_title (
                     ADW_PREFERENCES_ROW (vd_reviewer_editor_get_prompt_widget (editor, 0))),
                   ==, "Direct competitors");
  g_assert_true (vd_reviewer_editor_is_valid (editor));
  g_assert_cmpint (vd_reviewer_get_persona (reviewer), ==, VD_PERSONA_SKEPTIC);

  g_assert_finalize_object (editor);
  g_assert_finalize_object (reviewer);
}

/* In a desk: a row never written just goes; a written prompt without text
 * under it goes at once, from the database too, and Undo brings it back. */
static void
test_remove_in_desk (void)
{
  g_autoptr(VdStore) store = vd_test_new_empty_store ();
  VdSession *session = vd_session_new (store, 0);
  VdReviewer *reviewer = vd_reviewer_new ("Ada", VD_PERSONA_CUSTOM);
  const char * const prompts[] = { "Alpha", "Beta", "Gamma", NULL };
  VdReviewerEditor *editor = g_object_ref_sink (VD_REVIEWER_EDITOR (vd_reviewer_editor_new ()));
  GtkWidget *overlay = adw_toast_overlay_new ();
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  AdwToast *previous = vd_undo_get_latest ();
  g_autoptr(GError) error = NULL;
  g_autoptr(VdReviewer) stored = NULL;

  g_assert_true (vd_reviewer_set_prompts (reviewer, prompts));
  g_assert_true (vd_session_create (session, VD_RECORD (reviewer), &error));
  g_assert_no_error (error);
  vd_reviewer_editor_set_session (editor, session);
  vd_reviewer_editor_set_reviewer (editor, reviewer);
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), GTK_WIDGET (editor));
  gtk_window_set_child (window, overlay);
  gtk_window_present (window);

  vd_reviewer_editor_add_prompt (editor);
  g_assert_cmpuint (vd_reviewer_editor_get_n_prompt_rows (editor), ==, 4);
  click (vd_reviewer_editor_get_remove_button (editor, 3));
  g_assert_cmpuint (vd_reviewer_editor_get_n_prompt_rows (editor), ==, 3);
  g_assert_true (vd_undo_get_latest () == previous);

  click (vd_reviewer_editor_get_remove_button (editor, 1));
  assert_prompts (reviewer, "Alpha", "Gamma", NULL);
  g_assert_cmpuint (vd_reviewer_editor_get_n_prompt_rows (editor), ==, 2);
  g_assert_cmpstr (row_text (vd_reviewer_editor_get_prompt_row (editor, 1)), ==, "Gamma");
  stored = vd_store_load (store, VD_TYPE_REVIEWER, vd_record_get_uuid (VD_RECORD (reviewer)),
                          &error);
  g_assert_no_error (error);
  assert_prompts (stored, "Alpha", "Gamma", NULL);

  g_assert_true (vd_undo_get_latest () != previous);
  g_signal_emit_by_name (vd_undo_get_latest (), "button-clicked");
  assert_prompts (reviewer, "Alpha", "Beta", "Gamma", NULL);
  g_assert_cmpuint (vd_reviewer_editor_get_n_prompt_rows (editor), ==, 3);
  g_clear_object (&stored);
  stored = vd_store_load (store, VD_TYPE_REVIEWER, vd_record_get_uuid (VD_RECORD (reviewer)),
                          &error);
  assert_prompts (stored, "Alpha", "Beta", "Gamma", NULL);

  gtk_window_destroy (window);
  g_assert_finalize_object (editor);
  g_assert_finalize_object (session);
  g_assert_finalize_object (reviewer);
}

static void
test_no_reviewer (void)
{
  VdReviewerEditor *editor = g_object_ref_sink (VD_REVIEWER_EDITOR (vd_reviewer_editor_new ()));

  g_assert_null (vd_reviewer_editor_get_reviewer (editor));
  g_assert_true (vd_reviewer_editor_is_valid (editor));
  g_assert_cmpuint (vd_reviewer_editor_get_n_prompt_rows (editor), ==, 0);
  type_into (vd_reviewer_editor_get_name_row (editor), "Nobody");
  adw_combo_row_set_selected (vd_reviewer_editor_get_persona_row (editor), VD_PERSONA_BUYER);

  g_assert_finalize_object (editor);
}

static void
test_name (Fixture       *fixture,
           gconstpointer  data)
{
  AdwEntryRow *row = vd_reviewer_editor_get_name_row (fixture->editor);

  type_into (row, "Grace Hopper");
  g_assert_cmpstr (vd_reviewer_get_name (fixture->reviewer), ==, "Grace Hopper");

  type_into (row, " ");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row), "error"));
  g_assert_nonnull (gtk_widget_get_tooltip_text (GTK_WIDGET (row)));
  g_assert_false (vd_reviewer_editor_is_valid (fixture->editor));
  g_assert_cmpstr (vd_reviewer_get_name (fixture->reviewer), ==, "Grace Hopper");

  /* A name from elsewhere replaces the refused one. */
  vd_reviewer_set_name (fixture->reviewer, "Barbara Liskov");
  g_assert_cmpstr (row_text (row), ==, "Barbara Liskov");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (row), "error"));
  g_assert_true (vd_reviewer_editor_is_valid (fixture->editor));

  type_into (row, LITERAL);
  g_assert_cmpstr (vd_reviewer_get_name (fixture->reviewer), ==, LITERAL);
  vd_reviewer_set_name (fixture->reviewer, "x");
  vd_reviewer_set_name (fixture->reviewer, LITERAL);
  g_assert_cmpstr (row_text (row), ==, LITERAL);
}

static void
test_custom_prompts (Fixture       *fixture,
                     gconstpointer  data)
{
  VdReviewerEditor *editor = fixture->editor;
  AdwEntryRow *first, *added;
  int position = -1;
  gboolean valid;

  g_assert_cmpuint (vd_reviewer_editor_get_n_prompt_rows (editor), ==, 2);
  first = vd_reviewer_editor_get_prompt_row (editor, 0);
  g_assert_nonnull (first);
  g_assert_cmpstr (row_text (first), ==, "Alpha");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (first)), ==, "Prompt 1");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (
                     GTK_WIDGET (vd_reviewer_editor_get_remove_button (editor, 0))),
                   ==, "Remove Prompt");

  /* Typing writes the whole list, and does not rebuild the rows. */
  gtk_editable_insert_text (GTK_EDITABLE (first), " and Omega", -1, &position);
  assert_prompts (fixture->reviewer, "Alpha and Omega", "Beta", NULL);
  g_assert_true (vd_reviewer_editor_get_prompt_row (editor, 0) == first);

  /* A new row is not written while it is empty, and is not an error yet. */
  vd_reviewer_editor_add_prompt (editor);
  g_assert_cmpuint (vd_reviewer_editor_get_n_prompt_rows (editor), ==, 3);
  added = vd_reviewer_editor_get_prompt_row (editor, 2);
  g_assert_cmpstr (row_text (added), ==, "");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (added)), ==, "Prompt 3");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (added), "error"));
  g_assert_true (vd_reviewer_editor_is_valid (editor));
  assert_prompts (fixture->reviewer, "Alpha and Omega", "Beta", NULL);

  type_into (added, LITERAL);
  assert_prompts (fixture->reviewer, "Alpha and Omega", "Beta", LITERAL, NULL);
  g_assert_cmpuint (vd_reviewer_editor_get_n_prompt_rows (editor), ==, 3);
  g_assert_true (vd_reviewer_editor_get_prompt_row (editor, 2) == added);
  g_assert_true (vd_reviewer_editor_get_prompt_row (editor, 0) == first);

  /* An emptied prompt is an error and keeps its last text in the list. */
  type_into (vd_reviewer_editor_get_prompt_row (editor, 1), "");
  g_assert_true (gtk_widget_has_css_class (
                   GTK_WIDGET (vd_reviewer_editor_get_prompt_row (editor, 1)), "error"));
  g_object_get (editor, "valid", &valid, NULL);
  g_assert_false (valid);
  assert_prompts (fixture->reviewer, "Alpha and Omega", "Beta", LITERAL, NULL);

  /* Removing it is how a prompt goes, and the titles follow. */
  click (vd_reviewer_editor_get_remove_button (editor, 1));
  assert_prompts (fixture->reviewer, "Alpha and Omega", LITERAL, NULL);
  g_assert_cmpuint (vd_reviewer_editor_get_n_prompt_rows (editor), ==, 2);
  g_assert_true (vd_reviewer_editor_get_prompt_row (editor, 1) == added);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (added)), ==, "Prompt 2");
  g_assert_true (vd_reviewer_editor_is_valid (editor));

  click (vd_reviewer_editor_get_remove_button (editor, 0));
  click (vd_reviewer_editor_get_remove_button (editor, 0));
  assert_prompts (fixture->reviewer, NULL);
  g_assert_cmpuint (vd_reviewer_editor_get_n_prompt_rows (editor), ==, 0);
}

static void
test_add_row (Fixture       *fixture,
              gconstpointer  data)
{
  GtkWidget *first = GTK_WIDGET (vd_reviewer_editor_get_prompt_row (fixture->editor, 0));
  GtkWidget *list = gtk_widget_get_ancestor (first, GTK_TYPE_LIST_BOX);
  GtkWidget *add_row = gtk_widget_get_last_child (list);

  g_assert_false (ADW_IS_ENTRY_ROW (add_row));
  gtk_widget_activate (add_row);
  g_assert_cmpuint (vd_reviewer_editor_get_n_prompt_rows (fixture->editor), ==, 3);
  g_assert_true (gtk_widget_get_last_child (list) == add_row);
  type_into (vd_reviewer_editor_get_prompt_row (fixture->editor, 2), "Gamma");
  assert_prompts (fixture->reviewer, "Alpha", "Beta", "Gamma", NULL);
}

static void
test_persona (Fixture       *fixture,
              gconstpointer  data)
{
  AdwComboRow *persona_row = vd_reviewer_editor_get_persona_row (fixture->editor);

  adw_combo_row_set_selected (persona_row, VD_PERSONA_SKEPTIC);
  g_assert_cmpint (vd_reviewer_get_persona (fixture->reviewer), ==, VD_PERSONA_SKEPTIC);
  assert_built_in_rows (fixture->editor, VD_PERSONA_SKEPTIC);

  adw_combo_row_set_selected (persona_row, VD_PERSONA_STRATEGIST);
  assert_built_in_rows (fixture->editor, VD_PERSONA_STRATEGIST);

  /* Back to custom: the reviewer's own prompts were kept. */
  adw_combo_row_set_selected (persona_row, VD_PERSONA_CUSTOM);
  g_assert_cmpint (vd_reviewer_get_persona (fixture->reviewer), ==, VD_PERSONA_CUSTOM);
  g_assert_cmpuint (vd_reviewer_editor_get_n_prompt_rows (fixture->editor), ==, 2);
  g_assert_cmpstr (row_text (vd_reviewer_editor_get_prompt_row (fixture->editor, 1)), ==, "Beta");
  assert_prompts (fixture->reviewer, "Alpha", "Beta", NULL);

  /* From elsewhere, too. */
  vd_reviewer_set_persona (fixture->reviewer, VD_PERSONA_BUYER);
  g_assert_cmpuint (adw_combo_row_get_selected (persona_row), ==, VD_PERSONA_BUYER);
  assert_built_in_rows (fixture->editor, VD_PERSONA_BUYER);
}

static void
test_built_in_to_custom (void)
{
  g_autoptr(VdReviewer) reviewer = vd_reviewer_new ("Priya Raman",
                                                    VD_PERSONA_DEVELOPER_EXPERIENCE);
  VdReviewerEditor *editor = g_object_ref_sink (VD_REVIEWER_EDITOR (vd_reviewer_editor_new ()));
  const char * const *dx = vd_persona_get_prompts (VD_PERSONA_DEVELOPER_EXPERIENCE);

  vd_reviewer_editor_set_reviewer (editor, reviewer);
  assert_built_in_rows (editor, VD_PERSONA_DEVELOPER_EXPERIENCE);

  /* A custom persona with no prompts of its own starts from the old ones. */
  adw_combo_row_set_selected (vd_reviewer_editor_get_persona_row (editor), VD_PERSONA_CUSTOM);
  g_assert_cmpint (vd_reviewer_get_persona (reviewer), ==, VD_PERSONA_CUSTOM);
  g_assert_true (g_strv_equal (vd_reviewer_get_prompts (reviewer), dx));
  g_assert_cmpuint (vd_reviewer_editor_get_n_prompt_rows (editor), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      AdwEntryRow *row = vd_reviewer_editor_get_prompt_row (editor, i);

      g_assert_nonnull (row);
      g_assert_cmpstr (row_text (row), ==, dx[i]);
    }

  type_into (vd_reviewer_editor_get_prompt_row (editor, 2), "The moment of regret");
  assert_prompts (reviewer, "The primitive", "The DX bet", "The moment of regret", NULL);

  vd_reviewer_editor_set_reviewer (editor, NULL);
  g_assert_cmpuint (vd_reviewer_editor_get_n_prompt_rows (editor), ==, 0);
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (vd_reviewer_editor_get_name_row (editor))));
  g_assert_finalize_object (editor);
}

static void
test_follows_reviewer (Fixture       *fixture,
                       gconstpointer  data)
{
  const char * const renamed[] = { "Alpha 2", "Beta 2", NULL };
  const char * const three[] = { "X", "Y", "Z", NULL };
  AdwEntryRow *first = vd_reviewer_editor_get_prompt_row (fixture->editor, 0);
  g_autoptr(VdReviewer) other = vd_reviewer_new ("Other", VD_PERSONA_SKEPTIC);

  /* The same number of prompts: the rows stay and take the new text. */
  vd_reviewer_set_prompts (fixture->reviewer, renamed);
  g_assert_true (vd_reviewer_editor_get_prompt_row (fixture->editor, 0) == first);
  g_assert_cmpstr (row_text (first), ==, "Alpha 2");
  g_assert_cmpstr (row_text (vd_reviewer_editor_get_prompt_row (fixture->editor, 1)), ==, "Beta 2");

  vd_reviewer_set_prompts (fixture->reviewer, three);
  g_assert_cmpuint (vd_reviewer_editor_get_n_prompt_rows (fixture->editor), ==, 3);
  g_assert_cmpstr (row_text (vd_reviewer_editor_get_prompt_row (fixture->editor, 2)), ==, "Z");

  /* Another reviewer: the first is neither followed nor written. */
  vd_reviewer_editor_set_reviewer (fixture->editor, other);
  assert_built_in_rows (fixture->editor, VD_PERSONA_SKEPTIC);
  g_assert_cmpstr (row_text (vd_reviewer_editor_get_name_row (fixture->editor)), ==, "Other");
  vd_reviewer_set_name (fixture->reviewer, "Gone");
  g_assert_cmpstr (row_text (vd_reviewer_editor_get_name_row (fixture->editor)), ==, "Other");
  type_into (vd_reviewer_editor_get_name_row (fixture->editor), "Other Name");
  g_assert_cmpstr (vd_reviewer_get_name (fixture->reviewer), ==, "Gone");
  g_assert_cmpstr (vd_reviewer_get_name (other), ==, "Other Name");

  vd_reviewer_editor_set_reviewer (fixture->editor, NULL);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/reviewer-editor/demo-reviewer", test_demo_reviewer);
  g_test_add_func ("/reviewer-editor/no-reviewer", test_no_reviewer);
  g_test_add_func ("/reviewer-editor/remove-in-desk", test_remove_in_desk);
  g_test_add_func ("/reviewer-editor/built-in-to-custom", test_built_in_to_custom);
#define ADD(path, func) \
  g_test_add ("/reviewer-editor/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("name", test_name);
  ADD ("custom-prompts", test_custom_prompts);
  ADD ("add-row", test_add_row);
  ADD ("persona", test_persona);
  ADD ("follows-reviewer", test_follows_reviewer);
#undef ADD

  return g_test_run ();
}
