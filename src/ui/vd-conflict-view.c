/* vd-conflict-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shown in place, under the field it is about: theirs (what the field now
 * holds), mine in an editable text (so the two can be merged by hand), and
 * the base. Nothing is dropped until a person presses Keep Theirs or Keep
 * Mine; the view then emits ::resolve and its owner resolves the conflict
 * through the session.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "vd-conflict-view.h"

struct _VdConflictView
{
  GtkWidget      parent_instance;

  VdConflict    *conflict;
  gboolean       editable;
  gboolean       edited;

  GtkWidget     *box;
  GtkLabel      *title_label;
  GtkLabel      *theirs_label;
  GtkLabel      *mine_label;
  GtkLabel      *base_label;
  GtkWidget     *mine_frame;
  GtkTextView   *mine_view;
  GtkButton     *mine_button;
  GtkButton     *theirs_button;
  GtkWidget     *edit_button;
  GtkBox        *columns;
  GtkExpander   *base_expander;
};

G_DEFINE_FINAL_TYPE (VdConflictView, vd_conflict_view, GTK_TYPE_WIDGET)

enum {
  RESOLVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
on_mine_changed (VdConflictView *self)
{
  if (self->edited)
    return;

  /* Once edited, the button keeps the merge, not the original. */
  self->edited = TRUE;
  gtk_button_set_label (self->mine_button, _("Keep _Merged Text"));
}

/**
 * vd_conflict_view_keep_mine:
 *
 * Keeps this desk's value, or the text as edited in the view.
 */
void
vd_conflict_view_keep_mine (VdConflictView *self)
{
  g_autoptr(GVariant) value = NULL;

  g_return_if_fail (VD_IS_CONFLICT_VIEW (self));

  if (self->editable)
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->mine_view);
      GtkTextIter start, end;
      g_autofree char *text = NULL;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      text = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
      value = g_variant_ref_sink (g_variant_new_string (text));
    }
  else if (self->conflict->mine != NULL)
    value = g_variant_ref (self->conflict->mine);

  g_signal_emit (self, signals[RESOLVE], 0, value);
}

static void
on_edit_clicked (VdConflictView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->mine_view);
  GtkTextIter end;

  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_place_cursor (buffer, &end);
  gtk_widget_grab_focus (GTK_WIDGET (self->mine_view));
}

/**
 * vd_conflict_view_set_side_by_side:
 *
 * Theirs, mine and the base in three columns, for a list with room; by
 * default they are one under another (in place, under a field).
 */
void
vd_conflict_view_set_side_by_side (VdConflictView *self,
                                   gboolean        side_by_side)
{
  g_return_if_fail (VD_IS_CONFLICT_VIEW (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->columns),
                                  side_by_side ? GTK_ORIENTATION_HORIZONTAL
                                               : GTK_ORIENTATION_VERTICAL);
  gtk_box_set_homogeneous (self->columns, side_by_side);
  gtk_box_set_spacing (self->columns, side_by_side ? 18 : 6);
  gtk_expander_set_expanded (self->base_expander, side_by_side);
}

void
vd_conflict_view_keep_theirs (VdConflictView *self)
{
  g_return_if_fail (VD_IS_CONFLICT_VIEW (self));

  g_signal_emit (self, signals[RESOLVE], 0, NULL);
}

static void
vd_conflict_view_dispose (GObject *object)
{
  VdConflictView *self = VD_CONFLICT_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), VD_TYPE_CONFLICT_VIEW);
  g_clear_pointer (&self->conflict, vd_conflict_free);

  G_OBJECT_CLASS (vd_conflict_view_parent_class)->dispose (object);
}

/* Yours first: "theirs" is selectable text, and a label that takes the
 * focus from the keyboard opens with all of it selected. */
static gboolean
vd_conflict_view_grab_focus (GtkWidget *widget)
{
  VdConflictView *self = VD_CONFLICT_VIEW (widget);

  if (gtk_widget_get_visible (self->mine_frame) &&
      gtk_widget_grab_focus (GTK_WIDGET (self->mine_view)))
    return TRUE;
  return gtk_widget_grab_focus (GTK_WIDGET (self->mine_button));
}

static void
vd_conflict_view_class_init (VdConflictViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vd_conflict_view_dispose;
  widget_class->grab_focus = vd_conflict_view_grab_focus;

  /**
   * VdConflictView::resolve:
   * @value: (nullable): the value to keep; %NULL keeps theirs
   */
  signals[RESOLVE] =
    g_signal_new ("resolve",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_VARIANT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/verdictdesk/VerdictDesk/ui/vd-conflict-view.ui");
  gtk_widget_class_bind_template_child (widget_class, VdConflictView, box);
  gtk_widget_class_bind_template_child (widget_class, VdConflictView, title_label);
  gtk_widget_class_bind_template_child (widget_class, VdConflictView, theirs_label);
  gtk_widget_class_bind_template_child (widget_class, VdConflictView, mine_label);
  gtk_widget_class_bind_template_child (widget_class, VdConflictView, base_label);
  gtk_widget_class_bind_template_child (widget_class, VdConflictView, mine_frame);
  gtk_widget_class_bind_template_child (widget_class, VdConflictView, mine_view);
  gtk_widget_class_bind_template_child (widget_class, VdConflictView, mine_button);
  gtk_widget_class_bind_template_child (widget_class, VdConflictView, theirs_button);
  gtk_widget_class_bind_template_child (widget_class, VdConflictView, edit_button);
  gtk_widget_class_bind_template_child (widget_class, VdConflictView, columns);
  gtk_widget_class_bind_template_child (widget_class, VdConflictView, base_expander);
  gtk_widget_class_bind_template_callback (widget_class, on_edit_clicked);
  gtk_widget_class_bind_template_callback (widget_class, vd_conflict_view_keep_mine);
  gtk_widget_class_bind_template_callback (widget_class, vd_conflict_view_keep_theirs);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
vd_conflict_view_init (VdConflictView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

static void
set_text_or_none (GtkLabel *label,
                  GVariant *value)
{
  g_autofree char *text = vd_conflict_dup_text (value);

  /* Plain text: the values are what people typed. */
  gtk_label_set_text (label, value == NULL ? _("(not there)") : text[0] == '\0' ? _("(empty)") : text);
}

/**
 * vd_conflict_view_new:
 * @title: what the field is, as the form names it ("The DX bet")
 * @editable: whether mine is text a person may edit into a merge
 */
GtkWidget *
vd_conflict_view_new (const VdConflict *conflict,
                      const char       *title,
                      gboolean          editable)
{
  VdConflictView *self;
  g_autofree char *heading = NULL;
  g_autofree char *mine = NULL;

  g_return_val_if_fail (conflict != NULL, NULL);

  self = g_object_new (VD_TYPE_CONFLICT_VIEW, NULL);
  self->conflict = vd_conflict_copy (conflict);
  self->editable = editable;

  /* Translators: over a conflict; %s is the field, e.g. “The DX bet” */
  heading = g_strdup_printf (_("%s: Changed in Two Places"), title);
  gtk_label_set_text (self->title_label, heading);
  set_text_or_none (self->theirs_label, conflict->theirs);
  set_text_or_none (self->base_label, conflict->base);

  mine = vd_conflict_dup_text (conflict->mine);
  if (editable)
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->mine_view);

      gtk_text_buffer_begin_irreversible_action (buffer);
      gtk_text_buffer_set_text (buffer, mine, -1);
      gtk_text_buffer_end_irreversible_action (buffer);
      g_signal_connect_swapped (buffer, "changed", G_CALLBACK (on_mine_changed), self);
    }
  else
    {
      gtk_widget_set_visible (self->mine_frame, FALSE);
      gtk_widget_set_visible (self->edit_button, FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->mine_label), TRUE);
      set_text_or_none (self->mine_label, conflict->mine);
    }

  /* Which field the buttons are for, where several conflicts show. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->mine_button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, heading, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->theirs_button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, heading, -1);

  return GTK_WIDGET (self);
}

const VdConflict *
vd_conflict_view_get_conflict (VdConflictView *self)
{
  g_return_val_if_fail (VD_IS_CONFLICT_VIEW (self), NULL);
  return self->conflict;
}

GtkTextBuffer *
vd_conflict_view_get_buffer (VdConflictView *self)
{
  g_return_val_if_fail (VD_IS_CONFLICT_VIEW (self), NULL);
  return gtk_text_view_get_buffer (self->mine_view);
}
