/* vd-bench-util.h — what both benchmark programs need: timed children and
 * statistics
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  double seconds;       /* wall time, spawn to exit */
  double max_rss_mib;   /* the child's peak resident set */
} VdBenchRun;

gboolean vd_bench_run_child  (const char * const  *argv,
                              const char * const  *envp,
                              const char          *in_path,
                              const char          *out_path,
                              const char          *err_path,
                              VdBenchRun          *result,
                              GError             **error);
double   vd_bench_percentile (GArray              *values,
                              double               p);
double   vd_bench_median     (GArray              *values);

G_END_DECLS
