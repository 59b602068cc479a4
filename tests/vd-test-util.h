/* vd-test-util.h — temporary databases and files for the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "vd-store.h"

G_BEGIN_DECLS

/* A new empty directory, removed with its files at the end of the test. */
char     *vd_test_make_dir       (void);
/* A path in a new temporary directory (the file does not exist yet). */
char     *vd_test_path           (const char  *basename);
VdStore  *vd_test_new_demo_store (char       **path_out);
VdStore  *vd_test_new_empty_store (void);
VdStore  *vd_test_new_scratch_store (void);
gboolean  vd_test_store_is_empty (VdStore     *store);
char     *vd_test_file_checksum  (const char  *path);
GBytes   *vd_test_export_as_stored (VdStore   *store,
                                   const char *slug);
char     *vd_test_export         (VdStore     *store,
                                  const char  *slug);
char     *vd_test_replace_once   (const char  *text,
                                  const char  *from,
                                  const char  *to);
/* A temporary XDG_CONFIG_HOME, before GLib or Enchant read it: call first
 * in main(), and vd_test_remove_config() after g_test_run(). */
char     *vd_test_isolate_config (void);
void      vd_test_remove_config  (const char  *dir);

G_END_DECLS
