/* vd-spell-adapter-private.h — the idle slicing, for the tests and benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vd-speller.h"
#include "vd-spell-adapter.h"

G_BEGIN_DECLS

/* What one main-loop iteration may spend on spelling: well inside a 60 Hz
 * frame (16.7 ms), with room for the layout the new underlines cause. */
#define VD_SPELL_SLICE_BUDGET_USEC 3000

typedef gint64 (*VdSpellClock) (gpointer data);

guint  vd_spell_run_slice            (gint64        budget_usec,
                                      VdSpellClock  clock,
                                      gpointer      clock_data);
gint64 vd_spell_get_longest_slice    (void);
gint64 vd_spell_get_longest_slice_cpu (void);
void   vd_spell_reset_longest_slice  (void);
void   vd_spell_get_slice_counts     (guint        *n_slices_out,
                                      guint        *most_words_out,
                                      guint        *words_out);
void   vd_spell_set_idle_clock       (VdSpellClock  clock,
                                      gpointer      clock_data);
gboolean vd_spell_has_pending        (void);
gint64 vd_spell_get_learn_time       (void);

GSettings *vd_spell_get_settings     (void);
gboolean   vd_spell_get_desk_enabled (void);

/* The spelling part of a context menu: a section of suggestions, then Add to
 * Dictionary and Ignore All, on the "spelling" actions of one widget. */
typedef struct
{
  GSimpleActionGroup *actions;
  GMenu              *menu;
  GMenu              *suggestions;
  VdSpeller          *speller;   /* unowned: the widget's adapter holds it */
  char               *language;
  char               *word;      /* the misspelled word filled for, or NULL */
} VdSpellMenu;

typedef void (*VdSpellCorrect) (GSimpleAction *action,
                                GVariant      *correction,
                                gpointer       data);

GMenuModel *vd_spell_menu_init  (VdSpellMenu        *menu,
                                 GtkWidget          *widget,
                                 GMenuModel         *extra,
                                 VdSpeller          *speller,
                                 VdSpellCorrect      correct,
                                 gpointer            data);
void        vd_spell_menu_fill  (VdSpellMenu        *menu,
                                 const char         *language,
                                 char               *word);
void        vd_spell_menu_clear (VdSpellMenu        *menu);

G_END_DECLS
