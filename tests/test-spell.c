/* test-spell.c — the speller on the installed Hunspell dictionaries
 *
 * Needs hunspell-en-us and hunspell-de-de (build-aux/quickstart installs
 * them). Runs with XDG_CONFIG_HOME in a temporary folder, so that the
 * personal word list Enchant writes is this test's own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "vd-speller.h"
#include "vd-test-util.h"

static void
test_words (void)
{
  g_autoptr(VdSpeller) speller = vd_speller_new ();

  g_assert_false (vd_speller_check_word (speller, "en_US", "teh", -1));
  g_assert_false (vd_speller_check_word (speller, "en_US", "pannel", -1));
  g_assert_true (vd_speller_check_word (speller, "en_US", "the", -1));
  g_assert_true (vd_speller_check_word (speller, "en_US", "panel", -1));
  /* Only the given length counts. */
  g_assert_true (vd_speller_check_word (speller, "en_US", "panelxyz", 5));
  /* Versions, sizes and acronyms are not the dictionary's. */
  g_assert_true (vd_speller_check_word (speller, "en_US", "128K", -1));
  g_assert_true (vd_speller_check_word (speller, "en_US", "JSON", -1));
  /* A capital does not make a word an acronym. */
  g_assert_false (vd_speller_check_word (speller, "en_US", "Pannel", -1));
  g_assert_false (vd_speller_check_word (speller, "en_US", "JSONn", -1));
}

static void
test_suggestions (void)
{
  g_autoptr(VdSpeller) speller = vd_speller_new ();
  g_auto(GStrv) suggestions = vd_speller_suggest (speller, "en_US", "pannel");
  g_auto(GStrv) none = vd_speller_suggest (speller, "xx_XX", "pannel");

  g_assert_cmpuint (g_strv_length (suggestions), >=, 1);
  g_assert_cmpuint (g_strv_length (suggestions), <=, VD_SPELLER_MAX_SUGGESTIONS);
  g_assert_true (g_strv_contains ((const char * const *) suggestions, "panel"));
  g_assert_cmpuint (g_strv_length (none), ==, 0);
}

static void
test_german (void)
{
  g_autoptr(VdSpeller) speller = vd_speller_new ();

  g_assert_true (vd_speller_has_language (speller, "de_DE"));
  g_assert_true (vd_speller_check_word (speller, "de_DE", "Schreibtisch", -1));
  g_assert_false (vd_speller_check_word (speller, "en_US", "Schreibtisch", -1));
  g_assert_false (vd_speller_check_word (speller, "de_DE", "panel", -1));
}

/* A language without a dictionary: nothing is wrong and nothing warns
 * (the suite runs with G_DEBUG=fatal-warnings). */
static void
test_no_dictionary (void)
{
  g_autoptr(VdSpeller) speller = vd_speller_new ();
  g_auto(GStrv) suggestions = NULL;

  g_assert_false (vd_speller_has_language (speller, "xx_XX"));
  g_assert_true (vd_speller_check_word (speller, "xx_XX", "teh", -1));
  g_assert_true (vd_speller_check_word (speller, NULL, "teh", -1));
  suggestions = vd_speller_suggest (speller, "xx_XX", "teh");
  g_assert_cmpuint (g_strv_length (suggestions), ==, 0);
  /* Adding to a dictionary that does not exist writes nothing. */
  vd_speller_add_word (speller, "xx_XX", "teh");
  g_assert_false (vd_speller_check_word (speller, "en_US", "teh", -1));
}

static void
test_languages (void)
{
  g_autoptr(VdSpeller) speller = vd_speller_new ();
  g_auto(GStrv) languages = vd_speller_list_languages (speller);
  g_autofree char *german = vd_spell_language_get_name ("de_DE");
  g_autofree char *english = vd_spell_language_get_name ("en_US");
  g_autofree char *bare = vd_spell_language_get_name ("de");
  g_autofree char *unknown = vd_spell_language_get_name ("tlh");

  g_assert_true (vd_speller_has_dictionaries (speller));
  g_assert_true (g_strv_contains ((const char * const *) languages, "en_US"));
  g_assert_true (g_strv_contains ((const char * const *) languages, "de_DE"));
  for (guint i = 1; languages[i] != NULL; i++)
    g_assert_cmpstr (languages[i - 1], <, languages[i]);

  g_assert_cmpstr (german, ==, "German (Germany)");
  g_assert_cmpstr (english, ==, "English (United States)");
  g_assert_cmpstr (bare, ==, "German");
  g_assert_cmpstr (unknown, ==, "tlh");

  /* The suite runs in the C locale, which speaks English. */
  g_assert_cmpstr (vd_speller_get_default_language (speller), ==, "en_US");
}

static void
count_changed (VdSpeller *speller,
               gpointer   data)
{
  (*(guint *) data)++;
}

static void
test_ignore (void)
{
  g_autoptr(VdSpeller) speller = vd_speller_new ();
  g_autoptr(VdSpeller) next_session = vd_speller_new ();
  guint changed = 0;

  g_signal_connect (speller, "changed", G_CALLBACK (count_changed), &changed);
  vd_speller_ignore_word (speller, "Teh");
  g_assert_cmpuint (changed, ==, 1);
  vd_speller_ignore_word (speller, "teh");
  g_assert_cmpuint (changed, ==, 1);

  /* Every case, every language, this session only. */
  g_assert_true (vd_speller_check_word (speller, "en_US", "teh", -1));
  g_assert_true (vd_speller_check_word (speller, "de_DE", "TEH", -1));
  g_assert_false (vd_speller_check_word (next_session, "en_US", "teh", -1));
}

/* Added in one run, right in the next: a new broker reads the personal word
 * list back from the user's config folder. */
static void
test_personal_word_list (void)
{
  g_autofree char *path = g_build_filename (g_get_user_config_dir (), "enchant", "en_US.dic", NULL);
  g_autofree char *contents = NULL;
  VdSpeller *first = vd_speller_new ();
  g_autoptr(VdSpeller) second = NULL;
  guint changed = 0;

  g_assert_false (vd_speller_check_word (first, "en_US", "Verdictdesk", -1));
  g_signal_connect (first, "changed", G_CALLBACK (count_changed), &changed);
  vd_speller_add_word (first, "en_US", "Verdictdesk");
  g_assert_cmpuint (changed, ==, 1);
  g_assert_true (vd_speller_check_word (first, "en_US", "Verdictdesk", -1));
  g_assert_finalize_object (first);

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "Verdictdesk"));

  second = vd_speller_new ();
  g_assert_true (vd_speller_check_word (second, "en_US", "Verdictdesk", -1));
  g_assert_false (vd_speller_check_word (second, "de_DE", "Verdictdesk", -1));
}

static void
test_known_names (void)
{
  g_autoptr(VdStore) store = vd_test_new_demo_store (NULL);
  g_autoptr(VdSpeller) speller = vd_speller_new ();
  g_autoptr(VdTool) tool = NULL;
  g_autoptr(GError) error = NULL;
  guint changed = 0;

  /* A reviewer's surname the dictionary does not know. */
  g_assert_false (vd_speller_check_word (speller, "en_US", "Sokolova", -1));

  g_signal_connect (speller, "changed", G_CALLBACK (count_changed), &changed);
  vd_speller_learn_store (speller, store);
  g_assert_cmpuint (changed, >, 0);
  g_assert_true (vd_speller_check_word (speller, "de_DE", "Sokolova", -1));
  g_assert_true (vd_speller_check_word (speller, "en_US", "Mistral", -1));
  /* Names, not everything: a misspelling is still one. */
  g_assert_false (vd_speller_check_word (speller, "en_US", "pannel", -1));

  /* A renamed tool's new name counts as soon as it is saved. */
  tool = vd_store_load (store, VD_TYPE_TOOL, "6f1c2a9e-3b4d-4e5f-8a7b-1c2d3e4f5a61", &error);
  g_assert_no_error (error);
  g_assert_false (vd_speller_check_word (speller, "en_US", "Zephyrinox", -1));
  vd_tool_set_name (tool, "Zephyrinox Large");
  g_assert_true (vd_store_save (store, VD_RECORD (tool), &error));
  g_assert_no_error (error);
  g_assert_true (vd_speller_check_word (speller, "en_US", "Zephyrinox", -1));
}

static void
on_loaded (VdSpeller  *speller,
           const char *language,
           gpointer    data)
{
  g_assert_cmpstr (language, ==, "de_DE");
  (*(guint *) data)++;
}

/* Reading a dictionary takes a fifth of a second: the views have it read
 * by a worker, and hear when it is in. */
static void
test_load_in_worker (void)
{
  g_autoptr(VdSpeller) speller = vd_speller_new ();
  guint loaded = 0;

  g_signal_connect (speller, "language-loaded", G_CALLBACK (on_loaded), &loaded);
  g_assert_false (vd_speller_is_loaded (speller, "de_DE"));
  /* No dictionary, nothing to read. */
  g_assert_true (vd_speller_is_loaded (speller, "xx_XX"));

  vd_speller_load_language (speller, "de_DE");
  vd_speller_load_language (speller, "de_DE");
  g_assert_false (vd_speller_is_loaded (speller, "de_DE"));
  while (loaded == 0)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (loaded, ==, 1);
  g_assert_true (vd_speller_is_loaded (speller, "de_DE"));
  g_assert_true (vd_speller_check_word (speller, "de_DE", "Schreibtisch", -1));
  g_assert_false (vd_speller_check_word (speller, "de_DE", "Schreibtich", -1));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *config = vd_test_isolate_config ();
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/spell/words", test_words);
  g_test_add_func ("/spell/suggestions", test_suggestions);
  g_test_add_func ("/spell/german", test_german);
  g_test_add_func ("/spell/no-dictionary", test_no_dictionary);
  g_test_add_func ("/spell/languages", test_languages);
  g_test_add_func ("/spell/ignore", test_ignore);
  g_test_add_func ("/spell/personal-word-list", test_personal_word_list);
  g_test_add_func ("/spell/known-names", test_known_names);
  g_test_add_func ("/spell/load-in-worker", test_load_in_worker);

  status = g_test_run ();
  vd_test_remove_config (config);
  return status;
}
