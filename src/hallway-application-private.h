/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include "hallway-application.h"
#include "hallway-library.h"
#include "hallway-reminder-service.h"
#include "hallway-window.h"

G_BEGIN_DECLS

/* What the application's own files (hallway-application-actions.c) share. */

/* The built-in demo conference's id: its files are bookmarks/demo.json and so on. */
#define HALLWAY_APPLICATION_DEMO_ID "demo"

void                    hallway_application_actions_install (HallwayApplication  *self);
HallwayLibrary         *hallway_application_get_library     (HallwayApplication  *self);
HallwayReminderService *hallway_application_get_reminders   (HallwayApplication  *self);
/* The one GSettings object, handed to the window and the dialogs. */
GSettings              *hallway_application_get_settings    (HallwayApplication  *self);
/* The built-in demo conference, read from the resources the first time. */
HallwayLibraryEntry    *hallway_application_get_demo        (HallwayApplication  *self);
HallwayWindow          *hallway_application_ensure_window   (HallwayApplication  *self);
/* Shows a conference in the window (made if need be) and follows its reminders; a
 * followed one becomes the current conference. */
void                    hallway_application_show_entry      (HallwayApplication  *self,
                                                             HallwayLibraryEntry *entry);
/* The current conference, else the first followed one, else the demo. */
void                    hallway_application_show_current    (HallwayApplication  *self);
void                    hallway_application_show_error      (HallwayApplication  *self,
                                                             const char          *message);
void                    hallway_application_refresh_now     (HallwayApplication  *self);

G_END_DECLS
