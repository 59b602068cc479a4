/* vd-scorecard-form.h — One reviewer’s scorecard on one tool: verdict and prose
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define VD_TYPE_SCORECARD_FORM (vd_scorecard_form_get_type ())

G_DECLARE_FINAL_TYPE (VdScorecardForm, vd_scorecard_form, VD, SCORECARD_FORM, GtkWidget)

GtkWidget *vd_scorecard_form_new (void);

G_END_DECLS
