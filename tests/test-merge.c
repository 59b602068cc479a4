/* test-merge.c — the per-field three-way merge
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "vd-merge.h"
#include "vd-scorecard.h"
#include "vd-tool.h"

static VdScorecard *
scorecard_with (const char * const *sections,
                VdVerdict           verdict)
{
  VdScorecard *scorecard = vd_scorecard_new ("c", "t", "r");

  vd_scorecard_set_sections (scorecard, sections);
  vd_scorecard_set_verdict (scorecard, verdict);
  return scorecard;
}

static GVariant *
snapshot_of (const char * const *sections,
             VdVerdict           verdict)
{
  g_autoptr(VdScorecard) scorecard = scorecard_with (sections, verdict);

  return vd_merge_snapshot (VD_RECORD (scorecard));
}

static char *
section (GVariant *snapshot,
         gsize     index)
{
  g_autoptr(GVariant) list = g_variant_lookup_value (snapshot, "sections", G_VARIANT_TYPE_STRING_ARRAY);
  g_autoptr(GVariant) item = NULL;

  g_assert_nonnull (list);
  if (index >= g_variant_n_children (list))
    return NULL;
  item = g_variant_get_child_value (list, index);
  return g_variant_dup_string (item, NULL);
}

static void
test_snapshot_round_trip (void)
{
  g_autoptr(VdTool) tool = vd_tool_new ("Zed");
  g_autoptr(VdTool) copy = vd_tool_new ("Other");
  g_autoptr(GVariant) snapshot = NULL;
  g_autoptr(GVariant) again = NULL;

  vd_tool_set_description (tool, "An editor.\n\nFast.");
  vd_tool_set_votes (tool, 12, 3);
  snapshot = vd_merge_snapshot (VD_RECORD (tool));
  vd_merge_apply (VD_RECORD (copy), snapshot);

  g_assert_cmpstr (vd_tool_get_name (copy), ==, "Zed");
  g_assert_cmpstr (vd_tool_get_description (copy), ==, "An editor.\n\nFast.");
  g_assert_cmpint (vd_tool_get_votes_up (copy), ==, 12);
  again = vd_merge_snapshot (VD_RECORD (copy));
  g_assert_true (g_variant_equal (snapshot, again));
  /* The identity is not part of the fields. */
  g_assert_cmpstr (vd_record_get_uuid (VD_RECORD (copy)), !=, vd_record_get_uuid (VD_RECORD (tool)));
}

static void
test_different_fields_both_kept (void)
{
  const char *b[] = { "one", "two", "three", NULL };
  const char *m[] = { "one, mine", "two", "three", NULL };
  const char *t[] = { "one", "two", "three, theirs", NULL };
  g_autoptr(GVariant) base = snapshot_of (b, VD_VERDICT_UNDECIDED);
  g_autoptr(GVariant) mine = snapshot_of (m, VD_VERDICT_UNDECIDED);
  g_autoptr(GVariant) theirs = snapshot_of (t, VD_VERDICT_SHIP);
  g_autoptr(GPtrArray) conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) vd_conflict_free);
  g_autoptr(GVariant) merged = vd_merge_three_way (base, mine, theirs, "sections",
                                                   "scorecards", "u", conflicts);
  g_autofree char *s0 = section (merged, 0);
  g_autofree char *s2 = section (merged, 2);
  const char *verdict = NULL;

  g_assert_cmpuint (conflicts->len, ==, 0);
  g_assert_cmpstr (s0, ==, "one, mine");
  g_assert_cmpstr (s2, ==, "three, theirs");
  g_assert_true (g_variant_lookup (merged, "verdict", "&s", &verdict));
  g_assert_cmpstr (verdict, ==, "ship");
}

static void
test_same_field_conflicts (void)
{
  const char *b[] = { "base", "x", NULL };
  const char *m[] = { "mine", "x", NULL };
  const char *t[] = { "theirs", "x", NULL };
  g_autoptr(GVariant) base = snapshot_of (b, VD_VERDICT_UNDECIDED);
  g_autoptr(GVariant) mine = snapshot_of (m, VD_VERDICT_SKIP);
  g_autoptr(GVariant) theirs = snapshot_of (t, VD_VERDICT_SHIP);
  g_autoptr(GPtrArray) conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) vd_conflict_free);
  g_autoptr(GVariant) merged = vd_merge_three_way (base, mine, theirs, "sections",
                                                   "scorecards", "u", conflicts);
  g_autofree char *s0 = section (merged, 0);
  gboolean saw_section = FALSE, saw_verdict = FALSE;

  /* Theirs stays in place; mine is handed back, with the base. */
  g_assert_cmpstr (s0, ==, "theirs");
  g_assert_cmpuint (conflicts->len, ==, 2);
  for (guint i = 0; i < conflicts->len; i++)
    {
      VdConflict *conflict = g_ptr_array_index (conflicts, i);
      g_autofree char *mine_text = vd_conflict_dup_text (conflict->mine);
      g_autofree char *theirs_text = vd_conflict_dup_text (conflict->theirs);
      g_autofree char *base_text = vd_conflict_dup_text (conflict->base);
      g_autofree char *property = NULL;
      int item;

      g_assert_cmpstr (conflict->uuid, ==, "u");
      g_assert_cmpstr (conflict->kind, ==, "scorecards");
      property = vd_conflict_dup_property (conflict, &item);
      if (g_str_equal (conflict->field, "sections[0]"))
        {
          saw_section = TRUE;
          g_assert_cmpstr (property, ==, "sections");
          g_assert_cmpint (item, ==, 0);
          g_assert_cmpstr (mine_text, ==, "mine");
          g_assert_cmpstr (theirs_text, ==, "theirs");
          g_assert_cmpstr (base_text, ==, "base");
        }
      else if (g_str_equal (conflict->field, "verdict"))
        {
          saw_verdict = TRUE;
          g_assert_cmpint (item, ==, -1);
          g_assert_cmpstr (mine_text, ==, "skip");
          g_assert_cmpstr (theirs_text, ==, "ship");
        }
    }
  g_assert_true (saw_section);
  g_assert_true (saw_verdict);
}

static void
test_same_change_no_conflict (void)
{
  const char *b[] = { "base", NULL };
  const char *m[] = { "both", NULL };
  g_autoptr(GVariant) base = snapshot_of (b, VD_VERDICT_UNDECIDED);
  g_autoptr(GVariant) mine = snapshot_of (m, VD_VERDICT_SHIP);
  g_autoptr(GVariant) theirs = snapshot_of (m, VD_VERDICT_SHIP);
  g_autoptr(GPtrArray) conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) vd_conflict_free);
  g_autoptr(GVariant) merged = vd_merge_three_way (base, mine, theirs, "sections",
                                                   "scorecards", "u", conflicts);

  g_assert_cmpuint (conflicts->len, ==, 0);
  g_assert_true (g_variant_equal (merged, mine));
}

static void
test_no_base (void)
{
  const char *m[] = { "mine", "same", NULL };
  const char *t[] = { "theirs", "same", NULL };
  g_autoptr(GVariant) mine = snapshot_of (m, VD_VERDICT_SHIP);
  g_autoptr(GVariant) theirs = snapshot_of (t, VD_VERDICT_SHIP);
  g_autoptr(GPtrArray) conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) vd_conflict_free);
  g_autoptr(GVariant) merged = vd_merge_three_way (NULL, mine, theirs, "sections",
                                                   "scorecards", "u", conflicts);
  VdConflict *conflict;

  /* Two sides that created the same record agree where they agree. */
  g_assert_cmpuint (conflicts->len, ==, 1);
  conflict = g_ptr_array_index (conflicts, 0);
  g_assert_cmpstr (conflict->field, ==, "sections[0]");
  g_assert_null (conflict->base);
}

static void
test_items_added_on_one_side (void)
{
  const char *b[] = { "a", NULL };
  const char *m[] = { "a", "mine added", NULL };
  const char *t[] = { "a, theirs", NULL };
  g_autoptr(GVariant) base = snapshot_of (b, VD_VERDICT_UNDECIDED);
  g_autoptr(GVariant) mine = snapshot_of (m, VD_VERDICT_UNDECIDED);
  g_autoptr(GVariant) theirs = snapshot_of (t, VD_VERDICT_UNDECIDED);
  g_autoptr(GPtrArray) conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) vd_conflict_free);
  g_autoptr(GVariant) merged = vd_merge_three_way (base, mine, theirs, "sections",
                                                   "scorecards", "u", conflicts);
  g_autofree char *s0 = section (merged, 0);
  g_autofree char *s1 = section (merged, 1);

  g_assert_cmpuint (conflicts->len, ==, 0);
  g_assert_cmpstr (s0, ==, "a, theirs");
  g_assert_cmpstr (s1, ==, "mine added");
}

static void
test_whole_list_field (void)
{
  g_autoptr(VdTool) tool = vd_tool_new ("T");
  g_autoptr(GVariant) base = NULL, mine = NULL, theirs = NULL, merged = NULL;
  g_autoptr(GPtrArray) conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) vd_conflict_free);

  /* A tool has no item-wise field: a name changed on both sides is one
   * conflict, a description changed on one side passes. */
  base = vd_merge_snapshot (VD_RECORD (tool));
  vd_tool_set_name (tool, "Mine");
  mine = vd_merge_snapshot (VD_RECORD (tool));
  vd_tool_set_name (tool, "Theirs");
  vd_tool_set_description (tool, "Theirs too");
  theirs = vd_merge_snapshot (VD_RECORD (tool));
  merged = vd_merge_three_way (base, mine, theirs, NULL, "tools", "u", conflicts);
  g_assert_cmpuint (conflicts->len, ==, 1);
  vd_merge_apply (VD_RECORD (tool), merged);
  g_assert_cmpstr (vd_tool_get_name (tool), ==, "Theirs");
  g_assert_cmpstr (vd_tool_get_description (tool), ==, "Theirs too");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/merge/snapshot/round-trip", test_snapshot_round_trip);
  g_test_add_func ("/merge/different-fields", test_different_fields_both_kept);
  g_test_add_func ("/merge/same-field-conflicts", test_same_field_conflicts);
  g_test_add_func ("/merge/same-change", test_same_change_no_conflict);
  g_test_add_func ("/merge/no-base", test_no_base);
  g_test_add_func ("/merge/items-added", test_items_added_on_one_side);
  g_test_add_func ("/merge/whole-field", test_whole_list_field);

  return g_test_run ();
}
