/* vd-sync-history.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A record's history is the repository's log of its file: `git log
 * --follow` on the fetched branch, each version read back with the same
 * hostile-file reader as a sync (vd_sync_file_read()). A version that does
 * not read is left out and said so; nothing in the log is trusted more
 * than a fetched file.
 */
#include "config.h"

#include <string.h>

#include "vd-sync-private.h"

void
vd_sync_version_free (VdSyncVersion *version)
{
  g_free (version->commit);
  g_free (version->author);
  g_free (version->email);
  g_clear_object (&version->record);
  g_free (version->note);
  g_free (version);
}

/* Which file the record is in: the first record folder whose log names it. */
static char *
find_path (Sync       *sync,
           const char *uuid)
{
  const VdSyncKind *kinds;
  guint n_kinds;

  kinds = vd_sync_file_get_kinds (&n_kinds);
  for (guint k = n_kinds; k > 0; k--)
    {
      g_autofree char *path = g_strdup_printf ("%s/%s.json", kinds[k - 1].dir, uuid);
      g_autoptr(GBytes) out = NULL;

      if (vd_git_run (sync->git_dir, (const char *[]) { "log", "-1", "--format=%H", REMOTE_REF,
                                                         "--", path, NULL },
                      NULL, &out, NULL, NULL) &&
          g_bytes_get_size (out) > 0)
        return g_steal_pointer (&path);
    }
  return NULL;
}

/**
 * vd_sync_list_history:
 * @uuid: a record's uuid
 *
 * Returns: (transfer container) (element-type VdSyncVersion): the record's
 *   versions in the repository as this desk last fetched it, newest first;
 *   empty when the desk never synced it
 */
GPtrArray *
vd_sync_list_history (VdStore     *store,
                      const char  *uuid,
                      GError     **error)
{
  g_autoptr(GPtrArray) versions = g_ptr_array_new_with_free_func ((GDestroyNotify) vd_sync_version_free);
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autoptr(GHashTable) blobs = NULL;
  g_autoptr(GBytes) out = NULL;
  g_autofree char *git_dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) records = NULL;
  VdSyncResult result = { 0 };
  Sync sync = { .store = store, .result = &result };
  guint kind;
  g_autofree char *parsed_uuid = NULL;

  g_return_val_if_fail (VD_IS_STORE (store), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  git_dir = vd_sync_dup_clone_dir (store);
  sync.git_dir = git_dir;
  if (!g_file_test (git_dir, G_FILE_TEST_IS_DIR))
    return g_steal_pointer (&versions);
  if (!(path = find_path (&sync, uuid)))
    return g_steal_pointer (&versions);
  /* The uuid came from the command line: it must make a desk's path. */
  if (!vd_sync_file_parse_path (path, &kind, &parsed_uuid))
    {
      g_set_error (error, VD_SYNC_ERROR, VD_SYNC_ERROR_FORMAT, "“%s” is not a record's uuid",
                   uuid);
      return NULL;
    }

  /* One record per version: commit, author, e-mail, time, then the raw
   * line with the file's blob at that commit. */
  if (!vd_git_run (git_dir, (const char *[]) { "log", "--follow", "--no-abbrev", "--raw",
                                               "--format=%x1e%H%x1f%an%x1f%ae%x1f%at",
                                               REMOTE_REF, "--", path, NULL },
                   NULL, &out, NULL, error))
    return NULL;

  text = g_strndup (g_bytes_get_data (out, NULL), g_bytes_get_size (out));
  records = g_strsplit (text, "\x1e", -1);
  for (guint i = 0; records[i] != NULL; i++)
    {
      g_auto(GStrv) lines = g_strsplit (records[i], "\n", -1);
      g_auto(GStrv) head = NULL;
      VdSyncVersion *version;
      const char *blob = NULL;

      if (lines[0] == NULL || *lines[0] == '\0')
        continue;
      head = g_strsplit (lines[0], "\x1f", 4);
      if (g_strv_length (head) != 4)
        continue;

      /* ":100644 100644 <old> <new> M\tpath": the version is <new>. */
      for (guint l = 1; lines[l] != NULL; l++)
        if (lines[l][0] == ':')
          {
            g_auto(GStrv) fields = g_strsplit_set (lines[l] + 1, " \t", 6);

            if (g_strv_length (fields) >= 5)
              blob = g_intern_string (fields[3]);
          }

      version = g_new0 (VdSyncVersion, 1);
      version->commit = g_strdup (head[0]);
      version->author = g_strdup (head[1]);
      version->email = g_strdup (head[2]);
      version->time = g_ascii_strtoll (head[3], NULL, 10);
      version->blob = blob;
      g_ptr_array_add (versions, version);
      if (blob != NULL && strspn (blob, "0") != strlen (blob))
        g_ptr_array_add (ids, (gpointer) blob);
    }

  if (!(blobs = _vd_sync_read_blobs (&sync, ids, error)))
    return NULL;

  for (guint i = 0; i < versions->len; i++)
    {
      VdSyncVersion *version = g_ptr_array_index (versions, i);
      GBytes *bytes = version->blob != NULL ? g_hash_table_lookup (blobs, version->blob) : NULL;
      g_autoptr(GError) read_error = NULL;

      if (bytes == NULL)
        version->note = g_strdup ("the file is not there");
      else if (!(version->record = vd_sync_file_read (path, bytes, &version->deleted, &read_error)))
        version->note = g_strdup (read_error->message);
    }

  vd_sync_result_clear (&result);
  return g_steal_pointer (&versions);
}

/**
 * vd_sync_version_dup_changes:
 * @older: (nullable): the version before, or %NULL for the first
 *
 * Returns: (transfer full): what @version changed: the fields, by name
 *   ("verdict", "sections 1, 3", "title"), "created" for the first
 *   version, "deleted" for a tombstone
 */
GStrv
vd_sync_version_dup_changes (const VdSyncVersion *version,
                             const VdSyncVersion *older)
{
  g_autoptr(GStrvBuilder) changes = g_strv_builder_new ();
  g_autoptr(GVariant) now = NULL;
  g_autoptr(GVariant) before = NULL;
  GVariantIter iter;
  const char *key;
  GVariant *value;

  if (version->record == NULL)
    return g_strv_builder_end (changes);
  if (version->deleted && (older == NULL || !older->deleted))
    {
      g_strv_builder_add (changes, "deleted");
      return g_strv_builder_end (changes);
    }
  if (older == NULL || older->record == NULL)
    {
      g_strv_builder_add (changes, "created");
      return g_strv_builder_end (changes);
    }

  now = g_variant_ref_sink (vd_merge_snapshot (version->record));
  before = g_variant_ref_sink (vd_merge_snapshot (older->record));
  g_variant_iter_init (&iter, now);
  while (g_variant_iter_loop (&iter, "{&sv}", &key, &value))
    {
      g_autoptr(GVariant) old = g_variant_lookup_value (before, key, NULL);

      if (g_str_equal (key, "updated") || (old != NULL && g_variant_equal (old, value)))
        continue;

      /* A list of texts (a scorecard's sections): which items. */
      if (old != NULL && g_variant_is_of_type (value, G_VARIANT_TYPE_STRING_ARRAY) &&
          g_variant_is_of_type (old, G_VARIANT_TYPE_STRING_ARRAY))
        {
          g_autoptr(GString) items = g_string_new (key);
          gsize n_now = g_variant_n_children (value), n_old = g_variant_n_children (old);

          for (gsize i = 0; i < MAX (n_now, n_old); i++)
            {
              g_autoptr(GVariant) a = i < n_now ? g_variant_get_child_value (value, i) : NULL;
              g_autoptr(GVariant) b = i < n_old ? g_variant_get_child_value (old, i) : NULL;

              if (a == NULL || b == NULL || !g_variant_equal (a, b))
                g_string_append_printf (items, "%s%" G_GSIZE_FORMAT,
                                        items->len == strlen (key) ? " " : ", ", i + 1);
            }
          g_strv_builder_add (changes, items->str);
          continue;
        }
      g_strv_builder_add (changes, key);
    }

  return g_strv_builder_end (changes);
}
