/* vd-sync.h — the shared desk: a database kept in step with a git repository
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vd-store.h"

G_BEGIN_DECLS

#define VD_SYNC_ERROR (vd_sync_error_quark ())

typedef enum
{
  VD_SYNC_ERROR_NOT_LINKED,     /* no remote given and none remembered */
  VD_SYNC_ERROR_UNREACHABLE,    /* the remote could not be read: offline, unknown host... */
  VD_SYNC_ERROR_REFUSED,        /* the remote did not take the push (a hook, permissions) */
  VD_SYNC_ERROR_RACE,           /* others kept pushing first, every retry */
  VD_SYNC_ERROR_FORMAT,         /* the repository is not a desk, or a newer one */
  VD_SYNC_ERROR_IDENTITY,       /* no author name and e-mail */
  VD_SYNC_ERROR_GIT,            /* git failed locally */
  VD_SYNC_ERROR_BUSY,           /* another git process kept a lock, every retry */
} VdSyncError;

GQuark vd_sync_error_quark (void);

/* What one sync did. */
typedef struct
{
  char      *commit;      /* the commit now synced, or NULL (an empty remote, nothing to send) */
  guint      received;    /* records the database took from the remote */
  guint      sent;        /* repository files this desk's commit wrote */
  guint      conflicts;   /* new conflicts of this sync */
  guint      retries;     /* pushes lost to another desk and tried again */
  GPtrArray *set_aside;   /* char*: one message per file that was not taken */
} VdSyncResult;

void      vd_sync_result_clear (VdSyncResult *result);

/* The directory of @store's working clone: "<database>.sync". */
char     *vd_sync_dup_clone_dir (VdStore *store);

gboolean  vd_sync_set_author    (VdStore      *store,
                                 const char   *name,
                                 const char   *email,
                                 GError      **error);

/* Where a sync is, from 0 to 1, with what it is doing ("Fetching"); called
 * in the thread that runs the sync. */
typedef void (*VdSyncProgressFunc) (const char *phase,
                                    double      fraction,
                                    gpointer    data);

/* Syncs @store with @remote (nullable: the remote it is linked to; given,
 * it links the store to it). Blocks: run it off the main loop. */
gboolean  vd_sync_run           (VdStore      *store,
                                 const char   *remote,
                                 VdSyncResult *result,
                                 GError      **error);
gboolean  vd_sync_run_with_progress (VdStore            *store,
                                     const char         *remote,
                                     VdSyncProgressFunc  progress,
                                     gpointer            progress_data,
                                     VdSyncResult       *result,
                                     GError            **error);

/* Links @store to @remote (a URL or a path; %NULL unlinks). A different
 * remote than before starts from no base: nothing of the old one is taken
 * for the new one's history. */
gboolean  vd_sync_set_remote    (VdStore      *store,
                                 const char   *remote,
                                 GError      **error);
/* The remote @store is linked to, or %NULL. */
char     *vd_sync_dup_remote    (VdStore      *store);
/* Who this desk's commits are by: the name and e-mail set with
 * vd_sync_set_author(), else git's user.name and user.email; either may be
 * %NULL when neither says. */
void      vd_sync_dup_author    (VdStore      *store,
                                 char        **name,
                                 char        **email);

/* One version of a record in the repository's log. */
typedef struct
{
  char       *commit;
  char       *author;
  char       *email;
  gint64      time;      /* the commit's, seconds since 1970 */
  const char *blob;      /* interned; NULL: the file is not in that commit */
  VdRecord   *record;    /* NULL: it did not read (see @note) */
  gboolean    deleted;
  char       *note;      /* why @record is NULL */
} VdSyncVersion;

void       vd_sync_version_free  (VdSyncVersion *version);
GPtrArray *vd_sync_list_history  (VdStore       *store,
                                  const char    *uuid,
                                  GError       **error);
GStrv      vd_sync_version_dup_changes (const VdSyncVersion *version,
                                        const VdSyncVersion *older);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (VdSyncResult, vd_sync_result_clear)

G_END_DECLS
