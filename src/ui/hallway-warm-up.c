/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "hallway-warm-up"

#include "hallway-search.h"
#include "hallway-warm-up.h"
#include "hallway-web-loader.h"

/* What the first search keystroke and the first talk would otherwise pay for, done once the
 * window has painted a conference, so start-up does not wait for it: every talk's search
 * text, built in a worker (about 100 ms of CPU for FOSDEM 2026), and the web module with a
 * web view whose web and network processes are running (about 600 ms). */

#define CONFERENCE_KEY "hallway-warm-up-conference"

static void
warm_up (GtkWidget *window)
{
  g_autoptr (HallwayConference) conference =
    g_object_steal_data (G_OBJECT (window), CONFERENCE_KEY);

  if (conference != NULL)
    hallway_search_prepare_async (G_LIST_MODEL (conference), NULL, NULL, NULL);
  hallway_web_loader_warm_up ();
}

static void
after_paint_cb (GdkFrameClock *clock, GtkWidget *window)
{
  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, window);
  warm_up (window);
}

static void
realize_cb (GtkWidget *window)
{
  g_signal_handlers_disconnect_by_func (window, realize_cb, NULL);
  g_signal_connect_object (gtk_widget_get_frame_clock (window), "after-paint",
                           G_CALLBACK (after_paint_cb), window, G_CONNECT_DEFAULT);
}

/**
 * hallway_warm_up_after_next_frame:
 * @window: the window that shows @conference
 * @conference: the conference it now shows
 *
 * Prepares @conference's search and the web view once @window has painted its next frame.
 * Call it each time the window shows a conference or a new version of it; the web view is
 * warmed once per process.
 */
void
hallway_warm_up_after_next_frame (GtkWidget *window, HallwayConference *conference)
{
  GdkFrameClock *clock;
  gboolean waiting = g_object_get_data (G_OBJECT (window), CONFERENCE_KEY) != NULL;

  g_return_if_fail (GTK_IS_WIDGET (window));
  g_return_if_fail (HALLWAY_IS_CONFERENCE (conference));

  g_object_set_data_full (G_OBJECT (window), CONFERENCE_KEY, g_object_ref (conference),
                          g_object_unref);
  if (waiting)
    return; /* the frame awaited already takes the newest conference */
  clock = gtk_widget_get_frame_clock (window);
  if (clock == NULL)
    {
      g_signal_connect (window, "realize", G_CALLBACK (realize_cb), NULL);
      return;
    }
  g_signal_connect_object (clock, "after-paint", G_CALLBACK (after_paint_cb), window,
                           G_CONNECT_DEFAULT);
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_PAINT);
}
