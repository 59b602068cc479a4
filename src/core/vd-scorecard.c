/* vd-scorecard.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "vd-enum-types.h"
#include "vd-record-private.h"
#include "vd-scorecard.h"

enum {
  PROP_0,
  PROP_COMPARISON,
  PROP_TOOL,
  PROP_REVIEWER,
  LAST_STRING_PROP = PROP_REVIEWER,
  PROP_VERDICT,
  PROP_SECTIONS,
  PROP_QUOTE,
  N_PROPS
};

struct _VdScorecard
{
  VdRecord    parent_instance;

  char       *text[LAST_STRING_PROP + 1];
  VdVerdict   verdict;
  char      **sections;
  /* The three references are construct-only: once found well-formed, they
   * stay so, and each save need not parse them again. */
  gboolean    references_valid;
};

G_DEFINE_FINAL_TYPE (VdScorecard, vd_scorecard, VD_TYPE_RECORD)

static GParamSpec *properties[N_PROPS];

static void
vd_scorecard_finalize (GObject *object)
{
  VdScorecard *self = VD_SCORECARD (object);

  vd_record_text_clear (self->text, LAST_STRING_PROP);
  g_clear_pointer (&self->sections, g_strfreev);

  G_OBJECT_CLASS (vd_scorecard_parent_class)->finalize (object);
}

static void
vd_scorecard_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  VdScorecard *self = VD_SCORECARD (object);

  if (vd_record_text_get_property (self->text, LAST_STRING_PROP, prop_id, value))
    return;

  switch (prop_id)
    {
    case PROP_VERDICT:
      g_value_set_enum (value, self->verdict);
      break;

    case PROP_SECTIONS:
      g_value_set_boxed (value, self->sections);
      break;

    case PROP_QUOTE:
      g_value_take_string (value, vd_scorecard_dup_quote (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vd_scorecard_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  VdScorecard *self = VD_SCORECARD (object);

  /* The three references are construct-only: a scorecard never moves. */
  if (vd_record_text_set_property (object, self->text, properties, LAST_STRING_PROP,
                                   prop_id, value))
    return;

  switch (prop_id)
    {
    case PROP_VERDICT:
      vd_scorecard_set_verdict (self, g_value_get_enum (value));
      break;

    case PROP_SECTIONS:
      vd_scorecard_set_sections (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static gboolean
vd_scorecard_validate (VdRecord  *record,
                       GError   **error)
{
  VdScorecard *self = VD_SCORECARD (record);

  if (!self->references_valid)
    self->references_valid =
      vd_record_require_uuid (self->text[PROP_COMPARISON], "The scorecard’s comparison", error) &&
      vd_record_require_uuid (self->text[PROP_TOOL], "The scorecard’s tool", error) &&
      vd_record_require_uuid (self->text[PROP_REVIEWER], "The scorecard’s reviewer", error);

  return self->references_valid;
}

static void
vd_scorecard_class_init (VdScorecardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  VdRecordClass *record_class = VD_RECORD_CLASS (klass);
  static const char * const text_names[] = { NULL, "comparison", "tool", "reviewer" };

  object_class->finalize = vd_scorecard_finalize;
  object_class->get_property = vd_scorecard_get_property;
  object_class->set_property = vd_scorecard_set_property;
  record_class->validate = vd_scorecard_validate;

  for (guint i = PROP_0 + 1; i <= LAST_STRING_PROP; i++)
    properties[i] = g_param_spec_string (text_names[i], NULL, NULL, "",
                                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                          G_PARAM_STATIC_STRINGS));

  properties[PROP_VERDICT] =
    g_param_spec_enum ("verdict", NULL, NULL,
                       VD_TYPE_VERDICT, VD_VERDICT_NONE,
                       VD_RECORD_TEXT_FLAGS);

  properties[PROP_SECTIONS] =
    g_param_spec_boxed ("sections", NULL, NULL,
                        G_TYPE_STRV,
                        VD_RECORD_TEXT_FLAGS);

  properties[PROP_QUOTE] =
    g_param_spec_string ("quote", NULL, NULL, "",
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  vd_record_class_set_itemwise (record_class, "sections");
  vd_record_class_set_table (record_class, "scorecards");
  vd_record_class_add_fields (record_class,
                              "comparison", "tool", "reviewer", "verdict", "sections",
                              NULL);
}

static void
vd_scorecard_init (VdScorecard *self)
{
  vd_record_text_init (self->text, LAST_STRING_PROP);
  self->verdict = VD_VERDICT_NONE;
  self->sections = g_new0 (char *, 1);
}

VdScorecard *
vd_scorecard_new (const char *comparison,
                  const char *tool,
                  const char *reviewer)
{
  return g_object_new (VD_TYPE_SCORECARD,
                       "comparison", comparison,
                       "tool", tool,
                       "reviewer", reviewer,
                       NULL);
}

const char *
vd_scorecard_get_comparison (VdScorecard *self)
{
  g_return_val_if_fail (VD_IS_SCORECARD (self), NULL);

  return self->text[PROP_COMPARISON];
}

const char *
vd_scorecard_get_tool (VdScorecard *self)
{
  g_return_val_if_fail (VD_IS_SCORECARD (self), NULL);

  return self->text[PROP_TOOL];
}

const char *
vd_scorecard_get_reviewer (VdScorecard *self)
{
  g_return_val_if_fail (VD_IS_SCORECARD (self), NULL);

  return self->text[PROP_REVIEWER];
}

VdVerdict
vd_scorecard_get_verdict (VdScorecard *self)
{
  g_return_val_if_fail (VD_IS_SCORECARD (self), VD_VERDICT_NONE);

  return self->verdict;
}

void
vd_scorecard_set_verdict (VdScorecard *self,
                          VdVerdict    verdict)
{
  g_return_if_fail (VD_IS_SCORECARD (self));

  if (self->verdict == verdict)
    return;

  self->verdict = verdict;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VERDICT]);
}

const char * const *
vd_scorecard_get_sections (VdScorecard *self)
{
  g_return_val_if_fail (VD_IS_SCORECARD (self), NULL);

  return (const char * const *) self->sections;
}

static void
notify_sections (VdScorecard *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SECTIONS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUOTE]);
}

void
vd_scorecard_set_sections (VdScorecard        *self,
                           const char * const *sections)
{
  g_return_if_fail (VD_IS_SCORECARD (self));

  if (vd_record_take_strv (&self->sections, sections))
    notify_sections (self);
}

const char *
vd_scorecard_get_section (VdScorecard *self,
                          guint        index)
{
  g_return_val_if_fail (VD_IS_SCORECARD (self), NULL);

  if (index >= g_strv_length (self->sections))
    return "";

  return self->sections[index];
}

/**
 * vd_scorecard_set_section:
 *
 * Sets the text answering prompt @index, growing the list with empty
 * sections when the reviewer writes to a later prompt first.
 */
void
vd_scorecard_set_section (VdScorecard *self,
                          guint        index,
                          const char  *text)
{
  guint len;

  g_return_if_fail (VD_IS_SCORECARD (self));
  g_return_if_fail (index < 1024);

  len = g_strv_length (self->sections);
  if (index >= len)
    {
      if (text == NULL || text[0] == '\0')
        return;

      self->sections = g_renew (char *, self->sections, index + 2);
      for (guint i = len; i <= index; i++)
        self->sections[i] = g_strdup ("");
      self->sections[index + 1] = NULL;
    }

  if (vd_record_take_string (&self->sections[index], text))
    notify_sections (self);
}

/**
 * vd_scorecard_dup_quote:
 *
 * Returns: the published quote: the non-empty sections, trimmed, joined into
 *   one paragraph with single spaces.
 */
char *
vd_scorecard_dup_quote (VdScorecard *self)
{
  GString *quote;

  g_return_val_if_fail (VD_IS_SCORECARD (self), NULL);

  quote = g_string_new (NULL);
  for (guint i = 0; self->sections[i] != NULL; i++)
    {
      const char *start = self->sections[i];
      const char *end;

      while (g_ascii_isspace (*start))
        start++;
      end = start + strlen (start);
      while (end > start && g_ascii_isspace (end[-1]))
        end--;
      if (end == start)
        continue;

      if (quote->len > 0)
        g_string_append_c (quote, ' ');
      g_string_append_len (quote, start, end - start);
    }

  return g_string_free (quote, FALSE);
}
