/* vd-store-private.h — the schema's migrations, for the store and its tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>
#include <glib.h>
#include <glib/gstdio.h>

#include "vd-store.h"

G_BEGIN_DECLS

/* "VDsk": marks a database as ours, so another program's SQLite file is
 * refused instead of being filled with our tables. */
#define VD_STORE_APPLICATION_ID 0x5644736b

int       vd_store_schema_get_latest (void);
gboolean  vd_store_schema_migrate    (sqlite3  *db,
                                      int       from_version,
                                      int       to_version,
                                      GError  **error);

/* The search index: each indexed text is one row of "search", keyed
 *   rowid = ((record rowid × 4 + kind) × 256 + slot)
 * kind: 0 tool, 1 reviewer, 2 comparison, 3 scorecard; slot: a scalar
 * field's number below 16, or 16 + a list row's position (positions below
 * 240 are indexed). One record's rows are one rowid range. */
#define SEARCH_KEY(kind, rowid, slot) "(((" rowid ") * 4 + " kind ") * 256 + " slot ")"

/* Every text of the records, as rows of "search"; @tools_where and
 * @others_where ("" for all) narrow it, as " AND <column> = ?1". The
 * migration (6 → 7) builds the index with it: never change its rows. */
#define SEARCH_BACKFILL_SQL(where_t, where_l) \
  "INSERT INTO search (rowid, body)" \
  "  SELECT " SEARCH_KEY ("0", "rowid", "0") ", name FROM tools WHERE 1" where_t \
  "  UNION ALL SELECT " SEARCH_KEY ("0", "rowid", "1") ", vendor FROM tools WHERE 1" where_t \
  "  UNION ALL SELECT " SEARCH_KEY ("0", "rowid", "2") ", category FROM tools WHERE 1" where_t \
  "  UNION ALL SELECT " SEARCH_KEY ("0", "rowid", "3") ", tagline FROM tools WHERE 1" where_t \
  "  UNION ALL SELECT " SEARCH_KEY ("0", "rowid", "4") ", description FROM tools WHERE 1" where_t \
  "  UNION ALL SELECT " SEARCH_KEY ("0", "rowid", "5") ", pricing_detail FROM tools WHERE 1" where_t \
  "  UNION ALL SELECT " SEARCH_KEY ("1", "rowid", "0") ", name FROM reviewers WHERE 1" where_t \
  "  UNION ALL SELECT " SEARCH_KEY ("1", "r.rowid", "16 + l.position") ", l.value" \
  "    FROM reviewers_prompts l JOIN reviewers r ON r.uuid = l.record" \
  "    WHERE l.position < 240" where_l \
  "  UNION ALL SELECT " SEARCH_KEY ("2", "rowid", "0") ", title FROM comparisons WHERE 1" where_t \
  "  UNION ALL SELECT " SEARCH_KEY ("2", "rowid", "1") ", dek FROM comparisons WHERE 1" where_t \
  "  UNION ALL SELECT " SEARCH_KEY ("2", "rowid", "2") ", pricing_read FROM comparisons WHERE 1" where_t \
  "  UNION ALL SELECT " SEARCH_KEY ("3", "s.rowid", "16 + l.position") ", l.value" \
  "    FROM scorecards_sections l JOIN scorecards s ON s.uuid = l.record" \
  "    WHERE l.position < 240" where_l

gboolean      _vd_store_search_catch_up  (VdStore       *self,
                                          GError       **error);

/* What vd-store.c, vd-store-read.c, vd-store-write.c and vd-store-watch.c
 * share. */
/* What a field is to its table (VdTable.kinds). */
typedef enum
{
  VD_FIELD_SCALAR    = 1 << 0,  /* a column */
  VD_FIELD_LIST      = 1 << 1,  /* a child table */
  VD_FIELD_REFERENCE = 1 << 2,  /* names other records (_vd_store_is_reference()) */
  VD_FIELD_STAMP     = 1 << 3,  /* "updated" */
} VdFieldKind;

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
  GHashTable   *kinds;       /* a field's name → its VdFieldKind flags */
  guint         updated;     /* the index of "updated" in scalars */
  char         *select_sql;  /* SELECT <columns> FROM <table>; "updated" is the
                              * row's own stamp, to be raised to its list rows' */
  char         *upsert_sql;
  char         *contains_sql;
  char         *row_sql;     /* select_sql WHERE uuid = ?1 */
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
  GPtrArray   *changed;      /* VdRecord*: what the open transaction wrote, up to
                              * VD_STORE_MAX_ANNOUNCED; announced on commit */
  gboolean     bulk;         /* vd_store_set_bulk(): no savepoint per record */
  GPtrArray   *deferred_indexes; /* char*: CREATE INDEX statements to run at commit */

  /* Noticing other writers and a file that is no longer ours
   * (vd-store-watch.c). */
  gint64       data_version;   /* PRAGMA data_version when last looked at */
  gint64       txn_data_version; /* what it says inside the open write
                                  * transaction (where it cannot change), or 0 */
  gint64       seen_seq;       /* the changes row last looked at */
  GType        seen_type;      /* its record */
  char        *seen_uuid;
  gint64       seen_stamp;     /* that record's "updated" when looked at */
  gboolean     seen_own;       /* the row is this store's own write */
  gint64       written_seq;    /* the open transaction's newest changes row */
  /* The record of the newest changes row, as this store wrote it, while no
   * other connection committed since (data_version still logged_version):
   * saving it again needs no new row (_vd_store_log_change()). */
  const char  *logged_kind;    /* a table name, or NULL when not known */
  char        *logged_uuid;
  gint64       logged_version;
  /* The open transaction's newest row, once it wrote one. */
  const char  *txn_kind;
  char        *txn_uuid;
  gint64       txn_version;
  gboolean     txn_wrote_row;
  gboolean     txn_unsure;     /* a savepoint rolled back: rows may be gone */
  GStatBuf     file_stat;      /* the file as this store last left it */
  GStatBuf     wal_stat;       /* its WAL, while it exists */
  gboolean     have_wal_stat;
  gboolean     in_memory;      /* ":memory:": no file to watch */
  gboolean     wal;            /* in WAL mode: a commit leaves the file alone */
  int          autocheckpoint; /* WAL frames after which a commit checkpoints */
  gboolean     checkpointed;   /* this connection folded the WAL into the file
                                * since the file was last looked at */
  VdStoreDetach detached;
};

/* The changes log keeps the newest rows; every so many rows, older ones go. */
#define VD_STORE_CHANGES_KEPT        100000
#define VD_STORE_CHANGES_PRUNE_EVERY 4096

/* More records than this in one transaction are announced as one bulk
 * change: a list reloads once rather than row by row. */
#define VD_STORE_MAX_ANNOUNCED 64

void          _vd_store_note_changed     (VdStore       *self,
                                          VdRecord      *record);
VdTable      *_vd_store_get_table        (VdStore       *self,
                                          GType          type);
gboolean      _vd_store_set_sqlite_error (VdStore       *self,
                                          int            rc,
                                          GError       **error);
sqlite3_stmt *_vd_store_prepare          (VdStore       *self,
                                          const char    *sql,
                                          GError       **error);
gboolean      _vd_store_step_done        (VdStore       *self,
                                          sqlite3_stmt  *stmt,
                                          GError       **error);
char         *_vd_store_column_name      (GParamSpec    *pspec);
gboolean      _vd_store_is_reference     (GParamSpec    *pspec);
char        **_vd_store_read_list        (VdStore       *self,
                                          VdTable       *table,
                                          guint          list_index,
                                          const char    *uuid,
                                          gint64        *latest,
                                          GError       **error);
GListStore   *_vd_store_list_from_array  (GType          type,
                                          GPtrArray     *records);
void          _vd_store_emit_changed     (VdStore       *self,
                                          GType          type,
                                          const char    *uuid);
gboolean      _vd_store_exec             (VdStore       *self,
                                          const char    *sql,
                                          GError       **error);

/* vd-store-watch.c */
gboolean      _vd_store_watch_init       (VdStore       *self,
                                          GError       **error);
void          _vd_store_log_end          (VdStore       *self,
                                          gboolean       committed);
gboolean      _vd_store_log_change       (VdStore       *self,
                                          VdTable       *table,
                                          const char    *uuid,
                                          GError       **error);
gboolean      _vd_store_check_attached   (VdStore       *self,
                                          GError       **error);
void          _vd_store_before_commit    (VdStore       *self);
void          _vd_store_after_commit     (VdStore       *self);
void          _vd_store_close            (VdStore       *self);

G_END_DECLS
