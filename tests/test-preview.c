/* test-preview.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The live preview on the demo comparison: its figures, that edits reach the
 * labels without rebuilding the page, that user text is never markup, and
 * that the page can be saved as an image.
 */
#include "config.h"

#include <adwaita.h>

#include "vd-paragraph.h"
#include "vd-preview.h"
#include "vd-reviewer.h"
#include "vd-scorecard.h"
#include "vd-test-util.h"

#define DEMO_SLUG "claude-haiku-open-weights-vs-mistral-medium-3"
#define TRICKY_TEXT "<b>Bold</b> & co 🚀 مرحبا"

typedef struct
{
  VdStore      *store;
  VdComparison *comparison;
  VdTool       *tools[2];
  GListStore   *reviewers;      /* VdReviewer, in panel order */
  GListStore   *scorecards;
  GtkWidget    *window;
  VdPreview    *preview;        /* owned by the window */
} Fixture;

static void
on_after_paint (gboolean *painted)
{
  *painted = TRUE;
}

/* Returns once the preview is on screen and GTK has drawn it as it is now. */
static void
wait_for_draw (Fixture *f)
{
  GtkWidget *widget = GTK_WIDGET (f->preview);
  GdkFrameClock *clock;
  gboolean painted = FALSE;
  gulong handler;

  while (!gtk_widget_get_mapped (widget))
    g_main_context_iteration (NULL, TRUE);

  clock = gtk_widget_get_frame_clock (widget);
  handler = g_signal_connect_swapped (clock, "after-paint", G_CALLBACK (on_after_paint), &painted);
  gtk_widget_queue_draw (widget);
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, handler);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char * const *panel;

  f->store = vd_test_new_demo_store (NULL);
  f->comparison = vd_store_load_comparison_by_slug (f->store, DEMO_SLUG, &error);
  g_assert_no_error (error);

  f->tools[0] = vd_store_load (f->store, VD_TYPE_TOOL,
                               vd_comparison_get_tool_a (f->comparison), &error);
  g_assert_no_error (error);
  f->tools[1] = vd_store_load (f->store, VD_TYPE_TOOL,
                               vd_comparison_get_tool_b (f->comparison), &error);
  g_assert_no_error (error);

  f->reviewers = g_list_store_new (VD_TYPE_REVIEWER);
  panel = vd_comparison_get_panel (f->comparison);
  for (guint i = 0; panel[i] != NULL; i++)
    {
      g_autoptr(VdReviewer) reviewer = vd_store_load (f->store, VD_TYPE_REVIEWER, panel[i], &error);

      g_assert_no_error (error);
      g_list_store_append (f->reviewers, reviewer);
    }
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->reviewers)), ==, 4);

  f->scorecards = vd_store_list_scorecards (f->store, f->comparison, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->scorecards)), ==, 8);

  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1000, 700);
  f->preview = VD_PREVIEW (vd_preview_new ());
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->preview));
  vd_preview_set_page (f->preview, f->comparison, f->tools[0], f->tools[1],
                       G_LIST_MODEL (f->reviewers), G_LIST_MODEL (f->scorecards));

  gtk_window_present (GTK_WINDOW (f->window));
  wait_for_draw (f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_object_ref (f->preview);
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_assert_finalize_object (f->preview);

  /* Nothing the preview bound to or built (panels, bindings) holds on. */
  g_assert_finalize_object (f->scorecards);
  g_assert_finalize_object (f->reviewers);
  g_assert_finalize_object (f->tools[0]);
  g_assert_finalize_object (f->tools[1]);
  g_assert_finalize_object (f->comparison);
  g_clear_object (&f->store);
}

static const char *
panel_member (Fixture *f,
              guint    index)
{
  return vd_comparison_get_panel (f->comparison)[index];
}

static VdScorecard *
find_scorecard (Fixture    *f,
                const char *reviewer,
                guint       tool_index)
{
  const char *tool = vd_record_get_uuid (VD_RECORD (f->tools[tool_index]));

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (f->scorecards)); i++)
    {
      g_autoptr(VdScorecard) scorecard = g_list_model_get_item (G_LIST_MODEL (f->scorecards), i);

      if (g_str_equal (vd_scorecard_get_reviewer (scorecard), reviewer) &&
          g_str_equal (vd_scorecard_get_tool (scorecard), tool))
        return scorecard;     /* the list keeps it */
    }

  return NULL;
}

static char *
quoted (const char *text)
{
  return g_strdup_printf ("“%s”", text);
}

/* How many labels under @widget read @text: the page has no other way to
 * find, say, the reviewer split. */
static guint
count_labels (GtkWidget  *widget,
              const char *text)
{
  guint n = 0;

  if (GTK_IS_LABEL (widget) && g_str_equal (gtk_label_get_label (GTK_LABEL (widget)), text))
    n++;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_labels (child, text);

  return n;
}

static GtkLabel *
find_label (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && g_str_equal (gtk_label_get_label (GTK_LABEL (widget)), text))
    return GTK_LABEL (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = find_label (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
assert_label (GtkLabel   *label,
              const char *text)
{
  g_assert_nonnull (label);
  g_assert_cmpstr (gtk_label_get_label (label), ==, text);
  g_assert_false (gtk_label_get_use_markup (label));
}

static void
test_figures (Fixture       *f,
              gconstpointer  data)
{
  GtkWidget *preview = GTK_WIDGET (f->preview);

  assert_label (vd_preview_get_title_label (f->preview),
                "Claude Haiku Open Weights vs Mistral Medium 3");
  assert_label (vd_preview_get_ship_label (f->preview, 0), "50%");
  assert_label (vd_preview_get_ship_label (f->preview, 1), "100%");

  g_assert_cmpuint (count_labels (preview, "AI tool comparison"), ==, 1);
  g_assert_cmpuint (count_labels (preview, "Reviewer scorecard"), ==, 1);
  g_assert_cmpuint (count_labels (preview, "Free"), ==, 1);
  g_assert_cmpuint (count_labels (preview, "Paid"), ==, 1);
  g_assert_cmpuint (count_labels (preview, "Panel ship"), ==, 2);
  g_assert_cmpuint (count_labels (preview, "Community"), ==, 2);
  g_assert_cmpuint (count_labels (preview, "Entry"), ==, 2);
  g_assert_cmpuint (count_labels (preview, "—"), ==, 2);   /* no community votes */
  /* The seed's 50% is 2 ship of 4 decided. */
  g_assert_cmpuint (count_labels (preview, "4 of 4 decided · 2 ship · 2 skip · 0 undecided"), ==,
                    1);
  g_assert_cmpuint (count_labels (preview, "4 of 4 decided · 4 ship · 0 skip · 0 undecided"), ==,
                    1);

  /* Every reviewer, in panel order, with a verdict and a quote per tool */
  for (guint i = 0; i < 4; i++)
    {
      const char *reviewer = panel_member (f, i);
      g_autoptr(VdReviewer) model = g_list_model_get_item (G_LIST_MODEL (f->reviewers), i);

      g_assert_cmpuint (count_labels (preview, vd_reviewer_get_name (model)), ==, 1);

      for (guint t = 0; t < 2; t++)
        {
          VdScorecard *scorecard = find_scorecard (f, reviewer, t);
          g_autofree char *quote = vd_scorecard_dup_quote (scorecard);
          g_autofree char *expected = quoted (quote);
          const char *verdict = vd_scorecard_get_verdict (scorecard) == VD_VERDICT_SHIP
                                ? "Ship" : "Skip";

          assert_label (vd_preview_get_quote_label (f->preview, reviewer, t), expected);
          assert_label (vd_preview_get_verdict_label (f->preview, reviewer, t), verdict);
        }
    }

  g_assert_null (vd_preview_get_quote_label (f->preview, "no-such-reviewer", 0));
}

static void
test_live_verdict (Fixture       *f,
                   gconstpointer  data)
{
  const char *skeptic = panel_member (f, 1);
  VdScorecard *scorecard = find_scorecard (f, skeptic, 0);
  GtkLabel *ship = vd_preview_get_ship_label (f->preview, 0);
  GtkLabel *verdict = vd_preview_get_verdict_label (f->preview, skeptic, 0);
  GtkLabel *quote = vd_preview_get_quote_label (f->preview, skeptic, 0);

  g_assert_cmpint (vd_scorecard_get_verdict (scorecard), ==, VD_VERDICT_SKIP);
  assert_label (verdict, "Skip");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (verdict), "error"));

  vd_scorecard_set_verdict (scorecard, VD_VERDICT_SHIP);

  /* The same labels, updated in place: nothing was rebuilt. */
  g_assert_true (vd_preview_get_ship_label (f->preview, 0) == ship);
  g_assert_true (vd_preview_get_verdict_label (f->preview, skeptic, 0) == verdict);
  g_assert_true (vd_preview_get_quote_label (f->preview, skeptic, 0) == quote);
  g_assert_true (gtk_widget_is_ancestor (GTK_WIDGET (quote), GTK_WIDGET (f->preview)));
  assert_label (ship, "75%");
  assert_label (verdict, "Ship");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (verdict), "success"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (verdict), "error"));
  g_assert_cmpuint (count_labels (GTK_WIDGET (f->preview), "4 of 4 decided · 3 ship · 1 skip · 0 undecided"), ==, 1);

  vd_scorecard_set_verdict (scorecard, VD_VERDICT_UNDECIDED);
  assert_label (ship, "67%");
  assert_label (verdict, "Undecided");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (verdict), "dim-label"));
  g_assert_cmpuint (count_labels (GTK_WIDGET (f->preview),
                                 "3 of 4 decided · 2 ship · 1 skip · 1 undecided"), ==, 1);

  /* No verdict yet reads as such, and is not counted as an abstention. */
  vd_scorecard_set_verdict (scorecard, VD_VERDICT_NONE);
  assert_label (ship, "67%");
  assert_label (verdict, "No verdict yet");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (verdict), "dim-label"));
  g_assert_cmpuint (count_labels (GTK_WIDGET (f->preview),
                                 "3 of 4 decided · 2 ship · 1 skip · 0 undecided"), ==, 1);
}

static void
test_pricing_read (Fixture       *f,
                   gconstpointer  data)
{
  GtkLabel *read = vd_preview_get_pricing_read_label (f->preview);
  GtkWidget *box = gtk_widget_get_parent (GTK_WIDGET (read));

  /* The editor's read is on the page, as written, under its heading. */
  assert_label (read, vd_comparison_get_pricing_read (f->comparison));
  g_assert_true (g_str_has_prefix (gtk_label_get_text (read), "Haiku’s weights cost nothing"));
  g_assert_cmpuint (count_labels (GTK_WIDGET (f->preview), "Pricing read"), ==, 1);
  g_assert_true (gtk_widget_get_visible (box));

  vd_comparison_set_pricing_read (f->comparison, TRICKY_TEXT);
  assert_label (read, TRICKY_TEXT);
  g_assert_true (vd_preview_get_pricing_read_label (f->preview) == read);

  /* Nothing to read: no heading over nothing. */
  vd_comparison_set_pricing_read (f->comparison, "");
  g_assert_false (gtk_widget_get_visible (box));
  vd_comparison_set_pricing_read (f->comparison, "Back.");
  g_assert_true (gtk_widget_get_visible (box));
  assert_label (read, "Back.");
}

/* Each card shows its tool's pricing detail, as the website's page does,
 * and follows the field as it is typed. */
static void
test_pricing_detail (Fixture       *f,
                     gconstpointer  data)
{
  for (guint i = 0; i < 2; i++)
    {
      GtkLabel *detail = GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (f->preview),
                                                                   VD_TYPE_PREVIEW,
                                                                   i == 0 ? "pricing_detail_a"
                                                                          : "pricing_detail_b"));

      g_assert_cmpstr (vd_tool_get_pricing_detail (f->tools[i]), !=, "");
      assert_label (detail, vd_tool_get_pricing_detail (f->tools[i]));
      g_assert_true (gtk_widget_get_visible (GTK_WIDGET (detail)));
      g_assert_cmpuint (count_labels (GTK_WIDGET (f->preview),
                                      vd_tool_get_pricing_detail (f->tools[i])), ==, 1);

      vd_tool_set_pricing_detail (f->tools[i], TRICKY_TEXT);
      assert_label (detail, TRICKY_TEXT);
      vd_tool_set_pricing_detail (f->tools[i], "");
      g_assert_false (gtk_widget_get_visible (GTK_WIDGET (detail)));
    }
}

static void
test_live_text (Fixture       *f,
                gconstpointer  data)
{
  const char *dx = panel_member (f, 0);
  VdScorecard *scorecard = find_scorecard (f, dx, 1);
  GtkLabel *quote = vd_preview_get_quote_label (f->preview, dx, 1);
  GtkLabel *title = vd_preview_get_title_label (f->preview);
  GtkLabel *name;
  g_autofree char *text = NULL;
  g_autofree char *expected = NULL;
  const char *tricky_sections[] = { TRICKY_TEXT, NULL };

  /* A section edit reaches the quote */
  vd_scorecard_set_section (scorecard, 0, "Typed just now.");
  text = vd_scorecard_dup_quote (scorecard);
  g_assert_true (g_str_has_prefix (text, "Typed just now. "));
  expected = quoted (text);
  g_assert_true (vd_preview_get_quote_label (f->preview, dx, 1) == quote);
  assert_label (quote, expected);

  /* User text is shown as typed, never as markup */
  vd_scorecard_set_sections (scorecard, tricky_sections);
  g_clear_pointer (&expected, g_free);
  expected = quoted (TRICKY_TEXT);
  assert_label (quote, expected);

  /* A tool's new name reaches its card and the columns of every section */
  name = find_label (GTK_WIDGET (f->preview), "Mistral Medium 3");
  vd_tool_set_name (f->tools[1], TRICKY_TEXT);
  assert_label (name, TRICKY_TEXT);
  g_assert_cmpuint (count_labels (GTK_WIDGET (f->preview), TRICKY_TEXT), ==, 1 + 4);
  g_assert_cmpuint (count_labels (GTK_WIDGET (f->preview), "Mistral Medium 3"), ==, 0);

  /* The title, and the "A vs B" it falls back to */
  vd_comparison_set_title (f->comparison, "A & B <i>compared</i>");
  assert_label (title, "A & B <i>compared</i>");
  vd_comparison_set_title (f->comparison, "");
  assert_label (title, "Claude Haiku Open Weights vs " TRICKY_TEXT);
  vd_tool_set_name (f->tools[0], "Haiku");
  assert_label (title, "Haiku vs " TRICKY_TEXT);

  /* Community votes */
  vd_tool_set_votes (f->tools[0], 3, 1);
  g_assert_cmpuint (count_labels (GTK_WIDGET (f->preview), "75%"), ==, 1);
  g_assert_cmpuint (count_labels (GTK_WIDGET (f->preview), "—"), ==, 1);

  /* Pricing, in the page's words */
  vd_tool_set_pricing (f->tools[1], VD_PRICING_OPEN_SOURCE);
  g_assert_cmpuint (count_labels (GTK_WIDGET (f->preview), "Paid"), ==, 0);
  g_assert_cmpuint (count_labels (GTK_WIDGET (f->preview), "Open Source"), ==, 1);

  /* An empty quote shows a dim placeholder instead of empty quotation marks */
  vd_scorecard_set_sections (scorecard, NULL);
  g_assert_true (vd_preview_get_quote_label (f->preview, dx, 1) == quote);
  g_assert_false (g_str_has_prefix (gtk_label_get_label (quote), "“"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (quote), "dim-label"));
}

/* A long quote wraps to its column and grows down; it never asks for width,
 * so the page keeps its width whatever is typed. */
static void
test_long_quote_wraps (Fixture       *f,
                       gconstpointer  data)
{
  const char *dx = panel_member (f, 0);
  VdScorecard *scorecard = find_scorecard (f, dx, 1);
  GtkLabel *quote = vd_preview_get_quote_label (f->preview, dx, 1);
  GtkWidget *paragraph = gtk_widget_get_parent (GTK_WIDGET (quote));
  g_autoptr(GString) long_text = g_string_new (NULL);
  const char *sections[] = { NULL, NULL };
  int preview_width, quote_width, quote_height, min, nat;

  wait_for_draw (f);
  preview_width = gtk_widget_get_width (GTK_WIDGET (f->preview));
  quote_width = gtk_widget_get_width (GTK_WIDGET (quote));
  quote_height = gtk_widget_get_height (GTK_WIDGET (quote));
  g_assert_true (VD_IS_PARAGRAPH (paragraph));
  gtk_widget_measure (paragraph, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  g_assert_cmpint (min, ==, 0);
  g_assert_cmpint (nat, ==, 0);

  for (guint i = 0; i < 60; i++)
    g_string_append (long_text, "A long verdict, café 速度 السعر 🚀. ");
  sections[0] = long_text->str;
  vd_scorecard_set_sections (scorecard, sections);
  wait_for_draw (f);

  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->preview)), ==, preview_width);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (quote)), ==, quote_width);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (quote)), >, 2 * quote_height);
  gtk_widget_measure (GTK_WIDGET (quote), GTK_ORIENTATION_VERTICAL, quote_width,
                      &min, &nat, NULL, NULL);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (quote)), >=, min);
}

static void
test_panel_change (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *skeptic = g_strdup (panel_member (f, 1));
  GtkLabel *ship = vd_preview_get_ship_label (f->preview, 0);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) panel = NULL;

  g_assert_nonnull (vd_preview_get_quote_label (f->preview, skeptic, 0));
  g_assert_nonnull (vd_preview_get_quote_label (f->preview, skeptic, 1));

  for (const char * const *member = vd_comparison_get_panel (f->comparison); *member; member++)
    if (!g_str_equal (*member, skeptic))
      g_strv_builder_add (builder, *member);
  panel = g_strv_builder_end (builder);
  vd_comparison_set_panel (f->comparison, (const char * const *) panel);

  g_assert_null (vd_preview_get_quote_label (f->preview, skeptic, 0));
  g_assert_null (vd_preview_get_quote_label (f->preview, skeptic, 1));
  g_assert_nonnull (vd_preview_get_quote_label (f->preview, panel[0], 0));
  g_assert_nonnull (vd_preview_get_quote_label (f->preview, panel[2], 1));

  /* The cards stay; their figures follow the smaller panel (2 of 3 ship) */
  g_assert_true (vd_preview_get_ship_label (f->preview, 0) == ship);
  assert_label (ship, "67%");

  /* An edit to a card of the removed reviewer no longer reaches the page */
  vd_scorecard_set_section (find_scorecard (f, skeptic, 0), 0, "Off the panel");
  g_assert_cmpuint (count_labels (GTK_WIDGET (f->preview), "“Off the panel”"), ==, 0);
  assert_label (ship, "67%");

  wait_for_draw (f);
}

static void
test_missing_scorecard (Fixture       *f,
                        gconstpointer  data)
{
  const char *dx = panel_member (f, 0);
  VdScorecard *scorecard = find_scorecard (f, dx, 0);
  guint position;

  g_assert_true (g_list_store_find (f->scorecards, scorecard, &position));
  g_list_store_remove (f->scorecards, position);

  /* Haiku: one ship, two skips left */
  assert_label (vd_preview_get_ship_label (f->preview, 0), "33%");
  assert_label (vd_preview_get_verdict_label (f->preview, dx, 0), "No verdict yet");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (vd_preview_get_quote_label (f->preview, dx, 0)),
                                           "dim-label"));
  /* Without a card there is no verdict, not an abstention. */
  g_assert_cmpuint (count_labels (GTK_WIDGET (f->preview),
                                 "3 of 4 decided · 1 ship · 2 skip · 0 undecided"), ==, 1);
  /* The other tool's column is untouched */
  assert_label (vd_preview_get_verdict_label (f->preview, dx, 1), "Ship");

  wait_for_draw (f);
}

static void
test_clear (Fixture       *f,
            gconstpointer  data)
{
  vd_preview_set_page (f->preview, NULL, NULL, NULL, NULL, NULL);
  g_assert_null (vd_preview_get_quote_label (f->preview, panel_member (f, 0), 0));

  /* Cleared means unhooked: edits no longer reach the widget */
  vd_tool_set_name (f->tools[0], "Renamed");
  g_assert_cmpuint (count_labels (GTK_WIDGET (f->preview), "Renamed"), ==, 0);
  wait_for_draw (f);

  /* and the page comes back on demand */
  vd_preview_set_page (f->preview, f->comparison, f->tools[0], f->tools[1],
                       G_LIST_MODEL (f->reviewers), G_LIST_MODEL (f->scorecards));
  g_assert_cmpuint (count_labels (GTK_WIDGET (f->preview), "Renamed"), ==, 1 + 4);
  assert_label (vd_preview_get_ship_label (f->preview, 1), "100%");
  wait_for_draw (f);

  /* Setting the page it already shows rebinds it, once */
  vd_preview_set_page (f->preview, f->comparison, f->tools[0], f->tools[1],
                       G_LIST_MODEL (f->reviewers), G_LIST_MODEL (f->scorecards));
  g_assert_cmpuint (count_labels (GTK_WIDGET (f->preview), "Renamed"), ==, 1 + 4);
  vd_tool_set_name (f->tools[0], "Renamed again");
  g_assert_cmpuint (count_labels (GTK_WIDGET (f->preview), "Renamed again"), ==, 1 + 4);
  wait_for_draw (f);
}

static GdkTexture *
save_and_load (Fixture    *f,
               const char *basename)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = vd_test_path (basename);
  g_autofree char *contents = NULL;
  GdkTexture *texture;
  gsize length;

  wait_for_draw (f);
  g_assert_true (vd_preview_save_png (f->preview, path, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 8);
  g_assert_cmpmem (contents, 8, "\x89PNG\r\n\x1a\n", 8);

  texture = gdk_texture_new_from_filename (path, &error);
  g_assert_no_error (error);
  return texture;
}

static guint32 *
download (GdkTexture *texture)
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  guint32 *pixels = g_new (guint32, (gsize) width * height);

  gdk_texture_download (texture, (guchar *) pixels, width * 4);
  return pixels;
}

static guint
luminance (guint32 pixel)
{
  /* GDK_MEMORY_DEFAULT: B8G8R8A8 premultiplied, in native-endian words */
  return ((pixel >> 16) & 0xff) + ((pixel >> 8) & 0xff) + (pixel & 0xff);
}

static void
test_save_png (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GdkTexture) texture = save_and_load (f, "preview.png");
  g_autofree guint32 *pixels = NULL;
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  gsize n = (gsize) width * height;
  guint32 first;
  gboolean varied = FALSE;

  g_assert_cmpint (width, >, 300);
  g_assert_cmpint (height, >, 300);
  /* The whole page, not just the 700 pixels of it in view */
  g_assert_cmpint (height, >, gtk_widget_get_height (GTK_WIDGET (f->preview)));

  pixels = download (texture);
  first = pixels[0];
  g_assert_cmpuint (first >> 24, ==, 0xff);     /* a painted background, not transparency */
  for (gsize i = 1; i < n && !varied; i++)
    varied = pixels[i] != first;
  g_assert_true (varied);

  /* Right after an edit GTK has not drawn the page yet: try again later */
  vd_tool_set_name (f->tools[0], "Edited");
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *path = vd_test_path ("pending.png");

    g_assert_false (vd_preview_save_png (f->preview, path, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PENDING);
    g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  }
  g_clear_object (&texture);
  texture = save_and_load (f, "edited.png");
  g_assert_cmpint (gdk_texture_get_width (texture), ==, width);
}

static void
test_save_png_dark (Fixture       *f,
                    gconstpointer  data)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autoptr(GdkTexture) light = save_and_load (f, "light.png");
  g_autoptr(GdkTexture) dark = NULL;
  g_autofree guint32 *light_pixels = download (light);
  g_autofree guint32 *dark_pixels = NULL;

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  dark = save_and_load (f, "dark.png");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);

  dark_pixels = download (dark);
  g_assert_cmpuint (dark_pixels[0] >> 24, ==, 0xff);
  g_assert_cmpuint (luminance (dark_pixels[0]), <, luminance (light_pixels[0]));
}

static void
test_save_png_unmapped (void)
{
  GtkWidget *preview = g_object_ref_sink (vd_preview_new ());
  g_autoptr(GError) error = NULL;
  g_autofree char *path = vd_test_path ("never.png");

  g_assert_false (vd_preview_save_png (VD_PREVIEW (preview), path, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  g_assert_finalize_object (preview);
}

static void
test_construct (void)
{
  GtkWidget *widget = g_object_ref_sink (vd_preview_new ());

  g_assert_true (VD_IS_PREVIEW (widget));
  g_assert_nonnull (vd_preview_get_title_label (VD_PREVIEW (widget)));
  g_assert_null (vd_preview_get_quote_label (VD_PREVIEW (widget), "anyone", 0));
  g_assert_finalize_object (widget);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/preview/construct", test_construct);
  g_test_add_func ("/preview/png/unmapped", test_save_png_unmapped);
#define ADD(path, func) \
  g_test_add ("/preview/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("figures", test_figures);
  ADD ("pricing-read", test_pricing_read);
  ADD ("pricing-detail", test_pricing_detail);
  ADD ("live/verdict", test_live_verdict);
  ADD ("live/text", test_live_text);
  ADD ("long-quote-wraps", test_long_quote_wraps);
  ADD ("live/panel", test_panel_change);
  ADD ("live/missing-scorecard", test_missing_scorecard);
  ADD ("clear", test_clear);
  ADD ("png", test_save_png);
  ADD ("png/dark", test_save_png_dark);
#undef ADD

  return g_test_run ();
}
