/* vd-sync-private.h — what the two halves of a sync share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * vd-sync.c decides what every record becomes and takes it into the
 * database; vd-sync-repo.c is everything said to git: fetch, blobs, the
 * commit, the push.
 */
#pragma once

#include "vd-git.h"
#include "vd-sync-file.h"
#include "vd-sync.h"

G_BEGIN_DECLS

#define REMOTE_REF "refs/remotes/origin/main"
#define OUTGOING_REF "refs/verdict-desk/outgoing"

/* One repository file, or the record that would be one. */
typedef struct
{
  char       *path;
  guint       kind;
  char       *uuid;
  char       *base_blob;    /* what the database last took; NULL: never */
  char       *theirs_blob;  /* in the fetched commit; NULL: absent */
  gboolean    mine_present; /* the database has the record */
  gint64      mine_updated; /* and its "updated" */
  GVariant   *mine_snapshot; /* only where theirs is read: merged or taken in */
  GBytes     *mine_bytes;   /* only where it may be merged or is deleted here */
  char       *mine_blob;    /* the file this desk would write; NULL: nothing */
  guint       mark;         /* mine, already in the outgoing stream: its mark */
  GBytes     *write;        /* what the commit writes at @path; NULL: leave it
                             * (or @mark's blob, when @mark is set) */
  VdRecord   *result;       /* what the database gets; NULL: no change */
  gboolean    result_deleted;
  char       *new_base;     /* the blob the database took; NULL: keep base_blob */
  GPtrArray  *conflicts;    /* VdConflict* */
} Entry;

typedef struct
{
  VdStore      *store;
  char         *git_dir;
  char         *remote;
  char         *theirs;      /* the fetched head; NULL: the remote is empty */
  gboolean      have_format;
  GHashTable   *entries;     /* path → Entry* */
  char         *outgoing_path; /* git fast-import's input, written as read */
  GOutputStream *outgoing;
  guint         n_marks;
  VdSyncResult *result;
  VdSyncProgressFunc progress;
  gpointer      progress_data;
} Sync;

typedef enum
{
  VD_SYNC_PUSHED,
  VD_SYNC_RACED,     /* another desk pushed first */
  VD_SYNC_FAILED,
} VdSyncPush;

/* vd-sync.c */
void        _vd_sync_progress         (Sync        *sync,
                                       const char  *phase,
                                       double       fraction);
void        _vd_sync_set_aside        (Sync        *sync,
                                       const char  *commit,
                                       const char  *message);
Entry      *_vd_sync_get_entry        (Sync        *sync,
                                       const char  *path,
                                       guint        kind,
                                       const char  *uuid);

/* vd-sync-repo.c */
gboolean    _vd_sync_ensure_clone     (Sync        *sync,
                                       GError     **error);
gboolean    _vd_sync_fetch            (Sync        *sync,
                                       GError     **error);
gboolean    _vd_sync_read_theirs_tree (Sync        *sync,
                                       GError     **error);
GHashTable *_vd_sync_read_blobs       (Sync        *sync,
                                       GPtrArray   *ids,
                                       GError     **error);
gboolean    _vd_sync_stage_blob       (Sync        *sync,
                                       Entry       *entry,
                                       GBytes      *bytes,
                                       GError     **error);
void        _vd_sync_drop_outgoing    (Sync        *sync);
GPtrArray  *_vd_sync_list_writes      (Sync        *sync);
char       *_vd_sync_make_commit      (Sync        *sync,
                                       GPtrArray   *paths,
                                       GError     **error);
VdSyncPush  _vd_sync_push             (Sync        *sync,
                                       const char  *commit,
                                       GError     **error);

G_END_DECLS
