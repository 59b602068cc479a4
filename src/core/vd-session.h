/* vd-session.h — one window's view of a database: shared records, autosaved
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vd-autosaver.h"
#include "vd-store.h"

G_BEGIN_DECLS

#define VD_TYPE_SESSION (vd_session_get_type ())

G_DECLARE_FINAL_TYPE (VdSession, vd_session, VD, SESSION, GObject)

VdSession   *vd_session_new            (VdStore     *store,
                                        guint        autosave_delay_ms);
VdStore     *vd_session_get_store      (VdSession   *self);
VdAutosaver *vd_session_get_autosaver  (VdSession   *self);
gpointer     vd_session_lookup         (VdSession   *self,
                                        GType        type,
                                        const char  *uuid,
                                        GError     **error);
void         vd_session_adopt          (VdSession   *self,
                                        VdRecord    *record);
gboolean     vd_session_create         (VdSession   *self,
                                        VdRecord    *record,
                                        GError     **error);
gboolean     vd_session_delete         (VdSession   *self,
                                        VdRecord    *record,
                                        GError     **error);
gboolean     vd_session_poll           (VdSession   *self,
                                        GError     **error);
void         vd_session_conflicts_changed (VdSession *self,
                                          const char *uuid);
GPtrArray   *vd_session_list_conflicts (VdSession   *self,
                                        const char  *uuid,
                                        GError     **error);
gboolean     vd_session_resolve_conflict (VdSession  *self,
                                        VdConflict  *conflict,
                                        GVariant    *value,
                                        GError     **error);
GListStore  *vd_session_list_scorecards (VdSession   *self,
                                        VdComparison *comparison,
                                        GError     **error);


gboolean     vd_session_count_prompt_text (VdSession  *self,
                                        VdReviewer  *reviewer,
                                        guint        index,
                                        guint       *n_scorecards,
                                        GError     **error);
gint64       vd_session_remove_prompt  (VdSession   *self,
                                        VdReviewer  *reviewer,
                                        guint        index,
                                        GError     **error);
gboolean     vd_session_restore_prompt (VdSession   *self,
                                        VdReviewer  *reviewer,
                                        guint        index,
                                        const char  *prompt,
                                        gint64       removal,
                                        GError     **error);
gboolean     vd_session_set_aside_past_prompts (VdSession *self,
                                        VdReviewer  *reviewer,
                                        const char * const *old_prompts,
                                        guint       *n_scorecards,
                                        GError     **error);
gboolean     vd_session_take_back_prompt_text (VdSession *self,
                                        VdReviewer  *reviewer,
                                        guint       *n_scorecards,
                                        GError     **error);

G_END_DECLS
