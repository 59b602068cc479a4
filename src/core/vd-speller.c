/* vd-speller.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The desk's one door to Enchant, and no GTK: the text-view adapter in ui/
 * asks it about words, the command line and the tests can too. A word is
 * right when the reviewer's dictionary knows it, when it is in the user's
 * personal word list (Enchant keeps that under the user's config folder, per
 * language, so it outlives the process), when it was ignored this session,
 * or when it is part of a name the desk holds: tools, vendors, reviewers.
 * Without a dictionary for a language nothing is wrong in it: spelling is
 * a help, never a reason for an error.
 */
#include "config.h"

#include <enchant.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "vd-speller.h"

/* One broker per dictionary: a broker and its dictionary are made together
 * in a worker thread (Enchant takes a fifth of a second to read a Hunspell
 * dictionary) and then used on the main thread only. */
typedef struct
{
  EnchantBroker *broker;
  EnchantDict   *dict;            /* NULL: no dictionary for the language */
} Dict;

struct _VdSpeller
{
  GObject        parent_instance;

  GThread       *probe;           /* listing the dictionaries, until joined */
  GStrv          languages;       /* what the probe found, sorted */
  GHashTable    *dicts;           /* language → Dict* */
  GHashTable    *loading;         /* languages a worker is loading */
  GHashTable    *ignored;         /* casefolded word, this session only */
  GHashTable    *known;           /* casefolded word of a name the desk holds */
  char          *default_language;
  guint          default_looked_up : 1;
};

G_DEFINE_FINAL_TYPE (VdSpeller, vd_speller, G_TYPE_OBJECT)

enum {
  CHANGED,
  LANGUAGE_LOADED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static Dict *
dict_load (const char *language)
{
  Dict *dict = g_new0 (Dict, 1);

  dict->broker = enchant_broker_init ();
  if (dict->broker != NULL && enchant_broker_dict_exists (dict->broker, language))
    dict->dict = enchant_broker_request_dict (dict->broker, language);
  return dict;
}

static void
dict_free (gpointer data)
{
  Dict *dict = data;

  if (dict->dict != NULL)
    enchant_broker_free_dict (dict->broker, dict->dict);
  if (dict->broker != NULL)
    enchant_broker_free (dict->broker);
  g_free (dict);
}

static void
collect_language (const char * const lang_tag,
                  const char * const provider_name,
                  const char * const provider_desc,
                  const char * const provider_file,
                  void              *user_data)
{
  GPtrArray *languages = user_data;

  for (guint i = 0; i < languages->len; i++)
    if (g_str_equal (g_ptr_array_index (languages, i), lang_tag))
      return;
  g_ptr_array_add (languages, g_strdup (lang_tag));
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static GStrv
list_installed (void)
{
  EnchantBroker *broker = enchant_broker_init ();
  GPtrArray *languages = g_ptr_array_new ();

  if (broker != NULL)
    {
      enchant_broker_list_dicts (broker, collect_language, languages);
      enchant_broker_free (broker);
    }
  g_ptr_array_sort (languages, compare_strings);
  g_ptr_array_add (languages, NULL);
  return (GStrv) g_ptr_array_free (languages, FALSE);
}

static gboolean
probe_done_cb (gpointer data)
{
  VdSpeller *self = data;

  if (self->probe != NULL)
    self->languages = g_thread_join (g_steal_pointer (&self->probe));
  g_signal_emit (self, signals[LANGUAGE_LOADED], 0, NULL);
  g_object_unref (self);
  return G_SOURCE_REMOVE;
}

static gpointer
probe_thread (gpointer data)
{
  GStrv languages = list_installed ();

  /* The main loop joins this thread and tells the views. */
  g_idle_add_full (G_PRIORITY_DEFAULT, probe_done_cb, data, NULL);
  return languages;
}

/**
 * vd_speller_probe:
 *
 * Starts listing the installed dictionaries in a worker thread (starting
 * Enchant takes tens of milliseconds, which the window's first frame should
 * not wait for); #VdSpeller::language-loaded with %NULL says when the list
 * is in (vd_speller_is_probed()).
 */
void
vd_speller_probe (VdSpeller *self)
{
  g_return_if_fail (VD_IS_SPELLER (self));

  if (self->languages == NULL && self->probe == NULL)
    self->probe = g_thread_new ("vd-spell-probe", probe_thread, g_object_ref (self));
}

/**
 * vd_speller_is_probed:
 *
 * Returns: whether the installed dictionaries are known: asking about
 *   languages before then waits for the probe
 */
gboolean
vd_speller_is_probed (VdSpeller *self)
{
  g_return_val_if_fail (VD_IS_SPELLER (self), FALSE);

  return self->languages != NULL;
}

static const char * const *
get_languages (VdSpeller *self)
{
  if (self->languages == NULL)
    self->languages = self->probe != NULL ? g_thread_join (g_steal_pointer (&self->probe))
                                          : list_installed ();
  return (const char * const *) self->languages;
}

/* The language's dictionary, read now if no worker has: what the command
 * line and the tests want; the views ask vd_speller_load_language() first. */
static EnchantDict *
get_dict (VdSpeller  *self,
          const char *language)
{
  Dict *dict;

  if (language == NULL || language[0] == '\0')
    return NULL;

  if ((dict = g_hash_table_lookup (self->dicts, language)) == NULL)
    {
      dict = g_strv_contains (get_languages (self), language) ? dict_load (language)
                                                              : g_new0 (Dict, 1);
      g_hash_table_insert (self->dicts, g_strdup (language), dict);
    }

  return dict->dict;
}

static void
load_thread (GTask        *task,
             gpointer      source,
             gpointer      data,
             GCancellable *cancellable)
{
  g_task_return_pointer (task, dict_load (data), dict_free);
}

static void
load_done (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  VdSpeller *self = VD_SPELLER (source);
  const char *language = g_task_get_task_data (G_TASK (result));
  Dict *dict = g_task_propagate_pointer (G_TASK (result), NULL);

  g_hash_table_remove (self->loading, language);
  /* Read meanwhile by get_dict(): keep that one. */
  if (g_hash_table_contains (self->dicts, language))
    dict_free (dict);
  else
    g_hash_table_insert (self->dicts, g_strdup (language), dict);

  g_signal_emit (self, signals[LANGUAGE_LOADED], 0, language);
}

/**
 * vd_speller_is_loaded:
 *
 * Returns: whether words in @language can be checked now without reading
 *   a dictionary: it is read, or there is none to read
 */
gboolean
vd_speller_is_loaded (VdSpeller  *self,
                      const char *language)
{
  g_return_val_if_fail (VD_IS_SPELLER (self), FALSE);

  return language == NULL || g_hash_table_contains (self->dicts, language) ||
         !g_strv_contains (get_languages (self), language);
}

/**
 * vd_speller_load_language:
 *
 * Reads @language's dictionary in a worker thread, once;
 * #VdSpeller::language-loaded says when it is in.
 */
void
vd_speller_load_language (VdSpeller  *self,
                          const char *language)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (VD_IS_SPELLER (self));

  if (vd_speller_is_loaded (self, language) || g_hash_table_contains (self->loading, language))
    return;

  g_hash_table_add (self->loading, g_strdup (language));
  task = g_task_new (self, NULL, load_done, NULL);
  g_task_set_source_tag (task, vd_speller_load_language);
  g_task_set_task_data (task, g_strdup (language), g_free);
  g_task_run_in_thread (task, load_thread);
}

static void
vd_speller_finalize (GObject *object)
{
  VdSpeller *self = VD_SPELLER (object);

  /* A GTask holds its source: no load is running. */
  if (self->probe != NULL)
    g_strfreev (g_thread_join (g_steal_pointer (&self->probe)));
  g_clear_pointer (&self->languages, g_strfreev);
  g_clear_pointer (&self->dicts, g_hash_table_unref);
  g_clear_pointer (&self->loading, g_hash_table_unref);
  g_clear_pointer (&self->ignored, g_hash_table_unref);
  g_clear_pointer (&self->known, g_hash_table_unref);
  g_clear_pointer (&self->default_language, g_free);

  G_OBJECT_CLASS (vd_speller_parent_class)->finalize (object);
}

static void
vd_speller_class_init (VdSpellerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = vd_speller_finalize;

  /**
   * VdSpeller::changed:
   *
   * A word that was wrong may be right now (added, ignored or a new name);
   * no right word became wrong, so a view needs to look again only at what
   * it flagged.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * VdSpeller::language-loaded:
   * @language: (nullable): the dictionary code, or %NULL for the list of
   *   dictionaries (vd_speller_probe())
   *
   * vd_speller_load_language() has read @language's dictionary (or found
   * none): its words can be checked now.
   */
  signals[LANGUAGE_LOADED] =
    g_signal_new ("language-loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
vd_speller_init (VdSpeller *self)
{
  self->dicts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, dict_free);
  self->loading = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->ignored = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

VdSpeller *
vd_speller_new (void)
{
  return g_object_new (VD_TYPE_SPELLER, NULL);
}

/**
 * vd_speller_get_default:
 *
 * Returns: (transfer none): the speller every field of the process shares,
 *   so that what is ignored or learnt in one counts in all
 */
VdSpeller *
vd_speller_get_default (void)
{
  static VdSpeller *speller;

  if (speller == NULL)
    {
      speller = vd_speller_new ();
      vd_speller_probe (speller);
    }
  return speller;
}

/**
 * vd_speller_list_languages:
 *
 * Returns: (transfer full): the codes of the installed dictionaries
 *   ("de_DE", "en_US"), sorted; empty when there are none
 */
GStrv
vd_speller_list_languages (VdSpeller *self)
{
  g_return_val_if_fail (VD_IS_SPELLER (self), NULL);

  return g_strdupv ((char **) get_languages (self));
}

gboolean
vd_speller_has_dictionaries (VdSpeller *self)
{
  g_return_val_if_fail (VD_IS_SPELLER (self), FALSE);

  return get_languages (self)[0] != NULL;
}

gboolean
vd_speller_has_language (VdSpeller  *self,
                         const char *language)
{
  g_return_val_if_fail (VD_IS_SPELLER (self), FALSE);

  return language != NULL && g_strv_contains (get_languages (self), language);
}

/* "de_DE.UTF-8@euro" → "de_DE": what Enchant's tags look like. */
static char *
locale_to_language (const char *locale)
{
  return g_strndup (locale, strcspn (locale, ".@"));
}

static char *
find_default_language (VdSpeller *self)
{
  const char * const *names = g_get_language_names ();
  g_auto(GStrv) installed = vd_speller_list_languages (self);

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *language = locale_to_language (names[i]);
      gsize length;

      /* The C locale speaks English. */
      if (g_str_equal (language, "C") || g_str_equal (language, "POSIX"))
        {
          g_free (language);
          language = g_strdup ("en_US");
        }

      if (vd_speller_has_language (self, language))
        return g_steal_pointer (&language);

      /* "de" or an uninstalled "de_AT": any dictionary of the language. */
      length = strcspn (language, "_");
      for (guint j = 0; installed[j] != NULL; j++)
        if (strncmp (installed[j], language, length) == 0 &&
            (installed[j][length] == '\0' || installed[j][length] == '_'))
          return g_strdup (installed[j]);
    }

  return NULL;
}

/**
 * vd_speller_get_default_language:
 *
 * Returns: (nullable): the installed dictionary closest to the user's
 *   locale, or %NULL when none is
 */
const char *
vd_speller_get_default_language (VdSpeller *self)
{
  g_return_val_if_fail (VD_IS_SPELLER (self), NULL);

  if (!self->default_looked_up)
    {
      self->default_language = find_default_language (self);
      self->default_looked_up = TRUE;
    }
  return self->default_language;
}

/* Words with digits ("128K", "GPT4") and acronyms ("JSON", "SDK") are not
 * the dictionary's business: reviews of software are full of them, and an
 * underline under every one would hide the real misspellings. */
static gboolean
is_code_or_acronym (const char *word,
                    gsize       length)
{
  guint n_upper = 0;

  for (const char *p = word; p < word + length; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isdigit (c))
        return TRUE;
      if (g_unichar_islower (c))
        return FALSE;
      if (g_unichar_isupper (c))
        n_upper++;
    }
  return n_upper >= 2;
}

/**
 * vd_speller_check_word:
 * @language: (nullable): a dictionary code such as "en_US"
 * @length: the length of @word in bytes, or -1
 *
 * Returns: %FALSE only when @language has a dictionary and @word is wrong in
 *   it: words with digits, acronyms, ignored words and the desk's names are
 *   right
 */
gboolean
vd_speller_check_word (VdSpeller  *self,
                       const char *language,
                       const char *word,
                       gssize      length)
{
  EnchantDict *dict;
  g_autofree char *folded = NULL;

  g_return_val_if_fail (VD_IS_SPELLER (self), TRUE);
  g_return_val_if_fail (word != NULL, TRUE);

  if (length < 0)
    length = strlen (word);
  if (length == 0 || is_code_or_acronym (word, length) || (dict = get_dict (self, language)) == NULL)
    return TRUE;

  folded = g_utf8_casefold (word, length);
  if (g_hash_table_contains (self->ignored, folded) || g_hash_table_contains (self->known, folded))
    return TRUE;

  return enchant_dict_check (dict, word, length) == 0;
}

/**
 * vd_speller_suggest:
 *
 * Returns: (transfer full): at most %VD_SPELLER_MAX_SUGGESTIONS corrections
 *   of @word, best first; empty without a dictionary
 */
GStrv
vd_speller_suggest (VdSpeller  *self,
                    const char *language,
                    const char *word)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  EnchantDict *dict;

  g_return_val_if_fail (VD_IS_SPELLER (self), NULL);
  g_return_val_if_fail (word != NULL, NULL);

  if ((dict = get_dict (self, language)) != NULL)
    {
      size_t n = 0;
      char **suggestions = enchant_dict_suggest (dict, word, -1, &n);

      for (size_t i = 0; i < n && i < VD_SPELLER_MAX_SUGGESTIONS; i++)
        g_strv_builder_add (builder, suggestions[i]);
      if (suggestions != NULL)
        enchant_dict_free_string_list (dict, suggestions);
    }

  return g_strv_builder_end (builder);
}

/**
 * vd_speller_add_word:
 *
 * Adds @word to the user's personal word list for @language, which Enchant
 * writes at once, so that it is right in every field and after a restart.
 */
void
vd_speller_add_word (VdSpeller  *self,
                     const char *language,
                     const char *word)
{
  EnchantDict *dict;

  g_return_if_fail (VD_IS_SPELLER (self));
  g_return_if_fail (word != NULL);

  if (word[0] == '\0' || (dict = get_dict (self, language)) == NULL)
    return;

  enchant_dict_add (dict, word, -1);
  g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * vd_speller_ignore_word:
 *
 * @word is right in every language until the process ends.
 */
void
vd_speller_ignore_word (VdSpeller  *self,
                        const char *word)
{
  g_return_if_fail (VD_IS_SPELLER (self));
  g_return_if_fail (word != NULL);

  if (word[0] != '\0' && g_hash_table_add (self->ignored, g_utf8_casefold (word, -1)))
    g_signal_emit (self, signals[CHANGED], 0);
}

/* Returns: whether a word of @text was new */
static gboolean
add_names (VdSpeller  *self,
           const char *text)
{
  gboolean added = FALSE;
  const char *p, *start = NULL;

  if (text == NULL)
    return FALSE;

  for (p = text; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gboolean in_word = c != 0 && (g_unichar_isalnum (c) || c == '\'' || c == 0x2019);

      if (in_word && start == NULL)
        start = p;
      else if (!in_word && start != NULL)
        {
          added |= g_hash_table_add (self->known, g_utf8_casefold (start, p - start));
          start = NULL;
        }
      if (c == 0)
        break;
    }

  return added;
}

/**
 * vd_speller_add_known_names:
 * @text: a name, or several: "Mistral AI · Coding assistant"
 *
 * Every word of @text is right from now on, in every language.
 */
void
vd_speller_add_known_names (VdSpeller  *self,
                            const char *text)
{
  g_return_if_fail (VD_IS_SPELLER (self));

  if (add_names (self, text))
    g_signal_emit (self, signals[CHANGED], 0);
}

/* A tool's subtitle reads "Vendor · Category": the vendor is a name too;
 * a reviewer's is their persona, words a dictionary has anyway. */
static gboolean
add_summary_names (VdSpeller *self,
                   VdSummary *summary)
{
  gboolean added = add_names (self, vd_summary_get_title (summary));

  return add_names (self, vd_summary_get_subtitle (summary)) || added;
}

/**
 * vd_speller_learn_summaries:
 * @summaries: a list of #VdSummary, tools' or reviewers'
 * @position: (inout): where to start, moved past what was learnt
 * @deadline: a g_get_monotonic_time() to stop at, or 0 for none
 *
 * Takes the names of @summaries as right words, at least one summary's,
 * until @deadline; #VdSpeller::changed once at the end if any was new.
 *
 * Returns: whether it got to the end of @summaries
 */
gboolean
vd_speller_learn_summaries (VdSpeller  *self,
                            GListModel *summaries,
                            guint      *position,
                            gint64      deadline)
{
  guint n;
  gboolean added = FALSE;

  g_return_val_if_fail (VD_IS_SPELLER (self), TRUE);
  g_return_val_if_fail (G_IS_LIST_MODEL (summaries), TRUE);
  g_return_val_if_fail (position != NULL, TRUE);

  n = g_list_model_get_n_items (summaries);
  while (*position < n)
    {
      g_autoptr(VdSummary) summary = g_list_model_get_item (summaries, (*position)++);

      added |= add_summary_names (self, summary);
      if (deadline > 0 && g_get_monotonic_time () >= deadline)
        break;
    }

  if (added)
    g_signal_emit (self, signals[CHANGED], 0);
  return *position >= n;
}

static void
learn_summaries (VdSpeller *self,
                 VdStore   *store,
                 GType      type)
{
  g_autoptr(GListStore) summaries = vd_store_list_summaries (store, type, NULL);
  guint position = 0;

  if (summaries != NULL)
    vd_speller_learn_summaries (self, G_LIST_MODEL (summaries), &position, 0);
}

static void
on_store_changed (VdSpeller  *self,
                  GType       type,
                  const char *uuid,
                  VdStore    *store)
{
  g_autoptr(VdSummary) summary = NULL;

  if (type == G_TYPE_NONE || uuid == NULL)
    {
      learn_summaries (self, store, VD_TYPE_TOOL);
      learn_summaries (self, store, VD_TYPE_REVIEWER);
      return;
    }

  if (type != VD_TYPE_TOOL && type != VD_TYPE_REVIEWER)
    return;

  /* One record: one row read, not the desk. */
  if ((summary = vd_store_load_summary (store, type, uuid, NULL)) != NULL &&
      add_summary_names (self, summary))
    g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * vd_speller_watch_store:
 *
 * Takes the names of every tool and reviewer @store saves from now on as
 * right words: one row read per change.
 */
void
vd_speller_watch_store (VdSpeller *self,
                        VdStore   *store)
{
  g_return_if_fail (VD_IS_SPELLER (self));
  g_return_if_fail (VD_IS_STORE (store));

  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed), self,
                           G_CONNECT_SWAPPED);
}

/**
 * vd_speller_learn_store:
 *
 * Takes the names of @store's tools, vendors and reviewers as right words,
 * now and as they are written: one read of every name, so the command line
 * and the tests; a window learns from the lists its sidebar reads anyway.
 */
void
vd_speller_learn_store (VdSpeller *self,
                        VdStore   *store)
{
  g_return_if_fail (VD_IS_SPELLER (self));
  g_return_if_fail (VD_IS_STORE (store));

  learn_summaries (self, store, VD_TYPE_TOOL);
  learn_summaries (self, store, VD_TYPE_REVIEWER);
  vd_speller_watch_store (self, store);
}

/* Language names ----------------------------------------------------------
 * GLib has no language names; these are the languages Hunspell dictionaries
 * come in most often, in English for translators to put in their language.
 * Anything else shows its code, which is still a working choice. */

static const struct { const char *code; const char *name; } language_names[] = {
  { "ca", N_("Catalan") },   { "cs", N_("Czech") },     { "da", N_("Danish") },
  { "de", N_("German") },    { "el", N_("Greek") },     { "en", N_("English") },
  { "es", N_("Spanish") },   { "fi", N_("Finnish") },   { "fr", N_("French") },
  { "hu", N_("Hungarian") }, { "it", N_("Italian") },   { "ja", N_("Japanese") },
  { "nb", N_("Norwegian Bokmål") }, { "nl", N_("Dutch") }, { "pl", N_("Polish") },
  { "pt", N_("Portuguese") }, { "ro", N_("Romanian") }, { "ru", N_("Russian") },
  { "sv", N_("Swedish") },   { "tr", N_("Turkish") },   { "uk", N_("Ukrainian") },
};

static const struct { const char *code; const char *name; } territory_names[] = {
  { "AT", N_("Austria") },   { "AU", N_("Australia") }, { "BE", N_("Belgium") },
  { "BR", N_("Brazil") },    { "CA", N_("Canada") },    { "CH", N_("Switzerland") },
  { "DE", N_("Germany") },   { "ES", N_("Spain") },     { "FR", N_("France") },
  { "GB", N_("United Kingdom") }, { "IE", N_("Ireland") }, { "IN", N_("India") },
  { "IT", N_("Italy") },     { "LI", N_("Liechtenstein") }, { "LU", N_("Luxembourg") },
  { "MX", N_("Mexico") },    { "NL", N_("Netherlands") }, { "NZ", N_("New Zealand") },
  { "PT", N_("Portugal") },  { "US", N_("United States") }, { "ZA", N_("South Africa") },
};

/**
 * vd_spell_language_get_name:
 * @language: a dictionary code: "de_DE", "en", "pt_BR"
 *
 * Returns: (transfer full): what a person calls it, translated:
 *   "German (Germany)"; the code itself for a language this does not name
 */
char *
vd_spell_language_get_name (const char *language)
{
  g_autofree char *code = NULL;
  const char *territory, *name = NULL, *where = NULL;

  g_return_val_if_fail (language != NULL, NULL);

  code = g_strndup (language, strcspn (language, "_-"));
  territory = language[strlen (code)] != '\0' ? language + strlen (code) + 1 : NULL;

  for (guint i = 0; i < G_N_ELEMENTS (language_names); i++)
    if (g_str_equal (code, language_names[i].code))
      name = _(language_names[i].name);
  if (name == NULL)
    return g_strdup (language);

  if (territory == NULL)
    return g_strdup (name);

  for (guint i = 0; i < G_N_ELEMENTS (territory_names); i++)
    if (g_str_equal (territory, territory_names[i].code))
      where = _(territory_names[i].name);

  /* Translators: a spelling dictionary: a language and where it is spoken,
   * “German (Germany)” */
  return g_strdup_printf (_("%s (%s)"), name, where != NULL ? where : territory);
}
