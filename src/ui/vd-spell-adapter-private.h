/* vd-spell-adapter-private.h — the idle slicing, for the tests and benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

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
void   vd_spell_reset_longest_slice  (void);
gboolean vd_spell_has_pending        (void);

G_END_DECLS
