/* vd-sync-button.h — the header bar's sync control: the state, and Sync Now
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "vd-syncer.h"

G_BEGIN_DECLS

#define VD_TYPE_SYNC_BUTTON (vd_sync_button_get_type ())

G_DECLARE_FINAL_TYPE (VdSyncButton, vd_sync_button, VD, SYNC_BUTTON, GtkWidget)

void        vd_sync_button_set_compact (VdSyncButton *self,
                                        gboolean      compact);
void        vd_sync_button_set_syncer (VdSyncButton *self,
                                       VdSyncer     *syncer);
const char *vd_sync_button_get_label  (VdSyncButton *self);

G_END_DECLS
