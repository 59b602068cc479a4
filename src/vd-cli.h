/* vd-cli.h — the headless command line: everything before GTK starts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "vd-store.h"

G_BEGIN_DECLS

typedef struct
{
  char     *database;
  gboolean  create_demo;
  char     *export_json;
  char     *import_json;
  char     *comparison;
  char     *render_preview;
  gboolean  sync;
  char     *sync_remote;
  char     *author_name;
  char     *author_email;
  gboolean  conflicts;
  char     *history;
  gboolean  version;
  gboolean  quit_after_first_frame;
} VdCliOptions;

void      vd_cli_options_clear  (VdCliOptions  *options);
gboolean  vd_cli_parse          (VdCliOptions  *options,
                                 int           *argc,
                                 char        ***argv,
                                 GError       **error);
gboolean  vd_cli_is_headless    (VdCliOptions  *options);
int       vd_cli_run            (VdCliOptions  *options);
char     *vd_cli_default_database (void);
int       vd_cli_fail           (const GError  *error);
VdStore  *vd_cli_open_existing  (const char    *path,
                                 GError       **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (VdCliOptions, vd_cli_options_clear)

G_END_DECLS
