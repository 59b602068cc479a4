/* vd-test-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "vd-demo.h"
#include "vd-export.h"
#include "vd-test-util.h"

static void
remove_tree (gpointer data)
{
  char *dir = data;
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_chmod (path, 0600);
      g_unlink (path);
    }
  g_rmdir (dir);
  g_free (dir);
}

char *
vd_test_make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("verdict-desk-test-XXXXXX", &error);

  g_assert_no_error (error);
  g_test_queue_destroy (remove_tree, g_strdup (dir));
  return dir;
}

char *
vd_test_path (const char *basename)
{
  g_autofree char *dir = vd_test_make_dir ();

  return g_build_filename (dir, basename, NULL);
}

VdStore *
vd_test_new_demo_store (char **path_out)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = vd_test_path ("demo.db");
  g_autoptr(VdStore) store = vd_store_new (path, &error);

  g_assert_no_error (error);
  g_assert_true (vd_demo_populate (store, &error));
  g_assert_no_error (error);

  if (path_out != NULL)
    *path_out = g_steal_pointer (&path);

  return g_steal_pointer (&store);
}

/* A new empty database in a temporary directory. */
VdStore *
vd_test_new_empty_store (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = vd_test_path ("empty.db");
  VdStore *store = vd_store_new (path, &error);

  g_assert_no_error (error);
  return store;
}

static void
remove_store_files (gpointer data)
{
  g_autofree char *path = data;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
}

/* An empty database in a file of its own under $TMPDIR, removed when the
 * store is finalized: for programs that import thousands of documents and
 * need no g_test_init(). A real file rather than ":memory:", which the store
 * would take for a file deleted while open. */
VdStore *
vd_test_new_scratch_store (void)
{
  static char *dir;
  static guint n;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  VdStore *store;

  if (dir == NULL && (dir = g_dir_make_tmp ("verdict-desk-scratch-XXXXXX", &error)) == NULL)
    g_error ("no scratch directory: %s", error->message);

  path = g_strdup_printf ("%s/store-%u.db", dir, n++);
  if ((store = vd_store_new (path, &error)) == NULL)
    g_error ("no scratch store: %s", error->message);

  /* Data is freed after the store's own finalize has closed the file. */
  g_object_set_data_full (G_OBJECT (store), "vd-test-scratch", g_steal_pointer (&path),
                          remove_store_files);
  return store;
}

gboolean
vd_test_store_is_empty (VdStore *store)
{
  GType types[] = { VD_TYPE_TOOL, VD_TYPE_REVIEWER, VD_TYPE_COMPARISON, VD_TYPE_SCORECARD };

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    if (vd_store_count (store, types[i], NULL) != 0)
      return FALSE;
  return TRUE;
}

char *
vd_test_file_checksum (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize len;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);

  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, len);
}

/* An accepted document may hold a published page that is not complete
 * (it is someone's work): a round trip is of what was stored, which the
 * website's export would refuse. */
GBytes *
vd_test_export_as_stored (VdStore    *store,
                          const char *slug)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  g_assert_true (vd_export_to_stream_full (store, slug, VD_EXPORT_INCOMPLETE, out, NULL, NULL,
                                           &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_close (out, NULL, NULL));
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
}

char *
vd_test_export (VdStore    *store,
                const char *slug)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = vd_export_to_bytes (store, slug, &error);
  gsize len;
  const char *data;

  g_assert_no_error (error);
  g_assert_nonnull (bytes);

  data = g_bytes_get_data (bytes, &len);
  return g_strndup (data, len);
}

char *
vd_test_replace_once (const char *text,
                      const char *from,
                      const char *to)
{
  const char *at = strstr (text, from);
  GString *out;

  g_assert_nonnull (at);

  out = g_string_new_len (text, at - text);
  g_string_append (out, to);
  g_string_append (out, at + strlen (from));
  return g_string_free (out, FALSE);
}

char *
vd_test_isolate_config (void)
{
  char *dir = g_dir_make_tmp ("verdict-desk-config-XXXXXX", NULL);

  g_assert_nonnull (dir);
  g_setenv ("XDG_CONFIG_HOME", dir, TRUE);
  return dir;
}

/* What Enchant writes there: its folder of personal word lists. */
void
vd_test_remove_config (const char *dir)
{
  g_autofree char *enchant = g_build_filename (dir, "enchant", NULL);

  remove_tree (g_steal_pointer (&enchant));
  g_rmdir (dir);
}
