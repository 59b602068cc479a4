/* vd-import.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Import is all or nothing: everything is merged inside one transaction, so
 * a bad document — or a good one that breaks a rule of the database halfway —
 * changes nothing.
 *
 * A newsroom's export runs to hundreds of megabytes, so the document is not
 * parsed as one tree: one pass over the text checks the nesting and finds the
 * pages of the top-level "comparisons" list; the document without them (its
 * "skeleton") is parsed and checked first, then each page is parsed, turned
 * into records and merged on its own, and its tree freed before the next.
 */
#include "config.h"

#include <json-glib/json-glib.h>

#include "vd-enum-types.h"
#include "vd-error.h"
#include "vd-export.h"
#include "vd-import.h"
#include "vd-import-check.h"
#include "vd-json-check.h"
#include "vd-record-json.h"

/* What the export adds beside each record's fields. */
static const char * const comparison_extras[] = { "tools", "reviewers", "split", "scorecards", NULL };
static const char * const tool_extras[] = { "pricing_label", "panel", "community", NULL };
static const char * const scorecard_extras[] = { "quote", NULL };

static JsonObject *
get_object (JsonArray   *array,
            guint        index,
            const char  *where,
            GError     **error)
{
  JsonNode *node = json_array_get_element (array, index);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, VD_IMPORT_ERROR, VD_IMPORT_ERROR_INVALID,
                   "%s: expected an object", where);
      return NULL;
    }

  return json_node_get_object (node);
}

/* Parses every object of @member into records of @type, appended to @records. */
static gboolean
parse_list (JsonObject          *object,
            const char          *member,
            GType                type,
            const char * const  *extras,
            const char          *where,
            GPtrArray           *records,
            GError             **error)
{
  JsonArray *array = vd_import_get_array (object, where, member, error);
  guint len;

  if (array == NULL)
    return FALSE;

  len = json_array_get_length (array);
  for (guint i = 0; i < len; i++)
    {
      g_autofree char *item_where = g_strdup_printf ("%s.%s[%u]", where, member, i);
      JsonObject *item = get_object (array, i, item_where, error);
      VdRecord *record;

      if (item == NULL ||
          !(record = vd_record_json_parse (type, item, extras, item_where, error)))
        return FALSE;

      g_ptr_array_add (records, record);

      /* A built-in persona's prompts are fixed; a document that says
       * otherwise was edited by hand and would not round-trip. */
      if (VD_IS_REVIEWER (record))
        {
          JsonArray *prompts = json_object_get_array_member (item, "prompts");
          const char * const *expected = vd_reviewer_get_prompts (VD_REVIEWER (record));
          gboolean same = json_array_get_length (prompts) == g_strv_length ((char **) expected);

          for (guint j = 0; same && expected[j] != NULL; j++)
            same = g_strcmp0 (json_array_get_string_element (prompts, j), expected[j]) == 0;

          if (!same)
            {
              g_set_error (error, VD_IMPORT_ERROR, VD_IMPORT_ERROR_INVALID,
                           "%s.prompts: a %s reviewer’s prompts are fixed and must be "
                           "the persona’s own", item_where,
                           vd_enum_to_nick (VD_TYPE_PERSONA,
                                            vd_reviewer_get_persona (VD_REVIEWER (record))));
              return FALSE;
            }
        }
    }

  return TRUE;
}

/* Checks the top of the document: an object of our format and schema
 * version, with a "comparisons" list, which it returns. */
static JsonArray *
check_header (JsonNode  *root,
              int       *schema_version,
              GError   **error)
{
  JsonObject *object;
  JsonNode *version;
  JsonNode *format_node;
  const char *format = NULL;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, VD_IMPORT_ERROR, VD_IMPORT_ERROR_INVALID,
                   "The document is not a Verdict Desk export (expected an object at the top)");
      return NULL;
    }

  object = json_node_get_object (root);
  if (!vd_import_check_top (object, error))
    return NULL;

  /* Not json_object_get_string_member_with_default(): it is critical about
   * a member that is an object or a list, which a hostile document has. */
  format_node = json_object_get_member (object, "format");
  if (format_node != NULL && JSON_NODE_HOLDS_VALUE (format_node) &&
      json_node_get_value_type (format_node) == G_TYPE_STRING)
    format = json_node_get_string (format_node);
  if (g_strcmp0 (format, VD_EXPORT_FORMAT) != 0)
    {
      g_set_error (error, VD_IMPORT_ERROR, VD_IMPORT_ERROR_INVALID,
                   "The document is not a Verdict Desk export (its \"format\" is not \"%s\")",
                   VD_EXPORT_FORMAT);
      return NULL;
    }

  version = json_object_get_member (object, "schema_version");
  if (version == NULL || !JSON_NODE_HOLDS_VALUE (version) ||
      json_node_get_value_type (version) != G_TYPE_INT64)
    {
      g_set_error (error, VD_IMPORT_ERROR, VD_IMPORT_ERROR_SCHEMA_VERSION,
                   "The document has no schema_version");
      return NULL;
    }
  if (json_node_get_int (version) < VD_EXPORT_SCHEMA_VERSION_MIN ||
      json_node_get_int (version) > VD_EXPORT_SCHEMA_VERSION)
    {
      g_set_error (error, VD_IMPORT_ERROR, VD_IMPORT_ERROR_SCHEMA_VERSION,
                   "The document has schema version %" G_GINT64_FORMAT "; this Verdict Desk "
                   "reads versions %d to %d", json_node_get_int (version),
                   VD_EXPORT_SCHEMA_VERSION_MIN, VD_EXPORT_SCHEMA_VERSION);
      return NULL;
    }
  *schema_version = (int) json_node_get_int (version);

  return vd_import_get_array (object, "document", "comparisons", error);
}

/* Turns one page into records in dependency order: its tools, reviewers,
 * the comparison, its scorecards. Nothing is written here. */
static GPtrArray *
parse_comparison (JsonNode    *node,
                  guint        index,
                  int          schema_version,
                  GHashTable  *seen,
                  GError     **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) scorecards = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *where = g_strdup_printf ("comparisons[%u]", index);
  JsonObject *item;
  VdRecord *comparison;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, VD_IMPORT_ERROR, VD_IMPORT_ERROR_INVALID,
                   "%s: expected an object", where);
      return NULL;
    }

  item = json_node_get_object (node);
  if (!vd_import_check_page (item, where, schema_version, seen, error))
    return NULL;

  if (!parse_list (item, "tools", VD_TYPE_TOOL, tool_extras, where, records, error) ||
      !parse_list (item, "reviewers", VD_TYPE_REVIEWER, NULL, where, records, error) ||
      !parse_list (item, "scorecards", VD_TYPE_SCORECARD, scorecard_extras, where,
                   scorecards, error) ||
      !(comparison = vd_record_json_parse (VD_TYPE_COMPARISON, item, comparison_extras,
                                           where, error)))
    return NULL;

  /* Version 1 had one word for "no verdict yet" and for abstaining, and
   * nobody could choose to abstain: its undecided meant no verdict. */
  if (schema_version == 1)
    for (guint i = 0; i < scorecards->len; i++)
      {
        VdScorecard *card = g_ptr_array_index (scorecards, i);

        if (vd_scorecard_get_verdict (card) == VD_VERDICT_UNDECIDED)
          vd_scorecard_set_verdict (card, VD_VERDICT_NONE);
      }

  g_ptr_array_add (records, comparison);
  g_ptr_array_extend_and_steal (records, g_steal_pointer (&scorecards));

  return g_steal_pointer (&records);
}

static const char *
record_name (VdRecord *record)
{
  if (VD_IS_COMPARISON (record))
    return vd_comparison_get_title (VD_COMPARISON (record));
  if (VD_IS_TOOL (record))
    return vd_tool_get_name (VD_TOOL (record));
  if (VD_IS_REVIEWER (record))
    return vd_reviewer_get_name (VD_REVIEWER (record));
  return NULL;
}

/* Notes what the merge decided for @record in @preview, by name; a
 * scorecard is named by its reviewer and tool, found among @records (the
 * page names every tool and reviewer its scorecards refer to). */
static void
note_outcome (VdImportPreview *preview,
              GPtrArray       *records,
              VdRecord        *record,
              VdImportOutcome  outcome)
{
  VdImportItem item = { G_OBJECT_TYPE (record), NULL, NULL };

  if (!g_hash_table_add (preview->noted, g_strdup (vd_record_get_uuid (record))))
    return;

  if (VD_IS_SCORECARD (record))
    {
      VdScorecard *card = VD_SCORECARD (record);
      const char *tool = vd_scorecard_get_tool (card);
      const char *reviewer = vd_scorecard_get_reviewer (card);

      for (guint i = 0; i < records->len; i++)
        {
          VdRecord *other = g_ptr_array_index (records, i);

          if (VD_IS_TOOL (other) && g_strcmp0 (vd_record_get_uuid (other), tool) == 0)
            tool = vd_tool_get_name (VD_TOOL (other));
          else if (VD_IS_REVIEWER (other) &&
                   g_strcmp0 (vd_record_get_uuid (other), reviewer) == 0)
            reviewer = vd_reviewer_get_name (VD_REVIEWER (other));
        }
      item.name = g_strdup (reviewer);
      item.tool = g_strdup (tool);
    }
  else
    item.name = g_strdup (record_name (record));

  g_array_append_val (preview->items[outcome], item);
}

/* Merges @records inside the caller's transaction; with @preview, notes
 * each decision there too. */
static gboolean
merge (VdStore          *store,
       GPtrArray        *records,
       VdImportStats    *stats,
       VdImportPreview  *preview,
       GError          **error)
{
  for (guint i = 0; i < records->len; i++)
    {
      VdRecord *record = g_ptr_array_index (records, i);
      gint64 stored_updated = 0;
      g_autoptr(GError) local_error = NULL;
      gboolean exists;

      exists = vd_store_contains (store, G_OBJECT_TYPE (record), vd_record_get_uuid (record),
                                  &stored_updated, &local_error);
      if (local_error != NULL)
        goto failed;

      /* Newer wins; on a tie the stored copy stays, so importing the same
       * document twice changes nothing. A record that loses is still
       * checked: a document with a bad record is refused whole. */
      if (exists && stored_updated >= vd_record_get_updated (record))
        {
          if (!vd_store_check (store, record, &local_error))
            goto failed;

          stats->unchanged++;
          if (preview != NULL)
            note_outcome (preview, records, record,
                          stored_updated > vd_record_get_updated (record)
                          ? VD_IMPORT_OLDER : VD_IMPORT_UNCHANGED);
          continue;
        }

      if (!vd_store_put (store, record, &local_error))
        goto failed;

      if (exists)
        stats->updated++;
      else
        stats->added++;
      if (preview != NULL)
        note_outcome (preview, records, record, exists ? VD_IMPORT_UPDATED : VD_IMPORT_ADDED);
      continue;

failed:
      g_set_error (error, VD_IMPORT_ERROR, VD_IMPORT_ERROR_INVALID,
                   "Nothing was imported: %s", local_error->message);
      return FALSE;
    }

  return TRUE;
}

/* Where the pages are: the text of the top-level "comparisons" list, from
 * its "[" to its "]", and each element's extent inside it. */
typedef struct
{
  gsize   open;       /* offset of "[" */
  gsize   close;      /* offset of "]" */
  GArray *pages;      /* PageSpan */
} Layout;

typedef struct
{
  gsize start;
  gsize end;          /* one past the last byte */
} PageSpan;

static gsize
skip_space (const char *data,
            gsize       len,
            gsize       i)
{
  while (i < len && (data[i] == ' ' || data[i] == '\t' || data[i] == '\n' || data[i] == '\r'))
    i++;
  return i;
}

/* One pass over the text: refuses nesting deeper than VD_IMPORT_MAX_DEPTH
 * (json-glib parses by recursion, so this runs before it sees anything) and
 * finds the pages. Brackets inside strings do not count. Returns with
 * layout->pages NULL when the document is not laid out as expected (no such
 * list, or two); it is then parsed whole, which reports what is wrong. */
static gboolean
scan_document (const char  *data,
               gsize        len,
               Layout      *layout,
               GError     **error)
{
  guint depth = 0;
  guint n_lists = 0;
  gboolean in_list = FALSE;     /* directly inside the "comparisons" list */
  gsize page_start = 0;
  gboolean in_page = FALSE;
  gboolean after_comma = FALSE;
  gboolean broken = FALSE;      /* not laid out as expected: parse it whole */
  g_autoptr(GArray) pages = g_array_new (FALSE, FALSE, sizeof (PageSpan));

  layout->pages = NULL;

  for (gsize i = 0; i < len; i++)
    {
      char c = data[i];

      if (in_list && !in_page && c != ' ' && c != '\t' && c != '\n' && c != '\r' &&
          c != ',' && c != ']')
        {
          in_page = TRUE;
          after_comma = FALSE;
          page_start = i;
        }

      switch (c)
        {
        case '"':
          {
            gsize start = i + 1;

            /* Skip the string; memchr finds the candidates fast. */
            for (i = start; i < len; i++)
              {
                const char *quote = memchr (data + i, '"', len - i);
                gsize backslashes = 0;

                if (quote == NULL)
                  {
                    i = len;
                    break;
                  }
                i = quote - data;
                while (i - backslashes > start && data[i - backslashes - 1] == '\\')
                  backslashes++;
                if (backslashes % 2 == 0)
                  break;
              }

            /* A member name of the top-level object, followed by a list. */
            if (depth == 1 && i < len && i - start == strlen ("comparisons") &&
                memcmp (data + start, "comparisons", i - start) == 0)
              {
                gsize j = skip_space (data, len, i + 1);

                if (j < len && data[j] == ':')
                  {
                    j = skip_space (data, len, j + 1);
                    n_lists++;
                    if (j < len && data[j] == '[')
                      {
                        layout->open = j;
                        in_list = TRUE;
                        depth++;
                        i = j;
                      }
                  }
              }
          }
          break;

        case '[':
        case '{':
          if (++depth > VD_IMPORT_MAX_DEPTH)
            {
              g_set_error (error, VD_IMPORT_ERROR, VD_IMPORT_ERROR_TOO_DEEP,
                           "The document nests deeper than %d levels; it is not a "
                           "Verdict Desk export", VD_IMPORT_MAX_DEPTH);
              return FALSE;
            }
          break;

        case ']':
        case '}':
          if (in_list && depth == 2)
            {
              /* A "}" here, or a "]" after a comma, is broken JSON; json-glib
               * says so when it parses the document whole. */
              if (c == '}' || after_comma)
                broken = TRUE;
              if (in_page)
                {
                  PageSpan span = { page_start, i };

                  g_array_append_val (pages, span);
                  in_page = FALSE;
                }
              layout->close = i;
              in_list = FALSE;
            }
          if (depth > 0)
            depth--;
          break;

        case ',':
          if (in_list && depth == 2)
            {
              PageSpan span = { page_start, i };

              /* An empty element (",,") is kept empty: parsing it fails. */
              if (!in_page)
                span.start = span.end = i;
              g_array_append_val (pages, span);
              in_page = FALSE;
              after_comma = TRUE;
            }
          break;

        default:
          break;
        }
    }

  if (n_lists == 1 && !broken && !in_list && layout->close > layout->open)
    layout->pages = g_steal_pointer (&pages);

  return TRUE;
}

static gboolean
parse_json (JsonParser   *parser,
            const char   *data,
            gsize         len,
            const char   *where,
            GError      **error)
{
  g_autoptr(GError) local_error = NULL;

  if (len == 0 || !json_parser_load_from_data (parser, data, len, &local_error))
    {
      g_set_error (error, VD_IMPORT_ERROR, VD_IMPORT_ERROR_PARSE,
                   "The document is not valid JSON: %s%s", where ? where : "",
                   local_error ? local_error->message : "an element of a list is missing");
      return FALSE;
    }

  return TRUE;
}

/* Parses and merges every page, inside the caller's transaction. */
static gboolean
import_pages (VdStore        *store,
              const char     *data,
              Layout         *layout,
              int             schema_version,
              GHashTable     *seen,
              VdImportStats  *stats,
              VdImportPreview *preview,
              GError        **error)
{
  for (guint i = 0; i < layout->pages->len; i++)
    {
      PageSpan *span = &g_array_index (layout->pages, PageSpan, i);
      /* Not immutable: sealing hashes every node of a tree that lives for
       * one page only. */
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GPtrArray) records = NULL;
      g_autofree char *where = g_strdup_printf ("comparisons[%u]: ", i);
      gsize len = span->end - span->start;

      if (len > VD_IMPORT_MAX_PAGE_SIZE)
        {
          g_set_error (error, VD_IMPORT_ERROR, VD_IMPORT_ERROR_TOO_LARGE,
                       "comparisons[%u] is larger than %" G_GSIZE_FORMAT " MiB", i,
                       VD_IMPORT_MAX_PAGE_SIZE / (1024 * 1024));
          return FALSE;
        }

      if (!parse_json (parser, data + span->start, len, where, error) ||
          !(records = parse_comparison (json_parser_get_root (parser), i, schema_version, seen,
                                        error)) ||
          !merge (store, records, stats, preview, error))
        return FALSE;

      stats->comparisons++;
    }

  return TRUE;
}

/* The document as one tree: for documents laid out other than the export
 * lays them out, which are small or broken. */
static gboolean
import_whole (VdStore        *store,
              const char     *data,
              gsize           len,
              GHashTable     *seen,
              VdImportStats  *stats,
              VdImportPreview *preview,
              GError        **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  JsonArray *array;
  int schema_version = 0;
  guint n;

  if (len > VD_IMPORT_MAX_PAGE_SIZE)
    {
      g_set_error (error, VD_IMPORT_ERROR, VD_IMPORT_ERROR_TOO_LARGE,
                   "The document is larger than %" G_GSIZE_FORMAT " MiB and not laid out as "
                   "a Verdict Desk export", VD_IMPORT_MAX_PAGE_SIZE / (1024 * 1024));
      return FALSE;
    }

  if (!parse_json (parser, data, len, NULL, error) ||
      !(array = check_header (json_parser_get_root (parser), &schema_version, error)))
    return FALSE;

  n = json_array_get_length (array);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GPtrArray) records = NULL;

      if (!(records = parse_comparison (json_array_get_element (array, i), i, schema_version,
                                        seen, error)) ||
          !merge (store, records, stats, preview, error))
        return FALSE;

      stats->comparisons++;
    }

  return TRUE;
}

/* For a document with at least as many pages as the store has comparisons
 * (an import into a new database), drops the store's indexes until the
 * commit: built once at the end, they cost less than kept up row by row. */
static gboolean
maybe_defer_indexes (VdStore       *store,
                     const Layout  *layout,
                     GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  guint stored;

  if (layout->pages == NULL)
    return TRUE;

  stored = vd_store_count (store, VD_TYPE_COMPARISON, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return layout->pages->len < stored || vd_store_defer_indexes (store, error);
}

/* With @preview, a dry run: every check and every merge decision runs in a
 * transaction that is rolled back, so the file keeps every byte. */
static gboolean
import_bytes (VdStore          *store,
              GBytes           *bytes,
              VdImportStats    *stats,
              VdImportPreview  *preview,
              GError          **error)
{
  VdImportStats local_stats = { 0 };
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  Layout layout = { 0 };
  int schema_version = 0;
  gboolean ok;
  gsize len;
  const char *data;

  g_return_val_if_fail (VD_IS_STORE (store), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);

  data = g_bytes_get_data (bytes, &len);
  if (len > VD_IMPORT_MAX_SIZE)
    {
      g_set_error (error, VD_IMPORT_ERROR, VD_IMPORT_ERROR_TOO_LARGE,
                   "The document is larger than %" G_GUINT64_FORMAT " MiB",
                   VD_IMPORT_MAX_SIZE / (1024 * 1024));
      return FALSE;
    }

  if (len == 0)
    {
      g_set_error (error, VD_IMPORT_ERROR, VD_IMPORT_ERROR_PARSE,
                   "The document is empty, not JSON");
      return FALSE;
    }

  /* Strict JSON first: everything below reads the document as json-glib
   * does, which is more than RFC 8259 allows. */
  if (!vd_json_check (data, len, VD_IMPORT_MAX_DEPTH, error) ||
      !scan_document (data, len, &layout, error))
    return FALSE;

  if (layout.pages != NULL)
    {
      /* The skeleton: the document with the list emptied, "[" and "]" kept. */
      g_autoptr(JsonParser) parser = json_parser_new_immutable ();
      g_autoptr(GString) skeleton = g_string_sized_new (layout.open + 1 + len - layout.close);

      g_string_append_len (skeleton, data, layout.open + 1);
      g_string_append_len (skeleton, data + layout.close, len - layout.close);

      if (!parse_json (parser, skeleton->str, skeleton->len, NULL, error) ||
          !check_header (json_parser_get_root (parser), &schema_version, error))
        {
          g_array_unref (layout.pages);
          return FALSE;
        }
    }

  /* Nothing is written to a damaged file: the write would fail halfway,
   * and a refused import must leave every byte of the file as it was. For
   * the same reason bulk mode starts inside the transaction, where it keeps
   * the file in WAL: a journal switch writes the header, refused or not. */
  if (!vd_store_check_integrity (store, error) ||
      !vd_store_begin (store, error))
    {
      g_clear_pointer (&layout.pages, g_array_unref);
      return FALSE;
    }
  vd_store_set_bulk (store, TRUE);

  ok = preview != NULL || maybe_defer_indexes (store, &layout, error);
  if (ok && layout.pages != NULL)
    ok = import_pages (store, data, &layout, schema_version, seen, &local_stats, preview, error);
  else if (ok)
    ok = import_whole (store, data, len, seen, &local_stats, preview, error);
  g_clear_pointer (&layout.pages, g_array_unref);

  if (ok && preview == NULL)
    ok = vd_store_commit (store, error);
  else
    vd_store_rollback (store);
  vd_store_set_bulk (store, FALSE);

  if (!ok)
    return FALSE;

  if (stats != NULL)
    *stats = local_stats;
  if (preview != NULL)
    preview->stats = local_stats;

  return TRUE;
}

/* import_bytes(), with the message made printable. */
static gboolean
run_bytes (VdStore          *store,
           GBytes           *bytes,
           VdImportStats    *stats,
           VdImportPreview  *preview,
           GError          **error)
{
  g_autoptr(GError) local_error = NULL;

  if (import_bytes (store, bytes, stats, preview, &local_error))
    return TRUE;

  /* Messages quote the document (a member's name, a tool's name), which
   * may hold a newline or an escape sequence for the terminal. */
  {
    g_autofree char *message = vd_json_dup_printable (local_error->message);

    g_set_error_literal (error, local_error->domain, local_error->code, message);
  }
  return FALSE;
}

/**
 * vd_import_from_bytes:
 * @stats: (out) (optional): what the merge did
 *
 * Merges an exported document into @store by uuid; of two copies of a
 * record, the one with the newer "updated" wins. On any error nothing in the
 * database changes and the message names the problem and where it is, on
 * one line.
 */
gboolean
vd_import_from_bytes (VdStore        *store,
                      GBytes         *bytes,
                      VdImportStats  *stats,
                      GError        **error)
{
  g_return_val_if_fail (VD_IS_STORE (store), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);

  return run_bytes (store, bytes, stats, NULL, error);
}

/* Reads @stream to its end, at most %VD_IMPORT_MAX_SIZE bytes. */
static GBytes *
read_stream (GInputStream  *stream,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(GByteArray) buffer = g_byte_array_sized_new (1024 * 1024);
  g_autoptr(GError) local_error = NULL;
  gsize total = 0;

  for (;;)
    {
      gsize chunk = MAX (64 * 1024, MIN (total, (gsize) 64 * 1024 * 1024));
      gssize n;

      /* Read straight into the buffer, which grows by doubling. */
      g_byte_array_set_size (buffer, total + chunk);
      n = g_input_stream_read (stream, buffer->data + total, chunk, cancellable, &local_error);
      if (n < 0)
        {
          g_set_error (error, VD_IMPORT_ERROR, VD_IMPORT_ERROR_PARSE,
                       "Could not read the document: %s", local_error->message);
          return NULL;
        }
      if (n == 0)
        break;

      total += n;
      if (total > VD_IMPORT_MAX_SIZE)
        {
          g_set_error (error, VD_IMPORT_ERROR, VD_IMPORT_ERROR_TOO_LARGE,
                       "The document is larger than %" G_GUINT64_FORMAT " MiB",
                       VD_IMPORT_MAX_SIZE / (1024 * 1024));
          return NULL;
        }
    }

  g_byte_array_set_size (buffer, total);
  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}

/* The document in @file; a local regular file is mapped rather than
 * copied into memory. */
static GBytes *
read_file (GFile         *file,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(GFileInputStream) in = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *path = g_file_get_path (file);

  if (path != NULL && g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_autoptr(GMappedFile) mapped = g_mapped_file_new (path, FALSE, NULL);

      if (mapped != NULL && g_mapped_file_get_length (mapped) > 0)
        return g_mapped_file_get_bytes (mapped);
    }

  if (!(in = g_file_read (file, cancellable, &local_error)))
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_set_error (error, VD_IMPORT_ERROR, VD_IMPORT_ERROR_PARSE,
                   "Could not read “%s”: %s", name, local_error->message);
      return NULL;
    }

  return read_stream (G_INPUT_STREAM (in), cancellable, error);
}

/**
 * vd_import_from_stream:
 *
 * Reads @stream to its end (at most %VD_IMPORT_MAX_SIZE bytes), then imports.
 */
gboolean
vd_import_from_stream (VdStore        *store,
                       GInputStream   *stream,
                       VdImportStats  *stats,
                       GCancellable   *cancellable,
                       GError        **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (VD_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), FALSE);

  if (!(bytes = read_stream (stream, cancellable, error)))
    return FALSE;

  return run_bytes (store, bytes, stats, NULL, error);
}

gboolean
vd_import_from_file (VdStore        *store,
                     GFile          *file,
                     VdImportStats  *stats,
                     GCancellable   *cancellable,
                     GError        **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (VD_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!(bytes = read_file (file, cancellable, error)))
    return FALSE;

  return run_bytes (store, bytes, stats, NULL, error);
}

static void
clear_item (gpointer data)
{
  g_free (((VdImportItem *) data)->name);
  g_free (((VdImportItem *) data)->tool);
}

void
vd_import_preview_free (VdImportPreview *preview)
{
  if (preview == NULL)
    return;
  for (guint i = 0; i < VD_IMPORT_N_OUTCOMES; i++)
    g_clear_pointer (&preview->items[i], g_array_unref);
  g_clear_pointer (&preview->noted, g_hash_table_unref);
  g_free (preview);
}

/**
 * vd_import_preview_bytes:
 *
 * A dry run of vd_import_from_bytes(): the same checks and the same merge
 * decisions, inside a transaction that is rolled back, so the database does
 * not change. Returns what the import would do, record by record, or %NULL
 * with the error the import would give.
 */
VdImportPreview *
vd_import_preview_bytes (VdStore  *store,
                         GBytes   *bytes,
                         GError  **error)
{
  g_autoptr(VdImportPreview) preview = g_new0 (VdImportPreview, 1);

  g_return_val_if_fail (VD_IS_STORE (store), NULL);
  g_return_val_if_fail (bytes != NULL, NULL);

  for (guint i = 0; i < VD_IMPORT_N_OUTCOMES; i++)
    {
      preview->items[i] = g_array_new (FALSE, FALSE, sizeof (VdImportItem));
      g_array_set_clear_func (preview->items[i], clear_item);
    }
  preview->noted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (!run_bytes (store, bytes, NULL, preview, error))
    return NULL;

  return g_steal_pointer (&preview);
}

VdImportPreview *
vd_import_preview_file (VdStore       *store,
                        GFile         *file,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (VD_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (!(bytes = read_file (file, cancellable, error)))
    return NULL;

  return vd_import_preview_bytes (store, bytes, error);
}
