/* vd-render.h — the editors' share image: the preview at the page's width, as a PNG
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "vd-cli.h"
#include "vd-page.h"

G_BEGIN_DECLS

void    vd_render_page_async  (VdPage              *page,
                               GtkWindow           *parent,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data);
GBytes *vd_render_page_finish (GAsyncResult        *result,
                               GError             **error);

/* --render-preview */
int     vd_render_preview     (VdCliOptions        *options);

G_END_DECLS
