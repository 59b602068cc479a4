/* vd-store-prompts.c — removing a custom reviewer's prompt without losing
 * or publishing what was written under it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A scorecard's sections answer its reviewer's prompts by position. Taking
 * prompt i away therefore takes section i out of every scorecard of that
 * reviewer, and the later sections move up with their prompts, so no text
 * ever lands under another prompt. What was written under it goes to
 * "scorecards_set_aside" (schema 8): a table of this desk only, which
 * neither the export nor the shared desk reads, so the text stays in the
 * database and reaches no page. Undo puts back exactly what one removal
 * took; typing the same prompt again (case and spacing aside) brings back
 * each scorecard's newest text under it, into a section still empty.
 * Each step is one transaction with the records it rewrites.
 */
#include "config.h"

#include "vd-error.h"
#include "vd-store-private.h"

/**
 * vd_prompt_dup_key:
 *
 * Returns: how a prompt is recognised when it is typed again: casefolded,
 *   its runs of white space one space, trimmed
 */
char *
vd_prompt_dup_key (const char *prompt)
{
  g_autofree char *normal = NULL;
  g_autofree char *folded = NULL;
  GString *key;

  g_return_val_if_fail (prompt != NULL, NULL);

  normal = g_utf8_normalize (prompt, -1, G_NORMALIZE_ALL_COMPOSE);
  folded = g_utf8_casefold (normal != NULL ? normal : "", -1);
  key = g_string_new (NULL);
  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          if (key->len > 0 && key->str[key->len - 1] != ' ')
            g_string_append_c (key, ' ');
        }
      else
        g_string_append_unichar (key, c);
    }
  if (key->len > 0 && key->str[key->len - 1] == ' ')
    g_string_truncate (key, key->len - 1);

  return g_string_free (key, FALSE);
}

static gboolean
is_blank (const char *text)
{
  for (; text != NULL && *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

/* The uuids of @reviewer's scorecards, in every comparison. */
static GPtrArray *
list_cards (VdStore     *self,
            const char  *reviewer,
            GError     **error)
{
  g_autoptr(GPtrArray) uuids = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = _vd_store_prepare (self, "SELECT uuid FROM scorecards WHERE reviewer = ?1 "
                                        "ORDER BY uuid", error)))
    return NULL;
  sqlite3_bind_text (stmt, 1, reviewer, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (uuids, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _vd_store_set_sqlite_error (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&uuids);
}

/* @list with @text put in at @index (or, for %NULL, item @index taken out);
 * a list shorter than @index is padded with empty items first. */
static char **
strv_splice (const char * const *list,
             guint               index,
             const char         *text)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint len = g_strv_length ((char **) list);

  for (guint i = 0; i < MAX (len, index); i++)
    {
      if (i == index && text != NULL)
        g_strv_builder_add (builder, text);
      if (i == index && text == NULL)
        continue;
      g_strv_builder_add (builder, i < len ? list[i] : "");
    }
  if (index >= len && text != NULL)
    g_strv_builder_add (builder, text);

  return g_strv_builder_end (builder);
}

static VdReviewer *
load_custom_reviewer (VdStore     *self,
                      const char  *uuid,
                      GError     **error)
{
  g_autoptr(VdReviewer) reviewer = vd_store_load (self, VD_TYPE_REVIEWER, uuid, error);

  if (reviewer == NULL)
    return NULL;
  if (vd_reviewer_get_persona (reviewer) != VD_PERSONA_CUSTOM)
    {
      g_set_error (error, VD_STORE_ERROR, VD_STORE_ERROR_INVALID,
                   "%s’s prompts are a built-in persona’s, which cannot be changed",
                   vd_reviewer_get_name (reviewer));
      return NULL;
    }

  return g_steal_pointer (&reviewer);
}

/**
 * vd_store_count_prompt_text:
 * @reviewer: a reviewer's uuid
 * @index: one of its prompts
 * @n_scorecards: (out): how many of its scorecards have text under it
 */
gboolean
vd_store_count_prompt_text (VdStore     *self,
                            const char  *reviewer,
                            guint        index,
                            guint       *n_scorecards,
                            GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (VD_IS_STORE (self), FALSE);
  g_return_val_if_fail (reviewer != NULL && n_scorecards != NULL, FALSE);

  /* trim() with the characters is_blank() knows. */
  if (!(stmt = _vd_store_prepare (self,
                                  "SELECT count(*) FROM scorecards s"
                                  "  JOIN scorecards_sections l ON l.record = s.uuid"
                                  "  WHERE s.reviewer = ?1 AND l.position = ?2"
                                  "  AND trim(l.value, ' ' || char(9, 10, 11, 12, 13)) <> ''",
                                  error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, reviewer, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, index);
  rc = sqlite3_step (stmt);
  *n_scorecards = rc == SQLITE_ROW ? (guint) sqlite3_column_int64 (stmt, 0) : 0;
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return _vd_store_set_sqlite_error (self, rc, error);

  return TRUE;
}

static gint64
next_removal (VdStore  *self,
              GError  **error)
{
  sqlite3_stmt *stmt;
  gint64 removal = 0;
  int rc;

  if (!(stmt = _vd_store_prepare (self, "SELECT coalesce (max (removal), 0) + 1 "
                                        "FROM scorecards_set_aside", error)))
    return 0;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    removal = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    _vd_store_set_sqlite_error (self, rc, error);

  return removal;
}

static gboolean
set_aside (VdStore     *self,
           const char  *card,
           const char  *reviewer,
           gint64       removal,
           guint        position,
           const char  *prompt,
           const char  *key,
           const char  *value,
           GError     **error)
{
  sqlite3_stmt *stmt;

  if (!(stmt = _vd_store_prepare (self,
                                  "INSERT INTO scorecards_set_aside"
                                  "  (record, reviewer, removal, position, prompt, key, value)"
                                  "  VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, card, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, reviewer, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, removal);
  sqlite3_bind_int64 (stmt, 4, position);
  sqlite3_bind_text (stmt, 5, prompt, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, value, -1, SQLITE_TRANSIENT);
  if (!_vd_store_step_done (self, stmt, error))
    return FALSE;

  self->dirty = TRUE;
  return TRUE;
}

static gboolean
forget_set_aside (VdStore     *self,
                  const char  *card,
                  gint64       removal,
                  guint        position,
                  GError     **error)
{
  sqlite3_stmt *stmt;

  if (!(stmt = _vd_store_prepare (self,
                                  "DELETE FROM scorecards_set_aside"
                                  "  WHERE record = ?1 AND removal = ?2 AND position = ?3",
                                  error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, card, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, removal);
  sqlite3_bind_int64 (stmt, 3, position);
  if (!_vd_store_step_done (self, stmt, error))
    return FALSE;

  self->dirty = TRUE;
  return TRUE;
}

/**
 * vd_store_remove_prompt:
 * @reviewer: a custom reviewer's uuid
 * @index: the prompt to take away
 *
 * Takes prompt @index from @reviewer and section @index from each of its
 * scorecards, keeping the text that was there aside (see the top of this
 * file), in one transaction.
 *
 * Returns: what vd_store_restore_prompt() needs to undo it: a number above
 *   0, or 0 on failure (nothing changed)
 */
gint64
vd_store_remove_prompt (VdStore     *self,
                        const char  *reviewer_uuid,
                        guint        index,
                        GError     **error)
{
  g_autoptr(VdReviewer) reviewer = NULL;
  g_autoptr(GPtrArray) cards = NULL;
  g_auto(GStrv) prompts = NULL;
  g_autofree char *prompt = NULL;
  g_autofree char *key = NULL;
  const char * const *before;
  gint64 removal;

  g_return_val_if_fail (VD_IS_STORE (self), 0);
  g_return_val_if_fail (reviewer_uuid != NULL, 0);

  if (!vd_store_begin (self, error))
    return 0;

  if (!(reviewer = load_custom_reviewer (self, reviewer_uuid, error)))
    goto failed;
  before = vd_reviewer_get_prompts (reviewer);
  if (index >= g_strv_length ((char **) before))
    {
      g_set_error (error, VD_STORE_ERROR, VD_STORE_ERROR_NOT_FOUND,
                   "%s has no prompt %u", vd_reviewer_get_name (reviewer), index + 1);
      goto failed;
    }

  prompt = g_strdup (before[index]);
  key = vd_prompt_dup_key (prompt);
  prompts = strv_splice (before, index, NULL);
  vd_reviewer_set_prompts (reviewer, (const char * const *) prompts);
  if (!vd_store_save (self, VD_RECORD (reviewer), error) ||
      !(removal = next_removal (self, error)) ||
      !(cards = list_cards (self, reviewer_uuid, error)))
    goto failed;

  for (guint i = 0; i < cards->len; i++)
    {
      g_autoptr(VdScorecard) card = vd_store_load (self, VD_TYPE_SCORECARD,
                                                   g_ptr_array_index (cards, i), error);
      g_auto(GStrv) sections = NULL;
      const char *text;

      if (card == NULL)
        goto failed;
      if (index >= g_strv_length ((char **) vd_scorecard_get_sections (card)))
        continue;

      text = vd_scorecard_get_section (card, index);
      if (!is_blank (text) &&
          !set_aside (self, g_ptr_array_index (cards, i), reviewer_uuid, removal, index,
                      prompt, key, text, error))
        goto failed;

      sections = strv_splice (vd_scorecard_get_sections (card), index, NULL);
      vd_scorecard_set_sections (card, (const char * const *) sections);
      if (!vd_store_save (self, VD_RECORD (card), error))
        goto failed;
    }

  if (!vd_store_commit (self, error))
    return 0;
  return removal;

failed:
  vd_store_rollback (self);
  return 0;
}

/* The text @removal set aside from @card, or %NULL. */
static char *
dup_set_aside (VdStore     *self,
               const char  *card,
               gint64       removal,
               guint       *position,
               GError     **error)
{
  sqlite3_stmt *stmt;
  char *value = NULL;
  int rc;

  if (!(stmt = _vd_store_prepare (self, "SELECT value, position FROM scorecards_set_aside"
                                        "  WHERE record = ?1 AND removal = ?2", error)))
    return NULL;
  sqlite3_bind_text (stmt, 1, card, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, removal);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      *position = (guint) sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    _vd_store_set_sqlite_error (self, rc, error);

  return value;
}

/**
 * vd_store_restore_prompt:
 * @reviewer: the reviewer's uuid
 * @index: where the prompt was
 * @prompt: the prompt as it was
 * @removal: what vd_store_remove_prompt() returned
 *
 * Undoes vd_store_remove_prompt(): the prompt goes back at @index (or last,
 * when fewer are left), and every scorecard of the reviewer gets its text
 * back there, or an empty section where it had none, so the sections after
 * it stay with their prompts. Scorecards written since are shifted the
 * same way.
 */
gboolean
vd_store_restore_prompt (VdStore     *self,
                         const char  *reviewer_uuid,
                         guint        index,
                         const char  *prompt,
                         gint64       removal,
                         GError     **error)
{
  g_autoptr(VdReviewer) reviewer = NULL;
  g_autoptr(GPtrArray) cards = NULL;
  g_auto(GStrv) prompts = NULL;
  const char * const *before;

  g_return_val_if_fail (VD_IS_STORE (self), FALSE);
  g_return_val_if_fail (reviewer_uuid != NULL && prompt != NULL, FALSE);
  g_return_val_if_fail (removal > 0, FALSE);

  if (!vd_store_begin (self, error))
    return FALSE;

  if (!(reviewer = load_custom_reviewer (self, reviewer_uuid, error)))
    goto failed;
  before = vd_reviewer_get_prompts (reviewer);
  index = MIN (index, g_strv_length ((char **) before));
  prompts = strv_splice (before, index, prompt);
  vd_reviewer_set_prompts (reviewer, (const char * const *) prompts);
  if (!vd_store_save (self, VD_RECORD (reviewer), error) ||
      !(cards = list_cards (self, reviewer_uuid, error)))
    goto failed;

  for (guint i = 0; i < cards->len; i++)
    {
      const char *uuid = g_ptr_array_index (cards, i);
      g_autoptr(VdScorecard) card = vd_store_load (self, VD_TYPE_SCORECARD, uuid, error);
      g_autoptr(GError) local_error = NULL;
      g_autofree char *text = NULL;
      g_auto(GStrv) sections = NULL;
      guint position = 0;

      if (card == NULL)
        goto failed;
      text = dup_set_aside (self, uuid, removal, &position, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          goto failed;
        }

      if (text == NULL && index >= g_strv_length ((char **) vd_scorecard_get_sections (card)))
        continue;

      sections = strv_splice (vd_scorecard_get_sections (card), index, text != NULL ? text : "");
      vd_scorecard_set_sections (card, (const char * const *) sections);
      if (!vd_store_save (self, VD_RECORD (card), error) ||
          (text != NULL && !forget_set_aside (self, uuid, removal, position, error)))
        goto failed;
    }

  return vd_store_commit (self, error);

failed:
  vd_store_rollback (self);
  return FALSE;
}

typedef struct
{
  char   *card;
  gint64  removal;
  guint   position;
  char   *value;
  guint   index;     /* the prompt it comes back under */
} TakenBack;

static void
taken_back_free (gpointer data)
{
  TakenBack *taken = data;

  g_free (taken->card);
  g_free (taken->value);
  g_free (taken);
}

/* Each scorecard's newest text set aside under one of @prompts. */
static GPtrArray *
find_set_aside (VdStore            *self,
                const char         *reviewer,
                const char * const *prompts,
                GError            **error)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (taken_back_free);

  for (guint i = 0; prompts[i] != NULL; i++)
    {
      g_autofree char *key = vd_prompt_dup_key (prompts[i]);
      g_autofree char *last_card = NULL;
      sqlite3_stmt *stmt;
      int rc;

      /* The migration's rows, whose prompt nobody knows, have no key. */
      if (key[0] == '\0')
        continue;

      if (!(stmt = _vd_store_prepare (self,
                                      "SELECT record, removal, position, value"
                                      "  FROM scorecards_set_aside"
                                      "  WHERE reviewer = ?1 AND key = ?2"
                                      "  ORDER BY record, removal DESC", error)))
        return NULL;
      sqlite3_bind_text (stmt, 1, reviewer, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, key, -1, SQLITE_TRANSIENT);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          const char *card = (const char *) sqlite3_column_text (stmt, 0);
          TakenBack *taken;

          if (g_strcmp0 (card, last_card) == 0)
            continue;
          g_free (last_card);
          last_card = g_strdup (card);

          taken = g_new0 (TakenBack, 1);
          taken->card = g_strdup (card);
          taken->removal = sqlite3_column_int64 (stmt, 1);
          taken->position = (guint) sqlite3_column_int64 (stmt, 2);
          taken->value = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
          taken->index = i;
          g_ptr_array_add (found, taken);
        }
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          _vd_store_set_sqlite_error (self, rc, error);
          return NULL;
        }
    }

  return g_steal_pointer (&found);
}

/**
 * vd_store_has_set_aside_text:
 * @prompts: the reviewer's prompts now
 *
 * Returns: whether vd_store_take_back_prompt_text() has anything to bring
 *   back; a few indexed reads, cheap enough for every keystroke
 */
gboolean
vd_store_has_set_aside_text (VdStore            *self,
                             const char         *reviewer,
                             const char * const *prompts)
{
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (VD_IS_STORE (self), FALSE);
  g_return_val_if_fail (reviewer != NULL && prompts != NULL, FALSE);

  if (!(found = find_set_aside (self, reviewer, prompts, &error)))
    g_debug ("Looking for text set aside: %s", error->message);

  return found != NULL && found->len > 0;
}

/**
 * vd_store_take_back_prompt_text:
 * @prompts: the reviewer's prompts now
 * @n_scorecards: (out) (optional): how many scorecards got text back
 *
 * A prompt that was removed and is there again brings back the text each
 * scorecard had under it (its newest, when it was removed more than once),
 * into the section of its new place when that is still empty; text that
 * would land on text stays aside.
 */
gboolean
vd_store_take_back_prompt_text (VdStore            *self,
                                const char         *reviewer,
                                const char * const *prompts,
                                guint              *n_scorecards,
                                GError            **error)
{
  g_autoptr(GPtrArray) found = NULL;
  guint n = 0;

  g_return_val_if_fail (VD_IS_STORE (self), FALSE);
  g_return_val_if_fail (reviewer != NULL && prompts != NULL, FALSE);

  if (n_scorecards != NULL)
    *n_scorecards = 0;

  if (!vd_store_begin (self, error))
    return FALSE;
  if (!(found = find_set_aside (self, reviewer, prompts, error)))
    goto failed;

  for (guint i = 0; i < found->len; i++)
    {
      TakenBack *taken = g_ptr_array_index (found, i);
      g_autoptr(VdScorecard) card = vd_store_load (self, VD_TYPE_SCORECARD, taken->card, error);

      if (card == NULL)
        goto failed;
      if (!is_blank (vd_scorecard_get_section (card, taken->index)))
        continue;

      vd_scorecard_set_section (card, taken->index, taken->value);
      if (!vd_store_save (self, VD_RECORD (card), error) ||
          !forget_set_aside (self, taken->card, taken->removal, taken->position, error))
        goto failed;
      n++;
    }

  if (!vd_store_commit (self, error))
    return FALSE;
  if (n_scorecards != NULL)
    *n_scorecards = n;
  return TRUE;

failed:
  vd_store_rollback (self);
  return FALSE;
}

/**
 * vd_store_set_aside_past_prompts:
 * @reviewer: a reviewer whose prompts became fewer (another persona)
 * @old_prompts: its prompts before, which name what is set aside
 * @n_scorecards: (out) (optional): how many scorecards had text set aside
 *
 * Sets aside, from every scorecard of @reviewer, the sections past its
 * prompts as stored now: no form shows them, so no page may. They come
 * back as a removed prompt's text does, when their prompt is there again.
 */
gboolean
vd_store_set_aside_past_prompts (VdStore            *self,
                                 const char         *reviewer_uuid,
                                 const char * const *old_prompts,
                                 guint              *n_scorecards,
                                 GError            **error)
{
  g_autoptr(VdReviewer) reviewer = NULL;
  g_autoptr(GPtrArray) cards = NULL;
  guint n_prompts;
  guint n_old;
  guint n = 0;
  gint64 removal;

  g_return_val_if_fail (VD_IS_STORE (self), FALSE);
  g_return_val_if_fail (reviewer_uuid != NULL && old_prompts != NULL, FALSE);

  if (n_scorecards != NULL)
    *n_scorecards = 0;

  if (!vd_store_begin (self, error))
    return FALSE;

  if (!(reviewer = vd_store_load (self, VD_TYPE_REVIEWER, reviewer_uuid, error)) ||
      !(removal = next_removal (self, error)) ||
      !(cards = list_cards (self, reviewer_uuid, error)))
    goto failed;
  n_prompts = g_strv_length ((char **) vd_reviewer_get_prompts (reviewer));
  n_old = g_strv_length ((char **) old_prompts);

  for (guint i = 0; i < cards->len; i++)
    {
      const char *uuid = g_ptr_array_index (cards, i);
      g_autoptr(VdScorecard) card = vd_store_load (self, VD_TYPE_SCORECARD, uuid, error);
      const char * const *sections;
      g_auto(GStrv) kept = NULL;
      gboolean had_text = FALSE;
      guint len;

      if (card == NULL)
        goto failed;
      sections = vd_scorecard_get_sections (card);
      len = g_strv_length ((char **) sections);
      if (len <= n_prompts)
        continue;

      for (guint p = n_prompts; p < len; p++)
        {
          const char *prompt = p < n_old ? old_prompts[p] : "";
          g_autofree char *key = vd_prompt_dup_key (prompt);

          if (is_blank (sections[p]))
            continue;
          if (!set_aside (self, uuid, reviewer_uuid, removal, p, prompt, key, sections[p], error))
            goto failed;
          had_text = TRUE;
        }

      kept = g_new0 (char *, n_prompts + 1);
      for (guint p = 0; p < n_prompts; p++)
        kept[p] = g_strdup (sections[p]);
      vd_scorecard_set_sections (card, (const char * const *) kept);
      if (!vd_store_save (self, VD_RECORD (card), error))
        goto failed;
      n += had_text;
    }

  if (!vd_store_commit (self, error))
    return FALSE;
  if (n_scorecards != NULL)
    *n_scorecards = n;
  return TRUE;

failed:
  vd_store_rollback (self);
  return FALSE;
}
