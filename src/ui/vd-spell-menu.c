/* vd-spell-menu.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The spelling part of the text views' menus: the items,
 * and filling them for one word. The widget's own menu (cut, copy, paste)
 * stays, after the spelling part.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "vd-spell-adapter-private.h"

static void
set_enabled (VdSpellMenu *menu,
             gboolean     enabled)
{
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (menu->actions),
                                                                            "add")),
                               enabled);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (menu->actions),
                                                                            "ignore")),
                               enabled);
}

static void
on_add (GSimpleAction *action,
        GVariant      *parameter,
        gpointer       data)
{
  VdSpellMenu *menu = data;
  g_autofree char *word = g_strdup (menu->word);

  /* A copy: the speller tells every view, and a view may refill the menu. */
  if (word != NULL)
    vd_speller_add_word (menu->speller, menu->language, word);
}

static void
on_ignore (GSimpleAction *action,
           GVariant      *parameter,
           gpointer       data)
{
  VdSpellMenu *menu = data;
  g_autofree char *word = g_strdup (menu->word);

  if (word != NULL)
    vd_speller_ignore_word (menu->speller, word);
}

/**
 * vd_spell_menu_init:
 * @widget: where the "spelling" actions go
 * @extra: (nullable): the widget's extra menu until now, kept after ours
 * @correct: replaces the word filled for with the string it is given
 *
 * Returns: (transfer none): the menu to set as @widget's extra menu
 */
GMenuModel *
vd_spell_menu_init (VdSpellMenu    *menu,
                    GtkWidget      *widget,
                    GMenuModel     *extra,
                    VdSpeller      *speller,
                    VdSpellCorrect  correct,
                    gpointer        data)
{
  const GActionEntry entries[] = {
    { "add", on_add },
    { "ignore", on_ignore },
  };
  g_autoptr(GSimpleAction) correct_action = g_simple_action_new ("correct", G_VARIANT_TYPE_STRING);
  g_autoptr(GMenu) words = g_menu_new ();
  g_autoptr(GMenuItem) add = g_menu_item_new (_("Add to Dictionary"), "spelling.add");
  g_autoptr(GMenuItem) ignore = g_menu_item_new (_("Ignore All"), "spelling.ignore");

  menu->speller = speller;
  menu->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (menu->actions), entries,
                                   G_N_ELEMENTS (entries), menu);
  g_signal_connect (correct_action, "activate", G_CALLBACK (correct), data);
  g_action_map_add_action (G_ACTION_MAP (menu->actions), G_ACTION (correct_action));
  gtk_widget_insert_action_group (widget, "spelling", G_ACTION_GROUP (menu->actions));

  /* Hidden, not greyed, on a word that is right. */
  g_menu_item_set_attribute (add, "hidden-when", "s", "action-disabled");
  g_menu_item_set_attribute (ignore, "hidden-when", "s", "action-disabled");
  g_menu_append_item (words, add);
  g_menu_append_item (words, ignore);

  menu->menu = g_menu_new ();
  menu->suggestions = g_menu_new ();
  g_menu_append_section (menu->menu, NULL, G_MENU_MODEL (menu->suggestions));
  g_menu_append_section (menu->menu, NULL, G_MENU_MODEL (words));
  if (extra != NULL)
    g_menu_append_section (menu->menu, NULL, extra);

  set_enabled (menu, FALSE);
  return G_MENU_MODEL (menu->menu);
}

/**
 * vd_spell_menu_fill:
 * @word: (nullable) (transfer full): a misspelled word, or %NULL for none
 *
 * Offers @word's suggestions, Add to Dictionary and Ignore All; nothing for
 * %NULL.
 */
void
vd_spell_menu_fill (VdSpellMenu *menu,
                    const char  *language,
                    char        *word)
{
  g_auto(GStrv) suggestions = NULL;

  g_free (menu->language);
  menu->language = g_strdup (language);
  g_free (menu->word);
  menu->word = word;

  g_menu_remove_all (menu->suggestions);
  set_enabled (menu, word != NULL);
  if (word == NULL)
    return;

  suggestions = vd_speller_suggest (menu->speller, language, word);
  for (guint i = 0; suggestions[i] != NULL; i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (suggestions[i], NULL);

      g_menu_item_set_action_and_target (item, "spelling.correct", "s", suggestions[i]);
      g_menu_append_item (menu->suggestions, item);
    }
}

void
vd_spell_menu_clear (VdSpellMenu *menu)
{
  g_clear_object (&menu->actions);
  g_clear_object (&menu->menu);
  g_clear_object (&menu->suggestions);
  g_clear_pointer (&menu->language, g_free);
  g_clear_pointer (&menu->word, g_free);
}
