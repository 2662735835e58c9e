/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <adwaita.h>

#include "hallway-application.h"
#include "hallway-library.h"
#include "hallway-plan.h"
#include "hallway-subscription.h"

G_BEGIN_DECLS

#define HALLWAY_TYPE_WINDOW (hallway_window_get_type ())
G_DECLARE_FINAL_TYPE (HallwayWindow, hallway_window, HALLWAY, WINDOW, AdwApplicationWindow)

HallwayWindow *hallway_window_new        (HallwayApplication *application);
HallwayPlan   *hallway_window_get_plan   (HallwayWindow      *self);
void           hallway_window_set_plan   (HallwayWindow      *self,
                                          HallwayPlan        *plan);
void           hallway_window_set_library      (HallwayWindow       *self,
                                                HallwayLibrary      *library);
void           hallway_window_set_subscription (HallwayWindow       *self,
                                                HallwaySubscription *subscription);
void           hallway_window_show_talk (HallwayWindow      *self,
                                          const char         *key);
void           hallway_window_show_message (HallwayWindow      *self,
                                          const char         *message);
void           hallway_window_show_lasting_message (HallwayWindow *self,
                                                    const char    *message);

G_END_DECLS
