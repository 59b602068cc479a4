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

/* The search index (6 → 7): see SEARCH_KEY in vd-store-private.h. */
#define SEARCH_RECORD_DELETE(table, kind) \
  "CREATE TRIGGER search_" table "_delete AFTER DELETE ON " table " BEGIN" \
  "  DELETE FROM search WHERE rowid BETWEEN " SEARCH_KEY (kind, "old.rowid", "0") \
  "  AND " SEARCH_KEY (kind, "old.rowid", "255") ";" \
  " END;"

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

  /* 6 → 7: full-text search over every text of the desk (FTS5). Slots as
   * in SEARCH_KEY: tools name 0, vendor 1, category 2, tagline 3,
   * description 4, pricing_detail 5; reviewers name 0 (the persona is a
   * choice, not text), prompts 16 + position; comparisons title 0, dek 1,
   * pricing_read 2; scorecards sections 16 + position.
   * A record's deletion takes its rows at once (a trigger: the record's
   * rowid is gone after). Every other write is brought in before the next
   * search, from the "changes" log every write notes (vd-store-search.c):
   * "search_state" holds the last changes row indexed and the stamp of its
   * record then, so typing costs autosave nothing.
   * The word being typed is a prefix: indexes of the first 2, 3 and 4
   * letters answer the short ones, which match the most rows, without
   * merging every word they begin. One self-contained step. */
  "CREATE VIRTUAL TABLE search USING fts5 (body, prefix = '2 3 4',"
  "  tokenize = 'unicode61 remove_diacritics 2');"
  "CREATE TABLE search_state (seq INTEGER NOT NULL, stamp INTEGER NOT NULL);"
  "INSERT INTO search_state SELECT coalesce (max (seq), 0), 0 FROM changes;"
  SEARCH_RECORD_DELETE ("tools", "0")
  SEARCH_RECORD_DELETE ("reviewers", "1")
  SEARCH_RECORD_DELETE ("comparisons", "2")
  SEARCH_RECORD_DELETE ("scorecards", "3")
  SEARCH_BACKFILL_SQL ("", "") ";",

  /* 7 → 8: text set aside when its prompt is removed (vd-store-prompts.c):
   * kept in the database, out of every form, page, export and the shared
   * desk's files, until Undo or the same prompt (by "key", casefolded) is
   * added again. "removal" numbers each removal; "position" is where the
   * section was. Until now removing a prompt left its section in place, so
   * sections past the reviewer's prompts (a built-in persona has three)
   * showed in no form yet reached the page: they are set aside here, under
   * no prompt (an empty key never comes back by itself). "record" has no
   * foreign key: a deleted scorecard's rows stay, so that the Undo of the
   * deletion, which stores the same uuid again, finds them. */
  "CREATE TABLE scorecards_set_aside ("
  "  record TEXT NOT NULL,"
  "  reviewer TEXT NOT NULL,"
  "  removal INTEGER NOT NULL,"
  "  position INTEGER NOT NULL,"
  "  prompt TEXT NOT NULL,"
  "  key TEXT NOT NULL,"
  "  value TEXT NOT NULL,"
  "  PRIMARY KEY (record, removal, position)"
  ") WITHOUT ROWID;"
  "CREATE INDEX scorecards_set_aside_prompt ON scorecards_set_aside (reviewer, key);"
  "CREATE TEMP TABLE prompt_counts AS"
  "  SELECT uuid AS reviewer, CASE WHEN persona = 'custom'"
  "    THEN (SELECT count (*) FROM reviewers_prompts p WHERE p.record = r.uuid) ELSE 3 END AS n"
  "  FROM reviewers r;"
  "INSERT INTO scorecards_set_aside (record, reviewer, removal, position, prompt, key, value)"
  "  SELECT l.record, s.reviewer, 0, l.position, '', '', l.value"
  "  FROM scorecards_sections l JOIN scorecards s ON s.uuid = l.record"
  "  JOIN prompt_counts c ON c.reviewer = s.reviewer"
  "  WHERE l.position >= c.n AND trim (l.value, ' ' || char (9, 10, 11, 12, 13)) <> '';"
  "DELETE FROM search WHERE rowid IN (SELECT " SEARCH_KEY ("3", "s.rowid", "16 + l.position")
  "  FROM scorecards_sections l JOIN scorecards s ON s.uuid = l.record"
  "  JOIN prompt_counts c ON c.reviewer = s.reviewer WHERE l.position >= c.n);"
  "DELETE FROM scorecards_sections WHERE position >= (SELECT c.n FROM scorecards s"
  "  JOIN prompt_counts c ON c.reviewer = s.reviewer WHERE s.uuid = scorecards_sections.record);"
  "DROP TABLE temp.prompt_counts;",
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
