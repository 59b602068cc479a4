/* vd-scorecard-form.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The card in which a panel reviewer writes their scorecard on one tool: the
 * verdict and one text area per prompt of their persona. The form edits the
 * model objects only; the window saves them when they notify.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "vd-conflict-view.h"
#include "vd-history-view.h"
#include "vd-scorecard-form.h"
#include "vd-spell-adapter.h"

/* A text area is never shorter than this, so that an empty section still
 * looks like a place to write a paragraph. */
#define MIN_LINES     4
#define TEXT_MARGIN  12
#define LINE_SPACING  3   /* between wrapped lines: prose reads better with air */

typedef struct
{
  VdScorecardForm *form;         /* unowned: the form owns the section */
  guint            index;        /* into the scorecard's sections */
  GtkTextBuffer   *buffer;
  GtkWidget       *view;
  GtkWidget       *box;          /* heading, text, count, and a conflict if any */
  GtkLabel        *count_label;
  gulong           changed_id;
} Section;

struct _VdScorecardForm
{
  GtkWidget        parent_instance;

  VdScorecard     *scorecard;
  VdReviewer      *reviewer;
  VdTool          *tool;
  GBinding        *tool_name_binding;

  GPtrArray       *sections;     /* Section*, in prompt order */
  GPtrArray       *conflict_views; /* VdConflictView*, unowned: in the tree */
  char           **prompts;      /* what the sections' headings show */

  /* Each direction of the text sync mutes the other while it writes. */
  guint            pushing : 1;  /* a buffer is writing to the scorecard */
  guint            loading : 1;  /* the scorecard is writing to a buffer */

  GtkWidget       *card;         /* bound so that dispose_template unparents it */
  GtkLabel        *tool_label;
  GtkLabel        *reviewer_label;
  GtkToggleButton *ship_button;
  GtkToggleButton *skip_button;
  GtkToggleButton *undecided_button;
  GtkLabel        *no_verdict_label;
  GtkBox          *sections_box;
  GtkWidget       *history_view; /* in card, after the sections */
};

G_DEFINE_FINAL_TYPE (VdScorecardForm, vd_scorecard_form, GTK_TYPE_WIDGET)

enum {
  RESOLVE_CONFLICT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum {
  PROP_0,
  PROP_SCORECARD,
  PROP_REVIEWER,
  PROP_TOOL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
section_free (gpointer data)
{
  Section *section = data;

  g_clear_signal_handler (&section->changed_id, section->buffer);
  g_clear_object (&section->buffer);
  g_free (section);
}

static char *
dup_buffer_text (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
}

static void
update_count (Section *section)
{
  /* Characters, not bytes: what the reviewer sees is what they count. */
  int n = gtk_text_buffer_get_char_count (section->buffer);
  g_autofree char *text = NULL;

  /* Translators: the length of a scorecard section, under its text area */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d character", "%d characters", n), n);

  gtk_label_set_text (section->count_label, text);
}

static void
on_buffer_changed (GtkTextBuffer *buffer,
                   Section       *section)
{
  VdScorecardForm *self = section->form;
  g_autofree char *text = NULL;

  update_count (section);

  if (self->loading)
    return;

  text = dup_buffer_text (buffer);
  self->pushing = TRUE;
  vd_scorecard_set_section (self->scorecard, section->index, text);
  self->pushing = FALSE;
}

/* Loading is not an edit: it must not be undoable. */
static void
load_section (VdScorecardForm *self,
              Section         *section)
{
  const char *text = vd_scorecard_get_section (self->scorecard, section->index);
  g_autofree char *current = dup_buffer_text (section->buffer);

  if (g_strcmp0 (current, text) == 0)
    return;

  self->loading = TRUE;
  gtk_text_buffer_begin_irreversible_action (section->buffer);
  gtk_text_buffer_set_text (section->buffer, text, -1);
  gtk_text_buffer_end_irreversible_action (section->buffer);
  self->loading = FALSE;
}

static void
on_scorecard_sections_changed (VdScorecardForm *self)
{
  if (self->pushing)
    return;

  for (guint i = 0; i < self->sections->len; i++)
    load_section (self, g_ptr_array_index (self->sections, i));
}

/* The text areas' minimum height for the form's current font. Cheap (one
 * glyph), since it runs on every style change, hover included. */
static int
get_min_text_height (VdScorecardForm *self)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), "X");
  int line;

  pango_layout_get_pixel_size (layout, NULL, &line);
  return MIN_LINES * line + (MIN_LINES - 1) * LINE_SPACING + 2 * TEXT_MARGIN;
}

static void
add_section (VdScorecardForm *self,
             const char      *prompt)
{
  Section *section = g_new0 (Section, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *heading = gtk_label_new (prompt);   /* a custom prompt is user text */
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *count = gtk_label_new (NULL);
  GtkTextView *view;

  section->form = self;
  section->box = box;
  section->index = self->sections->len;
  section->view = gtk_text_view_new ();
  section->count_label = GTK_LABEL (count);
  section->buffer = g_object_ref (gtk_text_view_get_buffer (GTK_TEXT_VIEW (section->view)));
  g_ptr_array_add (self->sections, section);

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (heading), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (heading, "heading");

  view = GTK_TEXT_VIEW (section->view);
  gtk_text_view_set_wrap_mode (view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (view, FALSE);
  gtk_text_view_set_top_margin (view, TEXT_MARGIN);
  gtk_text_view_set_bottom_margin (view, TEXT_MARGIN);
  gtk_text_view_set_left_margin (view, TEXT_MARGIN);
  gtk_text_view_set_right_margin (view, TEXT_MARGIN);
  gtk_text_view_set_pixels_inside_wrap (view, LINE_SPACING);
  gtk_text_view_set_pixels_below_lines (view, LINE_SPACING);
  gtk_widget_set_size_request (section->view, -1, get_min_text_height (self));
  vd_spell_adapter_attach (view, vd_record_get_uuid (VD_RECORD (self->reviewer)));
  gtk_frame_set_child (GTK_FRAME (frame), section->view);

  gtk_widget_set_halign (count, GTK_ALIGN_END);
  gtk_widget_add_css_class (count, "dim-label");
  gtk_widget_add_css_class (count, "caption");

  gtk_accessible_update_relation (GTK_ACCESSIBLE (section->view),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, heading, NULL,
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, count, NULL,
                                  -1);

  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), frame);
  gtk_box_append (GTK_BOX (box), count);
  gtk_box_append (self->sections_box, box);

  load_section (self, section);
  update_count (section);
  section->changed_id = g_signal_connect (section->buffer, "changed",
                                          G_CALLBACK (on_buffer_changed), section);
}

/* One section per prompt of the reviewer, in order; a custom reviewer who
 * wrote no prompts still gets somewhere to write. */
static void
rebuild_sections (VdScorecardForm *self)
{
  const char * const *prompts = vd_reviewer_get_prompts (self->reviewer);
  GtkWidget *child;

  if (self->prompts != NULL && g_strv_equal ((const char * const *) self->prompts, prompts))
    return;

  g_ptr_array_set_size (self->sections, 0);
  g_ptr_array_set_size (self->conflict_views, 0);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sections_box))) != NULL)
    gtk_box_remove (self->sections_box, child);

  g_strfreev (self->prompts);
  self->prompts = g_strdupv ((char **) prompts);

  if (prompts[0] == NULL)
    add_section (self, _("Verdict"));
  for (guint i = 0; prompts[i] != NULL; i++)
    add_section (self, prompts[i]);
}

static void
update_reviewer_label (VdScorecardForm *self)
{
  const char *persona = vd_persona_get_label (vd_reviewer_get_persona (self->reviewer));
  g_autofree char *text = NULL;

  /* Translators: a reviewer’s name and persona: “Priya Raman · Developer Experience” */
  text = g_strdup_printf (_("%s · %s"), vd_reviewer_get_name (self->reviewer), _(persona));
  gtk_label_set_text (self->reviewer_label, text);
}

/* Every form of a page has its Ship, Skip and Undecided: each says for
 * which tool, as a screen reader reads the button alone. */
static void
update_verdict_names (VdScorecardForm *self)
{
  const char *tool = vd_tool_get_name (self->tool);
  g_autofree char *ship = g_strdup_printf (_("Ship %s"), tool);
  g_autofree char *skip = g_strdup_printf (_("Skip %s"), tool);
  g_autofree char *undecided = g_strdup_printf (_("Undecided on %s"), tool);

  if (self->ship_button == NULL)
    return;

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->ship_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, ship, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->skip_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, skip, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->undecided_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, undecided, -1);
}

static GtkToggleButton *
get_verdict_button (VdScorecardForm *self,
                    VdVerdict        verdict)
{
  switch (verdict)
    {
    case VD_VERDICT_SHIP:      return self->ship_button;
    case VD_VERDICT_SKIP:      return self->skip_button;
    case VD_VERDICT_UNDECIDED: return self->undecided_button;
    case VD_VERDICT_NONE:      return NULL;
    default:                   g_return_val_if_reached (NULL);
    }
}

/* The chosen verdict takes its colour: libadwaita tints a checked button with
 * its text colour, so Ship reads green and Skip red, in both styles. */
static void
update_verdict_style (VdScorecardForm *self)
{
  if (gtk_toggle_button_get_active (self->ship_button))
    gtk_widget_add_css_class (GTK_WIDGET (self->ship_button), "success");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->ship_button), "success");

  if (gtk_toggle_button_get_active (self->skip_button))
    gtk_widget_add_css_class (GTK_WIDGET (self->skip_button), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->skip_button), "error");
}

static void
on_scorecard_verdict_changed (VdScorecardForm *self)
{
  GtkToggleButton *button = get_verdict_button (self, vd_scorecard_get_verdict (self->scorecard));

  /* The group deactivates the others; the toggled handler writes back the
   * same verdict, which the scorecard ignores. No verdict yet is no button
   * at all, so it never reads as an abstention; deactivating writes nothing. */
  if (button != NULL)
    gtk_toggle_button_set_active (button, TRUE);
  else
    {
      gtk_toggle_button_set_active (self->ship_button, FALSE);
      gtk_toggle_button_set_active (self->skip_button, FALSE);
      gtk_toggle_button_set_active (self->undecided_button, FALSE);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->no_verdict_label), button == NULL);
  update_verdict_style (self);
}

static void
on_verdict_toggled (VdScorecardForm *self,
                    GtkToggleButton *button)
{
  VdVerdict verdict;

  if (self->scorecard == NULL || !gtk_toggle_button_get_active (button))
    return;

  if (button == self->ship_button)
    verdict = VD_VERDICT_SHIP;
  else if (button == self->skip_button)
    verdict = VD_VERDICT_SKIP;
  else
    verdict = VD_VERDICT_UNDECIDED;

  vd_scorecard_set_verdict (self->scorecard, verdict);
  gtk_widget_set_visible (GTK_WIDGET (self->no_verdict_label), FALSE);
  update_verdict_style (self);
}

static void
vd_scorecard_form_css_changed (GtkWidget         *widget,
                               GtkCssStyleChange *change)
{
  VdScorecardForm *self = VD_SCORECARD_FORM (widget);

  GTK_WIDGET_CLASS (vd_scorecard_form_parent_class)->css_changed (widget, change);

  /* The font may have changed size: keep the text areas MIN_LINES high. */
  if (self->sections != NULL && self->sections->len > 0)
    {
      int height = get_min_text_height (self);

      for (guint i = 0; i < self->sections->len; i++)
        gtk_widget_set_size_request (((Section *) g_ptr_array_index (self->sections, i))->view,
                                     -1, height);
    }
}

static void
vd_scorecard_form_constructed (GObject *object)
{
  VdScorecardForm *self = VD_SCORECARD_FORM (object);

  G_OBJECT_CLASS (vd_scorecard_form_parent_class)->constructed (object);

  g_return_if_fail (self->scorecard != NULL && self->reviewer != NULL && self->tool != NULL);

  /* The form may go before the tool does: keep a ref to unbind in dispose. */
  self->tool_name_binding = g_object_ref (g_object_bind_property (self->tool, "name",
                                                                  self->tool_label, "label",
                                                                  G_BINDING_SYNC_CREATE));

  g_signal_connect_object (self->tool, "notify::name",
                           G_CALLBACK (update_verdict_names), self, G_CONNECT_SWAPPED);
  g_signal_connect_swapped (self->reviewer, "notify::name",
                            G_CALLBACK (update_reviewer_label), self);
  g_signal_connect_swapped (self->reviewer, "notify::persona",
                            G_CALLBACK (update_reviewer_label), self);
  g_signal_connect_swapped (self->reviewer, "notify::prompts",
                            G_CALLBACK (rebuild_sections), self);
  g_signal_connect_swapped (self->scorecard, "notify::verdict",
                            G_CALLBACK (on_scorecard_verdict_changed), self);
  g_signal_connect_swapped (self->scorecard, "notify::sections",
                            G_CALLBACK (on_scorecard_sections_changed), self);

  update_reviewer_label (self);
  update_verdict_names (self);
  rebuild_sections (self);
  on_scorecard_verdict_changed (self);
}

static void
vd_scorecard_form_dispose (GObject *object)
{
  VdScorecardForm *self = VD_SCORECARD_FORM (object);

  if (self->tool_name_binding != NULL)
    {
      g_binding_unbind (self->tool_name_binding);
      g_clear_object (&self->tool_name_binding);
    }
  if (self->reviewer != NULL)
    g_signal_handlers_disconnect_by_data (self->reviewer, self);
  if (self->scorecard != NULL)
    g_signal_handlers_disconnect_by_data (self->scorecard, self);

  g_clear_pointer (&self->sections, g_ptr_array_unref);
  g_clear_pointer (&self->conflict_views, g_ptr_array_unref);
  g_clear_pointer (&self->prompts, g_strfreev);
  g_clear_object (&self->scorecard);
  g_clear_object (&self->reviewer);
  g_clear_object (&self->tool);

  gtk_widget_dispose_template (GTK_WIDGET (object), VD_TYPE_SCORECARD_FORM);

  G_OBJECT_CLASS (vd_scorecard_form_parent_class)->dispose (object);
}

static void
vd_scorecard_form_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  VdScorecardForm *self = VD_SCORECARD_FORM (object);

  switch (prop_id)
    {
    case PROP_SCORECARD:
      g_value_set_object (value, self->scorecard);
      break;

    case PROP_REVIEWER:
      g_value_set_object (value, self->reviewer);
      break;

    case PROP_TOOL:
      g_value_set_object (value, self->tool);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vd_scorecard_form_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  VdScorecardForm *self = VD_SCORECARD_FORM (object);

  switch (prop_id)
    {
    case PROP_SCORECARD:
      self->scorecard = g_value_dup_object (value);
      break;

    case PROP_REVIEWER:
      self->reviewer = g_value_dup_object (value);
      break;

    case PROP_TOOL:
      self->tool = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vd_scorecard_form_class_init (VdScorecardFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = vd_scorecard_form_constructed;
  object_class->dispose = vd_scorecard_form_dispose;
  object_class->get_property = vd_scorecard_form_get_property;
  object_class->set_property = vd_scorecard_form_set_property;
  widget_class->css_changed = vd_scorecard_form_css_changed;

  /* The three are construct-only: a form shows one scorecard for its life. */
  properties[PROP_SCORECARD] =
    g_param_spec_object ("scorecard", NULL, NULL,
                         VD_TYPE_SCORECARD,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_REVIEWER] =
    g_param_spec_object ("reviewer", NULL, NULL,
                         VD_TYPE_REVIEWER,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_TOOL] =
    g_param_spec_object ("tool", NULL, NULL,
                         VD_TYPE_TOOL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/verdictdesk/VerdictDesk/ui/vd-scorecard-form.ui");
  gtk_widget_class_bind_template_child (widget_class, VdScorecardForm, card);
  gtk_widget_class_bind_template_child (widget_class, VdScorecardForm, tool_label);
  gtk_widget_class_bind_template_child (widget_class, VdScorecardForm, reviewer_label);
  gtk_widget_class_bind_template_child (widget_class, VdScorecardForm, ship_button);
  gtk_widget_class_bind_template_child (widget_class, VdScorecardForm, skip_button);
  gtk_widget_class_bind_template_child (widget_class, VdScorecardForm, undecided_button);
  gtk_widget_class_bind_template_child (widget_class, VdScorecardForm, no_verdict_label);
  gtk_widget_class_bind_template_child (widget_class, VdScorecardForm, sections_box);
  gtk_widget_class_bind_template_callback (widget_class, on_verdict_toggled);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  /**
   * VdScorecardForm::resolve-conflict:
   * @conflict: a conflict shown by vd_scorecard_form_set_conflicts()
   * @value: (nullable): the value to keep; %NULL keeps theirs
   *
   * The form shows conflicts; resolving them is the session's.
   */
  signals[RESOLVE_CONFLICT] =
    g_signal_new ("resolve-conflict",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, VD_TYPE_CONFLICT, G_TYPE_VARIANT);
}

static void
vd_scorecard_form_init (VdScorecardForm *self)
{
  self->sections = g_ptr_array_new_with_free_func (section_free);
  self->conflict_views = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
}

static void
on_conflict_resolve (VdScorecardForm *self,
                     GVariant        *value,
                     VdConflictView  *view)
{
  g_autoptr(VdConflict) conflict = vd_conflict_copy (vd_conflict_view_get_conflict (view));

  g_signal_emit (self, signals[RESOLVE_CONFLICT], 0, conflict, value);
}

/**
 * vd_scorecard_form_set_conflicts:
 * @conflicts: (element-type VdConflict): the scorecard's unresolved ones
 *
 * Shows each conflict in place: a section's under that section, the
 * verdict's at the top. Replaces what was shown before.
 */
void
vd_scorecard_form_set_conflicts (VdScorecardForm *self,
                                 GPtrArray       *conflicts)
{
  g_return_if_fail (VD_IS_SCORECARD_FORM (self));

  for (guint i = 0; i < self->conflict_views->len; i++)
    {
      GtkWidget *view = g_ptr_array_index (self->conflict_views, i);

      gtk_box_remove (GTK_BOX (gtk_widget_get_parent (view)), view);
    }
  g_ptr_array_set_size (self->conflict_views, 0);

  for (guint i = 0; conflicts != NULL && i < conflicts->len; i++)
    {
      VdConflict *conflict = g_ptr_array_index (conflicts, i);
      g_autofree char *property = NULL;
      GtkWidget *view;
      int item;

      if (g_strcmp0 (conflict->uuid, vd_record_get_uuid (VD_RECORD (self->scorecard))) != 0)
        continue;

      property = vd_conflict_dup_property (conflict, &item);
      if (g_str_equal (property, "sections") && item >= 0 && (guint) item < self->sections->len)
        {
          Section *section = g_ptr_array_index (self->sections, item);
          const char *title = self->prompts != NULL && self->prompts[0] != NULL
                              ? self->prompts[item] : _("Verdict");

          view = vd_conflict_view_new (conflict, title, TRUE);
          gtk_box_append (GTK_BOX (section->box), view);
        }
      else
        {
          view = vd_conflict_view_new (conflict, g_str_equal (property, "verdict")
                                                 ? _("Verdict") : property, FALSE);
          gtk_box_prepend (self->sections_box, view);
        }

      g_signal_connect_object (view, "resolve", G_CALLBACK (on_conflict_resolve), self,
                               G_CONNECT_SWAPPED);
      g_ptr_array_add (self->conflict_views, view);
    }
}

/**
 * vd_scorecard_form_get_history_view:
 *
 * Returns: (transfer none): the scorecard's history, shown under it
 */
GtkWidget *
vd_scorecard_form_get_history_view (VdScorecardForm *self)
{
  g_return_val_if_fail (VD_IS_SCORECARD_FORM (self), NULL);

  if (self->history_view == NULL)
    {
      /* Under the verdict: what it was before, and who set it. */
      GtkWidget *heading = gtk_widget_get_parent (gtk_widget_get_parent (GTK_WIDGET (self->ship_button)));

      self->history_view = vd_history_view_new ();
      gtk_box_append (GTK_BOX (heading), self->history_view);
    }
  return self->history_view;
}

/**
 * vd_scorecard_form_get_n_conflicts:
 *
 * Returns: how many conflicts the form shows
 */
guint
vd_scorecard_form_get_n_conflicts (VdScorecardForm *self)
{
  g_return_val_if_fail (VD_IS_SCORECARD_FORM (self), 0);

  return self->conflict_views->len;
}

/**
 * vd_scorecard_form_new:
 * @scorecard: the scorecard to edit
 * @reviewer: its reviewer, whose prompts head the sections
 * @tool: its tool, whose name heads the form
 */
GtkWidget *
vd_scorecard_form_new (VdScorecard *scorecard,
                       VdReviewer  *reviewer,
                       VdTool      *tool)
{
  g_return_val_if_fail (VD_IS_SCORECARD (scorecard), NULL);
  g_return_val_if_fail (VD_IS_REVIEWER (reviewer), NULL);
  g_return_val_if_fail (VD_IS_TOOL (tool), NULL);
  g_return_val_if_fail (g_strcmp0 (vd_scorecard_get_reviewer (scorecard),
                                   vd_record_get_uuid (VD_RECORD (reviewer))) == 0, NULL);
  g_return_val_if_fail (g_strcmp0 (vd_scorecard_get_tool (scorecard),
                                   vd_record_get_uuid (VD_RECORD (tool))) == 0, NULL);

  return g_object_new (VD_TYPE_SCORECARD_FORM,
                       "scorecard", scorecard,
                       "reviewer", reviewer,
                       "tool", tool,
                       NULL);
}

VdScorecard *
vd_scorecard_form_get_scorecard (VdScorecardForm *self)
{
  g_return_val_if_fail (VD_IS_SCORECARD_FORM (self), NULL);

  return self->scorecard;
}

VdReviewer *
vd_scorecard_form_get_reviewer (VdScorecardForm *self)
{
  g_return_val_if_fail (VD_IS_SCORECARD_FORM (self), NULL);

  return self->reviewer;
}

VdTool *
vd_scorecard_form_get_tool (VdScorecardForm *self)
{
  g_return_val_if_fail (VD_IS_SCORECARD_FORM (self), NULL);

  return self->tool;
}

/**
 * vd_scorecard_form_get_n_sections:
 *
 * Returns: how many text areas the form shows: one per prompt of the
 *   reviewer, or one when the reviewer has none
 */
guint
vd_scorecard_form_get_n_sections (VdScorecardForm *self)
{
  g_return_val_if_fail (VD_IS_SCORECARD_FORM (self), 0);

  return self->sections != NULL ? self->sections->len : 0;
}

/**
 * vd_scorecard_form_get_buffer:
 *
 * Returns: (transfer none): the text of section @section
 */
GtkTextBuffer *
vd_scorecard_form_get_buffer (VdScorecardForm *self,
                              guint            section)
{
  g_return_val_if_fail (VD_IS_SCORECARD_FORM (self), NULL);
  g_return_val_if_fail (section < vd_scorecard_form_get_n_sections (self), NULL);

  return ((Section *) g_ptr_array_index (self->sections, section))->buffer;
}

/**
 * vd_scorecard_form_get_count_label:
 *
 * Returns: (transfer none): the label counting the characters of @section
 */
GtkLabel *
vd_scorecard_form_get_count_label (VdScorecardForm *self,
                                   guint            section)
{
  g_return_val_if_fail (VD_IS_SCORECARD_FORM (self), NULL);
  g_return_val_if_fail (section < vd_scorecard_form_get_n_sections (self), NULL);

  return ((Section *) g_ptr_array_index (self->sections, section))->count_label;
}

/**
 * vd_scorecard_form_focus_field:
 * @field: "verdict" or "sections"
 * @section: for "sections", which one
 *
 * Takes the keyboard focus to a field, as a readiness problem asks.
 *
 * Returns: whether the form has that field
 */
gboolean
vd_scorecard_form_focus_field (VdScorecardForm *self,
                               const char      *field,
                               int              section)
{
  g_return_val_if_fail (VD_IS_SCORECARD_FORM (self), FALSE);
  g_return_val_if_fail (field != NULL, FALSE);

  if (g_str_equal (field, "verdict"))
    return gtk_widget_grab_focus (GTK_WIDGET (self->ship_button));

  if (g_str_equal (field, "sections") && section >= 0 && (guint) section < self->sections->len)
    return gtk_widget_grab_focus (((Section *) g_ptr_array_index (self->sections, section))->view);

  return FALSE;
}

/**
 * vd_scorecard_form_set_verdict:
 *
 * Does what clicking the verdict's button does.
 */
void
vd_scorecard_form_set_verdict (VdScorecardForm *self,
                               VdVerdict        verdict)
{
  g_return_if_fail (VD_IS_SCORECARD_FORM (self));
  g_return_if_fail (verdict == VD_VERDICT_UNDECIDED || verdict == VD_VERDICT_SHIP ||
                    verdict == VD_VERDICT_SKIP);

  gtk_toggle_button_set_active (get_verdict_button (self, verdict), TRUE);
}

/**
 * vd_scorecard_form_get_verdict_button:
 *
 * Returns: (transfer none): the button that sets @verdict
 */
GtkToggleButton *
vd_scorecard_form_get_verdict_button (VdScorecardForm *self,
                                      VdVerdict        verdict)
{
  g_return_val_if_fail (VD_IS_SCORECARD_FORM (self), NULL);

  return get_verdict_button (self, verdict);
}
