/* vd-sync-button.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shows a VdSyncer's state in the header bar: Synced, Syncing (a spinner
 * and a bar that fills as the sync goes), Offline, Sync Failed, or the
 * number of conflicts left. Pressed, it syncs now (win.sync); with conflicts
 * left, it opens their list (win.review-conflicts). Why a sync failed is in
 * its tooltip and its accessible description, in words. Hidden while the
 * desk is linked to no repository.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "vd-sync-button.h"

struct _VdSyncButton
{
  GtkWidget       parent_instance;

  VdSyncer       *syncer;

  GtkWidget      *button;
  GtkSpinner     *spinner;
  GtkImage       *icon;
  GtkLabel       *label;
  GtkProgressBar *progress_bar;
};

G_DEFINE_FINAL_TYPE (VdSyncButton, vd_sync_button, GTK_TYPE_WIDGET)

static void
update (VdSyncButton *self)
{
  VdSyncerState state = self->syncer != NULL ? vd_syncer_get_state (self->syncer)
                                             : VD_SYNCER_UNLINKED;
  guint n_conflicts = self->syncer != NULL ? vd_syncer_get_n_conflicts (self->syncer) : 0;
  const char *message = self->syncer != NULL ? vd_syncer_get_message (self->syncer) : NULL;
  g_autofree char *label = NULL;
  g_autofree char *tooltip = NULL;
  const char *icon = "emblem-synchronizing-symbolic";
  const char *action = "win.sync";

  switch (state)
    {
    case VD_SYNCER_SYNCING:
      {
        const char *phase = vd_syncer_get_phase (self->syncer);

        label = g_strdup (_("Syncing…"));
        /* Translators: the step a sync is at, e.g. “Fetching”, and how far */
        tooltip = g_strdup_printf (_("%s (%d %%)"), phase != NULL ? _(phase) : _("Syncing"),
                                   (int) (vd_syncer_get_progress (self->syncer) * 100 + 0.5));
      }
      break;
    case VD_SYNCER_OFFLINE:
      icon = "network-offline-symbolic";
      label = g_strdup (_("Offline"));
      tooltip = g_strdup_printf (_("%s. Your changes are kept here and sent when the "
                                   "repository can be reached; press to try now."),
                                 message != NULL ? message : _("Offline"));
      break;
    case VD_SYNCER_FAILED:
      icon = "dialog-error-symbolic";
      label = g_strdup (_("Sync Failed"));
      tooltip = g_strdup_printf (_("%s. Press to try again."),
                                 message != NULL ? message : _("The sync failed"));
      break;
    case VD_SYNCER_SYNCED:
      {
        g_autoptr(GDateTime) when =
          g_date_time_new_from_unix_local (vd_syncer_get_synced_at (self->syncer) /
                                           G_USEC_PER_SEC);
        g_autofree char *time = g_date_time_format (when, "%H:%M");

        icon = "emblem-ok-symbolic";
        label = g_strdup (_("Synced"));
        /* Translators: %s is a time of day, e.g. “14:02” */
        tooltip = g_strdup_printf (_("Synced at %s. Press to sync now."), time);
      }
      break;
    case VD_SYNCER_IDLE:
    case VD_SYNCER_UNLINKED:
    default:
      label = g_strdup (_("Sync"));
      tooltip = g_strdup (_("Send this desk’s changes and receive the others’"));
      break;
    }

  if (state != VD_SYNCER_SYNCING && n_conflicts > 0)
    {
      g_free (label);
      g_free (tooltip);
      icon = "dialog-warning-symbolic";
      label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Conflict", "%u Conflicts",
                                            n_conflicts), n_conflicts);
      tooltip = g_strdup (_("Fields changed both here and on another desk: press to choose"));
      action = "win.review-conflicts";
    }

  gtk_widget_set_visible (GTK_WIDGET (self), state != VD_SYNCER_UNLINKED);
  gtk_spinner_set_spinning (self->spinner, state == VD_SYNCER_SYNCING);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), state == VD_SYNCER_SYNCING);
  gtk_widget_set_visible (GTK_WIDGET (self->icon), state != VD_SYNCER_SYNCING);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), state == VD_SYNCER_SYNCING);
  gtk_progress_bar_set_fraction (self->progress_bar,
                                 self->syncer != NULL ? vd_syncer_get_progress (self->syncer) : 0);
  gtk_image_set_from_icon_name (self->icon, icon);
  gtk_label_set_text (self->label, label);
  /* Tooltips are markup; the message may hold a file name or a URL. */
  gtk_widget_set_tooltip_text (self->button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, tooltip, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->button), action);
}

void
vd_sync_button_set_syncer (VdSyncButton *self,
                           VdSyncer     *syncer)
{
  g_return_if_fail (VD_IS_SYNC_BUTTON (self));
  g_return_if_fail (syncer == NULL || VD_IS_SYNCER (syncer));

  if (self->syncer != NULL)
    g_signal_handlers_disconnect_by_data (self->syncer, self);
  g_set_object (&self->syncer, syncer);
  if (syncer != NULL)
    g_signal_connect_object (syncer, "notify", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  update (self);
}

/**
 * vd_sync_button_set_compact:
 *
 * A compact button shows its icon alone (a narrow window's header has no
 * room for the words); its accessible name and tooltip still say the state.
 */
void
vd_sync_button_set_compact (VdSyncButton *self,
                            gboolean      compact)
{
  g_return_if_fail (VD_IS_SYNC_BUTTON (self));
  gtk_widget_set_visible (GTK_WIDGET (self->label), !compact);
}

/**
 * vd_sync_button_get_label:
 *
 * Returns: what the control says ("Synced", "Offline", "2 Conflicts")
 */
const char *
vd_sync_button_get_label (VdSyncButton *self)
{
  g_return_val_if_fail (VD_IS_SYNC_BUTTON (self), NULL);
  return gtk_label_get_text (self->label);
}

static void
vd_sync_button_dispose (GObject *object)
{
  VdSyncButton *self = VD_SYNC_BUTTON (object);

  if (self->syncer != NULL)
    g_signal_handlers_disconnect_by_data (self->syncer, self);
  g_clear_object (&self->syncer);
  gtk_widget_dispose_template (GTK_WIDGET (self), VD_TYPE_SYNC_BUTTON);

  G_OBJECT_CLASS (vd_sync_button_parent_class)->dispose (object);
}

static void
vd_sync_button_class_init (VdSyncButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vd_sync_button_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/verdictdesk/VerdictDesk/ui/vd-sync-button.ui");
  gtk_widget_class_bind_template_child (widget_class, VdSyncButton, button);
  gtk_widget_class_bind_template_child (widget_class, VdSyncButton, spinner);
  gtk_widget_class_bind_template_child (widget_class, VdSyncButton, icon);
  gtk_widget_class_bind_template_child (widget_class, VdSyncButton, label);
  gtk_widget_class_bind_template_child (widget_class, VdSyncButton, progress_bar);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
vd_sync_button_init (VdSyncButton *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update (self);
}
