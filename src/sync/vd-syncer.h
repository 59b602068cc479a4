/* vd-syncer.h — a desk's syncs, run off the main loop, and their state
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vd-store.h"

G_BEGIN_DECLS

typedef enum
{
  VD_SYNCER_UNLINKED,   /* no repository: nothing to do */
  VD_SYNCER_IDLE,       /* linked, not synced since it was made */
  VD_SYNCER_SYNCING,
  VD_SYNCER_SYNCED,
  VD_SYNCER_OFFLINE,    /* the repository could not be reached; tried again later */
  VD_SYNCER_FAILED,     /* reached, but the sync failed; the message says why */
} VdSyncerState;

#define VD_TYPE_SYNCER (vd_syncer_get_type ())

G_DECLARE_FINAL_TYPE (VdSyncer, vd_syncer, VD, SYNCER, GObject)

VdSyncer      *vd_syncer_new             (VdStore      *store);
VdSyncerState  vd_syncer_get_state       (VdSyncer     *self);
const char    *vd_syncer_get_message     (VdSyncer     *self);
const char    *vd_syncer_get_detail      (VdSyncer     *self);
const char    *vd_syncer_get_phase       (VdSyncer     *self);
double         vd_syncer_get_progress    (VdSyncer     *self);
guint          vd_syncer_get_n_conflicts (VdSyncer     *self);
gint64         vd_syncer_get_synced_at   (VdSyncer     *self);
void           vd_syncer_sync            (VdSyncer     *self);
void           vd_syncer_update          (VdSyncer     *self);
void           vd_syncer_set_interval    (VdSyncer     *self,
                                          guint         seconds);
void           vd_syncer_sync_and_release (VdSyncer    *self,
                                          GApplication *application);
char          *vd_sync_describe_error    (const GError *error,
                                          gboolean     *offline);

G_END_DECLS
