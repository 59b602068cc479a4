/* vd-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define VD_TYPE_APPLICATION (vd_application_get_type ())

G_DECLARE_FINAL_TYPE (VdApplication, vd_application, VD, APPLICATION, AdwApplication)

VdApplication *vd_application_new               (void);
GSettings     *vd_application_new_settings      (void);
void           vd_application_open_database     (VdApplication *self,
                                                 const char    *path);
void           vd_application_set_quit_after_first_frame (VdApplication *self,
                                                          gboolean       quit);
int            vd_application_get_exit_status   (VdApplication *self);
void           vd_application_set_autosave_delay (VdApplication *self,
                                                  guint          delay_ms);
guint          vd_application_get_autosave_delay (VdApplication *self);

G_END_DECLS
