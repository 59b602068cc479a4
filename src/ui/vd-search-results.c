/* vd-search-results.c — the desk's full-text search hits, each openable
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Asks the store's FTS5 index (vd_store_search()) for the best hits of what
 * was typed and shows each as where it is (a scorecard's reviewer, tool and
 * comparison; a record's field) over the words around the match. The text
 * is the user's: labels get it with gtk_label_set_text(), never as markup.
 * Activating a row emits "hit-activated"; the window opens the record there.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "vd-search-results.h"

struct _VdSearchResults
{
  GtkWidget   parent_instance;

  VdStore    *store;
  char       *text;
  GPtrArray  *hits;          /* VdSearchHit*, in the list's order */
  guint       refresh_id;    /* a write happened: search again soon */

  GtkListBox *list;
};

G_DEFINE_FINAL_TYPE (VdSearchResults, vd_search_results, GTK_TYPE_WIDGET)

enum {
  HIT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
or_untitled (const char *text,
             const char *untitled)
{
  return text != NULL && text[0] != '\0' ? text : untitled;
}

/* What a field is called, as the editors label it. */
static const char *
field_label (const VdSearchHit *hit)
{
  static const struct { const char *field; const char *label; } labels[] = {
    { "name", N_("Name") },
    { "vendor", N_("Vendor") },
    { "category", N_("Category") },
    { "tagline", N_("Tagline") },
    { "description", N_("Description") },
    { "pricing-detail", N_("Pricing Detail") },
    { "title", N_("Title") },
    { "dek", N_("Dek") },
    { "pricing-read", N_("Pricing Read") },
    { "prompts", N_("Prompt") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (hit->field, labels[i].field))
      return _(labels[i].label);

  return hit->field;
}

/* Where the hit is, in words: "Priya on Mistral, in “A vs B”". */
static char *
describe_place (const VdSearchHit *hit)
{
  const char *comparison = or_untitled (hit->comparison_title, _("Untitled comparison"));

  if (hit->type == VD_TYPE_SCORECARD)
    /* Translators: a scorecard: its reviewer, its tool, its comparison's title. */
    return g_strdup_printf (_("%s on %s, in “%s”"), hit->reviewer_name, hit->tool_name,
                            comparison);
  if (hit->type == VD_TYPE_COMPARISON)
    /* Translators: a comparison's field, then its title. */
    return g_strdup_printf (_("%s of “%s”"), field_label (hit), comparison);
  if (hit->type == VD_TYPE_TOOL)
    /* Translators: a tool's field, then the tool's name. */
    return g_strdup_printf (_("%s of the tool %s"), field_label (hit), hit->tool_name);

  /* Translators: a reviewer's field, then the reviewer's name. */
  return g_strdup_printf (_("%s of the reviewer %s"), field_label (hit), hit->reviewer_name);
}

static GtkWidget *
make_row (const VdSearchHit *hit)
{
  g_autofree char *place = describe_place (hit);
  g_autofree char *accessible = g_strdup_printf ("%s: %s", place, hit->snippet);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *snippet = gtk_label_new (NULL);

  gtk_label_set_text (GTK_LABEL (title), place);
  gtk_label_set_text (GTK_LABEL (snippet), hit->snippet);
  for (GtkWidget *label = title; label != NULL; label = label == title ? snippet : NULL)
    {
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
    }
  gtk_label_set_lines (GTK_LABEL (snippet), 2);
  gtk_label_set_wrap (GTK_LABEL (snippet), TRUE);
  gtk_widget_add_css_class (snippet, "dim-label");
  gtk_widget_add_css_class (snippet, "caption");
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), snippet);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  return row;
}

static void
refresh (VdSearchResults *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  g_clear_pointer (&self->hits, g_ptr_array_unref);

  if (self->store != NULL && self->text != NULL)
    hits = vd_store_search (self->store, self->text, VD_SEARCH_LIMIT, &error);
  if (error != NULL)
    g_warning ("Could not search the desk: %s", error->message);

  self->hits = hits != NULL ? g_steal_pointer (&hits)
                            : g_ptr_array_new_with_free_func ((GDestroyNotify) vd_search_hit_free);
  for (guint i = 0; i < self->hits->len; i++)
    gtk_list_box_append (self->list, make_row (g_ptr_array_index (self->hits, i)));

  gtk_widget_set_visible (GTK_WIDGET (self), self->hits->len > 0);
}

static gboolean
refresh_timeout (gpointer data)
{
  VdSearchResults *self = data;

  self->refresh_id = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

/* A write while hits show: search again once the writes settle (typing
 * saves every few hundred milliseconds). */
static void
on_store_changed (VdSearchResults *self)
{
  if (self->text != NULL && self->text[0] != '\0' && self->refresh_id == 0)
    self->refresh_id = g_timeout_add (500, refresh_timeout, self);
}

static void
on_row_activated (VdSearchResults *self,
                  GtkListBoxRow   *row,
                  GtkListBox      *list)
{
  int index = gtk_list_box_row_get_index (row);

  if (self->hits != NULL && index >= 0 && (guint) index < self->hits->len)
    g_signal_emit (self, signals[HIT_ACTIVATED], 0, g_ptr_array_index (self->hits, index));
}

static void
vd_search_results_dispose (GObject *object)
{
  VdSearchResults *self = VD_SEARCH_RESULTS (object);
  GtkWidget *child;

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), VD_TYPE_SEARCH_RESULTS);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->hits, g_ptr_array_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (vd_search_results_parent_class)->dispose (object);
}

static void
vd_search_results_finalize (GObject *object)
{
  VdSearchResults *self = VD_SEARCH_RESULTS (object);

  g_free (self->text);

  G_OBJECT_CLASS (vd_search_results_parent_class)->finalize (object);
}

static void
vd_search_results_class_init (VdSearchResultsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vd_search_results_dispose;
  object_class->finalize = vd_search_results_finalize;

  /**
   * VdSearchResults::hit-activated:
   * @hit: (type VdSearchHit): the hit, valid during the emission
   */
  signals[HIT_ACTIVATED] =
    g_signal_new ("hit-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_POINTER);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/verdictdesk/VerdictDesk/ui/vd-search-results.ui");
  gtk_widget_class_bind_template_child (widget_class, VdSearchResults, list);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
vd_search_results_init (VdSearchResults *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
vd_search_results_new (void)
{
  return g_object_new (VD_TYPE_SEARCH_RESULTS, NULL);
}

void
vd_search_results_set_store (VdSearchResults *self,
                             VdStore         *store)
{
  g_return_if_fail (VD_IS_SEARCH_RESULTS (self));
  g_return_if_fail (store == NULL || VD_IS_STORE (store));

  if (self->store == store)
    return;
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  if (store != NULL)
    g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed), self,
                             G_CONNECT_SWAPPED);
  refresh (self);
}

/**
 * vd_search_results_set_text:
 * @text: (nullable): what was typed; %NULL or no word shows nothing
 */
void
vd_search_results_set_text (VdSearchResults *self,
                            const char      *text)
{
  g_return_if_fail (VD_IS_SEARCH_RESULTS (self));

  if (g_strcmp0 (self->text, text) == 0)
    return;
  g_free (self->text);
  self->text = g_strdup (text);
  refresh (self);
}

guint
vd_search_results_get_n_hits (VdSearchResults *self)
{
  g_return_val_if_fail (VD_IS_SEARCH_RESULTS (self), 0);
  return self->hits != NULL ? self->hits->len : 0;
}

const VdSearchHit *
vd_search_results_get_hit (VdSearchResults *self,
                           guint            index)
{
  g_return_val_if_fail (VD_IS_SEARCH_RESULTS (self), NULL);
  g_return_val_if_fail (self->hits != NULL && index < self->hits->len, NULL);
  return g_ptr_array_index (self->hits, index);
}

GtkListBox *
vd_search_results_get_list (VdSearchResults *self)
{
  g_return_val_if_fail (VD_IS_SEARCH_RESULTS (self), NULL);
  return self->list;
}
