/* test-export.c — the JSON document the website publishes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <sys/resource.h>

#include "vd-error.h"
#include "vd-export.h"
#include "vd-import.h"
#include "vd-test-util.h"

#define DEMO_SLUG "claude-haiku-open-weights-vs-mistral-medium-3"

static JsonObject *
parse_comparison (JsonParser *parser,
                  const char *text,
                  guint       index)
{
  g_autoptr(GError) error = NULL;
  JsonObject *root;
  JsonArray *comparisons;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);

  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "format"), ==, VD_EXPORT_FORMAT);
  g_assert_cmpint (json_object_get_int_member (root, "schema_version"), ==,
                   VD_EXPORT_SCHEMA_VERSION);
  comparisons = json_object_get_array_member (root, "comparisons");
  g_assert_cmpuint (json_array_get_length (comparisons), >, index);

  return json_array_get_object_element (comparisons, index);
}

static void
test_demo_figures (void)
{
  g_autoptr(VdStore) store = vd_test_new_demo_store (NULL);
  g_autofree char *text = vd_test_export (store, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *comparison = parse_comparison (parser, text, 0);
  JsonArray *tools = json_object_get_array_member (comparison, "tools");
  JsonObject *haiku = json_array_get_object_element (tools, 0);
  JsonObject *mistral = json_array_get_object_element (tools, 1);
  JsonArray *scorecards = json_object_get_array_member (comparison, "scorecards");
  JsonArray *split = json_object_get_array_member (comparison, "split");
  JsonObject *card;

  /* The seed page: 50% / 100% panel ship, community "—", Free / Paid. */
  g_assert_cmpstr (json_object_get_string_member (comparison, "slug"), ==, DEMO_SLUG);
  g_assert_cmpstr (json_object_get_string_member (haiku, "name"), ==,
                   "Claude Haiku Open Weights");
  g_assert_cmpstr (json_object_get_string_member (haiku, "category"), ==, "Developer Tools");
  g_assert_cmpstr (json_object_get_string_member (
                     json_object_get_object_member (haiku, "panel"), "ship_label"), ==, "50%");
  g_assert_cmpint (json_object_get_int_member (
                     json_object_get_object_member (haiku, "panel"), "ship_percent"), ==, 50);
  g_assert_cmpstr (json_object_get_string_member (
                     json_object_get_object_member (mistral, "panel"), "ship_label"), ==, "100%");
  g_assert_cmpstr (json_object_get_string_member (
                     json_object_get_object_member (haiku, "community"), "label"), ==, "—");
  g_assert_true (json_object_get_null_member (
                   json_object_get_object_member (mistral, "community"), "percent"));
  g_assert_cmpstr (json_object_get_string_member (haiku, "pricing_label"), ==, "Free");
  g_assert_cmpstr (json_object_get_string_member (mistral, "pricing_label"), ==, "Paid");
  g_assert_cmpstr (json_object_get_string_member (mistral, "pricing"), ==, "paid");

  /* Four reviewers, eight scorecards in page order, three sections each. */
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (comparison,
                                                                         "reviewers")), ==, 4);
  g_assert_cmpuint (json_array_get_length (split), ==, 4);
  g_assert_cmpuint (json_array_get_length (scorecards), ==, 8);
  for (guint i = 0; i < 8; i++)
    {
      g_autofree char *quote = NULL;
      JsonArray *sections;

      card = json_array_get_object_element (scorecards, i);
      sections = json_object_get_array_member (card, "sections");
      g_assert_cmpuint (json_array_get_length (sections), ==, 3);
      g_assert_cmpstr (json_object_get_string_member (card, "tool"), ==,
                       json_object_get_string_member (
                         json_array_get_object_element (tools, i % 2), "uuid"));
      quote = g_strjoin (" ", json_array_get_string_element (sections, 0),
                         json_array_get_string_element (sections, 1),
                         json_array_get_string_element (sections, 2), NULL);
      g_assert_cmpstr (json_object_get_string_member (card, "quote"), ==, quote);
    }

  /* The split: the skeptic (second on the panel) skips Haiku, ships Mistral. */
  {
    JsonArray *verdicts = json_object_get_array_member (json_array_get_object_element (split, 1),
                                                        "verdicts");

    g_assert_cmpstr (json_array_get_string_element (verdicts, 0), ==, "skip");
    g_assert_cmpstr (json_array_get_string_element (verdicts, 1), ==, "ship");
  }
}

static void
test_deterministic (void)
{
  g_autofree char *path = NULL;
  g_autoptr(VdStore) first = vd_test_new_demo_store (&path);
  g_autoptr(VdStore) second = vd_test_new_demo_store (NULL);
  g_autofree char *a = vd_test_export (first, NULL);
  g_autofree char *b = vd_test_export (first, NULL);
  g_autofree char *c = vd_test_export (second, NULL);
  g_autofree char *d = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (a, ==, b);
  g_assert_cmpstr (a, ==, c);

  /* Reopening the file changes nothing either. */
  g_clear_object (&first);
  first = vd_store_new (path, &error);
  g_assert_no_error (error);
  d = vd_test_export (first, NULL);
  g_assert_cmpstr (a, ==, d);

  g_assert_true (g_utf8_validate (a, -1, NULL));
  g_assert_true (g_str_has_suffix (a, "}\n"));
}

static void
test_selection (void)
{
  g_autoptr(VdStore) store = vd_test_new_demo_store (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(VdComparison) demo = vd_store_load_comparison_by_slug (store, DEMO_SLUG, &error);
  g_autoptr(VdComparison) draft = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *all = NULL;
  g_autofree char *one = NULL;
  g_autoptr(GBytes) missing = NULL;
  JsonObject *root;

  /* A draft comparing the same tools the other way round. */
  draft = vd_comparison_new ("mistral-vs-haiku", vd_comparison_get_tool_b (demo),
                             vd_comparison_get_tool_a (demo));
  g_assert_true (vd_store_save (store, VD_RECORD (draft), &error));
  g_assert_no_error (error);

  all = vd_test_export (store, NULL);
  json_parser_load_from_data (parser, all, -1, &error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "comparisons")),
                    ==, 1);

  one = vd_test_export (store, "mistral-vs-haiku");
  g_assert_cmpstr (json_object_get_string_member (parse_comparison (parser, one, 0), "status"),
                   ==, "draft");
  g_assert_cmpstr (json_object_get_string_member (
                     json_object_get_object_member (
                       json_array_get_object_element (
                         json_object_get_array_member (parse_comparison (parser, one, 0),
                                                       "tools"), 0), "panel"), "ship_label"),
                   ==, "—");

  /* Ready comparisons are published too, once complete: a panel of one
   * reviewer without prompts, who abstains on one tool. */
  {
    g_autoptr(VdReviewer) solo = vd_reviewer_new ("Solo", VD_PERSONA_CUSTOM);
    const char *panel[] = { vd_record_get_uuid (VD_RECORD (solo)), NULL };

    g_assert_true (vd_store_save (store, VD_RECORD (solo), &error));
    vd_comparison_set_title (draft, "Mistral vs Haiku");
    vd_comparison_set_dek (draft, "The other way round.");
    vd_comparison_set_pricing_read (draft, "Paid against free.");
    vd_comparison_set_publish_date (draft, "2026-11-21");
    vd_comparison_set_panel (draft, panel);
    g_assert_true (vd_store_save (store, VD_RECORD (draft), &error));
    for (guint t = 0; t < 2; t++)
      {
        g_autoptr(VdScorecard) card =
          vd_scorecard_new (vd_record_get_uuid (VD_RECORD (draft)),
                            t == 0 ? vd_comparison_get_tool_a (draft)
                                   : vd_comparison_get_tool_b (draft),
                            panel[0]);

        vd_scorecard_set_verdict (card, t == 0 ? VD_VERDICT_SHIP : VD_VERDICT_UNDECIDED);
        g_assert_true (vd_store_save (store, VD_RECORD (card), &error));
      }
    g_assert_no_error (error);
  }
  vd_comparison_set_status (draft, VD_STATUS_READY);
  g_assert_true (vd_store_save (store, VD_RECORD (draft), &error));
  g_clear_pointer (&all, g_free);
  all = vd_test_export (store, NULL);
  g_assert_cmpstr (json_object_get_string_member (parse_comparison (parser, all, 1), "slug"),
                   ==, "mistral-vs-haiku");

  missing = vd_export_to_bytes (store, "no-such-page", &error);
  g_assert_null (missing);
  g_assert_error (error, VD_EXPORT_ERROR, VD_EXPORT_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "no-such-page"));
}

static void
test_empty (void)
{
  g_autofree char *path = vd_test_path ("empty.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(VdStore) store = vd_store_new (path, &error);
  g_autofree char *text = vd_test_export (store, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, "\"comparisons\" : []"));
}

static void
test_file_kept_on_failure (void)
{
  g_autoptr(VdStore) store = vd_test_new_demo_store (NULL);
  g_autofree char *path = vd_test_path ("out.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  guint n = 0;

  g_assert_true (g_file_set_contents (path, "previous export", -1, NULL));

  g_assert_false (vd_export_to_file (store, "no-such-page", file, &n, NULL, &error));
  g_assert_error (error, VD_EXPORT_ERROR, VD_EXPORT_ERROR_NOT_FOUND);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "previous export");
  g_clear_pointer (&contents, g_free);
  g_clear_error (&error);

  g_assert_true (vd_export_to_file (store, NULL, file, &n, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 1);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "{\n  \"format\""));
}

/* A published page that fails the rules stops the whole export, and the
 * message names it with what it lacks; the page alone still exports. */
static void
test_refuses_incomplete (void)
{
  g_autoptr(VdStore) store = vd_test_new_demo_store (NULL);
  g_autofree char *path = vd_test_path ("out.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(VdComparison) comparison = vd_store_load_comparison_by_slug (store, DEMO_SLUG, &error);
  g_autoptr(VdTool) tool = vd_store_load (store, VD_TYPE_TOOL,
                                          vd_comparison_get_tool_b (comparison), &error);
  g_autoptr(GBytes) preview = NULL;
  g_autofree char *contents = NULL;
  guint n = 7;

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, "previous export", -1, NULL));
  vd_tool_set_tagline (tool, "");
  g_assert_true (vd_store_save (store, VD_RECORD (tool), &error));

  g_assert_false (vd_export_to_file (store, NULL, file, &n, NULL, &error));
  g_assert_error (error, VD_EXPORT_ERROR, VD_EXPORT_ERROR_NOT_READY);
  g_assert_nonnull (strstr (error->message, "“" DEMO_SLUG "” (Published): "
                                            "“Mistral Medium 3” has no tagline"));
  g_assert_nonnull (strstr (error->message, "Nothing was exported"));
  g_assert_null (strchr (error->message, '\n'));
  g_assert_cmpuint (n, ==, 7);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "previous export");
  g_clear_error (&error);

  /* Named, it exports whatever its state: a preview. */
  preview = vd_export_to_bytes (store, DEMO_SLUG, &error);
  g_assert_no_error (error);
  g_assert_nonnull (preview);

  /* Back to draft: not for the website, so not in its way either. */
  vd_comparison_set_status (comparison, VD_STATUS_DRAFT);
  g_assert_true (vd_store_save (store, VD_RECORD (comparison), &error));
  g_assert_true (vd_export_to_file (store, NULL, file, &n, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 0);
}

/* Files in @dir other than @keep: a failed export must leave no temporary. */
static guint
count_other_files (const char *dir,
                   const char *keep)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (handle);
  while ((name = g_dir_read_name (handle)) != NULL)
    n += g_strcmp0 (name, keep) != 0;
  return n;
}

/* The kernel refuses every byte of a file past RLIMIT_FSIZE (EFBIG, as a
 * full disk refuses with ENOSPC): each write of the export fails at the
 * offset chosen, through the real file stream. The CLI test does the same
 * on a full tmpfs. */
static void
test_file_kept_on_write_error (void)
{
  g_autoptr(VdStore) store = vd_test_new_demo_store (NULL);
  g_autofree char *dir = vd_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "out.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *previous = NULL;
  g_autofree char *before = NULL;
  g_autofree char *whole = vd_test_export (store, NULL);
  gsize len = strlen (whole);
  gsize offsets[] = { 0, 1, 4095, 4096, len / 2, len - 1 };
  struct rlimit saved;
  void (*saved_handler) (int);

  g_assert_cmpuint (len, >, 8192);
  previous = g_strnfill (100 * 1024, 'p');
  g_assert_true (g_file_set_contents (path, previous, -1, NULL));
  before = vd_test_file_checksum (path);

  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  saved_handler = signal (SIGXFSZ, SIG_IGN);

  for (guint i = 0; i < G_N_ELEMENTS (offsets); i++)
    {
      struct rlimit limit = { offsets[i], saved.rlim_max };
      g_autoptr(GError) error = NULL;
      g_autofree char *after = NULL;
      gboolean ok;

      g_test_message ("writes fail from byte %" G_GSIZE_FORMAT " of %" G_GSIZE_FORMAT,
                      offsets[i], len);
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
      ok = vd_export_to_file (store, NULL, file, NULL, NULL, &error);
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &saved), ==, 0);

      g_assert_false (ok);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
      g_assert_nonnull (strstr (error->message, "is unchanged"));
      g_assert_null (strchr (error->message, '\n'));
      after = vd_test_file_checksum (path);
      g_assert_cmpstr (after, ==, before);
      g_assert_cmpuint (count_other_files (dir, "out.json"), ==, 0);
    }

  signal (SIGXFSZ, saved_handler);

  /* With room again, the same call replaces the file whole. */
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *contents = NULL;

    g_assert_true (vd_export_to_file (store, NULL, file, NULL, NULL, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
    g_assert_cmpstr (contents, ==, whole);
  }
}

static guint
count_scorecards (const char *text,
                  const char *reviewer)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *cards = json_object_get_array_member (parse_comparison (parser, text, 0),
                                                   "scorecards");
  guint n = 0;

  for (guint i = 0; i < json_array_get_length (cards); i++)
    n += g_str_equal (json_object_get_string_member (json_array_get_object_element (cards, i),
                                                     "reviewer"), reviewer);
  return n;
}

/* A reviewer who leaves the panel leaves the page, scorecards and all, and
 * the export stays one the import takes; rejoining brings them back. */
static void
test_off_panel_scorecards (void)
{
  g_autoptr(VdStore) store = vd_test_new_demo_store (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(VdComparison) demo = vd_store_load_comparison_by_slug (store, DEMO_SLUG, &error);
  g_auto(GStrv) panel = g_strdupv ((char **) vd_comparison_get_panel (demo));
  g_autofree char *left = g_strdup (panel[0]);
  g_autofree char *before = vd_test_export (store, NULL);
  g_autofree char *without = NULL;
  g_autofree char *back = NULL;
  g_autofree char *reimported = NULL;
  g_autofree char *empty_path = vd_test_path ("empty.db");
  g_autoptr(VdStore) empty = vd_store_new (empty_path, &error);
  g_autoptr(GBytes) bytes = NULL;

  g_assert_cmpuint (count_scorecards (before, left), ==, 2);

  vd_comparison_set_panel (demo, (const char * const *) panel + 1);
  g_assert_true (vd_store_save (store, VD_RECORD (demo), &error));
  g_assert_no_error (error);
  without = vd_test_export (store, NULL);
  g_assert_cmpuint (count_scorecards (without, left), ==, 0);
  g_assert_null (strstr (without, left));

  bytes = g_bytes_new (without, strlen (without));
  g_assert_true (vd_import_from_bytes (empty, bytes, NULL, &error));
  g_assert_no_error (error);
  reimported = vd_test_export (empty, NULL);
  g_assert_cmpstr (reimported, ==, without);

  vd_comparison_set_panel (demo, (const char * const *) panel);
  g_assert_true (vd_store_save (store, VD_RECORD (demo), &error));
  back = vd_test_export (store, NULL);
  g_assert_cmpuint (count_scorecards (back, left), ==, 2);
}

static char *
read_file (const char *dir,
           const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

static void
export_directory (VdStore          *store,
                  const char       *slug,
                  const char       *dir,
                  VdExportDirStats *stats)
{
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GError) error = NULL;

  g_assert_true (vd_export_to_directory (store, slug, folder, stats, NULL, &error));
  g_assert_no_error (error);
}

/* Each page is the one-page document; an edit to a scorecard changes its
 * page and the index (the page's "updated" is its newest record's), and a
 * cancelled export changes nothing. */
static void
test_directory (void)
{
  g_autoptr(VdStore) store = vd_test_new_demo_store (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = vd_test_make_dir ();
  g_autofree char *page_name = g_strconcat (DEMO_SLUG, ".json", NULL);
  g_autofree char *expected = vd_test_export (store, DEMO_SLUG);
  g_autofree char *page = NULL;
  g_autofree char *index = NULL;
  g_autofree char *edited_index = NULL;
  g_autoptr(GListStore) cards = NULL;
  g_autoptr(VdScorecard) card = NULL;
  g_autoptr(VdComparison) demo = vd_store_load_comparison_by_slug (store, DEMO_SLUG, NULL);
  g_autoptr(GCancellable) cancelled = g_cancellable_new ();
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GFile) missing = g_file_get_child (folder, "missing");
  VdExportDirStats stats = { 0 };

  export_directory (store, NULL, dir, &stats);
  g_assert_cmpuint (stats.exported, ==, 1);
  g_assert_cmpuint (stats.written, ==, 2);
  page = read_file (dir, page_name);
  g_assert_cmpstr (page, ==, expected);
  index = read_file (dir, VD_EXPORT_INDEX_NAME);
  g_assert_nonnull (strstr (index, "\"updated\" : \"2026-11-20T09:00:00.000000Z\""));

  export_directory (store, NULL, dir, &stats);
  g_assert_cmpuint (stats.written, ==, 0);
  g_assert_cmpuint (stats.unchanged, ==, 2);

  cards = vd_store_list_scorecards (store, demo, &error);
  g_assert_no_error (error);
  card = g_list_model_get_item (G_LIST_MODEL (cards), 3);
  vd_scorecard_set_section (card, 0, "An edited section.");
  vd_record_set_updated (VD_RECORD (card), 1795000000000000);
  g_assert_true (vd_store_save (store, VD_RECORD (card), &error));
  g_assert_no_error (error);

  /* Cancelled: an error, and the folder as it was. */
  g_cancellable_cancel (cancelled);
  g_assert_false (vd_export_to_directory (store, NULL, folder, NULL, cancelled, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_free (page);
  page = read_file (dir, page_name);
  g_assert_cmpstr (page, ==, expected);

  export_directory (store, NULL, dir, &stats);
  g_assert_cmpuint (stats.written, ==, 2);
  g_free (page);
  g_free (expected);
  page = read_file (dir, page_name);
  expected = vd_test_export (store, DEMO_SLUG);
  g_assert_cmpstr (page, ==, expected);
  g_assert_nonnull (strstr (page, "An edited section."));
  edited_index = read_file (dir, VD_EXPORT_INDEX_NAME);
  g_assert_cmpstr (edited_index, !=, index);
  g_assert_null (strstr (edited_index, "\"updated\" : \"2026-11-20T09:00:00.000000Z\""));

  g_assert_false (vd_export_to_directory (store, NULL, missing, NULL, NULL, &error));
  g_assert_error (error, VD_EXPORT_ERROR, VD_EXPORT_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export/demo-figures", test_demo_figures);
  g_test_add_func ("/export/deterministic", test_deterministic);
  g_test_add_func ("/export/selection", test_selection);
  g_test_add_func ("/export/empty", test_empty);
  g_test_add_func ("/export/file-kept-on-failure", test_file_kept_on_failure);
  g_test_add_func ("/export/refuses-incomplete", test_refuses_incomplete);
  g_test_add_func ("/export/file-kept-on-write-error", test_file_kept_on_write_error);
  g_test_add_func ("/export/off-panel-scorecards", test_off_panel_scorecards);
  g_test_add_func ("/export/directory", test_directory);

  return g_test_run ();
}
