/* test-paced-model.c — VdPacedModel follows its model, a few rows at a time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>

#include "vd-paced-model.h"

#define BATCH 4

/* A copy of the paced model kept only from its items-changed, checked
 * against it after every emission. */
typedef struct
{
  GListStore   *upstream;
  VdPacedModel *paced;
  GPtrArray    *shadow;
  GPtrArray    *pool;       /* every item a test may put upstream */
  guint         emissions;
  gboolean      check_kept; /* upstream keeps its order: kept rows must stay */
} Fixture;

static GPtrArray *
model_items (GListModel *model)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    g_ptr_array_add (items, g_list_model_get_item (model, i));

  return items;
}

static void
assert_same_items (GPtrArray  *expected,
                   GListModel *model)
{
  g_autoptr(GPtrArray) items = model_items (model);

  g_assert_cmpuint (items->len, ==, expected->len);
  for (guint i = 0; i < items->len; i++)
    g_assert_true (items->pdata[i] == expected->pdata[i]);
}

static void
assert_shows_upstream (Fixture *fixture)
{
  g_autoptr(GPtrArray) expected = model_items (G_LIST_MODEL (fixture->upstream));

  assert_same_items (expected, G_LIST_MODEL (fixture->paced));
}

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Fixture    *fixture)
{
  g_autoptr(GPtrArray) upstream = model_items (G_LIST_MODEL (fixture->upstream));
  g_autoptr(GHashTable) gone = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  guint changed = 0;

  g_assert_cmpuint (position + removed, <=, fixture->shadow->len);
  for (guint i = 0; i < removed; i++)
    g_hash_table_add (gone, fixture->shadow->pdata[position + i]);
  g_ptr_array_remove_range (fixture->shadow, position, removed);

  for (guint i = 0; i < added; i++)
    {
      gpointer item = g_list_model_get_item (model, position + i);

      g_ptr_array_insert (fixture->shadow, position + i, item);
      if (!g_hash_table_remove (gone, item))
        changed++;
    }
  changed += g_hash_table_size (gone);
  fixture->emissions++;

  /* The emission told the truth, brought at most a batch of real changes
   * (more only when settled at once), and shows no item twice. */
  assert_same_items (fixture->shadow, model);
  if (vd_paced_model_get_batch (fixture->paced) == BATCH)
    g_assert_cmpuint (changed, <=, BATCH);
  for (guint i = 0; i < fixture->shadow->len; i++)
    g_assert_true (g_hash_table_add (seen, fixture->shadow->pdata[i]));

  /* A row still wanted upstream is not taken away: its widget stays. */
  if (fixture->check_kept)
    for (guint i = 0; i < upstream->len; i++)
      g_assert_false (g_hash_table_contains (gone, upstream->pdata[i]));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->upstream = g_list_store_new (G_TYPE_OBJECT);
  fixture->pool = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < 300; i++)
    g_ptr_array_add (fixture->pool, g_object_new (G_TYPE_OBJECT, NULL));
  g_list_store_splice (fixture->upstream, 0, 0, fixture->pool->pdata, 100);

  fixture->paced = vd_paced_model_new (G_LIST_MODEL (fixture->upstream));
  vd_paced_model_set_batch (fixture->paced, BATCH);
  fixture->shadow = model_items (G_LIST_MODEL (fixture->paced));
  fixture->check_kept = TRUE;
  g_signal_connect (fixture->paced, "items-changed", G_CALLBACK (on_items_changed), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->paced);
  g_clear_object (&fixture->upstream);
  g_clear_pointer (&fixture->shadow, g_ptr_array_unref);
  g_clear_pointer (&fixture->pool, g_ptr_array_unref);
}

static void
wait_settled (Fixture *fixture)
{
  while (!vd_paced_model_is_settled (fixture->paced))
    g_main_context_iteration (NULL, TRUE);
}

/* Shows upstream as @indexes of the pool, in that order. */
static void
show_pool (Fixture     *fixture,
           const guint *indexes,
           guint        n)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new ();

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, fixture->pool->pdata[indexes[i]]);
  g_list_store_splice (fixture->upstream, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (fixture->upstream)),
                       items->pdata, items->len);
}

/* A filter that keeps every third row: far more than a batch changes, so
 * the change arrives over several idles, and ends equal to upstream. */
static void
test_large_change_is_paced (Fixture       *fixture,
                            gconstpointer  data)
{
  guint indexes[34];
  guint n_items;

  for (guint i = 0; i < G_N_ELEMENTS (indexes); i++)
    indexes[i] = i * 3;

  fixture->emissions = 0;
  show_pool (fixture, indexes, G_N_ELEMENTS (indexes));

  /* Nothing yet when the splice returns: the change starts in an idle. */
  g_assert_false (vd_paced_model_is_settled (fixture->paced));
  g_assert_cmpuint (fixture->emissions, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->paced)), ==, 100);

  /* One idle at a time, a batch an emission. */
  g_main_context_iteration (NULL, FALSE);
  g_assert_cmpuint (fixture->emissions, >=, 1);
  n_items = g_list_model_get_n_items (G_LIST_MODEL (fixture->paced));
  g_assert_cmpuint (n_items, >=, G_N_ELEMENTS (indexes));
  g_assert_cmpuint (n_items, <, 100);

  wait_settled (fixture);
  g_assert_cmpuint (fixture->emissions, >=, 66 / BATCH);
  assert_shows_upstream (fixture);

  /* And to another shape. */
  show_pool (fixture, (guint[]) { 0, 1, 2, 3, 4, 5 }, 6);
  wait_settled (fixture);
  assert_shows_upstream (fixture);
}

/* An edit, an addition or a removal is shown before items-changed returns,
 * as from any other model. */
static void
test_small_change_is_immediate (Fixture       *fixture,
                                gconstpointer  data)
{

  g_list_store_append (fixture->upstream, fixture->pool->pdata[200]);
  g_assert_true (vd_paced_model_is_settled (fixture->paced));
  g_list_store_remove (fixture->upstream, 50);
  g_assert_true (vd_paced_model_is_settled (fixture->paced));
  g_list_store_insert (fixture->upstream, 0, fixture->pool->pdata[201]);
  g_assert_true (vd_paced_model_is_settled (fixture->paced));

  assert_shows_upstream (fixture);
}

/* settle() brings in the rest at once: for finding a row by its item. */
static void
test_settle (Fixture       *fixture,
             gconstpointer  data)
{

  show_pool (fixture, (guint[]) { 7, 99 }, 2);
  g_assert_false (vd_paced_model_is_settled (fixture->paced));

  vd_paced_model_set_batch (fixture->paced, G_MAXUINT);
  vd_paced_model_settle (fixture->paced);
  g_assert_true (vd_paced_model_is_settled (fixture->paced));
  assert_shows_upstream (fixture);

  /* Nothing left for the idle. */
  while (g_main_context_iteration (NULL, FALSE));
  assert_shows_upstream (fixture);
}

/* Upstream changes again and again, in random shapes and orders, often
 * before the last change was shown; what is shown always ends equal. */
static void
test_random_changes (Fixture       *fixture,
                     gconstpointer  data)
{
  fixture->check_kept = FALSE;

  for (guint round = 0; round < 200; round++)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (fixture->upstream));
      guint position = g_test_rand_int_range (0, n + 1);
      guint removed = g_test_rand_int_range (0, n - position + 1);
      g_autoptr(GPtrArray) added = g_ptr_array_new ();
      g_autoptr(GPtrArray) now = model_items (G_LIST_MODEL (fixture->upstream));
      g_autoptr(GHashTable) present = g_hash_table_new (NULL, NULL);

      for (guint i = 0; i < now->len; i++)
        if (i < position || i >= position + removed)
          g_hash_table_add (present, now->pdata[i]);
      for (guint i = g_test_rand_int_range (0, 40); i > 0; i--)
        {
          gpointer item = fixture->pool->pdata[g_test_rand_int_range (0, fixture->pool->len)];

          /* Moved items too: one that was removed may come back elsewhere. */
          if (g_hash_table_add (present, item))
            g_ptr_array_add (added, item);
        }
      g_list_store_splice (fixture->upstream, position, removed, added->pdata, added->len);

      if (g_test_rand_bit ())
        g_main_context_iteration (NULL, FALSE);
    }

  wait_settled (fixture);
  assert_shows_upstream (fixture);
}

/* Dropped halfway through a change: its idle goes with it. */
static void
test_dispose_while_pacing (Fixture       *fixture,
                           gconstpointer  data)
{
  show_pool (fixture, (guint[]) { 1 }, 1);
  g_assert_false (vd_paced_model_is_settled (fixture->paced));

  g_clear_object (&fixture->paced);
  g_list_store_append (fixture->upstream, fixture->pool->pdata[250]);
  while (g_main_context_iteration (NULL, FALSE));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/paced-model/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("large-change-is-paced", test_large_change_is_paced);
  ADD ("small-change-is-immediate", test_small_change_is_immediate);
  ADD ("settle", test_settle);
  ADD ("random-changes", test_random_changes);
  ADD ("dispose-while-pacing", test_dispose_while_pacing);
#undef ADD

  return g_test_run ();
}
