/* vd-render.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Lays out the comparison's preview in a window of the published page's
 * width and saves what it paints. The preview is the same widget the desk
 * shows, so the image is what the editors see; the command line's
 * --render-preview and the window's Save Preview as Image both come here,
 * so the two give the same picture.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "vd-export.h"
#include "vd-page.h"
#include "vd-preview.h"
#include "vd-render.h"

/* The published page's column. */
#define RENDER_WIDTH 1000

typedef struct
{
  GtkWidget     *window;
  GtkWidget     *preview;
  GdkFrameClock *clock;
  gulong         paint_handler;
  guint          save_idle;
} RenderJob;

static void
render_job_free (gpointer data)
{
  RenderJob *job = data;

  g_clear_signal_handler (&job->paint_handler, job->clock);
  g_clear_handle_id (&job->save_idle, g_source_remove);
  g_clear_object (&job->clock);
  if (job->window != NULL)
    gtk_window_destroy (GTK_WINDOW (job->window));
  g_free (job);
}

/* What GTK last painted, once it has painted the page: the preview's image
 * is made from its last render node. */
static gboolean
save_painted (gpointer data)
{
  GTask *task = data;
  RenderJob *job = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  GBytes *png;

  job->save_idle = 0;
  if (g_task_return_error_if_cancelled (task))
    goto done;

  if (!(png = vd_preview_render_png (VD_PREVIEW (job->preview), &error)))
    {
      /* Laid out but not drawn yet: the next frame will be. */
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PENDING))
        {
          gtk_widget_queue_draw (job->preview);
          return G_SOURCE_REMOVE;
        }
      g_task_return_error (task, g_steal_pointer (&error));
      goto done;
    }

  g_task_return_pointer (task, png, (GDestroyNotify) g_bytes_unref);

done:
  g_clear_signal_handler (&job->paint_handler, job->clock);
  g_object_unref (task);
  return G_SOURCE_REMOVE;
}

static void
on_after_paint (GdkFrameClock *clock,
                GTask         *task)
{
  RenderJob *job = g_task_get_task_data (task);

  if (job->save_idle == 0)
    job->save_idle = g_idle_add (save_painted, task);
}

static void
on_preview_mapped (GtkWidget *preview,
                   GTask     *task)
{
  RenderJob *job = g_task_get_task_data (task);

  if (job->clock != NULL)
    return;

  job->clock = g_object_ref (gtk_widget_get_frame_clock (preview));
  job->paint_handler = g_signal_connect (job->clock, "after-paint",
                                         G_CALLBACK (on_after_paint), task);
  gtk_widget_queue_draw (preview);
}

static gboolean
refuse_close (GtkWindow *window)
{
  return TRUE;
}

/**
 * vd_render_page_async:
 * @parent: (nullable): the window the render's own window belongs to
 *
 * Renders @page's preview at the published page's width, whole, as a PNG:
 * in a window of its own, shown for as long as it takes to draw once.
 */
void
vd_render_page_async (VdPage              *page,
                      GtkWindow           *parent,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  GTask *task;
  RenderJob *job;

  g_return_if_fail (VD_IS_PAGE (page));
  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, vd_render_page_async);
  job = g_new0 (RenderJob, 1);
  g_task_set_task_data (task, job, render_job_free);

  job->preview = vd_preview_new ();
  vd_preview_set_page (VD_PREVIEW (job->preview), vd_page_get_comparison (page),
                       vd_page_get_tool (page, 0), vd_page_get_tool (page, 1),
                       vd_page_get_reviewers (page), vd_page_get_scorecards (page));
  /* Nothing in the picture takes the focus: a focused label would show
   * its text selected. */
  gtk_widget_set_can_focus (job->preview, FALSE);

  job->window = gtk_window_new ();
  gtk_window_set_title (GTK_WINDOW (job->window), _("Verdict Desk Preview"));
  gtk_window_set_default_size (GTK_WINDOW (job->window), RENDER_WIDTH, 800);
  if (parent != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (job->window), parent);
  gtk_window_set_child (GTK_WINDOW (job->window), job->preview);
  /* It goes by itself once drawn; closed earlier, the task would never end. */
  g_signal_connect (job->window, "close-request", G_CALLBACK (refuse_close), NULL);
  /* The task holds itself until it returns (in save_painted()). */
  g_signal_connect (job->preview, "map", G_CALLBACK (on_preview_mapped), task);
  gtk_window_present (GTK_WINDOW (job->window));
}

/**
 * vd_render_page_finish:
 *
 * Returns: (transfer full): the PNG file's bytes, or %NULL with @error set
 */
GBytes *
vd_render_page_finish (GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
on_rendered (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

int
vd_render_preview (VdCliOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VdStore) store = NULL;
  g_autoptr(VdSession) session = NULL;
  g_autoptr(VdComparison) comparison = NULL;
  g_autoptr(VdPage) page = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GFile) file = NULL;

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

  vd_render_page_async (page, NULL, NULL, on_rendered, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  file = g_file_new_for_commandline_arg (options->render_preview);
  if (!(png = vd_render_page_finish (result, &error)) ||
      !vd_export_bytes_to_file (png, file, NULL, &error))
    return vd_cli_fail (error);

  g_print (_("Rendered the preview of “%s” to %s\n"), options->comparison, options->render_preview);
  return 0;
}
