/* vd-window-private.h — what vd-window.c and vd-window-actions.c share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vd-comparison-page.h"
#include "vd-reviewer-editor.h"
#include "vd-session.h"
#include "vd-sidebar.h"
#include "vd-sync-button.h"
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
  GHashTable           *tracked;       /* VdRecord* → itself: records whose edits we follow */
  GHashTable           *unsaved;       /* uuid → VdRecord: changed since the store last wrote it */
  GtkWidget            *unsaved_dialog; /* the question a refused close asks, while open */
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
  GtkRevealer          *save_revealer;
  GtkLabel             *save_label;
  GtkWidget            *retry_button;
  GtkWidget            *copy_button;
  GtkWidget            *review_button;
  GtkWindow            *conflicts_window;  /* the list of conflicts, while it is open */
  GtkBox               *conflicts_box;
  VdSyncButton         *sync_button;
  VdSyncer             *syncer;
};

void _vd_window_class_add_actions (GtkWidgetClass *widget_class);
/* vd-window-share.c: Save Preview as Image. */
void _vd_window_class_add_share   (GtkWidgetClass *widget_class);
/* vd-window-import.c: Import…, dropped files. */
void _vd_window_class_add_import  (GtkWidgetClass *widget_class);
void _vd_window_import_init       (VdWindow       *self);
gboolean _vd_window_is_json_file  (GFile          *file);
/* vd-window-saving.c: what the window says about writes and the file. */
void _vd_window_class_add_saving  (GtkWidgetClass *widget_class);
void _vd_window_saving_start      (VdWindow       *self);
void _vd_window_saving_update     (VdWindow       *self);
char *_vd_window_record_name      (VdWindow       *self,
                                   VdRecord       *record);

/* vd-window-sync.c: the shared desk. */
void _vd_window_class_add_sync    (GtkWidgetClass *widget_class);
void _vd_window_sync_start        (VdWindow       *self);
void _vd_window_sync_now          (VdWindow       *self);
void _vd_window_reload_tool_history (VdWindow     *self);
void _vd_window_sync_close        (VdWindow       *self);
void _vd_window_sync_dispose      (VdWindow       *self);

/* vd-window-unsaved.c */
void     _vd_window_unsaved_init      (VdWindow *self);
void     _vd_window_unsaved_set_store (VdWindow *self);
void     _vd_window_unsaved_dispose   (VdWindow *self);
void     _vd_window_track             (VdWindow *self,
                                       VdRecord *record);
void     _vd_window_track_page        (VdWindow *self,
                                       VdPage   *page);
gboolean _vd_window_close_request     (VdWindow *self);

typedef void (*VdWindowFileChosen) (VdWindow *self,
                                    GFile    *file,
                                    gpointer  data);

void _vd_window_choose_save_file  (VdWindow           *self,
                                   const char         *title,
                                   const char         *accept_label,
                                   const char         *filter_name,
                                   const char         *mime_type,
                                   const char         *name,
                                   VdWindowFileChosen  chosen,
                                   gpointer            data,
                                   GDestroyNotify      destroy_data);
void _vd_window_update_actions    (VdWindow       *self);
void _vd_window_show_nothing    (VdWindow       *self);
VdComparisonPage *_vd_window_get_comparison_page (VdWindow *self);
VdToolEditor     *_vd_window_get_tool_editor     (VdWindow *self);
VdReviewerEditor *_vd_window_get_reviewer_editor (VdWindow *self);
void _vd_window_toast             (VdWindow       *self,
                                   const char     *text);
void _vd_window_toast_error       (VdWindow       *self,
                                   const char     *what,
                                   const GError   *error);

G_END_DECLS
