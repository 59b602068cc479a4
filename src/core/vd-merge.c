/* vd-merge.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One merge serves every place where two writers meet: the autosaver (this
 * window's edit against what another process stored meanwhile), the import
 * and the shared desk. It works on snapshots, plain data, in the manner of
 * Zotero's _reconcileChanges(): per field, against the version both sides
 * started from, the modification stamps ignored.
 */
#include "config.h"

#include <string.h>

#include "vd-enums.h"
#include "vd-merge.h"

/* The fields a snapshot holds: every persisted one after uuid, created and
 * updated, which vd_record_class_add_fields() always puts first. */
#define FIRST_EDITED_FIELD 3

/* A record's strings are UTF-8 already (the model is, and the store and
 * the import validate what they read): a snapshot, taken at every save,
 * copies them without validating each again. */
static GVariant *
trusted_string (const char *text)
{
  g_autoptr(GBytes) bytes = NULL;

  if (text == NULL)
    text = "";
  bytes = g_bytes_new (text, strlen (text) + 1);
  return g_variant_new_from_bytes (G_VARIANT_TYPE_STRING, bytes, TRUE);
}

static GVariant *
trusted_strv (const char * const *items)
{
  GVariantBuilder builder;

  g_variant_builder_init (&builder, G_VARIANT_TYPE_STRING_ARRAY);
  for (guint i = 0; items != NULL && items[i] != NULL; i++)
    g_variant_builder_add_value (&builder, trusted_string (items[i]));
  return g_variant_builder_end (&builder);
}

/* Built without format strings: a snapshot is taken at every save, and
 * GVariant's format parsing cost more than the values. */
static GVariant *
entry (const char *name,
       GVariant   *value)
{
  return g_variant_new_dict_entry (g_variant_new_string (name), g_variant_new_variant (value));
}

static GVariant *
value_variant (const GValue *value)
{
  GType vtype = G_VALUE_TYPE (value);

  if (vtype == G_TYPE_STRING)
    return trusted_string (g_value_get_string (value));
  if (G_TYPE_IS_ENUM (vtype))
    return g_variant_new_string (vd_enum_to_nick (vtype, g_value_get_enum (value)));
  if (vtype == G_TYPE_INT)
    return g_variant_new_int32 (g_value_get_int (value));
  if (vtype == G_TYPE_INT64)
    return g_variant_new_int64 (g_value_get_int64 (value));
  if (vtype == G_TYPE_STRV)
    return trusted_strv (g_value_get_boxed (value));

  g_assert_not_reached ();
}

static GVariant *
field_value (VdRecord   *record,
             GParamSpec *pspec)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_PARAM_SPEC_VALUE_TYPE (pspec));
  g_object_get_property (G_OBJECT (record), pspec->name, &value);
  return value_variant (&value);
}

GVariant *
vd_merge_snapshot (VdRecord *record)
{
  g_auto(GVariantBuilder) builder = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE_VARDICT);
  GParamSpec **fields;
  guint n_fields;

  g_return_val_if_fail (VD_IS_RECORD (record), NULL);

  fields = vd_record_class_get_fields (VD_RECORD_GET_CLASS (record), &n_fields);
  for (guint i = FIRST_EDITED_FIELD; i < n_fields; i++)
    g_variant_builder_add_value (&builder, entry (fields[i]->name, field_value (record, fields[i])));

  return g_variant_ref_sink (g_variant_builder_end (&builder));
}

/**
 * vd_merge_update:
 * @snapshot: a record's snapshot as it was
 * @values: (element-type utf8 GValue): property name → the value it has
 *   now, for the fields that changed since
 *
 * The snapshot with @values in place of what it held: the autosaver keeps
 * the fields it wrote since a record's base was taken, and makes the whole
 * base only when a merge needs it.
 *
 * Returns: (transfer full): the updated snapshot
 */
GVariant *
vd_merge_update (GVariant   *snapshot,
                 GHashTable *values)
{
  g_auto(GVariantBuilder) builder = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE_VARDICT);
  gsize n;

  g_return_val_if_fail (g_variant_is_of_type (snapshot, G_VARIANT_TYPE_VARDICT), NULL);

  n = g_variant_n_children (snapshot);
  for (gsize i = 0; i < n; i++)
    {
      g_autoptr(GVariant) member = g_variant_get_child_value (snapshot, i);
      g_autoptr(GVariant) key = g_variant_get_child_value (member, 0);
      const char *name = g_variant_get_string (key, NULL);
      const GValue *value = g_hash_table_lookup (values, name);

      /* Unchanged members are shared, not copied. */
      g_variant_builder_add_value (&builder, value != NULL ? entry (name, value_variant (value))
                                                           : member);
    }

  return g_variant_ref_sink (g_variant_builder_end (&builder));
}

/**
 * vd_merge_apply:
 *
 * Sets every field @snapshot names on @record; a field already holding its
 * value is left alone, so only real changes notify.
 */
void
vd_merge_apply (VdRecord *record,
                GVariant *snapshot)
{
  GVariantIter iter;
  const char *name;
  GVariant *variant;

  g_return_if_fail (VD_IS_RECORD (record));
  g_return_if_fail (g_variant_is_of_type (snapshot, G_VARIANT_TYPE_VARDICT));

  g_object_freeze_notify (G_OBJECT (record));

  g_variant_iter_init (&iter, snapshot);
  while (g_variant_iter_loop (&iter, "{&sv}", &name, &variant))
    {
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (record), name);
      g_auto(GValue) value = G_VALUE_INIT;
      GType vtype;

      /* A record's identity (a scorecard's comparison, tool and reviewer)
       * is set once, at construction. */
      if (pspec == NULL || !(pspec->flags & G_PARAM_WRITABLE) ||
          (pspec->flags & G_PARAM_CONSTRUCT_ONLY))
        continue;

      vtype = G_PARAM_SPEC_VALUE_TYPE (pspec);
      g_value_init (&value, vtype);

      if (vtype == G_TYPE_STRING && g_variant_is_of_type (variant, G_VARIANT_TYPE_STRING))
        g_value_set_string (&value, g_variant_get_string (variant, NULL));
      else if (G_TYPE_IS_ENUM (vtype) && g_variant_is_of_type (variant, G_VARIANT_TYPE_STRING))
        {
          int v;

          if (!vd_enum_from_nick (vtype, g_variant_get_string (variant, NULL), &v))
            continue;
          g_value_set_enum (&value, v);
        }
      else if (vtype == G_TYPE_INT && g_variant_is_of_type (variant, G_VARIANT_TYPE_INT32))
        g_value_set_int (&value, g_variant_get_int32 (variant));
      else if (vtype == G_TYPE_INT64 && g_variant_is_of_type (variant, G_VARIANT_TYPE_INT64))
        g_value_set_int64 (&value, g_variant_get_int64 (variant));
      else if (vtype == G_TYPE_STRV && g_variant_is_of_type (variant, G_VARIANT_TYPE_STRING_ARRAY))
        g_value_take_boxed (&value, g_variant_dup_strv (variant, NULL));
      else
        continue;

      /* The setters return early on an unchanged value. */
      g_object_set_property (G_OBJECT (record), name, &value);
    }

  g_object_thaw_notify (G_OBJECT (record));
}

/* Conflicts ------------------------------------------------------------- */

G_DEFINE_BOXED_TYPE (VdConflict, vd_conflict, vd_conflict_copy, vd_conflict_free)

static GVariant *
ref_nullable (GVariant *variant)
{
  return variant != NULL ? g_variant_ref_sink (variant) : NULL;
}

VdConflict *
vd_conflict_new (const char *kind,
                 const char *uuid,
                 const char *field,
                 GVariant   *base,
                 GVariant   *mine,
                 GVariant   *theirs)
{
  VdConflict *conflict = g_new0 (VdConflict, 1);

  conflict->kind = g_strdup (kind);
  conflict->uuid = g_strdup (uuid);
  conflict->field = g_strdup (field);
  conflict->base = ref_nullable (base);
  conflict->mine = ref_nullable (mine);
  conflict->theirs = ref_nullable (theirs);
  return conflict;
}

VdConflict *
vd_conflict_copy (const VdConflict *conflict)
{
  VdConflict *copy;

  g_return_val_if_fail (conflict != NULL, NULL);

  copy = vd_conflict_new (conflict->kind, conflict->uuid, conflict->field,
                          conflict->base, conflict->mine, conflict->theirs);
  copy->id = conflict->id;
  return copy;
}

void
vd_conflict_free (VdConflict *conflict)
{
  if (conflict == NULL)
    return;

  g_free (conflict->kind);
  g_free (conflict->uuid);
  g_free (conflict->field);
  g_clear_pointer (&conflict->base, g_variant_unref);
  g_clear_pointer (&conflict->mine, g_variant_unref);
  g_clear_pointer (&conflict->theirs, g_variant_unref);
  g_free (conflict);
}

/**
 * vd_conflict_dup_text:
 * @value: (nullable): one side of a conflict
 *
 * Returns: (transfer full): the value as a person reads it
 */
char *
vd_conflict_dup_text (GVariant *value)
{
  if (value == NULL)
    return g_strdup ("");
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
    return g_variant_dup_string (value, NULL);
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING_ARRAY))
    {
      g_autofree const char **items = g_variant_get_strv (value, NULL);

      return g_strjoinv ("\n", (char **) items);
    }
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_INT32))
    return g_strdup_printf ("%d", g_variant_get_int32 (value));
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_INT64))
    return g_strdup_printf ("%" G_GINT64_FORMAT, g_variant_get_int64 (value));

  return g_variant_print (value, FALSE);
}

/**
 * vd_conflict_dup_property:
 * @item: (out): the item of a list field, or -1 for a whole field
 *
 * Returns: (transfer full): the property @conflict is about
 */
char *
vd_conflict_dup_property (const VdConflict *conflict,
                          int              *item)
{
  const char *bracket;

  g_return_val_if_fail (conflict != NULL, NULL);

  bracket = strchr (conflict->field, '[');
  *item = -1;
  if (bracket == NULL)
    return g_strdup (conflict->field);

  *item = (int) g_ascii_strtoll (bracket + 1, NULL, 10);
  return g_strndup (conflict->field, bracket - conflict->field);
}

/* The merge ------------------------------------------------------------- */

static gboolean
same (GVariant *a,
      GVariant *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return g_variant_equal (a, b);
}

typedef struct
{
  const char *kind;
  const char *uuid;
  GPtrArray  *conflicts;
} Merge;

/* One field, three versions, any of them absent. */
static GVariant *
merge_value (Merge      *merge,
             const char *field,
             GVariant   *base,
             GVariant   *mine,
             GVariant   *theirs)
{
  if (same (mine, theirs) || same (base, mine))
    return theirs;
  if (same (base, theirs))
    return mine;

  if (merge->conflicts != NULL)
    g_ptr_array_add (merge->conflicts,
                     vd_conflict_new (merge->kind, merge->uuid, field, base, mine, theirs));

  /* Theirs stays; should the other side not have the field at all, ours is
   * all there is to keep in place. */
  return theirs != NULL ? theirs : mine;
}

static GVariant *
child_or_null (GVariant *list,
               gsize     index)
{
  if (list == NULL || index >= g_variant_n_children (list))
    return NULL;
  return g_variant_get_child_value (list, index);
}

/* A list whose items are fields of their own. An item past the end of one
 * side's list is absent there; the result keeps every item up to the last
 * one that survived, reading absent ones in between as empty. */
static GVariant *
merge_items (Merge      *merge,
             const char *field,
             GVariant   *base,
             GVariant   *mine,
             GVariant   *theirs)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;
  gsize n = 0, last = 0;

  if (mine == NULL || theirs == NULL)
    return merge_value (merge, field, base, mine, theirs);

  n = MAX (g_variant_n_children (mine), g_variant_n_children (theirs));
  if (base != NULL)
    n = MAX (n, g_variant_n_children (base));

  for (gsize i = 0; i < n; i++)
    {
      g_autoptr(GVariant) b = child_or_null (base, i);
      g_autoptr(GVariant) m = child_or_null (mine, i);
      g_autoptr(GVariant) t = child_or_null (theirs, i);
      g_autofree char *name = g_strdup_printf ("%s[%" G_GSIZE_FORMAT "]", field, i);
      GVariant *merged = merge_value (merge, name, b, m, t);

      g_ptr_array_add (items, merged != NULL ? g_variant_ref (merged) : g_variant_ref_sink (g_variant_new_string ("")));
      if (merged != NULL)
        last = i + 1;
    }

  for (gsize i = 0; i < last; i++)
    g_strv_builder_add (builder, g_variant_get_string (g_ptr_array_index (items, i), NULL));
  strv = g_strv_builder_end (builder);

  return g_variant_new_strv ((const char * const *) strv, -1);
}

static GVariant *
lookup (GVariant   *dict,
        const char *key)
{
  return dict != NULL ? g_variant_lookup_value (dict, key, NULL) : NULL;
}

static void
add_keys (GPtrArray *keys,
          GVariant  *dict)
{
  GVariantIter iter;
  const char *key;

  if (dict == NULL)
    return;

  g_variant_iter_init (&iter, dict);
  while (g_variant_iter_next (&iter, "{&sv}", &key, NULL))
    if (!g_ptr_array_find_with_equal_func (keys, key, g_str_equal, NULL))
      g_ptr_array_add (keys, (gpointer) key);
}

GVariant *
vd_merge_three_way (GVariant   *base,
                    GVariant   *mine,
                    GVariant   *theirs,
                    const char *itemwise,
                    const char *kind,
                    const char *uuid,
                    GPtrArray  *conflicts)
{
  g_auto(GVariantBuilder) builder = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE_VARDICT);
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();
  Merge merge = { kind, uuid, conflicts };

  g_return_val_if_fail (mine != NULL || theirs != NULL, NULL);

  /* In the order the fields come in: mine first, then what only theirs has. */
  add_keys (keys, mine);
  add_keys (keys, theirs);

  for (guint i = 0; i < keys->len; i++)
    {
      const char *key = g_ptr_array_index (keys, i);
      g_autoptr(GVariant) b = lookup (base, key);
      g_autoptr(GVariant) m = lookup (mine, key);
      g_autoptr(GVariant) t = lookup (theirs, key);
      GVariant *merged;

      if (itemwise != NULL && g_str_equal (key, itemwise))
        merged = merge_items (&merge, key, b, m, t);
      else
        merged = merge_value (&merge, key, b, m, t);

      if (merged != NULL)
        g_variant_builder_add (&builder, "{sv}", key, merged);
    }

  return g_variant_ref_sink (g_variant_builder_end (&builder));
}
