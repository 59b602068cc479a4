/* test-reviewer-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SKELETON: to be written.
 */
#include "config.h"

#include <adwaita.h>

#include "vd-reviewer-editor.h"
#include "vd-test-util.h"

static void
test_construct (void)
{
  GtkWidget *widget = g_object_ref_sink (vd_reviewer_editor_new ());

  g_assert_true (VD_IS_REVIEWER_EDITOR (widget));
  g_assert_finalize_object (widget);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/reviewer-editor/construct", test_construct);

  return g_test_run ();
}
