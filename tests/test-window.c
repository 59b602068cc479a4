/* test-window.c — the real window on a real database, under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "vd-test-util.h"
#include "vd-window.h"

static VdWindow *
build_window (VdStore      *store,
              const GError *error)
{
  VdWindow *window = vd_window_new (NULL, store, error);

  g_object_ref_sink (window);
  return window;
}

static const char *
status_description (VdWindow *window)
{
  AdwStatusPage *page = ADW_STATUS_PAGE (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                                         VD_TYPE_WINDOW,
                                                                         "status_page"));

  return adw_status_page_get_description (page);
}

static void
test_window_summary (void)
{
  g_autoptr(VdStore) store = vd_test_new_demo_store (NULL);
  g_autoptr(VdWindow) window = build_window (store, NULL);

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Verdict Desk");
  g_assert_cmpstr (status_description (window), ==,
                   "demo.db holds 1 comparison, 2 tools and 4 reviewers.");
  g_assert_true (vd_window_get_store (window) == store);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_window_open_error_escaped (void)
{
  g_autoptr(GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED,
                                                 "“<b>notes</b> & co.db” is not a database");
  g_autoptr(VdWindow) window = build_window (NULL, error);

  /* The status page reads markup; the file name must arrive as text. */
  g_assert_cmpstr (status_description (window), ==,
                   "“&lt;b&gt;notes&lt;/b&gt; &amp; co.db” is not a database");
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_window_state_kept (void)
{
  g_autoptr(VdStore) store = vd_test_new_demo_store (NULL);
  g_autoptr(VdWindow) first = build_window (store, NULL);
  g_autoptr(VdWindow) second = NULL;
  int width, height;

  gtk_window_set_default_size (GTK_WINDOW (first), 777, 555);
  gtk_window_present (GTK_WINDOW (first));
  while (!gtk_widget_get_mapped (GTK_WIDGET (first)))
    g_main_context_iteration (NULL, TRUE);
  gtk_window_destroy (GTK_WINDOW (first));   /* unmaps: saves */

  second = build_window (store, NULL);
  gtk_window_get_default_size (GTK_WINDOW (second), &width, &height);
  g_assert_cmpint (width, ==, 777);
  g_assert_cmpint (height, ==, 555);
  gtk_window_destroy (GTK_WINDOW (second));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/window/summary", test_window_summary);
  g_test_add_func ("/window/open-error-escaped", test_window_open_error_escaped);
  g_test_add_func ("/window/state-kept", test_window_state_kept);

  return g_test_run ();
}
