/* vd-demo.h — a sample comparison, as published, for a new desk to start from
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vd-store.h"

G_BEGIN_DECLS

gboolean vd_demo_populate (VdStore  *store,
                           GError  **error);

G_END_DECLS
