/* vd-comparison-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The comparison's fields, its panel and every scorecard on the left; the
 * page as it will be published on the right. Widgets write straight into
 * the VdPage's shared objects (the window's session autosaves them) and the
 * preview follows those objects' notifications, so typing updates one label.
 * The widget tree is rebuilt only when the panel or a tool changes.
 */
#include "config.h"

#include <glib/gi18n.h>

#include <string.h>

#include "vd-comparison-page.h"
#include "vd-history-view.h"
#include "vd-sync.h"
#include "vd-enum-types.h"
#include "vd-prose-row.h"
#include "vd-readiness.h"
#include "vd-reviewer-picker.h"
#include "vd-scorecard-form.h"
#include "vd-slug.h"
#include "vd-undo.h"

/* Below this width the editor and the preview take turns: at 1280 px the
 * window leaves the page about 980 px beside a 300 px sidebar, enough for
 * both; at 1024 px it leaves about 720, which fits one of them well. */
#define NARROW_WIDTH 900
/* The preview's share of the page until the editor drags the divider. */
#define PREVIEW_SHARE 0.4

/* The fields a value can be refused for; each says why under the group. */
typedef enum {
  CHECK_TOOLS,
  CHECK_SLUG,
  CHECK_DATE,
  N_CHECKS
} Check;

struct _VdComparisonPage
{
  GtkWidget            parent_instance;

  VdPage              *page;
  GCancellable        *history_cancellable; /* the history being read, if any */
  GListStore          *tools;       /* VdSummary of every tool, for the pickers */
  GListStore          *reviewers;   /* VdSummary of every reviewer, for the panel */
  GPtrArray           *bindings;
  GPtrArray           *panel_rows;
  char                *reviewer_filter;
  gboolean             show_preview;
  gboolean             narrow;
  int                  preview_width; /* the divider, as the preview's width; 0: automatic */
  int                  split_at;      /* the paned position to apply, or 0 */
  gboolean             split_done;    /* the first wide allocation placed it */
  gboolean             placing;       /* the page itself moves the divider */
  gboolean             updating;     /* widgets are being set from the model */
  gboolean             editing_title; /* the title field sets the title */
  guint                layout_idle;
  guint                panel_idle;
  const char          *errors[N_CHECKS];  /* why each refused value was, or NULL */

  GtkPaned            *paned;
  GtkWidget           *editor;
  GtkWidget           *preview_scroller;
  VdPreview           *preview;
  VdHistoryView       *history_view; /* the comparison's own */
  AdwEntryRow         *title_row;
  VdProseRow          *dek_row;
  AdwEntryRow         *slug_row;
  GtkDropDown         *tool_a_row;
  GtkDropDown         *tool_b_row;
  VdProseRow          *pricing_read_row;
  AdwComboRow         *status_row;
  AdwEntryRow         *date_row;
  GtkLabel            *page_message;
  GtkLabel            *filter_note;
  AdwPreferencesGroup *panel_group;
  AdwPreferencesGroup *flag_group;
  GPtrArray           *flag_rows;   /* AdwActionRow*, in flag_group */
  VdReviewerPicker    *reviewer_picker;
  GtkStack            *scorecard_stack;
};

G_DEFINE_FINAL_TYPE (VdComparisonPage, vd_comparison_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SHOW_PREVIEW,
  PROP_NARROW,
  PROP_PREVIEW_WIDTH,
  N_PROPS
};

enum {
  READINESS_REFUSED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static VdComparison *
comparison (VdComparisonPage *self)
{
  return vd_page_get_comparison (self->page);
}

/* A refused value is told in words under the group, every reason at once;
 * a row holding text that was not saved also turns red. @row is NULL when
 * the row went back to what is saved. */
static void
set_error (VdComparisonPage *self,
           Check             check,
           gpointer          row,
           const char       *message)
{
  g_autoptr(GString) text = g_string_new (NULL);

  self->errors[check] = message;
  if (row != NULL && message != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  else if (row != NULL)
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");

  for (guint i = 0; i < N_CHECKS; i++)
    if (self->errors[i] != NULL)
      g_string_append_printf (text, "%s%s", text->len > 0 ? "\n" : "", self->errors[i]);

  gtk_label_set_text (self->page_message, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->page_message), text->len > 0);
}

/* Sets @row's text from the model, unless it already reads so: replacing
 * equal text would move the cursor of someone typing in it. */
static void
sync_entry (VdComparisonPage *self,
            AdwEntryRow      *row,
            const char       *text)
{
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), text) == 0)
    return;

  self->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  self->updating = FALSE;
}

/* Layout ------------------------------------------------------------------ */

static void
apply_layout (VdComparisonPage *self)
{
  if (self->split_at > 0)
    {
      self->placing = TRUE;
      gtk_paned_set_position (self->paned, self->split_at);
      self->placing = FALSE;
      self->split_at = 0;
    }

  gtk_widget_set_visible (self->editor, !(self->narrow && self->show_preview));
  gtk_widget_set_visible (self->preview_scroller, self->show_preview);
}

static gboolean
apply_layout_idle (gpointer data)
{
  VdComparisonPage *self = data;

  self->layout_idle = 0;
  apply_layout (self);
  return G_SOURCE_REMOVE;
}

static void
vd_comparison_page_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  VdComparisonPage *self = VD_COMPARISON_PAGE (widget);

  gtk_widget_measure (GTK_WIDGET (self->paned), orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);

  /* The page needs room for one of the editor and the preview only: below
   * NARROW_WIDTH they take turns. The paned asks for both until the turn
   * is taken in an idle, and a window grown to that once stays so. */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int editor_min, preview_min;

      gtk_widget_measure (self->editor, orientation, -1, &editor_min, NULL, NULL, NULL);
      gtk_widget_measure (self->preview_scroller, orientation, -1, &preview_min, NULL, NULL, NULL);
      *minimum = MIN (*minimum, MAX (editor_min, preview_min));
    }
}

/* Where the divider goes on a page @width wide: the preview keeps the width
 * it was given (or its share) and the editor takes the rest; the paned
 * keeps each side at its minimum, so a width saved on a wider screen never
 * clips the editor's cards. Widths are measured from the divider to the
 * page's right edge. */
static int
split_position (VdComparisonPage *self,
                int               width)
{
  int editor_min, preview_min, right;

  gtk_widget_measure (self->editor, GTK_ORIENTATION_HORIZONTAL, -1, &editor_min, NULL, NULL, NULL);
  gtk_widget_measure (self->preview_scroller, GTK_ORIENTATION_HORIZONTAL, -1,
                      &preview_min, NULL, NULL, NULL);
  right = self->preview_width > 0 ? self->preview_width : (int) (width * PREVIEW_SHARE);
  right = MAX (right, preview_min);

  return MAX (editor_min, width - right);
}

/* No layout manager: the page allocates its one child itself, because it
 * needs to know its width to decide whether it is narrow. */
static void
vd_comparison_page_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  VdComparisonPage *self = VD_COMPARISON_PAGE (widget);
  gboolean narrow = width < NARROW_WIDTH;
  int paned_min;

  /* Until the idle below hides one side, the paned may want more than a
   * narrow page has; it overflows for that one frame instead. */
  gtk_widget_measure (GTK_WIDGET (self->paned), GTK_ORIENTATION_HORIZONTAL, -1,
                      &paned_min, NULL, NULL, NULL);
  gtk_widget_allocate (GTK_WIDGET (self->paned), MAX (width, paned_min), height, baseline, NULL);

  /* The first time there is room, place the divider where it was left. */
  if (!narrow && !self->split_done)
    {
      self->split_done = TRUE;
      self->split_at = split_position (self, width);
      if (self->layout_idle == 0)
        self->layout_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE, apply_layout_idle, self, NULL);
    }

  if (narrow == self->narrow)
    return;

  /* Showing and hiding children is not allowed while allocating; the idle
   * runs ahead of the next frame's layout, even while the desk is busy. */
  self->narrow = narrow;
  if (self->layout_idle == 0)
    self->layout_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE, apply_layout_idle, self, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NARROW]);
}

/* The editor dragged the divider: remember where, from the right edge,
 * since a wider window then gives its extra room to the editor. */
static void
on_position_changed (VdComparisonPage *self,
                     GParamSpec       *pspec,
                     GtkPaned         *paned)
{
  int right;

  if (self->placing || self->narrow || !self->split_done ||
      !gtk_widget_get_visible (self->editor) || !gtk_widget_get_visible (self->preview_scroller))
    return;

  right = gtk_widget_get_width (GTK_WIDGET (paned)) - gtk_paned_get_position (paned);
  if (right <= 0 || right == self->preview_width)
    return;

  self->preview_width = right;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PREVIEW_WIDTH]);
}

/* Pickers ----------------------------------------------------------------- */

static guint
position_of (GListModel *summaries,
             const char *uuid)
{
  guint n = g_list_model_get_n_items (summaries);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VdSummary) summary = g_list_model_get_item (summaries, i);

      if (g_strcmp0 (vd_summary_get_uuid (summary), uuid) == 0)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

static void
sync_tools (VdComparisonPage *self)
{
  self->updating = TRUE;
  gtk_drop_down_set_selected (self->tool_a_row,
                              position_of (G_LIST_MODEL (self->tools),
                                           vd_comparison_get_tool_a (comparison (self))));
  gtk_drop_down_set_selected (self->tool_b_row,
                              position_of (G_LIST_MODEL (self->tools),
                                           vd_comparison_get_tool_b (comparison (self))));
  self->updating = FALSE;
}

/**
 * vd_comparison_page_automatic_title:
 *
 * Returns: (transfer full): the title a comparison of @tool_a and @tool_b has
 *   until the editor writes one: "A vs B"
 */
char *
vd_comparison_page_automatic_title (const char *tool_a,
                                    const char *tool_b)
{
  return g_strdup_printf (_("%s vs %s"), tool_a, tool_b);
}

/* Whether @slug is the one made from @title, numbered or not. */
static gboolean
slug_made_from (const char *slug,
                const char *title)
{
  g_autofree char *base = vd_slug_from_title (title);
  gsize len = strlen (base);

  if (strncmp (slug, base, len) != 0)
    return FALSE;
  if (slug[len] == '\0')
    return TRUE;
  if (slug[len] != '-' || slug[len + 1] == '\0')
    return FALSE;
  for (const char *c = slug + len + 1; *c != '\0'; c++)
    if (!g_ascii_isdigit (*c))
      return FALSE;
  return TRUE;
}

/* A title the editor has not written follows the tools ("A vs B"), and so
 * does a slug made from it. */
static void
follow_tools (VdComparisonPage *self,
              const char       *old_title,
              VdSummary        *a,
              VdSummary        *b)
{
  VdComparison *record = comparison (self);
  g_autofree char *title = NULL;

  if (old_title == NULL || g_strcmp0 (vd_comparison_get_title (record), old_title) != 0)
    return;

  title = vd_comparison_page_automatic_title (vd_summary_get_title (a), vd_summary_get_title (b));
  if (slug_made_from (vd_comparison_get_slug (record), old_title))
    {
      g_autofree char *slug = vd_slug_unused (vd_session_get_store (vd_page_get_session (self->page)),
                                              title, vd_record_get_uuid (VD_RECORD (record)));

      vd_comparison_set_slug (record, slug);
    }
  vd_comparison_set_title (record, title);
}

static void
on_tool_selected (VdComparisonPage *self,
                  GParamSpec       *pspec,
                  GtkDropDown      *row)
{
  VdSummary *a = gtk_drop_down_get_selected_item (self->tool_a_row);
  VdSummary *b = gtk_drop_down_get_selected_item (self->tool_b_row);
  g_autofree char *old_title = NULL;

  if (self->updating || self->page == NULL || a == NULL || b == NULL)
    return;

  if (g_str_equal (vd_summary_get_uuid (a), vd_summary_get_uuid (b)))
    {
      /* The comparison stays as it was, and so does the picker: it never
       * shows a choice that was not saved. */
      sync_tools (self);
      set_error (self, CHECK_TOOLS, NULL,
                 _("A comparison needs two different tools: that one is already on the "
                   "other side. Change the other side first to swap them."));
      return;
    }

  /* The pickers going back to what is saved tell of no change. */
  if (g_strcmp0 (vd_summary_get_uuid (a), vd_comparison_get_tool_a (comparison (self))) == 0 &&
      g_strcmp0 (vd_summary_get_uuid (b), vd_comparison_get_tool_b (comparison (self))) == 0)
    return;

  set_error (self, CHECK_TOOLS, NULL, NULL);
  if (vd_page_get_tool (self->page, 0) != NULL && vd_page_get_tool (self->page, 1) != NULL)
    old_title = vd_comparison_page_automatic_title (vd_tool_get_name (vd_page_get_tool (self->page, 0)),
                                                    vd_tool_get_name (vd_page_get_tool (self->page, 1)));
  vd_comparison_set_tool_a (comparison (self), vd_summary_get_uuid (a));
  vd_comparison_set_tool_b (comparison (self), vd_summary_get_uuid (b));
  follow_tools (self, old_title, a, b);
}

/* The title a comparison has while the editor has written none: "A vs B"
 * after the tools it compares, as the pickers name them; NULL while either
 * is unknown. */
static char *
automatic_title (VdComparisonPage *self)
{
  VdComparison *record = comparison (self);
  guint a = position_of (G_LIST_MODEL (self->tools), vd_comparison_get_tool_a (record));
  guint b = position_of (G_LIST_MODEL (self->tools), vd_comparison_get_tool_b (record));
  g_autoptr(VdSummary) tool_a = NULL;
  g_autoptr(VdSummary) tool_b = NULL;

  if (a == GTK_INVALID_LIST_POSITION || b == GTK_INVALID_LIST_POSITION)
    return NULL;
  tool_a = g_list_model_get_item (G_LIST_MODEL (self->tools), a);
  tool_b = g_list_model_get_item (G_LIST_MODEL (self->tools), b);
  return vd_comparison_page_automatic_title (vd_summary_get_title (tool_a),
                                             vd_summary_get_title (tool_b));
}

/* An empty row's title stands where its text would be, and stays above
 * the empty text when focused (a placeholder would run into it): while
 * the field is empty, the title says which title the page uses. */
static void
update_title_label (VdComparisonPage *self)
{
  g_autofree char *automatic = NULL;
  g_autofree char *label = NULL;

  if (self->page != NULL && gtk_editable_get_text (GTK_EDITABLE (self->title_row))[0] == '\0' &&
      (automatic = automatic_title (self)) != NULL)
    /* Translators: %s is the automatic title, "Tool A vs Tool B" */
    label = g_strdup_printf (_("Title: %s, after the tools"), automatic);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->title_row),
                                 label != NULL ? label : _("Title"));
}

/* The title field holds only what the editor wrote: an automatic title
 * (the one the page uses, stored and exported) leaves it empty, and the
 * row's title names it. */
static void
sync_title (VdComparisonPage *self)
{
  const char *title = vd_comparison_get_title (comparison (self));
  g_autofree char *automatic = automatic_title (self);

  sync_entry (self, self->title_row,
              automatic != NULL && g_strcmp0 (title, automatic) == 0 ? "" : title);
  update_title_label (self);
}

/* An emptied field gives the title back to the tools. */
static void
on_title_changed (VdComparisonPage *self,
                  AdwEntryRow      *row)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  g_autofree char *automatic = NULL;

  if (self->updating || self->page == NULL)
    return;

  if (text[0] == '\0')
    automatic = automatic_title (self);
  self->editing_title = TRUE;
  vd_comparison_set_title (comparison (self), automatic != NULL ? automatic : text);
  self->editing_title = FALSE;
  update_title_label (self);
}

static void
on_slug_changed (VdComparisonPage *self,
                 AdwEntryRow      *row)
{
  const char *slug = gtk_editable_get_text (GTK_EDITABLE (row));

  if (self->updating || self->page == NULL)
    return;

  if (!vd_slug_is_valid (slug))
    {
      set_error (self, CHECK_SLUG, row,
                 _("Not saved: a slug is lower-case letters, digits and single dashes, like "
                   "“a-vs-b”. Until it is one, the page keeps its last slug."));
      return;
    }

  set_error (self, CHECK_SLUG, row, NULL);
  vd_comparison_set_slug (comparison (self), slug);
}

static void
on_date_changed (VdComparisonPage *self,
                 AdwEntryRow      *row)
{
  const char *date = gtk_editable_get_text (GTK_EDITABLE (row));

  if (self->updating || self->page == NULL)
    return;

  if (!vd_date_is_valid (date))
    {
      set_error (self, CHECK_DATE, row,
                 _("Not saved: write the publish date as YYYY-MM-DD, like 2026-11-20, or "
                   "leave it empty. Until then, the page keeps its last date."));
      return;
    }

  set_error (self, CHECK_DATE, row, NULL);
  vd_comparison_set_publish_date (comparison (self), date);
}

/* Status and readiness ---------------------------------------------------- */

/* Where a problem's field is in this page: the comparison's rows here, a
 * scorecard's form on its reviewer's tab, the picker of the tool. */
static void
focus_problem (VdComparisonPage         *self,
               const VdReadinessProblem *problem)
{
  if (problem->record_type == VD_TYPE_SCORECARD)
    {
      GtkWidget *form = vd_comparison_page_get_form (self, problem->reviewer,
                                                     problem->tool_index);

      if (form == NULL)
        return;
      gtk_stack_set_visible_child_name (self->scorecard_stack, problem->reviewer);
      vd_scorecard_form_focus_field (VD_SCORECARD_FORM (form), problem->field, problem->section);
    }
  else if (problem->record_type == VD_TYPE_TOOL)
    gtk_widget_grab_focus (GTK_WIDGET (problem->tool_index == 0 ? self->tool_a_row
                                                                : self->tool_b_row));
  else if (g_str_equal (problem->field, "title"))
    gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
  else if (g_str_equal (problem->field, "dek"))
    gtk_widget_grab_focus (GTK_WIDGET (self->dek_row));
  else if (g_str_equal (problem->field, "pricing-read"))
    gtk_widget_grab_focus (GTK_WIDGET (self->pricing_read_row));
  else if (g_str_equal (problem->field, "publish-date"))
    gtk_widget_grab_focus (GTK_WIDGET (self->date_row));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->reviewer_picker));
}

static void
on_flag_row_activated (AdwActionRow     *row,
                       VdComparisonPage *self)
{
  focus_problem (self, g_object_get_data (G_OBJECT (row), "problem"));
}

/* The flag: a Ready or Published comparison whose page stopped passing the
 * rules says so at once, listing what is missing. */
static void
update_flag (VdComparisonPage *self)
{
  gboolean flagged = self->page != NULL && vd_page_is_flagged (self->page);
  GPtrArray *problems = flagged ? vd_page_get_problems (self->page) : NULL;

  for (guint i = 0; i < self->flag_rows->len; i++)
    adw_preferences_group_remove (self->flag_group, g_ptr_array_index (self->flag_rows, i));
  g_ptr_array_set_size (self->flag_rows, 0);

  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      const VdReadinessProblem *problem = g_ptr_array_index (problems, i);
      GtkWidget *row = adw_action_row_new ();

      /* Names and prompts are the editors' text: never markup. */
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), problem->message);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      g_object_set_data_full (G_OBJECT (row), "problem", vd_readiness_problem_copy (problem),
                              (GDestroyNotify) vd_readiness_problem_free);
      g_signal_connect (row, "activated", G_CALLBACK (on_flag_row_activated), self);
      adw_preferences_group_add (self->flag_group, row);
      g_ptr_array_add (self->flag_rows, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->flag_group), flagged);
}

static void
sync_status (VdComparisonPage *self)
{
  self->updating = TRUE;
  adw_combo_row_set_selected (self->status_row, vd_comparison_get_status (comparison (self)));
  self->updating = FALSE;
}

/**
 * vd_comparison_page_request_status:
 *
 * Moves the comparison to @status. Ready and published need a complete
 * page: if anything is missing, the status stays, and
 * VdComparisonPage::readiness-refused lists what is missing.
 *
 * Returns: whether the status changed
 */
gboolean
vd_comparison_page_request_status (VdComparisonPage *self,
                                   VdStatus          status)
{
  g_return_val_if_fail (VD_IS_COMPARISON_PAGE (self), FALSE);
  g_return_val_if_fail (self->page != NULL, FALSE);

  if (status == VD_STATUS_READY || status == VD_STATUS_PUBLISHED)
    {
      g_autoptr(GPtrArray) problems = vd_page_check_readiness (self->page);

      if (problems->len > 0)
        {
          sync_status (self);
          g_signal_emit (self, signals[READINESS_REFUSED], 0, problems);
          return FALSE;
        }
    }

  vd_comparison_set_status (comparison (self), status);
  return TRUE;
}

static void
on_status_selected (VdComparisonPage *self,
                    GParamSpec       *pspec,
                    AdwComboRow      *row)
{
  guint selected = adw_combo_row_get_selected (row);

  if (self->updating || self->page == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;

  vd_comparison_page_request_status (self, selected);
}

/* Panel ------------------------------------------------------------------- */

/* Sets the panel to what it is, without @removed, with @added at the end
 * (the page lists the panel in this order). */
static void
change_panel (VdComparisonPage *self,
              const char       *removed,
              const char       *added)
{
  const char * const *panel = vd_comparison_get_panel (comparison (self));
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) members = NULL;

  for (guint i = 0; panel[i] != NULL; i++)
    if (g_strcmp0 (panel[i], removed) != 0 && g_strcmp0 (panel[i], added) != 0)
      g_strv_builder_add (builder, panel[i]);
  if (added != NULL)
    g_strv_builder_add (builder, added);

  members = g_strv_builder_end (builder);
  vd_comparison_set_panel (comparison (self), (const char * const *) members);
}

/* Undo puts the panel back in its order; the member's scorecards never left. */
static void
on_remove_member (GtkButton        *button,
                  VdComparisonPage *self)
{
  const char *name = g_object_get_data (G_OBJECT (button), "name");
  g_autofree char *title = g_strdup_printf (_("Removed “%s” from the panel"), name);
  GValue before = G_VALUE_INIT;

  g_value_init (&before, G_TYPE_STRV);
  g_object_get_property (G_OBJECT (comparison (self)), "panel", &before);
  change_panel (self, g_object_get_data (G_OBJECT (button), "reviewer"), NULL);
  vd_undo_offer_property (GTK_WIDGET (self), title, G_OBJECT (comparison (self)), "panel",
                          &before);
}

static void
on_reviewer_picked (VdComparisonPage *self,
                    const char       *uuid)
{
  change_panel (self, NULL, uuid);
}

static GtkWidget *
panel_row_new (VdComparisonPage *self,
               VdSummary        *reviewer)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");
  g_autofree char *label = g_strdup_printf (_("Remove %s from the panel"),
                                            vd_summary_get_title (reviewer));

  /* Names are the user's: not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), vd_summary_get_title (reviewer));
  if (vd_summary_get_kind (reviewer) >= 0)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                 _(vd_persona_get_label (vd_summary_get_kind (reviewer))));

  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove from the panel"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  label, -1);
  g_object_set_data_full (G_OBJECT (remove), "reviewer",
                          g_strdup (vd_summary_get_uuid (reviewer)), g_free);
  g_object_set_data_full (G_OBJECT (remove), "name",
                          g_strdup (vd_summary_get_title (reviewer)), g_free);
  g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_member), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);

  return row;
}

/* A row for each member, in panel order; everyone else is found through
 * the picker, so a newsroom's thousands of reviewers cost no rows here. */
static gboolean
rebuild_panel_rows (gpointer data)
{
  VdComparisonPage *self = data;
  const char * const *panel;

  self->panel_idle = 0;

  for (guint i = 0; i < self->panel_rows->len; i++)
    adw_preferences_group_remove (self->panel_group, g_ptr_array_index (self->panel_rows, i));
  g_ptr_array_set_size (self->panel_rows, 0);

  if (self->page == NULL)
    return G_SOURCE_REMOVE;

  panel = vd_comparison_get_panel (comparison (self));
  vd_reviewer_picker_set_excluded (self->reviewer_picker, panel);
  for (guint i = 0; panel[i] != NULL; i++)
    {
      guint position = position_of (G_LIST_MODEL (self->reviewers), panel[i]);
      g_autoptr(VdSummary) reviewer = NULL;
      GtkWidget *row;

      if (position == GTK_INVALID_LIST_POSITION)
        continue;
      reviewer = g_list_model_get_item (G_LIST_MODEL (self->reviewers), position);
      row = panel_row_new (self, reviewer);
      adw_preferences_group_add (self->panel_group, row);
      g_ptr_array_add (self->panel_rows, row);
    }

  return G_SOURCE_REMOVE;
}

static void
queue_panel_rows (VdComparisonPage *self)
{
  /* Not from inside the remove button's own "clicked". */
  if (self->panel_idle == 0)
    self->panel_idle = g_idle_add (rebuild_panel_rows, self);
}

/* Scorecards -------------------------------------------------------------- */

static void
apply_reviewer_filter (VdComparisonPage *self)
{
  GtkWidget *child;
  GtkWidget *shown = NULL;
  const char *only = self->reviewer_filter;

  /* A filter for a reviewer who is not on this panel would hide every tab:
   * then the whole panel shows, and the note says why. */
  if (only != NULL && gtk_stack_get_child_by_name (self->scorecard_stack, only) == NULL)
    only = NULL;

  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->scorecard_stack));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkStackPage *page = gtk_stack_get_page (self->scorecard_stack, child);
      gboolean visible = only == NULL || g_strcmp0 (gtk_stack_page_get_name (page), only) == 0;

      gtk_stack_page_set_visible (page, visible);
      if (visible && shown == NULL)
        shown = child;
    }

  if (shown != NULL)
    gtk_stack_set_visible_child (self->scorecard_stack, shown);

  /* The sidebar's reviewer picker decides which tabs show: say so here,
   * where the others are missing. */
  if (only != NULL)
    {
      g_autofree char *note = g_strdup_printf (
        _("Only %s’s scorecards are shown: the sidebar’s picker is set to them."),
        gtk_stack_page_get_title (gtk_stack_get_page (self->scorecard_stack, shown)));

      gtk_label_set_text (self->filter_note, note);
    }
  else if (self->reviewer_filter != NULL)
    gtk_label_set_text (self->filter_note,
                        _("The reviewer the sidebar’s picker is set to is not on this panel: "
                          "every scorecard is shown."));
  gtk_widget_set_visible (GTK_WIDGET (self->filter_note), self->reviewer_filter != NULL &&
                                                          shown != NULL);
}

static void
on_resolve_conflict (VdComparisonPage *self,
                     VdConflict       *conflict,
                     GVariant         *value,
                     VdScorecardForm  *form)
{
  g_autoptr(GError) error = NULL;

  if (self->page == NULL)
    return;

  /* Failing, the conflict stays shown, and nothing of it is lost. */
  if (!vd_session_resolve_conflict (vd_page_get_session (self->page), conflict, value, &error))
    g_warning ("Could not resolve the conflict in %s: %s", conflict->field, error->message);
}

/* Shows each form its scorecard's unresolved conflicts; @uuid, when not
 * %NULL, limits this to that scorecard's form. */
static void
show_conflicts (VdComparisonPage *self,
                const char       *uuid)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;

  if (self->page == NULL)
    return;

  if (!(conflicts = vd_session_list_conflicts (vd_page_get_session (self->page), uuid, &error)))
    {
      g_warning ("Could not list the conflicts: %s", error->message);
      return;
    }

  for (GtkWidget *flow = gtk_widget_get_first_child (GTK_WIDGET (self->scorecard_stack));
       flow != NULL; flow = gtk_widget_get_next_sibling (flow))
    for (GtkWidget *child = gtk_widget_get_first_child (flow); child != NULL;
         child = gtk_widget_get_next_sibling (child))
      {
        VdScorecardForm *form = VD_SCORECARD_FORM (gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child)));
        const char *form_uuid = vd_record_get_uuid (VD_RECORD (vd_scorecard_form_get_scorecard (form)));

        if (uuid == NULL || g_str_equal (uuid, form_uuid))
          vd_scorecard_form_set_conflicts (form, conflicts);
      }
}

static void
on_conflicts_changed (VdComparisonPage *self,
                      const char       *uuid,
                      VdSession        *session)
{
  show_conflicts (self, uuid);
}

/* History ------------------------------------------------------------- */

static void
history_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GStrv uuids = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) histories = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                          (GDestroyNotify) g_ptr_array_unref);
  const char *path = g_object_get_data (G_OBJECT (task), "vd-path");
  g_autofree char *clone = g_strconcat (path, ".sync", NULL);
  /* A desk never synced has no history, and no store to open for it. */
  g_autoptr(VdStore) store = g_file_test (clone, G_FILE_TEST_IS_DIR) ? vd_store_new (path, &error)
                                                                    : NULL;

  for (guint i = 0; store != NULL && uuids[i] != NULL; i++)
    {
      GPtrArray *versions;

      if (g_cancellable_is_cancelled (cancellable))
        break;
      if ((versions = vd_sync_list_history (store, uuids[i], NULL)))
        g_hash_table_insert (histories, g_strdup (uuids[i]), versions);
    }
  g_task_return_pointer (task, g_steal_pointer (&histories), (GDestroyNotify) g_hash_table_unref);
}

static void
for_each_form (VdComparisonPage *self,
               void            (*func) (VdComparisonPage *, VdScorecardForm *, gpointer),
               gpointer          data)
{
  for (GtkWidget *flow = gtk_widget_get_first_child (GTK_WIDGET (self->scorecard_stack));
       flow != NULL; flow = gtk_widget_get_next_sibling (flow))
    for (GtkWidget *child = gtk_widget_get_first_child (flow); child != NULL;
         child = gtk_widget_get_next_sibling (child))
      func (self, VD_SCORECARD_FORM (gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child))),
            data);
}

static void
show_history (VdComparisonPage *self,
              VdScorecardForm  *form,
              gpointer          data)
{
  GHashTable *histories = data;
  const char *uuid = vd_record_get_uuid (VD_RECORD (vd_scorecard_form_get_scorecard (form)));

  vd_history_view_set_versions (VD_HISTORY_VIEW (vd_scorecard_form_get_history_view (form)),
                                g_hash_table_lookup (histories, uuid));
}

static void
on_history_read (GObject      *object,
                 GAsyncResult *result,
                 gpointer      data)
{
  g_autoptr(GHashTable) histories = g_task_propagate_pointer (G_TASK (result), NULL);
  g_autoptr(VdComparisonPage) self = data;

  if (histories == NULL || g_task_get_cancellable (G_TASK (result)) != self->history_cancellable)
    return;
  g_clear_object (&self->history_cancellable);
  for_each_form (self, show_history, histories);
}

static void
collect_uuid (VdComparisonPage *self,
              VdScorecardForm  *form,
              gpointer          data)
{
  g_strv_builder_add (data, vd_record_get_uuid (VD_RECORD (vd_scorecard_form_get_scorecard (form))));
}

/**
 * vd_comparison_page_reload_history:
 *
 * Reads again, in a thread, each scorecard's history from the shared
 * repository (after a sync), and shows it under the scorecard.
 */
void
vd_comparison_page_reload_history (VdComparisonPage *self)
{
  g_autoptr(GStrvBuilder) uuids = g_strv_builder_new ();
  g_autoptr(GTask) task = NULL;
  VdStore *store;

  g_return_if_fail (VD_IS_COMPARISON_PAGE (self));

  if (self->history_cancellable != NULL)
    g_cancellable_cancel (self->history_cancellable);
  g_clear_object (&self->history_cancellable);
  if (self->page == NULL)
    {
      vd_history_view_set_versions (self->history_view, NULL);
      return;
    }

  store = vd_session_get_store (vd_page_get_session (self->page));
  vd_history_view_reload (self->history_view, store, vd_record_get_uuid (VD_RECORD (comparison (self))));
  for_each_form (self, collect_uuid, uuids);
  self->history_cancellable = g_cancellable_new ();
  task = g_task_new (NULL, self->history_cancellable, on_history_read, g_object_ref (self));
  g_task_set_task_data (task, g_strv_builder_end (uuids), (GDestroyNotify) g_strfreev);
  g_object_set_data_full (G_OBJECT (task), "vd-path", g_strdup (vd_store_get_path (store)), g_free);
  g_task_run_in_thread (task, history_thread);
}

/* An earlier version made current again: its fields set on the open
 * scorecard, an ordinary edit (saved, undone, synced as any other). */
static void
on_restore_version (VdComparisonPage *self,
                    VdRecord         *version,
                    VdHistoryView    *view)
{
  GtkWidget *form = gtk_widget_get_ancestor (GTK_WIDGET (view), VD_TYPE_SCORECARD_FORM);

  if (form != NULL)
    vd_history_restore_into (VD_RECORD (vd_scorecard_form_get_scorecard (VD_SCORECARD_FORM (form))),
                             version);
}

/* The comparison's own earlier version, the same way. */
static void
on_restore_page_version (VdComparisonPage *self,
                         VdRecord         *version,
                         VdHistoryView    *view)
{
  if (self->page != NULL && VD_IS_COMPARISON (version))
    vd_history_restore_into (VD_RECORD (comparison (self)), version);
}

static void
rebuild_scorecards (VdComparisonPage *self)
{
  GListModel *reviewers;
  GtkWidget *child;
  guint n;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->scorecard_stack))) != NULL)
    gtk_stack_remove (self->scorecard_stack, child);

  if (self->page == NULL)
    return;

  reviewers = vd_page_get_reviewers (self->page);
  n = g_list_model_get_n_items (reviewers);
  for (guint r = 0; r < n; r++)
    {
      g_autoptr(VdReviewer) reviewer = g_list_model_get_item (reviewers, r);
      const char *uuid = vd_record_get_uuid (VD_RECORD (reviewer));
      GtkWidget *flow = gtk_flow_box_new ();
      GtkStackPage *stack_page;

      /* Side by side when there is room, one above the other when not. */
      gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (flow), GTK_SELECTION_NONE);
      gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (flow), TRUE);
      gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (flow), 2);
      gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (flow), 12);
      gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (flow), 12);

      for (guint t = 0; t < 2; t++)
        {
          VdScorecard *scorecard = vd_page_get_scorecard (self->page, uuid, t);
          GtkWidget *form = vd_scorecard_form_new (scorecard, reviewer,
                                                   vd_page_get_tool (self->page, t));

          gtk_flow_box_append (GTK_FLOW_BOX (flow), form);
          gtk_widget_set_focusable (gtk_widget_get_parent (form), FALSE);
          g_signal_connect_object (form, "resolve-conflict", G_CALLBACK (on_resolve_conflict),
                                   self, G_CONNECT_SWAPPED);
          g_signal_connect_object (vd_scorecard_form_get_history_view (VD_SCORECARD_FORM (form)),
                                   "restore", G_CALLBACK (on_restore_version), self,
                                   G_CONNECT_SWAPPED);
        }

      stack_page = gtk_stack_add_titled (self->scorecard_stack, flow, uuid,
                                         vd_reviewer_get_name (reviewer));
      g_ptr_array_add (self->bindings,
                       g_object_ref (g_object_bind_property (reviewer, "name", stack_page,
                                                             "title", G_BINDING_DEFAULT)));
    }

  apply_reviewer_filter (self);
  show_conflicts (self, NULL);
  vd_comparison_page_reload_history (self);
}

static void
on_page_structure_changed (VdComparisonPage *self)
{
  if (self->page == NULL)
    return;

  rebuild_scorecards (self);
  vd_preview_set_page (self->preview, comparison (self),
                       vd_page_get_tool (self->page, 0), vd_page_get_tool (self->page, 1),
                       vd_page_get_reviewers (self->page), vd_page_get_scorecards (self->page));
}

/* Following the model ------------------------------------------------------ */

static void
on_comparison_notify (VdComparisonPage *self,
                      GParamSpec       *pspec,
                      VdComparison     *record)
{
  if (g_str_equal (pspec->name, "title"))
    {
      /* What the editor is typing stays as typed, even when it reads as
       * the automatic title. */
      if (!self->editing_title)
        sync_title (self);
    }
  else if (g_str_equal (pspec->name, "slug"))
    sync_entry (self, self->slug_row, vd_comparison_get_slug (record));
  else if (g_str_equal (pspec->name, "publish-date"))
    sync_entry (self, self->date_row, vd_comparison_get_publish_date (record));
  else if (g_str_equal (pspec->name, "status"))
    {
      sync_status (self);
      update_flag (self);
    }
  else if (g_str_equal (pspec->name, "tool-a") || g_str_equal (pspec->name, "tool-b"))
    {
      sync_tools (self);
      sync_title (self);
    }
  else if (g_str_equal (pspec->name, "panel"))
    queue_panel_rows (self);
}

static void
reload_summaries (VdComparisonPage *self,
                  GListStore       *into,
                  GType             type)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) fresh = vd_store_list_summaries (
    vd_session_get_store (vd_page_get_session (self->page)), type, &error);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  guint n;

  if (fresh == NULL)
    {
      g_warning ("Could not list the choices: %s", error->message);
      return;
    }

  n = g_list_model_get_n_items (G_LIST_MODEL (fresh));
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (G_LIST_MODEL (fresh), i));

  self->updating = TRUE;
  g_list_store_splice (into, 0, g_list_model_get_n_items (G_LIST_MODEL (into)),
                       items->pdata, items->len);
  self->updating = FALSE;
}

static void
on_store_changed (VdComparisonPage *self,
                  GType             type,
                  const char       *uuid,
                  VdStore          *store)
{
  if (self->page == NULL)
    return;

  /* Names in the pickers follow renames; new tools and reviewers appear. */
  if (type == VD_TYPE_TOOL || type == G_TYPE_NONE)
    {
      reload_summaries (self, self->tools, VD_TYPE_TOOL);
      sync_tools (self);
      sync_title (self);
    }
  if (type == VD_TYPE_REVIEWER || type == G_TYPE_NONE)
    {
      reload_summaries (self, self->reviewers, VD_TYPE_REVIEWER);
      queue_panel_rows (self);
    }
}

static void
disconnect_page (VdComparisonPage *self)
{
  if (self->page == NULL)
    return;

  for (guint i = 0; i < self->bindings->len; i++)
    g_binding_unbind (g_ptr_array_index (self->bindings, i));
  g_ptr_array_set_size (self->bindings, 0);

  g_signal_handlers_disconnect_by_data (comparison (self), self);
  g_signal_handlers_disconnect_by_data (self->page, self);
  g_signal_handlers_disconnect_by_data (vd_page_get_reviewers (self->page), self);
  g_signal_handlers_disconnect_by_data (vd_session_get_store (vd_page_get_session (self->page)),
                                        self);
  g_signal_handlers_disconnect_by_data (vd_page_get_session (self->page), self);
  g_clear_object (&self->page);
}

/* @row: an entry row or a prose row, both of which have "text" */
static void
bind_text (VdComparisonPage *self,
           const char       *property,
           gpointer          row)
{
  GBinding *binding = g_object_bind_property (comparison (self), property, row, "text",
                                              G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);

  g_ptr_array_add (self->bindings, g_object_ref (binding));
}

/**
 * vd_comparison_page_set_page:
 * @page: (nullable): the comparison to edit
 */
void
vd_comparison_page_set_page (VdComparisonPage *self,
                             VdPage           *page)
{
  VdStore *store;

  g_return_if_fail (VD_IS_COMPARISON_PAGE (self));
  g_return_if_fail (page == NULL || VD_IS_PAGE (page));

  if (self->page == page)
    return;

  disconnect_page (self);

  if (page == NULL)
    {
      update_flag (self);
      vd_preview_set_page (self->preview, NULL, NULL, NULL, NULL, NULL);
      rebuild_scorecards (self);
      queue_panel_rows (self);
      return;
    }

  self->page = g_object_ref (page);
  store = vd_session_get_store (vd_page_get_session (page));

  reload_summaries (self, self->tools, VD_TYPE_TOOL);
  reload_summaries (self, self->reviewers, VD_TYPE_REVIEWER);

  sync_title (self);
  bind_text (self, "dek", self->dek_row);
  bind_text (self, "pricing-read", self->pricing_read_row);
  sync_entry (self, self->slug_row, vd_comparison_get_slug (comparison (self)));
  sync_entry (self, self->date_row, vd_comparison_get_publish_date (comparison (self)));
  set_error (self, CHECK_TOOLS, NULL, NULL);
  set_error (self, CHECK_SLUG, self->slug_row, NULL);
  set_error (self, CHECK_DATE, self->date_row, NULL);
  sync_tools (self);
  sync_status (self);

  g_signal_connect_object (comparison (self), "notify", G_CALLBACK (on_comparison_notify),
                           self, G_CONNECT_SWAPPED);
  /* The page swaps tools and reviewers in; then the forms and the preview
   * are rebuilt around the new cards. */
  g_signal_connect_object (vd_page_get_scorecards (page), "items-changed",
                           G_CALLBACK (on_page_structure_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (vd_page_get_session (page), "conflicts-changed",
                           G_CALLBACK (on_conflicts_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (page, "notify::problems", G_CALLBACK (update_flag), self,
                           G_CONNECT_SWAPPED);

  on_page_structure_changed (self);
  update_flag (self);
  queue_panel_rows (self);
}

/* GObject ----------------------------------------------------------------- */

static void
vd_comparison_page_dispose (GObject *object)
{
  VdComparisonPage *self = VD_COMPARISON_PAGE (object);

  disconnect_page (self);
  if (self->history_cancellable != NULL)
    g_cancellable_cancel (self->history_cancellable);
  g_clear_object (&self->history_cancellable);
  g_clear_handle_id (&self->layout_idle, g_source_remove);
  g_clear_handle_id (&self->panel_idle, g_source_remove);

  gtk_widget_dispose_template (GTK_WIDGET (self), VD_TYPE_COMPARISON_PAGE);

  g_clear_object (&self->tools);
  g_clear_object (&self->reviewers);
  g_clear_pointer (&self->bindings, g_ptr_array_unref);
  g_clear_pointer (&self->panel_rows, g_ptr_array_unref);
  g_clear_pointer (&self->flag_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (vd_comparison_page_parent_class)->dispose (object);
}

static void
vd_comparison_page_finalize (GObject *object)
{
  VdComparisonPage *self = VD_COMPARISON_PAGE (object);

  g_clear_pointer (&self->reviewer_filter, g_free);

  G_OBJECT_CLASS (vd_comparison_page_parent_class)->finalize (object);
}

static void
vd_comparison_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  VdComparisonPage *self = VD_COMPARISON_PAGE (object);

  switch (prop_id)
    {
    case PROP_SHOW_PREVIEW:
      g_value_set_boolean (value, self->show_preview);
      break;

    case PROP_NARROW:
      g_value_set_boolean (value, self->narrow);
      break;

    case PROP_PREVIEW_WIDTH:
      g_value_set_int (value, self->preview_width);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vd_comparison_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  VdComparisonPage *self = VD_COMPARISON_PAGE (object);

  switch (prop_id)
    {
    case PROP_SHOW_PREVIEW:
      vd_comparison_page_set_show_preview (self, g_value_get_boolean (value));
      break;

    case PROP_PREVIEW_WIDTH:
      vd_comparison_page_set_preview_width (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vd_comparison_page_class_init (VdComparisonPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vd_comparison_page_dispose;
  object_class->finalize = vd_comparison_page_finalize;
  object_class->get_property = vd_comparison_page_get_property;
  object_class->set_property = vd_comparison_page_set_property;
  widget_class->measure = vd_comparison_page_measure;
  widget_class->size_allocate = vd_comparison_page_size_allocate;

  properties[PROP_SHOW_PREVIEW] =
    g_param_spec_boolean ("show-preview", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NARROW] =
    g_param_spec_boolean ("narrow", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * VdComparisonPage:preview-width:
   *
   * How far the divider is from the page's right edge, in pixels; 0 until
   * it is placed. Setting it moves the divider the next time there is room.
   */
  properties[PROP_PREVIEW_WIDTH] =
    g_param_spec_int ("preview-width", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * VdComparisonPage::readiness-refused:
   * @problems: (element-type utf8): what is missing, one sentence each
   *
   * Emitted when the comparison may not become ready or published yet.
   */
  signals[READINESS_REFUSED] =
    g_signal_new ("readiness-refused",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_PTR_ARRAY);

  g_type_ensure (VD_TYPE_HISTORY_VIEW);
  g_type_ensure (VD_TYPE_PREVIEW);
  g_type_ensure (VD_TYPE_PROSE_ROW);
  g_type_ensure (VD_TYPE_REVIEWER_PICKER);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/verdictdesk/VerdictDesk/ui/vd-comparison-page.ui");
  gtk_widget_class_bind_template_child (widget_class, VdComparisonPage, paned);
  gtk_widget_class_bind_template_child (widget_class, VdComparisonPage, editor);
  gtk_widget_class_bind_template_child (widget_class, VdComparisonPage, preview_scroller);
  gtk_widget_class_bind_template_child (widget_class, VdComparisonPage, preview);
  gtk_widget_class_bind_template_child (widget_class, VdComparisonPage, history_view);
  gtk_widget_class_bind_template_child (widget_class, VdComparisonPage, title_row);
  gtk_widget_class_bind_template_child (widget_class, VdComparisonPage, dek_row);
  gtk_widget_class_bind_template_child (widget_class, VdComparisonPage, slug_row);
  gtk_widget_class_bind_template_child (widget_class, VdComparisonPage, tool_a_row);
  gtk_widget_class_bind_template_child (widget_class, VdComparisonPage, tool_b_row);
  gtk_widget_class_bind_template_child (widget_class, VdComparisonPage, pricing_read_row);
  gtk_widget_class_bind_template_child (widget_class, VdComparisonPage, status_row);
  gtk_widget_class_bind_template_child (widget_class, VdComparisonPage, date_row);
  gtk_widget_class_bind_template_child (widget_class, VdComparisonPage, page_message);
  gtk_widget_class_bind_template_child (widget_class, VdComparisonPage, filter_note);
  gtk_widget_class_bind_template_child (widget_class, VdComparisonPage, panel_group);
  gtk_widget_class_bind_template_child (widget_class, VdComparisonPage, flag_group);
  gtk_widget_class_bind_template_child (widget_class, VdComparisonPage, reviewer_picker);
  gtk_widget_class_bind_template_callback (widget_class, on_reviewer_picked);
  gtk_widget_class_bind_template_child (widget_class, VdComparisonPage, scorecard_stack);
  gtk_widget_class_bind_template_callback (widget_class, on_tool_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_title_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_slug_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_restore_page_version);
  gtk_widget_class_bind_template_callback (widget_class, on_date_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_status_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_position_changed);
}

/* A tool's name as text, not markup; in the picker's button it ellipsizes,
 * so that a long name never widens the editor past a narrow window. */
static GtkListItemFactory *
tool_factory_new (gboolean ellipsize)
{
  g_autofree char *ui = g_strdup_printf (
    "<interface><template class='GtkListItem'><property name='child'>"
    "<object class='GtkLabel'><property name='xalign'>0</property>"
    "<property name='ellipsize'>%s</property><property name='max-width-chars'>%d</property>"
    "<binding name='label'><lookup name='title' type='VdSummary'>"
    "<lookup name='item'>GtkListItem</lookup></lookup></binding>"
    "</object></property></template></interface>",
    ellipsize ? "end" : "none", ellipsize ? 24 : -1);
  g_autoptr(GBytes) bytes = g_bytes_new (ui, strlen (ui));

  return gtk_builder_list_item_factory_new_from_bytes (NULL, bytes);
}

static void
vd_comparison_page_init (VdComparisonPage *self)
{
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);

  self->show_preview = TRUE;
  self->bindings = g_ptr_array_new_with_free_func (g_object_unref);
  self->panel_rows = g_ptr_array_new ();
  self->flag_rows = g_ptr_array_new ();
  self->tools = g_list_store_new (VD_TYPE_SUMMARY);
  self->reviewers = g_list_store_new (VD_TYPE_SUMMARY);

  gtk_widget_init_template (GTK_WIDGET (self));

  for (int s = VD_STATUS_DRAFT; s <= VD_STATUS_PUBLISHED; s++)
    gtk_string_list_append (statuses, _(vd_status_get_label (s)));

  self->updating = TRUE;
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (statuses));
  gtk_drop_down_set_expression (self->tool_a_row,
                                gtk_property_expression_new (VD_TYPE_SUMMARY, NULL, "title"));
  gtk_drop_down_set_expression (self->tool_b_row,
                                gtk_property_expression_new (VD_TYPE_SUMMARY, NULL, "title"));
  gtk_drop_down_set_model (self->tool_a_row, G_LIST_MODEL (self->tools));
  gtk_drop_down_set_model (self->tool_b_row, G_LIST_MODEL (self->tools));
  for (guint i = 0; i < 2; i++)
    {
      GtkDropDown *picker = i == 0 ? self->tool_a_row : self->tool_b_row;
      g_autoptr(GtkListItemFactory) button = tool_factory_new (TRUE);
      g_autoptr(GtkListItemFactory) list = tool_factory_new (FALSE);

      gtk_drop_down_set_factory (picker, button);
      gtk_drop_down_set_list_factory (picker, list);
    }
  vd_reviewer_picker_set_model (self->reviewer_picker, G_LIST_MODEL (self->reviewers));
  self->updating = FALSE;
}

GtkWidget *
vd_comparison_page_new (void)
{
  return g_object_new (VD_TYPE_COMPARISON_PAGE, NULL);
}

VdPage *
vd_comparison_page_get_page (VdComparisonPage *self)
{
  g_return_val_if_fail (VD_IS_COMPARISON_PAGE (self), NULL);
  return self->page;
}

gboolean
vd_comparison_page_get_show_preview (VdComparisonPage *self)
{
  g_return_val_if_fail (VD_IS_COMPARISON_PAGE (self), FALSE);
  return self->show_preview;
}

void
vd_comparison_page_set_show_preview (VdComparisonPage *self,
                                     gboolean          show_preview)
{
  g_return_if_fail (VD_IS_COMPARISON_PAGE (self));

  show_preview = !!show_preview;
  if (self->show_preview == show_preview)
    return;

  self->show_preview = show_preview;
  apply_layout (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_PREVIEW]);
}

int
vd_comparison_page_get_preview_width (VdComparisonPage *self)
{
  g_return_val_if_fail (VD_IS_COMPARISON_PAGE (self), 0);
  return self->preview_width;
}

void
vd_comparison_page_set_preview_width (VdComparisonPage *self,
                                      int               preview_width)
{
  g_return_if_fail (VD_IS_COMPARISON_PAGE (self));
  g_return_if_fail (preview_width >= 0);

  if (self->preview_width == preview_width)
    return;

  self->preview_width = preview_width;
  /* Placed again at the next wide allocation. */
  self->split_done = FALSE;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PREVIEW_WIDTH]);
}

gboolean
vd_comparison_page_get_narrow (VdComparisonPage *self)
{
  g_return_val_if_fail (VD_IS_COMPARISON_PAGE (self), FALSE);
  return self->narrow;
}

/**
 * vd_comparison_page_set_reviewer_filter:
 * @reviewer: (nullable): show only this reviewer's scorecards ("my
 *   scorecards"); %NULL for the whole panel
 */
void
vd_comparison_page_set_reviewer_filter (VdComparisonPage *self,
                                        const char       *reviewer)
{
  g_return_if_fail (VD_IS_COMPARISON_PAGE (self));

  g_free (self->reviewer_filter);
  self->reviewer_filter = g_strdup (reviewer);
  apply_reviewer_filter (self);
}

VdPreview *
vd_comparison_page_get_preview (VdComparisonPage *self)
{
  g_return_val_if_fail (VD_IS_COMPARISON_PAGE (self), NULL);
  return self->preview;
}

/**
 * vd_comparison_page_get_form:
 *
 * Returns: (transfer none) (nullable): the #VdScorecardForm of @reviewer on
 *   tool @tool_index
 */
GtkWidget *
vd_comparison_page_get_form (VdComparisonPage *self,
                             const char       *reviewer,
                             guint             tool_index)
{
  GtkWidget *flow;
  GtkFlowBoxChild *child;

  g_return_val_if_fail (VD_IS_COMPARISON_PAGE (self), NULL);

  flow = gtk_stack_get_child_by_name (self->scorecard_stack, reviewer);
  if (flow == NULL)
    return NULL;

  child = gtk_flow_box_get_child_at_index (GTK_FLOW_BOX (flow), tool_index);
  return child != NULL ? gtk_flow_box_child_get_child (child) : NULL;
}

/**
 * vd_comparison_page_show_field:
 * @record_type: %VD_TYPE_SCORECARD for a scorecard's field, else the comparison's
 * @reviewer: (nullable): the scorecard's reviewer
 * @tool: (nullable): the scorecard's tool
 * @field: the property
 * @section: the section, for a scorecard's "sections"
 *
 * Brings a field into view on its tab and focuses it, as a search hit or a
 * readiness problem points at it.
 */
void
vd_comparison_page_show_field (VdComparisonPage *self,
                               GType             record_type,
                               const char       *reviewer,
                               const char       *tool,
                               const char       *field,
                               int               section)
{
  VdReadinessProblem problem = {
    .record_type = record_type,
    .reviewer = (char *) reviewer,
    .field = (char *) field,
    .section = section,
  };

  g_return_if_fail (VD_IS_COMPARISON_PAGE (self));
  g_return_if_fail (field != NULL);

  if (self->page != NULL && tool != NULL)
    problem.tool_index = g_strcmp0 (tool, vd_comparison_get_tool_b (comparison (self))) == 0;
  focus_problem (self, &problem);
}

AdwEntryRow *
vd_comparison_page_get_title_row (VdComparisonPage *self)
{
  g_return_val_if_fail (VD_IS_COMPARISON_PAGE (self), NULL);
  return self->title_row;
}

/**
 * vd_comparison_page_get_dek_row:
 *
 * Returns: (transfer none): the row the dek is written in
 */
VdProseRow *
vd_comparison_page_get_dek_row (VdComparisonPage *self)
{
  g_return_val_if_fail (VD_IS_COMPARISON_PAGE (self), NULL);
  return self->dek_row;
}

/**
 * vd_comparison_page_get_pricing_read_row:
 *
 * Returns: (transfer none): the row the pricing read is written in
 */
VdProseRow *
vd_comparison_page_get_pricing_read_row (VdComparisonPage *self)
{
  g_return_val_if_fail (VD_IS_COMPARISON_PAGE (self), NULL);
  return self->pricing_read_row;
}

/**
 * vd_comparison_page_get_tool_row:
 * @tool_index: 0 for the first tool, 1 for the second
 *
 * Returns: (transfer none): the picker of that tool
 */
GtkDropDown *
vd_comparison_page_get_tool_row (VdComparisonPage *self,
                                 guint             tool_index)
{
  g_return_val_if_fail (VD_IS_COMPARISON_PAGE (self), NULL);
  g_return_val_if_fail (tool_index < 2, NULL);

  return tool_index == 0 ? self->tool_a_row : self->tool_b_row;
}

/**
 * vd_comparison_page_get_message:
 *
 * Returns: (transfer none): the label under the page's fields that says why
 *   a value was refused; hidden when none was
 */
GtkLabel *
vd_comparison_page_get_message (VdComparisonPage *self)
{
  g_return_val_if_fail (VD_IS_COMPARISON_PAGE (self), NULL);
  return self->page_message;
}

AdwComboRow *
vd_comparison_page_get_status_row (VdComparisonPage *self)
{
  g_return_val_if_fail (VD_IS_COMPARISON_PAGE (self), NULL);
  return self->status_row;
}

/**
 * vd_comparison_page_get_reviewer_picker:
 *
 * Returns: (transfer none): the "Add Reviewer" picker of the panel
 */
VdReviewerPicker *
vd_comparison_page_get_reviewer_picker (VdComparisonPage *self)
{
  g_return_val_if_fail (VD_IS_COMPARISON_PAGE (self), NULL);

  return self->reviewer_picker;
}

/**
 * vd_comparison_page_get_history_view:
 *
 * Returns: (transfer none): the comparison's own history, in the page's
 *   group header
 */
GtkWidget *
vd_comparison_page_get_history_view (VdComparisonPage *self)
{
  g_return_val_if_fail (VD_IS_COMPARISON_PAGE (self), NULL);

  return GTK_WIDGET (self->history_view);
}
