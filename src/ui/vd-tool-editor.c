/* vd-tool-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SKELETON: to be written.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "vd-tool-editor.h"

struct _VdToolEditor
{
  AdwBin parent_instance;
};

G_DEFINE_FINAL_TYPE (VdToolEditor, vd_tool_editor, ADW_TYPE_BIN)

static void
vd_tool_editor_class_init (VdToolEditorClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/verdictdesk/VerdictDesk/ui/vd-tool-editor.ui");
}

static void
vd_tool_editor_init (VdToolEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
vd_tool_editor_new (void)
{
  return g_object_new (VD_TYPE_TOOL_EDITOR, NULL);
}
