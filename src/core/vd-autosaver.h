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
/* Continuous typing restarts the delay with every key; it is written at
 * least this often all the same, so that a crash loses less than a second
 * of typing: the ceiling plus the time the write itself takes. */
#define VD_AUTOSAVER_CEILING_MS 750
/* A write that failed (full disk, a refused record) is tried again this
 * often, and after every edit, until it succeeds. */
#define VD_AUTOSAVER_RETRY_MS 3000

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
gboolean     vd_autosaver_is_dirty    (VdAutosaver *self,
                                       VdRecord    *record);
const GError *vd_autosaver_get_error  (VdAutosaver *self);
gboolean     vd_autosaver_flush       (VdAutosaver *self,
                                       GError     **error);
gboolean     vd_autosaver_flush_into  (VdAutosaver *self,
                                       VdStore     *store,
                                       GError     **error);
gboolean     vd_autosaver_refresh     (VdAutosaver *self,
                                       VdRecord    *record,
                                       GError     **error);
void         vd_autosaver_discard     (VdAutosaver *self);

G_END_DECLS
