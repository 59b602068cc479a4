/* vd-sidebar.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Three lists over the store's summaries. Rows are GtkListView items bound
 * to VdSummary properties with expressions, so an edit elsewhere refreshes
 * one row. The search matches each summary's text folded once and kept on
 * the summary, so matching 15,000 rows costs a few milliseconds and runs in
 * one pass. What costs more is the view building and destroying rows for a
 * list that changed: a VdPacedModel between the filter and the view brings a
 * large change in a few rows at a time between frames. Only a list too long
 * for one matching pass filters incrementally. Only the list on show has its
 * view attached.
 *
 * A comparison's row carries a flag while it is Ready or Published but fails
 * the readiness rules: the open page says so with each keystroke (VdPage),
 * every other row as the store's VdReadinessWatcher re-checks what a save
 * touched. Below the lists, VdSearchResults shows what the search finds in
 * every text of the desk (the store's FTS5 index).
 */
#include "config.h"

#include <glib/gi18n.h>

#include <string.h>

#include "vd-enum-types.h"
#include "vd-paced-model.h"
#include "vd-readiness-watcher.h"
#include "vd-search-results.h"
#include "vd-sidebar.h"

/* Lists longer than this filter in slices between frames. */
#define INCREMENTAL_FILTER_ABOVE 50000

/* The search ---------------------------------------------------------------
 * GtkStringFilter evaluates an expression and normalises and casefolds every
 * row's text on every keystroke; this filter folds a row's text once (the
 * same NFKD + casefold, so "cafe" still finds "Café") and reports
 * GTK_FILTER_MATCH_ALL while the search is empty, so clearing it costs no
 * pass at all. */

#define VD_TYPE_SEARCH_FILTER (vd_search_filter_get_type ())

G_DECLARE_FINAL_TYPE (VdSearchFilter, vd_search_filter, VD, SEARCH_FILTER, GtkFilter)

struct _VdSearchFilter
{
  GtkFilter  parent_instance;

  char      *key;        /* the search, folded; NULL matches everything */
};

G_DEFINE_FINAL_TYPE (VdSearchFilter, vd_search_filter, GTK_TYPE_FILTER)

typedef struct
{
  char *text;            /* the summary's search text this was folded from */
  char *key;
} SearchKey;

static GQuark search_key_quark;

static char *
fold (const char *text)
{
  g_autofree char *normal = g_utf8_normalize (text, -1, G_NORMALIZE_ALL);

  return g_utf8_casefold (normal != NULL ? normal : text, -1);
}

static void
search_key_free (gpointer data)
{
  SearchKey *key = data;

  g_free (key->text);
  g_free (key->key);
  g_free (key);
}

static const char *
summary_key (VdSummary *summary)
{
  const char *text = vd_summary_get_search_text (summary);
  SearchKey *key = g_object_get_qdata (G_OBJECT (summary), search_key_quark);

  /* An edit replaces the summary's text: fold it again. */
  if (key == NULL || !g_str_equal (key->text, text))
    {
      key = g_new (SearchKey, 1);
      key->text = g_strdup (text);
      key->key = fold (text);
      g_object_set_qdata_full (G_OBJECT (summary), search_key_quark, key, search_key_free);
    }

  return key->key;
}

static gboolean
vd_search_filter_match (GtkFilter *filter,
                        gpointer   item)
{
  VdSearchFilter *self = VD_SEARCH_FILTER (filter);

  return self->key == NULL || strstr (summary_key (item), self->key) != NULL;
}

static GtkFilterMatch
vd_search_filter_get_strictness (GtkFilter *filter)
{
  return VD_SEARCH_FILTER (filter)->key == NULL ? GTK_FILTER_MATCH_ALL : GTK_FILTER_MATCH_SOME;
}

static void
vd_search_filter_finalize (GObject *object)
{
  g_clear_pointer (&VD_SEARCH_FILTER (object)->key, g_free);

  G_OBJECT_CLASS (vd_search_filter_parent_class)->finalize (object);
}

static void
vd_search_filter_class_init (VdSearchFilterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkFilterClass *filter_class = GTK_FILTER_CLASS (klass);

  object_class->finalize = vd_search_filter_finalize;
  filter_class->match = vd_search_filter_match;
  filter_class->get_strictness = vd_search_filter_get_strictness;

  search_key_quark = g_quark_from_static_string ("vd-sidebar-search-key");
}

static void
vd_search_filter_init (VdSearchFilter *self)
{
}

static void
vd_search_filter_set_text (VdSearchFilter *self,
                           const char     *text)
{
  g_autofree char *key = text != NULL && text[0] != '\0' ? fold (text) : NULL;
  GtkFilterChange change;

  if (g_strcmp0 (key, self->key) == 0)
    return;

  /* Typing on narrows (every match of "abc" contains "ab"); deleting widens. */
  if (self->key == NULL || (key != NULL && strstr (key, self->key) != NULL))
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (key == NULL || strstr (self->key, key) != NULL)
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  else
    change = GTK_FILTER_CHANGE_DIFFERENT;

  g_free (self->key);
  self->key = g_steal_pointer (&key);
  gtk_filter_changed (GTK_FILTER (self), change);
}

typedef struct
{
  GType               kind;
  const char         *name;
  GtkListView        *view;
  GListStore         *items;
  GtkFilterListModel *filtered;
  VdPacedModel       *shown;      /* the filtered list, brought in between frames */
  GtkSingleSelection *selection;
} Section;

enum { COMPARISONS, TOOLS, REVIEWERS, N_SECTIONS };

struct _VdSidebar
{
  GtkWidget        parent_instance;

  VdStore         *store;
  VdReadinessWatcher *watcher;         /* flags the rows of pages not open */
  VdPage          *page;               /* the open comparison's, which knows first */
  Section          sections[N_SECTIONS];
  VdSearchFilter  *search;
  GtkCustomFilter *reviewer_filter;
  GListStore      *reviewer_choices;   /* VdSummary: "Everyone", then reviewers */
  char            *reviewer;           /* uuid, or NULL for everyone */
  char            *open_uuid;          /* the record the window shows, or NULL */
  GType            open_kind;
  guint            selecting;          /* the selection is being set, not chosen */
  gboolean         load_pending;       /* the store's lists are not read yet */
  GdkFrameClock   *load_clock;         /* whose next after-paint schedules the load */
  guint            load_idle;
  guint            fold_idle;          /* folds search keys ahead of a search */
  guint            fold_section;
  guint            fold_position;

  GtkSearchEntry  *search_entry;
  GtkStack        *stack;
  GtkToggleButton *comparisons_button;
  GtkToggleButton *tools_button;
  GtkToggleButton *reviewers_button;
  GtkDropDown     *reviewer_dropdown;
  AdwStatusPage   *no_results;
  VdSearchResults *search_results;
  GtkListView     *comparisons_view;
  GtkListView     *tools_view;
  GtkListView     *reviewers_view;
};

G_DEFINE_FINAL_TYPE (VdSidebar, vd_sidebar, GTK_TYPE_WIDGET)

enum {
  ACTIVATED,
  N_SIGNALS
};

enum {
  PROP_0,
  PROP_REVIEWER_FILTER,
  N_PROPS
};

static guint signals[N_SIGNALS];
static GParamSpec *properties[N_PROPS];

static Section *
section_for_kind (VdSidebar *self,
                  GType      kind)
{
  for (guint i = 0; i < N_SECTIONS; i++)
    if (self->sections[i].kind == kind)
      return &self->sections[i];

  return NULL;
}

/* Row contents ------------------------------------------------------------ */

static char *
persona_text (GtkListItem *item,
              int          persona)
{
  return g_strdup (persona >= 0 ? _(vd_persona_get_label (persona)) : "");
}

static char *
status_text (GtkListItem *item,
             int          kind)
{
  return g_strdup (kind >= 0 ? _(vd_status_get_label (kind)) : "");
}

static const char * const status_classes[] = { "status-draft", "status-in-review",
                                                "status-ready", "status-published" };

static void
on_status_kind (GtkLabel   *badge,
                GParamSpec *pspec,
                gpointer    user_data)
{
  const char *text = gtk_label_get_text (badge);

  gtk_widget_set_visible (GTK_WIDGET (badge), text[0] != '\0');
}

static GtkExpression *
item_property (const char *property)
{
  return gtk_property_expression_new (VD_TYPE_SUMMARY,
                                      gtk_property_expression_new (GTK_TYPE_LIST_ITEM, NULL,
                                                                   "item"),
                                      property);
}

static void
set_badge_class (GtkLabel   *badge,
                 GParamSpec *pspec,
                 VdSummary  *summary)
{
  int kind = vd_summary_get_kind (summary);

  for (guint i = 0; i < G_N_ELEMENTS (status_classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (badge), status_classes[i]);
  if (kind >= 0 && kind < (int) G_N_ELEMENTS (status_classes))
    gtk_widget_add_css_class (GTK_WIDGET (badge), status_classes[kind]);
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           Section                  *section)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);
  GtkWidget *badge = gtk_label_new (NULL);
  GtkExpression *expression;

  gtk_widget_set_hexpand (text, TRUE);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  /* A long title would ask for its whole width, and the window gives spare
   * room to what asks for it: the sidebar stays at its 300 px instead. */
  gtk_label_set_max_width_chars (GTK_LABEL (title), 1);
  gtk_label_set_max_width_chars (GTK_LABEL (subtitle), 1);
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (badge, "caption");
  gtk_widget_add_css_class (badge, "status-badge");
  gtk_widget_set_visible (badge, FALSE);

  gtk_box_append (GTK_BOX (text), title);
  gtk_box_append (GTK_BOX (text), subtitle);
  gtk_box_append (GTK_BOX (box), text);
  if (section->kind == VD_TYPE_COMPARISON)
    {
      GtkWidget *flag = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_set_name (flag, "readiness-flag");
      gtk_widget_add_css_class (flag, "warning");
      gtk_widget_set_valign (flag, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (flag, _("Not ready to publish: its page is incomplete"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (flag), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Not ready to publish"), -1);
      gtk_expression_bind (item_property ("flagged"), flag, "visible", item);
      gtk_box_append (GTK_BOX (box), flag);
    }
  gtk_box_append (GTK_BOX (box), badge);
  gtk_list_item_set_child (item, box);

  /* Labels get the text as text: a title holding "<b>" stays "<b>". */
  gtk_expression_bind (item_property ("title"), title, "label", item);

  /* A reviewer's row says their persona; the others their own subtitle. */
  if (section->kind == VD_TYPE_REVIEWER)
    expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 1,
                                              (GtkExpression *[]) { item_property ("kind") },
                                              G_CALLBACK (persona_text), NULL, NULL);
  else
    expression = item_property ("subtitle");
  gtk_expression_bind (expression, subtitle, "label", item);

  if (section->kind == VD_TYPE_COMPARISON)
    {
      expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 1,
                                                (GtkExpression *[]) { item_property ("kind") },
                                                G_CALLBACK (status_text), NULL, NULL);
      gtk_expression_bind (expression, badge, "label", item);
      g_signal_connect (badge, "notify::label", G_CALLBACK (on_status_kind), NULL);
    }
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          Section                  *section)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *text = gtk_widget_get_first_child (box);
  GtkWidget *badge = gtk_widget_get_last_child (box);
  VdSummary *summary = gtk_list_item_get_item (item);

  /* The row, which takes the focus, reads as its title, then its subtitle
   * and status; GTK 4.8 gives a list row no name from its content. */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (gtk_widget_get_parent (box)),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  gtk_widget_get_first_child (text), NULL,
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY,
                                  gtk_widget_get_last_child (text), badge, NULL,
                                  -1);

  if (section->kind != VD_TYPE_COMPARISON)
    return;

  set_badge_class (GTK_LABEL (badge), NULL, summary);
  g_signal_connect_object (summary, "notify::kind", G_CALLBACK (set_badge_class), badge,
                           G_CONNECT_SWAPPED);
}

static void
unbind_row (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            Section                  *section)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  VdSummary *summary = gtk_list_item_get_item (item);

  if (summary != NULL)
    g_signal_handlers_disconnect_by_func (summary, set_badge_class,
                                          gtk_widget_get_last_child (box));
}

/* Filtering --------------------------------------------------------------- */

static gboolean
on_panel_filter (gpointer item,
                 gpointer user_data)
{
  VdSidebar *self = user_data;

  return self->reviewer == NULL ||
         g_strv_contains (vd_summary_get_panel (VD_SUMMARY (item)), self->reviewer);
}

/* A search that finds nothing in the list on show says so, instead of an
 * empty list; not while the filter is still going through the list. */
static void
update_no_results (VdSidebar *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  Section *section = NULL;
  gboolean empty, none;

  for (guint i = 0; i < N_SECTIONS; i++)
    if (g_strcmp0 (self->sections[i].name, gtk_stack_get_visible_child_name (self->stack)) == 0)
      section = &self->sections[i];

  /* The list on show is empty: only the hits in the text, if any, show. */
  empty = section != NULL && section->filtered != NULL && text[0] != '\0' &&
          g_list_model_get_n_items (G_LIST_MODEL (section->filtered)) == 0 &&
          gtk_filter_list_model_get_pending (section->filtered) == 0;
  none = empty && vd_search_results_get_n_hits (self->search_results) == 0;

  if (none)
    {
      /* The description is markup; the search is the user's. */
      g_autofree char *description = g_markup_printf_escaped (_("Nothing here matches “%s”."),
                                                              text);

      adw_status_page_set_description (self->no_results, description);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->no_results), none);
  gtk_widget_set_visible (GTK_WIDGET (self->stack), !empty);
}

static void
on_search_changed (VdSidebar      *self,
                   GtkSearchEntry *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  vd_search_filter_set_text (self->search, text);
  vd_search_results_set_text (self->search_results, text);
  update_no_results (self);
}

static void
on_reviewer_selected (VdSidebar   *self,
                      GParamSpec  *pspec,
                      GtkDropDown *dropdown)
{
  VdSummary *choice = gtk_drop_down_get_selected_item (dropdown);
  const char *uuid = choice != NULL ? vd_summary_get_uuid (choice) : "";

  vd_sidebar_set_reviewer_filter (self, uuid[0] != '\0' ? uuid : NULL);
}

static void
rebuild_reviewer_choices (VdSidebar *self)
{
  g_autoptr(VdSummary) everyone = vd_summary_new ("");
  GListModel *reviewers = G_LIST_MODEL (self->sections[REVIEWERS].items);
  g_autoptr(GPtrArray) choices = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = g_list_model_get_n_items (reviewers);
  guint selected = 0;

  vd_summary_update (everyone, _("Everyone’s scorecards"), "", -1, NULL);
  g_ptr_array_add (choices, g_object_ref (everyone));
  for (guint i = 0; i < n; i++)
    {
      VdSummary *reviewer = g_list_model_get_item (reviewers, i);

      if (g_strcmp0 (vd_summary_get_uuid (reviewer), self->reviewer) == 0)
        selected = i + 1;
      g_ptr_array_add (choices, reviewer);
    }

  /* The picker says what the desk shows: a filter for a reviewer who is no
   * longer there goes, rather than the picker reading "Everyone" over one
   * reviewer's scorecards. */
  if (self->reviewer != NULL && selected == 0 && !self->load_pending)
    {
      g_clear_pointer (&self->reviewer, g_free);
  g_clear_pointer (&self->open_uuid, g_free);
      gtk_filter_changed (GTK_FILTER (self->reviewer_filter), GTK_FILTER_CHANGE_LESS_STRICT);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVIEWER_FILTER]);
    }

  g_signal_handlers_block_by_func (self->reviewer_dropdown, on_reviewer_selected, self);
  g_list_store_splice (self->reviewer_choices, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->reviewer_choices)),
                       choices->pdata, choices->len);
  gtk_drop_down_set_selected (self->reviewer_dropdown, selected);
  g_signal_handlers_unblock_by_func (self->reviewer_dropdown, on_reviewer_selected, self);
}

/* Loading ----------------------------------------------------------------- */

static void
reload_section (VdSidebar *self,
                Section   *section)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) fresh = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  guint n;

  if (self->store != NULL &&
      !(fresh = vd_store_list_summaries (self->store, section->kind, &error)))
    g_warning ("Could not list %s: %s", section->name, error->message);

  n = fresh != NULL ? g_list_model_get_n_items (G_LIST_MODEL (fresh)) : 0;
  for (guint i = 0; i < n; i++)
    {
      VdSummary *summary = g_list_model_get_item (G_LIST_MODEL (fresh), i);

      if (section->kind == VD_TYPE_COMPARISON)
        vd_summary_set_flagged (summary, vd_sidebar_is_flagged (self,
                                                                vd_summary_get_uuid (summary)));
      g_ptr_array_add (items, summary);
    }

  /* Filter in slices between frames only when one pass would not fit. */
  gtk_filter_list_model_set_incremental (section->filtered, items->len > INCREMENTAL_FILTER_ABOVE);
  g_list_store_splice (section->items, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (section->items)),
                       items->pdata, items->len);

  if (section->kind == VD_TYPE_REVIEWER)
    rebuild_reviewer_choices (self);
}

static gboolean
find_summary (GListStore *items,
              const char *uuid,
              guint      *position)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (items));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VdSummary) summary = g_list_model_get_item (G_LIST_MODEL (items), i);

      if (g_str_equal (vd_summary_get_uuid (summary), uuid))
        {
          *position = i;
          return TRUE;
        }
    }

  return FALSE;
}

/* Flags ------------------------------------------------------------------ */

static void
refresh_flag (VdSidebar  *self,
              const char *uuid)
{
  Section *section = section_for_kind (self, VD_TYPE_COMPARISON);
  guint position;

  if (find_summary (section->items, uuid, &position))
    {
      g_autoptr(VdSummary) row = g_list_model_get_item (G_LIST_MODEL (section->items), position);

      vd_summary_set_flagged (row, vd_sidebar_is_flagged (self, uuid));
    }
}

static void
on_flag_changed (VdSidebar          *self,
                 const char         *uuid,
                 gboolean            flagged,
                 VdReadinessWatcher *watcher)
{
  refresh_flag (self, uuid);
}

static void
on_page_changed (VdSidebar *self)
{
  refresh_flag (self, vd_record_get_uuid (VD_RECORD (vd_page_get_comparison (self->page))));
}

static void
disconnect_page (VdSidebar *self)
{
  if (self->page == NULL)
    return;

  g_signal_handlers_disconnect_by_data (vd_page_get_comparison (self->page), self);
  g_signal_handlers_disconnect_by_data (self->page, self);
  g_clear_object (&self->page);
}

/**
 * vd_sidebar_set_page:
 * @page: (nullable): the comparison the window shows
 *
 * The open page's row follows its edits as they are typed, before they
 * are saved; the others follow the store.
 */
void
vd_sidebar_set_page (VdSidebar *self,
                     VdPage    *page)
{
  g_autofree char *old = NULL;

  g_return_if_fail (VD_IS_SIDEBAR (self));
  g_return_if_fail (page == NULL || VD_IS_PAGE (page));

  if (self->page == page)
    return;

  if (self->page != NULL)
    old = g_strdup (vd_record_get_uuid (VD_RECORD (vd_page_get_comparison (self->page))));
  disconnect_page (self);
  if (old != NULL)
    refresh_flag (self, old);

  if (page == NULL)
    return;

  self->page = g_object_ref (page);
  g_signal_connect_object (page, "notify::problems", G_CALLBACK (on_page_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (vd_page_get_comparison (page), "notify::status",
                           G_CALLBACK (on_page_changed), self, G_CONNECT_SWAPPED);
  on_page_changed (self);
}

/**
 * vd_sidebar_is_flagged:
 *
 * Returns: whether @comparison's row shows the flag: Ready or Published,
 *   and its page fails the readiness rules
 */
gboolean
vd_sidebar_is_flagged (VdSidebar  *self,
                       const char *comparison)
{
  g_return_val_if_fail (VD_IS_SIDEBAR (self), FALSE);
  g_return_val_if_fail (comparison != NULL, FALSE);

  if (self->page != NULL &&
      g_str_equal (comparison, vd_record_get_uuid (VD_RECORD (vd_page_get_comparison (self->page)))))
    return vd_page_is_flagged (self->page);

  return self->watcher != NULL && vd_readiness_watcher_is_flagged (self->watcher, comparison);
}

/* One record changed: refresh its row in place, or add or drop it. */
static void
on_store_changed (VdSidebar  *self,
                  GType       type,
                  const char *uuid,
                  VdStore    *store)
{
  Section *section = section_for_kind (self, type);
  g_autoptr(VdSummary) fresh = NULL;
  g_autoptr(GError) error = NULL;
  guint position;

  /* Not read yet: the load will read this change too. */
  if (self->load_pending)
    return;

  if (type == G_TYPE_NONE || uuid == NULL)
    {
      for (guint i = 0; i < N_SECTIONS; i++)
        reload_section (self, &self->sections[i]);
      return;
    }

  if (section == NULL)
    return;

  fresh = vd_store_load_summary (store, type, uuid, &error);
  if (!find_summary (section->items, uuid, &position))
    {
      if (fresh != NULL)
        reload_section (self, section);
      return;
    }

  if (fresh == NULL)
    {
      g_list_store_remove (section->items, position);
      if (type == VD_TYPE_REVIEWER)
        rebuild_reviewer_choices (self);
      return;
    }

  {
    g_autoptr(VdSummary) row = g_list_model_get_item (G_LIST_MODEL (section->items), position);

    vd_summary_update (row, vd_summary_get_title (fresh), vd_summary_get_subtitle (fresh),
                       vd_summary_get_kind (fresh), vd_summary_get_panel (fresh));
  }

  /* The panel filter depends on the row's panel, which the row does not
   * notify; let the filter look again. */
  if (type == VD_TYPE_COMPARISON && self->reviewer != NULL)
    gtk_filter_changed (GTK_FILTER (self->reviewer_filter), GTK_FILTER_CHANGE_DIFFERENT);
}

/* Deferred loading -------------------------------------------------------
 * At start-up the lists are read after the window's first frame: that frame
 * shows sooner (the status page does not need them), and the rows arrive in
 * the next one. Anyone asking for a list before then gets it read at once. */

/* Folding every row's text takes tens of milliseconds at newsroom scale:
 * done between frames after loading, the first search does not pay it. */
static gboolean
fold_idle_cb (gpointer data)
{
  VdSidebar *self = data;
  gint64 start = g_get_monotonic_time ();

  for (; self->fold_section < N_SECTIONS; self->fold_section++, self->fold_position = 0)
    {
      GListModel *items = G_LIST_MODEL (self->sections[self->fold_section].items);
      guint n = g_list_model_get_n_items (items);

      for (; self->fold_position < n; self->fold_position++)
        {
          g_autoptr(VdSummary) summary = g_list_model_get_item (items, self->fold_position);

          summary_key (summary);
          if ((self->fold_position & 255) == 255 && g_get_monotonic_time () - start > 4000)
            {
              self->fold_position++;
              return G_SOURCE_CONTINUE;
            }
        }
    }

  self->fold_idle = 0;
  return G_SOURCE_REMOVE;
}

static void
stop_deferred_load (VdSidebar *self)
{
  g_clear_handle_id (&self->fold_idle, g_source_remove);
  g_clear_handle_id (&self->load_idle, g_source_remove);
  if (self->load_clock != NULL)
    g_signal_handlers_disconnect_by_data (self->load_clock, self);
  g_clear_object (&self->load_clock);
}

static void
ensure_loaded (VdSidebar *self)
{
  if (!self->load_pending)
    return;

  self->load_pending = FALSE;
  stop_deferred_load (self);
  for (guint i = 0; i < N_SECTIONS; i++)
    reload_section (self, &self->sections[i]);

  self->fold_section = 0;
  self->fold_position = 0;
  self->fold_idle = g_idle_add_full (G_PRIORITY_LOW, fold_idle_cb, self, NULL);
}

static gboolean
load_idle_cb (gpointer data)
{
  VdSidebar *self = data;

  self->load_idle = 0;
  ensure_loaded (self);
  return G_SOURCE_REMOVE;
}

static void
on_first_paint (GdkFrameClock *clock,
                VdSidebar     *self)
{
  g_signal_handlers_disconnect_by_data (clock, self);
  g_clear_object (&self->load_clock);
  if (self->load_idle == 0)
    self->load_idle = g_idle_add (load_idle_cb, self);
}

static void
schedule_deferred_load (VdSidebar *self)
{
  GdkFrameClock *clock;

  if (!self->load_pending || self->load_clock != NULL || self->load_idle != 0)
    return;

  clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));
  if (clock == NULL)
    {
      self->load_idle = g_idle_add (load_idle_cb, self);
      return;
    }

  self->load_clock = g_object_ref (clock);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_first_paint), self);
}

static void
vd_sidebar_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (vd_sidebar_parent_class)->map (widget);

  schedule_deferred_load (VD_SIDEBAR (widget));
}

static void
vd_sidebar_unmap (GtkWidget *widget)
{
  VdSidebar *self = VD_SIDEBAR (widget);

  /* The frame clock may change with the next map; wait for that one. */
  if (self->load_clock != NULL)
    stop_deferred_load (self);

  GTK_WIDGET_CLASS (vd_sidebar_parent_class)->unmap (widget);
}

/* The highlighted row is the open record: a click or the arrow keys open
 * what they select. (Single-click activation would select on hover, and
 * leave the highlight on another row than the open one.) */
static void
on_selected (VdSidebar          *self,
             GParamSpec         *pspec,
             GtkSingleSelection *selection)
{
  VdSummary *summary = gtk_single_selection_get_selected_item (selection);

  if (self->selecting || summary == NULL ||
      g_strcmp0 (vd_summary_get_uuid (summary), self->open_uuid) == 0)
    return;

  for (guint i = 0; i < N_SECTIONS; i++)
    if (self->sections[i].selection == selection)
      g_signal_emit (self, signals[ACTIVATED], 0, self->sections[i].kind,
                     vd_summary_get_uuid (summary));
}

/* A list changing under its selection (a search, a reload) moves or drops
 * the selected row: that is no choice of the editor's, and the highlight
 * goes back to the open record wherever it now is. */
static void
begin_model_change (VdSidebar *self)
{
  self->selecting++;
}

static void
end_model_change (VdSidebar          *self,
                  guint               position,
                  guint               removed,
                  guint               added,
                  GtkSingleSelection *selection)
{
  guint n;

  g_assert (self->selecting > 0);

  for (guint i = 0; i < N_SECTIONS; i++)
    {
      Section *section = &self->sections[i];

      if (section->selection != selection)
        continue;

      n = g_list_model_get_n_items (G_LIST_MODEL (selection));
      if (section->kind != self->open_kind || self->open_uuid == NULL)
        {
          gtk_single_selection_set_selected (selection, GTK_INVALID_LIST_POSITION);
          continue;
        }
      for (guint p = 0; p < n; p++)
        {
          g_autoptr(VdSummary) summary = g_list_model_get_item (G_LIST_MODEL (selection), p);

          if (g_strcmp0 (vd_summary_get_uuid (summary), self->open_uuid) == 0)
            {
              gtk_single_selection_set_selected (selection, p);
              break;
            }
        }
    }

  self->selecting--;
}

static void
on_activate (VdSidebar   *self,
             guint        position,
             GtkListView *view)
{
  for (guint i = 0; i < N_SECTIONS; i++)
    {
      Section *section = &self->sections[i];
      g_autoptr(VdSummary) summary = NULL;

      if (section->view != view)
        continue;

      summary = g_list_model_get_item (G_LIST_MODEL (section->selection), position);
      if (summary != NULL)
        g_signal_emit (self, signals[ACTIVATED], 0, section->kind, vd_summary_get_uuid (summary));
    }
}

/* Only the list on show has a view attached. A GtkListView keeps up to 200
 * rows around its anchor, and a search that changes most of a list replaces
 * them; the hidden lists would pay that on every keystroke for nothing. */
static void
attach_visible_view (VdSidebar *self)
{
  const char *name = gtk_stack_get_visible_child_name (self->stack);

  for (guint i = 0; i < N_SECTIONS; i++)
    {
      Section *section = &self->sections[i];
      GtkSelectionModel *model = g_strcmp0 (section->name, name) == 0
                                 ? GTK_SELECTION_MODEL (section->selection) : NULL;

      if (section->view != NULL && gtk_list_view_get_model (section->view) != model)
        gtk_list_view_set_model (section->view, model);
    }
}

static void
on_kind_changed (VdSidebar  *self,
                 GParamSpec *pspec,
                 GtkStack   *stack)
{
  const char *name = gtk_stack_get_visible_child_name (stack);
  gboolean comparisons = g_strcmp0 (name, "comparisons") == 0;
  GtkToggleButton *buttons[] = { self->comparisons_button, self->tools_button,
                                 self->reviewers_button };

  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    if (buttons[i] != NULL && g_strcmp0 (gtk_widget_get_name (GTK_WIDGET (buttons[i])), name) == 0)
      gtk_toggle_button_set_active (buttons[i], TRUE);

  gtk_widget_set_visible (GTK_WIDGET (self->reviewer_dropdown), comparisons);
  attach_visible_view (self);
  if (self->no_results != NULL)
    update_no_results (self);
}

/* Each switcher button is named after the stack page it shows. */
static void
on_kind_toggled (VdSidebar       *self,
                 GtkToggleButton *button)
{
  if (gtk_toggle_button_get_active (button))
    gtk_stack_set_visible_child_name (self->stack, gtk_widget_get_name (GTK_WIDGET (button)));
}

static void
vd_sidebar_dispose (GObject *object)
{
  VdSidebar *self = VD_SIDEBAR (object);
  GtkWidget *child;

  stop_deferred_load (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), VD_TYPE_SIDEBAR);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  for (guint i = 0; i < N_SECTIONS; i++)
    {
      g_clear_object (&self->sections[i].selection);
      g_clear_object (&self->sections[i].shown);
      g_clear_object (&self->sections[i].filtered);
      g_clear_object (&self->sections[i].items);
    }
  g_clear_object (&self->search);
  g_clear_object (&self->reviewer_filter);
  g_clear_object (&self->reviewer_choices);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  disconnect_page (self);
  g_clear_object (&self->watcher);

  G_OBJECT_CLASS (vd_sidebar_parent_class)->dispose (object);
}

static void
vd_sidebar_finalize (GObject *object)
{
  VdSidebar *self = VD_SIDEBAR (object);

  g_clear_pointer (&self->reviewer, g_free);

  G_OBJECT_CLASS (vd_sidebar_parent_class)->finalize (object);
}

static void
vd_sidebar_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  VdSidebar *self = VD_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_REVIEWER_FILTER:
      g_value_set_string (value, self->reviewer);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vd_sidebar_class_init (VdSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vd_sidebar_dispose;
  object_class->finalize = vd_sidebar_finalize;
  object_class->get_property = vd_sidebar_get_property;
  widget_class->map = vd_sidebar_map;
  widget_class->unmap = vd_sidebar_unmap;

  /* The reviewer whose scorecards the desk shows, or NULL for everyone. */
  properties[PROP_REVIEWER_FILTER] =
    g_param_spec_string ("reviewer-filter", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * VdSidebar::activated:
   * @kind: %VD_TYPE_COMPARISON, %VD_TYPE_TOOL or %VD_TYPE_REVIEWER
   * @uuid: the record the user picked
   */
  signals[ACTIVATED] =
    g_signal_new ("activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_GTYPE, G_TYPE_STRING);

  g_type_ensure (VD_TYPE_SEARCH_RESULTS);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/verdictdesk/VerdictDesk/ui/vd-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, VdSidebar, search_entry);
  gtk_widget_class_bind_template_child (widget_class, VdSidebar, stack);
  gtk_widget_class_bind_template_child (widget_class, VdSidebar, reviewer_dropdown);
  gtk_widget_class_bind_template_child (widget_class, VdSidebar, no_results);
  gtk_widget_class_bind_template_child (widget_class, VdSidebar, search_results);
  gtk_widget_class_bind_template_child (widget_class, VdSidebar, comparisons_view);
  gtk_widget_class_bind_template_child (widget_class, VdSidebar, tools_view);
  gtk_widget_class_bind_template_child (widget_class, VdSidebar, reviewers_view);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_reviewer_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_toggled);
  gtk_widget_class_bind_template_child (widget_class, VdSidebar, comparisons_button);
  gtk_widget_class_bind_template_child (widget_class, VdSidebar, tools_button);
  gtk_widget_class_bind_template_child (widget_class, VdSidebar, reviewers_button);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "vdsidebar");
}

static void
init_section (VdSidebar   *self,
              Section     *section,
              GType        kind,
              const char  *name,
              GtkListView *view,
              GtkFilter   *filter)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  section->kind = kind;
  section->name = name;
  section->view = view;
  section->items = g_list_store_new (VD_TYPE_SUMMARY);
  section->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (section->items)),
                                                 g_object_ref (filter));
  g_signal_connect_object (section->filtered, "items-changed", G_CALLBACK (update_no_results),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (section->filtered, "notify::pending", G_CALLBACK (update_no_results),
                           self, G_CONNECT_SWAPPED);
  section->shown = vd_paced_model_new (G_LIST_MODEL (section->filtered));
  /* Before the selection connects its own handler; and after it re-emits
   * and the view has followed, since only then may the selection change. */
  g_signal_connect_object (section->shown, "items-changed", G_CALLBACK (begin_model_change),
                           self, G_CONNECT_SWAPPED);
  section->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (section->shown)));
  g_signal_connect_object (section->selection, "items-changed", G_CALLBACK (end_model_change),
                           self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  gtk_single_selection_set_autoselect (section->selection, FALSE);
  gtk_single_selection_set_can_unselect (section->selection, TRUE);
  g_signal_connect_object (section->selection, "notify::selected", G_CALLBACK (on_selected),
                           self, G_CONNECT_SWAPPED);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), section);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), section);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row), section);

  gtk_list_view_set_factory (view, factory);
  g_object_unref (factory);
}

static void
vd_sidebar_init (VdSidebar *self)
{
  g_autoptr(GtkEveryFilter) comparison_filter = gtk_every_filter_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->search = g_object_new (VD_TYPE_SEARCH_FILTER, NULL);

  self->reviewer_filter = gtk_custom_filter_new (on_panel_filter, self, NULL);
  gtk_multi_filter_append (GTK_MULTI_FILTER (comparison_filter), g_object_ref (GTK_FILTER (self->search)));
  gtk_multi_filter_append (GTK_MULTI_FILTER (comparison_filter),
                           g_object_ref (GTK_FILTER (self->reviewer_filter)));

  init_section (self, &self->sections[COMPARISONS], VD_TYPE_COMPARISON, "comparisons",
                self->comparisons_view, GTK_FILTER (comparison_filter));
  init_section (self, &self->sections[TOOLS], VD_TYPE_TOOL, "tools",
                self->tools_view, GTK_FILTER (self->search));
  init_section (self, &self->sections[REVIEWERS], VD_TYPE_REVIEWER, "reviewers",
                self->reviewers_view, GTK_FILTER (self->search));
  attach_visible_view (self);

  self->reviewer_choices = g_list_store_new (VD_TYPE_SUMMARY);
  gtk_drop_down_set_expression (self->reviewer_dropdown,
                                gtk_property_expression_new (VD_TYPE_SUMMARY, NULL, "title"));
  gtk_drop_down_set_model (self->reviewer_dropdown, G_LIST_MODEL (self->reviewer_choices));
  rebuild_reviewer_choices (self);
}

GtkWidget *
vd_sidebar_new (void)
{
  return g_object_new (VD_TYPE_SIDEBAR, NULL);
}

void
vd_sidebar_set_store (VdSidebar *self,
                      VdStore   *store)
{
  g_return_if_fail (VD_IS_SIDEBAR (self));
  g_return_if_fail (store == NULL || VD_IS_STORE (store));

  if (self->store == store)
    return;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  disconnect_page (self);
  g_clear_object (&self->watcher);
  vd_search_results_set_store (self->search_results, store);
  if (store != NULL)
    {
      g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed), self,
                               G_CONNECT_SWAPPED);
      self->watcher = vd_readiness_watcher_new (store);
      g_signal_connect_object (self->watcher, "flag-changed", G_CALLBACK (on_flag_changed),
                               self, G_CONNECT_SWAPPED);
    }

  /* On screen already: read now. Otherwise after the first frame that
   * shows the sidebar (see vd_sidebar_map()), or when a list is asked for. */
  self->load_pending = TRUE;
  stop_deferred_load (self);
  if (store == NULL || gtk_widget_get_mapped (GTK_WIDGET (self)))
    ensure_loaded (self);
}

GType
vd_sidebar_get_kind (VdSidebar *self)
{
  const char *name;

  g_return_val_if_fail (VD_IS_SIDEBAR (self), G_TYPE_NONE);

  name = gtk_stack_get_visible_child_name (self->stack);
  for (guint i = 0; i < N_SECTIONS; i++)
    if (g_strcmp0 (self->sections[i].name, name) == 0)
      return self->sections[i].kind;

  return G_TYPE_NONE;
}

void
vd_sidebar_set_kind (VdSidebar *self,
                     GType      kind)
{
  Section *section;

  g_return_if_fail (VD_IS_SIDEBAR (self));

  if ((section = section_for_kind (self, kind)) != NULL)
    gtk_stack_set_visible_child_name (self->stack, section->name);
}

/**
 * vd_sidebar_select:
 * @uuid: (nullable): the record the window opened; %NULL when it shows none
 *
 * Shows @kind's list and highlights @uuid in it, if the filters let it show;
 * with %NULL, no row of any list is highlighted.
 */
void
vd_sidebar_select (VdSidebar  *self,
                   GType       kind,
                   const char *uuid)
{
  Section *section;
  guint n;

  g_return_if_fail (VD_IS_SIDEBAR (self));

  g_free (self->open_uuid);
  self->open_uuid = g_strdup (uuid);
  self->open_kind = kind;

  self->selecting++;
  if (uuid == NULL)
    {
      for (guint i = 0; i < N_SECTIONS; i++)
        if (self->sections[i].selection != NULL)
          gtk_single_selection_set_selected (self->sections[i].selection,
                                             GTK_INVALID_LIST_POSITION);
      self->selecting--;
      return;
    }

  if ((section = section_for_kind (self, kind)) == NULL)
    {
      self->selecting--;
      return;
    }

  ensure_loaded (self);
  vd_sidebar_set_kind (self, kind);
  vd_paced_model_settle (section->shown);

  n = g_list_model_get_n_items (G_LIST_MODEL (section->selection));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VdSummary) summary = g_list_model_get_item (G_LIST_MODEL (section->selection), i);

      if (g_strcmp0 (vd_summary_get_uuid (summary), uuid) == 0)
        {
          gtk_single_selection_set_selected (section->selection, i);
          gtk_widget_activate_action (GTK_WIDGET (section->view), "list.scroll-to-item", "u", i);
          self->selecting--;
          return;
        }
    }

  gtk_single_selection_set_selected (section->selection, GTK_INVALID_LIST_POSITION);
  self->selecting--;
}

const char *
vd_sidebar_get_reviewer_filter (VdSidebar *self)
{
  g_return_val_if_fail (VD_IS_SIDEBAR (self), NULL);

  return self->reviewer;
}

/**
 * vd_sidebar_set_reviewer_filter:
 * @reviewer: (nullable): a reviewer's uuid: list only the comparisons whose
 *   panel they sit on ("my scorecards"); %NULL for every comparison
 */
void
vd_sidebar_set_reviewer_filter (VdSidebar  *self,
                                const char *reviewer)
{
  g_return_if_fail (VD_IS_SIDEBAR (self));

  if (g_strcmp0 (self->reviewer, reviewer) == 0)
    return;

  g_free (self->reviewer);
  self->reviewer = g_strdup (reviewer);
  gtk_filter_changed (GTK_FILTER (self->reviewer_filter),
                      reviewer == NULL ? GTK_FILTER_CHANGE_LESS_STRICT : GTK_FILTER_CHANGE_DIFFERENT);
  rebuild_reviewer_choices (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVIEWER_FILTER]);
}

void
vd_sidebar_set_search (VdSidebar  *self,
                       const char *text)
{
  g_return_if_fail (VD_IS_SIDEBAR (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  vd_search_filter_set_text (self->search, text);
  vd_search_results_set_text (self->search_results, text);
  update_no_results (self);
}

/**
 * vd_sidebar_get_search_results:
 *
 * Returns: (transfer none): the hits of the search in every text of the desk
 */
VdSearchResults *
vd_sidebar_get_search_results (VdSidebar *self)
{
  g_return_val_if_fail (VD_IS_SIDEBAR (self), NULL);
  return self->search_results;
}

GtkSearchEntry *
vd_sidebar_get_search_entry (VdSidebar *self)
{
  g_return_val_if_fail (VD_IS_SIDEBAR (self), NULL);

  return self->search_entry;
}

/**
 * vd_sidebar_get_model:
 *
 * Returns: (transfer none): what @kind's list shows, after filtering: a
 *   #VdPacedModel over a #GtkFilterListModel
 */
/**
 * vd_sidebar_get_selected:
 *
 * Returns: (transfer none) (nullable): the highlighted row of the list on
 *   show
 */
VdSummary *
vd_sidebar_get_selected (VdSidebar *self)
{
  Section *section;

  g_return_val_if_fail (VD_IS_SIDEBAR (self), NULL);

  section = section_for_kind (self, vd_sidebar_get_kind (self));
  return section != NULL ? gtk_single_selection_get_selected_item (section->selection) : NULL;
}

GListModel *
vd_sidebar_get_model (VdSidebar *self,
                      GType      kind)
{
  Section *section;

  g_return_val_if_fail (VD_IS_SIDEBAR (self), NULL);

  ensure_loaded (self);
  section = section_for_kind (self, kind);
  return section != NULL ? G_LIST_MODEL (section->shown) : NULL;
}

/**
 * vd_sidebar_get_items:
 *
 * Returns: (transfer none) (nullable): every summary of @kind, unfiltered,
 *   as loaded: empty until the list is first read (after the first frame)
 */
GListModel *
vd_sidebar_get_items (VdSidebar *self,
                      GType      kind)
{
  Section *section;

  g_return_val_if_fail (VD_IS_SIDEBAR (self), NULL);

  section = section_for_kind (self, kind);
  return section != NULL ? G_LIST_MODEL (section->items) : NULL;
}
