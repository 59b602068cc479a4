/* fuzz-import.c — libFuzzer over the import
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each input is imported into a new scratch database. Besides crashes,
 * leaks and sanitizer reports, it fails on a broken promise: whatever the
 * import accepts must export as strict JSON that the import accepts again
 * and exports to the same bytes.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>

#include "vd-export.h"
#include "vd-import.h"
#include "vd-json-check.h"
#include "vd-test-util.h"

int LLVMFuzzerInitialize   (int            *argc,
                            char         ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

/* A critical or a warning is a finding. GLib would stop on it with a
 * breakpoint trap, which libFuzzer does not catch; an abort it does, and
 * then saves the input. */
static GLogWriterOutput
abort_on_warnings (GLogLevelFlags   level,
                   const GLogField *fields,
                   gsize            n_fields,
                   gpointer         user_data)
{
  g_log_writer_standard_streams (level, fields, n_fields, user_data);
  if (level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    abort ();
  return G_LOG_WRITER_HANDLED;
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_log_set_writer_func (abort_on_warnings, NULL, NULL);
  return 0;
}

/* One empty store serves every refused input (a refusal must leave it
 * empty, which is checked); after an accepted one the next gets a new store.
 * Creating the schema per input would cost more than the import. */
static VdStore *empty_store;

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(VdStore) store = NULL;
  g_autoptr(VdStore) again = NULL;
  g_autoptr(GBytes) input = g_bytes_new_static (data, size);
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autoptr(GError) error = NULL;

  if (empty_store == NULL)
    empty_store = vd_test_new_scratch_store ();
  store = g_object_ref (empty_store);

  if (!vd_import_from_bytes (store, input, NULL, &error))
    {
      /* Every refusal says what and where, on one line, and changes nothing. */
      if (error == NULL || error->message[0] == '\0' || strchr (error->message, '\n') != NULL)
        g_error ("a refusal without a one-line message: “%s”", error != NULL ? error->message : "(no error)");
      if (!vd_test_store_is_empty (store))
        g_error ("a refused import left records behind: %s", error->message);
      return 0;
    }
  g_clear_object (&empty_store);

  /* As stored: an accepted document may hold a published page that is not
   * complete, which the website's export would refuse. */
  first = vd_test_export_as_stored (store, NULL);
  if (!vd_json_check (g_bytes_get_data (first, NULL), g_bytes_get_size (first), 16, &error))
    g_error ("the export is not strict JSON: %s", error->message);

  again = vd_test_new_scratch_store ();
  if (!vd_import_from_bytes (again, first, NULL, &error))
    g_error ("the import refuses its own export: %s", error->message);
  second = vd_test_export_as_stored (again, NULL);
  if (!g_bytes_equal (first, second))
    g_error ("export → import → export changed the document");

  return 0;
}
