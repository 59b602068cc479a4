/* vd-git.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The command line rather than libgit2: its exit status is reliable (a push
 * that a server hook refused fails), it speaks every transport the user's
 * git is set up for, and it uses the same ssh agent and credential helpers.
 */
#include "config.h"

#include <string.h>

#include "vd-git.h"
#include "vd-sync.h"

static char *
last_line (GBytes *bytes)
{
  gsize len = 0;
  const char *data = bytes != NULL ? g_bytes_get_data (bytes, &len) : NULL;
  g_autofree char *text = g_strndup (data != NULL ? data : "", len);
  g_auto(GStrv) lines = NULL;

  g_strstrip (text);
  lines = g_strsplit (text, "\n", -1);
  if (lines[0] == NULL || *lines[0] == '\0')
    return g_strdup ("git failed without saying why");

  /* A refused push ends in "error: failed to push some refs"; the server's
   * reason is on its last "remote:" line. */
  for (guint i = g_strv_length (lines); i > 0; i--)
    if (g_str_has_prefix (lines[i - 1], "remote: ") && *g_strstrip (lines[i - 1] + 8) != '\0')
      return g_strdup (lines[i - 1] + 8);
  return g_strdup (g_strstrip (lines[g_strv_length (lines) - 1]));
}

static gboolean
run (const char          *git_dir,
     const char * const  *argv,
     GBytes              *input,
     const char          *input_path,
     GBytes             **output,
     int                 *status,
     GError             **error)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GBytes) out = NULL;
  g_autoptr(GBytes) err = NULL;
  int exit_status;

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE |
                                        (input != NULL ? G_SUBPROCESS_FLAGS_STDIN_PIPE
                                                       : input_path != NULL ? 0
                                                       : G_SUBPROCESS_FLAGS_STDIN_INHERIT));
  if (input_path != NULL)
    g_subprocess_launcher_set_stdin_file_path (launcher, input_path);
  /* A sync runs from a window or a cron job: a prompt would hang it. The
   * ssh agent and git's credential helpers still answer; an ssh that would
   * ask for a password or a host key fails instead. */
  g_subprocess_launcher_setenv (launcher, "GIT_TERMINAL_PROMPT", "0", TRUE);
  g_subprocess_launcher_setenv (launcher, "GIT_ASKPASS", "true", TRUE);
  g_subprocess_launcher_setenv (launcher, "SSH_ASKPASS", "true", TRUE);
  g_subprocess_launcher_setenv (launcher, "GIT_SSH_COMMAND", "ssh -o BatchMode=yes", FALSE);
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C", TRUE);
  g_subprocess_launcher_unsetenv (launcher, "GIT_DIR");
  g_subprocess_launcher_unsetenv (launcher, "GIT_WORK_TREE");
  g_subprocess_launcher_unsetenv (launcher, "GIT_INDEX_FILE");

  g_ptr_array_add (args, (gpointer) "git");
  if (git_dir != NULL)
    {
      g_ptr_array_add (args, (gpointer) "--git-dir");
      g_ptr_array_add (args, (gpointer) git_dir);
    }
  for (guint i = 0; argv[i] != NULL; i++)
    g_ptr_array_add (args, (gpointer) argv[i]);
  g_ptr_array_add (args, NULL);

  if (status != NULL)
    *status = -1;

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) args->pdata, error);
  if (process == NULL)
    return FALSE;
  if (!g_subprocess_communicate (process, input, NULL, &out, &err, error))
    return FALSE;

  exit_status = g_subprocess_get_if_exited (process) ? g_subprocess_get_exit_status (process) : -1;
  if (status != NULL)
    *status = exit_status;

  if (exit_status != 0)
    {
      g_autofree char *why = last_line (err);

      g_set_error (error, VD_SYNC_ERROR, VD_SYNC_ERROR_GIT, "git %s: %s", argv[0], why);
      return FALSE;
    }

  if (output != NULL)
    *output = g_steal_pointer (&out);
  return TRUE;
}

gboolean
vd_git_run (const char          *git_dir,
            const char * const  *argv,
            GBytes              *input,
            GBytes             **output,
            int                 *status,
            GError             **error)
{
  g_return_val_if_fail (argv != NULL, FALSE);

  return run (git_dir, argv, input, NULL, output, status, error);
}

gboolean
vd_git_run_with_file (const char          *git_dir,
                      const char * const  *argv,
                      const char          *input_path,
                      GBytes             **output,
                      GError             **error)
{
  g_return_val_if_fail (argv != NULL, FALSE);
  g_return_val_if_fail (input_path != NULL, FALSE);

  return run (git_dir, argv, NULL, input_path, output, NULL, error);
}
