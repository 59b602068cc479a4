/* vd-reviewer.h — a panel member and the prompts their persona writes to
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vd-enums.h"
#include "vd-record.h"

G_BEGIN_DECLS

#define VD_TYPE_REVIEWER (vd_reviewer_get_type ())

G_DECLARE_FINAL_TYPE (VdReviewer, vd_reviewer, VD, REVIEWER, VdRecord)

VdReviewer         *vd_reviewer_new          (const char         *name,
                                              VdPersona           persona);
const char         *vd_reviewer_get_name     (VdReviewer         *self);
void                vd_reviewer_set_name     (VdReviewer         *self,
                                              const char         *name);
VdPersona           vd_reviewer_get_persona  (VdReviewer         *self);
void                vd_reviewer_set_persona  (VdReviewer         *self,
                                              VdPersona           persona);
const char * const *vd_reviewer_get_prompts  (VdReviewer         *self);
gboolean            vd_reviewer_set_prompts  (VdReviewer         *self,
                                              const char * const *prompts);

const char * const *vd_persona_get_prompts   (VdPersona           persona);

G_END_DECLS
