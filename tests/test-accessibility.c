/* test-accessibility.c — every control of the desk says what it is
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs with GTK_A11Y=test: the accessible properties and relations that a
 * screen reader would be given are kept on a test context we can inspect.
 */
#include "config.h"

#include <adwaita.h>

#include "vd-comparison-page.h"
#include "vd-scorecard-form.h"
#include "vd-test-util.h"
#include "vd-window.h"

#define DEMO_UUID "9a4d6e2f-7c1b-4e3a-b5d8-0f2e4c6a8b10"
#define MISTRAL   "6f1c2a9e-3b4d-4e5f-8a7b-1c2d3e4f5a61"
#define SKEPTIC   "2b7e9c41-5d6a-4f8b-9c0d-7e1f2a3b4c51"

static void
iterate_until_idle (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, TRUE);
}

/* A label, a labelled-by relation or a description: what a screen reader
 * reads for a control. */
static gboolean
is_named (GtkWidget *widget)
{
  GtkAccessible *accessible = GTK_ACCESSIBLE (widget);

  return gtk_test_accessible_has_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL) ||
         gtk_test_accessible_has_relation (accessible, GTK_ACCESSIBLE_RELATION_LABELLED_BY) ||
         gtk_test_accessible_has_property (accessible, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

/* The roles of what a person operates: buttons, fields, lists' items. */
static gboolean
is_control (GtkAccessibleRole role)
{
  switch (role)
    {
    case GTK_ACCESSIBLE_ROLE_BUTTON:
    case GTK_ACCESSIBLE_ROLE_CHECKBOX:
    case GTK_ACCESSIBLE_ROLE_COMBO_BOX:
    case GTK_ACCESSIBLE_ROLE_LINK:
    case GTK_ACCESSIBLE_ROLE_LIST_ITEM:
    case GTK_ACCESSIBLE_ROLE_MENU_ITEM:
    case GTK_ACCESSIBLE_ROLE_MENU_ITEM_CHECKBOX:
    case GTK_ACCESSIBLE_ROLE_MENU_ITEM_RADIO:
    case GTK_ACCESSIBLE_ROLE_RADIO:
    case GTK_ACCESSIBLE_ROLE_SEARCH_BOX:
    case GTK_ACCESSIBLE_ROLE_SLIDER:
    case GTK_ACCESSIBLE_ROLE_SPIN_BUTTON:
    case GTK_ACCESSIBLE_ROLE_SWITCH:
    case GTK_ACCESSIBLE_ROLE_TAB:
    case GTK_ACCESSIBLE_ROLE_TEXT_BOX:
      return TRUE;

    default:
      return FALSE;
    }
}

/* The widget a screen reader presents for @widget: a GtkText has no role
 * of its own and speaks for the entry, search entry or entry row it is
 * the editable part of; the parts of a drop-down or a combo row for it. */
static GtkWidget *
presented (GtkWidget *widget)
{
  GtkWidget *parent = gtk_widget_get_parent (widget);

  if (GTK_IS_TEXT (widget))
    for (GtkWidget *up = parent; up != NULL; up = gtk_widget_get_parent (up))
      if (GTK_IS_EDITABLE (up))
        return up;

  /* A drop-down's button and a menu button's inner button are its own. */
  if (GTK_IS_DROP_DOWN (parent) || GTK_IS_MENU_BUTTON (parent))
    return parent;

  /* A combo row shows its choice in a one-item list of its own. */
  for (GtkWidget *up = parent; up != NULL; up = gtk_widget_get_parent (up))
    if (ADW_IS_COMBO_ROW (up))
      return up;

  return widget;
}

/* Walks every widget of the window, on the shown page or a hidden one (not
 * closed popovers: they are their own windows), counts its controls and
 * lists those without a name. */
static void
check_tree (GtkWidget *widget,
            GtkWidget *window,
            guint     *n_checked,
            GString   *unnamed)
{
  if (!gtk_widget_get_visible (widget) || GTK_WIDGET (gtk_widget_get_native (widget)) != window)
    return;

  if (gtk_widget_get_sensitive (widget) &&
      (is_control (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget))) ||
       (GTK_IS_TEXT (widget) && gtk_widget_get_focusable (widget))))
    {
      GtkWidget *control = presented (widget);

      (*n_checked)++;
      if (!is_named (widget) && !is_named (control))
        {
          GtkWidget *parent = gtk_widget_get_parent (control);

          g_string_append_printf (unnamed, "\n  %s (%s) in", G_OBJECT_TYPE_NAME (control),
                                  gtk_widget_get_tooltip_text (control) ?: "");
          for (; parent != NULL && parent != window; parent = gtk_widget_get_parent (parent))
            g_string_append_printf (unnamed, " %s", G_OBJECT_TYPE_NAME (parent));
        }
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    check_tree (child, window, n_checked, unnamed);
}

static guint
check_window (VdWindow   *window,
              const char *what)
{
  g_autoptr(GString) unnamed = g_string_new (NULL);
  guint n_checked = 0;

  iterate_until_idle ();
  check_tree (GTK_WIDGET (window), GTK_WIDGET (window), &n_checked, unnamed);
  g_test_message ("%s: %u focusable controls checked", what, n_checked);
  if (unnamed->len > 0)
    g_error ("%s: controls without a name:%s", what, unnamed->str);

  return n_checked;
}

/* Controls that repeat on a page say for which tool, and follow a rename. */
static void
test_verdicts_name_their_tool (void)
{
  g_autoptr(VdStore) store = vd_test_new_demo_store (NULL);
  g_autoptr(VdWindow) window = g_object_ref_sink (vd_window_new (NULL, store, NULL));
  VdComparisonPage *page;
  GtkWidget *form;
  GtkWidget *buttons[3];
  VdTool *tool;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (vd_window_open_record (window, VD_TYPE_COMPARISON, DEMO_UUID));
  page = VD_COMPARISON_PAGE (vd_window_get_content (window));
  form = vd_comparison_page_get_form (page, SKEPTIC, 1);
  g_assert_nonnull (form);

  buttons[0] = GTK_WIDGET (vd_scorecard_form_get_verdict_button (VD_SCORECARD_FORM (form),
                                                                 VD_VERDICT_SHIP));
  buttons[1] = GTK_WIDGET (vd_scorecard_form_get_verdict_button (VD_SCORECARD_FORM (form),
                                                                 VD_VERDICT_SKIP));
  buttons[2] = GTK_WIDGET (vd_scorecard_form_get_verdict_button (VD_SCORECARD_FORM (form),
                                                                 VD_VERDICT_UNDECIDED));
  gtk_test_accessible_assert_property (buttons[0], GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Ship Mistral Medium 3");
  gtk_test_accessible_assert_property (buttons[1], GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Skip Mistral Medium 3");
  gtk_test_accessible_assert_property (buttons[2], GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Undecided on Mistral Medium 3");

  tool = vd_page_get_tool (vd_comparison_page_get_page (page), 1);
  vd_tool_set_name (tool, "Mistral Large");
  gtk_test_accessible_assert_property (buttons[0], GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Ship Mistral Large");

  gtk_window_destroy (GTK_WINDOW (window));
  iterate_until_idle ();
}

static void
test_every_control_named (void)
{
  g_autoptr(VdStore) store = vd_test_new_demo_store (NULL);
  g_autoptr(VdWindow) window = g_object_ref_sink (vd_window_new (NULL, store, NULL));
  guint total = 0;

  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (GTK_WIDGET (window)))
    g_main_context_iteration (NULL, TRUE);

  g_assert_true (vd_window_open_record (window, VD_TYPE_COMPARISON, DEMO_UUID));
  total += check_window (window, "comparison");
  g_assert_true (vd_window_open_record (window, VD_TYPE_TOOL, MISTRAL));
  total += check_window (window, "tool");
  g_assert_true (vd_window_open_record (window, VD_TYPE_REVIEWER, SKEPTIC));
  total += check_window (window, "reviewer");
  g_test_message ("%u controls checked in all", total);
  g_assert_cmpuint (total, >, 0);

  gtk_window_destroy (GTK_WINDOW (window));
  iterate_until_idle ();
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/accessibility/every-control-named", test_every_control_named);
  g_test_add_func ("/accessibility/verdicts-name-their-tool", test_verdicts_name_their_tool);

  return g_test_run ();
}
