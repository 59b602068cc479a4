/* vd-spell-language-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The installed dictionaries by their language names, on an AdwComboRow of
 * the reviewer editor. Choosing one writes the machine's setting for the
 * reviewer (see vd_spell_set_reviewer_language()), which every open
 * scorecard of theirs follows. Without a dictionary the row says so and
 * does nothing.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "vd-speller.h"
#include "vd-spell-adapter.h"
#include "vd-spell-language-row.h"

typedef struct
{
  GStrv     codes;     /* in the order of the row's items */
  char     *reviewer;
  gboolean  syncing;
} RowState;

static void
row_state_free (gpointer data)
{
  RowState *state = data;

  g_strfreev (state->codes);
  g_free (state->reviewer);
  g_free (state);
}

static RowState *
get_state (AdwComboRow *row)
{
  return g_object_get_data (G_OBJECT (row), "vd-spell-language-row");
}

static void
on_selected (AdwComboRow *row)
{
  RowState *state = get_state (row);
  guint selected = adw_combo_row_get_selected (row);

  if (state->syncing || state->reviewer == NULL || state->codes == NULL ||
      selected >= g_strv_length (state->codes))
    return;

  vd_spell_set_reviewer_language (state->reviewer, state->codes[selected]);
}

/* The names, once the dictionaries are known: the reviewer editor is built
 * with the window, whose first frame does not wait for Enchant. */
static void
fill (AdwComboRow *row)
{
  RowState *state = get_state (row);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  if (state->codes != NULL)
    return;

  state->codes = vd_speller_list_languages (vd_speller_get_default ());
  for (guint i = 0; state->codes[i] != NULL; i++)
    {
      g_autofree char *name = vd_spell_language_get_name (state->codes[i]);

      gtk_string_list_append (names, name);
    }

  state->syncing = TRUE;
  adw_combo_row_set_model (row, G_LIST_MODEL (names));
  state->syncing = FALSE;

  if (state->codes[0] == NULL)
    {
      gtk_widget_set_sensitive (GTK_WIDGET (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   _("No spelling dictionaries are installed"));
    }
}

static void
on_language_loaded (AdwComboRow *row,
                    const char  *language)
{
  RowState *state = get_state (row);

  if (language == NULL)
    {
      fill (row);
      vd_spell_language_row_set_reviewer (row, state->reviewer);
    }
}

/**
 * vd_spell_language_row_setup:
 *
 * Fills @row with the installed dictionaries, as soon as they are known;
 * call once.
 */
void
vd_spell_language_row_setup (AdwComboRow *row)
{
  VdSpeller *speller = vd_speller_get_default ();

  g_return_if_fail (ADW_IS_COMBO_ROW (row));
  g_return_if_fail (get_state (row) == NULL);

  g_object_set_data_full (G_OBJECT (row), "vd-spell-language-row", g_new0 (RowState, 1),
                          row_state_free);
  if (vd_speller_is_probed (speller))
    fill (row);
  else
    g_signal_connect_object (speller, "language-loaded", G_CALLBACK (on_language_loaded), row,
                             G_CONNECT_SWAPPED);

  g_signal_connect (row, "notify::selected", G_CALLBACK (on_selected), NULL);
}

/**
 * vd_spell_language_row_set_reviewer:
 * @reviewer: (nullable): whose language @row shows and sets
 */
void
vd_spell_language_row_set_reviewer (AdwComboRow *row,
                                    const char  *reviewer)
{
  RowState *state = get_state (row);
  g_autofree char *language = NULL;
  guint selected = GTK_INVALID_LIST_POSITION;

  g_return_if_fail (state != NULL);

  if (state->reviewer != reviewer)
    {
      g_free (state->reviewer);
      state->reviewer = g_strdup (reviewer);
    }
  if (reviewer == NULL && state->codes == NULL)
    return;
  fill (row);

  language = reviewer != NULL ? vd_spell_dup_reviewer_language (reviewer) : NULL;
  for (guint i = 0; language != NULL && state->codes[i] != NULL; i++)
    if (g_str_equal (state->codes[i], language))
      selected = i;

  state->syncing = TRUE;
  adw_combo_row_set_selected (row, selected);
  state->syncing = FALSE;
}

/**
 * vd_spell_language_row_get_language:
 *
 * Returns: (nullable): the code of the dictionary @row shows
 */
const char *
vd_spell_language_row_get_language (AdwComboRow *row)
{
  RowState *state = get_state (row);
  guint selected;

  g_return_val_if_fail (state != NULL, NULL);

  selected = adw_combo_row_get_selected (row);
  return state->codes != NULL && selected < g_strv_length (state->codes) ? state->codes[selected]
                                                                          : NULL;
}
