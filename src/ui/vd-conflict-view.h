/* vd-conflict-view.h — one field two writers changed differently, to resolve
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "vd-merge.h"

G_BEGIN_DECLS

#define VD_TYPE_CONFLICT_VIEW (vd_conflict_view_get_type ())

G_DECLARE_FINAL_TYPE (VdConflictView, vd_conflict_view, VD, CONFLICT_VIEW, GtkWidget)

GtkWidget        *vd_conflict_view_new          (const VdConflict *conflict,
                                                 const char       *title,
                                                 gboolean          editable);
const VdConflict *vd_conflict_view_get_conflict (VdConflictView   *self);
GtkTextBuffer    *vd_conflict_view_get_buffer   (VdConflictView   *self);
void              vd_conflict_view_keep_mine    (VdConflictView   *self);
void              vd_conflict_view_keep_theirs  (VdConflictView   *self);
void              vd_conflict_view_set_side_by_side (VdConflictView *self,
                                                     gboolean        side_by_side);

G_END_DECLS
