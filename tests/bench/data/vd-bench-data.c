/* vd-bench-data.c — export, import, autosave and search at newsroom scale, each against a floor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every figure is a ratio against a floor measured in the same run on the
 * same machine: floor and subject alternate, and each side's median of
 * --runs runs is compared. Export and import run the real command line
 * (verdict-desk --export-json / --import-json) as a child process, so the
 * times and the peak RSS (wait4's ru_maxrss) are what a user would see.
 *
 * Search (figure 9) runs in this process, against the same FTS5 query run
 * by the sqlite3 shell on the same file, its start-up taken off.
 *
 * Prints one line per figure: RESULT {json}. tests/bench/run.py collects them.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <math.h>
#include <sqlite3.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "vd-autosaver.h"
#include "vd-bench-util.h"
#include "vd-search.h"
#include "vd-store.h"


static char *opt_generator;
static char *opt_verdict_desk;
static char *opt_sqlite3 = NULL;
static char *opt_search = (char *) "latency und";
static char *opt_scratch;
static int   opt_runs = 7;
static int   opt_autosave_edits = 200;
static gboolean opt_no_growth;

/* Running children ------------------------------------------------------- */

/* Runs @argv with stdin from @in_path and stdout to @out_path (either may
 * be NULL: /dev/null). */
static gboolean
run_child (const char * const  *argv,
           const char          *in_path,
           const char          *out_path,
           VdBenchRun          *result,
           GError             **error)
{
  return vd_bench_run_child (argv, NULL, in_path ? in_path : "/dev/null",
                             out_path ? out_path : "/dev/null", NULL, result, error);
}

static double
array_max (GArray *values)
{
  double max = 0;

  for (guint i = 0; i < values->len; i++)
    max = MAX (max, g_array_index (values, double, i));
  return max;
}

static void
remove_database (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);

  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
  g_unlink (journal);
}

/* The scale data set ------------------------------------------------------ */

static char *
ensure_database (const char  *scale,
                 GError     **error)
{
  g_autofree char *name = g_strdup_printf ("scale-%s.db", scale);
  g_autofree char *path = g_build_filename (opt_scratch, name, NULL);
  g_autofree char *partial = g_strconcat (path, ".partial", NULL);
  const char *argv[] = { opt_generator, "--scale", scale, "--database", partial, NULL };
  VdBenchRun result;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return g_steal_pointer (&path);

  /* Written under another name and renamed when complete, so an interrupted
   * run never leaves a short data set to be reused. */
  remove_database (partial);
  if (!run_child (argv, NULL, NULL, &result, error))
    return NULL;

  if (g_rename (partial, path) != 0)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno), "rename: %s",
                   g_strerror (errno));
      return NULL;
    }

  g_printerr ("# generated %s in %.1f s\n", path, result.seconds);
  return g_steal_pointer (&path);
}

/* The rows the export reads, in the order it reads them: every ready or
 * published comparison with its panel, its two tools, its reviewers (with
 * their prompts) and its scorecards (with their sections). */
static const char export_floor_sql[] =
  "SELECT c.* FROM comparisons c WHERE c.status IN ('ready', 'published') ORDER BY c.slug;"
  "SELECT p.* FROM comparisons c JOIN comparisons_panel p ON p.record = c.uuid "
  "  WHERE c.status IN ('ready', 'published') ORDER BY c.slug, p.position;"
  "SELECT t.* FROM comparisons c JOIN tools t ON t.uuid IN (c.tool_a, c.tool_b) "
  "  WHERE c.status IN ('ready', 'published') ORDER BY c.slug;"
  "SELECT r.* FROM comparisons c JOIN comparisons_panel p ON p.record = c.uuid "
  "  JOIN reviewers r ON r.uuid = p.value "
  "  WHERE c.status IN ('ready', 'published') ORDER BY c.slug, p.position;"
  "SELECT rp.* FROM comparisons c JOIN comparisons_panel p ON p.record = c.uuid "
  "  JOIN reviewers_prompts rp ON rp.record = p.value "
  "  WHERE c.status IN ('ready', 'published') ORDER BY c.slug, p.position, rp.position;"
  "SELECT s.* FROM comparisons c JOIN scorecards s ON s.comparison = c.uuid "
  "  WHERE c.status IN ('ready', 'published') ORDER BY c.slug, s.uuid;"
  "SELECT ss.* FROM comparisons c JOIN scorecards s ON s.comparison = c.uuid "
  "  JOIN scorecards_sections ss ON ss.record = s.uuid "
  "  WHERE c.status IN ('ready', 'published') ORDER BY c.slug, s.uuid, ss.position;";

typedef struct
{
  double export_s, export_floor_s, export_rss_mib;
  double import_s, import_floor_s;
  gsize  export_bytes;
} ScaleFigures;

static gboolean
measure_scale (const char    *scale,
               ScaleFigures  *figures,
               GError       **error)
{
  g_autofree char *database = NULL;
  g_autofree char *export_path = NULL, *floor_json = NULL, *dump_path = NULL;
  g_autofree char *import_db = NULL, *floor_db = NULL;
  g_autoptr(GArray) export_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) export_floor_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) export_rss = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) import_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) import_floor_times = g_array_new (FALSE, FALSE, sizeof (double));
  GStatBuf st;
  VdBenchRun r;

  if (!(database = ensure_database (scale, error)))
    return FALSE;

  export_path = g_strdup_printf ("%s/export-%s.json", opt_scratch, scale);
  floor_json = g_strdup_printf ("%s/floor-%s.json", opt_scratch, scale);
  dump_path = g_strdup_printf ("%s/dump-%s.sql", opt_scratch, scale);
  import_db = g_strdup_printf ("%s/import-%s.db", opt_scratch, scale);
  floor_db = g_strdup_printf ("%s/floor-import-%s.db", opt_scratch, scale);

  {
    const char *export_argv[] = { opt_verdict_desk, "--database", database, "--export-json",
                                  export_path, NULL };
    const char *floor_argv[] = { opt_sqlite3, "-json", database, export_floor_sql, NULL };

    /* One of each first, not counted: the page cache warms up. */
    if (!run_child (floor_argv, NULL, floor_json, &r, error) ||
        !run_child (export_argv, NULL, NULL, &r, error))
      return FALSE;

    for (int i = 0; i < opt_runs; i++)
      {
        if (!run_child (floor_argv, NULL, floor_json, &r, error))
          return FALSE;
        g_array_append_val (export_floor_times, r.seconds);

        if (!run_child (export_argv, NULL, NULL, &r, error))
          return FALSE;
        g_array_append_val (export_times, r.seconds);
        g_array_append_val (export_rss, r.max_rss_mib);
      }
  }

  if (g_stat (export_path, &st) == 0)
    figures->export_bytes = st.st_size;

  {
    const char *dump_argv[] = { opt_sqlite3, database, ".dump", NULL };
    const char *import_argv[] = { opt_verdict_desk, "--database", import_db, "--import-json",
                                  export_path, NULL };
    const char *floor_argv[] = { opt_sqlite3, floor_db, NULL };

    if (!g_file_test (dump_path, G_FILE_TEST_EXISTS) &&
        !run_child (dump_argv, NULL, dump_path, &r, error))
      return FALSE;

    for (int i = 0; i < opt_runs; i++)
      {
        remove_database (floor_db);
        if (!run_child (floor_argv, dump_path, NULL, &r, error))
          return FALSE;
        g_array_append_val (import_floor_times, r.seconds);

        remove_database (import_db);
        if (!run_child (import_argv, NULL, NULL, &r, error))
          return FALSE;
        g_array_append_val (import_times, r.seconds);
      }

    remove_database (floor_db);
    remove_database (import_db);
  }

  figures->export_s = vd_bench_median (export_times);
  figures->export_floor_s = vd_bench_median (export_floor_times);
  figures->export_rss_mib = array_max (export_rss);
  figures->import_s = vd_bench_median (import_times);
  figures->import_floor_s = vd_bench_median (import_floor_times);

  g_printerr ("# scale %s: export %.2f s (floor %.2f s, %.0f MiB peak, %" G_GSIZE_FORMAT
              " bytes), import %.2f s (floor %.2f s)\n",
              scale, figures->export_s, figures->export_floor_s, figures->export_rss_mib,
              figures->export_bytes, figures->import_s, figures->import_floor_s);
  return TRUE;
}

/* Autosave ---------------------------------------------------------------- */

static gboolean
copy_file (const char  *from,
           const char  *to,
           GError     **error)
{
  g_autoptr(GFile) source = g_file_new_for_path (from);
  g_autoptr(GFile) dest = g_file_new_for_path (to);

  remove_database (to);
  return g_file_copy (source, dest, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, error);
}

static char *
edit_text (guint i)
{
  return g_strdup_printf ("Edit %u: the tool ships — café, 速度, السعر 🚀. "
                          "What changed since the last draft is the pricing read.", i);
}

/* The floor: the bare statement that makes the same edit durable. With
 * @stamp, also the record's "updated", as the desk must write it (import
 * merges by it): the same two rows, for comparison only. */
static gboolean
autosave_floor (sqlite3      *db,
                sqlite3_stmt *update,
                sqlite3_stmt *stamp,
                const char   *uuid,
                guint         first,
                double       *seconds)
{
  gint64 start = g_get_monotonic_time ();

  for (int i = 0; i < opt_autosave_edits; i++)
    {
      g_autofree char *text = edit_text (first + i);

      if (sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
        return FALSE;
      sqlite3_bind_text (update, 1, text, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (update, 2, uuid, -1, SQLITE_STATIC);
      if (sqlite3_step (update) != SQLITE_DONE)
        return FALSE;
      sqlite3_reset (update);
      if (stamp != NULL)
        {
          sqlite3_bind_int64 (stamp, 1, g_get_real_time ());
          sqlite3_bind_text (stamp, 2, uuid, -1, SQLITE_STATIC);
          if (sqlite3_step (stamp) != SQLITE_DONE)
            return FALSE;
          sqlite3_reset (stamp);
        }
      if (sqlite3_exec (db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
        return FALSE;
    }

  *seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC / opt_autosave_edits;
  return TRUE;
}

static gboolean
autosave_subject (VdAutosaver  *autosaver,
                  VdScorecard  *scorecard,
                  guint         first,
                  double       *seconds,
                  GError      **error)
{
  gint64 start = g_get_monotonic_time ();

  for (int i = 0; i < opt_autosave_edits; i++)
    {
      g_autofree char *text = edit_text (first + i);

      vd_scorecard_set_section (scorecard, 0, text);
      if (!vd_autosaver_flush (autosaver, error))
        return FALSE;
    }

  *seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC / opt_autosave_edits;
  return TRUE;
}

/* The floor is the bare UPDATE: without the search index's triggers,
 * which the desk's write pays for (schema 7). */
static gboolean
drop_search_triggers (sqlite3 *db)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_schema "
                              "WHERE type = 'trigger' AND name GLOB 'search_*'",
                          -1, &stmt, NULL) != SQLITE_OK)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (names, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);

  for (guint i = 0; i < names->len; i++)
    {
      /* A name is an identifier, which no statement can bind: quoted. */
      char *sql = sqlite3_mprintf ("DROP TRIGGER \"%w\"", (char *) g_ptr_array_index (names, i));
      int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

      sqlite3_free (sql);
      if (rc != SQLITE_OK)
        return FALSE;
    }
  return TRUE;
}

static gboolean
measure_autosave (double  *subject_s,
                  double  *floor_s,
                  double  *floor_rows_s,
                  GError **error)
{
  g_autofree char *source = NULL;
  g_autofree char *subject_db = g_build_filename (opt_scratch, "autosave.db", NULL);
  g_autofree char *floor_db = g_build_filename (opt_scratch, "autosave-floor.db", NULL);
  g_autoptr(GArray) subject_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) floor_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) floor_rows_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(VdStore) store = NULL;
  g_autoptr(VdAutosaver) autosaver = NULL;
  g_autoptr(GListStore) comparisons = NULL;
  g_autoptr(VdComparison) comparison = NULL;
  g_autoptr(GListStore) scorecards = NULL;
  g_autoptr(VdScorecard) scorecard = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *update = NULL;
  sqlite3_stmt *stamp = NULL;
  const char *uuid;
  gboolean ok = FALSE;
  double seconds;

  /* A copy of the scale-1 data set each, so the tables and indexes are
   * newsroom-sized and the data set itself is left as generated. */
  if (!(source = ensure_database ("1", error)) ||
      !copy_file (source, subject_db, error) ||
      !copy_file (source, floor_db, error))
    return FALSE;

  if (!(store = vd_store_new (subject_db, error)))
    return FALSE;

  /* The desk edits a scorecard it has loaded: the middle comparison's first. */
  if (!(comparison = vd_store_load_comparison_by_slug (store, "comparison-02500", error)) ||
      !(scorecards = vd_store_list_scorecards (store, comparison, error)))
    return FALSE;
  scorecard = g_list_model_get_item (G_LIST_MODEL (scorecards), 0);
  uuid = vd_record_get_uuid (VD_RECORD (scorecard));
  autosaver = vd_autosaver_new (store, VD_AUTOSAVER_DEFAULT_DELAY_MS);
  vd_autosaver_watch (autosaver, VD_RECORD (scorecard));

  if (sqlite3_open_v2 (floor_db, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK ||
      sqlite3_exec (db, "PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; "
                        "PRAGMA synchronous = NORMAL", NULL, NULL, NULL) != SQLITE_OK ||
      !drop_search_triggers (db) ||
      sqlite3_prepare_v3 (db, "UPDATE scorecards_sections SET value = ?1 "
                              "WHERE record = ?2 AND position = 0",
                          -1, SQLITE_PREPARE_PERSISTENT, &update, NULL) != SQLITE_OK ||
      sqlite3_prepare_v3 (db, "UPDATE scorecards SET updated = ?1 WHERE uuid = ?2",
                          -1, SQLITE_PREPARE_PERSISTENT, &stamp, NULL) != SQLITE_OK)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "floor: %s", sqlite3_errmsg (db));
      goto out;
    }

  /* Warm both up, then alternate. */
  if (!autosave_floor (db, update, NULL, uuid, 0, &seconds) ||
      !autosave_subject (autosaver, scorecard, 0, &seconds, error))
    goto floor_failed;

  for (int run = 0; run < opt_runs; run++)
    {
      guint first = (run + 1) * opt_autosave_edits;

      if (!autosave_floor (db, update, NULL, uuid, first, &seconds))
        goto floor_failed;
      g_array_append_val (floor_times, seconds);

      if (!autosave_floor (db, update, stamp, uuid, first, &seconds))
        goto floor_failed;
      g_array_append_val (floor_rows_times, seconds);

      if (!autosave_subject (autosaver, scorecard, first, &seconds, error))
        goto out;
      g_array_append_val (subject_times, seconds);
    }

  *subject_s = vd_bench_median (subject_times);
  *floor_s = vd_bench_median (floor_times);
  *floor_rows_s = vd_bench_median (floor_rows_times);
  ok = TRUE;
  goto out;

floor_failed:
  if (error != NULL && *error == NULL)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "floor: %s", sqlite3_errmsg (db));

out:
  sqlite3_finalize (update);
  sqlite3_finalize (stamp);
  sqlite3_close (db);
  if (autosaver != NULL)
    vd_autosaver_unwatch_all (autosaver);
  g_clear_object (&autosaver);
  g_clear_object (&scorecard);
  g_clear_object (&scorecards);
  g_clear_object (&comparison);
  g_clear_object (&store);
  remove_database (subject_db);
  remove_database (floor_db);
  return ok;
}

/* Search ------------------------------------------------------------------ */

/* Searches per run: the shell's start-up is timed apart and taken off. */
#define SEARCHES_PER_RUN 20

/* A script for the shell: the same query, bound the same way, @n times. */
static gboolean
write_search_script (const char  *path,
                     const char  *query,
                     guint        n,
                     GError     **error)
{
  g_autoptr(GString) script = g_string_new (".output /dev/null\n");
  char *literal = sqlite3_mprintf ("%Q", query);

  g_string_append_printf (script, ".parameter set ?1 %s\n.parameter set ?2 %d\n",
                          literal, VD_SEARCH_LIMIT);
  sqlite3_free (literal);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (script, "%s;\n", VD_SEARCH_MATCH_SQL);

  return g_file_set_contents (path, script->str, -1, error);
}

/* Figure 9: the desk's search (the FTS5 query, its hits joined to their
 * records) against the same FTS5 query in the sqlite3 shell, scale 1. */
static gboolean
measure_search (double  *subject_s,
                double  *floor_s,
                guint   *n_hits,
                GError **error)
{
  g_autofree char *database = NULL;
  g_autofree char *query = vd_search_query_from_text (opt_search);
  g_autofree char *script = g_build_filename (opt_scratch, "search-floor.sql", NULL);
  g_autofree char *script_0 = g_build_filename (opt_scratch, "search-floor-0.sql", NULL);
  g_autoptr(GArray) subject_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) floor_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(VdStore) store = NULL;
  const char *argv[] = { opt_sqlite3, NULL, NULL };
  VdBenchRun with, without;

  if (query == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, "--search has no word");
      return FALSE;
    }
  if (!(database = ensure_database ("1", error)) ||
      !(store = vd_store_new (database, error)) ||
      !write_search_script (script, query, SEARCHES_PER_RUN, error) ||
      !write_search_script (script_0, query, 0, error))
    return FALSE;
  argv[1] = database;

  for (int run = -1; run < opt_runs; run++)
    {
      gint64 start;
      double seconds;

      if (!run_child (argv, script, NULL, &with, error) ||
          !run_child (argv, script_0, NULL, &without, error))
        return FALSE;

      start = g_get_monotonic_time ();
      for (guint i = 0; i < SEARCHES_PER_RUN; i++)
        {
          g_autoptr(GPtrArray) hits = vd_store_search (store, opt_search, VD_SEARCH_LIMIT, error);

          if (hits == NULL)
            return FALSE;
          *n_hits = hits->len;
        }
      seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC / SEARCHES_PER_RUN;

      /* The first of each warms the page cache; not counted. */
      if (run < 0)
        continue;
      g_array_append_val (subject_times, seconds);
      seconds = MAX (with.seconds - without.seconds, 0) / SEARCHES_PER_RUN;
      g_array_append_val (floor_times, seconds);
    }

  *subject_s = vd_bench_median (subject_times);
  *floor_s = vd_bench_median (floor_times);
  return TRUE;
}

/* Output ------------------------------------------------------------------ */

static void
print_result (int          id,
              const char  *name,
              double       subject_s,
              double       floor_s,
              double       ratio,
              double       target,
              gboolean     met,
              const char  *extra_name,
              ...)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *target_text = NULL;
  g_autofree char *text = NULL;
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  va_list args;

  target_text = g_strdup_printf ("<= %s", g_ascii_formatd (buffer, sizeof buffer, "%g", target));

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, id);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, name);
  json_builder_set_member_name (builder, "subject_s");
  json_builder_add_double_value (builder, subject_s);
  json_builder_set_member_name (builder, "floor_s");
  json_builder_add_double_value (builder, floor_s);
  json_builder_set_member_name (builder, "ratio");
  json_builder_add_double_value (builder, round (ratio * 1000) / 1000);
  json_builder_set_member_name (builder, "target");
  json_builder_add_string_value (builder, target_text);
  json_builder_set_member_name (builder, "met");
  json_builder_add_boolean_value (builder, met);
  json_builder_set_member_name (builder, "runs");
  json_builder_add_int_value (builder, opt_runs);

  va_start (args, extra_name);
  for (const char *key = extra_name; key != NULL; key = va_arg (args, const char *))
    {
      json_builder_set_member_name (builder, key);
      json_builder_add_double_value (builder, va_arg (args, double));
    }
  va_end (args);

  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  g_print ("RESULT %s\n", text);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) only = NULL;
  ScaleFigures one = { 0 }, four = { 0 };
  const GOptionEntry entries[] = {
    { "generator", 0, 0, G_OPTION_ARG_FILENAME, &opt_generator, "vd-bench-generate", "PATH" },
    { "verdict-desk", 0, 0, G_OPTION_ARG_FILENAME, &opt_verdict_desk, "the app", "PATH" },
    { "sqlite3", 0, 0, G_OPTION_ARG_FILENAME, &opt_sqlite3, "the sqlite3 shell", "PATH" },
    { "scratch", 0, 0, G_OPTION_ARG_FILENAME, &opt_scratch, "where the data sets live", "DIR" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &opt_runs, "runs of each side (at least 7)", "N" },
    { "autosave-edits", 0, 0, G_OPTION_ARG_INT, &opt_autosave_edits, "edits per run", "N" },
    { "only", 0, 0, G_OPTION_ARG_STRING_ARRAY, &only, "run only these figures (3, 4, 5, 8, 9)",
      "ID" },
    { "search", 0, 0, G_OPTION_ARG_STRING, &opt_search, "what figure 9 searches for (typed)",
      "TEXT" },
    { "no-growth", 0, 0, G_OPTION_ARG_NONE, &opt_no_growth, "skip scale 4", NULL },
    G_OPTION_ENTRY_NULL
  };

  setlocale (LC_ALL, "");
  context = g_option_context_new ("— newsroom-scale data benchmarks");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("vd-bench-data: %s\n", error->message);
      return 2;
    }

  if (opt_generator == NULL || opt_verdict_desk == NULL || opt_scratch == NULL)
    {
      g_printerr ("vd-bench-data: --generator, --verdict-desk and --scratch are required\n");
      return 2;
    }
  if (opt_sqlite3 == NULL)
    opt_sqlite3 = g_find_program_in_path ("sqlite3");
  if (opt_sqlite3 == NULL)
    {
      g_printerr ("vd-bench-data: the sqlite3 command-line shell is needed for the floors "
                  "(Debian: apt install sqlite3)\n");
      return 2;
    }
  if (opt_runs < 1)
    opt_runs = 1;
  g_mkdir_with_parents (opt_scratch, 0755);

#define WANT(id) (only == NULL || g_strv_contains ((const char * const *) only, id))

  if (WANT ("3") || WANT ("4") || WANT ("5"))
    {
      if (!measure_scale ("1", &one, &error))
        goto failed;

      if (WANT ("4"))
        {
          double ratio = one.import_s / one.import_floor_s;

          print_result (4, "import, scale 1, vs sqlite3 < dump.sql", one.import_s,
                        one.import_floor_s, ratio, 2, ratio <= 2, NULL);
        }
    }

  if (!opt_no_growth && (WANT ("3") || WANT ("5")))
    {
      double export_growth, import_growth, ratio;

      if (!measure_scale ("4", &four, &error))
        goto failed;

      export_growth = four.export_s / one.export_s;
      import_growth = four.import_s / one.import_s;
      ratio = MAX (export_growth, import_growth);
      print_result (5, "growth, scale 4 / scale 1 (export + import)",
                    four.export_s + four.import_s, one.export_s + one.import_s,
                    ratio, 4.4, ratio <= 4.4,
                    "export_growth", export_growth, "import_growth", import_growth,
                    "export_floor_growth", four.export_floor_s / one.export_floor_s,
                    "import_floor_growth", four.import_floor_s / one.import_floor_s,
                    "import_s_scale4", four.import_s, "import_floor_s_scale4",
                    four.import_floor_s, NULL);
    }

  if (WANT ("3"))
    {
      double ratio = one.export_s / one.export_floor_s;
      /* The memory bound is checked where it bites: the largest data set. */
      double rss = opt_no_growth ? one.export_rss_mib : four.export_rss_mib;

      print_result (3, "export, scale 1, vs sqlite3 -json; peak RSS at scale 4",
                    one.export_s, one.export_floor_s, ratio, 1.5,
                    ratio <= 1.5 && rss <= 64,
                    "peak_rss_mib", rss, "rss_target_mib", 64.0,
                    "peak_rss_scale", opt_no_growth ? 1.0 : 4.0,
                    "export_mib_scale1", one.export_bytes / 1048576.0, NULL);
    }

  if (WANT ("8"))
    {
      double subject_s = 0, floor_s = 0, floor_rows_s = 0, ratio;

      if (!measure_autosave (&subject_s, &floor_s, &floor_rows_s, &error))
        goto failed;

      /* floor_rows: the bare statements for both rows the desk writes (the
       * section and the record's "updated"); informative, not the target. */
      ratio = subject_s / floor_s;
      print_result (8, "autosave of one edit vs bare UPDATE (WAL)", subject_s, floor_s, ratio,
                    1.5, ratio <= 1.5, "edits_per_run", (double) opt_autosave_edits,
                    "floor_rows_s", floor_rows_s,
                    "ratio_vs_floor_rows", subject_s / floor_rows_s, NULL);
    }

  if (WANT ("9"))
    {
      double subject_s = 0, floor_s = 0, ratio;
      guint n_hits = 0;

      if (!measure_search (&subject_s, &floor_s, &n_hits, &error))
        goto failed;

      /* Figure 7's frame rule: the first results within one 60 Hz frame. */
      ratio = subject_s / floor_s;
      print_result (9, "search, scale 1, vs the same FTS5 query in sqlite3", subject_s, floor_s,
                    ratio, 1.5, ratio <= 1.5 && subject_s <= 1.0 / 60.0,
                    "frame_budget_s", 1.0 / 60.0, "hits", (double) n_hits,
                    "searches_per_run", (double) SEARCHES_PER_RUN, NULL);
    }

  return 0;

failed:
  g_printerr ("vd-bench-data: %s\n", error->message);
  return 1;
}
