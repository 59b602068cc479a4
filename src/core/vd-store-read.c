/* vd-store-read.c — loading records, lists and sidebar summaries
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "vd-enum-types.h"
#include "vd-error.h"
#include "vd-store.h"
#include "vd-store-private.h"

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

/* The list's items in order; *@latest (if given) is raised to the newest
 * stamp among its rows. */
char **
_vd_store_read_list (VdStore     *self,
                     VdTable     *table,
                     guint        index,
                     const char  *uuid,
                     gint64      *latest,
                     GError     **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = _vd_store_prepare (self, g_ptr_array_index (table->list_select_sql, index), error)))
    return NULL;

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));
      if (latest != NULL)
        *latest = MAX (*latest, sqlite3_column_int64 (stmt, 1));
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _vd_store_set_sqlite_error (self, rc, error);
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
  gint64 latest;
  guint n = 0;

  for (guint i = 0; i < table->scalars->len; i++, n++)
    {
      names[n] = ((GParamSpec *) g_ptr_array_index (table->scalars, i))->name;
      if (!read_column (self, table, stmt, i, g_ptr_array_index (table->scalars, i),
                        &values[n], error))
        goto out;
    }

  /* Child-table queries reuse the connection; the row's own text was copied. */
  latest = g_value_get_int64 (&values[table->updated]);
  for (guint i = 0; i < table->lists->len; i++, n++)
    {
      GParamSpec *pspec = g_ptr_array_index (table->lists, i);
      char **list = _vd_store_read_list (self, table, i, uuid, &latest, error);

      if (list == NULL)
        goto out;
      names[n] = pspec->name;
      g_value_init (&values[n], G_TYPE_STRV);
      g_value_take_boxed (&values[n], list);
    }

  /* The record was last updated by its row's save or a list row's. */
  g_value_set_int64 (&values[table->updated], latest);

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

  if (!(stmt = _vd_store_prepare (self, sql, error)))
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
      _vd_store_set_sqlite_error (self, rc, error);
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
  VdTable *table = _vd_store_get_table (self, type);
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

GListStore *
_vd_store_list_from_array (GType      type,
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

  table = _vd_store_get_table (self, type);
  if (!(stmt = _vd_store_prepare (self, table->contains_sql, error)))
    return FALSE;

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && updated != NULL)
    *updated = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return _vd_store_set_sqlite_error (self, rc, error);

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

  table = _vd_store_get_table (self, type);
  if (type == VD_TYPE_COMPARISON)
    order = "ORDER BY slug";
  else if (type == VD_TYPE_SCORECARD)
    order = "ORDER BY comparison, tool, reviewer";
  else
    order = "ORDER BY name COLLATE NOCASE, uuid";

  if (!(records = query_records (self, table, table_query (table, order), NULL, error)))
    return NULL;

  return _vd_store_list_from_array (type, records);
}

/**
 * vd_store_foreach:
 * @type: %VD_TYPE_TOOL, %VD_TYPE_REVIEWER, %VD_TYPE_COMPARISON or %VD_TYPE_SCORECARD
 * @func: called with each record of @type, in no particular order
 *
 * Reads every record of @type one at a time, so that a pass over a large
 * database (a sync) holds one record, not the table. @func must not use
 * @self.
 *
 * Returns: %FALSE with @error set when the database could not be read or
 *   @func failed
 */
gboolean
vd_store_foreach (VdStore             *self,
                  GType                type,
                  VdStoreForeachFunc   func,
                  gpointer             user_data,
                  GError             **error)
{
  VdTable *table;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (VD_IS_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  table = _vd_store_get_table (self, type);
  if (!(stmt = _vd_store_prepare (self, table_query (table, "ORDER BY uuid"), error)))
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(VdRecord) record = record_from_row (self, table, stmt, error);

      if (record == NULL || !func (record, user_data, error))
        {
          sqlite3_reset (stmt);
          return FALSE;
        }
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _vd_store_set_sqlite_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
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

  table = _vd_store_get_table (self, VD_TYPE_SCORECARD);
  records = query_records (self, table, table_query (table, "WHERE comparison = ?1"),
                           vd_record_get_uuid (VD_RECORD (comparison)), error);
  if (records == NULL)
    return NULL;

  g_ptr_array_sort_with_data (records, compare_scorecards, comparison);
  return _vd_store_list_from_array (VD_TYPE_SCORECARD, records);
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

  _vd_store_get_table (self, type);   /* makes sure the class is initialised */
  if (!(sql = summary_query (type, uuid != NULL)) || !(stmt = _vd_store_prepare (self, sql, error)))
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
      _vd_store_set_sqlite_error (self, rc, error);
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

  table = _vd_store_get_table (self, type);
  key = g_strdup_printf ("SELECT count(*) FROM %s", table->name);
  if (!(stmt = _vd_store_prepare (self, g_intern_string (key), error)))
    return 0;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    n = (guint) sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW)
    _vd_store_set_sqlite_error (self, rc, error);

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

  return _vd_store_list_from_array (VD_TYPE_SUMMARY, summaries);
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


/**
 * vd_store_check_integrity:
 *
 * Reads every page of the file (SQLite's quick_check) without writing any.
 * A write into a damaged file fails halfway, and even its rollback can
 * leave bytes that were not there; a caller about to write a lot checks
 * first and refuses with the file untouched.
 *
 * Returns: %FALSE with %VD_STORE_ERROR_CORRUPT if the file is damaged
 */
gboolean
vd_store_check_integrity (VdStore  *self,
                          GError  **error)
{
  g_autofree char *basename = NULL;
  g_autofree char *problem = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (VD_IS_STORE (self), FALSE);

  /* Not cached: it runs once per import, and a statement kept prepared
   * would hold a read of its own. */
  rc = sqlite3_prepare_v2 (self->db, "PRAGMA quick_check(1)", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          const char *result = (const char *) sqlite3_column_text (stmt, 0);

          if (g_strcmp0 (result, "ok") != 0)
            problem = g_strdup (result != NULL ? result : "no answer");
          rc = SQLITE_OK;
        }
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_OK && (rc & 0xff) != SQLITE_CORRUPT && (rc & 0xff) != SQLITE_NOTADB)
    return _vd_store_set_sqlite_error (self, rc, error);
  if (rc != SQLITE_OK)
    problem = g_strdup (sqlite3_errstr (rc));

  if (problem == NULL)
    return TRUE;

  /* One line: SQLite lists what it found line by line, under a heading. */
  if (g_str_has_prefix (problem, "*** in database main ***\n"))
    memmove (problem, problem + strlen ("*** in database main ***\n"),
             strlen (problem) - strlen ("*** in database main ***\n") + 1);
  g_strdelimit (problem, "\r\n", ' ');

  basename = g_path_get_basename (self->path);
  g_set_error (error, VD_STORE_ERROR, VD_STORE_ERROR_CORRUPT,
               "“%s” is damaged (%s); nothing was written to it", basename, problem);
  return FALSE;
}
