/* vd-import-batch.c — many documents through the import, in one process
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: vd-import-batch SEED.json DOCDIR OUTDIR
 *
 * The differential test (test-import-differential.py) derives thousands of
 * documents; spawning the desk for each would take minutes under the
 * sanitizers. This imports each document of DOCDIR twice:
 *
 *  - into a copy of a database holding SEED.json: on a refusal, the
 *    database's dump and its file's bytes must be what they were;
 *  - into an empty scratch database: on success it exports the result to
 *    OUTDIR/<name> and imports that into another empty one, whose export
 *    must be the same bytes.
 *
 * and prints one JSON object per document, which the script checks against
 * the JSON Schema's verdict.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>

#include "vd-export.h"
#include "vd-import.h"
#include "vd-store.h"
#include "vd-test-util.h"

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* Every row of every table, in a stable order, hashed: the database's
 * logical content, whatever pages it sits in. */
static char *
dump_database (const char *path)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name, sql FROM sqlite_master ORDER BY name",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (stmt, 0);
      const char *sql = (const char *) sqlite3_column_text (stmt, 1);

      g_checksum_update (sum, (const guchar *) name, -1);
      if (sql != NULL)
        g_checksum_update (sum, (const guchar *) sql, -1);
      if (sql != NULL && g_str_has_prefix (sql, "CREATE TABLE"))
        g_ptr_array_add (tables, g_strdup (name));
    }
  sqlite3_finalize (stmt);

  for (guint i = 0; i < tables->len; i++)
    {
      /* Our own table names, from sqlite_master: quoted, never user text. */
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\"",
                                              (char *) g_ptr_array_index (tables, i));
      g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);

      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          GString *row = g_string_new (NULL);

          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            {
              const char *text = (const char *) sqlite3_column_text (stmt, c);

              g_string_append_printf (row, "%d:%d:%s\x1e", sqlite3_column_type (stmt, c),
                                      sqlite3_column_bytes (stmt, c), text ? text : "");
            }
          g_ptr_array_add (rows, g_string_free (row, FALSE));
        }
      sqlite3_finalize (stmt);

      g_ptr_array_sort (rows, compare_strings);
      g_checksum_update (sum, g_ptr_array_index (tables, i), -1);
      for (guint r = 0; r < rows->len; r++)
        g_checksum_update (sum, g_ptr_array_index (rows, r), -1);
    }

  sqlite3_close (db);
  return g_strdup (g_checksum_get_string (sum));
}

static gboolean
import_bytes (VdStore  *store,
              GBytes   *bytes,
              char    **message)
{
  g_autoptr(GError) error = NULL;

  if (vd_import_from_bytes (store, bytes, NULL, &error))
    return TRUE;

  *message = g_strdup (error->message);
  return FALSE;
}

/* Into a copy of the seeded database. */
/* A fresh copy of the seeded database at @work, with no WAL left over from
 * the document before. */
static void
copy_base (const char *base,
           gsize       base_len,
           const char *work)
{
  g_autofree char *wal = g_strconcat (work, "-wal", NULL);
  g_autofree char *shm = g_strconcat (work, "-shm", NULL);

  g_unlink (wal);
  g_unlink (shm);
  /* Removed first: written in place, a larger file would keep its tail. */
  g_unlink (work);
  /* No fsync: a scratch copy, thousands of times. */
  g_assert_true (g_file_set_contents_full (work, base, base_len, G_FILE_SET_CONTENTS_NONE,
                                           0600, NULL));
}

/* Returns whether the file is still the seeded database, byte for byte, so
 * the next document needs no fresh copy. */
static gboolean
import_seeded (JsonBuilder *out,
               GBytes      *document,
               const char  *base,
               gsize        base_len,
               const char  *dump_before,
               const char  *work,
               gboolean     fresh)
{
  g_autofree char *message = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *wal = g_strconcat (work, "-wal", NULL);
  g_autoptr(GError) error = NULL;
  GStatBuf st;
  gboolean ok, same, dump_same;
  gsize len;

  if (!fresh)
    copy_base (base, base_len, work);
  {
    g_autoptr(VdStore) store = vd_store_new (work, &error);

    g_assert_no_error (error);
    ok = import_bytes (store, document, &message);
  }
  g_assert_true (g_file_get_contents (work, &contents, &len, NULL));
  same = len == base_len && memcmp (contents, base, len) == 0;

  /* The same bytes and no WAL beside them hold the same rows; only a file
   * that changed needs its rows compared. */
  if (same && (g_stat (wal, &st) != 0 || st.st_size == 0))
    dump_same = TRUE;
  else
    {
      g_autofree char *dump_after = dump_database (work);

      dump_same = g_str_equal (dump_before, dump_after);
    }

  json_builder_set_member_name (out, "seeded_ok");
  json_builder_add_boolean_value (out, ok);
  json_builder_set_member_name (out, "seeded_message");
  json_builder_add_string_value (out, message);
  json_builder_set_member_name (out, "dump_same");
  json_builder_add_boolean_value (out, dump_same);
  json_builder_set_member_name (out, "bytes_same");
  json_builder_add_boolean_value (out, same);
  return same;
}

/* Into an empty database, and the export round trip. */
/* @empty is an empty store, and stays one while imports are refused: a
 * new one (and its schema) per document would cost more than the import. */
static void
import_empty (JsonBuilder  *out,
              GBytes       *document,
              VdStore     **empty,
              const char   *export_path)
{
  g_autoptr(VdStore) store = g_object_ref (*empty);
  g_autofree char *message = NULL;
  gboolean ok = import_bytes (store, document, &message);

  json_builder_set_member_name (out, "empty_ok");
  json_builder_add_boolean_value (out, ok);
  json_builder_set_member_name (out, "empty_message");
  json_builder_add_string_value (out, message);
  json_builder_set_member_name (out, "empty_clean");
  json_builder_add_boolean_value (out, ok || vd_test_store_is_empty (store));
  if (ok || !vd_test_store_is_empty (store))
    {
      g_object_unref (*empty);
      *empty = vd_test_new_scratch_store ();
    }

  if (ok)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) first = vd_test_export_as_stored (store, NULL);
      g_autoptr(GBytes) second = NULL;
      g_autoptr(VdStore) again = vd_test_new_scratch_store ();
      g_autofree char *again_message = NULL;

      g_assert_no_error (error);
      g_assert_true (g_file_set_contents_full (export_path, g_bytes_get_data (first, NULL),
                                               g_bytes_get_size (first),
                                               G_FILE_SET_CONTENTS_NONE, 0600, NULL));
      if (import_bytes (again, first, &again_message))
        {
          second = vd_test_export_as_stored (again, NULL);
        }

      json_builder_set_member_name (out, "export");
      json_builder_add_string_value (out, export_path);
      json_builder_set_member_name (out, "roundtrip");
      json_builder_add_boolean_value (out, second != NULL && g_bytes_equal (first, second));
      json_builder_set_member_name (out, "roundtrip_message");
      json_builder_add_string_value (out, again_message);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *base_path = NULL;
  g_autofree char *work = NULL;
  g_autofree char *base = NULL;
  g_autofree char *base_dump = NULL;
  g_autoptr(VdStore) empty = vd_test_new_scratch_store ();
  gboolean fresh = TRUE;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = NULL;
  gsize base_len;
  const char *name;

  if (argc != 4)
    {
      g_printerr ("usage: %s SEED.json DOCDIR OUTDIR\n", argv[0]);
      return 2;
    }

  tmp = g_dir_make_tmp ("vd-import-batch-XXXXXX", &error);
  g_assert_no_error (error);
  base_path = g_build_filename (tmp, "base.db", NULL);
  work = g_build_filename (tmp, "work.db", NULL);

  {
    g_autoptr(VdStore) store = vd_store_new (base_path, &error);
    g_autoptr(GFile) seed = g_file_new_for_commandline_arg (argv[1]);

    g_assert_no_error (error);
    vd_import_from_file (store, seed, NULL, NULL, &error);
    g_assert_no_error (error);
  }
  g_assert_true (g_file_get_contents (base_path, &base, &base_len, NULL));
  copy_base (base, base_len, work);
  base_dump = dump_database (work);

  dir = g_dir_open (argv[2], 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_strings);

  for (guint i = 0; i < names->len; i++)
    {
      const char *doc_name = g_ptr_array_index (names, i);
      g_autofree char *doc_path = g_build_filename (argv[2], doc_name, NULL);
      g_autofree char *export_path = g_build_filename (argv[3], doc_name, NULL);
      g_autoptr(GMappedFile) mapped = g_mapped_file_new (doc_path, FALSE, &error);
      g_autoptr(GBytes) document = NULL;
      g_autoptr(JsonBuilder) out = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *line = NULL;

      g_assert_no_error (error);
      document = g_mapped_file_get_bytes (mapped);

      json_builder_begin_object (out);
      json_builder_set_member_name (out, "doc");
      json_builder_add_string_value (out, doc_name);
      fresh = import_seeded (out, document, base, base_len, base_dump, work, fresh);
      import_empty (out, document, &empty, export_path);
      json_builder_end_object (out);

      root = json_builder_get_root (out);
      line = json_to_string (root, FALSE);
      g_print ("%s\n", line);
    }

  copy_base (base, base_len, work);
  g_unlink (work);
  g_unlink (base_path);
  g_rmdir (tmp);
  return 0;
}
