/* vd-preview.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SKELETON: to be written.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "vd-preview.h"

struct _VdPreview
{
  GtkWidget parent_instance;
};

G_DEFINE_FINAL_TYPE (VdPreview, vd_preview, GTK_TYPE_WIDGET)

static void
vd_preview_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), VD_TYPE_PREVIEW);

  G_OBJECT_CLASS (vd_preview_parent_class)->dispose (object);
}

static void
vd_preview_class_init (VdPreviewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  G_OBJECT_CLASS (klass)->dispose = vd_preview_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/verdictdesk/VerdictDesk/ui/vd-preview.ui");
}

static void
vd_preview_init (VdPreview *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
vd_preview_new (void)
{
  return g_object_new (VD_TYPE_PREVIEW, NULL);
}
