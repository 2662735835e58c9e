/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "hallway-first-frame"

#include <stdio.h>

#include "hallway-first-frame.h"

/* For the start-up benchmarks (tests/bench-startup.py): with HALLWAY_REPORT_FIRST_FRAME
 * set, print the CLOCK_MONOTONIC time of the window's first painted frame, and of the first
 * frame painted after a conference is in it, each with the peak RSS so far. The benchmark
 * compares them with the time it spawned the process. */

static void
print_peak_rss (void)
{
  g_autofree char *status = NULL;
  g_auto (GStrv) lines = NULL;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return;
  lines = g_strsplit (status, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], "VmHWM:") || g_str_has_prefix (lines[i], "VmRSS:"))
      printf ("%s\n", lines[i]);
}

/* "<what>-monotonic-us: …", the frame clock's counter (which frame it was) and the memory
 * peak: the lines the benchmarks and tests read. */
static void
report_frame (const char *what, GdkFrameClock *clock)
{
  printf ("%s-monotonic-us: %" G_GINT64_FORMAT "\n", what, g_get_monotonic_time ());
  printf ("%s-counter: %" G_GINT64_FORMAT "\n", what, gdk_frame_clock_get_frame_counter (clock));
  print_peak_rss ();
  fflush (stdout);
}

static void
after_paint_cb (GdkFrameClock *clock, GtkWidget *window)
{
  report_frame ("first-frame", clock);
  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, window);
}

static void
content_painted_cb (GdkFrameClock *clock, GtkWidget *window)
{
  report_frame ("content-frame", clock);
  g_signal_handlers_disconnect_by_func (clock, content_painted_cb, window);
}

/* The window now shows a conference: report the next painted frame, once. */
void
hallway_first_frame_content_shown (GtkWidget *window)
{
  GdkFrameClock *clock;

  if (g_getenv ("HALLWAY_REPORT_FIRST_FRAME") == NULL ||
      g_object_get_data (G_OBJECT (window), "hallway-content-reported") != NULL)
    return;
  g_object_set_data (G_OBJECT (window), "hallway-content-reported", GINT_TO_POINTER (TRUE));
  clock = gtk_widget_get_frame_clock (window);
  if (clock == NULL)
    {
      g_signal_connect (window, "realize", G_CALLBACK (hallway_first_frame_content_shown), NULL);
      g_object_set_data (G_OBJECT (window), "hallway-content-reported", NULL);
      return;
    }
  g_signal_handlers_disconnect_by_func (window, hallway_first_frame_content_shown, NULL);
  g_signal_connect (clock, "after-paint", G_CALLBACK (content_painted_cb), window);
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_PAINT);
}

static void
realize_cb (GtkWidget *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), window);
}

void
hallway_first_frame_report_if_asked (GtkWidget *window)
{
  if (g_getenv ("HALLWAY_REPORT_FIRST_FRAME") == NULL)
    return;
  g_signal_connect (window, "realize", G_CALLBACK (realize_cb), NULL);
}
