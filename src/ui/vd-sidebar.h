/* vd-sidebar.h — the lists of comparisons, tools and reviewers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "vd-page.h"
#include "vd-search-results.h"
#include "vd-store.h"

G_BEGIN_DECLS

#define VD_TYPE_SIDEBAR (vd_sidebar_get_type ())

G_DECLARE_FINAL_TYPE (VdSidebar, vd_sidebar, VD, SIDEBAR, GtkWidget)

GtkWidget  *vd_sidebar_new               (void);
void        vd_sidebar_set_store         (VdSidebar  *self,
                                          VdStore    *store);
void        vd_sidebar_set_page          (VdSidebar  *self,
                                          VdPage     *page);
gboolean    vd_sidebar_is_flagged        (VdSidebar  *self,
                                          const char *comparison);
GType       vd_sidebar_get_kind          (VdSidebar  *self);
void        vd_sidebar_set_kind          (VdSidebar  *self,
                                          GType       kind);
void        vd_sidebar_select            (VdSidebar  *self,
                                          GType       kind,
                                          const char *uuid);
const char *vd_sidebar_get_reviewer_filter (VdSidebar *self);
void        vd_sidebar_set_reviewer_filter (VdSidebar *self,
                                          const char *reviewer);
void        vd_sidebar_set_search        (VdSidebar  *self,
                                          const char *text);
GtkSearchEntry *vd_sidebar_get_search_entry (VdSidebar *self);
VdSearchResults *vd_sidebar_get_search_results (VdSidebar *self);
VdSummary  *vd_sidebar_get_selected      (VdSidebar  *self);
GListModel *vd_sidebar_get_model         (VdSidebar  *self,
                                          GType       kind);
GListModel *vd_sidebar_get_items         (VdSidebar  *self,
                                          GType       kind);

G_END_DECLS
