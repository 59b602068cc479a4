/* vd-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The desk: the sidebar's lists on the left, the picked comparison, tool or
 * reviewer on the right. The window owns the session that shares records
 * between its views and autosaves them; closing it writes what is pending.
 * Its actions live in vd-window-actions.c.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "vd-readiness.h"
#include "vd-speller.h"
#include "vd-spell-adapter.h"
#include "vd-window-private.h"

G_DEFINE_FINAL_TYPE (VdWindow, vd_window, ADW_TYPE_APPLICATION_WINDOW)

void
_vd_window_toast (VdWindow   *self,
                  const char *text)
{
  /* Toast titles are markup; what we show may hold the user's text. */
  g_autofree char *escaped = g_markup_escape_text (text, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_timeout (toast, 5);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
_vd_window_toast_error (VdWindow     *self,
                        const char   *what,
                        const GError *error)
{
  g_autofree char *text = g_strdup_printf ("%s: %s", what, error->message);

  _vd_window_toast (self, text);
}

static void
show_summary (VdWindow *self)
{
  guint n_comparisons = vd_store_count (self->store, VD_TYPE_COMPARISON, NULL);
  guint n_tools = vd_store_count (self->store, VD_TYPE_TOOL, NULL);
  guint n_reviewers = vd_store_count (self->store, VD_TYPE_REVIEWER, NULL);
  g_autofree char *basename = g_path_get_basename (vd_store_get_path (self->store));
  g_autofree char *counts = NULL;
  g_autofree char *description = NULL;
  g_autofree char *c = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u comparison",
                                                     "%u comparisons", n_comparisons),
                                        n_comparisons);
  g_autofree char *t = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u tool", "%u tools",
                                                     n_tools), n_tools);
  g_autofree char *r = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u reviewer",
                                                     "%u reviewers", n_reviewers), n_reviewers);

  /* The status page's description is markup; the file name is the user's. */
  description = g_markup_printf_escaped (_("%s holds %s, %s and %s."), basename, c, t, r);
  adw_status_page_set_title (self->status_page, _("No Comparison Selected"));
  adw_status_page_set_description (self->status_page, description);
}

static void
show_error (VdWindow     *self,
            const GError *error)
{
  g_autofree char *description = g_markup_escape_text (error->message, -1);

  adw_status_page_set_icon_name (self->status_page, "dialog-error-symbolic");
  adw_status_page_set_title (self->status_page, _("The Database Could Not Be Opened"));
  adw_status_page_set_description (self->status_page, description);
}

static void on_readiness_refused (VdWindow         *self,
                                  GPtrArray        *problems,
                                  VdComparisonPage *page);

/* The comparison page and the editors are built on first use, not with
 * the window: a window that opens on nothing (a first start, a new
 * database) would wait for them before its first frame. The page brings
 * its own state: the preview shown or not, and the divider. */
VdComparisonPage *
_vd_window_get_comparison_page (VdWindow *self)
{
  g_autoptr(GPropertyAction) show_preview = NULL;

  if (self->comparison_page != NULL)
    return self->comparison_page;

  self->comparison_page = VD_COMPARISON_PAGE (vd_comparison_page_new ());
  g_object_add_weak_pointer (G_OBJECT (self->comparison_page),
                             (gpointer *) &self->comparison_page);
  g_signal_connect_object (self->comparison_page, "readiness-refused",
                           G_CALLBACK (on_readiness_refused), self, G_CONNECT_SWAPPED);
  if (self->settings != NULL)
    {
      g_settings_bind (self->settings, "preview-visible", self->comparison_page, "show-preview",
                       G_SETTINGS_BIND_DEFAULT);
      vd_comparison_page_set_preview_width (self->comparison_page,
                                            MAX (0, g_settings_get_int (self->settings,
                                                                        "preview-width")));
    }
  show_preview = g_property_action_new ("show-preview", self->comparison_page, "show-preview");
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (show_preview));
  gtk_stack_add_named (self->content_stack, GTK_WIDGET (self->comparison_page), "comparison");

  return self->comparison_page;
}

VdToolEditor *
_vd_window_get_tool_editor (VdWindow *self)
{
  if (self->tool_editor == NULL)
    {
      self->tool_editor = VD_TOOL_EDITOR (vd_tool_editor_new ());
      g_object_add_weak_pointer (G_OBJECT (self->tool_editor), (gpointer *) &self->tool_editor);
      gtk_stack_add_named (self->content_stack, GTK_WIDGET (self->tool_editor), "tool");
    }
  return self->tool_editor;
}

VdReviewerEditor *
_vd_window_get_reviewer_editor (VdWindow *self)
{
  if (self->reviewer_editor == NULL)
    {
      self->reviewer_editor = VD_REVIEWER_EDITOR (vd_reviewer_editor_new ());
      g_object_add_weak_pointer (G_OBJECT (self->reviewer_editor),
                                 (gpointer *) &self->reviewer_editor);
      gtk_stack_add_named (self->content_stack, GTK_WIDGET (self->reviewer_editor), "reviewer");
      /* Built on first use, after the session: removing a prompt goes
       * through it, to set aside and bring back the scorecards' text. */
      if (self->session != NULL)
        vd_reviewer_editor_set_session (self->reviewer_editor, self->session);
    }
  return self->reviewer_editor;
}

void
_vd_window_show_nothing (VdWindow *self)
{
  if (self->comparison_page != NULL)
    vd_comparison_page_set_page (self->comparison_page, NULL);
  if (self->tool_editor != NULL)
    vd_tool_editor_set_tool (self->tool_editor, NULL);
  if (self->reviewer_editor != NULL)
    vd_reviewer_editor_set_reviewer (self->reviewer_editor, NULL);
  if (self->sidebar != NULL)
    vd_sidebar_set_page (self->sidebar, NULL);
  g_clear_object (&self->page);
  if (self->current != NULL)
    g_signal_handlers_disconnect_by_data (self->current, self);
  g_clear_object (&self->current);

  if (self->store != NULL && self->content_stack != NULL)
    {
      /* Nothing open, nothing highlighted: not the row after a deleted one. */
      vd_sidebar_select (self->sidebar, G_TYPE_NONE, NULL);
      show_summary (self);
      gtk_stack_set_visible_child_name (self->content_stack, "empty");
      adw_window_title_set_title (self->content_title, "");
      adw_window_title_set_subtitle (self->content_title, "");
    }
}

static void
update_title (VdWindow *self)
{
  const char *title = "";
  const char *subtitle = "";

  if (VD_IS_COMPARISON (self->current))
    {
      title = vd_comparison_get_title (VD_COMPARISON (self->current));
      subtitle = _(vd_status_get_label (vd_comparison_get_status (VD_COMPARISON (self->current))));
    }
  else if (VD_IS_TOOL (self->current))
    {
      title = vd_tool_get_name (VD_TOOL (self->current));
      subtitle = _("Tool");
    }
  else if (VD_IS_REVIEWER (self->current))
    {
      title = vd_reviewer_get_name (VD_REVIEWER (self->current));
      subtitle = _("Reviewer");
    }

  /* AdwWindowTitle shows text, not markup. */
  adw_window_title_set_title (self->content_title, title);
  adw_window_title_set_subtitle (self->content_title, subtitle);
}

/**
 * vd_window_open_record:
 * @kind: %VD_TYPE_COMPARISON, %VD_TYPE_TOOL or %VD_TYPE_REVIEWER
 *
 * Shows the record in the content pane (and the sidebar highlights it).
 *
 * Returns: %FALSE if it could not be loaded; the window says why
 */
gboolean
vd_window_open_record (VdWindow   *self,
                       GType       kind,
                       const char *uuid)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VdRecord) record = NULL;

  g_return_val_if_fail (VD_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (self->session != NULL, FALSE);

  if (!(record = vd_session_lookup (self->session, kind, uuid, &error)))
    {
      _vd_window_toast_error (self, _("Could not open"), error);
      return FALSE;
    }

  if (record == self->current)
    goto shown;

  _vd_window_show_nothing (self);
  self->current = g_object_ref (record);
  _vd_window_track (self, record);

  if (kind == VD_TYPE_COMPARISON)
    {
      if (!(self->page = vd_page_new (self->session, VD_COMPARISON (record), &error)))
        {
          _vd_window_toast_error (self, _("Could not open the comparison"), error);
          _vd_window_show_nothing (self);
          return FALSE;
        }
      _vd_window_track_page (self, self->page);
      vd_comparison_page_set_page (_vd_window_get_comparison_page (self), self->page);
      vd_sidebar_set_page (self->sidebar, self->page);
      vd_comparison_page_set_reviewer_filter (self->comparison_page,
                                              vd_sidebar_get_reviewer_filter (self->sidebar));
      gtk_stack_set_visible_child_name (self->content_stack, "comparison");
      if (self->settings != NULL)
        g_settings_set_string (self->settings, "last-comparison",
                               vd_comparison_get_slug (VD_COMPARISON (record)));
    }
  else if (kind == VD_TYPE_TOOL)
    {
      vd_tool_editor_set_tool (_vd_window_get_tool_editor (self), VD_TOOL (record));
      _vd_window_reload_tool_history (self);
      gtk_stack_set_visible_child_name (self->content_stack, "tool");
    }
  else
    {
      vd_reviewer_editor_set_reviewer (_vd_window_get_reviewer_editor (self),
                                       VD_REVIEWER (record));
      gtk_stack_set_visible_child_name (self->content_stack, "reviewer");
    }

  g_signal_connect_object (record, "notify", G_CALLBACK (update_title), self,
                           G_CONNECT_SWAPPED);
  update_title (self);
  _vd_window_update_actions (self);
  vd_sidebar_select (self->sidebar, kind, uuid);

shown:
  adw_leaflet_set_visible_child (self->leaflet, self->content_pane);
  return TRUE;
}

VdRecord *
vd_window_get_current (VdWindow *self)
{
  g_return_val_if_fail (VD_IS_WINDOW (self), NULL);
  return self->current;
}

/**
 * vd_window_get_content:
 *
 * Returns: (transfer none): the widget showing the current record: the
 *   #VdComparisonPage, #VdToolEditor or #VdReviewerEditor
 */
GtkWidget *
vd_window_get_content (VdWindow *self)
{
  g_return_val_if_fail (VD_IS_WINDOW (self), NULL);
  return gtk_stack_get_visible_child (self->content_stack);
}

GtkWidget *
vd_window_get_sidebar (VdWindow *self)
{
  g_return_val_if_fail (VD_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->sidebar);
}

static void
on_sidebar_activated (VdWindow   *self,
                      GType       kind,
                      const char *uuid,
                      VdSidebar  *sidebar)
{
  vd_window_open_record (self, kind, uuid);
}

/* A search hit opens its record, on the reviewer's tab and the field. */
static void
on_search_hit (VdWindow          *self,
               const VdSearchHit *hit,
               VdSearchResults   *results)
{
  if (hit->type == VD_TYPE_SCORECARD || hit->type == VD_TYPE_COMPARISON)
    {
      const char *filter = vd_sidebar_get_reviewer_filter (self->sidebar);

      if (!vd_window_open_record (self, VD_TYPE_COMPARISON, hit->comparison))
        return;
      /* The sidebar's picker would hide the reviewer's tab: everyone, then. */
      if (hit->type == VD_TYPE_SCORECARD && filter != NULL &&
          g_strcmp0 (filter, hit->reviewer) != 0)
        vd_sidebar_set_reviewer_filter (self->sidebar, NULL);
      vd_comparison_page_show_field (self->comparison_page, hit->type, hit->reviewer,
                                     hit->tool, hit->field, hit->position);
    }
  else
    vd_window_open_record (self, hit->type, hit->uuid);
}

static void
on_reviewer_filter (VdWindow   *self,
                    GParamSpec *pspec,
                    VdSidebar  *sidebar)
{
  if (self->comparison_page != NULL)
    vd_comparison_page_set_reviewer_filter (self->comparison_page,
                                            vd_sidebar_get_reviewer_filter (sidebar));
}

static gboolean
relayout_idle (gpointer data)
{
  VdWindow *self = data;

  self->relayout_idle = 0;
  /* Folded, the content's header holds the back button too: the sync
   * state shows as its icon alone. Here, outside the allocation that
   * folded the leaflet, so the change is one more layout, never a
   * resize from inside one. */
  vd_sync_button_set_compact (self->sync_button, adw_leaflet_get_folded (self->leaflet));
  _vd_window_update_actions (self);
  gtk_widget_queue_resize (GTK_WIDGET (self->leaflet));
  return G_SOURCE_REMOVE;
}

/* Unfolding, AdwLeaflet 1.2 keeps the sidebar at the width the fold left
 * it (wider than its 300 px) until something asks for a new layout. */
static void
on_folded (VdWindow   *self,
           GParamSpec *pspec,
           AdwLeaflet *leaflet)
{
  if (self->relayout_idle == 0)
    self->relayout_idle = g_idle_add (relayout_idle, self);
}

static void
on_back_clicked (VdWindow  *self,
                 GtkButton *button)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
on_readiness_refused (VdWindow         *self,
                      GPtrArray        *problems,
                      VdComparisonPage *page)
{
  g_autoptr(GString) body = g_string_new (_("Fill these in before marking the comparison ready:"));
  GtkWidget *dialog;

  /* The body is plain text, so names and prompts show as written. */
  for (guint i = 0; i < problems->len; i++)
    g_string_append_printf (body, "\n• %s",
                            ((VdReadinessProblem *) g_ptr_array_index (problems, i))->message);

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Not Ready Yet"), body->str);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
vd_window_close_request (GtkWindow *window)
{
  if (_vd_window_close_request (VD_WINDOW (window)))
    return TRUE;

  /* Closing: what was typed is written, then sent. */
  if (VD_WINDOW (window)->session != NULL)
    vd_autosaver_flush (vd_session_get_autosaver (VD_WINDOW (window)->session), NULL);
  _vd_window_sync_close (VD_WINDOW (window));

  return GTK_WINDOW_CLASS (vd_window_parent_class)->close_request (window);
}

/* Window state lives in GSettings: read when the window is built, written
 * when it is unmapped, as GNOME Calendar does. */
static void
restore_state (VdWindow *self)
{
  int width, height;

  if (self->settings == NULL)
    return;

  width = g_settings_get_int (self->settings, "window-width");
  height = g_settings_get_int (self->settings, "window-height");
  gtk_window_set_default_size (GTK_WINDOW (self), MAX (width, 360), MAX (height, 400));

  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static void
save_state (VdWindow *self)
{
  int width, height;

  if (self->settings == NULL)
    return;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);

  g_settings_delay (self->settings);
  if (self->comparison_page != NULL)
    g_settings_set_int (self->settings, "preview-width",
                        vd_comparison_page_get_preview_width (self->comparison_page));
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  /* A maximized window's size is the screen's; keep the size to restore to. */
  if (!gtk_window_is_maximized (GTK_WINDOW (self)) && width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_apply (self->settings);
}

static void
restore_comparison (VdWindow *self)
{
  g_autofree char *slug = NULL;
  g_autoptr(VdComparison) comparison = NULL;

  if (self->settings == NULL)
    return;

  slug = g_settings_get_string (self->settings, "last-comparison");
  if (slug[0] == '\0')
    return;

  comparison = vd_store_load_comparison_by_slug (self->store, slug, NULL);
  if (comparison != NULL)
    vd_window_open_record (self, VD_TYPE_COMPARISON, vd_record_get_uuid (VD_RECORD (comparison)));
}

static void
vd_window_unmap (GtkWidget *widget)
{
  save_state (VD_WINDOW (widget));

  GTK_WIDGET_CLASS (vd_window_parent_class)->unmap (widget);
}

static void
vd_window_constructed (GObject *object)
{
  VdWindow *self = VD_WINDOW (object);

  G_OBJECT_CLASS (vd_window_parent_class)->constructed (object);

  self->settings = vd_application_new_settings ();
  restore_state (self);
}

static void
vd_window_dispose (GObject *object)
{
  VdWindow *self = VD_WINDOW (object);

  _vd_window_show_nothing (self);
  g_clear_handle_id (&self->relayout_idle, g_source_remove);

  /* The page outlives us while GSettings binds it and the property action
   * watches it: a later change of "preview-visible" (another window) must
   * not reach this window's action group once it is gone. */
  if (self->comparison_page != NULL)
    g_settings_unbind (self->comparison_page, "show-preview");
  g_action_map_remove_action (G_ACTION_MAP (self), "show-preview");

  /* Built on first use and held by weak pointers into this window: a page
   * that goes after us (the property action's reference) must not clear a
   * field of freed memory, which a new window may already be using. */
  g_clear_weak_pointer (&self->comparison_page);
  g_clear_weak_pointer (&self->tool_editor);
  g_clear_weak_pointer (&self->reviewer_editor);

  gtk_widget_dispose_template (GTK_WIDGET (self), VD_TYPE_WINDOW);

  if (self->session != NULL)
    {
      /* Nothing typed is lost, even when the window goes without closing;
       * the widgets that would show a failure are gone already. */
      g_signal_handlers_disconnect_by_data (vd_session_get_autosaver (self->session), self);
      g_signal_handlers_disconnect_by_data (self->store, self);
      vd_autosaver_flush (vd_session_get_autosaver (self->session), NULL);
    }
  _vd_window_sync_dispose (self);
  g_clear_object (&self->session);
  _vd_window_unsaved_dispose (self);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (vd_window_parent_class)->dispose (object);
}

static void
vd_window_class_init (VdWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = vd_window_constructed;
  object_class->dispose = vd_window_dispose;
  widget_class->unmap = vd_window_unmap;
  window_class->close_request = vd_window_close_request;

  g_type_ensure (VD_TYPE_SIDEBAR);
  g_type_ensure (VD_TYPE_COMPARISON_PAGE);
  g_type_ensure (VD_TYPE_TOOL_EDITOR);
  g_type_ensure (VD_TYPE_REVIEWER_EDITOR);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/verdictdesk/VerdictDesk/ui/vd-window.ui");
  gtk_widget_class_bind_template_child (widget_class, VdWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, VdWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, VdWindow, content_pane);
  gtk_widget_class_bind_template_child (widget_class, VdWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, VdWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, VdWindow, status_page);
  gtk_widget_class_bind_template_child (widget_class, VdWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, VdWindow, export_button);
  gtk_widget_class_bind_template_child (widget_class, VdWindow, record_menu_button);
  gtk_widget_class_bind_template_child (widget_class, VdWindow, preview_button);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked);

  _vd_window_class_add_actions (widget_class);
  _vd_window_class_add_share (widget_class);
  _vd_window_class_add_import (widget_class);
  _vd_window_class_add_saving (widget_class);
  _vd_window_class_add_sync (widget_class);
}

static void
vd_window_init (VdWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  _vd_window_unsaved_init (self);
  _vd_window_import_init (self);

  /* A development build's header bars are striped, as GNOME apps' are, so
   * that it is never taken for the release running beside it. */
  if (g_str_equal (PROFILE, "development"))
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  /* Size the content by the page it shows: measuring the comparison page,
   * preview and editors behind the status page costs start-up dearly. */
  gtk_stack_set_hhomogeneous (self->content_stack, FALSE);
  gtk_stack_set_vhomogeneous (self->content_stack, FALSE);

  g_signal_connect_object (self->leaflet, "notify::folded",
                           G_CALLBACK (on_folded), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sidebar, "notify::reviewer-filter",
                           G_CALLBACK (on_reviewer_filter), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (vd_sidebar_get_search_results (self->sidebar), "hit-activated",
                           G_CALLBACK (on_search_hit), self, G_CONNECT_SWAPPED);
}

/**
 * vd_window_new:
 * @application: (nullable): %NULL only in tests, which need no session bus
 * @store: (nullable): the open database
 * @open_error: (nullable): why there is no @store, shown in the window
 */
VdWindow *
vd_window_new (VdApplication *application,
               VdStore       *store,
               const GError  *open_error)
{
  VdWindow *self;

  g_return_val_if_fail (application == NULL || VD_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (store != NULL || open_error != NULL, NULL);

  self = g_object_new (VD_TYPE_WINDOW, "application", application, NULL);
  if (store != NULL)
    {
      self->store = g_object_ref (store);
      self->session = vd_session_new (store, application != NULL
                                               ? vd_application_get_autosave_delay (application)
                                               : VD_AUTOSAVER_DEFAULT_DELAY_MS);
      _vd_window_unsaved_set_store (self);
      _vd_window_saving_start (self);
      vd_sidebar_set_store (self->sidebar, store);
      vd_spell_learn_names (vd_sidebar_get_items (self->sidebar, VD_TYPE_TOOL));
      vd_spell_learn_names (vd_sidebar_get_items (self->sidebar, VD_TYPE_REVIEWER));
      vd_speller_watch_store (vd_speller_get_default (), store);
      show_summary (self);
      restore_comparison (self);
      _vd_window_sync_start (self);
    }
  else
    {
      gtk_widget_set_sensitive (GTK_WIDGET (self->sidebar), FALSE);
      show_error (self, open_error);
    }

  _vd_window_update_actions (self);
  return self;
}

VdStore *
vd_window_get_store (VdWindow *self)
{
  g_return_val_if_fail (VD_IS_WINDOW (self), NULL);

  return self->store;
}
