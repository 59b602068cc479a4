/* vd-paragraph.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Holds one wrapping GtkLabel and answers for its width without asking it.
 *
 * Asked for its width, a wrapping GtkLabel lays its whole text out twice,
 * once on one line (its natural width) and once a word a line (its minimum),
 * before it is asked for its height at the width it gets. For a reviewer's
 * quote of a few thousand characters in mixed scripts, that is most of what
 * a keystroke costs the preview. A paragraph in a column takes the width
 * the column gives it anyway, so here the width asked for is none, and the
 * label is only asked for its height at a width: one layout, which the
 * label then keeps for drawing.
 */
#include "config.h"

#include "vd-paragraph.h"

struct _VdParagraph
{
  GtkWidget  parent_instance;

  GtkLabel  *label;
};

G_DEFINE_FINAL_TYPE (VdParagraph, vd_paragraph, GTK_TYPE_WIDGET)

static GtkSizeRequestMode
vd_paragraph_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
vd_paragraph_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  VdParagraph *self = VD_PARAGRAPH (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* Any width: the text wraps to what it is given. */
      *minimum = 0;
      *natural = 0;
      return;
    }

  /* Asked for a height without a width: the one it has now. */
  if (for_size < 0 && gtk_widget_get_width (widget) > 0)
    for_size = gtk_widget_get_width (widget);

  gtk_widget_measure (GTK_WIDGET (self->label), orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

static void
vd_paragraph_size_allocate (GtkWidget *widget,
                            int        width,
                            int        height,
                            int        baseline)
{
  VdParagraph *self = VD_PARAGRAPH (widget);

  gtk_widget_allocate (GTK_WIDGET (self->label), width, height, baseline, NULL);
}

static void
vd_paragraph_dispose (GObject *object)
{
  VdParagraph *self = VD_PARAGRAPH (object);

  if (self->label != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->label));
  self->label = NULL;

  G_OBJECT_CLASS (vd_paragraph_parent_class)->dispose (object);
}

static void
vd_paragraph_class_init (VdParagraphClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vd_paragraph_dispose;
  widget_class->get_request_mode = vd_paragraph_get_request_mode;
  widget_class->measure = vd_paragraph_measure;
  widget_class->size_allocate = vd_paragraph_size_allocate;
}

static void
vd_paragraph_init (VdParagraph *self)
{
}

/**
 * vd_paragraph_new:
 * @label: (transfer none): a wrapping label without a parent
 */
GtkWidget *
vd_paragraph_new (GtkLabel *label)
{
  VdParagraph *self;

  g_return_val_if_fail (GTK_IS_LABEL (label), NULL);
  g_return_val_if_fail (gtk_widget_get_parent (GTK_WIDGET (label)) == NULL, NULL);

  self = g_object_new (VD_TYPE_PARAGRAPH, NULL);
  self->label = label;
  gtk_widget_set_parent (GTK_WIDGET (label), GTK_WIDGET (self));

  return GTK_WIDGET (self);
}

/**
 * vd_paragraph_get_label:
 *
 * Returns: (transfer none): the label
 */
GtkLabel *
vd_paragraph_get_label (VdParagraph *self)
{
  g_return_val_if_fail (VD_IS_PARAGRAPH (self), NULL);

  return self->label;
}
