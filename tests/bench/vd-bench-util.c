/* vd-bench-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>
#include <gio/gio.h>

#include "vd-bench-util.h"

static gboolean
redirect (const char *path,
          int         fd,
          int         flags)
{
  int opened;

  if (path == NULL)
    return TRUE;

  opened = open (path, flags, 0644);
  if (opened < 0 || dup2 (opened, fd) < 0)
    return FALSE;
  close (opened);
  return TRUE;
}

/**
 * vd_bench_run_child:
 * @envp: (nullable): the child's environment; %NULL inherits ours
 * @in_path, @out_path, @err_path: (nullable): files for the child's standard
 *   streams; %NULL keeps ours
 *
 * Runs @argv (looked up in PATH) to its end and measures it with wait4(),
 * so the peak RSS is the child's own.
 */
gboolean
vd_bench_run_child (const char * const  *argv,
                    const char * const  *envp,
                    const char          *in_path,
                    const char          *out_path,
                    const char          *err_path,
                    VdBenchRun          *result,
                    GError             **error)
{
  struct rusage usage;
  gint64 start;
  pid_t pid;
  int status;

  start = g_get_monotonic_time ();
  pid = fork ();
  if (pid < 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno), "fork: %s",
                   g_strerror (saved_errno));
      return FALSE;
    }

  if (pid == 0)
    {
      if (!redirect (in_path, STDIN_FILENO, O_RDONLY) ||
          !redirect (out_path, STDOUT_FILENO, O_WRONLY | O_CREAT | O_TRUNC) ||
          !redirect (err_path, STDERR_FILENO, O_WRONLY | O_CREAT | O_TRUNC))
        _exit (126);

      if (envp != NULL)
        execvpe (argv[0], (char * const *) argv, (char * const *) envp);
      else
        execvp (argv[0], (char * const *) argv);
      _exit (127);
    }

  while (wait4 (pid, &status, 0, &usage) < 0)
    if (errno != EINTR)
      {
        int saved_errno = errno;

        g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno), "wait4: %s",
                     g_strerror (saved_errno));
        return FALSE;
      }

  result->seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  result->max_rss_mib = usage.ru_maxrss / 1024.0;   /* kilobytes on Linux */

  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
    {
      g_autofree char *command = g_strjoinv (" ", (char **) argv);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "“%s” failed (status %d)",
                   command, status);
      return FALSE;
    }

  return TRUE;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * vd_bench_percentile:
 *
 * Returns: the nearest-rank percentile of @values (sorted in place); the
 *   median (the mean of the middle two for an even count) for 50; NAN when
 *   empty
 */
double
vd_bench_percentile (GArray *values,
                     double  p)
{
  guint rank;

  if (values->len == 0)
    return NAN;

  g_array_sort (values, compare_doubles);
  if (p == 50 && values->len % 2 == 0)
    return (g_array_index (values, double, values->len / 2 - 1) +
            g_array_index (values, double, values->len / 2)) / 2;

  rank = (guint) ceil (p / 100.0 * values->len);
  rank = CLAMP (rank, 1, values->len);
  return g_array_index (values, double, rank - 1);
}

double
vd_bench_median (GArray *values)
{
  return vd_bench_percentile (values, 50);
}
