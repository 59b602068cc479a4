/* vd-store-write.c — saving and deleting records, and the rules they keep
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sqlite3.h>

#include "vd-enum-types.h"
#include "vd-error.h"
#include "vd-store.h"
#include "vd-store-private.h"

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
            gint64       stamp,
            GError     **error)
{
  sqlite3_stmt *stmt;

  if (!(stmt = _vd_store_prepare (self, g_ptr_array_index (table->list_delete_sql, index), error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  if (!_vd_store_step_done (self, stmt, error))
    return FALSE;

  for (guint i = 0; list != NULL && list[i] != NULL; i++)
    {
      if (!(stmt = _vd_store_prepare (self, g_ptr_array_index (table->list_insert_sql, index), error)))
        return FALSE;
      sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 2, i);
      sqlite3_bind_text (stmt, 3, list[i], -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 4, stamp);
      if (!_vd_store_step_done (self, stmt, error))
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

      if (!(stmt = _vd_store_prepare (self, "SELECT uuid FROM comparisons WHERE slug = ?1", error)))
        return FALSE;
      sqlite3_bind_text (stmt, 1, vd_comparison_get_slug (comparison), -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
      taken = rc == SQLITE_ROW &&
              g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0),
                         vd_record_get_uuid (record)) != 0;
      sqlite3_reset (stmt);
      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return _vd_store_set_sqlite_error (self, rc, error);

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
      if (!(stmt = _vd_store_prepare (self, "SELECT tool_a, tool_b, slug FROM comparisons WHERE uuid = ?1",
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
        return _vd_store_set_sqlite_error (self, rc, error);
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

/* A record written: noted for other connections and for the commit. */
static gboolean
noted (VdStore     *self,
       VdTable     *table,
       const char  *uuid,
       GError     **error)
{
  if (!_vd_store_log_change (self, table, uuid, error))
    return FALSE;
  self->dirty = TRUE;
  return TRUE;
}

/* UPDATE of the scalar columns @changed flags (in table->scalars order),
 * if any. */
static gboolean
update_columns (VdStore        *self,
                VdTable        *table,
                const char     *uuid,
                const GValue   *values,
                const gboolean *changed,
                GError        **error)
{
  g_autoptr(GString) sql = NULL;
  sqlite3_stmt *stmt;
  int param = 0;

  for (guint i = 0; i < table->scalars->len; i++)
    if (changed[i])
      {
        if (sql == NULL)
          sql = g_string_new (NULL);
        g_autofree char *column = _vd_store_column_name (g_ptr_array_index (table->scalars, i));

        g_string_append_printf (sql, "%s%s = ?%d", sql->len ? ", " : "", column, ++param);
      }

  if (param == 0)
    return TRUE;

  g_string_prepend (sql, " SET ");
  g_string_prepend (sql, table->name);
  g_string_prepend (sql, "UPDATE ");
  g_string_append_printf (sql, " WHERE uuid = ?%d", param + 1);

  /* A handful of shapes (usually just "updated" and one more). */
  if (!(stmt = _vd_store_prepare (self, g_intern_string (sql->str), error)))
    return FALSE;
  param = 0;
  for (guint i = 0; i < table->scalars->len; i++)
    if (changed[i])
      bind_value (stmt, ++param, g_ptr_array_index (table->scalars, i), &values[i]);
  sqlite3_bind_text (stmt, param + 1, uuid, -1, SQLITE_STATIC);
  return _vd_store_step_done (self, stmt, error);
}

/* Writes list @index of @uuid where it differs from @stored: item by item
 * when the length is the same, else (or with @rewrite) the whole list. An
 * item that is not there after all sets @missing, or has the list written
 * whole without it. */
static gboolean
write_list_changes (VdStore            *self,
                    VdTable            *table,
                    guint               index,
                    const char         *uuid,
                    const char * const *list,
                    const char * const *stored,
                    gint64              stamp,
                    gboolean            rewrite,
                    gboolean           *missing,
                    GError            **error)
{
  sqlite3_stmt *stmt;

  if (rewrite || g_strv_length ((char **) list) != g_strv_length ((char **) stored))
    return write_list (self, table, index, uuid, list, stamp, error);

  for (guint j = 0; list[j] != NULL; j++)
    {
      if (g_str_equal (list[j], stored[j]))
        continue;

      if (!(stmt = _vd_store_prepare (self, g_ptr_array_index (table->list_update_sql, index), error)))
        return FALSE;
      sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 2, j);
      sqlite3_bind_text (stmt, 3, list[j], -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 4, stamp);
      if (!_vd_store_step_done (self, stmt, error))
        return FALSE;
      /* @stored was not what is stored after all. */
      if (sqlite3_changes (self->db) == 0)
        {
          if (missing == NULL)
            return write_list (self, table, index, uuid, list, stamp, error);
          *missing = TRUE;
          return TRUE;
        }
    }

  return TRUE;
}

/* Writes only what changed. A list row carries the stamp of the save that
 * wrote it, and a record's "updated" reads as the latest of its row's and
 * its list rows' stamps: an edit of one section of a stored scorecard
 * writes that section's row alone, one page, as the edit itself would. A
 * new record is inserted whole. */
static gboolean
write_record (VdStore       *self,
              VdRecord      *record,
              gconstpointer  unused G_GNUC_UNUSED,
              GError       **error)
{
  VdTable *table = _vd_store_get_table (self, G_OBJECT_TYPE (record));
  const char *uuid = vd_record_get_uuid (record);
  guint n_scalars = table->scalars->len;
  guint n_lists = table->lists->len;
  g_autofree GValue *values = g_new0 (GValue, n_scalars);
  g_autofree gboolean *changed = g_new0 (gboolean, n_scalars);
  g_autofree char ***lists = g_new0 (char **, n_lists + 1);
  g_autofree char ***stored_lists = g_new0 (char **, n_lists + 1);
  gboolean needs_check;
  gboolean exists;
  gboolean others_changed = FALSE;
  gboolean lists_changed;
  gboolean backwards;
  gint64 stamp, row_stamp, stored_stamp = 0;
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
  if (!(stmt = _vd_store_prepare (self, table->row_sql, error)))
    goto out;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  exists = rc == SQLITE_ROW;
  needs_check = !exists;
  for (guint i = 0; exists && i < n_scalars; i++)
    {
      GParamSpec *pspec = g_ptr_array_index (table->scalars, i);

      changed[i] = !column_equals (stmt, i, pspec, &values[i]);
      needs_check |= changed[i] && _vd_store_is_reference (pspec);
      others_changed |= changed[i] && i != table->updated;
    }
  if (exists)
    stored_stamp = sqlite3_column_int64 (stmt, table->updated);
  row_stamp = stored_stamp;
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _vd_store_set_sqlite_error (self, rc, error);
      goto out;
    }

  lists_changed = !exists;
  for (guint i = 0; exists && i < n_lists; i++)
    {
      gboolean list_changed;

      if (!(stored_lists[i] = _vd_store_read_list (self, table, i, uuid, &stored_stamp, error)))
        goto out;
      list_changed = !g_strv_equal ((const char * const *) lists[i],
                                    (const char * const *) stored_lists[i]);
      lists_changed |= list_changed;
      needs_check |= list_changed && _vd_store_is_reference (g_ptr_array_index (table->lists, i));
    }

  if (needs_check && !check_references (self, record, error))
    goto out;

  /* The stamp rides on the list rows this save writes anyway; the record's
   * row takes it only when that row is written too, or nothing else is. A
   * stamp older than the stored one (a put of an older copy) rewrites the
   * lists, so that no newer list row outlives it. */
  stamp = g_value_get_int64 (&values[table->updated]);
  backwards = exists && stamp < stored_stamp;
  changed[table->updated] = exists && stamp != row_stamp &&
                            (others_changed || !lists_changed || backwards);

  if (!exists)
    {
      if (!(stmt = _vd_store_prepare (self, table->upsert_sql, error)))
        goto out;
      for (guint i = 0; i < n_scalars; i++)
        bind_value (stmt, i + 1, g_ptr_array_index (table->scalars, i), &values[i]);
      if (!_vd_store_step_done (self, stmt, error))
        goto out;
    }
  else if (!update_columns (self, table, uuid, values, changed, error))
    goto out;

  for (guint i = 0; i < n_lists; i++)
    if (!write_list_changes (self, table, i, uuid, (const char * const *) lists[i],
                             (const char * const *) stored_lists[i], stamp, !exists || backwards,
                             NULL, error))
      goto out;

  ok = noted (self, table, uuid, error);

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

/* The autosaver's fast path: nobody else wrote since @record was read, so
 * only the @fields edited since are written, lists compared with the lists
 * as stored rather than read back, each value as the caller read it
 * (@values) when it did. An edited reference (a slug, a tool, the panel)
 * takes the full write, which checks it. */
static gboolean
write_edits (VdStore     *self,
             VdRecord    *record,
             GHashTable  *fields,
             GHashTable  *given,
             GError     **error)
{
  VdTable *table = _vd_store_get_table (self, G_OBJECT_TYPE (record));
  const char *uuid = vd_record_get_uuid (record);
  guint n_scalars = table->scalars->len;
  g_autofree GValue *values = NULL;
  g_autofree gboolean *changed = NULL;
  gboolean row_written = FALSE;
  gboolean lists_edited = FALSE;
  gint64 stamp = vd_record_get_updated (record);
  gboolean ok = FALSE;
  GHashTableIter iter;
  gpointer name;

  g_hash_table_iter_init (&iter, fields);
  while (g_hash_table_iter_next (&iter, &name, NULL))
    {
      VdFieldKind kind = GPOINTER_TO_UINT (g_hash_table_lookup (table->kinds, name));

      if (kind & VD_FIELD_REFERENCE)
        return write_record (self, record, NULL, error);
      /* An edited field is written as it is (typing back what was there
       * rewrites one row); the row's stamp rides along. Else the stamp
       * rides on the list rows written. */
      row_written |= (kind & VD_FIELD_SCALAR) && !(kind & VD_FIELD_STAMP);
      lists_edited |= (kind & VD_FIELD_LIST) != 0;
    }

  if (!vd_record_validate (record, error))
    return FALSE;

  if (row_written)
    {
      values = g_new0 (GValue, n_scalars);
      changed = g_new0 (gboolean, n_scalars);
      for (guint i = 0; i < n_scalars; i++)
        {
          GParamSpec *pspec = g_ptr_array_index (table->scalars, i);
          const GValue *value = given != NULL ? g_hash_table_lookup (given, pspec->name) : NULL;

          changed[i] = i == table->updated || g_hash_table_contains (fields, pspec->name);
          if (!changed[i])
            continue;
          g_value_init (&values[i], G_PARAM_SPEC_VALUE_TYPE (pspec));
          if (value != NULL && i != table->updated)
            g_value_copy (value, &values[i]);
          else
            g_object_get_property (G_OBJECT (record), pspec->name, &values[i]);
        }

      if (!update_columns (self, table, uuid, values, changed, error))
        goto out;
      /* Not stored yet (a new scorecard's first edit), or not as known. */
      if (sqlite3_changes (self->db) == 0)
        {
          ok = write_record (self, record, NULL, error);
          goto out;
        }
    }

  for (guint i = 0; lists_edited && i < table->lists->len; i++)
    {
      GParamSpec *pspec = g_ptr_array_index (table->lists, i);
      const GValue *value = given != NULL ? g_hash_table_lookup (given, pspec->name) : NULL;
      g_auto(GStrv) read = NULL;
      const char * const *list;
      const char * const *stored;
      gboolean missing = FALSE;

      if (!g_hash_table_contains (fields, pspec->name))
        continue;

      if (value != NULL)
        list = g_value_get_boxed (value);
      else
        {
          g_object_get (record, pspec->name, &read, NULL);
          list = (const char * const *) read;
        }
      stored = g_hash_table_lookup (fields, pspec->name);
      /* Not known as stored, or items added or removed: the full write
       * finds out what is. */
      if (stored == NULL || list == NULL ||
          g_strv_length ((char **) list) != g_strv_length ((char **) stored))
        {
          ok = write_record (self, record, NULL, error);
          goto out;
        }
      if (!write_list_changes (self, table, i, uuid, list, stored, stamp, FALSE, &missing, error))
        goto out;
      if (missing)
        {
          ok = write_record (self, record, NULL, error);
          goto out;
        }
    }

  ok = noted (self, table, uuid, error);

out:
  for (guint i = 0; values != NULL && i < n_scalars; i++)
    if (G_IS_VALUE (&values[i]))
      g_value_unset (&values[i]);
  return ok;
}

typedef gboolean (*WriteFunc) (VdStore *, VdRecord *, gconstpointer, GError **);

/* Wraps @func in its own transaction (or a savepoint inside the caller's). */
static gboolean
in_transaction (VdStore        *self,
                VdRecord       *record,
                WriteFunc       func,
                gconstpointer   data,
                GError        **error)
{
  gboolean outermost = self->depth == 0;

  /* In bulk, a failure rolls back the caller's whole transaction. */
  if (self->bulk && !outermost)
    {
      if (!func (self, record, data, error))
        return FALSE;
      self->dirty = TRUE;
      _vd_store_note_changed (self, record);
      return TRUE;
    }

  if (!vd_store_begin (self, error))
    return FALSE;

  if (!func (self, record, data, error))
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
      _vd_store_emit_changed (self, G_OBJECT_TYPE (record), vd_record_get_uuid (record));
      return TRUE;
    }

  if (!vd_store_commit (self, error))
    return FALSE;

  _vd_store_note_changed (self, record);
  return TRUE;
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

  return in_transaction (self, record, write_record, NULL, error);
}

/**
 * vd_store_save_edits:
 * @fields: (element-type utf8 gpointer): the names of the properties edited
 *   since @record was read or saved, each list property's name mapped to the
 *   list as stored (a `const char * const *`, or %NULL when not known)
 * @values: (element-type utf8 GValue) (nullable): the record's value of
 *   each edited property, as the caller just read it; read from @record
 *   when %NULL
 *
 * Saves a user's change as vd_store_save() does, when the caller knows what
 * is stored (nobody else wrote since: vd_store_others_committed(), asked
 * inside the same transaction): writes @fields alone, without reading the
 * row back. It runs inside the caller's transaction (vd_store_begin()),
 * with no savepoint of its own: after a failure, the caller rolls back.
 */
gboolean
vd_store_save_edits (VdStore    *self,
                     VdRecord   *record,
                     GHashTable *fields,
                     GHashTable *values,
                     GError    **error)
{
  g_return_val_if_fail (VD_IS_STORE (self), FALSE);
  g_return_val_if_fail (VD_IS_RECORD (record), FALSE);
  g_return_val_if_fail (fields != NULL, FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  vd_record_touch (record);
  if (!write_edits (self, record, fields, values, error))
    return FALSE;
  _vd_store_note_changed (self, record);
  return TRUE;
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
delete_record (VdStore       *self,
               VdRecord      *record,
               gconstpointer  unused G_GNUC_UNUSED,
               GError       **error)
{
  VdTable *table = _vd_store_get_table (self, G_OBJECT_TYPE (record));
  const char *uuid = vd_record_get_uuid (record);
  g_autofree char *delete_key = g_strdup_printf ("DELETE FROM %s WHERE uuid = ?1", table->name);
  sqlite3_stmt *stmt;

  for (guint i = 0; i < G_N_ELEMENTS (in_use_checks); i++)
    {
      int rc;

      if (!g_str_equal (in_use_checks[i].table, table->name))
        continue;

      if (!(stmt = _vd_store_prepare (self, in_use_checks[i].sql, error)))
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
        return _vd_store_set_sqlite_error (self, rc, error);
    }

  if (!(stmt = _vd_store_prepare (self, g_intern_string (delete_key), error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  if (!_vd_store_step_done (self, stmt, error))
    return FALSE;

  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, VD_STORE_ERROR, VD_STORE_ERROR_NOT_FOUND,
                   "There is no record %s in this database", uuid);
      return FALSE;
    }

  if (!_vd_store_log_change (self, table, uuid, error))
    return FALSE;

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

  return in_transaction (self, record, delete_record, NULL, error);
}

