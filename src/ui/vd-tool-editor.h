/* vd-tool-editor.h — The form that edits a tool
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "vd-history-view.h"

#include "vd-tool.h"

G_BEGIN_DECLS

#define VD_TYPE_TOOL_EDITOR (vd_tool_editor_get_type ())

G_DECLARE_FINAL_TYPE (VdToolEditor, vd_tool_editor, VD, TOOL_EDITOR, AdwBin)

GtkWidget     *vd_tool_editor_new                     (void);
VdTool        *vd_tool_editor_get_tool                (VdToolEditor *self);
void           vd_tool_editor_set_tool                (VdToolEditor *self,
                                                       VdTool       *tool);
gboolean       vd_tool_editor_is_valid                (VdToolEditor *self);

/* The widgets, for tests to drive. */
AdwEntryRow   *vd_tool_editor_get_name_row            (VdToolEditor *self);
VdHistoryView *vd_tool_editor_get_history_view        (VdToolEditor *self);
AdwEntryRow   *vd_tool_editor_get_website_row         (VdToolEditor *self);
AdwComboRow   *vd_tool_editor_get_pricing_row         (VdToolEditor *self);
GtkTextBuffer *vd_tool_editor_get_description_buffer  (VdToolEditor *self);
GtkSwitch     *vd_tool_editor_get_votes_switch        (VdToolEditor *self);
GtkSpinButton *vd_tool_editor_get_votes_up_button     (VdToolEditor *self);
GtkSpinButton *vd_tool_editor_get_votes_down_button   (VdToolEditor *self);

G_END_DECLS
