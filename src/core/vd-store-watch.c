/* vd-store-watch.c — other writers, a file that stops being ours, conflicts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A database has other writers: a second desk on a shared file, the command
 * line's import, the shared desk's sync. Every write notes its record in
 * the "changes" table; PRAGMA data_version tells cheaply that another
 * connection committed, and the rows after the last one seen say what.
 *
 * The file itself can go away under an open store: deleted, renamed over,
 * or rewritten by something other than SQLite. The store then stops writing
 * (VD_STORE_ERROR_DETACHED) and, on close, neither checkpoints into nor
 * truncates whatever is now at its path.
 */
#include "config.h"

#include <errno.h>
#include <sqlite3.h>
#include <sys/stat.h>

#include "vd-error.h"
#include "vd-store.h"
#include "vd-store-private.h"

void
vd_store_change_free (VdStoreChange *change)
{
  if (change == NULL)
    return;
  g_free (change->uuid);
  g_free (change);
}

static gboolean
query_int64 (VdStore     *self,
             const char  *sql,
             gint64      *value,
             GError     **error)
{
  sqlite3_stmt *stmt = _vd_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  *value = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return _vd_store_set_sqlite_error (self, rc, error);
  return TRUE;
}

/* PRAGMA data_version; inside a write transaction nobody else can commit,
 * so it is asked once per transaction. */
static gboolean
query_data_version (VdStore  *self,
                    gint64   *value,
                    GError  **error)
{
  if (self->depth > 0 && self->txn_data_version > 0)
    {
      *value = self->txn_data_version;
      return TRUE;
    }
  if (!query_int64 (self, "PRAGMA data_version", value, error))
    return FALSE;
  if (self->depth > 0 && self->txn_data_version == 0)
    self->txn_data_version = *value;
  return TRUE;
}

static char *
wal_path (VdStore *self)
{
  return g_strconcat (self->path, "-wal", NULL);
}

/* Remembers the file (and its WAL) as this store's own writes left it. */
static void
remember_file (VdStore *self)
{
  g_autofree char *wal = wal_path (self);

  if (g_stat (self->path, &self->file_stat) != 0)
    memset (&self->file_stat, 0, sizeof self->file_stat);
  self->have_wal_stat = g_stat (wal, &self->wal_stat) == 0;
}

static GType
type_for_table (VdStore    *self,
                const char *name)
{
  GType candidates[] = { VD_TYPE_TOOL, VD_TYPE_REVIEWER, VD_TYPE_COMPARISON, VD_TYPE_SCORECARD };

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    if (g_str_equal (_vd_store_get_table (self, candidates[i])->name, name))
      return candidates[i];

  return G_TYPE_INVALID;
}

/* Whether the record of the row last seen was saved again since: by a
 * writer whose row it was, which writes no new row for that
 * (_vd_store_log_change()). A row of this store's own cannot be: another
 * writer's next save notes itself anew. */
static gboolean
seen_row_saved_again (VdStore    *self,
                      GType       type,
                      const char *uuid)
{
  gint64 updated = 0;

  if (self->seen_own || type == G_TYPE_INVALID)
    return FALSE;
  if (!vd_store_contains (self, type, uuid, &updated, NULL))
    return TRUE;
  return updated != self->seen_stamp;
}

/* The stamp of the newest row's record, as that row is seen now. */
static gboolean
remember_seen_stamp (VdStore  *self,
                     GError  **error)
{
  g_autoptr(GError) local_error = NULL;

  self->seen_stamp = 0;
  if (self->seen_own || self->seen_uuid == NULL || self->seen_type == G_TYPE_INVALID)
    return TRUE;
  if (!vd_store_contains (self, self->seen_type, self->seen_uuid, &self->seen_stamp, &local_error) &&
      local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

/* After each commit in WAL mode, with the WAL's length in frames: the
 * only moment this connection writes into the database file itself,
 * besides closing. */
static int
on_wal_commit (void       *data,
               sqlite3    *db,
               const char *name,
               int         n_frames)
{
  VdStore *self = data;

  if (self->autocheckpoint > 0 && n_frames >= self->autocheckpoint)
    {
      sqlite3_wal_checkpoint_v2 (db, name, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
      self->checkpointed = TRUE;
    }
  return SQLITE_OK;
}

gboolean
_vd_store_watch_init (VdStore  *self,
                      GError  **error)
{
  gint64 autocheckpoint = 0;
  sqlite3_stmt *stmt;
  int rc;

  if (!query_int64 (self, "PRAGMA data_version", &self->data_version, error))
    return FALSE;

  if (!(stmt = _vd_store_prepare (self, "SELECT seq, kind, uuid FROM changes ORDER BY seq DESC LIMIT 1",
                                  error)))
    return FALSE;
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      self->seen_seq = sqlite3_column_int64 (stmt, 0);
      self->seen_type = type_for_table (self, (const char *) sqlite3_column_text (stmt, 1));
      self->seen_uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return _vd_store_set_sqlite_error (self, rc, error);
  if (!remember_seen_stamp (self, error))
    return FALSE;

  /* SQLite names no file for an in-memory database. */
  self->in_memory = sqlite3_db_filename (self->db, "main") == NULL ||
                    sqlite3_db_filename (self->db, "main")[0] == '\0';
  remember_file (self);

  /* The automatic checkpoint is SQLite's own WAL hook: this one does the
   * same at the same threshold, and notes that the file moved. */
  if (self->wal && !self->in_memory)
    {
      if (!query_int64 (self, "PRAGMA wal_autocheckpoint", &autocheckpoint, error))
        return FALSE;
      self->autocheckpoint = (int) autocheckpoint;
      sqlite3_wal_hook (self->db, on_wal_commit, self);
    }
  return TRUE;
}

static gboolean
is_logged (const char *kind,
           const char *uuid,
           VdTable    *table,
           const char *record)
{
  return kind != NULL && kind == table->name && g_strcmp0 (uuid, record) == 0;
}

/* Called by every write, inside its transaction.
 *
 * A reader takes the records of the rows after the last one it saw, and
 * that one's again (vd_store_poll()): so a record saved again while its
 * row is still the newest, with nobody else committing in between, needs
 * no new row. Typing into one section writes one page per save, as the
 * edit itself would, instead of two. */
gboolean
_vd_store_log_change (VdStore     *self,
                      VdTable     *table,
                      const char  *uuid,
                      GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 data_version = 0;

  if (!query_data_version (self, &data_version, error))
    return FALSE;
  if (self->txn_wrote_row
      ? !self->txn_unsure && is_logged (self->txn_kind, self->txn_uuid, table, uuid)
      : data_version == self->logged_version &&
        is_logged (self->logged_kind, self->logged_uuid, table, uuid))
    return TRUE;

  if (!(stmt = _vd_store_prepare (self, "INSERT INTO changes (kind, uuid) VALUES (?1, ?2)", error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, table->name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, uuid, -1, SQLITE_TRANSIENT);
  if (!_vd_store_step_done (self, stmt, error))
    return FALSE;

  /* Now and then the oldest rows go; a connection that had not looked for
   * that long re-reads everything it has open (vd_store_poll()). */
  if (sqlite3_last_insert_rowid (self->db) % VD_STORE_CHANGES_PRUNE_EVERY == 0)
    {
      if (!(stmt = _vd_store_prepare (self, "DELETE FROM changes WHERE seq <= ?1", error)))
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, sqlite3_last_insert_rowid (self->db) - VD_STORE_CHANGES_KEPT);
      if (!_vd_store_step_done (self, stmt, error))
        return FALSE;
    }

  /* The newest row: what the commit may count as seen (before_commit). */
  self->written_seq = sqlite3_last_insert_rowid (self->db);
  self->txn_wrote_row = TRUE;
  self->txn_kind = table->name;
  g_free (self->txn_uuid);
  self->txn_uuid = g_strdup (uuid);
  self->txn_version = data_version;
  return TRUE;
}

/* The open transaction ended: committed, or rolled back. */
void
_vd_store_log_end (VdStore  *self,
                   gboolean  committed)
{
  if (committed && self->txn_wrote_row)
    {
      self->logged_kind = self->txn_unsure ? NULL : self->txn_kind;
      g_free (self->logged_uuid);
      self->logged_uuid = g_steal_pointer (&self->txn_uuid);
      self->logged_version = self->txn_version;
    }
  g_clear_pointer (&self->txn_uuid, g_free);
  self->txn_kind = NULL;
  self->txn_wrote_row = FALSE;
  self->txn_unsure = FALSE;
}

static void
detach (VdStore       *self,
        VdStoreDetach  reason)
{
  if (self->detached != VD_STORE_ATTACHED)
    return;

  self->detached = reason;
  g_debug ("%s is no longer this store's file (%d); writes stop", self->path, reason);
  g_signal_emit_by_name (self, "detached");
}

static gboolean
detached_error (VdStore  *self,
                GError  **error)
{
  g_autofree char *basename = g_path_get_basename (self->path);
  const char *why;

  switch (self->detached)
    {
    case VD_STORE_DETACHED_DELETED:
      why = "was deleted or moved";
      break;
    case VD_STORE_DETACHED_REPLACED:
      why = "was replaced by another file";
      break;
    default:
      why = "was changed by another program";
      break;
    }

  g_set_error (error, VD_STORE_ERROR, VD_STORE_ERROR_DETACHED,
               "“%s” %s while it was open; nothing more is written to it", basename, why);
  return FALSE;
}

/* Whether the file still starts as a Verdict Desk database: read through
 * SQLite's own handle (a descriptor of ours would drop the process's
 * locks). A checkpoint never changes these bytes; a program that copies
 * something else over the file does. */
static gboolean
still_ours (VdStore *self)
{
  static const char magic[16] = "SQLite format 3";
  sqlite3_file *file = NULL;
  guchar header[100];
  guint32 application_id;

  if (sqlite3_file_control (self->db, "main", SQLITE_FCNTL_FILE_POINTER, &file) != SQLITE_OK ||
      file == NULL || file->pMethods == NULL ||
      file->pMethods->xRead (file, header, sizeof header, 0) != SQLITE_OK)
    return FALSE;

  memcpy (&application_id, header + 68, sizeof application_id);
  return memcmp (header, magic, sizeof magic) == 0 &&
         GUINT32_FROM_BE (application_id) == VD_STORE_APPLICATION_ID;
}

/* Whether the file at the path is still the one this store opened: the
 * same inode, and, when it changed without a commit from another
 * connection, still a Verdict Desk database. (A checkpoint by another
 * connection also changes the file without a commit this store sees, so
 * a change alone proves nothing: only bytes that no checkpoint writes.) */
gboolean
_vd_store_check_attached (VdStore  *self,
                          GError  **error)
{
  GStatBuf st;
  gint64 data_version = 0;

  if (self->detached != VD_STORE_ATTACHED)
    return detached_error (self, error);
  if (self->in_memory)
    return TRUE;

  if (g_stat (self->path, &st) != 0)
    detach (self, VD_STORE_DETACHED_DELETED);
  else if (st.st_dev != self->file_stat.st_dev || st.st_ino != self->file_stat.st_ino)
    detach (self, VD_STORE_DETACHED_REPLACED);
  else if ((st.st_size != self->file_stat.st_size || st.st_mtime != self->file_stat.st_mtime ||
            st.st_mtim.tv_nsec != self->file_stat.st_mtim.tv_nsec) &&
           query_int64 (self, "PRAGMA data_version", &data_version, NULL) &&
           data_version == self->data_version && !still_ours (self))
    detach (self, VD_STORE_DETACHED_OVERWRITTEN);

  if (self->detached != VD_STORE_ATTACHED)
    return detached_error (self, error);

  return TRUE;
}

/* Inside the outermost write transaction, just before COMMIT. */
void
_vd_store_before_commit (VdStore *self)
{
  gint64 data_version = 0;

  /* When nobody else committed since the last look, everything up to this
   * write's own rows has been seen: the write holds the lock, so its rows
   * are the newest. */
  if (self->written_seq > 0 &&
      query_data_version (self, &data_version, NULL) &&
      data_version == self->data_version && self->written_seq > self->seen_seq)
    {
      self->seen_seq = self->written_seq;
      self->seen_own = TRUE;
    }
  self->written_seq = 0;
}

void
_vd_store_after_commit (VdStore *self)
{
  /* A commit that checkpointed moved the file (the WAL stays the same file
   * while the store is open); in WAL mode, any other commit wrote only to
   * the WAL, and the file is as it was looked at. */
  if (self->detached == VD_STORE_ATTACHED && !self->in_memory &&
      (self->checkpointed || !self->wal) &&
      g_stat (self->path, &self->file_stat) != 0)
    memset (&self->file_stat, 0, sizeof self->file_stat);
  self->checkpointed = FALSE;
}


/**
 * vd_store_poll:
 * @changes: (out) (transfer full) (element-type VdStoreChange) (nullable):
 *   what other connections committed since the last poll, or %NULL when
 *   nothing did
 *
 * Looks (cheaply, when nothing changed) whether another connection
 * committed, and whether the file is still the one opened. Announces each
 * changed record with VdStore::changed, as this store's own writes do.
 * Fails with %VD_STORE_ERROR_DETACHED once the file is gone or replaced.
 */
gboolean
vd_store_poll (VdStore    *self,
               GPtrArray **changes,
               GError    **error)
{
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GHashTable) seen = NULL;
  gint64 data_version = 0, oldest = 0;
  gboolean pruned;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (VD_IS_STORE (self), FALSE);
  g_return_val_if_fail (changes != NULL, FALSE);
  g_return_val_if_fail (self->depth == 0, FALSE);

  *changes = NULL;

  if (!_vd_store_check_attached (self, error))
    return FALSE;

  if (!query_int64 (self, "PRAGMA data_version", &data_version, error))
    return FALSE;
  if (data_version == self->data_version)
    return TRUE;

  found = g_ptr_array_new_with_free_func ((GDestroyNotify) vd_store_change_free);
  seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  /* Rows this store never saw were pruned: it has been away too long to
   * know what changed. */
  if (!query_int64 (self, "SELECT coalesce (min (seq), 0) FROM changes", &oldest, error))
    return FALSE;
  pruned = oldest > MAX (self->seen_seq, 1);

  /* The row last seen too: its record may have been saved again without a
   * new row (_vd_store_log_change()). */
  if (!(stmt = _vd_store_prepare (self, "SELECT seq, kind, uuid FROM changes WHERE seq >= ?1 ORDER BY seq",
                                  error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, self->seen_seq);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GType type = type_for_table (self, (const char *) sqlite3_column_text (stmt, 1));
      gint64 seq = sqlite3_column_int64 (stmt, 0);
      VdStoreChange *change;

      if (seq == self->seen_seq && !seen_row_saved_again (self, type, (const char *) sqlite3_column_text (stmt, 2)))
        continue;
      if (seq > self->seen_seq)
        {
          self->seen_seq = seq;
          self->seen_own = FALSE;
          self->seen_type = type;
          g_free (self->seen_uuid);
          self->seen_uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
        }
      /* A record saved many times is news once. */
      if (type == G_TYPE_INVALID ||
          !g_hash_table_add (seen, g_strdup ((const char *) sqlite3_column_text (stmt, 2))))
        continue;
      change = g_new0 (VdStoreChange, 1);
      change->type = type;
      change->uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      g_ptr_array_add (found, change);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _vd_store_set_sqlite_error (self, rc, error);

  self->data_version = data_version;
  /* Another connection's checkpoint may have moved the file. */
  remember_file (self);
  if (!remember_seen_stamp (self, error))
    return FALSE;

  if (found->len == 0 || pruned)
    {
      /* Committed without noting what, or noted it too long ago: assume
       * anything. */
      VdStoreChange *change = g_new0 (VdStoreChange, 1);

      change->type = G_TYPE_NONE;
      g_ptr_array_add (found, change);
    }

  if (found->len < VD_STORE_MAX_ANNOUNCED)
    for (guint i = 0; i < found->len; i++)
      {
        VdStoreChange *change = g_ptr_array_index (found, i);

        _vd_store_emit_changed (self, change->type, change->uuid);
      }
  else
    _vd_store_emit_changed (self, G_TYPE_NONE, NULL);

  *changes = g_steal_pointer (&found);
  return TRUE;
}

/**
 * vd_store_others_committed:
 *
 * Returns: whether another connection committed since this store last
 *   looked (vd_store_poll()); inside a write transaction, the answer holds
 *   until it ends. When it is %FALSE, every record this store's session
 *   read is as stored, and a save needs no merge.
 */
gboolean
vd_store_others_committed (VdStore *self)
{
  gint64 data_version = 0;

  g_return_val_if_fail (VD_IS_STORE (self), TRUE);

  return !query_data_version (self, &data_version, NULL) ||
         data_version != self->data_version;
}

VdStoreDetach
vd_store_get_detached (VdStore *self)
{
  g_return_val_if_fail (VD_IS_STORE (self), VD_STORE_ATTACHED);

  return self->detached;
}

/* Closing ---------------------------------------------------------------- */

static gboolean
same_file (const char *path,
           GStatBuf   *known)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 && st.st_dev == known->st_dev && st.st_ino == known->st_ino;
}

/* Called once, from finalize. An attached store closes as SQLite does: the
 * last connection folds the WAL back into the file and removes it, so the
 * database is one file again when the desk is closed (an explicit
 * checkpoint from a connection that is not the last would move the file
 * under the others without a commit, which reads as a rewrite). A
 * detached one writes nothing to its path: the WAL is folded into the file
 * this store opened only when that file is not what the path shows now
 * (it was deleted or moved), and this store's own WAL is then removed, so
 * that no later opener of the path replays it into another database. */
void
_vd_store_close (VdStore *self)
{
  g_autofree char *wal = wal_path (self);
  g_autofree char *shm = g_strconcat (self->path, "-shm", NULL);
  gboolean own_wal = self->have_wal_stat && same_file (wal, &self->wal_stat);

  if (self->detached == VD_STORE_ATTACHED)
    {
      sqlite3_close (self->db);
      return;
    }

  if (self->detached != VD_STORE_DETACHED_OVERWRITTEN && own_wal)
    sqlite3_wal_checkpoint_v2 (self->db, NULL, SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);

  sqlite3_db_config (self->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
  sqlite3_close (self->db);

  if (own_wal)
    {
      g_unlink (wal);
      g_unlink (shm);
    }
}

/**
 * vd_store_save_copy:
 * @path: a new file
 *
 * Writes the whole database as this store reads it into a new file at
 * @path: for a store whose own file is gone.
 */
gboolean
vd_store_save_copy (VdStore     *self,
                    const char  *path,
                    GError     **error)
{
  g_autofree char *basename = g_path_get_basename (path);
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  int rc;

  g_return_val_if_fail (VD_IS_STORE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, VD_STORE_ERROR, VD_STORE_ERROR_FAILED,
                   "“%s” already exists; choose a new name for the copy", basename);
      return FALSE;
    }

  rc = sqlite3_open_v2 (path, &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (dest, "main", self->db, "main");
      if (backup != NULL)
        {
          rc = sqlite3_backup_step (backup, -1);
          sqlite3_backup_finish (backup);
          if (rc == SQLITE_DONE)
            rc = SQLITE_OK;
        }
      else
        rc = sqlite3_errcode (dest);
    }

  if (rc != SQLITE_OK)
    {
      g_set_error (error, VD_STORE_ERROR, VD_STORE_ERROR_FAILED,
                   "Could not write the copy “%s”: %s", basename,
                   dest != NULL ? sqlite3_errmsg (dest) : sqlite3_errstr (rc));
      sqlite3_close (dest);
      g_unlink (path);
      return FALSE;
    }

  sqlite3_close (dest);
  return TRUE;
}

/* Conflicts -------------------------------------------------------------- */

static void
bind_variant (sqlite3_stmt *stmt,
              int           param,
              GVariant     *value)
{
  if (value == NULL)
    sqlite3_bind_null (stmt, param);
  else
    sqlite3_bind_text (stmt, param, g_variant_print (value, TRUE), -1, g_free);
}

static GVariant *
column_variant (sqlite3_stmt *stmt,
                int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  if (text == NULL)
    return NULL;
  return g_variant_parse (NULL, text, NULL, NULL, NULL);
}

/**
 * vd_store_add_conflict:
 *
 * Keeps @conflict (both texts and their base) until someone resolves it;
 * sets its id.
 */
gboolean
vd_store_add_conflict (VdStore     *self,
                       VdConflict  *conflict,
                       GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (VD_IS_STORE (self), FALSE);
  g_return_val_if_fail (conflict != NULL, FALSE);

  if (!(stmt = _vd_store_prepare (self,
                                  "INSERT INTO conflicts (kind, record, field, base, mine, theirs, created) "
                                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, conflict->kind, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, conflict->uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, conflict->field, -1, SQLITE_TRANSIENT);
  bind_variant (stmt, 4, conflict->base);
  bind_variant (stmt, 5, conflict->mine);
  bind_variant (stmt, 6, conflict->theirs);
  sqlite3_bind_int64 (stmt, 7, g_get_real_time ());
  if (!_vd_store_step_done (self, stmt, error))
    return FALSE;

  conflict->id = sqlite3_last_insert_rowid (self->db);
  self->dirty = TRUE;
  return TRUE;
}

/**
 * vd_store_list_conflicts:
 * @uuid: (nullable): one record's, or %NULL for all
 *
 * Returns: (transfer full) (element-type VdConflict): the unresolved
 *   conflicts, oldest first
 */
GPtrArray *
vd_store_list_conflicts (VdStore     *self,
                         const char  *uuid,
                         GError     **error)
{
  g_autoptr(GPtrArray) conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) vd_conflict_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (VD_IS_STORE (self), NULL);

  if (!(stmt = _vd_store_prepare (self,
                                  "SELECT id, kind, record, field, base, mine, theirs FROM conflicts "
                                  "WHERE ?1 IS NULL OR record = ?1 ORDER BY id", error)))
    return NULL;
  if (uuid != NULL)
    sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(GVariant) base = column_variant (stmt, 4);
      g_autoptr(GVariant) mine = column_variant (stmt, 5);
      g_autoptr(GVariant) theirs = column_variant (stmt, 6);
      VdConflict *conflict = vd_conflict_new ((const char *) sqlite3_column_text (stmt, 1),
                                              (const char *) sqlite3_column_text (stmt, 2),
                                              (const char *) sqlite3_column_text (stmt, 3),
                                              base, mine, theirs);

      conflict->id = sqlite3_column_int64 (stmt, 0);
      g_ptr_array_add (conflicts, conflict);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _vd_store_set_sqlite_error (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&conflicts);
}

gboolean
vd_store_remove_conflict (VdStore     *self,
                          gint64       id,
                          GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (VD_IS_STORE (self), FALSE);

  if (!_vd_store_check_attached (self, error))
    return FALSE;
  if (!(stmt = _vd_store_prepare (self, "DELETE FROM conflicts WHERE id = ?1", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return _vd_store_step_done (self, stmt, error);
}
