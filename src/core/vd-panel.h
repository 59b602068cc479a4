/* vd-panel.h — the figures a page computes from its panel's verdicts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "vd-comparison.h"
#include "vd-scorecard.h"

G_BEGIN_DECLS

#define VD_TYPE_PANEL (vd_panel_get_type ())

G_DECLARE_FINAL_TYPE (VdPanel, vd_panel, VD, PANEL, GObject)

VdPanel      *vd_panel_new                 (VdComparison *comparison,
                                            const char   *tool,
                                            GListModel   *scorecards);
VdComparison *vd_panel_get_comparison      (VdPanel      *self);
const char   *vd_panel_get_tool            (VdPanel      *self);
guint         vd_panel_get_ship_votes      (VdPanel      *self);
guint         vd_panel_get_skip_votes      (VdPanel      *self);
guint         vd_panel_get_undecided       (VdPanel      *self);
guint         vd_panel_get_no_verdict      (VdPanel      *self);
guint         vd_panel_get_decided         (VdPanel      *self);
guint         vd_panel_get_panel_size      (VdPanel      *self);
const char   *vd_panel_get_decided_label   (VdPanel      *self);
int           vd_panel_get_ship_percent    (VdPanel      *self);
const char   *vd_panel_get_ship_label      (VdPanel      *self);
VdVerdict     vd_panel_get_verdict         (VdPanel      *self,
                                            const char   *reviewer);
VdScorecard  *vd_panel_get_scorecard       (VdPanel      *self,
                                            const char   *reviewer);

int           vd_panel_round_percent       (guint         part,
                                            guint         whole);
char         *vd_panel_format_percent      (int           percent);
char         *vd_panel_format_decided      (guint         decided,
                                            guint         panel_size);

G_END_DECLS
