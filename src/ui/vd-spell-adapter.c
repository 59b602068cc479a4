/* vd-spell-adapter.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One adapter per prose text view, owned by the view. Checking never runs in
 * a keystroke: an edit marks its paragraph (the buffer's line) dirty, and one
 * low-priority idle, shared by every adapter of the process, checks dirty
 * text word by word until its budget for that main-loop iteration is spent,
 * then yields to the next iteration. Opening a comparison marks whole
 * scorecards dirty; they are checked in the same slices, so the window
 * never pauses for them. The words themselves are judged by the VdSpeller
 * (core/), which knows the dictionaries, the personal word list, the words
 * ignored this session and the desk's names.
 *
 * The context menu is the text view's extra menu: a section of suggestions
 * and two items, filled for the word under the pointer (right click) or
 * the cursor (Menu key, Shift+F10) just before the view pops it up.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <time.h>

#include "vd-application.h"
#include "vd-spell-adapter-private.h"

#define ADAPTER_KEY "vd-spell-adapter"

struct _VdSpellAdapter
{
  GObject             parent_instance;

  GtkTextView        *view;        /* unowned: the view owns the adapter */
  GtkTextBuffer      *buffer;
  GtkTextTag         *tag;
  VdSpeller          *speller;
  char               *reviewer;    /* whose language, or NULL for the desk's */
  char               *language;    /* NULL: no dictionary, nothing is checked */
  gboolean            enabled;

  /* What is left to check: from dirty_start (left gravity) to dirty_end
   * (right gravity, so text typed at the end stays inside); NULL when clean. */
  GtkTextMark        *dirty_start;
  GtkTextMark        *dirty_end;
  GList               link;        /* in the scheduler's queue while dirty */

  /* The word the menu was filled for. */
  VdSpellMenu         menu;
  GtkTextMark        *word_start;
  GtkTextMark        *word_end;
};

G_DEFINE_FINAL_TYPE (VdSpellAdapter, vd_spell_adapter, G_TYPE_OBJECT)

/* Settings ---------------------------------------------------------------- */

/* One settings object for every adapter; NULL when the schema is not
 * installed, and then spelling is on in the desk's language. */
GSettings *
vd_spell_get_settings (void)
{
  static GSettings *settings;
  static gboolean looked_up;

  if (!looked_up)
    {
      settings = vd_application_new_settings ();
      looked_up = TRUE;
    }
  return settings;
}

/* The Preferences switch. */
gboolean
vd_spell_get_desk_enabled (void)
{
  GSettings *settings = vd_spell_get_settings ();

  return settings == NULL || g_settings_get_boolean (settings, "spell-check");
}

/**
 * vd_spell_dup_reviewer_language:
 * @reviewer: (nullable): a reviewer's uuid, or %NULL for text that is no
 *   reviewer's (a tool's description)
 *
 * Returns: (transfer full) (nullable): the dictionary @reviewer writes in:
 *   their choice on this machine, else the one closest to the user's locale
 */
char *
vd_spell_dup_reviewer_language (const char *reviewer)
{
  GSettings *settings = vd_spell_get_settings ();
  char *chosen = NULL;

  if (settings != NULL && reviewer != NULL)
    {
      g_autoptr(GVariant) languages = g_settings_get_value (settings, "spell-languages");

      g_variant_lookup (languages, reviewer, "s", &chosen);
    }
  if (chosen != NULL)
    return chosen;

  return g_strdup (vd_speller_get_default_language (vd_speller_get_default ()));
}

/**
 * vd_spell_set_reviewer_language:
 * @language: (nullable): a dictionary code, or %NULL to follow the locale
 *
 * Kept on this machine only: which dictionaries exist depends on the
 * machine, so the choice is not part of the reviewer's record.
 */
void
vd_spell_set_reviewer_language (const char *reviewer,
                                const char *language)
{
  GSettings *settings = vd_spell_get_settings ();
  g_autoptr(GVariant) old = NULL;
  GVariantBuilder builder;
  GVariantIter iter;
  const char *key, *value;

  g_return_if_fail (reviewer != NULL);

  if (settings == NULL)
    return;

  old = g_settings_get_value (settings, "spell-languages");
  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{ss}"));
  g_variant_iter_init (&iter, old);
  while (g_variant_iter_next (&iter, "{&s&s}", &key, &value))
    if (!g_str_equal (key, reviewer))
      g_variant_builder_add (&builder, "{ss}", key, value);
  if (language != NULL)
    g_variant_builder_add (&builder, "{ss}", reviewer, language);
  g_settings_set_value (settings, "spell-languages", g_variant_builder_end (&builder));
}

/* Names -------------------------------------------------------------------
 * The desk's names come from the lists the sidebar reads anyway (ten
 * thousand tools at newsroom scale), learnt in budgeted idle slices after
 * they arrive; a saved edit of one tool or reviewer comes through the
 * store's signal, one row. */

typedef struct
{
  GListModel *model;      /* unowned: the model owns this */
  guint       next;       /* the first summary not learnt yet */
} NameSource;

static GList *name_sources;
static guint names_idle;
static gint64 learn_time;
static gboolean default_loaded;

static gint64 longest_slice;
static gint64 longest_slice_cpu;
static guint n_slices;           /* idle slices that checked words, since the last reset */
static guint most_slice_words;   /* the most words one of them checked */
static guint words_checked;      /* the words they checked, in all */

static gint64 thread_cpu_time (void);

static gboolean
learn_names_cb (gpointer data)
{
  VdSpeller *speller = vd_speller_get_default ();
  gint64 start = g_get_monotonic_time ();
  gint64 start_cpu = thread_cpu_time ();
  gint64 deadline = start + VD_SPELL_SLICE_BUDGET_USEC;
  gboolean done = TRUE;

  for (GList *l = name_sources; l != NULL && done; l = l->next)
    {
      NameSource *source = l->data;

      done = vd_speller_learn_summaries (speller, source->model, &source->next, deadline);
    }

  learn_time += g_get_monotonic_time () - start;
  longest_slice = MAX (longest_slice, g_get_monotonic_time () - start);
  longest_slice_cpu = MAX (longest_slice_cpu, thread_cpu_time () - start_cpu);
  if (!done)
    return G_SOURCE_CONTINUE;

  names_idle = 0;
  /* Most fields are checked in it: read it before the first is opened. */
  if (!default_loaded)
    {
      vd_speller_load_language (speller, vd_speller_get_default_language (speller));
      default_loaded = TRUE;
    }
  return G_SOURCE_REMOVE;
}

static void
queue_names (void)
{
  if (names_idle == 0)
    names_idle = g_idle_add_full (G_PRIORITY_LOW, learn_names_cb, NULL, NULL);
}

static void
on_names_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  NameSource *source)
{
  source->next = MIN (source->next, position);
  queue_names ();
}

static void
name_source_free (gpointer data)
{
  name_sources = g_list_remove (name_sources, data);
  g_free (data);
}

/**
 * vd_spell_learn_names:
 * @summaries: a list of #VdSummary of tools or reviewers, such as the
 *   sidebar's (vd_sidebar_get_items())
 *
 * Has the names in @summaries count as right words, as the list fills and
 * changes, for as long as it lives.
 */
void
vd_spell_learn_names (GListModel *summaries)
{
  NameSource *source;

  g_return_if_fail (G_IS_LIST_MODEL (summaries));

  if (g_object_get_data (G_OBJECT (summaries), "vd-spell-names") != NULL)
    return;

  source = g_new0 (NameSource, 1);
  source->model = summaries;
  name_sources = g_list_prepend (name_sources, source);
  g_object_set_data_full (G_OBJECT (summaries), "vd-spell-names", source, name_source_free);
  g_signal_connect (summaries, "items-changed", G_CALLBACK (on_names_changed), source);
  queue_names ();
}

/**
 * vd_spell_get_learn_time:
 *
 * Returns: how long learning names has taken so far, in microseconds,
 *   over every slice
 */
gint64
vd_spell_get_learn_time (void)
{
  return learn_time;
}

/* Scheduling -------------------------------------------------------------- */

static GQueue pending = G_QUEUE_INIT;
static guint pending_idle;
static guint n_dirty;          /* adapters with text to check, queued or waiting */

static gint64
monotonic_clock (gpointer data)
{
  return g_get_monotonic_time ();
}

/* What the idle slices tell the time by: a test's clock that counts calls
 * makes their length a number of words. */
static VdSpellClock idle_clock = monotonic_clock;
static gpointer idle_clock_data;

static gboolean run_pending_cb (gpointer data);

static void
queue (VdSpellAdapter *self)
{
  if (self->link.data == NULL)
    {
      self->link.data = self;
      g_queue_push_tail_link (&pending, &self->link);
    }
  if (pending_idle == 0)
    pending_idle = g_idle_add_full (G_PRIORITY_LOW, run_pending_cb, NULL, NULL);
}

static void
unqueue (VdSpellAdapter *self)
{
  if (self->link.data != NULL)
    {
      g_queue_unlink (&pending, &self->link);
      self->link.data = NULL;
    }
}

static void
clear_dirty (VdSpellAdapter *self)
{
  if (self->dirty_start != NULL)
    {
      gtk_text_buffer_delete_mark (self->buffer, self->dirty_start);
      gtk_text_buffer_delete_mark (self->buffer, self->dirty_end);
      self->dirty_start = self->dirty_end = NULL;
      n_dirty--;
    }
  unqueue (self);
}

/* The next word from @iter, if it starts before @limit. */
static gboolean
next_word (GtkTextIter       *iter,
           const GtkTextIter *limit,
           GtkTextIter       *word_start,
           GtkTextIter       *word_end)
{
  /* FALSE at the end of the buffer even when it moved: judged below. */
  *word_end = *iter;
  gtk_text_iter_forward_word_end (word_end);
  if (!gtk_text_iter_ends_word (word_end) || gtk_text_iter_compare (word_end, iter) <= 0)
    return FALSE;

  *word_start = *word_end;
  gtk_text_iter_backward_word_start (word_start);
  if (gtk_text_iter_compare (word_start, iter) < 0)
    *word_start = *iter;

  return gtk_text_iter_compare (word_start, limit) < 0;
}

static gboolean
range_has_tag (VdSpellAdapter    *self,
               const GtkTextIter *start,
               const GtkTextIter *end)
{
  GtkTextIter iter = *start;

  return gtk_text_iter_has_tag (&iter, self->tag) ||
         (gtk_text_iter_forward_to_tag_toggle (&iter, self->tag) &&
          gtk_text_iter_compare (&iter, end) < 0);
}

/* Underlines the word from @word_start to @word_end, or not, and nothing
 * from @from to it. Each tag change has the view redraw the paragraph, so
 * re-checking a paragraph that is as it was changes no tag. */
static void
set_flagged (VdSpellAdapter    *self,
             const GtkTextIter *from,
             const GtkTextIter *word_start,
             const GtkTextIter *word_end,
             gboolean           flagged)
{
  GtkTextIter toggle = *word_start;

  if (flagged &&
      gtk_text_iter_starts_tag (word_start, self->tag) &&
      gtk_text_iter_forward_to_tag_toggle (&toggle, self->tag) &&
      gtk_text_iter_equal (&toggle, word_end) &&
      !range_has_tag (self, from, word_start))
    return;

  if (range_has_tag (self, from, word_end))
    gtk_text_buffer_remove_tag (self->buffer, self->tag, from, word_end);
  if (flagged)
    gtk_text_buffer_apply_tag (self->buffer, self->tag, word_start, word_end);
}

/* Checks words of @self's dirty text until @deadline; TRUE when none is
 * left. At least one word, so that every slice gets somewhere. */
static gboolean
check_until (VdSpellAdapter *self,
             gint64          deadline,
             VdSpellClock    clock,
             gpointer        clock_data,
             guint          *n_words)
{
  GtkTextIter iter, limit, word_start, word_end;

  gtk_text_buffer_get_iter_at_mark (self->buffer, &iter, self->dirty_start);
  gtk_text_buffer_get_iter_at_mark (self->buffer, &limit, self->dirty_end);

  while (next_word (&iter, &limit, &word_start, &word_end))
    {
      g_autofree char *word = gtk_text_iter_get_slice (&word_start, &word_end);

      set_flagged (self, &iter, &word_start, &word_end,
                   !vd_speller_check_word (self->speller, self->language, word, -1));
      iter = word_end;
      (*n_words)++;

      if (clock (clock_data) >= deadline)
        {
          gtk_text_buffer_move_mark (self->buffer, self->dirty_start, &iter);
          return FALSE;
        }
    }

  if (gtk_text_iter_compare (&iter, &limit) < 0 && range_has_tag (self, &iter, &limit))
    gtk_text_buffer_remove_tag (self->buffer, self->tag, &iter, &limit);
  clear_dirty (self);
  return TRUE;
}

/**
 * vd_spell_run_slice:
 * @budget_usec: how long the slice may run, by @clock
 * @clock: what tells the time; tests pass one that counts calls
 *
 * Checks dirty text of the queued adapters, first queued first, until
 * @budget_usec has passed.
 *
 * Returns: how many words were checked
 */
guint
vd_spell_run_slice (gint64       budget_usec,
                    VdSpellClock clock,
                    gpointer     clock_data)
{
  gint64 start = clock (clock_data);
  gint64 deadline = start + budget_usec;
  guint n_words = 0;

  while (pending.head != NULL)
    {
      VdSpellAdapter *self = pending.head->data;

      /* Its dictionary is still being read: it comes back when it is in
       * (on_language_loaded), its text still dirty. */
      if (!vd_speller_is_loaded (self->speller, self->language))
        {
          unqueue (self);
          vd_speller_load_language (self->speller, self->language);
          continue;
        }

      if (!check_until (self, deadline, clock, clock_data, &n_words))
        break;
    }

  return n_words;
}

/* This thread's processor time: a slice's own cost, without the time the
 * machine gave to other processes meanwhile. */
static gint64
thread_cpu_time (void)
{
  struct timespec now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);
  return (gint64) now.tv_sec * G_USEC_PER_SEC + now.tv_nsec / 1000;
}

static gboolean
run_pending_cb (gpointer data)
{
  gint64 start = g_get_monotonic_time ();
  gint64 start_cpu = thread_cpu_time ();
  guint n_words;

  n_words = vd_spell_run_slice (VD_SPELL_SLICE_BUDGET_USEC, idle_clock, idle_clock_data);
  n_slices += n_words > 0;
  words_checked += n_words;
  most_slice_words = MAX (most_slice_words, n_words);

  /* Measured around the whole slice, tags included: what the benchmark of
   * opening a comparison reads. */
  longest_slice = MAX (longest_slice, g_get_monotonic_time () - start);
  longest_slice_cpu = MAX (longest_slice_cpu, thread_cpu_time () - start_cpu);

  if (pending.head != NULL)
    return G_SOURCE_CONTINUE;

  pending_idle = 0;
  return G_SOURCE_REMOVE;
}

/**
 * vd_spell_get_longest_slice:
 *
 * Returns: the longest one main-loop iteration spent on spelling, in
 *   microseconds, since the last vd_spell_reset_longest_slice()
 */
gint64
vd_spell_get_longest_slice (void)
{
  return longest_slice;
}

/**
 * vd_spell_get_longest_slice_cpu:
 *
 * Returns: the most processor time one slice of checking took, in
 *   microseconds, since the last vd_spell_reset_longest_slice()
 */
gint64
vd_spell_get_longest_slice_cpu (void)
{
  return longest_slice_cpu;
}

/**
 * vd_spell_reset_longest_slice:
 *
 * Starts the slice figures again: the longest slices and the counts below.
 */
void
vd_spell_reset_longest_slice (void)
{
  longest_slice = 0;
  longest_slice_cpu = 0;
  n_slices = 0;
  most_slice_words = 0;
  words_checked = 0;
}

/**
 * vd_spell_get_slice_counts:
 * @n_slices_out: (out) (optional): how many idle slices checked words
 * @most_words_out: (out) (optional): the most words one slice checked
 * @words_out: (out) (optional): the words checked in all
 *
 * Counts of the main loop's spelling slices since the last
 * vd_spell_reset_longest_slice().
 */
void
vd_spell_get_slice_counts (guint *n_slices_out,
                           guint *most_words_out,
                           guint *words_out)
{
  if (n_slices_out != NULL)
    *n_slices_out = n_slices;
  if (most_words_out != NULL)
    *most_words_out = most_slice_words;
  if (words_out != NULL)
    *words_out = words_checked;
}

/**
 * vd_spell_set_idle_clock:
 * @clock: (nullable): what the main loop's slices tell the time by; %NULL
 *   for the monotonic clock
 *
 * For the tests: a clock that counts its calls bounds each slice by words
 * instead of by the machine's speed.
 */
void
vd_spell_set_idle_clock (VdSpellClock clock,
                         gpointer     clock_data)
{
  idle_clock = clock != NULL ? clock : monotonic_clock;
  idle_clock_data = clock != NULL ? clock_data : NULL;
}

/**
 * vd_spell_has_pending:
 *
 * Returns: whether any view has text left to check, or waits for its
 *   dictionary to check it
 */
gboolean
vd_spell_has_pending (void)
{
  return n_dirty > 0;
}

/* Widens the dirty text to whole paragraphs from @start to @end. */
static void
mark_dirty (VdSpellAdapter    *self,
            const GtkTextIter *start,
            const GtkTextIter *end)
{
  GtkTextIter from = *start, to = *end;

  if (!self->enabled)
    return;

  gtk_text_iter_set_line_offset (&from, 0);
  if (!gtk_text_iter_ends_line (&to))
    gtk_text_iter_forward_to_line_end (&to);

  if (self->dirty_start == NULL)
    {
      self->dirty_start = gtk_text_buffer_create_mark (self->buffer, NULL, &from, TRUE);
      self->dirty_end = gtk_text_buffer_create_mark (self->buffer, NULL, &to, FALSE);
      n_dirty++;
    }
  else
    {
      GtkTextIter old_from, old_to;

      gtk_text_buffer_get_iter_at_mark (self->buffer, &old_from, self->dirty_start);
      gtk_text_buffer_get_iter_at_mark (self->buffer, &old_to, self->dirty_end);
      if (gtk_text_iter_compare (&old_from, &from) < 0)
        from = old_from;
      if (gtk_text_iter_compare (&old_to, &to) > 0)
        to = old_to;
      gtk_text_buffer_move_mark (self->buffer, self->dirty_start, &from);
      gtk_text_buffer_move_mark (self->buffer, self->dirty_end, &to);
    }

  queue (self);
}

static void
mark_all_dirty (VdSpellAdapter *self)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  mark_dirty (self, &start, &end);
}

/* A word that was wrong may be right now: only flagged words need a look. */
static void
recheck_flagged (VdSpellAdapter *self)
{
  GtkTextIter iter, end;

  gtk_text_buffer_get_start_iter (self->buffer, &iter);
  if (!gtk_text_iter_starts_tag (&iter, self->tag) &&
      !gtk_text_iter_forward_to_tag_toggle (&iter, self->tag))
    return;

  do
    {
      g_autofree char *word = NULL;

      end = iter;
      gtk_text_iter_forward_to_tag_toggle (&end, self->tag);
      word = gtk_text_iter_get_slice (&iter, &end);
      if (vd_speller_check_word (self->speller, self->language, word, -1))
        gtk_text_buffer_remove_tag (self->buffer, self->tag, &iter, &end);
      iter = end;
    }
  while (gtk_text_iter_forward_to_tag_toggle (&iter, self->tag));
}

/* Language and switch ------------------------------------------------------ */

static void update_language (VdSpellAdapter *self);

static void
on_language_loaded (VdSpellAdapter *self,
                    const char     *language)
{
  /* The list of dictionaries is in: now the language can be chosen. */
  if (language == NULL)
    update_language (self);
  else if (self->dirty_start != NULL && g_strcmp0 (language, self->language) == 0)
    queue (self);
}

static void
update_language (VdSpellAdapter *self)
{
  g_autofree char *language = NULL;
  gboolean enabled;

  /* Not before the dictionaries are listed: the window's first frame does
   * not wait for Enchant. Until then nothing is flagged. */
  if (!vd_speller_is_probed (self->speller))
    return;

  language = vd_spell_dup_reviewer_language (self->reviewer);

  /* No dictionary for the language: nothing is flagged, nothing warns. */
  if (language != NULL && !vd_speller_has_language (self->speller, language))
    g_clear_pointer (&language, g_free);
  enabled = language != NULL && vd_spell_get_desk_enabled ();

  if (enabled == self->enabled && g_strcmp0 (language, self->language) == 0)
    return;

  g_free (self->language);
  self->language = g_steal_pointer (&language);
  self->enabled = enabled;

  if (self->enabled)
    mark_all_dirty (self);
  else
    {
      GtkTextIter start, end;

      clear_dirty (self);
      gtk_text_buffer_get_bounds (self->buffer, &start, &end);
      gtk_text_buffer_remove_tag (self->buffer, self->tag, &start, &end);
    }
}

/* Buffer ------------------------------------------------------------------ */

static void
on_insert_text (VdSpellAdapter *self,
                GtkTextIter    *location,
                const char     *text,
                int             length,
                GtkTextBuffer  *buffer)
{
  GtkTextIter start = *location;

  /* After the default handler: @location is the end of the new text. */
  gtk_text_iter_backward_chars (&start, g_utf8_strlen (text, length));
  mark_dirty (self, &start, location);
}

static void
on_delete_range (VdSpellAdapter *self,
                 GtkTextIter    *start,
                 GtkTextIter    *end,
                 GtkTextBuffer  *buffer)
{
  mark_dirty (self, start, end);
}

/* Menu -------------------------------------------------------------------- */

static void
set_menu_word (VdSpellAdapter    *self,
               const GtkTextIter *start,
               const GtkTextIter *end,
               char              *word)
{
  if (word != NULL)
    {
      gtk_text_buffer_move_mark (self->buffer, self->word_start, start);
      gtk_text_buffer_move_mark (self->buffer, self->word_end, end);
    }
  vd_spell_menu_fill (&self->menu, self->language, word);
}

/**
 * vd_spell_adapter_prepare_menu:
 * @iter: where the menu is for: the pointer's or the cursor's position
 *
 * Fills the context menu for the word at @iter: its suggestions, Add to
 * Dictionary and Ignore All when it is misspelled, nothing when not.
 *
 * Returns: whether the word at @iter is misspelled
 */
gboolean
vd_spell_adapter_prepare_menu (VdSpellAdapter    *self,
                               const GtkTextIter *iter)
{
  GtkTextIter start = *iter, end = *iter;
  g_autofree char *word = NULL;

  g_return_val_if_fail (VD_IS_SPELL_ADAPTER (self), FALSE);
  g_return_val_if_fail (iter != NULL, FALSE);

  /* Not before the dictionary is in: reading it here would stall the menu. */
  if (self->enabled && vd_speller_is_loaded (self->speller, self->language) &&
      (gtk_text_iter_inside_word (&start) || gtk_text_iter_ends_word (&start)))
    {
      if (!gtk_text_iter_starts_word (&start))
        gtk_text_iter_backward_word_start (&start);
      if (!gtk_text_iter_ends_word (&end))
        gtk_text_iter_forward_word_end (&end);
      word = gtk_text_iter_get_slice (&start, &end);
      if (vd_speller_check_word (self->speller, self->language, word, -1))
        g_clear_pointer (&word, g_free);
    }

  set_menu_word (self, &start, &end, g_steal_pointer (&word));
  return self->menu.word != NULL;
}

static void
on_click_pressed (GtkGestureClick *gesture,
                  int              n_press,
                  double           x,
                  double           y,
                  VdSpellAdapter  *self)
{
  GdkEventSequence *sequence = gtk_gesture_single_get_current_sequence (GTK_GESTURE_SINGLE (gesture));
  GdkEvent *event = gtk_gesture_get_last_event (GTK_GESTURE (gesture), sequence);
  GtkTextIter iter, start, end;
  int buffer_x, buffer_y;

  if (n_press != 1 || event == NULL || !gdk_event_triggers_context_menu (event))
    return;

  /* A right click on a word is about that word: the cursor goes there, as
   * it does in every writing app, unless it would lose a selection. */
  gtk_text_view_window_to_buffer_coords (self->view, GTK_TEXT_WINDOW_WIDGET, x, y,
                                         &buffer_x, &buffer_y);
  gtk_text_view_get_iter_at_location (self->view, &iter, buffer_x, buffer_y);
  if (!gtk_text_buffer_get_selection_bounds (self->buffer, &start, &end))
    gtk_text_buffer_place_cursor (self->buffer, &iter);

  vd_spell_adapter_prepare_menu (self, &iter);
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                VdSpellAdapter        *self)
{
  GtkTextIter iter;

  if (keyval == GDK_KEY_Menu ||
      ((keyval == GDK_KEY_F10 || keyval == GDK_KEY_KP_F4) && (state & GDK_SHIFT_MASK) != 0))
    {
      gtk_text_buffer_get_iter_at_mark (self->buffer, &iter,
                                        gtk_text_buffer_get_insert (self->buffer));
      vd_spell_adapter_prepare_menu (self, &iter);
    }

  /* The view still pops the menu up. */
  return GDK_EVENT_PROPAGATE;
}

static void
on_correct (GSimpleAction *action,
            GVariant      *parameter,
            gpointer       data)
{
  VdSpellAdapter *self = data;
  const char *correction = g_variant_get_string (parameter, NULL);
  g_autofree char *current = NULL;
  GtkTextIter start, end;

  if (self->menu.word == NULL)
    return;

  gtk_text_buffer_get_iter_at_mark (self->buffer, &start, self->word_start);
  gtk_text_buffer_get_iter_at_mark (self->buffer, &end, self->word_end);
  current = gtk_text_iter_get_slice (&start, &end);

  /* The text changed under the menu: correcting now would hit another word. */
  if (!g_str_equal (current, self->menu.word))
    return;

  /* One user action: one undo puts the word back. */
  gtk_text_buffer_begin_user_action (self->buffer);
  gtk_text_buffer_delete (self->buffer, &start, &end);
  gtk_text_buffer_insert (self->buffer, &start, correction, -1);
  gtk_text_buffer_end_user_action (self->buffer);
}

/* Object ------------------------------------------------------------------ */

static void
vd_spell_adapter_finalize (GObject *object)
{
  VdSpellAdapter *self = VD_SPELL_ADAPTER (object);

  clear_dirty (self);
  vd_spell_menu_clear (&self->menu);
  g_clear_object (&self->buffer);
  g_clear_object (&self->speller);
  g_clear_pointer (&self->reviewer, g_free);
  g_clear_pointer (&self->language, g_free);

  G_OBJECT_CLASS (vd_spell_adapter_parent_class)->finalize (object);
}

static void
vd_spell_adapter_class_init (VdSpellAdapterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = vd_spell_adapter_finalize;
}

static void
vd_spell_adapter_init (VdSpellAdapter *self)
{
}

/**
 * vd_spell_adapter_attach:
 * @view: a prose text view, which keeps its buffer for its life
 * @reviewer: (nullable): the uuid of the reviewer who writes in @view, whose
 *   language it is checked in; %NULL for the desk's language
 *
 * Underlines the misspelled words of @view from now on, and gives its
 * context menu corrections. The view owns the adapter.
 *
 * Returns: (transfer none): the adapter
 */
VdSpellAdapter *
vd_spell_adapter_attach (GtkTextView *view,
                         const char  *reviewer)
{
  VdSpellAdapter *self;
  GtkEventController *controller;
  GSettings *settings = vd_spell_get_settings ();
  GtkTextIter start;

  g_return_val_if_fail (GTK_IS_TEXT_VIEW (view), NULL);
  g_return_val_if_fail (vd_spell_adapter_get_for_view (view) == NULL, NULL);

  self = g_object_new (VD_TYPE_SPELL_ADAPTER, NULL);
  self->view = view;
  self->buffer = g_object_ref (gtk_text_view_get_buffer (view));
  self->speller = g_object_ref (vd_speller_get_default ());
  self->reviewer = g_strdup (reviewer);
  self->tag = gtk_text_buffer_create_tag (self->buffer, NULL,
                                          "underline", PANGO_UNDERLINE_ERROR,
                                          NULL);
  gtk_text_buffer_get_start_iter (self->buffer, &start);
  self->word_start = gtk_text_buffer_create_mark (self->buffer, NULL, &start, TRUE);
  self->word_end = gtk_text_buffer_create_mark (self->buffer, NULL, &start, FALSE);
  g_object_set_data_full (G_OBJECT (view), ADAPTER_KEY, self, g_object_unref);

  gtk_text_view_set_extra_menu (view, vd_spell_menu_init (&self->menu, GTK_WIDGET (view),
                                                          gtk_text_view_get_extra_menu (view),
                                                          self->speller, on_correct, self));

  g_signal_connect_object (self->buffer, "insert-text", G_CALLBACK (on_insert_text), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (self->buffer, "delete-range", G_CALLBACK (on_delete_range), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (self->speller, "changed", G_CALLBACK (recheck_flagged), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->speller, "language-loaded", G_CALLBACK (on_language_loaded),
                           self, G_CONNECT_SWAPPED);
  if (settings != NULL)
    {
      g_signal_connect_object (settings, "changed::spell-check",
                               G_CALLBACK (update_language), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (settings, "changed::spell-languages",
                               G_CALLBACK (update_language), self, G_CONNECT_SWAPPED);
    }

  /* Before the view's own handlers, which pop the menu up. */
  controller = GTK_EVENT_CONTROLLER (gtk_gesture_click_new ());
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (controller), 0);
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "pressed", G_CALLBACK (on_click_pressed), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (view), controller);

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "key-pressed", G_CALLBACK (on_key_pressed), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (view), controller);

  update_language (self);
  return self;
}

/**
 * vd_spell_adapter_get_for_view:
 *
 * Returns: (transfer none) (nullable): @view's adapter
 */
VdSpellAdapter *
vd_spell_adapter_get_for_view (GtkTextView *view)
{
  g_return_val_if_fail (GTK_IS_TEXT_VIEW (view), NULL);

  return g_object_get_data (G_OBJECT (view), ADAPTER_KEY);
}

/**
 * vd_spell_adapter_get_language:
 *
 * Returns: (nullable): the dictionary the view is checked in, or %NULL
 *   when there is none for its writer's language
 */
const char *
vd_spell_adapter_get_language (VdSpellAdapter *self)
{
  g_return_val_if_fail (VD_IS_SPELL_ADAPTER (self), NULL);

  return self->language;
}

gboolean
vd_spell_adapter_get_enabled (VdSpellAdapter *self)
{
  g_return_val_if_fail (VD_IS_SPELL_ADAPTER (self), FALSE);

  return self->enabled;
}

/**
 * vd_spell_adapter_is_checked:
 *
 * Returns: whether every word of the view has been checked since its last
 *   change
 */
gboolean
vd_spell_adapter_is_checked (VdSpellAdapter *self)
{
  g_return_val_if_fail (VD_IS_SPELL_ADAPTER (self), FALSE);

  return self->dirty_start == NULL;
}

/**
 * vd_spell_adapter_get_tag:
 *
 * Returns: (transfer none): the tag that underlines misspelled words
 */
GtkTextTag *
vd_spell_adapter_get_tag (VdSpellAdapter *self)
{
  g_return_val_if_fail (VD_IS_SPELL_ADAPTER (self), NULL);

  return self->tag;
}

/**
 * vd_spell_adapter_get_suggestions:
 *
 * Returns: (transfer none): the menu section of corrections, as last filled
 *   by vd_spell_adapter_prepare_menu()
 */
GMenuModel *
vd_spell_adapter_get_suggestions (VdSpellAdapter *self)
{
  g_return_val_if_fail (VD_IS_SPELL_ADAPTER (self), NULL);

  return G_MENU_MODEL (self->menu.suggestions);
}
