/* vd-window-actions.c — what the header bar, menus and shortcuts do
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "vd-error.h"
#include "vd-export.h"
#include "vd-import.h"
#include "vd-slug.h"
#include "vd-undo.h"
#include "vd-window-private.h"

void
_vd_window_update_actions (VdWindow *self)
{
  gboolean has_store = self->store != NULL;
  gboolean is_comparison = VD_IS_COMPARISON (self->current);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-comparison", has_store);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-tool", has_store);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-reviewer", has_store);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-all", has_store);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import", has_store);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search", has_store);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", is_comparison);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-preview-image", is_comparison);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete", self->current != NULL);

  /* Folded, Export stays in the More menu: linked, the header cannot hold
   * the back, sync, preview, export and menu buttons in 360 px. */
  gtk_widget_set_visible (self->export_button,
                          is_comparison && !adw_leaflet_get_folded (self->leaflet));
  gtk_widget_set_visible (self->preview_button, is_comparison);
  gtk_widget_set_visible (self->record_menu_button, self->current != NULL);
}

/* New records -------------------------------------------------------------- */

static void
create_and_open (VdWindow *self,
                 VdRecord *record)
{
  g_autoptr(GError) error = NULL;

  if (!vd_session_create (self->session, record, &error))
    {
      _vd_window_toast_error (self, _("Could not create"), error);
      return;
    }

  vd_window_open_record (self, G_OBJECT_TYPE (record), vd_record_get_uuid (record));
}

/* A new record opens at its top with its first field focused and selected,
 * so that typing names it: the editors are reused, and would otherwise keep
 * the previous record's scroll position and leave the focus on the + menu. */
static void
focus_first_field (GtkWidget *field)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (field, GTK_TYPE_SCROLLED_WINDOW);

  if (scroller != NULL)
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller)),
                              0);
  gtk_widget_grab_focus (field);
  gtk_editable_select_region (GTK_EDITABLE (field), 0, -1);
}

static void
new_comparison (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  VdWindow *self = VD_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) tools = vd_store_list_summaries (self->store, VD_TYPE_TOOL, &error);
  g_autoptr(VdSummary) a = NULL;
  g_autoptr(VdSummary) b = NULL;
  g_autoptr(VdComparison) comparison = NULL;
  g_autofree char *slug = NULL;
  g_autofree char *title = NULL;
  VdComparisonPage *page;

  if (tools == NULL)
    {
      _vd_window_toast_error (self, _("Could not create"), error);
      return;
    }

  if (g_list_model_get_n_items (G_LIST_MODEL (tools)) < 2)
    {
      _vd_window_toast (self, _("Add two tools first: a comparison puts two side by side"));
      return;
    }

  /* Start from the first two tools; the form changes them, and the title
   * and the slug follow until the editor writes a title. Numbered slugs
   * keep two new drafts apart. */
  a = g_list_model_get_item (G_LIST_MODEL (tools), 0);
  b = g_list_model_get_item (G_LIST_MODEL (tools), 1);
  title = vd_comparison_page_automatic_title (vd_summary_get_title (a), vd_summary_get_title (b));
  slug = vd_slug_unused (self->store, title, NULL);
  comparison = vd_comparison_new (slug, vd_summary_get_uuid (a), vd_summary_get_uuid (b));
  vd_comparison_set_title (comparison, title);

  create_and_open (self, VD_RECORD (comparison));
  page = _vd_window_get_comparison_page (self);
  /* Narrow, the editor takes its turn: the new page has nothing to preview. */
  vd_comparison_page_set_show_preview (page,
                                       !vd_comparison_page_get_narrow (page) &&
                                       vd_comparison_page_get_show_preview (page));
  focus_first_field (GTK_WIDGET (vd_comparison_page_get_title_row (page)));
}

static void
new_tool (GtkWidget  *widget,
          const char *action_name,
          GVariant   *parameter)
{
  VdWindow *self = VD_WINDOW (widget);
  g_autoptr(VdTool) tool = vd_tool_new (_("New Tool"));
  VdToolEditor *editor;

  create_and_open (self, VD_RECORD (tool));
  editor = _vd_window_get_tool_editor (self);
  focus_first_field (GTK_WIDGET (vd_tool_editor_get_name_row (editor)));
}

static void
new_reviewer (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  VdWindow *self = VD_WINDOW (widget);
  g_autoptr(VdReviewer) reviewer = vd_reviewer_new (_("New Reviewer"),
                                                    VD_PERSONA_DEVELOPER_EXPERIENCE);
  VdReviewerEditor *editor;

  create_and_open (self, VD_RECORD (reviewer));
  editor = _vd_window_get_reviewer_editor (self);
  focus_first_field (GTK_WIDGET (vd_reviewer_editor_get_name_row (editor)));
}

/* Deleting ---------------------------------------------------------------- */

typedef struct
{
  VdWindow *window;
  VdRecord *record;
  GBytes   *document;   /* a comparison with its scorecards, as exported */
} DeleteUndo;

static void
delete_undo_free (gpointer data)
{
  DeleteUndo *undo = data;

  g_object_unref (undo->window);
  g_object_unref (undo->record);
  g_clear_pointer (&undo->document, g_bytes_unref);
  g_free (undo);
}

/* Puts the record back as it was and opens it again. A comparison comes
 * back through the import, which restores its panel and every scorecard. */
static void
delete_undo (gpointer data)
{
  DeleteUndo *undo = data;
  VdWindow *self = undo->window;
  g_autoptr(GError) error = NULL;
  gboolean restored;

  if (self->session == NULL)
    return;

  if (undo->document != NULL)
    restored = vd_import_from_bytes (self->store, undo->document, NULL, &error);
  else
    restored = vd_session_create (self->session, undo->record, &error);

  if (!restored)
    {
      _vd_window_toast_error (self, _("Could not undo"), error);
      return;
    }

  vd_window_open_record (self, G_OBJECT_TYPE (undo->record), vd_record_get_uuid (undo->record));
}

/* The comparisons that use @record, a tool or reviewer, in the sidebar's order. */
static GPtrArray *
comparisons_using (VdWindow *self,
                   VdRecord *record)
{
  g_autoptr(GListStore) comparisons = vd_store_list (self->store, VD_TYPE_COMPARISON, NULL);
  GPtrArray *users = g_ptr_array_new_with_free_func (g_object_unref);
  const char *uuid = vd_record_get_uuid (record);
  guint n = comparisons != NULL ? g_list_model_get_n_items (G_LIST_MODEL (comparisons)) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VdComparison) comparison = g_list_model_get_item (G_LIST_MODEL (comparisons), i);
      gboolean uses = VD_IS_TOOL (record)
        ? g_strcmp0 (vd_comparison_get_tool_a (comparison), uuid) == 0 ||
          g_strcmp0 (vd_comparison_get_tool_b (comparison), uuid) == 0
        : g_strv_contains (vd_comparison_get_panel (comparison), uuid);

      if (uses)
        g_ptr_array_add (users, g_steal_pointer (&comparison));
    }

  return users;
}

static void
on_user_activated (GtkListBox    *list,
                   GtkListBoxRow *row,
                   GtkWidget     *dialog)
{
  VdWindow *self = VD_WINDOW (gtk_window_get_transient_for (GTK_WINDOW (dialog)));
  g_autofree char *uuid = g_strdup (g_object_get_data (G_OBJECT (row), "uuid"));

  gtk_window_destroy (GTK_WINDOW (dialog));
  vd_window_open_record (self, VD_TYPE_COMPARISON, uuid);
}

/* Said before anything happens: which comparisons hold the record, each a
 * row that opens it. */
static void
explain_in_use (VdWindow  *self,
                VdRecord  *record,
                GPtrArray *users)
{
  g_autofree char *name = _vd_window_record_name (self, record);
  g_autofree char *heading = g_strdup_printf (_("“%s” Is in Use"), name);
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *dialog;
  const char *body = VD_IS_TOOL (record)
    ? _("A tool can be deleted once no comparison compares it. Open a comparison to choose "
        "another tool there.")
    : _("A reviewer can be deleted once they are on no panel. Open a comparison to take them "
        "off its panel.");

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  for (guint i = 0; i < users->len; i++)
    {
      VdComparison *comparison = g_ptr_array_index (users, i);
      GtkWidget *row = adw_action_row_new ();

      /* Titles are the user's: not markup. */
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), vd_comparison_get_title (comparison));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), vd_comparison_get_slug (comparison));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "uuid",
                              g_strdup (vd_record_get_uuid (VD_RECORD (comparison))), g_free);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }

  /* The heading and body are plain text: the name is the user's. */
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);
  g_signal_connect_object (list, "row-activated", G_CALLBACK (on_user_activated), dialog, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Deleting happens at once, and the toast offers Undo; what cannot be
 * deleted is said before anything happens. */
static void
delete_record (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  VdWindow *self = VD_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(VdRecord) record = NULL;
  g_autofree char *name = NULL;
  g_autofree char *done = NULL;
  DeleteUndo *undo;

  if (self->current == NULL)
    return;

  record = g_object_ref (self->current);
  if (!VD_IS_COMPARISON (record))
    {
      g_autoptr(GPtrArray) users = comparisons_using (self, record);

      if (users->len > 0)
        {
          explain_in_use (self, record, users);
          return;
        }
    }

  undo = g_new0 (DeleteUndo, 1);
  undo->window = g_object_ref (self);
  undo->record = g_object_ref (record);
  if (VD_IS_COMPARISON (record))
    {
      /* What is pending is part of what Undo brings back. */
      if (!vd_window_flush (self, &error) ||
          !(undo->document = vd_export_to_bytes (self->store,
                                                 vd_comparison_get_slug (VD_COMPARISON (record)),
                                                 &error)))
        {
          delete_undo_free (undo);
          _vd_window_toast_error (self, _("Not deleted"), error);
          return;
        }
    }

  name = _vd_window_record_name (self, record);
  if (!vd_session_delete (self->session, record, &error))
    {
      delete_undo_free (undo);
      _vd_window_toast_error (self, _("Not deleted"), error);
      return;
    }

  _vd_window_show_nothing (self);
  _vd_window_update_actions (self);

  done = g_strdup_printf (_("Deleted “%s”"), name);
  vd_undo_offer (GTK_WIDGET (self->toast_overlay), done, delete_undo, undo, delete_undo_free);
}

/* Export ------------------------------------------------------------------ */

typedef struct
{
  char  *database;
  char  *slug;
  GFile *file;
} ExportJob;

static void
export_job_free (gpointer data)
{
  ExportJob *job = data;

  g_free (job->database);
  g_free (job->slug);
  g_clear_object (&job->file);
  g_free (job);
}

/* Runs in a worker thread, on a connection of its own: WAL lets it read
 * while the window keeps writing. */
static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(VdStore) store = vd_store_new (job->database, &error);
  guint n = 0;

  if (store == NULL ||
      !vd_export_to_file (store, job->slug, job->file, &n, cancellable, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_int (task, n);
}

/**
 * vd_window_export_async:
 * @slug: (nullable): the comparison to export, or %NULL for every ready and
 *   published one
 *
 * Writes the same document as `verdict-desk --export-json`, after saving
 * pending edits, off the main loop.
 */
void
vd_window_export_async (VdWindow            *self,
                        GFile               *file,
                        const char          *slug,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  ExportJob *job;

  g_return_if_fail (VD_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, vd_window_export_async);

  if (!vd_window_flush (self, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  job = g_new0 (ExportJob, 1);
  job->database = g_strdup (vd_store_get_path (self->store));
  job->slug = g_strdup (slug);
  job->file = g_object_ref (file);
  g_task_set_task_data (task, job, export_job_free);
  g_task_run_in_thread (task, export_thread);
}

/**
 * vd_window_export_finish:
 *
 * Returns: how many comparisons were written; 0 with @error set on failure
 */
guint
vd_window_export_finish (VdWindow      *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  gssize n;

  g_return_val_if_fail (g_task_is_valid (result, self), 0);

  n = g_task_propagate_int (G_TASK (result), error);
  return n > 0 ? (guint) n : 0;
}

static void
on_exported (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  VdWindow *self = VD_WINDOW (object);
  g_autoptr(GFile) file = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *text = NULL;
  guint n = vd_window_export_finish (self, result, &error);

  /* Incomplete pages: the command line's refusal, in full, where a toast
   * would cut it short. The body is plain text. */
  if (g_error_matches (error, VD_EXPORT_ERROR, VD_EXPORT_ERROR_NOT_READY))
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Nothing Was Exported"),
                                                  error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  if (error != NULL)
    {
      _vd_window_toast_error (self, _("Not exported"), error);
      return;
    }

  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Exported %u comparison to “%s”",
                                       "Exported %u comparisons to “%s”", n), n, name);
  _vd_window_toast (self, text);
}

static void
on_save_file_chosen (GtkNativeDialog *chooser,
                     int              response,
                     VdWindow        *self)
{
  g_autoptr(GFile) file = NULL;
  VdWindowFileChosen chosen = g_object_get_data (G_OBJECT (chooser), "chosen");

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL)
    chosen (self, file, g_object_get_data (G_OBJECT (chooser), "data"));

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

/* Asks where to save, in a portal dialog (in the Flatpak the sandbox sees
 * only the chosen file), offering @name; @chosen gets the file and @data. */
void
_vd_window_choose_save_file (VdWindow           *self,
                             const char         *title,
                             const char         *accept_label,
                             const char         *filter_name,
                             const char         *mime_type,
                             const char         *name,
                             VdWindowFileChosen  chosen,
                             gpointer            data,
                             GDestroyNotify      destroy_data)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         accept_label, NULL);
  gtk_file_filter_set_name (filter, filter_name);
  gtk_file_filter_add_mime_type (filter, mime_type);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_object_set_data (G_OBJECT (chooser), "chosen", chosen);
  g_object_set_data_full (G_OBJECT (chooser), "data", data, destroy_data);
  g_signal_connect (chooser, "response", G_CALLBACK (on_save_file_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_export_chosen (VdWindow *self,
                  GFile    *file,
                  gpointer  slug)
{
  vd_window_export_async (self, file, slug, NULL, on_exported, g_object_ref (file));
}

static void
choose_export_file (VdWindow   *self,
                    const char *slug)
{
  g_autofree char *name = g_strdup_printf ("%s.json", slug != NULL ? slug : "verdict-desk");

  _vd_window_choose_save_file (self, _("Export as JSON"), _("_Export"), _("JSON documents"),
                               "application/json", name, on_export_chosen, g_strdup (slug),
                               g_free);
}

static void
export_current (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  VdWindow *self = VD_WINDOW (widget);

  if (VD_IS_COMPARISON (self->current))
    choose_export_file (self, vd_comparison_get_slug (VD_COMPARISON (self->current)));
}

static void
export_all (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  choose_export_file (VD_WINDOW (widget), NULL);
}

/* Open -------------------------------------------------------------------- */

static void
on_hint_response (AdwMessageDialog *dialog,
                  const char       *response,
                  VdWindow         *self)
{
  if (g_strcmp0 (response, "import") == 0)
    vd_window_import_file (self, g_object_get_data (G_OBJECT (dialog), "file"));
}

static void
hint_import (VdWindow *self,
             GFile    *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *heading = g_strdup_printf (_("“%s” Is Not a Database"), name);
  GtkWidget *dialog;

  /* Plain text: the name is the user's. */
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading,
                                   _("It is a JSON document. Its comparisons can be imported "
                                     "into the open desk, which stays open."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "import", _("_Import…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "import",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "import");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "file", g_object_ref (file), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_hint_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * vd_window_open_chosen_file:
 *
 * What Open Database does with the file its chooser returns.
 */
void
vd_window_open_chosen_file (VdWindow *self,
                            GFile    *file)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  g_autofree char *path = g_file_get_path (file);

  g_return_if_fail (VD_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  /* An export is not a database: opening it would drop this desk for an
   * error page. Offer what was meant, and keep the desk open. */
  if (_vd_window_is_json_file (file))
    hint_import (self, file);
  else if (path == NULL)
    _vd_window_toast (self, _("Only databases on this computer can be opened"));
  else if (app != NULL)
    vd_application_open_database (VD_APPLICATION (app), path);
}

static void
on_open_chosen (GtkNativeDialog *chooser,
                int              response,
                VdWindow        *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL)
    vd_window_open_chosen_file (self, file);

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
open_database (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  VdWindow *self = VD_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Open Database"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), NULL);
  gtk_file_filter_set_name (filter, _("Verdict Desk databases"));
  gtk_file_filter_add_mime_type (filter, "application/vnd.sqlite3");
  gtk_file_filter_add_mime_type (filter, "application/x-sqlite3");
  gtk_file_filter_add_suffix (filter, "db");
  gtk_file_filter_add_suffix (filter, "sqlite");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect (chooser, "response", G_CALLBACK (on_open_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
focus_search (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  VdWindow *self = VD_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  gtk_widget_grab_focus (GTK_WIDGET (vd_sidebar_get_search_entry (self->sidebar)));
}

void
_vd_window_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.new-comparison", NULL, new_comparison);
  gtk_widget_class_install_action (widget_class, "win.new-tool", NULL, new_tool);
  gtk_widget_class_install_action (widget_class, "win.new-reviewer", NULL, new_reviewer);
  gtk_widget_class_install_action (widget_class, "win.delete", NULL, delete_record);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_current);
  gtk_widget_class_install_action (widget_class, "win.export-all", NULL, export_all);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_database);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, focus_search);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "win.new-comparison", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK,
                                       "win.new-tool", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK,
                                       "win.new-reviewer", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK,
                                       "win.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.export-all", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK,
                                       "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "win.search", NULL);
}
