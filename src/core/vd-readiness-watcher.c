/* vd-readiness-watcher.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Keeps the desk's answer to "which Ready or Published comparison fails the
 * readiness rules now?" for the sidebar, which lists every comparison while
 * only one page is open. It starts with one pass over the Ready and
 * Published comparisons, then follows VdStore::changed: a changed record
 * queues only the comparisons that show it (a comparison itself, a
 * scorecard's comparison, the Ready or Published comparisons comparing a
 * tool or with a reviewer on the panel, found through the store's indexes),
 * and the queue is checked at idle, so a burst of saves or an import checks
 * each page once. The checks run in slices between frames.
 */
#include "config.h"

#include <sqlite3.h>

#include "vd-enum-types.h"
#include "vd-enums.h"
#include "vd-export-private.h"
#include "vd-readiness-watcher.h"
#include "vd-store-private.h"

/* Comparisons checked per idle dispatch. */
#define CHECKS_PER_SLICE 32

struct _VdReadinessWatcher
{
  GObject     parent_instance;

  VdStore    *store;
  GHashTable *flagged;     /* comparison uuid → itself */
  GHashTable *pending;     /* comparison uuid → itself, to check */
  guint       idle;
  gboolean    started;     /* the first pass has found its pages */
  guint64     n_checks;
};

G_DEFINE_FINAL_TYPE (VdReadinessWatcher, vd_readiness_watcher, G_TYPE_OBJECT)

enum {
  FLAG_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ?1 and ?2 are the Ready and Published nicks; ?3 the changed record. */
static const char all_sql[] =
  "SELECT uuid FROM comparisons WHERE status IN (?1, ?2)";
static const char tool_sql[] =
  "SELECT uuid FROM comparisons WHERE (tool_a = ?3 OR tool_b = ?3) AND status IN (?1, ?2)";
static const char reviewer_sql[] =
  "SELECT c.uuid FROM comparisons_panel p JOIN comparisons c ON c.uuid = p.record "
  "WHERE p.value = ?3 AND c.status IN (?1, ?2)";
static const char scorecard_sql[] =
  "SELECT comparison FROM scorecards WHERE uuid = ?3";

static void
set_flagged (VdReadinessWatcher *self,
             const char         *uuid,
             gboolean            flagged)
{
  if (flagged == g_hash_table_contains (self->flagged, uuid))
    return;

  if (flagged)
    g_hash_table_add (self->flagged, g_strdup (uuid));
  else
    g_hash_table_remove (self->flagged, uuid);

  g_signal_emit (self, signals[FLAG_CHANGED], 0, uuid, flagged);
}

static void
check_one (VdReadinessWatcher *self,
           const char         *uuid)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VdComparison) comparison = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  VdStatus status;

  self->n_checks++;

  /* Deleted, or no longer held to the rules: not flagged. */
  if (!vd_store_contains (self->store, VD_TYPE_COMPARISON, uuid, NULL, &error) ||
      !(comparison = vd_store_load (self->store, VD_TYPE_COMPARISON, uuid, &error)))
    {
      if (error != NULL)
        g_warning ("Could not check the readiness of %s: %s", uuid, error->message);
      set_flagged (self, uuid, FALSE);
      return;
    }

  status = vd_comparison_get_status (comparison);
  if (status != VD_STATUS_READY && status != VD_STATUS_PUBLISHED)
    {
      set_flagged (self, uuid, FALSE);
      return;
    }

  if (!(problems = _vd_export_check_page (self->store, comparison, &error)))
    {
      /* A page that cannot be read is not one to publish either. */
      g_warning ("Could not check the readiness of “%s”: %s",
                 vd_comparison_get_slug (comparison), error->message);
      set_flagged (self, uuid, TRUE);
      return;
    }

  set_flagged (self, uuid, problems->len > 0);
}

/* Checks up to @limit queued comparisons (0: all). */
static void
run_pending (VdReadinessWatcher *self,
             guint               limit)
{
  guint done = 0;

  while (g_hash_table_size (self->pending) > 0 && (limit == 0 || done < limit))
    {
      GHashTableIter iter;
      gpointer key;
      g_autofree char *uuid = NULL;

      g_hash_table_iter_init (&iter, self->pending);
      g_hash_table_iter_next (&iter, &key, NULL);
      g_hash_table_iter_steal (&iter);
      uuid = key;

      check_one (self, uuid);
      done++;
    }
}

static void queue_all (VdReadinessWatcher *self);

/* The first pass finds its pages at the first idle, not in
 * vd_readiness_watcher_new(): the query reads every comparison, which a
 * window opening should not wait for. */
static void
start (VdReadinessWatcher *self)
{
  if (self->started)
    return;
  self->started = TRUE;
  queue_all (self);
}

static gboolean
idle_cb (gpointer data)
{
  VdReadinessWatcher *self = data;

  start (self);
  run_pending (self, CHECKS_PER_SLICE);
  if (g_hash_table_size (self->pending) > 0)
    return G_SOURCE_CONTINUE;

  self->idle = 0;
  return G_SOURCE_REMOVE;
}

static void
queue (VdReadinessWatcher *self,
       const char         *uuid)
{
  g_hash_table_add (self->pending, g_strdup (uuid));
  if (self->idle == 0)
    self->idle = g_idle_add_full (G_PRIORITY_LOW, idle_cb, self, NULL);
}

/* Queues every comparison @sql names; @uuid binds ?3 when given. */
static void
queue_from_query (VdReadinessWatcher *self,
                  const char         *sql,
                  const char         *uuid)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = _vd_store_prepare (self->store, sql, &error)))
    {
      g_warning ("Could not find the pages to check: %s", error->message);
      return;
    }

  sqlite3_bind_text (stmt, 1, vd_enum_to_nick (VD_TYPE_STATUS, VD_STATUS_READY), -1,
                     SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, vd_enum_to_nick (VD_TYPE_STATUS, VD_STATUS_PUBLISHED), -1,
                     SQLITE_STATIC);
  if (uuid != NULL)
    sqlite3_bind_text (stmt, 3, uuid, -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    queue (self, (const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  if (rc != SQLITE_DONE)
    {
      _vd_store_set_sqlite_error (self->store, rc, &error);
      g_warning ("Could not find the pages to check: %s", error->message);
    }
}

static void
queue_all (VdReadinessWatcher *self)
{
  GHashTableIter iter;
  gpointer key;

  /* What is flagged now is checked again too: it may have been deleted. */
  g_hash_table_iter_init (&iter, self->flagged);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    queue (self, key);
  queue_from_query (self, all_sql, NULL);
}

static void
on_store_changed (VdReadinessWatcher *self,
                  GType               type,
                  const char         *uuid,
                  VdStore            *store)
{
  if (!self->started)
    return;   /* the first pass will see it */
  if (type == G_TYPE_NONE || uuid == NULL)
    queue_all (self);
  else if (type == VD_TYPE_COMPARISON)
    queue (self, uuid);
  else if (type == VD_TYPE_SCORECARD)
    queue_from_query (self, scorecard_sql, uuid);
  else if (type == VD_TYPE_TOOL)
    queue_from_query (self, tool_sql, uuid);
  else if (type == VD_TYPE_REVIEWER)
    queue_from_query (self, reviewer_sql, uuid);
}

static void
vd_readiness_watcher_dispose (GObject *object)
{
  VdReadinessWatcher *self = VD_READINESS_WATCHER (object);

  g_clear_handle_id (&self->idle, g_source_remove);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (vd_readiness_watcher_parent_class)->dispose (object);
}

static void
vd_readiness_watcher_finalize (GObject *object)
{
  VdReadinessWatcher *self = VD_READINESS_WATCHER (object);

  g_clear_pointer (&self->flagged, g_hash_table_unref);
  g_clear_pointer (&self->pending, g_hash_table_unref);

  G_OBJECT_CLASS (vd_readiness_watcher_parent_class)->finalize (object);
}

static void
vd_readiness_watcher_class_init (VdReadinessWatcherClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = vd_readiness_watcher_dispose;
  object_class->finalize = vd_readiness_watcher_finalize;

  /**
   * VdReadinessWatcher::flag-changed:
   * @comparison: the comparison's uuid
   * @flagged: whether it is Ready or Published and fails the rules now
   */
  signals[FLAG_CHANGED] =
    g_signal_new ("flag-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_BOOLEAN);
}

static void
vd_readiness_watcher_init (VdReadinessWatcher *self)
{
  self->flagged = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->pending = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/**
 * vd_readiness_watcher_new:
 *
 * Starts following @store; the first pass over its Ready and Published
 * comparisons runs at idle (vd_readiness_watcher_flush() runs it now).
 */
VdReadinessWatcher *
vd_readiness_watcher_new (VdStore *store)
{
  VdReadinessWatcher *self;

  g_return_val_if_fail (VD_IS_STORE (store), NULL);

  self = g_object_new (VD_TYPE_READINESS_WATCHER, NULL);
  self->store = g_object_ref (store);
  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed), self,
                           G_CONNECT_SWAPPED);
  self->idle = g_idle_add_full (G_PRIORITY_LOW, idle_cb, self, NULL);
  return self;
}

gboolean
vd_readiness_watcher_is_flagged (VdReadinessWatcher *self,
                                 const char         *comparison)
{
  g_return_val_if_fail (VD_IS_READINESS_WATCHER (self), FALSE);
  g_return_val_if_fail (comparison != NULL, FALSE);

  return g_hash_table_contains (self->flagged, comparison);
}

guint
vd_readiness_watcher_get_n_flagged (VdReadinessWatcher *self)
{
  g_return_val_if_fail (VD_IS_READINESS_WATCHER (self), 0);
  return g_hash_table_size (self->flagged);
}

/* Whether changes wait for their check. */
gboolean
vd_readiness_watcher_is_pending (VdReadinessWatcher *self)
{
  g_return_val_if_fail (VD_IS_READINESS_WATCHER (self), FALSE);
  return !self->started || g_hash_table_size (self->pending) > 0;
}

/**
 * vd_readiness_watcher_flush:
 *
 * Checks what is queued now instead of at idle.
 */
void
vd_readiness_watcher_flush (VdReadinessWatcher *self)
{
  g_return_if_fail (VD_IS_READINESS_WATCHER (self));

  start (self);
  run_pending (self, 0);
  g_clear_handle_id (&self->idle, g_source_remove);
}

/**
 * vd_readiness_watcher_get_n_checks:
 *
 * Returns: how many pages were checked since the watcher started: what
 *   shows that a change checks only the pages it touches
 */
guint64
vd_readiness_watcher_get_n_checks (VdReadinessWatcher *self)
{
  g_return_val_if_fail (VD_IS_READINESS_WATCHER (self), 0);
  return self->n_checks;
}
