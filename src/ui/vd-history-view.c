/* vd-history-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Under a scorecard: who set its verdict and when, from the repository's
 * log ("Ship — Priya Raman, 20 Nov ← Undecided, 18 Nov"); on a comparison
 * or a tool: what its last versions changed, who and when ("title — Priya
 * Raman, 20 Nov ← created, 18 Nov"). A History button lists every version
 * with what it changed and a Restore button. Restoring emits ::restore
 * with that version's record; the owner sets its fields on the open record
 * (vd_history_restore_into()), an ordinary edit that the next sync sends.
 * The versions are read off the main loop, by the owner (a comparison's
 * scorecards, all at once) or by vd_history_view_reload(). Built in code:
 * a label and a menu button need no template.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "vd-history-view.h"
#include "vd-scorecard.h"

struct _VdHistoryView
{
  GtkWidget   parent_instance;

  GPtrArray  *versions;     /* VdSyncVersion*, newest first; borrowed from the owner's array */
  GCancellable *reading;    /* vd_history_view_reload()'s, while it reads */
  GtkWidget  *box;
  GtkLabel   *summary;
  GtkWidget  *button;
  GtkListBox *list;
};

G_DEFINE_FINAL_TYPE (VdHistoryView, vd_history_view, GTK_TYPE_WIDGET)

enum {
  RESTORE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
format_day (gint64 time)
{
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (time);

  /* Translators: a day in a record's history, e.g. “20 Nov”; see g_date_time_format() */
  return g_date_time_format (when, _("%-d %b"));
}

static gboolean
verdict_changed (VdSyncVersion *version,
                 VdSyncVersion *older)
{
  if (!VD_IS_SCORECARD (version->record))
    return FALSE;
  if (older == NULL || !VD_IS_SCORECARD (older->record))
    return TRUE;
  return vd_scorecard_get_verdict (VD_SCORECARD (version->record)) !=
         vd_scorecard_get_verdict (VD_SCORECARD (older->record));
}

/**
 * vd_history_dup_summary:
 * @versions: (element-type VdSyncVersion): newest first
 *
 * Returns: (nullable): the verdict's last changes, newest first: “Ship —
 *   Priya Raman, 20 Nov ← Undecided, 18 Nov”; %NULL for no history
 */
char *
vd_history_dup_summary (GPtrArray *versions)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint shown = 0;

  for (guint i = 0; versions != NULL && i < versions->len && shown < 3; i++)
    {
      VdSyncVersion *version = g_ptr_array_index (versions, i);
      VdSyncVersion *older = i + 1 < versions->len ? g_ptr_array_index (versions, i + 1) : NULL;
      g_autofree char *day = NULL;
      g_autofree char *what = NULL;
      const char *label;

      if (version->record != NULL && !VD_IS_SCORECARD (version->record))
        {
          /* A comparison or a tool: what each version changed. */
          g_auto(GStrv) changes = vd_sync_version_dup_changes (version, older);

          if (changes[0] == NULL)
            continue;
          what = g_strjoinv (", ", changes);
          label = what;
        }
      else if (!verdict_changed (version, older))
        continue;
      else
        label = _(vd_verdict_get_label (vd_scorecard_get_verdict (VD_SCORECARD (version->record))));

      day = format_day (version->time);
      if (shown == 0)
        /* Translators: the verdict, who set it and when: “Ship — Priya Raman, 20 Nov” */
        g_string_append_printf (text, _("%s — %s, %s"), label, version->author, day);
      else
        /* Translators: an earlier verdict and when: “ ← Undecided, 18 Nov” */
        g_string_append_printf (text, _(" ← %s, %s"), label, day);
      shown++;
    }

  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

/**
 * vd_history_restore_into:
 * @target: the open record
 * @version: an earlier version of it
 *
 * Makes @version's fields @target's again (all but "updated"): an
 * ordinary edit, saved, undone and synced like any other.
 */
void
vd_history_restore_into (VdRecord *target,
                         VdRecord *version)
{
  g_autoptr(GVariant) snapshot = NULL;
  g_auto(GVariantBuilder) fields = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE_VARDICT);
  g_autoptr(GVariant) edit = NULL;
  GVariantIter iter;
  const char *key;
  GVariant *value;

  g_return_if_fail (VD_IS_RECORD (target));
  g_return_if_fail (G_TYPE_CHECK_INSTANCE_TYPE (version, G_OBJECT_TYPE (target)));

  snapshot = g_variant_ref_sink (vd_merge_snapshot (version));
  g_variant_iter_init (&iter, snapshot);
  while (g_variant_iter_loop (&iter, "{&sv}", &key, &value))
    if (!g_str_equal (key, "updated"))
      g_variant_builder_add (&fields, "{sv}", key, value);
  edit = g_variant_ref_sink (g_variant_builder_end (&fields));
  vd_merge_apply (target, edit);
}

void
vd_history_view_restore (VdHistoryView *self,
                         guint          index)
{
  VdSyncVersion *version;

  g_return_if_fail (VD_IS_HISTORY_VIEW (self));
  g_return_if_fail (self->versions != NULL && index < self->versions->len);

  version = g_ptr_array_index (self->versions, index);
  if (version->record != NULL)
    g_signal_emit (self, signals[RESTORE], 0, version->record);
}

static void
on_restore_clicked (GtkButton     *button,
                    VdHistoryView *self)
{
  gtk_menu_button_popdown (GTK_MENU_BUTTON (self->button));
  vd_history_view_restore (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button),
                                                                      "vd-index")));
}

static GtkWidget *
make_row (VdHistoryView *self,
          guint          index)
{
  VdSyncVersion *version = g_ptr_array_index (self->versions, index);
  VdSyncVersion *older = index + 1 < self->versions->len
                         ? g_ptr_array_index (self->versions, index + 1) : NULL;
  g_auto(GStrv) changes = vd_sync_version_dup_changes (version, older);
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (version->time);
  /* Translators: when a version was made, e.g. “20 Nov 2026, 14:02”; see g_date_time_format() */
  g_autofree char *date = g_date_time_format (when, _("%-d %b %Y, %H:%M"));
  g_autofree char *what = changes[0] != NULL ? g_strjoinv (", ", changes)
                                             : g_strdup (version->note != NULL ? version->note
                                                                               : "");
  g_autofree char *title = NULL;
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *heading, *detail, *restore;

  if (VD_IS_SCORECARD (version->record))
    /* Translators: a version: its verdict, who, when: “Ship · Priya Raman · 20 Nov 2026, 14:02” */
    title = g_strdup_printf (_("%s · %s · %s"),
                             _(vd_verdict_get_label (vd_scorecard_get_verdict (VD_SCORECARD (version->record)))),
                             version->author, date);
  else
    title = g_strdup_printf ("%s · %s", version->author, date);

  /* Plain text: names and what changed come from the repository. */
  heading = gtk_label_new (title);
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  detail = gtk_label_new (what);
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_widget_add_css_class (detail, "caption");
  gtk_box_append (GTK_BOX (labels), heading);
  gtk_box_append (GTK_BOX (labels), detail);
  gtk_widget_set_hexpand (labels, TRUE);
  gtk_box_append (GTK_BOX (row), labels);

  restore = gtk_button_new_with_mnemonic (_("_Restore"));
  gtk_widget_set_valign (restore, GTK_ALIGN_CENTER);
  gtk_widget_set_sensitive (restore, version->record != NULL && !version->deleted && index > 0);
  gtk_widget_set_tooltip_text (restore, VD_IS_SCORECARD (version->record)
                                        ? _("Make this version the scorecard’s again, as an edit")
                                        : _("Make this version current again, as an edit"));
  g_object_set_data (G_OBJECT (restore), "vd-index", GUINT_TO_POINTER (index));
  g_signal_connect (restore, "clicked", G_CALLBACK (on_restore_clicked), self);
  gtk_box_append (GTK_BOX (row), restore);

  gtk_widget_set_margin_top (row, 6);
  gtk_widget_set_margin_bottom (row, 6);
  gtk_widget_set_margin_start (row, 6);
  gtk_widget_set_margin_end (row, 6);
  return row;
}

/**
 * vd_history_view_set_versions:
 * @versions: (nullable) (element-type VdSyncVersion): newest first; kept
 *
 * Shows @versions (and forgets a vd_history_view_reload() under way);
 * hidden while there are none.
 */
void
vd_history_view_set_versions (VdHistoryView *self,
                              GPtrArray     *versions)
{
  g_autofree char *summary = NULL;
  GtkWidget *child;

  g_return_if_fail (VD_IS_HISTORY_VIEW (self));

  /* What is being read is older than these. */
  g_cancellable_cancel (self->reading);
  g_clear_object (&self->reading);

  if (versions != NULL)
    g_ptr_array_ref (versions);
  g_clear_pointer (&self->versions, g_ptr_array_unref);
  self->versions = versions;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  for (guint i = 0; versions != NULL && i < versions->len; i++)
    gtk_list_box_append (self->list, make_row (self, i));

  summary = vd_history_dup_summary (versions);
  gtk_label_set_text (self->summary, summary != NULL ? summary : "");
  gtk_widget_set_visible (GTK_WIDGET (self), versions != NULL && versions->len > 0);
}

const char *
vd_history_view_get_summary (VdHistoryView *self)
{
  g_return_val_if_fail (VD_IS_HISTORY_VIEW (self), NULL);
  return gtk_label_get_text (self->summary);
}

/* Reading one record's history ---------------------------------------- */

static void
read_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  const char *path = g_object_get_data (G_OBJECT (task), "vd-path");
  g_autofree char *clone = g_strconcat (path, ".sync", NULL);
  g_autoptr(VdStore) store = NULL;
  GPtrArray *versions = NULL;

  /* A desk never synced has no history, and no store to open for it. */
  if (g_file_test (clone, G_FILE_TEST_IS_DIR) && (store = vd_store_new (path, NULL)))
    versions = vd_sync_list_history (store, task_data, NULL);
  g_task_return_pointer (task, versions, (GDestroyNotify) g_ptr_array_unref);
}

static void
on_read (GObject      *object,
         GAsyncResult *result,
         gpointer      data)
{
  VdHistoryView *self = VD_HISTORY_VIEW (object);
  g_autoptr(GPtrArray) versions = g_task_propagate_pointer (G_TASK (result), NULL);

  /* Read again since, or gone. */
  if (g_task_get_cancellable (G_TASK (result)) != self->reading)
    return;
  g_clear_object (&self->reading);
  vd_history_view_set_versions (self, versions);
}

/**
 * vd_history_view_reload:
 * @store: the window's store: its file is opened again in a thread
 * @uuid: (nullable): the record whose history to show; %NULL shows none
 *
 * Reads the record's history from the shared repository off the main loop
 * (vd_sync_list_history()) and shows it.
 */
void
vd_history_view_reload (VdHistoryView *self,
                        VdStore       *store,
                        const char    *uuid)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (VD_IS_HISTORY_VIEW (self));
  g_return_if_fail (VD_IS_STORE (store));

  g_cancellable_cancel (self->reading);
  g_clear_object (&self->reading);
  if (uuid == NULL)
    {
      vd_history_view_set_versions (self, NULL);
      return;
    }

  self->reading = g_cancellable_new ();
  task = g_task_new (self, self->reading, on_read, NULL);
  g_task_set_task_data (task, g_strdup (uuid), g_free);
  g_object_set_data_full (G_OBJECT (task), "vd-path", g_strdup (vd_store_get_path (store)), g_free);
  g_task_run_in_thread (task, read_thread);
}

static void
vd_history_view_dispose (GObject *object)
{
  VdHistoryView *self = VD_HISTORY_VIEW (object);

  g_cancellable_cancel (self->reading);
  g_clear_object (&self->reading);

  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_pointer (&self->versions, g_ptr_array_unref);

  G_OBJECT_CLASS (vd_history_view_parent_class)->dispose (object);
}

static void
vd_history_view_class_init (VdHistoryViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vd_history_view_dispose;

  /**
   * VdHistoryView::restore:
   * @record: the version to make current again
   */
  signals[RESTORE] =
    g_signal_new ("restore",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, VD_TYPE_RECORD);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
vd_history_view_init (VdHistoryView *self)
{
  GtkWidget *popover, *scroller;

  self->box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  self->summary = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->summary, 0);
  gtk_label_set_wrap (self->summary, TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self->summary), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->summary), "dim-label");
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->summary));

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 360);
  gtk_scrolled_window_set_min_content_width (GTK_SCROLLED_WINDOW (scroller), 360);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->list));
  popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (popover), scroller);

  self->button = gtk_menu_button_new ();
  gtk_menu_button_set_label (GTK_MENU_BUTTON (self->button), _("History"));
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->button), popover);
  gtk_widget_set_valign (self->button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->button, "flat");
  gtk_box_append (GTK_BOX (self->box), self->button);

  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
vd_history_view_new (void)
{
  return g_object_new (VD_TYPE_HISTORY_VIEW, NULL);
}
