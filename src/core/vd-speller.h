/* vd-speller.h — spelling through Enchant: dictionaries, the personal word
 * list, the words ignored for the session and the names the desk knows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "vd-store.h"

G_BEGIN_DECLS

#define VD_TYPE_SPELLER (vd_speller_get_type ())

G_DECLARE_FINAL_TYPE (VdSpeller, vd_speller, VD, SPELLER, GObject)

/* Suggestions a menu offers for one word, at most. */
#define VD_SPELLER_MAX_SUGGESTIONS 5

VdSpeller  *vd_speller_new                  (void);
VdSpeller  *vd_speller_get_default          (void);
void        vd_speller_probe                (VdSpeller   *self);
gboolean    vd_speller_is_probed            (VdSpeller   *self);
gboolean    vd_speller_is_loaded            (VdSpeller   *self,
                                             const char  *language);
void        vd_speller_load_language        (VdSpeller   *self,
                                             const char  *language);
gboolean    vd_speller_has_dictionaries     (VdSpeller   *self);
GStrv       vd_speller_list_languages       (VdSpeller   *self);
gboolean    vd_speller_has_language         (VdSpeller   *self,
                                             const char  *language);
const char *vd_speller_get_default_language (VdSpeller   *self);
gboolean    vd_speller_check_word           (VdSpeller   *self,
                                             const char  *language,
                                             const char  *word,
                                             gssize       length);
GStrv       vd_speller_suggest              (VdSpeller   *self,
                                             const char  *language,
                                             const char  *word);
void        vd_speller_add_word             (VdSpeller   *self,
                                             const char  *language,
                                             const char  *word);
void        vd_speller_ignore_word          (VdSpeller   *self,
                                             const char  *word);
void        vd_speller_add_known_names      (VdSpeller   *self,
                                             const char  *text);
gboolean    vd_speller_learn_summaries      (VdSpeller   *self,
                                             GListModel  *summaries,
                                             guint       *position,
                                             gint64       deadline);
void        vd_speller_watch_store          (VdSpeller   *self,
                                             VdStore     *store);
void        vd_speller_learn_store          (VdSpeller   *self,
                                             VdStore     *store);

char       *vd_spell_language_get_name      (const char  *language);

G_END_DECLS
