/* test-desk.c — what the editing desk stands on: sidebar summaries,
 * autosave and the readiness check
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "vd-autosaver.h"
#include "vd-error.h"
#include "vd-page.h"
#include "vd-readiness.h"
#include "vd-readiness-watcher.h"
#include "vd-test-util.h"

#define DEMO_SLUG "claude-haiku-open-weights-vs-mistral-medium-3"
#define HAIKU     "6f1c2a9e-3b4d-4e5f-8a7b-1c2d3e4f5a60"
#define MISTRAL   "6f1c2a9e-3b4d-4e5f-8a7b-1c2d3e4f5a61"
#define DX        "2b7e9c41-5d6a-4f8b-9c0d-7e1f2a3b4c50"

static void
test_summaries (void)
{
  g_autoptr(VdStore) store = vd_test_new_demo_store (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) tools = vd_store_list_summaries (store, VD_TYPE_TOOL, &error);
  g_autoptr(GListStore) reviewers = vd_store_list_summaries (store, VD_TYPE_REVIEWER, &error);
  g_autoptr(GListStore) comparisons = vd_store_list_summaries (store, VD_TYPE_COMPARISON, &error);
  g_autoptr(VdSummary) haiku = NULL;
  g_autoptr(VdSummary) page = NULL;
  g_autoptr(VdSummary) reloaded = NULL;
  g_autoptr(VdTool) tool = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (tools)), ==, 2);
  g_assert_cmpuint (vd_store_count (store, VD_TYPE_TOOL, &error), ==, 2);
  g_assert_cmpuint (vd_store_count (store, VD_TYPE_SCORECARD, &error), ==, 8);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (reviewers)), ==, 4);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (comparisons)), ==, 1);

  haiku = g_list_model_get_item (G_LIST_MODEL (tools), 0);
  g_assert_cmpstr (vd_summary_get_uuid (haiku), ==, HAIKU);
  g_assert_cmpstr (vd_summary_get_title (haiku), ==, "Claude Haiku Open Weights");
  g_assert_cmpstr (vd_summary_get_subtitle (haiku), ==, "Anthropic · Developer Tools");
  g_assert_nonnull (strstr (vd_summary_get_search_text (haiku), "Anthropic"));

  page = g_list_model_get_item (G_LIST_MODEL (comparisons), 0);
  g_assert_cmpstr (vd_summary_get_title (page), ==,
                   "Claude Haiku Open Weights vs Mistral Medium 3");
  g_assert_cmpstr (vd_summary_get_subtitle (page), ==, DEMO_SLUG);
  g_assert_cmpint (vd_summary_get_kind (page), ==, VD_STATUS_PUBLISHED);
  g_assert_true (g_strv_contains (vd_summary_get_panel (page), DX));
  g_assert_cmpuint (g_strv_length ((char **) vd_summary_get_panel (page)), ==, 4);

  /* A row refreshes in place, notifying only what changed. */
  tool = vd_store_load (store, VD_TYPE_TOOL, HAIKU, &error);
  vd_tool_set_name (tool, "Haiku Weights");
  g_assert_true (vd_store_save (store, VD_RECORD (tool), &error));
  reloaded = vd_store_load_summary (store, VD_TYPE_TOOL, HAIKU, &error);
  g_assert_no_error (error);
  vd_summary_update (haiku, vd_summary_get_title (reloaded), vd_summary_get_subtitle (reloaded),
                     vd_summary_get_kind (reloaded), vd_summary_get_panel (reloaded));
  g_assert_cmpstr (vd_summary_get_title (haiku), ==, "Haiku Weights");
}

static void
on_saved (VdAutosaver *autosaver,
          guint        n_records,
          guint       *total)
{
  *total += n_records;
}

static void
test_autosave (void)
{
  g_autoptr(VdStore) store = vd_test_new_demo_store (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(VdAutosaver) autosaver = vd_autosaver_new (store, 10);
  g_autoptr(VdTool) tool = vd_store_load (store, VD_TYPE_TOOL, MISTRAL, &error);
  g_autoptr(VdTool) stored = NULL;
  guint saved = 0;

  g_signal_connect (autosaver, "saved", G_CALLBACK (on_saved), &saved);
  vd_autosaver_watch (autosaver, VD_RECORD (tool));

  /* A burst of edits is one write, made by the main loop without a save. */
  vd_tool_set_tagline (tool, "Fast");
  vd_tool_set_tagline (tool, "Fast and cheap");
  vd_tool_set_pricing (tool, VD_PRICING_FREEMIUM);
  g_assert_true (vd_autosaver_is_pending (autosaver));
  while (saved == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (saved, ==, 1);
  g_assert_false (vd_autosaver_is_pending (autosaver));

  stored = vd_store_load (store, VD_TYPE_TOOL, MISTRAL, &error);
  g_assert_cmpstr (vd_tool_get_tagline (stored), ==, "Fast and cheap");
  g_assert_cmpint (vd_tool_get_pricing (stored), ==, VD_PRICING_FREEMIUM);
  g_clear_object (&stored);

  /* Saving moved "updated", which must not schedule another save. */
  g_assert_false (vd_autosaver_is_pending (autosaver));

  /* Flush writes at once (closing the window). */
  vd_tool_set_vendor (tool, "Mistral");
  g_assert_true (vd_autosaver_flush (autosaver, &error));
  g_assert_no_error (error);
  stored = vd_store_load (store, VD_TYPE_TOOL, MISTRAL, &error);
  g_assert_cmpstr (vd_tool_get_vendor (stored), ==, "Mistral");
  g_clear_object (&stored);

  /* After unwatch, edits are not saved. */
  vd_autosaver_unwatch (autosaver, VD_RECORD (tool));
  vd_tool_set_vendor (tool, "Someone else");
  g_assert_false (vd_autosaver_is_pending (autosaver));
}

static void
test_autosave_refused_does_not_block (void)
{
  g_autoptr(VdStore) store = vd_test_new_demo_store (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(VdAutosaver) autosaver = vd_autosaver_new (store, 10);
  g_autoptr(VdTool) haiku = vd_store_load (store, VD_TYPE_TOOL, HAIKU, &error);
  g_autoptr(VdTool) mistral = vd_store_load (store, VD_TYPE_TOOL, MISTRAL, &error);
  g_autoptr(VdTool) stored = NULL;

  vd_autosaver_watch (autosaver, VD_RECORD (haiku));
  vd_autosaver_watch (autosaver, VD_RECORD (mistral));
  vd_tool_set_name (haiku, "");
  vd_tool_set_tagline (mistral, "Still saved");

  g_assert_false (vd_autosaver_flush (autosaver, &error));
  g_assert_error (error, VD_MODEL_ERROR, VD_MODEL_ERROR_INVALID);

  stored = vd_store_load (store, VD_TYPE_TOOL, MISTRAL, NULL);
  g_assert_cmpstr (vd_tool_get_tagline (stored), ==, "Still saved");
  g_clear_object (&stored);
  stored = vd_store_load (store, VD_TYPE_TOOL, HAIKU, NULL);
  g_assert_cmpstr (vd_tool_get_name (stored), ==, "Claude Haiku Open Weights");
}

static void
test_autosave_new_record (void)
{
  g_autoptr(VdStore) store = vd_test_new_demo_store (NULL);
  g_autoptr(VdAutosaver) autosaver = vd_autosaver_new (store, 10);
  g_autoptr(VdTool) tool = vd_tool_new ("Brand New");
  g_autoptr(GError) error = NULL;

  vd_autosaver_watch (autosaver, VD_RECORD (tool));
  vd_autosaver_mark_dirty (autosaver, VD_RECORD (tool));
  g_assert_true (vd_autosaver_flush (autosaver, &error));
  g_assert_true (vd_store_contains (store, VD_TYPE_TOOL, vd_record_get_uuid (VD_RECORD (tool)),
                                    NULL, &error));
}

typedef struct
{
  VdStore      *store;
  VdComparison *comparison;
  VdTool       *tools[2];
  GListStore   *reviewers;
  GListStore   *scorecards;
} Page;

static void
page_set_up (Page          *page,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char * const *panel;

  page->store = vd_test_new_demo_store (NULL);
  page->comparison = vd_store_load_comparison_by_slug (page->store, DEMO_SLUG, &error);
  page->tools[0] = vd_store_load (page->store, VD_TYPE_TOOL, HAIKU, &error);
  page->tools[1] = vd_store_load (page->store, VD_TYPE_TOOL, MISTRAL, &error);
  page->scorecards = vd_store_list_scorecards (page->store, page->comparison, &error);
  page->reviewers = g_list_store_new (VD_TYPE_REVIEWER);
  panel = vd_comparison_get_panel (page->comparison);
  for (guint i = 0; panel[i] != NULL; i++)
    {
      g_autoptr(VdReviewer) reviewer = vd_store_load (page->store, VD_TYPE_REVIEWER, panel[i],
                                                      &error);
      g_list_store_append (page->reviewers, reviewer);
    }
  g_assert_no_error (error);
}

static void
page_tear_down (Page          *page,
                gconstpointer  data)
{
  g_clear_object (&page->scorecards);
  g_clear_object (&page->reviewers);
  g_clear_object (&page->tools[0]);
  g_clear_object (&page->tools[1]);
  g_clear_object (&page->comparison);
  g_clear_object (&page->store);
}

static GPtrArray *
check (Page *page)
{
  return vd_readiness_check (page->comparison, page->tools[0], page->tools[1],
                             G_LIST_MODEL (page->reviewers), G_LIST_MODEL (page->scorecards));
}

static gboolean
has_problem (GPtrArray  *problems,
             const char *text)
{
  for (guint i = 0; i < problems->len; i++)
    if (g_str_equal (((VdReadinessProblem *) g_ptr_array_index (problems, i))->message, text))
      return TRUE;

  return FALSE;
}

static void
test_readiness (Page          *page,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) ready = check (page);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(VdScorecard) first = g_list_model_get_item (G_LIST_MODEL (page->scorecards), 0);

  /* The demo is published: nothing is missing. */
  g_assert_cmpuint (ready->len, ==, 0);

  vd_scorecard_set_verdict (first, VD_VERDICT_NONE);
  vd_scorecard_set_section (first, 1, "   ");
  vd_tool_set_description (page->tools[1], "");
  vd_tool_set_pricing_detail (page->tools[0], "");
  vd_comparison_set_pricing_read (page->comparison, "");
  g_list_store_remove (page->scorecards, 7);

  problems = check (page);
  g_assert_true (has_problem (problems, "Priya Raman has no verdict on “Claude Haiku Open Weights”"));
  g_assert_true (has_problem (problems,
                              "Priya Raman’s “The DX bet” on “Claude Haiku Open Weights” is empty"));
  g_assert_true (has_problem (problems, "“Mistral Medium 3” has no description"));
  g_assert_true (has_problem (problems, "“Claude Haiku Open Weights” has no pricing detail"));
  g_assert_true (has_problem (problems, "The pricing read is missing"));
  /* The buyer's card on Mistral is gone: no verdict and three empty sections. */
  g_assert_true (has_problem (problems, "Tomás Herrera has no verdict on “Mistral Medium 3”"));
  g_assert_true (has_problem (problems, "Tomás Herrera’s “The moat” on “Mistral Medium 3” is empty"));
  g_assert_cmpuint (problems->len, ==, 2 + 1 + 1 + 1 + 4);

  /* An explicit Undecided is an answer: a reviewer may abstain on a Ready page. */
  vd_scorecard_set_verdict (first, VD_VERDICT_UNDECIDED);
  g_clear_pointer (&problems, g_ptr_array_unref);
  problems = check (page);
  g_assert_false (has_problem (problems,
                               "Priya Raman has no verdict on “Claude Haiku Open Weights”"));
  g_assert_cmpuint (problems->len, ==, 1 + 1 + 1 + 1 + 4);
}

static void
test_session_shares_objects (void)
{
  g_autoptr(VdStore) store = vd_test_new_demo_store (NULL);
  g_autoptr(VdSession) session = vd_session_new (store, 10);
  g_autoptr(GError) error = NULL;
  g_autoptr(VdTool) first = vd_session_lookup (session, VD_TYPE_TOOL, HAIKU, &error);
  g_autoptr(VdTool) second = vd_session_lookup (session, VD_TYPE_TOOL, HAIKU, &error);
  g_autoptr(VdTool) stored = NULL;
  g_autoptr(VdTool) ghost = NULL;

  g_assert_no_error (error);
  g_assert_true (first == second);

  /* Edits to the shared object are autosaved. */
  vd_tool_set_tagline (first, "Shared");
  g_assert_true (vd_autosaver_flush (vd_session_get_autosaver (session), &error));
  stored = vd_store_load (store, VD_TYPE_TOOL, HAIKU, &error);
  g_assert_cmpstr (vd_tool_get_tagline (stored), ==, "Shared");

  ghost = vd_session_lookup (session, VD_TYPE_TOOL, "00000000-0000-4000-8000-000000000000",
                             &error);
  g_assert_null (ghost);
  g_assert_error (error, VD_STORE_ERROR, VD_STORE_ERROR_NOT_FOUND);
}

/* The demo's page as a window opens it: through the session. */
static VdPage *
new_demo_page (VdSession *session)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VdComparison) demo = vd_store_load_comparison_by_slug (vd_session_get_store (session),
                                                                   DEMO_SLUG, &error);
  g_autoptr(VdComparison) comparison = vd_session_lookup (session, VD_TYPE_COMPARISON,
                                                          vd_record_get_uuid (VD_RECORD (demo)),
                                                          &error);
  VdPage *page = vd_page_new (session, comparison, &error);

  g_assert_no_error (error);
  return page;
}

static void
test_page_follows_comparison (void)
{
  g_autoptr(VdStore) store = vd_test_new_demo_store (NULL);
  g_autoptr(VdSession) session = vd_session_new (store, 10);
  g_autoptr(GError) error = NULL;
  g_autoptr(VdPage) page = new_demo_page (session);
  VdComparison *comparison = vd_page_get_comparison (page);
  g_autoptr(VdReviewer) newcomer = vd_reviewer_new ("Ada", VD_PERSONA_CUSTOM);
  g_autoptr(VdTool) other = vd_tool_new ("Other Tool");
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GListStore) stored = NULL;
  g_auto(GStrv) panel = g_strdupv ((char **) vd_comparison_get_panel (comparison));
  const char *three[] = { panel[0], panel[1], panel[2], NULL };
  g_autofree char *newcomer_uuid = g_strdup (vd_record_get_uuid (VD_RECORD (newcomer)));
  VdScorecard *card;

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (vd_page_get_reviewers (page)), ==, 4);
  g_assert_cmpuint (g_list_model_get_n_items (vd_page_get_scorecards (page)), ==, 8);
  g_assert_cmpstr (vd_tool_get_name (vd_page_get_tool (page, 1)), ==, "Mistral Medium 3");
  problems = vd_page_check_readiness (page);
  g_assert_cmpuint (problems->len, ==, 0);

  /* Off the panel: their cards leave the page (and stay in the database). */
  vd_comparison_set_panel (comparison, three);
  g_assert_cmpuint (g_list_model_get_n_items (vd_page_get_scorecards (page)), ==, 6);
  g_assert_null (vd_page_get_scorecard (page, DX "x", 0));

  /* A newcomer gets two blank cards, saved with their first edit. */
  g_assert_true (vd_session_create (session, VD_RECORD (newcomer), &error));
  {
    const char *four[] = { three[0], three[1], three[2], newcomer_uuid, NULL };

    vd_comparison_set_panel (comparison, four);
  }
  g_assert_cmpuint (g_list_model_get_n_items (vd_page_get_scorecards (page)), ==, 8);
  card = vd_page_get_scorecard (page, newcomer_uuid, 1);
  g_assert_nonnull (card);
  g_assert_false (vd_store_contains (store, VD_TYPE_SCORECARD,
                                     vd_record_get_uuid (VD_RECORD (card)), NULL, NULL));
  vd_scorecard_set_verdict (card, VD_VERDICT_SHIP);
  g_assert_true (vd_autosaver_flush (vd_session_get_autosaver (session), &error));
  g_assert_no_error (error);
  g_assert_true (vd_store_contains (store, VD_TYPE_SCORECARD,
                                    vd_record_get_uuid (VD_RECORD (card)), NULL, NULL));

  /* Another tool: the page swaps it in with its own blank cards. */
  g_assert_true (vd_session_create (session, VD_RECORD (other), &error));
  vd_comparison_set_tool_b (comparison, vd_record_get_uuid (VD_RECORD (other)));
  g_assert_true (vd_page_get_tool (page, 1) == other);
  card = vd_page_get_scorecard (page, newcomer_uuid, 1);
  /* A new card has no verdict yet, not an abstention. */
  g_assert_cmpint (vd_scorecard_get_verdict (card), ==, VD_VERDICT_NONE);
  g_assert_cmpuint (g_list_model_get_n_items (vd_page_get_scorecards (page)), ==, 8);

  /* Deleting the comparison forgets its cards. */
  g_clear_object (&page);
  g_assert_true (vd_session_delete (session, VD_RECORD (comparison), &error));
  g_assert_no_error (error);
  stored = vd_store_list (store, VD_TYPE_SCORECARD, &error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (stored)), ==, 0);
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static const VdReadinessProblem *
only_problem (VdPage *page)
{
  GPtrArray *problems = vd_page_get_problems (page);

  g_assert_cmpuint (problems->len, ==, 1);
  return g_ptr_array_index (problems, 0);
}

/* The rules are held at every edit, not only when the status changes. */
static void
test_page_flagged_after_edit (void)
{
  g_autoptr(VdStore) store = vd_test_new_demo_store (NULL);
  g_autoptr(VdSession) session = vd_session_new (store, 10);
  g_autoptr(VdPage) page = new_demo_page (session);
  VdComparison *comparison = vd_page_get_comparison (page);
  VdTool *haiku = vd_page_get_tool (page, 0);
  VdScorecard *card = vd_page_get_scorecard (page, DX, 1);
  const VdReadinessProblem *problem;
  g_autofree char *tagline = NULL;
  guint notifies = 0;

  g_assert_cmpuint (vd_page_get_problems (page)->len, ==, 0);
  g_assert_false (vd_page_is_flagged (page));
  g_signal_connect (page, "notify::problems", G_CALLBACK (count_notify), &notifies);

  /* A published page loses its tagline: flagged with that edit, and the
   * problem says where the field is. */
  tagline = g_strdup (vd_tool_get_tagline (haiku));
  vd_tool_set_tagline (haiku, "  ");
  problem = only_problem (page);
  g_assert_cmpstr (problem->message, ==, "“Claude Haiku Open Weights” has no tagline");
  g_assert_true (problem->record_type == VD_TYPE_TOOL);
  g_assert_cmpuint (problem->tool_index, ==, 0);
  g_assert_cmpstr (problem->field, ==, "tagline");
  g_assert_true (vd_page_is_flagged (page));
  g_assert_cmpuint (notifies, ==, 1);

  /* An unrelated edit re-runs the rules but changes nothing: no notify. */
  vd_tool_set_vendor (haiku, "Someone else");
  g_assert_cmpuint (notifies, ==, 1);

  vd_tool_set_tagline (haiku, tagline);
  g_assert_cmpuint (vd_page_get_problems (page)->len, ==, 0);
  g_assert_false (vd_page_is_flagged (page));
  g_assert_cmpuint (notifies, ==, 2);

  /* A scorecard's section, by reviewer, tool and section. */
  vd_scorecard_set_section (card, 2, "");
  problem = only_problem (page);
  g_assert_true (problem->record_type == VD_TYPE_SCORECARD);
  g_assert_cmpstr (problem->reviewer, ==, DX);
  g_assert_cmpuint (problem->tool_index, ==, 1);
  g_assert_cmpstr (problem->field, ==, "sections");
  g_assert_cmpint (problem->section, ==, 2);
  vd_scorecard_set_section (card, 2, "Back.");

  /* No verdict yet is missing; an explicit Undecided is not. */
  vd_scorecard_set_verdict (card, VD_VERDICT_NONE);
  problem = only_problem (page);
  g_assert_cmpstr (problem->field, ==, "verdict");
  g_assert_cmpstr (problem->message, ==, "Priya Raman has no verdict on “Mistral Medium 3”");
  vd_scorecard_set_verdict (card, VD_VERDICT_UNDECIDED);
  g_assert_cmpuint (vd_page_get_problems (page)->len, ==, 0);

  /* The page's own fields: what the published page shows. */
  vd_comparison_set_publish_date (comparison, "");
  problem = only_problem (page);
  g_assert_true (problem->record_type == VD_TYPE_COMPARISON);
  g_assert_cmpstr (problem->field, ==, "publish-date");
  g_assert_cmpstr (problem->message, ==, "The comparison has no publish date");
  vd_comparison_set_publish_date (comparison, "2026-11-20");
  vd_tool_set_category (vd_page_get_tool (page, 1), "");
  problem = only_problem (page);
  g_assert_cmpstr (problem->message, ==, "“Mistral Medium 3” has no category");
  g_assert_cmpuint (problem->tool_index, ==, 1);

  /* A draft may be incomplete: the problems stay listed, unflagged. */
  vd_comparison_set_status (comparison, VD_STATUS_DRAFT);
  g_assert_cmpuint (vd_page_get_problems (page)->len, ==, 1);
  g_assert_false (vd_page_is_flagged (page));
  vd_comparison_set_status (comparison, VD_STATUS_READY);
  g_assert_true (vd_page_is_flagged (page));

  /* One line for the command line, in page order. */
  vd_tool_set_tagline (haiku, "");
  {
    g_autofree char *line = vd_readiness_join (vd_page_get_problems (page));

    g_assert_cmpstr (line, ==, "“Claude Haiku Open Weights” has no tagline; "
                               "“Mistral Medium 3” has no category");
  }
}

static void
on_flag_changed (VdReadinessWatcher *watcher,
                 const char         *comparison,
                 gboolean            flagged,
                 guint              *n_signals)
{
  (*n_signals)++;
}

/* The sidebar's standing check: a change re-checks only the Ready or
 * Published pages that show the changed record, once per burst. */
static void
test_readiness_watcher (void)
{
  g_autoptr(VdStore) store = vd_test_new_demo_store (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(VdComparison) demo = vd_store_load_comparison_by_slug (store, DEMO_SLUG, &error);
  g_autoptr(VdComparison) draft = vd_comparison_new ("a-draft", HAIKU, MISTRAL);
  g_autoptr(VdTool) other = vd_tool_new ("Other Tool");
  g_autoptr(VdTool) another = vd_tool_new ("Another Tool");
  g_autoptr(VdComparison) unrelated = NULL;
  g_autoptr(GListStore) scorecards = NULL;
  g_autoptr(VdScorecard) card = NULL;
  g_autoptr(VdTool) tool = NULL;
  g_autoptr(VdReadinessWatcher) watcher = NULL;
  const char *uuid = vd_record_get_uuid (VD_RECORD (demo));
  guint n_signals = 0;
  guint64 checks;

  g_assert_no_error (error);
  /* Two more comparisons: a draft of the same tools, and a published page of
   * another tool (incomplete: it is never checked after a change elsewhere). */
  g_assert_true (vd_store_save (store, VD_RECORD (draft), &error));
  g_assert_true (vd_store_save (store, VD_RECORD (other), &error));
  g_assert_true (vd_store_save (store, VD_RECORD (another), &error));
  unrelated = vd_comparison_new ("unrelated", vd_record_get_uuid (VD_RECORD (other)),
                                 vd_record_get_uuid (VD_RECORD (another)));
  vd_comparison_set_status (unrelated, VD_STATUS_PUBLISHED);
  g_assert_true (vd_store_save (store, VD_RECORD (unrelated), &error));
  g_assert_no_error (error);

  watcher = vd_readiness_watcher_new (store);
  g_signal_connect (watcher, "flag-changed", G_CALLBACK (on_flag_changed), &n_signals);

  /* The first pass checks the two published pages, and nothing before idle. */
  g_assert_true (vd_readiness_watcher_is_pending (watcher));
  g_assert_cmpuint (vd_readiness_watcher_get_n_checks (watcher), ==, 0);
  while (vd_readiness_watcher_is_pending (watcher))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (vd_readiness_watcher_get_n_checks (watcher), ==, 2);
  g_assert_false (vd_readiness_watcher_is_flagged (watcher, uuid));
  g_assert_true (vd_readiness_watcher_is_flagged (watcher,
                                                  vd_record_get_uuid (VD_RECORD (unrelated))));
  g_assert_cmpuint (vd_readiness_watcher_get_n_flagged (watcher), ==, 1);
  n_signals = 0;

  /* Emptying a section of the published demo flags it, checking that page
   * alone, once for three saves. */
  scorecards = vd_store_list_scorecards (store, demo, &error);
  card = g_list_model_get_item (G_LIST_MODEL (scorecards), 0);
  checks = vd_readiness_watcher_get_n_checks (watcher);
  vd_scorecard_set_section (card, 0, "");
  g_assert_true (vd_store_save (store, VD_RECORD (card), &error));
  vd_scorecard_set_section (card, 1, "");
  g_assert_true (vd_store_save (store, VD_RECORD (card), &error));
  g_assert_true (vd_store_save (store, VD_RECORD (demo), &error));
  g_assert_no_error (error);
  vd_readiness_watcher_flush (watcher);
  g_assert_cmpuint (vd_readiness_watcher_get_n_checks (watcher), ==, checks + 1);
  g_assert_true (vd_readiness_watcher_is_flagged (watcher, uuid));
  g_assert_cmpuint (n_signals, ==, 1);

  /* A tool change checks the published page comparing it, not the draft. */
  checks = vd_readiness_watcher_get_n_checks (watcher);
  tool = vd_store_load (store, VD_TYPE_TOOL, HAIKU, &error);
  vd_tool_set_vendor (tool, "Anthropic PBC");
  g_assert_true (vd_store_save (store, VD_RECORD (tool), &error));
  vd_readiness_watcher_flush (watcher);
  g_assert_cmpuint (vd_readiness_watcher_get_n_checks (watcher), ==, checks + 1);

  /* Filled in again, the flag clears; a draft is never flagged. */
  vd_scorecard_set_section (card, 0, "Back.");
  vd_scorecard_set_section (card, 1, "Back too.");
  g_assert_true (vd_store_save (store, VD_RECORD (card), &error));
  vd_readiness_watcher_flush (watcher);
  g_assert_false (vd_readiness_watcher_is_flagged (watcher, uuid));
  g_assert_cmpuint (n_signals, ==, 2);

  vd_comparison_set_status (unrelated, VD_STATUS_DRAFT);
  g_assert_true (vd_store_save (store, VD_RECORD (unrelated), &error));
  vd_readiness_watcher_flush (watcher);
  g_assert_cmpuint (vd_readiness_watcher_get_n_flagged (watcher), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/desk/summaries", test_summaries);
  g_test_add_func ("/desk/autosave/burst", test_autosave);
  g_test_add_func ("/desk/autosave/refused-does-not-block", test_autosave_refused_does_not_block);
  g_test_add_func ("/desk/autosave/new-record", test_autosave_new_record);
  g_test_add_func ("/desk/session/shares-objects", test_session_shares_objects);
  g_test_add_func ("/desk/page/follows-comparison", test_page_follows_comparison);
  g_test_add_func ("/desk/page/flagged-after-edit", test_page_flagged_after_edit);
  g_test_add_func ("/desk/readiness/watcher", test_readiness_watcher);
  g_test_add ("/desk/readiness", Page, NULL, page_set_up, test_readiness, page_tear_down);

  return g_test_run ();
}
