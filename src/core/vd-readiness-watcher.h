/* vd-readiness-watcher.h — which Ready or Published pages stopped passing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vd-store.h"

G_BEGIN_DECLS

#define VD_TYPE_READINESS_WATCHER (vd_readiness_watcher_get_type ())

G_DECLARE_FINAL_TYPE (VdReadinessWatcher, vd_readiness_watcher, VD, READINESS_WATCHER, GObject)

VdReadinessWatcher *vd_readiness_watcher_new         (VdStore            *store);
gboolean            vd_readiness_watcher_is_flagged  (VdReadinessWatcher *self,
                                                      const char         *comparison);
guint               vd_readiness_watcher_get_n_flagged (VdReadinessWatcher *self);
gboolean            vd_readiness_watcher_is_pending  (VdReadinessWatcher *self);
void                vd_readiness_watcher_flush       (VdReadinessWatcher *self);
guint64             vd_readiness_watcher_get_n_checks (VdReadinessWatcher *self);

G_END_DECLS
