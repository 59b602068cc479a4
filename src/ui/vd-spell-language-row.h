/* vd-spell-language-row.h — a combo row choosing a reviewer's dictionary
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void        vd_spell_language_row_setup        (AdwComboRow *row);
void        vd_spell_language_row_set_reviewer (AdwComboRow *row,
                                                const char  *reviewer);
const char *vd_spell_language_row_get_language (AdwComboRow *row);

G_END_DECLS
