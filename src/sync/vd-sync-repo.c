/* vd-sync-repo.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything a sync says to git. The clone beside the database is bare and
 * never checked out: the fetched tree is read with ls-tree and cat-file, and
 * the commit is built by fast-import on top of the fetched head, so nothing
 * from the remote (a symlink, a file named like ours) is ever written to
 * this disk but as an object in git's own store.
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "vd-sync-private.h"

static gboolean
git (Sync                *sync,
     const char * const  *argv,
     GBytes              *input,
     GBytes             **output,
     GError             **error)
{
  return vd_git_run (sync->git_dir, argv, input, output, NULL, error);
}

static char *
bytes_to_line (GBytes *bytes)
{
  gsize len = 0;
  const char *data = bytes != NULL ? g_bytes_get_data (bytes, &len) : NULL;
  char *text = g_strndup (data != NULL ? data : "", len);

  return g_strstrip (text);
}

/* Identity ---------------------------------------------------------------- */

static gboolean
is_ident_part (const char *text)
{
  return text != NULL && *text != '\0' && g_utf8_validate (text, -1, NULL) &&
         strpbrk (text, "<>\n\r") == NULL;
}

/**
 * vd_sync_set_author:
 * @name: (nullable): %NULL keeps the one set before
 * @email: (nullable): %NULL keeps the one set before
 *
 * Sets who this desk's commits are by; unset, git's user.name and
 * user.email are.
 */
gboolean
vd_sync_set_author (VdStore     *store,
                    const char  *name,
                    const char  *email,
                    GError     **error)
{
  g_return_val_if_fail (VD_IS_STORE (store), FALSE);

  if ((name != NULL && !is_ident_part (name)) || (email != NULL && !is_ident_part (email)))
    {
      g_set_error_literal (error, VD_SYNC_ERROR, VD_SYNC_ERROR_IDENTITY,
                           "An author's name and e-mail must not be empty nor hold “<”, “>” "
                           "or line breaks");
      return FALSE;
    }

  return (name == NULL || vd_store_set_sync_value (store, "author-name", name, error)) &&
         (email == NULL || vd_store_set_sync_value (store, "author-email", email, error));
}

static char *
dup_git_config (const char *key)
{
  g_autoptr(GBytes) out = NULL;
  g_autofree char *value = NULL;

  if (!vd_git_run (NULL, (const char *[]) { "config", "--get", key, NULL }, NULL, &out, NULL,
                   NULL))
    return NULL;
  value = bytes_to_line (out);
  return *value != '\0' ? g_steal_pointer (&value) : NULL;
}

void
vd_sync_dup_author (VdStore  *store,
                    char    **name,
                    char    **email)
{
  g_return_if_fail (VD_IS_STORE (store));

  if (name != NULL && !(*name = vd_store_get_sync_value (store, "author-name", NULL)))
    *name = dup_git_config ("user.name");
  if (email != NULL && !(*email = vd_store_get_sync_value (store, "author-email", NULL)))
    *email = dup_git_config ("user.email");
}

/* "Name <e-mail> seconds +0000", as fast-import takes it. */
static char *
dup_ident (Sync    *sync,
           char   **name_out,
           GError **error)
{
  g_autofree char *name = vd_store_get_sync_value (sync->store, "author-name", NULL);
  g_autofree char *email = vd_store_get_sync_value (sync->store, "author-email", NULL);
  g_autoptr(GBytes) out = NULL;
  g_autoptr(GError) local_error = NULL;
  char *ident, *bracket;

  if (name != NULL && email != NULL)
    {
      *name_out = g_strdup (name);
      return g_strdup_printf ("%s <%s> %" G_GINT64_FORMAT " +0000", name, email,
                              g_get_real_time () / G_USEC_PER_SEC);
    }

  /* git's own rules: the config's user.name and user.email, refused when
   * it would have to guess an address. */
  if (!git (sync, (const char *[]) { "var", "GIT_AUTHOR_IDENT", NULL }, NULL, &out, &local_error))
    {
      g_set_error (error, VD_SYNC_ERROR, VD_SYNC_ERROR_IDENTITY,
                   "Say who this desk's changes are by: --author-name and --author-email, "
                   "or git's user.name and user.email (%s)", local_error->message);
      return NULL;
    }

  ident = bytes_to_line (out);
  bracket = strchr (ident, '<');
  *name_out = g_strstrip (g_strndup (ident, bracket != NULL ? (gsize) (bracket - ident) : 0));
  return ident;
}

/* Reading the remote ------------------------------------------------------ */

/* The remote's main branch, or NULL in @head when it has none yet. */
static gboolean
read_remote_head (Sync    *sync,
                  char   **head,
                  GError **error)
{
  g_autoptr(GBytes) out = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *line = NULL;

  *head = NULL;
  if (!git (sync, (const char *[]) { "ls-remote", sync->remote, "refs/heads/main", NULL },
            NULL, &out, &local_error))
    {
      g_set_error (error, VD_SYNC_ERROR, VD_SYNC_ERROR_UNREACHABLE,
                   "Could not reach “%s”: %s", sync->remote, local_error->message);
      return FALSE;
    }

  line = bytes_to_line (out);
  if (*line != '\0')
    *head = g_strndup (line, strcspn (line, " \t"));
  return TRUE;
}

gboolean
_vd_sync_fetch (Sync    *sync,
       GError **error)
{
  g_autofree char *head = NULL;
  g_autoptr(GBytes) out = NULL;
  g_autoptr(GError) local_error = NULL;

  g_clear_pointer (&sync->theirs, g_free);
  if (!read_remote_head (sync, &head, error))
    return FALSE;
  if (head == NULL)
    return TRUE;

  if (!git (sync, (const char *[]) { "fetch", "--quiet", "--no-tags", "--no-write-fetch-head",
                                     sync->remote, "+refs/heads/main:" REMOTE_REF, NULL },
            NULL, NULL, &local_error) ||
      !git (sync, (const char *[]) { "rev-parse", "--verify", "--quiet", REMOTE_REF "^{commit}",
                                     NULL }, NULL, &out, &local_error))
    {
      if (g_error_matches (local_error, VD_SYNC_ERROR, VD_SYNC_ERROR_BUSY))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, VD_SYNC_ERROR, VD_SYNC_ERROR_UNREACHABLE,
                     "Could not fetch from “%s”: %s", sync->remote, local_error->message);
      return FALSE;
    }

  sync->theirs = bytes_to_line (out);
  return TRUE;
}

/* Reads blobs by id, several per git process; a missing one is left out. */
GHashTable *
_vd_sync_read_blobs (Sync       *sync,
            GPtrArray  *ids,
            GError    **error)
{
  g_autoptr(GHashTable) blobs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                      (GDestroyNotify) g_bytes_unref);
  g_autoptr(GString) input = g_string_new (NULL);
  g_autoptr(GBytes) in = NULL;
  g_autoptr(GBytes) out = NULL;
  const char *data, *end;
  gsize len;

  if (ids->len == 0)
    return g_steal_pointer (&blobs);

  for (guint i = 0; i < ids->len; i++)
    g_string_append_printf (input, "%s\n", (const char *) g_ptr_array_index (ids, i));
  in = g_bytes_new (input->str, input->len);

  if (!git (sync, (const char *[]) { "cat-file", "--batch", NULL }, in, &out, error))
    return NULL;

  data = g_bytes_get_data (out, &len);
  end = data + len;
  while (data < end)
    {
      const char *eol = memchr (data, '\n', end - data);
      g_autofree char *header = NULL;
      g_auto(GStrv) parts = NULL;
      guint64 size;

      if (eol == NULL)
        break;
      header = g_strndup (data, eol - data);
      data = eol + 1;
      parts = g_strsplit (header, " ", 3);
      if (g_strv_length (parts) != 3)
        continue;   /* "<id> missing" */
      if (!g_ascii_string_to_unsigned (parts[2], 10, 0, G_MAXSIZE, &size, NULL) ||
          size > (guint64) (end - data))
        break;
      if (g_str_equal (parts[1], "blob"))
        g_hash_table_insert (blobs, g_strdup (parts[0]), g_bytes_new (data, size));
      data += size + 1;
    }

  return g_steal_pointer (&blobs);
}

static GBytes *
read_blob (Sync        *sync,
           const char  *id,
           GError     **error)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autoptr(GHashTable) blobs = NULL;

  g_ptr_array_add (ids, (gpointer) id);
  if (!(blobs = _vd_sync_read_blobs (sync, ids, error)))
    return NULL;
  if (!g_hash_table_contains (blobs, id))
    {
      g_set_error (error, VD_SYNC_ERROR, VD_SYNC_ERROR_GIT, "blob %s is missing", id);
      return NULL;
    }
  return g_bytes_ref (g_hash_table_lookup (blobs, id));
}

/* Lists the fetched tree: only record files and format.json, regular files
 * of a bounded size. The rest is set aside here, and stays in the tree
 * untouched (it is someone's, and not ours to delete). */
gboolean
_vd_sync_read_theirs_tree (Sync    *sync,
                  GError **error)
{
  g_autoptr(GBytes) out = NULL;
  const char *data, *end;
  gsize len;

  sync->have_format = FALSE;
  if (sync->theirs == NULL)
    return TRUE;

  if (!git (sync, (const char *[]) { "ls-tree", "-r", "-z", "--long", "--full-tree", sync->theirs,
                                     NULL }, NULL, &out, error))
    return FALSE;

  data = g_bytes_get_data (out, &len);
  end = data + len;
  while (data < end)
    {
      const char *nul = memchr (data, '\0', end - data);
      g_autofree char *line = g_strndup (data, (nul != NULL ? nul : end) - data);
      g_auto(GStrv) meta = NULL;
      g_autofree char *uuid = NULL;
      char *tab = strchr (line, '\t');
      const char *path;
      guint64 size = G_MAXUINT64;
      guint kind;

      data = nul != NULL ? nul + 1 : end;
      if (tab == NULL)
        continue;
      *tab = '\0';
      path = tab + 1;
      meta = g_strsplit_set (line, " ", -1);
      /* mode, type, id, then the size right-aligned after spaces */
      if (g_strv_length (meta) >= 4)
        g_ascii_string_to_unsigned (meta[g_strv_length (meta) - 1], 10, 0, G_MAXUINT64, &size, NULL);

      if (g_strv_length (meta) < 4 || !g_str_equal (meta[1], "blob") ||
          !(g_str_equal (meta[0], "100644") || g_str_equal (meta[0], "100755")))
        {
          g_autofree char *message = g_strdup_printf ("%s: not a regular file", path);

          _vd_sync_set_aside (sync, sync->theirs, message);
          continue;
        }

      if (size > VD_SYNC_FILE_MAX_SIZE)
        {
          g_autofree char *message = g_strdup_printf ("%s: larger than %d MiB", path,
                                                      VD_SYNC_FILE_MAX_SIZE / (1024 * 1024));

          _vd_sync_set_aside (sync, sync->theirs, message);
          continue;
        }

      if (g_str_equal (path, VD_SYNC_FORMAT_PATH))
        {
          g_autoptr(GBytes) format = read_blob (sync, meta[2], error);

          if (format == NULL || !vd_sync_file_check_format (format, error))
            return FALSE;
          sync->have_format = TRUE;
          continue;
        }


      if (!vd_sync_file_parse_path (path, &kind, &uuid))
        {
          g_autofree char *message = g_strdup_printf ("%s: not a file of a Verdict Desk", path);

          _vd_sync_set_aside (sync, sync->theirs, message);
          continue;
        }

      _vd_sync_get_entry (sync, path, kind, uuid)->theirs_blob = g_strdup (meta[2]);
    }

  /* Someone else's repository is not ours to fill with records. */
  if (!sync->have_format)
    {
      g_set_error (error, VD_SYNC_ERROR, VD_SYNC_ERROR_FORMAT,
                   "“%s” is not a Verdict Desk repository: it has no %s", sync->remote,
                   VD_SYNC_FORMAT_PATH);
      return FALSE;
    }

  return TRUE;
}

/* Sending ----------------------------------------------------------------- */

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

GPtrArray *
_vd_sync_list_writes (Sync *sync)
{
  GPtrArray *paths = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, sync->entries);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (((Entry *) value)->write != NULL || ((Entry *) value)->mark != 0)
      g_ptr_array_add (paths, ((Entry *) value)->path);
  g_ptr_array_sort (paths, compare_paths);
  return paths;
}

/* "Priya Raman: 2 scorecards, 1 tool", and the files in the body. */
static char *
dup_message (Sync       *sync,
             const char *name,
             GPtrArray  *paths)
{
  const VdSyncKind *kinds;
  g_autoptr(GString) message = g_string_new (NULL);
  guint n_kinds, counts[8] = { 0 };
  gboolean first = TRUE;

  kinds = vd_sync_file_get_kinds (&n_kinds);
  for (guint i = 0; i < paths->len; i++)
    counts[((Entry *) g_hash_table_lookup (sync->entries, g_ptr_array_index (paths, i)))->kind]++;

  g_string_append_printf (message, "%s:", name);
  for (guint k = 0; k < n_kinds; k++)
    if (counts[k] > 0)
      {
        /* The folder's name is the plural; one drops its "s". */
        g_string_append_printf (message, "%s %u %.*s", first ? "" : ",", counts[k],
                                (int) strlen (kinds[k].dir) - (counts[k] == 1 ? 1 : 0),
                                kinds[k].dir);
        first = FALSE;
      }
  g_string_append (message, "\n\n");
  for (guint i = 0; i < paths->len; i++)
    g_string_append_printf (message, "%s\n", (const char *) g_ptr_array_index (paths, i));

  return g_string_free (g_steal_pointer (&message), FALSE);
}

/* The outgoing stream ------------------------------------------------------ */

static gboolean
ensure_outgoing (Sync    *sync,
                 GError **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GOutputStream) raw = NULL;

  if (sync->outgoing != NULL)
    return TRUE;

  sync->outgoing_path = g_build_filename (sync->git_dir, "verdict-desk-outgoing", NULL);
  file = g_file_new_for_path (sync->outgoing_path);
  raw = G_OUTPUT_STREAM (g_file_replace (file, NULL, FALSE, G_FILE_CREATE_PRIVATE, NULL, error));
  if (raw == NULL)
    return FALSE;

  /* Buffered: a first sync writes tens of thousands of small files. */
  sync->outgoing = g_buffered_output_stream_new_sized (raw, 256 * 1024);
  return TRUE;
}

static gboolean
write_outgoing (Sync        *sync,
                const char  *data,
                gsize        len,
                GError     **error)
{
  return g_output_stream_write_all (sync->outgoing, data, len, NULL, NULL, error);
}

/**
 * _vd_sync_stage_blob:
 *
 * Writes @bytes, the file @entry goes out as, to git fast-import's input
 * as a blob with a mark of its own (@entry->mark), so that the sync need
 * not hold every outgoing file until the commit is made.
 */
gboolean
_vd_sync_stage_blob (Sync    *sync,
                     Entry   *entry,
                     GBytes  *bytes,
                     GError **error)
{
  g_autofree char *header = NULL;
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  if (!ensure_outgoing (sync, error))
    return FALSE;

  entry->mark = ++sync->n_marks;
  header = g_strdup_printf ("blob\nmark :%u\ndata %" G_GSIZE_FORMAT "\n", entry->mark, len);
  return write_outgoing (sync, header, strlen (header), error) &&
         write_outgoing (sync, data, len, error) &&
         write_outgoing (sync, "\n", 1, error);
}

/* Forgets the stream: a new attempt, or the sync's end. */
void
_vd_sync_drop_outgoing (Sync *sync)
{
  if (sync->outgoing != NULL)
    g_output_stream_close (sync->outgoing, NULL, NULL);
  g_clear_object (&sync->outgoing);
  if (sync->outgoing_path != NULL)
    g_unlink (sync->outgoing_path);
  g_clear_pointer (&sync->outgoing_path, g_free);
  sync->n_marks = 0;
}

static guint
stage_bytes (Sync    *sync,
             GBytes  *bytes,
             GError **error)
{
  Entry scratch = { 0 };

  return _vd_sync_stage_blob (sync, &scratch, bytes, error) ? scratch.mark : 0;
}

/* Up to this many files, fast-import edits the fetched tree itself: fewer
 * processes for the everyday sync of a few records; past it, its linear
 * search per file loses to git's index. */
#define FAST_IMPORT_TREE_MAX 1000

/* One commit on top of the fetched head, built without a work tree (a
 * hostile symlink is never checked out): every blob by one git
 * fast-import (those staged while reading the database, then the rest).
 * A few files: the same fast-import makes the commit. Many: the tree in
 * the bare clone's own index (the fetched tree, then each file changed:
 * git's sorted index scales where fast-import's tree edits, a linear
 * search per file, do not), the commit object written as it is. */
char *
_vd_sync_make_commit (Sync       *sync,
             GPtrArray  *paths,
             GError    **error)
{
  g_autoptr(GString) listing = g_string_new (NULL);
  g_autoptr(GString) object = g_string_new (NULL);
  g_autoptr(GBytes) listing_bytes = NULL;
  g_autoptr(GBytes) object_bytes = NULL;
  g_autoptr(GBytes) tree = NULL;
  g_autoptr(GBytes) out = NULL;
  g_autoptr(GBytes) format = NULL;
  g_autofree char *name = NULL;
  g_autofree char *ident = dup_ident (sync, &name, error);
  g_autofree char *message = NULL;
  g_autofree char *tree_id = NULL;
  g_autofree char *commit = NULL;
  gboolean small = paths->len <= FAST_IMPORT_TREE_MAX;
  guint format_mark = 0;

  if (ident == NULL)
    return NULL;

  message = dup_message (sync, name, paths);
  if (!sync->have_format)
    {
      g_autofree char *blob = NULL;

      format = vd_sync_file_write_format ();
      blob = vd_sync_file_blob_id (format);
      if (!(format_mark = stage_bytes (sync, format, error)))
        return NULL;
      g_string_append_printf (listing, "100644 %s\t" VD_SYNC_FORMAT_PATH "\n", blob);
    }

  for (guint i = 0; i < paths->len; i++)
    {
      Entry *entry = g_hash_table_lookup (sync->entries, g_ptr_array_index (paths, i));

      if (entry->write != NULL && !_vd_sync_stage_blob (sync, entry, entry->write, error))
        return NULL;
      /* new_base: the id of what this path now holds, staged or merged. */
      g_string_append_printf (listing, "100644 %s\t%s\n", entry->new_base, entry->path);
    }

  if (small)
    {
      /* The commit in the same stream, naming the staged blobs by mark. */
      g_autoptr(GString) stream = g_string_new (NULL);

      g_string_append_printf (stream, "commit " OUTGOING_REF "\nauthor %s\ncommitter %s\n"
                              "data %" G_GSIZE_FORMAT "\n%s\n", ident, ident, strlen (message),
                              message);
      if (sync->theirs != NULL)
        g_string_append_printf (stream, "from %s\n", sync->theirs);
      if (format_mark != 0)
        g_string_append_printf (stream, "M 100644 :%u " VD_SYNC_FORMAT_PATH "\n", format_mark);
      for (guint i = 0; i < paths->len; i++)
        {
          Entry *entry = g_hash_table_lookup (sync->entries, g_ptr_array_index (paths, i));

          g_string_append_printf (stream, "M 100644 :%u %s\n", entry->mark, entry->path);
        }
      g_string_append (stream, "done\n");
      if (!ensure_outgoing (sync, error) ||
          !write_outgoing (sync, stream->str, stream->len, error) ||
          !g_output_stream_close (sync->outgoing, NULL, error) ||
          !vd_git_run_with_file (sync->git_dir, (const char *[]) { "fast-import", "--quiet",
                                                                   "--force", "--done", NULL },
                                 sync->outgoing_path, NULL, error) ||
          !git (sync, (const char *[]) { "rev-parse", "--verify", OUTGOING_REF, NULL }, NULL,
                &out, error))
        return NULL;
      return bytes_to_line (out);
    }

  if (!ensure_outgoing (sync, error) ||
      !write_outgoing (sync, "done\n", 5, error) ||
      !g_output_stream_close (sync->outgoing, NULL, error) ||
      !vd_git_run_with_file (sync->git_dir, (const char *[]) { "fast-import", "--quiet", "--done",
                                                               NULL },
                             sync->outgoing_path, NULL, error))
    return NULL;

  listing_bytes = g_string_free_to_bytes (g_steal_pointer (&listing));
  if (!git (sync, sync->theirs != NULL ? (const char *[]) { "read-tree", sync->theirs, NULL }
                                       : (const char *[]) { "read-tree", "--empty", NULL },
            NULL, NULL, error) ||
      !git (sync, (const char *[]) { "update-index", "--index-info", NULL }, listing_bytes, NULL,
            error) ||
      !git (sync, (const char *[]) { "write-tree", NULL }, NULL, &tree, error))
    return NULL;
  tree_id = bytes_to_line (tree);

  g_string_append_printf (object, "tree %s\n", tree_id);
  if (sync->theirs != NULL)
    g_string_append_printf (object, "parent %s\n", sync->theirs);
  g_string_append_printf (object, "author %s\ncommitter %s\n\n%s", ident, ident, message);
  object_bytes = g_string_free_to_bytes (g_steal_pointer (&object));
  if (!git (sync, (const char *[]) { "hash-object", "-t", "commit", "-w", "--stdin", NULL },
            object_bytes, &out, error))
    return NULL;
  commit = bytes_to_line (out);

  if (!git (sync, (const char *[]) { "update-ref", OUTGOING_REF, commit, NULL }, NULL, NULL,
            error))
    return NULL;
  return g_steal_pointer (&commit);
}

/* Pushes @commit and believes it only once the remote names it. */
VdSyncPush
_vd_sync_push (Sync        *sync,
      const char  *commit,
      GError     **error)
{
  g_autofree char *refspec = g_strconcat (commit, ":refs/heads/main", NULL);
  g_autofree char *head = NULL;
  g_autoptr(GError) push_error = NULL;

  git (sync, (const char *[]) { "push", "--porcelain", "--quiet", sync->remote, refspec,
                                NULL }, NULL, NULL, &push_error);

  if (!read_remote_head (sync, &head, error))
    return VD_SYNC_FAILED;
  if (g_strcmp0 (head, commit) == 0)
    {
      /* What the remote has now: the history (read from the fetched
       * branch) shows this desk's own change without another fetch. */
      if (!git (sync, (const char *[]) { "update-ref", REMOTE_REF, commit, NULL }, NULL, NULL,
                error))
        return VD_SYNC_FAILED;
      return VD_SYNC_PUSHED;
    }
  if (g_strcmp0 (head, sync->theirs) != 0)
    return VD_SYNC_RACED;
  /* Not refused: another git process kept the remote's branch locked. */
  if (g_error_matches (push_error, VD_SYNC_ERROR, VD_SYNC_ERROR_BUSY))
    {
      g_propagate_error (error, g_steal_pointer (&push_error));
      return VD_SYNC_FAILED;
    }

  g_set_error (error, VD_SYNC_ERROR, VD_SYNC_ERROR_REFUSED, "“%s” refused the changes: %s",
               sync->remote, push_error != NULL ? push_error->message
                                                : "the push seemed to work, but the remote did "
                                                  "not move");
  return VD_SYNC_FAILED;
}

gboolean
_vd_sync_ensure_clone (Sync    *sync,
              GError **error)
{
  g_autofree char *head = g_build_filename (sync->git_dir, "HEAD", NULL);

  if (g_file_test (head, G_FILE_TEST_IS_REGULAR))
    return TRUE;

  /* Bare: the sync never needs a work tree, and a repository's symlink is
   * never written to this disk. */
  return vd_git_run (NULL, (const char *[]) { "init", "--quiet", "--bare", "-b", "main",
                                              sync->git_dir, NULL }, NULL, NULL, NULL, error);
}