/* vd-preview.h — The live side-by-side preview of a comparison page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define VD_TYPE_PREVIEW (vd_preview_get_type ())

G_DECLARE_FINAL_TYPE (VdPreview, vd_preview, VD, PREVIEW, GtkWidget)

GtkWidget *vd_preview_new (void);

G_END_DECLS
