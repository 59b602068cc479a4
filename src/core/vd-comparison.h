/* vd-comparison.h — one published page: two tools and the panel that reviews them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vd-enums.h"
#include "vd-record.h"

G_BEGIN_DECLS

#define VD_TYPE_COMPARISON (vd_comparison_get_type ())

G_DECLARE_FINAL_TYPE (VdComparison, vd_comparison, VD, COMPARISON, VdRecord)

VdComparison       *vd_comparison_new              (const char         *slug,
                                                    const char         *tool_a,
                                                    const char         *tool_b);
const char         *vd_comparison_get_slug         (VdComparison       *self);
void                vd_comparison_set_slug         (VdComparison       *self,
                                                    const char         *slug);
const char         *vd_comparison_get_title        (VdComparison       *self);
void                vd_comparison_set_title        (VdComparison       *self,
                                                    const char         *title);
const char         *vd_comparison_get_dek          (VdComparison       *self);
void                vd_comparison_set_dek          (VdComparison       *self,
                                                    const char         *dek);
const char         *vd_comparison_get_tool_a       (VdComparison       *self);
void                vd_comparison_set_tool_a       (VdComparison       *self,
                                                    const char         *tool_a);
const char         *vd_comparison_get_tool_b       (VdComparison       *self);
void                vd_comparison_set_tool_b       (VdComparison       *self,
                                                    const char         *tool_b);
const char         *vd_comparison_get_pricing_read (VdComparison       *self);
void                vd_comparison_set_pricing_read (VdComparison       *self,
                                                    const char         *pricing_read);
const char         *vd_comparison_get_publish_date (VdComparison       *self);
void                vd_comparison_set_publish_date (VdComparison       *self,
                                                    const char         *publish_date);
VdStatus            vd_comparison_get_status       (VdComparison       *self);
void                vd_comparison_set_status       (VdComparison       *self,
                                                    VdStatus            status);
const char * const *vd_comparison_get_panel        (VdComparison       *self);
void                vd_comparison_set_panel        (VdComparison       *self,
                                                    const char * const *panel);

gboolean            vd_slug_is_valid               (const char         *slug);
gboolean            vd_date_is_valid               (const char         *date);

G_END_DECLS
