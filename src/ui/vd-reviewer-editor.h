/* vd-reviewer-editor.h — The form that edits a reviewer and their prompts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define VD_TYPE_REVIEWER_EDITOR (vd_reviewer_editor_get_type ())

G_DECLARE_FINAL_TYPE (VdReviewerEditor, vd_reviewer_editor, VD, REVIEWER_EDITOR, AdwBin)

GtkWidget *vd_reviewer_editor_new (void);

G_END_DECLS
