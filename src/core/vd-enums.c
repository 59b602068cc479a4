/* vd-enums.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "vd-enums.h"
#include "vd-enum-types.h"

const char *
vd_enum_to_nick (GType enum_type,
                 int   value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  GEnumValue *ev = g_enum_get_value (klass, value);

  return ev != NULL ? ev->value_nick : NULL;
}

gboolean
vd_enum_from_nick (GType       enum_type,
                   const char *nick,
                   int        *value)
{
  g_autoptr(GEnumClass) klass = NULL;
  GEnumValue *ev;

  g_return_val_if_fail (value != NULL, FALSE);

  if (nick == NULL)
    return FALSE;

  klass = g_type_class_ref (enum_type);
  ev = g_enum_get_value_by_nick (klass, nick);
  if (ev == NULL)
    return FALSE;

  *value = ev->value;
  return TRUE;
}

const char *
vd_pricing_get_label (VdPricing pricing)
{
  switch (pricing)
    {
    case VD_PRICING_FREE:        return N_("Free");
    case VD_PRICING_FREEMIUM:    return N_("Freemium");
    case VD_PRICING_PAID:        return N_("Paid");
    case VD_PRICING_OPEN_SOURCE: return N_("Open Source");
    case VD_PRICING_ENTERPRISE:  return N_("Enterprise");
    default:                     g_return_val_if_reached (NULL);
    }
}

const char *
vd_persona_get_label (VdPersona persona)
{
  switch (persona)
    {
    case VD_PERSONA_DEVELOPER_EXPERIENCE: return N_("Developer Experience");
    case VD_PERSONA_SKEPTIC:              return N_("Skeptic");
    case VD_PERSONA_STRATEGIST:           return N_("Strategist");
    case VD_PERSONA_BUYER:                return N_("Buyer");
    case VD_PERSONA_CUSTOM:               return N_("Custom");
    default:                              g_return_val_if_reached (NULL);
    }
}

const char *
vd_verdict_get_label (VdVerdict verdict)
{
  switch (verdict)
    {
    case VD_VERDICT_NONE:      return N_("No verdict yet");
    case VD_VERDICT_UNDECIDED: return N_("Undecided");
    case VD_VERDICT_SHIP:      return N_("Ship");
    case VD_VERDICT_SKIP:      return N_("Skip");
    default:                   g_return_val_if_reached (NULL);
    }
}

const char *
vd_status_get_label (VdStatus status)
{
  switch (status)
    {
    case VD_STATUS_DRAFT:     return N_("Draft");
    case VD_STATUS_IN_REVIEW: return N_("In Review");
    case VD_STATUS_READY:     return N_("Ready");
    case VD_STATUS_PUBLISHED: return N_("Published");
    default:                  g_return_val_if_reached (NULL);
    }
}
