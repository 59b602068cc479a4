/* vd-reviewer-picker.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "Add Reviewer": a menu button whose popover searches every reviewer not
 * on the panel yet, in a list view. A newsroom has thousands of reviewers;
 * a row each in the editor took seconds to build whenever a comparison
 * opened, and every keystroke's layout walked them all. The list view only
 * builds the rows in sight, and only while the popover is open.
 *
 * (The search entry's placeholder is set as a property: its setter is 4.10.)
 */
#include "config.h"

#include <glib/gi18n.h>

#include "vd-enums.h"
#include "vd-reviewer-picker.h"
#include "vd-summary.h"

struct _VdReviewerPicker
{
  GtkWidget           parent_instance;

  GtkMenuButton      *button;
  GtkSearchEntry     *search;
  GtkCustomFilter    *not_excluded;
  GtkStringFilter    *by_name;
  GtkFilterListModel *choices;
  GHashTable         *excluded;    /* uuid → uuid */
};

G_DEFINE_FINAL_TYPE (VdReviewerPicker, vd_reviewer_picker, GTK_TYPE_WIDGET)

enum {
  PICKED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
is_not_excluded (gpointer item,
                 gpointer user_data)
{
  VdReviewerPicker *self = user_data;

  return !g_hash_table_contains (self->excluded, vd_summary_get_uuid (item));
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *persona = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (persona), 0);
  gtk_widget_add_css_class (persona, "caption");
  gtk_widget_add_css_class (persona, "dim-label");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), persona);
  gtk_list_item_set_child (item, box);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  user_data)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  VdSummary *reviewer = gtk_list_item_get_item (item);
  int persona = vd_summary_get_kind (reviewer);

  /* Names are the user's: set as text, never markup. */
  gtk_label_set_text (GTK_LABEL (gtk_widget_get_first_child (box)),
                      vd_summary_get_title (reviewer));
  gtk_label_set_text (GTK_LABEL (gtk_widget_get_last_child (box)),
                      persona >= 0 ? _(vd_persona_get_label (persona)) : "");
}

static void
on_activate (GtkListView      *view,
             guint             position,
             VdReviewerPicker *self)
{
  vd_reviewer_picker_pick (self, position);
}

static void
on_search_changed (GtkSearchEntry   *entry,
                   VdReviewerPicker *self)
{
  gtk_string_filter_set_search (self->by_name, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
on_search_activate (GtkSearchEntry   *entry,
                    VdReviewerPicker *self)
{
  /* Enter takes the first match. */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->choices)) > 0)
    vd_reviewer_picker_pick (self, 0);
}

static void
vd_reviewer_picker_dispose (GObject *object)
{
  VdReviewerPicker *self = VD_REVIEWER_PICKER (object);

  if (self->button != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->button));
  self->button = NULL;
  g_clear_object (&self->choices);

  G_OBJECT_CLASS (vd_reviewer_picker_parent_class)->dispose (object);
}

static void
vd_reviewer_picker_finalize (GObject *object)
{
  VdReviewerPicker *self = VD_REVIEWER_PICKER (object);

  g_hash_table_unref (self->excluded);

  G_OBJECT_CLASS (vd_reviewer_picker_parent_class)->finalize (object);
}

static void
vd_reviewer_picker_class_init (VdReviewerPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vd_reviewer_picker_dispose;
  object_class->finalize = vd_reviewer_picker_finalize;

  /**
   * VdReviewerPicker::picked:
   * @uuid: the reviewer chosen
   */
  signals[PICKED] = g_signal_new ("picked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
vd_reviewer_picker_init (VdReviewerPicker *self)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkEveryFilter *filter = gtk_every_filter_new ();
  GtkWidget *view;

  self->excluded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  self->not_excluded = gtk_custom_filter_new (is_not_excluded, self, NULL);
  self->by_name = gtk_string_filter_new (gtk_property_expression_new (VD_TYPE_SUMMARY, NULL,
                                                                      "title"));
  gtk_multi_filter_append (GTK_MULTI_FILTER (filter), GTK_FILTER (self->not_excluded));
  gtk_multi_filter_append (GTK_MULTI_FILTER (filter), GTK_FILTER (self->by_name));
  self->choices = gtk_filter_list_model_new (NULL, GTK_FILTER (filter));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), NULL);
  view = gtk_list_view_new (GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->choices)))),
                            factory);
  gtk_list_view_set_single_click_activate (GTK_LIST_VIEW (view), TRUE);
  gtk_widget_add_css_class (view, "navigation-sidebar");
  g_signal_connect (view, "activate", G_CALLBACK (on_activate), self);

  self->search = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  g_object_set (self->search, "placeholder-text", _("Search reviewers"), NULL);
  g_signal_connect (self->search, "search-changed", G_CALLBACK (on_search_changed), self);
  g_signal_connect (self->search, "activate", G_CALLBACK (on_search_activate), self);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 320);
  gtk_scrolled_window_set_min_content_width (GTK_SCROLLED_WINDOW (scroller), 280);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), view);

  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->search));
  gtk_box_append (GTK_BOX (box), scroller);
  gtk_popover_set_child (GTK_POPOVER (popover), box);

  self->button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_label (self->button, _("Add Reviewer"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Add a reviewer to the panel"), -1);
  gtk_widget_add_css_class (GTK_WIDGET (self->button), "flat");
  gtk_menu_button_set_popover (self->button, popover);
  gtk_widget_set_parent (GTK_WIDGET (self->button), GTK_WIDGET (self));
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
}

GtkWidget *
vd_reviewer_picker_new (void)
{
  return g_object_new (VD_TYPE_REVIEWER_PICKER, NULL);
}

/**
 * vd_reviewer_picker_set_model:
 * @reviewers: (nullable): #VdSummary items of every reviewer
 */
void
vd_reviewer_picker_set_model (VdReviewerPicker *self,
                              GListModel       *reviewers)
{
  g_return_if_fail (VD_IS_REVIEWER_PICKER (self));

  gtk_filter_list_model_set_model (self->choices, reviewers);
}

/**
 * vd_reviewer_picker_set_excluded:
 * @uuids: (nullable): reviewers not to offer (those on the panel)
 */
void
vd_reviewer_picker_set_excluded (VdReviewerPicker   *self,
                                 const char * const *uuids)
{
  g_return_if_fail (VD_IS_REVIEWER_PICKER (self));

  g_hash_table_remove_all (self->excluded);
  for (guint i = 0; uuids != NULL && uuids[i] != NULL; i++)
    g_hash_table_add (self->excluded, g_strdup (uuids[i]));
  gtk_filter_changed (GTK_FILTER (self->not_excluded), GTK_FILTER_CHANGE_DIFFERENT);
}

/**
 * vd_reviewer_picker_get_choices:
 *
 * Returns: (transfer none): the reviewers offered now, after the search
 */
GListModel *
vd_reviewer_picker_get_choices (VdReviewerPicker *self)
{
  g_return_val_if_fail (VD_IS_REVIEWER_PICKER (self), NULL);

  return G_LIST_MODEL (self->choices);
}

void
vd_reviewer_picker_set_search (VdReviewerPicker *self,
                               const char       *text)
{
  g_return_if_fail (VD_IS_REVIEWER_PICKER (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search), text);
  gtk_string_filter_set_search (self->by_name, text);
}

/**
 * vd_reviewer_picker_pick:
 * @position: a position in vd_reviewer_picker_get_choices()
 *
 * Chooses that reviewer, as a click on its row does: emits
 * #VdReviewerPicker::picked, closes the popover and clears the search.
 */
void
vd_reviewer_picker_pick (VdReviewerPicker *self,
                         guint             position)
{
  g_autoptr(VdSummary) reviewer = NULL;
  g_autofree char *uuid = NULL;

  g_return_if_fail (VD_IS_REVIEWER_PICKER (self));

  reviewer = g_list_model_get_item (G_LIST_MODEL (self->choices), position);
  if (reviewer == NULL)
    return;

  uuid = g_strdup (vd_summary_get_uuid (reviewer));
  gtk_menu_button_popdown (self->button);
  vd_reviewer_picker_set_search (self, "");
  g_signal_emit (self, signals[PICKED], 0, uuid);
}
