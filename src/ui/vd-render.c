/* vd-render.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Lays out the comparison's preview in a window of the published page's
 * width and saves what it paints. The preview is the same widget the desk
 * shows, so the image is what the editors see.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "vd-page.h"
#include "vd-preview.h"
#include "vd-render.h"

/* The published page's column. */
#define RENDER_WIDTH 1000

static void
on_after_paint (gboolean *painted)
{
  *painted = TRUE;
}

static void
wait_for_frame (GtkWidget *widget)
{
  gboolean painted = FALSE;
  GdkFrameClock *clock;
  gulong handler;

  while (!gtk_widget_get_mapped (widget))
    g_main_context_iteration (NULL, TRUE);

  /* vd_preview_save_png() copies what GTK last painted: wait for a paint. */
  clock = gtk_widget_get_frame_clock (widget);
  handler = g_signal_connect_swapped (clock, "after-paint", G_CALLBACK (on_after_paint), &painted);
  gtk_widget_queue_draw (widget);
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, handler);
}

int
vd_render_preview (VdCliOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VdStore) store = NULL;
  g_autoptr(VdSession) session = NULL;
  g_autoptr(VdComparison) comparison = NULL;
  g_autoptr(VdPage) page = NULL;
  GtkWidget *window;
  GtkWidget *preview;
  gboolean ok;

  g_return_val_if_fail (options->render_preview != NULL && options->comparison != NULL, 2);

  if (!gtk_init_check ())
    {
      g_printerr (_("verdict-desk: --render-preview needs a display, like the window\n"));
      return 1;
    }
  adw_init ();

  if (!(store = vd_cli_open_existing (options->database, &error)))
    return vd_cli_fail (error);

  /* Nothing is edited here; the session only shares the page's records. */
  session = vd_session_new (store, VD_AUTOSAVER_DEFAULT_DELAY_MS);
  if (!(comparison = vd_store_load_comparison_by_slug (store, options->comparison, &error)))
    return vd_cli_fail (error);
  vd_session_adopt (session, VD_RECORD (comparison));
  if (!(page = vd_page_new (session, comparison, &error)))
    return vd_cli_fail (error);

  preview = vd_preview_new ();
  vd_preview_set_page (VD_PREVIEW (preview), comparison,
                       vd_page_get_tool (page, 0), vd_page_get_tool (page, 1),
                       vd_page_get_reviewers (page), vd_page_get_scorecards (page));

  window = gtk_window_new ();
  gtk_window_set_title (GTK_WINDOW (window), _("Verdict Desk Preview"));
  gtk_window_set_default_size (GTK_WINDOW (window), RENDER_WIDTH, 800);
  gtk_window_set_child (GTK_WINDOW (window), preview);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_frame (preview);

  ok = vd_preview_save_png (VD_PREVIEW (preview), options->render_preview, &error);
  gtk_window_destroy (GTK_WINDOW (window));

  if (!ok)
    return vd_cli_fail (error);

  g_print (_("Rendered the preview of “%s” to %s\n"), options->comparison, options->render_preview);
  return 0;
}
