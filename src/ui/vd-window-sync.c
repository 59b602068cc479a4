/* vd-window-sync.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window's shared desk: a VdSyncer on the window's database, shown by
 * the header bar's VdSyncButton. It syncs when the window opens, every few
 * minutes while the network is up, when asked (win.sync), and when the
 * window closes (the application stays until that sync ends). Each sync
 * runs in a thread on its own connection; what it took in reaches the open
 * records through the session's poll, which merges it with what is being
 * typed. Offline is a state of the button, never a dialog; a failure says
 * why in the button's tooltip and in a toast.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "vd-window-private.h"

/* Every five minutes while online: often enough that two desks seldom
 * edit the same field unseen, rare enough not to matter on a laptop. */
#define SYNC_INTERVAL_SECONDS (5 * 60)

static void
on_sync_finished (VdWindow *self,
                  guint     received,
                  guint     conflicts,
                  VdSyncer *syncer)
{
  g_autoptr(GError) error = NULL;

  if (self->session == NULL)
    return;

  /* Show now what came in, rather than at the next poll. */
  if (received > 0 && !vd_session_poll (self->session, &error))
    g_debug ("Taking in the sync: %s", error->message);
  if (conflicts > 0)
    vd_session_conflicts_changed (self->session, NULL);
  if (vd_syncer_get_state (syncer) == VD_SYNCER_SYNCED)
    {
      if (self->comparison_page != NULL && self->page != NULL)
        vd_comparison_page_reload_history (self->comparison_page);
      _vd_window_reload_tool_history (self);
    }

  if (vd_syncer_get_state (syncer) == VD_SYNCER_FAILED)
    {
      /* Translators: %s says why, e.g. “The server refused the changes” */
      g_autofree char *text = g_strdup_printf (_("Not synced: %s"),
                                               vd_syncer_get_message (syncer));

      _vd_window_toast (self, text);
    }
}

static void
on_conflicts_changed (VdWindow *self)
{
  vd_syncer_update (self->syncer);
}

/**
 * _vd_window_reload_tool_history:
 *
 * Reads the open tool's history again from the shared repository.
 */
void
_vd_window_reload_tool_history (VdWindow *self)
{
  VdTool *tool;

  /* Built on first use: no editor, no tool open. */
  if (self->tool_editor == NULL)
    return;
  tool = vd_tool_editor_get_tool (self->tool_editor);
  if (tool != NULL && self->session != NULL)
    vd_history_view_reload (vd_tool_editor_get_history_view (self->tool_editor),
                            vd_session_get_store (self->session),
                            vd_record_get_uuid (VD_RECORD (tool)));
}

/**
 * _vd_window_sync_now:
 *
 * Writes what is pending, then syncs.
 */
void
_vd_window_sync_now (VdWindow *self)
{
  if (self->syncer == NULL)
    return;
  if (self->session != NULL)
    vd_autosaver_flush (vd_session_get_autosaver (self->session), NULL);
  vd_syncer_sync (self->syncer);
}

static void
on_sync (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  _vd_window_sync_now (VD_WINDOW (widget));
}

void
_vd_window_sync_start (VdWindow *self)
{
  self->syncer = vd_syncer_new (self->store);
  vd_sync_button_set_syncer (self->sync_button, self->syncer);
  g_signal_connect_object (self->syncer, "finished", G_CALLBACK (on_sync_finished), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "conflicts-changed", G_CALLBACK (on_conflicts_changed),
                           self, G_CONNECT_SWAPPED);
  vd_syncer_set_interval (self->syncer, SYNC_INTERVAL_SECONDS);
  vd_syncer_sync (self->syncer);
}

/**
 * _vd_window_sync_close:
 *
 * The closing window's last sync; its application waits for it.
 */
void
_vd_window_sync_close (VdWindow *self)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

  if (self->syncer == NULL)
    return;
  vd_syncer_set_interval (self->syncer, 0);
  if (application != NULL)
    vd_syncer_sync_and_release (self->syncer, G_APPLICATION (application));
}

void
_vd_window_sync_dispose (VdWindow *self)
{
  if (self->syncer != NULL)
    {
      /* A running sync keeps it alive until it ends; no more ticks. */
      g_signal_handlers_disconnect_by_data (self->syncer, self);
      vd_syncer_set_interval (self->syncer, 0);
    }
  g_clear_object (&self->syncer);
}

/**
 * vd_window_get_syncer:
 *
 * Returns: (transfer none) (nullable): the window's syncs
 */
VdSyncer *
vd_window_get_syncer (VdWindow *self)
{
  g_return_val_if_fail (VD_IS_WINDOW (self), NULL);
  return self->syncer;
}

/**
 * vd_window_get_sync_button:
 *
 * Returns: (transfer none): the header bar's sync control
 */
VdSyncButton *
vd_window_get_sync_button (VdWindow *self)
{
  g_return_val_if_fail (VD_IS_WINDOW (self), NULL);
  return self->sync_button;
}

void
_vd_window_class_add_sync (GtkWidgetClass *widget_class)
{
  g_type_ensure (VD_TYPE_SYNC_BUTTON);
  gtk_widget_class_bind_template_child (widget_class, VdWindow, sync_button);
  gtk_widget_class_install_action (widget_class, "win.sync", NULL, on_sync);
}
