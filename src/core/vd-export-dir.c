/* vd-export-dir.c — the website's export as a folder: one file per page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A static site rebuilds what changed, so each page is its own file,
 * `<slug>.json`, holding exactly the document `--export-json - --comparison
 * SLUG` writes, and `index.json` lists them. A file whose content is the same
 * is not touched (its bytes and time stamp stay). Every changed file is first
 * written in full beside its place, and only once all of them are written are
 * they renamed in, the index last: a failure (a full disk, a file-size limit)
 * before that leaves every file of the folder as it was.
 *
 * The index is also the export's memory of what it wrote: a page it listed
 * that is no longer exported is removed (if the file is still one of the
 * desk's documents); nothing else in the folder ever is,
 * and a file in the way that the desk did not write is never overwritten.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <unistd.h>

#include "vd-enum-types.h"
#include "vd-error.h"
#include "vd-export-private.h"
#include "vd-record-json.h"

/* An index this large was not written by the desk (5,000 pages take 2 MiB). */
#define MAX_INDEX_SIZE (64 * 1024 * 1024)

/* One page as the index lists it. */
typedef struct
{
  char *slug;
  char *title;
  char *status;
  char *publish_date;
  char *updated;
} IndexEntry;

static void
index_entry_free (gpointer data)
{
  IndexEntry *entry = data;

  /* A slot whose entry moved to another list. */
  if (entry == NULL)
    return;
  g_free (entry->slug);
  g_free (entry->title);
  g_free (entry->status);
  g_free (entry->publish_date);
  g_free (entry->updated);
  g_free (entry);
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const IndexEntry *first = *(IndexEntry * const *) a;
  const IndexEntry *second = *(IndexEntry * const *) b;

  return strcmp (first->slug, second->slug);
}

static char *
page_file_name (const char *slug)
{
  return g_strconcat (slug, ".json", NULL);
}

static gboolean
not_our_index (const char  *path,
               const char  *why,
               GError     **error)
{
  g_set_error (error, VD_EXPORT_ERROR, VD_EXPORT_ERROR_WRITE,
               "“%s” is not an index this desk wrote (%s), so nothing in the folder was changed",
               path, why);
  return FALSE;
}

static const char *
string_member (JsonObject *object,
               const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

/* The pages an earlier export listed, in @entries; none when there is no
 * index yet. */
static gboolean
read_index (const char  *path,
            GPtrArray   *entries,
            GError     **error)
{
  static const char * const members[] = { "slug", "title", "status", "publish_date", "updated" };
  g_autoptr(GError) local_error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *text = NULL;
  gsize len;
  JsonNode *root;
  JsonObject *object;
  JsonArray *pages;

  if (!g_file_get_contents (path, &text, &len, &local_error))
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return TRUE;
      g_set_error (error, VD_EXPORT_ERROR, VD_EXPORT_ERROR_WRITE,
                   "Could not read “%s”: %s", path, local_error->message);
      return FALSE;
    }

  if (len > MAX_INDEX_SIZE || !json_parser_load_from_data (parser, text, len, NULL) ||
      !JSON_NODE_HOLDS_OBJECT ((root = json_parser_get_root (parser))))
    return not_our_index (path, "not a JSON object", error);

  object = json_node_get_object (root);
  if (g_strcmp0 (string_member (object, "format"), VD_EXPORT_INDEX_FORMAT) != 0)
    return not_our_index (path, "its format is not " VD_EXPORT_INDEX_FORMAT, error);
  if (!json_object_has_member (object, "comparisons") ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "comparisons")))
    return not_our_index (path, "no list of comparisons", error);

  pages = json_object_get_array_member (object, "comparisons");
  for (guint i = 0; i < json_array_get_length (pages); i++)
    {
      JsonNode *node = json_array_get_element (pages, i);
      const char *values[G_N_ELEMENTS (members)];
      IndexEntry *entry;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return not_our_index (path, "a listed page is not an object", error);
      for (guint m = 0; m < G_N_ELEMENTS (members); m++)
        if (!(values[m] = string_member (json_node_get_object (node), members[m])))
          return not_our_index (path, "a listed page lacks a member", error);
      /* The slug names a file that a later export may remove: never a path. */
      if (!vd_slug_is_valid (values[0]))
        return not_our_index (path, "a listed slug is not a slug", error);

      entry = g_new0 (IndexEntry, 1);
      entry->slug = g_strdup (values[0]);
      entry->title = g_strdup (values[1]);
      entry->status = g_strdup (values[2]);
      entry->publish_date = g_strdup (values[3]);
      entry->updated = g_strdup (values[4]);
      g_ptr_array_add (entries, entry);
    }

  return TRUE;
}

static IndexEntry *
entry_for (VdComparison *comparison,
           gint64        updated)
{
  IndexEntry *entry = g_new0 (IndexEntry, 1);

  entry->slug = g_strdup (vd_comparison_get_slug (comparison));
  entry->title = g_strdup (vd_comparison_get_title (comparison));
  entry->status = g_strdup (vd_enum_to_nick (VD_TYPE_STATUS, vd_comparison_get_status (comparison)));
  entry->publish_date = g_strdup (vd_comparison_get_publish_date (comparison));
  entry->updated = vd_json_format_timestamp (updated);
  return entry;
}

/* The index in the export's layout: the document's frame, one object per
 * page in slug order. */
static void
format_index (GPtrArray *entries,
              GString   *out)
{
  g_autofree char *head = _vd_export_dup_head (VD_EXPORT_INDEX_FORMAT);

  g_string_assign (out, head);
  for (guint i = 0; i < entries->len; i++)
    {
      IndexEntry *entry = g_ptr_array_index (entries, i);
      g_autofree char *file = page_file_name (entry->slug);
      VdJsonWriter writer;

      g_string_append (out, _vd_export_item_separator (i));
      vd_json_writer_init (&writer, out, 4);
      vd_json_writer_begin_object (&writer, NULL);
      vd_json_writer_string (&writer, "slug", entry->slug);
      vd_json_writer_string (&writer, "file", file);
      vd_json_writer_string (&writer, "title", entry->title);
      vd_json_writer_string (&writer, "status", entry->status);
      vd_json_writer_string (&writer, "publish_date", entry->publish_date);
      vd_json_writer_string (&writer, "updated", entry->updated);
      vd_json_writer_end_object (&writer);
    }
  g_string_append (out, _vd_export_tail (entries->len));
}

/* A file written in full beside its place, waiting to be renamed in. */
typedef struct
{
  char *path;
  char *temp;
} Staged;

static void
staged_free (gpointer data)
{
  Staged *staged = data;

  /* Still here: the export failed before renaming it in. */
  if (staged->temp != NULL)
    g_unlink (staged->temp);
  g_free (staged->path);
  g_free (staged->temp);
  g_free (staged);
}

static gboolean
write_error (const char  *path,
             int          saved_errno,
             GError     **error)
{
  g_set_error (error, VD_EXPORT_ERROR, VD_EXPORT_ERROR_WRITE, "Could not write “%s”: %s", path,
               g_strerror (saved_errno));
  return FALSE;
}

/* Writes @text to a new hidden file in @path's folder and syncs it. */
static char *
write_temp (const char  *path,
            GString     *text,
            GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *name = g_strdup_printf (".%s-XXXXXX", base);
  g_autofree char *temp = g_build_filename (dir, name, NULL);
  gsize done = 0;
  int fd;

  if ((fd = g_mkstemp_full (temp, O_WRONLY | O_CLOEXEC, 0666)) < 0)
    {
      write_error (path, errno, error);
      return NULL;
    }

  while (done < text->len)
    {
      gssize n = write (fd, text->str + done, text->len - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          int saved_errno = n < 0 ? errno : ENOSPC;

          close (fd);
          g_unlink (temp);
          write_error (path, saved_errno, error);
          return NULL;
        }
      done += n;
    }

  if (g_fsync (fd) != 0 || close (fd) != 0)
    {
      int saved_errno = errno;

      g_unlink (temp);
      write_error (path, saved_errno, error);
      return NULL;
    }

  return g_steal_pointer (&temp);
}

/* The desk's documents all begin so (see vd_export_to_stream()). */
static gboolean
is_desk_document (const char *text,
                  gsize       len)
{
  g_autofree char *head = _vd_export_dup_head (VD_EXPORT_FORMAT);
  gsize prefix = strlen ("{\n  \"format\" : \"" VD_EXPORT_FORMAT "\"");

  return len >= prefix && memcmp (text, head, prefix) == 0;
}

/* Stages @text for @path unless the file already holds it. A file there that
 * the index does not list (@listed) is overwritten only if it is one of the
 * desk's documents. */
static gboolean
stage_file (const char        *path,
            GString           *text,
            gboolean           listed,
            GPtrArray         *staged,
            VdExportDirStats  *stats,
            GError           **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *current = NULL;
  gsize len = 0;
  Staged *item;

  if (g_file_get_contents (path, &current, &len, &local_error))
    {
      if (len == text->len && memcmp (current, text->str, len) == 0)
        {
          stats->unchanged++;
          return TRUE;
        }
      if (!listed && !is_desk_document (current, len))
        {
          g_set_error (error, VD_EXPORT_ERROR, VD_EXPORT_ERROR_WRITE,
                       "“%s” was not written by Verdict Desk, so it is left as it is", path);
          return FALSE;
        }
    }
  else if (!g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
    {
      g_set_error (error, VD_EXPORT_ERROR, VD_EXPORT_ERROR_WRITE, "Could not read “%s”: %s",
                   path, local_error->message);
      return FALSE;
    }

  item = g_new0 (Staged, 1);
  item->path = g_strdup (path);
  g_ptr_array_add (staged, item);
  if (!(item->temp = write_temp (path, text, error)))
    return FALSE;

  return TRUE;
}

/* A page the index lists, still one of the desk's documents: someone may
 * have put a file of their own in its place since. */
static gboolean
is_ours_to_remove (const char *path)
{
  g_autofree char *text = NULL;
  gsize len = 0;

  return g_file_get_contents (path, &text, &len, NULL) && is_desk_document (text, len);
}

static gboolean
in_entries (GPtrArray  *entries,
            const char *slug)
{
  for (guint i = 0; i < entries->len; i++)
    if (g_str_equal (((IndexEntry *) g_ptr_array_index (entries, i))->slug, slug))
      return TRUE;

  return FALSE;
}

/* Writes each selected page to @staged (those that changed) and its entry
 * to @entries, from one read transaction. */
static gboolean
stage_pages (VdStore           *store,
             const char        *slug,
             const char        *dir,
             GPtrArray         *previous,
             GPtrArray         *entries,
             GPtrArray         *staged,
             VdExportDirStats  *stats,
             GCancellable      *cancellable,
             GError           **error)
{
  g_autoptr(GPtrArray) comparisons = NULL;
  g_autoptr(GString) text = g_string_sized_new (64 * 1024);
  gboolean ok = FALSE;

  if (!vd_store_begin_read (store, error))
    return FALSE;

  if (!(comparisons = _vd_export_select (store, slug, error)) ||
      (slug == NULL && !_vd_export_check_complete (store, comparisons, error)))
    goto out;

  for (guint i = 0; i < comparisons->len; i++)
    {
      VdComparison *comparison = g_ptr_array_index (comparisons, i);
      const char *page_slug = vd_comparison_get_slug (comparison);
      g_autofree char *head = _vd_export_dup_head (VD_EXPORT_FORMAT);
      g_autofree char *name = page_file_name (page_slug);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      gint64 updated = 0;

      if (g_str_equal (name, VD_EXPORT_INDEX_NAME))
        {
          g_set_error (error, VD_EXPORT_ERROR, VD_EXPORT_ERROR_WRITE,
                       "Nothing was exported: the page of the slug “%s” would be the folder's "
                       VD_EXPORT_INDEX_NAME "; give that comparison another slug", page_slug);
          goto out;
        }

      /* Byte for byte the one-page document vd_export_to_stream() writes. */
      g_string_assign (text, head);
      g_string_append (text, _vd_export_item_separator (0));
      if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
          !_vd_export_write_comparison (store, comparison, text, &updated, error))
        goto out;
      g_string_append (text, _vd_export_tail (1));

      if (!stage_file (path, text, in_entries (previous, page_slug), staged, stats, error))
        goto out;
      g_ptr_array_add (entries, entry_for (comparison, updated));
    }

  stats->exported = comparisons->len;
  ok = TRUE;

out:
  vd_store_end_read (store);
  return ok;
}

/**
 * vd_export_to_directory:
 * @slug: (nullable): the one comparison to write (in any state), or %NULL
 *   for every ready and published one
 * @directory: an existing folder
 * @stats: (out) (optional): what was written
 *
 * Writes each page to `<slug>.json` in @directory, the same document as
 * vd_export_to_stream() with its slug, and lists them in `index.json`
 * (slug, file, title, status, publish date, and when the page last changed:
 * the newest of its records). Only files whose content changed are written.
 *
 * Without @slug the folder becomes the website's set: the readiness rules
 * apply as for the single document (%VD_EXPORT_ERROR_NOT_READY, nothing
 * written), and a page the previous index listed that is not exported any
 * more is removed, unless its file is no longer one of the desk's. With @slug, that page is written and its entry added to
 * or replaced in the index, every other entry and file kept: a preview
 * beside the published pages, until the next full export removes it.
 *
 * Nothing in the folder changes unless every changed file could be written;
 * a file in the way that the desk did not write, or an index that is not
 * the desk's, is an error and changes nothing.
 */
gboolean
vd_export_to_directory (VdStore           *store,
                        const char        *slug,
                        GFile             *directory,
                        VdExportDirStats  *stats,
                        GCancellable      *cancellable,
                        GError           **error)
{
  g_autoptr(GPtrArray) previous = g_ptr_array_new_with_free_func (index_entry_free);
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (index_entry_free);
  g_autoptr(GPtrArray) staged = g_ptr_array_new_with_free_func (staged_free);
  g_autoptr(GString) index_text = g_string_new (NULL);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *index_path = NULL;
  g_autofree char *name = NULL;
  VdExportDirStats counts = { 0 };

  g_return_val_if_fail (VD_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (directory), FALSE);

  name = g_file_get_parse_name (directory);
  dir = g_file_get_path (directory);
  if (dir == NULL || !g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, VD_EXPORT_ERROR, VD_EXPORT_ERROR_NOT_FOUND,
                   "There is no folder “%s” to export to; create it first", name);
      return FALSE;
    }

  index_path = g_build_filename (dir, VD_EXPORT_INDEX_NAME, NULL);
  if (!read_index (index_path, previous, error))
    return FALSE;

  if (!stage_pages (store, slug, dir, previous, entries, staged, &counts, cancellable,
                    &local_error))
    goto failed;

  if (slug != NULL)
    {
      /* One page: the others stay listed as they were. */
      for (guint i = 0; i < previous->len; i++)
        {
          IndexEntry *entry = g_ptr_array_index (previous, i);

          if (!g_str_equal (entry->slug, slug))
            g_ptr_array_add (entries, g_steal_pointer (&previous->pdata[i]));
        }
      g_ptr_array_sort (entries, compare_entries);
    }

  format_index (entries, index_text);
  if (!stage_file (index_path, index_text, TRUE, staged, &counts, &local_error))
    goto failed;

  /* Everything is written: rename it in, the index last (it was staged
   * last), so that a site reading now finds every file its index names. */
  for (guint i = 0; i < staged->len; i++)
    {
      Staged *item = g_ptr_array_index (staged, i);

      if (g_rename (item->temp, item->path) != 0)
        {
          int saved_errno = errno;

          g_set_error (error, VD_EXPORT_ERROR, VD_EXPORT_ERROR_WRITE,
                       "Could not put “%s” in place: %s; the export of “%s” is incomplete",
                       item->path, g_strerror (saved_errno), name);
          return FALSE;
        }
      g_clear_pointer (&item->temp, g_free);
      counts.written++;
    }

  for (guint i = 0; slug == NULL && i < previous->len; i++)
    {
      IndexEntry *entry = g_ptr_array_index (previous, i);
      g_autofree char *file = NULL;
      g_autofree char *path = NULL;

      if (entry == NULL || in_entries (entries, entry->slug))
        continue;

      file = page_file_name (entry->slug);
      path = g_build_filename (dir, file, NULL);
      if (!is_ours_to_remove (path))
        continue;
      if (g_unlink (path) != 0 && errno != ENOENT)
        {
          int saved_errno = errno;

          g_set_error (error, VD_EXPORT_ERROR, VD_EXPORT_ERROR_WRITE,
                       "Exported, but could not remove “%s”, which is no longer exported: %s",
                       path, g_strerror (saved_errno));
          return FALSE;
        }
      counts.removed++;
    }

  if (stats != NULL)
    *stats = counts;

  return TRUE;

failed:
  if (g_error_matches (local_error, VD_EXPORT_ERROR, VD_EXPORT_ERROR_WRITE))
    g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                "Nothing in “%s” was changed: ", name);
  else
    g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}
