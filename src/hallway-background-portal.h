/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Asks the background portal to let Hallway run without a window (a Flatpak app must ask),
 * and with autostart to start it at login as `hallway --gapplication-service`. window, a
 * realized window or NULL, parents the portal's dialog. The answer is only logged: without
 * the portal (no xdg-desktop-portal, outside Flatpak) the application's hold alone keeps
 * the reminders.
 *
 * The code is the module libhallway-portal's (hallway-background-portal.c): libportal is
 * not loaded before the first frame (issue 13). In hallway-gui this is the stand-in of
 * hallway-background-portal-loader.c, which loads the module at the first request. Main
 * thread only. */
void hallway_background_portal_request (GtkWindow  *window,
                                        const char *reason,
                                        gboolean    autostart);

G_END_DECLS
