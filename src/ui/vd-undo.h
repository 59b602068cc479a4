/* vd-undo.h — destructive actions that happen at once and offer Undo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

typedef void (*VdUndoFunc) (gpointer data);

AdwToast *vd_undo_offer (GtkWidget      *inside,
                         const char     *title,
                         VdUndoFunc      undo,
                         gpointer        data,
                         GDestroyNotify  destroy);

AdwToast *vd_undo_offer_property (GtkWidget  *inside,
                                  const char *title,
                                  GObject    *object,
                                  const char *property,
                                  GValue     *before);
AdwToast *vd_undo_get_latest (void);

G_END_DECLS
