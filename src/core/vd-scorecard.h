/* vd-scorecard.h — one reviewer's verdict on one tool in one comparison
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vd-enums.h"
#include "vd-record.h"

G_BEGIN_DECLS

#define VD_TYPE_SCORECARD (vd_scorecard_get_type ())

G_DECLARE_FINAL_TYPE (VdScorecard, vd_scorecard, VD, SCORECARD, VdRecord)

VdScorecard        *vd_scorecard_new            (const char         *comparison,
                                                 const char         *tool,
                                                 const char         *reviewer);
const char         *vd_scorecard_get_comparison (VdScorecard        *self);
const char         *vd_scorecard_get_tool       (VdScorecard        *self);
const char         *vd_scorecard_get_reviewer   (VdScorecard        *self);
VdVerdict           vd_scorecard_get_verdict    (VdScorecard        *self);
void                vd_scorecard_set_verdict    (VdScorecard        *self,
                                                 VdVerdict           verdict);
const char * const *vd_scorecard_get_sections   (VdScorecard        *self);
void                vd_scorecard_set_sections   (VdScorecard        *self,
                                                 const char * const *sections);
const char         *vd_scorecard_get_section    (VdScorecard        *self,
                                                 guint               index);
void                vd_scorecard_set_section    (VdScorecard        *self,
                                                 guint               index,
                                                 const char         *text);
char               *vd_scorecard_dup_quote      (VdScorecard        *self);

G_END_DECLS
