/* vd-prose-row.h — a boxed-list row holding a paragraph or two of prose,
 * spell checked
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define VD_TYPE_PROSE_ROW (vd_prose_row_get_type ())

G_DECLARE_FINAL_TYPE (VdProseRow, vd_prose_row, VD, PROSE_ROW, AdwPreferencesRow)

GtkWidget   *vd_prose_row_new      (void);
const char  *vd_prose_row_get_text (VdProseRow *self);
void         vd_prose_row_set_text (VdProseRow *self,
                                    const char *text);
GtkTextView *vd_prose_row_get_view (VdProseRow *self);

G_END_DECLS
