/* vd-test-desk.h — the real window on a temporary demo database, for GUI tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "vd-comparison-page.h"
#include "vd-scorecard-form.h"
#include "vd-window.h"

G_BEGIN_DECLS

#define VD_TEST_DEMO_SLUG "claude-haiku-open-weights-vs-mistral-medium-3"
#define VD_TEST_DEMO_UUID "9a4d6e2f-7c1b-4e3a-b5d8-0f2e4c6a8b10"
#define VD_TEST_MISTRAL   "6f1c2a9e-3b4d-4e5f-8a7b-1c2d3e4f5a61"
#define VD_TEST_SKEPTIC   "2b7e9c41-5d6a-4f8b-9c0d-7e1f2a3b4c51"

typedef struct
{
  char      *path;
  VdStore   *store;
  VdWindow  *window;
} VdTestDesk;

void              vd_test_iterate_until_idle (void);
void              vd_test_desk_set_up        (VdTestDesk    *desk,
                                              gconstpointer  data);
void              vd_test_desk_tear_down     (VdTestDesk    *desk,
                                              gconstpointer  data);
VdComparisonPage *vd_test_desk_open_demo     (VdTestDesk    *desk);
VdScorecard      *vd_test_desk_load_scorecard (VdTestDesk   *desk,
                                              const char    *reviewer,
                                              const char    *tool);
/* All of a buffer's text, hidden characters included. */
char             *vd_test_buffer_text        (GtkTextBuffer *buffer);

G_END_DECLS
