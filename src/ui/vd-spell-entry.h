/* vd-spell-entry.h — underlines an entry row's misspelled words and offers
 * corrections in its context menu
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define VD_TYPE_SPELL_ENTRY (vd_spell_entry_get_type ())

G_DECLARE_FINAL_TYPE (VdSpellEntry, vd_spell_entry, VD, SPELL_ENTRY, GObject)

VdSpellEntry *vd_spell_entry_attach           (GtkEditable  *editable);
VdSpellEntry *vd_spell_entry_get_for_editable (GtkEditable  *editable);
gboolean      vd_spell_entry_is_checked       (VdSpellEntry *self);
GtkText      *vd_spell_entry_get_text_widget  (VdSpellEntry *self);
gboolean      vd_spell_entry_prepare_menu     (VdSpellEntry *self,
                                               int           position);
GMenuModel   *vd_spell_entry_get_suggestions  (VdSpellEntry *self);

G_END_DECLS
