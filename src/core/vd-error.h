/* vd-error.h — one GError domain per layer, with codes callers can test
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define VD_MODEL_ERROR  (vd_model_error_quark ())
#define VD_STORE_ERROR  (vd_store_error_quark ())
#define VD_IMPORT_ERROR (vd_import_error_quark ())
#define VD_EXPORT_ERROR (vd_export_error_quark ())

typedef enum
{
  VD_MODEL_ERROR_INVALID,        /* a field breaks a rule: empty name, bad slug, bad URL... */
} VdModelError;

typedef enum
{
  VD_STORE_ERROR_NOT_DATABASE,   /* the file is not an SQLite database at all */
  VD_STORE_ERROR_CORRUPT,        /* SQLite, but damaged or not ours */
  VD_STORE_ERROR_READ_ONLY,      /* cannot be written */
  VD_STORE_ERROR_TOO_NEW,        /* written by a newer Verdict Desk */
  VD_STORE_ERROR_NOT_FOUND,      /* no record with that uuid or slug */
  VD_STORE_ERROR_IN_USE,         /* refused: still referenced elsewhere */
  VD_STORE_ERROR_INVALID,        /* refused: a missing reference or a duplicate slug */
  VD_STORE_ERROR_FAILED,         /* anything else SQLite reported */
  VD_STORE_ERROR_DETACHED,       /* the file was deleted, replaced or overwritten */
} VdStoreError;

typedef enum
{
  VD_IMPORT_ERROR_TOO_LARGE,
  VD_IMPORT_ERROR_TOO_DEEP,
  VD_IMPORT_ERROR_PARSE,
  VD_IMPORT_ERROR_SCHEMA_VERSION,
  VD_IMPORT_ERROR_INVALID,
} VdImportError;

typedef enum
{
  VD_EXPORT_ERROR_NOT_FOUND,
  VD_EXPORT_ERROR_WRITE,
  VD_EXPORT_ERROR_NOT_READY,
} VdExportError;

GQuark vd_model_error_quark  (void);
GQuark vd_store_error_quark  (void);
GQuark vd_import_error_quark (void);
GQuark vd_export_error_quark (void);

G_END_DECLS
