/* vd-store.h — the SQLite database behind the desk
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "vd-comparison.h"
#include "vd-record.h"
#include "vd-reviewer.h"
#include "vd-scorecard.h"
#include "vd-summary.h"
#include "vd-tool.h"

G_BEGIN_DECLS

#define VD_TYPE_STORE (vd_store_get_type ())

G_DECLARE_FINAL_TYPE (VdStore, vd_store, VD, STORE, GObject)

VdStore      *vd_store_new                   (const char    *path,
                                              GError       **error);
const char   *vd_store_get_path              (VdStore       *self);
int           vd_store_get_schema_version    (VdStore       *self);

gboolean      vd_store_save                  (VdStore       *self,
                                              VdRecord      *record,
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

G_END_DECLS
