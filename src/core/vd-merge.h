/* vd-merge.h — the per-field three-way merge every writer of the desk uses
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vd-record.h"

G_BEGIN_DECLS

/* A record's fields as data: an a{sv} with one member per persisted field
 * (uuid and the two stamps left out: they are not edited, and "updated"
 * never conflicts). Strings and enum nicks are "s", ints "i", timestamps
 * "x", lists "as". The merge compares snapshots, so it needs no knowledge
 * of the record types. */
GVariant  *vd_merge_snapshot       (VdRecord      *record);
void       vd_merge_apply          (VdRecord      *record,
                                    GVariant      *snapshot);
GVariant  *vd_merge_update         (GVariant      *snapshot,
                                    GHashTable    *values);

#define VD_TYPE_CONFLICT (vd_conflict_get_type ())

/* One field changed to different values on both sides. The merge keeps
 * @theirs in the record (it is what the other writer already stored or
 * published) and hands back @mine, so that neither text is lost. */
typedef struct
{
  gint64    id;        /* the store's row, 0 until stored */
  char     *kind;      /* the record's table: "scorecards" */
  char     *uuid;      /* the record */
  char     *field;     /* "title", or "sections[2]" for an item */
  GVariant *base;      /* (nullable): absent in the common ancestor */
  GVariant *mine;      /* (nullable): absent on this side */
  GVariant *theirs;    /* (nullable): absent on the other side */
} VdConflict;

GType       vd_conflict_get_type  (void) G_GNUC_CONST;
VdConflict *vd_conflict_new       (const char  *kind,
                                   const char  *uuid,
                                   const char  *field,
                                   GVariant    *base,
                                   GVariant    *mine,
                                   GVariant    *theirs);
VdConflict *vd_conflict_copy      (const VdConflict *conflict);
void        vd_conflict_free      (VdConflict  *conflict);
char       *vd_conflict_dup_text  (GVariant    *value);
char       *vd_conflict_dup_property (const VdConflict *conflict,
                                      int              *item);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VdConflict, vd_conflict_free)

/* Merges @mine and @theirs, two descendants of @base (%NULL: no common
 * ancestor, e.g. a record both sides created), field by field; the items
 * of the @itemwise list field (may be %NULL) each count as a field.
 * A field changed on one side only takes that side; changed alike on both,
 * that value; changed differently, @theirs, and a VdConflict for @kind and
 * @uuid is added to @conflicts (may be %NULL to only count them).
 *
 * Returns: (transfer full): the merged snapshot */
GVariant   *vd_merge_three_way    (GVariant    *base,
                                   GVariant    *mine,
                                   GVariant    *theirs,
                                   const char  *itemwise,
                                   const char  *kind,
                                   const char  *uuid,
                                   GPtrArray   *conflicts);

G_END_DECLS
