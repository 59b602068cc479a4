/* vd-page.h — a comparison with everything its page shows, kept in step
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vd-comparison.h"
#include "vd-session.h"
#include "vd-tool.h"

G_BEGIN_DECLS

#define VD_TYPE_PAGE (vd_page_get_type ())

G_DECLARE_FINAL_TYPE (VdPage, vd_page, VD, PAGE, GObject)

VdPage       *vd_page_new             (VdSession    *session,
                                       VdComparison *comparison,
                                       GError      **error);
VdSession    *vd_page_get_session     (VdPage       *self);
VdComparison *vd_page_get_comparison  (VdPage       *self);
VdTool       *vd_page_get_tool        (VdPage       *self,
                                       guint         index);
GListModel   *vd_page_get_reviewers   (VdPage       *self);
GListModel   *vd_page_get_scorecards  (VdPage       *self);
VdScorecard  *vd_page_get_scorecard   (VdPage       *self,
                                       const char   *reviewer,
                                       guint         tool_index);
GPtrArray    *vd_page_check_readiness (VdPage       *self);
GPtrArray    *vd_page_get_problems    (VdPage       *self);
gboolean      vd_page_is_flagged      (VdPage       *self);

G_END_DECLS
