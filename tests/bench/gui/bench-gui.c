/* bench-gui.c — start-up, memory, keystroke-to-preview and sidebar-search figures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Issue 6, items 1, 2, 6 and 7. Every figure is a ratio against a floor
 * measured in the same run on the same machine, the median of alternating
 * floor/subject runs, printed as one line
 *
 *   RESULT {"id": 1, "name": "...", "subject_s": ..., "floor_s": ..., "ratio": ..., ...}
 *
 * 1 and 2 run the real binary as a subprocess, `verdict-desk --database FILE
 * --quit-after-first-frame`, against bench-bare-window (an AdwApplicationWindow
 * that quits after its first frame): wall time from fork to exit, and peak
 * RSS from wait4(). 6 and 7 build the real VdWindow in this process on a
 * copy of the database (item 6 types, and the autosaver writes).
 *
 * Needs a display: run under `xvfb-run -a -s '-screen 0 1600x1000x24'`.
 * This is a benchmark, not a test: it never fails on a missed target, only
 * when it cannot measure.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "vd-application.h"
#include "vd-bench-util.h"
#include "vd-comparison-page.h"
#include "vd-paced-model.h"
#include "vd-preview.h"
#include "vd-scorecard-form.h"
#include "vd-sidebar.h"
#include "vd-spell-adapter-private.h"
#include "vd-store.h"
#include "vd-window.h"

#define FRAME_60HZ_S (1.0 / 60.0)

static char *opt_app;
static char *opt_bare;
static char *opt_database;
static char *opt_generator;
static char *opt_only;
static char *opt_query = (char *) "123";
static int opt_runs = 7;
static int opt_edits = 1000;
static gboolean opt_verbose;

/* Statistics ---------------------------------------------------------------- */

static gboolean
wanted (int id)
{
  g_autofree char *needle = g_strdup_printf (",%d,", id);
  g_autofree char *list = NULL;

  if (opt_only == NULL)
    return TRUE;

  list = g_strdup_printf (",%s,", opt_only);
  return strstr (list, needle) != NULL;
}

/* Prints one RESULT line; @json holds the members after "id". */
static void
result (int         id,
        const char *json)
{
  g_print ("RESULT {\"id\": %d, %s}\n", id, json);
}

/* The database ------------------------------------------------------------- */

static gboolean
ensure_database (GError **error)
{
  const char *argv[] = { opt_generator, "--scale", "1", "--database", opt_database, NULL };
  int status;

  if (g_file_test (opt_database, G_FILE_TEST_IS_REGULAR))
    return TRUE;

  if (opt_generator == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   "No database at %s, and no --generator to write one", opt_database);
      return FALSE;
    }

  g_printerr ("bench-gui: writing the scale-1 database to %s\n", opt_database);
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL,
                     &status, error) ||
      !g_spawn_check_wait_status (status, error))
    return FALSE;

  return TRUE;
}

/* A private copy for the in-process figures: item 6 types, and the autosaver
 * writes what it typed. */
static char *
copy_database (const char  *dir,
               GError     **error)
{
  g_autofree char *copy = g_build_filename (dir, "bench-gui.db", NULL);
  g_autofree char *wal = g_strconcat (opt_database, "-wal", NULL);
  g_autofree char *wal_copy = g_strconcat (copy, "-wal", NULL);
  g_autoptr(GFile) from = g_file_new_for_path (opt_database);
  g_autoptr(GFile) to = g_file_new_for_path (copy);

  if (!g_file_copy (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, error))
    return NULL;

  if (g_file_test (wal, G_FILE_TEST_IS_REGULAR))
    {
      g_autoptr(GFile) wal_from = g_file_new_for_path (wal);
      g_autoptr(GFile) wal_to = g_file_new_for_path (wal_copy);

      if (!g_file_copy (wal_from, wal_to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, error))
        return NULL;
    }

  return g_steal_pointer (&copy);
}

/* 1 and 2: start-up and memory, by subprocess --------------------------------- */


static char **
child_environment (const char *renderer)
{
  char **env = g_get_environ ();

  /* GtkApplication warns when there is no session bus (Xvfb has none); that
   * must not abort the run the way G_DEBUG=fatal-warnings would. */
  env = g_environ_unsetenv (env, "G_DEBUG");
  /* The same window size every run: nothing remembered between launches. */
  env = g_environ_setenv (env, "GSETTINGS_BACKEND", "memory", TRUE);
  if (renderer != NULL)
    env = g_environ_setenv (env, "GSK_RENDERER", renderer, TRUE);
  else
    env = g_environ_unsetenv (env, "GSK_RENDERER");

  return env;
}

/* Quiet unless -v: the app's own messages would bury the table. */
static gboolean
launch (char       **argv,
        char       **env,
        VdBenchRun  *out,
        GError     **error)
{
  const char *sink = opt_verbose ? NULL : "/dev/null";

  return vd_bench_run_child ((const char * const *) argv, (const char * const *) env,
                             NULL, sink, sink, out, error);
}

static gboolean
bench_startup (GError **error)
{
  static const char *renderers[] = { NULL, "cairo" };
  char *app_argv[] = { opt_app, (char *) "--database", opt_database,
                       (char *) "--quit-after-first-frame", NULL };
  char *bare_argv[] = { opt_bare, NULL };

  for (guint r = 0; r < G_N_ELEMENTS (renderers); r++)
    {
      g_auto(GStrv) env = child_environment (renderers[r]);
      g_autoptr(GArray) app_wall = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) bare_wall = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) app_rss = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) bare_rss = g_array_new (FALSE, FALSE, sizeof (double));
      const char *renderer = renderers[r] != NULL ? renderers[r] : "default";
      g_autofree char *json = NULL;
      double subject, floor_s, rss_subject, rss_floor;
      VdBenchRun run;

      /* One unmeasured launch each: the page cache holds the same files for both. */
      if (!launch (bare_argv, env, &run, error) || !launch (app_argv, env, &run, error))
        return FALSE;

      for (int i = 0; i < opt_runs; i++)
        {
          if (!launch (bare_argv, env, &run, error))
            return FALSE;
          g_array_append_val (bare_wall, run.seconds);
          g_array_append_val (bare_rss, run.max_rss_mib);

          if (!launch (app_argv, env, &run, error))
            return FALSE;
          g_array_append_val (app_wall, run.seconds);
          g_array_append_val (app_rss, run.max_rss_mib);

          if (opt_verbose)
            g_printerr ("startup %s run %d: bare %.3f s %.1f MiB, app %.3f s %.1f MiB\n",
                        renderer, i, g_array_index (bare_wall, double, i),
                        g_array_index (bare_rss, double, i),
                        g_array_index (app_wall, double, i),
                        g_array_index (app_rss, double, i));
        }

      subject = vd_bench_median (app_wall);
      floor_s = vd_bench_median (bare_wall);
      if (wanted (1))
        {
          json = g_strdup_printf ("\"name\": \"start-up to first frame (%s renderer)\", "
                                  "\"renderer\": \"%s\", \"subject_s\": %.4f, "
                                  "\"floor_s\": %.4f, \"ratio\": %.3f, "
                                  "\"target\": \"<= 1.25\", \"met\": %s, \"runs\": %d",
                                  renderer, renderer, subject, floor_s, subject / floor_s,
                                  subject / floor_s <= 1.25 ? "true" : "false", opt_runs);
          result (1, json);
          g_clear_pointer (&json, g_free);
        }

      rss_subject = vd_bench_median (app_rss);
      rss_floor = vd_bench_median (bare_rss);
      if (wanted (2))
        {
          json = g_strdup_printf ("\"name\": \"peak RSS at first frame (%s renderer)\", "
                                  "\"renderer\": \"%s\", \"subject_mib\": %.1f, "
                                  "\"floor_mib\": %.1f, \"delta_mib\": %.1f, "
                                  "\"ratio\": %.3f, \"target\": \"delta <= 40 MiB\", "
                                  "\"met\": %s, \"runs\": %d",
                                  renderer, renderer, rss_subject, rss_floor,
                                  rss_subject - rss_floor, rss_subject / rss_floor,
                                  rss_subject - rss_floor <= 40 ? "true" : "false", opt_runs);
          result (2, json);
        }
    }

  return TRUE;
}

/* In-process harness ---------------------------------------------------------- */

typedef struct
{
  GtkWindow     *window;
  GdkFrameClock *clock;
  gint64         last_paint;      /* after-paint time, µs */
  guint          paints;
  /* item 6 */
  GtkLabel      *watched;         /* the label whose next frame we wait for */
  const char    *expected;        /* ... once it shows this */
  gint64         shown_at;        /* after-paint that showed it, or 0 */
} Harness;

static Harness harness;

static void
on_after_paint (GdkFrameClock *clock,
                gpointer       user_data)
{
  gint64 now = g_get_monotonic_time ();

  harness.last_paint = now;
  harness.paints++;

  if (harness.watched != NULL && harness.shown_at == 0 &&
      strstr (gtk_label_get_text (harness.watched), harness.expected) != NULL)
    harness.shown_at = now;
}

static gboolean
iterate_until (gboolean (*done) (gpointer),
               gpointer  data,
               double    timeout_s)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) (timeout_s * G_USEC_PER_SEC);

  while (!done (data))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      g_main_context_iteration (NULL, TRUE);
    }

  return TRUE;
}

static gboolean
painted_since (gpointer data)
{
  return harness.paints > GPOINTER_TO_UINT (data);
}

/* Lets @n frames go by, so what was queued before has settled. */
static void
wait_frames (guint n)
{
  for (guint i = 0; i < n; i++)
    {
      gtk_widget_queue_draw (GTK_WIDGET (harness.window));
      if (!iterate_until (painted_since, GUINT_TO_POINTER (harness.paints), 10))
        g_error ("No frame painted in 10 s");
    }
}

static gboolean
window_ready (gpointer data)
{
  return harness.clock != NULL && harness.paints > 0;
}

static void
on_realize (GtkWidget *window,
            gpointer   user_data)
{
  harness.clock = gtk_widget_get_frame_clock (window);
  g_signal_connect (harness.clock, "after-paint", G_CALLBACK (on_after_paint), NULL);
}

/* 6: keystroke to preview ------------------------------------------------------ */

static gboolean
shown (gpointer data)
{
  return harness.shown_at != 0;
}

/* Runs @edit and returns the seconds until the after-paint of the frame in
 * which @label shows @expected. */
static double
time_to_frame (GtkLabel   *label,
               const char *expected,
               void      (*edit) (gpointer, const char *),
               gpointer    target,
               const char *text)
{
  gint64 start;

  harness.watched = label;
  harness.expected = expected;
  harness.shown_at = 0;

  start = g_get_monotonic_time ();
  edit (target, text);
  if (!iterate_until (shown, NULL, 10))
    g_error ("The label never showed the edit");

  harness.watched = NULL;
  return (harness.shown_at - start) / (double) G_USEC_PER_SEC;
}

static void
edit_buffer (gpointer    buffer,
             const char *character)
{
  GtkTextIter end;

  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, character, -1);
}

static void
edit_label (gpointer    label,
            const char *text)
{
  gtk_label_set_text (label, text);
}

static char *
buffer_text (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* Scrolls the preview so that @label is in view: a frame must draw it. */
static void
scroll_into_view (GtkWidget *label)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (label, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *child;
  GtkAdjustment *adjustment;
  graphene_point_t point;

  if (scroller == NULL)
    return;

  child = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller));
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  if (gtk_widget_compute_point (label, child, &GRAPHENE_POINT_INIT (0, 0), &point))
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + point.y - 24);
}

static gboolean
spell_pending (gpointer data)
{
  return !vd_spell_has_pending ();
}

static gboolean
bench_keystroke (VdWindow  *window,
                 GtkLabel  *floor_label,
                 gboolean   spell,
                 GError   **error)
{
  g_autoptr(GSettings) settings = vd_application_new_settings ();
  static const char letters[] = "abcdefghijklmnopqrstuvwxyz";
  VdSidebar *sidebar = VD_SIDEBAR (vd_window_get_sidebar (window));
  GListModel *comparisons = vd_sidebar_get_model (sidebar, VD_TYPE_COMPARISON);
  g_autoptr(VdSummary) summary = g_list_model_get_item (comparisons, 0);
  g_autoptr(GArray) subject = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) floor_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *json = NULL;
  VdComparisonPage *page;
  VdComparison *comparison;
  const char *reviewer;
  GtkWidget *form;
  GtkTextBuffer *buffer;
  GtkLabel *quote;
  double p50, p99, floor_p50, floor_p99;

  if (settings != NULL)
    g_settings_set_boolean (settings, "spell-check", spell);

  /* Opening checks every scorecard, in slices: the longest is what one
   * main-loop iteration spent on spelling. */
  vd_spell_reset_longest_slice ();
  if (summary == NULL ||
      !vd_window_open_record (window, VD_TYPE_COMPARISON, vd_summary_get_uuid (summary)))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "No comparison to open");
      return FALSE;
    }
  if (!iterate_until (spell_pending, NULL, 60))
    g_error ("Spelling never finished checking the comparison");
  if (spell)
    {
      g_autofree char *slices = NULL;

      slices = g_strdup_printf ("\"name\": \"longest spelling slice opening a comparison\", "
                                "\"subject_s\": %.5f, \"floor_s\": %.5f, \"ratio\": %.3f, "
                                "\"subject_cpu_s\": %.5f, "
                                "\"target\": \"<= one frame\", \"met\": %s",
                                vd_spell_get_longest_slice () / (double) G_USEC_PER_SEC,
                                FRAME_60HZ_S,
                                vd_spell_get_longest_slice () / (double) G_USEC_PER_SEC / FRAME_60HZ_S,
                                vd_spell_get_longest_slice_cpu () / (double) G_USEC_PER_SEC,
                                vd_spell_get_longest_slice () <= FRAME_60HZ_S * G_USEC_PER_SEC
                                ? "true" : "false");
      result (6, slices);

      /* Reading the desk's names, once per window, in one idle. */
      g_free (slices);
      slices = g_strdup_printf ("\"name\": \"reading the desk's names for spelling\", "
                                "\"subject_s\": %.5f, \"floor_s\": %.5f, \"ratio\": %.3f, "
                                "\"target\": \"information\", \"met\": true",
                                vd_spell_get_learn_time () / (double) G_USEC_PER_SEC,
                                FRAME_60HZ_S,
                                vd_spell_get_learn_time () / (double) G_USEC_PER_SEC / FRAME_60HZ_S);
      result (6, slices);
    }

  page = VD_COMPARISON_PAGE (vd_window_get_content (window));
  vd_comparison_page_set_show_preview (page, TRUE);
  comparison = VD_COMPARISON (vd_window_get_current (window));
  reviewer = vd_comparison_get_panel (comparison)[0];
  form = vd_comparison_page_get_form (page, reviewer, 0);
  quote = vd_preview_get_quote_label (vd_comparison_page_get_preview (page), reviewer, 0);
  if (form == NULL || quote == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           "The comparison has no scorecard form or quote to watch");
      return FALSE;
    }
  buffer = vd_scorecard_form_get_buffer (VD_SCORECARD_FORM (form), 0);

  wait_frames (3);
  scroll_into_view (GTK_WIDGET (quote));
  gtk_widget_set_size_request (gtk_widget_get_ancestor (GTK_WIDGET (floor_label),
                                                       GTK_TYPE_SCROLLED_WINDOW),
                               gtk_widget_get_width (GTK_WIDGET (quote)), 240);
  /* Unmeasured: the floor's first long text lays its scroller out anew. */
  gtk_label_set_text (floor_label, gtk_label_get_text (quote));
  wait_frames (3);

  for (int i = 0; i < opt_edits; i++)
    {
      char character[2] = { letters[i % 26], '\0' };
      g_autofree char *before = buffer_text (buffer);
      g_autofree char *after = g_strconcat (before, character, NULL);
      const char *shown_text = gtk_label_get_text (quote);
      const char *at = strstr (shown_text, before);
      g_autofree char *floor_text = NULL;
      double seconds;

      /* The floor shows the very text the quote will: the edit in place. */
      if (at == NULL)
        g_error ("The quote label does not show the section being edited");
      floor_text = g_strdup_printf ("%.*s%s%s", (int) (at - shown_text), shown_text, after,
                                    at + strlen (before));

      /* The floor first, then the subject: alternating, each its own frame. */
      seconds = time_to_frame (floor_label, after, edit_label, floor_label, floor_text);
      g_array_append_val (floor_times, seconds);

      seconds = time_to_frame (quote, after, edit_buffer, buffer, character);
      g_array_append_val (subject, seconds);
    }

  p50 = vd_bench_percentile (subject, 50);
  p99 = vd_bench_percentile (subject, 99);
  floor_p50 = vd_bench_percentile (floor_times, 50);
  floor_p99 = vd_bench_percentile (floor_times, 99);
  json = g_strdup_printf ("\"name\": \"keystroke to preview frame, spelling %s\", \"subject_s\": %.5f, "
                          "\"floor_s\": %.5f, \"ratio\": %.3f, \"subject_p50_s\": %.5f, "
                          "\"floor_p50_s\": %.5f, \"ratio_p50\": %.3f, "
                          "\"subject_max_s\": %.5f, \"edits\": %d, "
                          "\"target\": \"p99 <= 2\", \"met\": %s",
                          spell ? "on" : "off",
                          p99, floor_p99, p99 / floor_p99, p50, floor_p50, p50 / floor_p50,
                          g_array_index (subject, double, subject->len - 1), opt_edits,
                          p99 / floor_p99 <= 2 ? "true" : "false");
  result (6, json);
  return TRUE;
}

/* 7: sidebar search ----------------------------------------------------------- */

typedef struct
{
  VdPacedModel *models[2];
} Settle;

/* Filtered, and the list shown has caught up with the filter. */
static gboolean
settled (gpointer data)
{
  Settle *settle = data;

  for (guint i = 0; i < G_N_ELEMENTS (settle->models); i++)
    {
      GListModel *filtered = vd_paced_model_get_model (settle->models[i]);

      if (gtk_filter_list_model_get_pending (GTK_FILTER_LIST_MODEL (filtered)) > 0 ||
          !vd_paced_model_is_settled (settle->models[i]))
        return FALSE;
    }

  return TRUE;
}

/* The longest main-loop iteration that painted a frame, during searches. */
static double longest_frame_s;

/* Sets @text as the search and runs the main loop until both lists are
 * filtered and a frame has shown the result; returns the seconds that took.
 * *@longest gets the longest stretch the filter kept the main loop from
 * painting: setting the search, or any iteration that painted nothing (an
 * incremental filter slice). Iterations that paint go to longest_frame_s:
 * they are the renderer's cost, measured against frame_floor_s. */
static double
search_step (VdSidebar  *sidebar,
             Settle     *settle,
             const char *text,
             double     *longest)
{
  gint64 start = g_get_monotonic_time ();

  gint64 now;
  guint paints;

  vd_sidebar_set_search (sidebar, text);
  now = g_get_monotonic_time ();
  *longest = MAX (*longest, (now - start) / (double) G_USEC_PER_SEC);
  if (opt_verbose)
    g_printerr ("search “%s”: set in %.1f ms\n", text, (now - start) / 1000.0);

  /* Settled, then one more frame: the one that draws the filtered list. */
  paints = G_MAXUINT;
  while (!settled (settle) || harness.paints <= paints)
    {
      gint64 before = g_get_monotonic_time ();
      guint paints_before = harness.paints;

      if (paints == G_MAXUINT && settled (settle))
        paints = harness.paints;
      if (paints != G_MAXUINT && harness.paints > paints)
        break;

      g_main_context_iteration (NULL, TRUE);
      now = g_get_monotonic_time ();
      if (harness.paints > paints_before)
        longest_frame_s = MAX (longest_frame_s, (now - before) / (double) G_USEC_PER_SEC);
      else
        *longest = MAX (*longest, (now - before) / (double) G_USEC_PER_SEC);
      if (opt_verbose && now - before > 8000)
        g_printerr ("search “%s”: %.1f ms iteration%s, shown %u/%u\n", text,
                    (now - before) / 1000.0, harness.paints > paints_before ? " (painted)" : "",
                    g_list_model_get_n_items (G_LIST_MODEL (settle->models[0])),
                    g_list_model_get_n_items (G_LIST_MODEL (settle->models[1])));
    }

  return (harness.last_paint - start) / (double) G_USEC_PER_SEC;
}

static guint
plain_loop (GPtrArray  *strings,
            const char *query)
{
  g_autofree char *needle = g_utf8_casefold (query, -1);
  guint n = 0;

  for (guint i = 0; i < strings->len; i++)
    {
      g_autofree char *folded = g_utf8_casefold (g_ptr_array_index (strings, i), -1);

      if (strstr (folded, needle) != NULL)
        n++;
    }

  return n;
}

static gboolean
bench_search (VdWindow  *window,
              VdStore   *store,
              GError   **error)
{
  VdSidebar *sidebar = VD_SIDEBAR (vd_window_get_sidebar (window));
  Settle settle = { {
    VD_PACED_MODEL (vd_sidebar_get_model (sidebar, VD_TYPE_COMPARISON)),
    VD_PACED_MODEL (vd_sidebar_get_model (sidebar, VD_TYPE_TOOL)),
  } };
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) subject = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) floor_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *json = NULL;
  GType kinds[] = { VD_TYPE_TOOL, VD_TYPE_COMPARISON };
  g_autoptr(GArray) frames = g_array_new (FALSE, FALSE, sizeof (double));
  double longest = 0, subject_s, floor_s, seconds_frame;
  guint query_chars = g_utf8_strlen (opt_query, -1);
  guint matches = 0, shown = 0;

  /* The floor matches the same strings the filter does: each summary's
   * search text, read from the same database. */
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autoptr(GListStore) summaries = vd_store_list_summaries (store, kinds[k], error);

      if (summaries == NULL)
        return FALSE;
      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (summaries)); i++)
        {
          g_autoptr(VdSummary) summary = g_list_model_get_item (G_LIST_MODEL (summaries), i);

          g_ptr_array_add (strings, g_strdup (vd_summary_get_search_text (summary)));
        }
    }

  vd_sidebar_set_kind (sidebar, VD_TYPE_COMPARISON);
  wait_frames (3);

  /* What a frame of this window costs with nothing filtering: a redraw. */
  for (int i = 0; i < 15; i++)
    {
      gint64 before = g_get_monotonic_time ();
      guint paints = harness.paints;

      gtk_widget_queue_draw (GTK_WIDGET (harness.window));
      while (harness.paints == paints)
        {
          before = g_get_monotonic_time ();
          g_main_context_iteration (NULL, TRUE);
        }
      seconds_frame = (g_get_monotonic_time () - before) / (double) G_USEC_PER_SEC;
      g_array_append_val (frames, seconds_frame);
    }

  for (int run = 0; run < opt_runs; run++)
    {
      double seconds = 0;
      gint64 start;

      /* The floor: one plain pass per prefix, as typing filters once per key. */
      start = g_get_monotonic_time ();
      for (guint c = 1; c <= query_chars; c++)
        {
          g_autofree char *prefix = g_utf8_substring (opt_query, 0, c);

          matches = plain_loop (strings, prefix);
        }
      seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
      g_array_append_val (floor_times, seconds);

      seconds = 0;
      for (guint c = 1; c <= query_chars; c++)
        {
          g_autofree char *prefix = g_utf8_substring (opt_query, 0, c);

          seconds += search_step (sidebar, &settle, prefix, &longest);
          wait_frames (1);
        }
      g_array_append_val (subject, seconds);
      shown = g_list_model_get_n_items (G_LIST_MODEL (settle.models[0])) +
              g_list_model_get_n_items (G_LIST_MODEL (settle.models[1]));

      /* Back to the whole list, settled and drawn, unmeasured. */
      {
        double ignored = 0;

        search_step (sidebar, &settle, "", &ignored);
        wait_frames (2);
      }
    }

  if (shown != matches)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   "The sidebar shows %u rows for “%s”; the plain loop matched %u",
                   shown, opt_query, matches);
      return FALSE;
    }

  subject_s = vd_bench_median (subject);
  floor_s = vd_bench_median (floor_times);
  json = g_strdup_printf ("\"name\": \"sidebar search settled\", \"query\": \"%s\", "
                          "\"rows\": %u, \"matches\": %u, \"subject_s\": %.5f, "
                          "\"floor_s\": %.5f, \"ratio\": %.3f, "
                          "\"longest_filter_step_s\": %.5f, \"frame_budget_s\": %.5f, "
                          "\"longest_frame_s\": %.5f, \"frame_floor_s\": %.5f, "
                          "\"target\": \"filter step <= 1/60 s\", \"met\": %s, "
                          "\"runs\": %d",
                          opt_query, strings->len, matches, subject_s, floor_s,
                          subject_s / floor_s, longest, FRAME_60HZ_S, longest_frame_s,
                          vd_bench_median (frames), longest <= FRAME_60HZ_S ? "true" : "false",
                          opt_runs);
  result (7, json);
  return TRUE;
}

static gboolean
bench_in_process (GError **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *copy = NULL;
  g_autoptr(VdStore) store = NULL;
  GtkWidget *content;
  GtkWidget *overlay;
  GtkWidget *floor_label;
  GtkWidget *floor_scroller;
  VdWindow *window;
  gboolean ok = TRUE;

  if (!(dir = g_dir_make_tmp ("bench-gui-XXXXXX", error)) ||
      !(copy = copy_database (dir, error)) ||
      !(store = vd_store_new (copy, error)))
    return FALSE;

  window = vd_window_new (NULL, store, NULL);
  harness.window = GTK_WINDOW (window);
  gtk_window_set_default_size (GTK_WINDOW (window), 1600, 1000);

  /* The floor for item 6: a plain label in the same window, wrapping the
   * way the preview's quote does (and as wide), in a scroller over the
   * sidebar. */
  content = adw_application_window_get_content (ADW_APPLICATION_WINDOW (window));
  g_object_ref (content);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), NULL);
  overlay = gtk_overlay_new ();
  gtk_overlay_set_child (GTK_OVERLAY (overlay), content);
  g_object_unref (content);
  floor_label = g_object_new (GTK_TYPE_LABEL, "xalign", 0.0, "yalign", 0.0, "wrap", TRUE,
                              "wrap-mode", PANGO_WRAP_WORD_CHAR, NULL);
  /* In a scroller, as the preview's quote is: its size stays put. */
  floor_scroller = g_object_new (GTK_TYPE_SCROLLED_WINDOW, "hscrollbar-policy", GTK_POLICY_NEVER,
                                 "valign", GTK_ALIGN_START, "halign", GTK_ALIGN_START,
                                 "height-request", 240, "can-target", FALSE,
                                 "child", floor_label, NULL);
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), floor_scroller);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), overlay);

  g_signal_connect (window, "realize", G_CALLBACK (on_realize), NULL);
  gtk_window_present (GTK_WINDOW (window));
  if (!iterate_until (window_ready, NULL, 60))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT, "The window never drew");
      return FALSE;
    }
  wait_frames (5);

  if (wanted (7))
    ok = bench_search (window, store, error);
  if (ok && wanted (6))
    ok = bench_keystroke (window, GTK_LABEL (floor_label), TRUE, error) &&
         bench_keystroke (window, GTK_LABEL (floor_label), FALSE, error);

  if (ok)
    ok = vd_window_flush (window, error);
  gtk_window_destroy (GTK_WINDOW (window));
  harness.window = NULL;
  harness.clock = NULL;
  g_clear_object (&store);

  {
    g_autofree char *wal = g_strconcat (copy, "-wal", NULL);
    g_autofree char *shm = g_strconcat (copy, "-shm", NULL);

    g_unlink (wal);
    g_unlink (shm);
    g_unlink (copy);
    g_rmdir (dir);
  }

  return ok;
}

int
main (int   argc,
      char *argv[])
{
  const GOptionEntry entries[] = {
    { "database", 0, 0, G_OPTION_ARG_FILENAME, &opt_database,
      "The scale-1 database (written with --generator when missing)", "FILE" },
    { "generator", 0, 0, G_OPTION_ARG_FILENAME, &opt_generator,
      "vd-bench-generate, to write the database", "PATH" },
    { "app", 0, 0, G_OPTION_ARG_FILENAME, &opt_app, "The verdict-desk binary", "PATH" },
    { "bare", 0, 0, G_OPTION_ARG_FILENAME, &opt_bare, "The bench-bare-window binary", "PATH" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &opt_runs, "Alternating runs per figure (7)", "N" },
    { "edits", 0, 0, G_OPTION_ARG_INT, &opt_edits, "Keystrokes for item 6 (1000)", "N" },
    { "query", 0, 0, G_OPTION_ARG_STRING, &opt_query, "Search typed for item 7 (123)", "TEXT" },
    { "only", 0, 0, G_OPTION_ARG_STRING, &opt_only, "Comma-separated items to run", "1,2,6,7" },
    { "verbose", 'v', 0, G_OPTION_ARG_NONE, &opt_verbose, "Show each run and the children's output",
      NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— Verdict Desk GUI benchmarks");
  g_autoptr(GError) error = NULL;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("bench-gui: %s\n", error->message);
      return 2;
    }

  if (opt_database == NULL || opt_runs < 1 || opt_edits < 1 || opt_query[0] == '\0')
    {
      g_printerr ("bench-gui: give --database FILE (and --runs, --edits ≥ 1, a --query)\n");
      return 2;
    }

  if (!ensure_database (&error))
    {
      g_printerr ("bench-gui: %s\n", error->message);
      return 1;
    }

  if (wanted (1) || wanted (2))
    {
      if (opt_app == NULL || opt_bare == NULL)
        {
          g_printerr ("bench-gui: items 1 and 2 need --app and --bare\n");
          return 2;
        }
      if (!bench_startup (&error))
        {
          g_printerr ("bench-gui: %s\n", error->message);
          return 1;
        }
    }

  if (wanted (6) || wanted (7))
    {
      gtk_init ();
      adw_init ();
      if (!bench_in_process (&error))
        {
          g_printerr ("bench-gui: %s\n", error->message);
          return 1;
        }
    }

  return 0;
}
