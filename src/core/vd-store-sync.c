/* vd-store-sync.c — what the shared desk (src/sync/) remembers in the database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Kept here rather than in a file of the sync layer's own, so that the merged
 * rows and the commit they came from go into one SQLite transaction: a crash
 * leaves either both or neither.
 */
#include "config.h"

#include "vd-store-private.h"

/* Sets @key to @value in one of the two tables, or deletes its row when
 * @value is %NULL. */
static gboolean
put_or_forget (VdStore     *self,
               const char  *put_sql,
               const char  *forget_sql,
               const char  *key,
               const char  *value,
               GError     **error)
{
  sqlite3_stmt *stmt;

  if (!_vd_store_check_attached (self, error))
    return FALSE;
  if (!(stmt = _vd_store_prepare (self, value != NULL ? put_sql : forget_sql, error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  if (value != NULL)
    sqlite3_bind_text (stmt, 2, value, -1, SQLITE_TRANSIENT);
  if (!_vd_store_step_done (self, stmt, error))
    return FALSE;

  self->dirty = TRUE;
  return TRUE;
}

/**
 * vd_store_get_sync_value:
 *
 * Returns: (transfer full) (nullable): the value of @key in "sync_state",
 *   or %NULL (without an error) when it was never set
 */
char *
vd_store_get_sync_value (VdStore     *self,
                         const char  *key,
                         GError     **error)
{
  sqlite3_stmt *stmt;
  char *value = NULL;
  int rc;

  g_return_val_if_fail (VD_IS_STORE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  if (!(stmt = _vd_store_prepare (self, "SELECT value FROM sync_state WHERE key = ?1", error)))
    return NULL;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    _vd_store_set_sqlite_error (self, rc, error);

  return value;
}

/**
 * vd_store_set_sync_value:
 * @value: (nullable): %NULL forgets @key
 */
gboolean
vd_store_set_sync_value (VdStore     *self,
                         const char  *key,
                         const char  *value,
                         GError     **error)
{
  g_return_val_if_fail (VD_IS_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  return put_or_forget (self, "INSERT OR REPLACE INTO sync_state (key, value) VALUES (?1, ?2)",
                        "DELETE FROM sync_state WHERE key = ?1", key, value, error);
}

/**
 * vd_store_list_sync_files:
 *
 * Returns: (transfer full) (element-type utf8 utf8): path → blob id of every
 *   repository file the database took at the last sync
 */
GHashTable *
vd_store_list_sync_files (VdStore  *self,
                          GError  **error)
{
  g_autoptr(GHashTable) files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (VD_IS_STORE (self), NULL);

  if (!(stmt = _vd_store_prepare (self, "SELECT path, blob FROM sync_files", error)))
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (files,
                         g_strdup ((const char *) sqlite3_column_text (stmt, 0)),
                         g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _vd_store_set_sqlite_error (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&files);
}

/**
 * vd_store_set_sync_file:
 * @blob: (nullable): %NULL: the path is no longer in the repository
 */
gboolean
vd_store_set_sync_file (VdStore     *self,
                        const char  *path,
                        const char  *blob,
                        GError     **error)
{
  g_return_val_if_fail (VD_IS_STORE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  return put_or_forget (self, "INSERT OR REPLACE INTO sync_files (path, blob) VALUES (?1, ?2)",
                        "DELETE FROM sync_files WHERE path = ?1", path, blob, error);
}
