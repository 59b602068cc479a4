/* vd-store.h — the SQLite database behind the desk
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "vd-comparison.h"
#include "vd-merge.h"
#include "vd-record.h"
#include "vd-reviewer.h"
#include "vd-scorecard.h"
#include "vd-summary.h"
#include "vd-tool.h"

G_BEGIN_DECLS

#define VD_TYPE_STORE (vd_store_get_type ())

G_DECLARE_FINAL_TYPE (VdStore, vd_store, VD, STORE, GObject)

/* Why a store stopped writing to its file (see vd_store_poll()). */
typedef enum
{
  VD_STORE_ATTACHED,
  VD_STORE_DETACHED_DELETED,     /* the file is gone */
  VD_STORE_DETACHED_REPLACED,    /* another file is at its path now */
  VD_STORE_DETACHED_OVERWRITTEN, /* something other than SQLite rewrote it */
} VdStoreDetach;

/* A record another connection committed; @type is G_TYPE_NONE when the
 * file changed without saying what (a tool other than Verdict Desk). */
typedef struct
{
  GType  type;
  char  *uuid;
} VdStoreChange;

void          vd_store_change_free           (VdStoreChange *change);

VdStore      *vd_store_new                   (const char    *path,
                                              GError       **error);
const char   *vd_store_get_path              (VdStore       *self);
int           vd_store_get_schema_version    (VdStore       *self);

gboolean      vd_store_save                  (VdStore       *self,
                                              VdRecord      *record,
                                              GError       **error);
gboolean      vd_store_save_edits            (VdStore       *self,
                                              VdRecord      *record,
                                              GHashTable    *fields,
                                              GHashTable    *values,
                                              GError       **error);
gboolean      vd_store_check                 (VdStore       *self,
                                              VdRecord      *record,
                                              GError       **error);
gboolean      vd_store_put                   (VdStore       *self,
                                              VdRecord      *record,
                                              GError       **error);
gboolean      vd_store_delete                (VdStore       *self,
                                              VdRecord      *record,
                                              GError       **error);
gpointer      vd_store_load                  (VdStore       *self,
                                              GType          type,
                                              const char    *uuid,
                                              GError       **error);
gboolean      vd_store_contains              (VdStore       *self,
                                              GType          type,
                                              const char    *uuid,
                                              gint64        *updated,
                                              GError       **error);
/* Called with each record in turn by vd_store_foreach(); FALSE with
 * @error set stops it. */
typedef gboolean (*VdStoreForeachFunc) (VdRecord  *record,
                                        gpointer   user_data,
                                        GError   **error);

gboolean      vd_store_foreach               (VdStore       *self,
                                              GType          type,
                                              VdStoreForeachFunc func,
                                              gpointer       user_data,
                                              GError       **error);
GListStore   *vd_store_list                  (VdStore       *self,
                                              GType          type,
                                              GError       **error);
VdComparison *vd_store_load_comparison_by_slug (VdStore     *self,
                                              const char    *slug,
                                              GError       **error);
GListStore   *vd_store_list_scorecards       (VdStore       *self,
                                              VdComparison  *comparison,
                                              GError       **error);

guint         vd_store_count                 (VdStore       *self,
                                              GType          type,
                                              GError       **error);
GListStore   *vd_store_list_summaries        (VdStore       *self,
                                              GType          type,
                                              GError       **error);
VdSummary    *vd_store_load_summary          (VdStore       *self,
                                              GType          type,
                                              const char    *uuid,
                                              GError       **error);

gboolean      vd_store_begin                 (VdStore       *self,
                                              GError       **error);
gboolean      vd_store_commit                (VdStore       *self,
                                              GError       **error);
void          vd_store_rollback              (VdStore       *self);
gboolean      vd_store_begin_read            (VdStore       *self,
                                              GError       **error);
void          vd_store_end_read              (VdStore       *self);
void          vd_store_set_bulk              (VdStore       *self,
                                              gboolean       bulk);
gboolean      vd_store_defer_indexes         (VdStore       *self,
                                              GError       **error);
gboolean      vd_store_check_integrity       (VdStore       *self,
                                              GError       **error);

gboolean      vd_store_poll                  (VdStore       *self,
                                              GPtrArray    **changes,
                                              GError       **error);
VdStoreDetach vd_store_get_detached          (VdStore       *self);
gboolean      vd_store_others_committed      (VdStore       *self);
gboolean      vd_store_save_copy             (VdStore       *self,
                                              const char    *path,
                                              GError       **error);

gboolean      vd_store_add_conflict          (VdStore       *self,
                                              VdConflict    *conflict,
                                              GError       **error);
GPtrArray    *vd_store_list_conflicts        (VdStore       *self,
                                              const char    *uuid,
                                              GError       **error);
gboolean      vd_store_remove_conflict       (VdStore       *self,
                                              gint64         id,
                                              GError       **error);

/* A custom reviewer's prompts and the text under them (vd-store-prompts.c). */
char         *vd_prompt_dup_key              (const char    *prompt);
gboolean      vd_store_count_prompt_text     (VdStore       *self,
                                              const char    *reviewer,
                                              guint          index,
                                              guint         *n_scorecards,
                                              GError       **error);
gint64        vd_store_remove_prompt         (VdStore       *self,
                                              const char    *reviewer,
                                              guint          index,
                                              GError       **error);
gboolean      vd_store_restore_prompt        (VdStore       *self,
                                              const char    *reviewer,
                                              guint          index,
                                              const char    *prompt,
                                              gint64         removal,
                                              GError       **error);
gboolean      vd_store_set_aside_past_prompts (VdStore      *self,
                                              const char    *reviewer,
                                              const char * const *old_prompts,
                                              guint         *n_scorecards,
                                              GError       **error);
gboolean      vd_store_has_set_aside_text    (VdStore       *self,
                                              const char    *reviewer,
                                              const char * const *prompts);
gboolean      vd_store_take_back_prompt_text (VdStore       *self,
                                              const char    *reviewer,
                                              const char * const *prompts,
                                              guint         *n_scorecards,
                                              GError       **error);

/* The shared desk's memory (vd-store-sync.c; see src/sync/DESIGN.md). */
char         *vd_store_get_sync_value        (VdStore       *self,
                                              const char    *key,
                                              GError       **error);
gboolean      vd_store_set_sync_value        (VdStore       *self,
                                              const char    *key,
                                              const char    *value,
                                              GError       **error);
GHashTable   *vd_store_list_sync_files       (VdStore       *self,
                                              GError       **error);
gboolean      vd_store_set_sync_file         (VdStore       *self,
                                              const char    *path,
                                              const char    *blob,
                                              GError       **error);

G_END_DECLS
