/* vd-tool.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "vd-enum-types.h"
#include "vd-error.h"
#include "vd-panel.h"
#include "vd-record-private.h"
#include "vd-tool.h"

enum {
  PROP_0,
  PROP_NAME,
  PROP_VENDOR,
  PROP_CATEGORY,
  PROP_TAGLINE,
  PROP_DESCRIPTION,
  PROP_PRICING_DETAIL,
  PROP_WEBSITE,
  PROP_LICENSE,
  LAST_STRING_PROP = PROP_LICENSE,
  PROP_PRICING,
  PROP_VOTES_UP,
  PROP_VOTES_DOWN,
  N_PROPS
};

struct _VdTool
{
  VdRecord   parent_instance;

  /* Text fields are kept by property id so one code path serves them all. */
  char      *text[LAST_STRING_PROP + 1];
  VdPricing  pricing;
  int        votes_up;
  int        votes_down;
};

G_DEFINE_FINAL_TYPE (VdTool, vd_tool, VD_TYPE_RECORD)

static GParamSpec *properties[N_PROPS];

static void
vd_tool_set_text (VdTool     *self,
                  guint       prop_id,
                  const char *value)
{
  vd_record_text_set (G_OBJECT (self), self->text, properties, prop_id, value);
}

static void
vd_tool_finalize (GObject *object)
{
  VdTool *self = VD_TOOL (object);

  vd_record_text_clear (self->text, LAST_STRING_PROP);

  G_OBJECT_CLASS (vd_tool_parent_class)->finalize (object);
}

static void
vd_tool_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  VdTool *self = VD_TOOL (object);

  if (vd_record_text_get_property (self->text, LAST_STRING_PROP, prop_id, value))
    return;

  switch (prop_id)
    {
    case PROP_PRICING:
      g_value_set_enum (value, self->pricing);
      break;

    case PROP_VOTES_UP:
      g_value_set_int (value, self->votes_up);
      break;

    case PROP_VOTES_DOWN:
      g_value_set_int (value, self->votes_down);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vd_tool_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  VdTool *self = VD_TOOL (object);

  if (vd_record_text_set_property (object, self->text, properties, LAST_STRING_PROP,
                                   prop_id, value))
    return;

  switch (prop_id)
    {
    case PROP_PRICING:
      vd_tool_set_pricing (self, g_value_get_enum (value));
      break;

    case PROP_VOTES_UP:
      vd_tool_set_votes (self, g_value_get_int (value), self->votes_down);
      break;

    case PROP_VOTES_DOWN:
      vd_tool_set_votes (self, self->votes_up, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/**
 * vd_tool_website_is_valid:
 *
 * Returns: whether @website is empty or an absolute http(s) address with a host
 */
gboolean
vd_tool_website_is_valid (const char *website)
{
  g_autoptr(GUri) uri = NULL;
  const char *scheme;

  if (website == NULL || website[0] == '\0')
    return TRUE;

  uri = g_uri_parse (website, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL)
    return FALSE;

  scheme = g_uri_get_scheme (uri);
  return (g_ascii_strcasecmp (scheme, "http") == 0 || g_ascii_strcasecmp (scheme, "https") == 0) &&
         g_uri_get_host (uri) != NULL && g_uri_get_host (uri)[0] != '\0';
}

static gboolean
vd_tool_validate (VdRecord  *record,
                  GError   **error)
{
  VdTool *self = VD_TOOL (record);

  if (!vd_record_require_text (self->text[PROP_NAME], "A tool’s name", error))
    return FALSE;

  if (!vd_tool_website_is_valid (self->text[PROP_WEBSITE]))
    {
      g_set_error (error, VD_MODEL_ERROR, VD_MODEL_ERROR_INVALID,
                   "The website of “%s” must be an http:// or https:// address, not “%s”",
                   self->text[PROP_NAME], self->text[PROP_WEBSITE]);
      return FALSE;
    }

  return TRUE;
}

static void
vd_tool_class_init (VdToolClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  VdRecordClass *record_class = VD_RECORD_CLASS (klass);
  static const char * const text_names[] = {
    NULL, "name", "vendor", "category", "tagline", "description",
    "pricing-detail", "website", "license",
  };

  object_class->finalize = vd_tool_finalize;
  object_class->get_property = vd_tool_get_property;
  object_class->set_property = vd_tool_set_property;
  record_class->validate = vd_tool_validate;

  G_STATIC_ASSERT (G_N_ELEMENTS (text_names) == LAST_STRING_PROP + 1);
  vd_record_install_text_properties (properties, PROP_0 + 1, LAST_STRING_PROP, text_names);

  properties[PROP_PRICING] =
    g_param_spec_enum ("pricing", NULL, NULL,
                       VD_TYPE_PRICING, VD_PRICING_FREE,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* Minimum -1: "no votes recorded", which the page shows as "—". */
  properties[PROP_VOTES_UP] =
    g_param_spec_int ("votes-up", NULL, NULL,
                      VD_VOTES_UNSET, G_MAXINT, VD_VOTES_UNSET,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_VOTES_DOWN] =
    g_param_spec_int ("votes-down", NULL, NULL,
                      VD_VOTES_UNSET, G_MAXINT, VD_VOTES_UNSET,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  vd_record_class_set_table (record_class, "tools");
  vd_record_class_add_fields (record_class,
                              "name", "vendor", "category", "tagline", "description",
                              "pricing", "pricing-detail", "website", "license",
                              "votes-up", "votes-down",
                              NULL);
}

static void
vd_tool_init (VdTool *self)
{
  vd_record_text_init (self->text, LAST_STRING_PROP);

  self->pricing = VD_PRICING_FREE;
  self->votes_up = VD_VOTES_UNSET;
  self->votes_down = VD_VOTES_UNSET;
}

VdTool *
vd_tool_new (const char *name)
{
  return g_object_new (VD_TYPE_TOOL, "name", name, NULL);
}

VD_RECORD_TEXT_ACCESSORS (vd_tool, VdTool, VD_IS_TOOL, name, PROP_NAME)
VD_RECORD_TEXT_ACCESSORS (vd_tool, VdTool, VD_IS_TOOL, vendor, PROP_VENDOR)
VD_RECORD_TEXT_ACCESSORS (vd_tool, VdTool, VD_IS_TOOL, category, PROP_CATEGORY)
VD_RECORD_TEXT_ACCESSORS (vd_tool, VdTool, VD_IS_TOOL, tagline, PROP_TAGLINE)
VD_RECORD_TEXT_ACCESSORS (vd_tool, VdTool, VD_IS_TOOL, description, PROP_DESCRIPTION)
VD_RECORD_TEXT_ACCESSORS (vd_tool, VdTool, VD_IS_TOOL, pricing_detail, PROP_PRICING_DETAIL)
VD_RECORD_TEXT_ACCESSORS (vd_tool, VdTool, VD_IS_TOOL, website, PROP_WEBSITE)
VD_RECORD_TEXT_ACCESSORS (vd_tool, VdTool, VD_IS_TOOL, license, PROP_LICENSE)

VdPricing
vd_tool_get_pricing (VdTool *self)
{
  g_return_val_if_fail (VD_IS_TOOL (self), VD_PRICING_FREE);

  return self->pricing;
}

void
vd_tool_set_pricing (VdTool    *self,
                     VdPricing  pricing)
{
  g_return_if_fail (VD_IS_TOOL (self));

  if (self->pricing == pricing)
    return;

  self->pricing = pricing;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRICING]);
}

int
vd_tool_get_votes_up (VdTool *self)
{
  g_return_val_if_fail (VD_IS_TOOL (self), VD_VOTES_UNSET);

  return self->votes_up;
}

int
vd_tool_get_votes_down (VdTool *self)
{
  g_return_val_if_fail (VD_IS_TOOL (self), VD_VOTES_UNSET);

  return self->votes_down;
}

/**
 * vd_tool_set_votes:
 * @up: up-votes, or %VD_VOTES_UNSET
 * @down: down-votes, or %VD_VOTES_UNSET
 *
 * Both counts are set together so that observers never see a half-updated
 * community score.
 */
void
vd_tool_set_votes (VdTool *self,
                   int     up,
                   int     down)
{
  gboolean up_changed, down_changed;

  g_return_if_fail (VD_IS_TOOL (self));
  g_return_if_fail (up >= VD_VOTES_UNSET && down >= VD_VOTES_UNSET);

  up_changed = self->votes_up != up;
  down_changed = self->votes_down != down;
  self->votes_up = up;
  self->votes_down = down;

  if (up_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VOTES_UP]);
  if (down_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VOTES_DOWN]);
}

gboolean
vd_tool_has_votes (VdTool *self)
{
  g_return_val_if_fail (VD_IS_TOOL (self), FALSE);

  return MAX (self->votes_up, 0) + MAX (self->votes_down, 0) > 0;
}

/**
 * vd_tool_get_community_percent:
 *
 * Returns: the share of up-votes among all votes, rounded as the page shows
 *   it, or -1 when nobody has voted.
 */
int
vd_tool_get_community_percent (VdTool *self)
{
  g_return_val_if_fail (VD_IS_TOOL (self), -1);

  if (!vd_tool_has_votes (self))
    return -1;

  return vd_panel_round_percent (MAX (self->votes_up, 0),
                                 MAX (self->votes_up, 0) + MAX (self->votes_down, 0));
}

char *
vd_tool_dup_community_label (VdTool *self)
{
  g_return_val_if_fail (VD_IS_TOOL (self), NULL);

  return vd_panel_format_percent (vd_tool_get_community_percent (self));
}
