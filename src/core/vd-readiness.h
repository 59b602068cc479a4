/* vd-readiness.h — what keeps a comparison from being marked ready
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "vd-comparison.h"
#include "vd-tool.h"

G_BEGIN_DECLS

GPtrArray *vd_readiness_check (VdComparison *comparison,
                               VdTool       *tool_a,
                               VdTool       *tool_b,
                               GListModel   *reviewers,
                               GListModel   *scorecards);

G_END_DECLS
