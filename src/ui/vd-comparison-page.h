/* vd-comparison-page.h — editing one comparison beside its live preview
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "vd-page.h"
#include "vd-preview.h"
#include "vd-prose-row.h"
#include "vd-reviewer-picker.h"

G_BEGIN_DECLS

#define VD_TYPE_COMPARISON_PAGE (vd_comparison_page_get_type ())

G_DECLARE_FINAL_TYPE (VdComparisonPage, vd_comparison_page, VD, COMPARISON_PAGE, GtkWidget)

GtkWidget *vd_comparison_page_new                 (void);
char      *vd_comparison_page_automatic_title     (const char       *tool_a,
                                                   const char       *tool_b);
VdPage    *vd_comparison_page_get_page            (VdComparisonPage *self);
void       vd_comparison_page_set_page            (VdComparisonPage *self,
                                                   VdPage           *page);
gboolean   vd_comparison_page_get_show_preview    (VdComparisonPage *self);
void       vd_comparison_page_set_show_preview    (VdComparisonPage *self,
                                                   gboolean          show_preview);
gboolean   vd_comparison_page_get_narrow          (VdComparisonPage *self);
int        vd_comparison_page_get_preview_width   (VdComparisonPage *self);
void       vd_comparison_page_set_preview_width   (VdComparisonPage *self,
                                                   int               preview_width);
void       vd_comparison_page_set_reviewer_filter (VdComparisonPage *self,
                                                   const char       *reviewer);
gboolean   vd_comparison_page_request_status      (VdComparisonPage *self,
                                                   VdStatus          status);
VdPreview *vd_comparison_page_get_preview         (VdComparisonPage *self);
GtkWidget *vd_comparison_page_get_history_view    (VdComparisonPage *self);
GtkWidget *vd_comparison_page_get_form            (VdComparisonPage *self,
                                                   const char       *reviewer,
                                                   guint             tool_index);
void       vd_comparison_page_show_field          (VdComparisonPage *self,
                                                   GType             record_type,
                                                   const char       *reviewer,
                                                   const char       *tool,
                                                   const char       *field,
                                                   int               section);
AdwEntryRow *vd_comparison_page_get_title_row     (VdComparisonPage *self);
VdProseRow  *vd_comparison_page_get_dek_row       (VdComparisonPage *self);
VdProseRow  *vd_comparison_page_get_pricing_read_row (VdComparisonPage *self);
AdwComboRow *vd_comparison_page_get_status_row    (VdComparisonPage *self);
GtkLabel    *vd_comparison_page_get_message       (VdComparisonPage *self);
GtkDropDown *vd_comparison_page_get_tool_row      (VdComparisonPage *self,
                                                   guint             tool_index);
VdReviewerPicker *vd_comparison_page_get_reviewer_picker (VdComparisonPage *self);

void       vd_comparison_page_reload_history (VdComparisonPage *self);

G_END_DECLS
