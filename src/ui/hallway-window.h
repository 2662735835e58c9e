/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <adwaita.h>

#include "hallway-application.h"
#include "hallway-types.h"

G_BEGIN_DECLS

#define HALLWAY_TYPE_WINDOW (hallway_window_get_type ())
G_DECLARE_FINAL_TYPE (HallwayWindow, hallway_window, HALLWAY, WINDOW, AdwApplicationWindow)

HallwayWindow     *hallway_window_new            (HallwayApplication *application);
HallwayConference *hallway_window_get_conference (HallwayWindow      *self);
void               hallway_window_set_conference (HallwayWindow      *self,
                                                  HallwayConference  *conference);
void               hallway_window_show_error     (HallwayWindow      *self,
                                                  const char         *message);

G_END_DECLS
