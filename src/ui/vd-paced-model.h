/* vd-paced-model.h — A list model that follows another a few rows at a time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define VD_TYPE_PACED_MODEL (vd_paced_model_get_type ())

G_DECLARE_FINAL_TYPE (VdPacedModel, vd_paced_model, VD, PACED_MODEL, GObject)

/* Rows added or removed per items-changed, unless set otherwise. */
#define VD_PACED_MODEL_DEFAULT_BATCH 16

VdPacedModel *vd_paced_model_new         (GListModel   *model);
GListModel   *vd_paced_model_get_model   (VdPacedModel *self);
guint         vd_paced_model_get_batch   (VdPacedModel *self);
void          vd_paced_model_set_batch   (VdPacedModel *self,
                                          guint         batch);
gboolean      vd_paced_model_is_settled  (VdPacedModel *self);
void          vd_paced_model_settle      (VdPacedModel *self);

G_END_DECLS
