/* bare-window.c — the floor for the start-up and memory benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The least a libadwaita app does before the user sees it: an AdwApplication
 * opens one AdwApplicationWindow (a header bar and an empty status page, the
 * desk's own default size) and quits right after that window's first painted
 * frame, exactly as `verdict-desk --quit-after-first-frame` does. bench-gui
 * times both from spawn to exit and reads their peak RSS, so what remains is
 * the cost of the desk itself.
 */
#include <adwaita.h>

static gboolean
on_surface_render (GSignalInvocationHint *hint,
                   guint                  n_params,
                   const GValue          *params,
                   gpointer               user_data)
{
  GApplication *app = user_data;
  GdkSurface *surface = g_value_get_object (&params[0]);
  GtkNative *native = gtk_native_get_for_surface (surface);

  if (!GTK_IS_WINDOW (native))
    return TRUE;

  g_signal_connect_swapped (gdk_surface_get_frame_clock (surface), "after-paint",
                            G_CALLBACK (g_application_quit), app);
  return FALSE;
}

static void
on_activate (GApplication *app)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *status = adw_status_page_new ();

  g_type_class_unref (g_type_class_ref (GDK_TYPE_SURFACE));
  g_signal_add_emission_hook (g_signal_lookup ("render", GDK_TYPE_SURFACE), 0,
                              on_surface_render, app, NULL);

  gtk_widget_set_vexpand (status, TRUE);
  adw_status_page_set_title (ADW_STATUS_PAGE (status), "Bare Window");
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), status);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = adw_application_new ("io.github.verdictdesk.BareWindow",
                                                       G_APPLICATION_NON_UNIQUE);

  g_signal_connect (app, "activate", G_CALLBACK (on_activate), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
