/* vd-store-private.h — the schema's migrations, for the store and its tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>
#include <glib.h>

G_BEGIN_DECLS

/* "VDsk": marks a database as ours, so another program's SQLite file is
 * refused instead of being filled with our tables. */
#define VD_STORE_APPLICATION_ID 0x5644736b

int       vd_store_schema_get_latest (void);
gboolean  vd_store_schema_migrate    (sqlite3  *db,
                                      int       from_version,
                                      int       to_version,
                                      GError  **error);

G_END_DECLS
