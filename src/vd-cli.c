/* vd-cli.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each switch does one job, prints one line saying what it did (on stderr
 * when stdout carries the data) and exits non-zero on any error.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <gio/gunixinputstream.h>
#include <gio/gunixoutputstream.h>

#include "vd-cli.h"
#include "vd-demo.h"
#include "vd-error.h"
#include "vd-export.h"
#include "vd-import.h"
#include "vd-store.h"
#include "vd-sync.h"

void
vd_cli_options_clear (VdCliOptions *options)
{
  g_clear_pointer (&options->database, g_free);
  g_clear_pointer (&options->export_json, g_free);
  g_clear_pointer (&options->import_json, g_free);
  g_clear_pointer (&options->comparison, g_free);
  g_clear_pointer (&options->render_preview, g_free);
  g_clear_pointer (&options->sync_remote, g_free);
  g_clear_pointer (&options->history, g_free);
  g_clear_pointer (&options->author_name, g_free);
  g_clear_pointer (&options->author_email, g_free);
}

char *
vd_cli_default_database (void)
{
  return g_build_filename (g_get_user_data_dir (), "verdict-desk", "verdict-desk.db", NULL);
}

gboolean
vd_cli_parse (VdCliOptions   *options,
              int            *argc,
              char         ***argv,
              GError        **error)
{
  const GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &options->database,
      N_("The database to open (default: the one opened last, else one in your data folder)"),
      N_("FILE") },
    { "create-demo", 0, 0, G_OPTION_ARG_NONE, &options->create_demo,
      N_("Write the demo database to the --database FILE, which must not exist"), NULL },
    { "export-json", 0, 0, G_OPTION_ARG_FILENAME, &options->export_json,
      N_("Export ready and published comparisons (or the --comparison) as JSON; - is stdout; "
         "to an existing folder (DIR/), one file per comparison plus index.json"),
      N_("OUT") },
    { "import-json", 0, 0, G_OPTION_ARG_FILENAME, &options->import_json,
      N_("Merge an exported JSON document into the database; - is stdin"), N_("IN") },
    { "comparison", 'c', 0, G_OPTION_ARG_STRING, &options->comparison,
      N_("The comparison to export or render, by slug"), N_("SLUG") },
    { "render-preview", 0, 0, G_OPTION_ARG_FILENAME, &options->render_preview,
      N_("Render the --comparison's preview to a PNG image (needs a display)"), N_("OUT.png") },
    /* REMOTE is the argument left over (see below), not the switch's own. */
    { "sync", 0, 0, G_OPTION_ARG_NONE, &options->sync,
      N_("Sync with the shared repository: fetch, merge, commit, push; “--sync REMOTE” (a "
         "URL or path) links the desk to it, once"), NULL },
    { "author-name", 0, 0, G_OPTION_ARG_STRING, &options->author_name,
      N_("With --sync: who this desk's commits are by, remembered (default: git's user.name)"),
      N_("NAME") },
    { "author-email", 0, 0, G_OPTION_ARG_STRING, &options->author_email,
      N_("With --sync: the e-mail of this desk's commits, remembered (default: git's "
         "user.email)"), N_("EMAIL") },
    { "conflicts", 0, 0, G_OPTION_ARG_NONE, &options->conflicts,
      N_("List the unresolved conflicts, one per line"), NULL },
    { "history", 0, 0, G_OPTION_ARG_STRING, &options->history,
      N_("A record's history in the shared repository, newest first, one line per version: "
         "commit, date, author, what changed"), N_("UUID") },
    { "version", 0, 0, G_OPTION_ARG_NONE, &options->version,
      N_("Print the version and exit"), NULL },
    { "quit-after-first-frame", 0, 0, G_OPTION_ARG_NONE, &options->quit_after_first_frame,
      N_("Quit once the window has drawn its first frame (a testing aid, for start-up "
         "benchmarks)"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  guint n_actions;

  context = g_option_context_new (NULL);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Write reviewer scorecards and publish AI tool comparisons.\n"
                                  "Without a data switch, opens the desk window."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, argc, argv, error))
    return FALSE;

  /* GOption has no "optional argument" that may stand apart from its
   * switch: --sync's REMOTE is the one argument left over. */
  if (options->sync && *argc == 2)
    options->sync_remote = g_strdup ((*argv)[1]), *argc = 1;

  if (*argc > 1)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                   _("Unexpected argument “%s”"), (*argv)[1]);
      return FALSE;
    }

  n_actions = (options->create_demo ? 1 : 0) + (options->export_json ? 1 : 0) +
              (options->import_json ? 1 : 0) + (options->version ? 1 : 0) +
              (options->render_preview ? 1 : 0) + (options->sync ? 1 : 0) +
              (options->conflicts ? 1 : 0) + (options->history ? 1 : 0);
  if (n_actions > 1)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("Give one of --create-demo, --export-json, --import-json, "
                             "--render-preview, --sync, --conflicts, --history and --version "
                             "at a time"));
      return FALSE;
    }

  if (options->comparison != NULL && options->export_json == NULL &&
      options->render_preview == NULL)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("--comparison goes with --export-json or --render-preview"));
      return FALSE;
    }

  if (options->render_preview != NULL && options->comparison == NULL)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("--render-preview needs --comparison SLUG"));
      return FALSE;
    }

  if ((options->author_name != NULL || options->author_email != NULL) && !options->sync)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("--author-name and --author-email go with --sync"));
      return FALSE;
    }

  if (options->create_demo && options->database == NULL)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("--create-demo needs --database FILE"));
      return FALSE;
    }

  /* The window picks its own default (the database opened last). */
  if (options->database == NULL && (vd_cli_is_headless (options) || options->render_preview))
    options->database = vd_cli_default_database ();

  return TRUE;
}

gboolean
vd_cli_is_headless (VdCliOptions *options)
{
  return options->create_demo || options->export_json || options->import_json ||
         options->sync || options->conflicts || options->history || options->version;
}

int
vd_cli_fail (const GError *error)
{
  g_printerr ("verdict-desk: %s\n", error->message);
  return 1;
}

VdStore *
vd_cli_open_existing (const char  *path,
                      GError     **error)
{
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, VD_STORE_ERROR, VD_STORE_ERROR_NOT_FOUND,
                   _("There is no database at “%s”"), path);
      return NULL;
    }

  return vd_store_new (path, error);
}

static int
create_demo (VdCliOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VdStore) store = NULL;

  if (g_file_test (options->database, G_FILE_TEST_EXISTS))
    {
      g_printerr (_("verdict-desk: “%s” already exists; the demo is only written to a new "
                    "file\n"), options->database);
      return 1;
    }

  if (!(store = vd_store_new (options->database, &error)) ||
      !vd_demo_populate (store, &error))
    {
      g_clear_object (&store);
      g_unlink (options->database);
      return vd_cli_fail (error);
    }

  g_print (_("Wrote the demo database to %s\n"), options->database);
  return 0;
}

/* An existing folder, or a name ending in a slash (which must then exist). */
static gboolean
names_folder (const char *out)
{
  return g_str_has_suffix (out, G_DIR_SEPARATOR_S) || g_file_test (out, G_FILE_TEST_IS_DIR);
}

static int
export_json_to_folder (VdCliOptions *options,
                       VdStore      *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) folder = g_file_new_for_commandline_arg (options->export_json);
  VdExportDirStats stats = { 0 };

  if (!vd_export_to_directory (store, options->comparison, folder, &stats, NULL, &error))
    return vd_cli_fail (error);

  g_print (g_dngettext (GETTEXT_PACKAGE,
                        "Exported %u comparison to %s: %u files written, %u unchanged, %u removed\n",
                        "Exported %u comparisons to %s: %u files written, %u unchanged, %u removed\n",
                        stats.exported),
           stats.exported, options->export_json, stats.written, stats.unchanged, stats.removed);
  return 0;
}

static int
export_json (VdCliOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VdStore) store = NULL;
  gboolean to_stdout = g_str_equal (options->export_json, "-");
  guint n = 0;

  if (!(store = vd_cli_open_existing (options->database, &error)))
    return vd_cli_fail (error);

  if (!to_stdout && names_folder (options->export_json))
    return export_json_to_folder (options, store);

  if (to_stdout)
    {
      g_autoptr(GOutputStream) out = g_unix_output_stream_new (STDOUT_FILENO, FALSE);
      g_autoptr(GOutputStream) buffered = g_buffered_output_stream_new_sized (out, 64 * 1024);

      if (!vd_export_to_stream (store, options->comparison, buffered, &n, NULL, &error) ||
          !g_output_stream_close (buffered, NULL, &error))
        return vd_cli_fail (error);
    }
  else
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (options->export_json);

      if (!vd_export_to_file (store, options->comparison, file, &n, NULL, &error))
        return vd_cli_fail (error);
    }

  /* The data may be on stdout; the message goes beside it. */
  g_printerr (g_dngettext (GETTEXT_PACKAGE, "Exported %u comparison to %s\n",
                           "Exported %u comparisons to %s\n", n),
              n, to_stdout ? _("standard output") : options->export_json);
  return 0;
}

static int
import_json (VdCliOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VdStore) store = NULL;
  VdImportStats stats = { 0 };
  gboolean ok;

  if (!(store = vd_store_new (options->database, &error)))
    return vd_cli_fail (error);

  if (g_str_equal (options->import_json, "-"))
    {
      g_autoptr(GInputStream) in = g_unix_input_stream_new (STDIN_FILENO, FALSE);

      ok = vd_import_from_stream (store, in, &stats, NULL, &error);
    }
  else
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (options->import_json);

      ok = vd_import_from_file (store, file, &stats, NULL, &error);
    }

  if (!ok)
    return vd_cli_fail (error);

  g_print (g_dngettext (GETTEXT_PACKAGE,
                        "Imported %u comparison: %u records added, %u updated, %u unchanged\n",
                        "Imported %u comparisons: %u records added, %u updated, %u unchanged\n",
                        stats.comparisons),
           stats.comparisons, stats.added, stats.updated, stats.unchanged);
  return 0;
}

static int
sync_desk (VdCliOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VdStore) store = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_auto(VdSyncResult) result = { 0 };
  g_autofree char *short_id = NULL;
  gboolean ok;

  /* A new desk may start from the repository: the file is created. */
  if (!(store = vd_store_new (options->database, &error)) ||
      !vd_sync_set_author (store, options->author_name, options->author_email, &error))
    return vd_cli_fail (error);

  ok = vd_sync_run (store, options->sync_remote, &result, &error);
  for (guint i = 0; result.set_aside != NULL && i < result.set_aside->len; i++)
    g_printerr ("verdict-desk: %s\n", (const char *) g_ptr_array_index (result.set_aside, i));

  if (!ok)
    {
      if (g_error_matches (error, VD_SYNC_ERROR, VD_SYNC_ERROR_UNREACHABLE))
        g_printerr (_("verdict-desk: offline: %s; nothing was changed\n"), error->message);
      else
        g_printerr (_("verdict-desk: the sync failed: %s; nothing was changed\n"),
                    error->message);
      return 1;
    }

  if (!(conflicts = vd_store_list_conflicts (store, NULL, &error)))
    return vd_cli_fail (error);

  if (result.commit == NULL)
    {
      g_print (_("Synced: the repository and the desk are both empty\n"));
      return 0;
    }

  short_id = g_strndup (result.commit, 7);
  g_print (_("Synced at %s: %u received, %u sent, %u new conflicts, %u unresolved, "
             "%u set aside, %u retries\n"),
           short_id, result.received, result.sent, result.conflicts, conflicts->len,
           result.set_aside->len, result.retries);
  return conflicts->len > 0 ? 3 : 0;
}

/* Line breaks, quotes and control characters escaped, so that a text stays
 * on its line; UTF-8 as it is (g_strescape() alone would write it in octal). */
static char *
escape_line (const char *text)
{
  char exceptions[129];

  for (int i = 0; i < 128; i++)
    exceptions[i] = (char) (0x80 + i);
  exceptions[128] = '\0';
  return g_strescape (text, exceptions);
}

/* One line per conflict: each side's text escaped onto it. */
static int
list_conflicts (VdCliOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VdStore) store = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;

  if (!(store = vd_cli_open_existing (options->database, &error)) ||
      !(conflicts = vd_store_list_conflicts (store, NULL, &error)))
    return vd_cli_fail (error);

  for (guint i = 0; i < conflicts->len; i++)
    {
      VdConflict *conflict = g_ptr_array_index (conflicts, i);
      g_autofree char *mine = vd_conflict_dup_text (conflict->mine);
      g_autofree char *theirs = vd_conflict_dup_text (conflict->theirs);
      g_autofree char *mine_line = escape_line (mine);
      g_autofree char *theirs_line = escape_line (theirs);

      g_print ("%s/%s %s: mine \"%s\" theirs \"%s\"\n", conflict->kind, conflict->uuid,
               conflict->field, mine_line, theirs_line);
    }

  g_printerr (g_dngettext (GETTEXT_PACKAGE, "%u unresolved conflict\n",
                           "%u unresolved conflicts\n", conflicts->len), conflicts->len);
  return 0;
}

/* One line per version, newest first: "87c17d1 2026-11-20 14:02 Priya
 * Raman: verdict Ship (was Undecided); sections 2". */
static int
list_history (VdCliOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VdStore) store = NULL;
  g_autoptr(GPtrArray) versions = NULL;

  if (!(store = vd_cli_open_existing (options->database, &error)) ||
      !(versions = vd_sync_list_history (store, options->history, &error)))
    return vd_cli_fail (error);

  for (guint i = 0; i < versions->len; i++)
    {
      VdSyncVersion *version = g_ptr_array_index (versions, i);
      VdSyncVersion *older = i + 1 < versions->len ? g_ptr_array_index (versions, i + 1) : NULL;
      g_auto(GStrv) changes = vd_sync_version_dup_changes (version, older);
      g_autoptr(GDateTime) when = g_date_time_new_from_unix_utc (version->time);
      g_autofree char *date = g_date_time_format (when, "%Y-%m-%d %H:%M");
      g_autoptr(GString) line = g_string_new (NULL);
      g_autofree char *author = escape_line (version->author);

      g_string_append_printf (line, "%.7s %s %s:", version->commit, date, author);
      if (version->record == NULL)
        g_string_append_printf (line, " %s", _("not readable"));
      else if (changes[0] == NULL)
        g_string_append_printf (line, " %s", _("no field changed"));
      for (guint c = 0; changes[c] != NULL; c++)
        {
          g_string_append (line, c == 0 ? " " : "; ");
          if (g_str_equal (changes[c], "verdict") && VD_IS_SCORECARD (version->record))
            {
              VdVerdict verdict = vd_scorecard_get_verdict (VD_SCORECARD (version->record));

              /* Translators: a change in a record's history, e.g. “verdict Ship (was Undecided)” */
              if (older != NULL && VD_IS_SCORECARD (older->record))
                g_string_append_printf (line, _("verdict %s (was %s)"),
                                        _(vd_verdict_get_label (verdict)),
                                        _(vd_verdict_get_label (vd_scorecard_get_verdict (VD_SCORECARD (older->record)))));
              else
                g_string_append_printf (line, _("verdict %s"), _(vd_verdict_get_label (verdict)));
            }
          else
            g_string_append (line, changes[c]);
        }
      g_print ("%s\n", line->str);
    }

  g_printerr (g_dngettext (GETTEXT_PACKAGE, "%u version\n", "%u versions\n", versions->len),
              versions->len);
  return 0;
}

/**
 * vd_cli_run:
 *
 * Runs the headless switch in @options (vd_cli_is_headless() must be TRUE).
 *
 * Returns: the process exit status
 */
int
vd_cli_run (VdCliOptions *options)
{
  g_return_val_if_fail (vd_cli_is_headless (options), 2);

  if (options->version)
    {
      g_print ("verdict-desk %s\n", PACKAGE_VERSION);
      return 0;
    }

  if (options->create_demo)
    return create_demo (options);

  if (options->export_json)
    return export_json (options);

  if (options->sync)
    return sync_desk (options);

  if (options->conflicts)
    return list_conflicts (options);

  if (options->history)
    return list_history (options);

  return import_json (options);
}
