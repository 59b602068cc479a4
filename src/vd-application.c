/* vd-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>

#include "vd-application.h"
#include "vd-cli.h"
#include "vd-preferences-window.h"
#include "vd-store.h"
#include "vd-window.h"

struct _VdApplication
{
  AdwApplication  parent_instance;

  char           *database_path;
  GSettings      *settings;
  gboolean        quit_after_first_frame;
  gulong          render_hook;
};

G_DEFINE_FINAL_TYPE (VdApplication, vd_application, ADW_TYPE_APPLICATION)

enum {
  PROP_0,
  PROP_DATABASE_PATH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/**
 * vd_application_new_settings:
 *
 * Returns: (transfer full) (nullable): the app's settings, or %NULL when the
 *   schema is not installed (running from a build tree without `meson
 *   devenv`): the desk then works, but does not remember its window.
 */
GSettings *
vd_application_new_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);

  if (schema == NULL)
    {
      g_debug ("GSettings schema %s is not installed; window state is not kept", APP_ID);
      return NULL;
    }

  return g_settings_new_full (schema, NULL, NULL);
}

/* The database to open: the one named on the command line, else the one
 * opened last (if it is still there), else the default in the data folder. */
static char *
choose_database (VdApplication *self)
{
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *last = NULL;

  if (self->database_path != NULL)
    return g_strdup (self->database_path);

  settings = vd_application_new_settings ();
  if (settings != NULL)
    last = g_settings_get_string (settings, "last-database");

  if (last != NULL && last[0] != '\0' && g_file_test (last, G_FILE_TEST_IS_REGULAR))
    return g_steal_pointer (&last);

  return vd_cli_default_database ();
}

static void
remember_database (const char *path)
{
  g_autoptr(GSettings) settings = vd_application_new_settings ();
  g_autofree char *absolute = g_canonicalize_filename (path, NULL);

  if (settings != NULL)
    g_settings_set_string (settings, "last-database", absolute);
}

/**
 * vd_application_open_database:
 *
 * Opens a window on @path; a database that cannot be opened gets a window
 * that says why, and is left as it was.
 */
void
vd_application_open_database (VdApplication *self,
                              const char    *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VdStore) store = NULL;
  g_autofree char *folder = g_path_get_dirname (path);
  GtkWindow *window;

  g_return_if_fail (VD_IS_APPLICATION (self));
  g_return_if_fail (path != NULL);

  if (g_mkdir_with_parents (folder, 0700) == 0)
    store = vd_store_new (path, &error);
  else
    g_set_error (&error, G_IO_ERROR, g_io_error_from_errno (errno),
                 _("Could not create the folder “%s”"), folder);

  if (store != NULL)
    remember_database (path);

  window = GTK_WINDOW (vd_window_new (self, store, error));
  gtk_window_present (window);
}

/* --quit-after-first-frame ---------------------------------------------- *
 * Start-up benchmarks time launch to the window's first painted frame. A
 * surface renders in the paint phase of its frame clock; once one of our
 * windows has, we quit at that frame's after-paint. GtkWindow's own "render"
 * handler stops the emission, so we watch it with an emission hook. */

static void
on_first_frame_painted (GdkFrameClock *clock,
                        VdApplication *self)
{
  g_signal_handlers_disconnect_by_func (clock, on_first_frame_painted, self);
  g_application_quit (G_APPLICATION (self));
}

static gboolean
on_surface_render (GSignalInvocationHint *hint,
                   guint                  n_params,
                   const GValue          *params,
                   gpointer               user_data)
{
  VdApplication *self = user_data;
  GdkSurface *surface = g_value_get_object (&params[0]);
  GtkNative *native = gtk_native_get_for_surface (surface);

  if (!GTK_IS_WINDOW (native) ||
      gtk_window_get_application (GTK_WINDOW (native)) != GTK_APPLICATION (self))
    return TRUE;   /* not ours: keep watching */

  g_signal_connect_object (gdk_surface_get_frame_clock (surface), "after-paint",
                           G_CALLBACK (on_first_frame_painted), self, 0);
  self->render_hook = 0;
  return FALSE;    /* removes the hook */
}

/**
 * vd_application_set_quit_after_first_frame:
 *
 * A testing aid: quit as soon as the first window has painted its first
 * frame. Call before g_application_run().
 */
void
vd_application_set_quit_after_first_frame (VdApplication *self,
                                           gboolean       quit)
{
  g_return_if_fail (VD_IS_APPLICATION (self));

  self->quit_after_first_frame = !!quit;
}

static void
watch_first_frame (VdApplication *self)
{
  /* No surface exists yet: make sure the class, and so its signal, does. */
  g_type_class_unref (g_type_class_ref (GDK_TYPE_SURFACE));

  if (self->render_hook == 0)
    self->render_hook = g_signal_add_emission_hook (g_signal_lookup ("render",
                                                                     GDK_TYPE_SURFACE),
                                                    0, on_surface_render, self, NULL);
}

static void
vd_application_activate (GApplication *app)
{
  VdApplication *self = VD_APPLICATION (app);
  g_autofree char *path = NULL;
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  if (self->quit_after_first_frame)
    watch_first_frame (self);

  path = choose_database (self);
  vd_application_open_database (self, path);
}

static void
vd_application_finalize (GObject *object)
{
  VdApplication *self = VD_APPLICATION (object);

  g_clear_pointer (&self->database_path, g_free);
  g_clear_object (&self->settings);
  if (self->render_hook != 0)
    g_signal_remove_emission_hook (g_signal_lookup ("render", GDK_TYPE_SURFACE),
                                   self->render_hook);

  G_OBJECT_CLASS (vd_application_parent_class)->finalize (object);
}

static void
vd_application_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  VdApplication *self = VD_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_DATABASE_PATH:
      g_value_set_string (value, self->database_path);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vd_application_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  VdApplication *self = VD_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_DATABASE_PATH:
      self->database_path = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (app));

  /* Closing, not just quitting: each window saves what is pending first,
   * and one that could not may stay open to say so. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  static const char *developers[] = { "The Verdict Desk editors", NULL };

  adw_show_about_window (gtk_application_get_active_window (app),
                         "application-name", _("Verdict Desk"),
                         "application-icon", APPLICATION_ID,
                         "developer-name", _("The Verdict Desk editors"),
                         "version", PACKAGE_VERSION,
                         "website", "https://verdictdesk.github.io/",
                         "issue-url", "https://github.com/verdictdesk/verdict-desk/issues",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "developers", developers,
                         "translator-credits", _("translator-credits"),
                         "comments", _("Write reviewer scorecards and publish AI tool "
                                       "comparisons."),
                         NULL);
}

static void
apply_color_scheme (GSettings  *settings,
                    const char *key,
                    gpointer    user_data)
{
  g_autofree char *scheme = g_settings_get_string (settings, "color-scheme");
  AdwColorScheme color_scheme = ADW_COLOR_SCHEME_DEFAULT;

  if (g_str_equal (scheme, "light"))
    color_scheme = ADW_COLOR_SCHEME_FORCE_LIGHT;
  else if (g_str_equal (scheme, "dark"))
    color_scheme = ADW_COLOR_SCHEME_FORCE_DARK;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), color_scheme);
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  VdApplication *self = VD_APPLICATION (user_data);
  GtkWidget *window = vd_preferences_window_new (self->settings);

  gtk_window_set_transient_for (GTK_WINDOW (window),
                                gtk_application_get_active_window (GTK_APPLICATION (self)));
  gtk_window_present (GTK_WINDOW (window));
}

static void
vd_application_startup (GApplication *app)
{
  VdApplication *self = VD_APPLICATION (app);
  static const GActionEntry actions[] = {
    { "quit", quit_activated },
    { "about", about_activated },
    { "preferences", preferences_activated },
  };
  static const struct {
    const char *action;
    const char *accels[3];
  } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "win.show-preview", { "<Control><Shift>p", NULL } },
    { "window.close", { "<Control>w", NULL } },
  };

  G_APPLICATION_CLASS (vd_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), actions, G_N_ELEMENTS (actions), app);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app), accels[i].action,
                                           accels[i].accels);

  self->settings = vd_application_new_settings ();
  if (self->settings != NULL)
    {
      g_signal_connect (self->settings, "changed::color-scheme",
                        G_CALLBACK (apply_color_scheme), NULL);
      apply_color_scheme (self->settings, "color-scheme", NULL);
    }
  else
    g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (app),
                                                                              "preferences")),
                                 FALSE);
}

static void
vd_application_class_init (VdApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = vd_application_finalize;
  object_class->get_property = vd_application_get_property;
  object_class->set_property = vd_application_set_property;

  app_class->activate = vd_application_activate;
  app_class->startup = vd_application_startup;

  properties[PROP_DATABASE_PATH] =
    g_param_spec_string ("database-path", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vd_application_init (VdApplication *self)
{
}

/**
 * vd_application_new:
 * @database_path: (nullable): the database to open; %NULL for the one opened
 *   last, or the default one
 */
VdApplication *
vd_application_new (const char *database_path)
{
  /* Each window owns one database file; a second launch with another
   * --database must not be folded into the first process. */
  return g_object_new (VD_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_NON_UNIQUE,
                       "database-path", database_path,
                       "resource-base-path", "/io/github/verdictdesk/VerdictDesk",
                       NULL);
}

const char *
vd_application_get_database_path (VdApplication *self)
{
  g_return_val_if_fail (VD_IS_APPLICATION (self), NULL);

  return self->database_path;
}
