/* vd-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <glib/gi18n.h>
#include <glib-unix.h>

#include "vd-application.h"
#include "vd-cli.h"
#include "vd-autosaver.h"
#include "vd-preferences-window.h"
#include "vd-store.h"
#include "vd-window.h"

struct _VdApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  gboolean        quit_after_first_frame;
  gulong          render_hook;
  guint           autosave_delay_ms;
  int             exit_status;
  guint           signal_sources[3];
};

G_DEFINE_FINAL_TYPE (VdApplication, vd_application, ADW_TYPE_APPLICATION)

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

/* The database to open without one on the command line: the one opened
 * last (if it is still there), else the default in the data folder. */
static char *
choose_database (VdApplication *self)
{
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *last = NULL;

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

/* One file, however it was named: a relative path, a symlink, "..". */
static char *
canonical_path (const char *path)
{
  g_autofree char *real = realpath (path, NULL);

  return real != NULL ? g_strdup (real) : g_canonicalize_filename (path, NULL);
}

static VdWindow *
find_window (VdApplication *self,
             const char    *path)
{
  g_autofree char *wanted = canonical_path (path);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      VdStore *store;
      g_autofree char *open = NULL;

      if (!VD_IS_WINDOW (l->data) || !(store = vd_window_get_store (l->data)))
        continue;

      open = canonical_path (vd_store_get_path (store));
      if (g_str_equal (open, wanted))
        return l->data;
    }

  return NULL;
}

/**
 * vd_application_open_database:
 *
 * Presents the window on @path, opening one if there is none: two windows
 * on one file would each hold their own copy of its records, and the staler
 * would write over the other. A database that cannot be opened gets a
 * window that says why, and is left as it was.
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

  if ((window = GTK_WINDOW (find_window (self, path))) != NULL)
    {
      gtk_window_present (window);
      return;
    }

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

  /* A timed start must be this process's own, never a message to a desk
   * that happens to be running. */
  if (quit)
    g_application_set_flags (G_APPLICATION (self),
                             g_application_get_flags (G_APPLICATION (self)) |
                             G_APPLICATION_NON_UNIQUE);
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

/* A second launch's --database arrives here, from its process or ours. */
static void
vd_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  VdApplication *self = VD_APPLICATION (app);

  if (self->quit_after_first_frame)
    watch_first_frame (self);

  for (int i = 0; i < n_files; i++)
    {
      g_autofree char *path = g_file_get_path (files[i]);

      if (path != NULL)
        vd_application_open_database (self, path);
      else
        g_printerr (_("verdict-desk: only databases on this computer can be opened\n"));
    }
}

/* Closing or destroying one window can take others with it (those
 * transient for it): hold each while going through them. */
static gpointer
ref_window (gconstpointer window,
            gpointer      user_data)
{
  return g_object_ref ((gpointer) window);
}

static GList *
list_windows (GtkApplication *app)
{
  return g_list_copy_deep (gtk_application_get_windows (app), ref_window, NULL);
}

/* SIGTERM, SIGINT, SIGHUP ------------------------------------------------- *
 * Logging out, `systemctl stop` and a closed terminal end the desk without
 * asking anyone. Save what every window holds; what cannot be saved goes to
 * a recovery file, named on stderr, and the exit status says so. Only when
 * even that fails does the desk stay open, so the text is not lost. */

static gboolean
on_quit_signal (gpointer user_data)
{
  VdApplication *self = user_data;
  g_autolist(GtkWindow) windows = list_windows (GTK_APPLICATION (self));
  gboolean kept = TRUE;

  for (GList *l = windows; l != NULL; l = l->next)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GError) recovery_error = NULL;
      g_autofree char *recovery = NULL;
      g_autofree char *name = NULL;

      if (!VD_IS_WINDOW (l->data) || vd_window_flush (l->data, &error))
        continue;

      name = g_path_get_basename (vd_store_get_path (vd_window_get_store (l->data)));
      if ((recovery = vd_window_write_recovery (l->data, error, &recovery_error)) != NULL)
        {
          g_printerr (_("verdict-desk: changes to %s could not be saved (%s); they are kept in %s\n"),
                      name, error->message, recovery);
          self->exit_status = 1;
        }
      else
        {
          g_printerr (_("verdict-desk: changes to %s could not be saved (%s) nor kept (%s); "
                        "the window stays open\n"),
                      name, error->message, recovery_error->message);
          kept = FALSE;
        }
    }

  if (!kept)
    {
      self->exit_status = 1;
      return G_SOURCE_CONTINUE;
    }

  /* Everything is stored or rescued: leave without asking again. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_destroy (GTK_WINDOW (l->data));
  g_application_quit (G_APPLICATION (self));
  return G_SOURCE_CONTINUE;
}

static void
vd_application_shutdown (GApplication *app)
{
  VdApplication *self = VD_APPLICATION (app);

  for (guint i = 0; i < G_N_ELEMENTS (self->signal_sources); i++)
    g_clear_handle_id (&self->signal_sources[i], g_source_remove);

  G_APPLICATION_CLASS (vd_application_parent_class)->shutdown (app);
}

static void
vd_application_finalize (GObject *object)
{
  VdApplication *self = VD_APPLICATION (object);

  g_clear_object (&self->settings);
  if (self->render_hook != 0)
    g_signal_remove_emission_hook (g_signal_lookup ("render", GDK_TYPE_SURFACE),
                                   self->render_hook);

  G_OBJECT_CLASS (vd_application_parent_class)->finalize (object);
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  g_autolist(GtkWindow) windows = list_windows (app);

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
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));

  /* The shared desk's settings are the active window's database's. */
  if (VD_IS_WINDOW (active) && vd_window_get_store (VD_WINDOW (active)) != NULL)
    vd_preferences_window_set_desk (VD_PREFERENCES_WINDOW (window),
                                    vd_window_get_store (VD_WINDOW (active)),
                                    vd_window_get_syncer (VD_WINDOW (active)));
  gtk_window_set_transient_for (GTK_WINDOW (window), active);
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

  static const int quit_signals[] = { SIGTERM, SIGINT, SIGHUP };

  G_APPLICATION_CLASS (vd_application_parent_class)->startup (app);

  for (guint i = 0; i < G_N_ELEMENTS (quit_signals); i++)
    self->signal_sources[i] = g_unix_signal_add (quit_signals[i], on_quit_signal, self);

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

  app_class->activate = vd_application_activate;
  app_class->open = vd_application_open;
  app_class->startup = vd_application_startup;
  app_class->shutdown = vd_application_shutdown;
}

static void
vd_application_init (VdApplication *self)
{
  self->autosave_delay_ms = VD_AUTOSAVER_DEFAULT_DELAY_MS;
}

/**
 * vd_application_new:
 *
 * One desk per user session: a second launch hands its database to the
 * running one (as a file to open, as GNOME Text Editor does) and exits.
 * Without a session bus GApplication runs each launch on its own.
 */
VdApplication *
vd_application_new (void)
{
  return g_object_new (VD_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/verdictdesk/VerdictDesk",
                       NULL);
}

/**
 * vd_application_get_exit_status:
 *
 * Returns: what the process should exit with once g_application_run()
 *   returns: non-zero when a signal ended it with changes that could only
 *   be kept in a recovery file
 */
int
vd_application_get_exit_status (VdApplication *self)
{
  g_return_val_if_fail (VD_IS_APPLICATION (self), 1);

  return self->exit_status;
}

/**
 * vd_application_set_autosave_delay:
 *
 * How long windows opened from now on wait after an edit before writing
 * it; tests make it long, to hold an edit pending.
 */
void
vd_application_set_autosave_delay (VdApplication *self,
                                   guint          delay_ms)
{
  g_return_if_fail (VD_IS_APPLICATION (self));

  self->autosave_delay_ms = delay_ms;
}

guint
vd_application_get_autosave_delay (VdApplication *self)
{
  g_return_val_if_fail (VD_IS_APPLICATION (self), VD_AUTOSAVER_DEFAULT_DELAY_MS);

  return self->autosave_delay_ms;
}
