/* vd-enums.h — the closed vocabularies of the model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The nicks (lower-case, dash-separated) are what the JSON document and the
 * database's text columns carry, so they are part of the file format. */

typedef enum
{
  VD_PRICING_FREE,
  VD_PRICING_FREEMIUM,
  VD_PRICING_PAID,
  VD_PRICING_OPEN_SOURCE,
  VD_PRICING_ENTERPRISE,
} VdPricing;

typedef enum
{
  VD_PERSONA_DEVELOPER_EXPERIENCE,
  VD_PERSONA_SKEPTIC,
  VD_PERSONA_STRATEGIST,
  VD_PERSONA_BUYER,
  VD_PERSONA_CUSTOM,
} VdPersona;

/* NONE is "no verdict yet"; UNDECIDED is a reviewer's explicit abstention,
 * which counts as an answer for readiness but not as a decided vote. */
typedef enum
{
  VD_VERDICT_NONE,
  VD_VERDICT_UNDECIDED,
  VD_VERDICT_SHIP,
  VD_VERDICT_SKIP,
} VdVerdict;

typedef enum
{
  VD_STATUS_DRAFT,
  VD_STATUS_IN_REVIEW,
  VD_STATUS_READY,
  VD_STATUS_PUBLISHED,
} VdStatus;

const char *vd_enum_to_nick   (GType       enum_type,
                               int         value);
gboolean    vd_enum_from_nick (GType       enum_type,
                               const char *nick,
                               int        *value);

/* English labels as the published page prints them; marked for translation,
 * so the UI shows them with _() while exports stay in the page's language. */
const char *vd_pricing_get_label (VdPricing pricing);
const char *vd_persona_get_label (VdPersona persona);
const char *vd_verdict_get_label (VdVerdict verdict);
const char *vd_status_get_label  (VdStatus  status);

G_END_DECLS
