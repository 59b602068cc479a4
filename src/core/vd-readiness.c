/* vd-readiness.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "vd-readiness.h"
#include "vd-record-private.h"
#include "vd-reviewer.h"
#include "vd-scorecard.h"

static gboolean
is_blank (const char *text)
{
  return !vd_record_require_text (text, "", NULL);
}

static VdScorecard *
find_scorecard (GListModel *scorecards,
                const char *reviewer,
                const char *tool)
{
  guint n = g_list_model_get_n_items (scorecards);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VdScorecard) scorecard = g_list_model_get_item (scorecards, i);

      if (g_strcmp0 (vd_scorecard_get_reviewer (scorecard), reviewer) == 0 &&
          g_strcmp0 (vd_scorecard_get_tool (scorecard), tool) == 0)
        return scorecard;   /* the model keeps it alive */
    }

  return NULL;
}

static void
check_tool (GPtrArray *problems,
            VdTool    *tool)
{
  if (is_blank (vd_tool_get_description (tool)))
    g_ptr_array_add (problems, g_strdup_printf (_("“%s” has no description"),
                                                vd_tool_get_name (tool)));
  if (is_blank (vd_tool_get_pricing_detail (tool)))
    g_ptr_array_add (problems, g_strdup_printf (_("“%s” has no pricing detail"),
                                                vd_tool_get_name (tool)));
}

static void
check_scorecard (GPtrArray   *problems,
                 VdReviewer  *reviewer,
                 VdTool      *tool,
                 VdScorecard *scorecard)
{
  const char * const *prompts = vd_reviewer_get_prompts (reviewer);
  const char *who = vd_reviewer_get_name (reviewer);
  const char *what = vd_tool_get_name (tool);

  /* An explicit Undecided is an answer: a reviewer may honestly abstain. */
  if (scorecard == NULL || vd_scorecard_get_verdict (scorecard) == VD_VERDICT_NONE)
    g_ptr_array_add (problems, g_strdup_printf (_("%s has no verdict on “%s”"), who, what));

  for (guint i = 0; prompts[i] != NULL; i++)
    if (scorecard == NULL || is_blank (vd_scorecard_get_section (scorecard, i)))
      g_ptr_array_add (problems, g_strdup_printf (_("%s’s “%s” on “%s” is empty"),
                                                  who, prompts[i], what));
}

/**
 * vd_readiness_check:
 * @reviewers: the panel's #VdReviewer objects, in panel order
 * @scorecards: the comparison's #VdScorecard objects
 *
 * Lists, in page order, what must be filled in before @comparison may be
 * marked ready: missing verdicts, empty sections, missing pricing, a tool
 * without a description.
 *
 * Returns: (transfer full) (element-type utf8): one sentence per problem;
 *   empty when the comparison is ready
 */
GPtrArray *
vd_readiness_check (VdComparison *comparison,
                    VdTool       *tool_a,
                    VdTool       *tool_b,
                    GListModel   *reviewers,
                    GListModel   *scorecards)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  VdTool *tools[] = { tool_a, tool_b };
  guint n_reviewers;

  g_return_val_if_fail (VD_IS_COMPARISON (comparison), NULL);
  g_return_val_if_fail (VD_IS_TOOL (tool_a) && VD_IS_TOOL (tool_b), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (reviewers) && G_IS_LIST_MODEL (scorecards), NULL);

  if (is_blank (vd_comparison_get_title (comparison)))
    g_ptr_array_add (problems, g_strdup (_("The comparison has no title")));
  if (is_blank (vd_comparison_get_dek (comparison)))
    g_ptr_array_add (problems, g_strdup (_("The comparison has no dek")));
  if (is_blank (vd_comparison_get_pricing_read (comparison)))
    g_ptr_array_add (problems, g_strdup (_("The pricing read is missing")));

  for (guint t = 0; t < G_N_ELEMENTS (tools); t++)
    check_tool (problems, tools[t]);

  n_reviewers = g_list_model_get_n_items (reviewers);
  if (n_reviewers == 0)
    g_ptr_array_add (problems, g_strdup (_("The panel has no reviewers")));

  for (guint r = 0; r < n_reviewers; r++)
    {
      g_autoptr(VdReviewer) reviewer = g_list_model_get_item (reviewers, r);
      const char *uuid = vd_record_get_uuid (VD_RECORD (reviewer));

      for (guint t = 0; t < G_N_ELEMENTS (tools); t++)
        check_scorecard (problems, reviewer, tools[t],
                         find_scorecard (scorecards, uuid,
                                         vd_record_get_uuid (VD_RECORD (tools[t]))));
    }

  return g_steal_pointer (&problems);
}
