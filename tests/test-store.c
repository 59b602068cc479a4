/* test-store.c — the SQLite store: records, rules, migrations, bad files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <sqlite3.h>
#include <glib/gstdio.h>

#include "vd-autosaver.h"
#include "vd-error.h"
#include "vd-search.h"
#include "vd-store.h"
#include "vd-store-private.h"
#include "vd-test-util.h"

#define HAIKU     "6f1c2a9e-3b4d-4e5f-8a7b-1c2d3e4f5a60"
#define MISTRAL   "6f1c2a9e-3b4d-4e5f-8a7b-1c2d3e4f5a61"
#define DX        "2b7e9c41-5d6a-4f8b-9c0d-7e1f2a3b4c50"
#define DEMO_SLUG "claude-haiku-open-weights-vs-mistral-medium-3"

static VdStore *
new_store (char **path_out)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = vd_test_path ("test.db");
  VdStore *store = vd_store_new (path, &error);

  g_assert_no_error (error);
  if (path_out != NULL)
    *path_out = g_steal_pointer (&path);
  return store;
}

static void
test_create (void)
{
  g_autofree char *path = NULL;
  g_autoptr(VdStore) store = new_store (&path);

  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (vd_store_get_schema_version (store), ==, vd_store_schema_get_latest ());
  g_assert_cmpstr (vd_store_get_path (store), ==, path);
}

static void
assert_same_fields (VdRecord *a,
                    VdRecord *b)
{
  guint n;
  GParamSpec **fields = vd_record_class_get_fields (VD_RECORD_GET_CLASS (a), &n);

  g_assert_true (G_OBJECT_TYPE (a) == G_OBJECT_TYPE (b));
  for (guint i = 0; i < n; i++)
    {
      g_auto(GValue) va = G_VALUE_INIT;
      g_auto(GValue) vb = G_VALUE_INIT;

      g_value_init (&va, G_PARAM_SPEC_VALUE_TYPE (fields[i]));
      g_value_init (&vb, G_PARAM_SPEC_VALUE_TYPE (fields[i]));
      g_object_get_property (G_OBJECT (a), fields[i]->name, &va);
      g_object_get_property (G_OBJECT (b), fields[i]->name, &vb);

      if (G_VALUE_HOLDS (&va, G_TYPE_STRV))
        g_assert_true (g_strv_equal (g_value_get_boxed (&va), g_value_get_boxed (&vb)));
      else
        g_assert_cmpint (g_param_values_cmp (fields[i], &va, &vb), ==, 0);
    }
}

static void
test_save_load_every_type (void)
{
  g_autoptr(VdStore) store = new_store (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(VdTool) a = vd_tool_new ("Claude <b>Haiku</b> & “co” 🚀");
  g_autoptr(VdTool) b = vd_tool_new ("ميسترال");
  g_autoptr(VdReviewer) reviewer = vd_reviewer_new ("Ada", VD_PERSONA_CUSTOM);
  g_autoptr(VdComparison) comparison = NULL;
  g_autoptr(VdScorecard) scorecard = NULL;
  const char *prompts[] = { "The hook", "The ' catch; DROP TABLE tools; --", NULL };
  const char *sections[] = { "First.", "", "Third 日本語.", NULL };
  const char *panel[2] = { NULL, NULL };
  VdRecord *records[4];

  vd_tool_set_pricing (a, VD_PRICING_OPEN_SOURCE);
  vd_tool_set_votes (a, 12, 0);
  vd_tool_set_website (a, "https://example.com/?a=1&b=2");
  vd_tool_set_description (b, "Line one\nLine two\ttabbed");
  g_assert_true (vd_reviewer_set_prompts (reviewer, prompts));

  panel[0] = vd_record_get_uuid (VD_RECORD (reviewer));
  comparison = vd_comparison_new ("a-vs-b", vd_record_get_uuid (VD_RECORD (a)),
                                  vd_record_get_uuid (VD_RECORD (b)));
  vd_comparison_set_panel (comparison, panel);
  vd_comparison_set_status (comparison, VD_STATUS_IN_REVIEW);
  vd_comparison_set_publish_date (comparison, "2026-12-01");
  scorecard = vd_scorecard_new (vd_record_get_uuid (VD_RECORD (comparison)),
                                vd_record_get_uuid (VD_RECORD (b)), panel[0]);
  vd_scorecard_set_verdict (scorecard, VD_VERDICT_SKIP);
  vd_scorecard_set_sections (scorecard, sections);

  records[0] = VD_RECORD (a);
  records[1] = VD_RECORD (b);
  records[2] = VD_RECORD (reviewer);
  records[3] = VD_RECORD (comparison);
  for (guint i = 0; i < G_N_ELEMENTS (records); i++)
    {
      g_assert_true (vd_store_save (store, records[i], &error));
      g_assert_no_error (error);
    }
  g_assert_true (vd_store_save (store, VD_RECORD (scorecard), &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (records); i++)
    {
      g_autoptr(VdRecord) loaded = vd_store_load (store, G_OBJECT_TYPE (records[i]),
                                                  vd_record_get_uuid (records[i]), &error);

      g_assert_no_error (error);
      g_assert_true (loaded != records[i]);
      assert_same_fields (records[i], loaded);
    }

  {
    g_autoptr(GListStore) cards = vd_store_list_scorecards (store, comparison, &error);
    g_autoptr(VdScorecard) loaded = NULL;
    g_autofree char *quote = NULL;

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (cards)), ==, 1);
    loaded = g_list_model_get_item (G_LIST_MODEL (cards), 0);
    assert_same_fields (VD_RECORD (scorecard), VD_RECORD (loaded));
    quote = vd_scorecard_dup_quote (loaded);
    g_assert_cmpstr (quote, ==, "First. Third 日本語.");
  }

  {
    g_autoptr(GListStore) tools = vd_store_list (store, VD_TYPE_TOOL, &error);
    g_autoptr(VdComparison) by_slug = vd_store_load_comparison_by_slug (store, "a-vs-b", &error);

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (tools)), ==, 2);
    assert_same_fields (VD_RECORD (comparison), VD_RECORD (by_slug));
  }
}

static void
test_save_touches_updated (void)
{
  g_autoptr(VdStore) store = new_store (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(VdTool) tool = vd_tool_new ("A");
  g_autoptr(VdTool) loaded = NULL;
  gint64 before;

  vd_record_set_updated (VD_RECORD (tool), G_MAXINT64 - 10);
  before = vd_record_get_updated (VD_RECORD (tool));
  g_assert_true (vd_store_save (store, VD_RECORD (tool), &error));
  g_assert_no_error (error);

  /* Saving an edit always moves "updated" forward, even past a clock that
   * is behind the stored value, so that merges see the edit as newer. */
  g_assert_cmpint (vd_record_get_updated (VD_RECORD (tool)), >, before);
  loaded = vd_store_load (store, VD_TYPE_TOOL, vd_record_get_uuid (VD_RECORD (tool)), &error);
  g_assert_cmpint (vd_record_get_updated (VD_RECORD (loaded)), ==,
                   vd_record_get_updated (VD_RECORD (tool)));
}

static gint64
raw_int (VdStore    *store,
         const char *sql,
         const char *uuid)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (store->db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return value;
}

/* The demo database and its first scorecard, loaded as the desk would. */
typedef struct
{
  VdStore     *store;
  VdScorecard *card;
  const char  *uuid;
} CardFixture;

static void
card_fixture_set_up (CardFixture   *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VdComparison) demo = NULL;
  g_autoptr(GListStore) cards = NULL;

  fixture->store = vd_test_new_demo_store (NULL);
  demo = vd_store_load_comparison_by_slug (fixture->store, DEMO_SLUG, &error);
  cards = vd_store_list_scorecards (fixture->store, demo, &error);
  g_assert_no_error (error);
  fixture->card = g_list_model_get_item (G_LIST_MODEL (cards), 0);
  fixture->uuid = vd_record_get_uuid (VD_RECORD (fixture->card));
}

static void
card_fixture_tear_down (CardFixture   *fixture,
                        gconstpointer  data)
{
  g_clear_object (&fixture->card);
  g_clear_object (&fixture->store);
}

static VdScorecard *
reload_card (CardFixture *fixture)
{
  g_autoptr(GError) error = NULL;
  VdRecord *loaded = vd_store_load (fixture->store, VD_TYPE_SCORECARD, fixture->uuid, &error);

  g_assert_no_error (error);
  return VD_SCORECARD (loaded);
}

/* An edit of one section writes that section's row, stamped, and leaves the
 * scorecard's row alone; the scorecard still reads as updated by it. */
static void
test_section_edit_stamps_its_row (CardFixture   *fixture,
                                  gconstpointer  data)
{
  VdRecord *card = VD_RECORD (fixture->card);
  const char *row_sql = "SELECT updated FROM scorecards WHERE uuid = ?1";
  gint64 row_before = raw_int (fixture->store, row_sql, fixture->uuid);
  g_autoptr(VdScorecard) loaded = NULL;
  g_autoptr(GError) error = NULL;
  gint64 stored = 0;

  vd_scorecard_set_section (fixture->card, 1, "Edited.");
  g_assert_true (vd_store_save (fixture->store, card, &error));
  g_assert_no_error (error);

  g_assert_cmpint (raw_int (fixture->store, row_sql, fixture->uuid), ==, row_before);
  g_assert_cmpint (raw_int (fixture->store, "SELECT updated FROM scorecards_sections "
                                            "WHERE record = ?1 AND position = 1", fixture->uuid),
                   ==, vd_record_get_updated (card));
  g_assert_cmpint (vd_record_get_updated (card), >, row_before);

  loaded = reload_card (fixture);
  g_assert_cmpstr (vd_scorecard_get_section (loaded, 1), ==, "Edited.");
  g_assert_cmpint (vd_record_get_updated (VD_RECORD (loaded)), ==, vd_record_get_updated (card));
  g_assert_true (vd_store_contains (fixture->store, VD_TYPE_SCORECARD, fixture->uuid, &stored,
                                    &error));
  g_assert_cmpint (stored, ==, vd_record_get_updated (card));

  /* A verdict change writes the scorecard's row, stamp included. */
  vd_scorecard_set_verdict (fixture->card, VD_VERDICT_SKIP);
  g_assert_true (vd_store_save (fixture->store, card, &error));
  g_assert_cmpint (raw_int (fixture->store, row_sql, fixture->uuid), ==,
                   vd_record_get_updated (card));
}

/* A put of an older copy (stamps included) reads back as that copy: no
 * newer list row outlives it. */
static void
test_put_older_copy (CardFixture   *fixture,
                     gconstpointer  data)
{
  VdRecord *card = VD_RECORD (fixture->card);
  gint64 old_stamp = vd_record_get_updated (card) - 1000;
  g_autoptr(VdScorecard) loaded = NULL;
  g_autoptr(GError) error = NULL;

  vd_scorecard_set_section (fixture->card, 0, "Newer.");
  g_assert_true (vd_store_save (fixture->store, card, &error));

  vd_scorecard_set_section (fixture->card, 0, "Older.");
  vd_record_set_updated (card, old_stamp);
  g_assert_true (vd_store_put (fixture->store, card, &error));
  g_assert_no_error (error);

  loaded = reload_card (fixture);
  g_assert_cmpstr (vd_scorecard_get_section (loaded, 0), ==, "Older.");
  g_assert_cmpint (vd_record_get_updated (VD_RECORD (loaded)), ==, old_stamp);
}

static void
test_invalid_refused (void)
{
  g_autoptr(VdStore) store = new_store (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(VdTool) nameless = vd_tool_new ("");
  g_autoptr(VdTool) bad_url = vd_tool_new ("A");
  g_autoptr(GListStore) tools = NULL;

  g_assert_false (vd_store_save (store, VD_RECORD (nameless), &error));
  g_assert_error (error, VD_MODEL_ERROR, VD_MODEL_ERROR_INVALID);
  g_clear_error (&error);

  vd_tool_set_website (bad_url, "file:///etc/passwd");
  g_assert_false (vd_store_save (store, VD_RECORD (bad_url), &error));
  g_assert_error (error, VD_MODEL_ERROR, VD_MODEL_ERROR_INVALID);
  g_clear_error (&error);

  tools = vd_store_list (store, VD_TYPE_TOOL, &error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (tools)), ==, 0);
}

static void
test_references (void)
{
  g_autoptr(VdStore) store = vd_test_new_demo_store (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *ghost = g_uuid_string_random ();
  g_autoptr(VdTool) other = vd_tool_new ("Other");
  g_autoptr(VdComparison) dangling = vd_comparison_new ("x-vs-y", HAIKU, ghost);
  g_autoptr(VdComparison) duplicate = vd_comparison_new (DEMO_SLUG, HAIKU, MISTRAL);
  g_autoptr(VdComparison) demo = vd_store_load_comparison_by_slug (store, DEMO_SLUG, &error);
  g_autoptr(VdScorecard) wrong_tool = NULL;

  g_assert_no_error (error);

  g_assert_false (vd_store_save (store, VD_RECORD (dangling), &error));
  g_assert_error (error, VD_STORE_ERROR, VD_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, ghost));
  g_clear_error (&error);

  g_assert_false (vd_store_save (store, VD_RECORD (duplicate), &error));
  g_assert_error (error, VD_STORE_ERROR, VD_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, DEMO_SLUG));
  g_clear_error (&error);

  g_assert_true (vd_store_save (store, VD_RECORD (other), &error));
  wrong_tool = vd_scorecard_new (vd_record_get_uuid (VD_RECORD (demo)),
                                 vd_record_get_uuid (VD_RECORD (other)), DX);
  g_assert_false (vd_store_save (store, VD_RECORD (wrong_tool), &error));
  g_assert_error (error, VD_STORE_ERROR, VD_STORE_ERROR_INVALID);
}

static void
test_delete_tool_in_use (void)
{
  g_autoptr(VdStore) store = vd_test_new_demo_store (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(VdTool) haiku = vd_store_load (store, VD_TYPE_TOOL, HAIKU, &error);
  g_autoptr(VdTool) again = NULL;
  g_autoptr(VdTool) unused = vd_tool_new ("Unused");

  g_assert_false (vd_store_delete (store, VD_RECORD (haiku), &error));
  g_assert_error (error, VD_STORE_ERROR, VD_STORE_ERROR_IN_USE);
  g_assert_nonnull (strstr (error->message, DEMO_SLUG));
  g_assert_nonnull (strstr (error->message, "Claude Haiku Open Weights"));
  g_clear_error (&error);

  again = vd_store_load (store, VD_TYPE_TOOL, HAIKU, &error);
  g_assert_no_error (error);
  g_assert_nonnull (again);

  g_assert_true (vd_store_save (store, VD_RECORD (unused), &error));
  g_assert_true (vd_store_delete (store, VD_RECORD (unused), &error));
  g_assert_no_error (error);
  g_assert_false (vd_store_contains (store, VD_TYPE_TOOL,
                                     vd_record_get_uuid (VD_RECORD (unused)), NULL, &error));
  g_assert_no_error (error);

  /* Deleting what is gone says so. */
  g_assert_false (vd_store_delete (store, VD_RECORD (unused), &error));
  g_assert_error (error, VD_STORE_ERROR, VD_STORE_ERROR_NOT_FOUND);
}

static void
test_delete_reviewer_in_use (void)
{
  g_autoptr(VdStore) store = vd_test_new_demo_store (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(VdReviewer) dx = vd_store_load (store, VD_TYPE_REVIEWER, DX, &error);

  g_assert_false (vd_store_delete (store, VD_RECORD (dx), &error));
  g_assert_error (error, VD_STORE_ERROR, VD_STORE_ERROR_IN_USE);
  g_assert_true (vd_store_contains (store, VD_TYPE_REVIEWER, DX, NULL, NULL));
}

static void
test_delete_comparison_cascades (void)
{
  g_autoptr(VdStore) store = vd_test_new_demo_store (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(VdComparison) demo = vd_store_load_comparison_by_slug (store, DEMO_SLUG, &error);
  g_autoptr(GListStore) cards = NULL;
  g_autoptr(GListStore) tools = NULL;
  g_autoptr(VdTool) haiku = NULL;
  g_autoptr(VdReviewer) dx = NULL;

  cards = vd_store_list (store, VD_TYPE_SCORECARD, &error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (cards)), ==, 8);
  g_clear_object (&cards);

  g_assert_true (vd_store_delete (store, VD_RECORD (demo), &error));
  g_assert_no_error (error);

  cards = vd_store_list (store, VD_TYPE_SCORECARD, &error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (cards)), ==, 0);
  tools = vd_store_list (store, VD_TYPE_TOOL, &error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (tools)), ==, 2);

  /* With the comparison gone, nothing holds the tool or the reviewer. */
  haiku = vd_store_load (store, VD_TYPE_TOOL, HAIKU, &error);
  g_assert_true (vd_store_delete (store, VD_RECORD (haiku), &error));
  dx = vd_store_load (store, VD_TYPE_REVIEWER, DX, &error);
  g_assert_true (vd_store_delete (store, VD_RECORD (dx), &error));
  g_assert_no_error (error);
}

static void
on_changed (VdStore    *store,
            GType       type,
            const char *uuid,
            GPtrArray  *seen)
{
  g_ptr_array_add (seen, g_strdup_printf ("%s %s", g_type_name (type), uuid ? uuid : "*"));
}

static void
test_changed_signal (void)
{
  g_autoptr(VdStore) store = new_store (NULL);
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(VdTool) tool = vd_tool_new ("A");
  g_autoptr(VdTool) bad = vd_tool_new ("");
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;

  g_signal_connect (store, "changed", G_CALLBACK (on_changed), seen);

  g_assert_true (vd_store_save (store, VD_RECORD (tool), &error));
  g_assert_false (vd_store_save (store, VD_RECORD (bad), NULL));
  g_assert_cmpuint (seen->len, ==, 1);
  expected = g_strdup_printf ("VdTool %s", vd_record_get_uuid (VD_RECORD (tool)));
  g_assert_cmpstr (g_ptr_array_index (seen, 0), ==, expected);

  /* Inside a transaction (an autosave), the records are named after the
   * commit, not before. */
  g_assert_true (vd_store_begin (store, &error));
  vd_tool_set_name (tool, "B");
  g_assert_true (vd_store_save (store, VD_RECORD (tool), &error));
  g_assert_cmpuint (seen->len, ==, 1);
  g_assert_true (vd_store_commit (store, &error));
  g_assert_cmpuint (seen->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (seen, 1), ==, expected);

  /* A rolled-back transaction announces nothing. */
  g_assert_true (vd_store_begin (store, &error));
  g_assert_true (vd_store_save (store, VD_RECORD (tool), &error));
  vd_store_rollback (store);
  g_assert_cmpuint (seen->len, ==, 2);

  /* A large one (an import) is one bulk change: lists reload once. */
  g_assert_true (vd_store_begin (store, &error));
  for (guint i = 0; i < 100; i++)
    {
      g_autoptr(VdTool) many = vd_tool_new ("Many");

      g_assert_true (vd_store_save (store, VD_RECORD (many), &error));
    }
  g_assert_true (vd_store_commit (store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (seen->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (seen, 2), ==, "void *");
}

static void
test_rollback (void)
{
  g_autoptr(VdStore) store = new_store (NULL);
  g_autoptr(VdTool) tool = vd_tool_new ("A");
  g_autoptr(GError) error = NULL;

  g_assert_true (vd_store_begin (store, &error));
  g_assert_true (vd_store_save (store, VD_RECORD (tool), &error));
  vd_store_rollback (store);

  g_assert_false (vd_store_contains (store, VD_TYPE_TOOL, vd_record_get_uuid (VD_RECORD (tool)),
                                     NULL, &error));
  g_assert_no_error (error);
}

/* The shared desk's memory: rolled back with the rows it came with, so a
 * sync killed before its commit leaves the old base and the old rows. */
static void
test_sync_state (void)
{
  g_autoptr(VdStore) store = new_store (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) files = NULL;
  g_autofree char *commit = NULL;
  g_autofree char *gone = NULL;

  g_assert_null (vd_store_get_sync_value (store, "commit", &error));
  g_assert_no_error (error);

  g_assert_true (vd_store_set_sync_value (store, "commit", "1111", &error));
  g_assert_true (vd_store_set_sync_file (store, "tools/a.json", "aaaa", &error));
  g_assert_true (vd_store_set_sync_file (store, "tools/b.json", "bbbb", &error));
  g_assert_no_error (error);

  g_assert_true (vd_store_begin (store, &error));
  g_assert_true (vd_store_set_sync_value (store, "commit", "2222", &error));
  g_assert_true (vd_store_set_sync_file (store, "tools/a.json", "cccc", &error));
  g_assert_true (vd_store_set_sync_file (store, "tools/b.json", NULL, &error));
  vd_store_rollback (store);

  commit = vd_store_get_sync_value (store, "commit", &error);
  g_assert_cmpstr (commit, ==, "1111");
  files = vd_store_list_sync_files (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (files), ==, 2);
  g_assert_cmpstr (g_hash_table_lookup (files, "tools/a.json"), ==, "aaaa");
  g_assert_cmpstr (g_hash_table_lookup (files, "tools/b.json"), ==, "bbbb");
  g_clear_pointer (&files, g_hash_table_unref);

  g_assert_true (vd_store_set_sync_value (store, "commit", NULL, &error));
  g_assert_true (vd_store_set_sync_file (store, "tools/b.json", NULL, &error));
  gone = vd_store_get_sync_value (store, "commit", &error);
  g_assert_null (gone);
  files = vd_store_list_sync_files (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (files), ==, 1);
  g_assert_false (g_hash_table_contains (files, "tools/b.json"));
}

/* Bulk writes -------------------------------------------------------------- */

/* The file's own word on its journal: header bytes 18 and 19 are 2 in WAL
 * mode and 1 with a rollback journal. */
static int
header_journal (const char *path)
{
  g_autofree char *contents = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  g_assert_cmpuint (len, >=, 100);
  g_assert_cmpint (contents[18], ==, contents[19]);
  return contents[18];
}

/* A bulk write keeps the file in WAL: the header is never rewritten, and
 * another connection that opens the file meanwhile reads (the committed
 * state) at once, and a second writer waits for the bulk write's commit
 * rather than failing with "database is locked". @shared: the other
 * connection was open before the bulk write began. */
typedef struct
{
  const char *path;
  GMutex      lock;
  gboolean    wrote;
  GError     *error;
} OtherWriter;

static gpointer
write_from_other (gpointer data)
{
  OtherWriter *other = data;
  g_autoptr(VdStore) store = vd_store_new (other->path, &other->error);
  g_autoptr(VdTool) tool = vd_tool_new ("From the other");

  if (store != NULL && vd_store_save (store, VD_RECORD (tool), &other->error))
    {
      g_mutex_lock (&other->lock);
      other->wrote = TRUE;
      g_mutex_unlock (&other->lock);
    }
  return NULL;
}

static void
test_bulk_journal (gconstpointer shared)
{
  g_autofree char *path = NULL;
  g_autoptr(VdStore) store = new_store (&path);
  g_autoptr(VdStore) other = NULL;
  g_autoptr(VdTool) tool = vd_tool_new ("A");
  g_autoptr(GError) error = NULL;
  OtherWriter writer = { 0 };
  GThread *thread;

  if (shared)
    {
      other = vd_store_new (path, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (vd_store_count (other, VD_TYPE_TOOL, &error), ==, 0);
    }

  g_assert_cmpint (header_journal (path), ==, 2);
  vd_store_set_bulk (store, TRUE);
  g_assert_true (vd_store_begin (store, &error));
  g_assert_true (vd_store_save (store, VD_RECORD (tool), &error));
  g_assert_no_error (error);
  g_assert_cmpint (header_journal (path), ==, 2);

  /* A reader during the bulk write: opens, and sees what was committed. */
  if (other == NULL)
    other = vd_store_new (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (vd_store_count (other, VD_TYPE_TOOL, &error), ==, 0);
  g_assert_no_error (error);

  /* A writer during the bulk write waits for it. */
  writer.path = path;
  g_mutex_init (&writer.lock);
  thread = g_thread_new ("other-writer", write_from_other, &writer);
  g_usleep (200 * 1000);
  g_mutex_lock (&writer.lock);
  g_assert_false (writer.wrote);
  g_mutex_unlock (&writer.lock);

  g_assert_true (vd_store_commit (store, &error));
  g_assert_no_error (error);
  vd_store_set_bulk (store, FALSE);
  g_thread_join (thread);
  g_assert_no_error (writer.error);
  g_assert_true (writer.wrote);
  g_mutex_clear (&writer.lock);

  g_assert_cmpint (header_journal (path), ==, 2);
  g_assert_cmpuint (vd_store_count (other, VD_TYPE_TOOL, &error), ==, 2);
  g_assert_no_error (error);
}

static char *
index_sql (VdStore *store)
{
  g_autoptr(GString) text = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (store->db, "SELECT sql FROM sqlite_schema WHERE "
                                       "type = 'index' AND sql IS NOT NULL ORDER BY name",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (text, "%s;\n", sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Deferred indexes are gone for the transaction and back, the same, after
 * a commit or a rollback. */
static void
test_deferred_indexes (void)
{
  g_autoptr(VdStore) store = vd_test_new_demo_store (NULL);
  g_autofree char *before = index_sql (store);
  g_autofree char *during = NULL;
  g_autofree char *after_commit = NULL;
  g_autofree char *after_rollback = NULL;
  g_autoptr(VdTool) tool = vd_tool_new ("A");
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (strstr (before, "CREATE INDEX tools_name"));

  g_assert_true (vd_store_begin (store, &error));
  g_assert_true (vd_store_defer_indexes (store, &error));
  during = index_sql (store);
  g_assert_cmpstr (during, ==, "");
  g_assert_true (vd_store_save (store, VD_RECORD (tool), &error));
  g_assert_true (vd_store_commit (store, &error));
  g_assert_no_error (error);
  after_commit = index_sql (store);
  g_assert_cmpstr (after_commit, ==, before);

  g_assert_true (vd_store_begin (store, &error));
  g_assert_true (vd_store_defer_indexes (store, &error));
  vd_store_rollback (store);
  after_rollback = index_sql (store);
  g_assert_cmpstr (after_rollback, ==, before);

  /* A commit after the rollback has nothing left to build. */
  g_assert_true (vd_store_begin (store, &error));
  g_assert_true (vd_store_commit (store, &error));
  g_assert_no_error (error);
}

/* Search ------------------------------------------------------------------ */

static GPtrArray *
search (VdStore    *store,
        const char *text)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *hits = vd_store_search (store, text, 50, &error);

  g_assert_no_error (error);
  g_assert_nonnull (hits);
  return hits;
}

static VdSearchHit *
only_hit (VdStore    *store,
          const char *text)
{
  g_autoptr(GPtrArray) hits = search (store, text);

  g_assert_cmpuint (hits->len, ==, 1);
  return g_ptr_array_steal_index (hits, 0);
}

static gint64
search_rows (VdStore *store)
{
  return raw_int (store, "SELECT count(*) FROM search WHERE ?1 IS NULL", NULL);
}

/* A word inside a scorecard's section is found, says where it is, follows
 * the autosaver's one-field edit (that row alone) and goes with its record. */
static void
test_search_scorecard (CardFixture   *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VdAutosaver) autosaver = vd_autosaver_new (fixture->store, 0);
  g_autoptr(VdSearchHit) hit = NULL;
  g_autoptr(VdSearchHit) edited = NULL;
  g_autoptr(GPtrArray) gone = NULL;
  g_autoptr(GPtrArray) after_delete = NULL;
  g_autoptr(VdComparison) demo = NULL;
  gint64 rows;

  vd_scorecard_set_section (fixture->card, 1, "The café latency was quokka-grade.");
  g_assert_true (vd_store_save (fixture->store, VD_RECORD (fixture->card), &error));
  g_assert_no_error (error);

  /* The index takes in the writes before it answers. */
  hit = only_hit (fixture->store, "quokka");
  rows = search_rows (fixture->store);
  g_assert_true (hit->type == VD_TYPE_SCORECARD);
  g_assert_cmpstr (hit->uuid, ==, fixture->uuid);
  g_assert_cmpstr (hit->field, ==, "sections");
  g_assert_cmpint (hit->position, ==, 1);
  g_assert_nonnull (strstr (hit->snippet, "quokka"));
  g_assert_cmpstr (hit->comparison, ==, vd_scorecard_get_comparison (fixture->card));
  g_assert_cmpstr (hit->tool, ==, vd_scorecard_get_tool (fixture->card));
  g_assert_cmpstr (hit->reviewer, ==, vd_scorecard_get_reviewer (fixture->card));
  g_assert_nonnull (hit->comparison_title);
  g_assert_nonnull (hit->tool_name);
  g_assert_nonnull (hit->reviewer_name);
  /* Accents fold; the word being typed is a prefix. */
  g_clear_pointer (&hit, vd_search_hit_free);
  hit = only_hit (fixture->store, "cafe quok");
  g_assert_cmpstr (hit->uuid, ==, fixture->uuid);

  vd_autosaver_watch (autosaver, VD_RECORD (fixture->card));
  vd_scorecard_set_section (fixture->card, 1, "Now it reads wombat.");
  g_assert_true (vd_autosaver_flush (autosaver, &error));
  g_assert_no_error (error);
  gone = search (fixture->store, "quokka");
  g_assert_cmpuint (gone->len, ==, 0);
  edited = only_hit (fixture->store, "wombat");
  g_assert_cmpint (edited->position, ==, 1);
  g_assert_cmpint (search_rows (fixture->store), ==, rows);
  vd_autosaver_unwatch_all (autosaver);

  demo = vd_store_load_comparison_by_slug (fixture->store, DEMO_SLUG, &error);
  g_assert_no_error (error);
  g_assert_true (vd_store_delete (fixture->store, VD_RECORD (demo), &error));
  g_assert_no_error (error);
  after_delete = search (fixture->store, "wombat");
  g_assert_cmpuint (after_delete->len, ==, 0);
}

/* Tools, reviewers and comparisons: each text field, and a deleted record
 * leaves no row behind. */
static void
test_search_records (void)
{
  g_autoptr(VdStore) store = vd_test_new_empty_store ();
  g_autoptr(VdTool) tool = vd_tool_new ("Zebrafish Coder");
  g_autoptr(VdReviewer) reviewer = vd_reviewer_new ("Ottoline", VD_PERSONA_CUSTOM);
  const char * const prompts[] = { "Does it ship?", "Would a narwhal use it?", NULL };
  g_autoptr(VdSearchHit) by_name = NULL;
  g_autoptr(VdSearchHit) by_description = NULL;
  g_autoptr(VdSearchHit) by_prompt = NULL;
  g_autoptr(GPtrArray) gone = NULL;
  g_autoptr(GError) error = NULL;

  vd_tool_set_description (tool, "Writes pelican tests.");
  g_assert_true (vd_reviewer_set_prompts (reviewer, prompts));
  g_assert_true (vd_store_save (store, VD_RECORD (tool), &error));
  g_assert_true (vd_store_save (store, VD_RECORD (reviewer), &error));
  g_assert_no_error (error);

  by_name = only_hit (store, "zebrafish");
  g_assert_true (by_name->type == VD_TYPE_TOOL);
  g_assert_cmpstr (by_name->uuid, ==, vd_record_get_uuid (VD_RECORD (tool)));
  g_assert_cmpstr (by_name->field, ==, "name");
  g_assert_cmpstr (by_name->tool_name, ==, "Zebrafish Coder");
  by_description = only_hit (store, "pelican");
  g_assert_cmpstr (by_description->field, ==, "description");
  by_prompt = only_hit (store, "narwhal");
  g_assert_true (by_prompt->type == VD_TYPE_REVIEWER);
  g_assert_cmpstr (by_prompt->field, ==, "prompts");
  g_assert_cmpint (by_prompt->position, ==, 1);
  g_assert_cmpstr (by_prompt->reviewer_name, ==, "Ottoline");

  g_assert_true (vd_store_delete (store, VD_RECORD (tool), &error));
  g_assert_no_error (error);
  gone = search (store, "pelican");
  g_assert_cmpuint (gone->len, ==, 0);
  /* The reviewer's name and two prompts are all that is left. */
  g_assert_cmpint (search_rows (store), ==, 3);
}

/* What a person types is never query syntax: no error, and the words are
 * searched for as written. */
static void
test_search_syntax (void)
{
  g_autoptr(VdStore) store = vd_test_new_demo_store (NULL);
  const char * const texts[] = {
    "\"", "\"\"", "*", "NEAR(", "NEAR(a b", "a OR", "AND", "NOT x", "(", ")", "^",
    "title:x", "-", "+", "a:b:c", "\"unterminated", "x\"y", "{a b}", "a*b", "", "   ",
    "'; DROP TABLE tools; --", "\\", "NEAR(\"a\" \"b\", 3)",
  };
  g_autofree char *quoted = vd_search_query_from_text ("say \"hi\" ");

  g_assert_cmpstr (quoted, ==, "\"say\" \"\"\"hi\"\"\"");

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GPtrArray) hits = search (store, texts[i]);
    }
  g_assert_cmpuint (vd_store_count (store, VD_TYPE_TOOL, NULL), >, 0);
}

/* Migrations ------------------------------------------------------------- */

static sqlite3 *
open_raw (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  return db;
}

static void
exec_raw (sqlite3    *db,
          const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

/* Rows as an older version of the app wrote them, schema version by version.
 * Each entry is valid SQL for the schema at that version; add one when a
 * migration is added. */
/* Before version 5 "undecided" was what a new scorecard started as: no
 * verdict yet. */
#define UNDECIDED_ROW \
  "INSERT INTO scorecards VALUES ('c85f3b7a-1e9d-4c2b-a6f4-3d5e7a9b1c21', 1, 2, " \
  "  '9a4d6e2f-7c1b-4e3a-b5d8-0f2e4c6a8b10', '" HAIKU "', '" DX "', 'undecided');"

#define V1_ROWS \
  "INSERT INTO tools VALUES ('" HAIKU "', 1, 2, 'Haiku', '', 'Developer Tools', '', '', " \
  "  'free', '', '', '', NULL, NULL);" \
  "INSERT INTO tools VALUES ('" MISTRAL "', 1, 2, 'Mistral', '', '', '', '', " \
  "  'paid', '', '', '', 3, 1);" \
  "INSERT INTO reviewers VALUES ('" DX "', 1, 2, 'Priya', 'developer-experience');" \
  "INSERT INTO comparisons VALUES ('9a4d6e2f-7c1b-4e3a-b5d8-0f2e4c6a8b10', 1, 2, 'h-vs-m', " \
  "  'H vs M', '', '" HAIKU "', '" MISTRAL "', '', 'draft', '');" \
  "INSERT INTO comparisons_panel VALUES ('9a4d6e2f-7c1b-4e3a-b5d8-0f2e4c6a8b10', 0, '" DX "');" \
  "INSERT INTO scorecards VALUES ('c85f3b7a-1e9d-4c2b-a6f4-3d5e7a9b1c20', 1, 2, " \
  "  '9a4d6e2f-7c1b-4e3a-b5d8-0f2e4c6a8b10', '" MISTRAL "', '" DX "', 'ship');" \
  "INSERT INTO scorecards_sections VALUES ('c85f3b7a-1e9d-4c2b-a6f4-3d5e7a9b1c20', 0, 'Yes.');" \
  UNDECIDED_ROW

/* Version 3 gave the list rows a stamp of their own. */
#define V3_ROWS \
  "INSERT INTO tools VALUES ('" HAIKU "', 1, 2, 'Haiku', '', 'Developer Tools', '', '', " \
  "  'free', '', '', '', NULL, NULL);" \
  "INSERT INTO tools VALUES ('" MISTRAL "', 1, 2, 'Mistral', '', '', '', '', " \
  "  'paid', '', '', '', 3, 1);" \
  "INSERT INTO reviewers VALUES ('" DX "', 1, 2, 'Priya', 'developer-experience');" \
  "INSERT INTO comparisons VALUES ('9a4d6e2f-7c1b-4e3a-b5d8-0f2e4c6a8b10', 1, 2, 'h-vs-m', " \
  "  'H vs M', '', '" HAIKU "', '" MISTRAL "', '', 'draft', '');" \
  "INSERT INTO comparisons_panel VALUES ('9a4d6e2f-7c1b-4e3a-b5d8-0f2e4c6a8b10', 0, '" DX "', 0);" \
  "INSERT INTO scorecards VALUES ('c85f3b7a-1e9d-4c2b-a6f4-3d5e7a9b1c20', 1, 2, " \
  "  '9a4d6e2f-7c1b-4e3a-b5d8-0f2e4c6a8b10', '" MISTRAL "', '" DX "', 'ship');" \
  "INSERT INTO scorecards_sections VALUES ('c85f3b7a-1e9d-4c2b-a6f4-3d5e7a9b1c20', 0, 'Yes.', 0);" \
  UNDECIDED_ROW

/* Version 4 kept conflicts: one on the undecided card's verdict. */
#define V4_ROWS \
  V3_ROWS \
  "INSERT INTO conflicts VALUES (1, 'scorecard', 'c85f3b7a-1e9d-4c2b-a6f4-3d5e7a9b1c21', " \
  "  'verdict', '''ship''', '''undecided''', '''skip''', 3);"

/* Version 7: a custom reviewer whose third prompt was removed before
 * removing set text aside: its section was left in place. The changes rows
 * are what the desk noted for the search index. */
#define ADA "2b7e9c41-5d6a-4f8b-9c0d-7e1f2a3b4c59"
#define ADA_CARD "c85f3b7a-1e9d-4c2b-a6f4-3d5e7a9b1c22"
#define V7_ROWS \
  V4_ROWS \
  "INSERT INTO reviewers VALUES ('" ADA "', 1, 2, 'Ada', 'custom');" \
  "INSERT INTO reviewers_prompts VALUES ('" ADA "', 0, 'The buyer', 0);" \
  "INSERT INTO reviewers_prompts VALUES ('" ADA "', 1, 'The bet', 0);" \
  "INSERT INTO comparisons VALUES ('9a4d6e2f-7c1b-4e3a-b5d8-0f2e4c6a8b11', 1, 2, 'h-vs-m-2', " \
  "  'H vs M again', '', '" HAIKU "', '" MISTRAL "', '', 'draft', '');" \
  "INSERT INTO comparisons_panel VALUES ('9a4d6e2f-7c1b-4e3a-b5d8-0f2e4c6a8b11', 0, '" ADA "', 0);" \
  "INSERT INTO scorecards VALUES ('" ADA_CARD "', 1, 2, " \
  "  '9a4d6e2f-7c1b-4e3a-b5d8-0f2e4c6a8b11', '" HAIKU "', '" ADA "', 'ship');" \
  "INSERT INTO scorecards_sections VALUES ('" ADA_CARD "', 0, 'Buyer.', 0);" \
  "INSERT INTO scorecards_sections VALUES ('" ADA_CARD "', 1, 'Bet.', 0);" \
  "INSERT INTO scorecards_sections VALUES ('" ADA_CARD "', 2, 'Leftover.', 0);" \
  "INSERT INTO changes (kind, uuid) VALUES ('tools', '" MISTRAL "'), " \
  "  ('scorecards', 'c85f3b7a-1e9d-4c2b-a6f4-3d5e7a9b1c20'), ('scorecards', '" ADA_CARD "');"

static const char * const fixtures[] = {
  /* version 0 is the empty file */
  NULL,
  /* version 1 */
  V1_ROWS,
  /* version 2 added indexes only */
  V1_ROWS,
  /* version 3 */
  V3_ROWS,
  /* version 4 added the changes and conflicts tables */
  V4_ROWS
  "INSERT INTO changes (kind, uuid) VALUES ('tools', '" MISTRAL "');",
  /* version 5 added the shared desk's tables, empty until a sync */
  V4_ROWS,
  /* version 6 changed verdicts only */
  V4_ROWS,
  /* version 7 added the search index */
  V7_ROWS,
};

static void
test_migrate_from (gconstpointer data)
{
  int from = GPOINTER_TO_INT (data);
  g_autofree char *path = vd_test_path ("old.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(VdStore) store = NULL;
  sqlite3 *db = open_raw (path);

  G_STATIC_ASSERT (G_N_ELEMENTS (fixtures) >= 2);
  g_assert_cmpint (G_N_ELEMENTS (fixtures), ==, vd_store_schema_get_latest ());

  if (from > 0)
    {
      g_autofree char *app_id = g_strdup_printf ("PRAGMA application_id = %d",
                                                 VD_STORE_APPLICATION_ID);

      g_assert_true (vd_store_schema_migrate (db, 0, from, &error));
      g_assert_no_error (error);
      exec_raw (db, app_id);
      exec_raw (db, fixtures[from]);
    }
  sqlite3_close (db);

  store = vd_store_new (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (vd_store_get_schema_version (store), ==, vd_store_schema_get_latest ());

  if (from > 0)
    {
      g_autoptr(VdTool) mistral = vd_store_load (store, VD_TYPE_TOOL, MISTRAL, &error);
      g_autoptr(VdComparison) comparison = vd_store_load_comparison_by_slug (store, "h-vs-m",
                                                                            &error);
      g_autoptr(GListStore) cards = NULL;
      g_autoptr(VdScorecard) card = NULL;

      g_assert_no_error (error);
      g_assert_cmpstr (vd_tool_get_name (mistral), ==, "Mistral");
      g_assert_cmpint (vd_tool_get_votes_up (mistral), ==, 3);
      g_assert_cmpint (vd_tool_get_pricing (mistral), ==, VD_PRICING_PAID);
      g_assert_cmpstr (vd_comparison_get_panel (comparison)[0], ==, DX);

      cards = vd_store_list_scorecards (store, comparison, &error);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (cards)), ==, 2);
      card = vd_store_load (store, VD_TYPE_SCORECARD, "c85f3b7a-1e9d-4c2b-a6f4-3d5e7a9b1c20",
                            &error);
      g_assert_no_error (error);
      g_assert_cmpint (vd_scorecard_get_verdict (card), ==, VD_VERDICT_SHIP);
      g_assert_cmpstr (vd_scorecard_get_section (card, 0), ==, "Yes.");
      /* The search index holds what the file held before it existed. */
      {
        g_autoptr(VdSearchHit) section = only_hit (store, "yes");
        g_autoptr(VdSearchHit) name = only_hit (store, "mistral");

        g_assert_cmpstr (section->uuid, ==, "c85f3b7a-1e9d-4c2b-a6f4-3d5e7a9b1c20");
        g_assert_cmpstr (section->comparison_title, ==, "H vs M");
        g_assert_cmpstr (name->uuid, ==, MISTRAL);
      }
      /* The list rows' stamps are new: the record's own stays its "updated". */
      g_assert_cmpint (vd_record_get_updated (VD_RECORD (card)), ==, 2);
      g_assert_cmpint (vd_record_get_updated (VD_RECORD (comparison)), ==, 2);

      /* What was stored as undecided was no verdict yet. */
      {
        g_autoptr(VdScorecard) undecided = vd_store_load (store, VD_TYPE_SCORECARD,
                                                          "c85f3b7a-1e9d-4c2b-a6f4-3d5e7a9b1c21",
                                                          &error);

        g_assert_no_error (error);
        /* From version 6 on, undecided is a choice of its own. */
        g_assert_cmpint (vd_scorecard_get_verdict (undecided), ==,
                         from >= 6 ? VD_VERDICT_UNDECIDED : VD_VERDICT_NONE);
      }

      /* Text past its reviewer's prompts showed in no form but reached the
       * page: from version 8 it is set aside, kept, and found by no search. */
      if (from == 7)
        {
          g_autoptr(VdScorecard) ada = vd_store_load (store, VD_TYPE_SCORECARD, ADA_CARD, &error);
          g_autoptr(GPtrArray) hits = NULL;

          g_assert_no_error (error);
          g_assert_cmpuint (g_strv_length ((GStrv) vd_scorecard_get_sections (ada)), ==, 2);
          g_assert_cmpstr (vd_scorecard_get_section (ada, 1), ==, "Bet.");
          g_assert_cmpint (raw_int (store, "SELECT count (*) FROM scorecards_set_aside "
                                           "WHERE record = ?1 AND value = 'Leftover.' "
                                           "AND position = 2 AND key = ''", ADA_CARD), ==, 1);
          hits = search (store, "leftover");
          g_assert_cmpuint (hits->len, ==, 0);
          g_clear_pointer (&hits, g_ptr_array_unref);
          hits = search (store, "bet");
          g_assert_cmpuint (hits->len, >=, 1);
        }

      /* So was a conflict's copy of it; the other verdicts stay. */
      if (from >= 4 && from < 6)
        g_assert_cmpint (raw_int (store, "SELECT mine = '''none''' AND base = '''ship''' "
                                         "AND theirs = '''skip''' FROM conflicts "
                                         "WHERE record = ?1",
                                  "c85f3b7a-1e9d-4c2b-a6f4-3d5e7a9b1c21"), ==, 1);
    }

  /* And the migrated file takes new writes under the new schema. */
  {
    g_autoptr(VdTool) tool = vd_tool_new ("New");

    g_assert_true (vd_store_save (store, VD_RECORD (tool), &error));
    g_assert_no_error (error);
  }
}

/* Bad files: each is refused with its own error, and left byte for byte. */

static void
assert_refused (const char *path,
                GQuark      domain,
                int         code)
{
  g_autofree char *before = vd_test_file_checksum (path);
  g_autofree char *after = NULL;
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(VdStore) store = vd_store_new (path, &error);

  g_assert_null (store);
  g_assert_error (error, domain, code);
  g_assert_nonnull (strstr (error->message, "bad.db"));

  after = vd_test_file_checksum (path);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static void
test_bad_not_sqlite (void)
{
  g_autofree char *path = vd_test_path ("bad.db");

  g_assert_true (g_file_set_contents (path, "name,vendor\nHaiku,Anthropic\n", -1, NULL));
  assert_refused (path, VD_STORE_ERROR, VD_STORE_ERROR_NOT_DATABASE);
}

static void
test_bad_other_sqlite (void)
{
  g_autofree char *path = vd_test_path ("bad.db");
  sqlite3 *db = open_raw (path);

  exec_raw (db, "CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('mine');");
  sqlite3_close (db);

  assert_refused (path, VD_STORE_ERROR, VD_STORE_ERROR_NOT_DATABASE);
}

/* Moves the database at @path to "bad.db" beside it, the name the refusal
 * message must show. */
static char *
rename_to_bad (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  char *bad = g_build_filename (dir, "bad.db", NULL);

  g_assert_cmpint (g_rename (path, bad), ==, 0);
  return bad;
}

static void
test_bad_too_new (void)
{
  g_autofree char *path = NULL;
  g_autoptr(VdStore) store = new_store (&path);
  g_autofree char *bad = NULL;
  sqlite3 *db;

  g_clear_object (&store);
  bad = rename_to_bad (path);

  db = open_raw (bad);
  exec_raw (db, "PRAGMA journal_mode = DELETE; PRAGMA user_version = 99;");
  sqlite3_close (db);

  assert_refused (bad, VD_STORE_ERROR, VD_STORE_ERROR_TOO_NEW);
}

static void
test_bad_read_only (void)
{
  g_autofree char *path = NULL;
  g_autoptr(VdStore) store = vd_test_new_demo_store (&path);
  g_autofree char *bad = NULL;

  g_clear_object (&store);
  bad = rename_to_bad (path);
  g_assert_cmpint (g_chmod (bad, 0444), ==, 0);

  assert_refused (bad, VD_STORE_ERROR, VD_STORE_ERROR_READ_ONLY);
}

static void
test_bad_corrupt_header (void)
{
  g_autofree char *path = vd_test_path ("bad.db");
  g_autofree char *contents = g_malloc0 (4096);

  /* The magic is right; the rest of page one is noise. */
  memcpy (contents, "SQLite format 3", 16);
  for (guint i = 16; i < 4096; i++)
    contents[i] = (char) (i * 37 + 11);
  g_assert_true (g_file_set_contents (path, contents, 4096, NULL));

  assert_refused (path, VD_STORE_ERROR, VD_STORE_ERROR_CORRUPT);
}

static void
test_bad_corrupt_pages (void)
{
  g_autofree char *path = NULL;
  g_autoptr(VdStore) store = vd_test_new_demo_store (&path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) tools = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize len;

  g_clear_object (&store);   /* checkpoints: the file holds everything */

  /* Keep page one (the schema) and scribble over every later page. */
  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  g_assert_cmpuint (len, >, 8192);
  for (gsize i = 4096; i < len; i++)
    contents[i] = (char) 0xA5;
  g_assert_true (g_file_set_contents (path, contents, len, NULL));
  before = vd_test_file_checksum (path);

  /* The damage may show at open or at the first read; either way the error
   * says so, and the file is not touched. */
  store = vd_store_new (path, &error);
  if (store != NULL)
    {
      tools = vd_store_list (store, VD_TYPE_TOOL, &error);
      g_assert_null (tools);
    }
  g_assert_error (error, VD_STORE_ERROR, VD_STORE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, "damaged"));
  g_clear_object (&store);

  after = vd_test_file_checksum (path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_bad_directory (void)
{
  g_autofree char *dir = vd_test_make_dir ();
  g_autoptr(GError) error = NULL;
  g_autoptr(VdStore) store = vd_store_new (dir, &error);

  g_assert_null (store);
  g_assert_error (error, VD_STORE_ERROR, VD_STORE_ERROR_NOT_DATABASE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/create", test_create);
  g_test_add_func ("/store/save-load/every-type", test_save_load_every_type);
  g_test_add_func ("/store/save/touches-updated", test_save_touches_updated);
  g_test_add ("/store/save/section-edit-stamps-its-row", CardFixture, NULL,
              card_fixture_set_up, test_section_edit_stamps_its_row, card_fixture_tear_down);
  g_test_add ("/store/save/put-older-copy", CardFixture, NULL,
              card_fixture_set_up, test_put_older_copy, card_fixture_tear_down);
  g_test_add_func ("/store/save/invalid-refused", test_invalid_refused);
  g_test_add_func ("/store/save/references", test_references);
  g_test_add_func ("/store/delete/tool-in-use", test_delete_tool_in_use);
  g_test_add_func ("/store/delete/reviewer-in-use", test_delete_reviewer_in_use);
  g_test_add_func ("/store/delete/comparison-cascades", test_delete_comparison_cascades);
  g_test_add_func ("/store/changed-signal", test_changed_signal);
  g_test_add_func ("/store/rollback", test_rollback);
  g_test_add_func ("/store/sync-state", test_sync_state);
  g_test_add_data_func ("/store/bulk/journal", GINT_TO_POINTER (FALSE), test_bulk_journal);
  g_test_add_data_func ("/store/bulk/journal-shared", GINT_TO_POINTER (TRUE), test_bulk_journal);
  g_test_add_func ("/store/bulk/deferred-indexes", test_deferred_indexes);
  g_test_add ("/store/search/scorecard", CardFixture, NULL,
              card_fixture_set_up, test_search_scorecard, card_fixture_tear_down);
  g_test_add_func ("/store/search/records", test_search_records);
  g_test_add_func ("/store/search/syntax", test_search_syntax);

  for (int v = 0; v < vd_store_schema_get_latest (); v++)
    {
      g_autofree char *name = g_strdup_printf ("/store/migrate/from-v%d", v);

      g_test_add_data_func (name, GINT_TO_POINTER (v), test_migrate_from);
    }

  g_test_add_func ("/store/bad/not-sqlite", test_bad_not_sqlite);
  g_test_add_func ("/store/bad/other-sqlite", test_bad_other_sqlite);
  g_test_add_func ("/store/bad/too-new", test_bad_too_new);
  g_test_add_func ("/store/bad/read-only", test_bad_read_only);
  g_test_add_func ("/store/bad/corrupt-header", test_bad_corrupt_header);
  g_test_add_func ("/store/bad/corrupt-pages", test_bad_corrupt_pages);
  g_test_add_func ("/store/bad/directory", test_bad_directory);

  return g_test_run ();
}
