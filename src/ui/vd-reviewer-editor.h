/* vd-reviewer-editor.h — The form that edits a reviewer and their prompts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "vd-reviewer.h"
#include "vd-session.h"

G_BEGIN_DECLS

#define VD_TYPE_REVIEWER_EDITOR (vd_reviewer_editor_get_type ())

G_DECLARE_FINAL_TYPE (VdReviewerEditor, vd_reviewer_editor, VD, REVIEWER_EDITOR, AdwBin)

GtkWidget   *vd_reviewer_editor_new              (void);
VdReviewer  *vd_reviewer_editor_get_reviewer     (VdReviewerEditor *self);
void         vd_reviewer_editor_set_reviewer     (VdReviewerEditor *self,
                                                  VdReviewer       *reviewer);
void         vd_reviewer_editor_set_session      (VdReviewerEditor *self,
                                                  VdSession        *session);
gboolean     vd_reviewer_editor_is_valid         (VdReviewerEditor *self);
void         vd_reviewer_editor_add_prompt       (VdReviewerEditor *self);

/* The widgets, for tests to drive. */
AdwEntryRow *vd_reviewer_editor_get_name_row     (VdReviewerEditor *self);
AdwComboRow *vd_reviewer_editor_get_persona_row  (VdReviewerEditor *self);
guint        vd_reviewer_editor_get_n_prompt_rows (VdReviewerEditor *self);
GtkWidget   *vd_reviewer_editor_get_prompt_widget (VdReviewerEditor *self,
                                                  guint             index);
AdwEntryRow *vd_reviewer_editor_get_prompt_row   (VdReviewerEditor *self,
                                                  guint             index);
GtkButton   *vd_reviewer_editor_get_remove_button (VdReviewerEditor *self,
                                                  guint             index);

G_END_DECLS
