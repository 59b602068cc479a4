/* vd-import.h — merging an exported document into a database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "vd-store.h"

G_BEGIN_DECLS

/* Outside documents are read whole before any change; these bound what a
 * hostile or broken one can cost. */
#define VD_IMPORT_MAX_SIZE  ((gsize) 1024 * 1024 * 1024)
#define VD_IMPORT_MAX_DEPTH 16

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
