/* vd-window-import.c — Import…, and .json files dropped on the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An import first runs dry (vd_import_preview_file()) and says what it would
 * change, by name; only on Import does it write. Both runs are on a worker
 * thread with a connection of its own: the window's store learns of the
 * commit as of any other writer's (vd-store-watch.c) and updates in place.
 * The import's thread also brings the search index up to date.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "vd-import.h"
#include "vd-search.h"
#include "vd-window-private.h"

typedef struct
{
  char  *database;
  GFile *file;
} ImportJob;

static void
import_job_free (gpointer data)
{
  ImportJob *job = data;

  g_free (job->database);
  g_clear_object (&job->file);
  g_free (job);
}

/* Runs in a worker thread: the dry run, or (with "write" set on the task)
 * the import itself. */
static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportJob *job = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(VdStore) store = vd_store_new (job->database, &error);
  g_autoptr(VdImportPreview) preview = NULL;

  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (g_object_get_data (G_OBJECT (task), "write") != NULL)
    {
      VdImportStats *stats = g_new0 (VdImportStats, 1);

      if (vd_import_from_file (store, job->file, stats, cancellable, &error))
        {
          g_autoptr(GError) index_error = NULL;

          /* The search index takes the imported records in here, not in
           * the window's first search after it. Not indexed now, they are
           * at that search. */
          if (!vd_store_search_catch_up (store, &index_error))
            g_debug ("Search index not caught up: %s", index_error->message);
          g_task_return_pointer (task, stats, g_free);
        }
      else
        {
          g_free (stats);
          g_task_return_error (task, g_steal_pointer (&error));
        }
      return;
    }

  if ((preview = vd_import_preview_file (store, job->file, cancellable, &error)))
    g_task_return_pointer (task, g_steal_pointer (&preview),
                           (GDestroyNotify) vd_import_preview_free);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void
run_import_job (VdWindow            *self,
                GFile               *file,
                gboolean             write,
                GAsyncReadyCallback  callback)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, callback, g_object_ref (file));
  ImportJob *job = g_new0 (ImportJob, 1);

  job->database = g_strdup (vd_store_get_path (self->store));
  job->file = g_object_ref (file);
  g_task_set_task_data (task, job, import_job_free);
  if (write)
    g_object_set_data (G_OBJECT (task), "write", GINT_TO_POINTER (TRUE));
  g_task_run_in_thread (task, import_thread);
}

/* A bad file: the importer's message, which names the place. Plain text. */
static void
explain_refused (VdWindow     *self,
                 GFile        *file,
                 const GError *error)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *heading = g_strdup_printf (_("“%s” Was Not Imported"), name);
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Progress: the import has no steps worth counting for a person, so a toast
 * says it is under way until the count replaces it; an import over before
 * the toast would have shown does not flash one. */
typedef struct
{
  AdwToastOverlay *overlay;
  char            *text;
  AdwToast        *toast;
  guint            source;
} Progress;

static void
progress_free (gpointer data)
{
  Progress *progress = data;

  g_clear_handle_id (&progress->source, g_source_remove);
  if (progress->toast != NULL)
    adw_toast_dismiss (progress->toast);
  g_clear_object (&progress->toast);
  g_free (progress->text);
  g_free (progress);
}

static gboolean
show_progress (gpointer data)
{
  Progress *progress = data;

  progress->source = 0;
  progress->toast = adw_toast_new (progress->text);
  adw_toast_set_timeout (progress->toast, 0);
  adw_toast_overlay_add_toast (progress->overlay, g_object_ref (progress->toast));
  return G_SOURCE_REMOVE;
}

static void
start_progress (VdWindow *self,
                GFile    *file)
{
  Progress *progress = g_new0 (Progress, 1);
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *text = g_strdup_printf (_("Importing “%s”…"), name);

  /* Toast titles are markup; the file's name is the user's. */
  progress->text = g_markup_escape_text (text, -1);
  progress->overlay = self->toast_overlay;
  progress->source = g_timeout_add (500, show_progress, progress);
  g_object_set_data_full (G_OBJECT (self), "vd-import-progress", progress, progress_free);
}

static void
on_imported (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  VdWindow *self = VD_WINDOW (object);
  g_autoptr(GFile) file = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree VdImportStats *stats = g_task_propagate_pointer (G_TASK (result), &error);
  g_autofree char *text = NULL;
  guint n;

  g_object_set_data (G_OBJECT (self), "vd-import-progress", NULL);

  if (stats == NULL)
    {
      explain_refused (self, file, error);
      return;
    }

  /* The session looks for other writers every second; look now, so the
   * toast and the records arrive together. */
  if (self->session != NULL && !vd_session_poll (self->session, &error))
    g_debug ("Looking for the import: %s", error->message);

  n = stats->added + stats->updated;
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u record imported",
                                       "%u records imported", n), n);
  _vd_window_toast (self, text);
}

static void
on_preview_response (AdwMessageDialog *dialog,
                     const char       *response,
                     VdWindow         *self)
{
  GFile *file = g_object_get_data (G_OBJECT (dialog), "file");

  if (g_strcmp0 (response, "import") != 0)
    return;

  start_progress (self, file);
  run_import_job (self, file, TRUE, on_imported);
}

static const char *
kind_label (GType type)
{
  if (type == VD_TYPE_COMPARISON)
    return _("Comparison");
  if (type == VD_TYPE_TOOL)
    return _("Tool");
  if (type == VD_TYPE_REVIEWER)
    return _("Reviewer");
  return _("Scorecard");
}

/* One group per outcome that has records, a row per record. Names are the
 * document's: never markup. */
static GtkWidget *
preview_list (const VdImportPreview *preview)
{
  static const struct {
    VdImportOutcome outcome;
    const char *title;
    const char *description;
  } groups[] = {
    { VD_IMPORT_ADDED,     N_("Added"),     NULL },
    { VD_IMPORT_UPDATED,   N_("Updated"),   N_("The document’s copy is newer") },
    { VD_IMPORT_OLDER,     N_("Skipped"),   N_("The desk’s copy is newer") },
    { VD_IMPORT_UNCHANGED, N_("Unchanged"), NULL },
  };
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
    {
      GArray *items = preview->items[groups[g].outcome];
      GtkWidget *group;

      if (items->len == 0)
        continue;

      group = adw_preferences_group_new ();
      {
        g_autofree char *title = g_strdup_printf ("%s (%u)", _(groups[g].title), items->len);

        adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
        if (groups[g].description != NULL)
          adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                                 _(groups[g].description));
      }
      gtk_widget_set_name (group, groups[g].title);

      for (guint i = 0; i < items->len; i++)
        {
          const VdImportItem *item = &g_array_index (items, VdImportItem, i);
          GtkWidget *row = adw_action_row_new ();
          g_autofree char *title = NULL;

          if (item->tool != NULL)
            /* Translators: a scorecard: a reviewer's verdict on a tool */
            title = g_strdup_printf (_("%s on %s"), item->name, item->tool);
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                         title != NULL ? title : item->name);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), kind_label (item->type));
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
        }
      gtk_box_append (GTK_BOX (box), group);
    }

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 360);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), box);
  return scrolled;
}

static void
on_previewed (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  VdWindow *self = VD_WINDOW (object);
  g_autoptr(GFile) file = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(VdImportPreview) preview = g_task_propagate_pointer (G_TASK (result), &error);
  g_autofree char *name = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  guint changes;
  GtkWidget *dialog;

  if (preview == NULL)
    {
      explain_refused (self, file, error);
      return;
    }

  name = g_file_get_basename (file);
  heading = g_strdup_printf (_("Import “%s”?"), name);
  changes = preview->items[VD_IMPORT_ADDED]->len + preview->items[VD_IMPORT_UPDATED]->len;
  body = g_strdup_printf (
    g_dngettext (GETTEXT_PACKAGE, "%u record would be added, %u updated; %u unchanged, %u older skipped.",
                 "%u records would be added, %u updated; %u unchanged, %u older skipped.",
                 preview->items[VD_IMPORT_ADDED]->len),
    preview->items[VD_IMPORT_ADDED]->len, preview->items[VD_IMPORT_UPDATED]->len,
    preview->items[VD_IMPORT_UNCHANGED]->len, preview->items[VD_IMPORT_OLDER]->len);

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "import", _("_Import"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "import",
                                              ADW_RESPONSE_SUGGESTED);
  /* Nothing would change: there is nothing to import. */
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "import", changes > 0);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog),
                                           changes > 0 ? "import" : "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), preview_list (preview));
  g_object_set_data_full (G_OBJECT (dialog), "file", g_object_ref (file), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_preview_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * vd_window_import_file:
 *
 * Says what importing @file would change, then imports it if asked to: what
 * Import…, a dropped file and the Open Database hint all do.
 */
void
vd_window_import_file (VdWindow *self,
                       GFile    *file)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (VD_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->store == NULL)
    return;

  /* The dry run reads the file as it is: pending edits go in first. */
  if (!vd_window_flush (self, &error))
    {
      _vd_window_toast_error (self, _("Not imported"), error);
      return;
    }

  run_import_job (self, file, FALSE, on_previewed);
}

static void
on_import_chosen (GtkNativeDialog *chooser,
                  int              response,
                  VdWindow        *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL)
    vd_window_import_file (self, file);

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  VdWindow *self = VD_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Import"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), NULL);
  gtk_file_filter_set_name (filter, _("JSON documents"));
  gtk_file_filter_add_mime_type (filter, "application/json");
  gtk_file_filter_add_suffix (filter, "json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect (chooser, "response", G_CALLBACK (on_import_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Whether @file is named as a JSON document. */
gboolean
_vd_window_is_json_file (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *folded = name != NULL ? g_utf8_strdown (name, -1) : NULL;

  return folded != NULL && g_str_has_suffix (folded, ".json");
}

/* Each dropped .json file is offered in turn; other files are refused. */
static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         VdWindow      *self)
{
  GdkFileList *list = g_value_get_boxed (value);
  GSList *files = list != NULL ? gdk_file_list_get_files (list) : NULL;
  gboolean any = FALSE;

  for (GSList *l = files; l != NULL; l = l->next)
    if (_vd_window_is_json_file (l->data))
      {
        vd_window_import_file (self, l->data);
        any = TRUE;
      }
  g_slist_free (files);

  if (!any)
    _vd_window_toast (self, _("Only JSON documents exported by Verdict Desk can be imported"));

  return any;
}

void
_vd_window_import_init (VdWindow *self)
{
  GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  g_signal_connect (target, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

void
_vd_window_class_add_import (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK,
                                       "win.import", NULL);
}
