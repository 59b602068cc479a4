/* vd-spell-adapter.h — underlines a text view's misspelled words and offers
 * corrections in its context menu
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define VD_TYPE_SPELL_ADAPTER (vd_spell_adapter_get_type ())

G_DECLARE_FINAL_TYPE (VdSpellAdapter, vd_spell_adapter, VD, SPELL_ADAPTER, GObject)

VdSpellAdapter *vd_spell_adapter_attach          (GtkTextView       *view,
                                                  const char        *reviewer);
VdSpellAdapter *vd_spell_adapter_get_for_view    (GtkTextView       *view);
const char     *vd_spell_adapter_get_language    (VdSpellAdapter    *self);
gboolean        vd_spell_adapter_get_enabled     (VdSpellAdapter    *self);
gboolean        vd_spell_adapter_is_checked      (VdSpellAdapter    *self);
GtkTextTag     *vd_spell_adapter_get_tag         (VdSpellAdapter    *self);
gboolean        vd_spell_adapter_prepare_menu    (VdSpellAdapter    *self,
                                                  const GtkTextIter *iter);
GMenuModel     *vd_spell_adapter_get_suggestions (VdSpellAdapter    *self);

char           *vd_spell_dup_reviewer_language   (const char        *reviewer);
void            vd_spell_set_reviewer_language   (const char        *reviewer,
                                                  const char        *language);
void            vd_spell_learn_names             (GListModel        *summaries);

G_END_DECLS
