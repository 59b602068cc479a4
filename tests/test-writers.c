/* test-writers.c — several writers on one file, and the faults a write meets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two connections are two desks (or a desk and the command line). Each test
 * provokes the fault it is about: a second writer, a refused record, a full
 * disk (PRAGMA max_page_count), a file deleted or replaced under the store,
 * SIGKILL of a desk in the middle of typing.
 */
#include "config.h"

#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <glib-unix.h>

#include "vd-error.h"
#include "vd-session.h"
#include "vd-store.h"
#include "vd-store-private.h"
#include "vd-test-util.h"

#define HAIKU "6f1c2a9e-3b4d-4e5f-8a7b-1c2d3e4f5a60"

/* A desk: its own connection and session on the file. */
typedef struct
{
  VdStore   *store;
  VdSession *session;
} Desk;

static void
desk_open (Desk       *desk,
           const char *path)
{
  g_autoptr(GError) error = NULL;

  desk->store = vd_store_new (path, &error);
  g_assert_no_error (error);
  /* A delay no test waits for: flushes are explicit unless said otherwise. */
  desk->session = vd_session_new (desk->store, 60 * 1000);
}

static void
desk_close (Desk *desk)
{
  g_clear_object (&desk->session);
  g_clear_object (&desk->store);
}

static VdScorecard *
first_scorecard (Desk *desk)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) comparisons = vd_store_list (desk->store, VD_TYPE_COMPARISON, &error);
  g_autoptr(VdComparison) stored = g_list_model_get_item (G_LIST_MODEL (comparisons), 0);
  g_autoptr(VdComparison) comparison = vd_session_lookup (desk->session, VD_TYPE_COMPARISON,
                                                          vd_record_get_uuid (VD_RECORD (stored)),
                                                          &error);
  g_autoptr(GListStore) cards = vd_session_list_scorecards (desk->session, comparison, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (cards)), >, 0);
  return g_list_model_get_item (G_LIST_MODEL (cards), 0);
}

static VdScorecard *
reload_scorecard (VdStore     *store,
                  VdScorecard *card)
{
  g_autoptr(GError) error = NULL;
  VdScorecard *fresh = vd_store_load (store, VD_TYPE_SCORECARD,
                                      vd_record_get_uuid (VD_RECORD (card)), &error);

  g_assert_no_error (error);
  return fresh;
}

static void
flush (Desk *desk)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (vd_autosaver_flush (vd_session_get_autosaver (desk->session), &error));
  g_assert_no_error (error);
}

/* Interleaved edits of different sections of one scorecard: both kept, and
 * each desk shows both once it has looked. */
static void
test_different_fields (void)
{
  g_autofree char *path = NULL;
  g_autoptr(VdStore) demo = vd_test_new_demo_store (&path);
  Desk a = { 0 }, b = { 0 };
  g_autoptr(VdScorecard) card_a = NULL, card_b = NULL, stored = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;

  desk_open (&a, path);
  desk_open (&b, path);
  card_a = first_scorecard (&a);
  card_b = first_scorecard (&b);
  g_assert_true (card_a != card_b);

  vd_scorecard_set_section (card_a, 0, "Section one, from desk A.");
  vd_scorecard_set_section (card_b, 1, "Section two, from desk B.");
  vd_scorecard_set_verdict (card_b, VD_VERDICT_SKIP);
  flush (&a);
  flush (&b);
  /* And A again, with its stale copy of section two: it must not write it. */
  vd_scorecard_set_section (card_a, 2, "Section three, from desk A.");
  flush (&a);

  stored = reload_scorecard (demo, card_a);
  g_assert_cmpstr (vd_scorecard_get_section (stored, 0), ==, "Section one, from desk A.");
  g_assert_cmpstr (vd_scorecard_get_section (stored, 1), ==, "Section two, from desk B.");
  g_assert_cmpstr (vd_scorecard_get_section (stored, 2), ==, "Section three, from desk A.");
  g_assert_cmpint (vd_scorecard_get_verdict (stored), ==, VD_VERDICT_SKIP);

  /* Desk A's object took B's section at its save; B's takes A's by looking. */
  g_assert_cmpstr (vd_scorecard_get_section (card_a, 1), ==, "Section two, from desk B.");
  g_assert_true (vd_session_poll (b.session, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (vd_scorecard_get_section (card_b, 2), ==, "Section three, from desk A.");

  conflicts = vd_store_list_conflicts (demo, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (conflicts->len, ==, 0);

  desk_close (&a);
  desk_close (&b);
}

static void
on_conflict (VdAutosaver *autosaver,
             VdRecord    *record,
             VdConflict  *conflict,
             guint       *n_seen)
{
  (*n_seen)++;
}

/* The same section changed on both desks: the first stays, the second is
 * kept as a conflict with the base; resolved either way, nothing was lost. */
static void
on_conflicts_changed (VdSession  *session,
                      const char *uuid,
                      guint      *n_seen)
{
  (*n_seen)++;
}

static void
test_same_field (gconstpointer data)
{
  int resolution = GPOINTER_TO_INT (data);
  g_autofree char *path = NULL;
  g_autoptr(VdStore) demo = vd_test_new_demo_store (&path);
  Desk a = { 0 }, b = { 0 };
  g_autoptr(VdScorecard) card_a = NULL, card_b = NULL, stored = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *base = NULL;
  g_autofree char *mine = NULL, *theirs = NULL, *old_base = NULL;
  VdConflict *conflict;
  guint n_seen = 0;

  desk_open (&a, path);
  desk_open (&b, path);
  card_a = first_scorecard (&a);
  card_b = first_scorecard (&b);
  base = g_strdup (vd_scorecard_get_section (card_a, 0));
  g_signal_connect (vd_session_get_autosaver (b.session), "conflict", G_CALLBACK (on_conflict), &n_seen);

  vd_scorecard_set_section (card_a, 0, "Desk A's rewrite.");
  vd_scorecard_set_section (card_b, 0, "Desk B's rewrite.");
  flush (&a);
  flush (&b);
  g_assert_cmpuint (n_seen, ==, 1);

  stored = reload_scorecard (demo, card_a);
  g_assert_cmpstr (vd_scorecard_get_section (stored, 0), ==, "Desk A's rewrite.");
  g_assert_cmpstr (vd_scorecard_get_section (card_b, 0), ==, "Desk A's rewrite.");

  conflicts = vd_store_list_conflicts (demo, vd_record_get_uuid (VD_RECORD (card_b)), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (conflicts->len, ==, 1);
  conflict = g_ptr_array_index (conflicts, 0);
  g_assert_cmpstr (conflict->field, ==, "sections[0]");
  mine = vd_conflict_dup_text (conflict->mine);
  theirs = vd_conflict_dup_text (conflict->theirs);
  old_base = vd_conflict_dup_text (conflict->base);
  g_assert_cmpstr (mine, ==, "Desk B's rewrite.");
  g_assert_cmpstr (theirs, ==, "Desk A's rewrite.");
  g_assert_cmpstr (old_base, ==, base);

  /* Resolved: Keep Theirs leaves what is in place, Keep Mine and an edit
   * of both are ordinary edits that the autosaver writes; the conflict
   * goes in each case. */
  {
    const char *expected = resolution == 0 ? "Desk A's rewrite."
                         : resolution == 1 ? "Desk B's rewrite."
                         : "Desk A's and desk B's rewrite, merged by hand.";
    g_autoptr(GVariant) value = resolution == 0 ? NULL
                              : g_variant_ref_sink (g_variant_new_string (resolution == 1 ? mine : expected));
    guint n_before = n_seen;

    g_signal_connect (b.session, "conflicts-changed", G_CALLBACK (on_conflicts_changed), &n_seen);
    g_assert_true (vd_session_resolve_conflict (b.session, conflict, value, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (n_seen, ==, n_before + 1);
    flush (&b);
    g_clear_object (&stored);
    stored = reload_scorecard (demo, card_a);
    g_assert_cmpstr (vd_scorecard_get_section (stored, 0), ==, expected);
    g_assert_cmpstr (vd_scorecard_get_section (card_b, 0), ==, expected);
    g_clear_pointer (&conflicts, g_ptr_array_unref);
    conflicts = vd_store_list_conflicts (demo, NULL, &error);
    g_assert_cmpuint (conflicts->len, ==, 0);
  }

  desk_close (&a);
  desk_close (&b);
}

static gint64
count_changes_rows (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM changes", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

/* Typing into one section: each save after the first writes its own row
 * alone (no new changes row), and another desk still follows every one of
 * them, also when a third writer commits in between. */
static void
test_typing_followed (void)
{
  g_autofree char *path = NULL;
  g_autoptr(VdStore) demo = vd_test_new_demo_store (&path);
  g_autoptr(VdScorecard) card_a = NULL, card_b = NULL;
  g_autoptr(VdTool) tool_b = NULL, other = NULL;
  g_autoptr(GError) error = NULL;
  Desk a = { 0 }, b = { 0 };
  gint64 rows;

  desk_open (&a, path);
  desk_open (&b, path);
  card_a = first_scorecard (&a);
  card_b = first_scorecard (&b);
  tool_b = vd_session_lookup (b.session, VD_TYPE_TOOL, HAIKU, &error);
  g_assert_no_error (error);

  vd_scorecard_set_section (card_a, 0, "T");
  flush (&a);
  rows = count_changes_rows (path);
  g_assert_true (vd_session_poll (b.session, &error));
  g_assert_cmpstr (vd_scorecard_get_section (card_b, 0), ==, "T");

  /* The same record again and again: no new row, and B follows each save. */
  for (guint i = 1; i <= 5; i++)
    {
      g_autofree char *text = g_strnfill (i + 1, 'T');

      vd_scorecard_set_section (card_a, 0, text);
      flush (&a);
      g_assert_cmpint (count_changes_rows (path), ==, rows);
      g_assert_true (vd_session_poll (b.session, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (vd_scorecard_get_section (card_b, 0), ==, text);
    }

  /* A saves again (no row), then a third writer commits a row of its own
   * before B looks: B takes both. */
  vd_scorecard_set_section (card_a, 0, "Typed before the third writer.");
  flush (&a);
  other = vd_store_load (demo, VD_TYPE_TOOL, HAIKU, &error);
  vd_tool_set_tagline (other, "From a third writer");
  g_assert_true (vd_store_save (demo, VD_RECORD (other), &error));
  g_assert_cmpint (count_changes_rows (path), ==, rows + 1);
  g_assert_true (vd_session_poll (b.session, &error));
  g_assert_cmpstr (vd_scorecard_get_section (card_b, 0), ==, "Typed before the third writer.");
  g_assert_cmpstr (vd_tool_get_tagline (tool_b), ==, "From a third writer");

  /* After another's commit, A's next save of the same record is news
   * again: a new row. */
  vd_scorecard_set_section (card_a, 0, "After the third writer.");
  flush (&a);
  g_assert_cmpint (count_changes_rows (path), ==, rows + 2);
  g_assert_true (vd_session_poll (b.session, &error));
  g_assert_cmpstr (vd_scorecard_get_section (card_b, 0), ==, "After the third writer.");

  desk_close (&a);
  desk_close (&b);
}

/* A desk that read a record and never touched a field never writes it, even
 * when it saves another field of the same record. */
static void
test_stale_never_overwrites (void)
{
  g_autofree char *path = NULL;
  g_autoptr(VdStore) demo = vd_test_new_demo_store (&path);
  g_autoptr(VdTool) other = NULL, stored = NULL;
  g_autoptr(GError) error = NULL;
  Desk a = { 0 };
  VdTool *tool;

  desk_open (&a, path);
  tool = vd_session_lookup (a.session, VD_TYPE_TOOL, HAIKU, &error);
  g_assert_no_error (error);

  other = vd_store_load (demo, VD_TYPE_TOOL, HAIKU, &error);
  vd_tool_set_description (other, "Written by the other process.");
  g_assert_true (vd_store_save (demo, VD_RECORD (other), &error));
  g_assert_no_error (error);

  vd_tool_set_tagline (tool, "This desk's tagline");
  flush (&a);

  stored = vd_store_load (demo, VD_TYPE_TOOL, HAIKU, &error);
  g_assert_cmpstr (vd_tool_get_description (stored), ==, "Written by the other process.");
  g_assert_cmpstr (vd_tool_get_tagline (stored), ==, "This desk's tagline");
  g_assert_cmpstr (vd_tool_get_description (tool), ==, "Written by the other process.");

  g_object_unref (tool);
  desk_close (&a);
}

static void
on_changed (VdStore    *store,
            GType       type,
            const char *uuid,
            GPtrArray  *seen)
{
  g_ptr_array_add (seen, g_strdup (uuid != NULL ? uuid : "*"));
}

/* Another connection's commit is noticed and the open object follows. */
static void
test_poll (void)
{
  g_autofree char *path = NULL;
  g_autoptr(VdStore) demo = vd_test_new_demo_store (&path);
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(VdTool) other = NULL;
  g_autoptr(GError) error = NULL;
  Desk a = { 0 };
  VdTool *tool;

  desk_open (&a, path);
  tool = vd_session_lookup (a.session, VD_TYPE_TOOL, HAIKU, &error);
  g_signal_connect (a.store, "changed", G_CALLBACK (on_changed), seen);

  /* Nothing committed: nothing announced. */
  g_assert_true (vd_session_poll (a.session, &error));
  g_assert_cmpuint (seen->len, ==, 0);

  other = vd_store_load (demo, VD_TYPE_TOOL, HAIKU, &error);
  vd_tool_set_name (other, "Haiku, renamed elsewhere");
  g_assert_true (vd_store_save (demo, VD_RECORD (other), &error));

  g_assert_true (vd_session_poll (a.session, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (vd_tool_get_name (tool), ==, "Haiku, renamed elsewhere");
  g_assert_cmpuint (seen->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (seen, 0), ==, HAIKU);
  /* Its own writes are not news to it. */
  vd_tool_set_tagline (tool, "Own");
  flush (&a);
  g_ptr_array_set_size (seen, 0);
  g_assert_true (vd_session_poll (a.session, &error));
  g_assert_cmpuint (seen->len, ==, 0);

  g_object_unref (tool);
  desk_close (&a);
}

static gboolean
quit_loop (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

typedef struct
{
  VdTool    *tool;
  GString   *typed;
  guint      n_saved;
  GMainLoop *loop;
  gint64     until;
} Typing;

static gboolean
type_key (gpointer data)
{
  Typing *typing = data;

  if (g_get_monotonic_time () >= typing->until)
    {
      g_main_loop_quit (typing->loop);
      return G_SOURCE_REMOVE;
    }
  g_string_append_c (typing->typed, 'a' + typing->typed->len % 26);
  vd_tool_set_description (typing->tool, typing->typed->str);
  return G_SOURCE_CONTINUE;
}

static void
on_saved (VdAutosaver *autosaver,
          guint        n,
          Typing      *typing)
{
  typing->n_saved++;
}

/* Continuous typing, a key every 50 ms (well inside the 250 ms delay that
 * each key restarts): written at least once a second all the same. */
static void
test_ceiling (void)
{
  g_autofree char *path = NULL;
  g_autoptr(VdStore) store = vd_test_new_demo_store (&path);
  g_autoptr(VdSession) session = vd_session_new (store, VD_AUTOSAVER_DEFAULT_DELAY_MS);
  g_autoptr(GError) error = NULL;
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  Typing typing = { 0 };

  typing.tool = vd_session_lookup (session, VD_TYPE_TOOL, HAIKU, &error);
  typing.typed = g_string_new (NULL);
  typing.loop = loop;
  typing.until = g_get_monotonic_time () + 3500 * G_TIME_SPAN_MILLISECOND;
  g_signal_connect (vd_session_get_autosaver (session), "saved", G_CALLBACK (on_saved), &typing);

  g_timeout_add (50, type_key, &typing);
  g_main_loop_run (loop);

  /* Without the ceiling: none until the typing stops. */
  g_assert_cmpuint (typing.n_saved, >=, 2);

  g_object_unref (typing.tool);
  g_string_free (typing.typed, TRUE);
}

/* A record the store refuses stays pending, its error kept, until it is
 * mended; nothing drops it. */
static void
test_refused_stays_pending (void)
{
  g_autofree char *path = NULL;
  g_autoptr(VdStore) store = vd_test_new_demo_store (&path);
  g_autoptr(VdSession) session = vd_session_new (store, 60 * 1000);
  VdAutosaver *autosaver = vd_session_get_autosaver (session);
  g_autoptr(GError) error = NULL;
  g_autoptr(VdComparison) taken = NULL, comparison = NULL, stored = NULL;
  g_autoptr(VdTool) tool = vd_session_lookup (session, VD_TYPE_TOOL, HAIKU, &error);
  g_autoptr(GListStore) all = vd_store_list (store, VD_TYPE_COMPARISON, &error);
  g_autofree char *slug = NULL;

  taken = g_list_model_get_item (G_LIST_MODEL (all), 0);
  comparison = vd_comparison_new ("second-draft", vd_comparison_get_tool_a (taken),
                                  vd_comparison_get_tool_b (taken));
  g_assert_true (vd_session_create (session, VD_RECORD (comparison), &error));
  g_assert_no_error (error);

  vd_comparison_set_title (comparison, "A title typed after the slug clash");
  vd_comparison_set_slug (comparison, vd_comparison_get_slug (taken));
  vd_tool_set_tagline (tool, "An edit of another record");

  g_assert_false (vd_autosaver_flush (autosaver, &error));
  g_assert_error (error, VD_STORE_ERROR, VD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (vd_autosaver_is_pending (autosaver));
  g_assert_true (vd_autosaver_is_dirty (autosaver, VD_RECORD (comparison)));
  g_assert_false (vd_autosaver_is_dirty (autosaver, VD_RECORD (tool)));
  g_assert_nonnull (vd_autosaver_get_error (autosaver));

  /* Tried again: still refused, still pending. */
  g_assert_false (vd_autosaver_flush (autosaver, &error));
  g_clear_error (&error);
  g_assert_true (vd_autosaver_is_dirty (autosaver, VD_RECORD (comparison)));

  vd_comparison_set_slug (comparison, "second-draft-mended");
  g_assert_true (vd_autosaver_flush (autosaver, &error));
  g_assert_no_error (error);
  g_assert_false (vd_autosaver_is_pending (autosaver));
  g_assert_null (vd_autosaver_get_error (autosaver));
  stored = vd_store_load (store, VD_TYPE_COMPARISON, vd_record_get_uuid (VD_RECORD (comparison)),
                          &error);
  g_assert_cmpstr (vd_comparison_get_title (stored), ==, "A title typed after the slug clash");
}

static void
exec_sql (VdStore    *store,
          const char *sql)
{
  g_assert_cmpint (sqlite3_exec (store->db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
}

static int
page_count (VdStore *store)
{
  sqlite3_stmt *stmt = NULL;
  int n;

  g_assert_cmpint (sqlite3_prepare_v2 (store->db, "PRAGMA page_count", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

/* A full disk (max_page_count at the file's size): the edit is kept, the
 * error says why, and once there is room again it is written by the retry
 * with no further typing. */
static void
test_disk_full (void)
{
  g_autofree char *path = NULL;
  g_autoptr(VdStore) store = vd_test_new_demo_store (&path);
  g_autoptr(VdSession) session = vd_session_new (store, VD_AUTOSAVER_DEFAULT_DELAY_MS);
  VdAutosaver *autosaver = vd_session_get_autosaver (session);
  g_autoptr(GError) error = NULL;
  g_autoptr(VdTool) tool = vd_session_lookup (session, VD_TYPE_TOOL, HAIKU, &error);
  g_autoptr(VdTool) stored = NULL;
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GString) big = g_string_new (NULL);
  g_autofree char *limit = g_strdup_printf ("PRAGMA max_page_count = %d", page_count (store));

  while (big->len < 256 * 1024)
    g_string_append (big, "A long description that does not fit on this disk. ");

  exec_sql (store, limit);
  vd_tool_set_description (tool, big->str);
  g_assert_false (vd_autosaver_flush (autosaver, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_true (vd_autosaver_is_pending (autosaver));
  g_assert_nonnull (vd_autosaver_get_error (autosaver));
  g_assert_cmpstr (vd_tool_get_description (tool), ==, big->str);

  exec_sql (store, "PRAGMA max_page_count = 1073741823");
  /* The retry comes by itself. */
  while (vd_autosaver_is_pending (autosaver))
    {
      g_timeout_add (100, quit_loop, loop);
      g_main_loop_run (loop);
    }
  g_assert_null (vd_autosaver_get_error (autosaver));
  stored = vd_store_load (store, VD_TYPE_TOOL, HAIKU, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (vd_tool_get_description (stored), ==, big->str);
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &contents, &len, &error));
  return g_bytes_new_take (contents, len);
}

static void
on_detached (VdStore  *store,
             gboolean *seen)
{
  *seen = TRUE;
}

/* The file replaced (renamed over) or deleted under an open desk: the desk
 * stops writing and keeps the edit, says so, and no byte reaches whatever
 * is at the path now — not even at close. Save a Copy keeps the edit. */
static void
test_file_gone (gconstpointer data)
{
  gboolean replace = GPOINTER_TO_INT (data);
  g_autofree char *path = NULL;
  g_autofree char *other_path = NULL;
  g_autofree char *copy_path = NULL;
  g_autofree char *wal = NULL;
  g_autoptr(GBytes) before = NULL, after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VdStore) copy = NULL;
  g_autoptr(VdTool) in_copy = NULL;
  gboolean detached = FALSE;
  VdStore *store;
  VdSession *session;
  VdTool *tool;

  store = vd_test_new_demo_store (&path);
  session = vd_session_new (store, 60 * 1000);
  g_signal_connect (store, "detached", G_CALLBACK (on_detached), &detached);
  tool = vd_session_lookup (session, VD_TYPE_TOOL, HAIKU, &error);
  vd_tool_set_tagline (tool, "Saved before the file went");
  g_assert_true (vd_autosaver_flush (vd_session_get_autosaver (session), &error));

  if (replace)
    {
      /* Another database, whole on disk (no WAL of its own), moved over. */
      g_autoptr(VdStore) other = vd_test_new_demo_store (&other_path);
      g_autoptr(VdTool) marked = vd_store_load (other, VD_TYPE_TOOL, HAIKU, &error);

      vd_tool_set_name (marked, "The other database");
      g_assert_true (vd_store_save (other, VD_RECORD (marked), &error));
      g_clear_object (&other);
      g_autofree char *other_wal = g_strconcat (other_path, "-wal", NULL);

      g_assert_false (g_file_test (other_wal, G_FILE_TEST_EXISTS));
      before = read_bytes (other_path);
      g_assert_cmpint (g_rename (other_path, path), ==, 0);
    }
  else
    g_assert_cmpint (g_unlink (path), ==, 0);

  vd_tool_set_tagline (tool, "Typed after the file went");
  g_assert_false (vd_autosaver_flush (vd_session_get_autosaver (session), &error));
  g_assert_error (error, VD_STORE_ERROR, VD_STORE_ERROR_DETACHED);
  g_clear_error (&error);
  g_assert_true (detached);
  g_assert_true (vd_autosaver_is_pending (vd_session_get_autosaver (session)));
  g_assert_false (vd_session_poll (session, &error));
  g_assert_error (error, VD_STORE_ERROR, VD_STORE_ERROR_DETACHED);
  g_clear_error (&error);

  /* Save a Copy: what the store reads, and the pending edit on top. */
  copy_path = vd_test_path ("copy.db");
  g_assert_true (vd_store_save_copy (store, copy_path, &error));
  g_assert_no_error (error);
  copy = vd_store_new (copy_path, &error);
  g_assert_no_error (error);
  g_assert_true (vd_autosaver_flush_into (vd_session_get_autosaver (session), copy, &error));
  g_assert_no_error (error);
  in_copy = vd_store_load (copy, VD_TYPE_TOOL, HAIKU, &error);
  g_assert_cmpstr (vd_tool_get_tagline (in_copy), ==, "Typed after the file went");

  g_object_unref (tool);
  g_object_unref (session);
  g_assert_finalize_object (store);

  wal = g_strconcat (path, "-wal", NULL);
  if (replace)
    {
      g_autoptr(VdStore) reopened = NULL;
      g_autoptr(VdTool) theirs = NULL;

      after = read_bytes (path);
      g_assert_true (g_bytes_equal (before, after));
      g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
      reopened = vd_store_new (path, &error);
      g_assert_no_error (error);
      theirs = vd_store_load (reopened, VD_TYPE_TOOL, HAIKU, &error);
      g_assert_cmpstr (vd_tool_get_name (theirs), ==, "The other database");
    }
  else
    {
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
      g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
    }
}

/* Two processes ------------------------------------------------------------ */

/* The child: another desk process that opens the file, sets one section of
 * a scorecard through its own session and autosaver, and exits. */
static int
run_editor (const char *path,
            const char *uuid,
            const char *index,
            const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VdStore) store = vd_store_new (path, &error);
  g_autoptr(VdSession) session = NULL;
  g_autoptr(VdScorecard) card = NULL;

  if (store == NULL)
    return 1;
  session = vd_session_new (store, 60 * 1000);
  if (!(card = vd_session_lookup (session, VD_TYPE_SCORECARD, uuid, &error)))
    return 1;
  vd_scorecard_set_section (card, (guint) g_ascii_strtoull (index, NULL, 10), text);
  return vd_autosaver_flush (vd_session_get_autosaver (session), &error) ? 0 : 1;
}

static char *typist_argv0;

static void
edit_in_other_process (const char  *path,
                       VdScorecard *card,
                       const char  *index,
                       const char  *text)
{
  g_autoptr(GError) error = NULL;
  const char *argv[] = { typist_argv0, "--editor", path, vd_record_get_uuid (VD_RECORD (card)),
                         index, text, NULL };
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL,
                               &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, &error));
  g_assert_no_error (error);
}

/* Interleaved with another process: a different section is kept beside
 * this desk's; the same section becomes a conflict with both texts. (The
 * other process's close once deleted the WAL this one still used: a
 * second connection in this process had dropped the first's locks.) */
static void
test_two_processes (void)
{
  g_autofree char *path = NULL;
  g_autoptr(VdStore) demo = vd_test_new_demo_store (&path);
  g_autoptr(VdScorecard) card = NULL, stored = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *mine = NULL;
  Desk a = { 0 };

  desk_open (&a, path);
  card = first_scorecard (&a);

  edit_in_other_process (path, card, "1", "Section two, from the other process.");
  vd_scorecard_set_section (card, 0, "Section one, from this process.");
  flush (&a);
  stored = reload_scorecard (demo, card);
  g_assert_cmpstr (vd_scorecard_get_section (stored, 0), ==, "Section one, from this process.");
  g_assert_cmpstr (vd_scorecard_get_section (stored, 1), ==, "Section two, from the other process.");

  vd_scorecard_set_section (card, 2, "Section three, this process.");
  edit_in_other_process (path, card, "2", "Section three, the other process.");
  flush (&a);
  g_clear_object (&stored);
  stored = reload_scorecard (demo, card);
  g_assert_cmpstr (vd_scorecard_get_section (stored, 2), ==, "Section three, the other process.");
  conflicts = vd_store_list_conflicts (demo, vd_record_get_uuid (VD_RECORD (card)), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (conflicts->len, ==, 1);
  mine = vd_conflict_dup_text (((VdConflict *) g_ptr_array_index (conflicts, 0))->mine);
  g_assert_cmpstr (mine, ==, "Section three, this process.");

  desk_close (&a);
}

static gint64
query_int (sqlite3    *db,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

/* More saves than SQLite's automatic checkpoint waits for: the store's own
 * checkpoints move the file, which is no rewrite, and they do happen (the
 * WAL stays short). */
static void
save_past_checkpoints (VdStore   *store,
                       VdSession *session,
                       VdTool    *tool)
{
  g_autofree char *wal = g_strconcat (vd_store_get_path (store), "-wal", NULL);
  g_autoptr(GError) error = NULL;
  gint64 page_size = query_int (store->db, "PRAGMA page_size");
  GStatBuf st;

  g_assert_cmpint (store->autocheckpoint, >, 0);
  for (int i = 0; i < 2 * store->autocheckpoint + 10; i++)
    {
      g_autofree char *tagline = g_strdup_printf ("Saved %d times", i + 1);

      vd_tool_set_tagline (tool, tagline);
      g_assert_true (vd_autosaver_flush (vd_session_get_autosaver (session), &error));
      g_assert_no_error (error);
    }

  g_assert_cmpint (vd_store_get_detached (store), ==, VD_STORE_ATTACHED);
  g_assert_cmpint (g_stat (wal, &st), ==, 0);
  /* A frame is a page and its 24-byte header; the WAL's own is 32. */
  g_assert_cmpint (st.st_size, <=, 32 + (store->autocheckpoint + 8) * (page_size + 24));
}

/* The file rewritten in place by another program (cp over it: the same
 * inode, other bytes, here another program's SQLite database): the store
 * stops writing, and closing neither checkpoints into the new bytes nor
 * truncates them. With @data, the store has first checkpointed into the
 * file itself, many times. */
static void
test_file_overwritten (gconstpointer data)
{
  gboolean checkpointed = GPOINTER_TO_INT (data);
  g_autofree char *path = NULL;
  g_autofree char *other_path = NULL;
  g_autoptr(GBytes) other_bytes = NULL, after = NULL;
  g_autoptr(GError) error = NULL;
  VdStore *store = vd_test_new_demo_store (&path);
  VdSession *session = vd_session_new (store, 60 * 1000);
  VdTool *tool = vd_session_lookup (session, VD_TYPE_TOOL, HAIKU, &error);
  FILE *file;

  {
    sqlite3 *db = NULL;

    other_path = vd_test_path ("another-program.db");
    g_assert_cmpint (sqlite3_open (other_path, &db), ==, SQLITE_OK);
    /* Larger than the open one, so that a truncation would show. */
    g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE notes (body TEXT);"
                                   "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                                   "WHERE i < 4000) INSERT INTO notes SELECT hex (randomblob (64)) "
                                   "FROM n;", NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (db);
  }
  other_bytes = read_bytes (other_path);

  if (checkpointed)
    save_past_checkpoints (store, session, tool);

  /* The open store's last commits go into its WAL and file first. */
  vd_tool_set_tagline (tool, "Saved before the rewrite");
  g_assert_true (vd_autosaver_flush (vd_session_get_autosaver (session), &error));

  file = g_fopen (path, "r+b");
  g_assert_nonnull (file);
  g_assert_cmpuint (fwrite (g_bytes_get_data (other_bytes, NULL), 1,
                            g_bytes_get_size (other_bytes), file), ==, g_bytes_get_size (other_bytes));
  g_assert_cmpint (fclose (file), ==, 0);

  vd_tool_set_tagline (tool, "Typed after the rewrite");
  g_assert_false (vd_autosaver_flush (vd_session_get_autosaver (session), &error));
  g_assert_error (error, VD_STORE_ERROR, VD_STORE_ERROR_DETACHED);
  g_assert_cmpint (vd_store_get_detached (store), ==, VD_STORE_DETACHED_OVERWRITTEN);
  g_assert_true (vd_autosaver_is_pending (vd_session_get_autosaver (session)));

  g_object_unref (tool);
  g_object_unref (session);
  g_assert_finalize_object (store);

  after = read_bytes (path);
  g_assert_true (g_bytes_equal (other_bytes, after));
}

/* SIGKILL --------------------------------------------------------------- */

/* The child: a desk typing into a tool's description, a key every few
 * milliseconds, saying on stdout how much it has typed. */
static int
run_typist (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VdStore) store = vd_store_new (path, &error);
  g_autoptr(VdSession) session = NULL;
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(VdTool) tool = NULL;
  Typing typing = { 0 };

  if (store == NULL)
    return 1;
  session = vd_session_new (store, VD_AUTOSAVER_DEFAULT_DELAY_MS);
  tool = vd_session_lookup (session, VD_TYPE_TOOL, HAIKU, &error);
  if (tool == NULL)
    return 1;

  typing.tool = tool;
  typing.typed = g_string_new (NULL);
  typing.loop = loop;
  typing.until = G_MAXINT64;
  for (;;)
    {
      char line[64];
      int n;

      g_main_context_iteration (NULL, FALSE);
      type_key (&typing);
      /* With the moment it was typed: the clock is the machine's. */
      n = g_snprintf (line, sizeof line, "%" G_GSIZE_FORMAT " %" G_GINT64_FORMAT "\n",
                      typing.typed->len, g_get_monotonic_time ());
      if (write (STDOUT_FILENO, line, n) != n)
        return 1;
      g_usleep (4000);
    }
}

typedef struct
{
  gint64 at;
  gsize  typed;
} Mark;

static void
test_sigkill (void)
{
  guint32 seed = g_test_rand_int ();
  GRand *rand = g_rand_new_with_seed (seed);
  gint64 worst_chars = 0, worst_ms = 0;
  const guint n_kills = 50;
  g_autofree char *original = NULL;

  g_test_message ("seed %u", seed);

  for (guint k = 0; k < n_kills; k++)
    {
      g_autofree char *path = NULL;
      g_autoptr(VdStore) demo = vd_test_new_demo_store (&path);
      g_autoptr(GArray) marks = g_array_new (FALSE, FALSE, sizeof (Mark));
      g_autoptr(GError) error = NULL;
      g_autoptr(GString) pending = g_string_new (NULL);
      g_autoptr(VdStore) after = NULL;
      g_autoptr(VdTool) stored = NULL;
      const char *argv[] = { typist_argv0, "--typist", NULL, NULL };
      gint64 kill_at, killed;
      gsize required = 0, stored_len;
      GPid pid;
      int out, status;
      const char *text;
      gboolean typed_prefix;

      if (original == NULL)
        {
          g_autoptr(VdTool) tool = vd_store_load (demo, VD_TYPE_TOOL, HAIKU, &error);

          original = g_strdup (vd_tool_get_description (tool));
        }
      g_clear_object (&demo);
      argv[2] = path;
      g_assert_true (g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                               NULL, NULL, &pid, NULL, &out, NULL, &error));
      g_assert_no_error (error);
      g_assert_true (g_unix_set_fd_nonblocking (out, TRUE, NULL));

      kill_at = g_get_monotonic_time () + g_rand_int_range (rand, 300, 2600) * G_TIME_SPAN_MILLISECOND;
      while (g_get_monotonic_time () < kill_at)
        {
          char buffer[4096];
          gssize n = read (out, buffer, sizeof buffer);

          if (n > 0)
            {
              g_string_append_len (pending, buffer, n);
              for (char *nl; (nl = strchr (pending->str, '\n')); )
                {
                  char *end = NULL;
                  Mark mark = { 0, g_ascii_strtoull (pending->str, &end, 10) };

                  mark.at = g_ascii_strtoll (end, NULL, 10);

                  g_array_append_val (marks, mark);
                  g_string_erase (pending, 0, nl - pending->str + 1);
                }
            }
          else
            g_usleep (1000);
        }
      g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
      killed = g_get_monotonic_time ();
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_assert_true (WIFSIGNALED (status));
      g_spawn_close_pid (pid);
      close (out);

      /* Everything typed more than a second before the kill. A desk the
       * machine did not run for a while (a loaded test machine) could not
       * type or save in that time either: the second counts from the kill
       * or from the last key it typed, whichever came first. */
      if (marks->len > 0)
        killed = MIN (killed, g_array_index (marks, Mark, marks->len - 1).at + 10 * G_TIME_SPAN_MILLISECOND);
      for (guint i = 0; i < marks->len; i++)
        if (g_array_index (marks, Mark, i).at < killed - G_TIME_SPAN_SECOND)
          required = g_array_index (marks, Mark, i).typed;

      after = vd_store_new (path, &error);
      g_assert_no_error (error);
      {
        sqlite3_stmt *stmt = NULL;

        g_assert_cmpint (sqlite3_prepare_v2 (after->db, "PRAGMA integrity_check", -1, &stmt, NULL),
                         ==, SQLITE_OK);
        g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
        g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
        sqlite3_finalize (stmt);
      }
      stored = vd_store_load (after, VD_TYPE_TOOL, HAIKU, &error);
      g_assert_no_error (error);
      text = vd_tool_get_description (stored);
      stored_len = strlen (text);
      typed_prefix = TRUE;
      for (gsize i = 0; i < stored_len && typed_prefix; i++)
        typed_prefix = text[i] == (char) ('a' + i % 26);

      /* Either nothing typed reached the file yet and the demo's text is
       * intact, or a prefix of what was typed, at least what was typed a
       * second before the kill. */
      if (!typed_prefix)
        {
          g_assert_cmpstr (text, ==, original);
          g_assert_cmpuint (required, ==, 0);
          stored_len = 0;
        }
      g_assert_cmpuint (stored_len, >=, required);

      for (guint i = 0; i < marks->len; i++)
        if (g_array_index (marks, Mark, i).typed > stored_len)
          {
            worst_ms = MAX (worst_ms, (killed - g_array_index (marks, Mark, i).at) / G_TIME_SPAN_MILLISECOND);
            worst_chars = MAX (worst_chars, (gint64) (g_array_index (marks, Mark, marks->len - 1).typed - stored_len));
            break;
          }
    }

  g_test_message ("%u kills: worst loss %" G_GINT64_FORMAT " ms of typing (%" G_GINT64_FORMAT
                  " keys)", n_kills, worst_ms, worst_chars);
  g_printerr ("# sigkill: %u kills, worst loss %" G_GINT64_FORMAT " ms of typing\n", n_kills, worst_ms);
  g_rand_free (rand);
}

/* A bulk write (an import) holds its transaction while another process
 * exports the same file: the export waits or reads, and succeeds. */
static void
test_bulk_with_export (void)
{
  const char *cli = g_getenv ("VERDICT_DESK");
  g_autofree char *path = NULL;
  g_autoptr(VdStore) store = vd_test_new_demo_store (&path);
  g_autofree char *out_path = vd_test_path ("export.json");
  g_autoptr(VdTool) tool = vd_tool_new ("Written in bulk");
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL, *err = NULL, *json = NULL;
  int status;
  const char *argv[] = { cli, "--database", path, "--export-json", out_path,
                         "--comparison", NULL, NULL };
  g_autoptr(GListStore) all = vd_store_list (store, VD_TYPE_COMPARISON, &error);
  g_autoptr(VdComparison) comparison = g_list_model_get_item (G_LIST_MODEL (all), 0);

  g_assert_nonnull (cli);
  argv[6] = vd_comparison_get_slug (comparison);

  vd_store_set_bulk (store, TRUE);
  g_assert_true (vd_store_begin (store, &error));
  g_assert_true (vd_store_put (store, VD_RECORD (tool), &error));
  g_assert_no_error (error);

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (err, "Exported 1 comparison"));
  g_assert_true (g_spawn_check_wait_status (status, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (out_path, &json, NULL, NULL));
  g_assert_nonnull (strstr (json, vd_comparison_get_slug (comparison)));

  g_assert_true (vd_store_commit (store, &error));
  vd_store_set_bulk (store, FALSE);
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 3 && g_str_equal (argv[1], "--typist"))
    return run_typist (argv[2]);
  if (argc == 6 && g_str_equal (argv[1], "--editor"))
    return run_editor (argv[2], argv[3], argv[4], argv[5]);

  typist_argv0 = argv[0];
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/writers/different-fields", test_different_fields);
  g_test_add_data_func ("/writers/same-field/keep-theirs", GINT_TO_POINTER (0), test_same_field);
  g_test_add_data_func ("/writers/same-field/keep-mine", GINT_TO_POINTER (1), test_same_field);
  g_test_add_data_func ("/writers/same-field/edit", GINT_TO_POINTER (2), test_same_field);
  g_test_add_func ("/writers/stale-never-overwrites", test_stale_never_overwrites);
  g_test_add_func ("/writers/poll", test_poll);
  g_test_add_func ("/writers/typing-followed", test_typing_followed);
  g_test_add_func ("/writers/two-processes", test_two_processes);
  g_test_add_func ("/writers/ceiling", test_ceiling);
  g_test_add_func ("/writers/refused-stays-pending", test_refused_stays_pending);
  g_test_add_func ("/writers/disk-full", test_disk_full);
  g_test_add_data_func ("/writers/file-replaced", GINT_TO_POINTER (TRUE), test_file_gone);
  g_test_add_data_func ("/writers/file-deleted", GINT_TO_POINTER (FALSE), test_file_gone);
  g_test_add_data_func ("/writers/file-overwritten", GINT_TO_POINTER (FALSE), test_file_overwritten);
  g_test_add_data_func ("/writers/file-overwritten/after-own-checkpoints", GINT_TO_POINTER (TRUE),
                        test_file_overwritten);
  g_test_add_func ("/writers/bulk-with-export", test_bulk_with_export);
  g_test_add_func ("/writers/sigkill", test_sigkill);

  return g_test_run ();
}
