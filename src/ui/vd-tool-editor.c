/* vd-tool-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The form that edits a tool. Every edit is written to the VdTool at once and
 * the window autosaves what the tool notifies, so this widget never sees the
 * database. A value the model would refuse (an empty name, a website that is
 * not http(s)) is shown as an error on its row and not written: the tool
 * keeps its last valid value, and an autosave never stores a broken record.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "vd-enum-types.h"
#include "vd-spell-adapter.h"
#include "vd-tool-editor.h"

/* The single-line text fields, in the order of the form. */
typedef enum
{
  FIELD_NAME,
  FIELD_VENDOR,
  FIELD_CATEGORY,
  FIELD_TAGLINE,
  FIELD_WEBSITE,
  FIELD_PRICING_DETAIL,
  FIELD_LICENSE,
  N_FIELDS
} Field;

typedef struct
{
  const char  *property;
  const char *(*get) (VdTool     *tool);
  void        (*set) (VdTool     *tool,
                      const char *value);
} FieldInfo;

static const FieldInfo field_info[N_FIELDS] = {
  [FIELD_NAME]           = { "name", vd_tool_get_name, vd_tool_set_name },
  [FIELD_VENDOR]         = { "vendor", vd_tool_get_vendor, vd_tool_set_vendor },
  [FIELD_CATEGORY]       = { "category", vd_tool_get_category, vd_tool_set_category },
  [FIELD_TAGLINE]        = { "tagline", vd_tool_get_tagline, vd_tool_set_tagline },
  [FIELD_WEBSITE]        = { "website", vd_tool_get_website, vd_tool_set_website },
  [FIELD_PRICING_DETAIL] = { "pricing-detail", vd_tool_get_pricing_detail,
                             vd_tool_set_pricing_detail },
  [FIELD_LICENSE]        = { "license", vd_tool_get_license, vd_tool_set_license },
};

struct _VdToolEditor
{
  AdwBin         parent_instance;

  VdTool        *tool;
  gulong         notify_id;
  VdHistoryView *history_view;

  /* Owned here, and in a row's suffixes only while it has an error. */
  GtkWidget     *name_error_icon;
  GtkWidget     *website_error_icon;

  /* Why each field's text is not written to the tool, or NULL. */
  const char    *errors[N_FIELDS];
  gboolean       valid;
  /* Set while the widgets follow the tool, so their signals are not echoed. */
  gboolean       syncing;

  AdwEntryRow   *rows[N_FIELDS];
  GtkLabel      *tool_message;
  AdwComboRow   *pricing_row;
  GtkStringList *pricing_labels;
  GtkSwitch     *votes_switch;
  GtkWidget     *votes_up_row;
  GtkWidget     *votes_down_row;
  GtkSpinButton *votes_up_button;
  GtkSpinButton *votes_down_button;
  GtkLabel      *community_label;
  GtkTextView   *description_view;
  GtkTextBuffer *description_buffer;
};

G_DEFINE_FINAL_TYPE (VdToolEditor, vd_tool_editor, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_TOOL,
  PROP_VALID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What the editor means by @text in @field: a website typed as a bare host
 * name ("zed.dev", "zed.dev/docs") is that host over https. Anything with a
 * scheme, or that is no host name, is taken as written. */
static char *
complete_field (Field       field,
                const char *text)
{
  g_autofree char *host = NULL;

  if (field != FIELD_WEBSITE || text[0] == '\0' || strchr (text, ':') != NULL)
    return g_strdup (text);

  host = g_strndup (text, strcspn (text, "/"));
  if (strchr (host, '.') == NULL || strpbrk (host, " \t") != NULL || host[0] == '.')
    return g_strdup (text);

  return g_strconcat ("https://", text, NULL);
}

/* Returns: (nullable): why @text (already stripped and completed) cannot go
 * into @field */
static const char *
check_field (Field       field,
             const char *text)
{
  switch (field)
    {
    case FIELD_NAME:
      if (text[0] == '\0')
        return _("Every tool needs a name. Until it has one, the tool keeps its last name.");
      break;

    case FIELD_WEBSITE:
      if (!vd_tool_website_is_valid (text))
        return _("The website must be an address starting with http:// or https://. "
                 "Until it is, the tool keeps its last valid address.");
      break;

    default:
      break;
    }

  return NULL;
}

static GtkWidget *
get_error_icon (VdToolEditor *self,
                Field         field)
{
  switch (field)
    {
    case FIELD_NAME:    return self->name_error_icon;
    case FIELD_WEBSITE: return self->website_error_icon;
    default:            return NULL;
    }
}

static GtkWidget *
create_error_icon (void)
{
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

  gtk_widget_set_valign (icon, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (icon, "error");

  return g_object_ref_sink (icon);
}

/* An AdwEntryRow has no subtitle in libadwaita 1.2, so an error is told three
 * ways: the row turns red, a warning icon with the reason sits at its end,
 * and the reason is written out under the group. The icon is only in the row
 * while it is needed: even hidden, a suffix would shift the row's edit icon. */
static void
set_field_error (VdToolEditor *self,
                 Field         field,
                 const char   *error)
{
  AdwEntryRow *row = self->rows[field];
  GtkWidget *icon = get_error_icon (self, field);

  self->errors[field] = error;

  if (error != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  gtk_widget_set_tooltip_text (GTK_WIDGET (row), error);

  if (icon == NULL)
    return;

  gtk_widget_set_tooltip_text (icon, error);
  if (error != NULL && gtk_widget_get_parent (icon) == NULL)
    adw_entry_row_add_suffix (row, icon);
  else if (error == NULL && gtk_widget_get_parent (icon) != NULL)
    adw_entry_row_remove (row, icon);
}

static void
update_validity (VdToolEditor *self)
{
  g_autoptr(GString) message = g_string_new (NULL);
  gboolean valid;

  for (guint i = 0; i < N_FIELDS; i++)
    {
      if (self->errors[i] == NULL)
        continue;
      if (message->len > 0)
        g_string_append_c (message, '\n');
      g_string_append (message, self->errors[i]);
    }

  gtk_label_set_text (self->tool_message, message->str);
  gtk_widget_set_visible (GTK_WIDGET (self->tool_message), message->len > 0);

  valid = message->len == 0;
  if (valid == self->valid)
    return;

  self->valid = valid;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALID]);
}

/* The row's text as the tool would hold it: stripped, and completed. */
static char *
dup_row_text (VdToolEditor *self,
              Field         field)
{
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->rows[field])));

  return complete_field (field, g_strstrip (text));
}

/* Once the editor leaves the row, it shows what was saved: "zed.dev" becomes
 * "https://zed.dev", so what the website gets is what the editor saw. Not
 * while typing, which would move the cursor under their fingers. */
static void
on_website_focus_leave (VdToolEditor *self)
{
  const char *saved;
  g_autofree char *shown = NULL;

  if (self->tool == NULL || self->errors[FIELD_WEBSITE] != NULL)
    return;

  saved = vd_tool_get_website (self->tool);
  shown = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->rows[FIELD_WEBSITE]))));
  if (g_strcmp0 (shown, saved) == 0)
    return;

  self->syncing = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->rows[FIELD_WEBSITE]), saved);
  self->syncing = FALSE;
}

/* The row shows what it was told, stripped of outer spaces, so a space the
 * editor just typed at the end survives the round trip through the tool; and
 * the text is only replaced when it differs, which keeps the cursor where it
 * was. @force replaces it anyway, to drop the undo history of another tool. */
static void
sync_field (VdToolEditor *self,
            Field         field,
            gboolean      force)
{
  const char *value = self->tool != NULL ? field_info[field].get (self->tool) : "";
  g_autofree char *shown = dup_row_text (self, field);

  if (!force && g_strcmp0 (shown, value) == 0)
    return;

  self->syncing = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->rows[field]), value);
  self->syncing = FALSE;

  /* A record from an import or an older version may already break a rule. */
  set_field_error (self, field, self->tool != NULL ? check_field (field, value) : NULL);
}

static void
sync_pricing (VdToolEditor *self)
{
  guint position = self->tool != NULL ? (guint) vd_tool_get_pricing (self->tool) : 0;

  self->syncing = TRUE;
  adw_combo_row_set_selected (self->pricing_row, position);
  self->syncing = FALSE;
}

static void
update_votes_widgets (VdToolEditor *self)
{
  gboolean recorded = gtk_switch_get_active (self->votes_switch);
  g_autofree char *score = NULL;

  gtk_widget_set_sensitive (self->votes_up_row, recorded);
  gtk_widget_set_sensitive (self->votes_down_row, recorded);

  score = self->tool != NULL ? vd_tool_dup_community_label (self->tool) : g_strdup ("—");
  gtk_label_set_text (self->community_label, score);
}

/* When the votes are switched off the counts stay in the spin buttons, so
 * switching back on restores them; @reset clears them for another tool. */
static void
sync_votes (VdToolEditor *self,
            gboolean      reset)
{
  int up = self->tool != NULL ? vd_tool_get_votes_up (self->tool) : VD_VOTES_UNSET;
  int down = self->tool != NULL ? vd_tool_get_votes_down (self->tool) : VD_VOTES_UNSET;
  gboolean recorded = up != VD_VOTES_UNSET || down != VD_VOTES_UNSET;

  self->syncing = TRUE;
  gtk_switch_set_active (self->votes_switch, recorded);
  if (recorded || reset)
    {
      gtk_spin_button_set_value (self->votes_up_button, MAX (up, 0));
      gtk_spin_button_set_value (self->votes_down_button, MAX (down, 0));
    }
  self->syncing = FALSE;

  update_votes_widgets (self);
}

static char *
dup_description (VdToolEditor *self)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (self->description_buffer, &start, &end);
  return gtk_text_buffer_get_text (self->description_buffer, &start, &end, FALSE);
}

/* Text that comes from the tool is not the editor's to undo. */
static void
sync_description (VdToolEditor *self,
                  gboolean      force)
{
  const char *value = self->tool != NULL ? vd_tool_get_description (self->tool) : "";
  g_autofree char *shown = dup_description (self);

  if (!force && g_strcmp0 (shown, value) == 0)
    return;

  self->syncing = TRUE;
  gtk_text_buffer_begin_irreversible_action (self->description_buffer);
  gtk_text_buffer_set_text (self->description_buffer, value, -1);
  gtk_text_buffer_end_irreversible_action (self->description_buffer);
  self->syncing = FALSE;
}

static void
sync_all (VdToolEditor *self)
{
  gtk_widget_set_sensitive (adw_bin_get_child (ADW_BIN (self)), self->tool != NULL);

  for (guint i = 0; i < N_FIELDS; i++)
    sync_field (self, i, TRUE);
  sync_pricing (self);
  sync_votes (self, TRUE);
  sync_description (self, TRUE);

  update_validity (self);
}

static void
on_tool_notify (VdToolEditor *self,
                GParamSpec   *pspec,
                VdTool       *tool)
{
  const char *name = g_param_spec_get_name (pspec);

  g_assert (tool == self->tool);

  for (guint i = 0; i < N_FIELDS; i++)
    {
      if (g_str_equal (name, field_info[i].property))
        {
          sync_field (self, i, FALSE);
          update_validity (self);
          return;
        }
    }

  if (g_str_equal (name, "pricing"))
    sync_pricing (self);
  else if (g_str_equal (name, "votes-up") || g_str_equal (name, "votes-down"))
    sync_votes (self, FALSE);
  else if (g_str_equal (name, "description"))
    sync_description (self, FALSE);
}

static void
on_text_row_changed (VdToolEditor *self,
                     GtkEditable  *row)
{
  g_autofree char *text = NULL;
  const char *error;
  Field field;

  if (self->syncing || self->tool == NULL)
    return;

  for (field = 0; field < N_FIELDS; field++)
    if (GTK_EDITABLE (self->rows[field]) == row)
      break;
  g_return_if_fail (field < N_FIELDS);

  text = dup_row_text (self, field);
  error = check_field (field, text);
  set_field_error (self, field, error);
  if (error == NULL)
    field_info[field].set (self->tool, text);

  update_validity (self);
}

static void
on_pricing_selected (VdToolEditor *self)
{
  guint position;

  if (self->syncing || self->tool == NULL)
    return;

  position = adw_combo_row_get_selected (self->pricing_row);
  if (position == GTK_INVALID_LIST_POSITION)
    return;

  /* The labels are in the order of the enum, whose values count from 0. */
  vd_tool_set_pricing (self->tool, (VdPricing) position);
}

static void
on_votes_switch_active (VdToolEditor *self)
{
  if (self->syncing || self->tool == NULL)
    return;

  if (gtk_switch_get_active (self->votes_switch))
    vd_tool_set_votes (self->tool,
                       gtk_spin_button_get_value_as_int (self->votes_up_button),
                       gtk_spin_button_get_value_as_int (self->votes_down_button));
  else
    vd_tool_set_votes (self->tool, VD_VOTES_UNSET, VD_VOTES_UNSET);

  update_votes_widgets (self);
}

static void
on_votes_value_changed (VdToolEditor *self)
{
  if (self->syncing || self->tool == NULL || !gtk_switch_get_active (self->votes_switch))
    return;

  vd_tool_set_votes (self->tool,
                     gtk_spin_button_get_value_as_int (self->votes_up_button),
                     gtk_spin_button_get_value_as_int (self->votes_down_button));
  update_votes_widgets (self);
}

static void
on_description_changed (VdToolEditor *self)
{
  g_autofree char *text = NULL;

  if (self->syncing || self->tool == NULL)
    return;

  text = dup_description (self);
  vd_tool_set_description (self->tool, text);
}

/* An earlier version from the history made current again: an ordinary
 * edit of the tool, which the rows then show. */
static void
on_restore_version (VdToolEditor  *self,
                    VdRecord      *version,
                    VdHistoryView *view)
{
  if (self->tool != NULL && VD_IS_TOOL (version))
    vd_history_restore_into (VD_RECORD (self->tool), version);
}

static void
vd_tool_editor_dispose (GObject *object)
{
  VdToolEditor *self = VD_TOOL_EDITOR (object);

  if (self->tool != NULL)
    g_clear_signal_handler (&self->notify_id, self->tool);
  g_clear_object (&self->tool);
  g_clear_object (&self->name_error_icon);
  g_clear_object (&self->website_error_icon);

  /* None of the bound children is the bin's own child (AdwBin unparents
   * that), so this only drops the template's references. */
  gtk_widget_dispose_template (GTK_WIDGET (self), VD_TYPE_TOOL_EDITOR);

  G_OBJECT_CLASS (vd_tool_editor_parent_class)->dispose (object);
}

static void
vd_tool_editor_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  VdToolEditor *self = VD_TOOL_EDITOR (object);

  switch (prop_id)
    {
    case PROP_TOOL:
      g_value_set_object (value, self->tool);
      break;

    case PROP_VALID:
      g_value_set_boolean (value, self->valid);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vd_tool_editor_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  VdToolEditor *self = VD_TOOL_EDITOR (object);

  switch (prop_id)
    {
    case PROP_TOOL:
      vd_tool_editor_set_tool (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vd_tool_editor_class_init (VdToolEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vd_tool_editor_dispose;
  object_class->get_property = vd_tool_editor_get_property;
  object_class->set_property = vd_tool_editor_set_property;

  properties[PROP_TOOL] =
    g_param_spec_object ("tool", NULL, NULL,
                         VD_TYPE_TOOL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* FALSE while a row shows text that is not written to the tool. */
  properties[PROP_VALID] =
    g_param_spec_boolean ("valid", NULL, NULL,
                          TRUE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (VD_TYPE_HISTORY_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/verdictdesk/VerdictDesk/ui/vd-tool-editor.ui");
  gtk_widget_class_bind_template_child_full (widget_class, "name_row", FALSE,
                                             G_STRUCT_OFFSET (VdToolEditor, rows[FIELD_NAME]));
  gtk_widget_class_bind_template_child_full (widget_class, "vendor_row", FALSE,
                                             G_STRUCT_OFFSET (VdToolEditor, rows[FIELD_VENDOR]));
  gtk_widget_class_bind_template_child_full (widget_class, "category_row", FALSE,
                                             G_STRUCT_OFFSET (VdToolEditor, rows[FIELD_CATEGORY]));
  gtk_widget_class_bind_template_child_full (widget_class, "tagline_row", FALSE,
                                             G_STRUCT_OFFSET (VdToolEditor, rows[FIELD_TAGLINE]));
  gtk_widget_class_bind_template_child_full (widget_class, "website_row", FALSE,
                                             G_STRUCT_OFFSET (VdToolEditor, rows[FIELD_WEBSITE]));
  gtk_widget_class_bind_template_child_full (widget_class, "pricing_detail_row", FALSE,
                                             G_STRUCT_OFFSET (VdToolEditor,
                                                              rows[FIELD_PRICING_DETAIL]));
  gtk_widget_class_bind_template_child_full (widget_class, "license_row", FALSE,
                                             G_STRUCT_OFFSET (VdToolEditor, rows[FIELD_LICENSE]));
  gtk_widget_class_bind_template_child (widget_class, VdToolEditor, tool_message);
  gtk_widget_class_bind_template_child (widget_class, VdToolEditor, pricing_row);
  gtk_widget_class_bind_template_child (widget_class, VdToolEditor, pricing_labels);
  gtk_widget_class_bind_template_child (widget_class, VdToolEditor, votes_switch);
  gtk_widget_class_bind_template_child (widget_class, VdToolEditor, votes_up_row);
  gtk_widget_class_bind_template_child (widget_class, VdToolEditor, votes_down_row);
  gtk_widget_class_bind_template_child (widget_class, VdToolEditor, votes_up_button);
  gtk_widget_class_bind_template_child (widget_class, VdToolEditor, votes_down_button);
  gtk_widget_class_bind_template_child (widget_class, VdToolEditor, community_label);
  gtk_widget_class_bind_template_child (widget_class, VdToolEditor, description_view);
  gtk_widget_class_bind_template_child (widget_class, VdToolEditor, description_buffer);
  gtk_widget_class_bind_template_child (widget_class, VdToolEditor, history_view);
  gtk_widget_class_bind_template_callback (widget_class, on_text_row_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_restore_version);
  gtk_widget_class_bind_template_callback (widget_class, on_pricing_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_votes_switch_active);
  gtk_widget_class_bind_template_callback (widget_class, on_votes_value_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_description_changed);
}

static void
vd_tool_editor_init (VdToolEditor *self)
{
  g_autoptr(GEnumClass) pricing_class = g_type_class_ref (VD_TYPE_PRICING);
  GtkEventController *focus;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->name_error_icon = create_error_icon ();
  self->website_error_icon = create_error_icon ();
  self->valid = TRUE;
  /* A tool's text is no reviewer's: the desk's language. */
  vd_spell_adapter_attach (self->description_view, NULL);

  focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "leave", G_CALLBACK (on_website_focus_leave), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->rows[FIELD_WEBSITE]), focus);

  for (guint i = 0; i < pricing_class->n_values; i++)
    {
      g_assert (pricing_class->values[i].value == (int) i);
      gtk_string_list_append (self->pricing_labels,
                              _(vd_pricing_get_label (pricing_class->values[i].value)));
    }

  sync_all (self);
}

GtkWidget *
vd_tool_editor_new (void)
{
  return g_object_new (VD_TYPE_TOOL_EDITOR, NULL);
}

/**
 * vd_tool_editor_get_tool:
 *
 * Returns: (transfer none) (nullable): the tool being edited
 */
VdTool *
vd_tool_editor_get_tool (VdToolEditor *self)
{
  g_return_val_if_fail (VD_IS_TOOL_EDITOR (self), NULL);

  return self->tool;
}

/**
 * vd_tool_editor_set_tool:
 * @tool: (nullable): the tool to edit; %NULL leaves the form empty and
 *   insensitive
 */
void
vd_tool_editor_set_tool (VdToolEditor *self,
                         VdTool       *tool)
{
  g_return_if_fail (VD_IS_TOOL_EDITOR (self));
  g_return_if_fail (tool == NULL || VD_IS_TOOL (tool));

  if (self->tool == tool)
    return;

  if (self->tool != NULL)
    g_clear_signal_handler (&self->notify_id, self->tool);
  g_set_object (&self->tool, tool);
  /* Another tool's history is no history of this one; the owner reads it. */
  vd_history_view_set_versions (self->history_view, NULL);
  if (tool != NULL)
    self->notify_id = g_signal_connect_object (tool, "notify", G_CALLBACK (on_tool_notify),
                                               self, G_CONNECT_SWAPPED);

  sync_all (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOOL]);
}

/**
 * vd_tool_editor_is_valid:
 *
 * Returns: %FALSE while a row shows a value that breaks a rule and is
 *   therefore not written to the tool
 */
gboolean
vd_tool_editor_is_valid (VdToolEditor *self)
{
  g_return_val_if_fail (VD_IS_TOOL_EDITOR (self), FALSE);

  return self->valid;
}

AdwEntryRow *
vd_tool_editor_get_name_row (VdToolEditor *self)
{
  g_return_val_if_fail (VD_IS_TOOL_EDITOR (self), NULL);

  return self->rows[FIELD_NAME];
}

AdwEntryRow *
vd_tool_editor_get_website_row (VdToolEditor *self)
{
  g_return_val_if_fail (VD_IS_TOOL_EDITOR (self), NULL);

  return self->rows[FIELD_WEBSITE];
}

AdwComboRow *
vd_tool_editor_get_pricing_row (VdToolEditor *self)
{
  g_return_val_if_fail (VD_IS_TOOL_EDITOR (self), NULL);

  return self->pricing_row;
}

GtkTextBuffer *
vd_tool_editor_get_description_buffer (VdToolEditor *self)
{
  g_return_val_if_fail (VD_IS_TOOL_EDITOR (self), NULL);

  return self->description_buffer;
}

GtkSwitch *
vd_tool_editor_get_votes_switch (VdToolEditor *self)
{
  g_return_val_if_fail (VD_IS_TOOL_EDITOR (self), NULL);

  return self->votes_switch;
}

GtkSpinButton *
vd_tool_editor_get_votes_up_button (VdToolEditor *self)
{
  g_return_val_if_fail (VD_IS_TOOL_EDITOR (self), NULL);

  return self->votes_up_button;
}

GtkSpinButton *
vd_tool_editor_get_votes_down_button (VdToolEditor *self)
{
  g_return_val_if_fail (VD_IS_TOOL_EDITOR (self), NULL);

  return self->votes_down_button;
}

/**
 * vd_tool_editor_get_history_view:
 *
 * Returns: (transfer none): the tool's history, which its owner reads
 *   (vd_history_view_reload())
 */
VdHistoryView *
vd_tool_editor_get_history_view (VdToolEditor *self)
{
  g_return_val_if_fail (VD_IS_TOOL_EDITOR (self), NULL);

  return self->history_view;
}
