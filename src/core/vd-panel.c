/* vd-panel.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "vd-panel.h"

/* VdPanel keeps one tool's panel figures current: it watches the comparison's
 * panel, the list of scorecards and each scorecard's verdict, and notifies
 * only the figures that moved. Panels hold a handful of reviewers, so a full
 * recount on each change costs less than bookkeeping would. */

struct _VdPanel
{
  GObject        parent_instance;

  VdComparison  *comparison;
  char          *tool;
  GListModel    *scorecards;
  GPtrArray     *watched;       /* VdScorecard*, whose notify::verdict we follow */

  guint          ship_votes;
  guint          skip_votes;
  guint          undecided;     /* explicit abstentions */
  guint          no_verdict;    /* panel members who have not answered */
  guint          decided;       /* ship + skip */
  guint          panel_size;
  int            ship_percent;
  char          *ship_label;
  char          *decided_label;
};

G_DEFINE_FINAL_TYPE (VdPanel, vd_panel, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_COMPARISON,
  PROP_TOOL,
  PROP_SCORECARDS,
  PROP_SHIP_VOTES,
  PROP_SKIP_VOTES,
  PROP_UNDECIDED,
  PROP_NO_VERDICT,
  PROP_DECIDED,
  PROP_PANEL_SIZE,
  PROP_SHIP_PERCENT,
  PROP_SHIP_LABEL,
  PROP_DECIDED_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

int
vd_panel_round_percent (guint part,
                        guint whole)
{
  g_return_val_if_fail (part <= whole, -1);

  if (whole == 0)
    return -1;

  /* Half up, in integers: 1 of 8 is 12.5 → 13, as the page rounds. */
  return (int) ((200 * (guint64) part + whole) / (2 * (guint64) whole));
}

/**
 * vd_panel_format_percent:
 *
 * Returns: "50%", or "—" for -1 (nobody decided).
 */
char *
vd_panel_format_percent (int percent)
{
  if (percent < 0)
    return g_strdup ("—");

  return g_strdup_printf ("%d%%", percent);
}

/**
 * vd_panel_format_decided:
 *
 * Returns: "4 of 4 decided", in the page's language (English), as the
 *   export writes it beside the ship percentage.
 */
char *
vd_panel_format_decided (guint decided,
                         guint panel_size)
{
  return g_strdup_printf ("%u of %u decided", decided, panel_size);
}

static gboolean
is_on_panel (VdPanel     *self,
             VdScorecard *scorecard)
{
  return g_strcmp0 (vd_scorecard_get_tool (scorecard), self->tool) == 0 &&
         g_strv_contains (vd_comparison_get_panel (self->comparison),
                          vd_scorecard_get_reviewer (scorecard));
}

static void
set_count (VdPanel *self,
           guint   *field,
           guint    value,
           guint    prop_id)
{
  if (*field == value)
    return;

  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
recount (VdPanel *self)
{
  const char * const *panel = vd_comparison_get_panel (self->comparison);
  guint ship = 0, skip = 0, undecided = 0, decided = 0;
  guint n_panel = g_strv_length ((char **) panel);
  int percent;

  for (guint i = 0; i < self->watched->len; i++)
    {
      VdScorecard *scorecard = g_ptr_array_index (self->watched, i);

      if (!is_on_panel (self, scorecard))
        continue;

      switch (vd_scorecard_get_verdict (scorecard))
        {
        case VD_VERDICT_SHIP: ship++; break;
        case VD_VERDICT_SKIP: skip++; break;
        case VD_VERDICT_UNDECIDED: undecided++; break;
        case VD_VERDICT_NONE:
        default: break;
        }
    }

  decided = ship + skip;
  percent = vd_panel_round_percent (ship, decided);

  g_object_freeze_notify (G_OBJECT (self));

  set_count (self, &self->ship_votes, ship, PROP_SHIP_VOTES);
  set_count (self, &self->skip_votes, skip, PROP_SKIP_VOTES);
  set_count (self, &self->undecided, undecided, PROP_UNDECIDED);
  /* A panel member without a scorecard has no verdict either. */
  set_count (self, &self->no_verdict, n_panel - MIN (decided + undecided, n_panel),
             PROP_NO_VERDICT);

  if (self->decided_label == NULL || self->decided != decided || self->panel_size != n_panel)
    {
      g_free (self->decided_label);
      self->decided_label = vd_panel_format_decided (decided, n_panel);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DECIDED_LABEL]);
    }
  set_count (self, &self->panel_size, n_panel, PROP_PANEL_SIZE);
  set_count (self, &self->decided, decided, PROP_DECIDED);

  if (self->ship_label == NULL || self->ship_percent != percent)
    {
      self->ship_percent = percent;
      g_free (self->ship_label);
      self->ship_label = vd_panel_format_percent (percent);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHIP_PERCENT]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHIP_LABEL]);
    }

  g_object_thaw_notify (G_OBJECT (self));
}

static void
unwatch_all (VdPanel *self)
{
  for (guint i = 0; i < self->watched->len; i++)
    g_signal_handlers_disconnect_by_data (g_ptr_array_index (self->watched, i), self);
  g_ptr_array_set_size (self->watched, 0);
}

static void
rewatch (VdPanel *self)
{
  guint n;

  unwatch_all (self);

  n = self->scorecards != NULL ? g_list_model_get_n_items (self->scorecards) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VdScorecard) scorecard = g_list_model_get_item (self->scorecards, i);

      g_signal_connect_swapped (scorecard, "notify::verdict", G_CALLBACK (recount), self);
      g_ptr_array_add (self->watched, g_steal_pointer (&scorecard));
    }

  recount (self);
}

static void
vd_panel_constructed (GObject *object)
{
  VdPanel *self = VD_PANEL (object);

  G_OBJECT_CLASS (vd_panel_parent_class)->constructed (object);

  g_assert (VD_IS_COMPARISON (self->comparison));

  g_signal_connect_object (self->comparison, "notify::panel",
                           G_CALLBACK (recount), self, G_CONNECT_SWAPPED);
  if (self->scorecards != NULL)
    g_signal_connect_object (self->scorecards, "items-changed",
                             G_CALLBACK (rewatch), self, G_CONNECT_SWAPPED);
  rewatch (self);
}

static void
vd_panel_dispose (GObject *object)
{
  VdPanel *self = VD_PANEL (object);

  if (self->watched != NULL)
    unwatch_all (self);

  g_clear_object (&self->scorecards);
  g_clear_object (&self->comparison);

  G_OBJECT_CLASS (vd_panel_parent_class)->dispose (object);
}

static void
vd_panel_finalize (GObject *object)
{
  VdPanel *self = VD_PANEL (object);

  g_clear_pointer (&self->watched, g_ptr_array_unref);
  g_clear_pointer (&self->tool, g_free);
  g_clear_pointer (&self->ship_label, g_free);
  g_clear_pointer (&self->decided_label, g_free);

  G_OBJECT_CLASS (vd_panel_parent_class)->finalize (object);
}

static void
vd_panel_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  VdPanel *self = VD_PANEL (object);

  switch (prop_id)
    {
    case PROP_COMPARISON:
      g_value_set_object (value, self->comparison);
      break;

    case PROP_TOOL:
      g_value_set_string (value, self->tool);
      break;

    case PROP_SCORECARDS:
      g_value_set_object (value, self->scorecards);
      break;

    case PROP_SHIP_VOTES:
      g_value_set_uint (value, self->ship_votes);
      break;

    case PROP_SKIP_VOTES:
      g_value_set_uint (value, self->skip_votes);
      break;

    case PROP_UNDECIDED:
      g_value_set_uint (value, self->undecided);
      break;

    case PROP_NO_VERDICT:
      g_value_set_uint (value, self->no_verdict);
      break;

    case PROP_DECIDED:
      g_value_set_uint (value, self->decided);
      break;

    case PROP_PANEL_SIZE:
      g_value_set_uint (value, self->panel_size);
      break;

    case PROP_DECIDED_LABEL:
      g_value_set_string (value, self->decided_label);
      break;

    case PROP_SHIP_PERCENT:
      g_value_set_int (value, self->ship_percent);
      break;

    case PROP_SHIP_LABEL:
      g_value_set_string (value, self->ship_label);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vd_panel_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  VdPanel *self = VD_PANEL (object);

  switch (prop_id)
    {
    case PROP_COMPARISON:
      self->comparison = g_value_dup_object (value);
      break;

    case PROP_TOOL:
      self->tool = g_value_dup_string (value);
      break;

    case PROP_SCORECARDS:
      self->scorecards = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vd_panel_class_init (VdPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags construct = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;
  const GParamFlags readable = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = vd_panel_constructed;
  object_class->dispose = vd_panel_dispose;
  object_class->finalize = vd_panel_finalize;
  object_class->get_property = vd_panel_get_property;
  object_class->set_property = vd_panel_set_property;

  properties[PROP_COMPARISON] =
    g_param_spec_object ("comparison", NULL, NULL, VD_TYPE_COMPARISON, construct);
  properties[PROP_TOOL] =
    g_param_spec_string ("tool", NULL, NULL, NULL, construct);
  properties[PROP_SCORECARDS] =
    g_param_spec_object ("scorecards", NULL, NULL, G_TYPE_LIST_MODEL, construct);
  properties[PROP_SHIP_VOTES] =
    g_param_spec_uint ("ship-votes", NULL, NULL, 0, G_MAXUINT, 0, readable);
  properties[PROP_SKIP_VOTES] =
    g_param_spec_uint ("skip-votes", NULL, NULL, 0, G_MAXUINT, 0, readable);
  properties[PROP_UNDECIDED] =
    g_param_spec_uint ("undecided", NULL, NULL, 0, G_MAXUINT, 0, readable);
  properties[PROP_NO_VERDICT] =
    g_param_spec_uint ("no-verdict", NULL, NULL, 0, G_MAXUINT, 0, readable);
  properties[PROP_DECIDED] =
    g_param_spec_uint ("decided", NULL, NULL, 0, G_MAXUINT, 0, readable);
  properties[PROP_PANEL_SIZE] =
    g_param_spec_uint ("panel-size", NULL, NULL, 0, G_MAXUINT, 0, readable);
  properties[PROP_DECIDED_LABEL] =
    g_param_spec_string ("decided-label", NULL, NULL, NULL, readable);
  properties[PROP_SHIP_PERCENT] =
    g_param_spec_int ("ship-percent", NULL, NULL, -1, 100, -1, readable);
  properties[PROP_SHIP_LABEL] =
    g_param_spec_string ("ship-label", NULL, NULL, NULL, readable);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vd_panel_init (VdPanel *self)
{
  self->watched = g_ptr_array_new_with_free_func (g_object_unref);
  self->ship_percent = -1;
}

/**
 * vd_panel_new:
 * @comparison: the comparison whose panel votes
 * @tool: uuid of the tool the figures are for
 * @scorecards: (nullable): a #GListModel of #VdScorecard, typically all of
 *   the comparison's; cards of other tools or of reviewers off the panel are
 *   not counted
 */
VdPanel *
vd_panel_new (VdComparison *comparison,
              const char   *tool,
              GListModel   *scorecards)
{
  g_return_val_if_fail (VD_IS_COMPARISON (comparison), NULL);
  g_return_val_if_fail (tool != NULL, NULL);
  g_return_val_if_fail (scorecards == NULL || G_IS_LIST_MODEL (scorecards), NULL);

  return g_object_new (VD_TYPE_PANEL,
                       "comparison", comparison,
                       "tool", tool,
                       "scorecards", scorecards,
                       NULL);
}

VdComparison *
vd_panel_get_comparison (VdPanel *self)
{
  g_return_val_if_fail (VD_IS_PANEL (self), NULL);
  return self->comparison;
}

const char *
vd_panel_get_tool (VdPanel *self)
{
  g_return_val_if_fail (VD_IS_PANEL (self), NULL);
  return self->tool;
}

guint
vd_panel_get_ship_votes (VdPanel *self)
{
  g_return_val_if_fail (VD_IS_PANEL (self), 0);
  return self->ship_votes;
}

guint
vd_panel_get_skip_votes (VdPanel *self)
{
  g_return_val_if_fail (VD_IS_PANEL (self), 0);
  return self->skip_votes;
}

guint
vd_panel_get_undecided (VdPanel *self)
{
  g_return_val_if_fail (VD_IS_PANEL (self), 0);
  return self->undecided;
}

/**
 * vd_panel_get_no_verdict:
 *
 * Returns: panel members with no verdict yet on this tool (no scorecard, or
 *   one not answered); explicit abstentions are vd_panel_get_undecided()'s.
 */
guint
vd_panel_get_no_verdict (VdPanel *self)
{
  g_return_val_if_fail (VD_IS_PANEL (self), 0);
  return self->no_verdict;
}

/**
 * vd_panel_get_decided:
 *
 * Returns: ship and skip votes together: the whole the ship percentage is of
 */
guint
vd_panel_get_decided (VdPanel *self)
{
  g_return_val_if_fail (VD_IS_PANEL (self), 0);
  return self->decided;
}

guint
vd_panel_get_panel_size (VdPanel *self)
{
  g_return_val_if_fail (VD_IS_PANEL (self), 0);
  return self->panel_size;
}

const char *
vd_panel_get_decided_label (VdPanel *self)
{
  g_return_val_if_fail (VD_IS_PANEL (self), NULL);
  return self->decided_label;
}

/**
 * vd_panel_get_ship_percent:
 *
 * Returns: ship votes as a rounded share of the reviewers who decided, or -1
 *   when nobody has.
 */
int
vd_panel_get_ship_percent (VdPanel *self)
{
  g_return_val_if_fail (VD_IS_PANEL (self), -1);
  return self->ship_percent;
}

const char *
vd_panel_get_ship_label (VdPanel *self)
{
  g_return_val_if_fail (VD_IS_PANEL (self), NULL);
  return self->ship_label;
}

/**
 * vd_panel_get_scorecard:
 *
 * Returns: (transfer none) (nullable): @reviewer's scorecard on this tool
 */
VdScorecard *
vd_panel_get_scorecard (VdPanel    *self,
                        const char *reviewer)
{
  g_return_val_if_fail (VD_IS_PANEL (self), NULL);

  for (guint i = 0; i < self->watched->len; i++)
    {
      VdScorecard *scorecard = g_ptr_array_index (self->watched, i);

      if (g_strcmp0 (vd_scorecard_get_tool (scorecard), self->tool) == 0 &&
          g_strcmp0 (vd_scorecard_get_reviewer (scorecard), reviewer) == 0)
        return scorecard;
    }

  return NULL;
}

/**
 * vd_panel_get_verdict:
 *
 * Returns: what @reviewer voted on this tool: the reviewer split, one cell
 */
VdVerdict
vd_panel_get_verdict (VdPanel    *self,
                      const char *reviewer)
{
  VdScorecard *scorecard;

  g_return_val_if_fail (VD_IS_PANEL (self), VD_VERDICT_NONE);

  scorecard = vd_panel_get_scorecard (self, reviewer);
  return scorecard != NULL ? vd_scorecard_get_verdict (scorecard) : VD_VERDICT_NONE;
}
