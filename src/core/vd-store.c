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

/* How one record type maps to its tables. Built once per store from the
 * class's field list, so the SQL text below is made only of our own column
 * names; every value travels as a bound parameter. */
typedef struct
{
  GType         type;
  const char   *name;
  GParamSpec  **fields;
  guint         n_fields;
  GPtrArray    *scalars;     /* GParamSpec*: one column each, in order */
  GPtrArray    *lists;       /* GParamSpec*: one child table each */
  char         *select_sql;  /* SELECT <columns> FROM <table> */
  char         *upsert_sql;
  char         *contains_sql;
  char         *by_uuid_sql; /* select_sql WHERE uuid = ?1 */
  /* Per list field, in table->lists order: its child table's statements. */
  GPtrArray    *list_select_sql;
  GPtrArray    *list_delete_sql;
  GPtrArray    *list_insert_sql;
  GPtrArray    *list_update_sql;
} VdTable;

struct _VdStore
{
  GObject      parent_instance;

  char        *path;
  sqlite3     *db;
  GHashTable  *statements;   /* const char *sql (interned) → sqlite3_stmt* */
  GHashTable  *tables;       /* GType → VdTable* */
  guint        depth;        /* nested vd_store_begin() calls */
  gboolean     dirty;        /* a write happened inside the open transaction */
  gboolean     bulk;         /* vd_store_set_bulk(): no savepoint per record */
};

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
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Which comparison still needs a record, for the refusal message. */
static const struct {
  const char *table;
  const char *sql;
} in_use_checks[] = {
  { "tools",
    "SELECT slug FROM comparisons WHERE tool_a = ?1 OR tool_b = ?1 "
    "UNION ALL SELECT c.slug FROM scorecards s JOIN comparisons c ON c.uuid = s.comparison "
    "WHERE s.tool = ?1 LIMIT 1" },
  { "reviewers",
    "SELECT c.slug FROM comparisons_panel p JOIN comparisons c ON c.uuid = p.record "
    "WHERE p.value = ?1 "
    "UNION ALL SELECT c.slug FROM scorecards s JOIN comparisons c ON c.uuid = s.comparison "
    "WHERE s.reviewer = ?1 LIMIT 1" },
};

static void
vd_table_free (gpointer data)
{
  VdTable *table = data;

  g_ptr_array_unref (table->scalars);
  g_ptr_array_unref (table->lists);
  g_free (table->select_sql);
  g_free (table->upsert_sql);
  g_free (table->contains_sql);
  g_free (table->by_uuid_sql);
  g_ptr_array_unref (table->list_update_sql);
  g_ptr_array_unref (table->list_select_sql);
  g_ptr_array_unref (table->list_delete_sql);
  g_ptr_array_unref (table->list_insert_sql);
  g_free (table);
}

static char *
column_name (GParamSpec *pspec)
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

  table->type = type;
  table->name = vd_record_class_get_table (VD_RECORD_CLASS (klass));
  table->fields = vd_record_class_get_fields (VD_RECORD_CLASS (klass), &table->n_fields);
  table->scalars = g_ptr_array_new ();
  table->lists = g_ptr_array_new ();
  table->list_select_sql = g_ptr_array_new_with_free_func (g_free);
  table->list_delete_sql = g_ptr_array_new_with_free_func (g_free);
  table->list_insert_sql = g_ptr_array_new_with_free_func (g_free);
  table->list_update_sql = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < table->n_fields; i++)
    {
      GParamSpec *pspec = table->fields[i];
      g_autofree char *column = NULL;

      column = column_name (pspec);
      if (G_PARAM_SPEC_VALUE_TYPE (pspec) == G_TYPE_STRV)
        {
          g_ptr_array_add (table->lists, pspec);
          g_ptr_array_add (table->list_select_sql,
                           g_strdup_printf ("SELECT value FROM %s_%s WHERE record = ?1 "
                                            "ORDER BY position", table->name, column));
          g_ptr_array_add (table->list_delete_sql,
                           g_strdup_printf ("DELETE FROM %s_%s WHERE record = ?1",
                                            table->name, column));
          g_ptr_array_add (table->list_insert_sql,
                           g_strdup_printf ("INSERT INTO %s_%s (record, position, value) "
                                            "VALUES (?1, ?2, ?3)", table->name, column));
          g_ptr_array_add (table->list_update_sql,
                           g_strdup_printf ("UPDATE %s_%s SET value = ?3 "
                                            "WHERE record = ?1 AND position = ?2",
                                            table->name, column));
          continue;
        }

      g_ptr_array_add (table->scalars, pspec);
      g_string_append_printf (columns, "%s%s", columns->len ? ", " : "", column);
      g_string_append_printf (params, "%s?%u", params->len ? ", " : "", table->scalars->len);
      if (!g_str_equal (column, "uuid"))
        g_string_append_printf (updates, "%s%s = excluded.%s",
                                updates->len ? ", " : "", column, column);
    }

  table->select_sql = g_strdup_printf ("SELECT %s FROM %s", columns->str, table->name);
  table->upsert_sql = g_strdup_printf ("INSERT INTO %s (%s) VALUES (%s) "
                                       "ON CONFLICT (uuid) DO UPDATE SET %s",
                                       table->name, columns->str, params->str, updates->str);
  table->contains_sql = g_strdup_printf ("SELECT updated FROM %s WHERE uuid = ?1", table->name);
  table->by_uuid_sql = g_strdup_printf ("%s WHERE uuid = ?1", table->select_sql);
  return table;
}

static VdTable *
get_table (VdStore *self,
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

static gboolean
set_sqlite_error (VdStore     *self,
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
static sqlite3_stmt *
prepare (VdStore     *self,
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
      set_sqlite_error (self, rc, error);
      return NULL;
    }

  g_hash_table_insert (self->statements, (gpointer) sql, stmt);
  return stmt;
}

static gboolean
exec (VdStore     *self,
      const char  *sql,
      GError     **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return set_sqlite_error (self, rc, error);

  return TRUE;
}

static gboolean
step_done (VdStore       *self,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return set_sqlite_error (self, rc, error);

  return TRUE;
}

/* For the statements every write runs (BEGIN, SAVEPOINT, RELEASE, COMMIT):
 * prepared once instead of parsed each time. @sql must be a literal. */
static gboolean
exec_cached (VdStore     *self,
             const char  *sql,
             GError     **error)
{
  sqlite3_stmt *stmt = prepare (self, sql, error);

  return stmt != NULL && step_done (self, stmt, error);
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
    return set_sqlite_error (self, rc, error);

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
  FILE *file;
  size_t n;

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

  file = g_fopen (self->path, "rb");
  if (file == NULL)
    {
      int saved_errno = errno;

      g_set_error (error, VD_STORE_ERROR, VD_STORE_ERROR_FAILED,
                   "Could not open “%s”: %s", basename, g_strerror (saved_errno));
      return FALSE;
    }
  n = fread (header, 1, sizeof header, file);
  fclose (file);

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
    return set_sqlite_error (self, rc, error);

  sqlite3_extended_result_codes (self->db, TRUE);
  sqlite3_busy_timeout (self->db, 5000);

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

  if (!exec (self, "PRAGMA journal_mode = WAL", error) ||
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

  return TRUE;
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
  if (self->db != NULL)
    {
      /* Fold the WAL back into the file, so the database is one file again
       * when the desk is closed. */
      sqlite3_wal_checkpoint_v2 (self->db, NULL, SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);
      sqlite3_close (self->db);
      self->db = NULL;
    }
  g_clear_pointer (&self->path, g_free);

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

gboolean
vd_store_begin (VdStore  *self,
                GError  **error)
{
  g_return_val_if_fail (VD_IS_STORE (self), FALSE);

  if (!exec_cached (self, self->depth == 0 ? "BEGIN IMMEDIATE" : "SAVEPOINT vd_nested", error))
    return FALSE;

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

  if (!exec_cached (self, "COMMIT", error))
    {
      vd_store_rollback (self);
      return FALSE;
    }

  self->depth = 0;
  if (self->dirty)
    {
      self->dirty = FALSE;
      g_signal_emit (self, signals[CHANGED], 0, G_TYPE_NONE, NULL);
    }

  return TRUE;
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
      return;
    }

  sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  self->depth = 0;
  self->dirty = FALSE;
}

/**
 * vd_store_set_bulk:
 * @bulk: %TRUE before a bulk write such as an import, %FALSE after
 *
 * For a bulk write inside one transaction that the caller rolls back whole
 * on any error (import): records are written without a savepoint each, and
 * SQLite gets a larger page cache, so fewer pages are spilled to the WAL
 * before the commit. 16 MiB measured best for a 300 MB import: a cache the
 * size of the transaction cost more in allocation than it saved in writes.
 * Durability is unchanged: journal mode and synchronous stay as they are.
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

/* Reading ---------------------------------------------------------------- */

static gboolean
read_column (VdStore       *self,
             VdTable       *table,
             sqlite3_stmt  *stmt,
             int            column,
             GParamSpec    *pspec,
             GValue        *value,
             GError       **error)
{
  GType vtype = G_PARAM_SPEC_VALUE_TYPE (pspec);
  gboolean is_null = sqlite3_column_type (stmt, column) == SQLITE_NULL;

  g_value_init (value, vtype);

  if (vtype == G_TYPE_STRING)
    {
      const char *text = (const char *) sqlite3_column_text (stmt, column);

      if (text != NULL && !g_utf8_validate (text, -1, NULL))
        goto corrupt;
      g_value_set_string (value, text != NULL ? text : "");
    }
  else if (G_TYPE_IS_ENUM (vtype))
    {
      int v;

      if (!vd_enum_from_nick (vtype, (const char *) sqlite3_column_text (stmt, column), &v))
        goto corrupt;
      g_value_set_enum (value, v);
    }
  else if (vtype == G_TYPE_INT)
    {
      gint64 v = is_null ? -1 : sqlite3_column_int64 (stmt, column);

      if (v < G_PARAM_SPEC_INT (pspec)->minimum || v > G_PARAM_SPEC_INT (pspec)->maximum)
        goto corrupt;
      g_value_set_int (value, (int) v);
    }
  else if (vtype == G_TYPE_INT64)
    {
      g_value_set_int64 (value, MAX (0, sqlite3_column_int64 (stmt, column)));
    }
  else
    g_assert_not_reached ();

  return TRUE;

corrupt:
  {
    g_autofree char *basename = g_path_get_basename (self->path);

    g_set_error (error, VD_STORE_ERROR, VD_STORE_ERROR_CORRUPT,
                 "“%s” is damaged: %s.%s holds a value Verdict Desk does not know",
                 basename, table->name, pspec->name);
    return FALSE;
  }
}

static char **
read_list (VdStore     *self,
           VdTable     *table,
           guint        index,
           const char  *uuid,
           GError     **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = prepare (self, g_ptr_array_index (table->list_select_sql, index), error)))
    return NULL;

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, rc, error);
      return NULL;
    }

  return g_strv_builder_end (builder);
}

/* Builds the record on @stmt's current row (columns in table->scalars order). */
static VdRecord *
record_from_row (VdStore       *self,
                 VdTable       *table,
                 sqlite3_stmt  *stmt,
                 GError       **error)
{
  g_autofree const char **names = g_new0 (const char *, table->n_fields);
  g_autofree GValue *values = g_new0 (GValue, table->n_fields);
  g_autofree char *uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  VdRecord *record = NULL;
  guint n = 0;

  for (guint i = 0; i < table->scalars->len; i++, n++)
    {
      names[n] = ((GParamSpec *) g_ptr_array_index (table->scalars, i))->name;
      if (!read_column (self, table, stmt, i, g_ptr_array_index (table->scalars, i),
                        &values[n], error))
        goto out;
    }

  /* Child-table queries reuse the connection; the row's own text was copied. */
  for (guint i = 0; i < table->lists->len; i++, n++)
    {
      GParamSpec *pspec = g_ptr_array_index (table->lists, i);
      char **list = read_list (self, table, i, uuid, error);

      if (list == NULL)
        goto out;
      names[n] = pspec->name;
      g_value_init (&values[n], G_TYPE_STRV);
      g_value_take_boxed (&values[n], list);
    }

  record = VD_RECORD (g_object_new_with_properties (table->type, n, names, values));

out:
  for (guint i = 0; i < n; i++)
    if (G_IS_VALUE (&values[i]))
      g_value_unset (&values[i]);

  return record;
}

/* Runs @sql (a SELECT of table's columns with ?1 bound to @key, or nothing
 * bound when @key is NULL) and collects every row. Rows are gathered first
 * and turned into records after, since building a record runs queries of
 * its own. */
static GPtrArray *
query_records (VdStore     *self,
               VdTable     *table,
               const char  *sql,
               const char  *key,
               GError     **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = prepare (self, sql, error)))
    return NULL;

  if (key != NULL)
    sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      VdRecord *record = record_from_row (self, table, stmt, error);

      if (record == NULL)
        {
          sqlite3_reset (stmt);
          return NULL;
        }
      g_ptr_array_add (records, record);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&records);
}

static const char *
table_query (VdTable    *table,
             const char *tail)
{
  g_autofree char *sql = g_strdup_printf ("%s %s", table->select_sql, tail);

  return g_intern_string (sql);
}

static VdRecord *
load_one (VdStore     *self,
          GType        type,
          const char  *where,
          const char  *key,
          const char  *what,
          GError     **error)
{
  VdTable *table = get_table (self, type);
  g_autoptr(GPtrArray) records = query_records (self, table, table_query (table, where), key,
                                                error);

  if (records == NULL)
    return NULL;

  if (records->len == 0)
    {
      g_set_error (error, VD_STORE_ERROR, VD_STORE_ERROR_NOT_FOUND,
                   "There is no %s “%s” in this database", what, key);
      return NULL;
    }

  return g_object_ref (g_ptr_array_index (records, 0));
}

static GListStore *
list_from_array (GType      type,
                 GPtrArray *records)
{
  GListStore *store = g_list_store_new (type);

  if (records->len > 0)
    g_list_store_splice (store, 0, 0, records->pdata, records->len);

  return store;
}

/**
 * vd_store_load:
 * @type: %VD_TYPE_TOOL, %VD_TYPE_REVIEWER, %VD_TYPE_COMPARISON or %VD_TYPE_SCORECARD
 *
 * Returns: (transfer full) (type VdRecord): a new object holding the row
 */
gpointer
vd_store_load (VdStore     *self,
               GType        type,
               const char  *uuid,
               GError     **error)
{
  g_return_val_if_fail (VD_IS_STORE (self), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  return load_one (self, type, "WHERE uuid = ?1", uuid, "record", error);
}

/**
 * vd_store_contains:
 * @updated: (out) (optional): the stored record's "updated"
 *
 * Returns: whether a record of @type with @uuid is stored; %FALSE with
 *   @error set when the database could not be read
 */
gboolean
vd_store_contains (VdStore     *self,
                   GType        type,
                   const char  *uuid,
                   gint64      *updated,
                   GError     **error)
{
  VdTable *table;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (VD_IS_STORE (self), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);

  table = get_table (self, type);
  if (!(stmt = prepare (self, table->contains_sql, error)))
    return FALSE;

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && updated != NULL)
    *updated = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return set_sqlite_error (self, rc, error);

  return rc == SQLITE_ROW;
}

/**
 * vd_store_list:
 *
 * Returns: (transfer full): every record of @type, tools and reviewers by
 *   name, comparisons by slug, scorecards by comparison
 */
GListStore *
vd_store_list (VdStore     *self,
               GType        type,
               GError     **error)
{
  VdTable *table;
  g_autoptr(GPtrArray) records = NULL;
  const char *order;

  g_return_val_if_fail (VD_IS_STORE (self), NULL);

  table = get_table (self, type);
  if (type == VD_TYPE_COMPARISON)
    order = "ORDER BY slug";
  else if (type == VD_TYPE_SCORECARD)
    order = "ORDER BY comparison, tool, reviewer";
  else
    order = "ORDER BY name COLLATE NOCASE, uuid";

  if (!(records = query_records (self, table, table_query (table, order), NULL, error)))
    return NULL;

  return list_from_array (type, records);
}

VdComparison *
vd_store_load_comparison_by_slug (VdStore     *self,
                                  const char  *slug,
                                  GError     **error)
{
  g_return_val_if_fail (VD_IS_STORE (self), NULL);
  g_return_val_if_fail (slug != NULL, NULL);

  return VD_COMPARISON (load_one (self, VD_TYPE_COMPARISON, "WHERE slug = ?1", slug,
                                  "comparison", error));
}

static int
position_in (const char * const *list,
             const char         *value)
{
  for (int i = 0; list[i] != NULL; i++)
    if (g_strcmp0 (list[i], value) == 0)
      return i;

  return G_MAXINT;
}

static int
compare_scorecards (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  VdComparison *comparison = user_data;
  VdScorecard *sa = *(VdScorecard **) a;
  VdScorecard *sb = *(VdScorecard **) b;
  const char * const *panel = vd_comparison_get_panel (comparison);
  const char *tools[] = { vd_comparison_get_tool_a (comparison),
                          vd_comparison_get_tool_b (comparison), NULL };
  int pa = position_in (panel, vd_scorecard_get_reviewer (sa));
  int pb = position_in (panel, vd_scorecard_get_reviewer (sb));
  int ta, tb;

  if (pa != pb)
    return pa < pb ? -1 : 1;
  if (pa == G_MAXINT)
    {
      int cmp = g_strcmp0 (vd_scorecard_get_reviewer (sa), vd_scorecard_get_reviewer (sb));

      if (cmp != 0)
        return cmp;
    }

  ta = position_in (tools, vd_scorecard_get_tool (sa));
  tb = position_in (tools, vd_scorecard_get_tool (sb));
  if (ta != tb)
    return ta < tb ? -1 : 1;

  return g_strcmp0 (vd_scorecard_get_tool (sa), vd_scorecard_get_tool (sb));
}

/**
 * vd_store_list_scorecards:
 *
 * Returns: (transfer full): @comparison's scorecards in page order: by panel
 *   position, then the first tool before the second
 */
GListStore *
vd_store_list_scorecards (VdStore       *self,
                          VdComparison  *comparison,
                          GError       **error)
{
  VdTable *table;
  g_autoptr(GPtrArray) records = NULL;

  g_return_val_if_fail (VD_IS_STORE (self), NULL);
  g_return_val_if_fail (VD_IS_COMPARISON (comparison), NULL);

  table = get_table (self, VD_TYPE_SCORECARD);
  records = query_records (self, table, table_query (table, "WHERE comparison = ?1"),
                           vd_record_get_uuid (VD_RECORD (comparison)), error);
  if (records == NULL)
    return NULL;

  g_ptr_array_sort_with_data (records, compare_scorecards, comparison);
  return list_from_array (VD_TYPE_SCORECARD, records);
}

/* Summaries ---------------------------------------------------------------- */

/* One query per list: the row's columns are uuid, title, subtitle parts,
 * kind and (for comparisons) the panel, so a sidebar of thousands of rows
 * never reads a description or a section. */
static const struct {
  const char *table;
  const char *all;
  const char *one;
} summary_queries[] = {
  { "tools",
    "SELECT uuid, name, vendor, category, NULL, NULL FROM tools "
    "ORDER BY name COLLATE NOCASE, uuid",
    "SELECT uuid, name, vendor, category, NULL, NULL FROM tools WHERE uuid = ?1" },
  { "reviewers",
    "SELECT uuid, name, NULL, NULL, persona, NULL FROM reviewers "
    "ORDER BY name COLLATE NOCASE, uuid",
    "SELECT uuid, name, NULL, NULL, persona, NULL FROM reviewers WHERE uuid = ?1" },
  { "comparisons",
    "SELECT c.uuid, c.title, c.slug, NULL, c.status, "
    "  (SELECT group_concat (value, ',') FROM comparisons_panel WHERE record = c.uuid) "
    "FROM comparisons c ORDER BY c.slug",
    "SELECT c.uuid, c.title, c.slug, NULL, c.status, "
    "  (SELECT group_concat (value, ',') FROM comparisons_panel WHERE record = c.uuid) "
    "FROM comparisons c WHERE c.uuid = ?1" },
};

static void
update_summary_from_row (VdSummary    *summary,
                         GType         type,
                         sqlite3_stmt *stmt)
{
  const char *title = (const char *) sqlite3_column_text (stmt, 1);
  const char *second = (const char *) sqlite3_column_text (stmt, 2);
  const char *third = (const char *) sqlite3_column_text (stmt, 3);
  const char *kind_nick = (const char *) sqlite3_column_text (stmt, 4);
  const char *panel_list = (const char *) sqlite3_column_text (stmt, 5);
  g_auto(GStrv) panel = g_strsplit (panel_list != NULL ? panel_list : "", ",", -1);
  g_autofree char *subtitle = NULL;
  int kind = -1;

  if (type == VD_TYPE_COMPARISON)
    vd_enum_from_nick (VD_TYPE_STATUS, kind_nick, &kind);
  else if (type == VD_TYPE_REVIEWER)
    vd_enum_from_nick (VD_TYPE_PERSONA, kind_nick, &kind);

  /* A tool reads "Vendor · Category"; a comparison without a title shows its slug. */
  if (second != NULL && second[0] != '\0' && third != NULL && third[0] != '\0')
    subtitle = g_strdup_printf ("%s · %s", second, third);
  else
    subtitle = g_strdup (second != NULL && second[0] != '\0' ? second : (third ? third : ""));

  if (title == NULL || title[0] == '\0')
    title = second;

  vd_summary_update (summary, title, subtitle, kind, (const char * const *) panel);
}

static const char *
summary_query (GType    type,
               gboolean one)
{
  const char *table = vd_record_class_get_table (g_type_class_peek (type));

  for (guint i = 0; i < G_N_ELEMENTS (summary_queries); i++)
    if (g_strcmp0 (summary_queries[i].table, table) == 0)
      return one ? summary_queries[i].one : summary_queries[i].all;

  g_return_val_if_reached (NULL);
}

static GPtrArray *
query_summaries (VdStore     *self,
                 GType        type,
                 const char  *uuid,
                 GError     **error)
{
  g_autoptr(GPtrArray) summaries = g_ptr_array_new_with_free_func (g_object_unref);
  const char *sql;
  sqlite3_stmt *stmt;
  int rc;

  get_table (self, type);   /* makes sure the class is initialised */
  if (!(sql = summary_query (type, uuid != NULL)) || !(stmt = prepare (self, sql, error)))
    return NULL;

  if (uuid != NULL)
    sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      VdSummary *summary = vd_summary_new ((const char *) sqlite3_column_text (stmt, 0));

      update_summary_from_row (summary, type, stmt);
      g_ptr_array_add (summaries, summary);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&summaries);
}

/**
 * vd_store_count:
 *
 * Returns: how many records of @type are stored; 0 with @error set when the
 *   database could not be read
 */
guint
vd_store_count (VdStore     *self,
                GType        type,
                GError     **error)
{
  VdTable *table;
  g_autofree char *key = NULL;
  sqlite3_stmt *stmt;
  guint n = 0;
  int rc;

  g_return_val_if_fail (VD_IS_STORE (self), 0);

  table = get_table (self, type);
  key = g_strdup_printf ("SELECT count(*) FROM %s", table->name);
  if (!(stmt = prepare (self, g_intern_string (key), error)))
    return 0;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    n = (guint) sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW)
    set_sqlite_error (self, rc, error);

  return n;
}

/**
 * vd_store_list_summaries:
 * @type: %VD_TYPE_TOOL, %VD_TYPE_REVIEWER or %VD_TYPE_COMPARISON
 *
 * Returns: (transfer full): a #VdSummary per record, in the order
 *   vd_store_list() uses
 */
GListStore *
vd_store_list_summaries (VdStore     *self,
                         GType        type,
                         GError     **error)
{
  g_autoptr(GPtrArray) summaries = NULL;

  g_return_val_if_fail (VD_IS_STORE (self), NULL);

  if (!(summaries = query_summaries (self, type, NULL, error)))
    return NULL;

  return list_from_array (VD_TYPE_SUMMARY, summaries);
}

/**
 * vd_store_load_summary:
 *
 * Returns: (transfer full): the summary of one record, for refreshing a row
 */
VdSummary *
vd_store_load_summary (VdStore     *self,
                       GType        type,
                       const char  *uuid,
                       GError     **error)
{
  g_autoptr(GPtrArray) summaries = NULL;

  g_return_val_if_fail (VD_IS_STORE (self), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  if (!(summaries = query_summaries (self, type, uuid, error)))
    return NULL;

  if (summaries->len == 0)
    {
      g_set_error (error, VD_STORE_ERROR, VD_STORE_ERROR_NOT_FOUND,
                   "There is no record %s in this database", uuid);
      return NULL;
    }

  return g_object_ref (g_ptr_array_index (summaries, 0));
}

/* Writing ---------------------------------------------------------------- */

static void
bind_value (sqlite3_stmt *stmt,
            int           param,
            GParamSpec   *pspec,
            const GValue *value)
{
  GType vtype = G_VALUE_TYPE (value);

  if (vtype == G_TYPE_STRING)
    {
      const char *text = g_value_get_string (value);

      sqlite3_bind_text (stmt, param, text != NULL ? text : "", -1, SQLITE_TRANSIENT);
    }
  else if (G_TYPE_IS_ENUM (vtype))
    sqlite3_bind_text (stmt, param, vd_enum_to_nick (vtype, g_value_get_enum (value)), -1,
                       SQLITE_STATIC);
  else if (vtype == G_TYPE_INT)
    {
      int v = g_value_get_int (value);

      if (v == -1 && G_PARAM_SPEC_INT (pspec)->minimum == -1)
        sqlite3_bind_null (stmt, param);
      else
        sqlite3_bind_int64 (stmt, param, v);
    }
  else if (vtype == G_TYPE_INT64)
    sqlite3_bind_int64 (stmt, param, g_value_get_int64 (value));
  else
    g_assert_not_reached ();
}

static gboolean
write_list (VdStore     *self,
            VdTable     *table,
            guint        index,
            const char  *uuid,
            const char * const *list,
            GError     **error)
{
  sqlite3_stmt *stmt;

  if (!(stmt = prepare (self, g_ptr_array_index (table->list_delete_sql, index), error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  if (!step_done (self, stmt, error))
    return FALSE;

  for (guint i = 0; list != NULL && list[i] != NULL; i++)
    {
      if (!(stmt = prepare (self, g_ptr_array_index (table->list_insert_sql, index), error)))
        return FALSE;
      sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 2, i);
      sqlite3_bind_text (stmt, 3, list[i], -1, SQLITE_STATIC);
      if (!step_done (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
require_stored (VdStore     *self,
                GType        type,
                const char  *uuid,
                const char  *what,
                const char  *owner,
                GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (vd_store_contains (self, type, uuid, NULL, &local_error))
    return TRUE;

  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  else
    g_set_error (error, VD_STORE_ERROR, VD_STORE_ERROR_INVALID,
                 "%s refers to %s %s, which is not in this database", owner, what, uuid);
  return FALSE;
}

/* The references a record makes must name stored records; SQLite's foreign
 * keys would refuse too, but without saying which. */
static gboolean
check_references (VdStore   *self,
                  VdRecord  *record,
                  GError   **error)
{
  if (VD_IS_COMPARISON (record))
    {
      VdComparison *comparison = VD_COMPARISON (record);
      g_autofree char *owner = g_strdup_printf ("The comparison “%s”",
                                                vd_comparison_get_slug (comparison));
      const char * const *panel = vd_comparison_get_panel (comparison);
      sqlite3_stmt *stmt;
      gboolean taken;
      int rc;

      if (!require_stored (self, VD_TYPE_TOOL, vd_comparison_get_tool_a (comparison),
                           "the tool", owner, error) ||
          !require_stored (self, VD_TYPE_TOOL, vd_comparison_get_tool_b (comparison),
                           "the tool", owner, error))
        return FALSE;

      for (guint i = 0; panel[i] != NULL; i++)
        if (!require_stored (self, VD_TYPE_REVIEWER, panel[i], "the reviewer", owner, error))
          return FALSE;

      if (!(stmt = prepare (self, "SELECT uuid FROM comparisons WHERE slug = ?1", error)))
        return FALSE;
      sqlite3_bind_text (stmt, 1, vd_comparison_get_slug (comparison), -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
      taken = rc == SQLITE_ROW &&
              g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0),
                         vd_record_get_uuid (record)) != 0;
      sqlite3_reset (stmt);
      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return set_sqlite_error (self, rc, error);

      if (taken)
        {
          g_set_error (error, VD_STORE_ERROR, VD_STORE_ERROR_INVALID,
                       "Another comparison already has the slug “%s”",
                       vd_comparison_get_slug (comparison));
          return FALSE;
        }
    }
  else if (VD_IS_SCORECARD (record))
    {
      VdScorecard *scorecard = VD_SCORECARD (record);
      const char *tool = vd_scorecard_get_tool (scorecard);
      const char *owner = "The scorecard";
      g_autofree char *slug = NULL;
      gboolean compared;
      sqlite3_stmt *stmt;
      int rc;

      /* One lookup answers both "is the comparison stored" and "does it
       * compare this tool". */
      if (!(stmt = prepare (self, "SELECT tool_a, tool_b, slug FROM comparisons WHERE uuid = ?1",
                            error)))
        return FALSE;
      sqlite3_bind_text (stmt, 1, vd_scorecard_get_comparison (scorecard), -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          compared = g_strcmp0 (tool, (const char *) sqlite3_column_text (stmt, 0)) == 0 ||
                     g_strcmp0 (tool, (const char *) sqlite3_column_text (stmt, 1)) == 0;
          slug = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
        }
      sqlite3_reset (stmt);

      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return set_sqlite_error (self, rc, error);
      if (rc == SQLITE_DONE)
        {
          g_set_error (error, VD_STORE_ERROR, VD_STORE_ERROR_INVALID,
                       "%s refers to %s %s, which is not in this database", owner,
                       "the comparison", vd_scorecard_get_comparison (scorecard));
          return FALSE;
        }

      if (!require_stored (self, VD_TYPE_REVIEWER, vd_scorecard_get_reviewer (scorecard),
                           "the reviewer", owner, error))
        return FALSE;

      if (!compared)
        {
          g_set_error (error, VD_STORE_ERROR, VD_STORE_ERROR_INVALID,
                       "The scorecard is for the tool %s, which the comparison “%s” does "
                       "not compare", tool, slug);
          return FALSE;
        }
    }

  return TRUE;
}

/**
 * vd_store_check:
 *
 * Checks that @record could be saved: its own fields, and that the records
 * it refers to are stored. Writes nothing.
 */
gboolean
vd_store_check (VdStore   *self,
                VdRecord  *record,
                GError   **error)
{
  g_return_val_if_fail (VD_IS_STORE (self), FALSE);
  g_return_val_if_fail (VD_IS_RECORD (record), FALSE);

  return vd_record_validate (record, error) && check_references (self, record, error);
}

/* Whether column @column of @stmt's row holds @value as bind_value() would
 * store it. */
static gboolean
column_equals (sqlite3_stmt *stmt,
               int           column,
               GParamSpec   *pspec,
               const GValue *value)
{
  GType vtype = G_VALUE_TYPE (value);
  int ctype = sqlite3_column_type (stmt, column);

  if (vtype == G_TYPE_STRING)
    {
      const char *text = g_value_get_string (value);

      return ctype == SQLITE_TEXT &&
             g_strcmp0 ((const char *) sqlite3_column_text (stmt, column),
                        text != NULL ? text : "") == 0;
    }
  else if (G_TYPE_IS_ENUM (vtype))
    return ctype == SQLITE_TEXT &&
           g_strcmp0 ((const char *) sqlite3_column_text (stmt, column),
                      vd_enum_to_nick (vtype, g_value_get_enum (value))) == 0;
  else if (vtype == G_TYPE_INT)
    {
      int v = g_value_get_int (value);

      if (v == -1 && G_PARAM_SPEC_INT (pspec)->minimum == -1)
        return ctype == SQLITE_NULL;
      return ctype == SQLITE_INTEGER && sqlite3_column_int64 (stmt, column) == v;
    }
  else if (vtype == G_TYPE_INT64)
    return ctype == SQLITE_INTEGER &&
           sqlite3_column_int64 (stmt, column) == g_value_get_int64 (value);

  g_assert_not_reached ();
}

/* Fields whose value check_references() looks at: a stored record whose
 * references did not change needs no second look. */
static gboolean
is_reference (GParamSpec *pspec)
{
  static const char * const references[] = {
    "slug", "tool-a", "tool-b", "panel", "comparison", "tool", "reviewer", NULL
  };

  return g_strv_contains (references, pspec->name);
}

/* Writes only what changed: an edit of one section of a stored scorecard
 * updates that section's row and the scorecard's "updated", so an autosave
 * dirties as few pages as the edit itself. A new record is inserted whole. */
static gboolean
write_record (VdStore   *self,
              VdRecord  *record,
              GError   **error)
{
  VdTable *table = get_table (self, G_OBJECT_TYPE (record));
  const char *uuid = vd_record_get_uuid (record);
  guint n_scalars = table->scalars->len;
  guint n_lists = table->lists->len;
  g_autofree GValue *values = g_new0 (GValue, n_scalars);
  g_autofree gboolean *changed = g_new0 (gboolean, n_scalars);
  g_autofree char ***lists = g_new0 (char **, n_lists + 1);
  g_autofree char ***stored_lists = g_new0 (char **, n_lists + 1);
  gboolean needs_check;
  gboolean exists;
  gboolean ok = FALSE;
  sqlite3_stmt *stmt;
  int rc;

  for (guint i = 0; i < n_scalars; i++)
    {
      GParamSpec *pspec = g_ptr_array_index (table->scalars, i);

      g_value_init (&values[i], G_PARAM_SPEC_VALUE_TYPE (pspec));
      g_object_get_property (G_OBJECT (record), pspec->name, &values[i]);
    }

  for (guint i = 0; i < n_lists; i++)
    {
      g_object_get (record, ((GParamSpec *) g_ptr_array_index (table->lists, i))->name,
                    &lists[i], NULL);
      if (lists[i] == NULL)
        lists[i] = g_new0 (char *, 1);
    }

  if (!vd_record_validate (record, error))
    goto out;

  /* What is stored now, if anything. */
  if (!(stmt = prepare (self, table->by_uuid_sql, error)))
    goto out;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  exists = rc == SQLITE_ROW;
  needs_check = !exists;
  for (guint i = 0; exists && i < n_scalars; i++)
    {
      GParamSpec *pspec = g_ptr_array_index (table->scalars, i);

      changed[i] = !column_equals (stmt, i, pspec, &values[i]);
      needs_check |= changed[i] && is_reference (pspec);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      set_sqlite_error (self, rc, error);
      goto out;
    }

  for (guint i = 0; exists && i < n_lists; i++)
    {
      if (!(stored_lists[i] = read_list (self, table, i, uuid, error)))
        goto out;
      if (is_reference (g_ptr_array_index (table->lists, i)) &&
          !g_strv_equal ((const char * const *) lists[i],
                         (const char * const *) stored_lists[i]))
        needs_check = TRUE;
    }

  if (needs_check && !check_references (self, record, error))
    goto out;

  if (!exists)
    {
      if (!(stmt = prepare (self, table->upsert_sql, error)))
        goto out;
      for (guint i = 0; i < n_scalars; i++)
        bind_value (stmt, i + 1, g_ptr_array_index (table->scalars, i), &values[i]);
      if (!step_done (self, stmt, error))
        goto out;
    }
  else
    {
      g_autoptr(GString) sql = g_string_new (NULL);
      int param = 0;

      for (guint i = 0; i < n_scalars; i++)
        if (changed[i])
          {
            g_autofree char *column = column_name (g_ptr_array_index (table->scalars, i));

            g_string_append_printf (sql, "%s%s = ?%d", sql->len ? ", " : "", column, ++param);
          }

      if (param > 0)
        {
          g_string_prepend (sql, " SET ");
          g_string_prepend (sql, table->name);
          g_string_prepend (sql, "UPDATE ");
          g_string_append_printf (sql, " WHERE uuid = ?%d", param + 1);

          /* A handful of shapes (usually just "updated" and one more). */
          if (!(stmt = prepare (self, g_intern_string (sql->str), error)))
            goto out;
          param = 0;
          for (guint i = 0; i < n_scalars; i++)
            if (changed[i])
              bind_value (stmt, ++param, g_ptr_array_index (table->scalars, i), &values[i]);
          sqlite3_bind_text (stmt, param + 1, uuid, -1, SQLITE_STATIC);
          if (!step_done (self, stmt, error))
            goto out;
        }
    }

  for (guint i = 0; i < n_lists; i++)
    {
      const char * const *list = (const char * const *) lists[i];
      const char * const *stored = (const char * const *) stored_lists[i];

      if (!exists || g_strv_length ((char **) list) != g_strv_length ((char **) stored))
        {
          if (!write_list (self, table, i, uuid, list, error))
            goto out;
          continue;
        }

      /* Same length: rewrite only the items that changed. */
      for (guint j = 0; list[j] != NULL; j++)
        {
          if (g_str_equal (list[j], stored[j]))
            continue;

          if (!(stmt = prepare (self, g_ptr_array_index (table->list_update_sql, i), error)))
            goto out;
          sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
          sqlite3_bind_int (stmt, 2, j);
          sqlite3_bind_text (stmt, 3, list[j], -1, SQLITE_STATIC);
          if (!step_done (self, stmt, error))
            goto out;
        }
    }

  self->dirty = TRUE;
  ok = TRUE;

out:
  for (guint i = 0; i < n_scalars; i++)
    g_value_unset (&values[i]);
  for (guint i = 0; i < n_lists; i++)
    {
      g_strfreev (lists[i]);
      g_strfreev (stored_lists[i]);
    }

  return ok;
}

/* Wraps @func in its own transaction (or a savepoint inside the caller's). */
static gboolean
in_transaction (VdStore   *self,
                VdRecord  *record,
                gboolean (*func) (VdStore *, VdRecord *, GError **),
                GError   **error)
{
  gboolean outermost = self->depth == 0;

  /* In bulk, a failure rolls back the caller's whole transaction. */
  if (self->bulk && !outermost)
    {
      if (!func (self, record, error))
        return FALSE;
      self->dirty = TRUE;
      return TRUE;
    }

  if (!vd_store_begin (self, error))
    return FALSE;

  if (!func (self, record, error))
    {
      vd_store_rollback (self);
      return FALSE;
    }

  if (outermost)
    {
      /* Announce this one record rather than a bulk change. */
      self->dirty = FALSE;
      if (!vd_store_commit (self, error))
        return FALSE;
      g_signal_emit (self, signals[CHANGED], 0,
                     G_OBJECT_TYPE (record), vd_record_get_uuid (record));
      return TRUE;
    }

  return vd_store_commit (self, error);
}

/**
 * vd_store_put:
 *
 * Writes @record as it is, timestamps included: for import, which merges
 * records that were edited elsewhere. Validates the record and its
 * references first and changes nothing when they fail.
 */
gboolean
vd_store_put (VdStore   *self,
              VdRecord  *record,
              GError   **error)
{
  g_return_val_if_fail (VD_IS_STORE (self), FALSE);
  g_return_val_if_fail (VD_IS_RECORD (record), FALSE);

  return in_transaction (self, record, write_record, error);
}

/**
 * vd_store_save:
 *
 * Saves a user's change: marks @record updated now, then writes it.
 */
gboolean
vd_store_save (VdStore   *self,
               VdRecord  *record,
               GError   **error)
{
  g_return_val_if_fail (VD_IS_STORE (self), FALSE);
  g_return_val_if_fail (VD_IS_RECORD (record), FALSE);

  vd_record_touch (record);
  return vd_store_put (self, record, error);
}

static gboolean
delete_record (VdStore   *self,
               VdRecord  *record,
               GError   **error)
{
  VdTable *table = get_table (self, G_OBJECT_TYPE (record));
  const char *uuid = vd_record_get_uuid (record);
  g_autofree char *delete_key = g_strdup_printf ("DELETE FROM %s WHERE uuid = ?1", table->name);
  sqlite3_stmt *stmt;

  for (guint i = 0; i < G_N_ELEMENTS (in_use_checks); i++)
    {
      int rc;

      if (!g_str_equal (in_use_checks[i].table, table->name))
        continue;

      if (!(stmt = prepare (self, in_use_checks[i].sql, error)))
        return FALSE;
      sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          g_autofree char *slug = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
          g_autofree char *name = NULL;

          sqlite3_reset (stmt);
          g_object_get (record, "name", &name, NULL);
          if (VD_IS_TOOL (record))
            g_set_error (error, VD_STORE_ERROR, VD_STORE_ERROR_IN_USE,
                         "“%s” is used by the comparison “%s”; remove it from that "
                         "comparison first", name, slug);
          else
            g_set_error (error, VD_STORE_ERROR, VD_STORE_ERROR_IN_USE,
                         "“%s” reviews in the comparison “%s”; take them off that panel "
                         "and delete their scorecards first", name, slug);
          return FALSE;
        }
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        return set_sqlite_error (self, rc, error);
    }

  if (!(stmt = prepare (self, g_intern_string (delete_key), error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  if (!step_done (self, stmt, error))
    return FALSE;

  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, VD_STORE_ERROR, VD_STORE_ERROR_NOT_FOUND,
                   "There is no record %s in this database", uuid);
      return FALSE;
    }

  self->dirty = TRUE;
  return TRUE;
}

/**
 * vd_store_delete:
 *
 * Deletes @record. A comparison takes its panel and scorecards with it; a
 * tool or reviewer that a comparison still uses is refused with
 * %VD_STORE_ERROR_IN_USE naming that comparison.
 */
gboolean
vd_store_delete (VdStore   *self,
                 VdRecord  *record,
                 GError   **error)
{
  g_return_val_if_fail (VD_IS_STORE (self), FALSE);
  g_return_val_if_fail (VD_IS_RECORD (record), FALSE);

  return in_transaction (self, record, delete_record, error);
}
