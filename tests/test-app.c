/* test-app.c — the application: one desk per session, signals, closing with
 * unsaved changes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs inside its own session bus (meson wraps it in dbus-run-session), so
 * the real binary, started from here, can find a running desk. The window
 * count is read from the bus: GtkApplication exports each window's actions
 * at <app path>/window/<id>.
 */
#include "config.h"

#include <signal.h>
#include <sys/wait.h>
#include <adwaita.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>

#include "vd-comparison-page.h"
#include "vd-demo.h"
#include "vd-scorecard-form.h"
#include "vd-test-util.h"
#include "vd-window.h"

#define DEMO_UUID  "9a4d6e2f-7c1b-4e3a-b5d8-0f2e4c6a8b10"
#define DEMO_SLUG  "claude-haiku-open-weights-vs-mistral-medium-3"
#define MISTRAL    "6f1c2a9e-3b4d-4e5f-8a7b-1c2d3e4f5a61"
#define SKEPTIC    "2b7e9c41-5d6a-4f8b-9c0d-7e1f2a3b4c51"
#define APP_PATH   "/io/github/verdictdesk/VerdictDesk"
/* Not a timing assert: how long to wait for something that, when broken,
 * would never happen, before failing instead of hanging. */
#define GIVE_UP_US (60 * G_USEC_PER_SEC)

static void
iterate_until_idle (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

/* A second comparison whose slug the tests make the demo's take: the store
 * refuses a duplicate slug, so that edit cannot be saved. */
static void
add_taken_slug (VdStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VdComparison) demo = vd_store_load (store, VD_TYPE_COMPARISON, DEMO_UUID, &error);
  g_autoptr(VdComparison) other = NULL;

  g_assert_no_error (error);
  other = vd_comparison_new ("taken", vd_comparison_get_tool_a (demo),
                             vd_comparison_get_tool_b (demo));
  vd_comparison_set_title (other, "Another comparison");
  g_assert_true (vd_store_save (store, VD_RECORD (other), &error));
  g_assert_no_error (error);
}

/* A demo database, with the "taken" slug when @taken. */
static char *
demo_database (gboolean taken)
{
  g_autofree char *path = NULL;
  g_autoptr(VdStore) store = vd_test_new_demo_store (&path);

  if (taken)
    add_taken_slug (store);
  return g_steal_pointer (&path);
}

/* What another connection reads: the file, not the window's copy. */
static char *
stored_title (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VdStore) reader = vd_store_new (path, &error);
  g_autoptr(VdComparison) comparison = NULL;

  g_assert_no_error (error);
  comparison = vd_store_load (reader, VD_TYPE_COMPARISON, DEMO_UUID, &error);
  g_assert_no_error (error);
  return g_strdup (vd_comparison_get_title (comparison));
}

/* One desk per session ------------------------------------------------------ */

/* Introspection is answered off the desk's main loop; an action-group call
 * is answered on it, after any request that arrived before it. */
static void
sync_with_desk (GDBusConnection *bus)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = NULL;

  reply = g_dbus_connection_call_sync (bus, APP_ID, APP_PATH, "org.gtk.Actions", "List",
                                       NULL, G_VARIANT_TYPE ("(as)"), G_DBUS_CALL_FLAGS_NONE,
                                       -1, NULL, &error);
  g_assert_no_error (error);
}

static guint
count_windows (GDBusConnection *bus)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GDBusNodeInfo) node = NULL;
  const char *xml;
  guint n = 0;

  sync_with_desk (bus);
  reply = g_dbus_connection_call_sync (bus, APP_ID, APP_PATH "/window",
                                       "org.freedesktop.DBus.Introspectable", "Introspect",
                                       NULL, G_VARIANT_TYPE ("(s)"), G_DBUS_CALL_FLAGS_NONE,
                                       -1, NULL, &error);
  g_assert_no_error (error);
  g_variant_get (reply, "(&s)", &xml);
  node = g_dbus_node_info_new_for_xml (xml, &error);
  g_assert_no_error (error);

  for (GDBusNodeInfo **child = node->nodes; child != NULL && *child != NULL; child++)
    n++;

  return n;
}

static gboolean
name_has_owner (GDBusConnection *bus)
{
  g_autoptr(GVariant) reply = NULL;
  gboolean owned = FALSE;

  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "NameHasOwner",
                                       g_variant_new ("(s)", APP_ID), G_VARIANT_TYPE ("(b)"),
                                       G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL);
  if (reply != NULL)
    g_variant_get (reply, "(b)", &owned);
  return owned;
}

static void
wait_for_windows (GDBusConnection *bus,
                  guint            n)
{
  gint64 give_up = g_get_monotonic_time () + GIVE_UP_US;

  while (!name_has_owner (bus) || count_windows (bus) != n)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, give_up);
      g_usleep (G_USEC_PER_SEC / 20);
    }
}

static GPid
launch (char       **envp,
        const char  *database)
{
  g_autoptr(GError) error = NULL;
  const char *argv[] = { g_getenv ("VERDICT_DESK"), "--database", database, NULL };
  GPid pid;

  g_spawn_async (NULL, (char **) argv, envp, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pid, &error);
  g_assert_no_error (error);
  return pid;
}

/* Waits for @pid to end and returns its wait status. */
static int
wait_for_exit (GPid pid)
{
  gint64 give_up = g_get_monotonic_time () + GIVE_UP_US;
  int status = 0;
  pid_t done;

  while ((done = waitpid (pid, &status, WNOHANG)) == 0)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, give_up);
      g_usleep (G_USEC_PER_SEC / 20);
    }
  g_assert_cmpint (done, ==, pid);
  g_spawn_close_pid (pid);
  return status;
}

static void
test_second_launch_joins (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDBusConnection) bus = NULL;
  g_autofree char *home = vd_test_make_dir ();
  g_autofree char *first = g_build_filename (home, "desk.db", NULL);
  g_autofree char *dir_name = g_path_get_basename (home);
  g_autofree char *same = NULL;
  g_autofree char *other = g_build_filename (home, "other.db", NULL);
  g_autofree char *data = g_build_filename (home, "data", NULL);
  g_autofree char *config = g_build_filename (home, "config", NULL);
  g_autofree char *cache = g_build_filename (home, "cache", NULL);
  g_autoptr(VdStore) store = NULL;
  g_auto(GStrv) envp = g_get_environ ();
  GPid desk, second, third;
  int status;

  g_assert_nonnull (g_getenv ("VERDICT_DESK"));
  g_assert_nonnull (g_getenv ("DBUS_SESSION_BUS_ADDRESS"));
  bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);

  store = vd_store_new (first, &error);
  g_assert_no_error (error);
  g_assert_true (vd_demo_populate (store, &error));
  g_clear_object (&store);

  envp = g_environ_setenv (envp, "HOME", home, TRUE);
  envp = g_environ_setenv (envp, "XDG_DATA_HOME", data, TRUE);
  envp = g_environ_setenv (envp, "XDG_CONFIG_HOME", config, TRUE);
  envp = g_environ_setenv (envp, "XDG_CACHE_HOME", cache, TRUE);

  desk = launch (envp, first);
  wait_for_windows (bus, 1);

  /* The same file by another name: through "..". */
  same = g_build_filename (home, "..", dir_name, "desk.db", NULL);
  second = launch (envp, same);
  status = wait_for_exit (second);
  g_assert_true (g_spawn_check_wait_status (status, &error));
  g_assert_no_error (error);

  /* Still the one process, with its one window: the desk answers this
   * question after the second launch's request. */
  g_assert_cmpint (waitpid (desk, NULL, WNOHANG), ==, 0);
  g_assert_cmpuint (count_windows (bus), ==, 1);

  /* Another database is handed over too, and gets its own window. */
  third = launch (envp, other);
  status = wait_for_exit (third);
  g_assert_true (g_spawn_check_wait_status (status, &error));
  g_assert_cmpuint (count_windows (bus), ==, 2);
  g_assert_cmpint (waitpid (desk, NULL, WNOHANG), ==, 0);

  /* SIGTERM with nothing pending: a clean exit. */
  g_assert_cmpint (kill (desk, SIGTERM), ==, 0);
  status = wait_for_exit (desk);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
}

/* Signals -------------------------------------------------------------------- */

typedef struct
{
  char       *path;
  const char *slug;    /* set on the demo comparison before the signal */
  const char *title;   /* likewise */
  void      (*then) (VdApplication *app,
                     VdWindow      *window);   /* instead of SIGTERM */
} Edit;

static gboolean
edit_then_signal (gpointer data)
{
  VdApplication *app = data;
  Edit *edit = g_object_get_data (G_OBJECT (app), "edit");
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  VdRecord *current;
  g_autofree char *before = NULL;

  g_assert_true (VD_IS_WINDOW (window));
  g_assert_true (vd_window_open_record (VD_WINDOW (window), VD_TYPE_COMPARISON, DEMO_UUID));
  current = vd_window_get_current (VD_WINDOW (window));
  if (edit->slug != NULL)
    vd_comparison_set_slug (VD_COMPARISON (current), edit->slug);
  vd_comparison_set_title (VD_COMPARISON (current), edit->title);

  /* Pending, not yet written: the autosave delay is long. */
  before = stored_title (edit->path);
  g_assert_cmpstr (before, !=, edit->title);
  g_assert_cmpuint (vd_window_get_n_unsaved (VD_WINDOW (window)), ==, 1);

  if (edit->then != NULL)
    edit->then (app, VD_WINDOW (window));
  else
    raise (SIGTERM);
  return G_SOURCE_REMOVE;
}

static void
on_window_added (GtkApplication *app,
                 GtkWindow      *window)
{
  /* Once the window has its database: it is added while being built. */
  g_idle_add_full (G_PRIORITY_LOW, edit_then_signal, app, NULL);
}

/* The real application, in this process, ended by a signal after @edit. */
static int
run_until_signal (Edit *edit,
                  int  *exit_status)
{
  g_autoptr(VdApplication) app = vd_application_new ();
  char *argv[] = { (char *) "test-app", edit->path, NULL };
  int status;

  /* The subprocess test owns the bus name; this one stays out of its way. */
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) |
                           G_APPLICATION_NON_UNIQUE);
  vd_application_set_autosave_delay (app, 3600 * 1000);
  g_object_set_data (G_OBJECT (app), "edit", edit);
  g_signal_connect (app, "window-added", G_CALLBACK (on_window_added), NULL);

  status = g_application_run (G_APPLICATION (app), 2, argv);
  *exit_status = vd_application_get_exit_status (app);
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (app)));
  return status;
}

static void
test_sigterm_saves_pending_edit (void)
{
  g_autofree char *path = NULL;
  g_autofree char *after = NULL;
  Edit edit = { 0 };
  int exit_status = -1;

  path = demo_database (FALSE);
  edit.path = path;
  edit.title = "Written when the session ends";

  g_assert_cmpint (run_until_signal (&edit, &exit_status), ==, 0);
  g_assert_cmpint (exit_status, ==, 0);

  after = stored_title (path);
  g_assert_cmpstr (after, ==, edit.title);
}

static void
test_sigterm_keeps_unsavable_edit (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *path = NULL;
  g_autofree char *after = NULL;
  g_autofree char *folder = g_build_filename (g_get_user_data_dir (), "verdict-desk",
                                              "recovery", NULL);
  g_autofree char *file = NULL;
  const char *name;
  JsonObject *root;
  JsonArray *records;
  JsonObject *fields;
  Edit edit = { 0 };
  int exit_status = -1;

  path = demo_database (TRUE);
  edit.path = path;
  edit.slug = "taken";
  edit.title = "Kept although the store refuses it";

  /* The signal still ends the desk, but says it could not save. */
  g_assert_cmpint (run_until_signal (&edit, &exit_status), ==, 0);
  g_assert_cmpint (exit_status, ==, 1);
  after = stored_title (path);
  g_assert_cmpstr (after, !=, edit.title);

  /* The one recovery file holds the edit. */
  dir = g_dir_open (folder, 0, &error);
  g_assert_no_error (error);
  name = g_dir_read_name (dir);
  g_assert_nonnull (name);
  file = g_build_filename (folder, name, NULL);
  g_assert_null (g_dir_read_name (dir));

  g_assert_true (json_parser_load_from_file (parser, file, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "database"), ==, path);
  records = json_object_get_array_member (root, "records");
  g_assert_cmpuint (json_array_get_length (records), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (records, 0),
                                                  "type"), ==, "comparisons");
  fields = json_object_get_object_member (json_array_get_object_element (records, 0), "fields");
  g_assert_cmpstr (json_object_get_string_member (fields, "title"), ==, edit.title);
  g_assert_cmpstr (json_object_get_string_member (fields, "slug"), ==, "taken");

  g_assert_cmpint (g_unlink (file), ==, 0);
  g_assert_cmpint (g_rmdir (folder), ==, 0);
}

/* Closing with unsaved changes ---------------------------------------------- */

static void quit_twice_then_discard (VdApplication *app,
                                     VdWindow      *window);

static gboolean
is_open (VdWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (toplevel == G_OBJECT (window))
        return TRUE;
    }

  return FALSE;
}

static AdwMessageDialog *
close_refused (VdWindow *window)
{
  GtkWidget *dialog;

  gtk_window_close (GTK_WINDOW (window));
  iterate_until_idle ();

  /* Still open, and asking. */
  g_assert_true (is_open (window));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  dialog = vd_window_get_unsaved_dialog (window);
  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  g_assert_true (gtk_widget_get_visible (dialog));
  return ADW_MESSAGE_DIALOG (dialog);
}

/* Ctrl+Q asks as closing does, each time; Discard is the way out. */
static void
quit_twice_then_discard (VdApplication *app,
                         VdWindow      *window)
{
  for (guint i = 0; i < 2; i++)
    {
      GtkWidget *dialog;

      g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
      iterate_until_idle ();
      g_assert_true (is_open (window));
      dialog = vd_window_get_unsaved_dialog (window);
      g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
      adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), i == 0 ? "keep" : "discard");
    }
}

static void
test_quit_asks (void)
{
  g_autofree char *path = NULL;
  g_autofree char *after = NULL;
  Edit edit = { 0 };
  int exit_status = -1;

  path = demo_database (TRUE);
  edit.path = path;
  edit.slug = "taken";
  edit.title = "Refused, then discarded on purpose";
  edit.then = quit_twice_then_discard;

  /* The last window gone, the desk ends on its own. */
  g_assert_cmpint (run_until_signal (&edit, &exit_status), ==, 0);
  g_assert_cmpint (exit_status, ==, 0);
  after = stored_title (path);
  g_assert_cmpstr (after, !=, edit.title);
}

/* A window on @path whose demo comparison holds an edit the store refuses. */
static VdWindow *
window_with_refused_edit (const char *path,
                          const char *title)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VdStore) store = vd_store_new (path, &error);
  VdWindow *window;
  VdRecord *current;

  g_assert_no_error (error);
  window = g_object_ref_sink (vd_window_new (NULL, store, NULL));
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (vd_window_open_record (window, VD_TYPE_COMPARISON, DEMO_UUID));
  current = vd_window_get_current (window);
  vd_comparison_set_slug (VD_COMPARISON (current), "taken");
  vd_comparison_set_title (VD_COMPARISON (current), title);
  return window;
}

static void
test_close_asks_every_time (void)
{
  const char *title = "Typed, <b>refused</b> & kept";
  g_autofree char *path = demo_database (TRUE);
  g_autoptr(VdWindow) window = window_with_refused_edit (path, title);
  g_autofree char *after = NULL;
  AdwMessageDialog *dialog;

  /* Asked, with what and why, as text. */
  dialog = close_refused (window);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), title));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "taken"));
  g_assert_false (adw_message_dialog_get_body_use_markup (dialog));
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "keep");
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "discard"), ==,
                   ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_response (dialog, "keep");
  iterate_until_idle ();
  g_assert_null (vd_window_get_unsaved_dialog (window));

  /* Asked again: keeping once is not leave to drop it the next time. */
  dialog = close_refused (window);
  adw_message_dialog_response (dialog, "keep");
  iterate_until_idle ();
  after = stored_title (path);
  g_assert_cmpstr (after, !=, title);

  /* Only Discard closes it, and drops the edit. */
  dialog = close_refused (window);
  adw_message_dialog_response (dialog, "discard");
  iterate_until_idle ();
  g_assert_false (is_open (window));
  g_clear_pointer (&after, g_free);
  after = stored_title (path);
  g_assert_cmpstr (after, !=, title);
}

static void
test_close_saves_once_fixed (void)
{
  const char *title = "Saved once the slug is free";
  g_autofree char *path = demo_database (TRUE);
  g_autoptr(VdWindow) window = window_with_refused_edit (path, title);
  g_autofree char *after = NULL;
  AdwMessageDialog *dialog;
  VdRecord *current = vd_window_get_current (window);

  dialog = close_refused (window);
  adw_message_dialog_response (dialog, "keep");
  iterate_until_idle ();

  /* Fixed, the refused record is written by the close itself. */
  vd_comparison_set_slug (VD_COMPARISON (current), "free");
  gtk_window_close (GTK_WINDOW (window));
  iterate_until_idle ();
  g_assert_false (is_open (window));
  g_assert_null (vd_window_get_unsaved_dialog (window));
  after = stored_title (path);
  g_assert_cmpstr (after, ==, title);
}

/* Another program holds the write lock (a long import, a backup tool): the
 * write fails after the busy timeout, and every edit stays pending. */
static void
test_close_waits_out_a_lock (void)
{
  g_autofree char *path = demo_database (FALSE);
  g_autoptr(GError) error = NULL;
  g_autoptr(VdStore) store = vd_store_new (path, &error);
  g_autoptr(VdStore) reader = NULL;
  g_autoptr(VdWindow) window = NULL;
  g_autoptr(VdReviewer) skeptic = NULL;
  g_autoptr(VdTool) mistral = NULL;
  g_autofree char *exported = NULL;
  const char *text = "Typed while another program held the file";
  AdwMessageDialog *dialog;
  GtkWidget *form;
  sqlite3 *other;

  g_assert_no_error (error);
  skeptic = vd_store_load (store, VD_TYPE_REVIEWER, SKEPTIC, &error);
  mistral = vd_store_load (store, VD_TYPE_TOOL, MISTRAL, &error);
  g_assert_no_error (error);

  window = g_object_ref_sink (vd_window_new (NULL, store, NULL));
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (vd_window_open_record (window, VD_TYPE_COMPARISON, DEMO_UUID));
  iterate_until_idle ();
  form = vd_comparison_page_get_form (VD_COMPARISON_PAGE (vd_window_get_content (window)),
                                      SKEPTIC, 1);
  g_assert_true (VD_IS_SCORECARD_FORM (form));

  g_assert_cmpint (sqlite3_open (path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  gtk_text_buffer_set_text (vd_scorecard_form_get_buffer (VD_SCORECARD_FORM (form), 2), text, -1);

  /* The dialog names the scorecard by who wrote it on what. */
  dialog = close_refused (window);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog),
                            vd_reviewer_get_name (skeptic)));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), vd_tool_get_name (mistral)));
  adw_message_dialog_response (dialog, "keep");
  iterate_until_idle ();

  /* The lock gone, the next close writes the edit and closes. */
  g_assert_cmpint (sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (other), ==, SQLITE_OK);
  gtk_window_close (GTK_WINDOW (window));
  iterate_until_idle ();
  g_assert_false (is_open (window));
  g_assert_cmpuint (vd_window_get_n_unsaved (window), ==, 0);

  reader = vd_store_new (path, &error);
  g_assert_no_error (error);
  exported = vd_test_export (reader, DEMO_SLUG);
  g_assert_nonnull (strstr (exported, text));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data = g_dir_make_tmp ("verdict-desk-test-app-XXXXXX", NULL);
  g_autofree char *ours = g_build_filename (data, "verdict-desk", NULL);
  int status;

  /* Recovery files go to the data folder: a fresh one, before GLib reads it. */
  g_assert_nonnull (data);
  g_setenv ("XDG_DATA_HOME", data, TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/app/second-launch-joins", test_second_launch_joins);
  g_test_add_func ("/app/sigterm-saves-pending-edit", test_sigterm_saves_pending_edit);
  g_test_add_func ("/app/sigterm-keeps-unsavable-edit", test_sigterm_keeps_unsavable_edit);
  g_test_add_func ("/app/close-asks-every-time", test_close_asks_every_time);
  g_test_add_func ("/app/close-saves-once-fixed", test_close_saves_once_fixed);
  g_test_add_func ("/app/quit-asks", test_quit_asks);
  g_test_add_func ("/app/close-waits-out-a-lock", test_close_waits_out_a_lock);

  status = g_test_run ();
  g_rmdir (ours);
  g_rmdir (data);
  return status;
}
