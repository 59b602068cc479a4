/* vd-prose-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A prose field among a boxed list's rows (a comparison's dek and pricing
 * read): its title above a text view that wraps and grows with the text,
 * spell checked by the same VdSpellAdapter as the scorecard sections and
 * the tool description, in the desk's language. The text is a property,
 * so it binds to the record's like an entry row's: text set from outside
 * is loading, not typing, and not the editor's to undo.
 */
#include "config.h"

#include "vd-prose-row.h"
#include "vd-spell-adapter.h"

struct _VdProseRow
{
  AdwPreferencesRow  parent_instance;

  GtkLabel          *title_label;
  GtkTextView       *view;
  GtkTextBuffer     *buffer;

  char              *text;      /* the buffer's text, or NULL until asked again */
  gboolean           loading;   /* vd_prose_row_set_text() is writing the buffer */
};

G_DEFINE_FINAL_TYPE (VdProseRow, vd_prose_row, ADW_TYPE_PREFERENCES_ROW)

enum {
  PROP_0,
  PROP_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
on_buffer_changed (VdProseRow *self)
{
  g_clear_pointer (&self->text, g_free);

  /* Setting text deletes, then inserts: the record hears of the end only. */
  if (!self->loading)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

static void
on_click_pressed (GtkGestureClick *gesture,
                  int              n_press,
                  double           x,
                  double           y,
                  VdProseRow      *self)
{
  /* The title and the row's margins belong to the field too. */
  if (!gtk_widget_has_focus (GTK_WIDGET (self->view)))
    gtk_widget_grab_focus (GTK_WIDGET (self->view));
}

/* The readiness check takes the editor to a field by focusing its row. */
static gboolean
vd_prose_row_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (VD_PROSE_ROW (widget)->view));
}

static void
vd_prose_row_finalize (GObject *object)
{
  VdProseRow *self = VD_PROSE_ROW (object);

  g_clear_pointer (&self->text, g_free);

  G_OBJECT_CLASS (vd_prose_row_parent_class)->finalize (object);
}

static void
vd_prose_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), VD_TYPE_PROSE_ROW);

  G_OBJECT_CLASS (vd_prose_row_parent_class)->dispose (object);
}

static void
vd_prose_row_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  VdProseRow *self = VD_PROSE_ROW (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      g_value_set_string (value, vd_prose_row_get_text (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vd_prose_row_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  VdProseRow *self = VD_PROSE_ROW (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      vd_prose_row_set_text (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vd_prose_row_class_init (VdProseRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vd_prose_row_dispose;
  object_class->finalize = vd_prose_row_finalize;
  object_class->get_property = vd_prose_row_get_property;
  object_class->set_property = vd_prose_row_set_property;
  widget_class->grab_focus = vd_prose_row_grab_focus;

  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/verdictdesk/VerdictDesk/ui/vd-prose-row.ui");
  gtk_widget_class_bind_template_child (widget_class, VdProseRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, VdProseRow, view);
  gtk_widget_class_bind_template_child (widget_class, VdProseRow, buffer);
  gtk_widget_class_bind_template_callback (widget_class, on_buffer_changed);
}

static void
vd_prose_row_init (VdProseRow *self)
{
  GtkGesture *click;

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->view),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, self->title_label, NULL,
                                  -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, self->title_label, NULL,
                                  -1);

  click = gtk_gesture_click_new ();
  g_signal_connect (click, "pressed", G_CALLBACK (on_click_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  /* Nobody's in particular: the desk's language. */
  vd_spell_adapter_attach (self->view, NULL);
}

GtkWidget *
vd_prose_row_new (void)
{
  return g_object_new (VD_TYPE_PROSE_ROW, NULL);
}

/**
 * vd_prose_row_get_text:
 *
 * Returns: (transfer none): the text in the row
 */
const char *
vd_prose_row_get_text (VdProseRow *self)
{
  g_return_val_if_fail (VD_IS_PROSE_ROW (self), NULL);

  if (self->text == NULL)
    {
      GtkTextIter start, end;

      gtk_text_buffer_get_bounds (self->buffer, &start, &end);
      self->text = gtk_text_buffer_get_text (self->buffer, &start, &end, FALSE);
    }
  return self->text;
}

/**
 * vd_prose_row_set_text:
 * @text: (nullable): the text to show; %NULL for none
 *
 * Loads @text, unless the row already reads so (replacing equal text would
 * move the cursor of someone typing in it). Loading is not undoable.
 */
void
vd_prose_row_set_text (VdProseRow *self,
                       const char *text)
{
  g_return_if_fail (VD_IS_PROSE_ROW (self));

  if (text == NULL)
    text = "";
  if (g_str_equal (vd_prose_row_get_text (self), text))
    return;

  self->loading = TRUE;
  gtk_text_buffer_begin_irreversible_action (self->buffer);
  gtk_text_buffer_set_text (self->buffer, text, -1);
  gtk_text_buffer_end_irreversible_action (self->buffer);
  self->loading = FALSE;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

/**
 * vd_prose_row_get_view:
 *
 * Returns: (transfer none): the text view the prose is written in
 */
GtkTextView *
vd_prose_row_get_view (VdProseRow *self)
{
  g_return_val_if_fail (VD_IS_PROSE_ROW (self), NULL);

  return self->view;
}
