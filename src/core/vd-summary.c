/* vd-summary.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sidebar lists thousands of these, so a summary holds only what a row
 * shows and what the search matches, read in one query per list, never the
 * full record.
 */
#include "config.h"

#include "vd-record-private.h"
#include "vd-summary.h"

struct _VdSummary
{
  GObject   parent_instance;

  char     *uuid;
  char     *title;
  char     *subtitle;
  char     *search_text;
  int       kind;        /* VdStatus of a comparison, VdPersona of a reviewer, -1 */
  char    **panel;       /* a comparison's reviewers, for "my scorecards" */
  gboolean  flagged;     /* a Ready or Published comparison failing the rules */
};

G_DEFINE_FINAL_TYPE (VdSummary, vd_summary, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_UUID,
  PROP_TITLE,
  PROP_SUBTITLE,
  PROP_SEARCH_TEXT,
  PROP_KIND,
  PROP_FLAGGED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
vd_summary_finalize (GObject *object)
{
  VdSummary *self = VD_SUMMARY (object);

  g_clear_pointer (&self->uuid, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->subtitle, g_free);
  g_clear_pointer (&self->search_text, g_free);
  g_clear_pointer (&self->panel, g_strfreev);

  G_OBJECT_CLASS (vd_summary_parent_class)->finalize (object);
}

static void
vd_summary_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  VdSummary *self = VD_SUMMARY (object);

  switch (prop_id)
    {
    case PROP_UUID:
      g_value_set_string (value, self->uuid);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_SUBTITLE:
      g_value_set_string (value, self->subtitle);
      break;

    case PROP_SEARCH_TEXT:
      g_value_set_string (value, self->search_text);
      break;

    case PROP_KIND:
      g_value_set_int (value, self->kind);
      break;

    case PROP_FLAGGED:
      g_value_set_boolean (value, self->flagged);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vd_summary_class_init (VdSummaryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = vd_summary_finalize;
  object_class->get_property = vd_summary_get_property;

  properties[PROP_UUID] = g_param_spec_string ("uuid", NULL, NULL, NULL, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_SUBTITLE] = g_param_spec_string ("subtitle", NULL, NULL, NULL, flags);
  /* Title and subtitle together, for one GtkStringFilter to match. */
  properties[PROP_SEARCH_TEXT] = g_param_spec_string ("search-text", NULL, NULL, NULL, flags);
  properties[PROP_KIND] = g_param_spec_int ("kind", NULL, NULL, -1, G_MAXINT, -1, flags);
  /* Not read from the store: the sidebar sets it from the readiness check. */
  properties[PROP_FLAGGED] = g_param_spec_boolean ("flagged", NULL, NULL, FALSE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vd_summary_init (VdSummary *self)
{
  self->title = g_strdup ("");
  self->subtitle = g_strdup ("");
  self->search_text = g_strdup ("");
  self->kind = -1;
  self->panel = g_new0 (char *, 1);
}

VdSummary *
vd_summary_new (const char *uuid)
{
  VdSummary *self;

  g_return_val_if_fail (uuid != NULL, NULL);

  self = g_object_new (VD_TYPE_SUMMARY, NULL);
  self->uuid = g_strdup (uuid);
  return self;
}

const char *
vd_summary_get_uuid (VdSummary *self)
{
  g_return_val_if_fail (VD_IS_SUMMARY (self), NULL);
  return self->uuid;
}

const char *
vd_summary_get_title (VdSummary *self)
{
  g_return_val_if_fail (VD_IS_SUMMARY (self), NULL);
  return self->title;
}

const char *
vd_summary_get_subtitle (VdSummary *self)
{
  g_return_val_if_fail (VD_IS_SUMMARY (self), NULL);
  return self->subtitle;
}

const char *
vd_summary_get_search_text (VdSummary *self)
{
  g_return_val_if_fail (VD_IS_SUMMARY (self), NULL);
  return self->search_text;
}

int
vd_summary_get_kind (VdSummary *self)
{
  g_return_val_if_fail (VD_IS_SUMMARY (self), -1);
  return self->kind;
}

const char * const *
vd_summary_get_panel (VdSummary *self)
{
  g_return_val_if_fail (VD_IS_SUMMARY (self), NULL);
  return (const char * const *) self->panel;
}

/**
 * vd_summary_update:
 *
 * Replaces what the row shows, notifying only what changed: the sidebar
 * calls this when the store reports an edit to the record.
 */
void
vd_summary_update (VdSummary          *self,
                   const char         *title,
                   const char         *subtitle,
                   int                 kind,
                   const char * const *panel)
{
  gboolean changed = FALSE;

  g_return_if_fail (VD_IS_SUMMARY (self));

  g_object_freeze_notify (G_OBJECT (self));

  if (vd_record_take_string (&self->title, title))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
      changed = TRUE;
    }

  if (vd_record_take_string (&self->subtitle, subtitle))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUBTITLE]);
      changed = TRUE;
    }

  if (changed)
    {
      g_free (self->search_text);
      self->search_text = g_strconcat (self->title, "\n", self->subtitle, NULL);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH_TEXT]);
    }

  if (self->kind != kind)
    {
      self->kind = kind;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
    }

  vd_record_take_strv (&self->panel, panel);

  g_object_thaw_notify (G_OBJECT (self));
}

gboolean
vd_summary_get_flagged (VdSummary *self)
{
  g_return_val_if_fail (VD_IS_SUMMARY (self), FALSE);
  return self->flagged;
}

/**
 * vd_summary_set_flagged:
 *
 * Marks a comparison's row as Ready or Published but failing the readiness
 * rules (see #VdReadinessWatcher).
 */
void
vd_summary_set_flagged (VdSummary *self,
                        gboolean   flagged)
{
  g_return_if_fail (VD_IS_SUMMARY (self));

  flagged = !!flagged;
  if (self->flagged == flagged)
    return;

  self->flagged = flagged;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FLAGGED]);
}
