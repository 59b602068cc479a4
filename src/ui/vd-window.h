/* vd-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "vd-application.h"
#include "vd-store.h"
#include "vd-sync-button.h"

G_BEGIN_DECLS

#define VD_TYPE_WINDOW (vd_window_get_type ())

G_DECLARE_FINAL_TYPE (VdWindow, vd_window, VD, WINDOW, AdwApplicationWindow)

VdWindow   *vd_window_new         (VdApplication *application,
                                   VdStore       *store,
                                   const GError  *open_error);
VdStore    *vd_window_get_store   (VdWindow      *self);
gboolean    vd_window_open_record (VdWindow      *self,
                                   GType          kind,
                                   const char    *uuid);
VdRecord   *vd_window_get_current (VdWindow      *self);
void        vd_window_import_file (VdWindow      *self,
                                   GFile         *file);
void        vd_window_open_chosen_file (VdWindow *self,
                                        GFile    *file);
GtkWidget  *vd_window_get_content (VdWindow      *self);
GtkWidget  *vd_window_get_sidebar (VdWindow      *self);
const char *vd_window_get_save_message (VdWindow  *self);
gboolean    vd_window_flush       (VdWindow      *self,
                                   GError       **error);
guint       vd_window_get_n_unsaved (VdWindow    *self);
char       *vd_window_write_recovery (VdWindow     *self,
                                      const GError *why,
                                      GError      **error);
GtkWidget  *vd_window_get_unsaved_dialog (VdWindow *self);
void        vd_window_export_async  (VdWindow           *self,
                                     GFile              *file,
                                     const char         *slug,
                                     GCancellable       *cancellable,
                                     GAsyncReadyCallback callback,
                                     gpointer            user_data);
guint       vd_window_export_finish (VdWindow           *self,
                                     GAsyncResult       *result,
                                     GError            **error);
void        vd_window_save_preview_image_async  (VdWindow            *self,
                                                 GFile               *file,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
gboolean    vd_window_save_preview_image_finish (VdWindow            *self,
                                                 GAsyncResult        *result,
                                                 GError             **error);
GtkWidget  *vd_window_get_conflicts_list (VdWindow          *self);
VdSyncer   *vd_window_get_syncer      (VdWindow            *self);
VdSyncButton *vd_window_get_sync_button (VdWindow          *self);

G_END_DECLS
