/* SPDX-License-Identifier: EUPL-1.2 */
/* The section lists (the Schedule, My Agenda) on a real display: the first frame binds
 * the rows a window can show, not the 200 GtkListView keeps alive (issue 13: measuring
 * them all was most of start-up), and every row is reachable after it: by the list's
 * length, and by scrolling to a row far below the first frame's. */
#include "config.h"

#include "hallway-section-list.h"
#include "hallway-test-utils.h"

#define N_ROWS 205
#define ROWS_A_SLOT 5
/* The test's window, 700 pixels tall, shows at most 20 rows of the Schedule (none is shorter
 * than 36 pixels); the first frame binds no more. */
#define MAX_FIRST_FRAME_ROWS 20

typedef struct
{
  GtkWidget *window;
  GtkListView *list_view;
  GHashTable *bound;       /* row texts bound so far */
  guint n_bound_first_frame;
  gboolean painted;
} Fixture;

static void
setup_row_cb (GtkSignalListItemFactory *factory, GtkListItem *item, Fixture *fixture)
{
  gtk_list_item_set_child (item, gtk_label_new (NULL));
}

static void
bind_row_cb (GtkSignalListItemFactory *factory, GtkListItem *item, Fixture *fixture)
{
  const char *text = gtk_string_object_get_string (gtk_list_item_get_item (item));

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text);
  g_hash_table_add (fixture->bound, g_strdup (text));
}

static void
bind_header_cb (GtkSignalListItemFactory *factory, GtkListHeader *header, Fixture *fixture)
{
  gtk_label_set_text (hallway_section_list_get_header_label (header), "Slot");
}

/* Rows "Row 000" … in time slots of ROWS_A_SLOT, as the Schedule's sort model gives them. */
static int
compare_slot (gconstpointer a, gconstpointer b, gpointer user_data)
{
  const char *x = gtk_string_object_get_string ((GtkStringObject *) a);
  const char *y = gtk_string_object_get_string ((GtkStringObject *) b);

  return (int) (g_ascii_strtoull (x + 4, NULL, 10) / ROWS_A_SLOT) -
         (int) (g_ascii_strtoull (y + 4, NULL, 10) / ROWS_A_SLOT);
}

static GListModel *
new_sections (void)
{
  GtkStringList *rows = gtk_string_list_new (NULL);
  GtkSortListModel *sections;

  for (guint i = 0; i < N_ROWS; i++)
    {
      g_autofree char *text = g_strdup_printf ("Row %03u", i);

      gtk_string_list_append (rows, text);
    }
  sections = gtk_sort_list_model_new (G_LIST_MODEL (rows), NULL);
  gtk_sort_list_model_set_section_sorter (
    sections, GTK_SORTER (gtk_custom_sorter_new (compare_slot, NULL, NULL)));
  return G_LIST_MODEL (sections);
}

static void
after_paint_cb (GdkFrameClock *clock, Fixture *fixture)
{
  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, fixture);
  fixture->n_bound_first_frame = g_hash_table_size (fixture->bound);
  fixture->painted = TRUE;
}

static void
realize_cb (GtkWidget *window, Fixture *fixture)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (after_paint_cb), fixture);
}

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  static const HallwaySectionListFuncs funcs = {
    .setup_row = G_CALLBACK (setup_row_cb),
    .bind_row = G_CALLBACK (bind_row_cb),
    .bind_header = G_CALLBACK (bind_header_cb),
  };
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  fixture->bound = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1000, 700);
  fixture->list_view = GTK_LIST_VIEW (gtk_list_view_new (NULL, NULL));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (fixture->list_view));
  gtk_window_set_child (GTK_WINDOW (fixture->window), scrolled);
  hallway_section_list_setup (fixture->list_view, new_sections (), &funcs, fixture);
  g_signal_connect (fixture->window, "realize", G_CALLBACK (realize_cb), fixture);
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_hash_table_unref (fixture->bound);
}

static void
present_and_wait_for_first_frame (Fixture *fixture)
{
  gtk_window_present (GTK_WINDOW (fixture->window));
  while (!fixture->painted)
    g_main_context_iteration (NULL, TRUE);
}

static guint
n_rows_shown (Fixture *fixture)
{
  return g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (fixture->list_view)));
}

static double
scroll_position (Fixture *fixture)
{
  return gtk_adjustment_get_value (gtk_scrollable_get_vadjustment (
    GTK_SCROLLABLE (fixture->list_view)));
}

static void
test_first_frame_binds_few_rows (Fixture *fixture, gconstpointer data)
{
  /* As a page opens its list. */
  hallway_section_list_scroll_to_top (fixture->list_view);
  present_and_wait_for_first_frame (fixture);
  g_test_message ("rows bound by the first frame: %u", fixture->n_bound_first_frame);
  g_assert_cmpuint (fixture->n_bound_first_frame, >, 0);
  g_assert_cmpuint (fixture->n_bound_first_frame, <=, MAX_FIRST_FRAME_ROWS);

  /* Then every row: the list is whole, still at its very top (the first time slot's header
   * shows), and the last row can be scrolled to. */
  hallway_test_run_main_loop (200);
  g_assert_cmpuint (n_rows_shown (fixture), ==, N_ROWS);
  g_assert_cmpfloat (scroll_position (fixture), ==, 0);
  hallway_section_list_scroll_to_row (fixture->list_view, N_ROWS - 1);
  hallway_test_run_main_loop (200);
  g_assert_true (g_hash_table_contains (fixture->bound, "Row 204"));
}

/* Scrolling before the first frame to a row far below the first frame's rows (the
 * Schedule during the conference opens at the talk running now) reaches it. */
static void
test_scroll_beyond_first_rows (Fixture *fixture, gconstpointer data)
{
  hallway_section_list_scroll_to_row (fixture->list_view, 150);
  present_and_wait_for_first_frame (fixture);
  hallway_test_run_main_loop (200);
  g_assert_true (g_hash_table_contains (fixture->bound, "Row 150"));
  g_assert_cmpuint (n_rows_shown (fixture), ==, N_ROWS);
}

int
main (int argc, char *argv[])
{
  hallway_test_init (&argc, &argv, HALLWAY_TEST_ENGLISH);
  gtk_disable_setlocale ();
  gtk_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add ("/section-list/first-frame-binds-few-rows", Fixture, NULL, fixture_set_up,
              test_first_frame_binds_few_rows, fixture_tear_down);
  g_test_add ("/section-list/scroll-beyond-first-rows", Fixture, NULL, fixture_set_up,
              test_scroll_beyond_first_rows, fixture_tear_down);
  return g_test_run ();
}
