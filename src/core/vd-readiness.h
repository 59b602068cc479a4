/* vd-readiness.h — what keeps a comparison's page from being published
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "vd-comparison.h"
#include "vd-tool.h"

G_BEGIN_DECLS

#define VD_TYPE_READINESS_PROBLEM (vd_readiness_problem_get_type ())

/**
 * VdReadinessProblem:
 * @message: one sentence for the editor
 * @record_type: the kind of record the missing field belongs to
 *   (#VD_TYPE_COMPARISON, #VD_TYPE_TOOL, #VD_TYPE_SCORECARD)
 * @tool_index: for a tool's or a scorecard's field: 0 or 1; else 0
 * @reviewer: (nullable): for a scorecard's field: the reviewer's uuid
 * @field: the property that is missing: "tagline", "verdict", "sections"…
 * @section: for "sections": which one; else -1
 *
 * Where a problem is, so that a view can take the editor to the field:
 * a scorecard is named by its reviewer and tool, since one that was never
 * written has no record yet.
 */
typedef struct
{
  char  *message;
  GType  record_type;
  guint  tool_index;
  char  *reviewer;
  char  *field;
  int    section;
} VdReadinessProblem;

GType               vd_readiness_problem_get_type (void) G_GNUC_CONST;
VdReadinessProblem *vd_readiness_problem_copy     (const VdReadinessProblem *problem);
void                vd_readiness_problem_free     (VdReadinessProblem       *problem);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VdReadinessProblem, vd_readiness_problem_free)

GPtrArray *vd_readiness_check (VdComparison *comparison,
                               VdTool       *tool_a,
                               VdTool       *tool_b,
                               GListModel   *reviewers,
                               GListModel   *scorecards);
char      *vd_readiness_join  (GPtrArray    *problems);

G_END_DECLS
