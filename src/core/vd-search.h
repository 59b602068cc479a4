/* vd-search.h — full-text search over every text of the desk
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vd-store.h"

G_BEGIN_DECLS

/* One text that matched, and where it is. @type and @uuid are the record
 * the text belongs to; a scorecard's hit also names its comparison, tool
 * and reviewer, a comparison's its title, a tool's or reviewer's its name
 * (the others are NULL). */
typedef struct
{
  GType       type;
  char       *uuid;
  const char *field;          /* the record's property: "name", "sections", ... */
  int         position;       /* the list row, or -1 for a scalar field */
  char       *snippet;        /* plain text around the match */
  char       *comparison;
  char       *comparison_title;
  char       *tool;
  char       *tool_name;
  char       *reviewer;
  char       *reviewer_name;
} VdSearchHit;

/* How many hits a search shows, the best first. */
#define VD_SEARCH_LIMIT 50

/* The FTS5 query under every search: ?1 the MATCH text (from
 * vd_search_query_from_text()), ?2 the limit. Hits come newest first (the
 * highest rowids: the newest records), the order FTS5 reads them in, so
 * the first ones come at once however many rows match. Ranking them
 * (bm25) counts every row each word is in: about 40 ms for a common word
 * at newsroom scale 1, over a frame. The benchmark times the same text in
 * the sqlite3 shell as its floor. */
#define VD_SEARCH_MATCH_SQL \
  "SELECT rowid, snippet(search, 0, '', '', '…', 12) AS snippet " \
  "FROM search WHERE search MATCH ?1 ORDER BY rowid DESC LIMIT ?2"

void        vd_search_hit_free          (VdSearchHit *hit);
char       *vd_search_query_from_text   (const char  *text);
GPtrArray  *vd_store_search             (VdStore     *self,
                                         const char  *text,
                                         guint        limit,
                                         GError     **error);
gboolean    vd_store_search_catch_up    (VdStore     *self,
                                         GError     **error);
gboolean    vd_store_search_is_caught_up (VdStore    *self,
                                          gboolean   *caught_up,
                                          GError    **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VdSearchHit, vd_search_hit_free)

G_END_DECLS
