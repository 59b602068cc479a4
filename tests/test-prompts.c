/* test-prompts.c — removing a custom reviewer's prompt: the text under it
 * is kept in the database and out of every page, and comes back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "vd-error.h"
#include "vd-export.h"
#include "vd-page.h"
#include "vd-session.h"
#include "vd-store.h"
#include "vd-store-private.h"
#include "vd-sync-file.h"
#include "vd-test-util.h"

#define DEMO_SLUG "claude-haiku-open-weights-vs-mistral-medium-3"
#define DEMO_UUID "9a4d6e2f-7c1b-4e3a-b5d8-0f2e4c6a8b10"

/* The demo desk with Ada, a custom reviewer on the demo's panel: three
 * prompts, a scorecard on each tool; only the first has text under the
 * middle prompt. */
typedef struct
{
  VdStore    *store;
  char       *ada;
  char       *cards[2];
} Fixture;

static const char * const ada_prompts[] = { "The buyer", "The moat", "The bet", NULL };
static const char * const card_a[] = { "Buyer A.", "Moat A.", "Bet A.", NULL };
static const char * const card_b[] = { "Buyer B.", "", "Bet B.", NULL };

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VdReviewer) ada = vd_reviewer_new ("Ada", VD_PERSONA_CUSTOM);
  g_autoptr(VdComparison) comparison = NULL;
  g_autoptr(GStrvBuilder) panel = g_strv_builder_new ();
  g_auto(GStrv) new_panel = NULL;
  const char *tools[2];

  fixture->store = vd_test_new_demo_store (NULL);
  g_assert_true (vd_reviewer_set_prompts (ada, ada_prompts));
  g_assert_true (vd_store_save (fixture->store, VD_RECORD (ada), &error));
  g_assert_no_error (error);
  fixture->ada = g_strdup (vd_record_get_uuid (VD_RECORD (ada)));

  comparison = vd_store_load (fixture->store, VD_TYPE_COMPARISON, DEMO_UUID, &error);
  g_assert_no_error (error);
  g_strv_builder_addv (panel, (const char **) vd_comparison_get_panel (comparison));
  g_strv_builder_add (panel, fixture->ada);
  new_panel = g_strv_builder_end (panel);
  vd_comparison_set_panel (comparison, (const char * const *) new_panel);
  g_assert_true (vd_store_save (fixture->store, VD_RECORD (comparison), &error));
  g_assert_no_error (error);

  tools[0] = vd_comparison_get_tool_a (comparison);
  tools[1] = vd_comparison_get_tool_b (comparison);
  for (guint t = 0; t < 2; t++)
    {
      g_autoptr(VdScorecard) card = vd_scorecard_new (DEMO_UUID, tools[t], fixture->ada);

      vd_scorecard_set_verdict (card, VD_VERDICT_SHIP);
      vd_scorecard_set_sections (card, t == 0 ? card_a : card_b);
      g_assert_true (vd_store_save (fixture->store, VD_RECORD (card), &error));
      g_assert_no_error (error);
      fixture->cards[t] = g_strdup (vd_record_get_uuid (VD_RECORD (card)));
    }
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  g_free (fixture->ada);
  g_free (fixture->cards[0]);
  g_free (fixture->cards[1]);
}

static void
assert_strv (const char * const *list,
             ...) G_GNUC_NULL_TERMINATED;

static void
assert_strv (const char * const *list,
             ...)
{
  va_list args;
  guint i = 0;
  const char *expected;

  va_start (args, list);
  while ((expected = va_arg (args, const char *)) != NULL)
    {
      g_assert_nonnull (list[i]);
      g_assert_cmpstr (list[i], ==, expected);
      i++;
    }
  va_end (args);
  g_assert_null (list[i]);
}

static VdScorecard *
load_card (Fixture *fixture,
           guint    tool)
{
  g_autoptr(GError) error = NULL;
  VdScorecard *card = vd_store_load (fixture->store, VD_TYPE_SCORECARD, fixture->cards[tool],
                                     &error);

  g_assert_no_error (error);
  return card;
}

static VdReviewer *
load_ada (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  VdReviewer *ada = vd_store_load (fixture->store, VD_TYPE_REVIEWER, fixture->ada, &error);

  g_assert_no_error (error);
  return ada;
}

static gint64
count_set_aside (Fixture    *fixture,
                 const char *value)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_prepare_v2 (fixture->store->db,
                                       "SELECT count (*) FROM scorecards_set_aside "
                                       "WHERE ?1 IS NULL OR value = ?1", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, value, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

static char *
export_folder_page (Fixture *fixture)
{
  g_autofree char *dir = vd_test_make_dir ();
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autofree char *page = g_build_filename (dir, DEMO_SLUG ".json", NULL);
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_assert_true (vd_export_to_directory (fixture->store, DEMO_SLUG, folder, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (page, &text, NULL, &error));
  g_assert_no_error (error);
  return text;
}

static gint64
remove_moat (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  guint n = 99;
  gint64 removal;

  g_assert_true (vd_store_count_prompt_text (fixture->store, fixture->ada, 1, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 1);

  removal = vd_store_remove_prompt (fixture->store, fixture->ada, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (removal, >, 0);
  return removal;
}

/* The text under a removed prompt stays in the database, out of the page:
 * no other prompt gets it, and neither export carries it. */
static void
test_remove_keeps_text (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *before = vd_test_export (fixture->store, DEMO_SLUG);
  g_autofree char *after = NULL;
  g_autofree char *page = NULL;
  g_autoptr(VdReviewer) ada = NULL;
  g_autoptr(VdScorecard) a = NULL;
  g_autoptr(VdScorecard) b = NULL;
  g_autofree char *quote = NULL;

  g_assert_nonnull (strstr (before, "Moat A."));
  remove_moat (fixture);

  ada = load_ada (fixture);
  assert_strv (vd_reviewer_get_prompts (ada), "The buyer", "The bet", NULL);
  /* The sections after it moved up with their prompts. */
  a = load_card (fixture, 0);
  b = load_card (fixture, 1);
  assert_strv (vd_scorecard_get_sections (a), "Buyer A.", "Bet A.", NULL);
  assert_strv (vd_scorecard_get_sections (b), "Buyer B.", "Bet B.", NULL);
  quote = vd_scorecard_dup_quote (a);
  g_assert_cmpstr (quote, ==, "Buyer A. Bet A.");

  /* Kept, once: the empty section had nothing to keep. */
  g_assert_cmpint (count_set_aside (fixture, "Moat A."), ==, 1);
  g_assert_cmpint (count_set_aside (fixture, NULL), ==, 1);

  after = vd_test_export (fixture->store, DEMO_SLUG);
  g_assert_null (strstr (after, "Moat A."));
  g_assert_nonnull (strstr (after, "Bet A."));
  page = export_folder_page (fixture);
  g_assert_null (strstr (page, "Moat A."));
  g_assert_nonnull (strstr (page, "Bet A."));
}

/* The shared desk's files are the records' fields: the removal reaches
 * them as shorter lists, and the text set aside is in none of them. */
static void
test_remove_not_in_desk_files (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(VdReviewer) ada = NULL;

  remove_moat (fixture);
  ada = load_ada (fixture);
  {
    g_autoptr(GBytes) file = vd_sync_file_write (VD_RECORD (ada), FALSE);
    g_autofree char *text = g_strndup (g_bytes_get_data (file, NULL), g_bytes_get_size (file));

    g_assert_null (strstr (text, "The moat"));
    g_assert_nonnull (strstr (text, "The bet"));
  }
  for (guint t = 0; t < 2; t++)
    {
      g_autoptr(VdScorecard) card = load_card (fixture, t);
      g_autoptr(GBytes) file = vd_sync_file_write (VD_RECORD (card), FALSE);
      g_autofree char *text = g_strndup (g_bytes_get_data (file, NULL), g_bytes_get_size (file));

      g_assert_null (strstr (text, "Moat A."));
      g_assert_nonnull (strstr (text, t == 0 ? "Bet A." : "Bet B."));
    }
  /* Kept all the same. */
  g_assert_cmpint (count_set_aside (fixture, "Moat A."), ==, 1);
}

/* The page a window shows (the preview's model) has no trace of it either,
 * and still checks every prompt it has. */
static void
test_remove_page_model (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(VdSession) session = vd_session_new (fixture->store, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(VdComparison) comparison = vd_session_lookup (session, VD_TYPE_COMPARISON,
                                                          DEMO_UUID, &error);
  g_autoptr(VdPage) page = vd_page_new (session, comparison, &error);
  g_autoptr(VdReviewer) ada = vd_session_lookup (session, VD_TYPE_REVIEWER, fixture->ada, &error);
  g_autoptr(VdScorecard) a = NULL;
  g_autofree char *quote = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  guint n = 0;
  gint64 removal;

  g_assert_no_error (error);
  a = g_object_ref (vd_page_get_scorecard (page, fixture->ada, 0));
  /* An edit not written yet is counted and kept with the rest. */
  vd_scorecard_set_section (a, 2, "Bet A, edited.");
  g_assert_true (vd_session_count_prompt_text (session, ada, 1, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 1);

  removal = vd_session_remove_prompt (session, ada, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (removal, >, 0);
  /* The objects the views hold follow. */
  assert_strv (vd_reviewer_get_prompts (ada), "The buyer", "The bet", NULL);
  assert_strv (vd_scorecard_get_sections (a), "Buyer A.", "Bet A, edited.", NULL);
  g_object_get (a, "quote", &quote, NULL);
  g_assert_cmpstr (quote, ==, "Buyer A. Bet A, edited.");
  problems = vd_page_check_readiness (page);
  for (guint i = 0; i < problems->len; i++)
    g_assert_null (strstr (g_ptr_array_index (problems, i), "moat"));

  /* Undo, through the session: exactly as it was, edit included. */
  g_assert_true (vd_session_restore_prompt (session, ada, 1, "The moat", removal, &error));
  g_assert_no_error (error);
  assert_strv (vd_reviewer_get_prompts (ada), "The buyer", "The moat", "The bet", NULL);
  assert_strv (vd_scorecard_get_sections (a), "Buyer A.", "Moat A.", "Bet A, edited.", NULL);
  g_assert_cmpint (count_set_aside (fixture, NULL), ==, 0);
}

/* Undo puts back exactly what the removal took: the page's bytes again. */
static void
test_undo (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *before = vd_test_export (fixture->store, DEMO_SLUG);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VdReviewer) ada = NULL;
  g_autoptr(VdScorecard) a = NULL;
  g_autoptr(VdScorecard) b = NULL;
  gint64 removal = remove_moat (fixture);

  g_assert_true (vd_store_restore_prompt (fixture->store, fixture->ada, 1, "The moat", removal,
                                          &error));
  g_assert_no_error (error);

  ada = load_ada (fixture);
  assert_strv (vd_reviewer_get_prompts (ada), "The buyer", "The moat", "The bet", NULL);
  a = load_card (fixture, 0);
  b = load_card (fixture, 1);
  assert_strv (vd_scorecard_get_sections (a), "Buyer A.", "Moat A.", "Bet A.", NULL);
  assert_strv (vd_scorecard_get_sections (b), "Buyer B.", "", "Bet B.", NULL);
  g_assert_cmpint (count_set_aside (fixture, NULL), ==, 0);

  after = vd_test_export (fixture->store, DEMO_SLUG);
  g_assert_nonnull (strstr (after, "Moat A."));
  /* Only the stamps moved. */
  g_assert_cmpuint (strlen (after), ==, strlen (before));
}

/* Deleting the comparison and undoing that (the same records stored
 * again) keeps what was set aside, for the prompt's own Undo. */
static void
test_survives_delete_undo (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VdComparison) comparison = vd_store_load (fixture->store, VD_TYPE_COMPARISON,
                                                      DEMO_UUID, &error);
  g_autoptr(GListStore) cards = NULL;
  g_autoptr(VdScorecard) a = NULL;
  gint64 removal = remove_moat (fixture);

  cards = vd_store_list_scorecards (fixture->store, comparison, &error);
  g_assert_no_error (error);
  g_assert_true (vd_store_delete (fixture->store, VD_RECORD (comparison), &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_set_aside (fixture, "Moat A."), ==, 1);

  g_assert_true (vd_store_put (fixture->store, VD_RECORD (comparison), &error));
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (cards)); i++)
    {
      g_autoptr(VdRecord) card = g_list_model_get_item (G_LIST_MODEL (cards), i);

      g_assert_true (vd_store_put (fixture->store, card, &error));
      g_assert_no_error (error);
    }

  g_assert_true (vd_store_restore_prompt (fixture->store, fixture->ada, 1, "The moat", removal,
                                          &error));
  g_assert_no_error (error);
  a = load_card (fixture, 0);
  assert_strv (vd_scorecard_get_sections (a), "Buyer A.", "Moat A.", "Bet A.", NULL);
}

/* Adding the prompt again, spelt another way, brings the text back under
 * it; text typed there meanwhile is never overwritten. */
static void
test_re_add (Fixture       *fixture,
             gconstpointer  data)
{
  const char * const again[] = { "The buyer", "The bet", "  the   MOAT ", NULL };
  g_autoptr(VdReviewer) ada = NULL;
  g_autoptr(VdScorecard) a = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;
  guint n = 0;

  remove_moat (fixture);
  ada = load_ada (fixture);
  g_assert_false (vd_store_has_set_aside_text (fixture->store, fixture->ada,
                                               vd_reviewer_get_prompts (ada)));
  g_assert_true (vd_reviewer_set_prompts (ada, again));
  g_assert_true (vd_store_save (fixture->store, VD_RECORD (ada), &error));
  g_assert_no_error (error);
  g_assert_true (vd_store_has_set_aside_text (fixture->store, fixture->ada, again));

  g_assert_true (vd_store_take_back_prompt_text (fixture->store, fixture->ada, again, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 1);
  a = load_card (fixture, 0);
  assert_strv (vd_scorecard_get_sections (a), "Buyer A.", "Bet A.", "Moat A.", NULL);
  g_assert_cmpint (count_set_aside (fixture, NULL), ==, 0);
  after = vd_test_export (fixture->store, DEMO_SLUG);
  g_assert_nonnull (strstr (after, "Moat A."));

  /* Removed again and re-added over new text: the text stays aside. */
  {
    const char * const once_more[] = { "The buyer", "The bet", "The moat", NULL };
    g_autoptr(VdScorecard) card = NULL;
    g_autoptr(VdReviewer) reviewer = NULL;

    g_assert_cmpint (vd_store_remove_prompt (fixture->store, fixture->ada, 2, &error), >, 0);
    g_assert_no_error (error);
    reviewer = load_ada (fixture);
    g_assert_true (vd_reviewer_set_prompts (reviewer, once_more));
    g_assert_true (vd_store_save (fixture->store, VD_RECORD (reviewer), &error));
    card = load_card (fixture, 0);
    vd_scorecard_set_section (card, 2, "Written since.");
    g_assert_true (vd_store_save (fixture->store, VD_RECORD (card), &error));
    g_assert_no_error (error);

    g_assert_true (vd_store_take_back_prompt_text (fixture->store, fixture->ada, once_more, &n,
                                                   &error));
    g_assert_no_error (error);
    g_assert_cmpuint (n, ==, 0);
    g_clear_object (&card);
    card = load_card (fixture, 0);
    g_assert_cmpstr (vd_scorecard_get_section (card, 2), ==, "Written since.");
    g_assert_cmpint (count_set_aside (fixture, "Moat A."), ==, 1);
  }
}

/* Fewer prompts (another persona): the sections past them show in no form,
 * so they are set aside under their old prompts, out of the export, and
 * come back when those prompts do. */
static void
test_fewer_prompts (Fixture       *fixture,
                    gconstpointer  data)
{
  const char * const two[] = { "The buyer", "The moat", NULL };
  g_autoptr(VdReviewer) ada = load_ada (fixture);
  g_autoptr(VdScorecard) a = NULL;
  g_autoptr(VdScorecard) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;
  guint n = 0;

  g_assert_true (vd_reviewer_set_prompts (ada, two));
  g_assert_true (vd_store_save (fixture->store, VD_RECORD (ada), &error));
  g_assert_no_error (error);
  g_assert_true (vd_store_set_aside_past_prompts (fixture->store, fixture->ada, ada_prompts, &n,
                                                  &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 2);
  a = load_card (fixture, 0);
  assert_strv (vd_scorecard_get_sections (a), "Buyer A.", "Moat A.", NULL);
  after = vd_test_export (fixture->store, DEMO_SLUG);
  g_assert_null (strstr (after, "Bet A."));
  g_assert_null (strstr (after, "Bet B."));

  g_assert_true (vd_reviewer_set_prompts (ada, ada_prompts));
  g_assert_true (vd_store_save (fixture->store, VD_RECORD (ada), &error));
  g_assert_true (vd_store_take_back_prompt_text (fixture->store, fixture->ada, ada_prompts, &n,
                                                 &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 2);
  back = load_card (fixture, 1);
  assert_strv (vd_scorecard_get_sections (back), "Buyer B.", "", "Bet B.", NULL);
  g_assert_cmpint (count_set_aside (fixture, NULL), ==, 0);
}

/* A built-in persona's prompts are not the reviewer's to remove. */
static void
test_built_in_refused (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VdComparison) comparison = vd_store_load (fixture->store, VD_TYPE_COMPARISON,
                                                      DEMO_UUID, &error);
  const char *built_in = vd_comparison_get_panel (comparison)[0];
  g_autofree char *before = vd_test_export (fixture->store, DEMO_SLUG);
  g_autofree char *after = NULL;

  g_assert_cmpint (vd_store_remove_prompt (fixture->store, built_in, 0, &error), ==, 0);
  g_assert_error (error, VD_STORE_ERROR, VD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (vd_store_remove_prompt (fixture->store, fixture->ada, 3, &error), ==, 0);
  g_assert_error (error, VD_STORE_ERROR, VD_STORE_ERROR_NOT_FOUND);

  after = vd_test_export (fixture->store, DEMO_SLUG);
  g_assert_cmpstr (after, ==, before);
}

/* Text past a reviewer's prompts (a persona changed for one with fewer) is
 * in no form, so it is not on the page either. */
static void
test_export_only_prompted (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(VdReviewer) ada = load_ada (fixture);
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;

  const char * const two[] = { "The buyer", "The moat", NULL };

  g_assert_true (vd_reviewer_set_prompts (ada, two));
  g_assert_true (vd_store_save (fixture->store, VD_RECORD (ada), &error));
  g_assert_no_error (error);

  after = vd_test_export (fixture->store, DEMO_SLUG);
  g_assert_null (strstr (after, "Bet A."));
  g_assert_nonnull (strstr (after, "Moat A."));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/prompts/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("remove/keeps-text", test_remove_keeps_text);
  ADD ("remove/not-in-desk-files", test_remove_not_in_desk_files);
  ADD ("remove/page-model", test_remove_page_model);
  ADD ("remove/undo", test_undo);
  ADD ("remove/re-add", test_re_add);
  ADD ("remove/survives-delete-undo", test_survives_delete_undo);
  ADD ("remove/built-in-refused", test_built_in_refused);
  ADD ("fewer-prompts", test_fewer_prompts);
  ADD ("export/only-prompted", test_export_only_prompted);
#undef ADD

  return g_test_run ();
}
