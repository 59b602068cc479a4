/* vd-reviewer-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The form that edits a reviewer: name, persona and, for a custom persona,
 * the prompts. Edits go to the VdReviewer at once; the window autosaves what
 * it notifies.
 *
 * Prompts: a built-in persona's are fixed and shown read-only. A custom
 * reviewer's are entry rows, written as one list on every edit. An empty row
 * is never written: a new one stays out of the list until it has text, and
 * one the editor empties keeps its last text in the list (and shows an
 * error) until it is retyped or removed with its trash button, as the name
 * keeps its last valid value. The rows are rebuilt only when the persona
 * changes or the reviewer's prompts change from elsewhere, never for the
 * editor's own keystrokes.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "vd-enum-types.h"
#include "vd-reviewer-editor.h"
#include "vd-spell-language-row.h"
#include "vd-undo.h"

typedef struct
{
  GtkWidget *row;           /* AdwEntryRow for a custom persona, else AdwActionRow */
  GtkWidget *error_icon;    /* NULL on read-only rows */
  GtkWidget *remove_button; /* NULL on read-only rows */
  char      *saved;         /* the text last written for this row, or NULL */
  gboolean   touched;       /* edited, or loaded from the reviewer */
} PromptRow;

struct _VdReviewerEditor
{
  AdwBin               parent_instance;

  VdReviewer          *reviewer;
  gulong               notify_id;
  /* Whose scorecards a removed prompt's text is set aside from; without
   * one (a reviewer of no desk) a prompt simply goes. */
  VdSession           *session;

  /* PromptRow*, in the order of the list. */
  GPtrArray           *prompt_rows;
  /* The persona the prompt rows were built for, or -1. */
  int                  shown_persona;
  const char          *name_error;
  gboolean             valid;
  /* Set while the widgets follow the reviewer, so their signals are not echoed. */
  gboolean             syncing;

  /* Owned here, and in the name row's suffixes only while it has an error. */
  GtkWidget           *name_error_icon;

  AdwEntryRow         *name_row;
  GtkLabel            *name_message;
  AdwComboRow         *persona_row;
  GtkStringList       *persona_labels;
  AdwComboRow         *spell_language_row;
  AdwPreferencesGroup *prompts_group;
  GtkListBox          *prompt_list;
  GtkWidget           *prompts_message;
  GtkWidget           *add_row;
};

G_DEFINE_FINAL_TYPE (VdReviewerEditor, vd_reviewer_editor, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_REVIEWER,
  PROP_VALID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
prompt_row_free (gpointer data)
{
  PromptRow *prompt = data;

  g_free (prompt->saved);
  g_free (prompt);
}

static void
set_saved (PromptRow  *prompt,
           const char *text)
{
  char *copy = g_strdup (text);

  g_free (prompt->saved);
  prompt->saved = copy;
}

static char *
dup_stripped_text (GtkWidget *editable)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (editable))));
}

/* An AdwEntryRow has no subtitle in libadwaita 1.2, so an error is told three
 * ways: the row turns red, a warning icon with the reason sits at its end,
 * and the reason is written out under the group. */
static void
show_row_error (GtkWidget  *row,
                GtkWidget  *icon,
                const char *error)
{
  if (error != NULL)
    gtk_widget_add_css_class (row, "error");
  else
    gtk_widget_remove_css_class (row, "error");
  gtk_widget_set_tooltip_text (row, error);

  gtk_widget_set_tooltip_text (icon, error);
  gtk_widget_set_visible (icon, error != NULL);
}

/* A prompt row keeps its icon, hidden, beside the trash button. The name row
 * has no other suffix, and even an empty suffix box would shift the row's
 * edit icon, so there the icon is only added while it is needed. */
static void
show_name_error (VdReviewerEditor *self)
{
  GtkWidget *icon = self->name_error_icon;

  show_row_error (GTK_WIDGET (self->name_row), icon, self->name_error);
  if (self->name_error != NULL && gtk_widget_get_parent (icon) == NULL)
    adw_entry_row_add_suffix (self->name_row, icon);
  else if (self->name_error == NULL && gtk_widget_get_parent (icon) != NULL)
    adw_entry_row_remove (self->name_row, icon);
}

static GtkWidget *
create_error_icon (void)
{
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

  gtk_widget_set_valign (icon, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (icon, "error");

  return icon;
}

static gboolean
prompt_row_has_error (PromptRow *prompt)
{
  g_autofree char *text = NULL;

  if (prompt->error_icon == NULL || !prompt->touched)
    return FALSE;

  text = dup_stripped_text (prompt->row);
  return text[0] == '\0';
}

static void
update_prompt_row_error (PromptRow *prompt)
{
  const char *error = NULL;

  if (prompt_row_has_error (prompt))
    error = prompt->saved != NULL
      ? _("A prompt cannot be empty. Until you type one or remove the row, "
          "the reviewer keeps its last text.")
      : _("An empty prompt is not saved. Type one, or remove the row.");

  show_row_error (prompt->row, prompt->error_icon, error);
}

static void
update_validity (VdReviewerEditor *self)
{
  gboolean prompts_ok = TRUE;
  gboolean valid;

  for (guint i = 0; i < self->prompt_rows->len; i++)
    if (prompt_row_has_error (g_ptr_array_index (self->prompt_rows, i)))
      prompts_ok = FALSE;

  gtk_label_set_text (self->name_message, self->name_error != NULL ? self->name_error : "");
  gtk_widget_set_visible (GTK_WIDGET (self->name_message), self->name_error != NULL);
  gtk_widget_set_visible (self->prompts_message, !prompts_ok);

  valid = self->name_error == NULL && prompts_ok;
  if (valid == self->valid)
    return;

  self->valid = valid;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALID]);
}

/* Returns: (transfer full): the prompts as the rows say, skipping new empty rows */
static GStrv
collect_prompts (VdReviewerEditor *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < self->prompt_rows->len; i++)
    {
      PromptRow *prompt = g_ptr_array_index (self->prompt_rows, i);
      g_autofree char *text = dup_stripped_text (prompt->row);

      if (text[0] != '\0')
        g_strv_builder_add (builder, text);
      else if (prompt->saved != NULL)
        g_strv_builder_add (builder, prompt->saved);
    }

  return g_strv_builder_end (builder);
}

static void
write_prompts (VdReviewerEditor *self)
{
  g_auto(GStrv) prompts = collect_prompts (self);

  if (!vd_reviewer_set_prompts (self->reviewer, (const char * const *) prompts))
    g_warning ("The prompts of a built-in persona cannot be edited");
}

static PromptRow *
find_prompt_row (VdReviewerEditor *self,
                 GtkWidget        *widget,
                 guint            *index)
{
  for (guint i = 0; i < self->prompt_rows->len; i++)
    {
      PromptRow *prompt = g_ptr_array_index (self->prompt_rows, i);

      if (prompt->row == widget || prompt->remove_button == widget)
        {
          if (index != NULL)
            *index = i;
          return prompt;
        }
    }

  return NULL;
}

static void
number_prompt_rows (VdReviewerEditor *self)
{
  for (guint i = 0; i < self->prompt_rows->len; i++)
    {
      PromptRow *prompt = g_ptr_array_index (self->prompt_rows, i);
      g_autofree char *title = NULL;

      if (prompt->error_icon == NULL)
        continue;

      /* Translators: the title of the n-th prompt's entry. */
      title = g_strdup_printf (_("Prompt %u"), i + 1);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (prompt->row), title);
    }
}

/* A plain toast, for what the editor cannot do or did by itself. */
static void
show_toast (VdReviewerEditor *self,
            const char       *title)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  g_autofree char *escaped = g_markup_escape_text (title, -1);
  AdwToast *toast;

  if (overlay == NULL)
    {
      g_warning ("%s", title);
      return;
    }

  /* Said now, in front of an earlier Undo toast, which waits behind it. */
  toast = adw_toast_new (escaped);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

static void
show_error (VdReviewerEditor *self,
            const char       *what,
            const GError     *error)
{
  /* Translators: “Could not remove the prompt: <the reason>” */
  g_autofree char *title = g_strdup_printf (_("%s: %s"), what, error->message);

  show_toast (self, title);
}

/* A prompt typed again brings back the text set aside under it. */
static void
take_back_text (VdReviewerEditor *self)
{
  g_autoptr(GError) error = NULL;
  guint n = 0;

  if (self->session == NULL)
    return;

  if (!vd_session_take_back_prompt_text (self->session, self->reviewer, &n, &error))
    show_error (self, _("Could not bring back the text under the prompt"), error);
  else if (n > 0)
    {
      g_autofree char *title = g_strdup_printf (ngettext ("Brought back the text of %u scorecard",
                                                          "Brought back the text of %u scorecards",
                                                          n), n);

      show_toast (self, title);
    }
}

static void
on_prompt_changed (VdReviewerEditor *self,
                   GtkEditable      *row)
{
  g_autofree char *text = NULL;
  PromptRow *prompt;

  if (self->syncing || self->reviewer == NULL)
    return;

  prompt = find_prompt_row (self, GTK_WIDGET (row), NULL);
  g_return_if_fail (prompt != NULL);

  prompt->touched = TRUE;
  text = dup_stripped_text (prompt->row);
  if (text[0] != '\0')
    set_saved (prompt, text);

  update_prompt_row_error (prompt);
  write_prompts (self);
  take_back_text (self);
  update_validity (self);
}

typedef struct
{
  VdSession  *session;
  VdReviewer *reviewer;
  GtkWidget  *editor;     /* weak: where an error is said */
  guint       index;
  char       *prompt;
  gint64      removal;
} PromptUndo;

static void
prompt_undo_free (gpointer data)
{
  PromptUndo *undo = data;

  g_object_unref (undo->session);
  g_object_unref (undo->reviewer);
  g_clear_weak_pointer (&undo->editor);
  g_free (undo->prompt);
  g_free (undo);
}

static void
prompt_undo (gpointer data)
{
  PromptUndo *undo = data;
  g_autoptr(GError) error = NULL;

  if (!vd_session_restore_prompt (undo->session, undo->reviewer, undo->index, undo->prompt,
                                  undo->removal, &error) &&
      undo->editor != NULL)
    show_error (VD_REVIEWER_EDITOR (undo->editor), _("Could not undo"), error);
}

static char *
dup_removed_title (const char *prompt)
{
  return prompt[0] != '\0' ? g_strdup_printf (_("Removed the prompt “%s”"), prompt)
                           : g_strdup (_("Removed an empty prompt"));
}

/* Keep the keyboard in the list: the row that took its place, else "Add". */
static void
focus_row_at (VdReviewerEditor *self,
              guint             index)
{
  GtkListBoxRow *next = gtk_list_box_get_row_at_index (self->prompt_list, index);

  if (next != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (next));
}

/* A row the reviewer's list does not hold yet (new, never typed in): it
 * only leaves the editor. */
static void
remove_unwritten_row (VdReviewerEditor *self,
                      guint             row)
{
  gtk_list_box_remove (self->prompt_list,
                       ((PromptRow *) g_ptr_array_index (self->prompt_rows, row))->row);
  g_ptr_array_remove_index (self->prompt_rows, row);
  number_prompt_rows (self);
  focus_row_at (self, row);
  update_validity (self);
}

/* Without a desk there are no scorecards: the list just loses the prompt. */
static void
remove_without_session (VdReviewerEditor *self,
                        guint             row)
{
  GValue before = G_VALUE_INIT;
  g_autofree char *prompt = NULL;
  g_autofree char *title = NULL;

  g_value_init (&before, G_TYPE_STRV);
  g_object_get_property (G_OBJECT (self->reviewer), "prompts", &before);
  prompt = dup_stripped_text (((PromptRow *) g_ptr_array_index (self->prompt_rows, row))->row);
  title = dup_removed_title (prompt);

  remove_unwritten_row (self, row);
  write_prompts (self);
  update_validity (self);
  vd_undo_offer_property (GTK_WIDGET (self), title, G_OBJECT (self->reviewer), "prompts",
                          &before);
}

/* The position in the reviewer's list of the prompt row @row shows, or -1
 * for a row the list does not hold. */
static int
list_index (VdReviewerEditor *self,
            guint             row)
{
  int index = 0;

  for (guint i = 0; i <= row; i++)
    {
      PromptRow *prompt = g_ptr_array_index (self->prompt_rows, i);
      g_autofree char *text = dup_stripped_text (prompt->row);
      gboolean listed = text[0] != '\0' || prompt->saved != NULL;

      if (i == row)
        return listed ? index : -1;
      if (listed)
        index++;
    }

  g_return_val_if_reached (-1);
}

static void
remove_listed_prompt (VdReviewerEditor *self,
                      guint             index)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *prompt = NULL;
  g_autofree char *title = NULL;
  PromptUndo *undo;
  gint64 removal;

  if (index >= g_strv_length ((GStrv) vd_reviewer_get_prompts (self->reviewer)))
    return;

  prompt = g_strdup (vd_reviewer_get_prompts (self->reviewer)[index]);
  removal = vd_session_remove_prompt (self->session, self->reviewer, index, &error);
  if (removal == 0)
    {
      show_error (self, _("Could not remove the prompt"), error);
      return;
    }

  /* The rows follow the reviewer, which the session refreshed. */
  focus_row_at (self, index);

  undo = g_new0 (PromptUndo, 1);
  undo->session = g_object_ref (self->session);
  undo->reviewer = g_object_ref (self->reviewer);
  g_set_weak_pointer (&undo->editor, GTK_WIDGET (self));
  undo->index = index;
  undo->prompt = g_strdup (prompt);
  undo->removal = removal;
  title = dup_removed_title (prompt);
  vd_undo_offer (GTK_WIDGET (self), title, prompt_undo, undo, prompt_undo_free);
}

typedef struct
{
  VdReviewerEditor *editor;
  VdReviewer       *reviewer;
  char             *prompt;
  guint             index;
} RemoveAsk;

static void
remove_ask_free (gpointer data)
{
  RemoveAsk *ask = data;

  g_object_unref (ask->editor);
  g_object_unref (ask->reviewer);
  g_free (ask->prompt);
  g_free (ask);
}

static void
on_remove_response (AdwMessageDialog *dialog,
                    const char       *response,
                    RemoveAsk        *ask)
{
  VdReviewerEditor *self = ask->editor;
  const char * const *prompts;

  if (!g_str_equal (response, "remove") || self->reviewer != ask->reviewer ||
      self->session == NULL)
    return;

  /* The prompt asked about, where it is now. */
  prompts = vd_reviewer_get_prompts (self->reviewer);
  if (ask->index < g_strv_length ((GStrv) prompts) &&
      g_str_equal (prompts[ask->index], ask->prompt))
    remove_listed_prompt (self, ask->index);
}

static void
ask_before_removing (VdReviewerEditor *self,
                     guint             index,
                     guint             n_scorecards)
{
  const char *prompt = vd_reviewer_get_prompts (self->reviewer)[index];
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *heading = g_strdup_printf (_("Remove “%s”?"), prompt);
  g_autofree char *body = NULL;
  GtkWidget *dialog;
  RemoveAsk *ask;

  body = g_strdup_printf (ngettext ("%u scorecard has text under “%s”. It leaves the forms, "
                                    "the preview and the export, and stays in the database: "
                                    "Undo brings it back, and so does adding the prompt again.",
                                    "%u scorecards have text under “%s”. It leaves the forms, "
                                    "the preview and the export, and stays in the database: "
                                    "Undo brings it back, and so does adding the prompt again.",
                                    n_scorecards),
                          n_scorecards, prompt);

  /* Heading and body are plain text: the prompt is the user's. */
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "remove", _("_Remove"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  ask = g_new0 (RemoveAsk, 1);
  ask->editor = g_object_ref (self);
  ask->reviewer = g_object_ref (self->reviewer);
  ask->prompt = g_strdup (prompt);
  ask->index = index;
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_remove_response), ask,
                         (GClosureNotify) (void (*) (void)) remove_ask_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A prompt with no text under it goes at once, with Undo; one with text
 * asks first, saying how many scorecards have some. */
static void
on_remove_clicked (VdReviewerEditor *self,
                   GtkButton        *button)
{
  g_autoptr(GError) error = NULL;
  guint row;
  guint n_scorecards = 0;
  int index;

  if (self->reviewer == NULL || find_prompt_row (self, GTK_WIDGET (button), &row) == NULL)
    return;

  index = list_index (self, row);
  if (index < 0)
    {
      remove_unwritten_row (self, row);
      return;
    }
  if (self->session == NULL)
    {
      remove_without_session (self, row);
      return;
    }

  /* Whatever the rows hold is written first, so the count and the removal
   * see it. */
  write_prompts (self);
  if (!vd_session_count_prompt_text (self->session, self->reviewer, (guint) index,
                                     &n_scorecards, &error))
    {
      show_error (self, _("Could not remove the prompt"), error);
      return;
    }

  if (n_scorecards == 0)
    remove_listed_prompt (self, (guint) index);
  else
    ask_before_removing (self, (guint) index, n_scorecards);
}

static PromptRow *
append_prompt_row (VdReviewerEditor *self,
                   const char       *text,
                   gboolean          editable)
{
  PromptRow *prompt = g_new0 (PromptRow, 1);

  if (editable)
    {
      prompt->row = adw_entry_row_new ();
      gtk_editable_set_text (GTK_EDITABLE (prompt->row), text);

      prompt->error_icon = create_error_icon ();
      gtk_widget_set_visible (prompt->error_icon, FALSE);
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (prompt->row), prompt->error_icon);

      prompt->remove_button = gtk_button_new_from_icon_name ("user-trash-symbolic");
      gtk_widget_set_valign (prompt->remove_button, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (prompt->remove_button, _("Remove Prompt"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (prompt->remove_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove Prompt"),
                                      -1);
      gtk_widget_add_css_class (prompt->remove_button, "flat");
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (prompt->row), prompt->remove_button);

      g_signal_connect_object (prompt->row, "changed",
                               G_CALLBACK (on_prompt_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (prompt->remove_button, "clicked",
                               G_CALLBACK (on_remove_clicked), self, G_CONNECT_SWAPPED);
    }
  else
    {
      GtkWidget *number;
      g_autofree char *label = g_strdup_printf ("%u", self->prompt_rows->len + 1);

      prompt->row = adw_action_row_new ();
      /* Prompts are data: never markup. */
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (prompt->row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (prompt->row), text);

      number = gtk_label_new (label);
      gtk_widget_add_css_class (number, "dim-label");
      gtk_widget_add_css_class (number, "numeric");
      adw_action_row_add_prefix (ADW_ACTION_ROW (prompt->row), number);
    }

  gtk_list_box_insert (self->prompt_list, prompt->row, (int) self->prompt_rows->len);
  g_ptr_array_add (self->prompt_rows, prompt);

  return prompt;
}

static GtkWidget *
create_add_row (void)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (_("Add Prompt"));

  gtk_widget_set_halign (box, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("list-add-symbolic"));
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL,
                                  -1);
  /* As tall as libadwaita's own rows, which set it in their CSS. */
  gtk_widget_set_size_request (row, -1, 50);

  return row;
}

static void
rebuild_prompt_rows (VdReviewerEditor *self)
{
  GtkWidget *child;
  VdPersona persona;
  const char * const *prompts;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->prompt_list))) != NULL)
    gtk_list_box_remove (self->prompt_list, child);
  g_ptr_array_set_size (self->prompt_rows, 0);
  self->add_row = NULL;

  if (self->reviewer == NULL)
    {
      self->shown_persona = -1;
      adw_preferences_group_set_description (self->prompts_group, NULL);
      return;
    }

  persona = vd_reviewer_get_persona (self->reviewer);
  prompts = vd_reviewer_get_prompts (self->reviewer);
  self->shown_persona = persona;

  if (persona != VD_PERSONA_CUSTOM)
    {
      adw_preferences_group_set_description (self->prompts_group,
                                             _("Built-in personas use fixed prompts. "
                                               "Choose the Custom persona to write your own."));
      for (guint i = 0; prompts[i] != NULL; i++)
        append_prompt_row (self, prompts[i], FALSE);
      return;
    }

  adw_preferences_group_set_description (self->prompts_group,
                                         _("The questions this reviewer answers about every "
                                           "tool, one section of the scorecard each."));

  self->syncing = TRUE;
  for (guint i = 0; prompts[i] != NULL; i++)
    {
      PromptRow *prompt = append_prompt_row (self, prompts[i], TRUE);

      set_saved (prompt, prompts[i][0] != '\0' ? prompts[i] : NULL);
      prompt->touched = TRUE;
      update_prompt_row_error (prompt);
    }
  self->syncing = FALSE;
  number_prompt_rows (self);

  self->add_row = create_add_row ();
  gtk_list_box_append (self->prompt_list, self->add_row);
}

/* The editor's own edits come back as a notification that matches the rows,
 * and change nothing; a change from elsewhere updates the rows in place when
 * it keeps their number, and rebuilds them otherwise. */
static void
sync_prompts (VdReviewerEditor *self,
              gboolean          force)
{
  const char * const *prompts;
  g_auto(GStrv) shown = NULL;

  if (force || self->reviewer == NULL ||
      (int) vd_reviewer_get_persona (self->reviewer) != self->shown_persona)
    {
      rebuild_prompt_rows (self);
      return;
    }

  if (self->shown_persona != VD_PERSONA_CUSTOM)
    return;

  prompts = vd_reviewer_get_prompts (self->reviewer);
  shown = collect_prompts (self);
  if (g_strv_equal ((const char * const *) shown, prompts))
    return;

  if (g_strv_length ((GStrv) prompts) != self->prompt_rows->len)
    {
      rebuild_prompt_rows (self);
      return;
    }

  for (guint i = 0; i < self->prompt_rows->len; i++)
    {
      PromptRow *prompt = g_ptr_array_index (self->prompt_rows, i);
      g_autofree char *text = dup_stripped_text (prompt->row);

      if (!g_str_equal (text, prompts[i]))
        {
          self->syncing = TRUE;
          gtk_editable_set_text (GTK_EDITABLE (prompt->row), prompts[i]);
          self->syncing = FALSE;
        }
      set_saved (prompt, prompts[i][0] != '\0' ? prompts[i] : NULL);
      prompt->touched = TRUE;
      update_prompt_row_error (prompt);
    }
}

static const char *
check_name (const char *text)
{
  if (text[0] == '\0')
    return _("Every reviewer needs a name. Until they have one, the reviewer keeps their last name.");

  return NULL;
}

/* The row shows what it was told, stripped of outer spaces, so a space the
 * editor just typed survives the round trip; the text is only replaced when
 * it differs, which keeps the cursor where it was. */
static void
sync_name (VdReviewerEditor *self,
           gboolean          force)
{
  const char *value = self->reviewer != NULL ? vd_reviewer_get_name (self->reviewer) : "";
  g_autofree char *shown = dup_stripped_text (GTK_WIDGET (self->name_row));

  if (!force && g_str_equal (shown, value))
    return;

  self->syncing = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), value);
  self->syncing = FALSE;

  self->name_error = self->reviewer != NULL ? check_name (value) : NULL;
  show_name_error (self);
}

static void
sync_persona (VdReviewerEditor *self)
{
  guint position = self->reviewer != NULL ? (guint) vd_reviewer_get_persona (self->reviewer)
                                          : VD_PERSONA_CUSTOM;

  self->syncing = TRUE;
  adw_combo_row_set_selected (self->persona_row, position);
  self->syncing = FALSE;
}

static void
sync_all (VdReviewerEditor *self)
{
  gtk_widget_set_sensitive (adw_bin_get_child (ADW_BIN (self)), self->reviewer != NULL);

  sync_name (self, TRUE);
  sync_persona (self);
  sync_prompts (self, TRUE);
  update_validity (self);
}

static void
on_reviewer_notify (VdReviewerEditor *self,
                    GParamSpec       *pspec,
                    VdReviewer       *reviewer)
{
  const char *name = g_param_spec_get_name (pspec);

  g_assert (reviewer == self->reviewer);

  if (g_str_equal (name, "name"))
    sync_name (self, FALSE);
  else if (g_str_equal (name, "persona"))
    {
      sync_persona (self);
      sync_prompts (self, FALSE);
    }
  else if (g_str_equal (name, "prompts"))
    sync_prompts (self, FALSE);
  else
    return;

  update_validity (self);
}

static void
on_name_changed (VdReviewerEditor *self)
{
  g_autofree char *text = NULL;

  if (self->syncing || self->reviewer == NULL)
    return;

  text = dup_stripped_text (GTK_WIDGET (self->name_row));
  self->name_error = check_name (text);
  show_name_error (self);
  if (self->name_error == NULL)
    vd_reviewer_set_name (self->reviewer, text);

  update_validity (self);
}

static void
on_persona_selected (VdReviewerEditor *self)
{
  VdPersona old_persona;
  g_auto(GStrv) old_prompts = NULL;
  guint position;

  if (self->syncing || self->reviewer == NULL)
    return;

  position = adw_combo_row_get_selected (self->persona_row);
  if (position == GTK_INVALID_LIST_POSITION)
    return;

  old_persona = vd_reviewer_get_persona (self->reviewer);
  if ((guint) old_persona == position)
    return;

  /* Someone turning a built-in persona into a custom one starts from its
   * prompts rather than from nothing, unless they wrote their own before.
   * One batch of notifications, so the rows are built once. */
  old_prompts = g_strdupv ((GStrv) vd_reviewer_get_prompts (self->reviewer));
  g_object_freeze_notify (G_OBJECT (self->reviewer));
  vd_reviewer_set_persona (self->reviewer, (VdPersona) position);
  if (position == VD_PERSONA_CUSTOM && vd_reviewer_get_prompts (self->reviewer)[0] == NULL)
    vd_reviewer_set_prompts (self->reviewer, vd_persona_get_prompts (old_persona));
  g_object_thaw_notify (G_OBJECT (self->reviewer));

  if (self->session == NULL)
    return;

  /* Sections past the new prompts would show in no form: they are set
   * aside under their old prompts, and come back with them. */
  if (g_strv_length ((GStrv) vd_reviewer_get_prompts (self->reviewer)) <
      g_strv_length (old_prompts))
    {
      g_autoptr(GError) error = NULL;
      guint n = 0;

      if (!vd_session_set_aside_past_prompts (self->session, self->reviewer,
                                              (const char * const *) old_prompts, &n, &error))
        show_error (self, _("Could not keep the text under the old prompts aside"), error);
      else if (n > 0)
        {
          g_autofree char *title =
            g_strdup_printf (ngettext ("Kept aside the text of %u scorecard under prompts "
                                       "this persona does not have",
                                       "Kept aside the text of %u scorecards under prompts "
                                       "this persona does not have", n), n);

          show_toast (self, title);
        }
    }
  take_back_text (self);
}

static void
on_prompt_list_row_activated (VdReviewerEditor *self,
                              GtkListBoxRow    *row)
{
  if (self->reviewer != NULL && GTK_WIDGET (row) == self->add_row)
    vd_reviewer_editor_add_prompt (self);
}

static void
vd_reviewer_editor_dispose (GObject *object)
{
  VdReviewerEditor *self = VD_REVIEWER_EDITOR (object);

  if (self->reviewer != NULL)
    g_clear_signal_handler (&self->notify_id, self->reviewer);
  g_clear_object (&self->reviewer);
  g_clear_object (&self->session);
  g_clear_object (&self->name_error_icon);
  /* The rows go with the list; the array only points at them. */
  g_ptr_array_set_size (self->prompt_rows, 0);

  /* None of the bound children is the bin's own child (AdwBin unparents
   * that), so this only drops the template's references. */
  gtk_widget_dispose_template (GTK_WIDGET (self), VD_TYPE_REVIEWER_EDITOR);

  G_OBJECT_CLASS (vd_reviewer_editor_parent_class)->dispose (object);
}

static void
vd_reviewer_editor_finalize (GObject *object)
{
  VdReviewerEditor *self = VD_REVIEWER_EDITOR (object);

  g_clear_pointer (&self->prompt_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (vd_reviewer_editor_parent_class)->finalize (object);
}

static void
vd_reviewer_editor_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  VdReviewerEditor *self = VD_REVIEWER_EDITOR (object);

  switch (prop_id)
    {
    case PROP_REVIEWER:
      g_value_set_object (value, self->reviewer);
      break;

    case PROP_VALID:
      g_value_set_boolean (value, self->valid);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vd_reviewer_editor_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  VdReviewerEditor *self = VD_REVIEWER_EDITOR (object);

  switch (prop_id)
    {
    case PROP_REVIEWER:
      vd_reviewer_editor_set_reviewer (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vd_reviewer_editor_class_init (VdReviewerEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vd_reviewer_editor_dispose;
  object_class->finalize = vd_reviewer_editor_finalize;
  object_class->get_property = vd_reviewer_editor_get_property;
  object_class->set_property = vd_reviewer_editor_set_property;

  properties[PROP_REVIEWER] =
    g_param_spec_object ("reviewer", NULL, NULL,
                         VD_TYPE_REVIEWER,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* FALSE while a row shows text that is not written to the reviewer. */
  properties[PROP_VALID] =
    g_param_spec_boolean ("valid", NULL, NULL,
                          TRUE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/verdictdesk/VerdictDesk/ui/vd-reviewer-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, VdReviewerEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, VdReviewerEditor, name_message);
  gtk_widget_class_bind_template_child (widget_class, VdReviewerEditor, persona_row);
  gtk_widget_class_bind_template_child (widget_class, VdReviewerEditor, persona_labels);
  gtk_widget_class_bind_template_child (widget_class, VdReviewerEditor, spell_language_row);
  gtk_widget_class_bind_template_child (widget_class, VdReviewerEditor, prompts_group);
  gtk_widget_class_bind_template_child (widget_class, VdReviewerEditor, prompt_list);
  gtk_widget_class_bind_template_child (widget_class, VdReviewerEditor, prompts_message);
  gtk_widget_class_bind_template_callback (widget_class, on_name_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_persona_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_prompt_list_row_activated);
}

static void
vd_reviewer_editor_init (VdReviewerEditor *self)
{
  g_autoptr(GEnumClass) persona_class = g_type_class_ref (VD_TYPE_PERSONA);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->name_error_icon = g_object_ref_sink (create_error_icon ());
  self->prompt_rows = g_ptr_array_new_with_free_func (prompt_row_free);
  self->shown_persona = -1;
  self->valid = TRUE;
  vd_spell_language_row_setup (self->spell_language_row);

  /* The combo's positions are the enum's values, which count from 0. */
  for (guint i = 0; i < persona_class->n_values; i++)
    {
      g_assert (persona_class->values[i].value == (int) i);
      gtk_string_list_append (self->persona_labels,
                              _(vd_persona_get_label (persona_class->values[i].value)));
    }

  sync_all (self);
}

GtkWidget *
vd_reviewer_editor_new (void)
{
  return g_object_new (VD_TYPE_REVIEWER_EDITOR, NULL);
}

/**
 * vd_reviewer_editor_get_reviewer:
 *
 * Returns: (transfer none) (nullable): the reviewer being edited
 */
VdReviewer *
vd_reviewer_editor_get_reviewer (VdReviewerEditor *self)
{
  g_return_val_if_fail (VD_IS_REVIEWER_EDITOR (self), NULL);

  return self->reviewer;
}

/**
 * vd_reviewer_editor_set_reviewer:
 * @reviewer: (nullable): the reviewer to edit; %NULL leaves the form empty
 *   and insensitive
 */
void
vd_reviewer_editor_set_reviewer (VdReviewerEditor *self,
                                 VdReviewer       *reviewer)
{
  g_return_if_fail (VD_IS_REVIEWER_EDITOR (self));
  g_return_if_fail (reviewer == NULL || VD_IS_REVIEWER (reviewer));

  if (self->reviewer == reviewer)
    return;

  if (self->reviewer != NULL)
    g_clear_signal_handler (&self->notify_id, self->reviewer);
  g_set_object (&self->reviewer, reviewer);
  if (reviewer != NULL)
    self->notify_id = g_signal_connect_object (reviewer, "notify",
                                               G_CALLBACK (on_reviewer_notify),
                                               self, G_CONNECT_SWAPPED);
  vd_spell_language_row_set_reviewer (self->spell_language_row,
                                      reviewer != NULL ? vd_record_get_uuid (VD_RECORD (reviewer)) : NULL);

  sync_all (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVIEWER]);
}

/**
 * vd_reviewer_editor_set_session:
 * @session: (nullable): the desk the reviewer belongs to
 *
 * With a session, removing a prompt sets the text under it aside in every
 * scorecard of the reviewer, asking first when there is some.
 */
void
vd_reviewer_editor_set_session (VdReviewerEditor *self,
                                VdSession        *session)
{
  g_return_if_fail (VD_IS_REVIEWER_EDITOR (self));
  g_return_if_fail (session == NULL || VD_IS_SESSION (session));

  g_set_object (&self->session, session);
}

/**
 * vd_reviewer_editor_is_valid:
 *
 * Returns: %FALSE while a row shows an error: an empty name, or a prompt
 *   emptied by the editor
 */
gboolean
vd_reviewer_editor_is_valid (VdReviewerEditor *self)
{
  g_return_val_if_fail (VD_IS_REVIEWER_EDITOR (self), FALSE);

  return self->valid;
}

/**
 * vd_reviewer_editor_add_prompt:
 *
 * Appends an empty prompt row and focuses it, as the “Add Prompt” row does.
 * Only a custom persona has prompts to add to. The row is written to the
 * reviewer once it has text.
 */
void
vd_reviewer_editor_add_prompt (VdReviewerEditor *self)
{
  PromptRow *prompt;

  g_return_if_fail (VD_IS_REVIEWER_EDITOR (self));
  g_return_if_fail (self->reviewer != NULL);
  g_return_if_fail (self->shown_persona == VD_PERSONA_CUSTOM);

  self->syncing = TRUE;
  prompt = append_prompt_row (self, "", TRUE);
  self->syncing = FALSE;
  number_prompt_rows (self);
  update_prompt_row_error (prompt);

  gtk_widget_grab_focus (prompt->row);
}

AdwEntryRow *
vd_reviewer_editor_get_name_row (VdReviewerEditor *self)
{
  g_return_val_if_fail (VD_IS_REVIEWER_EDITOR (self), NULL);

  return self->name_row;
}

AdwComboRow *
vd_reviewer_editor_get_persona_row (VdReviewerEditor *self)
{
  g_return_val_if_fail (VD_IS_REVIEWER_EDITOR (self), NULL);

  return self->persona_row;
}

/**
 * vd_reviewer_editor_get_n_prompt_rows:
 *
 * Returns: the number of prompt rows, not counting “Add Prompt”
 */
guint
vd_reviewer_editor_get_n_prompt_rows (VdReviewerEditor *self)
{
  g_return_val_if_fail (VD_IS_REVIEWER_EDITOR (self), 0);

  return self->prompt_rows->len;
}

/**
 * vd_reviewer_editor_get_prompt_widget:
 *
 * Returns: (transfer none): the @index-th prompt row: an #AdwEntryRow for a
 *   custom persona, an #AdwActionRow for a built-in one
 */
GtkWidget *
vd_reviewer_editor_get_prompt_widget (VdReviewerEditor *self,
                                      guint             index)
{
  g_return_val_if_fail (VD_IS_REVIEWER_EDITOR (self), NULL);
  g_return_val_if_fail (index < self->prompt_rows->len, NULL);

  return ((PromptRow *) g_ptr_array_index (self->prompt_rows, index))->row;
}

/**
 * vd_reviewer_editor_get_prompt_row:
 *
 * Returns: (transfer none) (nullable): the @index-th prompt's entry, or %NULL
 *   when the prompts are a built-in persona's and cannot be edited
 */
AdwEntryRow *
vd_reviewer_editor_get_prompt_row (VdReviewerEditor *self,
                                   guint             index)
{
  GtkWidget *row = vd_reviewer_editor_get_prompt_widget (self, index);

  return ADW_IS_ENTRY_ROW (row) ? ADW_ENTRY_ROW (row) : NULL;
}

/**
 * vd_reviewer_editor_get_remove_button:
 *
 * Returns: (transfer none) (nullable): the @index-th prompt's trash button,
 *   or %NULL on a read-only row
 */
GtkButton *
vd_reviewer_editor_get_remove_button (VdReviewerEditor *self,
                                      guint             index)
{
  g_return_val_if_fail (VD_IS_REVIEWER_EDITOR (self), NULL);
  g_return_val_if_fail (index < self->prompt_rows->len, NULL);

  return GTK_BUTTON (((PromptRow *) g_ptr_array_index (self->prompt_rows, index))->remove_button);
}
