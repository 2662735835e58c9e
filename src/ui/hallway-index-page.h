/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <adwaita.h>

#include "hallway-plan.h"
#include "hallway-room-status.h"

G_BEGIN_DECLS

typedef enum
{
  HALLWAY_INDEX_TRACKS,
  HALLWAY_INDEX_ROOMS,
  HALLWAY_INDEX_SPEAKERS,
} HallwayIndexKind;

#define HALLWAY_TYPE_INDEX_PAGE (hallway_index_page_get_type ())
G_DECLARE_FINAL_TYPE (HallwayIndexPage, hallway_index_page, HALLWAY, INDEX_PAGE, AdwNavigationPage)

/* The tracks, rooms or speakers of a conference, each with its number of talks, filtered
 * as you type. "item-activated" (HallwayTrack, HallwayRoom or HallwayPerson). */
HallwayIndexPage *hallway_index_page_new          (HallwayPlan      *plan,
                                                   HallwayIndexKind  kind);
void              hallway_index_page_start_search (HallwayIndexPage *self);

void              hallway_index_page_set_room_status (HallwayIndexPage  *self,
                                                      HallwayRoomStatus *status);

G_END_DECLS
