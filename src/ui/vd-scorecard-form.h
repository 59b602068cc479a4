/* vd-scorecard-form.h — One reviewer’s scorecard on one tool: verdict and prose
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "vd-merge.h"
#include "vd-reviewer.h"
#include "vd-scorecard.h"
#include "vd-tool.h"

G_BEGIN_DECLS

#define VD_TYPE_SCORECARD_FORM (vd_scorecard_form_get_type ())

G_DECLARE_FINAL_TYPE (VdScorecardForm, vd_scorecard_form, VD, SCORECARD_FORM, GtkWidget)

GtkWidget     *vd_scorecard_form_new             (VdScorecard     *scorecard,
                                                  VdReviewer      *reviewer,
                                                  VdTool          *tool);
VdScorecard   *vd_scorecard_form_get_scorecard   (VdScorecardForm *self);
VdReviewer    *vd_scorecard_form_get_reviewer    (VdScorecardForm *self);
VdTool        *vd_scorecard_form_get_tool        (VdScorecardForm *self);
guint          vd_scorecard_form_get_n_sections  (VdScorecardForm *self);
GtkTextBuffer *vd_scorecard_form_get_buffer      (VdScorecardForm *self,
                                                  guint            section);
GtkToggleButton *vd_scorecard_form_get_verdict_button (VdScorecardForm *self,
                                                       VdVerdict        verdict);
GtkLabel      *vd_scorecard_form_get_count_label (VdScorecardForm *self,
                                                  guint            section);
gboolean       vd_scorecard_form_focus_field     (VdScorecardForm *self,
                                                  const char      *field,
                                                  int              section);
void           vd_scorecard_form_set_verdict     (VdScorecardForm *self,
                                                  VdVerdict        verdict);
void           vd_scorecard_form_set_conflicts   (VdScorecardForm *self,
                                                  GPtrArray       *conflicts);
guint          vd_scorecard_form_get_n_conflicts (VdScorecardForm *self);
GtkWidget     *vd_scorecard_form_get_history_view (VdScorecardForm *self);

G_END_DECLS
