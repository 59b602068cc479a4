/* vd-spell-entry.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Spelling for the one-line prose rows (a comparison's dek and pricing
 * read): the same underline and menu as the text views, on the GtkText
 * inside an AdwEntryRow. A row holds a sentence or two, so an edit has the
 * whole text checked in the next low-priority idle, never in the keystroke.
 * Underlines are Pango attributes on the GtkText, which draws them and
 * leaves the text alone. GtkText has no position-under-the-pointer API, so
 * the menu is for the word at the cursor: a click in the word puts it
 * there, as the Menu key finds it.
 */
#include "config.h"

#include "vd-spell-adapter-private.h"
#include "vd-spell-entry.h"

#define ENTRY_KEY "vd-spell-entry"

struct _VdSpellEntry
{
  GObject      parent_instance;

  GtkEditable *editable;   /* unowned: its GtkText owns the adapter */
  GtkText     *text;
  VdSpeller   *speller;
  char        *language;
  gboolean     enabled;
  guint        check_idle;
  gboolean     waiting;    /* for its dictionary, with the text unchecked */

  VdSpellMenu  menu;
  int          word_start; /* characters; the word the menu was filled for */
  int          word_end;
};

G_DEFINE_FINAL_TYPE (VdSpellEntry, vd_spell_entry, G_TYPE_OBJECT)

/* Calls @func for each word of @text, with its byte and character bounds;
 * stops when it returns TRUE. Pango's word boundaries, as GtkTextIter's. */
static void
foreach_word (const char *text,
              gboolean  (*func) (const char *, int, int, int, int, gpointer),
              gpointer    data)
{
  int n_chars = g_utf8_strlen (text, -1);
  g_autofree PangoLogAttr *attrs = g_new0 (PangoLogAttr, n_chars + 1);
  const char *p = text, *word = NULL;
  int word_char = 0;

  pango_get_log_attrs (text, strlen (text), -1, NULL, attrs, n_chars + 1);
  for (int i = 0; i <= n_chars; i++, p = i <= n_chars ? g_utf8_next_char (p) : p)
    {
      if (word != NULL && attrs[i].is_word_end)
        {
          if (func (text, word - text, p - text, word_char, i, data))
            return;
          word = NULL;
        }
      if (word == NULL && i < n_chars && attrs[i].is_word_start)
        {
          word = p;
          word_char = i;
        }
    }
}

typedef struct
{
  VdSpellEntry  *self;
  PangoAttrList *attrs;
} CheckData;

static gboolean
check_one (const char *text,
           int         start,
           int         end,
           int         start_char,
           int         end_char,
           gpointer    data)
{
  CheckData *check = data;

  if (!vd_speller_check_word (check->self->speller, check->self->language, text + start, end - start))
    {
      PangoAttribute *underline = pango_attr_underline_new (PANGO_UNDERLINE_ERROR);
      /* GtkText draws an attribute's underline in the text's colour, where
       * a text view uses the theme's error red; this is that red. */
      PangoAttribute *colour = pango_attr_underline_color_new (0xe0e0, 0x1b1b, 0x2424);

      underline->start_index = colour->start_index = start;
      underline->end_index = colour->end_index = end;
      pango_attr_list_insert (check->attrs, underline);
      pango_attr_list_insert (check->attrs, colour);
    }
  return FALSE;
}

static gboolean
check_cb (gpointer data)
{
  VdSpellEntry *self = data;
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();
  CheckData check = { self, attrs };

  self->check_idle = 0;
  /* Its dictionary is still being read: language-loaded brings us back. */
  self->waiting = self->enabled && !vd_speller_is_loaded (self->speller, self->language);
  if (self->waiting)
    {
      vd_speller_load_language (self->speller, self->language);
      return G_SOURCE_REMOVE;
    }
  if (self->enabled)
    foreach_word (gtk_editable_get_text (self->editable), check_one, &check);
  gtk_text_set_attributes (self->text, attrs);
  return G_SOURCE_REMOVE;
}

static void
queue_check (VdSpellEntry *self)
{
  if (self->check_idle == 0)
    self->check_idle = g_idle_add_full (G_PRIORITY_LOW, check_cb, self, NULL);
}

static void
update_language (VdSpellEntry *self)
{
  g_autofree char *language = NULL;
  gboolean enabled;

  /* As a text view's adapter: not before the dictionaries are listed. */
  if (!vd_speller_is_probed (self->speller))
    return;

  language = vd_spell_dup_reviewer_language (NULL);

  if (language != NULL && !vd_speller_has_language (self->speller, language))
    g_clear_pointer (&language, g_free);
  enabled = language != NULL && vd_spell_get_desk_enabled ();

  if (enabled == self->enabled && g_strcmp0 (language, self->language) == 0)
    return;

  g_free (self->language);
  self->language = g_steal_pointer (&language);
  self->enabled = enabled;
  queue_check (self);
}

static void
on_language_loaded (VdSpellEntry *self,
                    const char   *language)
{
  if (language == NULL)
    update_language (self);
  queue_check (self);
}

/* Menu -------------------------------------------------------------------- */

typedef struct
{
  int   position;
  int   start;
  int   end;
  char *word;
} FindData;

static gboolean
find_at (const char *text,
         int         start,
         int         end,
         int         start_char,
         int         end_char,
         gpointer    data)
{
  FindData *find = data;

  if (start_char > find->position)
    return TRUE;
  if (find->position <= end_char)
    {
      find->start = start_char;
      find->end = end_char;
      find->word = g_strndup (text + start, end - start);
      return TRUE;
    }
  return FALSE;
}

/**
 * vd_spell_entry_prepare_menu:
 * @position: a character offset into the row's text
 *
 * Fills the menu for the word at @position, as vd_spell_adapter_prepare_menu()
 * does for a text view.
 *
 * Returns: whether the word at @position is misspelled
 */
gboolean
vd_spell_entry_prepare_menu (VdSpellEntry *self,
                             int           position)
{
  FindData find = { position, 0, 0, NULL };

  g_return_val_if_fail (VD_IS_SPELL_ENTRY (self), FALSE);

  if (self->enabled && vd_speller_is_loaded (self->speller, self->language))
    foreach_word (gtk_editable_get_text (self->editable), find_at, &find);
  if (find.word != NULL && vd_speller_check_word (self->speller, self->language, find.word, -1))
    g_clear_pointer (&find.word, g_free);

  self->word_start = find.start;
  self->word_end = find.end;
  vd_spell_menu_fill (&self->menu, self->language, find.word);
  return self->menu.word != NULL;
}

static void
prepare_at_cursor (VdSpellEntry *self)
{
  vd_spell_entry_prepare_menu (self, gtk_editable_get_position (self->editable));
}

static void
on_click_pressed (GtkGestureClick *gesture,
                  int              n_press,
                  double           x,
                  double           y,
                  VdSpellEntry    *self)
{
  GdkEventSequence *sequence = gtk_gesture_single_get_current_sequence (GTK_GESTURE_SINGLE (gesture));
  GdkEvent *event = gtk_gesture_get_last_event (GTK_GESTURE (gesture), sequence);

  if (n_press == 1 && event != NULL && gdk_event_triggers_context_menu (event))
    prepare_at_cursor (self);
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                VdSpellEntry          *self)
{
  if (keyval == GDK_KEY_Menu ||
      ((keyval == GDK_KEY_F10 || keyval == GDK_KEY_KP_F4) && (state & GDK_SHIFT_MASK) != 0))
    prepare_at_cursor (self);

  return GDK_EVENT_PROPAGATE;
}

static void
on_correct (GSimpleAction *action,
            GVariant      *parameter,
            gpointer       data)
{
  VdSpellEntry *self = data;
  const char *text = gtk_editable_get_text (self->editable);
  const char *correction = g_variant_get_string (parameter, NULL);
  const char *start, *end;
  int position;

  if (self->menu.word == NULL || self->word_end > g_utf8_strlen (text, -1))
    return;

  start = g_utf8_offset_to_pointer (text, self->word_start);
  end = g_utf8_offset_to_pointer (text, self->word_end);
  /* The text changed under the menu: correcting now would hit another word. */
  if (strncmp (start, self->menu.word, end - start) != 0 || self->menu.word[end - start] != '\0')
    return;

  /* GtkText 4.8 has no way to group two edits into one undo step, so this is
   * two: undo takes the correction out, then puts the word back. Replacing
   * the whole text instead would have the first undo empty the row. */
  position = self->word_start;
  gtk_editable_delete_text (self->editable, self->word_start, self->word_end);
  gtk_editable_insert_text (self->editable, correction, -1, &position);
  gtk_editable_set_position (self->editable, position);
}

/* Object ------------------------------------------------------------------ */

static void
vd_spell_entry_finalize (GObject *object)
{
  VdSpellEntry *self = VD_SPELL_ENTRY (object);

  g_clear_handle_id (&self->check_idle, g_source_remove);
  vd_spell_menu_clear (&self->menu);
  g_clear_object (&self->speller);
  g_clear_pointer (&self->language, g_free);

  G_OBJECT_CLASS (vd_spell_entry_parent_class)->finalize (object);
}

static void
vd_spell_entry_class_init (VdSpellEntryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = vd_spell_entry_finalize;
}

static void
vd_spell_entry_init (VdSpellEntry *self)
{
}

/**
 * vd_spell_entry_attach:
 * @editable: an entry row (or entry) whose delegate is a GtkText
 *
 * Underlines the misspelled words of @editable, in the desk's language, and
 * gives its context menu corrections. The row's GtkText owns the adapter.
 *
 * Returns: (transfer none): the adapter
 */
VdSpellEntry *
vd_spell_entry_attach (GtkEditable *editable)
{
  GtkEditable *delegate;
  VdSpellEntry *self;
  GtkEventController *controller;
  GSettings *settings = vd_spell_get_settings ();

  g_return_val_if_fail (GTK_IS_EDITABLE (editable), NULL);

  /* An AdwEntryRow delegates to a GtkText, as a GtkEntry does. */
  delegate = editable;
  while (!GTK_IS_TEXT (delegate) && gtk_editable_get_delegate (delegate) != NULL)
    delegate = gtk_editable_get_delegate (delegate);
  g_return_val_if_fail (GTK_IS_TEXT (delegate), NULL);
  g_return_val_if_fail (vd_spell_entry_get_for_editable (editable) == NULL, NULL);

  self = g_object_new (VD_TYPE_SPELL_ENTRY, NULL);
  self->editable = editable;
  self->text = GTK_TEXT (delegate);
  self->speller = g_object_ref (vd_speller_get_default ());
  g_object_set_data_full (G_OBJECT (self->text), ENTRY_KEY, self, g_object_unref);

  gtk_text_set_extra_menu (self->text,
                           vd_spell_menu_init (&self->menu, GTK_WIDGET (self->text),
                                               gtk_text_get_extra_menu (self->text),
                                               self->speller, on_correct, self));

  g_signal_connect_object (editable, "changed", G_CALLBACK (queue_check), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->speller, "changed", G_CALLBACK (queue_check), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->speller, "language-loaded", G_CALLBACK (on_language_loaded),
                           self, G_CONNECT_SWAPPED);
  if (settings != NULL)
    g_signal_connect_object (settings, "changed::spell-check",
                             G_CALLBACK (update_language), self, G_CONNECT_SWAPPED);

  controller = GTK_EVENT_CONTROLLER (gtk_gesture_click_new ());
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (controller), 0);
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "pressed", G_CALLBACK (on_click_pressed), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->text), controller);

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "key-pressed", G_CALLBACK (on_key_pressed), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->text), controller);

  update_language (self);
  queue_check (self);
  return self;
}

/**
 * vd_spell_entry_get_for_editable:
 *
 * Returns: (transfer none) (nullable): @editable's adapter
 */
VdSpellEntry *
vd_spell_entry_get_for_editable (GtkEditable *editable)
{
  GtkEditable *delegate = editable;

  g_return_val_if_fail (GTK_IS_EDITABLE (editable), NULL);

  while (!GTK_IS_TEXT (delegate) && gtk_editable_get_delegate (delegate) != NULL)
    delegate = gtk_editable_get_delegate (delegate);
  return g_object_get_data (G_OBJECT (delegate), ENTRY_KEY);
}

/**
 * vd_spell_entry_is_checked:
 *
 * Returns: whether the row's underlines are those of its current text
 */
gboolean
vd_spell_entry_is_checked (VdSpellEntry *self)
{
  g_return_val_if_fail (VD_IS_SPELL_ENTRY (self), FALSE);

  return self->check_idle == 0 && !self->waiting;
}

/**
 * vd_spell_entry_get_text_widget:
 *
 * Returns: (transfer none): the GtkText that draws the underlines
 */
GtkText *
vd_spell_entry_get_text_widget (VdSpellEntry *self)
{
  g_return_val_if_fail (VD_IS_SPELL_ENTRY (self), NULL);

  return self->text;
}

/**
 * vd_spell_entry_get_suggestions:
 *
 * Returns: (transfer none): the corrections, as last filled
 */
GMenuModel *
vd_spell_entry_get_suggestions (VdSpellEntry *self)
{
  g_return_val_if_fail (VD_IS_SPELL_ENTRY (self), NULL);

  return G_MENU_MODEL (self->menu.suggestions);
}
