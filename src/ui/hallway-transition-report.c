/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "hallway-transition-report"

#include <stdio.h>

#include "hallway-transition-report.h"

/* For the reduced-motion test (tests/ui/test-reduced-motion.py): with
 * HALLWAY_REPORT_TRANSITIONS set, print "page-shown: <frames> <title>" each time a
 * navigation page's transition ends, <frames> being how many frames the window painted
 * since it began ("showing"). With gtk-enable-animations false, libadwaita skips the slide
 * and a page is shown in the frame it was pushed in: 0. */

#define START_FRAME_KEY "hallway-transition-start-frame"

static gint64
frame_counter (GtkWidget *widget)
{
  GtkNative *native = gtk_widget_get_native (widget);
  GdkFrameClock *clock = native != NULL ? gtk_widget_get_frame_clock (GTK_WIDGET (native)) : NULL;

  return clock != NULL ? gdk_frame_clock_get_frame_counter (clock) : -1;
}

static gboolean
showing_hook (GSignalInvocationHint *hint, guint n_values, const GValue *values, gpointer data)
{
  GObject *page = g_value_get_object (&values[0]);
  gint64 *start = g_new (gint64, 1);

  *start = frame_counter (GTK_WIDGET (page));
  g_object_set_data_full (page, START_FRAME_KEY, start, g_free);
  return TRUE;
}

static gboolean
shown_hook (GSignalInvocationHint *hint, guint n_values, const GValue *values, gpointer data)
{
  AdwNavigationPage *page = g_value_get_object (&values[0]);
  gint64 *start = g_object_get_data (G_OBJECT (page), START_FRAME_KEY);

  if (start != NULL && *start >= 0)
    {
      printf ("page-shown: %" G_GINT64_FORMAT " %s\n", frame_counter (GTK_WIDGET (page)) - *start,
              adw_navigation_page_get_title (page));
      fflush (stdout);
    }
  return TRUE;
}

void
hallway_transition_report_if_asked (void)
{
  static gboolean hooked;
  GType type = ADW_TYPE_NAVIGATION_PAGE;

  if (hooked || g_getenv ("HALLWAY_REPORT_TRANSITIONS") == NULL)
    return;
  hooked = TRUE;
  g_type_ensure (type);
  g_signal_add_emission_hook (g_signal_lookup ("showing", type), 0, showing_hook, NULL, NULL);
  g_signal_add_emission_hook (g_signal_lookup ("shown", type), 0, shown_hook, NULL, NULL);
}
