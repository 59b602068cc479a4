/* vd-comparison.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "vd-comparison.h"
#include "vd-enum-types.h"
#include "vd-error.h"
#include "vd-record-private.h"

enum {
  PROP_0,
  PROP_SLUG,
  PROP_TITLE,
  PROP_DEK,
  PROP_TOOL_A,
  PROP_TOOL_B,
  PROP_PRICING_READ,
  PROP_PUBLISH_DATE,
  LAST_STRING_PROP = PROP_PUBLISH_DATE,
  PROP_STATUS,
  PROP_PANEL,
  N_PROPS
};

struct _VdComparison
{
  VdRecord    parent_instance;

  char       *text[LAST_STRING_PROP + 1];
  VdStatus    status;
  char      **panel;
};

G_DEFINE_FINAL_TYPE (VdComparison, vd_comparison, VD_TYPE_RECORD)

static GParamSpec *properties[N_PROPS];

static void
vd_comparison_set_text (VdComparison *self,
                        guint         prop_id,
                        const char   *value)
{
  vd_record_text_set (G_OBJECT (self), self->text, properties, prop_id, value);
}

static void
vd_comparison_finalize (GObject *object)
{
  VdComparison *self = VD_COMPARISON (object);

  vd_record_text_clear (self->text, LAST_STRING_PROP);
  g_clear_pointer (&self->panel, g_strfreev);

  G_OBJECT_CLASS (vd_comparison_parent_class)->finalize (object);
}

static void
vd_comparison_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  VdComparison *self = VD_COMPARISON (object);

  if (vd_record_text_get_property (self->text, LAST_STRING_PROP, prop_id, value))
    return;

  switch (prop_id)
    {
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;

    case PROP_PANEL:
      g_value_set_boxed (value, self->panel);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vd_comparison_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  VdComparison *self = VD_COMPARISON (object);

  if (vd_record_text_set_property (object, self->text, properties, LAST_STRING_PROP,
                                   prop_id, value))
    return;

  switch (prop_id)
    {
    case PROP_STATUS:
      vd_comparison_set_status (self, g_value_get_enum (value));
      break;

    case PROP_PANEL:
      vd_comparison_set_panel (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static gboolean
vd_comparison_validate (VdRecord  *record,
                        GError   **error)
{
  VdComparison *self = VD_COMPARISON (record);

  if (!vd_slug_is_valid (self->text[PROP_SLUG]))
    {
      g_set_error (error, VD_MODEL_ERROR, VD_MODEL_ERROR_INVALID,
                   "“%s” is not a valid slug: use lower-case letters, digits and single dashes",
                   self->text[PROP_SLUG]);
      return FALSE;
    }

  if (!vd_record_require_uuid (self->text[PROP_TOOL_A], "The first tool", error) ||
      !vd_record_require_uuid (self->text[PROP_TOOL_B], "The second tool", error))
    return FALSE;

  if (g_strcmp0 (self->text[PROP_TOOL_A], self->text[PROP_TOOL_B]) == 0)
    {
      g_set_error (error, VD_MODEL_ERROR, VD_MODEL_ERROR_INVALID,
                   "“%s” compares a tool with itself", self->text[PROP_SLUG]);
      return FALSE;
    }

  if (!vd_date_is_valid (self->text[PROP_PUBLISH_DATE]))
    {
      g_set_error (error, VD_MODEL_ERROR, VD_MODEL_ERROR_INVALID,
                   "The publish date “%s” is not a date written YYYY-MM-DD",
                   self->text[PROP_PUBLISH_DATE]);
      return FALSE;
    }

  for (guint i = 0; self->panel[i] != NULL; i++)
    {
      if (!vd_record_require_uuid (self->panel[i], "A panel reviewer", error))
        return FALSE;

      for (guint j = 0; j < i; j++)
        if (g_strcmp0 (self->panel[i], self->panel[j]) == 0)
          {
            g_set_error (error, VD_MODEL_ERROR, VD_MODEL_ERROR_INVALID,
                         "The reviewer %s sits on the panel of “%s” twice",
                         self->panel[i], self->text[PROP_SLUG]);
            return FALSE;
          }
    }

  return TRUE;
}

static void
vd_comparison_class_init (VdComparisonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  VdRecordClass *record_class = VD_RECORD_CLASS (klass);
  static const char * const text_names[] = {
    NULL, "slug", "title", "dek", "tool-a", "tool-b", "pricing-read", "publish-date",
  };

  object_class->finalize = vd_comparison_finalize;
  object_class->get_property = vd_comparison_get_property;
  object_class->set_property = vd_comparison_set_property;
  record_class->validate = vd_comparison_validate;

  G_STATIC_ASSERT (G_N_ELEMENTS (text_names) == LAST_STRING_PROP + 1);
  vd_record_install_text_properties (properties, PROP_0 + 1, LAST_STRING_PROP, text_names);

  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       VD_TYPE_STATUS, VD_STATUS_DRAFT,
                       VD_RECORD_TEXT_FLAGS);

  /* The panel: reviewer uuids in the order the page lists them. */
  properties[PROP_PANEL] =
    g_param_spec_boxed ("panel", NULL, NULL,
                        G_TYPE_STRV,
                        VD_RECORD_TEXT_FLAGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  vd_record_class_set_table (record_class, "comparisons");
  vd_record_class_add_fields (record_class,
                              "slug", "title", "dek", "tool-a", "tool-b", "pricing-read",
                              "status", "publish-date", "panel",
                              NULL);
}

static void
vd_comparison_init (VdComparison *self)
{
  vd_record_text_init (self->text, LAST_STRING_PROP);

  self->status = VD_STATUS_DRAFT;
  self->panel = g_new0 (char *, 1);
}

VdComparison *
vd_comparison_new (const char *slug,
                   const char *tool_a,
                   const char *tool_b)
{
  return g_object_new (VD_TYPE_COMPARISON,
                       "slug", slug,
                       "tool-a", tool_a,
                       "tool-b", tool_b,
                       NULL);
}

VD_RECORD_TEXT_ACCESSORS (vd_comparison, VdComparison, VD_IS_COMPARISON, slug, PROP_SLUG)
VD_RECORD_TEXT_ACCESSORS (vd_comparison, VdComparison, VD_IS_COMPARISON, title, PROP_TITLE)
VD_RECORD_TEXT_ACCESSORS (vd_comparison, VdComparison, VD_IS_COMPARISON, dek, PROP_DEK)
VD_RECORD_TEXT_ACCESSORS (vd_comparison, VdComparison, VD_IS_COMPARISON, tool_a, PROP_TOOL_A)
VD_RECORD_TEXT_ACCESSORS (vd_comparison, VdComparison, VD_IS_COMPARISON, tool_b, PROP_TOOL_B)
VD_RECORD_TEXT_ACCESSORS (vd_comparison, VdComparison, VD_IS_COMPARISON,
                          pricing_read, PROP_PRICING_READ)
VD_RECORD_TEXT_ACCESSORS (vd_comparison, VdComparison, VD_IS_COMPARISON,
                          publish_date, PROP_PUBLISH_DATE)

VdStatus
vd_comparison_get_status (VdComparison *self)
{
  g_return_val_if_fail (VD_IS_COMPARISON (self), VD_STATUS_DRAFT);

  return self->status;
}

void
vd_comparison_set_status (VdComparison *self,
                          VdStatus      status)
{
  g_return_if_fail (VD_IS_COMPARISON (self));

  if (self->status == status)
    return;

  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

const char * const *
vd_comparison_get_panel (VdComparison *self)
{
  g_return_val_if_fail (VD_IS_COMPARISON (self), NULL);

  return (const char * const *) self->panel;
}

void
vd_comparison_set_panel (VdComparison       *self,
                         const char * const *panel)
{
  g_return_if_fail (VD_IS_COMPARISON (self));

  if (vd_record_take_strv (&self->panel, panel))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PANEL]);
}

/**
 * vd_slug_is_valid:
 *
 * Returns: whether @slug can be a page address: 1–100 characters of lower-case
 *   ASCII letters, digits and single dashes, not starting or ending with a dash.
 */
gboolean
vd_slug_is_valid (const char *slug)
{
  gsize len;

  if (slug == NULL)
    return FALSE;

  len = strlen (slug);
  if (len == 0 || len > 100 || slug[0] == '-' || slug[len - 1] == '-')
    return FALSE;

  for (gsize i = 0; i < len; i++)
    {
      char c = slug[i];

      if (c == '-' && slug[i + 1] == '-')
        return FALSE;
      if (!(g_ascii_islower (c) || g_ascii_isdigit (c) || c == '-'))
        return FALSE;
    }

  return TRUE;
}

/**
 * vd_date_is_valid:
 *
 * Returns: whether @date is empty (not scheduled) or a real calendar date
 *   written YYYY-MM-DD.
 */
gboolean
vd_date_is_valid (const char *date)
{
  guint year, month, day;

  if (date == NULL || date[0] == '\0')
    return TRUE;

  if (strlen (date) != 10 || date[4] != '-' || date[7] != '-')
    return FALSE;

  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (date[i]))
      return FALSE;

  year = g_ascii_strtoull (date, NULL, 10);
  month = g_ascii_strtoull (date + 5, NULL, 10);
  day = g_ascii_strtoull (date + 8, NULL, 10);

  return g_date_valid_dmy (day, month, year);
}
