/* test-export-property.c — export, import, export: the same bytes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Random valid databases, each from its own fixed seed (the message names
 * it): tools with and without votes, reviewers of every persona, custom
 * prompts, comparisons of every status with panels that lost members after
 * they wrote scorecards, empty panels and lists, long mixed-script text with
 * control characters. Each is exported, imported into an empty database and
 * exported again; the two documents must be the same bytes, and strict JSON.
 */
#include "config.h"

#include "vd-error.h"
#include "vd-export.h"
#include "vd-import.h"
#include "vd-json-check.h"
#include "vd-test-util.h"

#define N_DATABASES 40

static const char * const pieces[] = {
  "review", "latency", " ", "  ", "Ship it.", "مرحبا بالعالم", "日本語のテキスト", "🚀", "👩🏽‍💻",
  "Ελληνικά", "é", "e\xcc\x81", "<b>bold</b>", "&amp;", "\"quoted\"", "back\\slash", "\t",
  "\n", "\r\n", "\x01", "\x1f", "\x7f", "\xe2\x80\xa8", "%s %d", "—", "'; DROP TABLE tools; --",
};

/* Mostly short, now and then long: a whole review section. */
static char *
random_text (GRand   *rand,
             gboolean blank_ok)
{
  GString *text = g_string_new (NULL);
  guint n = g_rand_int_range (rand, 0, 100) < 5 ? g_rand_int_range (rand, 500, 4000)
                                                 : g_rand_int_range (rand, 0, 12);

  for (guint i = 0; i < n; i++)
    g_string_append (text, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);

  if (!blank_ok)
    g_string_prepend (text, "Name ");

  return g_string_free (text, FALSE);
}

static char **
random_list (GRand *rand,
             guint  n)
{
  char **list = g_new0 (char *, n + 1);

  for (guint i = 0; i < n; i++)
    list[i] = random_text (rand, TRUE);
  return list;
}

static void
save (VdStore  *store,
      gpointer  record)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (vd_store_save (store, VD_RECORD (record), &error));
  g_assert_no_error (error);
}

static void
fill (VdStore *store,
      GRand   *rand)
{
  g_autoptr(GPtrArray) tools = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) reviewers = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_tools = g_rand_int_range (rand, 2, 6);
  guint n_reviewers = g_rand_int_range (rand, 0, 7);
  guint n_comparisons = g_rand_int_range (rand, 0, 5);

  for (guint i = 0; i < n_tools; i++)
    {
      g_autofree char *name = random_text (rand, FALSE);
      g_autofree char *tagline = random_text (rand, TRUE);
      g_autofree char *description = random_text (rand, TRUE);
      VdTool *tool = vd_tool_new (name);

      vd_tool_set_tagline (tool, tagline);
      vd_tool_set_description (tool, description);
      vd_tool_set_pricing (tool, g_rand_int_range (rand, VD_PRICING_FREE,
                                                   VD_PRICING_ENTERPRISE + 1));
      vd_tool_set_website (tool, g_rand_boolean (rand) ? "" : "https://example.org/tool?x=1");
      if (g_rand_boolean (rand))
        vd_tool_set_votes (tool, g_rand_int_range (rand, 0, 1000), g_rand_int_range (rand, 0, 1000));
      save (store, tool);
      g_ptr_array_add (tools, tool);
    }

  for (guint i = 0; i < n_reviewers; i++)
    {
      g_autofree char *name = random_text (rand, FALSE);
      VdPersona persona = g_rand_int_range (rand, VD_PERSONA_DEVELOPER_EXPERIENCE,
                                            VD_PERSONA_CUSTOM + 1);
      VdReviewer *reviewer = vd_reviewer_new (name, persona);

      if (persona == VD_PERSONA_CUSTOM)
        {
          g_auto(GStrv) prompts = random_list (rand, g_rand_int_range (rand, 0, 6));

          g_assert_true (vd_reviewer_set_prompts (reviewer, (const char * const *) prompts));
        }
      save (store, reviewer);
      g_ptr_array_add (reviewers, reviewer);
    }

  for (guint c = 0; c < n_comparisons; c++)
    {
      g_autofree char *slug = g_strdup_printf ("comparison-%u", c);
      g_autofree char *title = random_text (rand, TRUE);
      g_autofree char *dek = random_text (rand, TRUE);
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) panel = NULL;
      g_autoptr(VdComparison) comparison = NULL;
      guint a = g_rand_int_range (rand, 0, n_tools);
      guint b = (a + g_rand_int_range (rand, 1, n_tools)) % n_tools;
      VdTool *pair[2] = { g_ptr_array_index (tools, a), g_ptr_array_index (tools, b) };

      comparison = vd_comparison_new (slug, vd_record_get_uuid (VD_RECORD (pair[0])),
                                      vd_record_get_uuid (VD_RECORD (pair[1])));
      vd_comparison_set_title (comparison, title);
      vd_comparison_set_dek (comparison, dek);
      vd_comparison_set_status (comparison, g_rand_int_range (rand, VD_STATUS_DRAFT,
                                                              VD_STATUS_PUBLISHED + 1));
      if (g_rand_boolean (rand))
        vd_comparison_set_publish_date (comparison, "2026-11-20");

      for (guint r = 0; r < n_reviewers; r++)
        if (g_rand_boolean (rand))
          g_strv_builder_add (builder, vd_record_get_uuid (g_ptr_array_index (reviewers, r)));
      panel = g_strv_builder_end (builder);
      vd_comparison_set_panel (comparison, (const char * const *) panel);
      save (store, comparison);

      for (guint r = 0; panel[r] != NULL; r++)
        for (guint t = 0; t < 2; t++)
          {
            g_autoptr(VdScorecard) card = NULL;
            g_autoptr(VdReviewer) reviewer = NULL;
            g_auto(GStrv) sections = NULL;

            if (g_rand_int_range (rand, 0, 4) == 0)
              continue;

            reviewer = vd_store_load (store, VD_TYPE_REVIEWER, panel[r], NULL);
            card = vd_scorecard_new (vd_record_get_uuid (VD_RECORD (comparison)),
                                     vd_record_get_uuid (VD_RECORD (pair[t])), panel[r]);
            vd_scorecard_set_verdict (card, g_rand_int_range (rand, VD_VERDICT_NONE,
                                                              VD_VERDICT_SKIP + 1));
            sections = random_list (rand, g_strv_length ((char **) vd_reviewer_get_prompts (reviewer)));
            vd_scorecard_set_sections (card, (const char * const *) sections);
            save (store, card);
          }

      /* Someone leaves the panel after writing: their scorecards stay. */
      if (panel[0] != NULL && g_rand_boolean (rand))
        {
          vd_comparison_set_panel (comparison, (const char * const *) panel + 1);
          save (store, comparison);
        }
    }
}

static void
assert_round_trip (VdStore    *store,
                   const char *slug,
                   guint       seed)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) first = vd_test_export_as_stored (store, slug);
  g_autoptr(GBytes) second = NULL;
  g_autoptr(VdStore) empty = vd_test_new_empty_store ();

  g_assert_no_error (error);
  g_assert_true (vd_json_check (g_bytes_get_data (first, NULL), g_bytes_get_size (first), 16,
                                &error));
  g_assert_no_error (error);

  if (!vd_import_from_bytes (empty, first, NULL, &error))
    g_error ("seed %u, %s: the import refused the export: %s", seed, slug ? slug : "all",
             error->message);

  second = vd_test_export_as_stored (empty, slug);
  if (!g_bytes_equal (first, second))
    g_error ("seed %u, %s: export → import → export changed the document", seed,
             slug ? slug : "all");
}

static void
test_round_trip (void)
{
  guint pages = 0;

  for (guint seed = 1; seed <= N_DATABASES; seed++)
    {
      g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
      g_autoptr(VdStore) store = vd_test_new_empty_store ();
      g_autoptr(GListStore) comparisons = NULL;

      fill (store, rand);
      assert_round_trip (store, NULL, seed);

      /* Drafts and pages in review too, one by one. */
      comparisons = vd_store_list (store, VD_TYPE_COMPARISON, NULL);
      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (comparisons)); i++)
        {
          g_autoptr(VdComparison) comparison = g_list_model_get_item (G_LIST_MODEL (comparisons), i);

          assert_round_trip (store, vd_comparison_get_slug (comparison), seed);
          pages++;
        }
    }

  g_test_message ("%u databases, %u pages", N_DATABASES, pages);
  g_assert_cmpuint (pages, >, N_DATABASES);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export/property/round-trip", test_round_trip);

  return g_test_run ();
}
