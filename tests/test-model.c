/* test-model.c — the model types and the figures computed from them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "vd-comparison.h"
#include "vd-error.h"
#include "vd-panel.h"
#include "vd-reviewer.h"
#include "vd-scorecard.h"
#include "vd-slug.h"
#include "vd-test-util.h"
#include "vd-tool.h"

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *counter)
{
  (*counter)++;
}

static void
test_tool_defaults (void)
{
  g_autoptr(VdTool) tool = vd_tool_new ("Mistral Medium 3");
  const char *uuid = vd_record_get_uuid (VD_RECORD (tool));

  g_assert_true (g_uuid_string_is_valid (uuid));
  g_assert_cmpstr (vd_tool_get_name (tool), ==, "Mistral Medium 3");
  g_assert_cmpstr (vd_tool_get_description (tool), ==, "");
  g_assert_cmpint (vd_tool_get_pricing (tool), ==, VD_PRICING_FREE);
  g_assert_cmpint (vd_tool_get_votes_up (tool), ==, VD_VOTES_UNSET);
  g_assert_cmpint (vd_record_get_updated (VD_RECORD (tool)), >=,
                   vd_record_get_created (VD_RECORD (tool)));
  g_assert_cmpint (vd_record_get_created (VD_RECORD (tool)), >, 0);
}

static void
test_tool_notify_once (void)
{
  g_autoptr(VdTool) tool = vd_tool_new ("A");
  guint name_notifies = 0, pricing_notifies = 0;

  g_signal_connect (tool, "notify::name", G_CALLBACK (count_notify), &name_notifies);
  g_signal_connect (tool, "notify::pricing", G_CALLBACK (count_notify), &pricing_notifies);

  vd_tool_set_name (tool, "B");
  vd_tool_set_name (tool, "B");
  g_object_set (tool, "name", "B", NULL);
  g_assert_cmpuint (name_notifies, ==, 1);

  vd_tool_set_pricing (tool, VD_PRICING_PAID);
  vd_tool_set_pricing (tool, VD_PRICING_PAID);
  g_assert_cmpuint (pricing_notifies, ==, 1);

  /* NULL is stored as the empty string, never as NULL. */
  vd_tool_set_tagline (tool, NULL);
  g_assert_cmpstr (vd_tool_get_tagline (tool), ==, "");
}

static void
test_tool_community (void)
{
  g_autoptr(VdTool) tool = vd_tool_new ("A");
  g_autofree char *none = NULL;
  g_autofree char *some = NULL;

  none = vd_tool_dup_community_label (tool);
  g_assert_cmpstr (none, ==, "—");
  g_assert_cmpint (vd_tool_get_community_percent (tool), ==, -1);

  vd_tool_set_votes (tool, 0, 0);
  g_assert_cmpint (vd_tool_get_community_percent (tool), ==, -1);

  vd_tool_set_votes (tool, 7, 1);
  some = vd_tool_dup_community_label (tool);
  g_assert_cmpint (vd_tool_get_community_percent (tool), ==, 88);
  g_assert_cmpstr (some, ==, "88%");
}

static void
test_tool_website (void)
{
  g_autoptr(VdTool) tool = vd_tool_new ("A");
  g_autoptr(GError) error = NULL;

  g_assert_true (vd_tool_website_is_valid (""));
  g_assert_true (vd_tool_website_is_valid ("https://mistral.ai/"));
  g_assert_true (vd_tool_website_is_valid ("http://example.com/x?y=1"));
  g_assert_false (vd_tool_website_is_valid ("ftp://example.com/"));
  g_assert_false (vd_tool_website_is_valid ("javascript:alert(1)"));
  g_assert_false (vd_tool_website_is_valid ("mistral.ai"));
  g_assert_false (vd_tool_website_is_valid ("https://"));

  vd_tool_set_website (tool, "javascript:alert(1)");
  g_assert_false (vd_record_validate (VD_RECORD (tool), &error));
  g_assert_error (error, VD_MODEL_ERROR, VD_MODEL_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "https://"));
}

static void
test_tool_name_required (void)
{
  g_autoptr(VdTool) tool = vd_tool_new (" \t ");
  g_autoptr(GError) error = NULL;

  g_assert_false (vd_record_validate (VD_RECORD (tool), &error));
  g_assert_error (error, VD_MODEL_ERROR, VD_MODEL_ERROR_INVALID);
}

static void
test_reviewer_prompts (void)
{
  g_autoptr(VdReviewer) skeptic = vd_reviewer_new ("Marcus", VD_PERSONA_SKEPTIC);
  g_autoptr(VdReviewer) custom = vd_reviewer_new ("Ada", VD_PERSONA_CUSTOM);
  const char *mine[] = { "The hook", "The catch", NULL };
  const char * const *prompts;
  guint notifies = 0;

  prompts = vd_reviewer_get_prompts (skeptic);
  g_assert_cmpuint (g_strv_length ((char **) prompts), ==, 3);
  g_assert_cmpstr (prompts[0], ==, "Direct competitors");
  g_assert_cmpstr (prompts[1], ==, "Where this breaks");
  g_assert_cmpstr (prompts[2], ==, "What kills it in 12 months");

  /* Built-in prompts are fixed. */
  g_assert_false (vd_reviewer_set_prompts (skeptic, mine));
  g_assert_cmpstr (vd_reviewer_get_prompts (skeptic)[0], ==, "Direct competitors");

  g_signal_connect (custom, "notify::prompts", G_CALLBACK (count_notify), &notifies);
  g_assert_cmpuint (g_strv_length ((char **) vd_reviewer_get_prompts (custom)), ==, 0);
  g_assert_true (vd_reviewer_set_prompts (custom, mine));
  g_assert_true (vd_reviewer_set_prompts (custom, mine));
  g_assert_cmpuint (notifies, ==, 1);
  g_assert_cmpstr (vd_reviewer_get_prompts (custom)[1], ==, "The catch");

  /* Switching persona shows that persona's prompts and keeps the custom
   * ones for when the reviewer switches back. */
  vd_reviewer_set_persona (custom, VD_PERSONA_BUYER);
  g_assert_cmpuint (notifies, ==, 2);
  g_assert_cmpstr (vd_reviewer_get_prompts (custom)[2], ==, "The moat");
  vd_reviewer_set_persona (custom, VD_PERSONA_CUSTOM);
  g_assert_cmpstr (vd_reviewer_get_prompts (custom)[0], ==, "The hook");

  /* Setting a list made of the list's own strings (dropping the last). */
  {
    const char * const *current = vd_reviewer_get_prompts (custom);
    const char *first_only[] = { current[0], NULL };

    g_assert_true (vd_reviewer_set_prompts (custom, first_only));
    g_assert_cmpstr (vd_reviewer_get_prompts (custom)[0], ==, "The hook");
  }

  g_assert_cmpstr (vd_persona_get_prompts (VD_PERSONA_DEVELOPER_EXPERIENCE)[1], ==, "The DX bet");
  g_assert_cmpstr (vd_persona_get_prompts (VD_PERSONA_STRATEGIST)[1], ==,
                   "The dependency that must hold");
}

static void
test_scorecard_quote (void)
{
  g_autoptr(VdScorecard) scorecard = vd_scorecard_new (NULL, NULL, NULL);
  g_autofree char *empty = NULL;
  g_autofree char *quote = NULL;
  guint quote_notifies = 0;

  empty = vd_scorecard_dup_quote (scorecard);
  g_assert_cmpstr (empty, ==, "");

  g_signal_connect (scorecard, "notify::quote", G_CALLBACK (count_notify), &quote_notifies);

  /* Writing the third prompt first leaves the first two empty. */
  vd_scorecard_set_section (scorecard, 2, "  The moment of truth is the first call.\n");
  g_assert_cmpuint (g_strv_length ((char **) vd_scorecard_get_sections (scorecard)), ==, 3);
  g_assert_cmpstr (vd_scorecard_get_section (scorecard, 0), ==, "");
  vd_scorecard_set_section (scorecard, 0, "A weight file.");
  vd_scorecard_set_section (scorecard, 0, "A weight file.");
  g_assert_cmpuint (quote_notifies, ==, 2);
  g_assert_cmpstr (vd_scorecard_get_section (scorecard, 7), ==, "");

  quote = vd_scorecard_dup_quote (scorecard);
  g_assert_cmpstr (quote, ==, "A weight file. The moment of truth is the first call.");
}

static void
test_slug_and_date (void)
{
  g_assert_true (vd_slug_is_valid ("claude-haiku-vs-mistral-medium-3"));
  g_assert_true (vd_slug_is_valid ("a"));
  g_assert_false (vd_slug_is_valid (""));
  g_assert_false (vd_slug_is_valid ("-a"));
  g_assert_false (vd_slug_is_valid ("a-"));
  g_assert_false (vd_slug_is_valid ("a--b"));
  g_assert_false (vd_slug_is_valid ("A-b"));
  g_assert_false (vd_slug_is_valid ("a b"));
  g_assert_false (vd_slug_is_valid ("a/../b"));
  g_assert_false (vd_slug_is_valid ("é"));

  g_assert_true (vd_date_is_valid (""));
  g_assert_true (vd_date_is_valid ("2026-11-20"));
  g_assert_true (vd_date_is_valid ("2024-02-29"));
  g_assert_false (vd_date_is_valid ("2026-02-29"));
  g_assert_false (vd_date_is_valid ("2026-13-01"));
  g_assert_false (vd_date_is_valid ("2026-1-01"));
  g_assert_false (vd_date_is_valid (" 026-11-20"));
  g_assert_false (vd_date_is_valid ("20/11/2026"));
}

static void
test_comparison_validate (void)
{
  g_autoptr(VdTool) a = vd_tool_new ("A");
  g_autoptr(VdComparison) same = NULL;
  g_autoptr(VdComparison) bad_slug = NULL;
  g_autoptr(VdComparison) twice = NULL;
  g_autoptr(GError) error = NULL;
  const char *uuid = vd_record_get_uuid (VD_RECORD (a));
  g_autofree char *reviewer = g_uuid_string_random ();
  const char *panel[] = { reviewer, reviewer, NULL };

  same = vd_comparison_new ("a-vs-a", uuid, uuid);
  g_assert_false (vd_record_validate (VD_RECORD (same), &error));
  g_assert_error (error, VD_MODEL_ERROR, VD_MODEL_ERROR_INVALID);
  g_clear_error (&error);

  bad_slug = vd_comparison_new ("A vs B", uuid, reviewer);
  g_assert_false (vd_record_validate (VD_RECORD (bad_slug), &error));
  g_assert_nonnull (strstr (error->message, "A vs B"));
  g_clear_error (&error);

  twice = vd_comparison_new ("a-vs-b", uuid, vd_record_get_uuid (VD_RECORD (same)));
  g_assert_true (vd_record_validate (VD_RECORD (twice), &error));
  vd_comparison_set_panel (twice, panel);
  g_assert_false (vd_record_validate (VD_RECORD (twice), &error));
  g_assert_nonnull (strstr (error->message, "twice"));
}

static void
test_panel_rounding (void)
{
  g_autofree char *none = vd_panel_format_percent (-1);
  g_autofree char *half = vd_panel_format_percent (50);

  g_assert_cmpint (vd_panel_round_percent (2, 4), ==, 50);
  g_assert_cmpint (vd_panel_round_percent (4, 4), ==, 100);
  g_assert_cmpint (vd_panel_round_percent (0, 3), ==, 0);
  g_assert_cmpint (vd_panel_round_percent (1, 3), ==, 33);
  g_assert_cmpint (vd_panel_round_percent (2, 3), ==, 67);
  g_assert_cmpint (vd_panel_round_percent (1, 8), ==, 13);
  g_assert_cmpint (vd_panel_round_percent (0, 0), ==, -1);
  g_assert_cmpstr (none, ==, "—");
  g_assert_cmpstr (half, ==, "50%");
}

/* A comparison of tools A and B with four reviewers and their eight cards. */
typedef struct
{
  VdComparison *comparison;
  GListStore   *scorecards;
  char         *tool_a;
  char         *tool_b;
  char         *reviewers[5];
} PanelFixture;

static void
panel_fixture_set_up (PanelFixture  *fixture,
                      gconstpointer  data)
{
  fixture->tool_a = g_uuid_string_random ();
  fixture->tool_b = g_uuid_string_random ();
  for (guint i = 0; i < 4; i++)
    fixture->reviewers[i] = g_uuid_string_random ();

  fixture->comparison = vd_comparison_new ("a-vs-b", fixture->tool_a, fixture->tool_b);
  vd_comparison_set_panel (fixture->comparison, (const char * const *) fixture->reviewers);
  fixture->scorecards = g_list_store_new (VD_TYPE_SCORECARD);

  for (guint i = 0; i < 4; i++)
    for (guint t = 0; t < 2; t++)
      {
        g_autoptr(VdScorecard) card = NULL;

        card = vd_scorecard_new (vd_record_get_uuid (VD_RECORD (fixture->comparison)),
                                 t == 0 ? fixture->tool_a : fixture->tool_b,
                                 fixture->reviewers[i]);
        g_list_store_append (fixture->scorecards, card);
      }
}

static void
panel_fixture_tear_down (PanelFixture  *fixture,
                         gconstpointer  data)
{
  g_clear_object (&fixture->comparison);
  g_clear_object (&fixture->scorecards);
  g_free (fixture->tool_a);
  g_free (fixture->tool_b);
  for (guint i = 0; i < 4; i++)
    g_free (fixture->reviewers[i]);
}

static VdScorecard *
card (PanelFixture *fixture,
      guint         reviewer,
      guint         tool)
{
  g_autoptr(VdScorecard) scorecard =
    g_list_model_get_item (G_LIST_MODEL (fixture->scorecards), reviewer * 2 + tool);

  return scorecard;   /* the list keeps it alive */
}

static void
test_panel_live (PanelFixture  *fixture,
                 gconstpointer  data)
{
  g_autoptr(VdPanel) panel_a = vd_panel_new (fixture->comparison, fixture->tool_a,
                                             G_LIST_MODEL (fixture->scorecards));
  g_autoptr(VdPanel) panel_b = vd_panel_new (fixture->comparison, fixture->tool_b,
                                             G_LIST_MODEL (fixture->scorecards));
  const char *three[] = { fixture->reviewers[0], fixture->reviewers[1], fixture->reviewers[2],
                          NULL };
  guint label_notifies = 0;

  /* Nobody has decided: "—". */
  g_assert_cmpint (vd_panel_get_ship_percent (panel_a), ==, -1);
  g_assert_cmpstr (vd_panel_get_ship_label (panel_a), ==, "—");
  g_assert_cmpuint (vd_panel_get_undecided (panel_a), ==, 0);
  g_assert_cmpuint (vd_panel_get_no_verdict (panel_a), ==, 4);
  g_assert_cmpuint (vd_panel_get_decided (panel_a), ==, 0);
  g_assert_cmpstr (vd_panel_get_decided_label (panel_a), ==, "0 of 4 decided");

  g_signal_connect (panel_a, "notify::ship-label", G_CALLBACK (count_notify), &label_notifies);

  /* The seed page: A is 2 ship of 4, B is 4 of 4. */
  vd_scorecard_set_verdict (card (fixture, 0, 0), VD_VERDICT_SHIP);
  vd_scorecard_set_verdict (card (fixture, 1, 0), VD_VERDICT_SKIP);
  vd_scorecard_set_verdict (card (fixture, 2, 0), VD_VERDICT_SHIP);
  vd_scorecard_set_verdict (card (fixture, 3, 0), VD_VERDICT_SKIP);
  for (guint i = 0; i < 4; i++)
    vd_scorecard_set_verdict (card (fixture, i, 1), VD_VERDICT_SHIP);

  g_assert_cmpstr (vd_panel_get_ship_label (panel_a), ==, "50%");
  g_assert_cmpuint (vd_panel_get_ship_votes (panel_a), ==, 2);
  g_assert_cmpuint (vd_panel_get_skip_votes (panel_a), ==, 2);
  g_assert_cmpstr (vd_panel_get_ship_label (panel_b), ==, "100%");
  g_assert_cmpuint (vd_panel_get_decided (panel_a), ==, 4);
  g_assert_cmpuint (vd_panel_get_no_verdict (panel_a), ==, 0);
  g_assert_cmpstr (vd_panel_get_decided_label (panel_a), ==, "4 of 4 decided");
  g_assert_cmpint (vd_panel_get_verdict (panel_a, fixture->reviewers[1]), ==, VD_VERDICT_SKIP);
  g_assert_cmpint (vd_panel_get_verdict (panel_b, fixture->reviewers[1]), ==, VD_VERDICT_SHIP);

  /* 100% (first ship), 50% (first skip), 67%, 50%: one notify per change. */
  g_assert_cmpuint (label_notifies, ==, 4);

  /* Undecided reviewers are not counted: 2 ship of 3 decided. */
  vd_scorecard_set_verdict (card (fixture, 3, 0), VD_VERDICT_UNDECIDED);
  g_assert_cmpstr (vd_panel_get_ship_label (panel_a), ==, "67%");
  g_assert_cmpuint (vd_panel_get_undecided (panel_a), ==, 1);
  g_assert_cmpuint (vd_panel_get_no_verdict (panel_a), ==, 0);
  g_assert_cmpstr (vd_panel_get_decided_label (panel_a), ==, "3 of 4 decided");

  /* No verdict yet is neither: still 2 of 3, but one fewer abstains. */
  vd_scorecard_set_verdict (card (fixture, 3, 0), VD_VERDICT_NONE);
  g_assert_cmpstr (vd_panel_get_ship_label (panel_a), ==, "67%");
  g_assert_cmpuint (vd_panel_get_undecided (panel_a), ==, 0);
  g_assert_cmpuint (vd_panel_get_no_verdict (panel_a), ==, 1);
  g_assert_cmpint (vd_panel_get_verdict (panel_a, fixture->reviewers[3]), ==, VD_VERDICT_NONE);

  /* A reviewer taken off the panel no longer counts. */
  vd_comparison_set_panel (fixture->comparison, three);
  vd_scorecard_set_verdict (card (fixture, 3, 0), VD_VERDICT_SKIP);
  g_assert_cmpstr (vd_panel_get_ship_label (panel_a), ==, "67%");

  /* A scorecard removed from the list no longer counts either. */
  g_list_store_remove (fixture->scorecards, 0);
  g_assert_cmpstr (vd_panel_get_ship_label (panel_a), ==, "50%");
  g_assert_null (vd_panel_get_scorecard (panel_a, fixture->reviewers[0]));

  g_assert_finalize_object (g_steal_pointer (&panel_a));
}

static void
test_slug_from_title (void)
{
  static const struct { const char *title, *slug; } cases[] = {
    { "Zed vs Cursor", "zed-vs-cursor" },
    { "  Café Crème — 2.0!  ", "cafe-creme-2-0" },
    { "GPT-4o vs. Claude 3.5 Sonnet", "gpt-4o-vs-claude-3-5-sonnet" },
    { "", "comparison" },
    { "!!! ???", "comparison" },
  };
  g_autofree char *long_title = g_strnfill (300, 'a');
  g_autofree char *long_slug = vd_slug_from_title (long_title);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *slug = vd_slug_from_title (cases[i].title);

      g_assert_cmpstr (slug, ==, cases[i].slug);
    }

  /* Room is left for a number within the 100 characters a slug may have. */
  g_assert_true (vd_slug_is_valid (long_slug));
  g_assert_cmpuint (strlen (long_slug), <=, 90);
}

static void
test_slug_unused (void)
{
  g_autoptr(VdStore) store = vd_test_new_demo_store (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *free_slug = vd_slug_unused (store, "Zed vs Cursor", NULL);
  g_autofree char *taken = NULL;
  g_autofree char *own = NULL;
  g_autoptr(VdComparison) demo = NULL;

  g_assert_cmpstr (free_slug, ==, "zed-vs-cursor");

  /* The demo holds the plain slug of its title: another draft is numbered,
   * the demo itself keeps its own. */
  taken = vd_slug_unused (store, "Claude Haiku Open Weights vs Mistral Medium 3", NULL);
  g_assert_cmpstr (taken, ==, "claude-haiku-open-weights-vs-mistral-medium-3-2");
  demo = vd_store_load_comparison_by_slug (store, "claude-haiku-open-weights-vs-mistral-medium-3",
                                           &error);
  g_assert_no_error (error);
  own = vd_slug_unused (store, "Claude Haiku Open Weights vs Mistral Medium 3",
                        vd_record_get_uuid (VD_RECORD (demo)));
  g_assert_cmpstr (own, ==, "claude-haiku-open-weights-vs-mistral-medium-3");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/slug/from-title", test_slug_from_title);
  g_test_add_func ("/model/slug/unused", test_slug_unused);
  g_test_add_func ("/model/tool/defaults", test_tool_defaults);
  g_test_add_func ("/model/tool/notify-once", test_tool_notify_once);
  g_test_add_func ("/model/tool/community", test_tool_community);
  g_test_add_func ("/model/tool/website", test_tool_website);
  g_test_add_func ("/model/tool/name-required", test_tool_name_required);
  g_test_add_func ("/model/reviewer/prompts", test_reviewer_prompts);
  g_test_add_func ("/model/scorecard/quote", test_scorecard_quote);
  g_test_add_func ("/model/comparison/slug-and-date", test_slug_and_date);
  g_test_add_func ("/model/comparison/validate", test_comparison_validate);
  g_test_add_func ("/model/panel/rounding", test_panel_rounding);
  g_test_add ("/model/panel/live", PanelFixture, NULL,
              panel_fixture_set_up, test_panel_live, panel_fixture_tear_down);

  return g_test_run ();
}
