/* vd-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A VdPage holds a comparison's two tools, its panel's reviewers and one
 * scorecard for every reviewer and tool, and follows the comparison: when
 * the panel or a tool changes, the lists change with it. A scorecard that
 * was never written exists here only, and reaches the database with its
 * first edit.
 *
 * It also keeps the page's readiness current (vd_page_get_problems()): any
 * change to the comparison, its tools, its reviewers or its scorecards
 * re-runs the rules for this page alone, so a Ready page that loses a field
 * is flagged with the keystroke that emptied it.
 */
#include "config.h"

#include "vd-page.h"
#include "vd-readiness.h"

struct _VdPage
{
  GObject       parent_instance;

  VdSession    *session;
  VdComparison *comparison;
  VdTool       *tools[2];
  GListStore   *reviewers;     /* VdReviewer, panel order */
  GListStore   *scorecards;    /* VdScorecard, panel order × tool order */
  GPtrArray    *known;         /* every scorecard of the comparison we hold */
  GPtrArray    *watched;       /* GObject*: tools, reviewers, scorecards whose notify we follow */
  GPtrArray    *problems;      /* VdReadinessProblem*, current */
};

G_DEFINE_FINAL_TYPE (VdPage, vd_page, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TOOL_A,
  PROP_TOOL_B,
  PROP_PROBLEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static VdScorecard *
find_known (VdPage     *self,
            const char *reviewer,
            const char *tool)
{
  for (guint i = 0; i < self->known->len; i++)
    {
      VdScorecard *scorecard = g_ptr_array_index (self->known, i);

      if (g_strcmp0 (vd_scorecard_get_reviewer (scorecard), reviewer) == 0 &&
          g_strcmp0 (vd_scorecard_get_tool (scorecard), tool) == 0)
        return scorecard;
    }

  return NULL;
}

/* Rebuilds the grid: every panel reviewer × both tools, creating the
 * scorecards nobody has written yet. */
static void
rebuild_scorecards (VdPage *self)
{
  g_autoptr(GPtrArray) grid = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->reviewers));

  for (guint r = 0; r < n; r++)
    {
      g_autoptr(VdReviewer) reviewer = g_list_model_get_item (G_LIST_MODEL (self->reviewers), r);
      const char *reviewer_uuid = vd_record_get_uuid (VD_RECORD (reviewer));

      for (guint t = 0; t < 2; t++)
        {
          const char *tool_uuid = vd_record_get_uuid (VD_RECORD (self->tools[t]));
          VdScorecard *scorecard = find_known (self, reviewer_uuid, tool_uuid);

          if (scorecard == NULL)
            {
              scorecard = vd_scorecard_new (vd_record_get_uuid (VD_RECORD (self->comparison)),
                                            tool_uuid, reviewer_uuid);
              g_ptr_array_add (self->known, scorecard);
              vd_session_adopt (self->session, VD_RECORD (scorecard));
            }
          g_ptr_array_add (grid, g_object_ref (scorecard));
        }
    }

  g_list_store_splice (self->scorecards, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->scorecards)),
                       grid->pdata, grid->len);
}

static gboolean
same_problems (GPtrArray *a,
               GPtrArray *b)
{
  if (a == NULL || a->len != b->len)
    return FALSE;

  for (guint i = 0; i < a->len; i++)
    if (!g_str_equal (((VdReadinessProblem *) g_ptr_array_index (a, i))->message,
                      ((VdReadinessProblem *) g_ptr_array_index (b, i))->message))
      return FALSE;

  return TRUE;
}

/* A page's rules cost a few dozen string checks, less than deferring them
 * would; notifies only when what is missing changed. */
static void
recheck (VdPage *self)
{
  g_autoptr(GPtrArray) problems = NULL;

  if (self->tools[0] == NULL || self->tools[1] == NULL)
    return;

  problems = vd_readiness_check (self->comparison, self->tools[0], self->tools[1],
                                 G_LIST_MODEL (self->reviewers),
                                 G_LIST_MODEL (self->scorecards));
  if (same_problems (self->problems, problems))
    return;

  g_clear_pointer (&self->problems, g_ptr_array_unref);
  self->problems = g_steal_pointer (&problems);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROBLEMS]);
}

static void
on_watched_notify (VdPage     *self,
                   GParamSpec *pspec,
                   GObject    *object)
{
  recheck (self);
}

static void
unwatch_all (VdPage *self)
{
  for (guint i = 0; i < self->watched->len; i++)
    g_signal_handlers_disconnect_by_func (g_ptr_array_index (self->watched, i),
                                          on_watched_notify, self);
  g_ptr_array_set_size (self->watched, 0);
}

static void
watch (VdPage  *self,
       GObject *object)
{
  g_signal_connect_swapped (object, "notify", G_CALLBACK (on_watched_notify), self);
  g_ptr_array_add (self->watched, g_object_ref (object));
}

static void
watch_list (VdPage     *self,
            GListModel *model)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      watch (self, item);
    }
}

/* Follows what the page is made of now, after the grid was rebuilt. */
static void
rewatch (VdPage *self)
{
  unwatch_all (self);
  watch (self, G_OBJECT (self->tools[0]));
  watch (self, G_OBJECT (self->tools[1]));
  watch_list (self, G_LIST_MODEL (self->reviewers));
  watch_list (self, G_LIST_MODEL (self->scorecards));
  recheck (self);
}

static gboolean
load_tools (VdPage  *self,
            GError **error)
{
  const char *uuids[] = { vd_comparison_get_tool_a (self->comparison),
                          vd_comparison_get_tool_b (self->comparison) };

  for (guint t = 0; t < 2; t++)
    {
      g_autoptr(VdTool) tool = NULL;

      if (self->tools[t] != NULL &&
          g_strcmp0 (vd_record_get_uuid (VD_RECORD (self->tools[t])), uuids[t]) == 0)
        continue;

      if (!(tool = vd_session_lookup (self->session, VD_TYPE_TOOL, uuids[t], error)))
        return FALSE;

      g_set_object (&self->tools[t], tool);
      g_object_notify_by_pspec (G_OBJECT (self), properties[t == 0 ? PROP_TOOL_A : PROP_TOOL_B]);
    }

  return TRUE;
}

static gboolean
load_reviewers (VdPage  *self,
                GError **error)
{
  const char * const *panel = vd_comparison_get_panel (self->comparison);
  g_autoptr(GPtrArray) reviewers = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; panel[i] != NULL; i++)
    {
      VdReviewer *reviewer = vd_session_lookup (self->session, VD_TYPE_REVIEWER, panel[i], error);

      if (reviewer == NULL)
        return FALSE;
      g_ptr_array_add (reviewers, reviewer);
    }

  g_list_store_splice (self->reviewers, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->reviewers)),
                       reviewers->pdata, reviewers->len);
  return TRUE;
}

static void
on_comparison_changed (VdPage       *self,
                       GParamSpec   *pspec,
                       VdComparison *comparison)
{
  g_autoptr(GError) error = NULL;

  /* The comparison form only offers stored tools and reviewers, so a
   * failure here is the database failing; the page keeps what it had. */
  if (!load_tools (self, &error) || !load_reviewers (self, &error))
    {
      g_warning ("Could not follow the comparison “%s”: %s",
                 vd_comparison_get_slug (comparison), error->message);
      return;
    }

  rebuild_scorecards (self);
  rewatch (self);
}

static void
vd_page_dispose (GObject *object)
{
  VdPage *self = VD_PAGE (object);

  if (self->comparison != NULL)
    g_signal_handlers_disconnect_by_data (self->comparison, self);
  if (self->watched != NULL)
    unwatch_all (self);

  g_clear_object (&self->comparison);
  g_clear_object (&self->tools[0]);
  g_clear_object (&self->tools[1]);
  g_clear_object (&self->reviewers);
  g_clear_object (&self->scorecards);
  g_clear_pointer (&self->known, g_ptr_array_unref);
  g_clear_pointer (&self->watched, g_ptr_array_unref);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (vd_page_parent_class)->dispose (object);
}

static void
vd_page_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  VdPage *self = VD_PAGE (object);

  switch (prop_id)
    {
    case PROP_TOOL_A:
      g_value_set_object (value, self->tools[0]);
      break;

    case PROP_TOOL_B:
      g_value_set_object (value, self->tools[1]);
      break;

    case PROP_PROBLEMS:
      g_value_set_boxed (value, self->problems);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vd_page_class_init (VdPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = vd_page_dispose;
  object_class->get_property = vd_page_get_property;

  properties[PROP_TOOL_A] =
    g_param_spec_object ("tool-a", NULL, NULL, VD_TYPE_TOOL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TOOL_B] =
    g_param_spec_object ("tool-b", NULL, NULL, VD_TYPE_TOOL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* GPtrArray of VdReadinessProblem, in page order; empty when complete. */
  properties[PROP_PROBLEMS] =
    g_param_spec_boxed ("problems", NULL, NULL, G_TYPE_PTR_ARRAY,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vd_page_init (VdPage *self)
{
  self->reviewers = g_list_store_new (VD_TYPE_REVIEWER);
  self->scorecards = g_list_store_new (VD_TYPE_SCORECARD);
  self->known = g_ptr_array_new_with_free_func (g_object_unref);
  self->watched = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * vd_page_new:
 * @comparison: the session's object for the comparison
 */
VdPage *
vd_page_new (VdSession     *session,
             VdComparison  *comparison,
             GError       **error)
{
  g_autoptr(VdPage) self = NULL;
  g_autoptr(GListStore) stored = NULL;
  guint n;

  g_return_val_if_fail (VD_IS_SESSION (session), NULL);
  g_return_val_if_fail (VD_IS_COMPARISON (comparison), NULL);

  self = g_object_new (VD_TYPE_PAGE, NULL);
  self->session = g_object_ref (session);
  self->comparison = g_object_ref (comparison);

  if (!(stored = vd_session_list_scorecards (session, comparison, error)))
    return NULL;
  n = g_list_model_get_n_items (G_LIST_MODEL (stored));
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (self->known, g_list_model_get_item (G_LIST_MODEL (stored), i));

  if (!load_tools (self, error) || !load_reviewers (self, error))
    return NULL;
  rebuild_scorecards (self);

  g_signal_connect_object (comparison, "notify::tool-a", G_CALLBACK (on_comparison_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (comparison, "notify::tool-b", G_CALLBACK (on_comparison_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (comparison, "notify::panel", G_CALLBACK (on_comparison_changed),
                           self, G_CONNECT_SWAPPED);
  /* After the handlers above, so the rules see the rebuilt grid. */
  g_signal_connect_object (comparison, "notify", G_CALLBACK (on_watched_notify),
                           self, G_CONNECT_SWAPPED);
  rewatch (self);

  return g_steal_pointer (&self);
}

VdSession *
vd_page_get_session (VdPage *self)
{
  g_return_val_if_fail (VD_IS_PAGE (self), NULL);
  return self->session;
}

VdComparison *
vd_page_get_comparison (VdPage *self)
{
  g_return_val_if_fail (VD_IS_PAGE (self), NULL);
  return self->comparison;
}

VdTool *
vd_page_get_tool (VdPage *self,
                  guint   index)
{
  g_return_val_if_fail (VD_IS_PAGE (self), NULL);
  g_return_val_if_fail (index < 2, NULL);
  return self->tools[index];
}

/**
 * vd_page_get_reviewers:
 *
 * Returns: (transfer none): the panel's #VdReviewer objects, in panel order
 */
GListModel *
vd_page_get_reviewers (VdPage *self)
{
  g_return_val_if_fail (VD_IS_PAGE (self), NULL);
  return G_LIST_MODEL (self->reviewers);
}

/**
 * vd_page_get_scorecards:
 *
 * Returns: (transfer none): one #VdScorecard per panel reviewer and tool:
 *   reviewer by reviewer, the first tool before the second
 */
GListModel *
vd_page_get_scorecards (VdPage *self)
{
  g_return_val_if_fail (VD_IS_PAGE (self), NULL);
  return G_LIST_MODEL (self->scorecards);
}

/**
 * vd_page_get_scorecard:
 *
 * Returns: (transfer none) (nullable): @reviewer's scorecard on tool
 *   @tool_index, if @reviewer sits on the panel
 */
VdScorecard *
vd_page_get_scorecard (VdPage     *self,
                       const char *reviewer,
                       guint       tool_index)
{
  g_return_val_if_fail (VD_IS_PAGE (self), NULL);
  g_return_val_if_fail (tool_index < 2, NULL);

  if (!g_strv_contains (vd_comparison_get_panel (self->comparison), reviewer))
    return NULL;

  return find_known (self, reviewer, vd_record_get_uuid (VD_RECORD (self->tools[tool_index])));
}

/**
 * vd_page_get_problems:
 *
 * What the page lacks now; #VdPage:problems notifies when that changes.
 *
 * Returns: (transfer none) (element-type VdReadinessProblem): empty when
 *   the page is complete
 */
GPtrArray *
vd_page_get_problems (VdPage *self)
{
  g_return_val_if_fail (VD_IS_PAGE (self), NULL);
  return self->problems;
}

/**
 * vd_page_is_flagged:
 *
 * Returns: whether the comparison is Ready or Published but its page is
 *   not complete: what the desk must say at once, and never export
 */
gboolean
vd_page_is_flagged (VdPage *self)
{
  VdStatus status;

  g_return_val_if_fail (VD_IS_PAGE (self), FALSE);

  status = vd_comparison_get_status (self->comparison);
  return (status == VD_STATUS_READY || status == VD_STATUS_PUBLISHED) &&
         self->problems != NULL && self->problems->len > 0;
}

/**
 * vd_page_check_readiness:
 *
 * Returns: (transfer full) (element-type utf8): see vd_readiness_check()
 */
GPtrArray *
vd_page_check_readiness (VdPage *self)
{
  g_return_val_if_fail (VD_IS_PAGE (self), NULL);

  return vd_readiness_check (self->comparison, self->tools[0], self->tools[1],
                             G_LIST_MODEL (self->reviewers), G_LIST_MODEL (self->scorecards));
}
