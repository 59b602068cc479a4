/* vd-store-schema.c — the ordered migrations of the database schema
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * migrations[i] takes a database from user_version i to i + 1. Never edit a
 * released step: add a new one, and a fixture for it in tests/test-store.c.
 */
#include "config.h"

#include "vd-error.h"
#include "vd-store-private.h"

/* The search index (6 → 7). Each indexed text is one row of "search",
 * keyed by its record's rowid, its kind and its slot:
 *   rowid = ((record rowid × 4 + kind) × 256 + slot)
 * kind: 0 tool, 1 reviewer, 2 comparison, 3 scorecard; slot: a scalar
 * field's number below 16, or 16 + a list row's position (positions below
 * 240 are indexed). One record's rows are one rowid range, and an edit of
 * one field rewrites that field's row alone. vd-store-search.c decodes it. */
#define SEARCH_KEY(kind, rowid, slot) "(((" rowid ") * 4 + " kind ") * 256 + " slot ")"

#define SEARCH_FIELD(table, kind, field, slot) \
  "CREATE TRIGGER search_" table "_" field " AFTER UPDATE OF " field " ON " table \
  " WHEN new." field " IS NOT old." field " BEGIN" \
  "  UPDATE search SET body = new." field \
  "  WHERE rowid = " SEARCH_KEY (kind, "new.rowid", slot) ";" \
  " END;"

#define SEARCH_RECORD_DELETE(table, kind) \
  "CREATE TRIGGER search_" table "_delete AFTER DELETE ON " table " BEGIN" \
  "  DELETE FROM search WHERE rowid BETWEEN " SEARCH_KEY (kind, "old.rowid", "0") \
  "  AND " SEARCH_KEY (kind, "old.rowid", "255") ";" \
  " END;"

/* A list row finds its record's rowid through the record's uuid; deleted
 * with its record (a cascade), it finds none, and the record's own
 * trigger has removed the range already. */
#define SEARCH_LIST(list, parent, kind) \
  "CREATE TRIGGER search_" list "_insert AFTER INSERT ON " list \
  " WHEN new.position < 240 BEGIN" \
  "  INSERT INTO search (rowid, body)" \
  "  SELECT " SEARCH_KEY (kind, "p.rowid", "16 + new.position") ", new.value" \
  "  FROM " parent " p WHERE p.uuid = new.record;" \
  " END;" \
  "CREATE TRIGGER search_" list "_update AFTER UPDATE OF value ON " list \
  " WHEN new.position < 240 AND new.value IS NOT old.value BEGIN" \
  "  UPDATE search SET body = new.value WHERE rowid = (" \
  "    SELECT " SEARCH_KEY (kind, "p.rowid", "16 + new.position") \
  "    FROM " parent " p WHERE p.uuid = new.record);" \
  " END;" \
  "CREATE TRIGGER search_" list "_delete AFTER DELETE ON " list \
  " WHEN old.position < 240 BEGIN" \
  "  DELETE FROM search WHERE rowid = (" \
  "    SELECT " SEARCH_KEY (kind, "p.rowid", "16 + old.position") \
  "    FROM " parent " p WHERE p.uuid = old.record);" \
  " END;"

#define SEARCH_ROW(kind, slot, field) \
  "(" SEARCH_KEY (kind, "new.rowid", slot) ", new." field ")"

static const char * const migrations[] = {
  /* 0 → 1: the first schema. Child tables "<table>_<field>" hold list fields. */
  "CREATE TABLE tools ("
  "  uuid TEXT PRIMARY KEY NOT NULL,"
  "  created INTEGER NOT NULL,"
  "  updated INTEGER NOT NULL,"
  "  name TEXT NOT NULL CHECK (name <> ''),"
  "  vendor TEXT NOT NULL DEFAULT '',"
  "  category TEXT NOT NULL DEFAULT '',"
  "  tagline TEXT NOT NULL DEFAULT '',"
  "  description TEXT NOT NULL DEFAULT '',"
  "  pricing TEXT NOT NULL,"
  "  pricing_detail TEXT NOT NULL DEFAULT '',"
  "  website TEXT NOT NULL DEFAULT '',"
  "  license TEXT NOT NULL DEFAULT '',"
  "  votes_up INTEGER CHECK (votes_up >= 0),"
  "  votes_down INTEGER CHECK (votes_down >= 0)"
  ");"
  "CREATE TABLE reviewers ("
  "  uuid TEXT PRIMARY KEY NOT NULL,"
  "  created INTEGER NOT NULL,"
  "  updated INTEGER NOT NULL,"
  "  name TEXT NOT NULL CHECK (name <> ''),"
  "  persona TEXT NOT NULL"
  ");"
  "CREATE TABLE reviewers_prompts ("
  "  record TEXT NOT NULL REFERENCES reviewers (uuid) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  value TEXT NOT NULL,"
  "  PRIMARY KEY (record, position)"
  ") WITHOUT ROWID;"
  "CREATE TABLE comparisons ("
  "  uuid TEXT PRIMARY KEY NOT NULL,"
  "  created INTEGER NOT NULL,"
  "  updated INTEGER NOT NULL,"
  "  slug TEXT NOT NULL UNIQUE,"
  "  title TEXT NOT NULL DEFAULT '',"
  "  dek TEXT NOT NULL DEFAULT '',"
  "  tool_a TEXT NOT NULL REFERENCES tools (uuid) ON DELETE RESTRICT,"
  "  tool_b TEXT NOT NULL REFERENCES tools (uuid) ON DELETE RESTRICT,"
  "  pricing_read TEXT NOT NULL DEFAULT '',"
  "  status TEXT NOT NULL,"
  "  publish_date TEXT NOT NULL DEFAULT ''"
  ");"
  "CREATE TABLE comparisons_panel ("
  "  record TEXT NOT NULL REFERENCES comparisons (uuid) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  value TEXT NOT NULL REFERENCES reviewers (uuid) ON DELETE RESTRICT,"
  "  PRIMARY KEY (record, position)"
  ") WITHOUT ROWID;"
  "CREATE TABLE scorecards ("
  "  uuid TEXT PRIMARY KEY NOT NULL,"
  "  created INTEGER NOT NULL,"
  "  updated INTEGER NOT NULL,"
  "  comparison TEXT NOT NULL REFERENCES comparisons (uuid) ON DELETE CASCADE,"
  "  tool TEXT NOT NULL REFERENCES tools (uuid) ON DELETE RESTRICT,"
  "  reviewer TEXT NOT NULL REFERENCES reviewers (uuid) ON DELETE RESTRICT,"
  "  verdict TEXT NOT NULL,"
  "  UNIQUE (comparison, tool, reviewer)"
  ");"
  "CREATE TABLE scorecards_sections ("
  "  record TEXT NOT NULL REFERENCES scorecards (uuid) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  value TEXT NOT NULL,"
  "  PRIMARY KEY (record, position)"
  ") WITHOUT ROWID;",

  /* 1 → 2: the lookups the desk makes on every open: which comparisons use a
   * tool or a reviewer (delete checks), a comparison's scorecards, and the
   * sidebar's order. */
  "CREATE INDEX comparisons_tool_a ON comparisons (tool_a);"
  "CREATE INDEX comparisons_tool_b ON comparisons (tool_b);"
  "CREATE INDEX comparisons_status ON comparisons (status, slug);"
  "CREATE INDEX comparisons_panel_value ON comparisons_panel (value);"
  "CREATE INDEX scorecards_tool ON scorecards (tool);"
  "CREATE INDEX scorecards_reviewer ON scorecards (reviewer);"
  "CREATE INDEX tools_name ON tools (name COLLATE NOCASE);"
  "CREATE INDEX reviewers_name ON reviewers (name COLLATE NOCASE);",

  /* 2 → 3: list rows carry the stamp of the save that last wrote them, so
   * an edit of one section writes that row alone, not the scorecard's row
   * as well. A record's "updated" is the latest of its row's and its list
   * rows' stamps; 0 leaves it to the record's row. */
  "ALTER TABLE reviewers_prompts ADD COLUMN updated INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE comparisons_panel ADD COLUMN updated INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE scorecards_sections ADD COLUMN updated INTEGER NOT NULL DEFAULT 0;",

  /* 3 → 4: several writers. Every write appends its record to "changes"
   * (the rowid is the sequence number; only the oldest rows are ever
   * pruned, so it never goes back), so another connection re-reads only
   * what moved. Appending writes the table's last page, as a save writes
   * its own row's. "conflicts"
   * keeps both texts of a field two writers changed differently, until a
   * person chooses; values are GVariant text. */
  "CREATE TABLE changes ("
  "  seq INTEGER PRIMARY KEY,"
  "  kind TEXT NOT NULL,"
  "  uuid TEXT NOT NULL"
  ");"
  "CREATE TABLE conflicts ("
  "  id INTEGER PRIMARY KEY,"
  "  kind TEXT NOT NULL,"
  "  record TEXT NOT NULL,"
  "  field TEXT NOT NULL,"
  "  base TEXT,"
  "  mine TEXT,"
  "  theirs TEXT,"
  "  created INTEGER NOT NULL"
  ");"
  "CREATE INDEX conflicts_record ON conflicts (record);",

  /* 4 → 5: the shared desk (src/sync/). "sync_state" holds a few named
   * values (the remote, the commit last synced, the author); "sync_files"
   * the git blob of each repository file as the database last took it, the
   * base of the next three-way merge. A path that is not here was never
   * taken, so a record missing from the database but listed here was
   * deleted on this desk. */
  "CREATE TABLE sync_state ("
  "  key TEXT PRIMARY KEY NOT NULL,"
  "  value TEXT NOT NULL"
  ") WITHOUT ROWID;"
  "CREATE TABLE sync_files ("
  "  path TEXT PRIMARY KEY NOT NULL,"
  "  blob TEXT NOT NULL"
  ") WITHOUT ROWID;",

  /* 5 → 6: "no verdict yet" and an explicit "undecided" are two states.
   * Until now a new scorecard started undecided and nobody could choose it,
   * so every stored "undecided" means no verdict yet; so does one kept in a
   * conflict (GVariant text of the nick). */
  "UPDATE scorecards SET verdict = 'none' WHERE verdict = 'undecided';"
  "UPDATE conflicts SET base = '''none''' WHERE field = 'verdict' AND base = '''undecided''';"
  "UPDATE conflicts SET mine = '''none''' WHERE field = 'verdict' AND mine = '''undecided''';"
  "UPDATE conflicts SET theirs = '''none''' "
  "  WHERE field = 'verdict' AND theirs = '''undecided''';",

  /* 6 → 7: full-text search over every text of the desk (FTS5), kept in
   * step by triggers, so every writer (autosave, import, the shared desk,
   * another program) keeps it; built here for what the file holds. Slots
   * as in SEARCH_KEY: tools name 0, vendor 1, category 2, tagline 3,
   * description 4, pricing_detail 5; reviewers name 0 (the persona is a choice, not text), prompts
   * 16 + position; comparisons title 0, dek 1, pricing_read 2; scorecards
   * sections 16 + position. One self-contained step. */
  "CREATE VIRTUAL TABLE search USING fts5 (body, tokenize = 'unicode61 remove_diacritics 2');"
  "CREATE TRIGGER search_tools_insert AFTER INSERT ON tools BEGIN"
  "  INSERT INTO search (rowid, body) VALUES "
  SEARCH_ROW ("0", "0", "name") "," SEARCH_ROW ("0", "1", "vendor") ","
  SEARCH_ROW ("0", "2", "category") "," SEARCH_ROW ("0", "3", "tagline") ","
  SEARCH_ROW ("0", "4", "description") "," SEARCH_ROW ("0", "5", "pricing_detail") ";"
  " END;"
  SEARCH_FIELD ("tools", "0", "name", "0")
  SEARCH_FIELD ("tools", "0", "vendor", "1")
  SEARCH_FIELD ("tools", "0", "category", "2")
  SEARCH_FIELD ("tools", "0", "tagline", "3")
  SEARCH_FIELD ("tools", "0", "description", "4")
  SEARCH_FIELD ("tools", "0", "pricing_detail", "5")
  SEARCH_RECORD_DELETE ("tools", "0")
  "CREATE TRIGGER search_reviewers_insert AFTER INSERT ON reviewers BEGIN"
  "  INSERT INTO search (rowid, body) VALUES "
  SEARCH_ROW ("1", "0", "name") ";"
  " END;"
  SEARCH_FIELD ("reviewers", "1", "name", "0")
  SEARCH_RECORD_DELETE ("reviewers", "1")
  SEARCH_LIST ("reviewers_prompts", "reviewers", "1")
  "CREATE TRIGGER search_comparisons_insert AFTER INSERT ON comparisons BEGIN"
  "  INSERT INTO search (rowid, body) VALUES "
  SEARCH_ROW ("2", "0", "title") "," SEARCH_ROW ("2", "1", "dek") ","
  SEARCH_ROW ("2", "2", "pricing_read") ";"
  " END;"
  SEARCH_FIELD ("comparisons", "2", "title", "0")
  SEARCH_FIELD ("comparisons", "2", "dek", "1")
  SEARCH_FIELD ("comparisons", "2", "pricing_read", "2")
  SEARCH_RECORD_DELETE ("comparisons", "2")
  SEARCH_RECORD_DELETE ("scorecards", "3")
  SEARCH_LIST ("scorecards_sections", "scorecards", "3")
  "INSERT INTO search (rowid, body)"
  "  SELECT " SEARCH_KEY ("0", "rowid", "0") ", name FROM tools"
  "  UNION ALL SELECT " SEARCH_KEY ("0", "rowid", "1") ", vendor FROM tools"
  "  UNION ALL SELECT " SEARCH_KEY ("0", "rowid", "2") ", category FROM tools"
  "  UNION ALL SELECT " SEARCH_KEY ("0", "rowid", "3") ", tagline FROM tools"
  "  UNION ALL SELECT " SEARCH_KEY ("0", "rowid", "4") ", description FROM tools"
  "  UNION ALL SELECT " SEARCH_KEY ("0", "rowid", "5") ", pricing_detail FROM tools"
  "  UNION ALL SELECT " SEARCH_KEY ("1", "rowid", "0") ", name FROM reviewers"
  "  UNION ALL SELECT " SEARCH_KEY ("1", "r.rowid", "16 + l.position") ", l.value"
  "    FROM reviewers_prompts l JOIN reviewers r ON r.uuid = l.record WHERE l.position < 240"
  "  UNION ALL SELECT " SEARCH_KEY ("2", "rowid", "0") ", title FROM comparisons"
  "  UNION ALL SELECT " SEARCH_KEY ("2", "rowid", "1") ", dek FROM comparisons"
  "  UNION ALL SELECT " SEARCH_KEY ("2", "rowid", "2") ", pricing_read FROM comparisons"
  "  UNION ALL SELECT " SEARCH_KEY ("3", "s.rowid", "16 + l.position") ", l.value"
  "    FROM scorecards_sections l JOIN scorecards s ON s.uuid = l.record WHERE l.position < 240;",
};

int
vd_store_schema_get_latest (void)
{
  return G_N_ELEMENTS (migrations);
}

/**
 * vd_store_schema_migrate:
 *
 * Runs the steps from @from_version up to @to_version. The caller holds the
 * write transaction, so a failed step leaves the file as it was.
 */
gboolean
vd_store_schema_migrate (sqlite3  *db,
                         int       from_version,
                         int       to_version,
                         GError  **error)
{
  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (from_version >= 0, FALSE);
  g_return_val_if_fail (to_version <= vd_store_schema_get_latest (), FALSE);

  for (int v = from_version; v < to_version; v++)
    {
      char *message = NULL;
      g_autofree char *pragma = NULL;

      if (sqlite3_exec (db, migrations[v], NULL, NULL, &message) != SQLITE_OK)
        {
          g_set_error (error, VD_STORE_ERROR, VD_STORE_ERROR_FAILED,
                       "Could not upgrade the database to version %d: %s",
                       v + 1, message);
          sqlite3_free (message);
          return FALSE;
        }

      /* A PRAGMA takes no bound parameters; v + 1 is our own integer. */
      pragma = g_strdup_printf ("PRAGMA user_version = %d", v + 1);
      if (sqlite3_exec (db, pragma, NULL, NULL, NULL) != SQLITE_OK)
        {
          g_set_error (error, VD_STORE_ERROR, VD_STORE_ERROR_FAILED,
                       "Could not record database version %d: %s",
                       v + 1, sqlite3_errmsg (db));
          return FALSE;
        }
    }

  return TRUE;
}
