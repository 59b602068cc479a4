/* vd-scorecard-form.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SKELETON: to be written.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "vd-scorecard-form.h"

struct _VdScorecardForm
{
  GtkWidget parent_instance;
};

G_DEFINE_FINAL_TYPE (VdScorecardForm, vd_scorecard_form, GTK_TYPE_WIDGET)

static void
vd_scorecard_form_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), VD_TYPE_SCORECARD_FORM);

  G_OBJECT_CLASS (vd_scorecard_form_parent_class)->dispose (object);
}

static void
vd_scorecard_form_class_init (VdScorecardFormClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  G_OBJECT_CLASS (klass)->dispose = vd_scorecard_form_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/verdictdesk/VerdictDesk/ui/vd-scorecard-form.ui");
}

static void
vd_scorecard_form_init (VdScorecardForm *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
vd_scorecard_form_new (void)
{
  return g_object_new (VD_TYPE_SCORECARD_FORM, NULL);
}
