/* vd-git.h — the git command line, run without a terminal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Runs git with @argv (without "git") in the repository @git_dir, feeding it
 * @input (nullable). On exit status 0, returns TRUE and its standard output
 * in @output (nullable). Otherwise sets @error to git's last line of
 * standard error, with VD_SYNC_ERROR_GIT, and stores the status in
 * @status (nullable).
 *
 * Another git process holding one of the repository's locks (the remote's
 * or @git_dir's: a desk killed during a push leaves its git running for a
 * moment) is waited for: git took nothing before the lock, so the command
 * is run again, for a few seconds; after that the error is
 * VD_SYNC_ERROR_BUSY, naming the lock file. */
gboolean vd_git_run (const char          *git_dir,
                     const char * const  *argv,
                     GBytes              *input,
                     GBytes             **output,
                     int                 *status,
                     GError             **error);

/* As vd_git_run(), with standard input read from the file @input_path. */
gboolean vd_git_run_with_file (const char          *git_dir,
                               const char * const  *argv,
                               const char          *input_path,
                               GBytes             **output,
                               GError             **error);

G_END_DECLS
