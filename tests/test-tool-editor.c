/* test-tool-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The tool editor in a window, driven through its widgets' own API.
 */
#include "config.h"

#include <adwaita.h>

#include "vd-tool-editor.h"
#include "vd-test-util.h"

#define LITERAL "<b>x</b> & 🚀 مرحبا"
#define DESCRIPTION "A mid-tier model API."

typedef struct
{
  GtkWindow    *window;
  VdToolEditor *editor;
  VdTool       *tool;
  guint         n_valid_notifies;
} Fixture;

static void
count_notify (Fixture *fixture)
{
  fixture->n_valid_notifies++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->tool = vd_tool_new ("Mistral Medium 3");
  vd_tool_set_vendor (fixture->tool, "Mistral AI");
  vd_tool_set_website (fixture->tool, "https://mistral.ai/news/mistral-medium-3");
  vd_tool_set_pricing (fixture->tool, VD_PRICING_PAID);
  vd_tool_set_description (fixture->tool, DESCRIPTION);

  fixture->editor = g_object_ref_sink (VD_TOOL_EDITOR (vd_tool_editor_new ()));
  g_signal_connect_swapped (fixture->editor, "notify::valid", G_CALLBACK (count_notify), fixture);
  vd_tool_editor_set_tool (fixture->editor, fixture->tool);

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
  g_assert_finalize_object (fixture->tool);
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

static char *
buffer_text (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static VdTool *
find_demo_tool (VdStore    *store,
                const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) tools = vd_store_list (store, VD_TYPE_TOOL, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (tools)); i++)
    {
      g_autoptr(VdTool) tool = g_list_model_get_item (G_LIST_MODEL (tools), i);

      if (g_str_equal (vd_tool_get_name (tool), name))
        return g_steal_pointer (&tool);
    }

  g_assert_not_reached ();
}

static void
test_shows_demo_tool (void)
{
  g_autoptr(VdStore) store = vd_test_new_demo_store (NULL);
  VdTool *tool = find_demo_tool (store, "Mistral Medium 3");
  VdToolEditor *editor = g_object_ref_sink (VD_TOOL_EDITOR (vd_tool_editor_new ()));
  g_autofree char *description = NULL;

  vd_tool_editor_set_tool (editor, tool);
  g_assert_true (vd_tool_editor_get_tool (editor) == tool);

  g_assert_cmpstr (row_text (vd_tool_editor_get_name_row (editor)), ==, "Mistral Medium 3");
  g_assert_cmpstr (row_text (vd_tool_editor_get_website_row (editor)), ==,
                   "https://mistral.ai/news/mistral-medium-3");
  g_assert_cmpuint (adw_combo_row_get_selected (vd_tool_editor_get_pricing_row (editor)), ==,
                    VD_PRICING_PAID);
  description = buffer_text (vd_tool_editor_get_description_buffer (editor));
  g_assert_cmpstr (description, ==, vd_tool_get_description (tool));
  /* The demo has no community votes. */
  g_assert_false (gtk_switch_get_active (vd_tool_editor_get_votes_switch (editor)));
  g_assert_true (vd_tool_editor_is_valid (editor));
  /* Loading must not write anything back. */
  g_assert_cmpstr (vd_tool_get_name (tool), ==, "Mistral Medium 3");

  g_assert_finalize_object (editor);
  g_assert_finalize_object (tool);
}

static void
test_no_tool (void)
{
  VdToolEditor *editor = g_object_ref_sink (VD_TOOL_EDITOR (vd_tool_editor_new ()));

  g_assert_null (vd_tool_editor_get_tool (editor));
  g_assert_true (vd_tool_editor_is_valid (editor));
  g_assert_cmpstr (row_text (vd_tool_editor_get_name_row (editor)), ==, "");
  /* Editing with nothing to edit is ignored, not a crash. */
  type_into (vd_tool_editor_get_name_row (editor), "Orphan");
  gtk_switch_set_active (vd_tool_editor_get_votes_switch (editor), TRUE);

  g_assert_finalize_object (editor);
}

static void
test_name_edit (Fixture       *fixture,
                gconstpointer  data)
{
  AdwEntryRow *row = vd_tool_editor_get_name_row (fixture->editor);

  int position = -1;

  g_assert_cmpstr (row_text (row), ==, "Mistral Medium 3");

  gtk_editable_insert_text (GTK_EDITABLE (row), ".1", -1, &position);
  g_assert_cmpstr (vd_tool_get_name (fixture->tool), ==, "Mistral Medium 3.1");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (row), "error"));
  g_assert_true (vd_tool_editor_is_valid (fixture->editor));
  g_assert_cmpuint (fixture->n_valid_notifies, ==, 0);

  /* Outer spaces are not stored, and the one just typed stays in the row. */
  gtk_editable_set_position (GTK_EDITABLE (row), 3);
  position = -1;
  gtk_editable_insert_text (GTK_EDITABLE (row), " ", -1, &position);
  g_assert_cmpstr (vd_tool_get_name (fixture->tool), ==, "Mistral Medium 3.1");
  g_assert_cmpstr (row_text (row), ==, "Mistral Medium 3.1 ");
  g_assert_cmpint (gtk_editable_get_position (GTK_EDITABLE (row)), ==, 3);

  type_into (row, "Mistral Large");
  g_assert_cmpstr (vd_tool_get_name (fixture->tool), ==, "Mistral Large");
  g_assert_true (vd_tool_editor_is_valid (fixture->editor));
}

static void
test_name_required (Fixture       *fixture,
                    gconstpointer  data)
{
  AdwEntryRow *row = vd_tool_editor_get_name_row (fixture->editor);

  type_into (row, "");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row), "error"));
  g_assert_nonnull (gtk_widget_get_tooltip_text (GTK_WIDGET (row)));
  g_assert_false (vd_tool_editor_is_valid (fixture->editor));
  g_assert_cmpuint (fixture->n_valid_notifies, ==, 1);
  g_assert_cmpstr (vd_tool_get_name (fixture->tool), ==, "Mistral Medium 3");
  g_assert_true (vd_record_validate (VD_RECORD (fixture->tool), NULL));

  type_into (row, "   ");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row), "error"));
  g_assert_false (vd_tool_editor_is_valid (fixture->editor));
  g_assert_cmpuint (fixture->n_valid_notifies, ==, 1);
  g_assert_cmpstr (vd_tool_get_name (fixture->tool), ==, "Mistral Medium 3");

  type_into (row, "Mistral");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (row), "error"));
  g_assert_null (gtk_widget_get_tooltip_text (GTK_WIDGET (row)));
  g_assert_true (vd_tool_editor_is_valid (fixture->editor));
  g_assert_cmpuint (fixture->n_valid_notifies, ==, 2);
  g_assert_cmpstr (vd_tool_get_name (fixture->tool), ==, "Mistral");
}

static void
test_website (Fixture       *fixture,
              gconstpointer  data)
{
  AdwEntryRow *row = vd_tool_editor_get_website_row (fixture->editor);
  gboolean valid;
  int position = 5;

  /* Deleting the colon breaks the address: the tool keeps the last good one. */
  gtk_editable_delete_text (GTK_EDITABLE (row), 5, 6);
  g_assert_cmpstr (row_text (row), ==, "https//mistral.ai/news/mistral-medium-3");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row), "error"));
  g_assert_nonnull (gtk_widget_get_tooltip_text (GTK_WIDGET (row)));
  g_object_get (fixture->editor, "valid", &valid, NULL);
  g_assert_false (valid);
  g_assert_cmpstr (vd_tool_get_website (fixture->tool), ==,
                   "https://mistral.ai/news/mistral-medium-3");

  gtk_editable_insert_text (GTK_EDITABLE (row), ":", -1, &position);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (row), "error"));
  g_assert_true (vd_tool_editor_is_valid (fixture->editor));

  /* gtk_editable_set_text() empties the row first, and a tool may have no
   * website; what matters is that "ftp://x" itself never reaches the tool. */
  type_into (row, "ftp://x");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row), "error"));
  g_assert_false (vd_tool_editor_is_valid (fixture->editor));
  g_assert_cmpstr (vd_tool_get_website (fixture->tool), !=, "ftp://x");
  g_assert_true (vd_record_validate (VD_RECORD (fixture->tool), NULL));

  type_into (row, "https://mistral.ai");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (row), "error"));
  g_assert_null (gtk_widget_get_tooltip_text (GTK_WIDGET (row)));
  g_assert_true (vd_tool_editor_is_valid (fixture->editor));
  g_assert_cmpstr (vd_tool_get_website (fixture->tool), ==, "https://mistral.ai");

  type_into (row, "");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (row), "error"));
  g_assert_cmpstr (vd_tool_get_website (fixture->tool), ==, "");

  /* Two broken rows: fixing one leaves the form invalid. */
  type_into (row, "mistral ai");
  type_into (vd_tool_editor_get_name_row (fixture->editor), "");
  g_assert_false (vd_tool_editor_is_valid (fixture->editor));
  type_into (row, "http://mistral.ai");
  g_assert_false (vd_tool_editor_is_valid (fixture->editor));
  type_into (vd_tool_editor_get_name_row (fixture->editor), "Mistral");
  g_assert_true (vd_tool_editor_is_valid (fixture->editor));
  g_assert_cmpstr (vd_tool_get_website (fixture->tool), ==, "http://mistral.ai");
}

/* A website typed without its scheme is completed, not refused; the row
 * shows what was saved once the editor leaves it. */
static void
test_website_completed (Fixture       *fixture,
                        gconstpointer  data)
{
  AdwEntryRow *row = vd_tool_editor_get_website_row (fixture->editor);

  gtk_widget_grab_focus (GTK_WIDGET (row));
  type_into (row, "zed.dev/docs");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (row), "error"));
  g_assert_true (vd_tool_editor_is_valid (fixture->editor));
  g_assert_cmpstr (vd_tool_get_website (fixture->tool), ==, "https://zed.dev/docs");
  /* Still as typed while the editor is in the row. */
  g_assert_cmpstr (row_text (row), ==, "zed.dev/docs");

  gtk_widget_grab_focus (GTK_WIDGET (vd_tool_editor_get_name_row (fixture->editor)));
  g_assert_cmpstr (row_text (row), ==, "https://zed.dev/docs");
  g_assert_cmpstr (vd_tool_get_website (fixture->tool), ==, "https://zed.dev/docs");

  /* A broken scheme is no host name: refused, not completed into
   * "https://https//…", and the tool keeps its address. */
  gtk_editable_delete_text (GTK_EDITABLE (row), 5, 6);
  g_assert_cmpstr (row_text (row), ==, "https//zed.dev/docs");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row), "error"));
  g_assert_cmpstr (vd_tool_get_website (fixture->tool), ==, "https://zed.dev/docs");
}

static void
test_pricing (Fixture       *fixture,
              gconstpointer  data)
{
  AdwComboRow *row = vd_tool_editor_get_pricing_row (fixture->editor);
  GListModel *model = adw_combo_row_get_model (row);

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, VD_PRICING_ENTERPRISE + 1);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (model), VD_PRICING_OPEN_SOURCE),
                   ==, "Open Source");

  adw_combo_row_set_selected (row, VD_PRICING_OPEN_SOURCE);
  g_assert_cmpint (vd_tool_get_pricing (fixture->tool), ==, VD_PRICING_OPEN_SOURCE);

  vd_tool_set_pricing (fixture->tool, VD_PRICING_FREEMIUM);
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, VD_PRICING_FREEMIUM);
}

static void
test_follows_tool (Fixture       *fixture,
                   gconstpointer  data)
{
  AdwEntryRow *row = vd_tool_editor_get_name_row (fixture->editor);

  vd_tool_set_name (fixture->tool, "Le Chat");
  g_assert_cmpstr (row_text (row), ==, "Le Chat");
  vd_tool_set_website (fixture->tool, "https://chat.mistral.ai");
  g_assert_cmpstr (row_text (vd_tool_editor_get_website_row (fixture->editor)), ==,
                   "https://chat.mistral.ai");

  /* The same text again leaves the row, and its cursor, alone. */
  gtk_editable_set_position (GTK_EDITABLE (row), 2);
  g_object_notify (G_OBJECT (fixture->tool), "name");
  g_assert_cmpint (gtk_editable_get_position (GTK_EDITABLE (row)), ==, 2);

  /* A name from elsewhere replaces the one the row refused. */
  type_into (row, "");
  g_assert_false (vd_tool_editor_is_valid (fixture->editor));
  vd_tool_set_name (fixture->tool, "Mistral Small");
  g_assert_cmpstr (row_text (row), ==, "Mistral Small");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (row), "error"));
  g_assert_true (vd_tool_editor_is_valid (fixture->editor));
}

static void
test_switch_tool (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(VdTool) other = vd_tool_new ("Claude Haiku");
  AdwEntryRow *row = vd_tool_editor_get_name_row (fixture->editor);

  type_into (row, "");
  vd_tool_editor_set_tool (fixture->editor, other);
  g_assert_cmpstr (row_text (row), ==, "Claude Haiku");
  g_assert_cmpstr (row_text (vd_tool_editor_get_website_row (fixture->editor)), ==, "");
  g_assert_true (vd_tool_editor_is_valid (fixture->editor));
  g_assert_false (gtk_text_buffer_get_can_undo (vd_tool_editor_get_description_buffer (fixture->editor)));

  /* The old tool is no longer followed nor written. */
  vd_tool_set_name (fixture->tool, "Gone");
  g_assert_cmpstr (row_text (row), ==, "Claude Haiku");
  type_into (row, "Claude Haiku 3.5");
  g_assert_cmpstr (vd_tool_get_name (fixture->tool), ==, "Gone");
  g_assert_cmpstr (vd_tool_get_name (other), ==, "Claude Haiku 3.5");

  vd_tool_editor_set_tool (fixture->editor, NULL);
  g_assert_cmpstr (row_text (row), ==, "");
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (row)));
  g_assert_cmpstr (vd_tool_get_name (other), ==, "Claude Haiku 3.5");
}

static void
test_description (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkTextBuffer *buffer = vd_tool_editor_get_description_buffer (fixture->editor);
  g_autofree char *text = buffer_text (buffer);
  GtkTextIter end;

  g_assert_cmpstr (text, ==, DESCRIPTION);
  /* What the tool said is not the editor's to undo. */
  g_assert_false (gtk_text_buffer_get_can_undo (buffer));

  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, "\nIt ships.", -1);
  g_assert_cmpstr (vd_tool_get_description (fixture->tool), ==, DESCRIPTION "\nIt ships.");

  g_assert_true (gtk_text_buffer_get_can_undo (buffer));
  gtk_text_buffer_undo (buffer);
  g_assert_cmpstr (vd_tool_get_description (fixture->tool), ==, DESCRIPTION);
  gtk_text_buffer_redo (buffer);
  g_assert_cmpstr (vd_tool_get_description (fixture->tool), ==, DESCRIPTION "\nIt ships.");

  vd_tool_set_description (fixture->tool, "Rewritten elsewhere.");
  g_clear_pointer (&text, g_free);
  text = buffer_text (buffer);
  g_assert_cmpstr (text, ==, "Rewritten elsewhere.");
  g_assert_false (gtk_text_buffer_get_can_undo (buffer));
}

static void
test_votes (Fixture       *fixture,
            gconstpointer  data)
{
  GtkSwitch *recorded = vd_tool_editor_get_votes_switch (fixture->editor);
  GtkSpinButton *up = vd_tool_editor_get_votes_up_button (fixture->editor);
  GtkSpinButton *down = vd_tool_editor_get_votes_down_button (fixture->editor);
  GtkAdjustment *adjustment = gtk_spin_button_get_adjustment (up);

  g_assert_false (gtk_switch_get_active (recorded));
  g_assert_cmpfloat (gtk_adjustment_get_lower (adjustment), ==, 0);
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), ==, 1e9);

  gtk_switch_set_active (recorded, TRUE);
  g_assert_cmpint (vd_tool_get_votes_up (fixture->tool), ==, 0);
  g_assert_cmpint (vd_tool_get_votes_down (fixture->tool), ==, 0);

  gtk_spin_button_set_value (up, 120);
  gtk_spin_button_set_value (down, 30);
  g_assert_cmpint (vd_tool_get_votes_up (fixture->tool), ==, 120);
  g_assert_cmpint (vd_tool_get_votes_down (fixture->tool), ==, 30);

  /* Negative counts cannot be entered. */
  gtk_spin_button_set_value (down, -5);
  g_assert_cmpint (vd_tool_get_votes_down (fixture->tool), ==, 0);
  gtk_spin_button_set_value (down, 30);

  gtk_switch_set_active (recorded, FALSE);
  g_assert_cmpint (vd_tool_get_votes_up (fixture->tool), ==, VD_VOTES_UNSET);
  g_assert_cmpint (vd_tool_get_votes_down (fixture->tool), ==, VD_VOTES_UNSET);
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (up)));

  /* Switched back on, the counts come back. */
  gtk_switch_set_active (recorded, TRUE);
  g_assert_cmpint (vd_tool_get_votes_up (fixture->tool), ==, 120);
  g_assert_cmpint (vd_tool_get_votes_down (fixture->tool), ==, 30);
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (up)));

  vd_tool_set_votes (fixture->tool, 5, 7);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (up), ==, 5);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (down), ==, 7);
  vd_tool_set_votes (fixture->tool, VD_VOTES_UNSET, VD_VOTES_UNSET);
  g_assert_false (gtk_switch_get_active (recorded));
}

static void
test_literal_text (Fixture       *fixture,
                   gconstpointer  data)
{
  AdwEntryRow *row = vd_tool_editor_get_name_row (fixture->editor);
  GtkTextBuffer *buffer = vd_tool_editor_get_description_buffer (fixture->editor);
  g_autofree char *text = NULL;

  type_into (row, LITERAL);
  g_assert_cmpstr (vd_tool_get_name (fixture->tool), ==, LITERAL);

  vd_tool_set_name (fixture->tool, "Other");
  vd_tool_set_name (fixture->tool, LITERAL);
  g_assert_cmpstr (row_text (row), ==, LITERAL);

  gtk_text_buffer_set_text (buffer, LITERAL, -1);
  g_assert_cmpstr (vd_tool_get_description (fixture->tool), ==, LITERAL);
  vd_tool_set_description (fixture->tool, LITERAL "\n" LITERAL);
  text = buffer_text (buffer);
  g_assert_cmpstr (text, ==, LITERAL "\n" LITERAL);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/tool-editor/demo-tool", test_shows_demo_tool);
  g_test_add_func ("/tool-editor/no-tool", test_no_tool);
#define ADD(path, func) \
  g_test_add ("/tool-editor/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("name/edit", test_name_edit);
  ADD ("name/required", test_name_required);
  ADD ("website", test_website);
  ADD ("website-completed", test_website_completed);
  ADD ("pricing", test_pricing);
  ADD ("follows-tool", test_follows_tool);
  ADD ("switch-tool", test_switch_tool);
  ADD ("description", test_description);
  ADD ("votes", test_votes);
  ADD ("literal-text", test_literal_text);
#undef ADD

  return g_test_run ();
}
