/* vd-import.h — merging an exported document into a database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "vd-store.h"

G_BEGIN_DECLS

/* These bound what a hostile or broken document can cost. The document is
 * read whole, but parsed one comparison (page) at a time: a page's tree is
 * the largest thing built from it. */
#define VD_IMPORT_MAX_SIZE      ((guint64) 4 * 1024 * 1024 * 1024)
#define VD_IMPORT_MAX_PAGE_SIZE ((gsize) 64 * 1024 * 1024)
#define VD_IMPORT_MAX_DEPTH     16

typedef struct
{
  guint comparisons;
  guint added;       /* records that were not in the database */
  guint updated;     /* records replaced by a newer copy */
  guint unchanged;   /* records whose stored copy was as new or newer */
} VdImportStats;

gboolean vd_import_from_bytes (VdStore        *store,
                               GBytes         *bytes,
                               VdImportStats  *stats,
                               GError        **error);
gboolean vd_import_from_file  (VdStore        *store,
                               GFile          *file,
                               VdImportStats  *stats,
                               GCancellable   *cancellable,
                               GError        **error);
gboolean vd_import_from_stream (VdStore       *store,
                               GInputStream   *stream,
                               VdImportStats  *stats,
                               GCancellable   *cancellable,
                               GError        **error);

G_END_DECLS
