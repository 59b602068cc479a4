/* vd-summary.h — one row of a sidebar list: enough to show and find a record
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define VD_TYPE_SUMMARY (vd_summary_get_type ())

G_DECLARE_FINAL_TYPE (VdSummary, vd_summary, VD, SUMMARY, GObject)

VdSummary          *vd_summary_new             (const char         *uuid);
const char         *vd_summary_get_uuid        (VdSummary          *self);
const char         *vd_summary_get_title       (VdSummary          *self);
const char         *vd_summary_get_subtitle    (VdSummary          *self);
const char         *vd_summary_get_search_text (VdSummary          *self);
int                 vd_summary_get_kind        (VdSummary          *self);
const char * const *vd_summary_get_panel       (VdSummary          *self);
gboolean            vd_summary_get_flagged     (VdSummary          *self);
void                vd_summary_set_flagged     (VdSummary          *self,
                                                gboolean            flagged);
void                vd_summary_update          (VdSummary          *self,
                                                const char         *title,
                                                const char         *subtitle,
                                                int                 kind,
                                                const char * const *panel);

G_END_DECLS
