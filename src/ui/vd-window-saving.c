/* vd-window-saving.c — what the window says about writes and its file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A write that fails (a full disk, a refused record, a file that went)
 * leaves the edits pending in the session, and the autosaver tries again.
 * The window says so under its header bar until it is over: what was not
 * saved and why. When the database file itself was deleted or replaced,
 * nothing more can go to it; Save a Copy writes a fresh database with
 * everything, pending edits included, and carries on there. Fields that
 * this desk and another writer changed differently are kept both ways;
 * the banner counts them and Review lists every one to resolve (a
 * scorecard's also show under their sections).
 */
#include "config.h"

#include <glib/gi18n.h>

#include "vd-application.h"
#include "vd-conflict-view.h"
#include "vd-window-private.h"

static char *
describe_detached (VdWindow *self)
{
  g_autofree char *basename = g_path_get_basename (vd_store_get_path (self->store));

  switch (vd_store_get_detached (self->store))
    {
    case VD_STORE_DETACHED_DELETED:
      return g_strdup_printf (_("“%s” was deleted or moved while it was open. Your edits are "
                                "kept in this window: save a copy to keep them."), basename);
    case VD_STORE_DETACHED_REPLACED:
      return g_strdup_printf (_("“%s” was replaced by another file while it was open. Nothing "
                                "more is written to it; your edits are kept in this window: "
                                "save a copy to keep them."), basename);
    case VD_STORE_DETACHED_OVERWRITTEN:
      return g_strdup_printf (_("“%s” was changed by another program while it was open. "
                                "Nothing more is written to it; your edits are kept in this "
                                "window: save a copy to keep them."), basename);
    case VD_STORE_ATTACHED:
    default:
      return NULL;
    }
}

/**
 * _vd_window_saving_update:
 *
 * Shows, hides or rewords the banner after a write, a failure or the news
 * that the file went.
 */
void
_vd_window_saving_update (VdWindow *self)
{
  VdAutosaver *autosaver;
  const GError *error;
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  gboolean detached;
  gboolean conflicted = FALSE;

  /* Not once the widgets are gone (a window disposed with news pending). */
  if (self->session == NULL || self->save_label == NULL)
    return;

  autosaver = vd_session_get_autosaver (self->session);
  error = vd_autosaver_get_error (autosaver);
  detached = vd_store_get_detached (self->store) != VD_STORE_ATTACHED;

  if (detached)
    text = describe_detached (self);
  else if (error != NULL && vd_autosaver_is_pending (autosaver))
    /* Translators: %s is why, e.g. “database or disk is full” */
    text = g_strdup_printf (_("Your latest changes are not saved: %s. They are kept here, and "
                              "saving is tried again."), error->message);
  else if ((conflicts = vd_session_list_conflicts (self->session, NULL, NULL)) && conflicts->len > 0)
    {
      conflicted = TRUE;
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%u field was changed both here and elsewhere. Both "
                                           "versions are kept until you choose.",
                                           "%u fields were changed both here and elsewhere. Both "
                                           "versions are kept until you choose.",
                                           conflicts->len), conflicts->len);
    }

  /* Plain text: the message holds file names and the user's values. */
  if (text != NULL)
    gtk_label_set_text (self->save_label, text);
  gtk_widget_set_visible (self->retry_button, !detached && !conflicted);
  gtk_widget_set_visible (self->review_button, conflicted);
  gtk_widget_set_visible (self->copy_button, detached);
  gtk_revealer_set_reveal_child (self->save_revealer, text != NULL);
}

static void
on_saving_news (VdWindow *self)
{
  _vd_window_saving_update (self);
}

static void
on_retry_save (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  VdWindow *self = VD_WINDOW (widget);

  /* The banner follows from the autosaver's signals. */
  vd_window_flush (self, NULL);
  _vd_window_saving_update (self);
}

static void
on_copy_chosen (GtkNativeDialog *dialog,
                int              response,
                VdWindow        *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VdStore) copy = NULL;
  g_autofree char *path = NULL;
  GtkApplication *application;

  if (response != GTK_RESPONSE_ACCEPT)
    goto out;

  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  path = g_file_get_path (file);
  if (path == NULL)
    goto out;

  /* A file chooser may offer an existing name, confirmed: a copy never
   * goes over another database. */
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("“%s” already exists; choose a new name for the copy"),
                   g_file_peek_path (file));
      _vd_window_toast_error (self, _("Not saved"), error);
      goto out;
    }

  if (!vd_store_save_copy (self->store, path, &error) ||
      !(copy = vd_store_new (path, &error)) ||
      !vd_autosaver_flush_into (vd_session_get_autosaver (self->session), copy, &error))
    {
      _vd_window_toast_error (self, _("Could not save a copy"), error);
      goto out;
    }

  /* Everything is in the copy now: carry on there. */
  g_clear_object (&copy);
  application = gtk_window_get_application (GTK_WINDOW (self));
  if (application != NULL)
    {
      vd_application_open_database (VD_APPLICATION (application), path);
      gtk_window_destroy (GTK_WINDOW (self));
    }

out:
  g_object_unref (dialog);
}

static void
on_save_copy (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  VdWindow *self = VD_WINDOW (widget);
  GtkFileChooserNative *dialog;
  g_autofree char *basename = NULL;
  g_autofree char *name = NULL;

  if (self->store == NULL)
    return;

  basename = g_path_get_basename (vd_store_get_path (self->store));
  /* Translators: the suggested name of a copy; %s is the old file name */
  name = g_strdup_printf (_("Copy of %s"), basename);

  dialog = gtk_file_chooser_native_new (_("Save a Copy of the Database"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  g_signal_connect (dialog, "response", G_CALLBACK (on_copy_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* Conflicts ------------------------------------------------------------- */

static void
on_review_resolve (GtkWidget *view,
                   GVariant  *value,
                   VdWindow  *self)
{
  g_autoptr(GError) error = NULL;
  VdConflict *conflict = (VdConflict *) vd_conflict_view_get_conflict (VD_CONFLICT_VIEW (view));

  if (!vd_session_resolve_conflict (self->session, conflict, value, &error))
    _vd_window_toast_error (self, _("Could not resolve the conflict"), error);
}

/* A scorecard has no name of its own: whose it is, and of which tool. */
static char *
describe_scorecard (VdWindow    *self,
                    VdScorecard *scorecard)
{
  g_autoptr(VdReviewer) reviewer = vd_session_lookup (self->session, VD_TYPE_REVIEWER,
                                                      vd_scorecard_get_reviewer (scorecard), NULL);
  g_autoptr(VdTool) tool = vd_session_lookup (self->session, VD_TYPE_TOOL,
                                              vd_scorecard_get_tool (scorecard), NULL);

  /* Translators: a scorecard, e.g. “The Skeptic on Mistral Medium 3” */
  return g_strdup_printf (_("%s on %s"),
                          reviewer != NULL ? vd_reviewer_get_name (reviewer) : _("A reviewer"),
                          tool != NULL ? vd_tool_get_name (tool) : _("a tool"));
}

/* What a conflict is about, in words: the record's name and the field. */
static char *
describe_conflict (VdWindow         *self,
                   const VdConflict *conflict,
                   gboolean         *editable)
{
  g_autofree char *property = NULL;
  g_autofree char *name = NULL;
  g_autoptr(VdRecord) record = NULL;
  GType types[] = { VD_TYPE_TOOL, VD_TYPE_REVIEWER, VD_TYPE_COMPARISON, VD_TYPE_SCORECARD };
  GParamSpec *pspec = NULL;
  int item;

  property = vd_conflict_dup_property (conflict, &item);
  for (guint i = 0; i < G_N_ELEMENTS (types) && record == NULL; i++)
    {
      g_autoptr(GTypeClass) klass = g_type_class_ref (types[i]);

      if (g_strcmp0 (vd_record_class_get_table (VD_RECORD_CLASS (klass)), conflict->kind) == 0)
        record = vd_session_lookup (self->session, types[i], conflict->uuid, NULL);
    }

  if (record != NULL)
    {
      pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (record), property);
      if (VD_IS_SCORECARD (record))
        name = describe_scorecard (self, VD_SCORECARD (record));
      else if (g_object_class_find_property (G_OBJECT_GET_CLASS (record), "name"))
        g_object_get (record, "name", &name, NULL);
      else if (g_object_class_find_property (G_OBJECT_GET_CLASS (record), "title"))
        g_object_get (record, "title", &name, NULL);
    }

  /* Text can be merged by hand; a choice (a verdict, a status) is one or
   * the other. */
  *editable = item >= 0 || (pspec != NULL && G_PARAM_SPEC_VALUE_TYPE (pspec) == G_TYPE_STRING);

  if (item >= 0 && VD_IS_SCORECARD (record) && g_str_equal (property, "sections"))
    {
      g_autoptr(VdReviewer) reviewer = vd_session_lookup (self->session, VD_TYPE_REVIEWER,
                                                          vd_scorecard_get_reviewer (VD_SCORECARD (record)),
                                                          NULL);
      const char * const *prompts = reviewer != NULL ? vd_reviewer_get_prompts (reviewer) : NULL;

      /* A section is the answer to its prompt: name that. */
      if (prompts != NULL && (guint) item < g_strv_length ((char **) prompts))
        /* Translators: a conflict's place: “Marcus Webb on Mistral Medium 3 · “Direct competitors”” */
        return g_strdup_printf (_("%s · “%s”"), name, prompts[item]);
    }
  if (item >= 0)
    /* Translators: a conflict's place: “Mistral Medium 3 · sections, item 2” */
    return g_strdup_printf (_("%s · %s, item %d"), name != NULL && *name ? name : conflict->uuid,
                            property, item + 1);
  /* Translators: a conflict's place: “Mistral Medium 3 · description” */
  return g_strdup_printf (_("%s · %s"), name != NULL && *name ? name : conflict->uuid, property);
}

static void
fill_conflicts (VdWindow *self,
                GtkBox   *box)
{
  g_autoptr(GPtrArray) conflicts = vd_session_list_conflicts (self->session, NULL, NULL);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);

  if (conflicts == NULL || conflicts->len == 0)
    {
      GtkWidget *empty = adw_status_page_new ();

      adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "emblem-ok-symbolic");
      adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("No Conflicts Left"));
      adw_status_page_set_description (ADW_STATUS_PAGE (empty),
                                       _("What you chose is sent with the next sync."));
      gtk_widget_set_vexpand (empty, TRUE);
      gtk_box_append (box, empty);
      return;
    }

  for (guint i = 0; i < conflicts->len; i++)
    {
      const VdConflict *conflict = g_ptr_array_index (conflicts, i);
      gboolean editable = FALSE;
      g_autofree char *title = describe_conflict (self, conflict, &editable);
      GtkWidget *view = vd_conflict_view_new (conflict, title, editable);

      vd_conflict_view_set_side_by_side (VD_CONFLICT_VIEW (view), TRUE);
      g_signal_connect_object (view, "resolve", G_CALLBACK (on_review_resolve), self, 0);
      gtk_box_append (box, view);
    }
}

static void
on_conflicts_changed (VdWindow *self)
{
  _vd_window_saving_update (self);

  if (self->conflicts_box != NULL)
    fill_conflicts (self, self->conflicts_box);
}

static void
on_review_closed (VdWindow *self)
{
  self->conflicts_window = NULL;
  self->conflicts_box = NULL;
}

/* The list of what is unresolved, in a window of its own wide enough to
 * show each field's theirs, mine and base side by side. */
static void
on_review_conflicts (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  VdWindow *self = VD_WINDOW (widget);
  GtkWidget *window, *toolbar, *header, *scroller, *clamp, *box, *intro;

  if (self->session == NULL)
    return;
  if (self->conflicts_window != NULL)
    {
      gtk_window_present (self->conflicts_window);
      return;
    }

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  intro = gtk_label_new (_("Each of these fields was changed differently on this desk and on "
                           "another. Theirs is in place; choose one, or edit yours into a merge "
                           "of both. What you keep is sent with the next sync."));
  gtk_label_set_wrap (GTK_LABEL (intro), TRUE);
  gtk_label_set_xalign (GTK_LABEL (intro), 0);
  clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 1100);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);

  header = adw_header_bar_new ();
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header),
                                   adw_window_title_new (_("Unresolved Conflicts"), ""));
  toolbar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (toolbar), header);
  gtk_box_append (GTK_BOX (toolbar), intro);
  gtk_widget_set_margin_start (intro, 18);
  gtk_widget_set_margin_end (intro, 18);
  gtk_widget_set_margin_top (intro, 12);
  gtk_box_append (GTK_BOX (toolbar), scroller);

  window = adw_window_new ();
  gtk_window_set_title (GTK_WINDOW (window), _("Unresolved Conflicts"));
  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (self));
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 640);
  adw_window_set_content (ADW_WINDOW (window), toolbar);

  self->conflicts_window = GTK_WINDOW (window);
  self->conflicts_box = GTK_BOX (box);
  fill_conflicts (self, self->conflicts_box);
  for (GtkWidget *child = gtk_widget_get_first_child (box); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (VD_IS_CONFLICT_VIEW (child))
      {
        gtk_widget_grab_focus (child);
        break;
      }
  g_signal_connect_object (window, "destroy", G_CALLBACK (on_review_closed), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (window));
}

/**
 * vd_window_get_conflicts_list:
 *
 * Returns: (transfer none) (nullable): the box of #VdConflictView the list
 *   of conflicts shows, while it is open
 */
GtkWidget *
vd_window_get_conflicts_list (VdWindow *self)
{
  g_return_val_if_fail (VD_IS_WINDOW (self), NULL);
  return self->conflicts_box != NULL ? GTK_WIDGET (self->conflicts_box) : NULL;
}

void
_vd_window_class_add_saving (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, VdWindow, save_revealer);
  gtk_widget_class_bind_template_child (widget_class, VdWindow, save_label);
  gtk_widget_class_bind_template_child (widget_class, VdWindow, retry_button);
  gtk_widget_class_bind_template_child (widget_class, VdWindow, copy_button);
  gtk_widget_class_bind_template_child (widget_class, VdWindow, review_button);

  gtk_widget_class_install_action (widget_class, "win.retry-save", NULL, on_retry_save);
  gtk_widget_class_install_action (widget_class, "win.save-copy", NULL, on_save_copy);
  gtk_widget_class_install_action (widget_class, "win.review-conflicts", NULL, on_review_conflicts);
}

/**
 * _vd_window_saving_start:
 *
 * Follows the session's writes and the store's file, once both exist.
 */
void
_vd_window_saving_start (VdWindow *self)
{
  VdAutosaver *autosaver = vd_session_get_autosaver (self->session);

  g_signal_connect_object (autosaver, "failed", G_CALLBACK (on_saving_news), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (autosaver, "saved", G_CALLBACK (on_saving_news), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "detached", G_CALLBACK (on_saving_news), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "conflicts-changed", G_CALLBACK (on_conflicts_changed),
                           self, G_CONNECT_SWAPPED);
  _vd_window_saving_update (self);
}

/**
 * vd_window_get_save_message:
 *
 * Returns: (nullable): what the window says about unsaved changes or its
 *   file, or %NULL when there is nothing to say
 */
const char *
vd_window_get_save_message (VdWindow *self)
{
  g_return_val_if_fail (VD_IS_WINDOW (self), NULL);

  if (!gtk_revealer_get_reveal_child (self->save_revealer))
    return NULL;
  return gtk_label_get_text (self->save_label);
}
