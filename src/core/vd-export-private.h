/* vd-export-private.h — what the single document and the folder export share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vd-export.h"

G_BEGIN_DECLS

GPtrArray  *_vd_export_select          (VdStore       *store,
                                        const char    *slug,
                                        GError       **error);
GPtrArray  *_vd_export_check_page      (VdStore       *store,
                                        VdComparison  *comparison,
                                        GError       **error);
gboolean    _vd_export_check_complete  (VdStore       *store,
                                        GPtrArray     *comparisons,
                                        GError       **error);
gboolean    _vd_export_write_comparison (VdStore      *store,
                                        VdComparison  *comparison,
                                        GString       *out,
                                        gint64        *updated,
                                        GError       **error);
char       *_vd_export_dup_head        (const char    *format);
const char *_vd_export_item_separator  (guint          index);
const char *_vd_export_tail            (guint          n_items);

G_END_DECLS
