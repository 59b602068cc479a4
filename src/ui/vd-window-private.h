/* vd-window-private.h — what vd-window.c and vd-window-actions.c share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vd-comparison-page.h"
#include "vd-reviewer-editor.h"
#include "vd-session.h"
#include "vd-sidebar.h"
#include "vd-tool-editor.h"
#include "vd-window.h"

G_BEGIN_DECLS

struct _VdWindow
{
  AdwApplicationWindow  parent_instance;

  VdStore              *store;
  VdSession            *session;
  GSettings            *settings;
  VdRecord             *current;       /* what the content pane shows */
  VdPage               *page;          /* when that is a comparison */
  gboolean              close_anyway;  /* a failed save was reported once */
  guint                 relayout_idle;

  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  GtkWidget            *content_pane;
  AdwWindowTitle       *content_title;
  GtkStack             *content_stack;
  AdwStatusPage        *status_page;
  VdSidebar            *sidebar;
  VdComparisonPage     *comparison_page;
  VdToolEditor         *tool_editor;
  VdReviewerEditor     *reviewer_editor;
  GtkWidget            *export_button;
  GtkWidget            *record_menu_button;
  GtkWidget            *preview_button;
};

void _vd_window_class_add_actions (GtkWidgetClass *widget_class);
void _vd_window_update_actions    (VdWindow       *self);
void _vd_window_show_nothing    (VdWindow       *self);
void _vd_window_toast             (VdWindow       *self,
                                   const char     *text);
void _vd_window_toast_error       (VdWindow       *self,
                                   const char     *what,
                                   const GError   *error);

G_END_DECLS
