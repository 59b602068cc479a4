/* vd-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The desk's window. For now it says which database is open and what it
 * holds, or why it could not be opened; the editing desk builds on it.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "vd-window.h"

struct _VdWindow
{
  AdwApplicationWindow  parent_instance;

  VdStore              *store;
  GSettings            *settings;

  AdwStatusPage        *status_page;
};

G_DEFINE_FINAL_TYPE (VdWindow, vd_window, ADW_TYPE_APPLICATION_WINDOW)

static guint
count (VdStore *store,
       GType    type)
{
  g_autoptr(GListStore) list = vd_store_list (store, type, NULL);

  return list != NULL ? g_list_model_get_n_items (G_LIST_MODEL (list)) : 0;
}

static void
show_summary (VdWindow *self)
{
  g_autofree char *basename = g_path_get_basename (vd_store_get_path (self->store));
  guint n_comparisons = count (self->store, VD_TYPE_COMPARISON);
  guint n_tools = count (self->store, VD_TYPE_TOOL);
  guint n_reviewers = count (self->store, VD_TYPE_REVIEWER);
  g_autofree char *comparisons = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u comparison",
                                                               "%u comparisons", n_comparisons),
                                                  n_comparisons);
  g_autofree char *tools = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u tool", "%u tools",
                                                         n_tools), n_tools);
  g_autofree char *reviewers = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u reviewer",
                                                             "%u reviewers", n_reviewers),
                                                n_reviewers);
  g_autofree char *description = NULL;

  /* The status page's description is markup; the file name is the user's. */
  description = g_markup_printf_escaped (_("%s holds %s, %s and %s."),
                                         basename, comparisons, tools, reviewers);
  adw_status_page_set_description (self->status_page, description);
}

static void
show_error (VdWindow     *self,
            const GError *error)
{
  g_autofree char *description = g_markup_escape_text (error->message, -1);

  adw_status_page_set_icon_name (self->status_page, "dialog-error-symbolic");
  adw_status_page_set_title (self->status_page, _("The Database Could Not Be Opened"));
  adw_status_page_set_description (self->status_page, description);
}

/* Window state lives in GSettings: read when the window is built, written
 * when it is unmapped, as GNOME Calendar does. */
static void
restore_state (VdWindow *self)
{
  int width, height;

  if (self->settings == NULL)
    return;

  width = g_settings_get_int (self->settings, "window-width");
  height = g_settings_get_int (self->settings, "window-height");
  gtk_window_set_default_size (GTK_WINDOW (self), MAX (width, 360), MAX (height, 300));

  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static void
save_state (VdWindow *self)
{
  int width, height;

  if (self->settings == NULL)
    return;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);

  g_settings_delay (self->settings);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  /* A maximized window's size is the screen's; keep the size to restore to. */
  if (!gtk_window_is_maximized (GTK_WINDOW (self)) && width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_apply (self->settings);
}

static void
vd_window_unmap (GtkWidget *widget)
{
  save_state (VD_WINDOW (widget));

  GTK_WIDGET_CLASS (vd_window_parent_class)->unmap (widget);
}

static void
vd_window_constructed (GObject *object)
{
  VdWindow *self = VD_WINDOW (object);

  G_OBJECT_CLASS (vd_window_parent_class)->constructed (object);

  self->settings = vd_application_new_settings ();
  restore_state (self);
}

static void
vd_window_dispose (GObject *object)
{
  VdWindow *self = VD_WINDOW (object);

  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (vd_window_parent_class)->dispose (object);
}

static void
vd_window_class_init (VdWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = vd_window_constructed;
  object_class->dispose = vd_window_dispose;
  widget_class->unmap = vd_window_unmap;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/verdictdesk/VerdictDesk/ui/vd-window.ui");
  gtk_widget_class_bind_template_child (widget_class, VdWindow, status_page);
}

static void
vd_window_init (VdWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * vd_window_new:
 * @application: (nullable): %NULL only in tests, which need no session bus
 * @store: (nullable): the open database
 * @open_error: (nullable): why there is no @store, shown in the window
 */
VdWindow *
vd_window_new (VdApplication *application,
               VdStore       *store,
               const GError  *open_error)
{
  VdWindow *self;

  g_return_val_if_fail (application == NULL || VD_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (store != NULL || open_error != NULL, NULL);

  self = g_object_new (VD_TYPE_WINDOW, "application", application, NULL);
  if (store != NULL)
    {
      self->store = g_object_ref (store);
      show_summary (self);
    }
  else
    show_error (self, open_error);

  return self;
}

VdStore *
vd_window_get_store (VdWindow *self)
{
  g_return_val_if_fail (VD_IS_WINDOW (self), NULL);

  return self->store;
}
