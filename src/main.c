/* main.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "vd-application.h"
#include "vd-cli.h"
#include "vd-render.h"

int
main (int   argc,
      char *argv[])
{
  g_auto(VdCliOptions) options = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(VdApplication) app = NULL;
  g_autofree char *database = NULL;
  char *app_argv[] = { argv[0], NULL, NULL };
  int status;
  const char *localedir = g_getenv ("VERDICT_DESK_LOCALEDIR");

  setlocale (LC_ALL, "");
  /* Running from the build tree (meson devenv, the tests), the catalogues are
   * there rather than installed. */
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* The data switches run here, before GTK starts, so they need no display. */
  if (!vd_cli_parse (&options, &argc, &argv, &error))
    {
      g_printerr ("verdict-desk: %s\n", error->message);
      g_printerr (_("Run “verdict-desk --help” to see the options.\n"));
      return 2;
    }

  if (vd_cli_is_headless (&options))
    return vd_cli_run (&options);

  if (options.render_preview != NULL)
    return vd_render_preview (&options);

  /* The database travels as a file to open, so a desk already running opens
   * it; made absolute here, where the relative name means something, and so
   * that GApplication never reads it as an option. */
  if (options.database != NULL)
    app_argv[1] = database = g_canonicalize_filename (options.database, NULL);

  app = vd_application_new ();
  if (options.quit_after_first_frame)
    vd_application_set_quit_after_first_frame (app, TRUE);
  status = g_application_run (G_APPLICATION (app), database != NULL ? 2 : 1, app_argv);
  return status != 0 ? status : vd_application_get_exit_status (app);
}
