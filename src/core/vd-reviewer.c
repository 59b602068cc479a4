/* vd-reviewer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "vd-enum-types.h"
#include "vd-record-private.h"
#include "vd-reviewer.h"

enum {
  PROP_0,
  PROP_NAME,
  LAST_STRING_PROP = PROP_NAME,
  PROP_PERSONA,
  PROP_PROMPTS,
  N_PROPS
};

struct _VdReviewer
{
  VdRecord    parent_instance;

  char       *text[LAST_STRING_PROP + 1];
  VdPersona   persona;
  char      **prompts;
};

G_DEFINE_FINAL_TYPE (VdReviewer, vd_reviewer, VD_TYPE_RECORD)

static GParamSpec *properties[N_PROPS];

/* The published page's scorecard: each built-in persona answers the same
 * three questions on every tool, in this order. These strings are data (they
 * are exported to the website verbatim), so they are not translated. */
static const char * const dx_prompts[] =
  { "The primitive", "The DX bet", "The moment of truth", NULL };
static const char * const skeptic_prompts[] =
  { "Direct competitors", "Where this breaks", "What kills it in 12 months", NULL };
static const char * const strategist_prompts[] =
  { "The thesis", "The dependency that must hold", "The second-order effect", NULL };
static const char * const buyer_prompts[] =
  { "The buyer", "The pricing architecture", "The moat", NULL };
static const char * const no_prompts[] = { NULL };

/**
 * vd_persona_get_prompts:
 *
 * Returns: the built-in prompts of @persona; empty for %VD_PERSONA_CUSTOM,
 *   whose prompts each reviewer writes.
 */
const char * const *
vd_persona_get_prompts (VdPersona persona)
{
  switch (persona)
    {
    case VD_PERSONA_DEVELOPER_EXPERIENCE: return dx_prompts;
    case VD_PERSONA_SKEPTIC:              return skeptic_prompts;
    case VD_PERSONA_STRATEGIST:           return strategist_prompts;
    case VD_PERSONA_BUYER:                return buyer_prompts;
    case VD_PERSONA_CUSTOM:               return no_prompts;
    default:                              g_return_val_if_reached (no_prompts);
    }
}

static void
vd_reviewer_set_text (VdReviewer *self,
                      guint       prop_id,
                      const char *value)
{
  vd_record_text_set (G_OBJECT (self), self->text, properties, prop_id, value);
}

static void
vd_reviewer_finalize (GObject *object)
{
  VdReviewer *self = VD_REVIEWER (object);

  vd_record_text_clear (self->text, LAST_STRING_PROP);
  g_clear_pointer (&self->prompts, g_strfreev);

  G_OBJECT_CLASS (vd_reviewer_parent_class)->finalize (object);
}

static void
vd_reviewer_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  VdReviewer *self = VD_REVIEWER (object);

  if (vd_record_text_get_property (self->text, LAST_STRING_PROP, prop_id, value))
    return;

  switch (prop_id)
    {
    case PROP_PERSONA:
      g_value_set_enum (value, self->persona);
      break;

    case PROP_PROMPTS:
      g_value_set_boxed (value, vd_reviewer_get_prompts (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vd_reviewer_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  VdReviewer *self = VD_REVIEWER (object);

  if (vd_record_text_set_property (object, self->text, properties, LAST_STRING_PROP,
                                   prop_id, value))
    return;

  switch (prop_id)
    {
    case PROP_PERSONA:
      vd_reviewer_set_persona (self, g_value_get_enum (value));
      break;

    case PROP_PROMPTS:
      vd_reviewer_set_prompts (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static gboolean
vd_reviewer_validate (VdRecord  *record,
                      GError   **error)
{
  VdReviewer *self = VD_REVIEWER (record);

  return vd_record_require_text (self->text[PROP_NAME], "A reviewer’s name", error);
}

static void
vd_reviewer_class_init (VdReviewerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  VdRecordClass *record_class = VD_RECORD_CLASS (klass);
  static const char * const text_names[] = { NULL, "name" };

  object_class->finalize = vd_reviewer_finalize;
  object_class->get_property = vd_reviewer_get_property;
  object_class->set_property = vd_reviewer_set_property;
  record_class->validate = vd_reviewer_validate;

  vd_record_install_text_properties (properties, PROP_0 + 1, LAST_STRING_PROP, text_names);

  properties[PROP_PERSONA] =
    g_param_spec_enum ("persona", NULL, NULL,
                       VD_TYPE_PERSONA, VD_PERSONA_CUSTOM,
                       VD_RECORD_TEXT_FLAGS);

  properties[PROP_PROMPTS] =
    g_param_spec_boxed ("prompts", NULL, NULL,
                        G_TYPE_STRV,
                        VD_RECORD_TEXT_FLAGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  vd_record_class_set_table (record_class, "reviewers");
  vd_record_class_add_fields (record_class, "name", "persona", "prompts", NULL);
}

static void
vd_reviewer_init (VdReviewer *self)
{
  vd_record_text_init (self->text, LAST_STRING_PROP);
  self->persona = VD_PERSONA_CUSTOM;
  self->prompts = g_new0 (char *, 1);
}

VdReviewer *
vd_reviewer_new (const char *name,
                 VdPersona   persona)
{
  return g_object_new (VD_TYPE_REVIEWER,
                       "name", name,
                       "persona", persona,
                       NULL);
}

VD_RECORD_TEXT_ACCESSORS (vd_reviewer, VdReviewer, VD_IS_REVIEWER, name, PROP_NAME)

VdPersona
vd_reviewer_get_persona (VdReviewer *self)
{
  g_return_val_if_fail (VD_IS_REVIEWER (self), VD_PERSONA_CUSTOM);

  return self->persona;
}

void
vd_reviewer_set_persona (VdReviewer *self,
                         VdPersona   persona)
{
  gboolean prompts_changed;

  g_return_if_fail (VD_IS_REVIEWER (self));

  if (self->persona == persona)
    return;

  prompts_changed = self->persona != VD_PERSONA_CUSTOM || persona != VD_PERSONA_CUSTOM;
  self->persona = persona;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSONA]);
  if (prompts_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROMPTS]);
}

/**
 * vd_reviewer_get_prompts:
 *
 * Returns: (transfer none): the ordered prompts, one per scorecard section:
 *   the persona's own for a built-in persona, else the reviewer's.
 */
const char * const *
vd_reviewer_get_prompts (VdReviewer *self)
{
  g_return_val_if_fail (VD_IS_REVIEWER (self), NULL);

  if (self->persona != VD_PERSONA_CUSTOM)
    return vd_persona_get_prompts (self->persona);

  return (const char * const *) self->prompts;
}

/**
 * vd_reviewer_set_prompts:
 *
 * Sets the prompts of a custom reviewer. A built-in persona's prompts are
 * fixed; for those this only accepts the persona's own list.
 *
 * Returns: %FALSE if @prompts were refused
 */
gboolean
vd_reviewer_set_prompts (VdReviewer         *self,
                         const char * const *prompts)
{
  g_return_val_if_fail (VD_IS_REVIEWER (self), FALSE);

  if (self->persona != VD_PERSONA_CUSTOM)
    return prompts == NULL || g_strv_equal (prompts, vd_persona_get_prompts (self->persona));

  if (vd_record_take_strv (&self->prompts, prompts))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROMPTS]);

  return TRUE;
}
