/* vd-sync.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One sync: read the remote's head, fetch it, decide for every record file
 * what the database and the repository get (vd_merge_three_way() where both
 * sides changed), make one commit on top of what was fetched, push it, check
 * that the remote now points at it, and only then write the merged rows, the
 * conflicts and every file's new base in one transaction. Until that
 * transaction commits the database is as it was, so a sync killed at any
 * point is redone whole by the next one: the unpushed commit is rebuilt (the
 * old one is never pushed), a pushed one is found in the remote and merges
 * to no change.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "vd-error.h"
#include "vd-sync-private.h"

G_DEFINE_QUARK (vd-sync-error-quark, vd_sync_error)

/* Another desk pushing between our fetch and our push costs one more round;
 * more than this in a row and the sync gives up rather than spin. */
#define MAX_ATTEMPTS 5

static void
entry_free (Entry *entry)
{
  g_free (entry->path);
  g_free (entry->uuid);
  g_free (entry->base_blob);
  g_free (entry->theirs_blob);
  g_clear_pointer (&entry->mine_snapshot, g_variant_unref);
  g_clear_pointer (&entry->mine_bytes, g_bytes_unref);
  g_free (entry->mine_blob);
  g_clear_pointer (&entry->write, g_bytes_unref);
  g_clear_object (&entry->result);
  g_free (entry->new_base);
  g_clear_pointer (&entry->conflicts, g_ptr_array_unref);
  g_free (entry);
}

void
vd_sync_result_clear (VdSyncResult *result)
{
  g_clear_pointer (&result->commit, g_free);
  g_clear_pointer (&result->set_aside, g_ptr_array_unref);
  memset (result, 0, sizeof *result);
}

char *
vd_sync_dup_clone_dir (VdStore *store)
{
  g_return_val_if_fail (VD_IS_STORE (store), NULL);

  return g_strconcat (vd_store_get_path (store), ".sync", NULL);
}

void
_vd_sync_set_aside (Sync       *sync,
           const char *commit,
           const char *message)
{
  g_autofree char *short_id = g_strndup (commit != NULL ? commit : "", 7);

  g_ptr_array_add (sync->result->set_aside,
                   commit != NULL ? g_strdup_printf ("set aside (commit %s): %s", short_id, message)
                                  : g_strdup_printf ("set aside: %s", message));
}

Entry *
_vd_sync_get_entry (Sync       *sync,
           const char *path,
           guint       kind,
           const char *uuid)
{
  Entry *entry = g_hash_table_lookup (sync->entries, path);

  if (entry == NULL)
    {
      entry = g_new0 (Entry, 1);
      entry->path = g_strdup (path);
      entry->kind = kind;
      entry->uuid = g_strdup (uuid);
      g_hash_table_insert (sync->entries, entry->path, entry);
    }
  return entry;
}

/* What this desk holds ----------------------------------------------------- */

/* Whether decide() will read theirs for @entry: it changed since the base
 * and is not what this desk has. */
static gboolean
theirs_needed (Entry *entry)
{
  return entry->theirs_blob != NULL && g_strcmp0 (entry->mine_blob, entry->theirs_blob) != 0 &&
         g_strcmp0 (entry->theirs_blob, entry->base_blob) != 0;
}

typedef struct
{
  Sync  *sync;
  guint  kind;
} ReadMine;

/* One record of the database: its file's blob id, and only what decide()
 * will need of it, so that a pass over a large desk holds ids, not
 * records. A file that will go out as it is goes into the outgoing stream
 * at once. */
static gboolean
read_one_mine (VdRecord  *record,
               gpointer   data,
               GError   **error)
{
  ReadMine *read = data;
  g_autofree char *path = vd_sync_file_path (record);
  Entry *entry = _vd_sync_get_entry (read->sync, path, read->kind, vd_record_get_uuid (record));
  g_autoptr(GBytes) bytes = vd_sync_file_write (record, FALSE);

  entry->mine_present = TRUE;
  entry->mine_updated = vd_record_get_updated (record);
  entry->mine_blob = vd_sync_file_blob_id (bytes);

  if (theirs_needed (entry))
    {
      entry->mine_snapshot = g_variant_ref_sink (vd_merge_snapshot (record));
      entry->mine_bytes = g_steal_pointer (&bytes);
      return TRUE;
    }
  if (g_strcmp0 (entry->mine_blob, entry->theirs_blob) != 0)
    return _vd_sync_stage_blob (read->sync, entry, bytes, error);
  return TRUE;
}

static gboolean
read_mine (Sync    *sync,
           GError **error)
{
  g_autoptr(GHashTable) bases = vd_store_list_sync_files (sync->store, error);
  g_autoptr(GPtrArray) missing = g_ptr_array_new ();
  g_autoptr(GHashTable) blobs = NULL;
  const VdSyncKind *kinds;
  GHashTableIter iter;
  gpointer key, value;
  guint n_kinds;

  if (bases == NULL)
    return FALSE;

  /* The bases first: what a record needs kept depends on them. */
  g_hash_table_iter_init (&iter, bases);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_autofree char *uuid = NULL;
      guint kind;
      Entry *entry;

      if (!vd_sync_file_parse_path (key, &kind, &uuid))
        continue;
      entry = _vd_sync_get_entry (sync, key, kind, uuid);
      entry->base_blob = g_strdup (value);
    }

  kinds = vd_sync_file_get_kinds (&n_kinds);
  for (guint k = 0; k < n_kinds; k++)
    {
      ReadMine read = { sync, k };

      if (!vd_store_foreach (sync->store, kinds[k].get_type (), read_one_mine, &read, error))
        return FALSE;
    }

  g_hash_table_iter_init (&iter, sync->entries);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      Entry *entry = value;

      if (!entry->mine_present && entry->base_blob != NULL)
        g_ptr_array_add (missing, entry->base_blob);
    }

  /* A record the database took and no longer has was deleted here: this
   * desk's side of it is the base's tombstone. */
  if (!(blobs = _vd_sync_read_blobs (sync, missing, error)))
    return FALSE;

  g_hash_table_iter_init (&iter, sync->entries);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      Entry *entry = value;
      GBytes *base;
      g_autoptr(VdRecord) record = NULL;
      gboolean deleted;

      if (entry->mine_present || entry->base_blob == NULL ||
          !(base = g_hash_table_lookup (blobs, entry->base_blob)) ||
          !(record = vd_sync_file_read (entry->path, base, &deleted, NULL)))
        continue;

      entry->mine_snapshot = g_variant_ref_sink (vd_merge_snapshot (record));
      entry->mine_bytes = deleted ? g_bytes_ref (base) : vd_sync_file_write (record, TRUE);
      entry->mine_blob = vd_sync_file_blob_id (entry->mine_bytes);
    }

  return TRUE;
}

/* Deciding ---------------------------------------------------------------- */

static VdRecord *
read_theirs (Sync       *sync,
             Entry      *entry,
             GHashTable *blobs,
             gboolean   *deleted)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes = g_hash_table_lookup (blobs, entry->theirs_blob);
  VdRecord *record;

  if (bytes == NULL)
    {
      g_autofree char *message = g_strdup_printf ("%s: could not be read", entry->path);

      _vd_sync_set_aside (sync, sync->theirs, message);
      return NULL;
    }

  if (!(record = vd_sync_file_read (entry->path, bytes, deleted, &error)))
    _vd_sync_set_aside (sync, sync->theirs, error->message);
  return record;
}

/* This desk's file goes out: staged already (read_one_mine()), or a
 * tombstone held here. */
static void
take_mine (Entry *entry)
{
  if (entry->mark == 0)
    entry->write = g_bytes_ref (entry->mine_bytes);
  entry->new_base = g_strdup (entry->mine_blob);
}

static void
merge_both (Sync       *sync,
            Entry      *entry,
            VdRecord   *theirs,
            gboolean    theirs_deleted,
            GHashTable *blobs)
{
  const VdSyncKind *kinds;
  g_autoptr(VdRecord) base = NULL;
  g_autoptr(GVariant) base_snapshot = NULL;
  g_autoptr(GVariant) theirs_snapshot = NULL;
  g_autoptr(GVariant) merged = NULL;
  gboolean base_deleted, mine_deleted = !entry->mine_present;
  GBytes *base_bytes;
  const char *table;
  g_autofree char *blob = NULL;
  guint n_kinds;

  kinds = vd_sync_file_get_kinds (&n_kinds);
  table = kinds[entry->kind].dir;
  if (entry->base_blob != NULL && (base_bytes = g_hash_table_lookup (blobs, entry->base_blob)))
    base = vd_sync_file_read (entry->path, base_bytes, &base_deleted, NULL);
  if (base != NULL)
    base_snapshot = g_variant_ref_sink (vd_merge_snapshot (base));
  theirs_snapshot = g_variant_ref_sink (vd_merge_snapshot (theirs));

  entry->conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) vd_conflict_free);
  merged = vd_merge_three_way (base_snapshot, entry->mine_snapshot, theirs_snapshot,
                               vd_record_class_get_itemwise (VD_RECORD_GET_CLASS (theirs)),
                               table, entry->uuid, entry->conflicts);

  /* Built from theirs: a record's identity fields are set once, and theirs
   * are what the repository already holds. */
  entry->result = g_object_ref (theirs);
  vd_merge_apply (entry->result, merged);
  if (entry->mine_present)
    vd_record_set_updated (entry->result, MAX (entry->mine_updated,
                                               vd_record_get_updated (theirs)));

  /* An edit that meets a delete wins: only both sides deleting deletes. */
  entry->result_deleted = mine_deleted && theirs_deleted;
  entry->write = vd_sync_file_write (entry->result, entry->result_deleted);
  blob = vd_sync_file_blob_id (entry->write);
  if (g_strcmp0 (blob, entry->theirs_blob) == 0)
    g_clear_pointer (&entry->write, g_bytes_unref);
  entry->new_base = g_steal_pointer (&blob);
}

static gboolean
decide (Sync    *sync,
        GError **error)
{
  g_autoptr(GPtrArray) needed = g_ptr_array_new ();
  g_autoptr(GHashTable) blobs = NULL;
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, sync->entries);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      Entry *entry = value;

      if (theirs_needed (entry))
        {
          g_ptr_array_add (needed, entry->theirs_blob);
          if (entry->base_blob != NULL)
            g_ptr_array_add (needed, entry->base_blob);
        }
    }

  if (!(blobs = _vd_sync_read_blobs (sync, needed, error)))
    return FALSE;

  g_hash_table_iter_init (&iter, sync->entries);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      Entry *entry = value;
      g_autoptr(VdRecord) theirs = NULL;
      gboolean theirs_deleted = FALSE;

      if (g_strcmp0 (entry->mine_blob, entry->theirs_blob) == 0)
        {
          /* Already alike: at most the base moves. */
          if (entry->theirs_blob != NULL && g_strcmp0 (entry->theirs_blob, entry->base_blob) != 0)
            entry->new_base = g_strdup (entry->theirs_blob);
          continue;
        }

      if (entry->theirs_blob == NULL)
        {
          /* New here, or a file the remote lost: this desk's copy goes out. */
          if (entry->mine_blob != NULL)
            take_mine (entry);
          continue;
        }

      if (g_strcmp0 (entry->theirs_blob, entry->base_blob) == 0)
        {
          if (entry->mine_blob != NULL)
            take_mine (entry);
          continue;
        }

      if (!(theirs = read_theirs (sync, entry, blobs, &theirs_deleted)))
        continue;

      if (g_strcmp0 (entry->mine_blob, entry->base_blob) == 0 || entry->mine_blob == NULL)
        {
          entry->result = g_steal_pointer (&theirs);
          entry->result_deleted = theirs_deleted;
          entry->new_base = g_strdup (entry->theirs_blob);
          continue;
        }

      merge_both (sync, entry, theirs, theirs_deleted, blobs);
    }

  return TRUE;
}

/* Taking it in ------------------------------------------------------------ */

static gboolean
write_entry (Sync     *sync,
             Entry    *entry,
             gboolean  deletes,
             GError  **error)
{
  g_autoptr(VdRecord) current = NULL;
  g_autoptr(GError) load_error = NULL;
  const VdSyncKind *kinds;
  guint n_kinds;

  if (entry->result == NULL || entry->result_deleted != deletes)
    return TRUE;

  kinds = vd_sync_file_get_kinds (&n_kinds);
  current = vd_store_load (sync->store, kinds[entry->kind].get_type (), entry->uuid, &load_error);
  if (current == NULL && !g_error_matches (load_error, VD_STORE_ERROR, VD_STORE_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&load_error));
      return FALSE;
    }

  /* Typed on this desk while the sync was on the network: merged in as one
   * more writer, against what the sync read, so that it is not lost. */
  if (current != NULL && entry->mine_present)
    {
      g_autoptr(GVariant) now = g_variant_ref_sink (vd_merge_snapshot (current));

      if (!g_variant_equal (now, entry->mine_snapshot))
        {
          g_autoptr(GVariant) theirs = g_variant_ref_sink (vd_merge_snapshot (entry->result));
          g_autoptr(GVariant) merged = NULL;
          const char *itemwise = vd_record_class_get_itemwise (VD_RECORD_GET_CLASS (current));

          if (entry->conflicts == NULL)
            entry->conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) vd_conflict_free);
          merged = vd_merge_three_way (entry->mine_snapshot, now, theirs, itemwise,
                                       kinds[entry->kind].dir, entry->uuid, entry->conflicts);
          vd_merge_apply (entry->result, merged);
          entry->result_deleted = FALSE;
        }
    }

  if (entry->result_deleted)
    return current == NULL || vd_store_delete (sync->store, current, error);

  return vd_store_put (sync->store, entry->result, error);
}

static gboolean
take_in (Sync        *sync,
         const char  *commit,
         GError     **error)
{
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer value;
  guint n_kinds;

  vd_sync_file_get_kinds (&n_kinds);
  g_hash_table_iter_init (&iter, sync->entries);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (order, value);

  if (!vd_store_begin (sync->store, error))
    return FALSE;

  /* Rows in the order they refer to each other; deletes the other way. */
  for (guint pass = 0; pass < 2 * n_kinds; pass++)
    {
      gboolean deletes = pass >= n_kinds;
      guint kind = deletes ? 2 * n_kinds - 1 - pass : pass;

      for (guint i = 0; i < order->len; i++)
        {
          Entry *entry = g_ptr_array_index (order, i);
          g_autoptr(GError) local_error = NULL;

          if (entry->kind != kind || entry->result == NULL || entry->result_deleted != deletes)
            continue;

          if (!vd_store_begin (sync->store, error))
            goto fail;
          if (!write_entry (sync, entry, deletes, &local_error))
            {
              /* Refused by the database (a missing reference, a slug in
               * use): its base stays, so the next sync tries again. */
              vd_store_rollback (sync->store);
              g_clear_pointer (&entry->new_base, g_free);
              g_clear_pointer (&entry->conflicts, g_ptr_array_unref);
              g_prefix_error (&local_error, "%s: ", entry->path);
              _vd_sync_set_aside (sync, commit, local_error->message);
              continue;
            }
          if (!vd_store_commit (sync->store, error))
            goto fail;
          sync->result->received++;
        }
    }

  g_hash_table_iter_init (&iter, sync->entries);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      Entry *entry = value;

      if (entry->new_base != NULL &&
          !vd_store_set_sync_file (sync->store, entry->path, entry->new_base, error))
        goto fail;

      for (guint i = 0; entry->conflicts != NULL && i < entry->conflicts->len; i++)
        {
          if (!vd_store_add_conflict (sync->store, g_ptr_array_index (entry->conflicts, i), error))
            goto fail;
          sync->result->conflicts++;
        }
    }

  if (!vd_store_set_sync_value (sync->store, "remote", sync->remote, error) ||
      !vd_store_set_sync_value (sync->store, "commit", commit, error) ||
      !vd_store_commit (sync->store, error))
    goto fail;

  return TRUE;

fail:
  vd_store_rollback (sync->store);
  return FALSE;
}

void
_vd_sync_progress (Sync       *sync,
                   const char *phase,
                   double      fraction)
{
  if (sync->progress != NULL)
    sync->progress (phase, fraction, sync->progress_data);
}

char *
vd_sync_dup_remote (VdStore *store)
{
  g_return_val_if_fail (VD_IS_STORE (store), NULL);

  return vd_store_get_sync_value (store, "remote", NULL);
}

static gboolean
check_remote (const char  *remote,
              GError     **error)
{
  /* git would read it as an option ("--upload-pack=..."), whether it was
   * typed or found in the database. */
  if (*remote == '\0' || *remote == '-')
    {
      g_set_error (error, VD_SYNC_ERROR, VD_SYNC_ERROR_NOT_LINKED,
                   "“%s” is not a repository's URL or path", remote);
      return FALSE;
    }
  return TRUE;
}

gboolean
vd_sync_set_remote (VdStore     *store,
                    const char  *remote,
                    GError     **error)
{
  g_autofree char *linked = NULL;
  g_autoptr(GHashTable) files = NULL;
  GHashTableIter iter;
  gpointer path;

  g_return_val_if_fail (VD_IS_STORE (store), FALSE);

  if (remote != NULL && !check_remote (remote, error))
    return FALSE;

  linked = vd_store_get_sync_value (store, "remote", NULL);
  if (g_strcmp0 (linked, remote) == 0)
    return TRUE;
  if (linked == NULL)
    return vd_store_set_sync_value (store, "remote", remote, error);

  if (!(files = vd_store_list_sync_files (store, error)) || !vd_store_begin (store, error))
    return FALSE;
  g_hash_table_iter_init (&iter, files);
  while (g_hash_table_iter_next (&iter, &path, NULL))
    if (!vd_store_set_sync_file (store, path, NULL, error))
      goto fail;
  if (!vd_store_set_sync_value (store, "commit", NULL, error) ||
      !vd_store_set_sync_value (store, "remote", remote, error) ||
      !vd_store_commit (store, error))
    goto fail;
  return TRUE;

fail:
  vd_store_rollback (store);
  return FALSE;
}

/* Which remote: the one given (linking to it), else the one remembered. */
static char *
choose_remote (VdStore     *store,
               const char  *remote,
               GError     **error)
{
  g_autofree char *linked = vd_store_get_sync_value (store, "remote", NULL);

  if (remote == NULL && linked == NULL)
    {
      g_set_error_literal (error, VD_SYNC_ERROR, VD_SYNC_ERROR_NOT_LINKED,
                           "This desk is not linked to a repository yet: give its URL or "
                           "path once, as --sync REMOTE");
      return NULL;
    }

  if (remote == NULL)
    return check_remote (linked, error) ? g_steal_pointer (&linked) : NULL;

  if (!vd_sync_set_remote (store, remote, error))
    return NULL;
  return g_strdup (remote);
}

gboolean
vd_sync_run (VdStore      *store,
             const char   *remote,
             VdSyncResult *result,
             GError      **error)
{
  return vd_sync_run_with_progress (store, remote, NULL, NULL, result, error);
}

/**
 * vd_sync_run_with_progress:
 * @progress: (nullable): told each step, in this thread
 */
gboolean
vd_sync_run_with_progress (VdStore            *store,
                           const char         *remote,
                           VdSyncProgressFunc  progress,
                           gpointer            progress_data,
                           VdSyncResult       *result,
                           GError            **error)
{
  Sync sync = { .store = store, .result = result, .progress = progress,
                .progress_data = progress_data };
  gboolean ok = FALSE;

  g_return_val_if_fail (VD_IS_STORE (store), FALSE);
  g_return_val_if_fail (result != NULL, FALSE);

  memset (result, 0, sizeof *result);
  result->set_aside = g_ptr_array_new_with_free_func (g_free);

  if (!(sync.remote = choose_remote (store, remote, error)))
    return FALSE;
  sync.git_dir = vd_sync_dup_clone_dir (store);
  if (!_vd_sync_ensure_clone (&sync, error))
    goto out;

  for (guint attempt = 0; attempt < MAX_ATTEMPTS; attempt++)
    {
      g_autoptr(GPtrArray) paths = NULL;
      g_autofree char *commit = NULL;

      g_clear_pointer (&sync.entries, g_hash_table_unref);
      sync.entries = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                            (GDestroyNotify) entry_free);
      g_ptr_array_set_size (result->set_aside, 0);
      _vd_sync_drop_outgoing (&sync);

      _vd_sync_progress (&sync, N_("Fetching"), 0.1);
      if (!_vd_sync_fetch (&sync, error))
        goto out;
      _vd_sync_progress (&sync, N_("Merging"), 0.4);
      if (!_vd_sync_read_theirs_tree (&sync, error) ||
          !read_mine (&sync, error) || !decide (&sync, error))
        goto out;

      paths = _vd_sync_list_writes (&sync);
      if (paths->len > 0)
        {
          _vd_sync_progress (&sync, N_("Sending"), 0.6);
          if (!(commit = _vd_sync_make_commit (&sync, paths, error)))
            goto out;

          switch (_vd_sync_push (&sync, commit, error))
            {
            case VD_SYNC_PUSHED:
              break;
            case VD_SYNC_RACED:
              result->retries++;
              continue;
            case VD_SYNC_FAILED:
            default:
              goto out;
            }
        }
      else
        commit = g_strdup (sync.theirs);

      result->sent = paths->len;
      _vd_sync_progress (&sync, N_("Saving"), 0.9);
      if (commit != NULL && !take_in (&sync, commit, error))
        goto out;
      _vd_sync_progress (&sync, N_("Synced"), 1.0);

      result->commit = g_steal_pointer (&commit);
      ok = TRUE;
      goto out;
    }

  g_set_error (error, VD_SYNC_ERROR, VD_SYNC_ERROR_RACE,
               "Other desks pushed to “%s” first %d times in a row; try again", sync.remote,
               MAX_ATTEMPTS);

out:
  _vd_sync_drop_outgoing (&sync);
  g_clear_pointer (&sync.entries, g_hash_table_unref);
  g_free (sync.theirs);
  g_free (sync.remote);
  g_free (sync.git_dir);
  return ok;
}
