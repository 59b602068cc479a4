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

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/window/summary", test_window_summary);
  g_test_add_func ("/window/open-error-escaped", test_window_open_error_escaped);

  return g_test_run ();
}
