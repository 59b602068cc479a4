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

/* A member name from a document, fit for a one-line message: a plain name
 * as it is, anything else quoted with its control characters escaped and
 * cut to a readable length. */
char    *vd_json_check_describe_key (const char *key);

G_END_DECLS
