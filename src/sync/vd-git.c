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

/* The lock another git process holds, from git's "Unable to create
 * '…/main.lock': File exists." (the remote's comes on a "remote:" line), or
 * NULL. */
static char *
held_lock (GBytes *err)
{
  static const char opening[] = "Unable to create '";
  gsize len = 0;
  const char *data = err != NULL ? g_bytes_get_data (err, &len) : NULL;
  g_autofree char *text = g_strndup (data != NULL ? data : "", len);
  const char *path = strstr (text, opening);
  const char *end;

  if (path == NULL)
    return NULL;
  path += strlen (opening);
  end = strstr (path, ".lock': File exists");
  if (end == NULL || memchr (path, '\n', end - path) != NULL)
    return NULL;
  return g_strndup (path, end - path + strlen (".lock"));
}

static GSubprocess *
spawn_git (const char          *git_dir,
           const char * const  *argv,
           gboolean             with_input,
           const char          *input_path,
           GError             **error)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GPtrArray) args = g_ptr_array_new ();

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE |
                                        (with_input ? G_SUBPROCESS_FLAGS_STDIN_PIPE
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

  return g_subprocess_launcher_spawnv (launcher, (const char * const *) args->pdata, error);
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
  /* 50 ms doubling to 1.6 s: about 6 s in all for the other git to finish. */
  const guint attempts = 8;
  g_autoptr(GBytes) out = NULL;
  g_autoptr(GBytes) err = NULL;
  g_autofree char *lock = NULL;
  int exit_status = -1;

  if (status != NULL)
    *status = -1;

  for (guint attempt = 0; attempt < attempts; attempt++)
    {
      g_autoptr(GSubprocess) process = spawn_git (git_dir, argv, input != NULL,
                                                  input_path, error);

      if (process == NULL)
        return FALSE;
      g_clear_pointer (&out, g_bytes_unref);
      g_clear_pointer (&err, g_bytes_unref);
      if (!g_subprocess_communicate (process, input, NULL, &out, &err, error))
        return FALSE;

      exit_status = g_subprocess_get_if_exited (process) ? g_subprocess_get_exit_status (process)
                                                         : -1;
      g_clear_pointer (&lock, g_free);
      if (exit_status == 0 || (lock = held_lock (err)) == NULL)
        break;
      if (attempt + 1 < attempts)
        g_usleep ((50 << MIN (attempt, 5u)) * G_TIME_SPAN_MILLISECOND);
    }

  if (status != NULL)
    *status = exit_status;

  if (exit_status != 0 && lock != NULL)
    {
      g_set_error (error, VD_SYNC_ERROR, VD_SYNC_ERROR_BUSY,
                   "git %s: another git process keeps “%s” locked (if none is running, one "
                   "that stopped half-way left it: remove it)", argv[0], lock);
      return FALSE;
    }
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
