/* vd-search-results.h — the desk's full-text search hits, each openable
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "vd-search.h"

G_BEGIN_DECLS

#define VD_TYPE_SEARCH_RESULTS (vd_search_results_get_type ())

G_DECLARE_FINAL_TYPE (VdSearchResults, vd_search_results, VD, SEARCH_RESULTS, GtkWidget)

GtkWidget         *vd_search_results_new       (void);
void               vd_search_results_set_store (VdSearchResults *self,
                                                VdStore         *store);
void               vd_search_results_set_text  (VdSearchResults *self,
                                                const char      *text);
guint              vd_search_results_get_n_hits (VdSearchResults *self);
const VdSearchHit *vd_search_results_get_hit   (VdSearchResults *self,
                                                guint            index);
GtkListBox        *vd_search_results_get_list  (VdSearchResults *self);

G_END_DECLS
