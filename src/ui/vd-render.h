/* vd-render.h — --render-preview: the editors' share image, from the command line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vd-cli.h"

G_BEGIN_DECLS

int vd_render_preview (VdCliOptions *options);

G_END_DECLS
