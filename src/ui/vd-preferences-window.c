/* vd-preferences-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every row writes GSettings directly; the desk follows the settings.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "vd-preferences-window.h"
#include "vd-speller.h"
#include "vd-sync.h"

struct _VdPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;

  AdwComboRow          *style_row;
  GtkSwitch            *preview_switch;
  AdwActionRow         *spell_row;
  GtkSwitch            *spell_switch;

  VdStore              *store;       /* the active window's, for the shared desk */
  VdSyncer             *syncer;
  GtkWidget            *sync_page;
  AdwEntryRow          *remote_row;
  AdwEntryRow          *name_row;
  AdwEntryRow          *email_row;
  GtkLabel             *sync_error_label;
};

G_DEFINE_FINAL_TYPE (VdPreferencesWindow, vd_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* In the order of the style row's items. */
static const char * const styles[] = { "default", "light", "dark" };

static void
on_style_selected (VdPreferencesWindow *self,
                   GParamSpec          *pspec,
                   AdwComboRow         *row)
{
  guint selected = adw_combo_row_get_selected (row);

  if (self->settings != NULL && selected < G_N_ELEMENTS (styles))
    g_settings_set_string (self->settings, "color-scheme", styles[selected]);
}

static void
show_sync_error (VdPreferencesWindow *self,
                 const GError        *error)
{
  /* Plain text: it holds what was typed. */
  if (error != NULL)
    gtk_label_set_text (self->sync_error_label, error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->sync_error_label), error != NULL);
}

static char *
dup_row_text (AdwEntryRow *row)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  return *text != '\0' ? g_steal_pointer (&text) : NULL;
}

static void
on_remote_apply (VdPreferencesWindow *self,
                 AdwEntryRow         *row)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *remote = dup_row_text (row);

  if (self->store == NULL)
    return;
  if (!vd_sync_set_remote (self->store, remote, &error))
    {
      show_sync_error (self, error);
      return;
    }
  show_sync_error (self, NULL);
  if (self->syncer != NULL)
    {
      vd_syncer_update (self->syncer);
      vd_syncer_sync (self->syncer);
    }
}

static void
on_identity_apply (VdPreferencesWindow *self,
                   AdwEntryRow         *row)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = dup_row_text (self->name_row);
  g_autofree char *email = dup_row_text (self->email_row);

  if (self->store == NULL)
    return;
  if (!vd_sync_set_author (self->store, row == self->name_row ? name : NULL,
                           row == self->email_row ? email : NULL, &error))
    {
      show_sync_error (self, error);
      return;
    }
  show_sync_error (self, NULL);
}

/**
 * vd_preferences_window_set_desk:
 * @store: (nullable): the active window's database
 * @syncer: (nullable): its syncs, told of a new repository
 *
 * Shows the shared desk's settings, which are the database's: the
 * repository and who its changes are by (git's user.name and user.email
 * until set).
 */
void
vd_preferences_window_set_desk (VdPreferencesWindow *self,
                                VdStore             *store,
                                VdSyncer            *syncer)
{
  g_autofree char *remote = NULL;
  g_autofree char *name = NULL;
  g_autofree char *email = NULL;

  g_return_if_fail (VD_IS_PREFERENCES_WINDOW (self));

  g_set_object (&self->store, store);
  g_set_object (&self->syncer, syncer);
  gtk_widget_set_visible (self->sync_page, store != NULL);
  if (store == NULL)
    return;

  remote = vd_sync_dup_remote (store);
  vd_sync_dup_author (store, &name, &email);
  gtk_editable_set_text (GTK_EDITABLE (self->remote_row), remote != NULL ? remote : "");
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), name != NULL ? name : "");
  gtk_editable_set_text (GTK_EDITABLE (self->email_row), email != NULL ? email : "");
}

static void
vd_preferences_window_dispose (GObject *object)
{
  VdPreferencesWindow *self = VD_PREFERENCES_WINDOW (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->store);
  g_clear_object (&self->syncer);

  G_OBJECT_CLASS (vd_preferences_window_parent_class)->dispose (object);
}

static void
vd_preferences_window_class_init (VdPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vd_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/verdictdesk/VerdictDesk/ui/vd-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, VdPreferencesWindow, style_row);
  gtk_widget_class_bind_template_child (widget_class, VdPreferencesWindow, preview_switch);
  gtk_widget_class_bind_template_child (widget_class, VdPreferencesWindow, spell_row);
  gtk_widget_class_bind_template_child (widget_class, VdPreferencesWindow, spell_switch);
  gtk_widget_class_bind_template_child (widget_class, VdPreferencesWindow, sync_page);
  gtk_widget_class_bind_template_child (widget_class, VdPreferencesWindow, remote_row);
  gtk_widget_class_bind_template_child (widget_class, VdPreferencesWindow, name_row);
  gtk_widget_class_bind_template_child (widget_class, VdPreferencesWindow, email_row);
  gtk_widget_class_bind_template_child (widget_class, VdPreferencesWindow, sync_error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_style_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_remote_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_identity_apply);
}

static void
vd_preferences_window_init (VdPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_visible (self->sync_page, FALSE);
}

GtkWidget *
vd_preferences_window_new (GSettings *settings)
{
  VdPreferencesWindow *self;
  g_autofree char *style = NULL;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (VD_TYPE_PREFERENCES_WINDOW, NULL);
  self->settings = g_object_ref (settings);

  style = g_settings_get_string (settings, "color-scheme");
  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    if (g_str_equal (style, styles[i]))
      adw_combo_row_set_selected (self->style_row, i);

  g_settings_bind (settings, "preview-visible", self->preview_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);

  /* Without a dictionary there is nothing to switch on: say why, and leave
   * the setting as it is for when one is installed. */
  if (vd_speller_has_dictionaries (vd_speller_get_default ()))
    g_settings_bind (settings, "spell-check", self->spell_switch, "active",
                     G_SETTINGS_BIND_DEFAULT);
  else
    {
      gtk_switch_set_active (self->spell_switch, FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->spell_row), FALSE);
      adw_action_row_set_subtitle (self->spell_row,
                                   _("No spelling dictionaries are installed. Install a "
                                     "Hunspell dictionary for your language, such as "
                                     "hunspell-en-us, and restart the desk."));
    }

  return GTK_WIDGET (self);
}
