/* vd-import-check.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What data/schema/verdict-desk-export.schema.json says about a page, held
 * against its tree before any record is built from it, and then the rules
 * the schema cannot say (its description lists them; so does the README).
 * The figures the export computes (panel, community, split, quote, the
 * pricing label) are checked for shape only: the import recomputes them
 * and never stores what the document says they are.
 */
#include "config.h"

#include <string.h>

#include "vd-error.h"
#include "vd-import-check.h"
#include "vd-json-check.h"

static gboolean G_GNUC_PRINTF (4, 5)
refuse (GError     **error,
        const char  *where,
        const char  *key,
        const char  *format,
        ...)
{
  g_autofree char *problem = NULL;
  va_list args;

  va_start (args, format);
  problem = g_strdup_vprintf (format, args);
  va_end (args);

  if (key != NULL)
    {
      g_autofree char *name = vd_json_check_describe_key (key);

      g_set_error (error, VD_IMPORT_ERROR, VD_IMPORT_ERROR_INVALID, "%s.%s: %s", where, name, problem);
    }
  else
    g_set_error (error, VD_IMPORT_ERROR, VD_IMPORT_ERROR_INVALID, "%s: %s", where, problem);
  return FALSE;
}

/* A fixed-width pattern: '9' a digit, 'x' a lower-case hex digit, anything
 * else itself. Written out instead of a regex: a regex's "$" also matches
 * before a final newline. */
static gboolean
matches_template (const char *text,
                  const char *template)
{
  if (strlen (text) != strlen (template))
    return FALSE;

  for (; *template != '\0'; template++, text++)
    {
      if (*template == '9')
        {
          if (!g_ascii_isdigit (*text))
            return FALSE;
        }
      else if (*template == 'x')
        {
          if (!g_ascii_isdigit (*text) && !(*text >= 'a' && *text <= 'f'))
            return FALSE;
        }
      else if (*text != *template)
        return FALSE;
    }

  return TRUE;
}

static gboolean
is_uuid (const char *text)
{
  return matches_template (text, "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx");
}

static gboolean
is_timestamp (const char *text)
{
  return matches_template (text, "9999-99-99T99:99:99.999999Z");
}

static gboolean
is_date (const char *text)
{
  return text[0] == '\0' || matches_template (text, "9999-99-99");
}

/* "50%", "100%" or "—". */
static gboolean
is_label (const char *text)
{
  gsize n = strlen (text);

  if (g_str_equal (text, "—"))
    return TRUE;
  if (n < 2 || n > 4 || text[n - 1] != '%')
    return FALSE;
  for (gsize i = 0; i + 1 < n; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;
  return TRUE;
}

static gboolean
is_slug (const char *text)
{
  gboolean dash_ok = FALSE;
  gsize n = strlen (text);

  if (n == 0 || n > 100)
    return FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_islower (*p) || g_ascii_isdigit (*p))
        dash_ok = TRUE;
      else if (*p == '-' && dash_ok)
        dash_ok = FALSE;
      else
        return FALSE;
    }

  return dash_ok;
}

/* "" or http(s):// and a host. */
static gboolean
is_website (const char *text)
{
  const char *rest;

  if (text[0] == '\0')
    return TRUE;
  if (g_ascii_strncasecmp (text, "https://", 8) == 0)
    rest = text + 8;
  else if (g_ascii_strncasecmp (text, "http://", 7) == 0)
    rest = text + 7;
  else
    return FALSE;

  return rest[0] != '\0' && rest[0] != '/' && rest[0] != '?' && rest[0] != '#';
}

static const char *
get_string (JsonObject *object,
            const char *key)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

/* @key, if present, is a string @test accepts; a missing member is left to
 * the record's own reader, which names it. */
static gboolean
check_string (JsonObject   *object,
              const char   *where,
              const char   *key,
              gboolean    (*test) (const char *),
              const char   *expected,
              GError      **error)
{
  JsonNode *node = json_object_get_member (object, key);
  const char *text;

  if (node == NULL)
    return TRUE;
  if (!(text = get_string (object, key)))
    return refuse (error, where, key, "expected a string");
  if (test != NULL && !test (text))
    return refuse (error, where, key, "expected %s", expected);
  return TRUE;
}

/* @object has exactly @keys as members. */
static gboolean
check_members (JsonObject          *object,
               const char          *where,
               const char * const  *keys,
               GError             **error)
{
  g_autoptr(GList) members = json_object_get_members (object);

  for (guint i = 0; keys[i] != NULL; i++)
    if (!json_object_has_member (object, keys[i]))
      return refuse (error, where, keys[i], "missing");

  for (const GList *l = members; l != NULL; l = l->next)
    if (!g_strv_contains (keys, l->data))
      return refuse (error, where, l->data, "unknown field");

  return TRUE;
}

/* A whole number in [@min, @max], or null where @nullable. */
static gboolean
check_count (JsonObject  *object,
             const char  *where,
             const char  *key,
             gint64       max,
             gboolean     nullable,
             GError     **error)
{
  JsonNode *node = json_object_get_member (object, key);
  gint64 v;

  if (nullable && JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return refuse (error, where, key, nullable ? "expected a whole number or null"
                                               : "expected a whole number");
  v = json_node_get_int (node);
  if (v < 0 || v > max)
    return refuse (error, where, key, "expected a number from 0 to %" G_GINT64_FORMAT, max);
  return TRUE;
}

static JsonObject *
get_object (JsonNode    *node,
            const char  *where,
            const char  *key,
            GError     **error)
{
  if (node == NULL)
    {
      refuse (error, where, key, "missing");
      return NULL;
    }
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      refuse (error, where, key, "expected an object");
      return NULL;
    }
  return json_node_get_object (node);
}

/**
 * vd_import_get_array:
 *
 * Returns: (transfer none): the list @object holds as @key, or %NULL with an
 *   error naming "@where.@key"
 */
JsonArray *
vd_import_get_array (JsonObject  *object,
                     const char  *where,
                     const char  *key,
                     GError     **error)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL)
    {
      refuse (error, where, key, "missing");
      return NULL;
    }
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      refuse (error, where, key, "expected a list");
      return NULL;
    }
  return json_node_get_array (node);
}

/* What every record carries, and a uuid that no record of another kind in
 * the document has, nor (for @once kinds) one of the same kind. */
static gboolean
check_record (JsonObject  *object,
              const char  *where,
              const char  *kind,
              gboolean     once,
              GHashTable  *seen,
              GError     **error)
{
  const char *uuid;
  const char *seen_kind;

  if (!check_string (object, where, "uuid", is_uuid, "a lower-case uuid", error) ||
      !check_string (object, where, "created", is_timestamp,
                     "a time like 2026-11-20T09:00:00.000000Z", error) ||
      !check_string (object, where, "updated", is_timestamp,
                     "a time like 2026-11-20T09:00:00.000000Z", error))
    return FALSE;

  if ((uuid = get_string (object, "uuid")) == NULL)
    return refuse (error, where, "uuid", "missing");

  seen_kind = g_hash_table_lookup (seen, uuid);
  if (seen_kind != NULL && (!g_str_equal (seen_kind, kind) || once))
    return refuse (error, where, "uuid", "%s is already the uuid of a %s in the document",
                   uuid, seen_kind);
  if (seen_kind == NULL)
    g_hash_table_insert (seen, g_strdup (uuid), (gpointer) kind);

  return TRUE;
}

/* "N of M decided", N and M plain decimals; their values are recomputed. */
static gboolean
is_count_prefix (const char **text)
{
  const char *p = *text;

  if (!g_ascii_isdigit (*p) || (p[0] == '0' && g_ascii_isdigit (p[1])))
    return FALSE;
  while (g_ascii_isdigit (*p))
    p++;
  *text = p;
  return TRUE;
}

static gboolean
is_decided_label (const char *text)
{
  return is_count_prefix (&text) && g_str_has_prefix (text, " of ") &&
         (text += 4, is_count_prefix (&text)) && g_str_equal (text, " decided");
}

static gboolean
check_tool (JsonObject  *tool,
            const char  *where,
            int          schema_version,
            GHashTable  *seen,
            GError     **error)
{
  /* Version 1 counted "no verdict yet" as undecided and had no decided count. */
  static const char * const panel_keys_v1[] = {
    "ship_votes", "skip_votes", "undecided", "ship_percent", "ship_label", NULL
  };
  static const char * const panel_keys[] = {
    "ship_votes", "skip_votes", "undecided", "no_verdict", "decided", "ship_percent",
    "ship_label", "decided_label", NULL
  };
  static const char * const community_keys[] = { "percent", "label", NULL };
  static const char * const pricing_labels[] = {
    "Free", "Freemium", "Paid", "Open Source", "Enterprise", NULL
  };
  g_autofree char *panel_where = g_strdup_printf ("%s.panel", where);
  g_autofree char *community_where = g_strdup_printf ("%s.community", where);
  const char *label;
  JsonObject *panel;
  JsonObject *community;

  if (!check_record (tool, where, "tool", FALSE, seen, error) ||
      !check_string (tool, where, "website", is_website, "\"\" or an http(s):// address", error))
    return FALSE;

  if (!(label = get_string (tool, "pricing_label")) || !g_strv_contains (pricing_labels, label))
    return refuse (error, where, "pricing_label", "expected one of Free, Freemium, Paid, "
                   "Open Source, Enterprise");

  if (!(panel = get_object (json_object_get_member (tool, "panel"), where, "panel", error)) ||
      !check_members (panel, panel_where, schema_version == 1 ? panel_keys_v1 : panel_keys,
                      error) ||
      !check_count (panel, panel_where, "ship_votes", G_MAXINT64, FALSE, error) ||
      !check_count (panel, panel_where, "skip_votes", G_MAXINT64, FALSE, error) ||
      !check_count (panel, panel_where, "undecided", G_MAXINT64, FALSE, error) ||
      !check_count (panel, panel_where, "ship_percent", 100, TRUE, error) ||
      !check_string (panel, panel_where, "ship_label", is_label, "a label like 50% or —", error))
    return FALSE;

  if (schema_version > 1 &&
      (!check_count (panel, panel_where, "no_verdict", G_MAXINT64, FALSE, error) ||
       !check_count (panel, panel_where, "decided", G_MAXINT64, FALSE, error) ||
       !check_string (panel, panel_where, "decided_label", is_decided_label,
                      "a label like 4 of 4 decided", error)))
    return FALSE;

  if (!(community = get_object (json_object_get_member (tool, "community"), where,
                                "community", error)) ||
      !check_members (community, community_where, community_keys, error) ||
      !check_count (community, community_where, "percent", 100, TRUE, error) ||
      !check_string (community, community_where, "label", is_label, "a label like 50% or —",
                     error))
    return FALSE;

  return TRUE;
}

static gboolean
is_verdict_v1 (const char *text)
{
  return g_str_equal (text, "undecided") || g_str_equal (text, "ship") ||
         g_str_equal (text, "skip");
}

static gboolean
is_verdict (const char *text)
{
  return g_str_equal (text, "none") || is_verdict_v1 (text);
}

static const char *
describe_verdicts (int schema_version)
{
  return schema_version == 1 ? "undecided, ship or skip" : "none, undecided, ship or skip";
}

static gboolean
check_split (JsonArray           *split,
             const char          *where,
             int                  schema_version,
             const char * const  *panel,
             GError             **error)
{
  static const char * const keys[] = { "reviewer", "verdicts", NULL };
  guint n = json_array_get_length (split);

  if (n != g_strv_length ((char **) panel))
    return refuse (error, where, "split", "has %u entries for a panel of %u", n,
                   g_strv_length ((char **) panel));

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *item_where = g_strdup_printf ("%s.split[%u]", where, i);
      JsonObject *item = get_object (json_array_get_element (split, i), where, "split", error);
      JsonArray *verdicts;

      if (item == NULL || !check_members (item, item_where, keys, error) ||
          !check_string (item, item_where, "reviewer", is_uuid, "a lower-case uuid", error) ||
          !(verdicts = vd_import_get_array (item, item_where, "verdicts", error)))
        return FALSE;

      if (!g_str_equal (get_string (item, "reviewer"), panel[i]))
        return refuse (error, item_where, "reviewer", "is not panel[%u], %s", i, panel[i]);

      if (json_array_get_length (verdicts) != 2)
        return refuse (error, item_where, "verdicts", "expected two, one per tool");
      for (guint t = 0; t < 2; t++)
        {
          JsonNode *node = json_array_get_element (verdicts, t);

          if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING ||
              !(schema_version == 1 ? is_verdict_v1 : is_verdict) (json_node_get_string (node)))
            return refuse (error, item_where, t == 0 ? "verdicts[0]" : "verdicts[1]",
                           "expected %s", describe_verdicts (schema_version));
        }
    }

  return TRUE;
}

/* The panel as the comparison lists it, when it is a list of uuids. */
static GStrv
dup_panel (JsonObject  *page,
           const char  *where,
           GError     **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonArray *panel = vd_import_get_array (page, where, "panel", error);
  guint n;

  if (panel == NULL)
    return NULL;

  n = json_array_get_length (panel);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (panel, i);
      g_autofree char *key = g_strdup_printf ("panel[%u]", i);

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING ||
          !is_uuid (json_node_get_string (node)))
        {
          refuse (error, where, key, "expected a lower-case uuid");
          return NULL;
        }
      g_strv_builder_add (builder, json_node_get_string (node));
    }

  return g_strv_builder_end (builder);
}

/* A scorecard has a section under each of its reviewer's prompts and none
 * past them: the forms show no other, so the page must not either. A list
 * that is not a list is left to the records' readers, which name it. */
static gboolean
check_sections_prompted (JsonObject  *card,
                         const char  *where,
                         JsonArray   *reviewers,
                         const char  *reviewer_uuid,
                         GError     **error)
{
  JsonNode *sections = json_object_get_member (card, "sections");

  if (sections == NULL || !JSON_NODE_HOLDS_ARRAY (sections))
    return TRUE;

  for (guint i = 0; i < json_array_get_length (reviewers); i++)
    {
      JsonObject *reviewer = json_array_get_object_element (reviewers, i);
      JsonNode *prompts = json_object_get_member (reviewer, "prompts");
      guint n_sections = json_array_get_length (json_node_get_array (sections));
      guint n_prompts;

      if (!g_str_equal (get_string (reviewer, "uuid"), reviewer_uuid))
        continue;
      if (prompts == NULL || !JSON_NODE_HOLDS_ARRAY (prompts))
        return TRUE;
      n_prompts = json_array_get_length (json_node_get_array (prompts));
      if (n_sections > n_prompts)
        return refuse (error, where, "sections",
                       "has %u sections for the reviewer’s %u prompts: text under no prompt "
                       "would be published without a form showing it", n_sections, n_prompts);
      return TRUE;
    }
  return TRUE;
}

/**
 * vd_import_check_page:
 * @where: how messages name @page: "comparisons[0]"
 * @schema_version: the document's, one the import reads
 * @seen: uuid → kind, over the whole document so far; extended
 *
 * Checks one comparison page against the export's schema and its rules.
 */
gboolean
vd_import_check_page (JsonObject  *page,
                      const char  *where,
                      int          schema_version,
                      GHashTable  *seen,
                      GError     **error)
{
  static const char * const keys[] = {
    "uuid", "created", "updated", "slug", "title", "dek", "tool_a", "tool_b", "pricing_read",
    "status", "publish_date", "panel", "tools", "reviewers", "split", "scorecards", NULL
  };
  g_auto(GStrv) panel = NULL;
  JsonArray *tools, *reviewers, *split, *scorecards;
  const char *uuid, *tool_uuids[2];
  guint n;

  g_return_val_if_fail (page != NULL, FALSE);

  if (!check_members (page, where, keys, error) ||
      !check_record (page, where, "comparison", TRUE, seen, error) ||
      !check_string (page, where, "slug", is_slug,
                     "a slug of lower-case letters, digits and single dashes", error) ||
      !check_string (page, where, "tool_a", is_uuid, "a lower-case uuid", error) ||
      !check_string (page, where, "tool_b", is_uuid, "a lower-case uuid", error) ||
      !check_string (page, where, "publish_date", is_date, "\"\" or a date like 2026-11-20",
                     error) ||
      !(panel = dup_panel (page, where, error)))
    return FALSE;

  uuid = get_string (page, "uuid");
  tool_uuids[0] = get_string (page, "tool_a");
  tool_uuids[1] = get_string (page, "tool_b");
  if (g_str_equal (tool_uuids[0], tool_uuids[1]))
    return refuse (error, where, "tool_b", "is the same tool as tool_a");

  if (!(tools = vd_import_get_array (page, where, "tools", error)))
    return FALSE;
  if (json_array_get_length (tools) != 2)
    return refuse (error, where, "tools", "expected exactly two tools, tool_a and tool_b");
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *item_where = g_strdup_printf ("%s.tools[%u]", where, i);
      JsonObject *tool = get_object (json_array_get_element (tools, i), where,
                                     i == 0 ? "tools[0]" : "tools[1]", error);

      if (tool == NULL || !check_tool (tool, item_where, schema_version, seen, error))
        return FALSE;
      if (!g_str_equal (get_string (tool, "uuid"), tool_uuids[i]))
        return refuse (error, item_where, "uuid", "is not %s, the comparison’s %s",
                       tool_uuids[i], i == 0 ? "tool_a" : "tool_b");
    }

  if (!(reviewers = vd_import_get_array (page, where, "reviewers", error)))
    return FALSE;
  n = json_array_get_length (reviewers);
  if (n != g_strv_length (panel))
    return refuse (error, where, "reviewers", "lists %u reviewers for a panel of %u", n,
                   g_strv_length (panel));
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *item_where = g_strdup_printf ("%s.reviewers[%u]", where, i);
      g_autofree char *key = g_strdup_printf ("reviewers[%u]", i);
      JsonObject *reviewer = get_object (json_array_get_element (reviewers, i), where, key,
                                         error);

      if (reviewer == NULL || !check_record (reviewer, item_where, "reviewer", FALSE, seen, error))
        return FALSE;
      if (!g_str_equal (get_string (reviewer, "uuid"), panel[i]))
        return refuse (error, item_where, "uuid", "is not panel[%u], %s", i, panel[i]);
    }

  if (!(split = vd_import_get_array (page, where, "split", error)) ||
      !check_split (split, where, schema_version, (const char * const *) panel, error))
    return FALSE;

  if (!(scorecards = vd_import_get_array (page, where, "scorecards", error)))
    return FALSE;
  n = json_array_get_length (scorecards);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *item_where = g_strdup_printf ("%s.scorecards[%u]", where, i);
      g_autofree char *key = g_strdup_printf ("scorecards[%u]", i);
      JsonObject *card = get_object (json_array_get_element (scorecards, i), where, key, error);
      const char *ref;

      if (card == NULL ||
          !check_record (card, item_where, "scorecard", TRUE, seen, error) ||
          !check_string (card, item_where, "comparison", is_uuid, "a lower-case uuid", error) ||
          !check_string (card, item_where, "tool", is_uuid, "a lower-case uuid", error) ||
          !check_string (card, item_where, "reviewer", is_uuid, "a lower-case uuid", error) ||
          !check_string (card, item_where, "quote", NULL, NULL, error) ||
          !check_string (card, item_where, "verdict",
                         schema_version == 1 ? is_verdict_v1 : is_verdict,
                         describe_verdicts (schema_version), error))
        return FALSE;

      if ((ref = get_string (card, "comparison")) != NULL && !g_str_equal (ref, uuid))
        return refuse (error, item_where, "comparison", "is not this comparison, %s", uuid);
      if ((ref = get_string (card, "tool")) != NULL &&
          !g_str_equal (ref, tool_uuids[0]) && !g_str_equal (ref, tool_uuids[1]))
        return refuse (error, item_where, "tool", "is neither tool_a nor tool_b");
      if ((ref = get_string (card, "reviewer")) != NULL &&
          !g_strv_contains ((const char * const *) panel, ref))
        return refuse (error, item_where, "reviewer", "%s is not on the panel", ref);
      if (ref != NULL && !check_sections_prompted (card, item_where, reviewers, ref, error))
        return FALSE;
      if (!json_object_has_member (card, "quote"))
        return refuse (error, item_where, "quote", "missing");
    }

  return TRUE;
}

/**
 * vd_import_check_top:
 *
 * The document's own members: "format", "schema_version", "comparisons" and
 * nothing else. The values are the header check's.
 */
gboolean
vd_import_check_top (JsonObject  *root,
                     GError     **error)
{
  static const char * const keys[] = { "format", "schema_version", "comparisons", NULL };
  g_autoptr(GList) members = json_object_get_members (root);

  for (const GList *l = members; l != NULL; l = l->next)
    if (!g_strv_contains (keys, l->data))
      return refuse (error, "document", l->data, "unknown field");

  return TRUE;
}
