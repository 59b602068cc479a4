/* vd-preferences-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "vd-syncer.h"

G_BEGIN_DECLS

#define VD_TYPE_PREFERENCES_WINDOW (vd_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (VdPreferencesWindow, vd_preferences_window, VD, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

GtkWidget *vd_preferences_window_new      (GSettings           *settings);
void       vd_preferences_window_set_desk (VdPreferencesWindow *self,
                                           VdStore             *store,
                                           VdSyncer            *syncer);

G_END_DECLS
