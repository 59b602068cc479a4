/* vd-reviewer-picker.h — A button that finds a reviewer to add to a panel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define VD_TYPE_REVIEWER_PICKER (vd_reviewer_picker_get_type ())

G_DECLARE_FINAL_TYPE (VdReviewerPicker, vd_reviewer_picker, VD, REVIEWER_PICKER, GtkWidget)

GtkWidget  *vd_reviewer_picker_new          (void);
void        vd_reviewer_picker_set_model    (VdReviewerPicker   *self,
                                             GListModel         *reviewers);
void        vd_reviewer_picker_set_excluded (VdReviewerPicker   *self,
                                             const char * const *uuids);
GListModel *vd_reviewer_picker_get_choices  (VdReviewerPicker   *self);
void        vd_reviewer_picker_set_search   (VdReviewerPicker   *self,
                                             const char         *text);
void        vd_reviewer_picker_pick         (VdReviewerPicker   *self,
                                             guint               position);

G_END_DECLS
