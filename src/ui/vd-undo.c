/* vd-undo.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Deleting a record, taking a reviewer off a panel or removing a prompt is
 * done at once; the toast that says so carries an Undo button holding what
 * puts it back. A step that must ask first (a prompt with text under it,
 * say) asks before it calls vd_undo_offer(), and is still undone the same way.
 */
#include "config.h"

#include <glib/gi18n.h>

#include <string.h>

#include "vd-undo.h"

typedef struct
{
  VdUndoFunc     undo;
  gpointer       data;
  GDestroyNotify destroy;
  gboolean       done;
} Undo;

/* The toast last offered, while it lasts: what the tests press Undo on. */
static AdwToast *latest;

static void
undo_free (gpointer data)
{
  Undo *undo = data;

  if (undo->destroy != NULL)
    undo->destroy (undo->data);
  g_free (undo);
}

static void
on_undo_clicked (AdwToast *toast,
                 Undo     *undo)
{
  /* Once: a second click would put back what is already back. */
  if (undo->done)
    return;

  undo->done = TRUE;
  undo->undo (undo->data);
}

/**
 * vd_undo_offer:
 * @inside: a widget inside the window's toast overlay
 * @title: what was done, as plain text (it may hold the user's names)
 * @undo: puts it back; called at most once, when Undo is clicked
 * @data: (transfer full): for @undo, freed with @destroy when the toast goes
 *
 * Returns: (transfer none) (nullable): the toast, or %NULL when @inside is
 *   in no toast overlay (then @data is freed at once)
 */
AdwToast *
vd_undo_offer (GtkWidget      *inside,
               const char     *title,
               VdUndoFunc      undo,
               gpointer        data,
               GDestroyNotify  destroy)
{
  GtkWidget *overlay;
  g_autofree char *escaped = NULL;
  AdwToast *toast;
  Undo *closure;

  g_return_val_if_fail (GTK_IS_WIDGET (inside), NULL);
  g_return_val_if_fail (title != NULL && undo != NULL, NULL);

  overlay = gtk_widget_get_ancestor (inside, ADW_TYPE_TOAST_OVERLAY);
  if (overlay == NULL)
    {
      if (destroy != NULL)
        destroy (data);
      return NULL;
    }

  closure = g_new0 (Undo, 1);
  closure->undo = undo;
  closure->data = data;
  closure->destroy = destroy;

  /* Toast titles are markup. */
  escaped = g_markup_escape_text (title, -1);
  toast = adw_toast_new (escaped);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_timeout (toast, 10);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "vd-undo", closure, undo_free);
  g_signal_connect (toast, "button-clicked", G_CALLBACK (on_undo_clicked), closure);
  g_clear_weak_pointer (&latest);
  g_set_weak_pointer (&latest, toast);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);

  return toast;
}

typedef struct
{
  GObject    *object;
  const char *property;   /* interned */
  GValue      before;
} PropertyUndo;

static void
property_undo_free (gpointer data)
{
  PropertyUndo *undo = data;

  g_object_unref (undo->object);
  g_value_unset (&undo->before);
  g_free (undo);
}

static void
property_undo (gpointer data)
{
  PropertyUndo *undo = data;

  g_object_set_property (undo->object, undo->property, &undo->before);
}

/**
 * vd_undo_offer_property:
 * @object: the record that changed
 * @before: (transfer full): @property of @object before the change, taken
 *   with g_object_get_property(); it is unset here
 *
 * Offers to set @property back to @before: a panel or a list of prompts.
 *
 * Returns: (transfer none) (nullable): as vd_undo_offer()
 */
AdwToast *
vd_undo_offer_property (GtkWidget  *inside,
                        const char *title,
                        GObject    *object,
                        const char *property,
                        GValue     *before)
{
  PropertyUndo *undo;

  g_return_val_if_fail (G_IS_OBJECT (object), NULL);
  g_return_val_if_fail (G_IS_VALUE (before), NULL);

  undo = g_new0 (PropertyUndo, 1);
  undo->object = g_object_ref (object);
  undo->property = g_intern_string (property);
  undo->before = *before;
  memset (before, 0, sizeof *before);

  return vd_undo_offer (inside, title, property_undo, undo, property_undo_free);
}

/**
 * vd_undo_get_latest:
 *
 * Returns: (transfer none) (nullable): the toast vd_undo_offer() showed
 *   last, until it is gone
 */
AdwToast *
vd_undo_get_latest (void)
{
  return latest;
}
