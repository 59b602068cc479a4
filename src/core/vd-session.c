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

#include "vd-error.h"
#include "vd-session.h"

struct _VdSession
{
  GObject      parent_instance;

  VdStore     *store;
  VdAutosaver *autosaver;
  GHashTable  *records;   /* uuid (owned by the record) → VdRecord (ref) */
  guint        poll_id;
};

/* How often the session looks whether another writer committed: a cheap
 * PRAGMA when nobody did. */
#define POLL_INTERVAL_MS 1000

G_DEFINE_FINAL_TYPE (VdSession, vd_session, G_TYPE_OBJECT)

enum {
  CONFLICTS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
vd_session_dispose (GObject *object)
{
  VdSession *self = VD_SESSION (object);

  g_clear_handle_id (&self->poll_id, g_source_remove);
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

  /**
   * VdSession::conflicts-changed:
   * @uuid: the record whose unresolved conflicts changed
   *
   * A save met another writer's different change of the same field, or a
   * conflict was resolved.
   */
  signals[CONFLICTS_CHANGED] =
    g_signal_new ("conflicts-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
on_conflict (VdAutosaver *autosaver,
             VdRecord    *record,
             VdConflict  *conflict,
             VdSession   *self)
{
  g_signal_emit (self, signals[CONFLICTS_CHANGED], 0, conflict->uuid);
}

/**
 * vd_session_conflicts_changed:
 * @uuid: (nullable): the record, or %NULL for any
 *
 * Says that another writer (the shared desk's sync) added or removed
 * conflicts, so the views show them.
 */
void
vd_session_conflicts_changed (VdSession  *self,
                              const char *uuid)
{
  g_return_if_fail (VD_IS_SESSION (self));

  g_signal_emit (self, signals[CONFLICTS_CHANGED], 0, uuid);
}

static void
vd_session_init (VdSession *self)
{
  self->records = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
}

static gboolean
on_poll (gpointer data)
{
  VdSession *self = data;
  g_autoptr(GError) error = NULL;

  /* Not in the middle of a write (a flush runs its own transaction). */
  if (!vd_session_poll (self, &error))
    g_debug ("Looking for other writers: %s", error->message);

  return G_SOURCE_CONTINUE;
}

static void
refresh (VdSession *self,
         VdRecord  *record)
{
  g_autoptr(GError) error = NULL;

  if (vd_autosaver_refresh (self->autosaver, record, &error))
    return;

  /* Deleted elsewhere: an open record without pending edits goes; one with
   * edits stays, and its next save brings it back (an edit wins over a
   * delete). */
  if (g_error_matches (error, VD_STORE_ERROR, VD_STORE_ERROR_NOT_FOUND))
    {
      if (!vd_autosaver_is_dirty (self->autosaver, record))
        {
          vd_autosaver_unwatch (self->autosaver, record);
          g_hash_table_remove (self->records, vd_record_get_uuid (record));
        }
      return;
    }

  g_debug ("Could not re-read %s: %s", vd_record_get_uuid (record), error->message);
}

/**
 * vd_session_poll:
 *
 * Takes in what other writers committed since the last look: every open
 * record they changed is re-read (merged with this desk's pending edits),
 * so the views, which follow the records, show it. The session does this
 * by itself every second from the main loop; tests call it directly.
 * Fails with %VD_STORE_ERROR_DETACHED when the file is gone.
 */
gboolean
vd_session_poll (VdSession  *self,
                 GError    **error)
{
  g_autoptr(GPtrArray) changes = NULL;

  g_return_val_if_fail (VD_IS_SESSION (self), FALSE);

  if (!vd_store_poll (self->store, &changes, error))
    return FALSE;
  if (changes == NULL)
    return TRUE;

  for (guint i = 0; i < changes->len; i++)
    {
      VdStoreChange *change = g_ptr_array_index (changes, i);
      VdRecord *record;

      if (change->type == G_TYPE_NONE)
        {
          /* Something changed without saying what: re-read everything open. */
          GList *open = g_hash_table_get_values (self->records);

          g_list_foreach (open, (GFunc) (void (*) (void)) g_object_ref, NULL);
          for (GList *l = open; l != NULL; l = l->next)
            refresh (self, l->data);
          g_list_free_full (open, g_object_unref);
          break;
        }

      if ((record = g_hash_table_lookup (self->records, change->uuid)))
        {
          g_autoptr(VdRecord) keep = g_object_ref (record);

          refresh (self, keep);
        }
    }

  return TRUE;
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
  g_signal_connect_object (self->autosaver, "conflict", G_CALLBACK (on_conflict), self, 0);
  self->poll_id = g_timeout_add (POLL_INTERVAL_MS, on_poll, self);
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
 * vd_session_list_conflicts:
 * @uuid: (nullable): one record's, or %NULL for all
 *
 * Returns: (transfer full) (element-type VdConflict): what is unresolved
 */
GPtrArray *
vd_session_list_conflicts (VdSession   *self,
                           const char  *uuid,
                           GError     **error)
{
  g_return_val_if_fail (VD_IS_SESSION (self), NULL);

  return vd_store_list_conflicts (self->store, uuid, error);
}

static GType
type_for_kind (const char *kind)
{
  GType types[] = { VD_TYPE_TOOL, VD_TYPE_REVIEWER, VD_TYPE_COMPARISON, VD_TYPE_SCORECARD };

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      g_autoptr(GTypeClass) klass = g_type_class_ref (types[i]);

      if (g_strcmp0 (vd_record_class_get_table (VD_RECORD_CLASS (klass)), kind) == 0)
        return types[i];
    }
  return G_TYPE_INVALID;
}

/**
 * vd_session_resolve_conflict:
 * @value: (nullable): the value to keep (mine, or an edit of both);
 *   %NULL keeps theirs, which is in place already
 *
 * Resolves @conflict: a value is set on the record as an ordinary edit,
 * which the autosaver writes (and the shared desk sends); the conflict is
 * then forgotten.
 */
gboolean
vd_session_resolve_conflict (VdSession   *self,
                             VdConflict  *conflict,
                             GVariant    *value,
                             GError     **error)
{
  g_autoptr(VdConflict) resolved = NULL;

  g_return_val_if_fail (VD_IS_SESSION (self), FALSE);
  g_return_val_if_fail (conflict != NULL, FALSE);

  /* The signal handlers may free the caller's copy. */
  resolved = vd_conflict_copy (conflict);

  if (value != NULL)
    {
      g_autoptr(VdRecord) record = NULL;
      g_auto(GVariantBuilder) builder = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE_VARDICT);
      g_autofree char *property = NULL;
      g_autoptr(GVariant) change = NULL;
      GType type = type_for_kind (resolved->kind);
      int item;

      if (type == G_TYPE_INVALID ||
          !(record = vd_session_lookup (self, type, resolved->uuid, error)))
        return FALSE;

      property = vd_conflict_dup_property (resolved, &item);
      if (item >= 0)
        {
          g_auto(GStrv) items = NULL;
          g_autoptr(GStrvBuilder) list = g_strv_builder_new ();

          g_object_get (record, property, &items, NULL);
          for (int i = 0; items != NULL && items[i] != NULL; i++)
            g_strv_builder_add (list, i == item ? g_variant_get_string (value, NULL) : items[i]);
          for (int i = items != NULL ? (int) g_strv_length (items) : 0; i <= item; i++)
            g_strv_builder_add (list, i == item ? g_variant_get_string (value, NULL) : "");
          g_strfreev (items);
          items = g_strv_builder_end (list);
          g_variant_builder_add (&builder, "{sv}", property,
                                 g_variant_new_strv ((const char * const *) items, -1));
        }
      else
        g_variant_builder_add (&builder, "{sv}", property, value);

      change = g_variant_ref_sink (g_variant_builder_end (&builder));
      vd_merge_apply (record, change);
    }

  if (!vd_store_remove_conflict (self->store, resolved->id, error))
    return FALSE;

  g_signal_emit (self, signals[CONFLICTS_CHANGED], 0, resolved->uuid);
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

/* Prompts ---------------------------------------------------------------- */

/* After the store rewrote @reviewer and its scorecards itself: the open
 * ones take in what it wrote (nothing of theirs was pending: it flushed). */
static void
refresh_reviewer (VdSession  *self,
                  VdReviewer *reviewer)
{
  const char *uuid = vd_record_get_uuid (VD_RECORD (reviewer));
  g_autoptr(GPtrArray) open = g_ptr_array_new_with_free_func (g_object_unref);
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->records);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if ((VD_IS_SCORECARD (value) && g_str_equal (vd_scorecard_get_reviewer (value), uuid)) ||
        value == (gpointer) reviewer)
      g_ptr_array_add (open, g_object_ref (value));

  /* The prompts first, so that a form rebuilds its sections before their
   * texts arrive. */
  refresh (self, VD_RECORD (reviewer));
  for (guint i = 0; i < open->len; i++)
    if (open->pdata[i] != (gpointer) reviewer)
      refresh (self, open->pdata[i]);
}

/**
 * vd_session_count_prompt_text:
 * @n_scorecards: (out): how many of @reviewer's scorecards, in every
 *   comparison, have text under prompt @index, pending edits included
 */
gboolean
vd_session_count_prompt_text (VdSession   *self,
                              VdReviewer  *reviewer,
                              guint        index,
                              guint       *n_scorecards,
                              GError     **error)
{
  g_return_val_if_fail (VD_IS_SESSION (self), FALSE);
  g_return_val_if_fail (VD_IS_REVIEWER (reviewer), FALSE);

  return vd_autosaver_flush (self->autosaver, error) &&
         vd_store_count_prompt_text (self->store, vd_record_get_uuid (VD_RECORD (reviewer)),
                                     index, n_scorecards, error);
}

/**
 * vd_session_remove_prompt:
 *
 * Removes @reviewer's prompt @index with vd_store_remove_prompt(), after
 * writing what is pending; the open records follow.
 *
 * Returns: the removal, for vd_session_restore_prompt(); 0 on failure, when
 *   nothing changed
 */
gint64
vd_session_remove_prompt (VdSession   *self,
                          VdReviewer  *reviewer,
                          guint        index,
                          GError     **error)
{
  gint64 removal;

  g_return_val_if_fail (VD_IS_SESSION (self), 0);
  g_return_val_if_fail (VD_IS_REVIEWER (reviewer), 0);

  if (!vd_autosaver_flush (self->autosaver, error) ||
      !(removal = vd_store_remove_prompt (self->store, vd_record_get_uuid (VD_RECORD (reviewer)),
                                          index, error)))
    return 0;

  refresh_reviewer (self, reviewer);
  return removal;
}

/**
 * vd_session_restore_prompt:
 *
 * Undoes vd_session_remove_prompt() with vd_store_restore_prompt().
 */
gboolean
vd_session_restore_prompt (VdSession   *self,
                           VdReviewer  *reviewer,
                           guint        index,
                           const char  *prompt,
                           gint64       removal,
                           GError     **error)
{
  g_return_val_if_fail (VD_IS_SESSION (self), FALSE);
  g_return_val_if_fail (VD_IS_REVIEWER (reviewer), FALSE);

  if (!vd_autosaver_flush (self->autosaver, error) ||
      !vd_store_restore_prompt (self->store, vd_record_get_uuid (VD_RECORD (reviewer)),
                                index, prompt, removal, error))
    return FALSE;

  refresh_reviewer (self, reviewer);
  return TRUE;
}

/**
 * vd_session_set_aside_past_prompts:
 *
 * After @reviewer's prompts became fewer (another persona): writes what is
 * pending, then vd_store_set_aside_past_prompts().
 */
gboolean
vd_session_set_aside_past_prompts (VdSession          *self,
                                   VdReviewer         *reviewer,
                                   const char * const *old_prompts,
                                   guint              *n_scorecards,
                                   GError            **error)
{
  g_return_val_if_fail (VD_IS_SESSION (self), FALSE);
  g_return_val_if_fail (VD_IS_REVIEWER (reviewer), FALSE);

  if (!vd_autosaver_flush (self->autosaver, error) ||
      !vd_store_set_aside_past_prompts (self->store, vd_record_get_uuid (VD_RECORD (reviewer)),
                                        old_prompts, n_scorecards, error))
    return FALSE;

  refresh_reviewer (self, reviewer);
  return TRUE;
}

/**
 * vd_session_take_back_prompt_text:
 * @n_scorecards: (out) (optional): how many scorecards got text back
 *
 * After @reviewer's prompts changed: a prompt typed again brings back the
 * text set aside under it (vd_store_take_back_prompt_text()). Costs a few
 * indexed reads when there is none, so it can follow every keystroke.
 */
gboolean
vd_session_take_back_prompt_text (VdSession   *self,
                                  VdReviewer  *reviewer,
                                  guint       *n_scorecards,
                                  GError     **error)
{
  const char *uuid;
  const char * const *prompts;
  guint n = 0;

  g_return_val_if_fail (VD_IS_SESSION (self), FALSE);
  g_return_val_if_fail (VD_IS_REVIEWER (reviewer), FALSE);

  if (n_scorecards != NULL)
    *n_scorecards = 0;

  uuid = vd_record_get_uuid (VD_RECORD (reviewer));
  prompts = vd_reviewer_get_prompts (reviewer);
  if (!vd_store_has_set_aside_text (self->store, uuid, prompts))
    return TRUE;

  if (!vd_autosaver_flush (self->autosaver, error) ||
      !vd_store_take_back_prompt_text (self->store, uuid, prompts, &n, error))
    return FALSE;

  if (n > 0)
    refresh_reviewer (self, reviewer);
  if (n_scorecards != NULL)
    *n_scorecards = n;
  return TRUE;
}
