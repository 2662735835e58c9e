/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define HALLWAY_TYPE_PLAYER_WINDOW (hallway_player_window_get_type ())
G_DECLARE_FINAL_TYPE (HallwayPlayerWindow, hallway_player_window, HALLWAY, PLAYER_WINDOW,
                      AdwWindow)

/* Plays uri (a live stream's playlist, a recording) in a small window of its own, or
 * presents the one that already plays it. web_uri is what "Open in Browser" opens (the
 * stream's web page; the recording itself). title names the talk, subtitle its room. */
HallwayPlayerWindow *hallway_player_window_present (GtkApplication *application,
                                                    const char     *uri,
                                                    const char     *web_uri,
                                                    const char     *title,
                                                    const char     *subtitle);
const char          *hallway_player_window_get_uri (HallwayPlayerWindow *self);

G_END_DECLS
