/* vd-history-view.h — a record's versions in the shared repository
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "vd-sync.h"

G_BEGIN_DECLS

#define VD_TYPE_HISTORY_VIEW (vd_history_view_get_type ())

G_DECLARE_FINAL_TYPE (VdHistoryView, vd_history_view, VD, HISTORY_VIEW, GtkWidget)

GtkWidget  *vd_history_view_new          (void);
void        vd_history_view_set_versions (VdHistoryView *self,
                                          GPtrArray     *versions);
const char *vd_history_view_get_summary  (VdHistoryView *self);
void        vd_history_view_restore      (VdHistoryView *self,
                                          guint          index);
void        vd_history_view_reload       (VdHistoryView *self,
                                          VdStore       *store,
                                          const char    *uuid);
char       *vd_history_dup_summary       (GPtrArray     *versions);
void        vd_history_restore_into      (VdRecord      *target,
                                          VdRecord      *version);

G_END_DECLS
