/* vd-syncer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the window's sync control shows, and the syncs behind it. Each sync
 * runs in a GTask's thread on a store connection of its own (SQLite lets
 * the window's connection go on writing meanwhile; vd_sync_run() merges
 * what was typed while it ran), so typing never waits for the network. The
 * state, the phase and the progress change only on the main context the
 * syncer was made in; the thread's progress is sent there.
 *
 * A repository that cannot be reached is a state (offline), not an error:
 * the syncer tries again on its next tick and when the network comes back.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "vd-sync.h"
#include "vd-syncer.h"

struct _VdSyncer
{
  GObject          parent_instance;

  VdStore         *store;        /* the window's: read on the main context only */
  char            *path;
  GMainContext    *context;
  VdSyncerState    state;
  char            *message;
  char            *detail;
  const char      *phase;
  double           progress;
  guint            n_conflicts;
  gint64           synced_at;
  gboolean         running;
  gboolean         again;
  guint            timer_id;
  GNetworkMonitor *monitor;
  GPtrArray       *holds;        /* GApplication*: released when the running sync ends */
};

G_DEFINE_FINAL_TYPE (VdSyncer, vd_syncer, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STATE,
  PROP_MESSAGE,
  PROP_PHASE,
  PROP_PROGRESS,
  PROP_N_CONFLICTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The words ---------------------------------------------------------------- */

static gboolean
says (const char *message,
      const char *const *needles)
{
  for (guint i = 0; needles[i] != NULL; i++)
    if (strstr (message, needles[i]) != NULL)
      return TRUE;
  return FALSE;
}

/**
 * vd_sync_describe_error:
 * @offline: (out) (optional): whether it is the network's fault, to try
 *   again later rather than to fix
 *
 * Returns: why a sync failed, in words a reviewer can act on
 */
char *
vd_sync_describe_error (const GError *error,
                        gboolean     *offline)
{
  static const char *const auth[] = { "Authentication failed", "Permission denied",
                                      "could not read Username", "could not read Password",
                                      "terminal prompts disabled", "Host key verification failed",
                                      "403", "401", NULL };
  static const char *const host[] = { "Could not resolve host", "Could not resolve hostname",
                                      "Name or service not known", NULL };
  static const char *const missing[] = { "does not appear to be a git repository",
                                         "not found", "No such file or directory",
                                         "does not exist", NULL };
  gboolean is_offline = FALSE;
  char *text;

  g_return_val_if_fail (error != NULL, NULL);

  if (g_error_matches (error, VD_SYNC_ERROR, VD_SYNC_ERROR_UNREACHABLE))
    {
      if (says (error->message, auth))
        text = g_strdup (_("The repository refused this desk's credentials (authentication "
                           "failed): check the ssh agent or git's credential helper"));
      else if (says (error->message, host))
        is_offline = TRUE, text = g_strdup (_("Offline: the repository's host is unknown or "
                                              "cannot be looked up"));
      else if (says (error->message, missing))
        is_offline = TRUE, text = g_strdup (_("Offline: there is no repository at that "
                                              "address"));
      else
        is_offline = TRUE, text = g_strdup (_("Offline: the repository cannot be reached"));
    }
  else if (g_error_matches (error, VD_SYNC_ERROR, VD_SYNC_ERROR_REFUSED))
    text = g_strdup (_("The server refused the changes (a hook or the permissions); they are "
                       "kept here"));
  else if (g_error_matches (error, VD_SYNC_ERROR, VD_SYNC_ERROR_IDENTITY))
    text = g_strdup (_("Say who this desk's changes are by: a name and e-mail in Preferences"));
  else if (g_error_matches (error, VD_SYNC_ERROR, VD_SYNC_ERROR_BUSY))
    text = g_strdup (_("The repository is locked by another git process; it is tried again "
                       "later"));
  else if (g_error_matches (error, VD_SYNC_ERROR, VD_SYNC_ERROR_RACE))
    text = g_strdup (_("Other desks kept sending first; it is tried again later"));
  else if (g_error_matches (error, VD_SYNC_ERROR, VD_SYNC_ERROR_FORMAT))
    text = g_strdup (_("The repository is not a desk's, or one from a newer version"));
  else if (g_error_matches (error, VD_SYNC_ERROR, VD_SYNC_ERROR_NOT_LINKED))
    text = g_strdup (_("No repository is linked: set one in Preferences"));
  else
    text = g_strdup (_("The sync failed on this computer; nothing was changed"));

  if (offline != NULL)
    *offline = is_offline;
  return text;
}

/* State -------------------------------------------------------------------- */

static void
set_state (VdSyncer      *self,
           VdSyncerState  state,
           const char    *message,
           const char    *detail)
{
  g_object_freeze_notify (G_OBJECT (self));
  if (g_strcmp0 (self->message, message) != 0)
    {
      g_free (self->message);
      self->message = g_strdup (message);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MESSAGE]);
    }
  g_free (self->detail);
  self->detail = g_strdup (detail);
  if (self->state != state)
    {
      self->state = state;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

static void
set_progress (VdSyncer   *self,
              const char *phase,
              double      progress)
{
  self->phase = phase;
  self->progress = progress;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PHASE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS]);
}

static void
count_conflicts (VdSyncer *self)
{
  g_autoptr(GPtrArray) conflicts = vd_store_list_conflicts (self->store, NULL, NULL);
  guint n = conflicts != NULL ? conflicts->len : self->n_conflicts;

  if (n != self->n_conflicts)
    {
      self->n_conflicts = n;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_CONFLICTS]);
    }
}

static gboolean
is_linked (VdSyncer *self)
{
  g_autofree char *remote = vd_sync_dup_remote (self->store);

  return remote != NULL;
}

/**
 * vd_syncer_update:
 *
 * Reads again whether the desk is linked and how many conflicts it holds
 * (after Preferences, or a conflict resolved).
 */
void
vd_syncer_update (VdSyncer *self)
{
  g_return_if_fail (VD_IS_SYNCER (self));

  count_conflicts (self);
  if (self->running)
    return;
  if (!is_linked (self))
    set_state (self, VD_SYNCER_UNLINKED, NULL, NULL);
  else if (self->state == VD_SYNCER_UNLINKED)
    set_state (self, VD_SYNCER_IDLE, NULL, NULL);
}

/* The sync, in its thread --------------------------------------------------- */

typedef struct
{
  VdSyncer   *self;
  const char *phase;
  double      fraction;
} Progress;

static gboolean
deliver_progress (gpointer data)
{
  Progress *progress = data;

  if (progress->self->running)
    set_progress (progress->self, progress->phase, progress->fraction);
  return G_SOURCE_REMOVE;
}

static void
progress_free (gpointer data)
{
  Progress *progress = data;

  g_object_unref (progress->self);
  g_free (progress);
}

static void
on_thread_progress (const char *phase,
                    double      fraction,
                    gpointer    data)
{
  VdSyncer *self = data;
  Progress *progress = g_new0 (Progress, 1);

  progress->self = g_object_ref (self);
  progress->phase = phase;
  progress->fraction = fraction;
  g_main_context_invoke_full (self->context, G_PRIORITY_DEFAULT, deliver_progress, progress,
                              progress_free);
}

typedef struct
{
  VdSyncResult result;
  GError      *error;
} Outcome;

static void
outcome_free (gpointer data)
{
  Outcome *outcome = data;

  vd_sync_result_clear (&outcome->result);
  g_clear_error (&outcome->error);
  g_free (outcome);
}

static void
sync_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  VdSyncer *self = source_object;
  Outcome *outcome = g_new0 (Outcome, 1);
  g_autoptr(VdStore) store = vd_store_new (task_data, &outcome->error);

  if (store != NULL)
    vd_sync_run_with_progress (store, NULL, on_thread_progress, self, &outcome->result,
                               &outcome->error);
  g_task_return_pointer (task, outcome, outcome_free);
}

static void start (VdSyncer *self);

static void
on_sync_done (GObject      *object,
              GAsyncResult *result,
              gpointer      data)
{
  VdSyncer *self = VD_SYNCER (object);
  Outcome *outcome = g_task_propagate_pointer (G_TASK (result), NULL);
  /* A closing window's hold waits for the sync that follows, if one does:
   * that one carries what was typed last. */
  g_autoptr(GPtrArray) holds = self->again ? NULL : g_steal_pointer (&self->holds);

  self->running = FALSE;
  count_conflicts (self);

  if (outcome->error == NULL)
    {
      self->synced_at = g_get_real_time ();
      set_progress (self, NULL, 1.0);
      set_state (self, VD_SYNCER_SYNCED, NULL, NULL);
    }
  else
    {
      gboolean offline;
      g_autofree char *words = vd_sync_describe_error (outcome->error, &offline);

      g_debug ("The sync failed: %s", outcome->error->message);
      set_progress (self, NULL, 0.0);
      set_state (self, offline ? VD_SYNCER_OFFLINE : VD_SYNCER_FAILED, words,
                 outcome->error->message);
    }

  g_signal_emit (self, signals[FINISHED], 0, outcome->result.received,
                 outcome->result.conflicts);
  outcome_free (outcome);

  if (self->again)
    {
      self->again = FALSE;
      start (self);
    }

  /* The applications a closing window held stay until this sync ends. */
  for (guint i = 0; holds != NULL && i < holds->len; i++)
    g_application_release (g_ptr_array_index (holds, i));
}

static void
start (VdSyncer *self)
{
  g_autoptr(GTask) task = NULL;

  if (!is_linked (self))
    {
      set_state (self, VD_SYNCER_UNLINKED, NULL, NULL);
      return;
    }

  self->running = TRUE;
  set_progress (self, N_("Reading the repository"), 0.0);
  set_state (self, VD_SYNCER_SYNCING, NULL, NULL);

  task = g_task_new (self, NULL, on_sync_done, NULL);
  g_task_set_source_tag (task, start);
  g_task_set_task_data (task, g_strdup (self->path), g_free);
  g_task_run_in_thread (task, sync_thread);
}

/**
 * vd_syncer_sync:
 *
 * Starts a sync in a thread, unless the desk is not linked. While one
 * runs, one more follows it, so an edit made meanwhile goes out too.
 */
void
vd_syncer_sync (VdSyncer *self)
{
  g_return_if_fail (VD_IS_SYNCER (self));

  if (self->running)
    self->again = TRUE;
  else
    start (self);
}

/**
 * vd_syncer_sync_and_release:
 *
 * The last sync of a closing window: @application is held until it ends,
 * so the process stays for it after the window has gone.
 */
void
vd_syncer_sync_and_release (VdSyncer     *self,
                            GApplication *application)
{
  g_return_if_fail (VD_IS_SYNCER (self));
  g_return_if_fail (G_IS_APPLICATION (application));

  if (!is_linked (self))
    return;

  vd_syncer_sync (self);
  if (self->holds == NULL)
    self->holds = g_ptr_array_new ();
  g_application_hold (application);
  g_ptr_array_add (self->holds, application);
}

/* When ------------------------------------------------------------------- */

static gboolean
on_tick (gpointer data)
{
  VdSyncer *self = data;

  if (g_network_monitor_get_network_available (self->monitor))
    vd_syncer_sync (self);
  return G_SOURCE_CONTINUE;
}

static void
on_network_changed (VdSyncer        *self,
                    gboolean         available,
                    GNetworkMonitor *monitor)
{
  /* Back online: do not wait for the next tick. */
  if (available && (self->state == VD_SYNCER_OFFLINE || self->state == VD_SYNCER_FAILED))
    vd_syncer_sync (self);
}

/**
 * vd_syncer_set_interval:
 * @seconds: 0 for never
 *
 * Syncs every @seconds while the network is up.
 */
void
vd_syncer_set_interval (VdSyncer *self,
                        guint     seconds)
{
  g_return_if_fail (VD_IS_SYNCER (self));

  g_clear_handle_id (&self->timer_id, g_source_remove);
  if (seconds > 0)
    self->timer_id = g_timeout_add_seconds (seconds, on_tick, self);
}

/* The object --------------------------------------------------------------- */

VdSyncer *
vd_syncer_new (VdStore *store)
{
  VdSyncer *self;

  g_return_val_if_fail (VD_IS_STORE (store), NULL);

  self = g_object_new (VD_TYPE_SYNCER, NULL);
  self->store = g_object_ref (store);
  self->path = g_strdup (vd_store_get_path (store));
  vd_syncer_update (self);
  return self;
}

VdSyncerState
vd_syncer_get_state (VdSyncer *self)
{
  g_return_val_if_fail (VD_IS_SYNCER (self), VD_SYNCER_UNLINKED);
  return self->state;
}

/**
 * vd_syncer_get_message:
 *
 * Returns: (nullable): why the last sync failed, in words
 */
const char *
vd_syncer_get_message (VdSyncer *self)
{
  g_return_val_if_fail (VD_IS_SYNCER (self), NULL);
  return self->message;
}

/**
 * vd_syncer_get_detail:
 *
 * Returns: (nullable): what git said, for a tooltip
 */
const char *
vd_syncer_get_detail (VdSyncer *self)
{
  g_return_val_if_fail (VD_IS_SYNCER (self), NULL);
  return self->detail;
}

/**
 * vd_syncer_get_phase:
 *
 * Returns: (nullable): what the running sync does, untranslated (N_())
 */
const char *
vd_syncer_get_phase (VdSyncer *self)
{
  g_return_val_if_fail (VD_IS_SYNCER (self), NULL);
  return self->phase;
}

double
vd_syncer_get_progress (VdSyncer *self)
{
  g_return_val_if_fail (VD_IS_SYNCER (self), 0.0);
  return self->progress;
}

guint
vd_syncer_get_n_conflicts (VdSyncer *self)
{
  g_return_val_if_fail (VD_IS_SYNCER (self), 0);
  return self->n_conflicts;
}

/**
 * vd_syncer_get_synced_at:
 *
 * Returns: when the last sync ended well (g_get_real_time()), or 0
 */
gint64
vd_syncer_get_synced_at (VdSyncer *self)
{
  g_return_val_if_fail (VD_IS_SYNCER (self), 0);
  return self->synced_at;
}

static void
vd_syncer_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  VdSyncer *self = VD_SYNCER (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_int (value, self->state);
      break;
    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;
    case PROP_PHASE:
      g_value_set_string (value, self->phase);
      break;
    case PROP_PROGRESS:
      g_value_set_double (value, self->progress);
      break;
    case PROP_N_CONFLICTS:
      g_value_set_uint (value, self->n_conflicts);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vd_syncer_dispose (GObject *object)
{
  VdSyncer *self = VD_SYNCER (object);

  g_clear_handle_id (&self->timer_id, g_source_remove);
  if (self->monitor != NULL)
    g_signal_handlers_disconnect_by_data (self->monitor, self);
  self->monitor = NULL;

  G_OBJECT_CLASS (vd_syncer_parent_class)->dispose (object);
}

static void
vd_syncer_finalize (GObject *object)
{
  VdSyncer *self = VD_SYNCER (object);

  g_clear_object (&self->store);
  g_free (self->path);
  g_free (self->message);
  g_free (self->detail);
  g_main_context_unref (self->context);

  G_OBJECT_CLASS (vd_syncer_parent_class)->finalize (object);
}

static void
vd_syncer_class_init (VdSyncerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = vd_syncer_get_property;
  object_class->dispose = vd_syncer_dispose;
  object_class->finalize = vd_syncer_finalize;

  properties[PROP_STATE] =
    g_param_spec_int ("state", NULL, NULL, VD_SYNCER_UNLINKED, VD_SYNCER_FAILED,
                      VD_SYNCER_UNLINKED, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PHASE] =
    g_param_spec_string ("phase", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROGRESS] =
    g_param_spec_double ("progress", NULL, NULL, 0.0, 1.0, 0.0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_CONFLICTS] =
    g_param_spec_uint ("n-conflicts", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * VdSyncer::finished:
   * @received: records the database took from the repository
   * @conflicts: new conflicts
   */
  signals[FINISHED] =
    g_signal_new ("finished",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);
}

static void
vd_syncer_init (VdSyncer *self)
{
  self->context = g_main_context_ref_thread_default ();
  self->monitor = g_network_monitor_get_default ();
  g_signal_connect_object (self->monitor, "network-changed", G_CALLBACK (on_network_changed),
                           self, G_CONNECT_SWAPPED);
}
