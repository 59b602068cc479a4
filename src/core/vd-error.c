/* vd-error.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "vd-error.h"

G_DEFINE_QUARK (vd-model-error-quark, vd_model_error)
G_DEFINE_QUARK (vd-store-error-quark, vd_store_error)
G_DEFINE_QUARK (vd-import-error-quark, vd_import_error)
G_DEFINE_QUARK (vd-export-error-quark, vd_export_error)
