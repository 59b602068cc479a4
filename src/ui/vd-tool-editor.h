/* vd-tool-editor.h — The form that edits a tool
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define VD_TYPE_TOOL_EDITOR (vd_tool_editor_get_type ())

G_DECLARE_FINAL_TYPE (VdToolEditor, vd_tool_editor, VD, TOOL_EDITOR, AdwBin)

GtkWidget *vd_tool_editor_new (void);

G_END_DECLS
