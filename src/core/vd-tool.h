/* vd-tool.h — an AI tool as the publication describes it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vd-enums.h"
#include "vd-record.h"

G_BEGIN_DECLS

#define VD_TYPE_TOOL (vd_tool_get_type ())

G_DECLARE_FINAL_TYPE (VdTool, vd_tool, VD, TOOL, VdRecord)

#define VD_VOTES_UNSET (-1)

VdTool     *vd_tool_new                (const char *name);

const char *vd_tool_get_name           (VdTool     *self);
void        vd_tool_set_name           (VdTool     *self,
                                        const char *name);
const char *vd_tool_get_vendor         (VdTool     *self);
void        vd_tool_set_vendor         (VdTool     *self,
                                        const char *vendor);
const char *vd_tool_get_category       (VdTool     *self);
void        vd_tool_set_category       (VdTool     *self,
                                        const char *category);
const char *vd_tool_get_tagline        (VdTool     *self);
void        vd_tool_set_tagline        (VdTool     *self,
                                        const char *tagline);
const char *vd_tool_get_description    (VdTool     *self);
void        vd_tool_set_description    (VdTool     *self,
                                        const char *description);
VdPricing   vd_tool_get_pricing        (VdTool     *self);
void        vd_tool_set_pricing        (VdTool     *self,
                                        VdPricing   pricing);
const char *vd_tool_get_pricing_detail (VdTool     *self);
void        vd_tool_set_pricing_detail (VdTool     *self,
                                        const char *pricing_detail);
const char *vd_tool_get_website        (VdTool     *self);
void        vd_tool_set_website        (VdTool     *self,
                                        const char *website);
const char *vd_tool_get_license        (VdTool     *self);
void        vd_tool_set_license        (VdTool     *self,
                                        const char *license);
int         vd_tool_get_votes_up       (VdTool     *self);
int         vd_tool_get_votes_down     (VdTool     *self);
void        vd_tool_set_votes          (VdTool     *self,
                                        int         up,
                                        int         down);
gboolean    vd_tool_has_votes          (VdTool     *self);
int         vd_tool_get_community_percent (VdTool  *self);
char       *vd_tool_dup_community_label (VdTool    *self);
gboolean    vd_tool_website_is_valid   (const char *website);

G_END_DECLS
