/* vd-preview.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The page as readers will see it, kept current while the editors type.
 *
 * The widget tree is built once per page: the header and the two tool cards
 * come from the template, the reviewer sections are built in
 * rebuild_sections() and only rebuilt when the panel's membership (or the set
 * of scorecards) changes. Everything else reaches its label through a
 * GBinding or a notify handler that updates exactly that label, so a
 * keystroke in an editor costs one gtk_label_set_text().
 *
 * All the text is the editors', so no label here ever parses markup.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "vd-panel.h"
#include "vd-paragraph.h"
#include "vd-preview.h"
#include "vd-reviewer.h"
#include "vd-scorecard.h"

#define N_TOOLS 2
/* Below this width the page's two columns stack, as on a phone. */
#define ONE_COLUMN_WIDTH 600

typedef struct
{
  /* Template children */
  GtkLabel  *category;
  GtkLabel  *name;
  GtkLabel  *tagline;
  GtkLabel  *ship;
  GtkLabel  *community;
  GtkLabel  *pricing;
  GtkLabel  *split;
  GtkLabel  *pricing_detail;
  GtkLabel  *description;

  /* The page */
  VdTool    *tool;
  VdPanel   *panel;
} ToolView;

typedef struct
{
  char      *reviewer;          /* uuid */
  GtkWidget *section;
  GtkWidget *columns;           /* the two verdicts, side by side or stacked */
  GtkLabel  *verdict[N_TOOLS];
  GtkLabel  *quote[N_TOOLS];
} ReviewerView;

struct _VdPreview
{
  GtkWidget     parent_instance;

  /* Template children */
  GtkStack     *stack;
  GtkWidget    *page;
  GtkLabel     *title_label;
  GtkLabel     *dek_label;
  GtkWidget    *pricing_read_box;
  GtkLabel     *pricing_read_label;
  GtkWidget    *panel_empty_label;
  GtkWidget    *reviewers_box;
  GtkWidget    *tools_box;
  ToolView      tools[N_TOOLS];
  gboolean      one_column;
  guint         columns_idle;

  /* The page */
  VdComparison *comparison;
  GListModel   *reviewers;
  GListModel   *scorecards;

  GPtrArray    *page_bindings;     /* GBinding*: comparison and tools → header and cards */
  GPtrArray    *section_bindings;  /* GBinding*: reviewers and scorecards → sections */
  GPtrArray    *sections;          /* ReviewerView*, in panel order */
};

G_DEFINE_FINAL_TYPE (VdPreview, vd_preview, GTK_TYPE_WIDGET)

static void
reviewer_view_free (gpointer data)
{
  ReviewerView *view = data;

  g_free (view->reviewer);
  g_free (view);
}

/* We hold a reference so that unbinding stays safe after the source or the
 * target went away first; g_binding_unbind() is a no-op on a dead binding. */
static void
binding_release (gpointer data)
{
  GBinding *binding = data;

  g_binding_unbind (binding);
  g_object_unref (binding);
}

static void
bind_full (GPtrArray             *bindings,
           gpointer               source,
           const char            *source_property,
           gpointer               target,
           const char            *target_property,
           GBindingTransformFunc  transform,
           gpointer               user_data)
{
  GBinding *binding = g_object_bind_property_full (source, source_property,
                                                   target, target_property,
                                                   G_BINDING_SYNC_CREATE,
                                                   transform, NULL, user_data, NULL);

  g_ptr_array_add (bindings, g_object_ref (binding));
}

static void
bind (GPtrArray             *bindings,
      gpointer               source,
      const char            *source_property,
      gpointer               target,
      const char            *target_property,
      GBindingTransformFunc  transform)
{
  bind_full (bindings, source, source_property, target, target_property, transform, NULL);
}

/* Transforms: model values to what the page prints */

static gboolean
transform_non_empty (GBinding     *binding,
                     const GValue *from,
                     GValue       *to,
                     gpointer      user_data)
{
  const char *text = g_value_get_string (from);

  g_value_set_boolean (to, text != NULL && text[0] != '\0');
  return TRUE;
}

typedef const char *(*EnumLabelFunc) (int value);

/* An enum property as its translated label; @user_data is the enum's
 * vd_*_get_label() function. */
static gboolean
transform_enum_label (GBinding     *binding,
                      const GValue *from,
                      GValue       *to,
                      gpointer      user_data)
{
  EnumLabelFunc label = (EnumLabelFunc) user_data;

  g_value_set_string (to, _(label (g_value_get_enum (from))));
  return TRUE;
}

static const char * const *
verdict_css_classes (VdVerdict verdict)
{
  static const char * const ship[] = { "caption-heading", "success", NULL };
  static const char * const skip[] = { "caption-heading", "error", NULL };
  static const char * const undecided[] = { "caption-heading", "dim-label", NULL };

  switch (verdict)
    {
    case VD_VERDICT_SHIP: return ship;
    case VD_VERDICT_SKIP: return skip;
    case VD_VERDICT_UNDECIDED:
    case VD_VERDICT_NONE:
    default: return undecided;
    }
}

static gboolean
transform_verdict_css (GBinding     *binding,
                       const GValue *from,
                       GValue       *to,
                       gpointer      user_data)
{
  g_value_set_boxed (to, verdict_css_classes (g_value_get_enum (from)));
  return TRUE;
}

static gboolean
transform_quote (GBinding     *binding,
                 const GValue *from,
                 GValue       *to,
                 gpointer      user_data)
{
  const char *quote = g_value_get_string (from);

  if (quote == NULL || quote[0] == '\0')
    g_value_set_string (to, _("No words yet."));
  else
    /* Translators: a reviewer's quote on the page; use your language's quotation marks. */
    g_value_take_string (to, g_strdup_printf (_("“%s”"), quote));
  return TRUE;
}

static gboolean
transform_quote_css (GBinding     *binding,
                     const GValue *from,
                     GValue       *to,
                     gpointer      user_data)
{
  static const char * const quote_classes[] = { NULL };
  static const char * const placeholder_classes[] = { "dim-label", NULL };
  const char *quote = g_value_get_string (from);

  g_value_set_boxed (to, quote == NULL || quote[0] == '\0' ? placeholder_classes : quote_classes);
  return TRUE;
}

/* Labels updated by hand: each handler sets exactly one label */

static void
update_title (VdPreview *self)
{
  const char *title;
  g_autofree char *fallback = NULL;

  if (self->comparison == NULL)
    return;

  title = vd_comparison_get_title (self->comparison);
  if (title == NULL || title[0] == '\0')
    {
      /* Translators: the page's title until the editors write one */
      title = fallback = g_strdup_printf (_("%s vs %s"),
                                          vd_tool_get_name (self->tools[0].tool),
                                          vd_tool_get_name (self->tools[1].tool));
    }

  gtk_label_set_text (self->title_label, title);
}

static void
update_community (VdPreview *self,
                  GParamSpec *pspec,
                  VdTool     *tool)
{
  for (guint i = 0; i < N_TOOLS; i++)
    {
      g_autofree char *label = NULL;

      if (self->tools[i].tool != tool)
        continue;

      label = vd_tool_dup_community_label (tool);
      gtk_label_set_text (self->tools[i].community, label);
    }
}

static void
update_split (VdPreview *self,
              GParamSpec *pspec,
              VdPanel    *panel)
{
  for (guint i = 0; i < N_TOOLS; i++)
    {
      g_autofree char *split = NULL;

      if (self->tools[i].panel != panel)
        continue;

      /* Translators: how the panel split on one tool, e.g. “4 of 4 decided · 2 ship ·
       * 2 skip · 0 undecided”; the ship percentage above is of those decided */
      split = g_strdup_printf (_("%u of %u decided · %u ship · %u skip · %u undecided"),
                               vd_panel_get_decided (panel),
                               vd_panel_get_panel_size (panel),
                               vd_panel_get_ship_votes (panel),
                               vd_panel_get_skip_votes (panel),
                               vd_panel_get_undecided (panel));
      gtk_label_set_text (self->tools[i].split, split);
    }
}

/* The reviewer sections */

static GtkLabel *
new_label (const char *css_class)
{
  const char *css_classes[] = { css_class, NULL };

  return g_object_new (GTK_TYPE_LABEL,
                       "xalign", 0.0,
                       "wrap", TRUE,
                       "wrap-mode", PANGO_WRAP_WORD_CHAR,
                       "css-classes", css_classes,
                       NULL);
}

static VdReviewer *
find_reviewer (VdPreview  *self,
               const char *uuid)
{
  guint n = self->reviewers != NULL ? g_list_model_get_n_items (self->reviewers) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (self->reviewers, i);

      if (VD_IS_REVIEWER (item) &&
          g_strcmp0 (vd_record_get_uuid (VD_RECORD (item)), uuid) == 0)
        return VD_REVIEWER (item);   /* the model keeps it alive */
    }

  return NULL;
}

static VdScorecard *
find_scorecard (VdPreview  *self,
                const char *reviewer,
                const char *tool)
{
  guint n = self->scorecards != NULL ? g_list_model_get_n_items (self->scorecards) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (self->scorecards, i);

      if (VD_IS_SCORECARD (item) &&
          g_strcmp0 (vd_scorecard_get_reviewer (VD_SCORECARD (item)), reviewer) == 0 &&
          g_strcmp0 (vd_scorecard_get_tool (VD_SCORECARD (item)), tool) == 0)
        return VD_SCORECARD (item);  /* the model keeps it alive */
    }

  return NULL;
}

static GtkWidget *
build_verdict_column (VdPreview    *self,
                      ReviewerView *view,
                      guint         tool_index)
{
  VdTool *tool = self->tools[tool_index].tool;
  VdScorecard *scorecard = find_scorecard (self, view->reviewer,
                                           vd_record_get_uuid (VD_RECORD (tool)));
  GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkLabel *tool_name = new_label ("caption");
  GtkLabel *verdict = new_label (NULL);
  GtkLabel *quote = new_label (NULL);

  gtk_label_set_wrap (verdict, FALSE);
  gtk_widget_set_valign (GTK_WIDGET (verdict), GTK_ALIGN_BASELINE);
  gtk_widget_set_valign (GTK_WIDGET (tool_name), GTK_ALIGN_BASELINE);
  gtk_widget_set_hexpand (GTK_WIDGET (tool_name), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (tool_name), "dim-label");

  gtk_box_append (GTK_BOX (line), GTK_WIDGET (verdict));
  gtk_box_append (GTK_BOX (line), GTK_WIDGET (tool_name));
  gtk_box_append (GTK_BOX (column), line);
  gtk_box_append (GTK_BOX (column), vd_paragraph_new (quote));

  bind (self->section_bindings, tool, "name", tool_name, "label", NULL);

  if (scorecard != NULL)
    {
      bind_full (self->section_bindings, scorecard, "verdict", verdict, "label",
                 transform_enum_label, (gpointer) vd_verdict_get_label);
      bind (self->section_bindings, scorecard, "verdict", verdict, "css-classes",
            transform_verdict_css);
      bind (self->section_bindings, scorecard, "quote", quote, "label", transform_quote);
      bind (self->section_bindings, scorecard, "quote", quote, "css-classes", transform_quote_css);
    }
  else
    {
      /* No scorecard yet: the panel counts this reviewer as not decided. */
      gtk_label_set_text (verdict, _(vd_verdict_get_label (VD_VERDICT_NONE)));
      gtk_widget_set_css_classes (GTK_WIDGET (verdict),
                                  (const char **) verdict_css_classes (VD_VERDICT_NONE));
      gtk_label_set_text (quote, _("No scorecard yet."));
      gtk_widget_add_css_class (GTK_WIDGET (quote), "dim-label");
    }

  view->verdict[tool_index] = verdict;
  view->quote[tool_index] = quote;

  return column;
}

/* The two tools' columns, side by side or one above the other. */
static void
set_columns (gboolean   one_column,
             GtkWidget *box)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (box),
                                  one_column ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL);
}

static ReviewerView *
build_section (VdPreview  *self,
               VdReviewer *reviewer)
{
  ReviewerView *view = g_new0 (ReviewerView, 1);
  GtkWidget *inner = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *columns = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 36);
  GtkLabel *name = new_label ("heading");
  GtkLabel *persona = new_label ("caption");

  view->reviewer = g_strdup (vd_record_get_uuid (VD_RECORD (reviewer)));
  view->section = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_add_css_class (view->section, "card");

  gtk_widget_set_margin_top (inner, 18);
  gtk_widget_set_margin_bottom (inner, 24);
  gtk_widget_set_margin_start (inner, 24);
  gtk_widget_set_margin_end (inner, 24);
  gtk_widget_add_css_class (GTK_WIDGET (persona), "dim-label");
  gtk_box_set_homogeneous (GTK_BOX (columns), TRUE);
  view->columns = columns;
  set_columns (self->one_column, columns);

  bind (self->section_bindings, reviewer, "name", name, "label", NULL);
  bind_full (self->section_bindings, reviewer, "persona", persona, "label",
             transform_enum_label, (gpointer) vd_persona_get_label);

  gtk_box_append (GTK_BOX (header), GTK_WIDGET (name));
  gtk_box_append (GTK_BOX (header), GTK_WIDGET (persona));
  gtk_box_append (GTK_BOX (inner), header);
  for (guint i = 0; i < N_TOOLS; i++)
    gtk_box_append (GTK_BOX (columns), build_verdict_column (self, view, i));
  gtk_box_append (GTK_BOX (inner), columns);
  gtk_box_append (GTK_BOX (view->section), inner);

  return view;
}

static void
clear_sections (VdPreview *self)
{
  GtkWidget *child;

  g_ptr_array_set_size (self->section_bindings, 0);
  g_ptr_array_set_size (self->sections, 0);

  /* NULL once dispose has run */
  if (self->reviewers_box == NULL)
    return;

  while ((child = gtk_widget_get_first_child (self->reviewers_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->reviewers_box), child);
}

/* Only for a change of membership: who is on the panel, which reviewers and
 * scorecards exist. Edits to their fields go through the bindings. */
static void
rebuild_sections (VdPreview *self)
{
  const char * const *panel;

  clear_sections (self);

  if (self->comparison == NULL)
    return;

  panel = vd_comparison_get_panel (self->comparison);
  for (guint i = 0; panel != NULL && panel[i] != NULL; i++)
    {
      VdReviewer *reviewer = find_reviewer (self, panel[i]);
      ReviewerView *view;

      if (reviewer == NULL)
        continue;

      view = build_section (self, reviewer);
      gtk_box_append (GTK_BOX (self->reviewers_box), view->section);
      g_ptr_array_add (self->sections, view);
    }

  gtk_widget_set_visible (self->panel_empty_label, self->sections->len == 0);
  gtk_widget_set_visible (self->reviewers_box, self->sections->len > 0);
}

/* The page */

static void
bind_tool (VdPreview *self,
           ToolView  *view)
{
  static const char * const optional[] = { "category", "tagline", "pricing-detail",
                                           "description" };
  GtkLabel *optional_labels[] = { view->category, view->tagline, view->pricing_detail,
                                  view->description };

  bind (self->page_bindings, view->tool, "name", view->name, "label", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (optional); i++)
    {
      bind (self->page_bindings, view->tool, optional[i], optional_labels[i], "label", NULL);
      bind (self->page_bindings, view->tool, optional[i], optional_labels[i], "visible",
            transform_non_empty);
    }
  bind_full (self->page_bindings, view->tool, "pricing", view->pricing, "label",
             transform_enum_label, (gpointer) vd_pricing_get_label);
  bind (self->page_bindings, view->panel, "ship-label", view->ship, "label", NULL);

  g_signal_connect_object (view->tool, "notify::votes-up",
                           G_CALLBACK (update_community), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (view->tool, "notify::votes-down",
                           G_CALLBACK (update_community), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (view->tool, "notify::name",
                           G_CALLBACK (update_title), self, G_CONNECT_SWAPPED);
  update_community (self, NULL, view->tool);

  g_signal_connect_object (view->panel, "notify::ship-votes",
                           G_CALLBACK (update_split), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (view->panel, "notify::skip-votes",
                           G_CALLBACK (update_split), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (view->panel, "notify::undecided",
                           G_CALLBACK (update_split), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (view->panel, "notify::panel-size",
                           G_CALLBACK (update_split), self, G_CONNECT_SWAPPED);
  update_split (self, NULL, view->panel);
}

static void
disconnect (gpointer   instance,
            VdPreview *self)
{
  if (instance != NULL)
    g_signal_handlers_disconnect_by_data (instance, self);
}

static void
clear_page (VdPreview *self)
{
  clear_sections (self);
  g_ptr_array_set_size (self->page_bindings, 0);

  disconnect (self->comparison, self);
  disconnect (self->reviewers, self);
  disconnect (self->scorecards, self);
  g_clear_object (&self->comparison);
  g_clear_object (&self->reviewers);
  g_clear_object (&self->scorecards);

  for (guint i = 0; i < N_TOOLS; i++)
    {
      disconnect (self->tools[i].tool, self);
      disconnect (self->tools[i].panel, self);
      g_clear_object (&self->tools[i].tool);
      g_clear_object (&self->tools[i].panel);
    }
}

/**
 * vd_preview_set_page:
 * @comparison: (nullable): the page to show, or %NULL to show none
 * @tool_a: (nullable): the comparison's first tool; %NULL only without @comparison
 * @tool_b: (nullable): its second tool
 * @reviewers: (nullable): a #GListModel of #VdReviewer holding at least the
 *   panel; the page follows the order of the comparison's panel
 * @scorecards: (nullable): a #GListModel of #VdScorecard, all of the comparison's
 *
 * Builds the page once; from then on it follows edits to these objects by
 * itself, and rebuilds the reviewer sections only when the panel's membership
 * or the lists change.
 */
void
vd_preview_set_page (VdPreview    *self,
                     VdComparison *comparison,
                     VdTool       *tool_a,
                     VdTool       *tool_b,
                     GListModel   *reviewers,
                     GListModel   *scorecards)
{
  g_autoptr(VdComparison) new_comparison = NULL;
  g_autoptr(GListModel) new_reviewers = NULL;
  g_autoptr(GListModel) new_scorecards = NULL;
  VdTool *tools[N_TOOLS] = { tool_a, tool_b };

  g_return_if_fail (VD_IS_PREVIEW (self));
  g_return_if_fail (comparison == NULL || VD_IS_COMPARISON (comparison));
  g_return_if_fail (comparison == NULL || (VD_IS_TOOL (tool_a) && VD_IS_TOOL (tool_b)));
  g_return_if_fail (reviewers == NULL || G_IS_LIST_MODEL (reviewers));
  g_return_if_fail (scorecards == NULL || G_IS_LIST_MODEL (scorecards));

  /* Held across clear_page(), which may drop the last other reference when
   * the caller passes the page the preview already shows. */
  if (comparison != NULL)
    {
      new_comparison = g_object_ref (comparison);
      for (guint i = 0; i < N_TOOLS; i++)
        g_object_ref (tools[i]);
    }
  new_reviewers = reviewers != NULL ? g_object_ref (reviewers) : NULL;
  new_scorecards = scorecards != NULL ? g_object_ref (scorecards) : NULL;

  clear_page (self);

  if (comparison == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  self->comparison = g_steal_pointer (&new_comparison);
  self->reviewers = g_steal_pointer (&new_reviewers);
  self->scorecards = g_steal_pointer (&new_scorecards);

  for (guint i = 0; i < N_TOOLS; i++)
    {
      self->tools[i].tool = tools[i];   /* the reference taken above */
      self->tools[i].panel = vd_panel_new (comparison,
                                           vd_record_get_uuid (VD_RECORD (tools[i])),
                                           scorecards);
    }

  for (guint i = 0; i < N_TOOLS; i++)
    bind_tool (self, &self->tools[i]);

  g_signal_connect_object (comparison, "notify::title",
                           G_CALLBACK (update_title), self, G_CONNECT_SWAPPED);
  update_title (self);
  bind (self->page_bindings, comparison, "dek", self->dek_label, "label", NULL);
  bind (self->page_bindings, comparison, "dek", self->dek_label, "visible", transform_non_empty);
  bind (self->page_bindings, comparison, "pricing-read", self->pricing_read_label, "label", NULL);
  bind (self->page_bindings, comparison, "pricing-read", self->pricing_read_box, "visible",
        transform_non_empty);

  g_signal_connect_object (comparison, "notify::panel",
                           G_CALLBACK (rebuild_sections), self, G_CONNECT_SWAPPED);
  if (reviewers != NULL)
    g_signal_connect_object (reviewers, "items-changed",
                             G_CALLBACK (rebuild_sections), self, G_CONNECT_SWAPPED);
  if (scorecards != NULL)
    g_signal_connect_object (scorecards, "items-changed",
                             G_CALLBACK (rebuild_sections), self, G_CONNECT_SWAPPED);
  rebuild_sections (self);

  gtk_stack_set_visible_child_name (self->stack, "page");
}

/**
 * vd_preview_render_png:
 *
 * Renders the whole page — at the width it has on screen and its full
 * height, not only the part scrolled into view — as a PNG.
 *
 * The preview must be showing a page in a mapped window and have been drawn
 * since its last change, since the image is made from what GTK last drew:
 * call this from an action or a timeout, not right after an edit in the same
 * main-loop iteration. Otherwise it fails with %G_IO_ERROR_PENDING (drawn
 * soon: retry after the next frame) or %G_IO_ERROR_NOT_INITIALIZED (not on
 * screen at all).
 *
 * Returns: (transfer full): the PNG file's bytes, or %NULL on error
 */
GBytes *
vd_preview_render_png (VdPreview  *self,
                       GError    **error)
{
  GtkNative *native;
  GskRenderer *renderer;
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width, height, scale;

  g_return_val_if_fail (VD_IS_PREVIEW (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  native = gtk_widget_get_native (GTK_WIDGET (self));
  renderer = native != NULL ? gtk_native_get_renderer (native) : NULL;
  width = gtk_widget_get_width (self->page);
  height = gtk_widget_get_height (self->page);
  if (renderer == NULL || !gtk_widget_get_mapped (self->page) || width <= 0 || height <= 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED,
                           _("The preview is not on screen, so there is no page to save"));
      return NULL;
    }

  /* The paintable replays the page's last render node, which holds all of
   * the page, including what the scrolled window clips away. */
  paintable = gtk_widget_paintable_new (self->page);
  scale = gtk_widget_get_scale_factor (self->page);
  snapshot = gtk_snapshot_new ();
  gtk_snapshot_scale (snapshot, scale, scale);
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_PENDING,
                           _("The preview has changed and is not drawn yet; try again"));
      return NULL;
    }

  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width * scale, height * scale));
  return gdk_texture_save_to_png_bytes (texture);
}

/**
 * vd_preview_save_png:
 * @path: where to write the image
 *
 * vd_preview_render_png(), written to @path.
 */
gboolean
vd_preview_save_png (VdPreview   *self,
                     const char  *path,
                     GError     **error)
{
  g_autoptr(GBytes) png = NULL;

  g_return_val_if_fail (VD_IS_PREVIEW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!(png = vd_preview_render_png (self, error)))
    return FALSE;

  return g_file_set_contents (path, g_bytes_get_data (png, NULL), g_bytes_get_size (png), error);
}

GtkLabel *
vd_preview_get_title_label (VdPreview *self)
{
  g_return_val_if_fail (VD_IS_PREVIEW (self), NULL);

  return self->title_label;
}

GtkLabel *
vd_preview_get_pricing_read_label (VdPreview *self)
{
  g_return_val_if_fail (VD_IS_PREVIEW (self), NULL);

  return self->pricing_read_label;
}

GtkLabel *
vd_preview_get_ship_label (VdPreview *self,
                           guint      tool_index)
{
  g_return_val_if_fail (VD_IS_PREVIEW (self), NULL);
  g_return_val_if_fail (tool_index < N_TOOLS, NULL);

  return self->tools[tool_index].ship;
}

static ReviewerView *
find_section (VdPreview  *self,
              const char *reviewer_uuid)
{
  for (guint i = 0; i < self->sections->len; i++)
    {
      ReviewerView *view = g_ptr_array_index (self->sections, i);

      if (g_strcmp0 (view->reviewer, reviewer_uuid) == 0)
        return view;
    }

  return NULL;
}

/**
 * vd_preview_get_verdict_label:
 *
 * Returns: (transfer none) (nullable): the label showing what @reviewer_uuid
 *   voted on tool @tool_index, or %NULL when the reviewer is not on the page
 */
GtkLabel *
vd_preview_get_verdict_label (VdPreview  *self,
                              const char *reviewer_uuid,
                              guint       tool_index)
{
  ReviewerView *view;

  g_return_val_if_fail (VD_IS_PREVIEW (self), NULL);
  g_return_val_if_fail (reviewer_uuid != NULL, NULL);
  g_return_val_if_fail (tool_index < N_TOOLS, NULL);

  view = find_section (self, reviewer_uuid);
  return view != NULL ? view->verdict[tool_index] : NULL;
}

/**
 * vd_preview_get_quote_label:
 *
 * Returns: (transfer none) (nullable): the label quoting @reviewer_uuid on
 *   tool @tool_index, or %NULL when the reviewer is not on the page
 */
GtkLabel *
vd_preview_get_quote_label (VdPreview  *self,
                            const char *reviewer_uuid,
                            guint       tool_index)
{
  ReviewerView *view;

  g_return_val_if_fail (VD_IS_PREVIEW (self), NULL);
  g_return_val_if_fail (reviewer_uuid != NULL, NULL);
  g_return_val_if_fail (tool_index < N_TOOLS, NULL);

  view = find_section (self, reviewer_uuid);
  return view != NULL ? view->quote[tool_index] : NULL;
}

/* Layout */

static void
apply_columns (VdPreview *self)
{
  set_columns (self->one_column, self->tools_box);
  for (guint i = 0; i < self->sections->len; i++)
    set_columns (self->one_column, ((ReviewerView *) g_ptr_array_index (self->sections, i))->columns);
}

static gboolean
apply_columns_idle (gpointer data)
{
  VdPreview *self = data;

  self->columns_idle = 0;
  apply_columns (self);
  return G_SOURCE_REMOVE;
}

static void
vd_preview_measure (GtkWidget      *widget,
                    GtkOrientation  orientation,
                    int             for_size,
                    int            *minimum,
                    int            *natural,
                    int            *minimum_baseline,
                    int            *natural_baseline)
{
  gtk_widget_measure (GTK_WIDGET (VD_PREVIEW (widget)->stack), orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

/* No layout manager: the preview needs its width to choose its columns. */
static void
vd_preview_size_allocate (GtkWidget *widget,
                          int        width,
                          int        height,
                          int        baseline)
{
  VdPreview *self = VD_PREVIEW (widget);
  gboolean one_column = width < ONE_COLUMN_WIDTH;

  gtk_widget_allocate (GTK_WIDGET (self->stack), width, height, baseline, NULL);

  /* Orientations may not change while allocating; the idle runs ahead of
   * the next frame's layout, even while the desk is busy loading. */
  if (one_column != self->one_column)
    {
      self->one_column = one_column;
      if (self->columns_idle == 0)
        self->columns_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE, apply_columns_idle, self, NULL);
    }
}

/**
 * vd_preview_get_one_column:
 *
 * Returns: whether the page is laid out in one column (a narrow preview)
 */
gboolean
vd_preview_get_one_column (VdPreview *self)
{
  g_return_val_if_fail (VD_IS_PREVIEW (self), FALSE);

  return gtk_orientable_get_orientation (GTK_ORIENTABLE (self->tools_box)) ==
         GTK_ORIENTATION_VERTICAL;
}

static void
vd_preview_dispose (GObject *object)
{
  VdPreview *self = VD_PREVIEW (object);

  g_clear_handle_id (&self->columns_idle, g_source_remove);
  clear_page (self);

  gtk_widget_dispose_template (GTK_WIDGET (object), VD_TYPE_PREVIEW);

  G_OBJECT_CLASS (vd_preview_parent_class)->dispose (object);
}

static void
vd_preview_finalize (GObject *object)
{
  VdPreview *self = VD_PREVIEW (object);

  g_clear_pointer (&self->sections, g_ptr_array_unref);
  g_clear_pointer (&self->section_bindings, g_ptr_array_unref);
  g_clear_pointer (&self->page_bindings, g_ptr_array_unref);

  G_OBJECT_CLASS (vd_preview_parent_class)->finalize (object);
}

#define TOOL_CHILD(field) \
  { #field "_a", G_STRUCT_OFFSET (VdPreview, tools[0].field) }, \
  { #field "_b", G_STRUCT_OFFSET (VdPreview, tools[1].field) }

static void
vd_preview_class_init (VdPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const struct {
    const char *id;
    gssize      offset;
  } tool_children[] = {
    TOOL_CHILD (category),
    TOOL_CHILD (name),
    TOOL_CHILD (tagline),
    TOOL_CHILD (ship),
    TOOL_CHILD (community),
    TOOL_CHILD (pricing),
    TOOL_CHILD (split),
    TOOL_CHILD (pricing_detail),
    TOOL_CHILD (description),
  };

  object_class->dispose = vd_preview_dispose;
  object_class->finalize = vd_preview_finalize;
  widget_class->measure = vd_preview_measure;
  widget_class->size_allocate = vd_preview_size_allocate;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/verdictdesk/VerdictDesk/ui/vd-preview.ui");
  gtk_widget_class_bind_template_child (widget_class, VdPreview, stack);
  gtk_widget_class_bind_template_child (widget_class, VdPreview, page);
  gtk_widget_class_bind_template_child (widget_class, VdPreview, title_label);
  gtk_widget_class_bind_template_child (widget_class, VdPreview, dek_label);
  gtk_widget_class_bind_template_child (widget_class, VdPreview, pricing_read_box);
  gtk_widget_class_bind_template_child (widget_class, VdPreview, pricing_read_label);
  gtk_widget_class_bind_template_child (widget_class, VdPreview, panel_empty_label);
  gtk_widget_class_bind_template_child (widget_class, VdPreview, reviewers_box);
  gtk_widget_class_bind_template_child (widget_class, VdPreview, tools_box);
  for (guint i = 0; i < G_N_ELEMENTS (tool_children); i++)
    gtk_widget_class_bind_template_child_full (widget_class, tool_children[i].id, FALSE,
                                               tool_children[i].offset);

  gtk_widget_class_set_css_name (widget_class, "preview");
}

static void
vd_preview_init (VdPreview *self)
{
  self->page_bindings = g_ptr_array_new_with_free_func (binding_release);
  self->section_bindings = g_ptr_array_new_with_free_func (binding_release);
  self->sections = g_ptr_array_new_with_free_func (reviewer_view_free);

  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
vd_preview_new (void)
{
  return g_object_new (VD_TYPE_PREVIEW, NULL);
}
