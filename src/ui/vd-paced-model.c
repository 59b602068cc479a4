/* vd-paced-model.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GListModel that shows what another model holds, but brings a large
 * change in a few rows at a time between frames. GTK 4.8's list view builds
 * a new row widget for every item that enters its window of about 200 rows
 * and destroys one for every item that leaves it; a search that changes most
 * of a list would do all of that in one main-loop iteration and hold up the
 * next frame for tens of milliseconds. Here each items-changed adds or
 * removes at most "batch" rows, and an idle spends a few milliseconds on
 * them between frames.
 *
 * A row that stays is never removed: the change is worked out as a walk
 * over the rows shown and the rows wanted, so its widget stays put. Both
 * lists are usually in the same order (a filter over one list); when they
 * are not, an item that moved is removed and added again, so what is shown
 * is always a list of the upstream's items and ends up equal to it.
 *
 * While a change is under way, what is shown is the new rows before the
 * walk's position followed by the old rows after it. A change of at most
 * "batch" rows to a settled list is shown before items-changed returns, as
 * with any model; a larger one starts in the next idle, so the keystroke
 * that caused it returns at once.
 */
#include "config.h"

#include "vd-paced-model.h"

/* What an idle may spend before it lets a frame be drawn. */
#define STEP_BUDGET_USEC 6000

struct _VdPacedModel
{
  GObject     parent_instance;

  GListModel *model;
  guint       batch;
  guint       idle_id;

  /* The upstream's items, in its order: where the walk is going. */
  GPtrArray  *mirror;

  /* What is shown: done, then old from old_pos on. */
  GPtrArray  *done;
  GPtrArray  *old;
  guint       old_pos;

  /* The part of old and mirror the walk still has to go over; past the
   * ends, the two are equal. */
  guint       old_end;
  guint       mirror_pos;
  guint       mirror_end;
  GHashTable *wanted;     /* mirror[mirror_pos..mirror_end) */
  GHashTable *remaining;  /* old[old_pos..old_end) */
};

static void vd_paced_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (VdPacedModel, vd_paced_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      vd_paced_model_list_model_init))

enum {
  PROP_0,
  PROP_MODEL,
  PROP_BATCH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* GListModel -------------------------------------------------------------- */

static GType
vd_paced_model_get_item_type (GListModel *list)
{
  return g_list_model_get_item_type (VD_PACED_MODEL (list)->model);
}

static guint
vd_paced_model_get_n_items (GListModel *list)
{
  VdPacedModel *self = VD_PACED_MODEL (list);

  return self->done->len + self->old->len - self->old_pos;
}

static gpointer
vd_paced_model_get_item (GListModel *list,
                         guint       position)
{
  VdPacedModel *self = VD_PACED_MODEL (list);

  if (position < self->done->len)
    return g_object_ref (g_ptr_array_index (self->done, position));

  position = position - self->done->len + self->old_pos;
  if (position < self->old->len)
    return g_object_ref (g_ptr_array_index (self->old, position));

  return NULL;
}

static void
vd_paced_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = vd_paced_model_get_item_type;
  iface->get_n_items = vd_paced_model_get_n_items;
  iface->get_item = vd_paced_model_get_item;
}

/* The walk ---------------------------------------------------------------- */

static void
append_ref (GPtrArray *array,
            gpointer   item)
{
  g_ptr_array_add (array, g_object_ref (item));
}

static gboolean
is_settled (VdPacedModel *self)
{
  return self->old_pos == self->old->len && self->mirror_pos == self->mirror->len;
}

/* Brings in at most @batch added or removed rows with one items-changed.
 * Returns whether what is shown is now the upstream's list. */
static gboolean
step (VdPacedModel *self,
      guint         batch)
{
  GPtrArray *old = self->old;
  GPtrArray *mirror = self->mirror;
  guint position, removed = 0, added = 0, changed = 0;

  /* Rows that stay before the next change move over unannounced. */
  while (self->old_pos < self->old_end && self->mirror_pos < self->mirror_end &&
         old->pdata[self->old_pos] == mirror->pdata[self->mirror_pos])
    {
      g_hash_table_remove (self->remaining, old->pdata[self->old_pos]);
      append_ref (self->done, mirror->pdata[self->mirror_pos]);
      self->old_pos++;
      self->mirror_pos++;
    }

  position = self->done->len;
  while (changed < batch && (self->old_pos < self->old_end || self->mirror_pos < self->mirror_end))
    {
      gpointer shown = self->old_pos < self->old_end ? old->pdata[self->old_pos] : NULL;
      gpointer wanted = self->mirror_pos < self->mirror_end ? mirror->pdata[self->mirror_pos] : NULL;

      if (shown != NULL && shown == wanted)
        {
          /* Removed and added in the same items-changed: the view keeps its row. */
          g_hash_table_remove (self->remaining, shown);
          append_ref (self->done, wanted);
          self->old_pos++;
          self->mirror_pos++;
          removed++;
          added++;
        }
      else if (shown != NULL &&
               (wanted == NULL || !g_hash_table_contains (self->wanted, shown) ||
                g_hash_table_contains (self->remaining, wanted)))
        {
          /* Gone, or (lists in different orders) wanted later on. */
          g_hash_table_remove (self->remaining, shown);
          self->old_pos++;
          removed++;
          changed++;
        }
      else
        {
          append_ref (self->done, wanted);
          self->mirror_pos++;
          added++;
          changed++;
        }
    }

  if (self->old_pos == self->old_end && self->mirror_pos == self->mirror_end)
    {
      /* The rest is the same in both. */
      for (guint i = self->old_end; i < old->len; i++)
        append_ref (self->done, old->pdata[i]);
      g_ptr_array_set_size (old, 0);
      self->old_pos = 0;
      self->mirror_pos = mirror->len;
      self->old_end = 0;
      g_hash_table_remove_all (self->wanted);
      g_hash_table_remove_all (self->remaining);
    }

  if (removed > 0 || added > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);

  return is_settled (self);
}

static gboolean
step_in_idle (gpointer data)
{
  VdPacedModel *self = data;
  gint64 start = g_get_monotonic_time ();

  while (!step (self, self->batch))
    if (g_get_monotonic_time () - start >= STEP_BUDGET_USEC)
      return G_SOURCE_CONTINUE;

  self->idle_id = 0;
  return G_SOURCE_REMOVE;
}

/* Starts a walk from what is shown now to the mirror. */
static void
restart (VdPacedModel *self)
{
  g_autoptr(GPtrArray) shown = g_ptr_array_new_full (vd_paced_model_get_n_items (G_LIST_MODEL (self)),
                                                     g_object_unref);
  guint prefix = 0, suffix = 0;

  for (guint i = 0; i < self->done->len; i++)
    append_ref (shown, self->done->pdata[i]);
  for (guint i = self->old_pos; i < self->old->len; i++)
    append_ref (shown, self->old->pdata[i]);

  g_ptr_array_set_size (self->done, 0);
  g_ptr_array_unref (self->old);
  self->old = g_steal_pointer (&shown);
  self->old_pos = 0;
  self->mirror_pos = 0;

  /* Only the part between a common start and a common end is walked. */
  while (prefix < self->old->len && prefix < self->mirror->len &&
         self->old->pdata[prefix] == self->mirror->pdata[prefix])
    prefix++;
  while (suffix < self->old->len - prefix && suffix < self->mirror->len - prefix &&
         self->old->pdata[self->old->len - 1 - suffix] ==
         self->mirror->pdata[self->mirror->len - 1 - suffix])
    suffix++;
  self->old_end = self->old->len - suffix;
  self->mirror_end = self->mirror->len - suffix;

  g_hash_table_remove_all (self->wanted);
  g_hash_table_remove_all (self->remaining);
  for (guint i = prefix; i < self->mirror_end; i++)
    g_hash_table_add (self->wanted, self->mirror->pdata[i]);
  for (guint i = prefix; i < self->old_end; i++)
    g_hash_table_add (self->remaining, self->old->pdata[i]);
}

static void
on_items_changed (VdPacedModel *self,
                  guint         position,
                  guint         removed,
                  guint         added,
                  GListModel   *model)
{
  guint n = self->mirror->len - removed + added;
  g_autoptr(GPtrArray) mirror = g_ptr_array_new_full (n, g_object_unref);
  /* From a settled list, a change of at most a batch is shown at once; a
   * larger one, or one on top of a change under way, from the next idle. */
  gboolean small = is_settled (self) && removed + added <= self->batch;

  /* Built anew rather than spliced: one pass, whatever the change's shape. */
  for (guint i = 0; i < position; i++)
    append_ref (mirror, self->mirror->pdata[i]);
  for (guint i = 0; i < added; i++)
    g_ptr_array_add (mirror, g_list_model_get_item (model, position + i));
  for (guint i = position + removed; i < self->mirror->len; i++)
    append_ref (mirror, self->mirror->pdata[i]);

  g_ptr_array_unref (self->mirror);
  self->mirror = g_steal_pointer (&mirror);

  restart (self);
  if (small && step (self, self->batch))
    g_clear_handle_id (&self->idle_id, g_source_remove);
  else if (self->idle_id == 0)
    self->idle_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, step_in_idle, self, NULL);
}

/* GObject ----------------------------------------------------------------- */

static void
vd_paced_model_constructed (GObject *object)
{
  VdPacedModel *self = VD_PACED_MODEL (object);
  guint n = g_list_model_get_n_items (self->model);

  G_OBJECT_CLASS (vd_paced_model_parent_class)->constructed (object);

  /* Shown as it is from the start. */
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (self->done, g_list_model_get_item (self->model, i));
  for (guint i = 0; i < n; i++)
    append_ref (self->mirror, self->done->pdata[i]);
  self->mirror_pos = n;

  g_signal_connect_object (self->model, "items-changed", G_CALLBACK (on_items_changed), self,
                           G_CONNECT_SWAPPED);
}

static void
vd_paced_model_dispose (GObject *object)
{
  VdPacedModel *self = VD_PACED_MODEL (object);

  g_clear_handle_id (&self->idle_id, g_source_remove);
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (vd_paced_model_parent_class)->dispose (object);
}

static void
vd_paced_model_finalize (GObject *object)
{
  VdPacedModel *self = VD_PACED_MODEL (object);

  g_ptr_array_unref (self->mirror);
  g_ptr_array_unref (self->done);
  g_ptr_array_unref (self->old);
  g_hash_table_unref (self->wanted);
  g_hash_table_unref (self->remaining);

  G_OBJECT_CLASS (vd_paced_model_parent_class)->finalize (object);
}

static void
vd_paced_model_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  VdPacedModel *self = VD_PACED_MODEL (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;
    case PROP_BATCH:
      g_value_set_uint (value, self->batch);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vd_paced_model_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  VdPacedModel *self = VD_PACED_MODEL (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      self->model = g_value_dup_object (value);
      break;
    case PROP_BATCH:
      vd_paced_model_set_batch (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vd_paced_model_class_init (VdPacedModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = vd_paced_model_constructed;
  object_class->dispose = vd_paced_model_dispose;
  object_class->finalize = vd_paced_model_finalize;
  object_class->get_property = vd_paced_model_get_property;
  object_class->set_property = vd_paced_model_set_property;

  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BATCH] =
    g_param_spec_uint ("batch", NULL, NULL, 1, G_MAXUINT, VD_PACED_MODEL_DEFAULT_BATCH,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vd_paced_model_init (VdPacedModel *self)
{
  self->batch = VD_PACED_MODEL_DEFAULT_BATCH;
  self->mirror = g_ptr_array_new_with_free_func (g_object_unref);
  self->done = g_ptr_array_new_with_free_func (g_object_unref);
  self->old = g_ptr_array_new_with_free_func (g_object_unref);
  self->wanted = g_hash_table_new (NULL, NULL);
  self->remaining = g_hash_table_new (NULL, NULL);
}

/* API --------------------------------------------------------------------- */

/**
 * vd_paced_model_new:
 * @model: (transfer none): the model to follow
 */
VdPacedModel *
vd_paced_model_new (GListModel *model)
{
  g_return_val_if_fail (G_IS_LIST_MODEL (model), NULL);

  return g_object_new (VD_TYPE_PACED_MODEL, "model", model, NULL);
}

/**
 * vd_paced_model_get_model:
 *
 * Returns: (transfer none): the model followed
 */
GListModel *
vd_paced_model_get_model (VdPacedModel *self)
{
  g_return_val_if_fail (VD_IS_PACED_MODEL (self), NULL);

  return self->model;
}

guint
vd_paced_model_get_batch (VdPacedModel *self)
{
  g_return_val_if_fail (VD_IS_PACED_MODEL (self), 0);

  return self->batch;
}

/**
 * vd_paced_model_set_batch:
 * @batch: rows added or removed per items-changed, at least 1
 */
void
vd_paced_model_set_batch (VdPacedModel *self,
                          guint         batch)
{
  g_return_if_fail (VD_IS_PACED_MODEL (self));
  g_return_if_fail (batch > 0);

  if (self->batch == batch)
    return;

  self->batch = batch;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BATCH]);
}

/**
 * vd_paced_model_is_settled:
 *
 * Returns: whether @self shows what its model holds, with no change under way
 */
gboolean
vd_paced_model_is_settled (VdPacedModel *self)
{
  g_return_val_if_fail (VD_IS_PACED_MODEL (self), FALSE);

  return is_settled (self);
}

/**
 * vd_paced_model_settle:
 *
 * Brings in what is left of a change at once, with one items-changed: for
 * a caller that must find a row by its item now.
 */
void
vd_paced_model_settle (VdPacedModel *self)
{
  g_return_if_fail (VD_IS_PACED_MODEL (self));

  if (is_settled (self))
    return;

  g_clear_handle_id (&self->idle_id, g_source_remove);
  step (self, G_MAXUINT);
}
