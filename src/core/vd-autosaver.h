/* vd-autosaver.h — every edit reaches the database shortly after it is made
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vd-store.h"

G_BEGIN_DECLS

#define VD_TYPE_AUTOSAVER (vd_autosaver_get_type ())

G_DECLARE_FINAL_TYPE (VdAutosaver, vd_autosaver, VD, AUTOSAVER, GObject)

/* Well inside the half second an edit may take to become durable, and long
 * enough that a burst of keystrokes is one write. */
#define VD_AUTOSAVER_DEFAULT_DELAY_MS 250

VdAutosaver *vd_autosaver_new         (VdStore     *store,
                                       guint        delay_ms);
VdStore     *vd_autosaver_get_store   (VdAutosaver *self);
void         vd_autosaver_watch       (VdAutosaver *self,
                                       VdRecord    *record);
void         vd_autosaver_unwatch     (VdAutosaver *self,
                                       VdRecord    *record);
void         vd_autosaver_unwatch_all (VdAutosaver *self);
void         vd_autosaver_mark_dirty  (VdAutosaver *self,
                                       VdRecord    *record);
gboolean     vd_autosaver_is_pending  (VdAutosaver *self);
gboolean     vd_autosaver_flush       (VdAutosaver *self,
                                       GError     **error);

G_END_DECLS
