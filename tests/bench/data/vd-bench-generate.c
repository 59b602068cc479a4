/* vd-bench-generate.c — a deterministic newsroom-scale database for the benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Scale 1 is 10,000 tools, 2,000 reviewers, 5,000 published comparisons and
 * 40,000 scorecards of four sections each (300–900 characters of mixed
 * scripts). Everything is written through vd_store_put(), so the file is
 * exactly what the desk itself would have written; the same scale always
 * gives the same rows (uuids from a counter, fixed timestamps, a fixed seed).
 */
#include "config.h"

#include <locale.h>
#include <glib/gstdio.h>

#include "vd-store.h"

#define BASE_SCALE_TOOLS        10000
#define BASE_SCALE_REVIEWERS    2000
#define BASE_SCALE_COMPARISONS  5000
#define PANEL_SIZE              4
#define N_SECTIONS              4
#define BATCH                   2000

/* 2026-01-01T00:00:00Z */
#define BASE_TIME ((gint64) 1767225600 * G_USEC_PER_SEC)

enum { KIND_TOOL = 1, KIND_REVIEWER, KIND_COMPARISON, KIND_SCORECARD };

/* Words in the scripts a newsroom publishes in; the generator strings them
 * into sentences, so sections mix them the way quoted prose does. */
static const char * const latin_words[] = {
  "the", "tool", "ships", "fast", "but", "its", "editor", "feels", "slow", "when",
  "projects", "grow", "pricing", "is", "fair", "for", "small", "teams", "and", "steep",
  "beyond", "that", "café", "naïve", "façade", "über", "señor", "déjà", "vu", "crème",
  "brûlée", "Ærøskøbing", "smörgåsbord", "résumé", "coöperate", "piñata", "Zürich",
  "Kraków", "São", "Paulo", "the", "model", "answers", "well", "latency", "under",
  "load", "was", "acceptable", "although", "documentation", "lags", "behind",
};

static const char * const cjk_words[] = {
  "速度", "很快", "编辑器", "价格", "合理", "团队", "使用", "体验", "日本語", "テスト",
  "ツール", "評価", "한국어", "도구", "평가", "좋다",
};

static const char * const arabic_words[] = {
  "الأداة", "سريعة", "لكن", "المحرر", "بطيء", "السعر", "مناسب", "للفرق", "الصغيرة",
  "التوثيق", "متأخر",
};

static const char * const emoji_words[] = {
  "🚀", "👍", "👎", "🤖", "✨", "🔥", "🧪", "📉", "📈", "🇫🇷", "👩🏽‍💻",
};

static const char * const categories[] = {
  "Coding assistant", "Writing", "Image generation", "Search", "Transcription",
  "Data analysis", "Agents", "Translation",
};

static char *
make_uuid (int    kind,
           guint  n)
{
  /* Version 4 and the RFC 4122 variant in their places, a counter in the rest. */
  return g_strdup_printf ("%08x-0000-4000-8000-%012x", kind, n);
}

static const char *
pick (GRand              *rand,
      const char * const *words,
      guint               n_words)
{
  return words[g_rand_int_range (rand, 0, (gint32) n_words)];
}

/* Between @min and @max characters (not bytes) of mixed-script prose. */
static char *
make_text (GRand *rand,
           guint  min,
           guint  max)
{
  guint target = (guint) g_rand_int_range (rand, (gint32) min, (gint32) max + 1);
  GString *text = g_string_sized_new (target * 2);
  guint chars = 0;

  while (chars < target)
    {
      guint roll = (guint) g_rand_int_range (rand, 0, 100);
      const char *word;

      if (roll < 70)
        word = pick (rand, latin_words, G_N_ELEMENTS (latin_words));
      else if (roll < 82)
        word = pick (rand, cjk_words, G_N_ELEMENTS (cjk_words));
      else if (roll < 94)
        word = pick (rand, arabic_words, G_N_ELEMENTS (arabic_words));
      else
        word = pick (rand, emoji_words, G_N_ELEMENTS (emoji_words));

      if (chars > 0)
        {
          g_string_append_c (text, roll % 9 == 0 ? '.' : ' ');
          chars++;
        }
      g_string_append (text, word);
      chars += g_utf8_strlen (word, -1);
    }

  /* Trim back to the target on a character boundary. */
  if (chars > target)
    {
      const char *end = g_utf8_offset_to_pointer (text->str, target);

      g_string_truncate (text, end - text->str);
    }

  return g_string_free (text, FALSE);
}

static gboolean
put (VdStore   *store,
     gpointer   record,
     gint64     stamp,
     guint     *n_in_batch,
     GError   **error)
{
  vd_record_set_created (record, stamp);
  vd_record_set_updated (record, stamp);

  if (!vd_store_put (store, record, error))
    return FALSE;

  if (++*n_in_batch >= BATCH)
    {
      *n_in_batch = 0;
      if (!vd_store_commit (store, error) || !vd_store_begin (store, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
generate (VdStore  *store,
          double    scale,
          GError  **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261125);
  guint n_tools = (guint) (BASE_SCALE_TOOLS * scale + 0.5);
  guint n_reviewers = (guint) (BASE_SCALE_REVIEWERS * scale + 0.5);
  guint n_comparisons = (guint) (BASE_SCALE_COMPARISONS * scale + 0.5);
  guint n_scorecards = 0;
  guint n_in_batch = 0;
  gint64 stamp = BASE_TIME;

  if (!vd_store_begin (store, error))
    return FALSE;

  for (guint i = 0; i < n_tools; i++)
    {
      g_autofree char *uuid = make_uuid (KIND_TOOL, i);
      g_autofree char *name = g_strdup_printf ("Tool %05u ✨", i);
      g_autofree char *website = g_strdup_printf ("https://tool-%05u.example.com/", i);
      g_autofree char *tagline = make_text (rand, 30, 80);
      g_autofree char *description = make_text (rand, 200, 600);
      g_autoptr(VdTool) tool = g_object_new (VD_TYPE_TOOL, "uuid", uuid, "name", name, NULL);

      vd_tool_set_vendor (tool, i % 3 == 0 ? "Société Générale d’IA" : "Acme Labs");
      vd_tool_set_category (tool, categories[i % G_N_ELEMENTS (categories)]);
      vd_tool_set_tagline (tool, tagline);
      vd_tool_set_description (tool, description);
      vd_tool_set_pricing (tool, (VdPricing) (i % 5));
      vd_tool_set_pricing_detail (tool, "From 9 € a month");
      vd_tool_set_website (tool, website);
      vd_tool_set_license (tool, i % 2 ? "Proprietary" : "Apache-2.0");
      if (i % 4 != 0)
        vd_tool_set_votes (tool, g_rand_int_range (rand, 0, 5000),
                           g_rand_int_range (rand, 0, 5000));

      if (!put (store, tool, stamp += G_USEC_PER_SEC, &n_in_batch, error))
        goto failed;
    }

  for (guint i = 0; i < n_reviewers; i++)
    {
      g_autofree char *uuid = make_uuid (KIND_REVIEWER, i);
      g_autofree char *name = g_strdup_printf ("Reviewer %04u Łukasz-Zoë", i);
      g_autoptr(VdReviewer) reviewer = NULL;
      /* Four sections need four prompts; the built-in personas have three. */
      const char * const prompts[] = {
        "What did it get right?", "Where did it fail — and how badly?",
        "Would you pay for it? 💶", "Who should use it?", NULL
      };

      reviewer = g_object_new (VD_TYPE_REVIEWER, "uuid", uuid, "name", name,
                               "persona", VD_PERSONA_CUSTOM, NULL);
      vd_reviewer_set_prompts (reviewer, prompts);

      if (!put (store, reviewer, stamp += G_USEC_PER_SEC, &n_in_batch, error))
        goto failed;
    }

  for (guint i = 0; i < n_comparisons; i++)
    {
      g_autofree char *uuid = make_uuid (KIND_COMPARISON, i);
      g_autofree char *slug = g_strdup_printf ("comparison-%05u", i);
      g_autofree char *title = g_strdup_printf ("Tool %05u vs Tool %05u — l’épreuve", 2 * i,
                                                2 * i + 1);
      g_autofree char *dek = make_text (rand, 80, 200);
      g_autofree char *pricing_read = make_text (rand, 80, 200);
      g_autofree char *tools[2] = { NULL, NULL };
      g_autofree char *panel_uuids[PANEL_SIZE + 1] = { NULL };
      g_autoptr(VdComparison) comparison = NULL;
      guint first = (guint) g_rand_int_range (rand, 0, (gint32) n_reviewers);

      /* Each tool appears in at most one comparison when there are enough. */
      tools[0] = make_uuid (KIND_TOOL, (2 * i) % n_tools);
      tools[1] = make_uuid (KIND_TOOL, (2 * i + 1) % n_tools);
      for (guint p = 0; p < PANEL_SIZE; p++)
        panel_uuids[p] = make_uuid (KIND_REVIEWER, (first + p * 7) % n_reviewers);

      comparison = g_object_new (VD_TYPE_COMPARISON, "uuid", uuid, "slug", slug,
                                 "tool-a", tools[0], "tool-b", tools[1], NULL);
      vd_comparison_set_title (comparison, title);
      vd_comparison_set_dek (comparison, dek);
      vd_comparison_set_pricing_read (comparison, pricing_read);
      vd_comparison_set_publish_date (comparison, "2026-11-20");
      vd_comparison_set_status (comparison, VD_STATUS_PUBLISHED);
      vd_comparison_set_panel (comparison, (const char * const *) panel_uuids);

      if (!put (store, comparison, stamp += G_USEC_PER_SEC, &n_in_batch, error))
        goto failed;

      for (guint p = 0; p < PANEL_SIZE; p++)
        for (guint t = 0; t < 2; t++)
          {
            g_autofree char *sc_uuid = make_uuid (KIND_SCORECARD, n_scorecards++);
            g_autoptr(VdScorecard) scorecard = NULL;
            char *sections[N_SECTIONS + 1] = { NULL };

            for (guint s = 0; s < N_SECTIONS; s++)
              sections[s] = make_text (rand, 300, 900);

            scorecard = g_object_new (VD_TYPE_SCORECARD, "uuid", sc_uuid,
                                      "comparison", uuid, "tool", tools[t],
                                      "reviewer", panel_uuids[p], NULL);
            vd_scorecard_set_verdict (scorecard, (VdVerdict) g_rand_int_range (rand, 0, 3));
            vd_scorecard_set_sections (scorecard, (const char * const *) sections);
            for (guint s = 0; s < N_SECTIONS; s++)
              g_free (sections[s]);

            if (!put (store, scorecard, stamp += G_USEC_PER_SEC, &n_in_batch, error))
              goto failed;
          }
    }

  return vd_store_commit (store, error);

failed:
  vd_store_rollback (store);
  return FALSE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VdStore) store = NULL;
  g_autofree char *database = NULL;
  g_autofree char *scale_text = NULL;
  double scale;
  gint64 start;
  const GOptionEntry entries[] = {
    { "scale", 0, 0, G_OPTION_ARG_STRING, &scale_text, "0.1, 1 or 4 (1 = 5,000 comparisons)",
      "SCALE" },
    { "database", 0, 0, G_OPTION_ARG_FILENAME, &database, "The database to write (must not exist)",
      "FILE" },
    G_OPTION_ENTRY_NULL
  };

  setlocale (LC_ALL, "");
  context = g_option_context_new ("— write a benchmark database");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("vd-bench-generate: %s\n", error->message);
      return 2;
    }

  if (database == NULL || scale_text == NULL)
    {
      g_printerr ("vd-bench-generate: --scale and --database are required\n");
      return 2;
    }

  scale = g_ascii_strtod (scale_text, NULL);
  if (scale <= 0 || scale > 16)
    {
      g_printerr ("vd-bench-generate: the scale must be between 0 and 16, not “%s”\n",
                  scale_text);
      return 2;
    }

  if (g_file_test (database, G_FILE_TEST_EXISTS))
    {
      g_printerr ("vd-bench-generate: “%s” exists already; refusing to overwrite it\n",
                  database);
      return 1;
    }

  start = g_get_monotonic_time ();
  if (!(store = vd_store_new (database, &error)) || !generate (store, scale, &error))
    {
      g_printerr ("vd-bench-generate: %s\n", error->message);
      g_clear_object (&store);
      g_unlink (database);
      return 1;
    }
  g_clear_object (&store);

  g_print ("vd-bench-generate: scale %s written to %s in %.1f s\n", scale_text, database,
           (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC);
  return 0;
}
