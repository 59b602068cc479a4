/* vd-test-desk.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "vd-test-desk.h"
#include "vd-test-util.h"

void
vd_test_iterate_until_idle (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

void
vd_test_desk_set_up (VdTestDesk    *desk,
                     gconstpointer  data)
{
  desk->store = vd_test_new_demo_store (&desk->path);
  desk->window = g_object_ref_sink (vd_window_new (NULL, desk->store, NULL));
  gtk_window_set_default_size (GTK_WINDOW (desk->window), 1400, 900);
  gtk_window_present (GTK_WINDOW (desk->window));
  while (!gtk_widget_get_mapped (GTK_WIDGET (desk->window)))
    g_main_context_iteration (NULL, TRUE);
}

void
vd_test_desk_tear_down (VdTestDesk    *desk,
                        gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (desk->window));
  vd_test_iterate_until_idle ();
  g_clear_object (&desk->window);
  g_clear_object (&desk->store);
  g_free (desk->path);
}

VdComparisonPage *
vd_test_desk_open_demo (VdTestDesk *desk)
{
  GtkWidget *content;

  g_assert_true (vd_window_open_record (desk->window, VD_TYPE_COMPARISON, VD_TEST_DEMO_UUID));
  content = vd_window_get_content (desk->window);
  g_assert_true (VD_IS_COMPARISON_PAGE (content));
  vd_test_iterate_until_idle ();
  return VD_COMPARISON_PAGE (content);
}

/* Through a second connection, as the website's export would read the file. */
VdScorecard *
vd_test_desk_load_scorecard (VdTestDesk *desk,
                             const char *reviewer,
                             const char *tool)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VdStore) reader = vd_store_new (desk->path, &error);
  g_autoptr(VdComparison) comparison = vd_store_load_comparison_by_slug (reader, VD_TEST_DEMO_SLUG,
                                                                         &error);
  g_autoptr(GListStore) cards = vd_store_list_scorecards (reader, comparison, &error);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (cards));

  g_assert_no_error (error);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VdScorecard) card = g_list_model_get_item (G_LIST_MODEL (cards), i);

      if (g_str_equal (vd_scorecard_get_reviewer (card), reviewer) &&
          g_str_equal (vd_scorecard_get_tool (card), tool))
        return g_steal_pointer (&card);
    }

  return NULL;
}

char *
vd_test_buffer_text (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
}
