/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "hallway-section-list"

#include "config.h"

#include "hallway-section-list.h"

/* The talk list's time slots and My Agenda's days: the same heading, so both read alike.
 * The label is in a box, where Now & Next adds the room's state. */
static void
setup_header_cb (GtkSignalListItemFactory *factory, GtkListHeader *header, gpointer numeric)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_widget_add_css_class (label, "heading");
  if (GPOINTER_TO_INT (numeric))
    gtk_widget_add_css_class (label, "numeric");
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_header_set_child (header, box);
}

GtkLabel *
hallway_section_list_get_header_label (GtkListHeader *header)
{
  return GTK_LABEL (gtk_widget_get_first_child (gtk_list_header_get_child (header)));
}

/* GtkListView binds and measures every row it keeps alive (about 200), not only the ten
 * on screen: the first frame gets the first rows only, enough to fill the window (rows_to_fill:
 * 20 for the default 700 pixels), and the list all of them from the frame after (issue 13).
 * The list has no rows until it is realized in its window, just before its first layout:
 * GtkListView makes and binds a row for each as soon as it has a model. */
#define FIRST_FRAME_ROWS 30
/* No row of a section list is shorter (a talk: its title and a line of details). */
#define ROW_MIN_HEIGHT 36

static GtkSliceListModel *
get_slice (GtkListView *list_view)
{
  GtkSelectionModel *selection = gtk_list_view_get_model (list_view);

  return GTK_SLICE_LIST_MODEL (gtk_no_selection_get_model (GTK_NO_SELECTION (selection)));
}

/* At least up to position and the rows after it that fill a window. The top needs no more
 * than the first frame's rows. */
static void
widen_to (GtkListView *list_view, guint position)
{
  GtkSliceListModel *slice = get_slice (list_view);
  guint size = gtk_slice_list_model_get_size (slice);

  if (position == 0)
    return;
  if (position >= size - MIN (size, FIRST_FRAME_ROWS))
    gtk_slice_list_model_set_size (slice, MAX (size, position + FIRST_FRAME_ROWS));
}

static int
tallest_monitor_height (GdkDisplay *display)
{
  GListModel *monitors = gdk_display_get_monitors (display);
  int tallest = 0;

  for (guint i = 0; i < g_list_model_get_n_items (monitors); i++)
    {
      g_autoptr (GdkMonitor) monitor = g_list_model_get_item (monitors, i);
      GdkRectangle geometry;

      gdk_monitor_get_geometry (monitor, &geometry);
      tallest = MAX (tallest, geometry.height);
    }
  return tallest;
}

/* The rows that fill the list's window at the first frame: its height once it has one, or
 * before then the size it will open with (the screen's, maximized). */
static guint
rows_to_fill (GtkWidget *list_view)
{
  GtkRoot *root = gtk_widget_get_root (list_view);
  int width, height;

  if (!GTK_IS_WINDOW (root))
    return FIRST_FRAME_ROWS;
  height = gtk_widget_get_height (GTK_WIDGET (root));
  if (height <= 0)
    {
      gtk_window_get_default_size (GTK_WINDOW (root), &width, &height);
      if (gtk_window_is_maximized (GTK_WINDOW (root)) ||
          gtk_window_is_fullscreen (GTK_WINDOW (root)))
        height = MAX (height, tallest_monitor_height (gtk_widget_get_display (list_view)));
    }
  if (height <= 0)
    return FIRST_FRAME_ROWS;
  return (guint) height / ROW_MIN_HEIGHT + 1;
}

/* Realized in its window, before its first layout: the rows that fill it, unless the list
 * was widened already to scroll to a row below them. */
static void
fill_first_frame_cb (GtkWidget *list_view)
{
  GtkSliceListModel *slice = get_slice (GTK_LIST_VIEW (list_view));
  guint rows = rows_to_fill (list_view);

  g_signal_handlers_disconnect_by_func (list_view, fill_first_frame_cb, NULL);
  if (gtk_slice_list_model_get_size (slice) < rows)
    gtk_slice_list_model_set_size (slice, rows);
}

/* Ticks come before each frame's layout, from the frame the list is realized for (when it
 * is first shown): the second follows the first frame painted. */
static gboolean
widen_after_first_frame_cb (GtkWidget *list_view, GdkFrameClock *clock, gpointer user_data)
{
  guint *frames = user_data;
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (list_view));
  gboolean at_top = gtk_adjustment_get_value (adjustment) <= gtk_adjustment_get_lower (adjustment);

  if (++*frames < 2)
    return G_SOURCE_CONTINUE;
  gtk_slice_list_model_set_size (get_slice (GTK_LIST_VIEW (list_view)), G_MAXUINT);
  /* The new rows take GtkListView's anchor to the first row's top, which hides its section
   * header: a list at its top stays there. */
  if (at_top)
    hallway_section_list_scroll_to_top (GTK_LIST_VIEW (list_view));
  return G_SOURCE_REMOVE;
}

/* Shows sections (taken) in list_view, without selection, through factories that call
 * funcs with user_data. */
void
hallway_section_list_setup (GtkListView                   *list_view,
                            GListModel                    *sections,
                            const HallwaySectionListFuncs *funcs,
                            gpointer                       user_data)
{
  g_autoptr (GtkListItemFactory) factory = NULL;
  g_autoptr (GtkListItemFactory) header_factory = NULL;
  g_autoptr (GtkNoSelection) selection = NULL;

  g_return_if_fail (GTK_IS_LIST_VIEW (list_view));
  g_return_if_fail (G_IS_LIST_MODEL (sections));
  g_return_if_fail (funcs != NULL);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", funcs->setup_row, user_data);
  g_signal_connect (factory, "bind", funcs->bind_row, user_data);
  if (funcs->unbind_row != NULL)
    g_signal_connect (factory, "unbind", funcs->unbind_row, user_data);
  header_factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (header_factory, "setup", G_CALLBACK (setup_header_cb),
                    GINT_TO_POINTER (funcs->numeric_headers));
  g_signal_connect (header_factory, "bind", funcs->bind_header, user_data);
  gtk_list_view_set_factory (list_view, factory);
  gtk_list_view_set_header_factory (list_view, header_factory);
  /* The slice and the selection take the references; the list view takes one of its own. */
  selection = gtk_no_selection_new (
    G_LIST_MODEL (gtk_slice_list_model_new (sections, 0, 0)));
  gtk_list_view_set_model (list_view, GTK_SELECTION_MODEL (selection));
  g_signal_connect (list_view, "realize", G_CALLBACK (fill_first_frame_cb), NULL);
  gtk_widget_add_tick_callback (GTK_WIDGET (list_view), widen_after_first_frame_cb,
                                g_new0 (guint, 1), g_free);
}

typedef struct
{
  GtkListView *list_view;
  guint position;
} ScrollTarget;

static ScrollTarget *
scroll_target_new (GtkListView *list_view, guint position)
{
  ScrollTarget *target = g_new0 (ScrollTarget, 1);

  g_set_weak_pointer (&target->list_view, list_view);
  target->position = position;
  return target;
}

static void
scroll_target_free (gpointer data, GClosure *closure)
{
  ScrollTarget *target = data;

  g_clear_weak_pointer (&target->list_view);
  g_free (target);
}

static void
set_scroll (GtkListView *list_view, guint position)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (list_view));

  /* The very top, with the first section's header; or the end, from where GtkListView,
   * which scrolls as little as it can, puts the row on top (after the next layout). */
  gtk_adjustment_set_value (adjustment, position == 0 ? 0 : gtk_adjustment_get_upper (adjustment));
}

static void
scroll_after_paint_cb (GdkFrameClock *clock, ScrollTarget *target)
{
  GtkListView *list_view = target->list_view;
  guint position = target->position;

  /* Frees target. */
  g_signal_handlers_disconnect_by_func (clock, scroll_after_paint_cb, target);
  if (list_view == NULL)
    return;
  if (position == 0)
    set_scroll (list_view, 0);
  else
    gtk_list_view_scroll_to (list_view, position, GTK_LIST_SCROLL_NONE, NULL);
}

/* Scrolls at once, and again after the next frame has laid the list out with what
 * changed: a list scrolled to its end that gets fewer rows can take its old anchor back
 * at that layout. */
static void
scroll_now (GtkListView *list_view, guint position)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (list_view));

  set_scroll (list_view, position);
  if (clock == NULL)
    return;
  g_signal_connect_data (clock, "after-paint", G_CALLBACK (scroll_after_paint_cb),
                         scroll_target_new (list_view, position), scroll_target_free, 0);
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_AFTER_PAINT);
}

static void
scroll_once_laid_out_cb (GtkAdjustment *adjustment, ScrollTarget *target)
{
  GtkListView *list_view = target->list_view;
  guint position = target->position;

  if (list_view == NULL || gtk_adjustment_get_upper (adjustment) <= 0)
    return;
  /* Frees target. */
  g_signal_handlers_disconnect_by_func (adjustment, scroll_once_laid_out_cb, target);
  scroll_now (list_view, position);
}

/* Puts the row at position at the top of the view (0: the very top, the first section's
 * header included). GtkListView anchors a new or changed model at its first row's top,
 * which leaves the header above it out of view (by about 58 px); and a list that is not
 * laid out yet places itself at its first layout, which is when to scroll then. */
void
hallway_section_list_scroll_to_row (GtkListView *list_view, guint position)
{
  GtkAdjustment *adjustment;

  g_return_if_fail (GTK_IS_LIST_VIEW (list_view));

  widen_to (list_view, position);
  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (list_view));
  g_signal_handlers_disconnect_matched (adjustment, G_SIGNAL_MATCH_FUNC, 0, 0, NULL,
                                        scroll_once_laid_out_cb, NULL);
  if (gtk_adjustment_get_upper (adjustment) > 0)
    {
      scroll_now (list_view, position);
      return;
    }
  g_signal_connect_data (adjustment, "changed", G_CALLBACK (scroll_once_laid_out_cb),
                         scroll_target_new (list_view, position), scroll_target_free, 0);
}

void
hallway_section_list_scroll_to_top (GtkListView *list_view)
{
  hallway_section_list_scroll_to_row (list_view, 0);
}

/* Headers bind again, for text that depends on more than their first row (the zone times are
 * shown in): GtkListView only rebinds a header when its section changes. */
void
hallway_section_list_rebind_headers (GtkListView *list_view)
{
  g_autoptr (GtkListItemFactory) header_factory = NULL;

  g_return_if_fail (GTK_IS_LIST_VIEW (list_view));

  header_factory = gtk_list_view_get_header_factory (list_view);
  if (header_factory == NULL)
    return;
  g_object_ref (header_factory);
  gtk_list_view_set_header_factory (list_view, NULL);
  gtk_list_view_set_header_factory (list_view, header_factory);
}
