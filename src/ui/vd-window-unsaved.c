/* vd-window-unsaved.c — what the window has not yet saved, and what closing
 * does about it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The autosaver writes edits shortly after they are made, but a write can
 * fail (a refused record, a full disk, a lock) and the autosaver forgets a
 * refused record until its next change. So the window keeps its own list of
 * the records it showed that changed since the store last committed them:
 * closing retries exactly those, asks while any remain, and a signal that
 * ends the process writes them to a recovery file rather than dropping them.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "vd-error.h"
#include "vd-record-json.h"
#include "vd-window-private.h"

static void
on_record_notify (VdWindow   *self,
                  GParamSpec *pspec,
                  VdRecord   *record)
{
  /* The same fields the autosaver ignores: saving moves the stamps itself,
   * and "quote" follows "sections". */
  if (g_str_equal (pspec->name, "updated") || g_str_equal (pspec->name, "created") ||
      g_str_equal (pspec->name, "quote"))
    return;

  /* Past dispose, a record that outlives the window may still change. */
  if (self->unsaved == NULL)
    return;

  g_hash_table_replace (self->unsaved, (gpointer) vd_record_get_uuid (record),
                        g_object_ref (record));
}

/**
 * _vd_window_track:
 *
 * Follows @record's edits until the window goes. Every record a view of the
 * window can change passes through here once.
 */
void
_vd_window_track (VdWindow *self,
                  VdRecord *record)
{
  g_assert (VD_IS_WINDOW (self));
  g_assert (VD_IS_RECORD (record));

  if (g_hash_table_contains (self->tracked, record))
    return;

  g_hash_table_add (self->tracked, g_object_ref (record));
  g_signal_connect_object (record, "notify", G_CALLBACK (on_record_notify), self,
                           G_CONNECT_SWAPPED);
}

static void
track_scorecards (VdWindow   *self,
                  guint       position,
                  guint       removed,
                  guint       added,
                  GListModel *scorecards)
{
  if (self->tracked == NULL)
    return;

  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(VdRecord) scorecard = g_list_model_get_item (scorecards, i);

      _vd_window_track (self, scorecard);
    }
}

/* A comparison's page edits the comparison and its scorecards; a panel change
 * brings new scorecards, so follow the list as well. */
void
_vd_window_track_page (VdWindow *self,
                       VdPage   *page)
{
  GListModel *scorecards = vd_page_get_scorecards (page);

  _vd_window_track (self, VD_RECORD (vd_page_get_comparison (page)));
  track_scorecards (self, 0, 0, g_list_model_get_n_items (scorecards), scorecards);
  g_signal_connect_object (scorecards, "items-changed", G_CALLBACK (track_scorecards), self,
                           G_CONNECT_SWAPPED);
}

/* A record that is gone from the store has nothing left to save: a deleted
 * comparison took its scorecards with it. */
static void
forget_deleted (VdWindow   *self,
                const char *comparison)
{
  GHashTableIter iter;
  gpointer value;

  if (vd_store_contains (self->store, VD_TYPE_COMPARISON, comparison, NULL, NULL))
    return;

  g_hash_table_iter_init (&iter, self->unsaved);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (VD_IS_SCORECARD (value) &&
        g_strcmp0 (vd_scorecard_get_comparison (value), comparison) == 0)
      g_hash_table_iter_remove (&iter);
}

static void
on_store_changed (VdWindow   *self,
                  GType       type,
                  const char *uuid,
                  VdStore    *store)
{
  GHashTableIter iter;
  gpointer value;

  if (self->unsaved == NULL)
    return;

  if (uuid != NULL)
    {
      g_hash_table_remove (self->unsaved, uuid);
      if (type == VD_TYPE_COMPARISON)
        forget_deleted (self, uuid);
      return;
    }

  /* A change too big to name each record: the stored stamp says whether
   * our copy is the one that was written. */
  g_hash_table_iter_init (&iter, self->unsaved);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      gint64 updated = 0;

      if (vd_store_contains (store, G_OBJECT_TYPE (value), vd_record_get_uuid (value),
                             &updated, NULL) &&
          updated == vd_record_get_updated (value))
        g_hash_table_iter_remove (&iter);
    }
}

void
_vd_window_unsaved_init (VdWindow *self)
{
  self->tracked = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  self->unsaved = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
}

void
_vd_window_unsaved_set_store (VdWindow *self)
{
  g_signal_connect_object (self->store, "changed", G_CALLBACK (on_store_changed), self,
                           G_CONNECT_SWAPPED);
}

void
_vd_window_unsaved_dispose (VdWindow *self)
{
  GHashTableIter iter;
  gpointer record;

  if (self->tracked == NULL)
    return;

  g_hash_table_iter_init (&iter, self->tracked);
  while (g_hash_table_iter_next (&iter, &record, NULL))
    g_signal_handlers_disconnect_by_data (record, self);
  g_clear_pointer (&self->tracked, g_hash_table_unref);
  g_clear_pointer (&self->unsaved, g_hash_table_unref);
}

/* A scorecard is named by who wrote it on what: the session has both (or
 * reads them; reading works when writing does not). */
static char *
scorecard_name (VdWindow    *self,
                VdScorecard *scorecard)
{
  g_autoptr(VdReviewer) reviewer = NULL;
  g_autoptr(VdTool) tool = NULL;

  if (self->session != NULL)
    {
      reviewer = vd_session_lookup (self->session, VD_TYPE_REVIEWER,
                                    vd_scorecard_get_reviewer (scorecard), NULL);
      tool = vd_session_lookup (self->session, VD_TYPE_TOOL, vd_scorecard_get_tool (scorecard),
                                NULL);
    }

  if (reviewer == NULL || tool == NULL)
    return g_strdup (_("A scorecard"));

  return g_strdup_printf (_("%s’s scorecard on %s"), vd_reviewer_get_name (reviewer),
                          vd_tool_get_name (tool));
}

/* What the desk calls @record in a message. */
char *
_vd_window_record_name (VdWindow *self,
                        VdRecord *record)
{
  if (VD_IS_COMPARISON (record))
    return g_strdup (vd_comparison_get_title (VD_COMPARISON (record)));
  if (VD_IS_TOOL (record))
    return g_strdup (vd_tool_get_name (VD_TOOL (record)));
  if (VD_IS_REVIEWER (record))
    return g_strdup (vd_reviewer_get_name (VD_REVIEWER (record)));

  return scorecard_name (self, VD_SCORECARD (record));
}

/**
 * vd_window_flush:
 *
 * Writes every pending edit now, retrying the ones an earlier write could
 * not store.
 *
 * Returns: %TRUE when nothing this window changed is left unsaved
 */
gboolean
vd_window_flush (VdWindow  *self,
                 GError   **error)
{
  VdAutosaver *autosaver;
  GHashTableIter iter;
  gpointer record;

  g_return_val_if_fail (VD_IS_WINDOW (self), FALSE);

  if (self->session == NULL)
    return TRUE;

  autosaver = vd_session_get_autosaver (self->session);
  g_hash_table_iter_init (&iter, self->unsaved);
  while (g_hash_table_iter_next (&iter, NULL, &record))
    vd_autosaver_mark_dirty (autosaver, record);

  if (!vd_autosaver_flush (autosaver, error))
    return FALSE;

  /* A flush that succeeds wrote everything it was given. */
  if (!vd_autosaver_is_pending (autosaver))
    {
      g_hash_table_remove_all (self->unsaved);
      return TRUE;
    }

  g_set_error_literal (error, VD_STORE_ERROR, VD_STORE_ERROR_FAILED,
                       _("Some changes are still waiting to be written"));
  return FALSE;
}

/**
 * vd_window_get_n_unsaved:
 *
 * Returns: how many records this window changed that are not yet stored
 */
guint
vd_window_get_n_unsaved (VdWindow *self)
{
  g_return_val_if_fail (VD_IS_WINDOW (self), 0);

  return self->unsaved != NULL ? g_hash_table_size (self->unsaved) : 0;
}

/* Recovery ------------------------------------------------------------------ */

static char *
recovery_json (VdWindow     *self,
               const GError *why)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *now = vd_json_format_timestamp (g_get_real_time ());
  GHashTableIter iter;
  gpointer record;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "database");
  json_builder_add_string_value (builder, vd_store_get_path (self->store));
  json_builder_set_member_name (builder, "written");
  json_builder_add_string_value (builder, now);
  json_builder_set_member_name (builder, "error");
  json_builder_add_string_value (builder, why->message);
  json_builder_set_member_name (builder, "records");
  json_builder_begin_array (builder);
  g_hash_table_iter_init (&iter, self->unsaved);
  while (g_hash_table_iter_next (&iter, NULL, &record))
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "type");
      json_builder_add_string_value (builder,
                                     vd_record_class_get_table (VD_RECORD_GET_CLASS (record)));
      json_builder_set_member_name (builder, "fields");
      json_builder_begin_object (builder);
      vd_record_json_add_fields (record, builder);
      json_builder_end_object (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  return json_generator_to_data (generator, NULL);
}

/**
 * vd_window_write_recovery:
 * @why: why the edits could not be saved, kept in the file
 *
 * Writes every record this window has not saved, as JSON, to a new file
 * in the recovery folder (`$XDG_DATA_HOME/verdict-desk/recovery/`).
 *
 * Returns: (transfer full): the file's path, or %NULL with @error set
 */
char *
vd_window_write_recovery (VdWindow      *self,
                          const GError  *why,
                          GError       **error)
{
  g_autofree char *folder = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autofree char *json = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  int fd;

  g_return_val_if_fail (VD_IS_WINDOW (self), NULL);
  g_return_val_if_fail (self->store != NULL, NULL);
  g_return_val_if_fail (why != NULL, NULL);

  folder = g_build_filename (g_get_user_data_dir (), "verdict-desk", "recovery", NULL);
  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Could not create the folder “%s”: %s"), folder, g_strerror (saved_errno));
      return NULL;
    }

  /* A new file each time (mkstemp): a second failure never overwrites the
   * first one's rescue. */
  name = g_strdup_printf ("unsaved-%s-XXXXXX.json", stamp);
  path = g_build_filename (folder, name, NULL);
  if ((fd = g_mkstemp_full (path, O_WRONLY, 0600)) < 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Could not create “%s”: %s"), path, g_strerror (saved_errno));
      return NULL;
    }
  g_close (fd, NULL);

  json = recovery_json (self, why);
  if (!g_file_set_contents_full (path, json, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error))
    return NULL;

  return g_steal_pointer (&path);
}

/* Closing ------------------------------------------------------------------- */

static gboolean
destroy_window (gpointer window)
{
  gtk_window_destroy (window);
  return G_SOURCE_REMOVE;
}

static void
on_unsaved_response (AdwMessageDialog *dialog,
                     const char       *response,
                     VdWindow         *self)
{
  self->unsaved_dialog = NULL;

  /* Only this answer drops anything; every other way out keeps editing.
   * The dialog is still answering: the window, its parent, goes after. */
  if (g_str_equal (response, "discard"))
    {
      g_hash_table_remove_all (self->unsaved);
      /* Or the window's last flush would still try them. */
      if (self->session != NULL)
        vd_autosaver_discard (vd_session_get_autosaver (self->session));
      g_idle_add_full (G_PRIORITY_DEFAULT, destroy_window, g_object_ref (self), g_object_unref);
    }
}

static void
ask_before_discarding (VdWindow     *self,
                       const GError *error)
{
  g_autoptr(GString) body = g_string_new (NULL);
  GHashTableIter iter;
  gpointer record;
  guint shown = 0;
  GtkWidget *dialog;

  if (self->unsaved_dialog != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->unsaved_dialog));
      return;
    }

  /* The body is plain text: names and the error may hold the user's words. */
  if (g_hash_table_size (self->unsaved) == 1)
    {
      g_autofree char *name = NULL;

      g_hash_table_iter_init (&iter, self->unsaved);
      g_hash_table_iter_next (&iter, NULL, &record);
      name = _vd_window_record_name (self, record);

      g_string_printf (body, _("The changes to “%s” could not be saved.\n\n%s"),
                       name, error->message);
    }
  else
    {
      g_string_append (body, _("These changes could not be saved:"));
      g_hash_table_iter_init (&iter, self->unsaved);
      while (g_hash_table_iter_next (&iter, NULL, &record) && shown++ < 5)
        {
          g_autofree char *name = _vd_window_record_name (self, record);

          g_string_append_printf (body, "\n• %s", name);
        }
      g_string_append_printf (body, "\n\n%s", error->message);
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Unsaved Changes"), body->str);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", _("_Keep Editing"),
                                    "discard", _("_Discard Changes"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_unsaved_response), self, 0);
  self->unsaved_dialog = dialog;
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * vd_window_get_unsaved_dialog:
 *
 * Returns: (transfer none) (nullable): the question a refused close is
 *   asking, while it is open
 */
GtkWidget *
vd_window_get_unsaved_dialog (VdWindow *self)
{
  g_return_val_if_fail (VD_IS_WINDOW (self), NULL);

  return self->unsaved_dialog;
}

/* Every close and every quit comes here: write what is pending; while
 * anything is still unsaved, ask, every time. */
gboolean
_vd_window_close_request (VdWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (vd_window_flush (self, &error))
    return FALSE;

  ask_before_discarding (self, error);
  return TRUE;
}
