/* vd-export.h — the JSON document the website publishes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "vd-store.h"

G_BEGIN_DECLS

/* The document's "schema_version"; data/verdict-desk-export.schema.json
 * describes it. Bump it, and teach vd-import.c the old one, on any change
 * a reader would notice. */
#define VD_EXPORT_SCHEMA_VERSION 2
/* The oldest version the import still reads: version 1 had no "no verdict
 * yet", so its "undecided" verdicts are read as no verdict. */
#define VD_EXPORT_SCHEMA_VERSION_MIN 1
#define VD_EXPORT_FORMAT "verdict-desk/comparisons"
/* The folder export's list of what it wrote (vd_export_to_directory()). */
#define VD_EXPORT_INDEX_FORMAT "verdict-desk/index"
#define VD_EXPORT_INDEX_NAME "index.json"

/**
 * VdExportFlags:
 * @VD_EXPORT_FLAGS_NONE: the website's export: a ready or published page
 *   that fails the readiness rules stops the whole export
 * @VD_EXPORT_INCOMPLETE: also write such pages as stored (a round trip of
 *   whatever was imported; never what the website reads)
 */
typedef enum
{
  VD_EXPORT_FLAGS_NONE = 0,
  VD_EXPORT_INCOMPLETE = 1 << 0,
} VdExportFlags;

gboolean  vd_export_to_stream_full (VdStore       *store,
                                    const char    *slug,
                                    VdExportFlags  flags,
                                    GOutputStream *stream,
                                    guint         *n_exported,
                                    GCancellable  *cancellable,
                                    GError       **error);
gboolean  vd_export_to_stream (VdStore        *store,
                               const char     *slug,
                               GOutputStream  *stream,
                               guint          *n_exported,
                               GCancellable   *cancellable,
                               GError        **error);
gboolean  vd_export_to_file   (VdStore        *store,
                               const char     *slug,
                               GFile          *file,
                               guint          *n_exported,
                               GCancellable   *cancellable,
                               GError        **error);
gboolean  vd_export_bytes_to_file (GBytes     *bytes,
                                   GFile      *file,
                                   GCancellable *cancellable,
                                   GError    **error);
GBytes   *vd_export_to_bytes  (VdStore        *store,
                               const char     *slug,
                               GError        **error);

/**
 * VdExportDirStats:
 * @exported: the comparisons in the folder's export
 * @written: files whose content changed, written anew (index.json included)
 * @unchanged: files left as they were, bytes and time stamps
 * @removed: pages an earlier export wrote that are no longer exported
 */
typedef struct
{
  guint exported;
  guint written;
  guint unchanged;
  guint removed;
} VdExportDirStats;

gboolean  vd_export_to_directory (VdStore          *store,
                                  const char       *slug,
                                  GFile            *directory,
                                  VdExportDirStats *stats,
                                  GCancellable     *cancellable,
                                  GError          **error);

G_END_DECLS
