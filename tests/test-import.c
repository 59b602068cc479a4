/* test-import.c — merging exported documents, and refusing bad ones whole
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>

#include "vd-error.h"
#include "vd-export.h"
#include "vd-import.h"
#include "vd-test-util.h"

#define HAIKU   "6f1c2a9e-3b4d-4e5f-8a7b-1c2d3e4f5a60"
#define MISTRAL "6f1c2a9e-3b4d-4e5f-8a7b-1c2d3e4f5a61"
#define HAIKU_UPPER "6F1C2A9E-3B4D-4E5F-8A7B-1C2D3E4F5A60"

static gboolean
import_text (VdStore        *store,
             const char     *text,
             VdImportStats  *stats,
             GError        **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return vd_import_from_bytes (store, bytes, stats, error);
}

static void
test_round_trip (void)
{
  g_autoptr(VdStore) demo = vd_test_new_demo_store (NULL);
  g_autoptr(VdStore) empty = vd_test_new_empty_store ();
  g_autofree char *first = vd_test_export (demo, NULL);
  g_autofree char *second = NULL;
  g_autoptr(GError) error = NULL;
  VdImportStats stats = { 0 };

  g_assert_true (import_text (empty, first, &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.comparisons, ==, 1);
  /* 2 tools + 4 reviewers + 1 comparison + 8 scorecards */
  g_assert_cmpuint (stats.added, ==, 15);
  g_assert_cmpuint (stats.updated, ==, 0);

  second = vd_test_export (empty, NULL);
  g_assert_cmpstr (first, ==, second);
}

static void
test_idempotent (void)
{
  g_autoptr(VdStore) demo = vd_test_new_demo_store (NULL);
  g_autofree char *text = vd_test_export (demo, NULL);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  VdImportStats stats = { 0 };

  g_assert_true (import_text (demo, text, &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.added, ==, 0);
  g_assert_cmpuint (stats.updated, ==, 0);
  g_assert_cmpuint (stats.unchanged, ==, 15);

  after = vd_test_export (demo, NULL);
  g_assert_cmpstr (text, ==, after);
}

static void
test_newer_wins (void)
{
  g_autoptr(VdStore) demo = vd_test_new_demo_store (NULL);
  g_autofree char *text = vd_test_export (demo, NULL);
  g_autofree char *newer = NULL;
  g_autofree char *older = NULL;
  g_autoptr(VdTool) mistral = NULL;
  g_autoptr(GError) error = NULL;
  VdImportStats stats = { 0 };

  /* Someone else renamed Mistral a day later... */
  newer = vd_test_replace_once (text,
                                "\"updated\" : \"2026-11-20T09:00:00.000000Z\",\n"
                                "          \"name\" : \"Mistral Medium 3\"",
                                "\"updated\" : \"2026-11-21T09:00:00.000000Z\",\n"
                                "          \"name\" : \"Mistral Medium 3.1\"");
  g_assert_true (import_text (demo, newer, &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.updated, ==, 1);
  mistral = vd_store_load (demo, VD_TYPE_TOOL, MISTRAL, &error);
  g_assert_cmpstr (vd_tool_get_name (mistral), ==, "Mistral Medium 3.1");
  g_clear_object (&mistral);

  /* ...and an older copy does not undo it. */
  older = vd_test_replace_once (text, "\"name\" : \"Mistral Medium 3\"",
                                "\"name\" : \"Mistral Medium 2\"");
  g_assert_true (import_text (demo, older, &stats, &error));
  mistral = vd_store_load (demo, VD_TYPE_TOOL, MISTRAL, &error);
  g_assert_cmpstr (vd_tool_get_name (mistral), ==, "Mistral Medium 3.1");
}

/* Hostile and broken documents ---------------------------------------------
 * Each case edits the demo export; importing it must fail with the given
 * code and a message containing `says`, and leave the database as it was. */

typedef struct
{
  const char *name;
  const char *from;      /* NULL: `to` is the whole document */
  const char *to;
  int         code;
  const char *says;
} HostileCase;

static const HostileCase hostile_cases[] = {
  { "not-json", NULL, "{ \"format\" : ", VD_IMPORT_ERROR_PARSE, "not valid JSON" },
  { "empty", NULL, "", VD_IMPORT_ERROR_PARSE, "JSON" },
  { "array-at-top", NULL, "[1, 2, 3]", VD_IMPORT_ERROR_INVALID, "not a Verdict Desk export" },
  { "wrong-format", "verdict-desk/comparisons", "someone-else/pages",
    VD_IMPORT_ERROR_INVALID, "format" },
  /* Found by the fuzz target: json-glib's getter asserted on it. */
  { "format-an-object", "\"verdict-desk/comparisons\"", "{}",
    VD_IMPORT_ERROR_INVALID, "format" },
  /* Found by the fuzz target: a message quoting a member's name ran over
   * two lines. */
  { "newline-in-member-name", "\"format\"", "\"bad\\nname\" : 1, \"format\"",
    VD_IMPORT_ERROR_INVALID, "unknown field" },
  { "format-a-list", "\"verdict-desk/comparisons\"", "[\"verdict-desk/comparisons\"]",
    VD_IMPORT_ERROR_INVALID, "format" },
  { "future-schema", "\"schema_version\" : 2", "\"schema_version\" : 3",
    VD_IMPORT_ERROR_SCHEMA_VERSION, "version 3" },
  { "past-schema", "\"schema_version\" : 2", "\"schema_version\" : 0",
    VD_IMPORT_ERROR_SCHEMA_VERSION, "version 0" },
  /* A version 2 page under a version 1 header: v1 has no decided count. */
  { "v2-page-as-v1", "\"schema_version\" : 2", "\"schema_version\" : 1",
    VD_IMPORT_ERROR_INVALID, "comparisons[0].tools[0].panel.no_verdict: unknown field" },
  { "no-verdict-word", "\"verdict\" : \"ship\"", "\"verdict\" : \"maybe\"",
    VD_IMPORT_ERROR_INVALID,
    "comparisons[0].scorecards[0].verdict: expected none, undecided, ship or skip" },
  { "schema-as-string", "\"schema_version\" : 2", "\"schema_version\" : \"1\"",
    VD_IMPORT_ERROR_SCHEMA_VERSION, "schema_version" },
  { "name-wrong-type", "\"name\" : \"Mistral Medium 3\"", "\"name\" : 3",
    VD_IMPORT_ERROR_INVALID, "tools[1].name: expected a string" },
  { "missing-field", "\"tagline\" : ", "\"tagline_typo\" : ",
    VD_IMPORT_ERROR_INVALID, "unknown field" },
  { "comparisons-not-list", NULL,
    "{\"format\" : \"verdict-desk/comparisons\", \"schema_version\" : 1, \"comparisons\" : 1}",
    VD_IMPORT_ERROR_INVALID, "document.comparisons: expected a list" },
  { "unknown-top-level", "\"format\"", "\"extra\" : [], \"format\"",
    VD_IMPORT_ERROR_INVALID, "document.extra: unknown field" },
  { "nul-in-text", "\"tagline\" : \"", "\"tagline\" : \"cut\\u0000here",
    VD_IMPORT_ERROR_PARSE, "comparisons[0].tools[0].tagline: the text contains U+0000" },
  { "raw-control-char", "\"tagline\" : \"", "\"tagline\" : \"bell\a",
    VD_IMPORT_ERROR_PARSE, "U+0007 must be written as an escape" },
  { "half-surrogate", "\"tagline\" : \"", "\"tagline\" : \"\\ud83d",
    VD_IMPORT_ERROR_PARSE, "half a surrogate pair" },
  { "duplicate-key", "\"title\" : ", "\"title\" : \"one\", \"title\" : ",
    VD_IMPORT_ERROR_INVALID, "comparisons[0].title: the member appears twice" },
  { "computed-null", "\"ship_label\" : \"50%\"", "\"ship_label\" : null",
    VD_IMPORT_ERROR_INVALID, "comparisons[0].tools[0].panel.ship_label: expected a string" },
  { "computed-extra", "\"ship_votes\"", "\"bonus\" : 1, \"ship_votes\"",
    VD_IMPORT_ERROR_INVALID, "tools[0].panel.bonus: unknown field" },
  { "computed-missing", "\"quote\" : ", "\"quot\" : ",
    VD_IMPORT_ERROR_INVALID, "comparisons[0].scorecards[0].quote: missing" },
  { "same-tool-twice", "\"tool_b\" : \"" MISTRAL "\"", "\"tool_b\" : \"" HAIKU "\"",
    VD_IMPORT_ERROR_INVALID, "comparisons[0].tool_b: is the same tool as tool_a" },
  { "empty-uuid", "\"uuid\" : \"" HAIKU "\"", "\"uuid\" : \"\"",
    VD_IMPORT_ERROR_INVALID, "comparisons[0].tools[0].uuid: expected a lower-case uuid" },
  { "upper-case-uuid", "\"uuid\" : \"" HAIKU "\"", "\"uuid\" : \"" HAIKU_UPPER "\"",
    VD_IMPORT_ERROR_INVALID, "comparisons[0].tools[0].uuid: expected a lower-case uuid" },
  { "bad-enum", "\"pricing\" : \"paid\"", "\"pricing\" : \"cheap\"",
    VD_IMPORT_ERROR_INVALID, "tools[1].pricing: not one of the allowed values" },
  { "negative-votes", "\"votes_up\" : null", "\"votes_up\" : -5",
    VD_IMPORT_ERROR_INVALID, "votes_up: must not be negative" },
  { "fractional-votes", "\"votes_up\" : null", "\"votes_up\" : 1.5",
    VD_IMPORT_ERROR_INVALID, "votes_up: expected a whole number" },
  { "bad-timestamp", "\"created\" : \"2026-11-20T09:00:00.000000Z\"",
    "\"created\" : \"last tuesday\"", VD_IMPORT_ERROR_INVALID, "created" },
  { "bad-uuid", "\"uuid\" : \"" HAIKU "\"", "\"uuid\" : \"'; DROP TABLE tools; --\"",
    VD_IMPORT_ERROR_INVALID, "uuid" },
  { "bad-slug", "\"slug\" : \"claude-haiku", "\"slug\" : \"../../etc/claude-haiku",
    VD_IMPORT_ERROR_INVALID, "slug" },
  { "bad-website", "\"website\" : \"https://", "\"website\" : \"javascript:alert(1)//",
    VD_IMPORT_ERROR_INVALID, "http" },
  { "empty-name", "\"name\" : \"Mistral Medium 3\"", "\"name\" : \"   \"",
    VD_IMPORT_ERROR_INVALID, "name" },
  { "fixed-prompts", "\"The primitive\"", "\"The primitive, rewritten\"",
    VD_IMPORT_ERROR_INVALID, "prompts are fixed" },
  { "dangling-tool", "\"tool_b\" : \"" MISTRAL "\"",
    "\"tool_b\" : \"00000000-0000-4000-8000-000000000000\"",
    VD_IMPORT_ERROR_INVALID, "00000000-0000-4000-8000-000000000000" },
  /* The forms show a section under each prompt and none past them. */
  { "section-past-prompts", "\"sections\" : [", "\"sections\" : [ \"Under no prompt.\", ",
    VD_IMPORT_ERROR_INVALID,
    "comparisons[0].scorecards[0].sections: has 4 sections for the reviewer’s 3 prompts" },
  { "tools-not-objects", "\"tools\" : [", "\"tools\" : [1, ",
    VD_IMPORT_ERROR_INVALID, "comparisons[0].tools: expected exactly two tools" },
};

static void
test_hostile (gconstpointer data)
{
  const HostileCase *c = data;
  g_autoptr(VdStore) demo = vd_test_new_demo_store (NULL);
  g_autoptr(VdStore) empty = vd_test_new_empty_store ();
  g_autofree char *before = vd_test_export (demo, NULL);
  g_autofree char *document = NULL;
  g_autofree char *after = NULL;
  g_autofree char *still_empty = NULL;
  g_autoptr(GError) error = NULL;

  document = c->from != NULL ? vd_test_replace_once (before, c->from, c->to) : g_strdup (c->to);

  g_assert_false (import_text (demo, document, NULL, &error));
  g_assert_error (error, VD_IMPORT_ERROR, c->code);
  if (strstr (error->message, c->says) == NULL)
    g_error ("“%s” does not say “%s”", error->message, c->says);
  /* One line, whatever the document's names hold. */
  g_assert_null (strchr (error->message, '\n'));
  g_clear_error (&error);

  after = vd_test_export (demo, NULL);
  g_assert_cmpstr (before, ==, after);

  /* Into an empty database: nothing at all, not even the valid part. */
  g_assert_false (import_text (empty, document, NULL, &error));
  still_empty = vd_test_export (empty, NULL);
  g_assert_nonnull (strstr (still_empty, "\"comparisons\" : []"));
  g_assert_false (vd_store_contains (empty, VD_TYPE_TOOL, HAIKU, NULL, NULL));
}

static void
test_huge_string (void)
{
  g_autoptr(VdStore) demo = vd_test_new_demo_store (NULL);
  g_autofree char *before = vd_test_export (demo, NULL);
  g_autofree char *huge = g_malloc (200 * 1024 + 1);
  g_autofree char *replacement = NULL;
  g_autofree char *document = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;

  memset (huge, 'x', 200 * 1024);
  huge[200 * 1024] = '\0';
  replacement = g_strdup_printf ("\"tagline\" : \"%s", huge);
  document = vd_test_replace_once (before, "\"tagline\" : \"", replacement);

  g_assert_false (import_text (demo, document, NULL, &error));
  g_assert_error (error, VD_IMPORT_ERROR, VD_IMPORT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "tagline: text is longer than 100 KiB"));

  after = vd_test_export (demo, NULL);
  g_assert_cmpstr (before, ==, after);
}

static void
test_deep_nesting (void)
{
  g_autoptr(VdStore) demo = vd_test_new_demo_store (NULL);
  g_autoptr(GString) deep = g_string_new ("{\"format\" : \"verdict-desk/comparisons\", \"x\" : ");
  g_autoptr(GError) error = NULL;
  g_autofree char *brackets_in_string = NULL;

  /* Deep enough to overflow a recursive parser's stack if it got that far. */
  for (guint i = 0; i < 200000; i++)
    g_string_append_c (deep, '[');

  g_assert_false (import_text (demo, deep->str, NULL, &error));
  g_assert_error (error, VD_IMPORT_ERROR, VD_IMPORT_ERROR_TOO_DEEP);
  g_clear_error (&error);

  /* Brackets inside strings are text, not nesting. */
  brackets_in_string = vd_test_export (demo, NULL);
  {
    g_autofree char *document = vd_test_replace_once (brackets_in_string,
                                                      "\"tagline\" : \"",
                                                      "\"tagline\" : \"[[[[[[[[[[[[[[[[[[[[[[[[\\\" ");

    g_assert_true (import_text (demo, document, NULL, &error));
    g_assert_no_error (error);
  }
}

static void
test_all_or_nothing (void)
{
  g_autoptr(VdStore) demo = vd_test_new_demo_store (NULL);
  g_autoptr(VdStore) target = vd_test_new_empty_store ();
  g_autofree char *text = vd_test_export (demo, NULL);
  g_autoptr(VdTool) a = vd_tool_new ("A");
  g_autoptr(VdTool) b = vd_tool_new ("B");
  g_autoptr(VdComparison) taken = NULL;
  g_autoptr(GError) error = NULL;

  /* The target already has another comparison under the demo's slug: the
   * document is valid, but merging it would break the database's rules
   * after the tools and reviewers went in. None of them may stay. */
  g_assert_true (vd_store_save (target, VD_RECORD (a), &error));
  g_assert_true (vd_store_save (target, VD_RECORD (b), &error));
  taken = vd_comparison_new ("claude-haiku-open-weights-vs-mistral-medium-3",
                             vd_record_get_uuid (VD_RECORD (a)),
                             vd_record_get_uuid (VD_RECORD (b)));
  g_assert_true (vd_store_save (target, VD_RECORD (taken), &error));
  g_assert_no_error (error);

  g_assert_false (import_text (target, text, NULL, &error));
  g_assert_error (error, VD_IMPORT_ERROR, VD_IMPORT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Nothing was imported"));
  g_assert_false (vd_store_contains (target, VD_TYPE_TOOL, HAIKU, NULL, NULL));
  g_assert_false (vd_store_contains (target, VD_TYPE_TOOL, MISTRAL, NULL, NULL));
}

/* Edits the demo export's first page with @edit, then imports the result
 * into the demo database: refused with @says, nothing changed. */
static void
assert_page_refused (void      (*edit) (JsonObject *page),
                     const char *says)
{
  g_autoptr(VdStore) demo = vd_test_new_demo_store (NULL);
  g_autofree char *before = vd_test_export (demo, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *document = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *root;

  g_assert_true (json_parser_load_from_data (parser, before, -1, &error));
  root = json_node_get_object (json_parser_get_root (parser));
  edit (json_array_get_object_element (json_object_get_array_member (root, "comparisons"), 0));
  json_generator_set_root (generator, json_parser_get_root (parser));
  document = json_generator_to_data (generator, NULL);

  g_assert_false (import_text (demo, document, NULL, &error));
  g_assert_error (error, VD_IMPORT_ERROR, VD_IMPORT_ERROR_INVALID);
  if (strstr (error->message, says) == NULL)
    g_error ("“%s” does not say “%s”", error->message, says);

  after = vd_test_export (demo, NULL);
  g_assert_cmpstr (before, ==, after);
}

static void
drop_second_tool (JsonObject *page)
{
  json_array_remove_element (json_object_get_array_member (page, "tools"), 1);
}

static void
no_tools (JsonObject *page)
{
  json_object_set_array_member (page, "tools", json_array_new ());
}

static void
third_tool (JsonObject *page)
{
  JsonArray *tools = json_object_get_array_member (page, "tools");

  json_array_add_element (tools, json_node_copy (json_array_get_element (tools, 0)));
}

static void
swap_tools (JsonObject *page)
{
  JsonArray *tools = json_object_get_array_member (page, "tools");
  JsonNode *first = json_node_copy (json_array_get_element (tools, 0));

  json_array_remove_element (tools, 0);
  json_array_add_element (tools, first);
}

/* The reviewer leaves the panel but their scorecards stay in the page:
 * what the export wrote before it learnt not to. */
static void
reviewer_off_panel (JsonObject *page)
{
  json_array_remove_element (json_object_get_array_member (page, "panel"), 0);
  json_array_remove_element (json_object_get_array_member (page, "reviewers"), 0);
  json_array_remove_element (json_object_get_array_member (page, "split"), 0);
}

static void
tool_uuid_as_reviewer (JsonObject *page)
{
  JsonObject *reviewer = json_array_get_object_element (
    json_object_get_array_member (page, "reviewers"), 0);

  json_object_set_string_member (reviewer, "uuid", HAIKU);
}

static void
short_split (JsonObject *page)
{
  json_array_remove_element (json_object_get_array_member (page, "split"), 0);
}

static void
test_page_rules (void)
{
  assert_page_refused (drop_second_tool, "comparisons[0].tools: expected exactly two tools");
  assert_page_refused (no_tools, "comparisons[0].tools: expected exactly two tools");
  assert_page_refused (third_tool, "comparisons[0].tools: expected exactly two tools");
  assert_page_refused (swap_tools, "comparisons[0].tools[0].uuid: is not " HAIKU);
  assert_page_refused (reviewer_off_panel, "is not on the panel");
  assert_page_refused (tool_uuid_as_reviewer,
                       "comparisons[0].reviewers[0].uuid: " HAIKU " is already the uuid of a tool");
  assert_page_refused (short_split, "comparisons[0].split: has 3 entries for a panel of 4");
}

/* Two documents back to back are not one. */
static void
test_trailing_content (void)
{
  g_autoptr(VdStore) demo = vd_test_new_demo_store (NULL);
  g_autoptr(VdStore) empty = vd_test_new_empty_store ();
  g_autofree char *before = vd_test_export (demo, NULL);
  g_autofree char *twice = g_strconcat (before, before, NULL);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (import_text (empty, twice, NULL, &error));
  g_assert_error (error, VD_IMPORT_ERROR, VD_IMPORT_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "more after the end of the document"));
  after = vd_test_export (empty, NULL);
  g_assert_nonnull (strstr (after, "\"comparisons\" : []"));
}

/* Sets @member of the page's record in @list whose "name" is @name. */
static void
edit_named (JsonObject *page,
            const char *list,
            const char *name,
            const char *member,
            const char *value)
{
  JsonArray *array = json_object_get_array_member (page, list);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *item = json_array_get_object_element (array, i);

      if (g_strcmp0 (json_object_get_string_member (item, "name"), name) == 0)
        {
          json_object_set_string_member (item, member, value);
          return;
        }
    }
  g_assert_not_reached ();
}

static char *
file_digest (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *main_sum = vd_test_file_checksum (path);
  g_autofree char *wal_sum = g_file_test (wal, G_FILE_TEST_EXISTS)
                             ? vd_test_file_checksum (wal) : g_strdup ("-");

  return g_strconcat (main_sum, " ", wal_sum, NULL);
}

static void
assert_items (VdImportPreview *preview,
              VdImportOutcome  outcome,
              GType            type,
              const char      *name,
              const char      *tool)
{
  GArray *items = preview->items[outcome];
  VdImportItem *item;

  g_assert_cmpuint (items->len, ==, 1);
  item = &g_array_index (items, VdImportItem, 0);
  g_assert_true (item->type == type);
  g_assert_cmpstr (item->name, ==, name);
  g_assert_cmpstr (item->tool, ==, tool);
}

/* The dry run says, by name, what the import would do, and the file keeps
 * every byte; the real import then does exactly that. */
static void
test_preview (void)
{
  g_autofree char *path = NULL;
  g_autoptr(VdStore) demo = vd_test_new_demo_store (&path);
  g_autofree char *text = vd_test_export (demo, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(VdScorecard) card = NULL;
  g_autoptr(VdImportPreview) preview = NULL;
  g_autoptr(VdImportPreview) broken_preview = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) broken = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *document = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  VdImportStats stats = { 0 };
  JsonObject *page;

  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  page = json_array_get_object_element (
    json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                  "comparisons"), 0);
  edit_named (page, "tools", "Mistral Medium 3", "updated", "2026-11-21T09:00:00.000000Z");
  edit_named (page, "tools", "Mistral Medium 3", "name", "Mistral Medium 3.1");
  edit_named (page, "reviewers", "Marcus Webb", "updated", "2026-11-19T09:00:00.000000Z");
  json_generator_set_root (generator, json_parser_get_root (parser));
  document = json_generator_to_data (generator, NULL);
  bytes = g_bytes_new (document, strlen (document));

  /* Tomás's scorecard on Mistral is not in the database. */
  card = vd_store_load (demo, VD_TYPE_SCORECARD, "c85f3b7a-1e9d-4c2b-a6f4-3d5e7a9b1c27", &error);
  g_assert_no_error (error);
  g_assert_true (vd_store_delete (demo, VD_RECORD (card), &error));
  g_assert_no_error (error);

  before = file_digest (path);
  preview = vd_import_preview_bytes (demo, bytes, &error);
  g_assert_no_error (error);
  g_assert_nonnull (preview);
  after = file_digest (path);
  g_assert_cmpstr (before, ==, after);
  g_clear_pointer (&after, g_free);

  assert_items (preview, VD_IMPORT_ADDED, VD_TYPE_SCORECARD, "Tomás Herrera", "Mistral Medium 3.1");
  assert_items (preview, VD_IMPORT_UPDATED, VD_TYPE_TOOL, "Mistral Medium 3.1", NULL);
  assert_items (preview, VD_IMPORT_OLDER, VD_TYPE_REVIEWER, "Marcus Webb", NULL);
  g_assert_cmpuint (preview->items[VD_IMPORT_UNCHANGED]->len, ==, 12);
  g_assert_cmpuint (preview->stats.comparisons, ==, 1);
  g_assert_cmpuint (preview->stats.added, ==, 1);
  g_assert_cmpuint (preview->stats.updated, ==, 1);
  g_assert_cmpuint (preview->stats.unchanged, ==, 13);
  g_assert_false (vd_store_contains (demo, VD_TYPE_SCORECARD,
                                     "c85f3b7a-1e9d-4c2b-a6f4-3d5e7a9b1c27", NULL, NULL));

  /* A bad document: the importer's message, and still nothing written. */
  broken = g_bytes_new_static ("{\"format\": \"nope\"}", strlen ("{\"format\": \"nope\"}"));
  broken_preview = vd_import_preview_bytes (demo, broken, &error);
  g_assert_null (broken_preview);
  g_assert_error (error, VD_IMPORT_ERROR, VD_IMPORT_ERROR_INVALID);
  g_clear_error (&error);
  after = file_digest (path);
  g_assert_cmpstr (before, ==, after);

  /* The import does what the preview said. */
  g_assert_true (vd_import_from_bytes (demo, bytes, &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.added, ==, preview->stats.added);
  g_assert_cmpuint (stats.updated, ==, preview->stats.updated);
  g_assert_cmpuint (stats.unchanged, ==, preview->stats.unchanged);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import/round-trip", test_round_trip);
  g_test_add_func ("/import/idempotent", test_idempotent);
  g_test_add_func ("/import/newer-wins", test_newer_wins);
  g_test_add_func ("/import/huge-string", test_huge_string);
  g_test_add_func ("/import/deep-nesting", test_deep_nesting);
  g_test_add_func ("/import/all-or-nothing", test_all_or_nothing);
  g_test_add_func ("/import/page-rules", test_page_rules);
  g_test_add_func ("/import/trailing-content", test_trailing_content);
  g_test_add_func ("/import/preview", test_preview);

  for (guint i = 0; i < G_N_ELEMENTS (hostile_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/import/hostile/%s", hostile_cases[i].name);

      g_test_add_data_func (name, &hostile_cases[i], test_hostile);
    }

  return g_test_run ();
}
