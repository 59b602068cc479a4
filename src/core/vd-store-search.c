/* vd-store-search.c — full-text search over the "search" FTS5 table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The table and the triggers that keep it are schema step 6 → 7
 * (vd-store-schema.c): one row per text, rowid = ((record rowid × 4 +
 * kind) × 256 + slot). Writes do not touch it (autosave stays one row):
 * a search first takes in what the "changes" log says was written since,
 * and the window's import does so on its worker thread, so that the first
 * search after it has nothing to take. A query reads the newest matching
 * rows first and
 * joins each to its record, and a scorecard's to its comparison, tool and
 * reviewer.
 */
#include "config.h"

#include <string.h>

#include "vd-search.h"
#include "vd-store-private.h"

/* Kinds and slots as the migration numbers them. */
static const char * const tool_fields[] = {
  "name", "vendor", "category", "tagline", "description", "pricing-detail",
};
static const char * const reviewer_fields[] = { "name" };
static const char * const comparison_fields[] = { "title", "dek", "pricing-read" };

#define SEARCH_SQL \
  "SELECT s.rowid, s.snippet, sc.uuid, c.uuid, c.title, t.uuid, t.name, r.uuid, r.name " \
  "FROM (" VD_SEARCH_MATCH_SQL ") s " \
  "LEFT JOIN scorecards sc ON ((s.rowid >> 8) & 3) = 3 AND sc.rowid = (s.rowid >> 10) " \
  "LEFT JOIN comparisons c ON c.rowid = CASE (s.rowid >> 8) & 3 " \
  "  WHEN 2 THEN s.rowid >> 10 " \
  "  WHEN 3 THEN (SELECT rowid FROM comparisons WHERE uuid = sc.comparison) END " \
  "LEFT JOIN tools t ON t.rowid = CASE (s.rowid >> 8) & 3 " \
  "  WHEN 0 THEN s.rowid >> 10 " \
  "  WHEN 3 THEN (SELECT rowid FROM tools WHERE uuid = sc.tool) END " \
  "LEFT JOIN reviewers r ON r.rowid = CASE (s.rowid >> 8) & 3 " \
  "  WHEN 1 THEN s.rowid >> 10 " \
  "  WHEN 3 THEN (SELECT rowid FROM reviewers WHERE uuid = sc.reviewer) END " \
  "ORDER BY s.rowid DESC"

void
vd_search_hit_free (VdSearchHit *hit)
{
  if (hit == NULL)
    return;
  g_free (hit->uuid);
  g_free (hit->snippet);
  g_free (hit->comparison);
  g_free (hit->comparison_title);
  g_free (hit->tool);
  g_free (hit->tool_name);
  g_free (hit->reviewer);
  g_free (hit->reviewer_name);
  g_free (hit);
}

/**
 * vd_search_query_from_text:
 *
 * What a person typed as an FTS5 query: each word a string token (quoted,
 * its quotes doubled), so nothing typed is ever query syntax; all words
 * must match, and the last one, still being typed, as a prefix.
 *
 * Returns: (nullable): the query, or %NULL when @text has no word
 */
char *
vd_search_query_from_text (const char *text)
{
  g_auto(GStrv) words = NULL;
  g_autoptr(GString) query = g_string_new (NULL);
  gboolean typing;
  gsize len;

  g_return_val_if_fail (text != NULL, NULL);

  words = g_strsplit_set (text, " \t\n\r", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autoptr(GString) word = NULL;

      if (words[i][0] == '\0')
        continue;
      word = g_string_new (words[i]);
      g_string_replace (word, "\"", "\"\"", 0);
      g_string_append_printf (query, "%s\"%s\"", query->len > 0 ? " " : "", word->str);
    }

  if (query->len == 0)
    return NULL;

  len = strlen (text);
  typing = len > 0 && !g_ascii_isspace (text[len - 1]);
  if (typing)
    g_string_append_c (query, '*');

  return g_string_free (g_steal_pointer (&query), FALSE);
}

static char *
dup_column (sqlite3_stmt *stmt,
            int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

/* Fills in the kind, the record and the field from the hit's rowid. */
static gboolean
decode (VdSearchHit  *hit,
        gint64        rowid,
        sqlite3_stmt *stmt)
{
  guint kind = (rowid >> 8) & 3;
  guint slot = rowid & 255;
  const char * const *fields = NULL;
  guint n_fields = 0;

  hit->position = slot >= 16 ? (int) slot - 16 : -1;
  switch (kind)
    {
    case 0:
      hit->type = VD_TYPE_TOOL;
      hit->uuid = g_strdup (hit->tool);
      fields = tool_fields;
      n_fields = G_N_ELEMENTS (tool_fields);
      break;
    case 1:
      hit->type = VD_TYPE_REVIEWER;
      hit->uuid = g_strdup (hit->reviewer);
      fields = reviewer_fields;
      n_fields = G_N_ELEMENTS (reviewer_fields);
      if (hit->position >= 0)
        hit->field = "prompts";
      break;
    case 2:
      hit->type = VD_TYPE_COMPARISON;
      hit->uuid = g_strdup (hit->comparison);
      fields = comparison_fields;
      n_fields = G_N_ELEMENTS (comparison_fields);
      break;
    default:
      hit->type = VD_TYPE_SCORECARD;
      hit->uuid = dup_column (stmt, 2);
      hit->field = "sections";
      break;
    }

  if (hit->position < 0)
    {
      if (slot >= n_fields)
        return FALSE;
      hit->field = fields[slot];
    }

  /* A row whose record is gone (never, while the triggers hold) is left out. */
  return hit->uuid != NULL && hit->field != NULL;
}

/* Catching up with the writes ---------------------------------------------- */

#define BASE_SQL \
  "SELECT " SEARCH_KEY ("0", "rowid", "0") " FROM tools WHERE uuid = ?1" \
  " UNION ALL SELECT " SEARCH_KEY ("1", "rowid", "0") " FROM reviewers WHERE uuid = ?1" \
  " UNION ALL SELECT " SEARCH_KEY ("2", "rowid", "0") " FROM comparisons WHERE uuid = ?1" \
  " UNION ALL SELECT " SEARCH_KEY ("3", "rowid", "0") " FROM scorecards WHERE uuid = ?1"

static gboolean
step_done (VdStore      *self,
           sqlite3_stmt *stmt,
           GError      **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _vd_store_set_sqlite_error (self, rc, error);
  return TRUE;
}

/* Rewrites one record's rows from what is stored; a record that is gone
 * has none (its delete trigger took them). */
static gboolean
reindex_record (VdStore     *self,
                const char  *uuid,
                GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 base;
  int rc;

  if (!(stmt = _vd_store_prepare (self, BASE_SQL, error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  base = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : -1;
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return _vd_store_set_sqlite_error (self, rc, error);
  if (base < 0)
    return TRUE;

  if (!(stmt = _vd_store_prepare (self, "DELETE FROM search WHERE rowid BETWEEN ?1 AND ?1 + 255",
                                  error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, base);
  if (!step_done (self, stmt, error))
    return FALSE;

  if (!(stmt = _vd_store_prepare (self, SEARCH_BACKFILL_SQL (" AND uuid = ?1", " AND l.record = ?1"),
                                  error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  return step_done (self, stmt, error);
}

static gboolean
rebuild (VdStore  *self,
         GError  **error)
{
  sqlite3_stmt *stmt;

  if (!(stmt = _vd_store_prepare (self, "DELETE FROM search", error)) ||
      !step_done (self, stmt, error) ||
      !(stmt = _vd_store_prepare (self, SEARCH_BACKFILL_SQL ("", ""), error)))
    return FALSE;
  return step_done (self, stmt, error);
}

static GType
type_for_kind (const char *kind)
{
  static const struct { const char *kind; GType (*get_type) (void); } kinds[] = {
    { "tools", vd_tool_get_type },
    { "reviewers", vd_reviewer_get_type },
    { "comparisons", vd_comparison_get_type },
    { "scorecards", vd_scorecard_get_type },
  };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (kind, kinds[i].kind) == 0)
      return kinds[i].get_type ();
  return G_TYPE_INVALID;
}

/* The newest changes row's record, its stamp now (0 when gone). */
static gboolean
record_stamp (VdStore     *self,
              const char  *kind,
              const char  *uuid,
              gint64      *stamp,
              GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  GType type = type_for_kind (kind);

  *stamp = 0;
  if (type == G_TYPE_INVALID ||
      vd_store_contains (self, type, uuid, stamp, &local_error) || local_error == NULL)
    return TRUE;
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/* What the index lacks: the records of the "changes" rows after the one it
 * took last, and that one's again if its stamp moved (a record saved again
 * notes no new row); @pruned when rows went before it took them, and it
 * must be built again whole. @newest and @newest_stamp: where it stands
 * once caught up. */
typedef struct
{
  GPtrArray *records;
  gboolean   pruned;
  gint64     newest;
  gint64     newest_stamp;
} Backlog;

static void
backlog_clear (Backlog *backlog)
{
  g_clear_pointer (&backlog->records, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Backlog, backlog_clear)

static gboolean
read_backlog (VdStore  *self,
              Backlog  *backlog,
              GError  **error)
{
  g_autofree char *newest_kind = NULL;
  g_autofree char *newest_uuid = NULL;
  sqlite3_stmt *stmt;
  gint64 seq = 0, stamp = 0, oldest = 0;
  int rc;

  backlog->records = g_ptr_array_new_with_free_func (g_free);
  backlog->pruned = FALSE;
  backlog->newest = 0;
  backlog->newest_stamp = 0;

  if (!(stmt = _vd_store_prepare (self, "SELECT seq, stamp, "
                                        "  (SELECT coalesce (max (seq), 0) FROM changes), "
                                        "  (SELECT coalesce (min (seq), 0) FROM changes) "
                                        "FROM search_state", error)))
    return FALSE;
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      seq = sqlite3_column_int64 (stmt, 0);
      stamp = sqlite3_column_int64 (stmt, 1);
      backlog->newest = sqlite3_column_int64 (stmt, 2);
      oldest = sqlite3_column_int64 (stmt, 3);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return _vd_store_set_sqlite_error (self, rc == SQLITE_DONE ? SQLITE_CORRUPT : rc, error);
  if (backlog->newest == 0)
    return TRUE;
  backlog->pruned = oldest > seq + 1;

  if (!(stmt = _vd_store_prepare (self, "SELECT seq, kind, uuid FROM changes WHERE seq >= ?1 "
                                        "ORDER BY seq", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, backlog->pruned ? backlog->newest : seq);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *uuid = (const char *) sqlite3_column_text (stmt, 2);

      if (sqlite3_column_int64 (stmt, 0) == backlog->newest)
        {
          newest_kind = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
          newest_uuid = g_strdup (uuid);
        }
      if (sqlite3_column_int64 (stmt, 0) > seq)
        g_ptr_array_add (backlog->records, g_strdup (uuid));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _vd_store_set_sqlite_error (self, rc, error);
  if (newest_uuid == NULL)
    {
      backlog->pruned = FALSE;
      return TRUE;
    }

  if (!record_stamp (self, newest_kind, newest_uuid, &backlog->newest_stamp, error))
    return FALSE;
  /* The row taken last, saved again since. */
  if (backlog->newest == seq && backlog->newest_stamp != stamp)
    g_ptr_array_add (backlog->records, g_strdup (newest_uuid));
  return TRUE;
}

/**
 * vd_store_search_is_caught_up:
 * @caught_up: (out): whether the index holds every write
 *
 * Returns: FALSE (with @error set) when the index could not be read
 */
gboolean
vd_store_search_is_caught_up (VdStore   *self,
                              gboolean  *caught_up,
                              GError   **error)
{
  g_auto(Backlog) backlog = { 0 };

  g_return_val_if_fail (VD_IS_STORE (self), FALSE);
  g_return_val_if_fail (caught_up != NULL, FALSE);

  if (!read_backlog (self, &backlog, error))
    return FALSE;
  *caught_up = backlog.records->len == 0 && !backlog.pruned;
  return TRUE;
}

/**
 * vd_store_search_catch_up:
 *
 * Brings the index in step with every write since it last was. A search
 * does it first; a writer of many records (the import) does it on its
 * own thread after committing, so that the next search finds nothing to
 * do. Writes nothing when nothing changed.
 */
gboolean
vd_store_search_catch_up (VdStore  *self,
                          GError  **error)
{
  g_auto(Backlog) backlog = { 0 };
  sqlite3_stmt *stmt;

  g_return_val_if_fail (VD_IS_STORE (self), FALSE);

  if (!read_backlog (self, &backlog, error))
    return FALSE;
  if (backlog.records->len == 0 && !backlog.pruned)
    return TRUE;

  if (!vd_store_begin (self, error))
    return FALSE;
  if (backlog.pruned)
    {
      if (!rebuild (self, error))
        goto failed;
    }
  else
    {
      g_autoptr(GHashTable) done = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint i = 0; i < backlog.records->len; i++)
        if (g_hash_table_add (done, g_ptr_array_index (backlog.records, i)) &&
            !reindex_record (self, g_ptr_array_index (backlog.records, i), error))
          goto failed;
    }

  if (!(stmt = _vd_store_prepare (self, "UPDATE search_state SET seq = ?1, stamp = ?2", error)))
    goto failed;
  sqlite3_bind_int64 (stmt, 1, backlog.newest);
  sqlite3_bind_int64 (stmt, 2, backlog.newest_stamp);
  if (!step_done (self, stmt, error))
    goto failed;
  return vd_store_commit (self, error);

failed:
  vd_store_rollback (self);
  return FALSE;
}

/**
 * vd_store_search:
 * @text: what the person typed (never FTS syntax: see vd_search_query_from_text())
 * @limit: at most this many hits, the best first
 *
 * Returns: (transfer full) (element-type VdSearchHit): the hits; empty
 *   when @text has no word
 */
GPtrArray *
vd_store_search (VdStore     *self,
                 const char  *text,
                 guint        limit,
                 GError     **error)
{
  g_autoptr(GPtrArray) hits = g_ptr_array_new_with_free_func ((GDestroyNotify) vd_search_hit_free);
  g_autoptr(GError) catch_up_error = NULL;
  g_autofree char *query = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (VD_IS_STORE (self), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  if (!(query = vd_search_query_from_text (text)) || limit == 0)
    return g_steal_pointer (&hits);

  /* Another writer holding the file: search what is indexed, and catch up
   * next time. */
  if (!vd_store_search_catch_up (self, &catch_up_error))
    g_debug ("Search index not caught up: %s", catch_up_error->message);

  if (!(stmt = _vd_store_prepare (self, SEARCH_SQL, error)))
    return NULL;

  sqlite3_bind_text (stmt, 1, query, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, limit);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(VdSearchHit) hit = g_new0 (VdSearchHit, 1);

      hit->snippet = dup_column (stmt, 1);
      hit->comparison = dup_column (stmt, 3);
      hit->comparison_title = dup_column (stmt, 4);
      hit->tool = dup_column (stmt, 5);
      hit->tool_name = dup_column (stmt, 6);
      hit->reviewer = dup_column (stmt, 7);
      hit->reviewer_name = dup_column (stmt, 8);
      if (decode (hit, sqlite3_column_int64 (stmt, 0), stmt))
        g_ptr_array_add (hits, g_steal_pointer (&hit));
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  if (rc != SQLITE_DONE)
    {
      _vd_store_set_sqlite_error (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&hits);
}
