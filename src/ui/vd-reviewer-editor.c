/* vd-reviewer-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SKELETON: to be written.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "vd-reviewer-editor.h"

struct _VdReviewerEditor
{
  AdwBin parent_instance;
};

G_DEFINE_FINAL_TYPE (VdReviewerEditor, vd_reviewer_editor, ADW_TYPE_BIN)

static void
vd_reviewer_editor_class_init (VdReviewerEditorClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/verdictdesk/VerdictDesk/ui/vd-reviewer-editor.ui");
}

static void
vd_reviewer_editor_init (VdReviewerEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
vd_reviewer_editor_new (void)
{
  return g_object_new (VD_TYPE_REVIEWER_EDITOR, NULL);
}
