/* vd-paragraph.h — A wrapping label that takes the width it is given
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define VD_TYPE_PARAGRAPH (vd_paragraph_get_type ())

G_DECLARE_FINAL_TYPE (VdParagraph, vd_paragraph, VD, PARAGRAPH, GtkWidget)

GtkWidget *vd_paragraph_new       (GtkLabel    *label);
GtkLabel  *vd_paragraph_get_label (VdParagraph *self);

G_END_DECLS
