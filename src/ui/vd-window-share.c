/* vd-window-share.c — Save Preview as Image: a draft to show someone outside the desk
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The image is the one `verdict-desk --render-preview` writes (vd-render.c
 * draws both), of the page as the window holds it, pending edits included.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "vd-export.h"
#include "vd-render.h"
#include "vd-window-private.h"

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  GFile *file = task_data;
  g_autoptr(GBytes) png = g_object_steal_data (G_OBJECT (task), "png");
  g_autoptr(GError) error = NULL;

  if (!vd_export_bytes_to_file (png, file, cancellable, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_page_rendered (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  GBytes *png = vd_render_page_finish (result, &error);

  if (png == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* Written off the main loop, whole or not at all. */
  g_object_set_data_full (G_OBJECT (task), "png", png, (GDestroyNotify) g_bytes_unref);
  g_task_run_in_thread (task, write_thread);
}

/**
 * vd_window_save_preview_image_async:
 * @file: where the PNG goes; a file there is replaced only by a whole image
 *
 * Saves the open comparison's preview as a PNG, the same picture as
 * `verdict-desk --render-preview`.
 */
void
vd_window_save_preview_image_async (VdWindow            *self,
                                    GFile               *file,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (VD_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, vd_window_save_preview_image_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);

  if (self->page == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                               _("Open a comparison to save its preview"));
      return;
    }

  vd_render_page_async (self->page, GTK_WINDOW (self), cancellable, on_page_rendered,
                        g_steal_pointer (&task));
}

gboolean
vd_window_save_preview_image_finish (VdWindow      *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
on_image_saved (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  VdWindow *self = VD_WINDOW (object);
  g_autoptr(GFile) file = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *text = NULL;

  if (!vd_window_save_preview_image_finish (self, result, &error))
    {
      _vd_window_toast_error (self, _("The image was not saved"), error);
      return;
    }

  text = g_strdup_printf (_("Saved the preview as “%s”"), name);
  _vd_window_toast (self, text);
}

static void
on_image_file_chosen (VdWindow *self,
                      GFile    *file,
                      gpointer  data)
{
  vd_window_save_preview_image_async (self, file, NULL, on_image_saved, g_object_ref (file));
}

static void
save_preview_image (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  VdWindow *self = VD_WINDOW (widget);
  g_autofree char *name = NULL;

  if (!VD_IS_COMPARISON (self->current))
    return;

  /* The page's own name, as the website would call it. */
  name = g_strconcat (vd_comparison_get_slug (VD_COMPARISON (self->current)), ".png", NULL);
  _vd_window_choose_save_file (self, _("Save Preview as Image"), _("_Save"), _("PNG images"),
                               "image/png", name, on_image_file_chosen, NULL, NULL);
}

void
_vd_window_class_add_share (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.save-preview-image", NULL,
                                   save_preview_image);
}
