/* vd-session.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every view of a window shows the same object for the same record: the tool
 * editor, the comparison form and the preview all hold one VdTool, so an
 * edit in one shows in the others at once. The session hands those objects
 * out, keeps them, and has the autosaver follow each of them.
 */
#include "config.h"

#include "vd-session.h"

struct _VdSession
{
  GObject      parent_instance;

  VdStore     *store;
  VdAutosaver *autosaver;
  GHashTable  *records;   /* uuid (owned by the record) → VdRecord (ref) */
};

G_DEFINE_FINAL_TYPE (VdSession, vd_session, G_TYPE_OBJECT)

static void
vd_session_dispose (GObject *object)
{
  VdSession *self = VD_SESSION (object);

  if (self->autosaver != NULL)
    vd_autosaver_unwatch_all (self->autosaver);
  g_clear_pointer (&self->records, g_hash_table_unref);
  g_clear_object (&self->autosaver);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (vd_session_parent_class)->dispose (object);
}

static void
vd_session_class_init (VdSessionClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = vd_session_dispose;
}

static void
vd_session_init (VdSession *self)
{
  self->records = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
}

VdSession *
vd_session_new (VdStore *store,
                guint    autosave_delay_ms)
{
  VdSession *self;

  g_return_val_if_fail (VD_IS_STORE (store), NULL);

  self = g_object_new (VD_TYPE_SESSION, NULL);
  self->store = g_object_ref (store);
  self->autosaver = vd_autosaver_new (store, autosave_delay_ms);
  return self;
}

VdStore *
vd_session_get_store (VdSession *self)
{
  g_return_val_if_fail (VD_IS_SESSION (self), NULL);
  return self->store;
}

VdAutosaver *
vd_session_get_autosaver (VdSession *self)
{
  g_return_val_if_fail (VD_IS_SESSION (self), NULL);
  return self->autosaver;
}

/**
 * vd_session_adopt:
 *
 * Makes @record the session's object for its uuid (unless it has one
 * already) and has the autosaver follow it.
 */
void
vd_session_adopt (VdSession *self,
                  VdRecord  *record)
{
  g_return_if_fail (VD_IS_SESSION (self));
  g_return_if_fail (VD_IS_RECORD (record));

  if (g_hash_table_contains (self->records, vd_record_get_uuid (record)))
    return;

  g_hash_table_insert (self->records, (gpointer) vd_record_get_uuid (record),
                       g_object_ref (record));
  vd_autosaver_watch (self->autosaver, record);
}

/**
 * vd_session_lookup:
 *
 * Returns: (transfer full) (type VdRecord): the session's object for @uuid,
 *   loaded from the store the first time
 */
gpointer
vd_session_lookup (VdSession   *self,
                   GType        type,
                   const char  *uuid,
                   GError     **error)
{
  VdRecord *record;

  g_return_val_if_fail (VD_IS_SESSION (self), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  record = g_hash_table_lookup (self->records, uuid);
  if (record != NULL)
    {
      g_return_val_if_fail (G_TYPE_CHECK_INSTANCE_TYPE (record, type), NULL);
      return g_object_ref (record);
    }

  if (!(record = vd_store_load (self->store, type, uuid, error)))
    return NULL;

  vd_session_adopt (self, record);
  return record;
}

/**
 * vd_session_create:
 *
 * Saves a new @record at once (so it shows in the lists) and adopts it.
 */
gboolean
vd_session_create (VdSession  *self,
                   VdRecord   *record,
                   GError    **error)
{
  g_return_val_if_fail (VD_IS_SESSION (self), FALSE);
  g_return_val_if_fail (VD_IS_RECORD (record), FALSE);

  if (!vd_store_save (self->store, record, error))
    return FALSE;

  vd_session_adopt (self, record);
  return TRUE;
}

/**
 * vd_session_delete:
 *
 * Deletes @record from the store (which may refuse, see vd_store_delete())
 * and forgets it.
 */
gboolean
vd_session_delete (VdSession  *self,
                   VdRecord   *record,
                   GError    **error)
{
  g_autoptr(GError) flush_error = NULL;

  g_return_val_if_fail (VD_IS_SESSION (self), FALSE);
  g_return_val_if_fail (VD_IS_RECORD (record), FALSE);

  /* Pending edits of other records go first; this one's are moot. If they
   * cannot be written, say so where the window listens for save failures:
   * the deletion itself does not depend on them. */
  vd_autosaver_unwatch (self->autosaver, record);
  if (!vd_autosaver_flush (self->autosaver, &flush_error))
    g_signal_emit_by_name (self->autosaver, "failed", flush_error);

  if (!vd_store_delete (self->store, record, error))
    {
      vd_autosaver_watch (self->autosaver, record);
      return FALSE;
    }

  /* A comparison took its scorecards with it. */
  if (VD_IS_COMPARISON (record))
    {
      GHashTableIter iter;
      gpointer value;

      g_hash_table_iter_init (&iter, self->records);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        if (VD_IS_SCORECARD (value) &&
            g_strcmp0 (vd_scorecard_get_comparison (value), vd_record_get_uuid (record)) == 0)
          {
            vd_autosaver_unwatch (self->autosaver, value);
            g_hash_table_iter_remove (&iter);
          }
    }

  g_hash_table_remove (self->records, vd_record_get_uuid (record));
  return TRUE;
}

/**
 * vd_session_list_scorecards:
 *
 * Returns: (transfer full): @comparison's stored scorecards, as the
 *   session's objects, in page order
 */
GListStore *
vd_session_list_scorecards (VdSession     *self,
                            VdComparison  *comparison,
                            GError       **error)
{
  g_autoptr(GListStore) loaded = NULL;
  GListStore *shared;
  guint n;

  g_return_val_if_fail (VD_IS_SESSION (self), NULL);

  if (!(loaded = vd_store_list_scorecards (self->store, comparison, error)))
    return NULL;

  shared = g_list_store_new (VD_TYPE_SCORECARD);
  n = g_list_model_get_n_items (G_LIST_MODEL (loaded));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VdRecord) fresh = g_list_model_get_item (G_LIST_MODEL (loaded), i);
      VdRecord *known = g_hash_table_lookup (self->records, vd_record_get_uuid (fresh));

      if (known == NULL)
        {
          vd_session_adopt (self, fresh);
          known = fresh;
        }
      g_list_store_append (shared, known);
    }

  return shared;
}
