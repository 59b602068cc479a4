/* vd-slug.h — page addresses made from titles
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vd-store.h"

G_BEGIN_DECLS

char *vd_slug_from_title (const char *title);
char *vd_slug_unused     (VdStore    *store,
                          const char *title,
                          const char *uuid);

G_END_DECLS
