/* vd-preview.h — The live side-by-side preview of a comparison page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "vd-comparison.h"
#include "vd-tool.h"

G_BEGIN_DECLS

#define VD_TYPE_PREVIEW (vd_preview_get_type ())

G_DECLARE_FINAL_TYPE (VdPreview, vd_preview, VD, PREVIEW, GtkWidget)

GtkWidget *vd_preview_new              (void);
void       vd_preview_set_page         (VdPreview    *self,
                                        VdComparison *comparison,
                                        VdTool       *tool_a,
                                        VdTool       *tool_b,
                                        GListModel   *reviewers,
                                        GListModel   *scorecards);
GBytes    *vd_preview_render_png       (VdPreview    *self,
                                        GError      **error);
gboolean   vd_preview_save_png         (VdPreview    *self,
                                        const char   *path,
                                        GError      **error);

/* The labels that show a figure or a quote, so tests can watch them. */
GtkLabel  *vd_preview_get_title_label  (VdPreview    *self);
gboolean   vd_preview_get_one_column   (VdPreview    *self);
GtkLabel  *vd_preview_get_pricing_read_label (VdPreview *self);
GtkLabel  *vd_preview_get_ship_label   (VdPreview    *self,
                                        guint         tool_index);
GtkLabel  *vd_preview_get_verdict_label (VdPreview   *self,
                                        const char   *reviewer_uuid,
                                        guint         tool_index);
GtkLabel  *vd_preview_get_quote_label  (VdPreview    *self,
                                        const char   *reviewer_uuid,
                                        guint         tool_index);

G_END_DECLS
