/* vd-autosaver.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The desk has no save button. Widgets change model objects; the autosaver
 * follows each watched record's notifications, and a short while after the
 * last change writes every changed record in one transaction. Closing the
 * window or quitting calls vd_autosaver_flush() so nothing is left behind.
 */
#include "config.h"

#include "vd-autosaver.h"

struct _VdAutosaver
{
  GObject     parent_instance;

  VdStore    *store;
  guint       delay_ms;
  GHashTable *watched;   /* VdRecord* → itself (a ref) */
  GPtrArray  *dirty;     /* VdRecord*, in the order they changed, refs */
  guint       timeout_id;
};

G_DEFINE_FINAL_TYPE (VdAutosaver, vd_autosaver, G_TYPE_OBJECT)

enum {
  SAVED,
  FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
on_timeout (gpointer data)
{
  VdAutosaver *self = data;
  g_autoptr(GError) error = NULL;

  self->timeout_id = 0;

  if (!vd_autosaver_flush (self, &error))
    g_signal_emit (self, signals[FAILED], 0, error);

  return G_SOURCE_REMOVE;
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

  /* Restart the wait: typing keeps pushing the write back by one delay,
   * never more than the delay after the last keystroke. */
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  self->timeout_id = g_timeout_add (self->delay_ms, on_timeout, self);
}

static void
on_notify (VdRecord    *record,
           GParamSpec  *pspec,
           VdAutosaver *self)
{
  /* Saving moves "updated" itself; "quote" follows "sections". */
  if (g_str_equal (pspec->name, "updated") || g_str_equal (pspec->name, "created") ||
      g_str_equal (pspec->name, "quote"))
    return;

  vd_autosaver_mark_dirty (self, record);
}

static void
vd_autosaver_dispose (GObject *object)
{
  VdAutosaver *self = VD_AUTOSAVER (object);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
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
  g_clear_pointer (&self->dirty, g_ptr_array_unref);

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
   */
  signals[SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);

  /**
   * VdAutosaver::failed:
   * @error: why the scheduled write failed; the records stay dirty
   *
   * Emitted for writes made from the timer, which has no caller to return
   * the error to. The UI shows it.
   */
  signals[FAILED] =
    g_signal_new ("failed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
vd_autosaver_init (VdAutosaver *self)
{
  self->watched = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
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

void
vd_autosaver_watch (VdAutosaver *self,
                    VdRecord    *record)
{
  g_return_if_fail (VD_IS_AUTOSAVER (self));
  g_return_if_fail (VD_IS_RECORD (record));

  if (g_hash_table_contains (self->watched, record))
    return;

  g_hash_table_add (self->watched, g_object_ref (record));
  g_signal_connect (record, "notify", G_CALLBACK (on_notify), self);
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
    g_signal_handlers_disconnect_by_func (record, on_notify, self);
  g_hash_table_remove_all (self->watched);
}

gboolean
vd_autosaver_is_pending (VdAutosaver *self)
{
  g_return_val_if_fail (VD_IS_AUTOSAVER (self), FALSE);

  return self->dirty->len > 0;
}

/**
 * vd_autosaver_flush:
 *
 * Writes every changed record now, in one transaction. A record the store
 * refuses (it breaks a rule) is left out, so it cannot hold back the others,
 * and its error is returned; its next change schedules it again. When the
 * write itself fails (the disk, the file), nothing is kept and every record
 * stays dirty for the next try.
 */
gboolean
vd_autosaver_flush (VdAutosaver  *self,
                    GError      **error)
{
  g_autoptr(GPtrArray) batch = NULL;
  g_autoptr(GError) refused = NULL;
  guint n_saved = 0;

  g_return_val_if_fail (VD_IS_AUTOSAVER (self), FALSE);

  g_clear_handle_id (&self->timeout_id, g_source_remove);

  if (self->dirty->len == 0)
    return TRUE;

  batch = g_steal_pointer (&self->dirty);
  self->dirty = g_ptr_array_new_with_free_func (g_object_unref);

  if (!vd_store_begin (self->store, error))
    goto failed;

  for (guint i = 0; i < batch->len; i++)
    {
      g_autoptr(GError) local_error = NULL;

      /* Inside the transaction each save is its own savepoint. */
      if (vd_store_save (self->store, g_ptr_array_index (batch, i), &local_error))
        n_saved++;
      else if (refused == NULL)
        refused = g_steal_pointer (&local_error);
    }

  if (!vd_store_commit (self->store, error))
    goto failed;

  if (n_saved > 0)
    g_signal_emit (self, signals[SAVED], 0, n_saved);

  if (refused != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&refused));
      return FALSE;
    }

  return TRUE;

failed:
  /* Keep them for the next try, ahead of anything changed since. */
  g_ptr_array_extend_and_steal (batch, g_steal_pointer (&self->dirty));
  self->dirty = g_steal_pointer (&batch);
  return FALSE;
}
