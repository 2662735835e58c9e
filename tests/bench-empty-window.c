/* SPDX-License-Identifier: EUPL-1.2 */
/* The baseline of the start-up benchmark: the emptiest libadwaita window an app can show
 * (a header bar in a toolbar view), reporting its first frame like hallway does. */
#include <adwaita.h>

#include "hallway-first-frame.h"

static void
activate_cb (GApplication *app)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));
  GtkWidget *toolbar_view = adw_toolbar_view_new ();

  adw_toolbar_view_add_top_bar (ADW_TOOLBAR_VIEW (toolbar_view), adw_header_bar_new ());
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), toolbar_view);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  hallway_first_frame_report_if_asked (window);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int argc, char *argv[])
{
  g_autoptr (AdwApplication) app = adw_application_new ("io.github.hallway_app.EmptyWindow",
                                                        G_APPLICATION_NON_UNIQUE);

  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
