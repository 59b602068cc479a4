/* vd-import-check.h — a page of an export held to the export's schema
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

gboolean vd_import_check_page (JsonObject  *page,
                               const char  *where,
                               int          schema_version,
                               GHashTable  *seen,
                               GError     **error);
gboolean vd_import_check_top  (JsonObject  *root,
                               GError     **error);
JsonArray *vd_import_get_array (JsonObject  *object,
                               const char  *where,
                               const char  *key,
                               GError     **error);

G_END_DECLS
