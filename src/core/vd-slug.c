/* vd-slug.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A comparison's slug is its address on the website. A new comparison gets
 * one from its title ("Zed vs Cursor" → "zed-vs-cursor"), numbered when the
 * address is taken, so that two new drafts never share one.
 */
#include "config.h"

#include "vd-comparison.h"
#include "vd-slug.h"

/* Longest slug made here, leaving room for "-NNNN" within the 100 allowed. */
#define MAX_BASE 90

/**
 * vd_slug_from_title:
 *
 * Returns: (transfer full): @title as lower-case ASCII words joined by single
 *   dashes (accents dropped, other characters as separators); "comparison"
 *   when nothing of it is left
 */
char *
vd_slug_from_title (const char *title)
{
  g_autofree char *ascii = NULL;
  GString *slug = g_string_new (NULL);

  g_return_val_if_fail (title != NULL, NULL);

  ascii = g_str_to_ascii (title, "C");
  for (const char *c = ascii; *c != '\0' && slug->len < MAX_BASE; c++)
    {
      if (g_ascii_isalnum (*c))
        g_string_append_c (slug, g_ascii_tolower (*c));
      else if (slug->len > 0 && slug->str[slug->len - 1] != '-')
        g_string_append_c (slug, '-');
    }

  while (slug->len > 0 && slug->str[slug->len - 1] == '-')
    g_string_truncate (slug, slug->len - 1);
  if (slug->len == 0)
    g_string_append (slug, "comparison");

  g_assert (vd_slug_is_valid (slug->str));
  return g_string_free (slug, FALSE);
}

/**
 * vd_slug_unused:
 * @uuid: (nullable): the comparison the slug is for, which may hold it already
 *
 * Returns: (transfer full): the slug of @title, or the first of "-2", "-3"…
 *   after it that no other comparison of @store has
 */
char *
vd_slug_unused (VdStore    *store,
                const char *title,
                const char *uuid)
{
  g_autofree char *base = NULL;

  g_return_val_if_fail (VD_IS_STORE (store), NULL);
  g_return_val_if_fail (title != NULL, NULL);

  base = vd_slug_from_title (title);
  for (guint i = 1; ; i++)
    {
      g_autofree char *slug = i == 1 ? g_strdup (base) : g_strdup_printf ("%s-%u", base, i);
      g_autoptr(VdComparison) holder = vd_store_load_comparison_by_slug (store, slug, NULL);

      if (holder == NULL || g_strcmp0 (vd_record_get_uuid (VD_RECORD (holder)), uuid) == 0)
        return g_steal_pointer (&slug);
    }
}
