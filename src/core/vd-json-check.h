/* vd-json-check.h — holding a document from outside to strict JSON
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char    *vd_json_dup_printable (const char *text);

gboolean vd_json_check (const char  *data,
                        gsize        len,
                        guint        max_depth,
                        GError     **error);

G_END_DECLS
