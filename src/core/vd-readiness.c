/* vd-readiness.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one rule set for a complete page: every field the published page
 * shows must be filled in before a comparison may be Ready or Published,
 * and a comparison that is either keeps being held to it. The checks are
 * per page (two tools, a handful of reviewers), so a caller re-runs them
 * for the one page an edit touched, never for the whole desk.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "vd-readiness.h"
#include "vd-record-private.h"
#include "vd-reviewer.h"
#include "vd-scorecard.h"

G_DEFINE_BOXED_TYPE (VdReadinessProblem, vd_readiness_problem,
                     vd_readiness_problem_copy, vd_readiness_problem_free)

VdReadinessProblem *
vd_readiness_problem_copy (const VdReadinessProblem *problem)
{
  VdReadinessProblem *copy;

  g_return_val_if_fail (problem != NULL, NULL);

  copy = g_new0 (VdReadinessProblem, 1);
  *copy = *problem;
  copy->message = g_strdup (problem->message);
  copy->reviewer = g_strdup (problem->reviewer);
  copy->field = g_strdup (problem->field);
  return copy;
}

void
vd_readiness_problem_free (VdReadinessProblem *problem)
{
  if (problem == NULL)
    return;

  g_free (problem->message);
  g_free (problem->reviewer);
  g_free (problem->field);
  g_free (problem);
}

static gboolean
is_blank (const char *text)
{
  return !vd_record_require_text (text, "", NULL);
}

static gboolean
is_blank_field (gpointer    record,
                const char *field)
{
  g_autofree char *text = NULL;

  g_object_get (record, field, &text, NULL);
  return is_blank (text);
}

/* Takes @message. */
static void
add (GPtrArray  *problems,
     char       *message,
     GType       record_type,
     guint       tool_index,
     const char *reviewer,
     const char *field,
     int         section)
{
  VdReadinessProblem *problem = g_new0 (VdReadinessProblem, 1);

  problem->message = message;
  problem->record_type = record_type;
  problem->tool_index = tool_index;
  problem->reviewer = g_strdup (reviewer);
  problem->field = g_strdup (field);
  problem->section = section;
  g_ptr_array_add (problems, problem);
}

static void
check_comparison_text (GPtrArray    *problems,
                       VdComparison *comparison,
                       const char   *field,
                       const char   *message)
{
  if (is_blank_field (comparison, field))
    add (problems, g_strdup (message), VD_TYPE_COMPARISON, 0, NULL, field, -1);
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

/* Literal formats, one per field, so that the compiler checks them. */
static char *
describe_missing_tool_field (const char *field,
                             const char *name)
{
  if (g_str_equal (field, "category"))
    return g_strdup_printf (_("“%s” has no category"), name);
  if (g_str_equal (field, "tagline"))
    return g_strdup_printf (_("“%s” has no tagline"), name);
  if (g_str_equal (field, "pricing-detail"))
    return g_strdup_printf (_("“%s” has no pricing detail"), name);
  return g_strdup_printf (_("“%s” has no description"), name);
}

/* What each tool's card on the page prints, in the card's order. */
static void
check_tool (GPtrArray *problems,
            VdTool    *tool,
            guint      tool_index)
{
  static const char * const fields[] = { "category", "tagline", "pricing-detail", "description" };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (is_blank_field (tool, fields[i]))
      add (problems, describe_missing_tool_field (fields[i], vd_tool_get_name (tool)),
           VD_TYPE_TOOL, tool_index, NULL, fields[i], -1);
}

static void
check_scorecard (GPtrArray   *problems,
                 VdReviewer  *reviewer,
                 VdTool      *tool,
                 guint        tool_index,
                 VdScorecard *scorecard)
{
  const char * const *prompts = vd_reviewer_get_prompts (reviewer);
  const char *uuid = vd_record_get_uuid (VD_RECORD (reviewer));
  const char *who = vd_reviewer_get_name (reviewer);
  const char *what = vd_tool_get_name (tool);

  /* An explicit Undecided is an answer: a reviewer may honestly abstain. */
  if (scorecard == NULL || vd_scorecard_get_verdict (scorecard) == VD_VERDICT_NONE)
    add (problems, g_strdup_printf (_("%s has no verdict on “%s”"), who, what),
         VD_TYPE_SCORECARD, tool_index, uuid, "verdict", -1);

  for (guint i = 0; prompts[i] != NULL; i++)
    if (scorecard == NULL || is_blank (vd_scorecard_get_section (scorecard, i)))
      add (problems, g_strdup_printf (_("%s’s “%s” on “%s” is empty"), who, prompts[i], what),
           VD_TYPE_SCORECARD, tool_index, uuid, "sections", (int) i);
}

/**
 * vd_readiness_check:
 * @reviewers: the panel's #VdReviewer objects, in panel order
 * @scorecards: the comparison's #VdScorecard objects
 *
 * Lists, in page order, what must be filled in before @comparison may be
 * Ready or Published: the page's title, dek and publish date, each tool's
 * category, tagline, pricing detail and description, the pricing read,
 * and every panel member's verdict and sections on both tools.
 *
 * Returns: (transfer full) (element-type VdReadinessProblem): empty when
 *   the page is complete
 */
GPtrArray *
vd_readiness_check (VdComparison *comparison,
                    VdTool       *tool_a,
                    VdTool       *tool_b,
                    GListModel   *reviewers,
                    GListModel   *scorecards)
{
  g_autoptr(GPtrArray) problems =
    g_ptr_array_new_with_free_func ((GDestroyNotify) vd_readiness_problem_free);
  VdTool *tools[] = { tool_a, tool_b };
  guint n_reviewers;

  g_return_val_if_fail (VD_IS_COMPARISON (comparison), NULL);
  g_return_val_if_fail (VD_IS_TOOL (tool_a) && VD_IS_TOOL (tool_b), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (reviewers) && G_IS_LIST_MODEL (scorecards), NULL);

  check_comparison_text (problems, comparison, "title", _("The comparison has no title"));
  check_comparison_text (problems, comparison, "dek", _("The comparison has no dek"));
  check_comparison_text (problems, comparison, "publish-date",
                         _("The comparison has no publish date"));

  for (guint t = 0; t < G_N_ELEMENTS (tools); t++)
    check_tool (problems, tools[t], t);

  check_comparison_text (problems, comparison, "pricing-read", _("The pricing read is missing"));

  n_reviewers = g_list_model_get_n_items (reviewers);
  if (n_reviewers == 0)
    add (problems, g_strdup (_("The panel has no reviewers")), VD_TYPE_COMPARISON, 0, NULL,
         "panel", -1);

  for (guint r = 0; r < n_reviewers; r++)
    {
      g_autoptr(VdReviewer) reviewer = g_list_model_get_item (reviewers, r);
      const char *uuid = vd_record_get_uuid (VD_RECORD (reviewer));

      for (guint t = 0; t < G_N_ELEMENTS (tools); t++)
        check_scorecard (problems, reviewer, tools[t], t,
                         find_scorecard (scorecards, uuid,
                                         vd_record_get_uuid (VD_RECORD (tools[t]))));
    }

  return g_steal_pointer (&problems);
}

/**
 * vd_readiness_join:
 * @problems: (element-type VdReadinessProblem): from vd_readiness_check()
 *
 * Returns: (transfer full): the messages on one line, "; " between them,
 *   for the command line and other one-line reports
 */
char *
vd_readiness_join (GPtrArray *problems)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (problems != NULL, NULL);

  for (guint i = 0; i < problems->len; i++)
    {
      const VdReadinessProblem *problem = g_ptr_array_index (problems, i);

      if (i > 0)
        g_string_append (text, "; ");
      g_string_append (text, problem->message);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}
