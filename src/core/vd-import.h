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

/* What an import would do to one record (vd_import_preview_file()). */
typedef enum
{
  VD_IMPORT_ADDED,        /* not in the database */
  VD_IMPORT_UPDATED,      /* replaced by the document's newer copy */
  VD_IMPORT_UNCHANGED,    /* the stored copy is the same age */
  VD_IMPORT_OLDER,        /* the document's copy is older: skipped */
  VD_IMPORT_N_OUTCOMES
} VdImportOutcome;

typedef struct
{
  GType  type;            /* VD_TYPE_COMPARISON, VD_TYPE_TOOL, ... */
  char  *name;            /* a comparison's title, a tool's or reviewer's name;
                           * a scorecard's reviewer */
  char  *tool;            /* a scorecard's tool; NULL for the others */
} VdImportItem;

typedef struct
{
  VdImportStats  stats;
  GArray        *items[VD_IMPORT_N_OUTCOMES];   /* VdImportItem, document order */
  /*< private >*/
  GHashTable    *noted;   /* uuids: a tool on two pages is listed once */
} VdImportPreview;

void             vd_import_preview_free (VdImportPreview *preview);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VdImportPreview, vd_import_preview_free)

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

VdImportPreview *vd_import_preview_bytes (VdStore       *store,
                                          GBytes        *bytes,
                                          GError       **error);
VdImportPreview *vd_import_preview_file  (VdStore       *store,
                                          GFile         *file,
                                          GCancellable  *cancellable,
                                          GError       **error);

G_END_DECLS
