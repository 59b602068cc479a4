/* test-scorecard-form.c — the scorecard form on the demo database, under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "vd-scorecard-form.h"
#include "vd-test-desk.h"
#include "vd-test-util.h"

#define DEMO_SLUG "claude-haiku-open-weights-vs-mistral-medium-3"
#define LITERAL_TEXT "<b>x</b> & 🚀 مرحبا"

typedef struct
{
  VdStore         *store;
  VdComparison    *comparison;
  VdScorecard     *scorecard;
  VdReviewer      *reviewer;
  VdTool          *tool;
  GtkWindow       *window;
  VdScorecardForm *form;
} Fixture;

static void
fixture_load_demo (Fixture    *fixture,
                   gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) scorecards = NULL;

  fixture->store = vd_test_new_demo_store (NULL);
  fixture->comparison = vd_store_load_comparison_by_slug (fixture->store, DEMO_SLUG, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->comparison);

  scorecards = vd_store_list_scorecards (fixture->store, fixture->comparison, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (scorecards)), >, 0);

  fixture->scorecard = g_list_model_get_item (G_LIST_MODEL (scorecards), 0);
  fixture->reviewer = vd_store_load (fixture->store, VD_TYPE_REVIEWER,
                                     vd_scorecard_get_reviewer (fixture->scorecard), &error);
  g_assert_no_error (error);
  fixture->tool = vd_store_load (fixture->store, VD_TYPE_TOOL,
                                 vd_scorecard_get_tool (fixture->scorecard), &error);
  g_assert_no_error (error);
}

static void
fixture_show (Fixture *fixture)
{
  GtkWidget *form = vd_scorecard_form_new (fixture->scorecard, fixture->reviewer, fixture->tool);

  g_assert_nonnull (form);
  fixture->form = VD_SCORECARD_FORM (g_object_ref_sink (form));

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 700, 900);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->form));
  gtk_window_present (fixture->window);
  /* Mapped, then laid out by the first frame. */
  while (!gtk_widget_get_mapped (GTK_WIDGET (fixture->form)) ||
         gtk_widget_get_height (GTK_WIDGET (fixture->form)) == 0)
    g_main_context_iteration (NULL, TRUE);
}

static void
fixture_setup (Fixture      *fixture,
               gconstpointer data)
{
  fixture_load_demo (fixture, data);
  fixture_show (fixture);
}

/* Destroys the window and checks that nothing keeps the form alive, nor
 * listens to the model objects any longer. */
static void
fixture_teardown (Fixture      *fixture,
                  gconstpointer data)
{
  if (fixture->window != NULL)
    gtk_window_destroy (fixture->window);
  if (fixture->form != NULL)
    g_assert_finalize_object (fixture->form);

  if (fixture->scorecard != NULL)
    g_assert_false (g_signal_has_handler_pending (fixture->scorecard,
                                                  g_signal_lookup ("notify", G_TYPE_OBJECT),
                                                  0, FALSE));
  if (fixture->reviewer != NULL)
    g_assert_false (g_signal_has_handler_pending (fixture->reviewer,
                                                  g_signal_lookup ("notify", G_TYPE_OBJECT),
                                                  0, FALSE));
  if (fixture->tool != NULL)
    g_assert_false (g_signal_has_handler_pending (fixture->tool,
                                                  g_signal_lookup ("notify", G_TYPE_OBJECT),
                                                  0, FALSE));

  g_clear_object (&fixture->scorecard);
  g_clear_object (&fixture->reviewer);
  g_clear_object (&fixture->tool);
  g_clear_object (&fixture->comparison);
  g_clear_object (&fixture->store);
}

static gpointer
template_child (Fixture    *fixture,
                const char *name)
{
  return gtk_widget_get_template_child (GTK_WIDGET (fixture->form), VD_TYPE_SCORECARD_FORM, name);
}

static void
collect (GtkWidget  *widget,
         GType       type,
         const char *css_class,
         GPtrArray  *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) &&
      (css_class == NULL || gtk_widget_has_css_class (widget, css_class)))
    g_ptr_array_add (found, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect (child, type, css_class, found);
}

/* The form's widgets of @type (with @css_class), in tree order. */
static GPtrArray *
find_widgets (Fixture    *fixture,
              GType       type,
              const char *css_class)
{
  GPtrArray *found = g_ptr_array_new ();

  collect (GTK_WIDGET (fixture->form), type, css_class, found);
  return found;
}

static const char *
count_text (Fixture *fixture,
            guint    section)
{
  return gtk_label_get_text (vd_scorecard_form_get_count_label (fixture->form, section));
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              gpointer    data)
{
  (*(guint *) data)++;
}

static void
test_sections_loaded (Fixture      *fixture,
                      gconstpointer data)
{
  const char * const *prompts = vd_reviewer_get_prompts (fixture->reviewer);
  g_autoptr(GPtrArray) headings = find_widgets (fixture, GTK_TYPE_LABEL, "heading");
  g_autoptr(GPtrArray) views = find_widgets (fixture, GTK_TYPE_TEXT_VIEW, NULL);

  g_assert_cmpuint (g_strv_length ((char **) prompts), ==, 3);
  g_assert_cmpuint (vd_scorecard_form_get_n_sections (fixture->form), ==, 3);
  g_assert_cmpuint (headings->len, ==, 3);
  g_assert_cmpuint (views->len, ==, 3);

  for (guint i = 0; i < 3; i++)
    {
      GtkTextBuffer *buffer = vd_scorecard_form_get_buffer (fixture->form, i);
      GtkTextView *view = g_ptr_array_index (views, i);
      GtkLabel *heading = g_ptr_array_index (headings, i);
      const char *stored = vd_scorecard_get_section (fixture->scorecard, i);
      g_autofree char *text = vd_test_buffer_text (buffer);
      g_autofree char *count = g_strdup_printf ("%ld characters", g_utf8_strlen (stored, -1));
      g_autoptr(PangoLayout) layout = NULL;
      int four_lines, min_height;

      g_assert_cmpstr (stored, !=, "");
      g_assert_cmpstr (text, ==, stored);
      g_assert_cmpstr (count_text (fixture, i), ==, count);
      g_assert_cmpstr (gtk_label_get_text (heading), ==, prompts[i]);

      g_assert_true (gtk_text_view_get_buffer (view) == buffer);
      g_assert_true (gtk_text_view_get_wrap_mode (view) == GTK_WRAP_WORD_CHAR);
      g_assert_false (gtk_text_view_get_accepts_tab (view));
      gtk_test_accessible_assert_relation (GTK_ACCESSIBLE (view),
                                           GTK_ACCESSIBLE_RELATION_LABELLED_BY, heading, NULL);

      /* Room for a paragraph even when empty: at least four lines of the view's font. */
      layout = gtk_widget_create_pango_layout (GTK_WIDGET (view), "X\nX\nX\nX");
      pango_layout_get_pixel_size (layout, NULL, &four_lines);
      gtk_widget_get_size_request (GTK_WIDGET (view), NULL, &min_height);
      g_assert_cmpint (min_height, >=, four_lines);
      g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (view)), >=, four_lines);

      /* Loading is not an edit the reviewer could undo. */
      g_assert_false (gtk_text_buffer_get_can_undo (buffer));
    }
}

static void
test_header (Fixture      *fixture,
             gconstpointer data)
{
  GtkLabel *tool_label = template_child (fixture, "tool_label");
  GtkLabel *reviewer_label = template_child (fixture, "reviewer_label");

  g_assert_true (vd_scorecard_form_get_scorecard (fixture->form) == fixture->scorecard);
  g_assert_true (vd_scorecard_form_get_reviewer (fixture->form) == fixture->reviewer);
  g_assert_true (vd_scorecard_form_get_tool (fixture->form) == fixture->tool);

  g_assert_cmpstr (gtk_label_get_text (tool_label), ==, vd_tool_get_name (fixture->tool));
  g_assert_cmpstr (gtk_label_get_text (reviewer_label), ==,
                   "Priya Raman · Developer Experience");

  vd_tool_set_name (fixture->tool, "Claude Haiku 4 Open Weights");
  g_assert_cmpstr (gtk_label_get_text (tool_label), ==, "Claude Haiku 4 Open Weights");

  vd_reviewer_set_name (fixture->reviewer, "Priya R.");
  g_assert_cmpstr (gtk_label_get_text (reviewer_label), ==, "Priya R. · Developer Experience");

  /* User text in the header is text, never markup. */
  vd_tool_set_name (fixture->tool, LITERAL_TEXT);
  vd_reviewer_set_name (fixture->reviewer, "<i>Priya</i> & co");
  g_assert_cmpstr (gtk_label_get_text (tool_label), ==, LITERAL_TEXT);
  g_assert_cmpstr (gtk_label_get_text (reviewer_label), ==,
                   "<i>Priya</i> & co · Developer Experience");
  g_assert_false (gtk_label_get_use_markup (tool_label));
  g_assert_false (gtk_label_get_use_markup (reviewer_label));
}

static void
test_typing (Fixture      *fixture,
             gconstpointer data)
{
  GtkTextBuffer *buffer = vd_scorecard_form_get_buffer (fixture->form, 1);
  g_autofree char *count0 = g_strdup (count_text (fixture, 0));
  g_autofree char *count2 = g_strdup (count_text (fixture, 2));
  g_autofree char *section0 = g_strdup (vd_scorecard_get_section (fixture->scorecard, 0));
  g_autofree char *quote = NULL;
  guint n_notifies = 0;

  g_signal_connect (fixture->scorecard, "notify::sections", G_CALLBACK (count_notify), &n_notifies);

  gtk_text_buffer_set_text (buffer, "héllo", -1);
  g_assert_cmpstr (vd_scorecard_get_section (fixture->scorecard, 1), ==, "héllo");
  g_assert_cmpuint (strlen ("héllo"), ==, 6);
  g_assert_cmpstr (count_text (fixture, 1), ==, "5 characters");

  quote = vd_scorecard_dup_quote (fixture->scorecard);
  g_assert_nonnull (strstr (quote, " héllo "));

  /* One edit, one change to the model: the form does not echo its own write. */
  n_notifies = 0;
  gtk_text_buffer_insert_at_cursor (buffer, ", world", -1);
  g_assert_cmpuint (n_notifies, ==, 1);
  g_assert_cmpstr (vd_scorecard_get_section (fixture->scorecard, 1), ==, "héllo, world");
  g_assert_cmpstr (count_text (fixture, 1), ==, "12 characters");

  gtk_text_buffer_set_text (buffer, "é", -1);
  g_assert_cmpstr (count_text (fixture, 1), ==, "1 character");
  gtk_text_buffer_set_text (buffer, "", -1);
  g_assert_cmpstr (vd_scorecard_get_section (fixture->scorecard, 1), ==, "");
  g_assert_cmpstr (count_text (fixture, 1), ==, "0 characters");

  /* Only the edited section changed. */
  g_assert_cmpstr (vd_scorecard_get_section (fixture->scorecard, 0), ==, section0);
  g_assert_cmpstr (count_text (fixture, 0), ==, count0);
  g_assert_cmpstr (count_text (fixture, 2), ==, count2);

  g_signal_handlers_disconnect_by_func (fixture->scorecard, count_notify, &n_notifies);
}

static void
test_literal_text (Fixture      *fixture,
                   gconstpointer data)
{
  GtkTextBuffer *buffer = vd_scorecard_form_get_buffer (fixture->form, 0);
  g_autofree char *count = g_strdup_printf ("%ld characters", g_utf8_strlen (LITERAL_TEXT, -1));
  g_autofree char *text = NULL;
  g_autofree char *quote = NULL;

  gtk_text_buffer_set_text (buffer, LITERAL_TEXT, -1);
  g_assert_cmpstr (vd_scorecard_get_section (fixture->scorecard, 0), ==, LITERAL_TEXT);
  g_assert_cmpstr (count_text (fixture, 0), ==, count);
  quote = vd_scorecard_dup_quote (fixture->scorecard);
  g_assert_true (g_str_has_prefix (quote, LITERAL_TEXT " "));

  /* And back the other way, from the model into the form. */
  vd_scorecard_set_section (fixture->scorecard, 2, "&amp; " LITERAL_TEXT);
  text = vd_test_buffer_text (vd_scorecard_form_get_buffer (fixture->form, 2));
  g_assert_cmpstr (text, ==, "&amp; " LITERAL_TEXT);
}

static void
test_undo (Fixture      *fixture,
           gconstpointer data)
{
  GtkTextBuffer *buffer = vd_scorecard_form_get_buffer (fixture->form, 0);
  g_autofree char *before = g_strdup (vd_scorecard_get_section (fixture->scorecard, 0));
  g_autofree char *after = g_strconcat (before, " Ships.", NULL);
  g_autofree char *text = NULL;

  gtk_text_buffer_insert_at_cursor (buffer, " Ships.", -1);
  g_assert_cmpstr (vd_scorecard_get_section (fixture->scorecard, 0), ==, after);
  g_assert_true (gtk_text_buffer_get_can_undo (buffer));

  gtk_text_buffer_undo (buffer);
  text = vd_test_buffer_text (buffer);
  g_assert_cmpstr (text, ==, before);
  g_assert_cmpstr (vd_scorecard_get_section (fixture->scorecard, 0), ==, before);
  g_assert_false (gtk_text_buffer_get_can_undo (buffer));   /* not past the loaded text */

  g_assert_true (gtk_text_buffer_get_can_redo (buffer));
  gtk_text_buffer_redo (buffer);
  g_assert_cmpstr (vd_scorecard_get_section (fixture->scorecard, 0), ==, after);
}

static void
test_external_section (Fixture      *fixture,
                       gconstpointer data)
{
  GtkTextBuffer *buffer = vd_scorecard_form_get_buffer (fixture->form, 1);
  g_autofree char *text = NULL;

  vd_scorecard_set_section (fixture->scorecard, 1, "Rewritten elsewhere");
  text = vd_test_buffer_text (buffer);
  g_assert_cmpstr (text, ==, "Rewritten elsewhere");
  g_assert_cmpstr (count_text (fixture, 1), ==, "19 characters");
  /* Someone else's change is not on this buffer's undo stack. */
  g_assert_false (gtk_text_buffer_get_can_undo (buffer));
}

/* What a pointer click does; gtk_widget_activate() only clicks after an
 * animation. */
static void
click (GtkToggleButton *button)
{
  g_signal_emit_by_name (button, "clicked");
}

static void
test_verdict (Fixture      *fixture,
              gconstpointer data)
{
  GtkToggleButton *ship = template_child (fixture, "ship_button");
  GtkToggleButton *skip = template_child (fixture, "skip_button");
  GtkToggleButton *undecided = template_child (fixture, "undecided_button");

  g_assert_cmpint (vd_scorecard_get_verdict (fixture->scorecard), ==, VD_VERDICT_SHIP);
  g_assert_true (gtk_toggle_button_get_active (ship));
  g_assert_false (gtk_toggle_button_get_active (skip));
  g_assert_false (gtk_toggle_button_get_active (undecided));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (ship), "success"));

  /* A click on a button sets the verdict. */
  click (skip);
  g_assert_cmpint (vd_scorecard_get_verdict (fixture->scorecard), ==, VD_VERDICT_SKIP);
  g_assert_true (gtk_toggle_button_get_active (skip));
  g_assert_false (gtk_toggle_button_get_active (ship));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (skip), "error"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (ship), "success"));

  click (undecided);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (skip), "error"));
  g_assert_cmpint (vd_scorecard_get_verdict (fixture->scorecard), ==, VD_VERDICT_UNDECIDED);

  /* Clicking the active one keeps it: there is always exactly one verdict. */
  click (undecided);
  g_assert_true (gtk_toggle_button_get_active (undecided));
  g_assert_cmpint (vd_scorecard_get_verdict (fixture->scorecard), ==, VD_VERDICT_UNDECIDED);

  vd_scorecard_form_set_verdict (fixture->form, VD_VERDICT_SHIP);
  g_assert_cmpint (vd_scorecard_get_verdict (fixture->scorecard), ==, VD_VERDICT_SHIP);
  g_assert_true (gtk_toggle_button_get_active (ship));
  g_assert_false (gtk_toggle_button_get_active (undecided));

  /* A change from elsewhere moves the control, colour included. */
  vd_scorecard_set_verdict (fixture->scorecard, VD_VERDICT_SKIP);
  g_assert_true (gtk_toggle_button_get_active (skip));
  g_assert_false (gtk_toggle_button_get_active (ship));
  g_assert_false (gtk_toggle_button_get_active (undecided));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (skip), "error"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (ship), "success"));
  g_assert_false (gtk_widget_get_visible (template_child (fixture, "no_verdict_label")));

  /* No verdict yet is not Undecided: no button is chosen and the form says so. */
  vd_scorecard_set_verdict (fixture->scorecard, VD_VERDICT_NONE);
  g_assert_false (gtk_toggle_button_get_active (ship));
  g_assert_false (gtk_toggle_button_get_active (skip));
  g_assert_false (gtk_toggle_button_get_active (undecided));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (skip), "error"));
  g_assert_true (gtk_widget_get_visible (template_child (fixture, "no_verdict_label")));
  g_assert_cmpint (vd_scorecard_get_verdict (fixture->scorecard), ==, VD_VERDICT_NONE);

  /* From there, abstaining is a choice like any other. */
  click (undecided);
  g_assert_cmpint (vd_scorecard_get_verdict (fixture->scorecard), ==, VD_VERDICT_UNDECIDED);
  g_assert_true (gtk_toggle_button_get_active (undecided));
  g_assert_false (gtk_widget_get_visible (template_child (fixture, "no_verdict_label")));
}

static void
test_custom_reviewer (void)
{
  Fixture fixture = { NULL, };
  const char * const prompts[] = { "What it replaces", "<b>What</b> it costs & 🚀", NULL };
  g_autoptr(GPtrArray) headings = NULL;

  fixture.reviewer = vd_reviewer_new ("Ada Lovelace", VD_PERSONA_CUSTOM);
  fixture.tool = vd_tool_new ("Analytical Engine");
  fixture.scorecard = vd_scorecard_new ("9a4d6e2f-7c1b-4e3a-b5d8-0f2e4c6a8b10",
                                        vd_record_get_uuid (VD_RECORD (fixture.tool)),
                                        vd_record_get_uuid (VD_RECORD (fixture.reviewer)));
  g_assert_cmpuint (g_strv_length ((char **) vd_reviewer_get_prompts (fixture.reviewer)), ==, 0);
  fixture_show (&fixture);

  headings = find_widgets (&fixture, GTK_TYPE_LABEL, "heading");
  g_assert_cmpuint (vd_scorecard_form_get_n_sections (fixture.form), ==, 1);
  g_assert_cmpuint (headings->len, ==, 1);
  g_assert_cmpstr (gtk_label_get_text (g_ptr_array_index (headings, 0)), ==, "Verdict");
  g_assert_cmpstr (count_text (&fixture, 0), ==, "0 characters");
  g_assert_cmpstr (gtk_label_get_text (template_child (&fixture, "reviewer_label")), ==,
                   "Ada Lovelace · Custom");

  gtk_text_buffer_set_text (vd_scorecard_form_get_buffer (fixture.form, 0), "Ships.", -1);
  g_assert_cmpstr (vd_scorecard_get_section (fixture.scorecard, 0), ==, "Ships.");

  /* The reviewer writes prompts while the form is open: one section each. */
  g_assert_true (vd_reviewer_set_prompts (fixture.reviewer, prompts));
  g_clear_pointer (&headings, g_ptr_array_unref);
  headings = find_widgets (&fixture, GTK_TYPE_LABEL, "heading");
  g_assert_cmpuint (vd_scorecard_form_get_n_sections (fixture.form), ==, 2);
  g_assert_cmpuint (headings->len, ==, 2);
  g_assert_cmpstr (gtk_label_get_text (g_ptr_array_index (headings, 1)), ==,
                   "<b>What</b> it costs & 🚀");   /* a prompt is text, not markup */
  g_assert_cmpstr (count_text (&fixture, 0), ==, "6 characters");

  gtk_text_buffer_set_text (vd_scorecard_form_get_buffer (fixture.form, 1), "Little", -1);
  g_assert_cmpstr (vd_scorecard_get_section (fixture.scorecard, 1), ==, "Little");

  fixture_teardown (&fixture, NULL);
}

/* Once the form is gone, the model objects it showed live on untouched. */
static void
test_outlived_by_model (void)
{
  Fixture fixture = { NULL, };

  fixture_load_demo (&fixture, NULL);
  fixture_show (&fixture);

  gtk_window_destroy (fixture.window);
  fixture.window = NULL;
  g_assert_finalize_object (fixture.form);
  fixture.form = NULL;

  vd_scorecard_set_verdict (fixture.scorecard, VD_VERDICT_SKIP);
  vd_scorecard_set_section (fixture.scorecard, 0, "After the form");
  vd_tool_set_name (fixture.tool, "Renamed after the form");
  vd_reviewer_set_name (fixture.reviewer, "Renamed reviewer");
  vd_reviewer_set_persona (fixture.reviewer, VD_PERSONA_SKEPTIC);

  fixture_teardown (&fixture, NULL);
}

int
main (int   argc,
      char *argv[])
{
  /* The test backend keeps accessible relations where the tests can check
   * them, and talks to no accessibility bus. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD_FORM_TEST(path, func) \
  g_test_add ("/scorecard-form/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD_FORM_TEST ("sections-loaded", test_sections_loaded);
  ADD_FORM_TEST ("header", test_header);
  ADD_FORM_TEST ("typing", test_typing);
  ADD_FORM_TEST ("literal-text", test_literal_text);
  ADD_FORM_TEST ("undo", test_undo);
  ADD_FORM_TEST ("external-section", test_external_section);
  ADD_FORM_TEST ("verdict", test_verdict);
  g_test_add_func ("/scorecard-form/custom-reviewer", test_custom_reviewer);
  g_test_add_func ("/scorecard-form/outlived-by-model", test_outlived_by_model);

#undef ADD_FORM_TEST

  return g_test_run ();
}
