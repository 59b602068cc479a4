/* vd-autosaver.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The desk has no save button. Widgets change model objects; the autosaver
 * follows each watched record's notifications, and a short while after the
 * last change (at most VD_AUTOSAVER_CEILING_MS after the first) writes the
 * changed records in one transaction.
 *
 * The file has other writers, so a save never writes this desk's copy of a
 * record over the file's. For each record the autosaver keeps its base, the
 * version it last read or wrote. A save reads the stored version, merges
 * the three with vd_merge_three_way() and writes the result: the fields
 * this desk changed, and nothing else. Where the other writer changed the
 * same field differently, theirs stays and ours is kept as a conflict in
 * the same transaction, so neither text is lost.
 *
 * A write that fails keeps every record pending (a refused one as well as
 * a full disk): the error is kept for the UI to show, and the write is
 * tried again after each edit and every VD_AUTOSAVER_RETRY_MS.
 */
#include "config.h"

#include "vd-autosaver.h"
#include "vd-error.h"
#include "vd-merge.h"

struct _VdAutosaver
{
  GObject     parent_instance;

  VdStore    *store;
  guint       delay_ms;
  GHashTable *watched;   /* VdRecord* → itself (a ref): followed */
  GHashTable *bases;     /* VdRecord* (a ref) → Base*: what this desk last
                          * read or wrote of it; kept while watched or pending */
  GHashTable *edited;    /* VdRecord* → GHashTable* of the property names
                          * (interned) it changed since its base; an empty
                          * one is kept for a watched record's next edit */
  GPtrArray  *dirty;     /* VdRecord*, in the order they changed, refs */
  GPtrArray  *spare;     /* an empty one for the next write's batch, or NULL */
  gint64      first_change; /* monotonic µs of the oldest unsaved change, or 0 */
  gint64      deadline;  /* monotonic µs when the pending changes are due */
  guint       timeout_id; /* fires at or before the deadline */
  guint       retry_id;
  GError     *error;     /* why the last write failed, until one succeeds */
  gboolean    applying;  /* setting merged values: not an edit */
};

/* A record as this desk last read or wrote it: a snapshot, and the fields
 * written since by a save that knew what was stored (save_edits()). An
 * edit's save thus copies the fields it wrote, not the whole record; the
 * snapshot is made whole again only when a merge needs it. */
typedef struct
{
  GVariant   *snapshot;
  GHashTable *written;   /* property name (interned) → GValue*, as written */
} Base;

static void
value_free (GValue *value)
{
  g_value_unset (value);
  g_free (value);
}

static Base *
base_new (GVariant *snapshot)
{
  Base *base = g_new0 (Base, 1);

  base->snapshot = snapshot;
  base->written = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                         (GDestroyNotify) value_free);
  return base;
}

static void
base_free (Base *base)
{
  g_variant_unref (base->snapshot);
  g_hash_table_unref (base->written);
  g_free (base);
}

/* The whole base, for a merge. */
static GVariant *
base_get_snapshot (Base *base)
{
  if (g_hash_table_size (base->written) > 0)
    {
      GVariant *whole = vd_merge_update (base->snapshot, base->written);

      g_variant_unref (base->snapshot);
      base->snapshot = whole;
      g_hash_table_remove_all (base->written);
    }

  return base->snapshot;
}

G_DEFINE_FINAL_TYPE (VdAutosaver, vd_autosaver, G_TYPE_OBJECT)

enum {
  SAVED,
  FAILED,
  CONFLICT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean flush_store (VdAutosaver *self, VdStore *store, GError **error);
static gboolean on_timeout (gpointer data);

/* A timer for @wait µs from now, rounded up: it never fires early. */
static void
arm (VdAutosaver *self,
     gint64       wait)
{
  wait = MAX (wait, 0);
  self->timeout_id = g_timeout_add ((guint) ((wait + G_TIME_SPAN_MILLISECOND - 1) /
                                             G_TIME_SPAN_MILLISECOND),
                                    on_timeout, self);
}

static gboolean
on_timeout (gpointer data)
{
  VdAutosaver *self = data;
  gint64 now = g_get_monotonic_time ();

  self->timeout_id = 0;
  /* Nothing was edited since the last write (a failed one retries on its
   * own timer); or typing moved the write later since the timer was set
   * (the deadline never moves earlier: see schedule()). */
  if (self->first_change == 0)
    return G_SOURCE_REMOVE;
  if (now < self->deadline)
    arm (self, self->deadline - now);
  else
    flush_store (self, self->store, NULL);

  return G_SOURCE_REMOVE;
}

static gboolean
on_retry (gpointer data)
{
  VdAutosaver *self = data;

  self->retry_id = 0;
  flush_store (self, self->store, NULL);

  return G_SOURCE_REMOVE;
}

static void
schedule (VdAutosaver *self)
{
  gint64 now = g_get_monotonic_time ();

  if (self->first_change == 0)
    self->first_change = now;

  /* Typing keeps pushing the write back by one delay, but never past the
   * ceiling counted from the oldest change not yet written. So the
   * deadline only ever moves later (the oldest change is newer after each
   * write), and a timer already set fires in time: it looks again then
   * instead of being replaced on every keystroke. */
  self->deadline = MIN (now + self->delay_ms * G_TIME_SPAN_MILLISECOND,
                        self->first_change + VD_AUTOSAVER_CEILING_MS * G_TIME_SPAN_MILLISECOND);
  if (self->timeout_id == 0)
    arm (self, self->deadline - now);
}

/**
 * vd_autosaver_mark_dirty:
 *
 * Schedules @record to be saved; for a record that was never stored (a new
 * scorecard), this is how it first reaches the database.
 */
void
vd_autosaver_mark_dirty (VdAutosaver *self,
                         VdRecord    *record)
{
  g_return_if_fail (VD_IS_AUTOSAVER (self));
  g_return_if_fail (VD_IS_RECORD (record));

  if (!g_ptr_array_find (self->dirty, record, NULL))
    g_ptr_array_add (self->dirty, g_object_ref (record));

  schedule (self);
}

static void
on_notify (VdRecord    *record,
           GParamSpec  *pspec,
           VdAutosaver *self)
{
  GHashTable *names;

  if (self->applying)
    return;

  names = g_hash_table_lookup (self->edited, record);
  if (names == NULL)
    {
      names = g_hash_table_new (g_str_hash, g_str_equal);
      g_hash_table_insert (self->edited, g_object_ref (record), names);
    }
  /* A property's name is interned: it outlives the table. */
  g_hash_table_add (names, (gpointer) pspec->name);

  vd_autosaver_mark_dirty (self, record);
}

static void
vd_autosaver_dispose (GObject *object)
{
  VdAutosaver *self = VD_AUTOSAVER (object);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_clear_handle_id (&self->retry_id, g_source_remove);
  if (self->watched != NULL)
    vd_autosaver_unwatch_all (self);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (vd_autosaver_parent_class)->dispose (object);
}

static void
vd_autosaver_finalize (GObject *object)
{
  VdAutosaver *self = VD_AUTOSAVER (object);

  g_clear_pointer (&self->watched, g_hash_table_unref);
  g_clear_pointer (&self->bases, g_hash_table_unref);
  g_clear_pointer (&self->edited, g_hash_table_unref);
  g_clear_pointer (&self->dirty, g_ptr_array_unref);
  g_clear_pointer (&self->spare, g_ptr_array_unref);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (vd_autosaver_parent_class)->finalize (object);
}

static void
vd_autosaver_class_init (VdAutosaverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = vd_autosaver_dispose;
  object_class->finalize = vd_autosaver_finalize;

  /**
   * VdAutosaver::saved:
   * @n_records: how many records the write took
   *
   * Emitted after a write; when nothing is pending any more, a failure
   * shown before is over.
   */
  signals[SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);

  /**
   * VdAutosaver::failed:
   * @error: why the write failed; the records stay pending and the write
   *   is tried again
   */
  signals[FAILED] =
    g_signal_new ("failed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_ERROR);

  /**
   * VdAutosaver::conflict:
   * @record: the record whose field two writers changed differently
   * @conflict: the field, with base, mine and theirs; stored
   */
  signals[CONFLICT] =
    g_signal_new ("conflict",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, VD_TYPE_RECORD, VD_TYPE_CONFLICT);
}

static void
vd_autosaver_init (VdAutosaver *self)
{
  self->watched = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  self->bases = g_hash_table_new_full (NULL, NULL, g_object_unref, (GDestroyNotify) base_free);
  self->edited = g_hash_table_new_full (NULL, NULL, g_object_unref,
                                        (GDestroyNotify) g_hash_table_unref);
  self->dirty = g_ptr_array_new_with_free_func (g_object_unref);
}

VdAutosaver *
vd_autosaver_new (VdStore *store,
                  guint    delay_ms)
{
  VdAutosaver *self;

  g_return_val_if_fail (VD_IS_STORE (store), NULL);

  self = g_object_new (VD_TYPE_AUTOSAVER, NULL);
  self->store = g_object_ref (store);
  self->delay_ms = delay_ms;
  return self;
}

VdStore *
vd_autosaver_get_store (VdAutosaver *self)
{
  g_return_val_if_fail (VD_IS_AUTOSAVER (self), NULL);
  return self->store;
}

/**
 * vd_autosaver_watch:
 *
 * Follows @record's edits. The record as it is now is taken as what the
 * store holds (it was just loaded or saved): its base.
 */
void
vd_autosaver_watch (VdAutosaver *self,
                    VdRecord    *record)
{
  GParamSpec **fields;
  guint n_fields;

  g_return_if_fail (VD_IS_AUTOSAVER (self));
  g_return_if_fail (VD_IS_RECORD (record));

  if (g_hash_table_contains (self->watched, record))
    return;

  g_hash_table_add (self->watched, g_object_ref (record));
  if (!g_hash_table_contains (self->bases, record))
    g_hash_table_insert (self->bases, g_object_ref (record), base_new (vd_merge_snapshot (record)));

  /* One handler per stored field, the stamps aside (saving moves "updated"
   * itself), rather than one for every notification: a property nobody
   * follows ("quote", which follows "sections"; "updated") then costs
   * GObject next to nothing to announce. */
  fields = vd_record_class_get_fields (VD_RECORD_GET_CLASS (record), &n_fields);
  for (guint i = 0; i < n_fields; i++)
    {
      g_autofree char *signal = NULL;

      if (g_str_equal (fields[i]->name, "uuid") || g_str_equal (fields[i]->name, "created") ||
          g_str_equal (fields[i]->name, "updated"))
        continue;
      signal = g_strconcat ("notify::", fields[i]->name, NULL);
      g_signal_connect (record, signal, G_CALLBACK (on_notify), self);
    }
}

/**
 * vd_autosaver_unwatch:
 *
 * Stops following @record. A change already made is still saved by the
 * next flush.
 */
void
vd_autosaver_unwatch (VdAutosaver *self,
                      VdRecord    *record)
{
  g_return_if_fail (VD_IS_AUTOSAVER (self));
  g_return_if_fail (VD_IS_RECORD (record));

  if (!g_hash_table_contains (self->watched, record))
    return;

  g_signal_handlers_disconnect_by_func (record, on_notify, self);
  /* The base stays with a pending change, which the flush still merges. */
  if (!g_ptr_array_find (self->dirty, record, NULL))
    {
      g_hash_table_remove (self->bases, record);
      g_hash_table_remove (self->edited, record);
    }
  g_hash_table_remove (self->watched, record);
}

void
vd_autosaver_unwatch_all (VdAutosaver *self)
{
  GHashTableIter iter;
  gpointer record;

  g_return_if_fail (VD_IS_AUTOSAVER (self));

  g_hash_table_iter_init (&iter, self->watched);
  while (g_hash_table_iter_next (&iter, &record, NULL))
    {
      g_signal_handlers_disconnect_by_func (record, on_notify, self);
      if (!g_ptr_array_find (self->dirty, record, NULL))
        {
          g_hash_table_remove (self->bases, record);
          g_hash_table_remove (self->edited, record);
        }
    }
  g_hash_table_remove_all (self->watched);
}

gboolean
vd_autosaver_is_pending (VdAutosaver *self)
{
  g_return_val_if_fail (VD_IS_AUTOSAVER (self), FALSE);

  return self->dirty->len > 0;
}

gboolean
vd_autosaver_is_dirty (VdAutosaver *self,
                       VdRecord    *record)
{
  g_return_val_if_fail (VD_IS_AUTOSAVER (self), FALSE);

  return g_ptr_array_find (self->dirty, record, NULL);
}

/**
 * vd_autosaver_get_error:
 *
 * Returns: (nullable): why the last write failed, while something it did
 *   not write is still pending
 */
const GError *
vd_autosaver_get_error (VdAutosaver *self)
{
  g_return_val_if_fail (VD_IS_AUTOSAVER (self), NULL);

  return self->error;
}

/* Sets merged values on a record: not an edit of this desk's. */
static void
apply (VdAutosaver *self,
       VdRecord    *record,
       GVariant    *snapshot,
       gint64       updated)
{
  self->applying = TRUE;
  vd_merge_apply (record, snapshot);
  if (updated > 0)
    vd_record_set_updated (record, updated);
  self->applying = FALSE;
}

/* One record's save, prepared inside the transaction and applied to the
 * record only once the transaction has committed. */
typedef struct
{
  VdRecord   *record;
  GVariant   *merged;     /* what the store now holds; or, from save_edits(): */
  GHashTable *written;    /* the fields written (name → GValue*), the rest
                           * as the base has them */
  gint64      updated;
  GPtrArray  *conflicts;  /* VdConflict*, stored; or NULL */
  gboolean    in_place;   /* the record itself was written: it holds @merged */
} Saved;

static void
saved_free (Saved *saved)
{
  g_object_unref (saved->record);
  g_clear_pointer (&saved->merged, g_variant_unref);
  g_clear_pointer (&saved->written, g_hash_table_unref);
  g_clear_pointer (&saved->conflicts, g_ptr_array_unref);
  g_free (saved);
}

/* The save of an edit when nobody else wrote since this desk's base: the
 * edited fields alone, compared with the base instead of read back. */
static Saved *
save_edits (VdAutosaver  *self,
            VdStore      *store,
            VdRecord     *record,
            Base         *base,
            GHashTable   *edited,
            gboolean      alone,
            GError      **error)
{
  g_autoptr(GHashTable) fields = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) written = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                         (GDestroyNotify) value_free);
  g_autoptr(GPtrArray) keep = NULL;  /* lists copied from the snapshot */
  GHashTableIter iter;
  gpointer name;
  Saved *saved;

  g_hash_table_iter_init (&iter, edited);
  while (g_hash_table_iter_next (&iter, &name, NULL))
    {
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (record), name);
      GValue *value = g_new0 (GValue, 1);
      gpointer stored = NULL;

      g_value_init (value, G_PARAM_SPEC_VALUE_TYPE (pspec));
      g_object_get_property (G_OBJECT (record), name, value);
      g_hash_table_insert (written, name, value);

      /* A list is written item by item against what is stored. */
      if (G_VALUE_HOLDS (value, G_TYPE_STRV))
        {
          const GValue *before = g_hash_table_lookup (base->written, name);
          g_autoptr(GVariant) list = NULL;

          if (before != NULL)
            stored = g_value_get_boxed (before);
          else if ((list = g_variant_lookup_value (base->snapshot, name, G_VARIANT_TYPE_STRING_ARRAY)))
            {
              if (keep == NULL)
                keep = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
              g_ptr_array_add (keep, (stored = g_variant_dup_strv (list, NULL)));
            }
        }
      g_hash_table_insert (fields, name, stored);
    }

  /* Alone in its transaction, the save needs no savepoint of its own: if
   * it fails, the flush rolls everything back. */
  if (!alone && !vd_store_begin (store, error))
    return NULL;
  if (!vd_store_save_edits (store, record, fields, written, error))
    {
      if (!alone)
        vd_store_rollback (store);
      return NULL;
    }
  if (!alone && !vd_store_commit (store, error))
    return NULL;

  saved = g_new0 (Saved, 1);
  saved->record = g_object_ref (record);
  saved->in_place = TRUE;
  saved->written = g_steal_pointer (&written);
  saved->updated = vd_record_get_updated (record);
  return saved;
}

/* Saves @record against what @store holds now: merged with it when another
 * writer changed it since this desk's base. The record itself is left as
 * it is; the returned Saved says what to make of it after the commit. */
static Saved *
save_record (VdAutosaver  *self,
             VdStore      *store,
             VdRecord     *record,
             gboolean      alone,
             GError      **error)
{
  VdRecordClass *klass = VD_RECORD_GET_CLASS (record);
  Base *known = g_hash_table_lookup (self->bases, record);
  GHashTable *edited = g_hash_table_lookup (self->edited, record);
  GVariant *base;
  g_autoptr(GVariant) mine = NULL;
  g_autoptr(GPtrArray) conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) vd_conflict_free);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(VdRecord) stored = NULL;
  VdRecord *target = record;
  Saved *saved;

  if (edited != NULL && g_hash_table_size (edited) == 0)
    edited = NULL;

  /* Nobody else wrote since this desk last looked: what is stored is the
   * base, and writing what was edited is the merge. Else read theirs and
   * merge. */
  if (known != NULL && edited != NULL && store == self->store && !vd_store_others_committed (store))
    return save_edits (self, store, record, known, edited, alone, error);

  base = known != NULL ? base_get_snapshot (known) : NULL;
  if (known != NULL && store == self->store && !vd_store_others_committed (store))
    mine = g_variant_ref (base);
  else if (!(stored = vd_store_load (store, G_OBJECT_TYPE (record), vd_record_get_uuid (record),
                                     &local_error)) &&
           !g_error_matches (local_error, VD_STORE_ERROR, VD_STORE_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  if (mine == NULL)
    mine = vd_merge_snapshot (record);

  if (stored != NULL)
    {
      g_autoptr(GVariant) theirs = vd_merge_snapshot (stored);
      g_autoptr(GVariant) merged = vd_merge_three_way (base, mine, theirs,
                                                       vd_record_class_get_itemwise (klass),
                                                       vd_record_class_get_table (klass),
                                                       vd_record_get_uuid (record),
                                                       conflicts);

      /* The stored copy takes the merge, so the write changes only the
       * fields that differ from what is stored: this desk's. */
      vd_merge_apply (stored, merged);
      target = stored;
    }
  /* Else new, or deleted by another writer meanwhile: an edit that meets a
   * delete wins, and the record is written whole. */

  /* The save is its own savepoint; with conflicts, they share one. */
  if (conflicts->len == 0)
    {
      if (!vd_store_save (store, target, error))
        return NULL;
    }
  else
    {
      if (!vd_store_begin (store, error))
        return NULL;
      if (!vd_store_save (store, target, error))
        {
          vd_store_rollback (store);
          return NULL;
        }
      for (guint i = 0; i < conflicts->len; i++)
        if (!vd_store_add_conflict (store, g_ptr_array_index (conflicts, i), error))
          {
            vd_store_rollback (store);
            return NULL;
          }
      if (!vd_store_commit (store, error))
        return NULL;
    }

  saved = g_new0 (Saved, 1);
  saved->record = g_object_ref (record);
  saved->in_place = target == record;
  saved->merged = target == record ? g_variant_ref (mine) : vd_merge_snapshot (target);
  saved->updated = vd_record_get_updated (target);
  saved->conflicts = g_steal_pointer (&conflicts);
  return saved;
}

static void
set_error (VdAutosaver  *self,
           const GError *error)
{
  g_clear_error (&self->error);
  if (error != NULL)
    self->error = g_error_copy (error);
}

static gboolean
flush_store (VdAutosaver  *self,
             VdStore      *store,
             GError      **error)
{
  g_autoptr(GPtrArray) batch = NULL;
  g_autoptr(GPtrArray) done = g_ptr_array_new_with_free_func ((GDestroyNotify) saved_free);
  g_autoptr(GError) failure = NULL;

  /* A timer still set finds nothing new when it fires (first_change). */
  g_clear_handle_id (&self->retry_id, g_source_remove);

  if (self->dirty->len == 0)
    return TRUE;

  batch = g_steal_pointer (&self->dirty);
  self->dirty = self->spare != NULL ? g_steal_pointer (&self->spare)
                                    : g_ptr_array_new_with_free_func (g_object_unref);
  self->first_change = 0;

  if (vd_store_begin (store, &failure))
    {
      for (guint i = 0; i < batch->len; i++)
        {
          VdRecord *record = g_ptr_array_index (batch, i);
          g_autoptr(GError) local_error = NULL;
          Saved *saved;

          /* Each save is its own savepoint: a refused record does not hold
           * back the others, and stays pending. */
          if ((saved = save_record (self, store, record, batch->len == 1, &local_error)))
            g_ptr_array_add (done, saved);
          else if (failure == NULL)
            failure = g_steal_pointer (&local_error);
        }

      /* With nothing written, nothing is kept: a save alone in the
       * transaction may have failed halfway. */
      if (done->len == 0)
        vd_store_rollback (store);
      else if (!vd_store_commit (store, failure == NULL ? &failure : NULL))
        g_ptr_array_set_size (done, 0);
    }

  /* What was not written stays pending, ahead of anything changed since
   * (nothing is: a flush does not return to the main loop). */
  if (done->len < batch->len || self->dirty->len > 0)
    {
      g_autoptr(GPtrArray) later = g_steal_pointer (&self->dirty);

      self->dirty = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint i = 0; i < batch->len; i++)
        {
          VdRecord *record = g_ptr_array_index (batch, i);
          gboolean written = FALSE;

          for (guint j = 0; j < done->len && !written; j++)
            written = ((Saved *) g_ptr_array_index (done, j))->record == record;
          if (!written)
            g_ptr_array_add (self->dirty, g_object_ref (record));
        }
      for (guint i = 0; i < later->len; i++)
        if (!g_ptr_array_find (self->dirty, later->pdata[i], NULL))
          g_ptr_array_add (self->dirty, g_object_ref (later->pdata[i]));
    }
  g_ptr_array_set_size (batch, 0);
  if (self->spare == NULL)
    self->spare = g_steal_pointer (&batch);

  for (guint i = 0; i < done->len; i++)
    {
      Saved *saved = g_ptr_array_index (done, i);
      GHashTable *names;

      if (g_ptr_array_find (self->dirty, saved->record, NULL))
        continue;

      /* A watched record keeps its (now empty) table for the next edit. */
      if (g_hash_table_contains (self->watched, saved->record) &&
          (names = g_hash_table_lookup (self->edited, saved->record)) != NULL)
        g_hash_table_remove_all (names);
      else
        g_hash_table_remove (self->edited, saved->record);

      /* The record takes what is stored now: the other writer's fields
       * and, where both changed one, theirs (ours is in the conflict). */
      if (!saved->in_place)
        apply (self, saved->record, saved->merged, saved->updated);
      if (!g_hash_table_contains (self->watched, saved->record))
        g_hash_table_remove (self->bases, saved->record);
      else if (saved->merged != NULL)
        g_hash_table_insert (self->bases, g_object_ref (saved->record),
                             base_new (g_variant_ref (saved->merged)));
      else
        {
          Base *base = g_hash_table_lookup (self->bases, saved->record);
          GHashTableIter iter;
          gpointer name, value;

          /* save_edits() found it there. */
          g_hash_table_iter_init (&iter, saved->written);
          while (g_hash_table_iter_next (&iter, &name, &value))
            {
              g_hash_table_iter_steal (&iter);
              g_hash_table_insert (base->written, name, value);
            }
        }
    }

  /* Whoever listens reads the outcome from the autosaver. */
  set_error (self, failure);

  if (done->len > 0)
    g_signal_emit (self, signals[SAVED], 0, done->len);

  for (guint i = 0; i < done->len; i++)
    {
      Saved *saved = g_ptr_array_index (done, i);

      for (guint j = 0; saved->conflicts != NULL && j < saved->conflicts->len; j++)
        g_signal_emit (self, signals[CONFLICT], 0, saved->record,
                       g_ptr_array_index (saved->conflicts, j));
    }

  if (failure != NULL)
    {
      self->retry_id = g_timeout_add (VD_AUTOSAVER_RETRY_MS, on_retry, self);
      g_signal_emit (self, signals[FAILED], 0, failure);
      g_propagate_error (error, g_steal_pointer (&failure));
      return FALSE;
    }

  return TRUE;
}

/**
 * vd_autosaver_flush:
 *
 * Writes every pending edit now, in one transaction, each record merged
 * with what another writer may have stored meanwhile. Whatever cannot be
 * written (a refused record, a full disk, a file that is gone) stays
 * pending, is tried again, and its error is returned and kept.
 */
gboolean
vd_autosaver_flush (VdAutosaver  *self,
                    GError      **error)
{
  g_return_val_if_fail (VD_IS_AUTOSAVER (self), FALSE);

  return flush_store (self, self->store, error);
}

/**
 * vd_autosaver_flush_into:
 * @store: another database, such as a copy of this one
 *
 * Writes the pending edits into @store instead: for Save a Copy, when the
 * autosaver's own file is gone.
 */
gboolean
vd_autosaver_flush_into (VdAutosaver  *self,
                         VdStore      *store,
                         GError      **error)
{
  g_return_val_if_fail (VD_IS_AUTOSAVER (self), FALSE);
  g_return_val_if_fail (VD_IS_STORE (store), FALSE);

  return flush_store (self, store, error);
}

/**
 * vd_autosaver_refresh:
 *
 * Brings @record up to what the store holds, after another writer changed
 * it: a record with pending edits is saved now (merged), one without takes
 * the stored fields. Fails with %VD_STORE_ERROR_NOT_FOUND when the record
 * was deleted.
 */
gboolean
vd_autosaver_refresh (VdAutosaver  *self,
                      VdRecord     *record,
                      GError      **error)
{
  g_autoptr(VdRecord) stored = NULL;
  g_autoptr(GVariant) theirs = NULL;

  g_return_val_if_fail (VD_IS_AUTOSAVER (self), FALSE);
  g_return_val_if_fail (VD_IS_RECORD (record), FALSE);

  if (g_ptr_array_find (self->dirty, record, NULL))
    return vd_autosaver_flush (self, error);

  if (!(stored = vd_store_load (self->store, G_OBJECT_TYPE (record),
                                vd_record_get_uuid (record), error)))
    return FALSE;

  theirs = vd_merge_snapshot (stored);
  apply (self, record, theirs, vd_record_get_updated (stored));
  g_hash_table_remove (self->edited, record);
  if (g_hash_table_contains (self->watched, record))
    g_hash_table_insert (self->bases, g_object_ref (record), base_new (g_steal_pointer (&theirs)));
  return TRUE;
}

/**
 * vd_autosaver_discard:
 *
 * Drops every pending edit: only for a person's explicit Discard.
 */
void
vd_autosaver_discard (VdAutosaver *self)
{
  g_return_if_fail (VD_IS_AUTOSAVER (self));

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_clear_handle_id (&self->retry_id, g_source_remove);
  for (guint i = 0; i < self->dirty->len; i++)
    if (!g_hash_table_contains (self->watched, self->dirty->pdata[i]))
      g_hash_table_remove (self->bases, self->dirty->pdata[i]);
  g_ptr_array_set_size (self->dirty, 0);
  g_hash_table_remove_all (self->edited);
  self->first_change = 0;
  set_error (self, NULL);
}
