/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <adwaita.h>

#include "hallway-library-entry.h"
#include "hallway-plan.h"
#include "hallway-room-status.h"

G_BEGIN_DECLS

#define HALLWAY_TYPE_TALK_PAGE (hallway_talk_page_get_type ())
G_DECLARE_FINAL_TYPE (HallwayTalkPage, hallway_talk_page, HALLWAY, TALK_PAGE, AdwNavigationPage)

/* One talk page per window, reused for every talk so the web view is made once.
 * Signals: "track-activated" (HallwayTrack), "person-activated" (HallwayPerson),
 * "talk-activated" (HallwayTalk, from "More in This Track"). */
HallwayTalkPage *hallway_talk_page_new             (HallwayPlan     *plan);
void             hallway_talk_page_set_talk       (HallwayTalkPage *self,
                                                    HallwayTalk    *talk);
HallwayTalk    *hallway_talk_page_get_talk       (HallwayTalkPage *self);
void             hallway_talk_page_toggle_bookmark (HallwayTalkPage *self);

void             hallway_talk_page_set_room_status (HallwayTalkPage   *self,
                                                    HallwayRoomStatus *status);
/* The conference shown, for its rooms' live streams (Watch Live plays them in Hallway). */
void             hallway_talk_page_set_entry       (HallwayTalkPage     *self,
                                                    HallwayLibraryEntry *entry);

G_END_DECLS
