/* vd-sync-file.h — one record as one file of the shared repository
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vd-record.h"

G_BEGIN_DECLS

/* The largest file the desk reads from a repository: a scorecard of 64
 * sections of 100 KiB each, every byte escaped, still fits. Bigger is not a
 * record but an attack, and is refused before it is read. */
#define VD_SYNC_FILE_MAX_SIZE (8 * 1024 * 1024)
/* A record's file is an object holding lists of strings. */
#define VD_SYNC_FILE_MAX_DEPTH 3

#define VD_SYNC_FORMAT_PATH "format.json"
#define VD_SYNC_FORMAT_VERSION 1

/* The record folders in the order their records refer to each other:
 * a comparison names tools and reviewers, a scorecard all three. */
typedef struct
{
  const char *dir;
  GType     (*get_type) (void);
} VdSyncKind;

const VdSyncKind *vd_sync_file_get_kinds (guint *n_kinds);

char      *vd_sync_file_path        (VdRecord     *record);
gboolean   vd_sync_file_parse_path  (const char   *path,
                                     guint        *kind,
                                     char        **uuid);
GBytes    *vd_sync_file_write       (VdRecord     *record,
                                     gboolean      deleted);
VdRecord  *vd_sync_file_read        (const char   *path,
                                     GBytes       *bytes,
                                     gboolean     *deleted,
                                     GError      **error);
char      *vd_sync_file_blob_id     (GBytes       *bytes);

GBytes    *vd_sync_file_write_format (void);
gboolean   vd_sync_file_check_format (GBytes      *bytes,
                                      GError     **error);

G_END_DECLS
