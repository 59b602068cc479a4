/* vd-store.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <glib/gstdio.h>

#include "vd-enum-types.h"
#include "vd-error.h"
#include "vd-store.h"
#include "vd-store-private.h"

static void vd_store_initable_iface_init (GInitableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (VdStore, vd_store, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_INITABLE,
                                                      vd_store_initable_iface_init))

enum {
  PROP_0,
  PROP_PATH,
  N_PROPS
};

enum {
  CHANGED,
  DETACHED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
vd_table_free (gpointer data)
{
  VdTable *table = data;

  g_ptr_array_unref (table->scalars);
  g_ptr_array_unref (table->lists);
  g_hash_table_unref (table->kinds);
  g_free (table->select_sql);
  g_free (table->upsert_sql);
  g_free (table->contains_sql);
  g_free (table->row_sql);
  g_ptr_array_unref (table->list_update_sql);
  g_ptr_array_unref (table->list_select_sql);
  g_ptr_array_unref (table->list_delete_sql);
  g_ptr_array_unref (table->list_insert_sql);
  g_free (table);
}

/* Fields whose value check_references() (vd-store-write.c) looks at: a
 * stored record whose references did not change needs no second look. */
gboolean
_vd_store_is_reference (GParamSpec *pspec)
{
  static const char * const references[] = {
    "slug", "tool-a", "tool-b", "panel", "comparison", "tool", "reviewer", NULL
  };

  return g_strv_contains (references, pspec->name);
}

char *
_vd_store_column_name (GParamSpec *pspec)
{
  char *name = g_strdup (pspec->name);

  g_strdelimit (name, "-", '_');
  return name;
}

static VdTable *
vd_table_new (GType type)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (type);
  VdTable *table = g_new0 (VdTable, 1);
  g_autoptr(GString) columns = g_string_new (NULL);
  g_autoptr(GString) params = g_string_new (NULL);
  g_autoptr(GString) updates = g_string_new (NULL);
  g_autoptr(GString) stamps = g_string_new (NULL);
  g_autofree char *latest = NULL;

  table->type = type;
  table->name = vd_record_class_get_table (VD_RECORD_CLASS (klass));
  table->fields = vd_record_class_get_fields (VD_RECORD_CLASS (klass), &table->n_fields);
  table->scalars = g_ptr_array_new ();
  table->lists = g_ptr_array_new ();
  table->kinds = g_hash_table_new (g_str_hash, g_str_equal);
  table->list_select_sql = g_ptr_array_new_with_free_func (g_free);
  table->list_delete_sql = g_ptr_array_new_with_free_func (g_free);
  table->list_insert_sql = g_ptr_array_new_with_free_func (g_free);
  table->list_update_sql = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < table->n_fields; i++)
    {
      GParamSpec *pspec = table->fields[i];
      g_autofree char *column = NULL;

      column = _vd_store_column_name (pspec);
      g_hash_table_insert (table->kinds, (gpointer) pspec->name,
                           GUINT_TO_POINTER ((G_PARAM_SPEC_VALUE_TYPE (pspec) == G_TYPE_STRV
                                              ? VD_FIELD_LIST : VD_FIELD_SCALAR) |
                                             (_vd_store_is_reference (pspec) ? VD_FIELD_REFERENCE : 0) |
                                             (g_str_equal (column, "updated") ? VD_FIELD_STAMP : 0)));
      if (G_PARAM_SPEC_VALUE_TYPE (pspec) == G_TYPE_STRV)
        {
          g_ptr_array_add (table->lists, pspec);
          g_ptr_array_add (table->list_select_sql,
                           g_strdup_printf ("SELECT value, updated FROM %s_%s WHERE record = ?1 "
                                            "ORDER BY position", table->name, column));
          g_ptr_array_add (table->list_delete_sql,
                           g_strdup_printf ("DELETE FROM %s_%s WHERE record = ?1",
                                            table->name, column));
          g_ptr_array_add (table->list_insert_sql,
                           g_strdup_printf ("INSERT INTO %s_%s (record, position, value, updated) "
                                            "VALUES (?1, ?2, ?3, ?4)", table->name, column));
          g_ptr_array_add (table->list_update_sql,
                           g_strdup_printf ("UPDATE %s_%s SET value = ?3, updated = ?4 "
                                            "WHERE record = ?1 AND position = ?2",
                                            table->name, column));
          g_string_append_printf (stamps, ", coalesce((SELECT max(updated) FROM %s_%s "
                                  "WHERE record = %s.uuid), 0)",
                                  table->name, column, table->name);
          continue;
        }

      if (g_str_equal (column, "updated"))
        table->updated = table->scalars->len;
      g_ptr_array_add (table->scalars, pspec);
      g_string_append_printf (columns, "%s%s", columns->len ? ", " : "", column);
      g_string_append_printf (params, "%s?%u", params->len ? ", " : "", table->scalars->len);
      if (!g_str_equal (column, "uuid"))
        g_string_append_printf (updates, "%s%s = excluded.%s",
                                updates->len ? ", " : "", column, column);
    }

  /* "updated" is the latest stamp of the row and its list rows: the reads
   * take it from the list rows they read anyway; contains_sql, which reads
   * no list, asks for it (max() of two or more arguments; of one, it would
   * be the aggregate). */
  latest = stamps->len > 0 ? g_strdup_printf ("max(updated%s)", stamps->str) : g_strdup ("updated");
  table->select_sql = g_strdup_printf ("SELECT %s FROM %s", columns->str, table->name);
  table->upsert_sql = g_strdup_printf ("INSERT INTO %s (%s) VALUES (%s) "
                                       "ON CONFLICT (uuid) DO UPDATE SET %s",
                                       table->name, columns->str, params->str, updates->str);
  table->contains_sql = g_strdup_printf ("SELECT %s FROM %s WHERE uuid = ?1", latest, table->name);
  table->row_sql = g_strdup_printf ("%s WHERE uuid = ?1", table->select_sql);
  return table;
}

VdTable *
_vd_store_get_table (VdStore *self,
                     GType    type)
{
  VdTable *table = g_hash_table_lookup (self->tables, GSIZE_TO_POINTER (type));

  if (table == NULL)
    {
      g_return_val_if_fail (g_type_is_a (type, VD_TYPE_RECORD) && !G_TYPE_IS_ABSTRACT (type), NULL);

      table = vd_table_new (type);
      g_hash_table_insert (self->tables, GSIZE_TO_POINTER (type), table);
    }

  return table;
}

gboolean
_vd_store_set_sqlite_error (VdStore     *self,
                            int          rc,
                            GError     **error)
{
  const char *message = self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc);
  g_autofree char *basename = g_path_get_basename (self->path);

  switch (rc & 0xff)
    {
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_set_error (error, VD_STORE_ERROR, VD_STORE_ERROR_CORRUPT,
                   "“%s” is damaged and cannot be read (%s)", basename, message);
      break;

    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_CANTOPEN:
      g_set_error (error, VD_STORE_ERROR, VD_STORE_ERROR_READ_ONLY,
                   "“%s” cannot be written (%s)", basename, message);
      break;

    case SQLITE_CONSTRAINT:
      g_set_error (error, VD_STORE_ERROR, VD_STORE_ERROR_INVALID,
                   "The change breaks a rule of the database (%s)", message);
      break;

    default:
      g_set_error (error, VD_STORE_ERROR, VD_STORE_ERROR_FAILED,
                   "“%s”: %s", basename, message);
      break;
    }

  return FALSE;
}

/* Returns a cached, reset statement for @sql (which must outlive the store:
 * a string literal or a VdTable's). */
sqlite3_stmt *
_vd_store_prepare (VdStore     *self,
                   const char  *sql,
                   GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);
  int rc;

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _vd_store_set_sqlite_error (self, rc, error);
      return NULL;
    }

  g_hash_table_insert (self->statements, (gpointer) sql, stmt);
  return stmt;
}

/* How long a write waits for another connection's lock. */
#define BUSY_TIMEOUT_MS 5000

#define exec _vd_store_exec

gboolean
_vd_store_exec (VdStore     *self,
                const char  *sql,
                GError     **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return _vd_store_set_sqlite_error (self, rc, error);

  return TRUE;
}

gboolean
_vd_store_step_done (VdStore       *self,
                     sqlite3_stmt  *stmt,
                     GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return _vd_store_set_sqlite_error (self, rc, error);

  return TRUE;
}

/* For the statements every write runs (BEGIN, SAVEPOINT, RELEASE, COMMIT):
 * prepared once instead of parsed each time. @sql must be a literal. */
static gboolean
exec_cached (VdStore     *self,
             const char  *sql,
             GError     **error)
{
  sqlite3_stmt *stmt = _vd_store_prepare (self, sql, error);

  return stmt != NULL && _vd_store_step_done (self, stmt, error);
}

static gboolean
pragma_int (VdStore     *self,
            const char  *sql,
            int         *value,
            GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    *value = sqlite3_column_int (stmt, 0);

  sqlite3_finalize (stmt);

  if (rc != SQLITE_ROW)
    return _vd_store_set_sqlite_error (self, rc, error);

  return TRUE;
}

/* PRAGMA journal_mode = WAL, and whether the file is in WAL now (a file
 * system without shared memory keeps the rollback journal). */
static gboolean
set_wal (VdStore  *self,
         GError  **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->db, "PRAGMA journal_mode = WAL", -1, &stmt, NULL);

  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *mode = (const char *) sqlite3_column_text (stmt, 0);

      self->wal = mode != NULL && g_ascii_strcasecmp (mode, "wal") == 0;
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_ROW)
    return _vd_store_set_sqlite_error (self, rc, error);

  return TRUE;
}

/* Before SQLite sees the file: anything that is not an SQLite database is
 * refused here, so it is never opened for writing. */
static gboolean
check_file (VdStore   *self,
            gboolean  *exists,
            GError   **error)
{
  static const char magic[16] = "SQLite format 3";
  g_autofree char *basename = g_path_get_basename (self->path);
  char header[16] = { 0 };
  GStatBuf st;
  sqlite3 *probe = NULL;
  sqlite3_file *file = NULL;
  size_t n;
  int rc;

  if (g_stat (self->path, &st) != 0)
    {
      int saved_errno = errno;

      *exists = FALSE;
      if (saved_errno == ENOENT)
        return TRUE;

      g_set_error (error, VD_STORE_ERROR, VD_STORE_ERROR_FAILED,
                   "Could not open “%s”: %s", basename, g_strerror (saved_errno));
      return FALSE;
    }

  *exists = TRUE;

  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, VD_STORE_ERROR, VD_STORE_ERROR_NOT_DATABASE,
                   "“%s” is not a Verdict Desk database", basename);
      return FALSE;
    }

  /* Honour the file's permission bits even for root, who could write anyway:
   * a file marked read-only was marked so on purpose. */
  if ((st.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) == 0 || g_access (self->path, W_OK) != 0)
    {
      g_set_error (error, VD_STORE_ERROR, VD_STORE_ERROR_READ_ONLY,
                   "“%s” is read-only; Verdict Desk needs to write to its database",
                   basename);
      return FALSE;
    }

  if (st.st_size == 0)
    return TRUE;

  /* Read through SQLite's own file layer: closing a descriptor of our own
   * on the file would drop every POSIX lock this process holds on it, those
   * of the other connections too (another window's, an export's), and the
   * next connection to close elsewhere would then take itself for the last
   * one and delete the WAL they still use. */
  rc = sqlite3_open_v2 (self->path, &probe, SQLITE_OPEN_READONLY, NULL);
  if (rc == SQLITE_OK &&
      sqlite3_file_control (probe, "main", SQLITE_FCNTL_FILE_POINTER, &file) == SQLITE_OK &&
      file != NULL && file->pMethods != NULL)
    rc = file->pMethods->xRead (file, header, sizeof header, 0);
  else if (rc == SQLITE_OK)
    rc = SQLITE_CANTOPEN;
  sqlite3_close (probe);
  n = rc == SQLITE_OK ? sizeof header : 0;

  if (rc != SQLITE_OK && rc != SQLITE_IOERR_SHORT_READ)
    {
      g_set_error (error, VD_STORE_ERROR, VD_STORE_ERROR_FAILED,
                   "Could not open “%s”: %s", basename, sqlite3_errstr (rc));
      return FALSE;
    }

  if (n != sizeof header || memcmp (header, magic, sizeof magic) != 0)
    {
      g_set_error (error, VD_STORE_ERROR, VD_STORE_ERROR_NOT_DATABASE,
                   "“%s” is not a Verdict Desk database", basename);
      return FALSE;
    }

  return TRUE;
}

static gboolean
open_database (VdStore  *self,
               GError  **error)
{
  g_autofree char *basename = g_path_get_basename (self->path);
  gboolean exists = FALSE;
  int version = 0, application_id = 0, n_objects = 0;
  int latest = vd_store_schema_get_latest ();
  int rc;

  if (!check_file (self, &exists, error))
    return FALSE;

  rc = sqlite3_open_v2 (self->path, &self->db,
                        SQLITE_OPEN_READWRITE | (exists ? 0 : SQLITE_OPEN_CREATE) |
                        SQLITE_OPEN_NOMUTEX,
                        NULL);
  if (rc != SQLITE_OK)
    return _vd_store_set_sqlite_error (self, rc, error);

  sqlite3_extended_result_codes (self->db, TRUE);
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);

  /* Read-only questions first: nothing below writes until the file is known
   * to be ours and of a version we understand. */
  if (!pragma_int (self, "PRAGMA user_version", &version, error) ||
      !pragma_int (self, "PRAGMA application_id", &application_id, error) ||
      !pragma_int (self, "SELECT count(*) FROM sqlite_master", &n_objects, error))
    return FALSE;

  if (application_id != VD_STORE_APPLICATION_ID && (version != 0 || n_objects != 0))
    {
      g_set_error (error, VD_STORE_ERROR, VD_STORE_ERROR_NOT_DATABASE,
                   "“%s” is an SQLite database of another program, not a Verdict Desk database",
                   basename);
      return FALSE;
    }

  if (version > latest)
    {
      g_set_error (error, VD_STORE_ERROR, VD_STORE_ERROR_TOO_NEW,
                   "“%s” was written by a newer Verdict Desk (database version %d; this "
                   "version understands up to %d). Update Verdict Desk to open it.",
                   basename, version, latest);
      return FALSE;
    }

  if (sqlite3_db_readonly (self->db, "main") == 1)
    {
      g_set_error (error, VD_STORE_ERROR, VD_STORE_ERROR_READ_ONLY,
                   "“%s” is read-only; Verdict Desk needs to write to its database", basename);
      return FALSE;
    }

  if (!set_wal (self, error) ||
      !exec (self, "PRAGMA foreign_keys = ON", error) ||
      !exec (self, "PRAGMA synchronous = NORMAL", error))
    return FALSE;

  if (version < latest)
    {
      g_autofree char *app_id = NULL;

      if (!exec (self, "BEGIN IMMEDIATE", error))
        return FALSE;

      app_id = g_strdup_printf ("PRAGMA application_id = %d", VD_STORE_APPLICATION_ID);
      if (!vd_store_schema_migrate (self->db, version, latest, error) ||
          !exec (self, app_id, error) ||
          !exec (self, "COMMIT", error))
        {
          sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
          return FALSE;
        }
    }

  return _vd_store_watch_init (self, error);
}

static gboolean
vd_store_initable_init (GInitable     *initable,
                        GCancellable  *cancellable,
                        GError       **error)
{
  VdStore *self = VD_STORE (initable);

  g_return_val_if_fail (self->path != NULL, FALSE);

  if (!open_database (self, error))
    {
      /* A statement left prepared would keep the connection open. */
      g_hash_table_remove_all (self->statements);
      g_clear_pointer (&self->db, sqlite3_close);
      return FALSE;
    }

  return TRUE;
}

static void
vd_store_initable_iface_init (GInitableIface *iface)
{
  iface->init = vd_store_initable_init;
}

static void
vd_store_finalize (GObject *object)
{
  VdStore *self = VD_STORE (object);

  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->tables, g_hash_table_unref);
  g_clear_pointer (&self->changed, g_ptr_array_unref);
  g_clear_pointer (&self->deferred_indexes, g_ptr_array_unref);
  if (self->db != NULL)
    {
      _vd_store_close (self);
      self->db = NULL;
    }
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->logged_uuid, g_free);
  g_clear_pointer (&self->seen_uuid, g_free);
  g_clear_pointer (&self->txn_uuid, g_free);

  G_OBJECT_CLASS (vd_store_parent_class)->finalize (object);
}

static void
vd_store_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  VdStore *self = VD_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vd_store_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  VdStore *self = VD_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      self->path = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vd_store_class_init (VdStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = vd_store_finalize;
  object_class->get_property = vd_store_get_property;
  object_class->set_property = vd_store_set_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * VdStore::changed:
   * @type: the record type that changed, or %G_TYPE_NONE after a bulk change
   * @uuid: (nullable): the record, or %NULL after a bulk change
   *
   * Emitted once a change is committed to the file.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_GTYPE, G_TYPE_STRING);

  /**
   * VdStore::detached:
   *
   * Emitted once when the file is found deleted, replaced or rewritten by
   * another program: from then on every write fails with
   * %VD_STORE_ERROR_DETACHED, and the records to be saved are the caller's
   * to keep (vd_store_save_copy() writes what the store still reads).
   */
  signals[DETACHED] =
    g_signal_new ("detached",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
vd_store_init (VdStore *self)
{
  self->statements = g_hash_table_new_full (NULL, NULL, NULL, finalize_statement);
  self->tables = g_hash_table_new_full (NULL, NULL, NULL, vd_table_free);
  self->changed = g_ptr_array_new_with_free_func (g_object_unref);
  self->deferred_indexes = g_ptr_array_new_with_free_func (g_free);
}

/**
 * vd_store_new:
 * @path: the database file; created when missing
 *
 * Opens the database, upgrading an older schema. A file that is not a
 * Verdict Desk database, is damaged, read-only or newer than this version
 * gives an error and is left exactly as it was.
 */
VdStore *
vd_store_new (const char  *path,
              GError     **error)
{
  g_return_val_if_fail (path != NULL, NULL);

  return g_initable_new (VD_TYPE_STORE, NULL, error, "path", path, NULL);
}

const char *
vd_store_get_path (VdStore *self)
{
  g_return_val_if_fail (VD_IS_STORE (self), NULL);

  return self->path;
}

int
vd_store_get_schema_version (VdStore *self)
{
  int version = -1;

  g_return_val_if_fail (VD_IS_STORE (self), -1);

  pragma_int (self, "PRAGMA user_version", &version, NULL);
  return version;
}

/* Transactions ----------------------------------------------------------- */

/* Builds the indexes vd_store_defer_indexes() dropped, each in one sort
 * over its table, before the transaction commits. */
static gboolean
rebuild_indexes (VdStore  *self,
                 GError  **error)
{
  for (guint i = 0; i < self->deferred_indexes->len; i++)
    if (!exec (self, g_ptr_array_index (self->deferred_indexes, i), error))
      return FALSE;

  g_ptr_array_set_size (self->deferred_indexes, 0);
  return TRUE;
}

gboolean
vd_store_begin (VdStore  *self,
                GError  **error)
{
  g_return_val_if_fail (VD_IS_STORE (self), FALSE);

  /* Never a write into a file that is no longer the one opened. */
  if (self->depth == 0 && !_vd_store_check_attached (self, error))
    return FALSE;

  if (!exec_cached (self, self->depth == 0 ? "BEGIN IMMEDIATE" : "SAVEPOINT vd_nested", error))
    return FALSE;

  if (self->depth == 0)
    self->txn_data_version = 0;
  self->depth++;
  return TRUE;
}

/**
 * vd_store_begin_read:
 *
 * Starts a read transaction (a savepoint inside an open one): every query
 * until vd_store_end_read() sees the same snapshot, and SQLite takes its
 * locks once instead of once per query. For long reads such as an export.
 */
gboolean
vd_store_begin_read (VdStore  *self,
                     GError  **error)
{
  g_return_val_if_fail (VD_IS_STORE (self), FALSE);

  if (!exec_cached (self, self->depth == 0 ? "BEGIN DEFERRED" : "SAVEPOINT vd_nested", error))
    return FALSE;

  /* Others may commit while this reads: data_version is asked each time. */
  if (self->depth == 0)
    self->txn_data_version = -1;

  self->depth++;
  return TRUE;
}

/**
 * vd_store_end_read:
 *
 * Ends what vd_store_begin_read() started. Anything written in between
 * (there should be nothing) is committed.
 */
void
vd_store_end_read (VdStore *self)
{
  g_return_if_fail (VD_IS_STORE (self));
  g_return_if_fail (self->depth > 0);

  if (!vd_store_commit (self, NULL) && self->depth > 0)
    vd_store_rollback (self);
}

gboolean
vd_store_commit (VdStore  *self,
                 GError  **error)
{
  g_return_val_if_fail (VD_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  if (self->depth > 1)
    {
      if (!exec_cached (self, "RELEASE vd_nested", error))
        return FALSE;
      self->depth--;
      return TRUE;
    }

  if (!rebuild_indexes (self, error))
    {
      vd_store_rollback (self);
      return FALSE;
    }
  if (self->dirty)
    _vd_store_before_commit (self);
  if (!exec_cached (self, "COMMIT", error))
    {
      vd_store_rollback (self);
      return FALSE;
    }

  self->depth = 0;
  _vd_store_log_end (self, TRUE);
  _vd_store_after_commit (self);
  if (self->dirty)
    {
      g_autoptr(GPtrArray) changed = g_steal_pointer (&self->changed);

      self->dirty = FALSE;
      self->changed = g_ptr_array_new_with_free_func (g_object_unref);

      /* An autosave of a few edits names them, so the sidebar refreshes
       * those rows; an import says "everything". */
      if (changed->len > 0 && changed->len < VD_STORE_MAX_ANNOUNCED)
        for (guint i = 0; i < changed->len; i++)
          {
            VdRecord *record = g_ptr_array_index (changed, i);

            g_signal_emit (self, signals[CHANGED], 0,
                           G_OBJECT_TYPE (record), vd_record_get_uuid (record));
          }
      else
        g_signal_emit (self, signals[CHANGED], 0, G_TYPE_NONE, NULL);
    }

  return TRUE;
}

/* Remembers @record for the commit's announcement (see vd_store_commit()). */
void
_vd_store_note_changed (VdStore  *self,
                        VdRecord *record)
{
  if (self->changed->len < VD_STORE_MAX_ANNOUNCED &&
      !g_ptr_array_find (self->changed, record, NULL))
    g_ptr_array_add (self->changed, g_object_ref (record));
}

void
vd_store_rollback (VdStore *self)
{
  g_return_if_fail (VD_IS_STORE (self));
  g_return_if_fail (self->depth > 0);

  if (self->depth > 1)
    {
      sqlite3_exec (self->db, "ROLLBACK TO vd_nested; RELEASE vd_nested", NULL, NULL, NULL);
      self->depth--;
      /* The changes rows it wrote are gone: which is the newest is not
       * known any more. */
      self->txn_unsure |= self->txn_wrote_row;
      return;
    }

  sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  self->written_seq = 0;
  _vd_store_log_end (self, FALSE);
  /* The rollback brought the dropped indexes back. */
  g_ptr_array_set_size (self->deferred_indexes, 0);
  self->depth = 0;
  self->dirty = FALSE;
  g_ptr_array_set_size (self->changed, 0);
}

/**
 * vd_store_set_bulk:
 * @bulk: %TRUE before a bulk write such as an import, %FALSE after
 *
 * For a bulk write inside one transaction that the caller rolls back whole
 * on any error (import): records are written without a savepoint each, and
 * SQLite gets a larger page cache, so fewer pages are spilled before the
 * commit. 16 MiB measured best for a 300 MB import: a cache the size of the
 * transaction cost more in allocation than it saved in writes.
 *
 * The file stays in WAL: leaving it for a rollback journal wrote the header
 * before anything was checked, and any other connection opening the file
 * meanwhile failed at once instead of waiting for the busy timeout.
 */
void
vd_store_set_bulk (VdStore  *self,
                   gboolean  bulk)
{
  g_return_if_fail (VD_IS_STORE (self));

  self->bulk = bulk;
  /* Negative: KiB. -2000 is SQLite's default. */
  exec (self, bulk ? "PRAGMA cache_size = -16384" : "PRAGMA cache_size = -2000", NULL);
}

/**
 * vd_store_defer_indexes:
 *
 * For a bulk write that adds about as many rows as the file holds (an import
 * into a new database): inside the outermost transaction, drops the
 * secondary indexes, which vd_store_commit() builds again with one sort
 * each before it commits, the way a dump is loaded. Kept up row by row, they
 * cost a quarter of such an import. A rollback brings them back as they
 * were. The indexes that enforce a key or UNIQUE stay.
 */
gboolean
vd_store_defer_indexes (VdStore  *self,
                        GError  **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (VD_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->depth == 1, FALSE);

  /* CREATE INDEX statements are kept as written; automatic ones have none. */
  if (!(stmt = _vd_store_prepare (self, "SELECT name, sql FROM sqlite_schema "
                                        "WHERE type = 'index' AND sql IS NOT NULL", error)))
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_ptr_array_add (names, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      g_ptr_array_add (self->deferred_indexes, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      g_ptr_array_set_size (self->deferred_indexes, 0);
      return _vd_store_set_sqlite_error (self, rc, error);
    }

  for (guint i = 0; i < names->len; i++)
    {
      /* An identifier cannot be bound; %w quotes the schema's own name. */
      char *sql = sqlite3_mprintf ("DROP INDEX \"%w\"", (const char *) names->pdata[i]);
      gboolean ok = exec (self, sql, error);

      sqlite3_free (sql);
      if (!ok)
        return FALSE;
    }

  return TRUE;
}

void
_vd_store_emit_changed (VdStore    *self,
                        GType       type,
                        const char *uuid)
{
  g_signal_emit (self, signals[CHANGED], 0, type, uuid);
}
